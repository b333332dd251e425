package group_test

import (
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/policy"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A member who leaves is paid her savings once: the share-out that ends
// the cycle pays only those still in the group.
func TestVSLA_ExitThenShareOut(t *testing.T) {
	p := policy.VSLA()
	g := constituted(t, p, 10)
	price := p.Savings.Plan.Amount // one share
	five := price.Mul(decimal.NewFromInt(5))
	_, err := g.HoldMeeting(sh(1397, 7, 1), meeting(g, five))
	require.NoError(t, err)
	require.NoError(t, g.Exit(sh(1397, 7, 8), mid(10), "moved away"))
	assert.Equal(t, 0, g.Fund().Shares(mid(10)))

	// A year after formation (21 Shahrivar 1397) the cycle ends. No loans,
	// no income: the pool is the nine members' 9 × 5 shares, and each of
	// them gets exactly her own five shares' worth back.
	dist, err := g.ShareOut(sh(1398, 6, 21))
	require.NoError(t, err)
	pool := five.Mul(decimal.NewFromInt(9))
	assert.True(t, dist.Pool.Equal(pool), "pool %s", dist.Pool)
	for _, po := range dist.Payouts {
		if po.Member == mid(10) {
			assert.True(t, po.Amount.IsZero(), "the leaver is paid again: %s", po.Amount)
			continue
		}
		assert.True(t, po.Amount.Equal(five), "%s gets %s", po.Member, po.Amount)
	}
}

// The policy states penal interest as an annual rate; one month's worth
// (6% / 12 = 0.5%) of the overdue installment is charged once, after the
// grace days.
func TestKermanshah_LatePenalty(t *testing.T) {
	p := policy.KermanshahBehzisti()
	require.Equal(t, "0.06", p.Delinquency.PenaltyRate.String())
	require.Equal(t, 7, p.Delinquency.GraceDays)
	g := constituted(t, p, 15)
	m := meeting(g, shg.Toman(100_000))
	m.Loans = []group.LoanRequest{{Member: mid(4), Amount: shg.Rials(1_000_000), Installments: 2}}
	ids, err := g.HoldMeeting(sh(1397, 7, 1), m)
	require.NoError(t, err)
	l, _ := g.Loan(ids[0])
	first, _ := l.Account.Installment(1)
	require.Equal(t, sh(1397, 8, 1), first.Due)

	// Due 1 Aban, grace 7 days: on 8 Aban nothing is charged yet; on 9
	// Aban the penalty is 0.5% of the unpaid installment, rounded to the rial.
	assert.True(t, l.Account.Arrears(sh(1397, 8, 8)).Penalty.IsZero())
	want := first.Total.Mul(decimal.RequireFromString("0.005")).Round(shg.Rounding{})
	got := l.Account.Arrears(sh(1397, 8, 9)).Penalty
	assert.True(t, got.Equal(want), "penalty %s, want %s", got, want)
	assert.True(t, got.LessThan(first.Total.Mul(decimal.RequireFromString("0.01"))), "no more than 1%% of the installment")
}

// The group owes its own bank loan: only the bank could write it off.
func TestGroup_WriteOffOwnDebtRefused(t *testing.T) {
	p := policy.KermanshahBehzisti()
	p.BankLinkage.Borrower = policy.BorrowerGroup
	g := linkedReadyUnder(t, p)
	on := sh(1397, 12, 1)
	_, err := g.HoldMeeting(on, meeting(g, shg.Toman(100_000)))
	require.NoError(t, err)
	ids, err := g.ApplyForTranche(on, 1, []policy.MemberRequest{{Member: mid(1), Amount: shg.Toman(2_500_000)}})
	require.NoError(t, err)
	require.True(t, g.Fund().BankLoan().Equal(shg.Toman(2_500_000)))
	before, n := snapshot(t, g), g.Len()
	err = g.WriteOff(sh(1398, 6, 1), ids[0], "cannot pay")
	requireRefused(t, g, before, n, err, group.CodeOwnDebt)
	l, _ := g.Loan(ids[0])
	assert.Equal(t, loan.Active, l.Account.Status())
}

// Grading counts the group's age from its founding, as tranches do: at 6
// months (formed 5 months and 10 days before) a Kermanshah group is graded.
func TestKermanshah_GradedAtSixMonths(t *testing.T) {
	g := linkedReady(t)
	on := sh(1397, 12, 1)
	_, err := g.HoldMeeting(on, meeting(g, shg.Toman(100_000)))
	require.NoError(t, err)
	require.Equal(t, 6, g.AgeMonths(on))
	require.Equal(t, 6, g.Policy().Grading.MinMonthsActive)
	assert.NotEqual(t, policy.Ungraded, g.Grade(on).Grade)
	assert.Equal(t, policy.Ungraded, g.Grade(sh(1397, 11, 30)).Grade, "5 months old")
}

func TestReplay_NewPolicyVersion(t *testing.T) {
	g := linkedReady(t)
	p := policy.KermanshahBehzisti()
	p.Version = "1398"
	p.Lending.MaxSavingsMultiple = decimal.NewFromInt(1) // tightened
	r, err := group.Replay(p, g.Events())
	require.NoError(t, err)
	assert.Equal(t, snapshot(t, g), snapshot(t, r))
}

func TestReplay_AfterDissolution(t *testing.T) {
	g := found(t, policy.KermanshahBehzisti())
	require.NoError(t, g.Dissolve(sh(1397, 6, 2), "no members came"))
	evs := g.Events()
	extra := group.Event{Seq: len(evs) + 1, On: sh(1397, 6, 3), Data: group.PreparationSessionHeld{Topic: "late"}}
	_, err := group.Replay(policy.KermanshahBehzisti(), append(evs, extra))
	assert.ErrorIs(t, err, group.ErrBadLog)
}

// The repayment rate's integer path agrees with its exact decimal path,
// and with a figure derived by hand.
func TestGroup_RepaymentRate(t *testing.T) {
	p := policy.KermanshahBehzisti()
	p.Lending.Pricing.AnnualRate = decimal.Zero // interest-free: installments of 500,000
	g := constituted(t, p, 15)
	m := meeting(g, shg.Toman(100_000))
	m.Loans = []group.LoanRequest{{Member: mid(4), Amount: shg.Rials(1_000_000), Installments: 2}}
	ids, err := g.HoldMeeting(sh(1397, 7, 1), m)
	require.NoError(t, err)
	// 1 Aban: installment 1 (500,000) due and unpaid; a partial payment of
	// 200,000 makes the rate 200,000 / 500,000 = 0.4.
	m = meeting(g, shg.Toman(100_000))
	m.Repayments = []group.Repayment{{Loan: ids[0], Amount: shg.Rials(200_000)}}
	_, err = g.HoldMeeting(sh(1397, 8, 1), m)
	require.NoError(t, err)
	f := g.GateFacts(sh(1397, 8, 1))
	assert.Equal(t, "0.4", f.RepaymentRate.String())
	// On 1 Azar both installments (1,000,000) are due, 200,000 paid: 0.2.
	assert.Equal(t, "0.2", g.GateFacts(sh(1397, 9, 1)).RepaymentRate.String())
}
