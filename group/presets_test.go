package group_test

import (
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/policy"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The same group, run under the three presets, meets their different rules.

func TestPresets_GroupSize(t *testing.T) {
	// Kermanshah and VSLA take up to 25 members, NABARD 20.
	for name, tc := range map[string]struct {
		p    policy.Policy
		code string
	}{
		"kermanshah": {policy.KermanshahBehzisti(), ""},
		"vsla":       {policy.VSLA(), ""},
		"nabard":     {policy.NABARDLinkage(), "membership.max_members"},
	} {
		t.Run(name, func(t *testing.T) {
			g := formed(t, tc.p, 20)
			before, n := snapshot(t, g), g.Len()
			err := g.Admit(sh(1397, 6, 25), woman(21))
			if tc.code == "" {
				require.NoError(t, err)
				return
			}
			requireRefused(t, g, before, n, err, tc.code)
		})
	}
}

func TestPresets_VSLA_Shares(t *testing.T) {
	p := policy.VSLA()
	g := constituted(t, p, 15)
	price := p.Savings.Plan.Amount // one share
	require.Equal(t, 1, p.Savings.Plan.MinShares)
	require.Equal(t, 5, p.Savings.Plan.MaxShares)
	on := sh(1397, 7, 1)
	for _, tc := range []struct {
		halfShares int64
		code       string
	}{
		{3, "savings.share_multiple"},    // 1.5 shares
		{12, "savings.above_max_shares"}, // 6 shares, above the 5 allowed
	} {
		m := meeting(g, price)
		m.Deposits[0].Amount = price.Mul(decimalHalf(tc.halfShares))
		before, n := snapshot(t, g), g.Len()
		_, err := g.HoldMeeting(on, m)
		requireRefused(t, g, before, n, err, tc.code)
	}
	m := meeting(g, price)
	m.Deposits[0].Amount = price.Mul(decimalHalf(10)) // 5 shares
	_, err := g.HoldMeeting(on, m)
	require.NoError(t, err)
	assert.Equal(t, 5, g.Fund().Shares(mid(1)))
	assert.Equal(t, 1, g.Fund().Shares(mid(2)))

	// A VSLA has no bank linkage.
	before, n := snapshot(t, g), g.Len()
	_, err = g.ApplyForTranche(on, 1, nil)
	requireRefused(t, g, before, n, err, group.CodeMeeting) // no requests
	_, err = g.ApplyForTranche(on, 1, []policy.MemberRequest{{Member: mid(1), Amount: price}})
	requireRefused(t, g, before, n, err, "tranche.unknown")

	// Its cycle is a year: no share-out after one meeting.
	_, err = g.ShareOut(on)
	requireRefused(t, g, before, n, err, group.CodeShareOutCycle)
}

// decimalHalf is k halves as a decimal.
func decimalHalf(k int64) decimal.Decimal { return decimal.New(k*5, -1) }

func TestPresets_NABARD_GroupBorrowsByCorpus(t *testing.T) {
	p := policy.NABARDLinkage()
	g := constituted(t, p, 15)
	require.NoError(t, g.Advance(sh(1397, 6, 22)))
	save := p.Savings.Plan.Amount // Rs 50 a week

	// 27 weekly meetings from 13 September 2018; m04 borrows Rs 100 over two
	// months at the fourth and repays on time.
	start := shg.MustDate(shg.Gregorian, 2018, 9, 13)
	var lid shg.LoanID
	on := start
	for w := 0; w < 27; w++ {
		on = start.AddDays(7 * w)
		m := meeting(g, save)
		if lid != "" {
			if l, _ := g.Loan(lid); l.Account.Due(on).IsPositive() {
				m.Repayments = []group.Repayment{{Loan: lid, Amount: l.Account.Due(on)}}
			}
		}
		if w == 3 {
			m.Loans = []group.LoanRequest{{Member: mid(4), Amount: shg.MustParseMoney("100 INR"), Installments: 2}}
		}
		ids, err := g.HoldMeeting(on, m)
		require.NoError(t, err, "week %d", w)
		if w == 3 {
			lid = ids[0]
		}
	}
	// on is 14 March 2019: 6 months after founding on 23 August 2018.
	require.Equal(t, 6, g.AgeMonths(on))
	require.True(t, g.Mature(on), "%v", g.Gate(policy.Sustainability, on).Unmet())
	require.GreaterOrEqual(t, g.Grade(on).Grade, policy.GradeB)

	// Savings are 15 × 27 × Rs 50 = Rs 20,250; with the interest on one
	// Rs 100 loan the corpus is below Rs 21,250, so 6 × corpus is below
	// Rs 127,500: Rs 150,000 (15 × 10,000) exceeds it.
	corpus := g.Corpus()
	require.True(t, corpus.GreaterThan(shg.MustParseMoney("20250 INR")) || corpus.Equal(shg.MustParseMoney("20250 INR")))
	require.True(t, corpus.LessThan(shg.MustParseMoney("21250 INR")))
	reqs := func(each string) []policy.MemberRequest {
		var r []policy.MemberRequest
		for i := 1; i <= 15; i++ {
			r = append(r, policy.MemberRequest{Member: mid(i), Amount: shg.MustParseMoney(each + " INR")})
		}
		return r
	}
	before, n := snapshot(t, g), g.Len()
	_, err := g.ApplyForTranche(on, 1, reqs("10000"))
	requireRefused(t, g, before, n, err, "tranche.corpus_multiple")

	// Rs 90,000 is under the Rs 1 lakh floor, which a small group may
	// always borrow; the group borrows it as one loan into its fund.
	cashBefore := g.Fund().Cash().Total
	ids, err := g.ApplyForTranche(on, 1, reqs("6000"))
	require.NoError(t, err)
	require.Len(t, ids, 1)
	assert.True(t, g.Fund().BankLoan().Equal(shg.MustParseMoney("90000 INR")))
	cashAfter, _ := cashBefore.Add(shg.MustParseMoney("90000 INR"))
	assert.True(t, g.Fund().Cash().Total.Equal(cashAfter))
}
