package policy_test

import (
	"bytes"
	"encoding/json"
	"strconv"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

func TestProperty_GeneratedPoliciesValidateAndRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := genPolicy(t)
		if err := p.Validate(); err != nil {
			t.Fatalf("generated policy invalid: %v", err)
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		q, err := policy.Load(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("load: %v\n%s", err, b)
		}
		if !q.Equal(p) {
			t.Fatalf("round trip differs:\n%s", b)
		}
		b2, _ := json.Marshal(q)
		if !bytes.Equal(b, b2) {
			t.Fatalf("encoding not stable:\n%s\n%s", b, b2)
		}
	})
}

// keyed indexes a checklist by code and occurrence ("tranche.max_per_member#1").
func keyed(c policy.Checklist) map[string]policy.Criterion {
	seen := map[string]int{}
	out := make(map[string]policy.Criterion, len(c))
	for _, x := range c {
		out[x.Code+"#"+strconv.Itoa(seen[x.Code])] = x
		seen[x.Code]++
	}
	return out
}

// neverBecameMet: every unmet criterion of loose is present and unmet in tight.
func neverBecameMet(t *rapid.T, loose, tight policy.Checklist) {
	tk := keyed(tight)
	for k, x := range keyed(loose) {
		if x.Met {
			continue
		}
		y, ok := tk[k]
		if !ok {
			t.Fatalf("%s disappeared when tightening", k)
		}
		if y.Met {
			t.Fatalf("%s became met when tightening: %+v -> %+v", k, x, y)
		}
	}
	if tight.Passed() && !loose.Passed() {
		t.Fatal("tight passes but loose does not")
	}
}

// neverBecameUnmet: every met criterion of before is present and met in after.
func neverBecameUnmet(t *rapid.T, before, after policy.Checklist) {
	ak := keyed(after)
	for k, x := range keyed(before) {
		if !x.Met {
			continue
		}
		y, ok := ak[k]
		if !ok {
			t.Fatalf("%s disappeared when improving the facts", k)
		}
		if !y.Met {
			t.Fatalf("%s became unmet when improving the facts: %+v -> %+v", k, x, y)
		}
	}
	if before.Passed() && !after.Passed() {
		t.Fatal("passed before improving, fails after")
	}
}

// raiseFrac moves d toward 1 by k tenths of the way.
func raiseFrac(t *rapid.T, d decimal.Decimal, label string) decimal.Decimal {
	k := rapid.IntRange(0, 10).Draw(t, label)
	return d.Add(one.Sub(d).Mul(decimal.New(int64(k), -1)))
}

// shrink multiplies a positive amount by a factor in (0, 1]; zero stays zero.
func shrink(t *rapid.T, d decimal.Decimal, label string) decimal.Decimal {
	return d.Mul(decimal.New(int64(rapid.IntRange(1, 10).Draw(t, label)), -1))
}

func shrinkMoney(t *rapid.T, m shg.Money, label string) shg.Money {
	return m.Mul(decimal.New(int64(rapid.IntRange(1, 10).Draw(t, label)), -1))
}

func addMoney(a, b shg.Money) shg.Money {
	s, err := a.Add(b)
	if err != nil {
		panic(err)
	}
	return s
}

func genRoles(t *rapid.T, label string) []member.Role {
	var out []member.Role
	for _, r := range []member.Role{member.Chair, member.Treasurer, member.Secretary, member.Ordinary} {
		if rapid.Bool().Draw(t, label) {
			out = append(out, r)
		}
	}
	return out
}

func addRoles(t *rapid.T, rs []member.Role, label string) []member.Role {
	out := append([]member.Role(nil), rs...)
	for _, r := range []member.Role{member.Chair, member.Treasurer, member.Secretary} {
		if rapid.Bool().Draw(t, label) {
			out = append(out, r)
		}
	}
	return out
}

// ---- gates ----

func genGateFacts(t *rapid.T) policy.GateFacts {
	exp := rapid.IntRange(0, 50).Draw(t, "expected")
	return policy.GateFacts{
		FacilitatorAssigned:  rapid.Bool().Draw(t, "facilitator"),
		OrientationSessions:  rapid.IntRange(0, 10).Draw(t, "sessions"),
		Members:              rapid.IntRange(0, 40).Draw(t, "members"),
		Officers:             genRoles(t, "officer"),
		BylawsAdopted:        rapid.Bool().Draw(t, "bylaws"),
		BankAccountOpened:    rapid.Bool().Draw(t, "account"),
		MonthsSinceFormation: rapid.IntRange(0, 30).Draw(t, "months"),
		MeetingsHeld:         rapid.IntRange(0, exp+2).Draw(t, "held"),
		MeetingsExpected:     exp,
		AttendanceRate:       genFrac(t, "attendance"),
		SavingsRegularity:    genFrac(t, "savingsRegularity"),
		RepaymentRate:        genFrac(t, "repayment"),
		InternalLoansMade:    rapid.IntRange(0, 10).Draw(t, "loans"),
		BooksUpToDate:        rapid.Bool().Draw(t, "books"),
	}
}

func tightenGates(t *rapid.T, p policy.Policy) policy.Policy {
	q := p.Clone()
	q.Stages.Preparation.Facilitator = q.Stages.Preparation.Facilitator || rapid.Bool().Draw(t, "t.facilitator")
	q.Stages.Preparation.MinOrientationSessions += rapid.IntRange(0, 3).Draw(t, "t.sessions")
	q.Membership.MinMembers += rapid.IntRange(0, 3).Draw(t, "t.minMembers")
	q.Membership.MaxMembers -= rapid.IntRange(0, 3).Draw(t, "t.maxMembers")
	for _, r := range addRoles(t, nil, "t.officer") {
		dup := false
		for _, h := range q.Membership.Officers {
			dup = dup || h == r
		}
		if !dup {
			q.Membership.Officers = append(q.Membership.Officers, r)
		}
	}
	q.Stages.Formation.Bylaws = q.Stages.Formation.Bylaws || rapid.Bool().Draw(t, "t.bylaws")
	q.Stages.Formation.BankAccount = q.Stages.Formation.BankAccount || rapid.Bool().Draw(t, "t.account")
	g := &q.Stages.Sustainability
	g.MinMonthsSinceFormation += rapid.IntRange(0, 3).Draw(t, "t.months")
	g.MinMeetingsHeld = raiseFrac(t, g.MinMeetingsHeld, "t.held")
	g.MinAttendance = raiseFrac(t, g.MinAttendance, "t.attendance")
	g.MinSavingsRegularity = raiseFrac(t, g.MinSavingsRegularity, "t.savings")
	g.MinInternalLoans += rapid.IntRange(0, 3).Draw(t, "t.loans")
	g.MinRepaymentRate = raiseFrac(t, g.MinRepaymentRate, "t.repayment")
	g.Books = g.Books || rapid.Bool().Draw(t, "t.books")
	return q
}

func improveGateFacts(t *rapid.T, f policy.GateFacts) policy.GateFacts {
	f.FacilitatorAssigned = f.FacilitatorAssigned || rapid.Bool().Draw(t, "i.facilitator")
	f.OrientationSessions += rapid.IntRange(0, 3).Draw(t, "i.sessions")
	f.Officers = addRoles(t, f.Officers, "i.officer")
	f.BylawsAdopted = f.BylawsAdopted || rapid.Bool().Draw(t, "i.bylaws")
	f.BankAccountOpened = f.BankAccountOpened || rapid.Bool().Draw(t, "i.account")
	f.MonthsSinceFormation += rapid.IntRange(0, 3).Draw(t, "i.months")
	f.MeetingsHeld += rapid.IntRange(0, 3).Draw(t, "i.held")
	f.AttendanceRate = raiseFrac(t, f.AttendanceRate, "i.attendance")
	f.SavingsRegularity = raiseFrac(t, f.SavingsRegularity, "i.savings")
	f.RepaymentRate = raiseFrac(t, f.RepaymentRate, "i.repayment")
	f.InternalLoansMade += rapid.IntRange(0, 3).Draw(t, "i.loans")
	f.BooksUpToDate = f.BooksUpToDate || rapid.Bool().Draw(t, "i.books")
	return f
}

var allStages = []policy.Stage{policy.Preparation, policy.Formation, policy.Sustainability, policy.Dissolved}

func TestProperty_Gates(t *testing.T) {
	t.Run("TighteningNeverMeets", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			p, f := genAnyPolicy(t), genGateFacts(t)
			q := tightenGates(t, p)
			for _, s := range allStages {
				neverBecameMet(t, p.CheckGate(s, f), q.CheckGate(s, f))
			}
		})
	})
	t.Run("ImprovingNeverUnmeets", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			p, f := genAnyPolicy(t), genGateFacts(t)
			g := improveGateFacts(t, f)
			for _, s := range allStages {
				neverBecameUnmet(t, p.CheckGate(s, f), p.CheckGate(s, g))
			}
		})
	})
}

// ---- eligibility ----

func genApplicant(t *rapid.T) policy.ApplicantFacts {
	return policy.ApplicantFacts{
		Gender:         member.Gender(rapid.IntRange(0, 2).Draw(t, "gender")),
		AgeYears:       rapid.IntRange(0, 100).Draw(t, "age"),
		Rural:          rapid.Bool().Draw(t, "rural"),
		CurrentMembers: rapid.IntRange(0, 70).Draw(t, "current"),
	}
}

func TestProperty_Eligibility(t *testing.T) {
	t.Run("TighteningNeverMeets", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			p, f := genAnyPolicy(t), genApplicant(t)
			q := p.Clone()
			m := &q.Membership
			if len(m.Genders) == 0 {
				if rapid.Bool().Draw(t, "t.restrictGender") {
					m.Genders = []member.Gender{rapid.SampledFrom([]member.Gender{member.Female, member.Male}).Draw(t, "t.gender")}
				}
			} else {
				m.Genders = m.Genders[:rapid.IntRange(1, len(m.Genders)).Draw(t, "t.keepGenders")]
			}
			m.MinAge += rapid.IntRange(0, 5).Draw(t, "t.minAge")
			if m.MaxAge == 0 {
				if rapid.Bool().Draw(t, "t.setMaxAge") {
					m.MaxAge = rapid.IntRange(1, 100).Draw(t, "t.maxAge")
				}
			} else {
				m.MaxAge = max(1, m.MaxAge-rapid.IntRange(0, 5).Draw(t, "t.lowerMaxAge"))
			}
			m.RuralOnly = m.RuralOnly || rapid.Bool().Draw(t, "t.rural")
			m.MaxMembers -= rapid.IntRange(0, 5).Draw(t, "t.maxMembers")
			neverBecameMet(t, p.CheckEligibility(f), q.CheckEligibility(f))
		})
	})
	t.Run("ImprovingNeverUnmeets", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			p, f := genAnyPolicy(t), genApplicant(t)
			g := f
			g.Rural = g.Rural || rapid.Bool().Draw(t, "i.rural")
			g.CurrentMembers = max(0, g.CurrentMembers-rapid.IntRange(0, 5).Draw(t, "i.current"))
			neverBecameUnmet(t, p.CheckEligibility(f), p.CheckEligibility(g))
		})
	})
}

// ---- internal lending ----

func genLoanFacts(t *rapid.T, p policy.Policy) policy.InternalLoanFacts {
	return policy.InternalLoanFacts{
		Amount:        genAmount(t, p, 0, 10_000, "amount"),
		MemberSavings: genAmount(t, p, 0, 10_000, "memberSavings"),
		FundSavings:   genAmount(t, p, 0, 100_000, "fundSavings"),
		CashAvailable: genAmount(t, p, 0, 100_000, "cash"),
		Installments:  rapid.IntRange(0, 40).Draw(t, "installments"),
		ActiveLoans:   rapid.IntRange(0, 2).Draw(t, "activeLoans"),
		DaysPastDue:   rapid.IntRange(0, 60).Draw(t, "dpd"),
		Stage:         rapid.SampledFrom(allStages).Draw(t, "stage"),
	}
}

func TestProperty_InternalLoan(t *testing.T) {
	t.Run("TighteningNeverMeets", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			p := genAnyPolicy(t)
			f := genLoanFacts(t, p)
			q := p.Clone()
			l := &q.Lending
			l.Enabled = l.Enabled && rapid.Bool().Draw(t, "t.enabled")
			l.MinStage = min(policy.Sustainability, l.MinStage+policy.Stage(rapid.IntRange(0, 2).Draw(t, "t.minStage")))
			if l.MaxSavingsMultiple.IsPositive() {
				l.MaxSavingsMultiple = shrink(t, l.MaxSavingsMultiple, "t.multiple")
			} else if rapid.Bool().Draw(t, "t.setMultiple") {
				l.MaxSavingsMultiple = decimal.NewFromInt(int64(rapid.IntRange(1, 5).Draw(t, "t.newMultiple")))
			}
			if l.MaxFundShare.IsPositive() {
				l.MaxFundShare = shrink(t, l.MaxFundShare, "t.fundShare")
			} else if rapid.Bool().Draw(t, "t.setFundShare") {
				l.MaxFundShare = decimal.New(int64(rapid.IntRange(1, 10).Draw(t, "t.newFundShare")), -1)
			}
			if l.MaxAmount.IsPositive() {
				l.MaxAmount = shrinkMoney(t, l.MaxAmount, "t.maxAmount")
			} else if rapid.Bool().Draw(t, "t.setMaxAmount") {
				l.MaxAmount = genAmount(t, p, 1, 10_000, "t.newMaxAmount")
			}
			l.MinInstallments += rapid.IntRange(0, 3).Draw(t, "t.minInst")
			l.MaxInstallments -= rapid.IntRange(0, 3).Draw(t, "t.maxInst")
			l.OneActiveLoan = l.OneActiveLoan || rapid.Bool().Draw(t, "t.oneActive")
			l.NoArrears = l.NoArrears || rapid.Bool().Draw(t, "t.noArrears")
			q.Delinquency.GraceDays = max(0, q.Delinquency.GraceDays-rapid.IntRange(0, 10).Draw(t, "t.grace"))
			neverBecameMet(t, p.CheckInternalLoan(f), q.CheckInternalLoan(f))
		})
	})
	t.Run("ImprovingNeverUnmeets", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			p := genAnyPolicy(t)
			f := genLoanFacts(t, p)
			g := f
			// A smaller amount, by whole rounding units, still positive.
			u := p.Rounding.UnitFor(p.Currency)
			if units := f.Amount.Amount().Div(u).IntPart(); units > 1 {
				cut := rapid.Int64Range(0, units-1).Draw(t, "i.cut")
				g.Amount = shg.MustMoney(f.Amount.Amount().Sub(u.Mul(decimal.NewFromInt(cut))), p.Currency)
			}
			g.MemberSavings = addMoney(g.MemberSavings, genAmount(t, p, 0, 1000, "i.savings"))
			g.FundSavings = addMoney(g.FundSavings, genAmount(t, p, 0, 1000, "i.fund"))
			g.CashAvailable = addMoney(g.CashAvailable, genAmount(t, p, 0, 1000, "i.cash"))
			g.ActiveLoans = max(0, g.ActiveLoans-rapid.IntRange(0, 2).Draw(t, "i.active"))
			g.DaysPastDue = max(0, g.DaysPastDue-rapid.IntRange(0, 30).Draw(t, "i.dpd"))
			if g.Stage < policy.Sustainability && rapid.Bool().Draw(t, "i.stage") {
				g.Stage++
			}
			neverBecameUnmet(t, p.CheckInternalLoan(f), p.CheckInternalLoan(g))
		})
	})
}

// ---- tranches ----

func genTrancheFacts(t *rapid.T, p policy.Policy) policy.TrancheFacts {
	f := policy.TrancheFacts{
		Number:           rapid.IntRange(0, len(p.BankLinkage.Tranches)+1).Draw(t, "number"),
		Stage:            rapid.SampledFrom(allStages).Draw(t, "stage"),
		Mature:           rapid.Bool().Draw(t, "mature"),
		GroupAgeMonths:   rapid.IntRange(0, 40).Draw(t, "age"),
		PreviousReceived: rapid.Bool().Draw(t, "previousReceived"),
		PreviousRepaid:   genFrac(t, "previousRepaid"),
		MonthsSinceLast:  rapid.IntRange(0, 24).Draw(t, "sinceLast"),
		Grade:            policy.Grade(rapid.IntRange(0, 3).Draw(t, "grade")),
		Corpus:           genAmount(t, p, 0, 1_000_000, "corpus"),
		Members:          rapid.IntRange(0, 30).Draw(t, "members"),
	}
	n := rapid.IntRange(0, 6).Draw(t, "requests")
	for i := 0; i < n; i++ {
		f.Requests = append(f.Requests, policy.MemberRequest{
			Member: shg.MemberID("m" + strconv.Itoa(rapid.IntRange(0, 8).Draw(t, "member"))),
			Amount: genAmount(t, p, 0, 1_000_000, "request"),
		})
	}
	return f
}

func tightenTranche(t *rapid.T, p policy.Policy, tr policy.Tranche) policy.Tranche {
	tr.RequireMature = tr.RequireMature || rapid.Bool().Draw(t, "t.mature")
	tr.MinGroupAgeMonths += rapid.IntRange(0, 3).Draw(t, "t.age")
	tr.PreviousRepaid = raiseFrac(t, tr.PreviousRepaid, "t.repaid")
	tr.MinMonthsSinceLast += rapid.IntRange(0, 3).Draw(t, "t.wait")
	tr.MinGrade = min(policy.GradeA, tr.MinGrade+policy.Grade(rapid.IntRange(0, 3).Draw(t, "t.grade")))
	if tr.MaxPerMember.IsPositive() {
		tr.MaxPerMember = shrinkMoney(t, tr.MaxPerMember, "t.perMember")
	} else if rapid.Bool().Draw(t, "t.setPerMember") {
		tr.MaxPerMember = genAmount(t, p, 1, 1_000_000, "t.newPerMember")
	}
	if tr.MaxPerGroup.IsPositive() {
		tr.MaxPerGroup = shrinkMoney(t, tr.MaxPerGroup, "t.perGroup")
	} else if rapid.Bool().Draw(t, "t.setPerGroup") {
		tr.MaxPerGroup = genAmount(t, p, 1, 1_000_000, "t.newPerGroup")
	}
	// The corpus cap is max(multiple × corpus, floor): lowering either
	// tightens it; adding a multiple where there is a floor would loosen it.
	switch {
	case tr.CorpusMultiple.IsPositive() || tr.CorpusFloor.IsPositive():
		tr.CorpusMultiple = shrink(t, tr.CorpusMultiple, "t.multiple")
		tr.CorpusFloor = shrinkMoney(t, tr.CorpusFloor, "t.floor")
	case rapid.Bool().Draw(t, "t.setCorpus"):
		tr.CorpusMultiple = decimal.NewFromInt(int64(rapid.IntRange(1, 8).Draw(t, "t.newMultiple")))
	}
	return tr
}

func TestProperty_Tranche(t *testing.T) {
	t.Run("TighteningNeverMeets", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			p := genAnyPolicy(t)
			f := genTrancheFacts(t, p)
			q := p.Clone()
			for i, tr := range q.BankLinkage.Tranches {
				q.BankLinkage.Tranches[i] = tightenTranche(t, p, tr)
			}
			neverBecameMet(t, p.CheckTranche(f), q.CheckTranche(f))
		})
	})
	t.Run("ImprovingNeverUnmeets", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			p := genAnyPolicy(t)
			f := genTrancheFacts(t, p)
			g := f
			if rapid.Bool().Draw(t, "i.stage") {
				g.Stage = policy.Sustainability
			}
			g.Mature = g.Mature || rapid.Bool().Draw(t, "i.mature")
			g.GroupAgeMonths += rapid.IntRange(0, 6).Draw(t, "i.age")
			g.PreviousReceived = g.PreviousReceived || rapid.Bool().Draw(t, "i.received")
			g.PreviousRepaid = raiseFrac(t, g.PreviousRepaid, "i.repaid")
			g.MonthsSinceLast += rapid.IntRange(0, 6).Draw(t, "i.sinceLast")
			g.Grade = min(policy.GradeA, g.Grade+policy.Grade(rapid.IntRange(0, 3).Draw(t, "i.grade")))
			g.Corpus = addMoney(g.Corpus, genAmount(t, p, 0, 100_000, "i.corpus"))
			g.Members += rapid.IntRange(0, 5).Draw(t, "i.members")
			u := p.Rounding.UnitFor(p.Currency)
			g.Requests = append([]policy.MemberRequest(nil), f.Requests...)
			for i, r := range g.Requests {
				if units := r.Amount.Amount().Div(u).IntPart(); units > 1 {
					cut := rapid.Int64Range(0, units-1).Draw(t, "i.cut")
					g.Requests[i].Amount = shg.MustMoney(r.Amount.Amount().Sub(u.Mul(decimal.NewFromInt(cut))), p.Currency)
				}
			}
			neverBecameUnmet(t, p.CheckTranche(f), p.CheckTranche(g))
		})
	})
}

// ---- grading ----

func genGradeFacts(t *rapid.T) policy.GradeFacts {
	return policy.GradeFacts{
		AttendanceRate:    genFrac(t, "attendance"),
		SavingsRegularity: genFrac(t, "savings"),
		RepaymentRate:     genFrac(t, "repayment"),
		MeetingRegularity: genFrac(t, "meetings"),
		FundUtilisation:   genFrac(t, "utilisation"),
		BooksUpToDate:     rapid.Bool().Draw(t, "books"),
		MonthsActive:      rapid.IntRange(0, 24).Draw(t, "months"),
	}
}

func TestProperty_Grade(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p, f := genAnyPolicy(t), genGradeFacts(t)
		before := p.Grade(f)
		if before.Score.IsNegative() || before.Score.GreaterThan(one) {
			t.Fatalf("score %s outside 0..1", before.Score)
		}
		// Improving every indicator never lowers the score or the grade.
		g := f
		g.AttendanceRate = raiseFrac(t, g.AttendanceRate, "i.attendance")
		g.SavingsRegularity = raiseFrac(t, g.SavingsRegularity, "i.savings")
		g.RepaymentRate = raiseFrac(t, g.RepaymentRate, "i.repayment")
		g.MeetingRegularity = raiseFrac(t, g.MeetingRegularity, "i.meetings")
		g.FundUtilisation = raiseFrac(t, g.FundUtilisation, "i.utilisation")
		g.BooksUpToDate = g.BooksUpToDate || rapid.Bool().Draw(t, "i.books")
		g.MonthsActive += rapid.IntRange(0, 6).Draw(t, "i.months")
		after := p.Grade(g)
		if after.Score.LessThan(before.Score) || after.Grade < before.Grade {
			t.Fatalf("improving lowered %s/%s to %s/%s", before.Score, before.Grade, after.Score, after.Grade)
		}
		// Raising the thresholds never raises the grade.
		q := p.Clone()
		q.Grading.A = raiseFrac(t, q.Grading.A, "t.a")
		q.Grading.B = raiseFrac(t, q.Grading.B, "t.b")
		q.Grading.MinMonthsActive += rapid.IntRange(0, 6).Draw(t, "t.months")
		if q.Grade(f).Grade > before.Grade {
			t.Fatalf("tightening raised %s to %s", before.Grade, q.Grade(f).Grade)
		}
	})
}

// ---- checklists ----

func TestProperty_PassedIffAllMet(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var c policy.Checklist
		switch rapid.IntRange(0, 4).Draw(t, "source") {
		case 0:
			n := rapid.IntRange(0, 8).Draw(t, "n")
			for i := 0; i < n; i++ {
				c = append(c, policy.Criterion{Code: "x.c" + strconv.Itoa(i), Met: rapid.Bool().Draw(t, "met")})
			}
		case 1:
			p := genAnyPolicy(t)
			c = p.CheckTranche(genTrancheFacts(t, p))
		case 2:
			p := genAnyPolicy(t)
			c = p.CheckInternalLoan(genLoanFacts(t, p))
		case 3:
			c = genAnyPolicy(t).CheckGate(rapid.SampledFrom(allStages).Draw(t, "stage"), genGateFacts(t))
		case 4:
			c = genAnyPolicy(t).CheckEligibility(genApplicant(t))
		}
		all := true
		var want []string
		for _, x := range c {
			all = all && x.Met
			if !x.Met {
				want = append(want, x.Code)
			}
		}
		if c.Passed() != all {
			t.Fatalf("Passed() = %v, all met = %v", c.Passed(), all)
		}
		if len(c.Unmet()) != len(want) {
			t.Fatalf("Unmet has %d, want %d", len(c.Unmet()), len(want))
		}
		err := c.Err("op")
		if all != (err == nil) {
			t.Fatalf("Err = %v with all met = %v", err, all)
		}
		if err != nil {
			re := err.(*shg.RuleError)
			got := re.Codes()
			if len(got) != len(want) {
				t.Fatalf("codes %v, want %v", got, want)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("codes %v, want %v", got, want)
				}
			}
		}
	})
}
