package shg_test

import (
	"math/big"
	"testing"

	"github.com/khodyar/shg"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func weights(ws ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(ws))
	for i, w := range ws {
		out[i] = dec(w)
	}
	return out
}

func assertParts(tb testing.TB, want []string, got []shg.Money) {
	tb.Helper()
	if !assert.Len(tb, got, len(want)) {
		return
	}
	for i := range want {
		assertMoney(tb, want[i], got[i], "part", i)
	}
}

func TestMoney_Allocate(t *testing.T) {
	// Worked by hand with the documented method: floor every exact share
	// to the unit, then hand the leftover units one at a time to the
	// largest discarded fractions, ties to the lower index.
	tests := []struct {
		name    string
		m       shg.Money
		weights []string
		want    []string
	}{
		// 100/3 = 33 1/3 each: floors 33+33+33 = 99, one unit left, equal
		// fractions -> the first part.
		{"thirds", shg.Rials(100), []string{"1", "1", "1"}, []string{"34 IRR", "33 IRR", "33 IRR"}},
		// Exact: 10×3/10 = 3, 3, 10×4/10 = 4.
		{"exact", shg.Rials(10), []string{"3", "3", "4"}, []string{"3 IRR", "3 IRR", "4 IRR"}},
		// 2.5 each: floors 2×4 = 8, two units left -> the first two.
		{"quarters", shg.Rials(10), []string{"1", "1", "1", "1"}, []string{"3 IRR", "3 IRR", "2 IRR", "2 IRR"}},
		// 16 2/3, 33 1/3, 50: floors 99, fractions 2/3 > 1/3 > 0 -> first.
		{"1:2:3", shg.Rials(100), []string{"1", "2", "3"}, []string{"17 IRR", "33 IRR", "50 IRR"}},
		// 2 1/3, 4 2/3: the larger fraction is the second part's.
		{"1:2", shg.Rials(7), []string{"1", "2"}, []string{"2 IRR", "5 IRR"}},
		// In cents: 33 1/3 cents each.
		{"USD cents", shg.MustParseMoney("1.00 USD"), []string{"1", "1", "1"}, []string{"0.34 USD", "0.33 USD", "0.33 USD"}},
		// Negative amounts mirror the positive split.
		{"negative", shg.Rials(-100), []string{"1", "1", "1"}, []string{"-34 IRR", "-33 IRR", "-33 IRR"}},
		// A zero weight gets zero; 101/2 = 50.5, tie -> lower index.
		{"zero weight", shg.Rials(101), []string{"1", "0", "1"}, []string{"51 IRR", "0 IRR", "50 IRR"}},
		{"zero weight first", shg.Rials(100), []string{"0", "1", "1"}, []string{"0 IRR", "50 IRR", "50 IRR"}},
		{"zero amount", shg.Rials(0), []string{"1", "1"}, []string{"0 IRR", "0 IRR"}},
		{"one part", shg.Rials(99), []string{"7"}, []string{"99 IRR"}},
		// Fractional weights: 1000 × 0.5/1, 0.25/1, 0.25/1.
		{"decimal weights", shg.Rials(1000), []string{"0.5", "0.25", "0.25"}, []string{"500 IRR", "250 IRR", "250 IRR"}},
		// A share-out by savings 300k:200k:500k of a 1,000,003-rial pool:
		// exact 300000.9, 200000.6, 500001.5 -> floors sum 1,000,001, two
		// units to the fractions .9 and .6.
		{"share-out", shg.Rials(1_000_003), []string{"300000", "200000", "500000"}, []string{"300001 IRR", "200001 IRR", "500001 IRR"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.m.Allocate(weights(tt.weights...)...)
			require.NoError(t, err)
			assertParts(t, tt.want, got)
		})
	}
}

func TestMoney_Split(t *testing.T) {
	// 25,000,000 / 3 = 8,333,333 1/3: the first part takes the extra rial.
	parts, err := shg.Toman(2_500_000).Split(3)
	require.NoError(t, err)
	assertParts(t, []string{"8333334 IRR", "8333333 IRR", "8333333 IRR"}, parts)
	// 10 / 4 = 2.5: the first two take one more.
	parts, err = shg.Rials(10).Split(4)
	require.NoError(t, err)
	assertParts(t, []string{"3 IRR", "3 IRR", "2 IRR", "2 IRR"}, parts)
	parts, err = shg.MustParseMoney("-0.05 INR").Split(2)
	require.NoError(t, err)
	assertParts(t, []string{"-0.03 INR", "-0.02 INR"}, parts)

	for _, n := range []int{0, -1, -100} {
		_, err := shg.Rials(10).Split(n)
		assert.ErrorIs(t, err, shg.ErrInvalidWeights, "n=%d", n)
	}

	t.Run("Property", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			m := drawMinor(t)
			n := rapid.IntRange(1, 60).Draw(t, "n")
			parts, err := m.Split(n)
			if err != nil {
				t.Fatal(err)
			}
			checkSum(t, m, parts)
			unit := minorUnitRat(m.Currency())
			for i := 1; i < n; i++ {
				// Earlier parts take the extra units: |p[i-1]| - |p[i]| is 0 or one unit.
				d := new(big.Rat).Sub(parts[i-1].Abs().Amount().Rat(), parts[i].Abs().Amount().Rat())
				if d.Sign() != 0 && d.Cmp(unit) != 0 {
					t.Fatalf("parts %d and %d differ by %v: %v", i-1, i, d.FloatString(4), parts)
				}
			}
		})
	})
}

func TestMoney_AllocateTo(t *testing.T) {
	// In thousands: 25,000 / 3 = 8,333 1/3 -> 8,334 + 8,333 + 8,333 thousand.
	parts, err := shg.Toman(2_500_000).AllocateTo(dec("1000"), weights("1", "1", "1")...)
	require.NoError(t, err)
	assertParts(t, []string{"8334000 IRR", "8333000 IRR", "8333000 IRR"}, parts)

	_, err = shg.Rials(25_000_500).AllocateTo(dec("1000"), weights("1", "1")...)
	assert.ErrorIs(t, err, shg.ErrInvalidMoney, "not a multiple of the unit")
	for _, u := range []string{"0", "-1000"} {
		_, err = shg.Rials(1000).AllocateTo(dec(u), weights("1")...)
		assert.ErrorIs(t, err, shg.ErrInvalidMoney, "unit %s", u)
	}
}

func TestMoney_Allocate_Errors(t *testing.T) {
	tests := []struct {
		name    string
		m       shg.Money
		weights []decimal.Decimal
		want    error
	}{
		{"no weights", shg.Rials(100), nil, shg.ErrInvalidWeights},
		{"negative weight", shg.Rials(100), weights("1", "-1", "2"), shg.ErrInvalidWeights},
		{"all zero", shg.Rials(100), weights("0", "0"), shg.ErrInvalidWeights},
		{"sub-unit amount", shg.MustParseMoney("1.5 IRR"), weights("1", "1"), shg.ErrInvalidMoney},
		{"sub-cent amount", shg.MustParseMoney("1.005 USD"), weights("1"), shg.ErrInvalidMoney},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts, err := tt.m.Allocate(tt.weights...)
			assert.ErrorIs(t, err, tt.want)
			assert.Nil(t, parts)
		})
	}
}

// drawMinor draws a whole number of minor units of a currency with 0, 2 or
// 3 decimals, negative amounts included.
func drawMinor(t *rapid.T) shg.Money {
	code := rapid.SampledFrom([]string{"IRR", "INR", "IQD", "UGX"}).Draw(t, "code")
	units := rapid.OneOf(
		rapid.Int64Range(-100, 100),
		rapid.Int64Range(-1e15, 1e15),
	).Draw(t, "units")
	m, err := shg.FromMinor(units, code)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func minorUnitRat(code string) *big.Rat {
	d, _ := shg.MinorDigits(code)
	return new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d)), nil))
}

func checkSum(t *rapid.T, m shg.Money, parts []shg.Money) {
	sum, err := shg.Sum(parts...)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Equal(m) || (len(parts) > 0 && sum.Currency() != m.Currency()) {
		t.Fatalf("parts %v sum to %v, want %v", parts, sum, m)
	}
	for i, p := range parts {
		if p.Currency() != m.Currency() || !p.IsRounded(shg.Rounding{}) {
			t.Fatalf("part %d = %v is not whole minor units of %s", i, p, m.Currency())
		}
	}
}

func TestMoney_Allocate_Property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := drawMinor(t)
		ws := rapid.SliceOfN(rapid.OneOf(
			rapid.Just(decimal.Zero),
			rapid.Custom(func(t *rapid.T) decimal.Decimal { return decimal.NewFromInt(rapid.Int64Range(0, 1000).Draw(t, "int")) }),
			rapid.Custom(func(t *rapid.T) decimal.Decimal { return decimal.New(rapid.Int64Range(0, 1e9).Draw(t, "cents"), -2) }),
		), 1, 25).Draw(t, "weights")
		total := new(big.Rat)
		for _, w := range ws {
			total.Add(total, w.Rat())
		}
		parts, err := m.Allocate(ws...)
		if total.Sign() == 0 {
			if err == nil {
				t.Fatalf("all-zero weights %v accepted", ws)
			}
			return
		}
		if err != nil {
			t.Fatalf("Allocate(%v, %v): %v", m, ws, err)
		}
		if len(parts) != len(ws) {
			t.Fatalf("%d parts for %d weights", len(parts), len(ws))
		}
		checkSum(t, m, parts)
		unit := minorUnitRat(m.Currency())
		whole := m.Amount().Rat()
		for i, p := range parts {
			// exact share = m × wᵢ / Σw, as a rational number.
			exact := new(big.Rat).Mul(whole, ws[i].Rat())
			exact.Quo(exact, total)
			off := new(big.Rat).Sub(p.Amount().Rat(), exact)
			if off.Abs(off).Cmp(unit) >= 0 {
				t.Fatalf("part %d = %v is %s off its exact share %s", i, p, off.FloatString(6), exact.FloatString(6))
			}
			if ws[i].IsZero() && !p.IsZero() {
				t.Fatalf("zero weight %d got %v", i, p)
			}
			if p.Amount().Sign()*m.Amount().Sign() < 0 {
				t.Fatalf("part %d = %v has the wrong sign for %v", i, p, m)
			}
			// A larger weight never gets a smaller part.
			for j := range parts {
				if ws[i].GreaterThan(ws[j]) && p.Abs().LessThan(parts[j].Abs()) {
					t.Fatalf("weight %v got %v but smaller weight %v got %v", ws[i], p, ws[j], parts[j])
				}
			}
		}
	})
}

func TestMoney_Allocate_NegativeWeightProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ws := rapid.SliceOfN(rapid.Int64Range(-5, 5), 1, 10).Draw(t, "weights")
		ds := make([]decimal.Decimal, len(ws))
		neg := false
		for i, w := range ws {
			ds[i] = decimal.NewFromInt(w)
			neg = neg || w < 0
		}
		_, err := shg.Rials(1000).Allocate(ds...)
		if neg && err == nil {
			t.Fatalf("negative weight in %v accepted", ws)
		}
	})
}

func BenchmarkAllocate25(b *testing.B) {
	// A share-out among 25 members with unequal savings.
	ws := make([]decimal.Decimal, 25)
	for i := range ws {
		ws[i] = decimal.NewFromInt(int64(1_000_000 + 37_000*i))
	}
	pool := shg.Toman(61_234_567)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := pool.Allocate(ws...); err != nil {
			b.Fatal(err)
		}
	}
}
