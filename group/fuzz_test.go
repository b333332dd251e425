package group_test

import (
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/policy"
)

// seedLog is a realistic log: a Kermanshah group to its first tranche.
func seedLog(tb testing.TB) []byte {
	tb.Helper()
	g := linkedReadyTB(tb)
	b, err := group.MarshalEvents(g.Events())
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// FuzzReplay feeds arbitrary bytes to the event decoder and Replay: never a
// panic; a log that replays yields a group whose books balance and whose
// own log replays to the same state.
func FuzzReplay(f *testing.F) {
	f.Add(seedLog(f))
	f.Add([]byte(`[]`))
	f.Add([]byte(`[{"schema":1,"seq":1,"type":"founded","on":"2018-08-23","data":{"charter":{"id":"g","name":"n","founded":"2018-08-23"},"policy":"x"}}]`))
	p := policy.KermanshahBehzisti()
	f.Fuzz(func(t *testing.T, b []byte) {
		evs, err := group.UnmarshalEvents(b)
		if err != nil {
			return
		}
		g, err := group.Replay(p, evs)
		if err != nil {
			return
		}
		fund := g.Fund()
		if !fund.TrialBalance().Balanced() || !fund.BalanceSheet().Balanced() {
			t.Fatal("replayed books do not balance")
		}
		if c := fund.Cash(); c.Box.IsNegative() || c.Bank.IsNegative() {
			t.Fatal("replayed cash is negative")
		}
		r, err := group.Replay(p, g.Events())
		if err != nil {
			t.Fatalf("a replayed group's own log does not replay: %v", err)
		}
		a, _ := g.MarshalJSON()
		c, _ := r.MarshalJSON()
		if string(a) != string(c) {
			t.Fatal("replay is not deterministic")
		}
	})
}

// FuzzEventJSON: an event that decodes encodes back to an equivalent event.
func FuzzEventJSON(f *testing.F) {
	f.Add([]byte(`{"schema":1,"seq":3,"type":"memberExited","on":"2019-01-01","data":{"member":"m1","reason":"moved"}}`))
	f.Add([]byte(`{"schema":1,"seq":2,"type":"meetingHeld","on":"2019-01-01","data":{"meeting":{"present":["m1"],"deposits":[{"member":"m1","amount":{"amount":"10","currency":"IRR"}}]},"expected":1,"onPlan":0}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var e group.Event
		if err := e.UnmarshalJSON(b); err != nil {
			return
		}
		out, err := e.MarshalJSON()
		if err != nil {
			t.Fatalf("decoded event does not encode: %v", err)
		}
		var back group.Event
		if err := back.UnmarshalJSON(out); err != nil {
			t.Fatalf("re-encoded event does not decode: %v\n%s", err, out)
		}
		again, _ := back.MarshalJSON()
		if string(again) != string(out) {
			t.Fatalf("encoding is not stable:\n%s\n%s", out, again)
		}
	})
}

var _ = shg.IRR
