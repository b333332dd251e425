package shg

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/shopspring/decimal"
)

// Money is an exact decimal amount in one ISO 4217 currency. It is a small
// immutable value: every operation returns a new Money.
//
// The zero value is zero of no currency. It adds to, subtracts from and
// compares with an amount of any currency, so a running total can start
// from Money{}. Every other Money has a currency from the table (see
// [Currencies]).
//
// Amounts may carry more decimals than the currency's minor unit while a
// computation is in progress (an exact proportional share, say); [Money.Round]
// brings them back to the unit, with the mode the policy names.
type Money struct {
	amount   decimal.Decimal
	currency string
}

// NewMoney returns amount in currency code. It fails with
// [ErrUnknownCurrency] for a code missing from the table.
func NewMoney(amount decimal.Decimal, code string) (Money, error) {
	if !IsCurrency(code) {
		return Money{}, fmt.Errorf("%w: %q", ErrUnknownCurrency, code)
	}
	return Money{amount: amount, currency: code}, nil
}

// MustMoney is like [NewMoney] but panics on error. Use it for literals and tests.
func MustMoney(amount decimal.Decimal, code string) Money {
	m, err := NewMoney(amount, code)
	if err != nil {
		panic(err)
	}
	return m
}

// Zero returns zero in currency code. For an unknown code it returns the
// zero Money (no currency).
func Zero(code string) Money {
	if !IsCurrency(code) {
		return Money{}
	}
	return Money{currency: code}
}

// FromMinor returns units minor units of code: FromMinor(150, "INR") is
// 1.50 INR, FromMinor(10, "IRR") is 10 rials.
func FromMinor(units int64, code string) (Money, error) {
	d, err := MinorDigits(code)
	if err != nil {
		return Money{}, err
	}
	return Money{amount: decimal.New(units, -d), currency: code}, nil
}

// Rials returns n Iranian rials.
func Rials(n int64) Money { return Money{amount: decimal.NewFromInt(n), currency: IRR} }

// Toman returns n toman as rials: Toman(2_500_000) is 25,000,000 IRR.
// Iranians quote amounts in toman (10 rials); books are kept in rials.
func Toman(n int64) Money {
	// Exponent 0 like every other rial amount, so sums need no rescaling.
	if n > math.MaxInt64/10 || n < math.MinInt64/10 {
		return Money{amount: decimal.New(n, 1), currency: IRR}
	}
	return Money{amount: decimal.NewFromInt(n * 10), currency: IRR}
}

// ParseMoney parses "<amount> <CODE>", e.g. "2500000 IRR" or "-12.50 INR".
// The amount is a plain decimal (an optional sign, digits, an optional
// fraction; no exponent, no grouping); Persian and Arabic-Indic digits are
// accepted. It fails with [ErrInvalidMoney] or [ErrUnknownCurrency].
func ParseMoney(s string) (Money, error) {
	fields := strings.Fields(s)
	if len(fields) != 2 {
		return Money{}, fmt.Errorf("%w: %q: want \"<amount> <currency>\"", ErrInvalidMoney, s)
	}
	amt, err := parseDecimal(fields[0])
	if err != nil {
		return Money{}, fmt.Errorf("%w: %q: %v", ErrInvalidMoney, s, err)
	}
	return NewMoney(amt, fields[1])
}

// MustParseMoney is like [ParseMoney] but panics on error. Use it for literals and tests.
func MustParseMoney(s string) Money {
	m, err := ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return m
}

// parseDecimal accepts -?[0-9]+(\.[0-9]+)? with ASCII, Persian or
// Arabic-Indic digits. It is stricter than decimal.NewFromString, which also
// takes exponents that would let a short input expand to a huge number.
func parseDecimal(s string) (decimal.Decimal, error) {
	s = normalizeDigits(s)
	body := s
	if strings.HasPrefix(body, "-") || strings.HasPrefix(body, "+") {
		body = body[1:]
	}
	intPart, frac, hasDot := strings.Cut(body, ".")
	if intPart == "" || !allDigits(intPart) || (hasDot && (frac == "" || !allDigits(frac))) {
		return decimal.Decimal{}, fmt.Errorf("malformed decimal %q", s)
	}
	if len(body) > 64 {
		return decimal.Decimal{}, fmt.Errorf("decimal %q has more than 64 digits", s)
	}
	return decimal.NewFromString(s)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// WithAmount returns amount in m's currency. It is the cheap way to build
// many amounts of a currency already known: no table lookup.
func (m Money) WithAmount(amount decimal.Decimal) Money {
	return Money{amount: amount, currency: m.currency}
}

// WithMinor returns units minor units (rials, cents) in m's currency:
// the inverse of [Money.MinorUnits], and the cheap way to turn integer
// books back into amounts. For the currency-less zero Money the unit is 1.
func (m Money) WithMinor(units int64) Money {
	d := int32(0)
	if c, ok := currencies[m.currency]; ok {
		d = c.digits
	}
	return Money{amount: decimal.New(units, -d), currency: m.currency}
}

// Amount returns the decimal amount.
func (m Money) Amount() decimal.Decimal { return m.amount }

// Currency returns the ISO 4217 code, or "" for the zero Money.
func (m Money) Currency() string { return m.currency }

// IsZero reports whether the amount is zero, whatever the currency.
func (m Money) IsZero() bool { return m.amount.IsZero() }

// IsPositive reports whether the amount is above zero.
func (m Money) IsPositive() bool { return m.amount.IsPositive() }

// IsNegative reports whether the amount is below zero.
func (m Money) IsNegative() bool { return m.amount.IsNegative() }

// Neg returns -m.
func (m Money) Neg() Money { return Money{amount: m.amount.Neg(), currency: m.currency} }

// Abs returns |m|.
func (m Money) Abs() Money { return Money{amount: m.amount.Abs(), currency: m.currency} }

// common returns the currency of a result of m and o, or an error wrapping
// ErrCurrencyMismatch. A currency-less zero takes the other's currency.
func (m Money) common(o Money) (string, error) {
	switch {
	case m.currency == o.currency:
		return m.currency, nil
	case m.currency == "" && m.amount.IsZero():
		return o.currency, nil
	case o.currency == "" && o.amount.IsZero():
		return m.currency, nil
	}
	return "", &MismatchError{A: m.currency, B: o.currency}
}

// MismatchError reports two currencies that were mixed. It matches
// [ErrCurrencyMismatch] with errors.Is.
type MismatchError struct{ A, B string }

func (e *MismatchError) Error() string {
	return fmt.Sprintf("shg: currency mismatch: %q and %q", e.A, e.B)
}

// Is makes a MismatchError match ErrCurrencyMismatch.
func (e *MismatchError) Is(target error) bool { return target == ErrCurrencyMismatch }

// Add returns m+o. Mixed currencies are refused with a [*MismatchError].
func (m Money) Add(o Money) (Money, error) {
	c, err := m.common(o)
	if err != nil {
		return Money{}, err
	}
	return Money{amount: m.amount.Add(o.amount), currency: c}, nil
}

// Sub returns m-o. Mixed currencies are refused with a [*MismatchError].
func (m Money) Sub(o Money) (Money, error) {
	c, err := m.common(o)
	if err != nil {
		return Money{}, err
	}
	return Money{amount: m.amount.Sub(o.amount), currency: c}, nil
}

// Mul returns m×f, exactly (no rounding; see [Money.Round]).
func (m Money) Mul(f decimal.Decimal) Money {
	return Money{amount: m.amount.Mul(f), currency: m.currency}
}

// Cmp compares m and o: -1 if m < o, 0 if equal, +1 if m > o. Mixed
// currencies are refused with a [*MismatchError].
func (m Money) Cmp(o Money) (int, error) {
	if _, err := m.common(o); err != nil {
		return 0, err
	}
	return m.amount.Cmp(o.amount), nil
}

// Equal reports whether m and o have the same currency and the same amount
// (2.50 equals 2.5). A currency-less zero equals a zero of any currency.
func (m Money) Equal(o Money) bool {
	if _, err := m.common(o); err != nil {
		return false
	}
	return m.amount.Equal(o.amount)
}

// LessThan reports m < o; mixed currencies are never less.
func (m Money) LessThan(o Money) bool {
	c, err := m.Cmp(o)
	return err == nil && c < 0
}

// GreaterThan reports m > o; mixed currencies are never greater.
func (m Money) GreaterThan(o Money) bool {
	c, err := m.Cmp(o)
	return err == nil && c > 0
}

// Round returns m rounded to r's unit (the currency's minor unit when r.Unit
// is zero) in r's mode. A non-positive unit leaves m unchanged.
func (m Money) Round(r Rounding) Money {
	u := r.UnitFor(m.currency)
	if !u.IsPositive() {
		return m
	}
	return Money{amount: roundTo(m.amount, u, r.Mode), currency: m.currency}
}

// IsRounded reports whether m is a whole multiple of r's unit.
func (m Money) IsRounded(r Rounding) bool {
	if r.Unit.IsZero() {
		// Minor unit 10^-d: an amount whose exponent is at least -d is a
		// whole number of minor units, no division needed.
		d := int32(0)
		if c, ok := currencies[m.currency]; ok {
			d = c.digits
		}
		if m.amount.Exponent() >= -d {
			return true
		}
	}
	u := r.UnitFor(m.currency)
	if !u.IsPositive() {
		return true
	}
	_, rem := m.amount.QuoRem(u, 0)
	return rem.IsZero()
}

// MinorUnits returns m in minor units (rials, cents) and whether that is
// exact and fits an int64.
func (m Money) MinorUnits() (int64, bool) {
	// Fast path, no allocation: a coefficient of at most 18 digits whose
	// exponent is at or above the minor unit's is c × 10^shift minor units.
	d := int32(0)
	if c, ok := currencies[m.currency]; ok {
		d = c.digits
	}
	if shift := m.amount.Exponent() + d; shift >= 0 && shift <= 18 && m.amount.NumDigits() <= 18 {
		c, p := m.amount.CoefficientInt64(), pow10[shift]
		if c <= math.MaxInt64/p && c >= -math.MaxInt64/p {
			return c * p, true
		}
	}
	u := minorUnit(m.currency)
	q, rem := m.amount.QuoRem(u, 0)
	if !rem.IsZero() {
		return 0, false
	}
	b := q.BigInt()
	if !b.IsInt64() {
		return 0, false
	}
	return b.Int64(), true
}

var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// Min returns the smaller of m and o; on a currency mismatch it returns m.
func (m Money) Min(o Money) Money {
	if o.LessThan(m) {
		return o
	}
	return m
}

// Max returns the larger of m and o; on a currency mismatch it returns m.
func (m Money) Max(o Money) Money {
	if o.GreaterThan(m) {
		return o
	}
	return m
}

// Sum adds amounts of one currency. Mixed currencies are refused.
func Sum(ms ...Money) (Money, error) {
	var t Money
	for _, m := range ms {
		var err error
		if t, err = t.Add(m); err != nil {
			return Money{}, err
		}
	}
	return t, nil
}

// String returns the canonical, parseable form "25000000 IRR". The zero
// Money prints as "0".
func (m Money) String() string {
	if m.currency == "" {
		return m.amount.String()
	}
	return m.amount.String() + " " + m.currency
}

type moneyJSON struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

// MarshalJSON encodes {"amount":"25000000","currency":"IRR"}: the amount is
// a string so no JSON reader turns it into a binary float.
func (m Money) MarshalJSON() ([]byte, error) {
	// Built by hand: amounts are plain decimals and currency codes are
	// table entries (or empty), so nothing needs escaping, and snapshots
	// of whole ledgers encode thousands of these.
	a := m.amount.String()
	b := make([]byte, 0, len(a)+len(m.currency)+28)
	b = append(b, `{"amount":"`...)
	b = append(b, a...)
	b = append(b, `","currency":"`...)
	b = append(b, m.currency...)
	return append(b, `"}`...), nil
}

// UnmarshalJSON decodes the form MarshalJSON writes. An empty currency is
// accepted only with a zero amount (the zero Money). A JSON null leaves m
// unchanged, as encoding/json does for other types.
func (m *Money) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		return nil
	}
	var j moneyJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidMoney, err)
	}
	amt, err := parseDecimal(j.Amount)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidMoney, err)
	}
	if j.Currency == "" {
		if !amt.IsZero() {
			return fmt.Errorf("%w: amount %s has no currency", ErrInvalidMoney, j.Amount)
		}
		*m = Money{}
		return nil
	}
	v, err := NewMoney(amt, j.Currency)
	if err != nil {
		return err
	}
	*m = v
	return nil
}
