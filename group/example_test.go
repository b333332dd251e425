package group_test

import (
	"fmt"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
)

// A Kermanshah group from founding to its first monthly meeting.
func ExampleFound() {
	p := policy.KermanshahBehzisti()
	day := func(m, d int) shg.Date { return shg.MustDate(shg.SolarHijri, 1397, m, d) }
	g, err := group.Found(p, group.Charter{ID: "sahneh-001", Name: "Dinavar women", County: "Sahneh",
		Facilitator: "senior facilitator", Founded: day(6, 1)})
	if err != nil {
		panic(err)
	}
	for _, d := range []int{5, 12, 19} {
		_ = g.RecordPreparationSession(day(6, d), "orientation", 15)
	}
	for i := 1; i <= 15; i++ {
		_ = g.Admit(day(6, 20), member.Profile{ID: shg.MemberID(fmt.Sprintf("m%02d", i)), Name: "member",
			BirthDate: shg.MustDate(shg.SolarHijri, 1370, 1, 1), Gender: member.Female, Rural: true})
	}
	fmt.Println(g.Advance(day(6, 21)), g.Stage())

	_ = g.ElectOfficers(day(6, 22), group.Officers{Chair: "m01", Treasurer: "m02", Secretary: "m03"})
	_ = g.AdoptBylaws(day(6, 22), "bylaws v1")
	_ = g.OpenBankAccount(day(6, 22), "Keshavarzi Bank", "0101")
	fmt.Println(g.Advance(day(6, 22)), g.Stage())

	var m group.Meeting
	for _, mem := range g.Members() {
		m.Present = append(m.Present, mem.ID())
		m.Deposits = append(m.Deposits, group.Deposit{Member: mem.ID(), Amount: shg.Toman(100_000)})
	}
	if _, err := g.HoldMeeting(day(7, 1), m); err != nil {
		panic(err)
	}
	fmt.Println(g.Fund().TotalSavings().FormatToman())
	// Output:
	// <nil> formation
	// <nil> sustainability
	// 1,500,000 toman
}

// A refused command names every broken rule and changes nothing.
func ExampleGroup_Advance_refused() {
	p := policy.KermanshahBehzisti()
	g, _ := group.Found(p, group.Charter{ID: "g", Name: "new group", Founded: shg.MustDate(shg.SolarHijri, 1397, 6, 1)})
	err := g.Advance(shg.MustDate(shg.SolarHijri, 1397, 6, 2))
	for _, c := range g.Gate(policy.Preparation, shg.MustDate(shg.SolarHijri, 1397, 6, 2)).Unmet() {
		fmt.Println(c.Code, "want", c.Want, "got", c.Got)
	}
	fmt.Println(shg.HasCode(err, "gate.preparation.facilitator"), g.Len())
	// Output:
	// gate.preparation.facilitator want assigned got not assigned
	// gate.preparation.orientation_sessions want >= 3 sessions got 0 sessions
	// true 1
}

// Store the events; replay them to get the group back.
func ExampleReplay() {
	p := policy.KermanshahBehzisti()
	g, _ := group.Found(p, group.Charter{ID: "g", Name: "group", Facilitator: "f", Founded: shg.MustDate(shg.SolarHijri, 1397, 6, 1)})
	_ = g.RecordPreparationSession(shg.MustDate(shg.SolarHijri, 1397, 6, 5), "orientation", 12)

	stored, _ := group.MarshalEvents(g.Events())
	events, _ := group.UnmarshalEvents(stored)
	r, err := group.Replay(p, events)
	a, _ := g.MarshalJSON()
	b, _ := r.MarshalJSON()
	fmt.Println(err, len(events), string(a) == string(b))
	// Output: <nil> 2 true
}

// The usual meeting: everyone present, everyone saving the plan's amount;
// edit the record for what was different.
func ExampleGroup_FullMeeting() {
	p := policy.KermanshahBehzisti()
	day := func(m, d int) shg.Date { return shg.MustDate(shg.SolarHijri, 1397, m, d) }
	g, _ := group.Found(p, group.Charter{ID: "g", Name: "group", Facilitator: "f", Founded: day(6, 1)})
	for _, d := range []int{2, 3, 4} {
		_ = g.RecordPreparationSession(day(6, d), "orientation", 15)
	}
	for i := 1; i <= 15; i++ {
		_ = g.Admit(day(6, 5), member.Profile{ID: shg.MemberID(fmt.Sprintf("m%02d", i)), Name: "member",
			BirthDate: shg.MustDate(shg.SolarHijri, 1370, 1, 1), Gender: member.Female, Rural: true})
	}
	_ = g.Advance(day(6, 6))

	m := g.FullMeeting(p.Savings.Plan.Amount)
	m.Present = m.Present[1:]                // m01 was away...
	m.Deposits[0].Amount = shg.Toman(50_000) // ...and sent half her savings
	_, err := g.HoldMeeting(day(7, 1), m)
	fmt.Println(err, g.Fund().TotalSavings().FormatToman(), g.Meetings().Attendance)
	// Output: <nil> 1,450,000 toman 0.9333
}
