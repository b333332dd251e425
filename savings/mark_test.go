package savings_test

import (
	"fmt"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/savings"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// markMembers are the members of the mark tests' funds: few, so that
// operations meet the same members' books again and again.
var markMembers = []shg.MemberID{"ali", "bahar", "cyrus", "dara", "elham"}

// fundOp is one drawn operation, applied the same way to any fund: its
// outcome depends only on the fund's state, so two funds in the same
// state give the same result and end in the same state.
type fundOp struct {
	kind   int
	m      shg.MemberID
	amt    int64
	huge   bool // an amount beyond an int64 of rials
	day    int  // days after day0
	ref    string
	via    savings.Account
	n      int // bulk: deposits; fill: postings left in the block
	basis  savings.ShareOutBasis
	social bool
}

const (
	opDeposit = iota
	opFine
	opSocial
	opSocialPayout
	opDisburse
	opCollect
	opWriteOff
	opWithdraw
	opExit
	opTransfer
	opBankLoan
	opBankRepay
	opBulk     // n deposits in one meeting
	opFill     // deposits until n postings are left in the ledger's block
	opShareOut // write off the loans, repay the bank, share out
	numOps
)

// drawOps draws n operations dated from *day on; a few are backdated
// (and refused).
func drawOps(t *rapid.T, label string, n int, day *int) []fundOp {
	ops := make([]fundOp, n)
	for i := range ops {
		o := fundOp{
			kind: rapid.IntRange(0, numOps-1).Draw(t, label+"kind"),
			m:    rapid.SampledFrom(markMembers).Draw(t, label+"member"),
			amt:  rapid.Int64Range(-10, 2_000_000).Draw(t, label+"amt"),
			ref:  rapid.SampledFrom([]string{"", "m1", "m2", "voucher"}).Draw(t, label+"ref"),
			via:  savings.Account(rapid.IntRange(0, 2).Draw(t, label+"via")),
		}
		o.huge = rapid.IntRange(0, 20).Draw(t, label+"huge") == 0
		*day += rapid.IntRange(0, 3).Draw(t, label+"dt")
		o.day = *day
		if rapid.IntRange(0, 15).Draw(t, label+"backdate") == 0 {
			o.day = *day - 1
		}
		switch o.kind {
		case opBulk:
			o.n = rapid.IntRange(1, 300).Draw(t, label+"bulk")
		case opFill:
			o.n = rapid.IntRange(0, 4).Draw(t, label+"left")
		case opShareOut:
			o.basis = savings.ShareOutBasis(rapid.IntRange(0, 2).Draw(t, label+"basis"))
			o.social = rapid.Bool().Draw(t, label+"social")
		}
		ops[i] = o
	}
	return ops
}

func (o fundOp) money() shg.Money {
	if o.huge {
		// 10^20 + amt rials: no int64 holds it.
		return shg.MustMoney(decimal.New(1, 20).Add(decimal.NewFromInt(o.amt)), shg.IRR)
	}
	return shg.Rials(o.amt)
}

// apply applies o to f and describes the outcome.
func (o fundOp) apply(f *savings.Fund) string {
	at := savings.Entry{Date: day0.AddDays(o.day), Ref: o.ref, Via: o.via}
	amt := o.money()
	var err error
	switch o.kind {
	case opDeposit:
		err = f.Deposit(at, o.m, amt, int(o.amt%4))
	case opFine:
		err = f.Fine(at, o.m, amt)
	case opSocial:
		err = f.SocialContribution(at, o.m, amt)
	case opSocialPayout:
		err = f.SocialPayout(at, o.m, amt, "funeral")
	case opDisburse:
		err = f.DisburseLoan(at, o.m, amt)
	case opCollect:
		err = f.CollectLoan(at, o.m, savings.Collection{Principal: amt, Interest: shg.Rials(o.amt % 1000)})
	case opWriteOff:
		err = f.WriteOffLoan(at, o.m, amt)
	case opWithdraw:
		if o.amt%3 == 0 { // all her savings: her shares stay, her payout may be nothing
			amt = f.Savings(o.m)
		}
		err = f.Withdraw(at, o.m, amt, savings.WithdrawVoluntary, "school fees")
	case opExit:
		var s savings.Settlement
		s, err = f.ExitSettlement(at, o.m)
		if err == nil {
			return "exit " + s.Net().String()
		}
	case opTransfer:
		if o.amt%2 == 0 {
			err = f.TransferToBank(at, amt)
		} else {
			err = f.TransferToBox(at, amt)
		}
	case opBankLoan:
		err = f.BankLoanReceived(at, amt)
	case opBankRepay:
		err = f.BankLoanRepaid(at, amt, shg.Rials(o.amt%500))
	case opBulk, opFill:
		for i := 0; o.kind == opBulk && i < o.n || o.kind == opFill && (f.Len()+o.n)%256 != 0; i++ {
			if err = f.Deposit(at, markMembers[i%len(markMembers)], shg.Rials(int64(1000+i)), 1); err != nil {
				break
			}
		}
	case opShareOut:
		out := ""
		for _, m := range markMembers {
			if r := f.Receivable(m); r.IsPositive() {
				out += fmt.Sprint(f.WriteOffLoan(at, m, r), ";")
			}
		}
		if l := f.BankLoan(); l.IsPositive() {
			out += fmt.Sprint(f.BankLoanRepaid(at, l, shg.Rials(0)), ";")
		}
		d, err := f.ShareOut(at, savings.ShareOutOptions{Basis: o.basis, IncludeSocialFund: o.social})
		return out + fmt.Sprint(d.Pool, len(d.Payouts), err)
	}
	return fmt.Sprint(err)
}

func snap(t require.TestingT, f savings.Fund) string {
	b, err := f.MarshalJSON()
	require.NoError(t, err)
	return string(b)
}

// TestFund_MarkRollback: operations, a Mark, more operations (refused
// ones, share-outs, hundreds of postings across blocks), then Rollback
// gives back the books of the mark byte for byte, and the fund goes on
// exactly as a clone taken at the mark does. Clones taken before and
// after the mark are never touched.
func TestFund_MarkRollback(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		day := 0
		f := savings.MustFund(shg.IRR)
		for _, o := range drawOps(t, "pre", rapid.IntRange(0, 25).Draw(t, "npre"), &day) {
			o.apply(&f)
		}
		before := f.Clone()
		beforeSnap := snap(t, before)
		if rapid.Bool().Draw(t, "earlyMark") {
			f.Mark() // superseded by the mark below
			for _, o := range drawOps(t, "early", rapid.IntRange(0, 5).Draw(t, "nearly"), &day) {
				o.apply(&f)
			}
		}
		m := f.Mark()
		atMark := f.Clone()
		markSnap := snap(t, f)

		after := f.Clone()
		afterSnap := snap(t, after)
		cloneAt := rapid.IntRange(-1, 20).Draw(t, "cloneAt")
		for i, o := range drawOps(t, "post", rapid.IntRange(0, 20).Draw(t, "npost"), &day) {
			if i == cloneAt {
				after = f.Clone()
				afterSnap = snap(t, after)
			}
			o.apply(&f)
		}
		f.Rollback(m)
		require.Equal(t, markSnap, snap(t, f), "rollback")
		require.Equal(t, beforeSnap, snap(t, before), "clone before the mark")
		require.Equal(t, afterSnap, snap(t, after), "clone after the mark")

		// The fund goes on as the clone taken at the mark does.
		for _, o := range drawOps(t, "then", rapid.IntRange(0, 20).Draw(t, "nthen"), &day) {
			require.Equal(t, o.apply(&atMark), o.apply(&f))
			require.Equal(t, snap(t, atMark), snap(t, f))
		}
		require.Equal(t, beforeSnap, snap(t, before), "clone before the mark")
		require.Equal(t, afterSnap, snap(t, after), "clone after the mark")

		// The clones go on without touching the fund.
		fSnap := snap(t, f)
		for _, o := range drawOps(t, "clone", rapid.IntRange(0, 10).Draw(t, "nclone"), &day) {
			o.apply(&after)
			o.apply(&before)
		}
		require.Equal(t, fSnap, snap(t, f), "fund after the clones' operations")

		// The mark stays: a second rollback returns to it again.
		f.Rollback(m)
		require.Equal(t, markSnap, snap(t, f), "second rollback")
	})
}

// TestFund_MarkStale: a mark superseded by a newer Mark, or taken from
// another fund, is ignored; the newer mark still works.
func TestFund_MarkStale(t *testing.T) {
	at := savings.Entry{Date: day0}
	f := savings.MustFund(shg.IRR)
	require.NoError(t, f.Deposit(at, "ali", shg.Rials(100), 0))
	old := f.Mark()
	require.NoError(t, f.Deposit(at, "bahar", shg.Rials(200), 0))
	cur := f.Mark()
	s1 := snap(t, f)
	require.NoError(t, f.Deposit(at, "cyrus", shg.Rials(300), 0))
	s2 := snap(t, f)

	f.Rollback(old)
	require.Equal(t, s2, snap(t, f), "stale mark ignored")
	g := f.Clone()
	g.Rollback(cur)
	require.Equal(t, s2, snap(t, g), "another fund's mark ignored")
	f.Rollback(cur)
	require.Equal(t, s1, snap(t, f))
	require.Equal(t, 2, f.Len()) // ali's and bahar's deposits
	require.True(t, f.Savings("cyrus").IsZero())
	require.Equal(t, "200", f.Savings("bahar").Amount().String())
}

// TestFund_RollbackBlockBoundary: a rollback across a full block (the
// mark's tail filled and moved to the full blocks) and a clone taken
// since, which must keep its postings after the fund appends again.
func TestFund_RollbackBlockBoundary(t *testing.T) {
	f := savings.MustFund(shg.IRR)
	at := savings.Entry{Date: day0}
	dep := func(f *savings.Fund, n int, amt int64) {
		for i := 0; i < n; i++ {
			require.NoError(t, f.Deposit(at, markMembers[i%len(markMembers)], shg.Rials(amt), 0))
		}
	}
	dep(&f, 250, 10) // 6 entries short of the first block's 256
	m := f.Mark()
	markSnap := snap(t, f)
	dep(&f, 300, 20) // fills block 1, 44 into block 2
	c := f.Clone()
	cSnap := snap(t, c)
	f.Rollback(m)
	require.Equal(t, markSnap, snap(t, f))
	dep(&f, 300, 30) // would overwrite the clone's postings 251..550 if shared
	require.Equal(t, cSnap, snap(t, c))
	require.Equal(t, 550, f.Len())
	// 250 × 10 + 300 × 30 rials of savings.
	require.Equal(t, "11500", f.TotalSavings().Amount().String())
}

// TestFund_RollbackShareOut: a share-out opens a new cycle, which sets
// every member's shares to zero, even those of a member paid nothing (she
// withdrew all her savings, so no payout posting touches her books). A
// rollback gives back her shares, the cycle and the postings.
func TestFund_RollbackShareOut(t *testing.T) {
	f := savings.MustFund(shg.IRR)
	at := savings.Entry{Date: day0}
	require.NoError(t, f.Deposit(at, "ali", shg.Rials(1000), 2))
	require.NoError(t, f.Deposit(at, "bahar", shg.Rials(500), 3))
	require.NoError(t, f.Withdraw(at, "bahar", shg.Rials(500), savings.WithdrawVoluntary, "wedding"))
	m := f.Mark()
	markSnap := snap(t, f)
	d, err := f.ShareOut(savings.Entry{Date: day0.AddDays(1)}, savings.ShareOutOptions{Basis: savings.BySavings})
	require.NoError(t, err)
	require.Len(t, d.Payouts, 1) // ali's 1000; bahar has no savings and no payout
	require.Equal(t, 0, f.Shares("bahar"))
	f.Rollback(m)
	require.Equal(t, markSnap, snap(t, f))
	require.Equal(t, 3, f.Shares("bahar"))
	require.Equal(t, 2, f.Shares("ali"))
	require.Equal(t, 3, f.Len())
}

// TestFund_MarkConcurrentClones: clones of a marked fund may be taken
// from several goroutines at once (go test -race checks it), and each
// books on its own.
func TestFund_MarkConcurrentClones(t *testing.T) {
	f := savings.MustFund(shg.IRR)
	at := savings.Entry{Date: day0}
	require.NoError(t, f.Deposit(at, "ali", shg.Rials(100), 1))
	m := f.Mark()
	require.NoError(t, f.Deposit(at, "bahar", shg.Rials(200), 1))
	errs := make(chan error, 4)
	for i := range 4 {
		go func() {
			g := f.Clone()
			errs <- g.Deposit(at, markMembers[i], shg.Rials(300), 1)
		}()
	}
	for range 4 {
		require.NoError(t, <-errs)
	}
	f.Rollback(m)
	require.Equal(t, 1, f.Len())
}
