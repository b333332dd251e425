package savings_test

import (
	"fmt"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/savings"
	"github.com/stretchr/testify/require"
)

var ids25 = func() []shg.MemberID {
	out := make([]shg.MemberID, 25)
	for i := range out {
		out[i] = shg.MemberID(fmt.Sprintf("member-%02d", i+1))
	}
	return out
}()

// BenchmarkFund_Deposit books b.N deposits, rotating over 25 members, one
// meeting a week. Run with -benchtime=1000000x for one million deposits.
func BenchmarkFund_Deposit(b *testing.B) {
	f := savings.MustFund(shg.IRR)
	amt := shg.Toman(100_000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		at := savings.Entry{Date: day0.AddDays(7 * (i / 25)), Ref: "weekly"}
		if err := f.Deposit(at, ids25[i%25], amt, 2); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if f.Len() != b.N {
		b.Fatalf("%d postings, want %d", f.Len(), b.N)
	}
}

// yearOf25 is a year of weekly meetings of 25 members: 52 deposits each, a
// loan to each member repaid with interest, a fine now and then.
func yearOf25(tb testing.TB) savings.Fund {
	tb.Helper()
	f := savings.MustFund(shg.IRR)
	for w := range 52 {
		at := savings.Entry{Date: day0.AddDays(7 * w), Ref: fmt.Sprint("week-", w+1)}
		for i, id := range ids25 {
			require.NoError(tb, f.Deposit(at, id, shg.Rials(int64(100_000*(1+i%5))), 1+i%5))
			if w == 10 {
				require.NoError(tb, f.DisburseLoan(at, id, shg.Rials(500_000)))
			}
			if w == 30 {
				require.NoError(tb, f.CollectLoan(at, id, savings.Collection{Principal: shg.Rials(500_000), Interest: shg.Rials(int64(10_000 + i))}))
			}
			if (w+i)%17 == 0 {
				require.NoError(tb, f.Fine(at, id, shg.Rials(5_000)))
			}
		}
	}
	return f
}

func BenchmarkFund_ShareOut25(b *testing.B) {
	f := yearOf25(b)
	at := savings.Entry{Date: day0.AddDays(7 * 52)}
	for _, basis := range []savings.ShareOutBasis{savings.BySavings, savings.ByShares, savings.BySavingsTime} {
		b.Run(basis.String(), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				g := f.Clone()
				d, err := g.ShareOut(at, savings.ShareOutOptions{Basis: basis})
				if err != nil || len(d.Payouts) != 25 {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFund_Clone(b *testing.B) {
	f := yearOf25(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		g := f.Clone()
		_ = g
	}
}

func TestYearOf25(t *testing.T) {
	f := yearOf25(t)
	// 25 × 52 deposits, 25 loans, 25 repayments, fines on (w+i)%17 == 0.
	fines := 0
	for w := range 52 {
		for i := range 25 {
			if (w+i)%17 == 0 {
				fines++
			}
		}
	}
	require.Equal(t, 25*52+50+fines, f.Len())
	d, err := f.ShareOut(savings.Entry{Date: day0.AddDays(7 * 52)}, savings.ShareOutOptions{Basis: savings.BySavingsTime})
	require.NoError(t, err)
	require.Len(t, d.Payouts, 25)
	require.True(t, f.TrialBalance().Balanced())
}

// BenchmarkPlan_Check checks one deposit against each kind of plan: the
// group package calls it for every deposit of every meeting.
func BenchmarkPlan_Check(b *testing.B) {
	cases := []struct {
		name    string
		plan    savings.Plan
		deposit shg.Money
		shares  int
	}{
		{"equalFixed/paid", savings.Plan{Kind: savings.EqualFixed, Amount: shg.Toman(100_000)}, shg.Toman(100_000), 0},
		{"equalFixed/short", savings.Plan{Kind: savings.EqualFixed, Amount: shg.Toman(100_000)}, shg.Toman(60_000), 0},
		{"equalFixed/none", savings.Plan{Kind: savings.EqualFixed, Amount: shg.Toman(100_000)}, shg.Money{}, 0},
		{"shares", savings.Plan{Kind: savings.Shares, Amount: shg.Rials(50_000), MinShares: 1, MaxShares: 5}, shg.Rials(150_000), 3},
		{"flexible", savings.Plan{Kind: savings.Flexible, Amount: shg.Rials(10_000)}, shg.Rials(25_000), 0},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := c.plan.Check(c.deposit, c.shares); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFund_MarkRollback is the undo a command needs, the cheap way:
// on a year of 25 members' books, Mark, book a deposit, and either roll
// it back (a refused command) or keep it (Mark again to commit). Compare
// BenchmarkFund_Clone, the copy it replaces.
func BenchmarkFund_MarkRollback(b *testing.B) {
	at := savings.Entry{Date: day0.AddDays(7 * 52), Ref: "week-53"}
	amt := shg.Rials(100_000)
	b.Run("rollback", func(b *testing.B) {
		f := yearOf25(b)
		n := f.Len()
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			m := f.Mark()
			if err := f.Deposit(at, ids25[i%25], amt, 1); err != nil {
				b.Fatal(err)
			}
			f.Rollback(m)
		}
		b.StopTimer()
		if f.Len() != n {
			b.Fatalf("%d postings after rollbacks, want %d", f.Len(), n)
		}
	})
	b.Run("commit", func(b *testing.B) {
		f := yearOf25(b)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			f.Mark()
			if err := f.Deposit(at, ids25[i%25], amt, 1); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("markOnly", func(b *testing.B) {
		f := yearOf25(b)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			f.Rollback(f.Mark())
		}
	})
}

// BenchmarkFund_CloneDeposit is what the group package does today for a
// command: clone the fund, then book on the clone.
func BenchmarkFund_CloneDeposit(b *testing.B) {
	f := yearOf25(b)
	at := savings.Entry{Date: day0.AddDays(7 * 52), Ref: "week-53"}
	amt := shg.Rials(100_000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g := f.Clone()
		if err := g.Deposit(at, ids25[i%25], amt, 1); err != nil {
			b.Fatal(err)
		}
	}
}
