package shg

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
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
//
// Inside, an amount is a coefficient and a decimal exponent (coef × 10^exp),
// as in a decimal.Decimal, but a coefficient below 10^18 in magnitude is an
// int64 rather than a *big.Int: the amounts of a programme (rials, cents)
// always fit, so adding, comparing and storing them allocates nothing and
// leaves the garbage collector no pointer to follow. Larger coefficients
// fall back to a big.Int, so nothing is ever truncated. The currency is a
// byte, its row in the currency table. A Money is 24 bytes.
type Money struct {
	coef int64    // the coefficient when big is nil: |coef| < 10^18
	big  *big.Int // the coefficient when |it| >= 10^18; never mutated
	exp  int32    // the amount is coefficient × 10^exp
	cur  uint8    // the currency's place in table; 0 for none
}

// NewMoney returns amount in currency code. It fails with
// [ErrUnknownCurrency] for a code missing from the table.
func NewMoney(amount decimal.Decimal, code string) (Money, error) {
	c, ok := currencies[code]
	if !ok {
		return Money{}, fmt.Errorf("%w: %q", ErrUnknownCurrency, code)
	}
	return fromDecimal(amount, c.index), nil
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
	c, ok := currencies[code]
	if !ok {
		return Money{}
	}
	return Money{cur: c.index}
}

// FromMinor returns units minor units of code: FromMinor(150, "INR") is
// 1.50 INR, FromMinor(10, "IRR") is 10 rials.
func FromMinor(units int64, code string) (Money, error) {
	c, ok := currencies[code]
	if !ok {
		return Money{}, fmt.Errorf("%w: %q", ErrUnknownCurrency, code)
	}
	return small(units, -c.digits, c.index), nil
}

// Rials returns n Iranian rials.
func Rials(n int64) Money { return small(n, 0, irr) }

// Toman returns n toman as rials: Toman(2_500_000) is 25,000,000 IRR.
// Iranians quote amounts in toman (10 rials); books are kept in rials.
func Toman(n int64) Money {
	// Exponent 0 like every other rial amount, so sums need no rescaling.
	if n > math.MaxInt64/10 || n < math.MinInt64/10 {
		return small(n, 1, irr)
	}
	return small(n*10, 0, irr)
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
	return fromDecimal(amount, m.cur)
}

// WithMinor returns units minor units (rials, cents) in m's currency:
// the inverse of [Money.MinorUnits], and the cheap way to turn integer
// books back into amounts. For the currency-less zero Money the unit is 1.
func (m Money) WithMinor(units int64) Money {
	return small(units, -m.digits(), m.cur)
}

// Amount returns the decimal amount. It builds a decimal.Decimal (an
// allocation): on hot paths prefer Money's own arithmetic and comparisons,
// and [Money.MinorUnits] for integer books.
func (m Money) Amount() decimal.Decimal { return m.dec() }

// Currency returns the ISO 4217 code, or "" for the zero Money.
func (m Money) Currency() string { return table[m.cur].code }

// IsZero reports whether the amount is zero, whatever the currency.
func (m Money) IsZero() bool { return m.sign() == 0 }

// IsPositive reports whether the amount is above zero.
func (m Money) IsPositive() bool { return m.sign() > 0 }

// IsNegative reports whether the amount is below zero.
func (m Money) IsNegative() bool { return m.sign() < 0 }

// Neg returns -m.
func (m Money) Neg() Money {
	if m.big != nil {
		m.big = new(big.Int).Neg(m.big)
		return m
	}
	m.coef = -m.coef
	return m
}

// Abs returns |m|.
func (m Money) Abs() Money {
	if m.sign() < 0 {
		return m.Neg()
	}
	return m
}

// common returns the currency of a result of m and o, or an error wrapping
// ErrCurrencyMismatch. A currency-less zero takes the other's currency.
func (m Money) common(o Money) (uint8, error) {
	switch {
	case m.cur == o.cur:
		return m.cur, nil
	case m.cur == 0 && m.IsZero():
		return o.cur, nil
	case o.cur == 0 && o.IsZero():
		return m.cur, nil
	}
	return 0, &MismatchError{A: m.Currency(), B: o.Currency()}
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
	if a, b, e, ok := align(m, o); ok {
		return small(a+b, e, c), nil // |a|, |b| < 10^18: no overflow
	}
	return fromDecimal(m.dec().Add(o.dec()), c), nil
}

// Sub returns m-o. Mixed currencies are refused with a [*MismatchError].
func (m Money) Sub(o Money) (Money, error) {
	c, err := m.common(o)
	if err != nil {
		return Money{}, err
	}
	if a, b, e, ok := align(m, o); ok {
		return small(a-b, e, c), nil
	}
	return fromDecimal(m.dec().Sub(o.dec()), c), nil
}

// Mul returns m×f, exactly (no rounding; see [Money.Round]).
func (m Money) Mul(f decimal.Decimal) Money {
	if m.big == nil && f.NumDigits() <= 18 {
		if p, ok := mul64(m.coef, f.CoefficientInt64()); ok {
			if e := int64(m.exp) + int64(f.Exponent()); e == int64(int32(e)) {
				return small(p, int32(e), m.cur)
			}
		}
	}
	return fromDecimal(m.dec().Mul(f), m.cur)
}

// Cmp compares m and o: -1 if m < o, 0 if equal, +1 if m > o. Mixed
// currencies are refused with a [*MismatchError].
func (m Money) Cmp(o Money) (int, error) {
	if _, err := m.common(o); err != nil {
		return 0, err
	}
	return m.cmp(o), nil
}

// Equal reports whether m and o have the same currency and the same amount
// (2.50 equals 2.5). A currency-less zero equals a zero of any currency.
func (m Money) Equal(o Money) bool {
	if _, err := m.common(o); err != nil {
		return false
	}
	return m.cmp(o) == 0
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
	if m.big == nil {
		// The unit is r.Unit or the minor unit, 1 × 10^-digits.
		uc, ue, ok := int64(1), -m.digits(), true
		if r.Unit.IsPositive() {
			uc, ue, ok = r.Unit.CoefficientInt64(), r.Unit.Exponent(), r.Unit.NumDigits() <= 18
		}
		if ok {
			if out, ok := m.roundSmall(uc, ue, r.Mode); ok {
				return out
			}
		}
	}
	u := r.UnitFor(m.Currency())
	if !u.IsPositive() {
		return m
	}
	return fromDecimal(roundTo(m.dec(), u, r.Mode), m.cur)
}

// roundSmall is roundTo on int64 coefficients, step for step: the quotient
// q of m by the unit (uc × 10^ue), truncated, moved one away from zero when
// the mode says so, times the unit. It reports false when a step would not
// fit, and the caller takes the decimal path.
func (m Money) roundSmall(uc int64, ue int32, mode RoundingMode) (Money, bool) {
	e := min(m.exp, ue)
	x, ok1 := scale(m.coef, int64(m.exp)-int64(e))
	u, ok2 := scale(uc, int64(ue)-int64(e))
	if !ok1 || !ok2 || u <= 0 {
		return Money{}, false
	}
	q, r := x/u, x%u // Go truncates toward zero: r has x's sign, as in QuoRem
	if r == 0 {
		return m, true
	}
	neg := x < 0
	if r < 0 {
		r = -r
	}
	twice := cmp64(2*r, u) // |r| < u < 10^18: 2|r| fits
	if mode.away(twice, q%2 != 0, neg) {
		if neg {
			q--
		} else {
			q++
		}
	}
	p, ok := mul64(q, uc)
	if !ok {
		return Money{}, false
	}
	return small(p, ue, m.cur), true
}

// IsRounded reports whether m is a whole multiple of r's unit.
func (m Money) IsRounded(r Rounding) bool {
	if r.Unit.IsZero() {
		// Minor unit 10^-d: an amount whose exponent is at least -d is a
		// whole number of minor units, no division needed.
		if m.exp >= -m.digits() {
			return true
		}
	}
	u := r.UnitFor(m.Currency())
	if !u.IsPositive() {
		return true
	}
	if m.big == nil && u.NumDigits() <= 18 {
		e := min(m.exp, u.Exponent())
		x, ok1 := scale(m.coef, int64(m.exp)-int64(e))
		uu, ok2 := scale(u.CoefficientInt64(), int64(u.Exponent())-int64(e))
		if ok1 && ok2 && uu > 0 {
			return x%uu == 0
		}
	}
	_, rem := m.dec().QuoRem(u, 0)
	return rem.IsZero()
}

// digits returns the minor-unit digits of m's currency (0 for none).
func (m Money) digits() int32 {
	return table[m.cur].digits
}

// MinorUnits returns m in minor units (rials, cents) and whether that is
// exact and fits an int64.
func (m Money) MinorUnits() (int64, bool) {
	// coef × 10^exp is coef × 10^shift minor units. Computed on the
	// coefficient alone, never through decimal's QuoRem, which panics on
	// an exponent far from the unit's.
	shift := int64(m.exp) + int64(m.digits())
	if m.big == nil {
		switch {
		case m.coef == 0:
			return 0, true
		case shift > 18: // at least 10^19 units: beyond int64
			return 0, false
		case shift >= 0:
			return mul64(m.coef, pow10[shift])
		case shift >= -18:
			p := pow10[-shift]
			if m.coef%p != 0 {
				return 0, false
			}
			return m.coef / p, true
		}
		return 0, false // 10^19 and more divides no coefficient below 10^18 but 0
	}
	// A big coefficient is at least 10^18 (and never 0).
	switch {
	case shift > 0: // at least 10^19 units
		return 0, false
	case shift == 0:
		if !m.big.IsInt64() {
			return 0, false
		}
		return m.big.Int64(), true
	}
	// Whole units need 10^-shift to divide the coefficient, so at most
	// as many zeros as it has digits: no power of ten larger than it.
	k := -shift
	if k > int64(m.big.BitLen()) { // 10^k > 2^k > |coefficient|
		return 0, false
	}
	q, r := new(big.Int).QuoRem(m.big, new(big.Int).Exp(big.NewInt(10), big.NewInt(k), nil), new(big.Int))
	if r.Sign() != 0 || !q.IsInt64() {
		return 0, false
	}
	return q.Int64(), true
}

var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// ------------------------------------------------------------ representation

// limit bounds an int64 coefficient: |coef| < 10^18, so the sum or
// difference of two never overflows, and a coefficient of up to 18 digits
// (decimal.NumDigits <= 18) is always held as one.
const limit = 1_000_000_000_000_000_000

// small returns c × 10^e in currency cur, held as an int64 when |c| < limit.
func small(c int64, e int32, cur uint8) Money {
	if c >= limit || c <= -limit {
		return Money{cur: cur, big: big.NewInt(c), exp: e}
	}
	return Money{cur: cur, coef: c, exp: e}
}

// fromDecimal returns d in currency cur, keeping d's exponent.
func fromDecimal(d decimal.Decimal, cur uint8) Money {
	if d.NumDigits() <= 18 {
		return Money{cur: cur, coef: d.CoefficientInt64(), exp: d.Exponent()}
	}
	return Money{cur: cur, big: d.Coefficient(), exp: d.Exponent()}
}

// dec returns the amount as a decimal.Decimal (one allocation).
func (m Money) dec() decimal.Decimal {
	if m.big != nil {
		return decimal.NewFromBigInt(m.big, m.exp)
	}
	return decimal.New(m.coef, m.exp)
}

// sign returns -1, 0 or +1.
func (m Money) sign() int {
	if m.big != nil {
		return m.big.Sign()
	}
	return cmp64(m.coef, 0)
}

// cmp compares the amounts of m and o, ignoring currencies.
func (m Money) cmp(o Money) int {
	if a, b, _, ok := align(m, o); ok {
		return cmp64(a, b)
	}
	if sm, so := m.sign(), o.sign(); sm != so {
		return cmp64(int64(sm), int64(so))
	}
	return m.dec().Cmp(o.dec())
}

// align returns the int64 coefficients of m and o at their smaller exponent
// e, as decimal.Decimal rescales a pair before adding or comparing them; ok
// is false when either is a big.Int or would not stay below limit.
func align(m, o Money) (a, b int64, e int32, ok bool) {
	if m.big != nil || o.big != nil {
		return 0, 0, 0, false
	}
	if m.exp == o.exp {
		return m.coef, o.coef, m.exp, true
	}
	e = min(m.exp, o.exp)
	a, ok1 := scale(m.coef, int64(m.exp)-int64(e))
	b, ok2 := scale(o.coef, int64(o.exp)-int64(e))
	return a, b, e, ok1 && ok2
}

// scale returns c × 10^n (n >= 0) and whether it stays below limit.
func scale(c int64, n int64) (int64, bool) {
	switch {
	case n == 0 || c == 0:
		return c, true
	case n > 18:
		return 0, false
	}
	p := pow10[n]
	if c >= limit/p || c <= -limit/p {
		return 0, false
	}
	return c * p, true
}

// mul64 returns a×b and whether it fits an int64.
func mul64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	ua, ub := uint64(a), uint64(b)
	if a < 0 {
		ua = -ua
	}
	if b < 0 {
		ub = -ub
	}
	hi, lo := bits.Mul64(ua, ub)
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

func cmp64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// appendAmount appends the amount as decimal.Decimal.String writes it:
// a plain decimal, trailing fractional zeros dropped.
func (m Money) appendAmount(b []byte) []byte {
	switch {
	case m.big != nil:
		return append(b, m.dec().String()...)
	case m.exp == 0 || m.coef == 0:
		return strconv.AppendInt(b, m.coef, 10)
	case m.exp > 0:
		b = strconv.AppendInt(b, m.coef, 10)
		for i := int32(0); i < m.exp; i++ {
			b = append(b, '0')
		}
		return b
	}
	c := m.coef
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	var buf [20]byte
	ds := strconv.AppendInt(buf[:0], c, 10)
	n := int(-m.exp) // digits after the point
	var intPart, frac []byte
	lead := 0
	if len(ds) > n {
		intPart, frac = ds[:len(ds)-n], ds[len(ds)-n:]
	} else {
		intPart, frac, lead = []byte{'0'}, ds, n-len(ds)
	}
	for len(frac) > 0 && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	b = append(b, intPart...)
	if len(frac) > 0 {
		b = append(b, '.')
		for ; lead > 0; lead-- {
			b = append(b, '0')
		}
		b = append(b, frac...)
	}
	return b
}

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
	var buf [48]byte
	b := m.appendAmount(buf[:0])
	if m.cur != 0 {
		b = append(b, ' ')
		b = append(b, table[m.cur].code...)
	}
	return string(b)
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
	b := make([]byte, 0, 64)
	b = append(b, `{"amount":"`...)
	b = m.appendAmount(b)
	b = append(b, `","currency":"`...)
	b = append(b, table[m.cur].code...)
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
