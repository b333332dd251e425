package group_test

import (
	"encoding/json"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReplay(t *testing.T) {
	g := linkedReady(t)
	_, err := g.HoldMeeting(sh(1397, 12, 1), meeting(g, shg.Toman(100_000)))
	require.NoError(t, err)
	_, err = g.ApplyForTranche(sh(1397, 12, 1), 1, []policy.MemberRequest{{Member: mid(1), Amount: shg.Toman(2_500_000)}})
	require.NoError(t, err)
	require.NoError(t, g.RecordIncome(sh(1397, 12, 2), mid(1), shg.Toman(500_000)))
	require.NoError(t, g.Exit(sh(1397, 12, 3), mid(9), "moved away"))
	p := policy.KermanshahBehzisti()

	t.Run("OK", func(t *testing.T) {
		r, err := group.Replay(p, g.Events())
		require.NoError(t, err)
		assert.Equal(t, snapshot(t, g), snapshot(t, r))
	})
	t.Run("JSON", func(t *testing.T) {
		b, err := group.MarshalEvents(g.Events())
		require.NoError(t, err)
		evs, err := group.UnmarshalEvents(b)
		require.NoError(t, err)
		r, err := group.Replay(p, evs)
		require.NoError(t, err)
		assert.Equal(t, snapshot(t, g), snapshot(t, r))
		b2, err := group.MarshalEvents(r.Events())
		require.NoError(t, err)
		assert.JSONEq(t, string(b), string(b2))
	})
	t.Run("EventsIsACopy", func(t *testing.T) {
		evs := g.Events()
		before := snapshot(t, g)
		m := evs[len(evs)-1]
		evs[0] = m
		for i := range evs {
			if mh, ok := evs[i].Data.(group.MeetingHeld); ok && len(mh.Meeting.Present) > 0 {
				mh.Meeting.Present[0] = "intruder"
			}
		}
		r, err := group.Replay(p, g.Events())
		require.NoError(t, err)
		assert.Equal(t, before, snapshot(t, r))
	})
	t.Run("ErrBadLog", func(t *testing.T) {
		evs := g.Events()
		cases := map[string][]group.Event{
			"empty":       nil,
			"no founding": evs[1:],
			"gap":         append(append([]group.Event{}, evs[:3]...), evs[4:]...),
		}
		back := g.Events()
		back[5].On = sh(1390, 1, 1)
		cases["backwards"] = back
		for name, log := range cases {
			_, err := group.Replay(p, log)
			assert.ErrorIs(t, err, group.ErrBadLog, name)
		}
		other := policy.VSLA()
		_, err := group.Replay(other, evs)
		assert.ErrorIs(t, err, group.ErrBadLog, "other policy")
	})
	t.Run("UnknownType", func(t *testing.T) {
		var e group.Event
		err := json.Unmarshal([]byte(`{"schema":1,"seq":1,"type":"teleported","on":"2018-08-23","data":{}}`), &e)
		assert.Error(t, err)
		err = json.Unmarshal([]byte(`{"schema":2,"seq":1,"type":"dissolved","on":"2018-08-23","data":{}}`), &e)
		assert.Error(t, err)
		err = json.Unmarshal([]byte(`{"schema":1,"seq":1,"type":"dissolved","on":"2018-08-23","data":{"reason":"x","extra":1}}`), &e)
		assert.Error(t, err)
	})
}
