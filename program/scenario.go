package program

import (
	"strconv"
	"strings"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/shopspring/decimal"
)

// Scenario is what [Simulate] needs to generate a programme's history: the
// programme, the policy its groups follow, when and where groups are
// founded, and how their members behave.
type Scenario struct {
	// Program configures the programme. An empty Currency takes the
	// policy's.
	Program Config `json:"program"`
	// Policy every group follows.
	Policy policy.Policy `json:"policy"`
	// Start is the day the first groups are founded; End the last day
	// simulated (normally the report date). Groups due to be founded after
	// End are not founded.
	Start shg.Date `json:"start"`
	End   shg.Date `json:"end"`
	// FoundingMonths spreads each county's groups evenly over this many
	// months from its start: group i of n is founded i/n of the way
	// through. 0 founds them all on the start day.
	FoundingMonths int `json:"foundingMonths"`
	// Counties and how many groups each forms.
	Counties []County `json:"counties"`
	// Behaviour of members and groups.
	Behaviour Behaviour `json:"behaviour"`
}

// County is one county's share of the programme.
type County struct {
	Name string `json:"name"`
	// Groups to found in the county.
	Groups int `json:"groups"`
	// Phase of the programme the county's groups belong to.
	Phase int `json:"phase,omitempty"`
	// Organisation implementing the programme in the county.
	Organisation string `json:"organisation,omitempty"`
	// Facilitators is the number of field facilitators; groups are
	// assigned to them in turn. 0 means one.
	Facilitators int `json:"facilitators,omitempty"`
	// Start overrides the scenario's start for this county.
	Start shg.Date `json:"start"`
	// FoundingMonths overrides the scenario's founding spread when positive.
	FoundingMonths int `json:"foundingMonths,omitempty"`
}

// Range is a closed range of fractions from 0 to 1. Each group draws its
// own value from it, uniformly, so that groups differ as real ones do.
type Range struct {
	Min decimal.Decimal `json:"min"`
	Max decimal.Decimal `json:"max"`
}

// Fixed returns the range holding only d.
func Fixed(d decimal.Decimal) Range { return Range{Min: d, Max: d} }

// IntRange is a closed range of whole numbers.
type IntRange struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// MoneyRange is a closed range of amounts.
type MoneyRange struct {
	Min shg.Money `json:"min"`
	Max shg.Money `json:"max"`
}

// LivelihoodShare weighs a livelihood among those borrowers take up.
type LivelihoodShare struct {
	Livelihood member.Livelihood `json:"livelihood"`
	Weight     int               `json:"weight"`
}

// Behaviour is how members and groups behave in a simulation. Fractions
// are from 0 to 1. Amounts are in the policy's currency. Every number is a
// modelling assumption, not a fact from a source: set them from a
// programme's own monitoring data when it has some.
type Behaviour struct {
	// GroupSize is the number of members admitted when a group forms,
	// drawn uniformly; it must lie within the policy's membership range.
	GroupSize IntRange `json:"groupSize"`
	// Attendance is the chance a member attends a meeting (a meeting
	// without quorum is not held).
	Attendance Range `json:"attendance"`
	// SavingsCompliance is the chance a member present deposits what the
	// savings plan asks.
	SavingsCompliance Range `json:"savingsCompliance"`
	// LoanDemand is the chance, per member per month, that a member who may
	// borrow (no internal loan outstanding, never defaulted) asks for an
	// internal loan. It is scaled to the meeting period (×7/30 for weekly
	// meetings).
	LoanDemand decimal.Decimal `json:"loanDemand"`
	// LoanSize is the share of the most the lending rules allow that a
	// borrower asks, drawn per loan. Loans are whole multiples of the
	// savings plan's amount.
	LoanSize Range `json:"loanSize"`
	// LatePayment is the chance, at each meeting, that an installment due
	// waits for a later meeting.
	LatePayment decimal.Decimal `json:"latePayment"`
	// InternalDefault is the chance an internal borrower stops paying at
	// an installment drawn uniformly.
	InternalDefault decimal.Decimal `json:"internalDefault"`
	// WriteOffAfterDays writes off an internal loan whose borrower stopped
	// paying this many days after the first installment she missed
	// (never before the policy's Delinquency.WriteOffDays); 0 never writes off.
	WriteOffAfterDays int `json:"writeOffAfterDays,omitempty"`
	// BankUptake is the chance a member takes her part of a tranche.
	BankUptake decimal.Decimal `json:"bankUptake"`
	// BankLoanSize is the share of the per-member cap a borrower asks.
	BankLoanSize Range `json:"bankLoanSize"`
	// BankDefault is the chance a bank borrower stops paying at an
	// installment drawn uniformly.
	BankDefault decimal.Decimal `json:"bankDefault"`
	// BankQueueMonths is the wait, drawn per application, from the day a
	// group is found eligible for a tranche to the day the bank disburses
	// it (the article's "queued"); the group applies again then.
	BankQueueMonths IntRange `json:"bankQueueMonths"`
	// Dropout is the chance per member per year of leaving the group;
	// only members without an outstanding loan leave.
	Dropout decimal.Decimal `json:"dropout"`
	// BaselineZero is the share of members with no income when they join;
	// the others earn BaselineIncome a month.
	BaselineZero   decimal.Decimal `json:"baselineZero"`
	BaselineIncome MoneyRange      `json:"baselineIncome"`
	// IncomeAfterLoan is the monthly income a bank borrower reports at the
	// first survey at least 6 months after her first bank loan, drawn
	// once; she keeps reporting it. Other members keep their baseline.
	IncomeAfterLoan MoneyRange `json:"incomeAfterLoan"`
	// SurveyMonths is the interval of income surveys counted from each
	// group's founding; 0: no surveys, only baselines.
	SurveyMonths int `json:"surveyMonths,omitempty"`
	// Livelihoods are the activities bank borrowers take up, with weights.
	Livelihoods []LivelihoodShare `json:"livelihoods,omitempty"`
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// KermanshahBehaviour returns the behaviour the Sahneh example is
// calibrated with, in IRR. The article gives group sizes (15–25), that
// every group reached the first bank loan, the livelihoods taken up, and
// that borrowers went from no income to at least 500,000 toman a month;
// every other number is an assumption chosen to be plausible for a
// well-run programme, documented beside it.
func KermanshahBehaviour() Behaviour {
	return Behaviour{
		GroupSize:         IntRange{Min: 15, Max: 25},                                     // article: 15 to 25 members
		Attendance:        Range{Min: dec("0.88"), Max: dec("0.98")},                      // assumption: well-attended groups (the article: all reached the first loan)
		SavingsCompliance: Range{Min: dec("0.95"), Max: dec("1")},                         // assumption
		LoanDemand:        dec("0.06"),                                                    // assumption: about one member in 16 asks each month
		LoanSize:          Range{Min: dec("0.4"), Max: dec("1")},                          // assumption
		LatePayment:       dec("0.03"),                                                    // assumption
		InternalDefault:   dec("0.001"),                                                   // assumption: loans between neighbours are rarely lost (the article: every group reached the first bank loan)
		WriteOffAfterDays: 360,                                                            // assumption
		BankUptake:        dec("0.85"),                                                    // assumption: most members take their part
		BankLoanSize:      Range{Min: dec("0.6"), Max: dec("1")},                          // assumption
		BankDefault:       dec("0.005"),                                                   // assumption
		BankQueueMonths:   IntRange{Min: 0, Max: 4},                                       // assumption: Keshavarzi Bank's queue for funds
		Dropout:           dec("0.03"),                                                    // assumption
		BaselineZero:      dec("0.8"),                                                     // article: members had no monthly income
		BaselineIncome:    MoneyRange{Min: shg.Toman(100_000), Max: shg.Toman(300_000)},   // assumption
		IncomeAfterLoan:   MoneyRange{Min: shg.Toman(300_000), Max: shg.Toman(1_500_000)}, // article: at least 500,000 toman a month; the spread is an assumption
		SurveyMonths:      6,                                                              // assumption: a follow-up survey every six months
		Livelihoods: []LivelihoodShare{ // article's list; weights are assumptions
			{member.Dairy, 20}, {member.Poultry, 18}, {member.Handicrafts, 15}, {member.VegetableGrowing, 12},
			{member.KilimWeaving, 10}, {member.Beekeeping, 8}, {member.LeatherWork, 7}, {member.OtherLivelihood, 10},
		},
	}
}

// maxScenarioGroups bounds a scenario so that a hostile or mistaken input
// cannot ask for an unbounded simulation.
const maxScenarioGroups = 100_000

// Validate reports every field of s out of range as one [*shg.RuleError]
// (code CodeScenario; the message names the field's path), the policy's own
// [*policy.ValidationError] if the policy is invalid, or nil.
func (s Scenario) Validate() error {
	if err := s.Policy.Validate(); err != nil {
		return err
	}
	v := &scenarioCheck{cur: s.Policy.Currency}
	cfg := s.Program
	if cfg.Currency == "" {
		cfg.Currency = s.Policy.Currency
	}
	for _, x := range cfg.violations() {
		x.Message = "program: " + x.Message
		v.vs = append(v.vs, x)
	}
	if cfg.Currency != s.Policy.Currency {
		v.add("program.currency", "is not the policy's currency", s.Policy.Currency, cfg.Currency)
	}
	if s.Start.IsZero() {
		v.add("start", "is missing", "a date", "none")
	}
	if s.End.IsZero() || s.End.Before(s.Start) {
		v.add("end", "is missing or before start", ">= start", s.End.String())
	}
	v.nonNeg("foundingMonths", s.FoundingMonths)
	if len(s.Counties) == 0 {
		v.add("counties", "is empty", ">= 1 county", "0")
	}
	total := 0
	for i, c := range s.Counties {
		p := "counties[" + strconv.Itoa(i) + "]."
		if strings.TrimSpace(c.Name) == "" {
			v.add(p+"name", "is empty", "a county", `""`)
		}
		v.nonNeg(p+"groups", c.Groups)
		v.nonNeg(p+"phase", c.Phase)
		v.nonNeg(p+"facilitators", c.Facilitators)
		v.nonNeg(p+"foundingMonths", c.FoundingMonths)
		if c.Groups > 0 {
			total += c.Groups
		}
	}
	if total > maxScenarioGroups {
		v.add("counties", "ask for too many groups", "<= "+strconv.Itoa(maxScenarioGroups), strconv.Itoa(total))
	}

	b := s.Behaviour
	m := s.Policy.Membership
	if b.GroupSize.Min < 1 || b.GroupSize.Max < b.GroupSize.Min {
		v.add("behaviour.groupSize", "is not a range of positive sizes", "1 <= min <= max",
			strconv.Itoa(b.GroupSize.Min)+"-"+strconv.Itoa(b.GroupSize.Max))
	} else if b.GroupSize.Min < m.MinMembers || (m.MaxMembers > 0 && b.GroupSize.Max > m.MaxMembers) {
		v.add("behaviour.groupSize", "lies outside the policy's membership range",
			strconv.Itoa(m.MinMembers)+"-"+strconv.Itoa(m.MaxMembers), strconv.Itoa(b.GroupSize.Min)+"-"+strconv.Itoa(b.GroupSize.Max))
	}
	v.rng("behaviour.attendance", b.Attendance)
	v.rng("behaviour.savingsCompliance", b.SavingsCompliance)
	v.frac("behaviour.loanDemand", b.LoanDemand)
	v.rng("behaviour.loanSize", b.LoanSize)
	v.frac("behaviour.latePayment", b.LatePayment)
	v.frac("behaviour.internalDefault", b.InternalDefault)
	v.nonNeg("behaviour.writeOffAfterDays", b.WriteOffAfterDays)
	v.frac("behaviour.bankUptake", b.BankUptake)
	v.rng("behaviour.bankLoanSize", b.BankLoanSize)
	v.frac("behaviour.bankDefault", b.BankDefault)
	if b.BankQueueMonths.Min < 0 || b.BankQueueMonths.Max < b.BankQueueMonths.Min {
		v.add("behaviour.bankQueueMonths", "is not a range of months", "0 <= min <= max",
			strconv.Itoa(b.BankQueueMonths.Min)+"-"+strconv.Itoa(b.BankQueueMonths.Max))
	}
	v.frac("behaviour.dropout", b.Dropout)
	v.frac("behaviour.baselineZero", b.BaselineZero)
	v.money("behaviour.baselineIncome", b.BaselineIncome)
	v.money("behaviour.incomeAfterLoan", b.IncomeAfterLoan)
	v.nonNeg("behaviour.surveyMonths", b.SurveyMonths)
	for i, l := range b.Livelihoods {
		p := "behaviour.livelihoods[" + strconv.Itoa(i) + "]"
		if !l.Livelihood.IsValid() {
			v.add(p+".livelihood", "is not a livelihood", "a livelihood", l.Livelihood.String())
		}
		v.nonNeg(p+".weight", l.Weight)
	}
	if p := s.Policy.Savings.Plan; !p.Amount.IsPositive() {
		v.add("policy.savings.plan.amount", "must be positive for a simulation (loans are multiples of it)", "> 0", p.Amount.String())
	}
	if len(v.vs) > 0 {
		return shg.NewRuleError("program.Scenario.Validate", v.vs...)
	}
	return nil
}

type scenarioCheck struct {
	cur string
	vs  []shg.Violation
}

func (v *scenarioCheck) add(path, msg, want, got string) {
	v.vs = append(v.vs, shg.Violation{Code: CodeScenario, Message: path + " " + msg, Want: want, Got: got})
}

func (v *scenarioCheck) nonNeg(path string, n int) {
	if n < 0 {
		v.add(path, "is negative", ">= 0", strconv.Itoa(n))
	}
}

var one = decimal.NewFromInt(1)

func (v *scenarioCheck) frac(path string, d decimal.Decimal) bool {
	if d.IsNegative() || d.GreaterThan(one) {
		v.add(path, "is not a fraction", "0-1", d.String())
		return false
	}
	return true
}

func (v *scenarioCheck) rng(path string, r Range) {
	a, b := v.frac(path+".min", r.Min), v.frac(path+".max", r.Max)
	if a && b && r.Max.LessThan(r.Min) {
		v.add(path, "has max below min", "min <= max", r.Min.String()+"-"+r.Max.String())
	}
}

func (v *scenarioCheck) money(path string, r MoneyRange) {
	for _, x := range []struct {
		p string
		m shg.Money
	}{{path + ".min", r.Min}, {path + ".max", r.Max}} {
		switch {
		case x.m.Currency() != v.cur && !(x.m.IsZero() && x.m.Currency() == ""):
			v.vs = append(v.vs, shg.Violation{Code: CodeScenario, Message: x.p + " is not in the policy's currency",
				Want: v.cur, Got: x.m.Currency(), Err: shg.ErrCurrencyMismatch})
			return
		case x.m.IsNegative():
			v.add(x.p, "is negative", ">= 0", x.m.String())
			return
		case !x.m.IsRounded(shg.Rounding{}):
			v.add(x.p, "is not whole minor units", "whole "+v.cur, x.m.String())
			return
		}
	}
	if r.Max.LessThan(r.Min) {
		v.add(path, "has max below min", "min <= max", r.Min.String()+" - "+r.Max.String())
	}
}
