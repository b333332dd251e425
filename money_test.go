package shg_test

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/khodyar/shg"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// assertMoney checks m against a "<amount> <CODE>" literal by value.
func assertMoney(tb testing.TB, want string, m shg.Money, msgAndArgs ...any) {
	tb.Helper()
	w := shg.MustParseMoney(want)
	if !m.Equal(w) || m.Currency() != w.Currency() {
		assert.Fail(tb, "money differs", "want %s, got %s %v", want, m, msgAndArgs)
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in       string
		amount   string
		currency string
		str      string // String(): the decimal without trailing zeros
	}{
		{"2500000 IRR", "2500000", "IRR", "2500000 IRR"},
		{"-12.50 INR", "-12.5", "INR", "-12.5 INR"},
		{"+5 KES", "5", "KES", "5 KES"},
		{"  0.001   IQD ", "0.001", "IQD", "0.001 IQD"},
		{"007 UGX", "7", "UGX", "7 UGX"},
		{"۲۵۰۰۰۰۰ IRR", "2500000", "IRR", "2500000 IRR"}, // Persian digits
		{"١٢٫٥ USD", "12.5", "USD", "12.5 USD"},          // Arabic-Indic digits and decimal separator
		{"0.10 EUR", "0.1", "EUR", "0.1 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m, err := shg.ParseMoney(tt.in)
			require.NoError(t, err)
			assert.True(t, m.Amount().Equal(dec(tt.amount)), "amount %s", m.Amount())
			assert.Equal(t, tt.currency, m.Currency())
			assert.Equal(t, tt.str, m.String())
			back, err := shg.ParseMoney(m.String())
			require.NoError(t, err)
			assert.True(t, back.Equal(m))
		})
	}
	t.Run("Errors", func(t *testing.T) {
		tests := []struct {
			in   string
			want error
		}{
			{"", shg.ErrInvalidMoney},
			{"IRR", shg.ErrInvalidMoney},
			{"2500000", shg.ErrInvalidMoney},
			{"2500000IRR", shg.ErrInvalidMoney},
			{"25 00 IRR", shg.ErrInvalidMoney},
			{"2,500,000 IRR", shg.ErrInvalidMoney},
			{"1e6 IRR", shg.ErrInvalidMoney},
			{"0x10 IRR", shg.ErrInvalidMoney},
			{".5 USD", shg.ErrInvalidMoney},
			{"5. USD", shg.ErrInvalidMoney},
			{"--5 USD", shg.ErrInvalidMoney},
			{"- USD", shg.ErrInvalidMoney},
			{"NaN USD", shg.ErrInvalidMoney},
			{"Inf USD", shg.ErrInvalidMoney},
			{"abc IRR", shg.ErrInvalidMoney},
			{"5 IRR extra", shg.ErrInvalidMoney},
			{"1" + strings.Repeat("0", 65) + " IRR", shg.ErrInvalidMoney}, // 66 digits: over the 64-digit limit
			{"5 XYZ", shg.ErrUnknownCurrency},
			{"5 irr", shg.ErrUnknownCurrency}, // codes are upper case
			{"5 TOMAN", shg.ErrUnknownCurrency},
		}
		for _, tt := range tests {
			m, err := shg.ParseMoney(tt.in)
			assert.ErrorIs(t, err, tt.want, "%q", tt.in)
			assert.True(t, m.IsZero() && m.Currency() == "", "%q gave %v", tt.in, m)
		}
		assert.Panics(t, func() { shg.MustParseMoney("5 XYZ") })
	})
}

func TestNewMoney(t *testing.T) {
	m, err := shg.NewMoney(dec("12.5"), "INR")
	require.NoError(t, err)
	assert.Equal(t, "12.5 INR", m.String())
	for _, code := range []string{"", "XYZ", "inr", "IRT", "US$"} {
		_, err := shg.NewMoney(dec("1"), code)
		assert.ErrorIs(t, err, shg.ErrUnknownCurrency, "%q", code)
	}
	assert.Panics(t, func() { shg.MustMoney(dec("1"), "XYZ") })
	assert.Equal(t, "0 IRR", shg.Zero("IRR").String())
	assert.Equal(t, "", shg.Zero("XYZ").Currency())
}

func TestToman(t *testing.T) {
	// 1 toman = 10 rials, so 2,500,000 toman = 25,000,000 rials.
	m := shg.Toman(2_500_000)
	assert.Equal(t, "IRR", m.Currency())
	assert.True(t, m.Equal(shg.Rials(25_000_000)))
	assert.True(t, m.Amount().Equal(dec("25000000")))
	assert.Equal(t, "25000000 IRR", m.String())
	assert.True(t, shg.Toman(-3).Equal(shg.Rials(-30)))
}

func TestCurrencies(t *testing.T) {
	// Minor units named by issue 2 (ISO 4217 except IRR, which the
	// programme books in whole rials) plus ISO's three-decimal dinars.
	want := map[string]int32{"IRR": 0, "INR": 2, "KES": 2, "USD": 2, "EUR": 2, "UGX": 0, "RWF": 0, "IQD": 3, "XOF": 0}
	for code, d := range want {
		got, err := shg.MinorDigits(code)
		require.NoError(t, err, code)
		assert.Equal(t, d, got, code)
		assert.True(t, shg.IsCurrency(code))
	}
	_, err := shg.MinorDigits("XYZ")
	assert.ErrorIs(t, err, shg.ErrUnknownCurrency)
	assert.False(t, shg.IsCurrency("XYZ"))

	list := shg.Currencies()
	assert.IsNonDecreasing(t, list)
	for code := range want {
		assert.Contains(t, list, code)
	}
	list[0] = "MUTATED"
	assert.NotEqual(t, "MUTATED", shg.Currencies()[0], "Currencies returns a copy")
}

func TestFromMinor(t *testing.T) {
	m, err := shg.FromMinor(150, "INR")
	require.NoError(t, err)
	assertMoney(t, "1.50 INR", m)
	m, err = shg.FromMinor(10, "IRR")
	require.NoError(t, err)
	assertMoney(t, "10 IRR", m)
	m, err = shg.FromMinor(-1, "IQD")
	require.NoError(t, err)
	assertMoney(t, "-0.001 IQD", m)
	_, err = shg.FromMinor(1, "XYZ")
	assert.ErrorIs(t, err, shg.ErrUnknownCurrency)
}

func TestMoney_WithMinor(t *testing.T) {
	// 150 paise are 1.50 rupees; 10 rials are 10 rials; -1 fils is -0.001 dinar.
	assertMoney(t, "1.50 INR", shg.Zero("INR").WithMinor(150))
	assertMoney(t, "10 IRR", shg.Toman(7).WithMinor(10))
	assertMoney(t, "-0.001 IQD", shg.Zero("IQD").WithMinor(-1))
	assert.Equal(t, "5", shg.Money{}.WithMinor(5).String(), "no currency: unit 1")
	rapid.Check(t, func(t *rapid.T) {
		code := rapid.SampledFrom([]string{"IRR", "INR", "IQD", "KES"}).Draw(t, "code")
		u := rapid.Int64().Draw(t, "units")
		got, ok := shg.Zero(code).WithMinor(u).MinorUnits()
		if !ok || got != u {
			t.Fatalf("WithMinor(%d).MinorUnits() = %d, %v", u, got, ok)
		}
	})
}

func TestMoney_Arithmetic(t *testing.T) {
	a := shg.MustParseMoney("100.25 INR")
	b := shg.MustParseMoney("0.75 INR")
	sum, err := a.Add(b)
	require.NoError(t, err)
	assertMoney(t, "101 INR", sum)
	diff, err := b.Sub(a)
	require.NoError(t, err)
	assertMoney(t, "-99.50 INR", diff)
	assertMoney(t, "-100.25 INR", a.Neg())
	assertMoney(t, "99.5 INR", diff.Abs())
	// 4% of 25,000,000 rials is 1,000,000 rials, exactly.
	assertMoney(t, "1000000 IRR", shg.Toman(2_500_000).Mul(dec("0.04")))
	// Mul does not round: a third of 100 rials keeps its decimals.
	assertMoney(t, "33.3333 IRR", shg.Rials(100).Mul(dec("0.333333")))

	assert.True(t, shg.Rials(0).IsZero())
	assert.True(t, shg.Rials(1).IsPositive())
	assert.True(t, shg.Rials(-1).IsNegative())
	assert.False(t, shg.Rials(0).IsPositive() || shg.Rials(0).IsNegative())

	c, err := a.Cmp(b)
	require.NoError(t, err)
	assert.Equal(t, 1, c)
	assert.True(t, b.LessThan(a))
	assert.True(t, a.GreaterThan(b))
	assert.False(t, a.LessThan(a))
	assertMoney(t, "0.75 INR", a.Min(b))
	assertMoney(t, "100.25 INR", a.Max(b))
	assert.True(t, shg.MustParseMoney("2.50 INR").Equal(shg.MustParseMoney("2.5 INR")))

	total, err := shg.Sum(a, b, shg.Money{}, a)
	require.NoError(t, err)
	assertMoney(t, "201.25 INR", total)
	empty, err := shg.Sum()
	require.NoError(t, err)
	assert.True(t, empty.IsZero())
}

func TestMoney_CurrencyMismatch(t *testing.T) {
	irr := shg.Rials(100)
	inr := shg.MustParseMoney("1 INR")
	ops := map[string]func() error{
		"Add": func() error { _, err := irr.Add(inr); return err },
		"Sub": func() error { _, err := irr.Sub(inr); return err },
		"Cmp": func() error { _, err := irr.Cmp(inr); return err },
		"Sum": func() error { _, err := shg.Sum(irr, inr); return err },
		"AddZeros": func() error {
			_, err := shg.Zero("IRR").Add(shg.Zero("INR")) // zeros of two currencies still differ
			return err
		},
	}
	for name, op := range ops {
		t.Run(name, func(t *testing.T) {
			err := op()
			require.Error(t, err)
			assert.ErrorIs(t, err, shg.ErrCurrencyMismatch)
			var me *shg.MismatchError
			require.ErrorAs(t, err, &me)
			assert.ElementsMatch(t, []string{"IRR", "INR"}, []string{me.A, me.B})
			assert.Contains(t, err.Error(), `"IRR"`)
		})
	}
	sum, err := irr.Add(inr)
	assert.True(t, sum.IsZero() && sum.Currency() == "", "no partial result")
	assert.Error(t, err)
	assert.False(t, irr.Equal(inr))
	assert.False(t, shg.Rials(0).Equal(shg.MustParseMoney("0 INR")))
	assert.False(t, irr.LessThan(inr) || irr.GreaterThan(inr))
	assertMoney(t, "100 IRR", irr.Min(inr), "Min keeps the receiver on mismatch")
	assertMoney(t, "100 IRR", irr.Max(inr))
}

func TestMoney_ZeroValue(t *testing.T) {
	var z shg.Money
	assert.True(t, z.IsZero())
	assert.Equal(t, "", z.Currency())
	assert.Equal(t, "0", z.String())
	x := shg.MustParseMoney("12.5 INR")
	for _, got := range []func() (shg.Money, error){
		func() (shg.Money, error) { return z.Add(x) },
		func() (shg.Money, error) { return x.Add(z) },
		func() (shg.Money, error) { return x.Sub(z) },
	} {
		m, err := got()
		require.NoError(t, err)
		assertMoney(t, "12.5 INR", m)
	}
	m, err := z.Sub(x)
	require.NoError(t, err)
	assertMoney(t, "-12.5 INR", m)
	assert.True(t, z.Equal(shg.Zero("INR")))
	assert.True(t, shg.Zero("INR").Equal(z))
	assert.False(t, z.Equal(x))
	c, err := z.Cmp(x)
	require.NoError(t, err)
	assert.Equal(t, -1, c)
}

// drawMoney draws an amount of code with up to 4 decimals and 15 digits.
func drawMoney(t *rapid.T, code, label string) shg.Money {
	units := rapid.Int64Range(-1e15, 1e15).Draw(t, label+".units")
	exp := rapid.Int32Range(-4, 0).Draw(t, label+".exp")
	return shg.MustMoney(decimal.New(units, exp), code)
}

func TestMoney_AddSubProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		code := rapid.SampledFrom([]string{"IRR", "INR", "IQD"}).Draw(t, "code")
		a, b, c := drawMoney(t, code, "a"), drawMoney(t, code, "b"), drawMoney(t, code, "c")
		must := func(m shg.Money, err error) shg.Money {
			if err != nil {
				t.Fatal(err)
			}
			return m
		}
		l := must(must(a.Add(b)).Add(c))
		r := must(a.Add(must(b.Add(c))))
		if !l.Equal(r) || l.Currency() != code {
			t.Fatalf("(a+b)+c = %v, a+(b+c) = %v", l, r)
		}
		if ab, ba := must(a.Add(b)), must(b.Add(a)); !ab.Equal(ba) {
			t.Fatalf("a+b = %v, b+a = %v", ab, ba)
		}
		if back := must(must(a.Add(b)).Sub(b)); !back.Equal(a) {
			t.Fatalf("(a+b)-b = %v, want %v", back, a)
		}
		if l, r := must(must(a.Sub(b)).Sub(c)), must(a.Sub(must(b.Add(c)))); !l.Equal(r) {
			t.Fatalf("(a-b)-c = %v, a-(b+c) = %v", l, r)
		}
		if s, n := must(a.Sub(b)), must(a.Add(b.Neg())); !s.Equal(n) {
			t.Fatalf("a-b = %v, a+(-b) = %v", s, n)
		}
		if z := must(a.Sub(a)); !z.IsZero() || z.Currency() != code {
			t.Fatalf("a-a = %v", z)
		}
	})
}

func TestMoney_Round(t *testing.T) {
	// Each row is worked by hand from the mode's definition.
	tests := []struct {
		mode shg.RoundingMode
		in   string
		want string
	}{
		{shg.HalfEven, "2.5", "2"}, // tie -> even
		{shg.HalfEven, "3.5", "4"},
		{shg.HalfEven, "-2.5", "-2"},
		{shg.HalfEven, "-3.5", "-4"},
		{shg.HalfEven, "2.4", "2"},
		{shg.HalfEven, "2.51", "3"},
		{shg.HalfEven, "7", "7"},
		{shg.HalfUp, "2.5", "3"}, // tie -> away from zero
		{shg.HalfUp, "-2.5", "-3"},
		{shg.HalfUp, "2.49", "2"},
		{shg.HalfDown, "2.5", "2"}, // tie -> toward zero
		{shg.HalfDown, "-2.5", "-2"},
		{shg.HalfDown, "2.6", "3"},
		{shg.Down, "2.7", "2"}, // toward zero
		{shg.Down, "-2.7", "-2"},
		{shg.Up, "2.1", "3"}, // away from zero
		{shg.Up, "-2.1", "-3"},
		{shg.Up, "7", "7"},
		{shg.Floor, "2.7", "2"}, // toward -inf
		{shg.Floor, "-2.1", "-3"},
		{shg.Ceiling, "2.1", "3"}, // toward +inf
		{shg.Ceiling, "-2.7", "-2"},
	}
	for _, tt := range tests {
		got := shg.MustParseMoney(tt.in + " IRR").Round(shg.Rounding{Mode: tt.mode})
		assertMoney(t, tt.want+" IRR", got, tt.mode, tt.in)
	}

	// Unit 1000 rials: 12,500 is 12.5 thousands, 13,500 is 13.5.
	thousand := []struct {
		mode shg.RoundingMode
		in   int64
		want int64
	}{
		{shg.HalfEven, 12_500, 12_000},
		{shg.HalfEven, 13_500, 14_000},
		{shg.HalfEven, 12_501, 13_000},
		{shg.HalfEven, -12_500, -12_000},
		{shg.HalfUp, 12_500, 13_000},
		{shg.Down, 12_999, 12_000},
		{shg.Up, 12_001, 13_000},
		{shg.Floor, -12_001, -13_000},
		{shg.Ceiling, -12_999, -12_000},
		{shg.HalfEven, 12_000, 12_000},
	}
	for _, tt := range thousand {
		r := shg.Rounding{Mode: tt.mode, Unit: dec("1000")}
		got := shg.Rials(tt.in).Round(r)
		assert.True(t, got.Equal(shg.Rials(tt.want)), "%v %d: got %v, want %d", tt.mode, tt.in, got, tt.want)
		assert.True(t, got.IsRounded(r))
	}

	// The zero unit is the currency's minor unit: a paisa for INR.
	assertMoney(t, "1.00 INR", shg.MustParseMoney("1.005 INR").Round(shg.Rounding{}))
	assertMoney(t, "1.02 INR", shg.MustParseMoney("1.015 INR").Round(shg.Rounding{}))
	assertMoney(t, "1.01 INR", shg.MustParseMoney("1.005 INR").Round(shg.Rounding{Mode: shg.HalfUp}))
	// Unit 0.05: 1.025 is 20.5 nickels; HalfEven -> 20 (1.00), HalfUp -> 21 (1.05).
	assertMoney(t, "1.00 INR", shg.MustParseMoney("1.025 INR").Round(shg.Rounding{Unit: dec("0.05")}))
	assertMoney(t, "1.05 INR", shg.MustParseMoney("1.025 INR").Round(shg.Rounding{Mode: shg.HalfUp, Unit: dec("0.05")}))
	// The zero Money rounds to itself.
	assert.True(t, shg.Money{}.Round(shg.Rounding{}).IsZero())

	t.Run("Properties", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			m := drawMoney(t, "IRR", "m")
			unit := rapid.SampledFrom([]string{"1", "10", "100", "1000", "0.5"}).Draw(t, "unit")
			mode := shg.RoundingMode(rapid.IntRange(0, 6).Draw(t, "mode"))
			r := shg.Rounding{Mode: mode, Unit: dec(unit)}
			got := m.Round(r)
			if !got.IsRounded(r) {
				t.Fatalf("%v rounded %v to %v: not a multiple", m, r, got)
			}
			d, _ := got.Sub(m)
			if d.Abs().Amount().GreaterThanOrEqual(dec(unit)) {
				t.Fatalf("%v rounded %v moved by %v", m, r, d)
			}
			if again := got.Round(r); !again.Equal(got) {
				t.Fatalf("rounding is not idempotent: %v then %v", got, again)
			}
		})
	})
}

func TestMoney_IsRounded(t *testing.T) {
	k := shg.Rounding{Unit: dec("1000")}
	assert.True(t, shg.Rials(12_000).IsRounded(k))
	assert.False(t, shg.Rials(12_500).IsRounded(k))
	assert.False(t, shg.MustParseMoney("1.5 IRR").IsRounded(shg.Rounding{}))
	assert.True(t, shg.MustParseMoney("1.50 INR").IsRounded(shg.Rounding{}))
	assert.False(t, shg.MustParseMoney("1.505 INR").IsRounded(shg.Rounding{}))
	assert.True(t, shg.MustParseMoney("-0.001 IQD").IsRounded(shg.Rounding{}))
}

func TestMoney_MinorUnits(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1.50 INR", 150, true},
		{"25000000 IRR", 25_000_000, true},
		{"-0.07 USD", -7, true},
		{"1.505 INR", 0, false},
		{"0.5 IRR", 0, false},
		{"9223372036854775807 IRR", math.MaxInt64, true},
		{"-9223372036854775808 IRR", math.MinInt64, true},
		{"9223372036854775808 IRR", 0, false}, // 2^63 does not fit
		{"92233720368547758.08 INR", 0, false},
		{"92233720368547758.07 INR", math.MaxInt64, true},
	}
	for _, tt := range tests {
		got, ok := shg.MustParseMoney(tt.in).MinorUnits()
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestMoney_Format(t *testing.T) {
	// Written by hand: grouping by threes, the currency's minor digits.
	tests := []struct {
		m                  shg.Money
		format, toman      string
		persianT, persianR string
	}{
		{shg.Toman(2_500_000), "25,000,000 IRR", "2,500,000 toman", "۲٬۵۰۰٬۰۰۰ تومان", "۲۵٬۰۰۰٬۰۰۰ ریال"},
		{shg.Rials(999), "999 IRR", "99.9 toman", "۹۹٫۹ تومان", "۹۹۹ ریال"},
		{shg.Rials(1000), "1,000 IRR", "100 toman", "۱۰۰ تومان", "۱٬۰۰۰ ریال"},
		{shg.Rials(-1_234_560), "-1,234,560 IRR", "-123,456 toman", "-۱۲۳٬۴۵۶ تومان", "-۱٬۲۳۴٬۵۶۰ ریال"},
		{shg.Rials(0), "0 IRR", "0 toman", "۰ تومان", "۰ ریال"},
		{shg.MustParseMoney("1234.5 INR"), "1,234.50 INR", "1,234.50 INR", "۱٬۲۳۴٫۵۰ INR", "۱٬۲۳۴٫۵۰ INR"},
		{shg.MustParseMoney("-1234567.891 USD"), "-1,234,567.891 USD", "-1,234,567.891 USD", "-۱٬۲۳۴٬۵۶۷٫۸۹۱ USD", "-۱٬۲۳۴٬۵۶۷٫۸۹۱ USD"},
		{shg.MustParseMoney("100 UGX"), "100 UGX", "100 UGX", "۱۰۰ UGX", "۱۰۰ UGX"},
		{shg.Money{}, "0", "0", "۰", "۰"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.format, tt.m.Format(), "Format %v", tt.m)
		assert.Equal(t, tt.toman, tt.m.FormatToman(), "FormatToman %v", tt.m)
		assert.Equal(t, tt.persianT, tt.m.FormatPersian(true), "FormatPersian(true) %v", tt.m)
		assert.Equal(t, tt.persianR, tt.m.FormatPersian(false), "FormatPersian(false) %v", tt.m)
	}
	assert.Equal(t, "۲۰۱۸-۰۸-۲۳", shg.ToPersianDigits("2018-08-23"))
	assert.Equal(t, "abc", shg.ToPersianDigits("abc"))
}

func TestMoney_JSON(t *testing.T) {
	b, err := json.Marshal(shg.Toman(2_500_000))
	require.NoError(t, err)
	assert.JSONEq(t, `{"amount":"25000000","currency":"IRR"}`, string(b))

	var m shg.Money
	require.NoError(t, json.Unmarshal([]byte(`{"amount":"-12.50","currency":"INR"}`), &m))
	assertMoney(t, "-12.5 INR", m)

	b, err = json.Marshal(shg.Money{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"amount":"0","currency":""}`, string(b))
	m = shg.Rials(5)
	require.NoError(t, json.Unmarshal(b, &m))
	assert.True(t, m.IsZero() && m.Currency() == "")

	t.Run("Null", func(t *testing.T) {
		type loan struct{ Fee shg.Money }
		l := loan{Fee: shg.Rials(7)}
		require.NoError(t, json.Unmarshal([]byte(`{"Fee":null}`), &l))
		assertMoney(t, "7 IRR", l.Fee)
	})
	t.Run("Errors", func(t *testing.T) {
		tests := []struct {
			in   string
			want error
		}{
			{`{"amount":25000000,"currency":"IRR"}`, shg.ErrInvalidMoney}, // a number, not a string
			{`{"amount":"","currency":"IRR"}`, shg.ErrInvalidMoney},
			{`{"currency":"IRR"}`, shg.ErrInvalidMoney},
			{`{"amount":"1e3","currency":"IRR"}`, shg.ErrInvalidMoney},
			{`{"amount":"5","currency":""}`, shg.ErrInvalidMoney}, // an amount needs a currency
			{`{"amount":"5"}`, shg.ErrInvalidMoney},
			{`"5 IRR"`, shg.ErrInvalidMoney},
			{`[]`, shg.ErrInvalidMoney},
			{`{"amount":"5","currency":"XYZ"}`, shg.ErrUnknownCurrency},
		}
		for _, tt := range tests {
			m := shg.Rials(1)
			err := json.Unmarshal([]byte(tt.in), &m)
			assert.ErrorIs(t, err, tt.want, tt.in)
			assertMoney(t, "1 IRR", m, "a failed decode leaves the value", tt.in)
		}
	})
	t.Run("RoundTrip", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			code := rapid.SampledFrom(shg.Currencies()).Draw(t, "code")
			in := drawMoney(t, code, "m")
			b, err := json.Marshal(in)
			if err != nil {
				t.Fatal(err)
			}
			var out shg.Money
			if err := json.Unmarshal(b, &out); err != nil {
				t.Fatalf("%s: %v", b, err)
			}
			if !out.Equal(in) || out.Currency() != in.Currency() {
				t.Fatalf("%v -> %s -> %v", in, b, out)
			}
		})
	})
}

func TestRounding_JSON(t *testing.T) {
	b, err := json.Marshal(shg.Rounding{Mode: shg.HalfUp, Unit: dec("1000")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"mode":"halfUp","unit":"1000"}`, string(b))
	b, err = json.Marshal(shg.Rounding{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"mode":"halfEven"}`, string(b))

	var r shg.Rounding
	require.NoError(t, json.Unmarshal([]byte(`{"mode":"ceiling","unit":"0.05"}`), &r))
	assert.Equal(t, shg.Ceiling, r.Mode)
	assert.True(t, r.Unit.Equal(dec("0.05")))
	require.NoError(t, json.Unmarshal([]byte(`{}`), &r))
	assert.Equal(t, shg.HalfEven, r.Mode)
	assert.True(t, r.Unit.IsZero())

	for _, in := range []string{`{"mode":"bankers"}`, `{"mode":"halfEven","unit":"-1"}`, `{"mode":"halfEven","unit":"1e3"}`, `{"mode":3}`} {
		assert.Error(t, json.Unmarshal([]byte(in), &r), in)
	}
	_, err = json.Marshal(shg.Rounding{Mode: shg.RoundingMode(9)})
	assert.Error(t, err)
	assert.Error(t, shg.Rounding{Mode: shg.RoundingMode(9)}.Validate())
	assert.Error(t, shg.Rounding{Unit: dec("-1")}.Validate())
	assert.NoError(t, shg.Rounding{}.Validate())

	names := []string{"halfEven", "halfUp", "halfDown", "down", "up", "floor", "ceiling"}
	for i, n := range names {
		m := shg.RoundingMode(i)
		assert.Equal(t, n, m.String())
		var back shg.RoundingMode
		require.NoError(t, back.UnmarshalText([]byte(n)))
		assert.Equal(t, m, back)
	}
	assert.Equal(t, "RoundingMode(7)", shg.RoundingMode(7).String())
	assert.False(t, shg.RoundingMode(7).IsValid())
}

func TestMismatchError(t *testing.T) {
	err := error(&shg.MismatchError{A: "IRR", B: "USD"})
	assert.True(t, errors.Is(err, shg.ErrCurrencyMismatch))
	assert.False(t, errors.Is(err, shg.ErrUnknownCurrency))
	assert.Equal(t, `shg: currency mismatch: "IRR" and "USD"`, err.Error())
}

func BenchmarkMoney_Add(b *testing.B) {
	x := shg.Toman(2_500_000)
	y := shg.Rials(12_345)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var err error
		if x, err = x.Add(y); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseMoney(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := shg.ParseMoney(strconv.Itoa(i) + ".25 INR"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestRoundTo(t *testing.T) {
	d := decimal.RequireFromString
	// Hand-derived: 0.0833333 to 0.0001 half-even is 0.0833; 0.00125 to
	// 0.0001 half-even is 0.0012 (2 is even), half-up 0.0013.
	assert.True(t, shg.RoundTo(d("0.0833333"), d("0.0001"), shg.HalfEven).Equal(d("0.0833")))
	assert.True(t, shg.RoundTo(d("0.00125"), d("0.0001"), shg.HalfEven).Equal(d("0.0012")))
	assert.True(t, shg.RoundTo(d("0.00125"), d("0.0001"), shg.HalfUp).Equal(d("0.0013")))
	assert.True(t, shg.RoundTo(d("7.5"), decimal.Zero, shg.HalfUp).Equal(d("7.5")), "no unit: unchanged")
}

func TestMoney_WithAmount(t *testing.T) {
	m := shg.MustParseMoney("1.50 INR").WithAmount(dec("2.25"))
	assert.Equal(t, "2.25 INR", m.String())
	assert.Equal(t, "7", shg.Money{}.WithAmount(dec("7")).String(), "the zero Money has no currency")
}

// MinorUnits by hand, across the fast path (coefficient × 10^shift) and
// the exact slow path.
func TestMoney_MinorUnitsByHand(t *testing.T) {
	for _, tc := range []struct {
		in   shg.Money
		want int64
		ok   bool
	}{
		{shg.MustParseMoney("1.5 INR"), 150, true},              // 15 × 10^1
		{shg.MustParseMoney("2.50 INR"), 250, true},             // 250 × 10^0
		{shg.MustParseMoney("-0.07 USD"), -7, true},             // negative
		{shg.MustParseMoney("0.005 USD"), 0, false},             // half a cent
		{shg.Toman(2_500_000), 25_000_000, true},                // rials
		{shg.MustMoney(dec("12").Shift(3), "IRR"), 12000, true}, // 12 × 10^3
		{shg.MustParseMoney("92233720368547758.07 USD"), 9223372036854775807, true},
		{shg.MustParseMoney("92233720368547758.08 USD"), 0, false}, // one cent past int64
	} {
		got, ok := tc.in.MinorUnits()
		assert.Equal(t, tc.ok, ok, tc.in.String())
		assert.Equal(t, tc.want, got, tc.in.String())
	}
}
