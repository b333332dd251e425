package savings

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/khodyar/shg"
	"github.com/shopspring/decimal"
)

// PlanKind is how members save.
type PlanKind uint8

const (
	// EqualFixed: every member deposits the same fixed amount each period
	// (the Iranian groups' "regular and equal savings"). Zero value.
	EqualFixed PlanKind = iota
	// Shares: members buy between MinShares and MaxShares shares per
	// meeting at a price fixed for the cycle (VSLA: 1–5 shares).
	Shares
	// Flexible: any amount at or above a minimum.
	Flexible
)

var planKindNames = [...]string{"equalFixed", "shares", "flexible"}

// String returns the lowerCamel name used in JSON, e.g. "equalFixed".
func (k PlanKind) String() string {
	if k.IsValid() {
		return planKindNames[k]
	}
	return "PlanKind(" + strconv.Itoa(int(k)) + ")"
}

// IsValid reports whether k is one of the defined kinds.
func (k PlanKind) IsValid() bool { return int(k) < len(planKindNames) }

// MarshalText encodes the kind by name: "equalFixed", "shares", "flexible".
func (k PlanKind) MarshalText() ([]byte, error) {
	if !k.IsValid() {
		return nil, fmt.Errorf("savings: invalid plan kind %d", k)
	}
	return []byte(planKindNames[k]), nil
}

// UnmarshalText decodes a kind name. Unlike some enums it has no default
// for the empty string: a plan must say how members save.
func (k *PlanKind) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(planKindNames[:], "PlanKind", "plan kind", b)
	if err == nil {
		*k = PlanKind(v)
	}
	return err
}

// Plan configures members' regular savings. The policy package embeds it.
//
// The zero Plan is not valid (an equal fixed deposit of nothing); build one
// as a literal and call [Plan.Validate].
type Plan struct {
	Kind PlanKind `json:"kind"`
	// Amount is the fixed deposit (EqualFixed), the share price (Shares) or
	// the minimum deposit (Flexible, may be zero). Its currency is the
	// fund's currency.
	Amount shg.Money `json:"amount"`
	// MinShares and MaxShares bound the shares bought at one meeting
	// (Shares only; zero for the other kinds). VSLA: 1 and 5.
	MinShares int `json:"minShares,omitempty"`
	MaxShares int `json:"maxShares,omitempty"`
}

// Validate reports every bad field of p as one [*shg.RuleError] (op
// "savings.Plan.Validate"), or nil. Codes:
//
//   - "savings.plan_kind": Kind is not a defined [PlanKind].
//   - "savings.plan_currency": Amount has no currency.
//   - "savings.plan_amount": Amount is not positive (EqualFixed, Shares) or
//     negative (Flexible), or not a whole number of minor units.
//   - "savings.plan_shares": for Shares, MinShares < 0 or MaxShares < 1 or
//     MaxShares < MinShares; for the other kinds, a share bound is set.
func (p Plan) Validate() error {
	var vs []shg.Violation
	if !p.Kind.IsValid() {
		vs = append(vs, shg.Violation{Code: CodePlanKind, Message: "unknown plan kind",
			Want: "equalFixed, shares or flexible", Got: p.Kind.String()})
	}
	if p.Amount.Currency() == "" {
		vs = append(vs, shg.Violation{Code: CodePlanCurrency, Message: "plan amount has no currency",
			Want: "an amount in the fund's currency", Got: p.Amount.String()})
	}
	switch {
	case p.Kind == Flexible && p.Amount.IsNegative():
		vs = append(vs, shg.Violation{Code: CodePlanAmount, Message: "minimum deposit is negative",
			Want: ">= 0", Got: p.Amount.String()})
	case p.Kind != Flexible && !p.Amount.IsPositive():
		vs = append(vs, shg.Violation{Code: CodePlanAmount, Message: "deposit or share price is not positive",
			Want: "> 0", Got: p.Amount.String()})
	case !p.Amount.IsRounded(shg.Rounding{}):
		vs = append(vs, shg.Violation{Code: CodePlanAmount, Message: "amount is not a whole number of minor units",
			Want: "whole minor units", Got: p.Amount.String()})
	}
	if p.Kind == Shares {
		if p.MinShares < 0 || p.MaxShares < 1 || p.MaxShares < p.MinShares {
			vs = append(vs, shg.Violation{Code: CodePlanShares, Message: "share bounds out of order",
				Want: "0 <= minShares <= maxShares, maxShares >= 1",
				Got:  fmt.Sprintf("minShares %d, maxShares %d", p.MinShares, p.MaxShares)})
		}
	} else if p.MinShares != 0 || p.MaxShares != 0 {
		vs = append(vs, shg.Violation{Code: CodePlanShares, Message: "share bounds set on a plan without shares",
			Want: "minShares 0, maxShares 0",
			Got:  fmt.Sprintf("minShares %d, maxShares %d", p.MinShares, p.MaxShares)})
	}
	if len(vs) > 0 {
		return shg.NewRuleError("savings.Plan.Validate", vs...)
	}
	return nil
}

// Contribution is one member's deposit at one meeting as a [Plan] sees it.
type Contribution struct {
	// Due is what the plan asks of the member at this meeting: the fixed
	// amount, MinShares × price, or the minimum deposit.
	Due shg.Money
	// Paid is the deposit checked.
	Paid shg.Money
	// Shares is the number of shares bought (Shares plans; else 0).
	Shares int
	// Shortfall is Due − Paid when positive, else zero: the member's
	// savings arrears for this meeting. It is not an error: a member who
	// cannot pay this week owes it, and the group decides on fines.
	Shortfall shg.Money
}

// InArrears reports whether the contribution fell short of the plan.
func (c Contribution) InArrears() bool { return c.Shortfall.IsPositive() }

// Check validates one member's deposit for one meeting against p and
// reports any shortfall. shares is the number of shares bought (Shares
// plans); pass 0 to have it inferred from the deposit, and 0 for the other
// kinds. A zero deposit is allowed (the whole due is the shortfall).
//
// It refuses, with a [*shg.RuleError] (op "savings.Plan.Check") and a zero
// Contribution, a deposit that no meeting could accept:
//
//   - "savings.plan_*": p itself is invalid (see [Plan.Validate]).
//   - "savings.currency": the deposit is in another currency.
//   - "savings.amount_negative": the deposit is negative.
//   - "savings.amount_unit": the deposit is not whole minor units.
//   - "savings.above_fixed_amount": EqualFixed, the deposit exceeds the
//     fixed amount (catch-up of earlier arrears is booked as its own
//     deposit, outside the plan check).
//   - "savings.share_multiple": Shares, the deposit is not a whole number
//     of shares, or does not equal shares × price.
//   - "savings.shares_negative": Shares, shares < 0; or shares given to a
//     plan without shares.
//   - "savings.above_max_shares": Shares, more than MaxShares shares.
func (p Plan) Check(deposit shg.Money, shares int) (Contribution, error) {
	const op = "savings.Plan.Check"
	if err := p.Validate(); err != nil {
		var re *shg.RuleError
		if errors.As(err, &re) {
			return Contribution{}, shg.NewRuleError(op, re.Violations...)
		}
		return Contribution{}, err
	}
	cur := p.Amount.Currency()
	if deposit.Currency() != cur && !(deposit.Currency() == "" && deposit.IsZero()) {
		return Contribution{}, shg.NewRuleError(op, shg.Violation{Code: CodeCurrency,
			Message: "deposit is in another currency", Want: cur, Got: deposit.Currency(), Err: shg.ErrCurrencyMismatch})
	}
	if deposit.Currency() == "" {
		deposit = shg.Zero(cur)
	}
	if deposit.IsNegative() {
		return Contribution{}, shg.NewRuleError(op, shg.Violation{Code: CodeAmountNegative,
			Message: "deposit is negative", Want: ">= 0", Got: deposit.String()})
	}
	if !deposit.IsRounded(shg.Rounding{}) {
		return Contribution{}, shg.NewRuleError(op, shg.Violation{Code: CodeAmountUnit,
			Message: "deposit is not a whole number of minor units", Want: "whole minor units", Got: deposit.String()})
	}
	c := Contribution{Paid: deposit}
	switch p.Kind {
	case EqualFixed:
		if shares != 0 {
			return Contribution{}, sharesOnPlainPlan(op, shares)
		}
		if deposit.GreaterThan(p.Amount) {
			return Contribution{}, shg.NewRuleError(op, shg.Violation{Code: CodeAboveFixedAmount,
				Message: "deposit exceeds the fixed amount", Want: "<= " + p.Amount.String(), Got: deposit.String()})
		}
		c.Due = p.Amount
	case Flexible:
		if shares != 0 {
			return Contribution{}, sharesOnPlainPlan(op, shares)
		}
		c.Due = p.Amount
	case Shares:
		if shares < 0 {
			return Contribution{}, shg.NewRuleError(op, shg.Violation{Code: CodeSharesNegative,
				Message: "share count is negative", Want: ">= 0", Got: strconv.Itoa(shares)})
		}
		var (
			q            int64
			qs           string // q's text when it may not fit an int64
			whole, above bool
		)
		if qi, r, ok := quoMoney(deposit, p.Amount); ok {
			q, whole, above = qi, r == 0, qi > int64(p.MaxShares)
		} else {
			qd, rd := deposit.Amount().QuoRem(p.Amount.Amount(), 0)
			whole, above = rd.IsZero(), qd.GreaterThan(decimal.NewFromInt(int64(p.MaxShares)))
			q, qs = qd.IntPart(), qd.String()
		}
		if !whole {
			return Contribution{}, shg.NewRuleError(op, shg.Violation{Code: CodeShareMultiple,
				Message: "deposit is not a whole number of shares",
				Want:    "a multiple of " + p.Amount.String(), Got: deposit.String()})
		}
		if above {
			if qs == "" {
				qs = strconv.FormatInt(q, 10)
			}
			return Contribution{}, shg.NewRuleError(op, shg.Violation{Code: CodeAboveMaxShares,
				Message: "more shares than the plan allows at one meeting",
				Want:    "<= " + strconv.Itoa(p.MaxShares), Got: qs})
		}
		n := int(q)
		if shares != 0 && shares != n {
			return Contribution{}, shg.NewRuleError(op, shg.Violation{Code: CodeShareMultiple,
				Message: "deposit does not equal shares × price",
				Want:    p.Amount.Mul(decimal.NewFromInt(int64(shares))).String(), Got: deposit.String()})
		}
		c.Shares = n
		switch p.MinShares {
		case 0:
			c.Due = shg.Zero(cur)
		case 1:
			c.Due = p.Amount
		default:
			c.Due = p.Amount.Mul(decimal.NewFromInt(int64(p.MinShares)))
		}
	}
	// Shortfall is Due − Paid when positive: no new amount unless the
	// member paid part of what was due.
	c.Shortfall = shg.Zero(cur)
	if deposit.LessThan(c.Due) { // one currency: checked above
		if deposit.IsZero() {
			c.Shortfall = c.Due
		} else {
			c.Shortfall, _ = c.Due.Sub(deposit)
		}
	}
	return c, nil
}

// quoMoney is quoInt for two amounts of one currency, in minor units
// when both are whole ones (no allocation).
func quoMoney(a, b shg.Money) (q, r int64, ok bool) {
	if au, ok1 := a.MinorUnits(); ok1 {
		if bu, ok2 := b.MinorUnits(); ok2 && au >= 0 && bu > 0 {
			return au / bu, au % bu, true
		}
	}
	return quoInt(a.Amount(), b.Amount())
}

// quoInt returns the integer quotient and remainder of a ÷ b for a >= 0
// and b > 0, and false when either does not fit an int64 at a common
// scale (the caller then divides decimals).
func quoInt(a, b decimal.Decimal) (q, r int64, ok bool) {
	ea, eb := a.Exponent(), b.Exponent()
	if ea < -18 || ea > 18 || eb < -18 || eb > 18 {
		return 0, 0, false
	}
	s := max(0, -ea, -eb) // both are whole multiples of 10^-s
	au, ok1 := toUnits(a, s)
	bu, ok2 := toUnits(b, s)
	if !ok1 || !ok2 || au.big != nil || bu.big != nil || au.n < 0 || bu.n <= 0 {
		return 0, 0, false
	}
	return au.n / bu.n, au.n % bu.n, true
}

func sharesOnPlainPlan(op string, shares int) *shg.RuleError {
	return shg.NewRuleError(op, shg.Violation{Code: CodeSharesNegative,
		Message: "share count given to a plan without shares", Want: "0", Got: strconv.Itoa(shares)})
}

// ShareOutBasis is how a share-out divides the pool among members.
type ShareOutBasis uint8

const (
	// BySavings: in proportion to each member's savings. Zero value.
	BySavings ShareOutBasis = iota
	// ByShares: in proportion to shares bought in the cycle.
	ByShares
	// BySavingsTime: in proportion to savings × time held (member-days).
	BySavingsTime
)

var basisNames = [...]string{"bySavings", "byShares", "bySavingsTime"}

// String returns the lowerCamel name used in JSON, e.g. "bySavings".
func (b ShareOutBasis) String() string {
	if b.IsValid() {
		return basisNames[b]
	}
	return "ShareOutBasis(" + strconv.Itoa(int(b)) + ")"
}

// IsValid reports whether b is one of the defined bases.
func (b ShareOutBasis) IsValid() bool { return int(b) < len(basisNames) }

// MarshalText encodes the basis by name.
func (b ShareOutBasis) MarshalText() ([]byte, error) {
	if !b.IsValid() {
		return nil, fmt.Errorf("savings: invalid share-out basis %d", b)
	}
	return []byte(basisNames[b]), nil
}

// UnmarshalText decodes "bySavings", "byShares" or "bySavingsTime"; the
// empty string is BySavings, the commonest practice.
func (b *ShareOutBasis) UnmarshalText(t []byte) error {
	if len(t) == 0 {
		*b = BySavings
		return nil
	}
	v, err := enumUnmarshal(basisNames[:], "ShareOutBasis", "share-out basis", t)
	if err == nil {
		*b = ShareOutBasis(v)
	}
	return err
}
