package loan

import (
	"math/big"
	"sync"

	"github.com/khodyar/shg"
	"github.com/shopspring/decimal"
)

// Integer versions of the decimal steps of a schedule. A decimal is a
// coefficient c and an exponent e (c × 10^e); shopspring's operations are
// followed step by step on big.Int scratch, so the results are the same
// numbers the decimal formulas give, without an allocation per operation.

// intDec is a decimal as a coefficient and an exponent.
type intDec struct {
	c big.Int
	e int32
}

// set sets x to d.
func (x *intDec) set(d decimal.Decimal) *intDec {
	if d.NumDigits() <= 18 { // the coefficient fits an int64: no copy of it
		x.c.SetInt64(d.CoefficientInt64())
	} else {
		x.c.Set(d.Coefficient())
	}
	x.e = d.Exponent()
	return x
}

// mulPow10 sets dst to x × 10^n (n >= 0).
func mulPow10(dst, x *big.Int, n int64, scratch *big.Int) *big.Int {
	if n == 0 {
		return dst.Set(x)
	}
	return dst.Mul(x, pow10(int(n), scratch))
}

// divRoundHalfAway sets q to a/b rounded half away from zero (b != 0),
// which is how decimal.DivRound rounds.
func divRoundHalfAway(q, a, b, r *big.Int) {
	q.QuoRem(a, b, r)
	if r.Sign() == 0 {
		return
	}
	r.Abs(r)
	r.Lsh(r, 1)
	if r.CmpAbs(b) < 0 {
		return
	}
	if a.Sign()*b.Sign() < 0 {
		q.Sub(q, bigOne)
	} else {
		q.Add(q, bigOne)
	}
}

// divRound sets q to the coefficient of x.DivRound(y, precision) (whose
// exponent is −precision), y != 0: the quotient of the scaled coefficients
// rounded half away from zero, as decimal.QuoRem scales them.
func divRound(q *big.Int, x, y *intDec, precision int32, s *[3]big.Int) {
	e := int64(x.e) - int64(y.e) + int64(precision)
	a, b := &s[0], &s[1]
	if e < 0 {
		a.Set(&x.c)
		mulPow10(b, &y.c, -e, &s[2])
	} else {
		mulPow10(a, &x.c, e, &s[2])
		b.Set(&y.c)
	}
	divRoundHalfAway(q, a, b, &s[2])
}

// roundInt sets dst to x/d (d > 0) rounded to an integer in mode, as
// [shg.Money.Round] rounds: the nearest modes by the remainder, Down and Up
// toward and away from zero, Floor and Ceiling down and up. It reports
// whether x/d was already an integer. q and r are scratch.
func roundInt(dst, x, d *big.Int, mode shg.RoundingMode, q, r *big.Int) (exact bool) {
	q.QuoRem(x, d, r) // truncated: r has x's sign
	if r.Sign() == 0 {
		dst.Set(q)
		return true
	}
	neg := x.Sign() < 0
	r.Abs(r)
	r.Lsh(r, 1) // compare 2|r| with d
	half := r.Cmp(d)
	away := false
	switch mode {
	case shg.HalfEven:
		away = half > 0 || (half == 0 && q.Bit(0) == 1)
	case shg.HalfUp:
		away = half >= 0
	case shg.HalfDown:
		away = half > 0
	case shg.Up:
		away = true
	case shg.Floor:
		away = neg
	case shg.Ceiling:
		away = !neg
	}
	dst.Set(q)
	if away {
		if neg {
			dst.Sub(dst, bigOne)
		} else {
			dst.Add(dst, bigOne)
		}
	}
	return false
}

// slab is storage for the big.Int scratch of one schedule computation:
// each scratch integer is given a fixed slice of it as its initial
// capacity, so that a schedule does not allocate a word array for each of
// the thirty-odd integers it works with. An integer that outgrows its
// slice allocates its own, as any big.Int does; slices never overlap (the
// capacity is capped), so math/big's aliasing checks see distinct values.
// Slabs are reused through slabPool; nothing may keep an integer backed by
// a slab once the slab is put back.
type slab struct {
	w    [slabInts * slabWords]big.Word
	next int
	// The integers Terms.build hands to its emit function, which would
	// otherwise escape to the heap each time; pooled with the slab, they
	// keep their storage from one schedule to the next.
	c, p, bal big.Int
}

const (
	slabWords = 8  // 512 bits (154 decimal digits) per integer
	slabInts  = 40 // integers per schedule: build, intCharge, levelCoef, periodicRate
)

var slabPool = sync.Pool{New: func() any { return new(slab) }}

// getSlab returns a slab whose storage is all free.
func getSlab() *slab {
	sl := slabPool.Get().(*slab)
	sl.next = 0
	return sl
}

// give gives each of xs (zero, or about to be set) a slice of the slab as
// storage; once the slab is used up, the rest keep their own.
func (sl *slab) give(xs ...*big.Int) {
	for _, x := range xs {
		if sl.next+slabWords > len(sl.w) {
			return
		}
		x.SetBits(sl.w[sl.next : sl.next : sl.next+slabWords])
		sl.next += slabWords
	}
}

// periodicRate computes [Terms.PeriodicRate] for a valid period (py
// periods of the unit in a year) in integers.
func periodicRate(annual decimal.Decimal, py, n int, mode shg.RoundingMode) decimal.Decimal {
	var r intDec
	periodicRateInt(&r, annual, py, n, mode, nil)
	return decimal.NewFromBigInt(&r.c, r.e)
}

// periodicRateInt sets dst to [Terms.PeriodicRate] (see periodicRate),
// its scratch backed by sl when not nil.
func periodicRateInt(dst *intDec, annual decimal.Decimal, py, n int, mode shg.RoundingMode, sl *slab) {
	var (
		s          [3]big.Int
		a, y       intDec
		q, rq, abs big.Int
	)
	if sl != nil {
		sl.give(&s[0], &s[1], &s[2], &a.c, &y.c, &q, &rq, &abs)
	}
	a.set(annual)
	y.c.SetInt64(int64(py))
	places := int32(ratePrecision + 24)
	if a.e < 0 {
		places -= a.e // tiny rates keep their significant digits
	}
	divRound(&q, &a, &y, places, &s) // annual.DivRound(py, places)
	exp := -places
	// roundSig: to ratePrecision significant digits, through the rounding
	// of shg.Money.Round, which leaves an exact value as it is.
	abs.Abs(&q)
	if nd := decimalDigits(&abs); nd > ratePrecision {
		sh := nd - ratePrecision
		if !roundInt(&rq, &q, pow10(sh, &s[2]), mode, &s[0], &s[1]) {
			q.Set(&rq)
			exp += int32(sh)
		}
	}
	rq.SetInt64(int64(n))
	dst.c.Mul(&q, &rq)
	dst.e = exp
}

// levelCoef sets q to the coefficient of [LevelPayment](principal, rate,
// periods) for periods >= 1 and rate > −1, whose exponent is −levelPlaces.
// It reports false when (1+rate)^periods truncates to 1 and the formula
// would divide by zero.
// Its scratch is backed by sl when not nil.
func levelCoef(q *big.Int, principal, rate *intDec, periods int, sl *slab) bool {
	var (
		s        [3]big.Int
		num, den intDec
		bv, fv   [2]big.Int // b and f, and the next value of each
	)
	if sl != nil {
		sl.give(&s[0], &s[1], &s[2], &num.c, &den.c, &bv[0], &bv[1], &fv[0], &fv[1])
	}
	if rate.c.Sign() == 0 {
		den.c.SetInt64(int64(periods))
		divRound(q, principal, &den, levelPlaces, &s) // principal.DivRound(n, levelPlaces)
		return true
	}
	// b = 1 + rate, at the smaller exponent, as decimal.Add aligns them.
	b, bNext := &bv[0], &bv[1]
	var be int32
	if rate.e >= 0 {
		mulPow10(b, &rate.c, int64(rate.e), &s[0])
		b.Add(b, bigOne)
	} else {
		b.Add(&rate.c, pow10(int(-rate.e), &s[0]))
		be = rate.e
	}
	// f = powTrunc(b, periods, levelPlaces+10): every product truncated
	// (toward zero, as decimal.Truncate) to that many places.
	const places = levelPlaces + 10
	trunc := func(x *big.Int, e int32) int32 {
		if e < -places {
			s[1].Set(x)
			x.QuoRem(&s[1], pow10(int(-places-e), &s[0]), &s[2]) // truncated, as Quo; s[2] is free here
			return -places
		}
		return e
	}
	f, fNext := &fv[0], &fv[1]
	f.SetInt64(1)
	var fe int32
	for n := periods; n > 0; {
		if n&1 == 1 {
			fNext.Mul(f, b)
			f, fNext = fNext, f
			fe = trunc(f, fe+be)
		}
		n >>= 1
		if n > 0 {
			bNext.Mul(b, b)
			b, bNext = bNext, b
			be = trunc(b, be+be)
		}
	}
	// principal·rate·f / (f − 1), rounded to levelPlaces.
	s[1].Mul(&principal.c, &rate.c)
	num.c.Mul(&s[1], f)
	num.e = principal.e + rate.e + fe
	den.e = min(fe, 0)
	mulPow10(&den.c, f, int64(fe-den.e), &s[0])
	den.c.Sub(&den.c, pow10(int(-den.e), &s[0]))
	if den.c.Sign() == 0 {
		return false
	}
	divRound(q, &num, &den, levelPlaces, &s)
	return true
}
