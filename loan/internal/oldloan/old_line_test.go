package oldloan

import (
	"github.com/khodyar/shg"
	"github.com/shopspring/decimal"
)

// line is how an [Account] keeps one installment: a [Line] without the
// currency repeated in each of its twelve amounts (every amount of a line
// is in the loan's currency), half the size of a Line, so that the copy a
// repayment makes of the lines it changes and the schedule an account
// holds cost half the memory. A Line is built from it when one is handed
// out (see public).
type line struct {
	number int
	dueOn  shg.Date
	// the Installment's amounts
	principal, interest, fee, total, balance decimal.Decimal
	penalty                                  decimal.Decimal
	paidPrincipal, paidInterest, paidFee     decimal.Decimal
	paidPenalty, waived, writtenOff          decimal.Decimal
	assessed                                 bool
}

// newLine returns the line of a freshly scheduled installment: nothing
// charged or paid on it.
func newLine(in Installment) line {
	return line{number: in.Number, dueOn: in.Due, principal: in.Principal.Amount(), interest: in.Interest.Amount(),
		fee: in.Fee.Amount(), total: in.Total.Amount(), balance: in.Balance.Amount()}
}

// public returns the line as a [Line]; zero is zero of the loan's currency.
func (l *line) public(zero shg.Money) Line {
	m := zero.WithAmount
	return Line{
		Installment: Installment{Number: l.number, Due: l.dueOn, Principal: m(l.principal), Interest: m(l.interest),
			Fee: m(l.fee), Total: m(l.total), Balance: m(l.balance)},
		Penalty: m(l.penalty), PenaltyAssessed: l.assessed,
		PaidPrincipal: m(l.paidPrincipal), PaidInterest: m(l.paidInterest), PaidFee: m(l.paidFee),
		PaidPenalty: m(l.paidPenalty), Waived: m(l.waived), WrittenOff: m(l.writtenOff),
	}
}

// components returns pointers to the scheduled and paid amounts of
// component c.
func (l *line) components(c Component) (sched, paid *decimal.Decimal) {
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
