package policy_test

import (
	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/savings"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

var one = decimal.NewFromInt(1)

// genFrac draws a fraction 0..1 with up to four places.
func genFrac(t *rapid.T, label string) decimal.Decimal {
	return decimal.New(int64(rapid.IntRange(0, 10000).Draw(t, label)), -4)
}

// genMinor draws a whole number of minor units of cur, in [lo, hi] units.
func genMinor(t *rapid.T, cur string, lo, hi int64, label string) shg.Money {
	m, err := shg.FromMinor(rapid.Int64Range(lo, hi).Draw(t, label), cur)
	if err != nil {
		panic(err)
	}
	return m
}

func genPricing(t *rapid.T, p policy.Policy, installments int, label string) policy.Pricing {
	u := p.Rounding.UnitFor(p.Currency)
	pr := policy.Pricing{
		AnnualRate:          decimal.New(int64(rapid.IntRange(0, 30000).Draw(t, label+".rate")), -4),
		Method:              loan.InterestMethod(rapid.IntRange(0, 1).Draw(t, label+".method")),
		Amortization:        loan.Amortization(rapid.IntRange(0, 1).Draw(t, label+".amortization")),
		Charge:              loan.ChargeKind(rapid.IntRange(0, 1).Draw(t, label+".charge")),
		Every:               loan.Period{N: rapid.IntRange(1, 4).Draw(t, label+".every.n"), Unit: loan.PeriodUnit(rapid.IntRange(0, 2).Draw(t, label+".every.unit"))},
		PrincipalGrace:      rapid.IntRange(0, installments-1).Draw(t, label+".grace"),
		InstallmentMultiple: u.Mul(decimal.NewFromInt(int64(rapid.IntRange(0, 3).Draw(t, label+".multiple")))),
	}
	return pr
}

// genPolicy draws a valid policy: every constraint of Validate is met by
// construction, so any validation error is a bug in one or the other.
func genPolicy(t *rapid.T) policy.Policy {
	cur := rapid.SampledFrom([]string{"IRR", "INR", "XOF", "USD", "UGX", "IQD"}).Draw(t, "currency")
	digits, _ := shg.MinorDigits(cur)
	minor := decimal.New(1, -digits)
	var p policy.Policy
	p.Name = rapid.StringMatching(`[A-Za-z][A-Za-z0-9 ]{0,20}`).Draw(t, "name")
	p.Region = rapid.String().Draw(t, "region")
	p.Version = rapid.String().Draw(t, "version")
	p.Source = rapid.String().Draw(t, "source")
	p.Currency = cur
	p.Calendar = rapid.SampledFrom([]shg.Calendar{shg.Gregorian, shg.SolarHijri}).Draw(t, "calendar")
	p.Rounding = shg.Rounding{
		Mode: shg.RoundingMode(rapid.IntRange(0, 6).Draw(t, "rounding.mode")),
		Unit: minor.Mul(decimal.NewFromInt(int64(rapid.SampledFrom([]int{0, 1, 5, 10, 1000}).Draw(t, "rounding.unit")))),
	}
	money := func(label string) shg.Money { return genMinor(t, cur, 0, 1_000_000_000, label) }

	m := &p.Membership
	m.MinMembers = rapid.IntRange(1, 30).Draw(t, "minMembers")
	m.MaxMembers = rapid.IntRange(m.MinMembers, 60).Draw(t, "maxMembers")
	for _, g := range []member.Gender{member.Female, member.Male} {
		if rapid.Bool().Draw(t, "gender") {
			m.Genders = append(m.Genders, g)
		}
	}
	m.MinAge = rapid.IntRange(0, 30).Draw(t, "minAge")
	if rapid.Bool().Draw(t, "hasMaxAge") {
		m.MaxAge = rapid.IntRange(max(m.MinAge, 1), 100).Draw(t, "maxAge")
	}
	m.RuralOnly = rapid.Bool().Draw(t, "rural")
	roles := rapid.Permutation([]member.Role{member.Chair, member.Treasurer, member.Secretary}).Draw(t, "roles")
	m.Officers = roles[:rapid.IntRange(0, min(3, m.MinMembers)).Draw(t, "officers")]

	s := &p.Stages
	s.Preparation.Facilitator = rapid.Bool().Draw(t, "facilitator")
	s.Preparation.MinOrientationSessions = rapid.IntRange(0, 10).Draw(t, "sessions")
	s.Formation.Bylaws = rapid.Bool().Draw(t, "bylaws")
	s.Formation.BankAccount = rapid.Bool().Draw(t, "bankAccount")
	g := &s.Sustainability
	g.MinMonthsSinceFormation = rapid.IntRange(0, 24).Draw(t, "minMonths")
	g.MinMeetingsHeld = genFrac(t, "minMeetingsHeld")
	g.MinAttendance = genFrac(t, "minAttendance")
	g.MinSavingsRegularity = genFrac(t, "minSavingsRegularity")
	g.MinInternalLoans = rapid.IntRange(0, 10).Draw(t, "minInternalLoans")
	g.MinRepaymentRate = genFrac(t, "minRepaymentRate")
	g.Books = rapid.Bool().Draw(t, "books")

	p.Meetings.Frequency = rapid.SampledFrom([]policy.Frequency{policy.Weekly, policy.Fortnightly, policy.Monthly}).Draw(t, "frequency")
	p.Meetings.Quorum = genFrac(t, "quorum")

	sv := &p.Savings
	sv.Plan.Kind = rapid.SampledFrom([]savings.PlanKind{savings.EqualFixed, savings.Shares, savings.Flexible}).Draw(t, "plan.kind")
	if sv.Plan.Kind == savings.Flexible {
		sv.Plan.Amount = money("plan.amount")
	} else {
		sv.Plan.Amount = genMinor(t, cur, 1, 1_000_000_000, "plan.amount")
	}
	if sv.Plan.Kind == savings.Shares {
		sv.Plan.MinShares = rapid.IntRange(1, 5).Draw(t, "minShares")
		sv.Plan.MaxShares = rapid.IntRange(sv.Plan.MinShares, 10).Draw(t, "maxShares")
	}
	sv.SocialFund = money("socialFund")
	sv.Fines = policy.Fines{Absence: money("fines.absence"), Late: money("fines.late")}

	l := &p.Lending
	l.Enabled = rapid.Bool().Draw(t, "lending.enabled")
	l.MinStage = policy.Stage(rapid.IntRange(0, 2).Draw(t, "lending.minStage"))
	l.MaxSavingsMultiple = decimal.New(int64(rapid.IntRange(0, 50).Draw(t, "lending.multiple")), -1)
	l.MaxFundShare = genFrac(t, "lending.fundShare")
	l.MaxAmount = money("lending.maxAmount")
	l.MinInstallments = rapid.IntRange(1, 12).Draw(t, "lending.minInstallments")
	l.MaxInstallments = rapid.IntRange(l.MinInstallments, 36).Draw(t, "lending.maxInstallments")
	l.Pricing = genPricing(t, p, l.MinInstallments, "lending.pricing")
	l.OneActiveLoan = rapid.Bool().Draw(t, "lending.oneActive")
	l.NoArrears = rapid.Bool().Draw(t, "lending.noArrears")

	b := &p.BankLinkage
	b.Borrower = policy.Borrower(rapid.IntRange(0, 1).Draw(t, "borrower"))
	b.Collateral = policy.Collateral(rapid.IntRange(0, 1).Draw(t, "collateral"))
	n := rapid.IntRange(0, 4).Draw(t, "tranches")
	if n > 0 {
		b.Bank = rapid.StringMatching(`[A-Z][a-z]{1,12} Bank`).Draw(t, "bank")
	}
	capMember, capGroup := rapid.Bool().Draw(t, "capMember"), rapid.Bool().Draw(t, "capGroup")
	var prev policy.Tranche
	for i := 0; i < n; i++ {
		var tr policy.Tranche
		if capMember {
			tr.MaxPerMember, _ = prev.MaxPerMember.Add(genMinor(t, cur, 1, 1_000_000, "maxPerMember"))
		}
		if capGroup {
			tr.MaxPerGroup, _ = prev.MaxPerGroup.Add(genMinor(t, cur, 1, 1_000_000, "maxPerGroup"))
			tr.MaxPerGroup, _ = tr.MaxPerGroup.Add(tr.MaxPerMember)
		}
		tr.CorpusMultiple = prev.CorpusMultiple.Add(decimal.NewFromInt(int64(rapid.IntRange(0, 4).Draw(t, "corpusMultiple"))))
		tr.CorpusFloor = money("corpusFloor")
		tr.MinGroupAgeMonths = prev.MinGroupAgeMonths + rapid.IntRange(0, 6).Draw(t, "minGroupAge")
		tr.RequireMature = rapid.Bool().Draw(t, "requireMature")
		if i > 0 {
			tr.PreviousRepaid = genFrac(t, "previousRepaid")
			tr.MinMonthsSinceLast = rapid.IntRange(0, 12).Draw(t, "minMonthsSinceLast")
		}
		tr.MinGrade = policy.Grade(rapid.IntRange(0, 3).Draw(t, "minGrade"))
		tr.Installments = rapid.IntRange(1, 60).Draw(t, "installments")
		tr.Pricing = genPricing(t, p, tr.Installments, "tranche.pricing")
		b.Tranches = append(b.Tranches, tr)
		prev = tr
	}

	d := &p.Delinquency
	d.GraceDays = rapid.IntRange(0, 30).Draw(t, "graceDays")
	d.PenaltyRate = genFrac(t, "penaltyRate")
	d.PenaltyFlat = money("penaltyFlat")
	if rapid.Bool().Draw(t, "writeOff") {
		d.WriteOffDays = rapid.IntRange(d.GraceDays+1, 400).Draw(t, "writeOffDays")
	}

	gr := &p.Grading
	for _, mt := range rapid.Permutation([]policy.Metric{policy.Attendance, policy.SavingsRegularity, policy.RepaymentRate, policy.MeetingRegularity, policy.FundUtilisation, policy.Books}).Draw(t, "metrics")[:rapid.IntRange(0, 6).Draw(t, "nMetrics")] {
		gr.Indicators = append(gr.Indicators, policy.Weight{Metric: mt, Weight: decimal.New(int64(rapid.IntRange(1, 100).Draw(t, "weight")), -1)})
	}
	if len(gr.Indicators) > 0 {
		bi := rapid.IntRange(1, 10000).Draw(t, "b")
		gr.B = decimal.New(int64(bi), -4)
		gr.A = decimal.New(int64(rapid.IntRange(bi, 10000).Draw(t, "a")), -4)
	}
	gr.MinMonthsActive = rapid.IntRange(0, 12).Draw(t, "minMonthsActive")

	p.ShareOut.CycleMonths = rapid.IntRange(0, 24).Draw(t, "cycleMonths")
	bases := []savings.ShareOutBasis{savings.BySavings, savings.BySavingsTime}
	if sv.Plan.Kind == savings.Shares {
		bases = append(bases, savings.ByShares)
	}
	p.ShareOut.Basis = rapid.SampledFrom(bases).Draw(t, "basis")
	p.ShareOut.KeepSocialFund = rapid.Bool().Draw(t, "keepSocialFund")
	return p
}

// genAnyPolicy is a generated policy or a preset.
func genAnyPolicy(t *rapid.T) policy.Policy {
	switch rapid.IntRange(0, 3).Draw(t, "which") {
	case 0:
		return policy.KermanshahBehzisti()
	case 1:
		return policy.NABARDLinkage()
	case 2:
		return policy.VSLA()
	}
	return genPolicy(t)
}

// genAmount draws a whole multiple of p's rounding unit in p's currency.
func genAmount(t *rapid.T, p policy.Policy, lo, hi int64, label string) shg.Money {
	u := p.Rounding.UnitFor(p.Currency)
	return shg.MustMoney(u.Mul(decimal.NewFromInt(rapid.Int64Range(lo, hi).Draw(t, label))), p.Currency)
}
