package savings_test

import (
	"encoding/json"
	"fmt"
	"math/big"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/savings"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// The fund keeps balances in integer minor units. These tests hold it to
// exact arithmetic where a machine integer would not do: amounts around
// and beyond 2^63 paise, and amounts written at other scales than the
// currency's (1.500 INR, 5E+3 INR). The reference is math/big.

// pow10Big returns 10^k.
func pow10Big(k int64) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(k), nil) }

// drawAmount draws an INR amount as coefficient × 10^exp, with the
// coefficient often near 2^63 (in paise when exp is -2), and returns it
// with its exact value in paise, or nil when it is not whole paise.
func drawAmount(t *rapid.T, label string) (shg.Money, *big.Int) {
	var c *big.Int
	switch rapid.IntRange(0, 3).Draw(t, label+"Form") {
	case 0:
		c = big.NewInt(rapid.Int64Range(1, 1_000_000).Draw(t, label+"Small"))
	case 1: // 2^63 ± a little: the edge of an int64
		c = new(big.Int).Lsh(big.NewInt(1), 63)
		c.Add(c, big.NewInt(rapid.Int64Range(-3, 3).Draw(t, label+"Off")))
	case 2: // up to 2^62 × 5: sums of a few cross 2^63
		c = new(big.Int).Lsh(big.NewInt(rapid.Int64Range(1, 5).Draw(t, label+"Mul")), 62)
	default: // 10^18 .. 10^25
		c = pow10Big(int64(rapid.IntRange(18, 25).Draw(t, label+"Digits")))
		c.Add(c, big.NewInt(rapid.Int64Range(0, 999).Draw(t, label+"Tail")))
	}
	exp := int32(rapid.IntRange(-4, 3).Draw(t, label+"Exp"))
	if rapid.IntRange(0, 3).Draw(t, label+"Paise") > 0 {
		exp = -2
	}
	m := shg.MustMoney(decimal.NewFromBigInt(c, exp), "INR")
	// In paise: c × 10^(exp+2), whole when that is an integer.
	k := int64(exp) + 2
	if k >= 0 {
		return m, new(big.Int).Mul(c, pow10Big(k))
	}
	q, r := new(big.Int).QuoRem(c, pow10Big(-k), new(big.Int))
	if r.Sign() != 0 {
		return m, nil
	}
	return m, q
}

func paiseMoney(p *big.Int) shg.Money {
	return shg.MustMoney(decimal.NewFromBigInt(p, -2), "INR")
}

func TestFund_ExactBeyondInt64(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		f := savings.MustFund("INR")
		sav := map[shg.MemberID]*big.Int{}
		for _, id := range members {
			sav[id] = new(big.Int)
		}
		box, fines := new(big.Int), new(big.Int)
		at := savings.Entry{Date: day0, Ref: "big"}
		for i, n := 0, rapid.IntRange(1, 25).Draw(t, "ops"); i < n; i++ {
			id := rapid.SampledFrom(members).Draw(t, "member")
			amt, p := drawAmount(t, "amount")
			op := rapid.IntRange(0, 2).Draw(t, "op")
			var err error
			switch op {
			case 0:
				err = f.Deposit(at, id, amt, 0)
			case 1:
				err = f.Fine(at, id, amt)
			default:
				err = f.Withdraw(at, id, amt, savings.WithdrawVoluntary, "test")
			}
			switch {
			case p == nil:
				require.True(t, shg.HasCode(err, savings.CodeAmountUnit), "%s: %v", amt, err)
				continue
			case op == 2 && p.Cmp(sav[id]) > 0:
				require.True(t, shg.HasCode(err, savings.CodeInsufficientSavings), "%s: %v", amt, err)
				continue
			case op == 2 && p.Cmp(box) > 0:
				require.True(t, shg.HasCode(err, savings.CodeInsufficientCash), "%s: %v", amt, err)
				continue
			}
			require.NoError(t, err)
			switch op {
			case 0:
				box.Add(box, p)
				sav[id].Add(sav[id], p)
			case 1:
				box.Add(box, p)
				fines.Add(fines, p)
			default:
				box.Sub(box, p)
				sav[id].Sub(sav[id], p)
			}
		}
		check := func(f savings.Fund) {
			total := new(big.Int)
			for _, id := range members {
				require.True(t, f.Savings(id).Equal(paiseMoney(sav[id])), "savings of %s: %s, want %s", id, f.Savings(id), paiseMoney(sav[id]))
				total.Add(total, sav[id])
			}
			require.True(t, f.TotalSavings().Equal(paiseMoney(total)), "total savings %s", f.TotalSavings())
			require.True(t, f.Cash().Box.Equal(paiseMoney(box)), "cash %s, want %s", f.Cash().Box, paiseMoney(box))
			require.True(t, f.Income().Fines.Equal(paiseMoney(fines)))
			require.True(t, f.TrialBalance().Balanced())
			require.True(t, f.BalanceSheet().Balanced())
		}
		check(f)
		b, err := json.Marshal(f)
		require.NoError(t, err)
		var g savings.Fund
		require.NoError(t, json.Unmarshal(b, &g))
		check(g)
	})
}

func TestFund_BeyondInt64(t *testing.T) {
	f := savings.MustFund(shg.IRR)
	at := savings.Entry{Date: day0}
	// 9e18 rials fits an int64 (max 9,223,372,036,854,775,807); twice it does not.
	nine := shg.MustParseMoney("9000000000000000000 IRR")
	require.NoError(t, f.Deposit(at, "A", nine, 0))
	require.NoError(t, f.Deposit(at, "A", nine, 0))
	assert.Equal(t, "18000000000000000000 IRR", f.Savings("A").String())
	assert.Equal(t, "18000000000000000000 IRR", f.Cash().Total.String())
	// Back below 2^63: 18e18 − 9e18 − 1 = 8,999,999,999,999,999,999.
	require.NoError(t, f.Withdraw(at, "A", nine, savings.WithdrawVoluntary, "x"))
	require.NoError(t, f.Withdraw(at, "A", shg.Rials(1), savings.WithdrawVoluntary, "x"))
	assert.Equal(t, "8999999999999999999 IRR", f.Savings("A").String())
	err := f.Withdraw(at, "A", nine, savings.WithdrawVoluntary, "x")
	require.True(t, shg.HasCode(err, savings.CodeInsufficientSavings), "%v", err)
	// The refusal names the balance it found.
	var re *shg.RuleError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "<= 8999999999999999999 IRR", re.Violations[0].Want)
	require.True(t, f.TrialBalance().Balanced())
}

func TestFund_AmountScales(t *testing.T) {
	f := savings.MustFund("INR")
	at := savings.Entry{Date: day0}
	// 1.500 INR is 150 paise; 5E+3 INR is 5000 INR; 1.505 INR is not whole paise.
	require.NoError(t, f.Deposit(at, "A", shg.MustMoney(decimal.New(1500, -3), "INR"), 0))
	require.NoError(t, f.Deposit(at, "A", shg.MustMoney(decimal.New(5, 3), "INR"), 0))
	assert.Equal(t, "5001.5 INR", f.Savings("A").String())
	err := f.Deposit(at, "A", shg.MustMoney(decimal.New(1505, -3), "INR"), 0)
	require.True(t, shg.HasCode(err, savings.CodeAmountUnit), "%v", err)
	// Far finer than a paisa, and not zero.
	err = f.Deposit(at, "A", shg.MustMoney(decimal.New(7, -40), "INR"), 0)
	require.True(t, shg.HasCode(err, savings.CodeAmountUnit), "%v", err)
	// The legs keep the amount given, at the currency's scale: 1.500 INR
	// is booked as 150 paise and comes back as 1.50 INR.
	p := f.Postings()[0]
	assert.True(t, p.Legs[0].Amount.Equal(shg.MustParseMoney("1.5 INR")), "%s", p.Legs[0].Amount)
	assert.Equal(t, int32(-2), p.Legs[0].Amount.Amount().Exponent())
}

// TestPlan_Check_Exact checks Plan.Check against a reference written with
// big.Rat, for every kind of plan and amounts at several scales.
func TestPlan_Check_Exact(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		kind := savings.PlanKind(rapid.IntRange(0, 2).Draw(t, "kind"))
		price := shg.MustMoney(decimal.New(rapid.Int64Range(1, 100_000).Draw(t, "price"),
			int32(rapid.IntRange(-2, 3).Draw(t, "priceExp"))), "INR")
		p := savings.Plan{Kind: kind, Amount: price}
		if kind == savings.Shares {
			p.MinShares = rapid.IntRange(0, 3).Draw(t, "min")
			p.MaxShares = rapid.IntRange(max(p.MinShares, 1), 6).Draw(t, "max")
		}
		require.NoError(t, p.Validate())
		var dep shg.Money
		if rapid.IntRange(0, 3).Draw(t, "multiple") == 0 {
			dep = price.Mul(decimal.NewFromInt(int64(rapid.IntRange(0, 8).Draw(t, "times"))))
		} else {
			dep = shg.MustMoney(decimal.New(rapid.Int64Range(0, 10_000_000).Draw(t, "dep"),
				int32(rapid.IntRange(-4, 3).Draw(t, "depExp"))), "INR")
		}
		shares := 0
		if rapid.Bool().Draw(t, "giveShares") {
			shares = rapid.IntRange(-1, 7).Draw(t, "shares")
		}
		c, err := p.Check(dep, shares)

		rat := func(m shg.Money) *big.Rat { r, _ := new(big.Rat).SetString(m.Amount().String()); return r }
		d, pr := rat(dep), rat(price)
		paise := new(big.Rat).Mul(d, big.NewRat(100, 1))
		var want string
		due, n := pr, int64(0)
		switch {
		case !paise.IsInt():
			want = savings.CodeAmountUnit
		case kind != savings.Shares && shares != 0:
			want = savings.CodeSharesNegative
		case kind == savings.EqualFixed && d.Cmp(pr) > 0:
			want = savings.CodeAboveFixedAmount
		case kind == savings.Shares && shares < 0:
			want = savings.CodeSharesNegative
		case kind == savings.Shares:
			q := new(big.Rat).Quo(d, pr)
			switch {
			case !q.IsInt():
				want = savings.CodeShareMultiple
			case q.Num().Int64() > int64(p.MaxShares):
				want = savings.CodeAboveMaxShares
			case shares != 0 && int64(shares) != q.Num().Int64():
				want = savings.CodeShareMultiple
			}
			n = q.Num().Int64()
			due = new(big.Rat).Mul(pr, big.NewRat(int64(p.MinShares), 1))
		}
		if want != "" {
			require.True(t, shg.HasCode(err, want), "%s on %+v: want %s, got %v", dep, p, want, err)
			return
		}
		require.NoError(t, err)
		short := new(big.Rat).Sub(due, d)
		if short.Sign() < 0 {
			short.SetInt64(0)
		}
		require.Equal(t, 0, rat(c.Due).Cmp(due), "due %s", c.Due)
		require.Equal(t, 0, rat(c.Shortfall).Cmp(short), "shortfall %s", c.Shortfall)
		require.Equal(t, "INR", c.Shortfall.Currency())
		require.True(t, c.Paid.Equal(dep))
		require.Equal(t, int(n), c.Shares)
	})
}

// TestFund_MemberIDs: the fund accepts exactly the member IDs
// shg.ValidateID accepts.
func TestFund_MemberIDs(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := rapid.SampledFrom([]rune{'a', 'Z', '0', '-', '~', '!', ' ', '\t', '\n', 0x7f, 0, 'é', 'ب', '۴', 0x200b, 0xa0, 0x2028, 0xfffd})
		id := rapid.StringOfN(r, 0, 70, -1).Draw(t, "id")
		if rapid.Bool().Draw(t, "invalidUTF8") {
			id += "\xff"
		}
		f := savings.MustFund(shg.IRR)
		err := f.Deposit(savings.Entry{Date: day0}, shg.MemberID(id), shg.Rials(10), 0)
		want := shg.ValidateID(shg.MemberID(id)) != nil
		require.Equal(t, want, shg.HasCode(err, savings.CodeMemberID), "%q: %v", id, err)
		require.Equal(t, want, err != nil)
	})
}

// TestFund_LongLedger books postings of every shape across several
// storage blocks and reads them back, whole, from any point, from a clone
// that diverged, and through a JSON snapshot.
func TestFund_LongLedger(t *testing.T) {
	type booked struct {
		kind          savings.PostingKind
		member, ref   string
		note          string
		shares, nlegs int
		total         int64 // the debits, in paise
	}
	f := savings.MustFund("INR")
	var want []booked
	var clone savings.Fund
	cloneAt := 0
	for i := range 700 {
		at := savings.Entry{Date: day0.AddDays(i / 10), Ref: fmt.Sprint("mtg-", i/10)}
		id := members[i%len(members)]
		switch {
		case i == 300: // a clone in the middle of the second block
			clone, cloneAt = f.Clone(), len(want)
			fallthrough
		case i%7 == 0:
			require.NoError(t, f.Deposit(at, id, inr(int64(1000+i)), i%5))
			want = append(want, booked{savings.KindDeposit, string(id), at.Ref, "", i % 5, 2, int64(1000 + i)})
		case i%7 == 1:
			require.NoError(t, f.DisburseLoan(at, id, inr(500)))
			want = append(want, booked{savings.KindDisbursement, string(id), at.Ref, "", 0, 2, 500})
		case i%7 == 2:
			// Principal, interest, fee and penalty: five legs.
			id = members[(i-1)%len(members)] // the borrower of the posting before
			require.NoError(t, f.CollectLoan(at, id, savings.Collection{Principal: inr(100), Interest: inr(3), Fee: inr(2), Penalty: inr(1)}))
			want = append(want, booked{savings.KindCollection, string(id), at.Ref, "", 0, 5, 106})
		case i%7 == 3:
			id = members[(i-3)%len(members)] // the saver of three postings before
			require.NoError(t, f.Withdraw(at, id, inr(10), savings.WithdrawVoluntary, fmt.Sprint("note ", i)))
			want = append(want, booked{savings.KindWithdrawal, string(id), at.Ref, fmt.Sprint("note ", i), 0, 2, 10})
		case i%7 == 4:
			require.NoError(t, f.TransferToBank(savings.Entry{Date: at.Date}, inr(1)))
			want = append(want, booked{savings.KindTransfer, "", "", "", 0, 2, 1})
		case i%7 == 5:
			// A newcomer with nothing to settle: a posting with no legs.
			nm := fmt.Sprint("new-", i)
			_, err := f.ExitSettlement(at, shg.MemberID(nm))
			require.NoError(t, err)
			want = append(want, booked{savings.KindExitSettlement, nm, at.Ref, "", 0, 0, 0})
		default:
			require.NoError(t, f.Fine(at, id, inr(7)))
			want = append(want, booked{savings.KindFine, string(id), at.Ref, "", 0, 2, 7})
		}
	}
	checkFrom := func(t *testing.T, got []savings.Posting, from int, want []booked) {
		t.Helper()
		require.Len(t, got, len(want)-from)
		for k, p := range got {
			w := want[from+k]
			require.Equal(t, from+k+1, p.Seq)
			require.Equal(t, w.kind, p.Kind, "posting %d", p.Seq)
			require.Equal(t, shg.MemberID(w.member), p.Member, "posting %d", p.Seq)
			require.Equal(t, w.ref, p.Ref, "posting %d", p.Seq)
			require.Equal(t, w.note, p.Note, "posting %d", p.Seq)
			require.Equal(t, w.shares, p.Shares, "posting %d", p.Seq)
			require.Len(t, p.Legs, w.nlegs, "posting %d", p.Seq)
			require.True(t, p.Balanced(), "posting %d", p.Seq)
			debits, _ := p.Totals()
			require.Equal(t, w.total, paise(t, debits), "posting %d", p.Seq)
			for _, l := range p.Legs {
				require.Equal(t, "INR", l.Amount.Currency())
				if l.Account.PerMember() {
					require.Equal(t, p.Member, l.Member)
				} else {
					require.Empty(t, l.Member)
				}
			}
		}
	}
	all := f.Postings()
	checkFrom(t, all, 0, want)
	for _, from := range []int{0, 1, 255, 256, 257, 511, 512, 513, 699, 700} {
		checkFrom(t, f.PostingsSince(from), from, want)
	}
	// The clone kept what it had and books on its own.
	require.NoError(t, clone.Deposit(savings.Entry{Date: day0.AddDays(30), Ref: "clone"}, "bahar", inr(1), 3))
	got := clone.Postings()
	checkFrom(t, got[:cloneAt], 0, want[:cloneAt])
	assert.Equal(t, "clone", got[cloneAt].Ref)
	checkFrom(t, f.Postings(), 0, want)
	// Postings returns copies.
	all[0].Legs[0].Amount = inr(999_999)
	assert.Equal(t, "10 INR", f.Postings()[0].Legs[0].Amount.String())

	b, err := json.Marshal(f)
	require.NoError(t, err)
	var g savings.Fund
	require.NoError(t, json.Unmarshal(b, &g))
	checkFrom(t, g.Postings(), 0, want)
	b2, err := json.Marshal(g)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(b2))
}

// TestFund_ShareOut_LargeAmounts shares out funds of up to 10^15 paise a
// deposit, where share × weight needs 128 bits, and compares every payout
// with largest remainder computed in big.Int (see machine_test.go).
func TestFund_ShareOut_LargeAmounts(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		f := savings.MustFund(cur)
		sav, shares := map[shg.MemberID]int64{}, map[shg.MemberID]int64{}
		var log []change
		var earnings int64
		day := day0
		for i, n := 0, rapid.IntRange(1, 30).Draw(t, "n"); i < n; i++ {
			day = day.AddDays(rapid.IntRange(0, 3).Draw(t, "dt"))
			at := savings.Entry{Date: day}
			id := rapid.SampledFrom(members).Draw(t, "member")
			amt := rapid.Int64Range(1, 1_000_000_000_000_000).Draw(t, "amount")
			if rapid.IntRange(0, 4).Draw(t, "fine") == 0 {
				require.NoError(t, f.Fine(at, id, inr(amt)))
				earnings += amt
				continue
			}
			k := rapid.IntRange(1, 5).Draw(t, "shares")
			require.NoError(t, f.Deposit(at, id, inr(amt), k))
			sav[id] += amt
			shares[id] += int64(k)
			log = append(log, change{m: id, date: day, delta: amt})
		}
		until := day.AddDays(rapid.IntRange(0, 30).Draw(t, "until"))
		basis := savings.ShareOutBasis(rapid.IntRange(0, 2).Draw(t, "basis"))
		days := memberDays(log, until)
		var ids []shg.MemberID
		var weights []*big.Int
		var total int64
		for _, id := range members { // members is sorted
			if sav[id] == 0 {
				continue
			}
			ids = append(ids, id)
			total += sav[id]
			switch basis {
			case savings.BySavings:
				weights = append(weights, big.NewInt(sav[id]))
			case savings.ByShares:
				weights = append(weights, big.NewInt(shares[id]))
			default:
				weights = append(weights, big.NewInt(days[id]))
			}
		}
		d, err := f.ShareOut(savings.Entry{Date: until}, savings.ShareOutOptions{Basis: basis})
		share := total + earnings
		if basis == savings.BySavingsTime {
			share = earnings
		}
		sumW := new(big.Int)
		for _, w := range weights {
			sumW.Add(sumW, w)
		}
		if share != 0 && sumW.Sign() == 0 {
			// Only fines, or savings held for no time: nothing to divide by.
			require.True(t, shg.HasCode(err, savings.CodeShareOutWeights), "%v", err)
			return
		}
		require.NoError(t, err)
		want := largestRemainder(share, weights)
		require.Len(t, d.Payouts, len(ids))
		for i, p := range d.Payouts {
			w := want[i]
			if basis == savings.BySavingsTime {
				w += sav[ids[i]]
			}
			require.Equal(t, ids[i], p.Member)
			require.Equal(t, w, paise(t, p.Amount), "payout to %s", p.Member)
		}
	})
}

// TestFund_ShareOut_BeyondInt64: a pool past 2^63 rials is shared out
// exactly too.
func TestFund_ShareOut_BeyondInt64(t *testing.T) {
	f := savings.MustFund(shg.IRR)
	at := savings.Entry{Date: day0}
	require.NoError(t, f.Deposit(at, "A", shg.MustParseMoney("9000000000000000000 IRR"), 0))
	require.NoError(t, f.Deposit(at, "B", shg.MustParseMoney("4500000000000000000 IRR"), 0))
	require.NoError(t, f.Fine(at, "A", shg.Rials(4)))
	d, err := f.ShareOut(savings.Entry{Date: day0.AddDays(7)}, savings.ShareOutOptions{})
	require.NoError(t, err)
	// Pool 13.5e18 + 4, by savings 2:1. Exact shares: A 9e18 + 8/3, B 4.5e18 + 4/3.
	// Floors 9e18 + 2 and 4.5e18 + 1 leave one rial, for the larger fraction
	// (2/3, A's).
	assert.Equal(t, "13500000000000000004 IRR", d.Pool.String())
	require.Len(t, d.Payouts, 2)
	assert.Equal(t, "9000000000000000003 IRR", d.Payouts[0].Amount.String())
	assert.Equal(t, "4500000000000000001 IRR", d.Payouts[1].Amount.String())
	assert.True(t, f.Cash().Total.IsZero())
	assert.True(t, f.TrialBalance().Balanced())
}
