package program

import (
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// ppm's integer fast path gives what the decimal formula it replaces
// gives: the rate in parts per million, truncated toward zero.
func TestPPM_MatchesDecimal(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
	}{
		{"0.25", 250_000}, {"1", 1_000_000}, {"0.0000015", 1}, {"-0.0000015", -1},
		{"0.0000001", 0}, {"12", 12_000_000}, {"0", 0},
	} {
		if got := ppm(decimal.RequireFromString(tc.in)); got != tc.want {
			t.Errorf("ppm(%s) = %d, want %d", tc.in, got, tc.want)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		d := decimal.New(rapid.Int64Range(-1e13, 1e13).Draw(t, "c"), rapid.Int32Range(-25, 6).Draw(t, "e"))
		if got, want := ppm(d), d.Shift(6).IntPart(); got != want {
			t.Fatalf("ppm(%s) = %d, want %d", d, got, want)
		}
	})
}
