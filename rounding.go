package shg

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"
)

// RoundingMode says which way an amount that falls between two multiples of
// a unit goes. The names and meanings follow java.math.RoundingMode, which
// Apache Fineract's "rounding-mode" setting uses.
type RoundingMode uint8

const (
	// HalfEven rounds to the nearest multiple, ties to the even one
	// (banker's rounding). It is the zero value and Fineract's default.
	HalfEven RoundingMode = iota
	// HalfUp rounds to the nearest multiple, ties away from zero.
	HalfUp
	// HalfDown rounds to the nearest multiple, ties toward zero.
	HalfDown
	// Down rounds toward zero (truncates).
	Down
	// Up rounds away from zero.
	Up
	// Floor rounds toward negative infinity.
	Floor
	// Ceiling rounds toward positive infinity.
	Ceiling
)

var roundingNames = [...]string{"halfEven", "halfUp", "halfDown", "down", "up", "floor", "ceiling"}

// String returns the lowerCamel name used in JSON, e.g. "halfEven".
func (m RoundingMode) String() string {
	if int(m) < len(roundingNames) {
		return roundingNames[m]
	}
	return fmt.Sprintf("RoundingMode(%d)", m)
}

// IsValid reports whether m is one of the defined modes.
func (m RoundingMode) IsValid() bool { return int(m) < len(roundingNames) }

// MarshalText encodes the mode by name.
func (m RoundingMode) MarshalText() ([]byte, error) {
	if !m.IsValid() {
		return nil, fmt.Errorf("%w: mode %d", ErrInvalidRounding, m)
	}
	return []byte(m.String()), nil
}

// UnmarshalText decodes a mode name; the empty string is HalfEven.
func (m *RoundingMode) UnmarshalText(b []byte) error {
	s := string(b)
	if s == "" {
		*m = HalfEven
		return nil
	}
	for i, n := range roundingNames {
		if n == s {
			*m = RoundingMode(i)
			return nil
		}
	}
	return fmt.Errorf("%w: unknown rounding mode %q", ErrInvalidRounding, s)
}

// Rounding is an explicit rounding rule: a mode and a unit. The zero value
// rounds HalfEven to the currency's minor unit (one rial, one paisa). A unit
// such as 1000 rials rounds installments to whole thousands.
type Rounding struct {
	Mode RoundingMode `json:"mode"`
	// Unit is the step amounts are rounded to, in currency units (not minor
	// units): 0.01 for cents, 1000 for a thousand rials. Zero means the
	// currency's minor unit.
	Unit decimal.Decimal `json:"unit"`
}

// roundingJSON keeps a zero Unit out of the encoding.
type roundingJSON struct {
	Mode RoundingMode `json:"mode"`
	Unit string       `json:"unit,omitempty"`
}

// MarshalJSON encodes {"mode":"halfEven","unit":"1000"}; a zero unit is omitted.
func (r Rounding) MarshalJSON() ([]byte, error) {
	j := roundingJSON{Mode: r.Mode}
	if !r.Unit.IsZero() {
		j.Unit = r.Unit.String()
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes the form MarshalJSON writes.
func (r *Rounding) UnmarshalJSON(b []byte) error {
	var j roundingJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	var u decimal.Decimal
	if j.Unit != "" {
		var err error
		if u, err = parseDecimal(j.Unit); err != nil {
			return fmt.Errorf("%w: unit: %v", ErrInvalidRounding, err)
		}
	}
	v := Rounding{Mode: j.Mode, Unit: u}
	if err := v.Validate(); err != nil {
		return err
	}
	*r = v
	return nil
}

// Validate reports a mode out of range or a negative unit.
func (r Rounding) Validate() error {
	if !r.Mode.IsValid() {
		return fmt.Errorf("%w: mode %d", ErrInvalidRounding, r.Mode)
	}
	if r.Unit.IsNegative() {
		return fmt.Errorf("%w: unit %s is negative", ErrInvalidRounding, r.Unit)
	}
	return nil
}

// UnitFor returns the unit r rounds amounts of currency code to: r.Unit, or
// the currency's minor unit when r.Unit is zero (one for an unknown code).
func (r Rounding) UnitFor(code string) decimal.Decimal {
	if r.Unit.IsPositive() {
		return r.Unit
	}
	return minorUnit(code)
}

// minorUnits caches each currency's minor unit as a decimal (10^-digits):
// it is asked for on every amount check.
var minorUnits = func() map[string]decimal.Decimal {
	m := make(map[string]decimal.Decimal, len(currencies))
	for code, c := range currencies {
		m[code] = decimal.New(1, -c.digits)
	}
	return m
}()

var one = decimal.NewFromInt(1)

func minorUnit(code string) decimal.Decimal {
	if u, ok := minorUnits[code]; ok {
		return u
	}
	return one
}

// RoundTo rounds a plain decimal x to a multiple of unit in mode, exactly,
// by the same rule as [Money.Round]: for rates and other numbers that are
// not money. A unit that is not positive returns x unchanged.
func RoundTo(x, unit decimal.Decimal, mode RoundingMode) decimal.Decimal {
	if !unit.IsPositive() {
		return x
	}
	return roundTo(x, unit, mode)
}

// away reports whether a quotient truncated toward zero moves one step
// away from zero: twice compares twice the discarded remainder with the
// unit, odd says the quotient is odd (asked for a tie under HalfEven) and
// neg that the amount is negative.
func (m RoundingMode) away(twice int, odd, neg bool) bool {
	switch m {
	case HalfEven:
		return twice > 0 || (twice == 0 && odd)
	case HalfUp:
		return twice >= 0
	case HalfDown:
		return twice > 0
	case Up:
		return true
	case Floor:
		return neg
	case Ceiling:
		return !neg
	}
	return false // Down
}

// roundTo rounds x to a multiple of unit (> 0) in the given mode, exactly:
// it uses an integer quotient and remainder, never a binary fraction.
func roundTo(x, unit decimal.Decimal, mode RoundingMode) decimal.Decimal {
	q, r := x.QuoRem(unit, 0) // x = unit*q + r, q integral, r has x's sign, |r| < unit
	if r.IsZero() {
		return x
	}
	neg := x.IsNegative()
	twice := r.Abs().Add(r.Abs()).Cmp(unit) // compare |r| with unit/2
	odd := mode == HalfEven && twice == 0 && q.Mod(decimal.NewFromInt(2)).Abs().Equal(decimal.NewFromInt(1))
	if mode.away(twice, odd, neg) {
		if neg {
			q = q.Sub(decimal.NewFromInt(1))
		} else {
			q = q.Add(decimal.NewFromInt(1))
		}
	}
	return q.Mul(unit)
}
