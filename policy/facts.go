package policy

import (
	"github.com/khodyar/shg"
	"github.com/khodyar/shg/member"
	"github.com/shopspring/decimal"
)

// GateFacts are what a group shows at a stage gate. The caller (the group
// aggregate, or a front end) computes them from the group's records; the
// engine only compares. Rates are fractions from 0 to 1.
type GateFacts struct {
	// On is the day the gate is checked (informational).
	On shg.Date
	// Preparation.
	FacilitatorAssigned bool
	OrientationSessions int
	// Formation.
	Members           int
	Officers          []member.Role // offices filled, one entry per officer
	BylawsAdopted     bool
	BankAccountOpened bool
	// Sustainability.
	MonthsSinceFormation int
	MeetingsHeld         int
	MeetingsExpected     int
	AttendanceRate       decimal.Decimal
	SavingsRegularity    decimal.Decimal
	RepaymentRate        decimal.Decimal
	InternalLoansMade    int
	BooksUpToDate        bool
}

// ApplicantFacts describe a person asking to join a group.
type ApplicantFacts struct {
	Gender   member.Gender
	AgeYears int
	Rural    bool
	// CurrentMembers is the group's size before admitting the applicant.
	CurrentMembers int
}

// InternalLoanFacts describe a member's request for a loan from the fund.
type InternalLoanFacts struct {
	// Amount asked.
	Amount shg.Money
	// MemberSavings is the borrower's own savings balance.
	MemberSavings shg.Money
	// FundSavings is the total savings of all members.
	FundSavings shg.Money
	// CashAvailable is the fund's cash on hand to lend.
	CashAvailable shg.Money
	// Installments asked for.
	Installments int
	// ActiveLoans is how many internal loans the member still owes.
	ActiveLoans int
	// DaysPastDue is the longest the member's oldest unpaid installment is
	// overdue (0 when none is).
	DaysPastDue int
	// Stage of the group.
	Stage Stage
}

// MemberRequest is one member's share of a tranche request.
type MemberRequest struct {
	Member shg.MemberID `json:"member"`
	Amount shg.Money    `json:"amount"`
}

// TrancheFacts describe a group's application for bank tranche Number.
type TrancheFacts struct {
	// Number of the tranche, 1-based.
	Number int
	// Stage of the group.
	Stage Stage
	// Mature reports whether the group has passed the sustainability gate.
	Mature bool
	// GroupAgeMonths is the group's age in whole months.
	GroupAgeMonths int
	// PreviousReceived reports whether tranche Number-1 was disbursed.
	PreviousReceived bool
	// PreviousRepaid is the share (0–1) of tranche Number-1's principal repaid.
	PreviousRepaid decimal.Decimal
	// MonthsSinceLast is the whole months since tranche Number-1 was disbursed.
	MonthsSinceLast int
	// Grade of the group now.
	Grade Grade
	// Corpus is the group's own savings.
	Corpus shg.Money
	// Requests are the amounts asked, one per member (for a group borrower,
	// the group's on-lending plan).
	Requests []MemberRequest
	// Members is the number of active members.
	Members int
}

// GradeFacts are the indicators a group is graded on, each a fraction from
// 0 to 1 (values outside are clamped).
type GradeFacts struct {
	AttendanceRate    decimal.Decimal
	SavingsRegularity decimal.Decimal
	RepaymentRate     decimal.Decimal
	MeetingRegularity decimal.Decimal
	FundUtilisation   decimal.Decimal
	BooksUpToDate     bool
	// MonthsActive is the group's age in whole months.
	MonthsActive int
}

// Indicator is one graded indicator: the metric, its value (clamped to
// 0–1), its weight and Points = Weight × Value.
type Indicator struct {
	Metric Metric          `json:"metric"`
	Value  decimal.Decimal `json:"value"`
	Weight decimal.Decimal `json:"weight"`
	Points decimal.Decimal `json:"points"`
}

// Grading is the result of [Policy.Grade].
type Grading struct {
	Grade Grade `json:"grade"`
	// Score is the weighted mean of the indicator values, 0–1, rounded to
	// four places half away from zero.
	Score      decimal.Decimal `json:"score"`
	Indicators []Indicator     `json:"indicators"`
}
