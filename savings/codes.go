package savings

// Violation codes this package returns in a [*shg.RuleError]. They are
// stable API: front ends key translations on them. doc.go explains each.
const (
	CodePlanKind     = "savings.plan_kind"
	CodePlanCurrency = "savings.plan_currency"
	CodePlanAmount   = "savings.plan_amount"
	CodePlanShares   = "savings.plan_shares"

	CodeCurrency          = "savings.currency"
	CodeAmountNegative    = "savings.amount_negative"
	CodeAmountNotPositive = "savings.amount_not_positive"
	CodeAmountUnit        = "savings.amount_unit"
	CodeAboveFixedAmount  = "savings.above_fixed_amount"
	CodeShareMultiple     = "savings.share_multiple"
	CodeSharesNegative    = "savings.shares_negative"
	CodeAboveMaxShares    = "savings.above_max_shares"

	CodeMemberID    = "savings.member_id"
	CodeDate        = "savings.date"
	CodeDateOrder   = "savings.date_order"
	CodeCashAccount = "savings.cash_account"

	CodeInsufficientCash       = "savings.insufficient_cash"
	CodeInsufficientSavings    = "savings.insufficient_savings"
	CodeInsufficientSocialFund = "savings.insufficient_social_fund"
	CodeExceedsReceivable      = "savings.exceeds_receivable"
	CodeExceedsBankLoan        = "savings.exceeds_bank_loan"
	CodeNegativeBalance        = "savings.negative_balance"

	CodeWithdrawalPurpose = "savings.withdrawal_purpose"
	CodeReasonRequired    = "savings.reason_required"

	CodeLoansOutstanding    = "savings.loans_outstanding"
	CodeBankLoanOutstanding = "savings.bank_loan_outstanding"
	CodeShareOutBasis       = "savings.share_out_basis"
	CodeShareOutWeights     = "savings.share_out_weights"
	CodeNoShares            = "savings.no_shares"
	CodeNegativePool        = "savings.negative_pool"
)

// CodeUnknownName refuses, in an enum's UnmarshalText (Account, Side,
// PostingKind, WithdrawalPurpose, PlanKind, ShareOutBasis), a name no value
// of the enum has; Want lists the names accepted.
const CodeUnknownName = "savings.unknown_name"
