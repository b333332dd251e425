package program_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/program"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// smallScenario is 8 Kermanshah groups in two counties over two years.
func smallScenario() program.Scenario {
	return program.Scenario{
		Program: program.Config{Name: "small", Targets: program.Targets{Groups: 320, Counties: 5},
			IncomeThreshold: shg.Toman(500_000)},
		Policy:         policy.KermanshahBehzisti(),
		Start:          sh(1397, 6, 1),
		End:            sh(1399, 6, 1),
		FoundingMonths: 4,
		Counties:       []program.County{{Name: "Sahneh", Groups: 5, Phase: 3, Facilitators: 2}, {Name: "Harsin", Groups: 3, Phase: 2}},
		Behaviour:      program.KermanshahBehaviour(),
	}
}

func reportJSON(t *testing.T, p *program.Program, on shg.Date) []byte {
	t.Helper()
	b, err := json.Marshal(p.Report(on))
	require.NoError(t, err)
	return b
}

func TestSimulate_deterministic(t *testing.T) {
	sc := smallScenario()
	a, err := program.Simulate(sc, 7)
	require.NoError(t, err)
	b, err := program.Simulate(sc, 7)
	require.NoError(t, err)
	assert.Equal(t, string(reportJSON(t, a, sc.End)), string(reportJSON(t, b, sc.End)), "same seed, same report")
	assert.Equal(t, a.Report(sc.End).Text(program.Persian), b.Report(sc.End).Text(program.Persian))
	for i, e := range a.Entries() {
		ea, err := json.Marshal(e.Group.Events())
		require.NoError(t, err)
		eb, err := json.Marshal(b.Entries()[i].Group.Events())
		require.NoError(t, err)
		require.Equal(t, string(ea), string(eb), "same seed, same events for %s", e.Group.ID())
	}

	c, err := program.Simulate(sc, 8)
	require.NoError(t, err)
	assert.NotEqual(t, string(reportJSON(t, a, sc.End)), string(reportJSON(t, c, sc.End)), "another seed, another history")
}

// TestSimulate_countiesIndependent: a group's history depends on the seed
// and its position only, so adding a county after the others leaves their
// groups as they were.
func TestSimulate_countiesIndependent(t *testing.T) {
	sc := smallScenario()
	a, err := program.Simulate(sc, 3)
	require.NoError(t, err)
	sc.Counties = append(sc.Counties, program.County{Name: "Kangavar", Groups: 2})
	b, err := program.Simulate(sc, 3)
	require.NoError(t, err)
	require.Equal(t, a.Len()+2, b.Len())
	for i, e := range a.Entries() {
		ja, _ := e.Group.MarshalJSON()
		jb, _ := b.Entries()[i].Group.MarshalJSON()
		assert.Equal(t, string(ja), string(jb), "%s", e.Group.ID())
	}
}

// TestSimulate_groups checks every simulated group against the rules it
// was driven under: 15–25 members admitted, books that balance, a log that
// replays to the same group, assignments as the scenario says.
func TestSimulate_groups(t *testing.T) {
	sc := smallScenario()
	p, err := program.Simulate(sc, 11)
	require.NoError(t, err)
	require.Equal(t, 8, p.Len())
	counties := map[string]int{}
	for _, e := range p.Entries() {
		g := e.Group
		counties[e.Assignment.County]++
		assert.NotEmpty(t, e.Assignment.Facilitator)
		n := len(g.Members())
		assert.True(t, n >= 15 && n <= 25, "%s admitted %d members", g.ID(), n)
		assert.Equal(t, policy.Sustainability, g.Stage())
		bs := g.Fund().BalanceSheet()
		assert.True(t, bs.Balanced(), "%s books balance", g.ID())
		assert.False(t, bs.CashBox.IsNegative() || bs.CashBank.IsNegative(), "%s cash", g.ID())
		assert.False(t, g.LastDate().After(sc.End), "%s: nothing after the end", g.ID())

		back, err := group.Replay(g.Policy(), g.Events())
		require.NoError(t, err)
		want, _ := g.MarshalJSON()
		got, _ := back.MarshalJSON()
		require.Equal(t, string(want), string(got), "%s replays", g.ID())
	}
	assert.Equal(t, map[string]int{"Sahneh": 5, "Harsin": 3}, counties)

	r := p.Report(sc.End)
	assert.Equal(t, 8, r.Groups.Formed)
	assert.Positive(t, r.Internal.Loans)
	assert.Positive(t, r.Tranches[0].Received, "two-year-old groups reach the bank")
	assert.Positive(t, r.Income.FollowedUp)
	assert.Equal(t, []program.PhaseRow{
		{Phase: 2, Groups: 3, Formed: 3, Linked: r.Phases[0].Linked},
		{Phase: 3, Groups: 5, Formed: 5, Linked: r.Phases[1].Linked},
	}, r.Phases)
}

// TestSimulate_foundingSpread: group i of n is founded i/n of the way
// through the founding months, and groups due after the end are not founded.
func TestSimulate_foundingSpread(t *testing.T) {
	sc := smallScenario()
	sc.Counties = []program.County{{Name: "Sahneh", Groups: 4}}
	sc.FoundingMonths = 4 // 1 Shahrivar to 1 Dey 1397: 31 + 30 + 30 + 30 = 121 days
	sc.End = sh(1397, 8, 15)
	p, err := program.Simulate(sc, 1)
	require.NoError(t, err)
	// Offsets 121·i/4 rounded down: 0, 30, 60 and 90 days: 1 Shahrivar,
	// 31 Shahrivar, 30 Mehr; the fourth, 30 Aban, is after the end.
	var founded []string
	for _, e := range p.Entries() {
		g := e.Group
		founded = append(founded, g.Charter().Founded.Format(shg.SolarHijri))
		assert.False(t, g.LastDate().After(sc.End), "%s: nothing after the end", g.ID())
	}
	assert.Equal(t, []string{"1397-06-01", "1397-06-31", "1397-07-30"}, founded)
	// The third group, founded 30 Mehr, has had its orientation sessions
	// of 7 and 14 Aban but not the third (21 Aban): still in Preparation.
	third := p.Entries()[2].Group
	assert.Equal(t, policy.Preparation, third.Stage())
	assert.Equal(t, 1, p.Report(sc.End).Groups.ByStage.Preparation)
}

func TestSimulate_weekly(t *testing.T) {
	sc := smallScenario()
	sc.Policy = weeklyKermanshah()
	sc.Counties = sc.Counties[:1]
	sc.Behaviour.Attendance = program.Fixed(decimal.NewFromInt(1)) // every meeting has its quorum
	p, err := program.Simulate(sc, 5)
	require.NoError(t, err)
	for _, e := range p.Entries() {
		ms := e.Group.Meetings()
		founded := e.Group.Charter().Founded
		// Preparation takes 3 weeks and a day, formation 2 more days, the
		// first meeting is a week later (at most 4 days more to avoid the
		// 29th-31st): weekly meetings from founding + 33 days at the latest
		// to the end, every one held.
		assert.GreaterOrEqual(t, ms.Meetings, (sc.End.Sub(founded)-33)/7+1, "%s held %d meetings", e.Group.ID(), ms.Meetings)
		assert.Equal(t, "1", ms.Attendance.String(), "everyone attends")
	}
	assert.Positive(t, p.Report(sc.End).Tranches[0].Received)
}

func TestSimulate_otherPresets(t *testing.T) {
	t.Run("NABARD", func(t *testing.T) {
		inr := func(s string) shg.Money { return shg.MustParseMoney(s + " INR") }
		b := program.KermanshahBehaviour()
		b.GroupSize = program.IntRange{Min: 10, Max: 20}
		b.BaselineIncome = program.MoneyRange{Min: inr("1000"), Max: inr("3000")}
		b.IncomeAfterLoan = program.MoneyRange{Min: inr("3000"), Max: inr("9000")}
		sc := program.Scenario{
			Program: program.Config{Name: "SHG-BLP", IncomeThreshold: inr("5000")},
			Policy:  policy.NABARDLinkage(), Start: shg.MustDate(shg.Gregorian, 2018, 4, 1), End: shg.MustDate(shg.Gregorian, 2020, 4, 1),
			FoundingMonths: 3, Counties: []program.County{{Name: "Ranchi", Groups: 4}}, Behaviour: b,
		}
		p, err := program.Simulate(sc, 1)
		require.NoError(t, err)
		r := p.Report(sc.End)
		assert.Equal(t, "INR", r.Currency)
		for _, e := range p.Entries() {
			assert.True(t, e.Group.Fund().BalanceSheet().Balanced())
			for _, tr := range e.Group.Tranches() {
				assert.Equal(t, policy.BorrowerGroup, tr.Borrower, "the group borrows")
				assert.Len(t, tr.Loans, 1)
			}
		}
	})
	t.Run("VSLA", func(t *testing.T) {
		xof := func(s string) shg.Money { return shg.MustParseMoney(s + " XOF") }
		b := program.KermanshahBehaviour()
		b.BaselineIncome = program.MoneyRange{Min: xof("5000"), Max: xof("20000")}
		b.IncomeAfterLoan = b.BaselineIncome
		sc := program.Scenario{
			Program: program.Config{Name: "VSLAs"},
			Policy:  policy.VSLA(), Start: shg.MustDate(shg.Gregorian, 2023, 1, 2), End: shg.MustDate(shg.Gregorian, 2025, 6, 30),
			Counties: []program.County{{Name: "Maradi", Groups: 3}}, Behaviour: b,
		}
		p, err := program.Simulate(sc, 1)
		require.NoError(t, err)
		for _, e := range p.Entries() {
			f := e.Group.Fund()
			assert.GreaterOrEqual(t, f.Cycle(), 2, "%s shared out at least once", e.Group.ID())
			assert.True(t, f.BalanceSheet().Balanced())
		}
		assert.Empty(t, p.Report(sc.End).Tranches, "VSLAs have no bank linkage")
	})
}

func TestScenario_Validate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		edit   func(*program.Scenario)
		prefix string
	}{
		{"no start", func(s *program.Scenario) { s.Start = shg.Date{} }, "start"},
		{"end before start", func(s *program.Scenario) { s.End = sh(1396, 1, 1) }, "end"},
		{"no counties", func(s *program.Scenario) { s.Counties = nil }, "counties"},
		{"county without name", func(s *program.Scenario) { s.Counties[1].Name = " " }, "counties[1].name"},
		{"negative groups", func(s *program.Scenario) { s.Counties[0].Groups = -1 }, "counties[0].groups"},
		{"too many groups", func(s *program.Scenario) { s.Counties[0].Groups = 200_000 }, "counties"},
		{"negative founding", func(s *program.Scenario) { s.FoundingMonths = -2 }, "foundingMonths"},
		{"group of 26", func(s *program.Scenario) { s.Behaviour.GroupSize.Max = 26 }, "behaviour.groupSize"},
		{"group sizes reversed", func(s *program.Scenario) { s.Behaviour.GroupSize = program.IntRange{Min: 20, Max: 16} }, "behaviour.groupSize"},
		{"attendance above 1", func(s *program.Scenario) { s.Behaviour.Attendance.Max = decimal.RequireFromString("1.1") }, "behaviour.attendance.max"},
		{"compliance reversed", func(s *program.Scenario) {
			s.Behaviour.SavingsCompliance = program.Range{Min: decimal.RequireFromString("0.9"), Max: decimal.RequireFromString("0.5")}
		}, "behaviour.savingsCompliance"},
		{"negative demand", func(s *program.Scenario) { s.Behaviour.LoanDemand = decimal.RequireFromString("-0.1") }, "behaviour.loanDemand"},
		{"queue reversed", func(s *program.Scenario) { s.Behaviour.BankQueueMonths = program.IntRange{Min: 3, Max: 1} }, "behaviour.bankQueueMonths"},
		{"income in dollars", func(s *program.Scenario) {
			s.Behaviour.IncomeAfterLoan.Max = shg.MustParseMoney("100 USD")
		}, "behaviour.incomeAfterLoan.max"},
		{"income reversed", func(s *program.Scenario) {
			s.Behaviour.BaselineIncome = program.MoneyRange{Min: shg.Toman(5), Max: shg.Toman(1)}
		}, "behaviour.baselineIncome"},
		{"bad livelihood", func(s *program.Scenario) { s.Behaviour.Livelihoods[0].Livelihood = 99 }, "behaviour.livelihoods[0].livelihood"},
		{"negative weight", func(s *program.Scenario) { s.Behaviour.Livelihoods[1].Weight = -1 }, "behaviour.livelihoods[1].weight"},
		{"programme in dollars", func(s *program.Scenario) { s.Program.Currency = "USD" }, "program.currency"},
		{"programme without name", func(s *program.Scenario) { s.Program.Name = "" }, "program: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := smallScenario()
			sc.Behaviour.Livelihoods = append([]program.LivelihoodShare(nil), sc.Behaviour.Livelihoods...)
			sc.Counties = append([]program.County(nil), sc.Counties...)
			tc.edit(&sc)
			err := sc.Validate()
			require.Error(t, err)
			var re *shg.RuleError
			require.True(t, errors.As(err, &re), "%v", err)
			found := false
			for _, v := range re.Violations {
				if len(v.Message) >= len(tc.prefix) && v.Message[:len(tc.prefix)] == tc.prefix {
					found = true
				}
			}
			assert.True(t, found, "want a violation at %q in %v", tc.prefix, err)
			if tc.prefix == "program: " {
				assert.Contains(t, re.Codes(), program.CodeConfig, "%v", err)
			} else {
				assert.Contains(t, re.Codes(), program.CodeScenario, "%v", err)
			}

			_, err = program.Simulate(sc, 1)
			assert.Error(t, err, "Simulate refuses what Validate refuses")
		})
	}

	t.Run("invalid policy", func(t *testing.T) {
		sc := smallScenario()
		sc.Policy.Membership.MaxMembers = 10
		err := sc.Validate()
		var ve *policy.ValidationError
		require.True(t, errors.As(err, &ve), "%v", err)
		assert.ErrorIs(t, err, policy.ErrInvalidPolicy)
	})
	t.Run("ok", func(t *testing.T) {
		require.NoError(t, smallScenario().Validate())
	})
}

// checkDueAndPaid recomputes the report's due-to-date, paid-to-date,
// outstanding and loan counts from every loan's installments, in decimals,
// and compares them with the report's.
func checkDueAndPaid(t *testing.T, p *program.Program, on shg.Date) {
	t.Helper()
	r := p.Report(on)
	var due, paid, out [2]decimal.Decimal
	var n [2]int
	for _, e := range p.Entries() {
		for _, l := range e.Group.Loans() {
			k := 0
			if l.IsBank() {
				k = 1
			}
			n[k]++
			out[k] = out[k].Add(l.Account.OutstandingPrincipal().Amount())
			for _, ln := range l.Account.Installments() {
				if ln.Due.After(on) {
					continue
				}
				d := ln.Total.Amount().Sub(ln.Waived.Amount())
				due[k] = due[k].Add(d)
				paid[k] = paid[k].Add(decimal.Min(d, ln.PaidPrincipal.Amount().Add(ln.PaidInterest.Amount()).Add(ln.PaidFee.Amount())))
			}
		}
	}
	for k, lf := range []program.LoanFigures{r.Internal, r.Bank} {
		assert.Equal(t, n[k], lf.Loans)
		assert.True(t, lf.DueToDate.Amount().Equal(due[k]), "due: report %s, recomputed %s", lf.DueToDate, due[k])
		assert.True(t, lf.PaidToDate.Amount().Equal(paid[k]), "paid: report %s, recomputed %s", lf.PaidToDate, paid[k])
		assert.True(t, lf.Outstanding.Amount().Equal(out[k]), "outstanding: report %s, recomputed %s", lf.Outstanding, out[k])
		if due[k].IsPositive() {
			assert.Equal(t, paid[k].DivRound(due[k], 4).String(), lf.RepaymentRate.String())
		}
	}
}

func TestReport_recomputed(t *testing.T) {
	t.Run("Kermanshah", func(t *testing.T) {
		sc := smallScenario()
		p, err := program.Simulate(sc, 2)
		require.NoError(t, err)
		checkDueAndPaid(t, p, sc.End)
		checkDueAndPaid(t, p, sc.End.AddDays(45)) // later: more due, nothing more paid
	})
	t.Run("NABARD", func(t *testing.T) {
		inr := func(s string) shg.Money { return shg.MustParseMoney(s + " INR") }
		b := program.KermanshahBehaviour()
		b.GroupSize = program.IntRange{Min: 10, Max: 20}
		b.BaselineIncome = program.MoneyRange{Min: inr("1000"), Max: inr("3000")}
		b.IncomeAfterLoan = b.BaselineIncome
		sc := program.Scenario{
			Program: program.Config{Name: "SHG-BLP"}, Policy: policy.NABARDLinkage(),
			Start: shg.MustDate(shg.Gregorian, 2018, 4, 1), End: shg.MustDate(shg.Gregorian, 2019, 10, 1),
			Counties: []program.County{{Name: "Ranchi", Groups: 3}}, Behaviour: b,
		}
		p, err := program.Simulate(sc, 4)
		require.NoError(t, err)
		checkDueAndPaid(t, p, sc.End)
	})
}
