package loan

import (
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

// Terms are everything a repayment schedule is computed from.
type Terms struct {
	Principal    shg.Money
	AnnualRate   decimal.Decimal // nominal annual rate as a fraction: 0.12 is 12%
	Interest     InterestMethod  // DecliningBalance or Flat
	Amortization Amortization    // EqualInstallments or EqualPrincipal
	Charge       ChargeKind      // Interest or ServiceFee: how the charge is labelled
	Installments int
	Every        Period       // Months(1), Weeks(2), Days(15), ...
	Start        shg.Date     // disbursement date; installment k falls k periods later
	Calendar     shg.Calendar // month steps in this calendar (Solar Hijri for Iran)
	// PrincipalGrace is the number of leading installments that pay the
	// charge only; principal amortizes over the rest.
	PrincipalGrace int
	Rounding       shg.Rounding // every amount: mode (default HalfEven) and unit
	// InstallmentMultiple rounds the level installment to a multiple of
	// this amount (Fineract "installment amount in multiples of"); 0: none.
	InstallmentMultiple decimal.Decimal
}
