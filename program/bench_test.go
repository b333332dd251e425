package program_test

import (
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/program"
)

// weeklyKermanshah is the Kermanshah preset with weekly meetings: a
// quarter of the monthly savings (25,000 toman) at each meeting.
func weeklyKermanshah() policy.Policy {
	p := policy.KermanshahBehzisti().Clone()
	p.Name += " (weekly meetings)"
	p.Meetings.Frequency = policy.Weekly
	p.Savings.Plan.Amount = shg.Toman(25_000)
	return p
}

// provinceScenario is the hardening issue's province: 320 groups of about
// 20 members in 5 counties, founded over the first 3 months of 1397 and
// simulated for 3 years of weekly meetings with savings, internal loans,
// repayments and three tranches. The counties other than Sahneh are
// illustrative: the article names only Sahneh. The bank's queue is at most
// a month, so that the oldest groups reach the third tranche in 3 years.
func provinceScenario(p policy.Policy) program.Scenario {
	start := shg.MustDate(shg.SolarHijri, 1397, 1, 15)
	b := program.KermanshahBehaviour()
	b.BankQueueMonths = program.IntRange{Min: 0, Max: 1}
	return program.Scenario{
		Program: program.Config{Name: "Kermanshah province", Targets: program.Targets{Groups: 320, Counties: 5},
			IncomeThreshold: shg.Toman(500_000)},
		Policy:         p,
		Start:          start,
		End:            start.AddMonths(36, shg.SolarHijri),
		FoundingMonths: 3,
		Counties: []program.County{
			{Name: "Sahneh", Groups: 64}, {Name: "Harsin", Groups: 64}, {Name: "Kangavar", Groups: 64},
			{Name: "Sonqor", Groups: 64}, {Name: "Dinavar", Groups: 64},
		},
		Behaviour: b,
	}
}

func benchmarkSimulate(b *testing.B, sc program.Scenario) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := program.Simulate(sc, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSimulate_province is the hardening issue's target: 320 groups ×
// ~20 members × 3 years of weekly meetings, in under 2 s of one core.
func BenchmarkSimulate_province(b *testing.B) {
	benchmarkSimulate(b, provinceScenario(weeklyKermanshah()))
}

// BenchmarkSimulate_provinceMonthly is the same province meeting monthly,
// as the Kermanshah preset has it.
func BenchmarkSimulate_provinceMonthly(b *testing.B) {
	benchmarkSimulate(b, provinceScenario(policy.KermanshahBehzisti()))
}

// BenchmarkSimulate_county is one county of 64 groups, weekly, 3 years.
func BenchmarkSimulate_county(b *testing.B) {
	sc := provinceScenario(weeklyKermanshah())
	sc.Counties = sc.Counties[:1]
	benchmarkSimulate(b, sc)
}

// BenchmarkReport_province reports on the simulated province.
func BenchmarkReport_province(b *testing.B) {
	sc := provinceScenario(weeklyKermanshah())
	p, err := program.Simulate(sc, 1)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = p.Report(sc.End)
	}
}

// BenchmarkReport_provincePastDay reports on the simulated province as it
// stood half-way through (18 months in): every group is rebuilt from its
// events up to that day.
func BenchmarkReport_provincePastDay(b *testing.B) {
	sc := provinceScenario(weeklyKermanshah())
	p, err := program.Simulate(sc, 1)
	if err != nil {
		b.Fatal(err)
	}
	on := sc.Start.AddMonths(18, shg.SolarHijri)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = p.Report(on)
	}
}
