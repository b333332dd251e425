package policy_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// unmet returns the codes of the unmet criteria.
func unmet(c policy.Checklist) []string { return c.Unmet().Codes() }

func requireMet(tb testing.TB, c policy.Checklist, code string, met bool) policy.Criterion {
	tb.Helper()
	x, ok := c.Find(code)
	require.True(tb, ok, "no criterion %s in %v", code, c.Codes())
	require.Equal(tb, met, x.Met, "%s: %+v", code, x)
	return x
}

func TestPolicy_CheckEligibility(t *testing.T) {
	p := policy.KermanshahBehzisti()
	ok := policy.ApplicantFacts{Gender: member.Female, AgeYears: 30, Rural: true, CurrentMembers: 24}
	t.Run("OK", func(t *testing.T) {
		c := p.CheckEligibility(ok)
		assert.True(t, c.Passed(), "%+v", c)
		assert.NoError(t, c.Err("group.AdmitMember"))
		// gender, age, rural, room: all four rules of the preset apply.
		assert.Equal(t, []string{"membership.gender", "membership.age", "membership.rural", "membership.max_members"}, c.Codes())
	})
	t.Run("Err26thMember", func(t *testing.T) {
		f := ok
		f.CurrentMembers = 25 // article: at most 25
		c := p.CheckEligibility(f)
		assert.Equal(t, []string{"membership.max_members"}, unmet(c))
		x := requireMet(t, c, "membership.max_members", false)
		assert.Equal(t, "<= 25 members after admission", x.Want)
		assert.Equal(t, "26 members after admission", x.Got)
		err := c.Err("group.AdmitMember")
		assert.True(t, shg.HasCode(err, "membership.max_members"))
	})
	t.Run("ErrGender", func(t *testing.T) {
		f := ok
		f.Gender = member.Male
		assert.Equal(t, []string{"membership.gender"}, unmet(p.CheckEligibility(f)))
	})
	t.Run("ErrAge", func(t *testing.T) {
		f := ok
		f.AgeYears = 14 // preset: 15 and over
		assert.Equal(t, []string{"membership.age"}, unmet(p.CheckEligibility(f)))
		f.AgeYears = 15
		assert.Empty(t, unmet(p.CheckEligibility(f)))
	})
	t.Run("ErrUrban", func(t *testing.T) {
		f := ok
		f.Rural = false
		assert.Equal(t, []string{"membership.rural"}, unmet(p.CheckEligibility(f)))
	})
	t.Run("AnyoneUnderVSLA", func(t *testing.T) {
		c := policy.VSLA().CheckEligibility(policy.ApplicantFacts{Gender: member.Male, AgeYears: 40, CurrentMembers: 3})
		assert.True(t, c.Passed())
		assert.Equal(t, []string{"membership.age", "membership.max_members"}, c.Codes())
	})
}

func formedFacts() policy.GateFacts {
	return policy.GateFacts{
		FacilitatorAssigned: true, OrientationSessions: 3,
		Members: 15, Officers: []member.Role{member.Chair, member.Treasurer, member.Secretary},
		BylawsAdopted: true, BankAccountOpened: true,
	}
}

func TestPolicy_CheckGate(t *testing.T) {
	p := policy.KermanshahBehzisti()
	t.Run("Preparation", func(t *testing.T) {
		c := p.CheckGate(policy.Preparation, policy.GateFacts{OrientationSessions: 2})
		assert.Equal(t, []string{"gate.preparation.facilitator", "gate.preparation.orientation_sessions"}, unmet(c))
		x := requireMet(t, c, "gate.preparation.orientation_sessions", false)
		assert.Equal(t, ">= 3 sessions", x.Want)
		assert.Equal(t, "2 sessions", x.Got)
		assert.True(t, p.CheckGate(policy.Preparation, formedFacts()).Passed())
	})
	t.Run("FormationWith14Members", func(t *testing.T) {
		f := formedFacts()
		f.Members = 14 // article: at least 15
		assert.Equal(t, []string{"gate.formation.min_members"}, unmet(p.CheckGate(policy.Formation, f)))
		f.Members = 15
		assert.True(t, p.CheckGate(policy.Formation, f).Passed())
		f.Members = 26
		assert.Equal(t, []string{"gate.formation.max_members"}, unmet(p.CheckGate(policy.Formation, f)))
	})
	t.Run("FormationMissingOfficersBylawsAccount", func(t *testing.T) {
		f := formedFacts()
		f.Officers = []member.Role{member.Chair}
		f.BylawsAdopted, f.BankAccountOpened = false, false
		c := p.CheckGate(policy.Formation, f)
		assert.Equal(t, []string{"gate.formation.officers", "gate.formation.bylaws", "gate.formation.bank_account"}, unmet(c))
		x := requireMet(t, c, "gate.formation.officers", false)
		assert.Equal(t, "missing treasurer, secretary", x.Got)
	})
	t.Run("VSLAHasNoBankAccountRule", func(t *testing.T) {
		f := formedFacts()
		f.Members = 10
		f.BankAccountOpened = false
		c := policy.VSLA().CheckGate(policy.Formation, f)
		assert.True(t, c.Passed())
		_, has := c.Find("gate.formation.bank_account")
		assert.False(t, has)
	})
	t.Run("Sustainability", func(t *testing.T) {
		f := policy.GateFacts{
			MonthsSinceFormation: 3, MeetingsHeld: 10, MeetingsExpected: 12,
			AttendanceRate: dec("0.8"), SavingsRegularity: dec("0.9"), RepaymentRate: dec("0.95"),
			InternalLoansMade: 1, BooksUpToDate: true,
		}
		c := p.CheckGate(policy.Sustainability, f)
		assert.True(t, c.Passed(), "%+v", c.Unmet())
		// 10 of 12 is 83% >= 80%; 9 of 12 is 75% < 80%.
		f.MeetingsHeld = 9
		f.MonthsSinceFormation = 2
		f.AttendanceRate = dec("0.79")
		f.RepaymentRate = dec("0.9499")
		f.InternalLoansMade = 0
		f.BooksUpToDate = false
		f.SavingsRegularity = dec("0.5")
		assert.Equal(t, []string{
			"gate.sustainability.min_months", "gate.sustainability.meetings_held",
			"gate.sustainability.attendance", "gate.sustainability.savings_regularity",
			"gate.sustainability.internal_lending", "gate.sustainability.repayment",
			"gate.sustainability.books",
		}, unmet(p.CheckGate(policy.Sustainability, f)))
		x := requireMet(t, p.CheckGate(policy.Sustainability, f), "gate.sustainability.attendance", false)
		assert.Equal(t, ">= 80%", x.Want)
		assert.Equal(t, "79%", x.Got)
	})
	t.Run("Dissolved", func(t *testing.T) {
		c := p.CheckGate(policy.Dissolved, formedFacts())
		assert.Equal(t, []string{"gate.no_next_stage"}, unmet(c))
		assert.Equal(t, []string{"gate.no_next_stage"}, unmet(p.CheckGate(policy.Stage(9), formedFacts())))
	})
}

func loanFacts() policy.InternalLoanFacts {
	return policy.InternalLoanFacts{
		Amount:        shg.Toman(2_000_000),
		MemberSavings: shg.Toman(1_000_000),
		FundSavings:   shg.Toman(20_000_000),
		CashAvailable: shg.Toman(5_000_000),
		Installments:  10,
		Stage:         policy.Formation,
	}
}

func TestPolicy_CheckInternalLoan(t *testing.T) {
	p := policy.KermanshahBehzisti() // 2× savings, 20% of the fund, 1-10 installments, grace 7 days
	t.Run("OK", func(t *testing.T) {
		c := p.CheckInternalLoan(loanFacts())
		assert.True(t, c.Passed(), "%+v", c.Unmet())
	})
	t.Run("ErrAboveSavingsMultiple", func(t *testing.T) {
		f := loanFacts()
		f.Amount = shg.Rials(20_000_001) // 2 × 10,000,000 rials + 1
		c := p.CheckInternalLoan(f)
		assert.Equal(t, []string{"lending.max_savings_multiple"}, unmet(c))
		assert.True(t, shg.HasCode(c.Err("group.RequestLoan"), "lending.max_savings_multiple"))
	})
	t.Run("ErrAboveFundShare", func(t *testing.T) {
		f := loanFacts()
		f.FundSavings = shg.Rials(99_999_995) // 20% = 19,999,999 < 20,000,000
		assert.Equal(t, []string{"lending.max_fund_share"}, unmet(p.CheckInternalLoan(f)))
	})
	t.Run("ErrLiquidity", func(t *testing.T) {
		f := loanFacts()
		f.CashAvailable = shg.Rials(19_999_999)
		assert.Equal(t, []string{"lending.liquidity"}, unmet(p.CheckInternalLoan(f)))
	})
	t.Run("ErrTerm", func(t *testing.T) {
		f := loanFacts()
		f.Installments = 11
		assert.Equal(t, []string{"lending.term"}, unmet(p.CheckInternalLoan(f)))
		f.Installments = 0
		assert.Equal(t, []string{"lending.term"}, unmet(p.CheckInternalLoan(f)))
	})
	t.Run("ErrActiveLoanAndArrears", func(t *testing.T) {
		f := loanFacts()
		f.ActiveLoans = 1
		f.DaysPastDue = 8
		assert.Equal(t, []string{"lending.one_active_loan", "lending.no_arrears"}, unmet(p.CheckInternalLoan(f)))
		f.ActiveLoans = 0
		f.DaysPastDue = 7 // within the 7 grace days
		assert.Empty(t, unmet(p.CheckInternalLoan(f)))
	})
	t.Run("ErrStage", func(t *testing.T) {
		f := loanFacts()
		f.Stage = policy.Preparation
		assert.Equal(t, []string{"lending.stage"}, unmet(p.CheckInternalLoan(f)))
		f.Stage = policy.Dissolved
		assert.Equal(t, []string{"lending.stage"}, unmet(p.CheckInternalLoan(f)))
	})
	t.Run("ErrAmount", func(t *testing.T) {
		f := loanFacts()
		f.Amount = shg.Zero(shg.IRR)
		assert.Equal(t, []string{"lending.amount"}, unmet(p.CheckInternalLoan(f)))
		f.Amount = shg.MustParseMoney("100 INR") // another currency is never within an IRR cap
		assert.Equal(t, []string{"lending.amount", "lending.max_savings_multiple", "lending.max_fund_share", "lending.liquidity"}, unmet(p.CheckInternalLoan(f)))
	})
	t.Run("ErrDisabled", func(t *testing.T) {
		q := p.Clone()
		q.Lending.Enabled = false
		assert.Equal(t, []string{"lending.enabled"}, unmet(q.CheckInternalLoan(loanFacts())))
	})
	t.Run("VSLARoundingUnit", func(t *testing.T) {
		v := policy.VSLA() // 3× savings, unit 5 XOF
		f := policy.InternalLoanFacts{
			Amount: shg.MustParseMoney("1502 XOF"), MemberSavings: shg.MustParseMoney("500 XOF"),
			FundSavings: shg.MustParseMoney("10000 XOF"), CashAvailable: shg.MustParseMoney("10000 XOF"),
			Installments: 3, Stage: policy.Formation,
		}
		assert.Equal(t, []string{"lending.amount", "lending.max_savings_multiple"}, unmet(v.CheckInternalLoan(f)))
		f.Amount = shg.MustParseMoney("1500 XOF")
		assert.Empty(t, unmet(v.CheckInternalLoan(f)))
		f.Installments = 4 // at most three months
		assert.Equal(t, []string{"lending.term"}, unmet(v.CheckInternalLoan(f)))
	})
}

func trancheFacts(n int, amounts ...shg.Money) policy.TrancheFacts {
	f := policy.TrancheFacts{
		Number: n, Stage: policy.Sustainability, Mature: true, GroupAgeMonths: 6,
		PreviousReceived: n > 1, PreviousRepaid: decimal.NewFromInt(1), MonthsSinceLast: 12,
		Grade: policy.GradeA, Corpus: shg.Toman(10_000_000), Members: 20,
	}
	for i, a := range amounts {
		f.Requests = append(f.Requests, policy.MemberRequest{Member: shg.MemberID("m-" + string(rune('a'+i))), Amount: a})
	}
	return f
}

func TestPolicy_CheckTranche_Kermanshah(t *testing.T) {
	p := policy.KermanshahBehzisti()
	t.Run("Tranche1At6Months", func(t *testing.T) {
		c := p.CheckTranche(trancheFacts(1, shg.Toman(2_500_000), shg.Toman(1_000_000)))
		assert.True(t, c.Passed(), "%+v", c.Unmet())
	})
	t.Run("ErrTranche1At5Months", func(t *testing.T) {
		f := trancheFacts(1, shg.Toman(2_500_000))
		f.GroupAgeMonths = 5
		assert.Equal(t, []string{"tranche.min_group_age"}, unmet(p.CheckTranche(f)))
	})
	t.Run("ErrNotMature", func(t *testing.T) {
		f := trancheFacts(1, shg.Toman(2_500_000))
		f.Mature = false
		f.Stage = policy.Formation
		assert.Equal(t, []string{"tranche.stage", "tranche.mature"}, unmet(p.CheckTranche(f)))
	})
	t.Run("ErrPerMember2500001Toman", func(t *testing.T) {
		c := p.CheckTranche(trancheFacts(1, shg.Toman(1_000_000), shg.Toman(2_500_001)))
		assert.Equal(t, []string{"tranche.max_per_member"}, unmet(c))
		// One criterion per request; the second names m-b.
		var per []policy.Criterion
		for _, x := range c {
			if x.Code == "tranche.max_per_member" {
				per = append(per, x)
			}
		}
		require.Len(t, per, 2)
		assert.True(t, per[0].Met)
		assert.False(t, per[1].Met)
		assert.Equal(t, "m-b: 25000010 IRR", per[1].Got)
		assert.Equal(t, "<= 25000000 IRR", per[1].Want)
		err := c.Err("group.ApplyForTranche")
		var re *shg.RuleError
		require.True(t, errors.As(err, &re))
		assert.Equal(t, []string{"tranche.max_per_member"}, re.Codes())
	})
	t.Run("Tranche2", func(t *testing.T) {
		f := trancheFacts(2, shg.Toman(3_000_000))
		assert.True(t, p.CheckTranche(f).Passed())
		f.PreviousRepaid = dec("0.92")
		c := p.CheckTranche(f)
		assert.Equal(t, []string{"tranche.previous_repaid"}, unmet(c))
		x := requireMet(t, c, "tranche.previous_repaid", false)
		assert.Equal(t, ">= 100% of tranche 1", x.Want)
		assert.Equal(t, "92%", x.Got)
		f.PreviousReceived = false
		assert.Equal(t, []string{"tranche.previous_received", "tranche.previous_repaid"}, unmet(p.CheckTranche(f)))
		assert.Equal(t, []string{"tranche.max_per_member"}, unmet(p.CheckTranche(trancheFacts(2, shg.Toman(3_000_001)))))
	})
	t.Run("Tranche3", func(t *testing.T) {
		assert.True(t, p.CheckTranche(trancheFacts(3, shg.Toman(5_000_000))).Passed())
		assert.Equal(t, []string{"tranche.max_per_member"}, unmet(p.CheckTranche(trancheFacts(3, shg.Toman(5_000_001)))))
	})
	t.Run("ErrUnknown", func(t *testing.T) {
		for _, n := range []int{0, 4, -1} {
			c := p.CheckTranche(trancheFacts(n, shg.Toman(1)))
			assert.Equal(t, []string{"tranche.unknown"}, c.Codes())
			assert.False(t, c.Passed())
		}
		c := policy.VSLA().CheckTranche(trancheFacts(1, shg.Toman(1)))
		assert.Equal(t, []string{"tranche.unknown"}, unmet(c))
	})
	t.Run("ErrRequests", func(t *testing.T) {
		f := trancheFacts(1)
		assert.Equal(t, []string{"tranche.requests"}, unmet(p.CheckTranche(f)))
		f = trancheFacts(1, shg.Toman(1), shg.Toman(1))
		f.Requests[1].Member = f.Requests[0].Member
		assert.Equal(t, []string{"tranche.requests"}, unmet(p.CheckTranche(f)))
		f = trancheFacts(1, shg.Toman(1), shg.Toman(1))
		f.Members = 1
		assert.Equal(t, []string{"tranche.requests"}, unmet(p.CheckTranche(f)))
	})
}

func TestPolicy_CheckTranche_NABARD(t *testing.T) {
	p := policy.NABARDLinkage()
	inr := func(s string) shg.Money { return shg.MustParseMoney(s + " INR") }
	group := func(n int, corpus string, total string) policy.TrancheFacts {
		f := trancheFacts(n)
		f.Corpus = inr(corpus)
		f.Requests = []policy.MemberRequest{{Member: "shg", Amount: inr(total)}}
		return f
	}
	// Small corpus: 6 × 10,000 = 60,000 is below the Rs 1 lakh floor, so the cap is 1,00,000.
	assert.True(t, p.CheckTranche(group(1, "10000", "100000")).Passed())
	assert.Equal(t, []string{"tranche.corpus_multiple"}, unmet(p.CheckTranche(group(1, "10000", "100001"))))
	// Larger corpus: 6 × 50,000 = 3,00,000.
	assert.True(t, p.CheckTranche(group(1, "50000", "300000")).Passed())
	assert.Equal(t, []string{"tranche.corpus_multiple"}, unmet(p.CheckTranche(group(1, "50000", "300001"))))
	// Second dose: 8 × 50,000 = 4,00,000; floor Rs 2 lakh.
	assert.True(t, p.CheckTranche(group(2, "50000", "400000")).Passed())
	assert.Equal(t, []string{"tranche.corpus_multiple"}, unmet(p.CheckTranche(group(2, "50000", "400001"))))
	assert.True(t, p.CheckTranche(group(2, "10000", "200000")).Passed())
	// Grade C is below the B the circular's grading asks for.
	f := group(1, "50000", "1000")
	f.Grade = policy.GradeC
	assert.Equal(t, []string{"tranche.min_grade"}, unmet(p.CheckTranche(f)))
	f.Grade = policy.GradeB
	assert.True(t, p.CheckTranche(f).Passed())
}

func TestPolicy_Grade(t *testing.T) {
	p := policy.NABARDLinkage() // six indicators, equal weights; A >= 0.85, B >= 0.75
	f := policy.GradeFacts{
		MeetingRegularity: dec("1"), AttendanceRate: dec("0.9"), SavingsRegularity: dec("0.8"),
		FundUtilisation: dec("0.5"), RepaymentRate: dec("1"), BooksUpToDate: true, MonthsActive: 6,
	}
	g := p.Grade(f)
	// (1 + 0.9 + 0.8 + 0.5 + 1 + 1) / 6 = 5.2 / 6 = 0.86666… -> 0.8667
	assert.Equal(t, "0.8667", g.Score.String())
	assert.Equal(t, policy.GradeA, g.Grade)
	require.Len(t, g.Indicators, 6)
	f.BooksUpToDate = false // 4.2 / 6 = 0.7 -> C
	g = p.Grade(f)
	assert.Equal(t, "0.7", g.Score.String())
	assert.Equal(t, policy.GradeC, g.Grade)
	f.FundUtilisation = dec("1.1") // clamped to 1: (1+0.9+0.8+1+1+0)/6 = 4.7/6 = 0.78333 -> B
	g = p.Grade(f)
	assert.Equal(t, "0.7833", g.Score.String())
	assert.Equal(t, policy.GradeB, g.Grade)
	f.MonthsActive = 5
	assert.Equal(t, policy.Ungraded, p.Grade(f).Grade)
	// No indicators (VSLA): always ungraded.
	assert.Equal(t, policy.Ungraded, policy.VSLA().Grade(f).Grade)
}

func TestPolicy_Terms(t *testing.T) {
	p := policy.KermanshahBehzisti()
	start := shg.MustDate(shg.SolarHijri, 1398, 1, 15)
	lt := p.InternalLoanTerms(shg.Toman(1_000_000), 10, start)
	require.NoError(t, lt.Validate())
	assert.Equal(t, 10, lt.Installments)
	assert.Equal(t, shg.SolarHijri, lt.Calendar)
	assert.Equal(t, loan.ServiceFee, lt.Charge)
	assert.Equal(t, loan.Months(1), lt.Every)
	assert.Equal(t, start, lt.Start)
	assert.True(t, lt.AnnualRate.Equal(dec("0.04")))

	tt := p.TrancheTerms(3, shg.Toman(5_000_000), start)
	require.NoError(t, tt.Validate())
	assert.Equal(t, 18, tt.Installments)
	bad := p.TrancheTerms(4, shg.Toman(5_000_000), start)
	assert.True(t, shg.HasCode(bad.Validate(), loan.CodeInstallments))

	for name, q := range presets() {
		for n := 1; n <= len(q.BankLinkage.Tranches); n++ {
			assert.NoError(t, q.TrancheTerms(n, shg.MustMoney(dec("1000"), q.Currency), start).Validate(), "%s %d", name, n)
		}
		assert.NoError(t, q.InternalLoanTerms(shg.MustMoney(dec("1000"), q.Currency), q.Lending.MaxInstallments, start).Validate(), name)
	}
}

func TestChecklist(t *testing.T) {
	var empty policy.Checklist
	assert.True(t, empty.Passed())
	assert.NoError(t, empty.Err("x"))
	assert.Nil(t, empty.Unmet())
	c := policy.Checklist{
		{Code: "a.one", Description: "first", Want: "1", Got: "1", Met: true},
		{Code: "a.two", Description: "second", Want: "2", Got: "3", Met: false},
	}
	assert.False(t, c.Passed())
	err := c.Err("op")
	var re *shg.RuleError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "op", re.Op)
	assert.Equal(t, []shg.Violation{{Code: "a.two", Message: "second", Want: "2", Got: "3"}}, re.Violations)
	assert.ErrorIs(t, err, shg.ErrRuleViolation)
	// Unmet returns a copy.
	u := c.Unmet()
	u[0].Code = "changed"
	assert.Equal(t, "a.two", c[1].Code)
	b, _ := json.Marshal(c[1])
	assert.JSONEq(t, `{"code":"a.two","description":"second","want":"2","got":"3","met":false}`, string(b))
}

func TestStage(t *testing.T) {
	names := map[policy.Stage][2]string{
		policy.Preparation:    {"preparation", "زمینه‌سازی"},
		policy.Formation:      {"formation", "تشکیل"},
		policy.Sustainability: {"sustainability", "پایداری"},
		policy.Dissolved:      {"dissolved", "منحل"},
	}
	for s, n := range names {
		b, err := s.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, n[0], string(b))
		assert.Equal(t, n[1], s.Persian())
		var back policy.Stage
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	assert.Equal(t, policy.Preparation, policy.Stage(0)) // zero value
	next, ok := policy.Preparation.Next()
	assert.True(t, ok)
	assert.Equal(t, policy.Formation, next)
	next, ok = policy.Formation.Next()
	assert.True(t, ok)
	assert.Equal(t, policy.Sustainability, next)
	_, ok = policy.Sustainability.Next()
	assert.False(t, ok)
	_, ok = policy.Dissolved.Next()
	assert.False(t, ok)
	var s policy.Stage
	assert.Error(t, s.UnmarshalText([]byte("Formation")))
	_, err := policy.Stage(7).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "", policy.Stage(7).Persian())
}

func TestGrade_Order(t *testing.T) {
	assert.True(t, policy.Ungraded < policy.GradeC)
	assert.True(t, policy.GradeC < policy.GradeB)
	assert.True(t, policy.GradeB < policy.GradeA)
	for _, g := range []policy.Grade{policy.Ungraded, policy.GradeC, policy.GradeB, policy.GradeA} {
		b, err := g.MarshalText()
		require.NoError(t, err)
		var back policy.Grade
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, g, back)
	}
	var f policy.Frequency
	assert.Error(t, f.UnmarshalText([]byte("")))
	_, err := policy.Frequency(0).MarshalText()
	assert.Error(t, err)
}
