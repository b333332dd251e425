package policy

// Criterion codes, stable across versions: front ends key translations on
// them, and a [*shg.RuleError] built by [Checklist.Err] carries them as
// violation codes. doc.go explains each.
const (
	// Membership eligibility ([Policy.CheckEligibility]).
	CodeMembershipGender     = "membership.gender"
	CodeMembershipAge        = "membership.age"
	CodeMembershipRural      = "membership.rural"
	CodeMembershipMaxMembers = "membership.max_members"

	// Stage gates ([Policy.CheckGate]).
	CodeGateNoNextStage                     = "gate.no_next_stage"
	CodeGatePreparationFacilitator          = "gate.preparation.facilitator"
	CodeGatePreparationOrientationSessions  = "gate.preparation.orientation_sessions"
	CodeGateFormationMinMembers             = "gate.formation.min_members"
	CodeGateFormationMaxMembers             = "gate.formation.max_members"
	CodeGateFormationOfficers               = "gate.formation.officers"
	CodeGateFormationBylaws                 = "gate.formation.bylaws"
	CodeGateFormationBankAccount            = "gate.formation.bank_account"
	CodeGateSustainabilityMinMonths         = "gate.sustainability.min_months"
	CodeGateSustainabilityMeetingsHeld      = "gate.sustainability.meetings_held"
	CodeGateSustainabilityAttendance        = "gate.sustainability.attendance"
	CodeGateSustainabilitySavingsRegularity = "gate.sustainability.savings_regularity"
	CodeGateSustainabilityInternalLending   = "gate.sustainability.internal_lending"
	CodeGateSustainabilityRepayment         = "gate.sustainability.repayment"
	CodeGateSustainabilityBooks             = "gate.sustainability.books"

	// Internal lending ([Policy.CheckInternalLoan]).
	CodeLendingEnabled            = "lending.enabled"
	CodeLendingStage              = "lending.stage"
	CodeLendingAmount             = "lending.amount"
	CodeLendingMaxAmount          = "lending.max_amount"
	CodeLendingMaxSavingsMultiple = "lending.max_savings_multiple"
	CodeLendingMaxFundShare       = "lending.max_fund_share"
	CodeLendingLiquidity          = "lending.liquidity"
	CodeLendingTerm               = "lending.term"
	CodeLendingOneActiveLoan      = "lending.one_active_loan"
	CodeLendingNoArrears          = "lending.no_arrears"

	// Bank tranches ([Policy.CheckTranche]).
	CodeTrancheUnknown          = "tranche.unknown"
	CodeTrancheStage            = "tranche.stage"
	CodeTrancheMature           = "tranche.mature"
	CodeTrancheMinGroupAge      = "tranche.min_group_age"
	CodeTranchePreviousReceived = "tranche.previous_received"
	CodeTranchePreviousRepaid   = "tranche.previous_repaid"
	CodeTrancheWait             = "tranche.wait"
	CodeTrancheMinGrade         = "tranche.min_grade"
	CodeTrancheRequests         = "tranche.requests"
	CodeTrancheMaxPerMember     = "tranche.max_per_member"
	CodeTrancheMaxPerGroup      = "tranche.max_per_group"
	CodeTrancheCorpusMultiple   = "tranche.corpus_multiple"
)

// CodeUnknownName refuses, in an enum's UnmarshalText (Stage, Grade,
// Frequency, Borrower, Collateral, Metric), a name no value of the enum
// has; Want lists the names accepted. policy.Load reports it at the
// field's path.
const CodeUnknownName = "policy.unknown_name"
