package loan

// Violation codes of this package, stable across versions. Every
// [*shg.RuleError] the package returns carries one or more of them; doc.go
// explains each.
const (
	// Terms (Terms.Validate, NewSchedule, Open).
	CodeCurrency             = "loan.currency"
	CodePrincipalNotPositive = "loan.principal_not_positive"
	CodePrincipalUnit        = "loan.principal_unit"
	CodeNegativeRate         = "loan.negative_rate"
	CodeRateOutOfRange       = "loan.rate_out_of_range"
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

// Account codes (Open and the operations of an Account).
const (
	CodeID                        = "loan.id"
	CodeAllocationOrder           = "loan.allocation_order"
	CodePenalty                   = "loan.penalty"
	CodeLimit                     = "loan.limit"
	CodeLimitExceeded             = "loan.limit_exceeded"
	CodeNotOpen                   = "loan.not_open"
	CodeClosed                    = "loan.closed"
	CodeWrittenOff                = "loan.written_off"
	CodeAmountNotPositive         = "loan.amount_not_positive"
	CodeAmountUnit                = "loan.amount_unit"
	CodeDateBeforeDisbursement    = "loan.date_before_disbursement"
	CodeDateBeforeLastTransaction = "loan.date_before_last_transaction"
	CodeOverpayment               = "loan.overpayment"
	CodeNoRemainingInstallments   = "loan.no_remaining_installments"
	CodeTrancheAfterPrepayment    = "loan.tranche_after_prepayment"
)

// CodeAmountTooLarge refuses, at Open and Disburse, a loan whose books
// would not fit int64 minor units (see booksFit).
const CodeAmountTooLarge = "loan.amount_too_large"

// CodeUnknownName refuses, in an enum's UnmarshalText, a name no value of
// the enum has; Want lists the names accepted.
const CodeUnknownName = "loan.unknown_name"
