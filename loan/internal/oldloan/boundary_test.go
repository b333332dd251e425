package oldloan

import (
	"math"
	"math/big"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// TestBoundary drives both implementations with principals and tranches
// near the int64 limit of minor units (MaxInt64/k ± 1000), penalty rates up
// to 100 and flat penalties up to MaxInt64: wherever the new books accept
// a loan (loan.amount_too_large aside), every result is the old one, so
// the bound of booksFit is never too loose for what follows.
func TestBoundary(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cur := rapid.SampledFrom([]string{"IRR", "USD", "IQD"}).Draw(t, "cur")
		n := rapid.IntRange(1, 12).Draw(t, "n")
		div := rapid.Int64Range(1, 300).Draw(t, "div")
		jit := rapid.Int64Range(-1000, 1000).Draw(t, "jit")
		digits, _ := shg.MinorDigits(cur)
		pu := math.MaxInt64/div + jit
		if pu <= 0 {
			pu = 1
		}
		tm := loan.Terms{
			Principal:    shg.MustMoney(decimal.New(pu, -digits), cur),
			AnnualRate:   decimal.New(rapid.Int64Range(0, 6000).Draw(t, "bp"), -4),
			Interest:     loan.InterestMethod(rapid.IntRange(0, 1).Draw(t, "method")),
			Amortization: loan.Amortization(rapid.IntRange(0, 1).Draw(t, "am")),
			Charge:       loan.ChargeKind(rapid.IntRange(0, 1).Draw(t, "charge")),
			Installments: n,
			Every:        loan.Months(1),
			Start:        shg.MustDate(shg.Gregorian, 2024, 1, 1),
			Rounding:     shg.Rounding{Mode: shg.RoundingMode(rapid.IntRange(0, 6).Draw(t, "mode"))},
		}
		var opts loan.Options
		if rapid.Bool().Draw(t, "pen") {
			opts.Penalty = loan.PenaltyRule{GraceDays: 0, Rate: decimal.New(rapid.Int64Range(0, 10000).Draw(t, "pr"), -2),
				Flat: shg.MustMoney(decimal.New(rapid.Int64Range(0, math.MaxInt64).Draw(t, "flat"), -digits), cur)}
		}
		w, werr := Open("L", oldTerms(tm), oldOptions(opts))
		g, gerr := loan.Open("L", tm, opts)
		if shg.HasCode(gerr, codeAmountTooLarge) {
			return
		}
		sameErr(t, werr, gerr, "Open")
		if gerr != nil {
			return
		}
		sameAccount(t, w, g, "Open")
		for s := 0; s < 8; s++ {
			on := g.LastDate().AddDays(rapid.IntRange(0, 90).Draw(t, "days"))
			wp, _ := w.Payoff(on)
			gp, _ := g.Payoff(on)
			sameMoney(t, wp, gp, "payoff")
			sameMoney(t, w.Due(on), g.Due(on), "due")
			req(t, js(t, w.Arrears(on)) == js(t, g.Arrears(on)), "arrears")
			switch rapid.IntRange(0, 4).Draw(t, "op") {
			case 0, 1:
				var amt shg.Money
				switch rapid.IntRange(0, 2).Draw(t, "rk") {
				case 0:
					amt = wp
				case 1:
					po, _ := wp.MinorUnits()
					amt = shg.MustMoney(decimal.New(rapid.Int64Range(1, max(po, 1)).Draw(t, "part"), -digits), cur)
				default:
					b := new(big.Int).SetUint64(rapid.Uint64().Draw(t, "u64"))
					amt = shg.MustMoney(decimal.NewFromBigInt(b, -digits), cur)
				}
				wa, e1 := w.Repay(on, amt)
				ga, e2 := g.Repay(on, amt)
				sameErr(t, e1, e2, "Repay")
				sameAllocation(t, wa, ga, "Repay")
			case 2:
				b := new(big.Int).SetUint64(rapid.Uint64Range(1, math.MaxUint64).Draw(t, "tr") >> rapid.UintRange(0, 63).Draw(t, "sh"))
				amt := shg.MustMoney(decimal.NewFromBigInt(b, -digits), cur)
				e1 := w.Disburse(on, amt)
				e2 := g.Disburse(on, amt)
				if shg.HasCode(e2, codeAmountTooLarge) {
					return
				}
				sameErr(t, e1, e2, "Disburse")
			case 3:
				wa, e1 := w.WriteOff(on)
				ga, e2 := g.WriteOff(on)
				sameErr(t, e1, e2, "WriteOff")
				sameAllocation(t, wa, ga, "WriteOff")
			}
			sameAccount(t, w, g, "step")
		}
	})
}

func req(t *rapid.T, ok bool, what string) {
	if !ok {
		t.Fatalf("%s", what)
	}
}
