package savings_test

import (
	"fmt"
	"math/big"
	"sort"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/savings"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func ghs(s string) shg.Money { return shg.MustParseMoney(s + " GHS") }

// TestFund_ShareOut_ByShares follows the VSLA example of Spex/Agrocenta
// ("VSLA Contributions"): shares at GH₵5, Ama holds 45 of 900 shares, the
// group earned GH₵900, so Ama gets 45 × 5 = 225 back plus 45/900 × 900 = 45
// profit, 270 in all. Here B holds 455 and C 400 shares; total savings
// 900 × 5 = 4,500, pool 4,500 + 900 = 5,400, value of a share 5,400 / 900
// = 6: A 45 × 6 = 270, B 455 × 6 = 2,730, C 400 × 6 = 2,400.
func TestFund_ShareOut_ByShares(t *testing.T) {
	f := savings.MustFund("GHS")
	for m, n := range map[shg.MemberID]int{"A": 45, "B": 455, "C": 400} {
		require.NoError(t, f.Deposit(on(0), m, ghs(fmt.Sprint(5*n)), n))
	}
	require.NoError(t, f.DisburseLoan(on(1), "C", ghs("4000")))
	require.NoError(t, f.CollectLoan(on(60), "C", savings.Collection{Principal: ghs("4000"), Interest: ghs("900")}))
	assert.Equal(t, 45, f.Shares("A"))

	plan, err := f.PlanShareOut(on(90), savings.ShareOutOptions{Basis: savings.ByShares})
	require.NoError(t, err)
	assert.Equal(t, 5, f.Len(), "planning posts nothing")
	d, err := f.ShareOut(on(90), savings.ShareOutOptions{Basis: savings.ByShares})
	require.NoError(t, err)
	assert.Equal(t, plan.Pool.String(), d.Pool.String())
	assertMoney(t, "5400 GHS", d.Pool)
	want := map[shg.MemberID]string{"A": "270 GHS", "B": "2730 GHS", "C": "2400 GHS"}
	for _, p := range d.Payouts {
		assertMoney(t, want[p.Member], p.Amount, "payout to %s", p.Member)
	}
	assertMoney(t, "45 GHS", d.Payouts[0].Profit())
	assert.Equal(t, "45", d.Payouts[0].Weight.String())
	assert.Equal(t, 0, f.Shares("A"))
	assert.True(t, f.Cash().Total.IsZero())
}

// TestFund_ShareOut_BySavingsTime: A saves 1,000 rials on day 0, B 1,000 on
// day 30, C pays a 301 fine on day 30; share-out on day 90. Member-days:
// A 1,000 × 90 = 90,000, B 1,000 × 60 = 60,000, of 150,000. The 301 of
// earnings divide 0.6 / 0.4: A 180.6, B 120.4; floors 180 + 120 = 300, the
// last rial to the larger remainder, A. Payouts: A 1,000 + 181 = 1,181,
// B 1,000 + 120 = 1,120; pool 2,301.
//
// By savings instead, the pool 2,301 splits 1:1, 1,150.5 each: floors
// 1,150 + 1,150, the last rial to the tie's lower ID, A: 1,151 and 1,150.
func TestFund_ShareOut_BySavingsTime(t *testing.T) {
	f := savings.MustFund(shg.IRR)
	require.NoError(t, f.Deposit(on(0), "A", shg.Rials(1_000), 0))
	require.NoError(t, f.Deposit(on(30), "B", shg.Rials(1_000), 0))
	require.NoError(t, f.Fine(on(30), "C", shg.Rials(301)))

	bySavings, err := f.PlanShareOut(on(90), savings.ShareOutOptions{Basis: savings.BySavings})
	require.NoError(t, err)
	assertMoney(t, "1151 IRR", bySavings.Payouts[0].Amount)
	assertMoney(t, "1150 IRR", bySavings.Payouts[1].Amount)

	d, err := f.ShareOut(on(90), savings.ShareOutOptions{Basis: savings.BySavingsTime})
	require.NoError(t, err)
	require.Len(t, d.Payouts, 2, "C paid a fine but saved nothing")
	assert.Equal(t, "90000", d.Payouts[0].Weight.String())
	assert.Equal(t, "60000", d.Payouts[1].Weight.String())
	assertMoney(t, "1181 IRR", d.Payouts[0].Amount)
	assertMoney(t, "1120 IRR", d.Payouts[1].Amount)
	assertMoney(t, "2301 IRR", d.Pool)
	assert.True(t, f.TrialBalance().Balanced())
}

// TestFund_ShareOut_Withdrawal: member-days follow the balance. A saves
// 2,000 on day 0 and withdraws 1,000 on day 10; B saves 1,000 on day 0;
// share-out on day 20 with 90 of fines. A: 2,000 × 10 + 1,000 × 10 =
// 30,000; B: 1,000 × 20 = 20,000. Earnings 90 × 3/5 = 54 and 36.
func TestFund_ShareOut_Withdrawal(t *testing.T) {
	f := savings.MustFund(shg.IRR)
	require.NoError(t, f.Deposit(on(0), "A", shg.Rials(2_000), 0))
	require.NoError(t, f.Deposit(on(0), "B", shg.Rials(1_000), 0))
	require.NoError(t, f.Withdraw(on(10), "A", shg.Rials(1_000), savings.WithdrawVoluntary, "medicine"))
	require.NoError(t, f.Fine(on(10), "B", shg.Rials(90)))
	d, err := f.ShareOut(on(20), savings.ShareOutOptions{Basis: savings.BySavingsTime})
	require.NoError(t, err)
	assert.Equal(t, "30000", d.Payouts[0].Weight.String())
	assertMoney(t, "1054 IRR", d.Payouts[0].Amount)
	assertMoney(t, "1036 IRR", d.Payouts[1].Amount)
}

// TestFund_ShareOut_Exit: an exit forfeits the member-days held before it.
// A saves 1,000 on day 0, exits on day 10 (paid 1,000), saves 1,000 again on
// day 10; B saves 1,000 on day 0; 100 of fines; share-out on day 20.
// A: 1,000 × 10 = 10,000 (the first 10 days are forfeited); B: 20,000.
// Earnings 100: A 33⅓, B 66⅔; floors 33 + 66, the last rial to B (⅔ > ⅓).
func TestFund_ShareOut_Exit(t *testing.T) {
	f := savings.MustFund(shg.IRR)
	require.NoError(t, f.Deposit(on(0), "A", shg.Rials(1_000), 0))
	require.NoError(t, f.Deposit(on(0), "B", shg.Rials(1_000), 0))
	require.NoError(t, f.Fine(on(0), "B", shg.Rials(100)))
	_, err := f.ExitSettlement(on(10), "A")
	require.NoError(t, err)
	require.NoError(t, f.Deposit(on(10), "A", shg.Rials(1_000), 0))
	d, err := f.ShareOut(on(20), savings.ShareOutOptions{Basis: savings.BySavingsTime})
	require.NoError(t, err)
	assert.Equal(t, "10000", d.Payouts[0].Weight.String())
	assert.Equal(t, "20000", d.Payouts[1].Weight.String())
	assertMoney(t, "1033 IRR", d.Payouts[0].Amount)
	assertMoney(t, "1067 IRR", d.Payouts[1].Amount)
}

// TestFund_ShareOut_Loss: A saves 1,000 and B 3,000; B borrows 500, which is
// written off. Pool = 4,000 − 500 = 3,500. By savings × time the loss is
// borne by savings, 1:3: A loses 125, B 375: A 875, B 2,625. By savings the
// whole pool splits 1:3 with the same result.
func TestFund_ShareOut_Loss(t *testing.T) {
	f := savings.MustFund(shg.IRR)
	require.NoError(t, f.Deposit(on(0), "A", shg.Rials(1_000), 0))
	require.NoError(t, f.Deposit(on(0), "B", shg.Rials(3_000), 0))
	require.NoError(t, f.DisburseLoan(on(0), "B", shg.Rials(500)))
	require.NoError(t, f.WriteOffLoan(on(10), "B", shg.Rials(500)))
	assertMoney(t, "-500 IRR", f.Income().Net)
	for _, basis := range []savings.ShareOutBasis{savings.BySavings, savings.BySavingsTime} {
		d, err := f.PlanShareOut(on(20), savings.ShareOutOptions{Basis: basis})
		require.NoError(t, err)
		assertMoney(t, "3500 IRR", d.Pool)
		assertMoney(t, "875 IRR", d.Payouts[0].Amount, basis.String())
		assertMoney(t, "2625 IRR", d.Payouts[1].Amount, basis.String())
		assertMoney(t, "-125 IRR", d.Payouts[0].Profit())
	}
	_, err := f.ShareOut(on(20), savings.ShareOutOptions{})
	require.NoError(t, err)
	assert.True(t, f.Cash().Total.IsZero())
	assert.True(t, f.Balance(savings.RetainedEarnings, "").IsZero())
}

// TestFund_ShareOut_SocialFund: 600 of savings (A 200, B 400) and 90 in the
// social fund. Kept: pool 600, the box keeps 90. Shared: pool 690, A 230,
// B 460.
func TestFund_ShareOut_SocialFund(t *testing.T) {
	f := savings.MustFund(shg.IRR)
	require.NoError(t, f.Deposit(on(0), "A", shg.Rials(200), 0))
	require.NoError(t, f.Deposit(on(0), "B", shg.Rials(400), 0))
	require.NoError(t, f.SocialContribution(on(0), "A", shg.Rials(90)))

	kept := f.Clone()
	d, err := kept.ShareOut(on(1), savings.ShareOutOptions{})
	require.NoError(t, err)
	assertMoney(t, "600 IRR", d.Pool)
	assertMoney(t, "90 IRR", d.SocialFundKept)
	assertMoney(t, "90 IRR", kept.Cash().Box)
	assertMoney(t, "90 IRR", kept.SocialFund())

	d, err = f.ShareOut(on(1), savings.ShareOutOptions{IncludeSocialFund: true})
	require.NoError(t, err)
	assertMoney(t, "690 IRR", d.Pool)
	assertMoney(t, "90 IRR", d.SocialFund)
	assertMoney(t, "0 IRR", d.SocialFundKept)
	assertMoney(t, "230 IRR", d.Payouts[0].Amount)
	assertMoney(t, "460 IRR", d.Payouts[1].Amount)
	assert.True(t, f.SocialFund().IsZero())
	assert.True(t, f.Cash().Total.IsZero())
	assert.True(t, f.TrialBalance().Balanced())
}

func TestFund_ShareOut_Refusals(t *testing.T) {
	t.Run("ErrLoansOutstanding", func(t *testing.T) {
		f := savings.MustFund(shg.IRR)
		require.NoError(t, f.Deposit(on(0), "A", shg.Rials(1_000), 0))
		require.NoError(t, f.DisburseLoan(on(0), "A", shg.Rials(400)))
		_, err := f.ShareOut(on(5), savings.ShareOutOptions{})
		var re *shg.RuleError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, []string{savings.CodeLoansOutstanding}, re.Codes())
		assert.Equal(t, "400 IRR", re.Violations[0].Got)
		assert.Contains(t, re.Violations[0].Message, "A")
		// Collected, it goes through.
		require.NoError(t, f.CollectLoan(on(5), "A", savings.Collection{Principal: shg.Rials(400)}))
		_, err = f.ShareOut(on(5), savings.ShareOutOptions{})
		require.NoError(t, err)
	})
	t.Run("ErrNoShares", func(t *testing.T) {
		f := savings.MustFund(shg.IRR)
		require.NoError(t, f.Deposit(on(0), "A", shg.Rials(1_000), 2))
		require.NoError(t, f.Deposit(on(0), "B", shg.Rials(1_000), 0))
		_, err := f.ShareOut(on(5), savings.ShareOutOptions{Basis: savings.ByShares})
		assert.True(t, shg.HasCode(err, savings.CodeNoShares), "%v", err)
	})
	t.Run("ErrWeights", func(t *testing.T) {
		// Earnings but no saver: nothing to divide them by.
		f := savings.MustFund(shg.IRR)
		require.NoError(t, f.Fine(on(0), "A", shg.Rials(50)))
		_, err := f.ShareOut(on(5), savings.ShareOutOptions{})
		assert.True(t, shg.HasCode(err, savings.CodeShareOutWeights), "%v", err)
		// Savings made on the share-out day hold no member-days.
		require.NoError(t, f.Deposit(on(5), "A", shg.Rials(10), 0))
		_, err = f.ShareOut(on(5), savings.ShareOutOptions{Basis: savings.BySavingsTime})
		assert.True(t, shg.HasCode(err, savings.CodeShareOutWeights), "%v", err)
	})
	t.Run("ErrNegativePool", func(t *testing.T) {
		// 100 saved, 100 to the social fund, 200 lent and written off:
		// pool = 100 − 200 = −100.
		f := savings.MustFund(shg.IRR)
		require.NoError(t, f.Deposit(on(0), "A", shg.Rials(100), 0))
		require.NoError(t, f.SocialContribution(on(0), "A", shg.Rials(100)))
		require.NoError(t, f.DisburseLoan(on(0), "A", shg.Rials(200)))
		require.NoError(t, f.WriteOffLoan(on(0), "A", shg.Rials(200)))
		_, err := f.ShareOut(on(5), savings.ShareOutOptions{})
		assert.True(t, shg.HasCode(err, savings.CodeNegativePool), "%v", err)
	})
	t.Run("ErrCashElsewhere", func(t *testing.T) {
		f := savings.MustFund(shg.IRR)
		require.NoError(t, f.Deposit(on(0), "A", shg.Rials(100), 0))
		require.NoError(t, f.TransferToBank(on(0), shg.Rials(60)))
		_, err := f.ShareOut(on(5), savings.ShareOutOptions{})
		var re *shg.RuleError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, []string{savings.CodeInsufficientCash}, re.Codes())
		assert.Equal(t, ">= 100 IRR", re.Violations[0].Want)
		assert.Equal(t, "40 IRR", re.Violations[0].Got)
	})
	t.Run("EmptyFund", func(t *testing.T) {
		f := savings.MustFund(shg.IRR)
		d, err := f.ShareOut(on(5), savings.ShareOutOptions{})
		require.NoError(t, err)
		assert.Empty(t, d.Payouts)
		assert.Equal(t, 2, f.Cycle())
		assert.Equal(t, 0, f.Len())
		err = f.Deposit(on(4), "A", shg.Rials(1), 0)
		assert.True(t, shg.HasCode(err, savings.CodeDateOrder), "the share-out dated the books")
	})
}

// TestFund_ShareOut_Exact checks, for random groups of up to 25 members,
// that payouts sum exactly to the pool and that each is within one unit of
// its exact share, computed with big.Rat from the deposits alone.
func TestFund_ShareOut_Exact(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 25).Draw(t, "members")
		basis := savings.ShareOutBasis(rapid.IntRange(0, 2).Draw(t, "basis"))
		f := savings.MustFund("INR")
		sav := make([]int64, n)
		shares := make([]int64, n)
		md := make([]int64, n)
		const end = 100
		type dep struct {
			day, member, shares int
			amt                 int64
		}
		var deps []dep
		for i := range n {
			for range rapid.IntRange(1, 5).Draw(t, "deposits") {
				deps = append(deps, dep{day: rapid.IntRange(0, end-1).Draw(t, "day"), member: i,
					amt: rapid.Int64Range(1, 10_000_000).Draw(t, "paise"), shares: rapid.IntRange(1, 5).Draw(t, "shares")})
			}
		}
		sort.SliceStable(deps, func(a, b int) bool { return deps[a].day < deps[b].day })
		for _, x := range deps {
			id := shg.MemberID(fmt.Sprintf("m%02d", x.member))
			require.NoError(t, f.Deposit(savings.Entry{Date: day0.AddDays(x.day)}, id, inr(x.amt), x.shares))
			sav[x.member] += x.amt
			shares[x.member] += int64(x.shares)
			md[x.member] += x.amt * int64(end-x.day) // each paisa counts the days it was held
		}
		earn := rapid.Int64Range(0, 5_000_000).Draw(t, "fines")
		if earn > 0 {
			require.NoError(t, f.Fine(savings.Entry{Date: day0.AddDays(end)}, "m00", inr(earn)))
		}
		d, err := f.ShareOut(savings.Entry{Date: day0.AddDays(end)}, savings.ShareOutOptions{Basis: basis})
		require.NoError(t, err)
		var S int64
		for _, s := range sav {
			S += s
		}
		pool := S + earn
		require.Equal(t, pool, paise(t, d.Pool))
		require.Len(t, d.Payouts, n)
		w := make([]int64, n)
		share, base := pool, false
		switch basis {
		case savings.BySavings:
			copy(w, sav)
		case savings.ByShares:
			copy(w, shares)
		case savings.BySavingsTime:
			copy(w, md)
			share, base = earn, true
		}
		var W int64
		for _, x := range w {
			W += x
		}
		var sum int64
		for i, p := range d.Payouts {
			got := paise(t, p.Amount)
			exact := big.NewRat(share, 1)
			exact.Mul(exact, big.NewRat(w[i], W))
			if base {
				exact.Add(exact, big.NewRat(sav[i], 1))
			}
			diff := new(big.Rat).Sub(big.NewRat(got, 1), exact)
			require.True(t, diff.Abs(diff).Cmp(big.NewRat(1, 1)) < 0,
				"member %d: %d paise, exact %s", i, got, exact.FloatString(3))
			sum += got
		}
		require.Equal(t, pool, sum)
	})
}
