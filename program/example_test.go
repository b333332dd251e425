package program_test

import (
	"fmt"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/program"
)

// A programme with one group just founded: it is enrolled but not formed.
func ExampleProgram_Report() {
	prog, err := program.New(program.Config{
		Name: "Kermanshah rural women's SHGs", Currency: shg.IRR,
		Targets: program.Targets{Groups: 320, Counties: 5}, IncomeThreshold: shg.Toman(500_000),
	})
	if err != nil {
		panic(err)
	}
	g, err := group.Found(policy.KermanshahBehzisti(), group.Charter{ID: "SAH-001", Name: "Dinavar women's group",
		County: "Sahneh", Facilitator: "senior facilitator", Founded: shg.MustDate(shg.SolarHijri, 1397, 6, 1)})
	if err != nil {
		panic(err)
	}
	if err := prog.Add(g, program.Assignment{County: "Sahneh", Phase: 3, Organisation: "Tolou Social Work Clinic"}); err != nil {
		panic(err)
	}
	r := prog.Report(shg.MustDate(shg.SolarHijri, 1397, 6, 15))
	fmt.Println("groups:", r.Groups.Total, "formed:", r.Groups.Formed, "in preparation:", r.Groups.ByStage.Preparation)
	fmt.Println("counties:", r.Progress.Counties.Actual, "of", r.Progress.Counties.Target)
	fmt.Println("tranches in the pipeline:", len(r.Tranches))
	// Output:
	// groups: 1 formed: 0 in preparation: 1
	// counties: 1 of 5
	// tranches in the pipeline: 3
}

// A report is as of the end of its day: the day before the group was
// founded, the programme has no group yet.
func ExampleProgram_Report_pastDay() {
	prog, _ := program.New(program.Config{Name: "Kermanshah", Currency: shg.IRR})
	g, _ := group.Found(policy.KermanshahBehzisti(), group.Charter{ID: "SAH-001", Name: "Dinavar women's group",
		County: "Sahneh", Facilitator: "senior facilitator", Founded: shg.MustDate(shg.SolarHijri, 1397, 6, 1)})
	_ = prog.Add(g, program.Assignment{County: "Sahneh"})
	fmt.Println("groups on 31 Mordad 1397:", prog.Report(shg.MustDate(shg.SolarHijri, 1397, 5, 31)).Groups.Total)
	fmt.Println("groups on 1 Shahrivar 1397:", prog.Report(shg.MustDate(shg.SolarHijri, 1397, 6, 1)).Groups.Total)
	// Output:
	// groups on 31 Mordad 1397: 0
	// groups on 1 Shahrivar 1397: 1
}

// A group may be enrolled once, in the programme's currency.
func ExampleProgram_Add_refused() {
	prog, _ := program.New(program.Config{Name: "Kermanshah", Currency: shg.IRR})
	g, _ := group.Found(policy.VSLA(), group.Charter{ID: "V-1", Name: "VSLA", Founded: shg.MustDate(shg.Gregorian, 2024, 1, 1)})
	err := prog.Add(g, program.Assignment{})
	fmt.Println(err)
	// Output:
	// program.Add: program.currency: group keeps its books in another currency (want IRR, got XOF); program.assignment: county is empty (want a county, got "")
}

// Simulate two years of four Kermanshah groups and read the tranche
// pipeline from the report.
func ExampleSimulate() {
	sc := program.Scenario{
		Program:        program.Config{Name: "Sahneh pilot", Targets: program.Targets{Groups: 4, Counties: 1}},
		Policy:         policy.KermanshahBehzisti(),
		Start:          shg.MustDate(shg.SolarHijri, 1397, 6, 1),
		End:            shg.MustDate(shg.SolarHijri, 1399, 6, 1),
		FoundingMonths: 2,
		Counties:       []program.County{{Name: "Sahneh", Groups: 4, Organisation: "Tolou Social Work Clinic"}},
		Behaviour:      program.KermanshahBehaviour(),
	}
	prog, err := program.Simulate(sc, 1397)
	if err != nil {
		panic(err)
	}
	r := prog.Report(sc.End)
	fmt.Println("groups formed:", r.Groups.Formed)
	for _, t := range r.Tranches {
		fmt.Printf("tranche %d: %d received, %d queued\n", t.Number, t.Received, t.Queued)
	}
	// Output:
	// groups formed: 4
	// tranche 1: 4 received, 0 queued
	// tranche 2: 1 received, 3 queued
	// tranche 3: 0 received, 0 queued
}

// The same report in Persian: Persian digits, Solar Hijri dates, toman.
func ExampleReport_Text() {
	prog, _ := program.New(program.Config{Name: "برنامه‌ی تأمین مالی خرد", Currency: shg.IRR, Targets: program.Targets{Groups: 320}})
	r := prog.Report(shg.MustDate(shg.SolarHijri, 1399, 12, 1))
	fmt.Print(r.Text(program.Persian)[:len("برنامه‌ی تأمین مالی خرد — گزارش برنامه\nتاریخ گزارش: ۱ اسفند ۱۳۹۹\n")])
	// Output:
	// برنامه‌ی تأمین مالی خرد — گزارش برنامه
	// تاریخ گزارش: ۱ اسفند ۱۳۹۹
}

func ExampleParseLanguage() {
	l, err := program.ParseLanguage("fa")
	fmt.Println(l, err)
	_, err = program.ParseLanguage("de")
	fmt.Println(err)
	// Output:
	// fa <nil>
	// program: unknown language "de": want en or fa
}
