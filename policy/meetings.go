package policy

import (
	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/shopspring/decimal"
)

// Period returns the interval between meetings as a [loan.Period]: one
// week, two weeks or one month. An unset or invalid frequency returns the
// zero Period, which is not valid.
func (f Frequency) Period() loan.Period {
	switch f {
	case Weekly:
		return loan.Weeks(1)
	case Fortnightly:
		return loan.Weeks(2)
	case Monthly:
		return loan.Months(1)
	}
	return loan.Period{}
}

// MeetingsExpected returns how many meetings the policy's frequency expects
// from the first meeting on from up to and including to: one on from, and
// one more for every whole week, fortnight or calendar month (in the
// policy's calendar) after it. It is 0 when to is before from or either date
// is zero, and for an unset frequency. A caller computing the
// sustainability gate's share of meetings held divides by it.
func (p Policy) MeetingsExpected(from, to shg.Date) int {
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return 0
	}
	switch p.Meetings.Frequency {
	case Weekly:
		return to.Sub(from)/7 + 1
	case Fortnightly:
		return to.Sub(from)/14 + 1
	case Monthly:
		return to.MonthsSince(from, p.Calendar) + 1
	}
	return 0
}

// Quorum returns the least number of members who must be present for a
// meeting of a group of members to decide: the policy's quorum share of the
// members, rounded up. It is 0 without a quorum and never more than members.
func (p Policy) Quorum(members int) int {
	if members <= 0 || !p.Meetings.Quorum.IsPositive() {
		return 0
	}
	n := p.Meetings.Quorum.Mul(decimal.NewFromInt(int64(members))).Ceil().IntPart()
	if n > int64(members) {
		return members
	}
	return int(n)
}
