package shg

import (
	"errors"
	"strings"
)

// Sentinel errors that callers branch on with [errors.Is]. Parsers and
// constructors wrap them with the offending input; a [*RuleError] matches
// [ErrRuleViolation] and, through its violations, any sentinel they carry.
var (
	// ErrRuleViolation matches every [*RuleError].
	ErrRuleViolation = errors.New("shg: rule violation")
	// ErrCurrencyMismatch reports arithmetic or comparison across currencies.
	ErrCurrencyMismatch = errors.New("shg: currency mismatch")
	// ErrUnknownCurrency reports a currency code missing from the table.
	ErrUnknownCurrency = errors.New("shg: unknown currency")
	// ErrInvalidMoney reports a malformed amount or money string.
	ErrInvalidMoney = errors.New("shg: invalid money")
	// ErrInvalidDate reports a malformed or non-existent date.
	ErrInvalidDate = errors.New("shg: invalid date")
	// ErrInvalidCalendar reports an unknown calendar.
	ErrInvalidCalendar = errors.New("shg: invalid calendar")
	// ErrInvalidRounding reports an unknown rounding mode or a negative unit.
	ErrInvalidRounding = errors.New("shg: invalid rounding")
	// ErrInvalidID reports an empty or malformed identifier.
	ErrInvalidID = errors.New("shg: invalid id")
	// ErrInvalidWeights reports allocation weights that are negative or sum to zero.
	ErrInvalidWeights = errors.New("shg: invalid weights")
)

// Violation is one broken rule: a stable machine code a front end can
// translate, an English message, and the wanted and actual values as
// display strings.
type Violation struct {
	// Code is stable across versions, dotted lower_snake, e.g.
	// "membership.max_members". Front ends key translations on it.
	Code string `json:"code"`
	// Message is a lowercase English sentence fragment for logs and developers.
	Message string `json:"message"`
	// Want is the value the rule requires, e.g. "<= 25".
	Want string `json:"want,omitempty"`
	// Got is the value found, e.g. "26".
	Got string `json:"got,omitempty"`
	// Err is an optional sentinel this violation matches with errors.Is.
	Err error `json:"-"`
}

// String renders "code: message (want X, got Y)".
func (v Violation) String() string {
	var b strings.Builder
	b.WriteString(v.Code)
	if v.Message != "" {
		b.WriteString(": ")
		b.WriteString(v.Message)
	}
	if v.Want != "" || v.Got != "" {
		b.WriteString(" (want ")
		b.WriteString(v.Want)
		b.WriteString(", got ")
		b.WriteString(v.Got)
		b.WriteString(")")
	}
	return b.String()
}

// RuleError is returned by every command or constructor that refuses its
// input because a rule is broken. It carries every violation found, not just
// the first, so a front end can show the whole list at once. A command that
// returns a RuleError has changed nothing.
type RuleError struct {
	// Op names the refused operation, e.g. "group.AdmitMember".
	Op string `json:"op"`
	// Violations lists every broken rule; it is never empty.
	Violations []Violation `json:"violations"`
}

// NewRuleError builds a RuleError for op from one or more violations.
func NewRuleError(op string, vs ...Violation) *RuleError {
	return &RuleError{Op: op, Violations: append([]Violation(nil), vs...)}
}

// Error renders the operation and every violation, separated by "; ".
func (e *RuleError) Error() string {
	var b strings.Builder
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	for i, v := range e.Violations {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(v.String())
	}
	return b.String()
}

// Is reports whether target is [ErrRuleViolation] or a sentinel carried by
// one of the violations.
func (e *RuleError) Is(target error) bool {
	if target == ErrRuleViolation {
		return true
	}
	for _, v := range e.Violations {
		if v.Err != nil && errors.Is(v.Err, target) {
			return true
		}
	}
	return false
}

// Has reports whether a violation with the given code is present.
func (e *RuleError) Has(code string) bool {
	for _, v := range e.Violations {
		if v.Code == code {
			return true
		}
	}
	return false
}

// Codes returns the violation codes in order.
func (e *RuleError) Codes() []string {
	out := make([]string, len(e.Violations))
	for i, v := range e.Violations {
		out[i] = v.Code
	}
	return out
}

// HasCode reports whether err is, or wraps, a [*RuleError] carrying code.
func HasCode(err error, code string) bool {
	var re *RuleError
	return errors.As(err, &re) && re.Has(code)
}
