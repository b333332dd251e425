package loan

import (
	"github.com/khodyar/shg"
)

// line is how an [Account] keeps one installment: a [Line] in int64 minor
// units (rials, cents) of the loan's currency, without the currency
// repeated in each of its amounts. Every amount an account books is a
// whole number of minor units: the rounding unit is one (Terms.Validate),
// so are repayments (checkAmount) and penalties, which are rounded to the
// rounding unit; and every amount fits an int64, because [Open] and
// [Account.Disburse] refuse a loan whose books could exceed it (see
// booksFit). A line holds no pointer, so the garbage collector never scans
// the schedules that accounts keep. A Line is built from it when one is
// handed out (see public).
type line struct {
	number   int32
	dueOn    shg.Date
	assessed bool
	// the Installment's amounts; its Total is principal + interest + fee
	principal, interest, fee, balance    int64
	penalty                              int64
	paidPrincipal, paidInterest, paidFee int64
	paidPenalty, waived, writtenOff      int64
}

// total returns the installment's Total.
func (l *line) total() int64 { return l.principal + l.interest + l.fee }

// minorMoney returns u minor units in the currency of zero. Zero, the most
// common amount of a line, is zero itself: no amount to build.
func minorMoney(zero shg.Money, u int64) shg.Money {
	if u == 0 {
		return zero
	}
	return zero.WithMinor(u)
}

// public returns the line as a [Line]; zero is zero of the loan's currency.
func (l *line) public(zero shg.Money) Line {
	m := func(u int64) shg.Money { return minorMoney(zero, u) }
	return Line{
		Installment: Installment{Number: int(l.number), Due: l.dueOn, Principal: m(l.principal), Interest: m(l.interest),
			Fee: m(l.fee), Total: m(l.total()), Balance: m(l.balance)},
		Penalty: m(l.penalty), PenaltyAssessed: l.assessed,
		PaidPrincipal: m(l.paidPrincipal), PaidInterest: m(l.paidInterest), PaidFee: m(l.paidFee),
		PaidPenalty: m(l.paidPenalty), Waived: m(l.waived), WrittenOff: m(l.writtenOff),
	}
}

// components returns pointers to the scheduled and paid amounts of
// component c.
func (l *line) components(c Component) (sched, paid *int64) {
	switch c {
	case PenaltyComponent:
		return &l.penalty, &l.paidPenalty
	case FeeComponent:
		return &l.fee, &l.paidFee
	case InterestComponent:
		return &l.interest, &l.paidInterest
	}
	return &l.principal, &l.paidPrincipal
}

// due returns the unpaid amount of component c of the line.
func (l *line) due(c Component) int64 {
	sched, paid := l.components(c)
	return *sched - *paid
}

// owes reports whether component c of the line is unpaid.
func (l *line) owes(c Component) bool {
	sched, paid := l.components(c)
	return *paid < *sched
}

// clear reports whether no component of the line is unpaid.
func (l *line) clear() bool {
	return l.paidPrincipal >= l.principal && l.paidInterest >= l.interest &&
		l.paidFee >= l.fee && l.paidPenalty >= l.penalty
}

// pay pays up to left (> 0) on component c, which must be unpaid, and
// returns the amount paid: all that is unpaid if left covers it.
func (l *line) pay(c Component, left int64) int64 {
	sched, paid := l.components(c)
	d := *sched - *paid
	if left < d {
		*paid += left
		return left
	}
	*paid = *sched
	return d
}

// linesOf returns the lines of an account as Lines of currency cur.
func linesOf(lines []*line, cur string) []Line {
	if len(lines) == 0 {
		return nil
	}
	zero := shg.Zero(cur)
	out := make([]Line, len(lines))
	for i, l := range lines {
		out[i] = l.public(zero)
	}
	return out
}
