package group_test

import (
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The scenarios follow the source article under policy.KermanshahBehzisti():
// groups of 15–25 rural women, preparation → formation → sustainability, a
// first Keshavarzi Bank loan after 6 months capped at 2,500,000 toman per
// member, then 3,000,000.

func TestKermanshah_FormationNeeds15Members(t *testing.T) {
	p := policy.KermanshahBehzisti()
	g := constituted(t, p, 14)
	before, n := snapshot(t, g), g.Len()
	err := g.Advance(sh(1397, 6, 23))
	requireRefused(t, g, before, n, err, "gate.formation.min_members")
	assert.Equal(t, policy.Formation, g.Stage())

	require.NoError(t, g.Admit(sh(1397, 6, 23), woman(15)))
	require.NoError(t, g.Advance(sh(1397, 6, 23)))
	assert.Equal(t, policy.Sustainability, g.Stage())
}

func TestKermanshah_26thMemberRefused(t *testing.T) {
	g := formed(t, policy.KermanshahBehzisti(), 25)
	before, n := snapshot(t, g), g.Len()
	err := g.Admit(sh(1397, 6, 25), woman(26))
	requireRefused(t, g, before, n, err, "membership.max_members")
	assert.Equal(t, 25, g.ActiveMembers())
}

func TestKermanshah_EligibilityAndDates(t *testing.T) {
	g := formed(t, policy.KermanshahBehzisti(), 15)
	before, n := snapshot(t, g), g.Len()

	man := woman(30)
	man.Gender = 2 // member.Male
	requireRefused(t, g, before, n, g.Admit(sh(1397, 6, 25), man), "membership.gender")

	urban := woman(31)
	urban.Rural = false
	requireRefused(t, g, before, n, g.Admit(sh(1397, 6, 25), urban), "membership.rural")

	requireRefused(t, g, before, n, g.Admit(sh(1397, 6, 1), woman(32)), group.CodeDateBackwards)
	requireRefused(t, g, before, n, g.Admit(sh(1397, 6, 25), woman(3)), group.CodeDuplicateMember)
}

// linkedReady runs a Kermanshah group of 15 from founding on 1 Shahrivar
// 1397 to the meeting of 1 Bahman: formed on 21 Shahrivar, in
// sustainability from 22 Shahrivar, monthly meetings on the 1st from Mehr
// with every member saving 100,000 toman, and one internal loan to m04 of
// 3,000,000 rials over 3 months granted on 1 Aban and repaid on time.
func linkedReady(t *testing.T) *group.Group { return linkedReadyTB(t) }

func linkedReadyTB(t testing.TB) *group.Group {
	t.Helper()
	return linkedReadyUnder(t, policy.KermanshahBehzisti())
}

// linkedReadyUnder is linkedReady under a variant of the Kermanshah policy.
func linkedReadyUnder(t testing.TB, p policy.Policy) *group.Group {
	t.Helper()
	g := constituted(t, p, 15)
	require.NoError(t, g.Advance(sh(1397, 6, 22)))
	require.Equal(t, policy.Sustainability, g.Stage())

	save := shg.Toman(100_000)
	var lid shg.LoanID
	for month := 7; month <= 11; month++ {
		on := sh(1397, month, 1)
		m := meeting(g, save)
		if lid != "" {
			l, ok := g.Loan(lid)
			require.True(t, ok)
			if l.Account.Status() == loan.Active {
				due := l.Account.Due(on)
				if due.IsPositive() {
					m.Repayments = append(m.Repayments, group.Repayment{Loan: lid, Amount: due})
				}
			}
		}
		if month == 8 {
			m.Loans = []group.LoanRequest{{Member: mid(4), Amount: shg.Rials(3_000_000), Installments: 3}}
		}
		ids, err := g.HoldMeeting(on, m)
		require.NoError(t, err, "meeting %d", month)
		if month == 8 {
			require.Len(t, ids, 1)
			lid = ids[0]
		}
	}
	return g
}

func TestKermanshah_Tranche1AfterSixMonths(t *testing.T) {
	g := linkedReady(t)
	req := func(amount shg.Money) []policy.MemberRequest {
		return []policy.MemberRequest{{Member: mid(1), Amount: amount}, {Member: mid(2), Amount: shg.Toman(2_000_000)}}
	}

	// 15 Bahman 1397 is 5 months and 14 days after 1 Shahrivar: 5 whole months.
	before, n := snapshot(t, g), g.Len()
	_, err := g.ApplyForTranche(sh(1397, 11, 15), 1, req(shg.Toman(2_500_000)))
	requireRefused(t, g, before, n, err, "tranche.min_group_age")
	assert.Equal(t, 5, g.AgeMonths(sh(1397, 11, 15)))

	// The meeting of 1 Esfand keeps the books up to date; the group is
	// then exactly 6 months old.
	_, err = g.HoldMeeting(sh(1397, 12, 1), meeting(g, shg.Toman(100_000)))
	require.NoError(t, err)
	on := sh(1397, 12, 1)
	assert.True(t, g.Mature(on), "%v", g.Gate(policy.Sustainability, on).Unmet())

	// 2,500,001 toman for one member is one toman over the first cap.
	before, n = snapshot(t, g), g.Len()
	_, err = g.ApplyForTranche(on, 1, req(shg.Toman(2_500_001)))
	requireRefused(t, g, before, n, err, "tranche.max_per_member")

	ids, err := g.ApplyForTranche(on, 1, req(shg.Toman(2_500_000)))
	require.NoError(t, err)
	require.Len(t, ids, 2, "members borrow individually: one loan each")
	l, _ := g.Loan(ids[0])
	assert.True(t, l.Account.Disbursed().Equal(shg.Rials(25_000_000)))
	assert.Equal(t, mid(1), l.Member)
	// Members borrow from the bank directly: the group's fund is untouched.
	assert.True(t, g.Fund().BankLoan().IsZero())

	// Tranche 2 is refused while tranche 1 is unpaid...
	on2 := sh(1398, 1, 15)
	req2 := []policy.MemberRequest{{Member: mid(1), Amount: shg.Toman(3_000_000)}}
	before, n = snapshot(t, g), g.Len()
	_, err = g.ApplyForTranche(on2, 2, req2)
	requireRefused(t, g, before, n, err, "tranche.previous_repaid")

	// ...and granted once both loans are paid off. Keep meetings regular.
	_, err = g.HoldMeeting(sh(1398, 1, 1), meeting(g, shg.Toman(100_000)))
	require.NoError(t, err)
	for _, id := range ids {
		l, _ := g.Loan(id)
		payoff, err := l.Account.Payoff(on2)
		require.NoError(t, err)
		_, err = g.RepayBank(on2, id, payoff)
		require.NoError(t, err)
		l, _ = g.Loan(id)
		assert.Equal(t, loan.Closed, l.Account.Status())
	}
	ids2, err := g.ApplyForTranche(on2, 2, req2)
	require.NoError(t, err)
	require.Len(t, ids2, 1)
	assert.Len(t, g.Tranches(), 2)

	// A tranche is received once.
	before, n = snapshot(t, g), g.Len()
	_, err = g.ApplyForTranche(on2, 1, req2)
	requireRefused(t, g, before, n, err, group.CodeTrancheOrder)
}

func TestKermanshah_InternalLoanCappedBySavings(t *testing.T) {
	p := policy.KermanshahBehzisti()
	g := constituted(t, p, 15)
	_, err := g.HoldMeeting(sh(1397, 7, 1), meeting(g, shg.Toman(100_000)))
	require.NoError(t, err)

	// After the second meeting m05 has saved 2 × 1,000,000 rials; the
	// policy lends at most MaxSavingsMultiple (2) times that: 4,000,000.
	// The fund then holds 15 × 2,000,000 = 30,000,000 rials, so the
	// fund-share cap (20%: 6,000,000) and cash do not bind first.
	require.Equal(t, "2", p.Lending.MaxSavingsMultiple.String())
	m := meeting(g, shg.Toman(100_000))
	m.Loans = []group.LoanRequest{{Member: mid(5), Amount: shg.Rials(4_000_001), Installments: 4}}
	before, n := snapshot(t, g), g.Len()
	_, err = g.HoldMeeting(sh(1397, 8, 1), m)
	requireRefused(t, g, before, n, err, "lending.max_savings_multiple")

	m.Loans[0].Amount = shg.Rials(4_000_000)
	ids, err := g.HoldMeeting(sh(1397, 8, 1), m)
	require.NoError(t, err)
	require.Len(t, ids, 1)
	assert.True(t, g.Fund().Receivable(mid(5)).Equal(shg.Rials(4_000_000)))
	// Cash: 30,000,000 saved − 4,000,000 lent.
	assert.True(t, g.Fund().Cash().Total.Equal(shg.Rials(26_000_000)))
}

func TestGroup_RepayBankLoans(t *testing.T) {
	g := linkedReady(t)
	on := sh(1397, 12, 1)
	_, err := g.HoldMeeting(on, meeting(g, shg.Toman(100_000)))
	require.NoError(t, err)
	ids, err := g.ApplyForTranche(on, 1, []policy.MemberRequest{
		{Member: mid(1), Amount: shg.Toman(1_000_000)}, {Member: mid(2), Amount: shg.Toman(2_000_000)}})
	require.NoError(t, err)

	due := sh(1398, 1, 1) // the first installments fall due a month later
	var rs []group.Repayment
	for _, id := range ids {
		l, _ := g.Loan(id)
		rs = append(rs, group.Repayment{Loan: id, Amount: l.Account.Due(due)})
	}
	t.Run("ErrOverpayment", func(t *testing.T) {
		// The second repayment overpays: neither is booked.
		bad := append([]group.Repayment{}, rs...)
		l, _ := g.Loan(ids[1])
		po, _ := l.Account.Payoff(due)
		bad[1].Amount, _ = po.Add(shg.Rials(1))
		before, n := snapshot(t, g), g.Len()
		_, err := g.RepayBankLoans(due, bad)
		requireRefused(t, g, before, n, err, "loan.overpayment")
	})
	t.Run("ErrDuplicate", func(t *testing.T) {
		before, n := snapshot(t, g), g.Len()
		_, err := g.RepayBankLoans(due, []group.Repayment{rs[0], rs[0]})
		requireRefused(t, g, before, n, err, group.CodeDuplicateLoan)
	})
	t.Run("OK", func(t *testing.T) {
		txs, err := g.RepayBankLoans(due, rs)
		require.NoError(t, err)
		require.Len(t, txs, 2)
		for i, tx := range txs {
			assert.True(t, tx.Total().Equal(rs[i].Amount))
			l, _ := g.Loan(ids[i])
			assert.True(t, l.Account.Due(due).IsZero(), "installment 1 paid")
		}
	})
}
