package group

import (
	"encoding/json"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/savings"
)

// The event payloads. Each records a decision, not its consequences: the
// postings, schedules and settlements follow from the payload, the state
// before it and the policy, and [Replay] derives them again the same way.

// Founded starts a group's log.
type Founded struct {
	Charter Charter `json:"charter"`
	// Policy and PolicyVersion name the policy the group was founded
	// under, so a log replayed under another programme's policy is
	// noticed; a later version of the same policy replays it.
	Policy        string `json:"policy"`
	PolicyVersion string `json:"policyVersion,omitempty"`
}

// PreparationSessionHeld records an orientation session in Preparation.
type PreparationSessionHeld struct {
	Topic     string `json:"topic"`
	Attendees int    `json:"attendees"`
}

// MemberAdmitted adds a member.
type MemberAdmitted struct {
	Member member.Member `json:"member"`
}

// OfficersElected records the officers; a zero ID leaves an office empty.
type OfficersElected struct {
	Chair     shg.MemberID `json:"chair"`
	Treasurer shg.MemberID `json:"treasurer"`
	Secretary shg.MemberID `json:"secretary"`
}

// BylawsAdopted records the group's bylaws (a reference to the document).
type BylawsAdopted struct {
	Reference string `json:"reference"`
}

// BankAccountOpened records the group's savings account at a bank.
type BankAccountOpened struct {
	Bank    string `json:"bank"`
	Account string `json:"account"`
}

// StageAdvanced moves the group to its next stage.
type StageAdvanced struct {
	From policy.Stage `json:"from"`
	To   policy.Stage `json:"to"`
}

// MeetingHeld is one regular meeting, recorded atomically. Internal loans
// granted at the meeting follow it as [LoanGranted] events of the same date.
type MeetingHeld struct {
	Meeting Meeting `json:"meeting"`
	// Expected is the number of active members at the meeting: the
	// denominator of attendance and savings regularity.
	Expected int `json:"expected"`
	// OnPlan is the number of active members whose deposit met the savings
	// plan in full, as the policy judged it when the meeting was recorded.
	OnPlan int `json:"onPlan"`
}

// LoanGranted records an internal loan from the fund, with the terms it
// was granted on.
type LoanGranted struct {
	Loan   shg.LoanID   `json:"loan"`
	Member shg.MemberID `json:"member"`
	Terms  LoanTerms    `json:"terms"`
}

// TrancheDisbursed records bank tranche Number paid out.
type TrancheDisbursed struct {
	Number int `json:"number"`
	// Borrower says who owes the bank: each member (one loan each, outside
	// the group's fund) or the group (one loan, paid into the fund).
	Borrower policy.Borrower `json:"borrower"`
	Loans    []BankLoan      `json:"loans"`
}

// BankLoan is one bank loan of a tranche. Member is empty when the group borrows.
type BankLoan struct {
	Loan   shg.LoanID   `json:"loan"`
	Member shg.MemberID `json:"member,omitempty"`
	Terms  LoanTerms    `json:"terms"`
}

// FacilitatorAssigned names the group's facilitator.
type FacilitatorAssigned struct {
	Name string `json:"name"`
}

// IncomeRecorded is an observation of a member's monthly income.
type IncomeRecorded struct {
	Member  shg.MemberID `json:"member"`
	Monthly shg.Money    `json:"monthly"`
}

// LivelihoodChanged records the activity a member's loans now finance.
type LivelihoodChanged struct {
	Member     shg.MemberID      `json:"member"`
	Livelihood member.Livelihood `json:"livelihood"`
}

// BankRepaymentMade records a repayment of a bank loan.
type BankRepaymentMade struct {
	Loan   shg.LoanID `json:"loan"`
	Amount shg.Money  `json:"amount"`
}

// LoanWrittenOff records a loan (internal or bank) written off.
type LoanWrittenOff struct {
	Loan   shg.LoanID `json:"loan"`
	Reason string     `json:"reason"`
}

// MemberExited ends a membership; savings are settled against debts.
type MemberExited struct {
	Member   shg.MemberID `json:"member"`
	Deceased bool         `json:"deceased,omitempty"`
	Reason   string       `json:"reason"`
}

// SocialFundPaid pays from the social (emergency) fund to a member.
type SocialFundPaid struct {
	Member shg.MemberID `json:"member"`
	Amount shg.Money    `json:"amount"`
	Reason string       `json:"reason"`
}

// SharedOut closes a savings cycle and pays the pool out.
type SharedOut struct {
	Basis             savings.ShareOutBasis `json:"basis"`
	IncludeSocialFund bool                  `json:"includeSocialFund,omitempty"`
}

// Dissolved ends the group.
type Dissolved struct {
	Reason string `json:"reason"`
}

func (Founded) EventType() string                { return "founded" }
func (PreparationSessionHeld) EventType() string { return "preparationSessionHeld" }
func (MemberAdmitted) EventType() string         { return "memberAdmitted" }
func (OfficersElected) EventType() string        { return "officersElected" }
func (BylawsAdopted) EventType() string          { return "bylawsAdopted" }
func (BankAccountOpened) EventType() string      { return "bankAccountOpened" }
func (StageAdvanced) EventType() string          { return "stageAdvanced" }
func (MeetingHeld) EventType() string            { return "meetingHeld" }
func (LoanGranted) EventType() string            { return "loanGranted" }
func (TrancheDisbursed) EventType() string       { return "trancheDisbursed" }
func (FacilitatorAssigned) EventType() string    { return "facilitatorAssigned" }
func (IncomeRecorded) EventType() string         { return "incomeRecorded" }
func (LivelihoodChanged) EventType() string      { return "livelihoodChanged" }
func (BankRepaymentMade) EventType() string      { return "bankRepaymentMade" }
func (LoanWrittenOff) EventType() string         { return "loanWrittenOff" }
func (MemberExited) EventType() string           { return "memberExited" }
func (SocialFundPaid) EventType() string         { return "socialFundPaid" }
func (SharedOut) EventType() string              { return "sharedOut" }
func (Dissolved) EventType() string              { return "dissolved" }

func (Founded) isEvent()                {}
func (PreparationSessionHeld) isEvent() {}
func (MemberAdmitted) isEvent()         {}
func (OfficersElected) isEvent()        {}
func (BylawsAdopted) isEvent()          {}
func (BankAccountOpened) isEvent()      {}
func (StageAdvanced) isEvent()          {}
func (MeetingHeld) isEvent()            {}
func (LoanGranted) isEvent()            {}
func (TrancheDisbursed) isEvent()       {}
func (FacilitatorAssigned) isEvent()    {}
func (IncomeRecorded) isEvent()         {}
func (LivelihoodChanged) isEvent()      {}
func (BankRepaymentMade) isEvent()      {}
func (LoanWrittenOff) isEvent()         {}
func (MemberExited) isEvent()           {}
func (SocialFundPaid) isEvent()         {}
func (SharedOut) isEvent()              {}
func (Dissolved) isEvent()              {}

var eventTypes = map[string]func(json.RawMessage) (EventData, error){
	"founded":                decoder[Founded](),
	"preparationSessionHeld": decoder[PreparationSessionHeld](),
	"memberAdmitted":         decoder[MemberAdmitted](),
	"officersElected":        decoder[OfficersElected](),
	"bylawsAdopted":          decoder[BylawsAdopted](),
	"bankAccountOpened":      decoder[BankAccountOpened](),
	"stageAdvanced":          decoder[StageAdvanced](),
	"meetingHeld":            decoder[MeetingHeld](),
	"loanGranted":            decoder[LoanGranted](),
	"trancheDisbursed":       decoder[TrancheDisbursed](),
	"facilitatorAssigned":    decoder[FacilitatorAssigned](),
	"incomeRecorded":         decoder[IncomeRecorded](),
	"livelihoodChanged":      decoder[LivelihoodChanged](),
	"bankRepaymentMade":      decoder[BankRepaymentMade](),
	"loanWrittenOff":         decoder[LoanWrittenOff](),
	"memberExited":           decoder[MemberExited](),
	"socialFundPaid":         decoder[SocialFundPaid](),
	"sharedOut":              decoder[SharedOut](),
	"dissolved":              decoder[Dissolved](),
}
