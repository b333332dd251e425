package shg_test

import (
	"math"
	"math/big"
	"strings"
	"testing"
	"unsafe"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/khodyar/shg"
)

// Money keeps coefficients below 10^18 as an int64 and larger ones as a
// big.Int. These properties hold it to decimal.Decimal's own arithmetic on
// the same amounts, with the coefficients drawn around the switch (10^18),
// beyond int64, and at mixed exponents, so both representations and the
// fallbacks between them are exercised.

// decimalGen draws decimals whose coefficients cluster where the
// representation changes.
func decimalGen() *rapid.Generator[decimal.Decimal] {
	return rapid.Custom(func(t *rapid.T) decimal.Decimal {
		exp := rapid.Int32Range(-8, 4).Draw(t, "exp")
		var c *big.Int
		switch rapid.IntRange(0, 3).Draw(t, "kind") {
		case 0: // everyday amounts
			c = big.NewInt(rapid.Int64Range(-10_000_000_000, 10_000_000_000).Draw(t, "c"))
		case 1: // near ±10^18, on both sides of the switch
			d := rapid.Int64Range(-1000, 1000).Draw(t, "d")
			c = big.NewInt(1_000_000_000_000_000_000 + d)
			if rapid.Bool().Draw(t, "neg") {
				c.Neg(c)
			}
		case 2: // any int64
			c = big.NewInt(rapid.Int64().Draw(t, "c"))
		default: // beyond int64: up to 30 digits
			s := rapid.StringMatching(`-?[1-9][0-9]{18,29}`).Draw(t, "digits")
			c, _ = new(big.Int).SetString(s, 10)
		}
		return decimal.NewFromBigInt(c, exp)
	})
}

func money(t *rapid.T, label string) (shg.Money, decimal.Decimal) {
	d := decimalGen().Draw(t, label)
	return shg.MustMoney(d, "INR"), d
}

// same fails unless m holds exactly d: the value, the exponent decimal
// would give, and the text.
func same(t *rapid.T, what string, m shg.Money, d decimal.Decimal) {
	t.Helper()
	a := m.Amount()
	if !a.Equal(d) || a.Exponent() != d.Exponent() || m.String() != d.String()+" INR" {
		t.Fatalf("%s: got %s (exp %d), want %s (exp %d)", what, m, a.Exponent(), d, d.Exponent())
	}
}

func TestMoneyRepresentation_MatchesDecimal(t *testing.T) {
	modes := []shg.RoundingMode{shg.HalfEven, shg.HalfUp, shg.HalfDown, shg.Down, shg.Up, shg.Floor, shg.Ceiling}
	rapid.Check(t, func(t *rapid.T) {
		x, dx := money(t, "x")
		y, dy := money(t, "y")
		same(t, "identity", x, dx)

		sum, err := x.Add(y)
		if err != nil {
			t.Fatal(err)
		}
		same(t, "Add", sum, dx.Add(dy))
		diff, err := x.Sub(y)
		if err != nil {
			t.Fatal(err)
		}
		same(t, "Sub", diff, dx.Sub(dy))
		same(t, "Neg", x.Neg(), dx.Neg())
		same(t, "Abs", x.Abs(), dx.Abs())
		f := decimalGen().Draw(t, "factor")
		same(t, "Mul", x.Mul(f), dx.Mul(f))

		c, err := x.Cmp(y)
		if err != nil || c != dx.Cmp(dy) {
			t.Fatalf("Cmp(%s, %s) = %d, %v; want %d", x, y, c, err, dx.Cmp(dy))
		}
		if x.Equal(y) != dx.Equal(dy) || x.IsZero() != dx.IsZero() ||
			x.IsPositive() != dx.IsPositive() || x.IsNegative() != dx.IsNegative() {
			t.Fatalf("predicates of %s and %s disagree with decimal", x, y)
		}

		// Round and IsRounded against the plain-decimal RoundTo, with the
		// minor unit (0.01) or a drawn unit.
		unit := decimal.New(rapid.Int64Range(1, 5000).Draw(t, "unitC"), rapid.Int32Range(-4, 3).Draw(t, "unitE"))
		if rapid.Bool().Draw(t, "minor") {
			unit = decimal.New(1, -2)
		}
		mode := rapid.SampledFrom(modes).Draw(t, "mode")
		r := shg.Rounding{Mode: mode, Unit: unit}
		want := shg.RoundTo(dx, unit, mode)
		same(t, "Round", x.Round(r), want)
		_, rem := dx.QuoRem(unit, 0)
		if x.IsRounded(r) != rem.IsZero() {
			t.Fatalf("IsRounded(%s, %s) = %v", x, unit, x.IsRounded(r))
		}

		// MinorUnits: exact hundredths that fit an int64.
		q, rem := dx.QuoRem(decimal.New(1, -2), 0)
		wantOK := rem.IsZero() && q.BigInt().IsInt64()
		got, ok := x.MinorUnits()
		if ok != wantOK || (ok && got != q.BigInt().Int64()) {
			t.Fatalf("MinorUnits(%s) = %d, %v; want %s, %v", x, got, ok, q, wantOK)
		}

		// JSON carries decimal's text.
		b, err := x.MarshalJSON()
		if err != nil || !strings.Contains(string(b), `"amount":"`+dx.String()+`"`) {
			t.Fatalf("MarshalJSON(%s) = %s, %v", x, b, err)
		}
		var back shg.Money
		if err := back.UnmarshalJSON(b); err != nil || !back.Equal(x) {
			t.Fatalf("JSON round trip of %s gave %s, %v", x, back, err)
		}
	})
}

// The fast paths allocate nothing: the point of the representation.
func TestMoneyRepresentation_NoAllocations(t *testing.T) {
	x, y := shg.Toman(2_500_000), shg.MustParseMoney("12345.67 INR")
	z := shg.Zero("INR").WithMinor(99)
	r := shg.Rounding{Mode: shg.HalfEven, Unit: decimal.NewFromInt(1000)}
	allocs := testing.AllocsPerRun(100, func() {
		s, _ := x.Add(x)
		_, _ = s.Sub(x)
		_, _ = y.Cmp(z)
		_ = y.Equal(z)
		_, _ = x.MinorUnits()
		_ = x.Round(r)
		_ = x.IsRounded(r)
		_ = z.WithMinor(12345)
		_ = y.Neg().Abs()
	})
	if allocs != 0 {
		t.Fatalf("%v allocations, want 0", allocs)
	}
}

func TestMoneyRepresentation_Size(t *testing.T) {
	// int64 coefficient, pointer, int32 exponent, currency byte, padding.
	want := 8 + unsafe.Sizeof(uintptr(0)) + 8
	if n := unsafe.Sizeof(shg.Money{}); n != want {
		t.Fatalf("Money is %d bytes, want %d", n, want)
	}
}

// MinorUnits never panics and never wraps, whatever the exponent (decimal's
// QuoRem, the former fallback, panics when exponents are far apart).
// Expected values by hand: 10^20 × 10^-20 INR is 1 INR, 100 paise.
func TestMoneyRepresentation_MinorUnitsExtremes(t *testing.T) {
	ten20 := new(big.Int).Exp(big.NewInt(10), big.NewInt(20), nil)
	for _, tc := range []struct {
		name  string
		d     decimal.Decimal
		units int64
		ok    bool
	}{
		{"1e+2147483647", decimal.New(1, math.MaxInt32), 0, false},
		{"1e-2147483648", decimal.New(1, math.MinInt32), 0, false},
		{"0e+2147483647", decimal.New(0, math.MaxInt32), 0, true},
		{"10^20 × 10^-20", decimal.NewFromBigInt(ten20, -20), 100, true},
		{"10^20 × 10^-2147483648", decimal.NewFromBigInt(ten20, math.MinInt32), 0, false},
		{"10^20 × 10^1", decimal.NewFromBigInt(ten20, 1), 0, false},
		{"(10^20+1) × 10^-3", decimal.NewFromBigInt(new(big.Int).Add(ten20, big.NewInt(1)), -3), 0, false},
		{"9223372036854775807 paise", decimal.New(math.MaxInt64, -2), math.MaxInt64, true},
		{"92233720368547758.08 INR", decimal.RequireFromString("92233720368547758.08"), 0, false},
	} {
		got, ok := shg.MustMoney(tc.d, "INR").MinorUnits()
		if got != tc.units || ok != tc.ok {
			t.Errorf("%s: MinorUnits() = %d, %v; want %d, %v", tc.name, got, ok, tc.units, tc.ok)
		}
	}
}

// A Money names its currency by a byte, its row in the table (row 0 is no
// currency): the table must stay within 255 currencies.
func TestMoneyRepresentation_CurrencyIndexFits(t *testing.T) {
	if n := len(shg.Currencies()); n > 255 {
		t.Fatalf("%d currencies: a byte indexes at most 255", n)
	}
	for _, code := range shg.Currencies() {
		if got := shg.Zero(code).Currency(); got != code {
			t.Fatalf("Zero(%q).Currency() = %q", code, got)
		}
	}
}
