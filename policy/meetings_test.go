package policy_test

import (
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/policy"
	"github.com/stretchr/testify/assert"
)

func TestFrequency_Period(t *testing.T) {
	assert.Equal(t, loan.Weeks(1), policy.Weekly.Period())
	assert.Equal(t, loan.Weeks(2), policy.Fortnightly.Period())
	assert.Equal(t, loan.Months(1), policy.Monthly.Period())
	assert.False(t, policy.Frequency(0).Period().IsValid())
}

func TestPolicy_MeetingsExpected(t *testing.T) {
	from := shg.MustDate(shg.SolarHijri, 1397, 6, 1) // Shahrivar 1397, when Sahneh started
	k := policy.KermanshahBehzisti()                 // monthly, Solar Hijri
	// 1 Shahrivar to 1 Esfand 1397: 6 whole months, so 7 meetings.
	assert.Equal(t, 7, k.MeetingsExpected(from, shg.MustDate(shg.SolarHijri, 1397, 12, 1)))
	// The day before: 5 whole months, 6 meetings.
	assert.Equal(t, 6, k.MeetingsExpected(from, shg.MustDate(shg.SolarHijri, 1397, 11, 30)))
	assert.Equal(t, 1, k.MeetingsExpected(from, from))
	assert.Equal(t, 0, k.MeetingsExpected(from, from.AddDays(-1)))
	assert.Equal(t, 0, k.MeetingsExpected(shg.Date{}, from))

	v := policy.VSLA()                                              // weekly
	assert.Equal(t, 11, v.MeetingsExpected(from, from.AddDays(70))) // days 0, 7, ..., 70
	assert.Equal(t, 10, v.MeetingsExpected(from, from.AddDays(69)))
	v.Meetings.Frequency = policy.Fortnightly
	assert.Equal(t, 6, v.MeetingsExpected(from, from.AddDays(70))) // days 0, 14, ..., 70
}

func TestPolicy_Quorum(t *testing.T) {
	k := policy.KermanshahBehzisti()  // 0.6
	assert.Equal(t, 9, k.Quorum(15))  // 0.6 × 15 = 9 exactly
	assert.Equal(t, 10, k.Quorum(16)) // 9.6 rounds up
	assert.Equal(t, 15, k.Quorum(25))
	assert.Equal(t, 0, k.Quorum(0))
	v := policy.VSLA() // 0.5
	assert.Equal(t, 6, v.Quorum(11))
	v.Meetings.Quorum = dec("0")
	assert.Equal(t, 0, v.Quorum(11))
	v.Meetings.Quorum = dec("1")
	assert.Equal(t, 11, v.Quorum(11))
}
