// Package oldloan is a frozen copy, for tests only, of the loan package as it
// was before its books moved from decimal.Decimal to int64 minor units
// (branch loan-int64, copied from commit 16048d8): the old_*_test.go files
// are its non-test files with nothing changed but the package clause and
// one later fix made in both (decimalDigits overcounted the digits of
// numbers of some 4,000 digits and up, found by review). It is
// the regression oracle of the new implementation: the property test below
// drives both through the same random terms and operations and requires
// identical public results — schedules, accounts (their JSON snapshots,
// which hold every line and transaction), allocations, queries and errors.
// The old code is the previous implementation, not an independent
// derivation: the independent checks (Fineract's published example,
// numpy-financial) stay in the loan package's own tests.
//
// A deliberate change of the loan package's results must be made here as
// well (as the decimalDigits fix was), or this package deleted: it guards
// the int64 books against drifting from decimal arithmetic, not the
// behaviour itself.
package oldloan

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// codeAmountTooLarge is the one refusal the new implementation may give
// where the old one accepted: a loan whose amounts would not fit its int64
// books. The old code then worked on (in decimals); the test stops there.
const codeAmountTooLarge = "loan.amount_too_large"

func oldTerms(t loan.Terms) Terms {
	return Terms{Principal: t.Principal, AnnualRate: t.AnnualRate, Interest: InterestMethod(t.Interest),
		Amortization: Amortization(t.Amortization), Charge: ChargeKind(t.Charge), Installments: t.Installments,
		Every: Period{N: t.Every.N, Unit: PeriodUnit(t.Every.Unit)}, Start: t.Start, Calendar: t.Calendar,
		PrincipalGrace: t.PrincipalGrace, Rounding: t.Rounding, InstallmentMultiple: t.InstallmentMultiple}
}

func oldOptions(o loan.Options) Options {
	var ord AllocationOrder
	for i, c := range o.Order {
		ord[i] = Component(c)
	}
	return Options{Order: ord, Penalty: PenaltyRule{GraceDays: o.Penalty.GraceDays, Flat: o.Penalty.Flat,
		Rate: o.Penalty.Rate}, Limit: o.Limit}
}

// sameErr requires two errors to be the same: both nil, or rule errors with
// the same op and violations (code, message, want, got and sentinel).
func sameErr(t *rapid.T, want, got error, what string) {
	if want == nil || got == nil {
		require.Equal(t, want == nil, got == nil, "%s: old %v, new %v", what, want, got)
		return
	}
	var w, g *shg.RuleError
	require.True(t, errors.As(want, &w), "%s: old %v", what, want)
	require.True(t, errors.As(got, &g), "%s: new %v", what, got)
	require.Equal(t, w.Error(), g.Error(), what)
	require.Equal(t, w.Op, g.Op, what)
	require.Equal(t, len(w.Violations), len(g.Violations), what)
	for i := range w.Violations {
		wv, gv := w.Violations[i], g.Violations[i]
		require.Equal(t, wv.Code, gv.Code, what)
		require.Equal(t, wv.Message, gv.Message, what)
		require.Equal(t, wv.Want, gv.Want, what)
		require.Equal(t, wv.Got, gv.Got, what)
		require.True(t, wv.Err == gv.Err, "%s: sentinel %v vs %v", what, wv.Err, gv.Err) //nolint:errorlint // identity of the sentinel
	}
}

func js(t *rapid.T, v any) string {
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// sameMoney compares amounts by their canonical text (value and currency).
func sameMoney(t *rapid.T, want, got shg.Money, what string) {
	require.Equal(t, want.String(), got.String(), what)
	require.Equal(t, want.Currency(), got.Currency(), what)
}

func sameAllocation(t *rapid.T, w Allocation, g loan.Allocation, what string) {
	sameMoney(t, w.Principal, g.Principal, what+" principal")
	sameMoney(t, w.Interest, g.Interest, what+" interest")
	sameMoney(t, w.Fee, g.Fee, what+" fee")
	sameMoney(t, w.Penalty, g.Penalty, what+" penalty")
	sameMoney(t, w.Waived, g.Waived, what+" waived")
	require.Equal(t, w.Closed, g.Closed, what)
	require.Equal(t, js(t, w), js(t, g), what)
}

func sameAccount(t *rapid.T, w Account, g loan.Account, what string) {
	require.Equal(t, js(t, w), js(t, g), what)
	require.Equal(t, w.Len(), g.Len(), what)
	require.Equal(t, int(w.Status()), int(g.Status()), what)
	sameMoney(t, w.Disbursed(), g.Disbursed(), what)
	sameMoney(t, w.OutstandingPrincipal(), g.OutstandingPrincipal(), what)
	require.Equal(t, js(t, w.Installments()), js(t, g.Installments()), what)
	require.Equal(t, js(t, w.Transactions()), js(t, g.Transactions()), what)
	require.Equal(t, len(w.Transactions()), len(g.Transactions()), what)
}

// genMoney draws an amount of cur: usually units of unit, sometimes huge,
// fractional, zero or negative.
func genAmount(t *rapid.T, cur string, unit decimal.Decimal, label string) shg.Money {
	switch rapid.IntRange(0, 9).Draw(t, label+"Kind") {
	case 0: // near or beyond the int64 range of minor units
		return shg.MustMoney(decimal.New(rapid.Int64Range(1, 99).Draw(t, label+"Big"),
			int32(rapid.IntRange(14, 24).Draw(t, label+"Exp"))), cur)
	case 1: // a fraction of the minor unit
		return shg.MustMoney(decimal.New(rapid.Int64Range(1, 999).Draw(t, label+"Frac"), -6), cur)
	case 2:
		return shg.MustMoney(decimal.New(-rapid.Int64Range(0, 5).Draw(t, label+"Neg"), 0), cur)
	}
	return shg.MustMoney(unit.Mul(decimal.NewFromInt(rapid.Int64Range(1, 1_000_000_000).Draw(t, label+"Units"))), cur)
}

func genTerms(t *rapid.T) loan.Terms {
	cur := rapid.SampledFrom([]string{"IRR", "USD", "UGX", "IQD", "INR"}).Draw(t, "currency")
	digits, _ := shg.MinorDigits(cur)
	minor := decimal.New(1, -digits)
	var unit decimal.Decimal
	if k := rapid.SampledFrom([]int64{0, 0, 10, 1000, 5}).Draw(t, "unitMinors"); k > 0 {
		unit = minor.Mul(decimal.NewFromInt(k))
	}
	eff := shg.Rounding{Unit: unit}.UnitFor(cur)
	n := rapid.IntRange(1, 60).Draw(t, "installments")
	var principal shg.Money
	switch rapid.IntRange(0, 9).Draw(t, "principalKind") {
	case 0: // large: the schedule's amounts may or may not fit int64 minor units
		principal = shg.MustMoney(eff.Mul(decimal.New(rapid.Int64Range(1, 999).Draw(t, "bigUnits"),
			int32(rapid.IntRange(10, 20).Draw(t, "bigExp")))), cur)
	case 1: // invalid: not a multiple of the unit, or not positive
		principal = shg.MustMoney(decimal.New(rapid.Int64Range(-3, 3).Draw(t, "oddUnits"), -digits-1), cur)
	default:
		principal = shg.MustMoney(eff.Mul(decimal.NewFromInt(rapid.Int64Range(1, 1_000_000_000).Draw(t, "units"))), cur)
	}
	rate := decimal.New(rapid.Int64Range(0, 6000).Draw(t, "basisPoints"), -4)
	if rapid.IntRange(0, 9).Draw(t, "oddRate") == 0 {
		rate = decimal.New(rapid.Int64Range(-10, 1_000_000).Draw(t, "rateCoef"), int32(rapid.IntRange(-12, 1).Draw(t, "rateExp")))
	}
	tm := loan.Terms{
		Principal:      principal,
		AnnualRate:     rate,
		Interest:       loan.InterestMethod(rapid.IntRange(0, 1).Draw(t, "method")),
		Amortization:   loan.Amortization(rapid.IntRange(0, 1).Draw(t, "amortization")),
		Charge:         loan.ChargeKind(rapid.IntRange(0, 1).Draw(t, "charge")),
		Installments:   n,
		Every:          loan.Period{N: rapid.IntRange(1, 4).Draw(t, "everyN"), Unit: loan.PeriodUnit(rapid.IntRange(0, 2).Draw(t, "unit"))},
		Start:          shg.MustDate(shg.SolarHijri, 1380, 1, 1).AddDays(rapid.IntRange(0, 15_000).Draw(t, "startDay")),
		Calendar:       shg.Calendar(rapid.IntRange(0, 1).Draw(t, "calendar")),
		PrincipalGrace: rapid.IntRange(0, n-1).Draw(t, "grace"),
		Rounding:       shg.Rounding{Mode: shg.RoundingMode(rapid.IntRange(0, 6).Draw(t, "mode")), Unit: unit},
	}
	if k := rapid.SampledFrom([]int64{0, 0, 0, 1, 10, 100}).Draw(t, "multipleUnits"); k > 0 {
		tm.InstallmentMultiple = eff.Mul(decimal.NewFromInt(k))
	}
	if rapid.IntRange(0, 19).Draw(t, "invalid") == 0 {
		tm.Installments = rapid.IntRange(-1, 3).Draw(t, "badN")
		tm.Interest = loan.InterestMethod(rapid.IntRange(0, 3).Draw(t, "badMethod"))
	}
	return tm
}

func genOptions(t *rapid.T, tm loan.Terms) loan.Options {
	cur := tm.Principal.Currency()
	unit := tm.Rounding.UnitFor(cur)
	var o loan.Options
	if rapid.Bool().Draw(t, "order") {
		perm := rapid.Permutation([]loan.Component{loan.PenaltyComponent, loan.FeeComponent,
			loan.InterestComponent, loan.PrincipalComponent}).Draw(t, "perm")
		o.Order = loan.AllocationOrder(perm)
	}
	if rapid.Bool().Draw(t, "penalty") {
		o.Penalty = loan.PenaltyRule{
			GraceDays: rapid.IntRange(-1, 10).Draw(t, "graceDays"),
			Rate:      decimal.New(rapid.Int64Range(0, 500).Draw(t, "penaltyBasisPoints"), -4),
		}
		switch rapid.IntRange(0, 5).Draw(t, "flatKind") {
		case 0: // a flat penalty finer than the rounding unit: rounded with the rate part
			o.Penalty.Flat = shg.MustMoney(decimal.New(rapid.Int64Range(0, 9999).Draw(t, "flatFine"), -8), cur)
		case 1:
			o.Penalty.Flat = genAmount(t, cur, unit, "flat")
		case 2:
			o.Penalty.Rate = decimal.New(rapid.Int64Range(0, 10_000).Draw(t, "bigRate"), -2) // up to 100
		default:
			o.Penalty.Flat = shg.MustMoney(unit.Mul(decimal.NewFromInt(rapid.Int64Range(0, 100).Draw(t, "flatUnits"))), cur)
		}
	}
	switch rapid.IntRange(0, 3).Draw(t, "limit") {
	case 0:
		o.Limit = tm.Principal.Mul(decimal.NewFromInt(rapid.Int64Range(1, 3).Draw(t, "limitX")))
	case 1:
		o.Limit = tm.Principal.Mul(decimal.NewFromInt(-1))
	}
	return o
}

func TestEquivalence_Schedule(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tm := genTerms(t)
		w, werr := NewSchedule(oldTerms(tm))
		g, gerr := loan.NewSchedule(tm)
		sameErr(t, werr, gerr, "NewSchedule")
		if gerr != nil {
			return
		}
		require.Equal(t, js(t, w), js(t, g))
		require.Equal(t, w.Len(), g.Len())
		sameMoney(t, w.LevelInstallment(), g.LevelInstallment(), "level")
		sameMoney(t, w.TotalCharge(), g.TotalCharge(), "charge")
		sameMoney(t, w.TotalDue(), g.TotalDue(), "due")
		for i, in := range g.Installments() {
			win, _ := w.Installment(i + 1)
			require.Equal(t, js(t, win), js(t, in))
			require.True(t, win.Total.Equal(in.Total) && win.Balance.Equal(in.Balance))
		}
		require.True(t, PeriodicRateOf(tm).Equal(tm.PeriodicRate()))
	})
}

// PeriodicRateOf is the old PeriodicRate of the same terms.
func PeriodicRateOf(tm loan.Terms) decimal.Decimal { return oldTerms(tm).PeriodicRate() }

func TestEquivalence_Account(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tm := genTerms(t)
		opts := genOptions(t, tm)
		id := shg.LoanID(rapid.SampledFrom([]string{"L-1", "L-2", ""}).Draw(t, "id"))
		w, werr := Open(id, oldTerms(tm), oldOptions(opts))
		g, gerr := loan.Open(id, tm, opts)
		if shg.HasCode(gerr, codeAmountTooLarge) {
			return
		}
		sameErr(t, werr, gerr, "Open")
		if gerr != nil {
			// The zero Account refuses everything alike.
			on := tm.Start
			_, e1 := w.Repay(on, tm.Principal)
			_, e2 := g.Repay(on, tm.Principal)
			sameErr(t, e1, e2, "Repay on the zero Account")
			return
		}
		sameAccount(t, w, g, "Open")
		cur := tm.Principal.Currency()
		unit := tm.Rounding.UnitFor(cur)
		minor := shg.Rounding{}.UnitFor(cur)
		steps := rapid.IntRange(1, 30).Draw(t, "steps")
		for s := 0; s < steps; s++ {
			on := g.LastDate().AddDays(rapid.IntRange(-2, 60).Draw(t, "days"))
			// queries first: they must not change anything
			wp, e1 := w.Payoff(on)
			gp, e2 := g.Payoff(on)
			sameErr(t, e1, e2, "Payoff")
			sameMoney(t, wp, gp, "Payoff")
			sameMoney(t, w.Due(on), g.Due(on), "Due")
			require.Equal(t, js(t, w.Arrears(on)), js(t, g.Arrears(on)), "Arrears")
			if n := rapid.IntRange(0, g.Len()+1).Draw(t, "line"); true {
				wl, ok1 := w.Installment(n)
				gl, ok2 := g.Installment(n)
				require.Equal(t, ok1, ok2)
				require.Equal(t, js(t, wl), js(t, gl))
			}
			switch rapid.IntRange(0, 9).Draw(t, "op") {
			case 0, 1, 2, 3, 4:
				var amount shg.Money
				switch rapid.IntRange(0, 6).Draw(t, "repayKind") {
				case 0:
					amount = wp
				case 1:
					amount = genAmount(t, cur, minor, "repay")
				case 2:
					other := "USD"
					if cur == other {
						other = "IRR"
					}
					amount = shg.MustMoney(decimal.NewFromInt(rapid.Int64Range(1, 100).Draw(t, "otherAmt")), other)
				case 3:
					if wp.IsPositive() {
						amount = shg.MustMoney(wp.Amount().Add(minor.Mul(decimal.NewFromInt(rapid.Int64Range(1, 100).Draw(t, "over")))), cur)
						break
					}
					fallthrough
				default:
					po, _ := wp.MinorUnits()
					amount = shg.MustMoney(minor.Mul(decimal.NewFromInt(rapid.Int64Range(1, max(po, 1)).Draw(t, "part"))), cur)
				}
				wa, e1 := w.Repay(on, amount)
				ga, e2 := g.Repay(on, amount)
				sameErr(t, e1, e2, "Repay")
				sameAllocation(t, wa, ga, "Repay")
			case 5, 6:
				var amount shg.Money
				if rapid.Bool().Draw(t, "trancheOdd") {
					amount = genAmount(t, cur, unit, "tranche")
				} else {
					amount = shg.MustMoney(unit.Mul(decimal.NewFromInt(rapid.Int64Range(1, 1_000_000).Draw(t, "tranche"))), cur)
				}
				e1 := w.Disburse(on, amount)
				e2 := g.Disburse(on, amount)
				if shg.HasCode(e2, codeAmountTooLarge) {
					return // the new books refuse what the old ones took on
				}
				sameErr(t, e1, e2, "Disburse")
			case 7:
				wa, e1 := w.WriteOff(on)
				ga, e2 := g.WriteOff(on)
				sameErr(t, e1, e2, "WriteOff")
				sameAllocation(t, wa, ga, "WriteOff")
			case 8:
				c1, c2 := w.Clone(), g.Clone()
				sameAccount(t, c1, c2, "Clone")
			default:
				// a copy changed and thrown away leaves the original as it was
				c1, c2 := w, g
				_, _ = c1.Repay(on, wp)
				_, _ = c2.Repay(on, wp)
				sameAccount(t, c1, c2, "copy")
			}
			sameAccount(t, w, g, "after step")
		}
	})
}

// BenchmarkOpen_52Weekly is loan's BenchmarkOpen_52Weekly on the old
// implementation: the figure to compare with.
func BenchmarkOpen_52Weekly(b *testing.B) {
	tm := Terms{Principal: shg.Toman(2_500_000), AnnualRate: decimal.RequireFromString("0.04"), Installments: 52,
		Every: Weeks(1), Start: shg.MustDate(shg.Gregorian, 2024, 1, 1), Rounding: shg.Rounding{Unit: decimal.NewFromInt(10)}}
	opts := Options{Penalty: PenaltyRule{GraceDays: 7, Rate: decimal.RequireFromString("0.01")}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Open("L-bench", tm, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzEquivalence_Schedule decodes arbitrary JSON terms and requires the
// old and the new NewSchedule to agree, refusals included.
func FuzzEquivalence_Schedule(f *testing.F) {
	f.Add(`{"principal":{"amount":"1000","currency":"USD"},"annualRate":"0.5","interest":"flat","installments":7,"every":{"n":2,"unit":"week"},"start":"2024-02-29","rounding":{"mode":"ceiling","unit":"0.05"}}`)
	f.Add(`{"principal":{"amount":"25000000","currency":"IRR"},"annualRate":"0.04","installments":12,"every":{"n":1,"unit":"month"},"start":"2024-01-01","installmentMultiple":"100000"}`)
	f.Add(`{"principal":{"amount":"99999999999999999999","currency":"IRR"},"annualRate":"99","installments":60,"every":{"n":3,"unit":"day"},"start":"2024-01-01","principalGrace":5}`)
	f.Fuzz(func(t *testing.T, s string) {
		var tm loan.Terms
		if json.Unmarshal([]byte(s), &tm) != nil || tm.Installments > 200 || tm.Every.N > 50 {
			return
		}
		w, werr := NewSchedule(oldTerms(tm))
		g, gerr := loan.NewSchedule(tm)
		if (werr == nil) != (gerr == nil) || (werr != nil && werr.Error() != gerr.Error()) {
			t.Fatalf("errors differ: old %v, new %v", werr, gerr)
		}
		if gerr != nil {
			return
		}
		wj, _ := json.Marshal(w)
		gj, _ := json.Marshal(g)
		if string(wj) != string(gj) {
			t.Fatalf("schedules differ:\nold %s\nnew %s", wj, gj)
		}
	})
}
