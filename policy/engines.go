package policy

import (
	"strconv"
	"strings"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/member"
	"github.com/shopspring/decimal"
)

// ---- display helpers ----

func itoa(n int) string { return strconv.Itoa(n) }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}

// pct renders a fraction as a percentage: 0.8 -> "80%", 0.9234 -> "92.34%".
func pct(d decimal.Decimal) string { return d.Shift(2).String() + "%" }

func yesNo(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

func moneyStr(m shg.Money) string {
	return m.String() // the zero Money prints as "0"
}

// le reports a <= b; amounts of different currencies are never in order.
func le(a, b shg.Money) bool {
	c, err := a.Cmp(b)
	return err == nil && c <= 0
}

// amountOK reports whether m is a positive amount in the policy's currency
// that is a whole multiple of its rounding unit (as loan terms require).
func (p Policy) amountOK(m shg.Money) bool {
	return m.IsPositive() && m.Currency() == p.Currency && m.IsRounded(p.Rounding)
}

func (p Policy) amountWant() string {
	return "> 0 " + p.Currency + " in multiples of " + p.Rounding.UnitFor(p.Currency).String()
}

func crit(code, desc, want, got string, met bool) Criterion {
	return Criterion{Code: code, Description: desc, Want: want, Got: got, Met: met}
}

func atLeast(code, desc string, got, min int, unit string) Criterion {
	return crit(code, desc, ">= "+itoa(min)+" "+unit, itoa(got)+" "+unit, got >= min)
}

func rateAtLeast(code, desc string, got, min decimal.Decimal) Criterion {
	return crit(code, desc, ">= "+pct(min), pct(got), got.Cmp(min) >= 0)
}

// ---- eligibility ----

// CheckEligibility checks an applicant against the membership rules:
//
//	membership.gender      the applicant's gender is admitted (when Genders is set)
//	membership.age         the age is within [MinAge, MaxAge] (when either is set)
//	membership.rural       the applicant lives in a rural area (when RuralOnly)
//	membership.max_members the group has room: CurrentMembers < MaxMembers
func (p Policy) CheckEligibility(f ApplicantFacts) Checklist {
	m := p.Membership
	var c Checklist
	if len(m.Genders) > 0 {
		names := make([]string, len(m.Genders))
		ok := false
		for i, g := range m.Genders {
			names[i] = member.Gender.String(g)
			ok = ok || g == f.Gender
		}
		c = append(c, crit(CodeMembershipGender, "applicant's gender admitted by the programme",
			strings.Join(names, " or "), member.Gender.String(f.Gender), ok))
	}
	if m.MinAge > 0 || m.MaxAge > 0 {
		want := ">= " + itoa(m.MinAge) + " years"
		ok := f.AgeYears >= m.MinAge
		if m.MaxAge > 0 {
			want = itoa(m.MinAge) + "-" + itoa(m.MaxAge) + " years"
			ok = ok && f.AgeYears <= m.MaxAge
		}
		c = append(c, crit(CodeMembershipAge, "applicant's age within the admitted range", want, itoa(f.AgeYears)+" years", ok))
	}
	if m.RuralOnly {
		c = append(c, crit(CodeMembershipRural, "applicant lives in a rural area", "rural", yesNo(f.Rural, "rural", "urban"), f.Rural))
	}
	c = append(c, crit(CodeMembershipMaxMembers, "group has room for one more member",
		"<= "+plural(m.MaxMembers, "member", "members")+" after admission",
		plural(f.CurrentMembers+1, "member", "members")+" after admission", f.CurrentMembers < m.MaxMembers))
	return c
}

// ---- stage gates ----

// CheckGate returns the checklist to complete stage s: passing the
// Preparation gate lets a group enter Formation, the Formation gate lets it
// enter Sustainability, and the Sustainability gate makes it mature
// (eligible for bank linkage). Dissolved has no gate: its checklist is one
// unmet CodeGateNoNextStage criterion, as is that of an invalid stage.
func (p Policy) CheckGate(s Stage, f GateFacts) Checklist {
	switch s {
	case Preparation:
		return p.preparationGate(f)
	case Formation:
		return p.formationGate(f)
	case Sustainability:
		return p.sustainabilityGate(f)
	}
	return Checklist{crit(CodeGateNoNextStage, "a "+s.String()+" group has no gate to pass", "preparation, formation or sustainability", s.String(), false)}
}

func (p Policy) preparationGate(f GateFacts) Checklist {
	g := p.Stages.Preparation
	var c Checklist
	if g.Facilitator {
		c = append(c, crit(CodeGatePreparationFacilitator, "a facilitator is assigned to the group",
			"assigned", yesNo(f.FacilitatorAssigned, "assigned", "not assigned"), f.FacilitatorAssigned))
	}
	if g.MinOrientationSessions > 0 {
		c = append(c, atLeast(CodeGatePreparationOrientationSessions, "orientation sessions held with prospective members",
			f.OrientationSessions, g.MinOrientationSessions, "sessions"))
	}
	return c
}

func (p Policy) formationGate(f GateFacts) Checklist {
	m, g := p.Membership, p.Stages.Formation
	c := Checklist{
		atLeast(CodeGateFormationMinMembers, "enough members to form the group", f.Members, m.MinMembers, "members"),
		crit(CodeGateFormationMaxMembers, "no more members than the group may have",
			"<= "+itoa(m.MaxMembers)+" members", itoa(f.Members)+" members", f.Members <= m.MaxMembers),
	}
	if len(m.Officers) > 0 {
		var want, missing []string
		for _, r := range m.Officers {
			want = append(want, member.Role.String(r))
			found := false
			for _, h := range f.Officers {
				found = found || h == r
			}
			if !found {
				missing = append(missing, member.Role.String(r))
			}
		}
		got := "all elected"
		if len(missing) > 0 {
			got = "missing " + strings.Join(missing, ", ")
		}
		c = append(c, crit(CodeGateFormationOfficers, "the required officers are elected",
			strings.Join(want, ", "), got, len(missing) == 0))
	}
	if g.Bylaws {
		c = append(c, crit(CodeGateFormationBylaws, "the group has adopted its bylaws",
			"adopted", yesNo(f.BylawsAdopted, "adopted", "not adopted"), f.BylawsAdopted))
	}
	if g.BankAccount {
		c = append(c, crit(CodeGateFormationBankAccount, "the group has opened a bank account",
			"opened", yesNo(f.BankAccountOpened, "opened", "not opened"), f.BankAccountOpened))
	}
	return c
}

func (p Policy) sustainabilityGate(f GateFacts) Checklist {
	g := p.Stages.Sustainability
	var c Checklist
	if g.MinMonthsSinceFormation > 0 {
		c = append(c, atLeast(CodeGateSustainabilityMinMonths, "months since the group was formed",
			f.MonthsSinceFormation, g.MinMonthsSinceFormation, "months"))
	}
	if g.MinMeetingsHeld.IsPositive() {
		// held/expected >= min, cross-multiplied so no division rounds.
		held, exp := decimal.NewFromInt(int64(f.MeetingsHeld)), decimal.NewFromInt(int64(f.MeetingsExpected))
		ok := held.Cmp(g.MinMeetingsHeld.Mul(exp)) >= 0
		c = append(c, crit(CodeGateSustainabilityMeetingsHeld, "share of expected meetings actually held",
			">= "+pct(g.MinMeetingsHeld)+" of expected", itoa(f.MeetingsHeld)+" of "+itoa(f.MeetingsExpected), ok))
	}
	if g.MinAttendance.IsPositive() {
		c = append(c, rateAtLeast(CodeGateSustainabilityAttendance, "members' attendance at meetings", f.AttendanceRate, g.MinAttendance))
	}
	if g.MinSavingsRegularity.IsPositive() {
		c = append(c, rateAtLeast(CodeGateSustainabilitySavingsRegularity, "share of due deposits made", f.SavingsRegularity, g.MinSavingsRegularity))
	}
	if g.MinInternalLoans > 0 {
		c = append(c, atLeast(CodeGateSustainabilityInternalLending, "internal loans made from the group's fund",
			f.InternalLoansMade, g.MinInternalLoans, "loans"))
	}
	if g.MinRepaymentRate.IsPositive() {
		c = append(c, rateAtLeast(CodeGateSustainabilityRepayment, "share of what fell due that is repaid", f.RepaymentRate, g.MinRepaymentRate))
	}
	if g.Books {
		c = append(c, crit(CodeGateSustainabilityBooks, "the books are up to date",
			"up to date", yesNo(f.BooksUpToDate, "up to date", "behind"), f.BooksUpToDate))
	}
	return c
}

// ---- internal lending ----

// CheckInternalLoan checks a member's request for a loan from the group's
// fund. See doc.go for the codes; CodeLendingLiquidity (the fund has the
// cash) and CodeLendingAmount (a positive amount in the policy's currency)
// are always checked.
func (p Policy) CheckInternalLoan(f InternalLoanFacts) Checklist {
	l := p.Lending
	var c Checklist
	if !l.Enabled {
		c = append(c, crit(CodeLendingEnabled, "the policy allows internal lending", "enabled", "disabled", false))
	}
	stageOK := f.Stage >= l.MinStage && f.Stage < Dissolved
	c = append(c, crit(CodeLendingStage, "the group is far enough along to lend",
		l.MinStage.String()+" or later, not dissolved", f.Stage.String(), stageOK))
	c = append(c, crit(CodeLendingAmount, "a positive amount in the policy's currency and rounding unit",
		p.amountWant(), moneyStr(f.Amount), p.amountOK(f.Amount)))
	if l.MaxAmount.IsPositive() {
		c = append(c, crit(CodeLendingMaxAmount, "loan within the policy's absolute cap",
			"<= "+moneyStr(l.MaxAmount), moneyStr(f.Amount), le(f.Amount, l.MaxAmount)))
	}
	if l.MaxSavingsMultiple.IsPositive() {
		capm := f.MemberSavings.Mul(l.MaxSavingsMultiple)
		c = append(c, crit(CodeLendingMaxSavingsMultiple, "loan within a multiple of the member's own savings",
			"<= "+l.MaxSavingsMultiple.String()+" × "+moneyStr(f.MemberSavings)+" = "+moneyStr(capm),
			moneyStr(f.Amount), le(f.Amount, capm)))
	}
	if l.MaxFundShare.IsPositive() {
		capf := f.FundSavings.Mul(l.MaxFundShare)
		c = append(c, crit(CodeLendingMaxFundShare, "loan within a share of the group's savings",
			"<= "+pct(l.MaxFundShare)+" of "+moneyStr(f.FundSavings)+" = "+moneyStr(capf),
			moneyStr(f.Amount), le(f.Amount, capf)))
	}
	c = append(c, crit(CodeLendingLiquidity, "the fund has the cash to lend",
		"<= "+moneyStr(f.CashAvailable)+" cash available", moneyStr(f.Amount), le(f.Amount, f.CashAvailable)))
	c = append(c, crit(CodeLendingTerm, "term within the policy's range",
		itoa(l.MinInstallments)+"-"+itoa(l.MaxInstallments)+" installments", itoa(f.Installments)+" installments",
		f.Installments >= l.MinInstallments && f.Installments <= l.MaxInstallments))
	if l.OneActiveLoan {
		c = append(c, crit(CodeLendingOneActiveLoan, "the member owes no other internal loan",
			"0 active loans", itoa(f.ActiveLoans)+" active loans", f.ActiveLoans <= 0))
	}
	if l.NoArrears {
		g := p.Delinquency.GraceDays
		c = append(c, crit(CodeLendingNoArrears, "the member is not in arrears",
			"<= "+itoa(g)+" days past due", itoa(f.DaysPastDue)+" days past due", f.DaysPastDue <= g))
	}
	return c
}

// ---- bank tranches ----

// CheckTranche checks a group's application for bank tranche f.Number
// against that tranche's rule. An unknown tranche number (or a policy
// without bank linkage) yields the single unmet criterion CodeTrancheUnknown.
// The per-member cap yields one CodeTrancheMaxPerMember criterion per
// request, in request order.
func (p Policy) CheckTranche(f TrancheFacts) Checklist {
	t, ok := p.Tranche(f.Number)
	if !ok {
		want := "1-" + itoa(len(p.BankLinkage.Tranches))
		if !p.HasBankLinkage() {
			want = "none: the policy has no bank linkage"
		}
		return Checklist{crit(CodeTrancheUnknown, "the policy defines this tranche", want, itoa(f.Number), false)}
	}
	var c Checklist
	c = append(c, crit(CodeTrancheStage, "the group is in the sustainability stage",
		Sustainability.String(), f.Stage.String(), f.Stage == Sustainability))
	if t.RequireMature {
		c = append(c, crit(CodeTrancheMature, "the group has passed the sustainability gate",
			"mature", yesNo(f.Mature, "mature", "not mature"), f.Mature))
	}
	if t.MinGroupAgeMonths > 0 {
		c = append(c, atLeast(CodeTrancheMinGroupAge, "the group is old enough", f.GroupAgeMonths, t.MinGroupAgeMonths, "months"))
	}
	if f.Number > 1 {
		prev := "tranche " + itoa(f.Number-1)
		c = append(c, crit(CodeTranchePreviousReceived, "the previous tranche was received",
			prev+" received", yesNo(f.PreviousReceived, prev+" received", prev+" not received"), f.PreviousReceived))
		if t.PreviousRepaid.IsPositive() {
			c = append(c, crit(CodeTranchePreviousRepaid, "enough of the previous tranche is repaid",
				">= "+pct(t.PreviousRepaid)+" of "+prev, pct(f.PreviousRepaid),
				f.PreviousReceived && f.PreviousRepaid.Cmp(t.PreviousRepaid) >= 0))
		}
		if t.MinMonthsSinceLast > 0 {
			c = append(c, atLeast(CodeTrancheWait, "months since the previous tranche", f.MonthsSinceLast, t.MinMonthsSinceLast, "months"))
		}
	}
	if t.MinGrade != Ungraded {
		c = append(c, crit(CodeTrancheMinGrade, "the group's grade is high enough",
			">= "+t.MinGrade.String(), f.Grade.String(), f.Grade.IsValid() && f.Grade >= t.MinGrade))
	}
	// The requests themselves.
	total := shg.Zero(p.Currency)
	reqOK := len(f.Requests) > 0 && len(f.Requests) <= f.Members
	seen := make(map[shg.MemberID]bool, len(f.Requests))
	for _, r := range f.Requests {
		if !p.amountOK(r.Amount) || seen[r.Member] {
			reqOK = false
		}
		seen[r.Member] = true
		if s, err := total.Add(r.Amount); err == nil {
			total = s
		}
	}
	c = append(c, crit(CodeTrancheRequests, "one positive request per member, no more requests than members",
		"1-"+itoa(f.Members)+" requests, one per member, each "+p.amountWant(),
		plural(len(f.Requests), "request", "requests")+" totalling "+moneyStr(total), reqOK))
	if t.MaxPerMember.IsPositive() {
		for _, r := range f.Requests {
			c = append(c, crit(CodeTrancheMaxPerMember, "member "+string(r.Member)+" asks no more than the per-member cap",
				"<= "+moneyStr(t.MaxPerMember), string(r.Member)+": "+moneyStr(r.Amount), le(r.Amount, t.MaxPerMember)))
		}
	}
	if t.MaxPerGroup.IsPositive() {
		c = append(c, crit(CodeTrancheMaxPerGroup, "the tranche is within the per-group cap",
			"<= "+moneyStr(t.MaxPerGroup), moneyStr(total), le(total, t.MaxPerGroup)))
	}
	if t.CorpusMultiple.IsPositive() || t.CorpusFloor.IsPositive() {
		capc := f.Corpus.Mul(t.CorpusMultiple)
		want := "<= " + t.CorpusMultiple.String() + " × corpus " + moneyStr(f.Corpus) + " = " + moneyStr(capc)
		if t.CorpusFloor.IsPositive() {
			if capc.LessThan(t.CorpusFloor) || capc.Currency() != t.CorpusFloor.Currency() {
				capc = t.CorpusFloor
			}
			want += ", at least " + moneyStr(t.CorpusFloor)
		}
		c = append(c, crit(CodeTrancheCorpusMultiple, "the tranche is within the multiple of the group's corpus",
			want, moneyStr(total), le(total, capc)))
	}
	return c
}

// ---- grading ----

// Grade grades a group by the policy's [GradeRules]. Every indicator's value
// is clamped to 0–1; the score is Σ weight×value / Σ weight rounded to four
// places. A policy without indicators, or a group younger than
// MinMonthsActive, is Ungraded (its score and indicators are still
// reported).
func (p Policy) Grade(f GradeFacts) Grading {
	r := p.Grading
	ind := make([]Indicator, 0, len(r.Indicators))
	num, den := decimal.Zero, decimal.Zero
	for _, w := range r.Indicators {
		v := clamp01(metricValue(w.Metric, f))
		pts := w.Weight.Mul(v)
		ind = append(ind, Indicator{Metric: w.Metric, Value: v, Weight: w.Weight, Points: pts})
		num, den = num.Add(pts), den.Add(w.Weight)
	}
	g := Grading{Indicators: ind, Score: decimal.Zero}
	if !den.IsPositive() {
		return g
	}
	g.Score = num.DivRound(den, 4)
	switch {
	case f.MonthsActive < r.MinMonthsActive:
		g.Grade = Ungraded
	case g.Score.Cmp(r.A) >= 0:
		g.Grade = GradeA
	case g.Score.Cmp(r.B) >= 0:
		g.Grade = GradeB
	default:
		g.Grade = GradeC
	}
	return g
}

func metricValue(m Metric, f GradeFacts) decimal.Decimal {
	switch m {
	case Attendance:
		return f.AttendanceRate
	case SavingsRegularity:
		return f.SavingsRegularity
	case RepaymentRate:
		return f.RepaymentRate
	case MeetingRegularity:
		return f.MeetingRegularity
	case FundUtilisation:
		return f.FundUtilisation
	case Books:
		if f.BooksUpToDate {
			return decimal.NewFromInt(1)
		}
	}
	return decimal.Zero
}

func clamp01(d decimal.Decimal) decimal.Decimal {
	if d.IsNegative() {
		return decimal.Zero
	}
	if one := decimal.NewFromInt(1); d.Cmp(one) > 0 {
		return one
	}
	return d
}

// ---- loan terms ----

func (p Policy) terms(pr Pricing, principal shg.Money, installments int, start shg.Date) loan.Terms {
	return loan.Terms{
		Principal:           principal,
		AnnualRate:          pr.AnnualRate,
		Interest:            pr.Method,
		Amortization:        pr.Amortization,
		Charge:              pr.Charge,
		Installments:        installments,
		Every:               pr.Every,
		Start:               start,
		Calendar:            p.Calendar,
		PrincipalGrace:      pr.PrincipalGrace,
		Rounding:            p.Rounding,
		InstallmentMultiple: pr.InstallmentMultiple,
	}
}

// InternalLoanTerms returns the terms of an internal loan of principal over
// installments, disbursed on start, priced by Lending.Pricing in the
// policy's calendar and rounding. It does not check the request: use
// [Policy.CheckInternalLoan] first.
func (p Policy) InternalLoanTerms(principal shg.Money, installments int, start shg.Date) loan.Terms {
	return p.terms(p.Lending.Pricing, principal, installments, start)
}

// TrancheTerms returns the terms of bank tranche n (1-based) of principal
// disbursed on start: the tranche's pricing and installments, the policy's
// calendar and rounding. For a tranche the policy does not define it
// returns terms with zero installments, which loan validation refuses.
func (p Policy) TrancheTerms(n int, principal shg.Money, start shg.Date) loan.Terms {
	t, ok := p.Tranche(n)
	if !ok {
		return p.terms(Pricing{}, principal, 0, start)
	}
	return p.terms(t.Pricing, principal, t.Installments, start)
}
