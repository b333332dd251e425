package loan

import (
	"strconv"

	"github.com/khodyar/shg"
	"github.com/shopspring/decimal"
)

// InterestMethod says how the charge of each period is computed.
type InterestMethod uint8

const (
	// DecliningBalance charges the periodic rate on the principal still
	// outstanding (Fineract "Declining Balance"). It is the zero value.
	DecliningBalance InterestMethod = iota
	// Flat charges the periodic rate on the original principal every period
	// (Fineract "Flat"), spread evenly over the installments.
	Flat
)

// Amortization says how principal is repaid.
type Amortization uint8

const (
	// EqualInstallments makes every installment (principal + charge) the
	// same, except the last (Fineract "Equal installments"). Zero value.
	EqualInstallments Amortization = iota
	// EqualPrincipal repays the same principal every period, the charge
	// falling with the balance (Fineract "Equal principal payments").
	EqualPrincipal
)

// ChargeKind labels what the rate buys: interest, or a service fee
// (کارمزد) as on Iranian qard al-hasan loans. The arithmetic is the same;
// the label decides whether installments carry it as Interest or as Fee.
type ChargeKind uint8

const (
	// Interest is the zero value.
	Interest ChargeKind = iota
	// ServiceFee books the charge as a fee, not interest.
	ServiceFee
)

// PeriodUnit is the unit of a repayment [Period].
type PeriodUnit uint8

const (
	// Month steps calendar months in Terms.Calendar. Zero value.
	Month PeriodUnit = iota
	// Week steps 7 days.
	Week
	// Day steps days.
	Day
)

// Period is a repayment frequency: every N units.
type Period struct {
	N    int        `json:"n"`
	Unit PeriodUnit `json:"unit"`
}

// Months returns a period of n calendar months.
func Months(n int) Period { return Period{N: n, Unit: Month} }

// Weeks returns a period of n weeks.
func Weeks(n int) Period { return Period{N: n, Unit: Week} }

// Days returns a period of n days.
func Days(n int) Period { return Period{N: n, Unit: Day} }

// Terms are everything a repayment schedule is computed from. The JSON
// names are lowerCamel; enums encode by name, decimals as strings.
type Terms struct {
	Principal    shg.Money       `json:"principal"`
	AnnualRate   decimal.Decimal `json:"annualRate"`   // nominal annual rate as a fraction: 0.12 is 12%
	Interest     InterestMethod  `json:"interest"`     // DecliningBalance or Flat
	Amortization Amortization    `json:"amortization"` // EqualInstallments or EqualPrincipal
	Charge       ChargeKind      `json:"charge"`       // Interest or ServiceFee: how the charge is labelled
	Installments int             `json:"installments"`
	Every        Period          `json:"every"`    // Months(1), Weeks(2), Days(15), ...
	Start        shg.Date        `json:"start"`    // disbursement date; installment k falls k periods later
	Calendar     shg.Calendar    `json:"calendar"` // month steps in this calendar (Solar Hijri for Iran)
	// PrincipalGrace is the number of leading installments that pay the
	// charge only; principal amortizes over the rest.
	PrincipalGrace int          `json:"principalGrace"`
	Rounding       shg.Rounding `json:"rounding"` // every amount: mode (default HalfEven) and unit
	// InstallmentMultiple rounds the level installment to a multiple of
	// this amount (Fineract "installment amount in multiples of"); 0: none.
	InstallmentMultiple decimal.Decimal `json:"installmentMultiple"`
}

// MaxInstallments bounds Terms.Installments so that a schedule's size
// stays reasonable: 2,000 covers five years of daily repayments.
const MaxInstallments = 2000

// MaxPeriodN bounds Period.N: a period of at most 10 years' worth of units.
const MaxPeriodN = 3650

// Validate reports every problem with t at once as a [*shg.RuleError]
// (op "loan.Terms.Validate"), or nil. The codes are:
//
//   - loan.currency: the principal has no currency (or an unknown one)
//   - loan.principal_not_positive: principal <= 0
//   - loan.principal_unit: principal not a whole multiple of the rounding unit
//   - loan.negative_rate: AnnualRate < 0
//   - loan.rate_out_of_range: AnnualRate above 100 (10,000% a year) or with
//     more than 30 decimal places
//   - loan.interest_method, loan.amortization, loan.charge: an enum out of range
//   - loan.installments: Installments outside 1..[MaxInstallments]
//   - loan.grace: PrincipalGrace < 0 or >= Installments
//   - loan.period: Every.N outside 1..[MaxPeriodN] or an invalid unit
//   - loan.calendar: Calendar is not Gregorian or SolarHijri
//   - loan.start: Start is the zero Date
//   - loan.rounding: an invalid mode, a negative unit, or a unit that is not
//     a whole number of the currency's minor units
//   - loan.installment_multiple: InstallmentMultiple negative, absurdly
//     large or fine, or not a multiple of the rounding unit
func (t Terms) Validate() error {
	if vs := t.violations(); len(vs) > 0 {
		return shg.NewRuleError("loan.Terms.Validate", vs...)
	}
	return nil
}

// violations lists every problem of t; see [Terms.Validate].
func (t Terms) violations() []shg.Violation {
	var vs []shg.Violation
	add := func(code, msg, want, got string) {
		vs = append(vs, shg.Violation{Code: code, Message: msg, Want: want, Got: got})
	}
	cur := t.Principal.Currency()
	if !shg.IsCurrency(cur) {
		vs = append(vs, shg.Violation{Code: CodeCurrency, Message: "principal has no known currency",
			Want: "an ISO 4217 code", Got: strconv.Quote(cur), Err: shg.ErrUnknownCurrency})
	}
	if !t.Principal.IsPositive() {
		add(CodePrincipalNotPositive, "principal must be positive", "> 0", t.Principal.String())
	}
	switch {
	case t.AnnualRate.IsNegative():
		add(CodeNegativeRate, "annual rate must not be negative", ">= 0", t.AnnualRate.String())
	case !tame(t.AnnualRate) || above100(t.AnnualRate):
		add(CodeRateOutOfRange, "annual rate must be at most 100 (10,000%) with at most 30 decimal places",
			"0..100", t.AnnualRate.String())
	}
	if !t.Interest.IsValid() {
		add(CodeInterestMethod, "unknown interest method", "decliningBalance or flat", t.Interest.String())
	}
	if !t.Amortization.IsValid() {
		add(CodeAmortization, "unknown amortization", "equalInstallments or equalPrincipal", t.Amortization.String())
	}
	if !t.Charge.IsValid() {
		add(CodeCharge, "unknown charge kind", "interest or serviceFee", t.Charge.String())
	}
	if t.Installments < 1 || t.Installments > MaxInstallments {
		add(CodeInstallments, "number of installments out of range",
			"1.."+strconv.Itoa(MaxInstallments), strconv.Itoa(t.Installments))
	}
	if t.PrincipalGrace < 0 || (t.PrincipalGrace >= t.Installments && t.Installments >= 1) {
		add(CodeGrace, "principal grace must leave at least one installment to repay principal",
			"0.."+strconv.Itoa(max(t.Installments-1, 0)), strconv.Itoa(t.PrincipalGrace))
	}
	if t.Every.N < 1 || t.Every.N > MaxPeriodN || !t.Every.Unit.IsValid() {
		add(CodePeriod, "repayment period must be 1.."+strconv.Itoa(MaxPeriodN)+" months, weeks or days",
			"e.g. 1 month", t.Every.String())
	}
	if !t.Calendar.IsValid() {
		add(CodeCalendar, "unknown calendar", "gregorian or solarHijri", t.Calendar.String())
	}
	if t.Start.IsZero() {
		add(CodeStart, "start (disbursement) date is missing", "a date", "none")
	}
	roundOK := t.Rounding.Validate() == nil
	if !roundOK {
		add(CodeRounding, "invalid rounding", "a valid mode and a unit >= 0",
			t.Rounding.Mode.String()+" "+t.Rounding.Unit.String())
	} else if u, err := shg.NewMoney(t.Rounding.Unit, cur); err == nil && !u.IsRounded(shg.Rounding{}) {
		roundOK = false
		add(CodeRounding, "rounding unit must be a whole number of the currency's minor units",
			"a multiple of "+shg.Rounding{}.UnitFor(cur).String(), t.Rounding.Unit.String())
	}
	if roundOK && t.Principal.IsPositive() && shg.IsCurrency(cur) && !t.Principal.IsRounded(t.Rounding) {
		add(CodePrincipalUnit, "principal must be a whole multiple of the rounding unit",
			"a multiple of "+t.Rounding.UnitFor(cur).String(), t.Principal.String())
	}
	if t.InstallmentMultiple.IsNegative() || !tame(t.InstallmentMultiple) {
		add(CodeInstallmentMultiple, "installment multiple must be a non-negative amount", ">= 0", t.InstallmentMultiple.String())
	} else if m, err := shg.NewMoney(t.InstallmentMultiple, cur); err == nil && roundOK && !m.IsRounded(t.Rounding) {
		add(CodeInstallmentMultiple, "installment multiple must be a multiple of the rounding unit",
			"a multiple of "+t.Rounding.UnitFor(cur).String(), t.InstallmentMultiple.String())
	}
	return vs
}

// maxAnnualRate bounds AnnualRate: 100 is 10,000% a year.
var maxAnnualRate = decimal.NewFromInt(100)

// above100 reports d > maxAnnualRate. |d| < 10^(digits+exponent), so a
// value with at most two integer digits is below 100 without the
// comparison, which allocates.
func above100(d decimal.Decimal) bool {
	if d.NumDigits()+int(d.Exponent()) <= 2 {
		return false
	}
	return d.GreaterThan(maxAnnualRate)
}

// tame reports whether d is of a size arithmetic can handle promptly: at
// most 30 decimal places and 40 digits. Decoded JSON may carry decimals
// such as 1e-1000000 that would take very long to compute with.
func tame(d decimal.Decimal) bool {
	e := d.Exponent()
	return e >= -30 && e <= 30 && d.NumDigits() <= 40 && d.NumDigits()+int(e) <= 40
}
