package savings

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/khodyar/shg"
	"github.com/shopspring/decimal"
)

// units is an amount in the fund's minor units (rials, paise, cents).
//
// The fund keeps every balance in units rather than as a decimal: the
// fund has one currency, every amount it books is a whole number of its
// minor units (anything finer is refused), so integer arithmetic is exact
// and costs no allocation. A value is an int64 while it fits one, which is
// every amount a group will meet (9.2e18 rials); beyond that it is a
// *big.Int, so the books stay exact for any amount a [shg.Money] can hold.
//
// Invariant: big is set only when the value does not fit an int64, so two
// equal values have equal representations; a big.Int is never modified
// once it is in a units.
type units struct {
	n   int64
	big *big.Int
}

// fromBig returns b as units, as an int64 when it fits. It takes b over.
func fromBig(b *big.Int) units {
	if b.IsInt64() {
		return units{n: b.Int64()}
	}
	return units{big: b}
}

// bigInt returns u as a *big.Int the caller may not modify.
func (u units) bigInt() *big.Int {
	if u.big != nil {
		return u.big
	}
	return big.NewInt(u.n)
}

func (u units) sign() int {
	switch {
	case u.big != nil:
		return u.big.Sign()
	case u.n > 0:
		return 1
	case u.n < 0:
		return -1
	}
	return 0
}

func (u units) isZero() bool { return u.big == nil && u.n == 0 }

// add returns u+v, exactly.
func (u units) add(v units) units {
	if u.big == nil && v.big == nil {
		// No overflow unless the sum moved the wrong way.
		if s := u.n + v.n; (s > u.n) == (v.n > 0) {
			return units{n: s}
		}
	}
	return fromBig(new(big.Int).Add(u.bigInt(), v.bigInt()))
}

// sub returns u−v, exactly.
func (u units) sub(v units) units {
	if u.big == nil && v.big == nil {
		if s := u.n - v.n; (s < u.n) == (v.n > 0) {
			return units{n: s}
		}
	}
	return fromBig(new(big.Int).Sub(u.bigInt(), v.bigInt()))
}

// neg returns −u.
func (u units) neg() units {
	if u.big == nil && u.n != math.MinInt64 {
		return units{n: -u.n}
	}
	return fromBig(new(big.Int).Neg(u.bigInt()))
}

// cmp returns −1, 0 or +1 as u is below, equal to or above v.
func (u units) cmp(v units) int {
	if u.big == nil && v.big == nil {
		switch {
		case u.n < v.n:
			return -1
		case u.n > v.n:
			return 1
		}
		return 0
	}
	return u.bigInt().Cmp(v.bigInt())
}

func (u units) min(v units) units {
	if v.cmp(u) < 0 {
		return v
	}
	return u
}

// mulInt returns u×k, exactly.
func (u units) mulInt(k int64) units {
	if u.big == nil {
		hi, lo := bits.Mul64(abs64(u.n), abs64(k))
		if hi == 0 && lo <= math.MaxInt64 {
			if (u.n < 0) != (k < 0) {
				return units{n: -int64(lo)}
			}
			return units{n: int64(lo)}
		}
	}
	return fromBig(new(big.Int).Mul(u.bigInt(), big.NewInt(k)))
}

// abs64 returns |x| as a uint64 (right for math.MinInt64 too).
func abs64(x int64) uint64 {
	if x < 0 {
		return -uint64(x)
	}
	return uint64(x)
}

// decimal returns u as a decimal amount of a currency with digits minor
// digits: units{n: 150} with 2 digits is 1.50.
func (u units) decimal(digits int32) decimal.Decimal {
	if u.big != nil {
		return decimal.NewFromBigInt(u.big, -digits)
	}
	return decimal.New(u.n, -digits)
}

// pow10 holds 10^0 ... 10^18, the powers of ten that fit an int64.
var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// toUnits returns d in minor units of a currency with digits minor digits,
// and false when d is not a whole number of them. An amount whose
// coefficient fits an int64 (checked as at most 18 digits), at a scale no
// more than 18 digits from the minor unit, is converted without
// allocating.
func toUnits(d decimal.Decimal, digits int32) (units, bool) {
	if d.NumDigits() <= 18 {
		return coefUnits(d.CoefficientInt64(), d.Exponent(), digits)
	}
	return bigUnits(d, int64(d.Exponent())+int64(digits))
}

// moneyUnits is toUnits for an amount of a currency with digits minor
// digits: through [shg.Money.MinorUnits], with no allocation, whenever the
// amount is a whole number of minor units that fits an int64.
func moneyUnits(m shg.Money, digits int32) (units, bool) {
	if n, ok := m.MinorUnits(); ok {
		return units{n: n}, true
	}
	return toUnits(m.Amount(), digits)
}

// coefUnits returns c × 10^exp in minor units of a currency with digits
// minor digits, and false when that is not a whole number of them.
func coefUnits(c int64, exp, digits int32) (units, bool) {
	k := int64(exp) + int64(digits) // c × 10^k minor units
	switch {
	case k >= 0 && k <= 18:
		return units{n: c}.mulInt(pow10[k]), true
	case k < 0 && k >= -18:
		p := pow10[-k]
		if c%p != 0 {
			return units{}, false
		}
		return units{n: c / p}, true
	}
	return bigUnits(decimal.New(c, exp), k)
}

// bigUnits is toUnits for any d, with k = d's exponent + the minor digits.
func bigUnits(d decimal.Decimal, k int64) (units, bool) {
	if k < 0 && d.NumDigits() <= int(-k) { // 0 < |d| < one minor unit, or zero
		return units{}, d.IsZero()
	}
	c := d.Coefficient()
	switch {
	case k > 0:
		c.Mul(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(k), nil))
	case k < 0:
		var r big.Int
		c.QuoRem(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(-k), nil), &r)
		if r.Sign() != 0 {
			return units{}, false
		}
	}
	return fromBig(c), true
}
