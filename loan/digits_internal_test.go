package loan

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// decimalDigits counts the digits of |x| as its decimal text does, around
// every power of two and of ten where an estimate from the bit length can
// be off by one, up to numbers of 20,000 digits. 2^13301 (4,004 digits)
// is where the former estimate (log10 2 taken as 0.30103) first said 4,005.
func TestDecimalDigits(t *testing.T) {
	two := new(big.Int).Lsh(big.NewInt(1), 13301)
	if got, want := decimalDigits(two), len(two.String()); got != want {
		t.Fatalf("decimalDigits(2^13301) = %d, want %d", got, want)
	}
	rapid.Check(t, func(t *rapid.T) {
		var x big.Int
		n := rapid.IntRange(0, 66_000).Draw(t, "n")
		if rapid.Bool().Draw(t, "ten") {
			x.Exp(big.NewInt(10), big.NewInt(int64(n/3)), nil) // 10^k
		} else {
			x.Lsh(big.NewInt(1), uint(n)) // 2^n
		}
		x.Add(&x, big.NewInt(rapid.Int64Range(-2, 2).Draw(t, "off")))
		if rapid.Bool().Draw(t, "neg") {
			x.Neg(&x)
		}
		want := len(new(big.Int).Abs(&x).String())
		if got := decimalDigits(&x); got != want {
			t.Fatalf("decimalDigits(%d bits) = %d, want %d", x.BitLen(), got, want)
		}
	})
}

// ceilSmall is decimal's Ceil on the penalty rates booksFit sees (0 < d <=
// 100), at any scale.
func TestCeilSmall(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := rapid.Int32Range(-22, 2).Draw(t, "e")
		// The largest coefficient keeping c × 10^e <= 100, capped at 18 digits.
		hi := int64(999_999_999_999_999_999)
		switch {
		case e >= 0:
			hi = 100 / pow10Int(int(e))
		case e >= -16:
			hi = 100 * pow10Int(int(-e))
		}
		d := decimal.New(rapid.Int64Range(1, hi).Draw(t, "c"), e)
		if got, want := ceilSmall(d), uint64(d.Ceil().IntPart()); got != want {
			t.Fatalf("ceilSmall(%s) = %d, want %d", d, got, want)
		}
	})
}
