package policy

import (
	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/savings"
	"github.com/shopspring/decimal"
)

// Policy is everything a self-help-group programme decides by rule: who may
// join, what each stage demands, how members save and borrow from their own
// fund, how the bank lends in tranches, how groups are graded and when the
// fund is shared out. It is a tree of plain structs so that an NGO can fill
// one in Go or as a JSON file ([Load]) instead of writing code.
//
// A Policy is a value. Once built and validated treat it as immutable: every
// method has a value receiver, never modifies it and returns fresh slices,
// so one Policy is safe to share between goroutines and groups. Its slice
// fields share backing arrays when the struct is copied; to derive a
// variant, [Policy.Clone] first and edit the clone.
//
// Amounts are [shg.Money] in [Policy.Currency]; fractions ("80% attendance")
// are decimals from 0 to 1; rates are nominal annual fractions (0.04 is 4%
// a year).
type Policy struct {
	// Name of the programme, e.g. "Kermanshah Behzisti rural women's SHG scheme".
	Name string `json:"name"`
	// Region where it runs, e.g. "Kermanshah province, Iran".
	Region string `json:"region,omitempty"`
	// Version of the policy text, chosen by its author.
	Version string `json:"version,omitempty"`
	// Source cites where the rules come from (circular, guide, article).
	Source string `json:"source,omitempty"`
	// Currency is the ISO 4217 code every amount is in ("IRR", "INR").
	Currency string `json:"currency"`
	// Calendar in which months are counted (group age, loan due dates):
	// Solar Hijri in Iran.
	Calendar shg.Calendar `json:"calendar"`
	// Rounding of every computed amount (installments, fines, shares).
	Rounding shg.Rounding `json:"rounding"`

	Membership  Membership  `json:"membership"`
	Stages      Stages      `json:"stages"`
	Meetings    Meetings    `json:"meetings"`
	Savings     Savings     `json:"savings"`
	Lending     Lending     `json:"lending"`
	BankLinkage BankLinkage `json:"bankLinkage"`
	Delinquency Delinquency `json:"delinquency"`
	Grading     GradeRules  `json:"grading"`
	ShareOut    ShareOut    `json:"shareOut"`
}

// Membership says who may belong to a group and how large it is. SHGs are
// small affinity groups: 15–25 members in Kermanshah, 10–20 under NABARD,
// 10–25 in a VSLA.
type Membership struct {
	// MinMembers is the fewest members a group may be formed with (the
	// formation gate checks it).
	MinMembers int `json:"minMembers"`
	// MaxMembers is the most members a group may have; admitting one more
	// is refused.
	MaxMembers int `json:"maxMembers"`
	// Genders lists the genders admitted; empty admits anyone (the
	// Kermanshah scheme serves women and girls only).
	Genders []member.Gender `json:"genders,omitempty"`
	// MinAge is the youngest age in whole years an applicant may have; 0: no minimum.
	MinAge int `json:"minAge,omitempty"`
	// MaxAge is the oldest age in whole years; 0: no maximum.
	MaxAge int `json:"maxAge,omitempty"`
	// RuralOnly admits only residents of rural areas (villages).
	RuralOnly bool `json:"ruralOnly,omitempty"`
	// Officers are the offices a group must fill before it is formed,
	// normally chair, treasurer and secretary. Ordinary is not an office.
	Officers []member.Role `json:"officers,omitempty"`
}

// Stages holds the gate of each stage: what a group must show to complete
// it. The member-count part of the formation gate is [Membership]'s range.
type Stages struct {
	Preparation    PreparationGate    `json:"preparation"`
	Formation      FormationGate      `json:"formation"`
	Sustainability SustainabilityGate `json:"sustainability"`
}

// PreparationGate is what ground-laying must achieve before the group may be
// formed.
type PreparationGate struct {
	// Facilitator requires a facilitator (the programme's field worker,
	// NABARD's self-help promoting institution) assigned to the group.
	Facilitator bool `json:"facilitator"`
	// MinOrientationSessions is how many orientation sessions must be held
	// with prospective members; 0: none required.
	MinOrientationSessions int `json:"minOrientationSessions,omitempty"`
}

// FormationGate is what constitutes the group, beyond its member count and
// officers (see [Membership]).
type FormationGate struct {
	// Bylaws requires adopted bylaws (VSLA: the constitution).
	Bylaws bool `json:"bylaws"`
	// BankAccount requires a group savings account at a bank.
	BankAccount bool `json:"bankAccount"`
}

// SustainabilityGate is what a group must show, after formation, to be
// mature: NABARD's "Panchasutra" — regular meetings, regular savings,
// regular internal lending, timely repayment, up-to-date books. Fractions
// are from 0 to 1; zero means no requirement.
type SustainabilityGate struct {
	// MinMonthsSinceFormation is the least number of whole months since the
	// group entered Formation.
	MinMonthsSinceFormation int `json:"minMonthsSinceFormation,omitempty"`
	// MinMeetingsHeld is the least share of the meetings the frequency
	// expects that were actually held.
	MinMeetingsHeld decimal.Decimal `json:"minMeetingsHeld"`
	// MinAttendance is the least share of member-meetings attended.
	MinAttendance decimal.Decimal `json:"minAttendance"`
	// MinSavingsRegularity is the least share of due deposits made.
	MinSavingsRegularity decimal.Decimal `json:"minSavingsRegularity"`
	// MinInternalLoans is the least number of internal loans made.
	MinInternalLoans int `json:"minInternalLoans,omitempty"`
	// MinRepaymentRate is the least share of what internal loans had due by
	// the check date (principal and charge) that has been repaid.
	MinRepaymentRate decimal.Decimal `json:"minRepaymentRate"`
	// Books requires the books to be up to date.
	Books bool `json:"books"`
}

// Meetings sets the rhythm of the group.
type Meetings struct {
	// Frequency of meetings; deposits are made at each meeting.
	Frequency Frequency `json:"frequency"`
	// Quorum is the least share of members present for a meeting to decide
	// (approve loans); zero: no quorum.
	Quorum decimal.Decimal `json:"quorum"`
}

// Savings is how members build the group's fund.
type Savings struct {
	// Plan is the regular deposit: equal fixed amount, shares, or flexible
	// with a minimum (see [savings.Plan]).
	Plan savings.Plan `json:"plan"`
	// SocialFund is each member's contribution per meeting to the social
	// (welfare) fund, kept apart from savings for emergencies; zero: none.
	SocialFund shg.Money `json:"socialFund"`
	// Fines members pay for breaking the group's discipline.
	Fines Fines `json:"fines"`
}

// Fines are flat amounts per occurrence; zero: no fine.
type Fines struct {
	// Absence is the fine for missing a meeting.
	Absence shg.Money `json:"absence"`
	// Late is the fine for arriving late or paying a deposit late.
	Late shg.Money `json:"late"`
}

// Pricing is what a loan costs and how it is repaid. It maps onto
// [loan.Terms].
type Pricing struct {
	// AnnualRate is the nominal annual rate as a fraction (0.04 is 4%); a
	// VSLA's 10% a month flat is 1.20.
	AnnualRate decimal.Decimal `json:"annualRate"`
	// Method: declining balance or flat.
	Method loan.InterestMethod `json:"method"`
	// Amortization: equal installments or equal principal.
	Amortization loan.Amortization `json:"amortization"`
	// Charge labels the charge: interest or a service fee (کارمزد, Iran's
	// qard al-hasan loans; a VSLA's service charge).
	Charge loan.ChargeKind `json:"charge"`
	// Every is the installment period, e.g. one month.
	Every loan.Period `json:"every"`
	// PrincipalGrace is the number of leading installments that pay the
	// charge only.
	PrincipalGrace int `json:"principalGrace,omitempty"`
	// InstallmentMultiple rounds the level installment to a multiple of this
	// amount (Fineract "in multiples of"); zero: none.
	InstallmentMultiple decimal.Decimal `json:"installmentMultiple"`
}

// Lending is internal lending: loans from the group's own fund to its
// members, decided at meetings.
type Lending struct {
	// Enabled allows internal loans at all.
	Enabled bool `json:"enabled"`
	// MinStage is the earliest stage in which the group may lend (savings
	// start at formation).
	MinStage Stage `json:"minStage"`
	// MaxSavingsMultiple caps a loan at this multiple of the borrower's own
	// savings (VSLA: 3); zero: no cap.
	MaxSavingsMultiple decimal.Decimal `json:"maxSavingsMultiple"`
	// MaxFundShare caps a loan at this share of the group's total savings;
	// zero: no cap.
	MaxFundShare decimal.Decimal `json:"maxFundShare"`
	// MaxAmount caps a loan at an absolute amount; zero: no cap.
	MaxAmount shg.Money `json:"maxAmount"`
	// MinInstallments and MaxInstallments bound the term, in installments
	// of Pricing.Every.
	MinInstallments int `json:"minInstallments"`
	MaxInstallments int `json:"maxInstallments"`
	// Pricing of internal loans.
	Pricing Pricing `json:"pricing"`
	// OneActiveLoan refuses a new loan to a member who still owes one.
	OneActiveLoan bool `json:"oneActiveLoan"`
	// NoArrears refuses a loan to a member with an installment more than
	// Delinquency.GraceDays past due.
	NoArrears bool `json:"noArrears"`
}

// BankLinkage is borrowing from a bank once the group is mature. A policy
// without tranches has no bank linkage (a VSLA).
type BankLinkage struct {
	// Bank that lends, e.g. "Keshavarzi Bank (Bank of Agriculture)".
	Bank string `json:"bank,omitempty"`
	// Borrower: the group as one, or each member.
	Borrower Borrower `json:"borrower"`
	// Collateral securing the loans.
	Collateral Collateral `json:"collateral"`
	// Tranches is the ladder of successive bank loans ("doses"), in order:
	// Tranches[0] is tranche 1. Caps may not fall and minimum ages may not
	// fall from one tranche to the next.
	Tranches []Tranche `json:"tranches,omitempty"`
}

// Tranche is the rule for one rung of the bank-loan ladder. Zero amounts and
// multiples mean "no cap".
type Tranche struct {
	// MaxPerMember caps what one member may receive (Kermanshah: 2.5M, 3M,
	// 5M toman).
	MaxPerMember shg.Money `json:"maxPerMember"`
	// MaxPerGroup caps the tranche's total for the group.
	MaxPerGroup shg.Money `json:"maxPerGroup"`
	// CorpusMultiple caps the total at this multiple of the group's corpus
	// (its savings; NABARD: 6× for the first dose, 8× for the second).
	CorpusMultiple decimal.Decimal `json:"corpusMultiple"`
	// CorpusFloor is the least the corpus cap allows whatever the corpus
	// (NABARD: "6 times the corpus or ₹1 lakh, whichever is higher").
	CorpusFloor shg.Money `json:"corpusFloor"`
	// MinGroupAgeMonths is the least group age in whole months.
	MinGroupAgeMonths int `json:"minGroupAgeMonths,omitempty"`
	// RequireMature requires the sustainability gate passed.
	RequireMature bool `json:"requireMature"`
	// PreviousRepaid is the least share (0–1) of the previous tranche
	// repaid; 1 is "fully repaid". Must be zero for tranche 1.
	PreviousRepaid decimal.Decimal `json:"previousRepaid"`
	// MinMonthsSinceLast is the least number of months since the previous
	// tranche was disbursed. Must be zero for tranche 1.
	MinMonthsSinceLast int `json:"minMonthsSinceLast,omitempty"`
	// MinGrade is the least grade; Ungraded: no requirement.
	MinGrade Grade `json:"minGrade"`
	// Installments is the term, in installments of Pricing.Every.
	Installments int `json:"installments"`
	// Pricing of this tranche.
	Pricing Pricing `json:"pricing"`
}

// Delinquency is how late payment is treated.
type Delinquency struct {
	// GraceDays is how many days past due an installment may be before the
	// member is in arrears (for lending rules and penalties).
	GraceDays int `json:"graceDays,omitempty"`
	// PenaltyRate is an annual rate (fraction) charged on overdue amounts
	// after the grace days, as banks state penal interest; zero: none. A
	// loan charges its penalty once per late installment, so the group
	// charges one repayment period's worth: 6% a year on a monthly
	// installment is 0.5% of what is overdue.
	PenaltyRate decimal.Decimal `json:"penaltyRate"`
	// PenaltyFlat is a flat penalty per overdue installment; zero: none.
	PenaltyFlat shg.Money `json:"penaltyFlat"`
	// WriteOffDays is how many days past due a loan may be written off
	// after; zero: only by explicit decision.
	WriteOffDays int `json:"writeOffDays,omitempty"`
}

// GradeRules grade a group from weighted indicators. The score is the
// weighted mean of the indicators (each 0–1), rounded to four places; a
// score at or above A is grade A, at or above B grade B, else C. A group
// active for fewer than MinMonthsActive months, or a policy with no
// indicators, is Ungraded.
type GradeRules struct {
	Indicators []Weight `json:"indicators,omitempty"`
	// A and B are the score thresholds, 0 < B <= A <= 1.
	A decimal.Decimal `json:"a"`
	B decimal.Decimal `json:"b"`
	// MinMonthsActive is the least group age, in months, to be graded.
	MinMonthsActive int `json:"minMonthsActive,omitempty"`
}

// Weight is one grading indicator and its weight (a positive number; the
// weights need not sum to one, the score divides by their sum).
type Weight struct {
	Metric Metric          `json:"metric"`
	Weight decimal.Decimal `json:"weight"`
}

// ShareOut is when and how the fund goes back to the members (a VSLA shares
// out at the end of every cycle; SHGs in Iran and India keep a standing fund).
type ShareOut struct {
	// CycleMonths is the length of a savings cycle, ending in a share-out;
	// zero: no periodic share-out (only on exit or dissolution).
	CycleMonths int `json:"cycleMonths,omitempty"`
	// Basis divides the pool: by savings, by shares, or by savings × time.
	Basis savings.ShareOutBasis `json:"basis"`
	// KeepSocialFund keeps the social fund out of the share-out.
	KeepSocialFund bool `json:"keepSocialFund"`
}

// Clone returns a deep copy of p: editing the copy's slices leaves p as it was.
func (p Policy) Clone() Policy {
	q := p
	q.Membership.Genders = cloneSlice(p.Membership.Genders)
	q.Membership.Officers = cloneSlice(p.Membership.Officers)
	q.BankLinkage.Tranches = cloneSlice(p.BankLinkage.Tranches)
	q.Grading.Indicators = cloneSlice(p.Grading.Indicators)
	return q
}

func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}

// Tranche returns the rule of tranche n (1-based) and whether it exists.
func (p Policy) Tranche(n int) (Tranche, bool) {
	if n < 1 || n > len(p.BankLinkage.Tranches) {
		return Tranche{}, false
	}
	return p.BankLinkage.Tranches[n-1], true
}

// HasBankLinkage reports whether the policy has at least one tranche.
func (p Policy) HasBankLinkage() bool { return len(p.BankLinkage.Tranches) > 0 }
