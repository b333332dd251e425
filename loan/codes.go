package loan

// Violation codes of this package, stable across versions. Every
// [*shg.RuleError] the package returns carries one or more of them; doc.go
// explains each.
const (
	// Terms (Terms.Validate, NewSchedule, Open).
	CodeCurrency             = "loan.currency"
	CodePrincipalNotPositive = "loan.principal_not_positive"
	CodeNegativeRate         = "loan.negative_rate"
	CodeInterestMethod       = "loan.interest_method"
	CodeAmortization         = "loan.amortization"
	CodeCharge               = "loan.charge"
	CodeInstallments         = "loan.installments"
	CodeGrace                = "loan.grace"
	CodePeriod               = "loan.period"
	CodeCalendar             = "loan.calendar"
	CodeStart                = "loan.start"
	CodeRounding             = "loan.rounding"
	CodeInstallmentMultiple  = "loan.installment_multiple"
)
