package group_test

import (
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/policy"
)

// BenchmarkHoldMeeting_25 records one meeting of 25 members, each present
// and saving; the group is rebuilt (outside the timer) every 200 meetings
// so its size stays realistic.
func BenchmarkHoldMeeting_25(b *testing.B) {
	p := policy.KermanshahBehzisti()
	p.Meetings.Frequency = policy.Weekly
	var g *group.Group
	var on shg.Date
	var m group.Meeting
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if i%200 == 0 {
			b.StopTimer()
			g = constituted(b, p, 25)
			m = meeting(g, shg.Toman(100_000))
			on = sh(1397, 7, 1)
			b.StartTimer()
		}
		on = on.AddDays(7)
		if _, err := g.HoldMeeting(on, m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReplay replays the log of a group of 25 after 3 years of weekly
// meetings (156 meetings of 25 deposits each, 189 events, 3,900 postings);
// it reports events and postings per second.
func BenchmarkReplay(b *testing.B) {
	p := policy.KermanshahBehzisti()
	p.Meetings.Frequency = policy.Weekly
	g := constituted(b, p, 25)
	on := sh(1397, 7, 1)
	for w := 0; w < 156; w++ {
		on = on.AddDays(7)
		if _, err := g.HoldMeeting(on, meeting(g, shg.Toman(100_000))); err != nil {
			b.Fatal(err)
		}
	}
	evs := g.Events()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := group.Replay(p, evs); err != nil {
			b.Fatal(err)
		}
	}
	// A meeting event books every member's deposit: report the postings
	// replayed per second too.
	postings := g.Fund().Len()
	b.ReportMetric(float64(len(evs))*float64(b.N)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(postings)*float64(b.N)/b.Elapsed().Seconds(), "postings/s")
	b.ReportMetric(float64(len(evs)), "events")
}
