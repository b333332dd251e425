package shg

import (
	"fmt"
	"sort"

	"github.com/shopspring/decimal"
)

// Allocate splits m into len(weights) parts in proportion to weights,
// exactly: the parts sum to m, and no part differs from its exact share
// m×wᵢ/Σw by a minor unit or more.
//
// The method is largest remainder (Hamilton): each part first gets its exact
// share rounded toward zero to the minor unit; the units left over go out
// one at a time to the parts with the largest discarded fractions, ties to
// the lower index. A zero weight always gets zero. A negative m is
// allocated as -(|m| allocated).
//
// It fails with [ErrInvalidWeights] when there are no weights, a weight is
// negative or all are zero, and with [ErrInvalidMoney] when m is not a whole
// number of minor units.
func (m Money) Allocate(weights ...decimal.Decimal) ([]Money, error) {
	return m.AllocateTo(minorUnit(m.Currency()), weights...)
}

// AllocateTo is [Money.Allocate] with parts in multiples of unit (such as
// 1000 rials) instead of the minor unit; m must be a multiple of unit.
func (m Money) AllocateTo(unit decimal.Decimal, weights ...decimal.Decimal) ([]Money, error) {
	if len(weights) == 0 {
		return nil, fmt.Errorf("%w: no weights", ErrInvalidWeights)
	}
	if !unit.IsPositive() {
		return nil, fmt.Errorf("%w: unit %s is not positive", ErrInvalidMoney, unit)
	}
	total := decimal.Zero
	for i, w := range weights {
		if w.IsNegative() {
			return nil, fmt.Errorf("%w: weight %d is negative (%s)", ErrInvalidWeights, i, w)
		}
		total = total.Add(w)
	}
	if total.IsZero() {
		return nil, fmt.Errorf("%w: weights sum to zero", ErrInvalidWeights)
	}
	units, rem := m.dec().Abs().QuoRem(unit, 0)
	if !rem.IsZero() {
		return nil, fmt.Errorf("%w: %s is not a multiple of %s", ErrInvalidMoney, m, unit)
	}
	parts := make([]decimal.Decimal, len(weights))
	fracs := make([]decimal.Decimal, len(weights))
	given := decimal.Zero
	for i, w := range weights {
		// units×w = total×q + r with 0 <= r < total: q is the floor of the
		// exact share, r/total its discarded fraction (same denominator for
		// every part, so r alone orders them).
		q, r := units.Mul(w).QuoRem(total, 0)
		parts[i], fracs[i] = q, r
		given = given.Add(q)
	}
	left := units.Sub(given).IntPart() // < len(weights)
	if left > 0 {
		order := make([]int, len(weights))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return fracs[order[a]].Cmp(fracs[order[b]]) > 0 })
		one := decimal.NewFromInt(1)
		for _, i := range order[:left] {
			parts[i] = parts[i].Add(one)
		}
	}
	out := make([]Money, len(weights))
	for i, p := range parts {
		a := p.Mul(unit)
		if m.IsNegative() {
			a = a.Neg()
		}
		out[i] = fromDecimal(a, m.cur)
	}
	return out, nil
}

// Split divides m into n parts that differ by at most one minor unit and sum
// to m; the earlier parts take the extra units. It fails for n < 1.
func (m Money) Split(n int) ([]Money, error) {
	if n < 1 {
		return nil, fmt.Errorf("%w: cannot split into %d parts", ErrInvalidWeights, n)
	}
	w := make([]decimal.Decimal, n)
	for i := range w {
		w[i] = decimal.NewFromInt(1)
	}
	return m.Allocate(w...)
}
