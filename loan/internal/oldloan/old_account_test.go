package oldloan

import (
	"github.com/khodyar/shg"
	"github.com/shopspring/decimal"
)

// PenaltyRule is the late-payment penalty of an [Account]. An installment
// still not fully paid (principal, charge) GraceDays days after its due
// date is charged, once, on the next day: Flat plus Rate × the amount of it
// then unpaid, rounded with the loan's rounding. The zero rule charges
// nothing. The penalty is booked on the installment and paid first under
// the default allocation order.
type PenaltyRule struct {
	// GraceDays is how many days after the due date an installment may stay
	// unpaid without penalty; 0 charges it the day after the due date.
	GraceDays int `json:"graceDays"`
	// Flat is a fixed amount per late installment; the zero Money for none.
	Flat shg.Money `json:"flat"`
	// Rate is a fraction of the late installment's unpaid amount: 0.02 is 2%.
	Rate decimal.Decimal `json:"rate"`
}

// IsZero reports whether the rule charges nothing.
func (p PenaltyRule) IsZero() bool { return p.Flat.IsZero() && p.Rate.IsZero() }

// Options configure an [Account] beyond its [Terms]. The zero value is
// Fineract's defaults: allocation penalties, fees, interest, principal; no
// penalty; no ceiling on further tranches.
type Options struct {
	// Order is the repayment allocation order; the zero value means
	// [DefaultAllocationOrder].
	Order AllocationOrder `json:"order"`
	// Penalty is the late-payment penalty; the zero value charges none.
	Penalty PenaltyRule `json:"penalty"`
	// Limit caps the total disbursed over all tranches (the approved
	// amount); the zero Money sets no cap.
	Limit shg.Money `json:"limit"`
}

// order returns the effective allocation order.
func (o Options) order() AllocationOrder {
	if o.Order == (AllocationOrder{}) {
		return DefaultAllocationOrder
	}
	return o.Order
}

// Line is one installment of an [Account]: the scheduled amounts, the
// penalty charged on it, and what has been paid, waived or written off.
type Line struct {
	Installment
	// Penalty is the late-payment penalty charged on this installment.
	Penalty shg.Money `json:"penalty"`
	// PenaltyAssessed reports that the penalty rule has been applied.
	PenaltyAssessed bool      `json:"penaltyAssessed"`
	PaidPrincipal   shg.Money `json:"paidPrincipal"`
	PaidInterest    shg.Money `json:"paidInterest"`
	PaidFee         shg.Money `json:"paidFee"`
	PaidPenalty     shg.Money `json:"paidPenalty"`
	// Waived is charge (interest or fee) that will never be due: the
	// unearned charge of a later installment when the loan was paid off
	// early or written off.
	Waived shg.Money `json:"waived"`
	// WrittenOff is what was due or outstanding on this installment when
	// the loan was written off.
	WrittenOff shg.Money `json:"writtenOff"`
}

// Paid returns the total paid on the line.
func (l Line) Paid() shg.Money {
	return add(add(l.PaidPrincipal, l.PaidInterest), add(l.PaidFee, l.PaidPenalty))
}

// Outstanding returns what is still owed on the line: total plus penalty,
// less paid, waived and written off.
func (l Line) Outstanding() shg.Money {
	return sub(sub(add(l.Total, l.Penalty), l.Paid()), add(l.Waived, l.WrittenOff))
}

// IsSettled reports whether nothing is owed on the line.
func (l Line) IsSettled() bool { return !l.Outstanding().IsPositive() }

// Kind is the kind of a [Transaction].
type Kind uint8

const (
	// KindDisbursement is money lent: the first tranche at Open, and each
	// later tranche.
	KindDisbursement Kind = iota
	// KindRepayment is money repaid, split into its components.
	KindRepayment
	// KindPenalty is a late-payment penalty charged on an installment.
	KindPenalty
	// KindWriteOff is the outstanding amount given up as a loss.
	KindWriteOff
)

// Transaction is one entry of an [Account]'s history, in date order.
type Transaction struct {
	Kind Kind     `json:"kind"`
	On   shg.Date `json:"on"`
	// Amount is the money disbursed or repaid, the penalty charged, or the
	// total written off.
	Amount shg.Money `json:"amount"`
	// Principal, Interest, Fee and Penalty split a repayment or a write-off.
	Principal shg.Money `json:"principal"`
	Interest  shg.Money `json:"interest"`
	Fee       shg.Money `json:"fee"`
	Penalty   shg.Money `json:"penalty"`
	// Waived is the unearned charge of later installments cancelled by a
	// repayment that paid the loan off or by a write-off.
	Waived shg.Money `json:"waived"`
	// Installment is the installment a penalty was charged on; 0 otherwise.
	Installment int `json:"installment,omitempty"`
}

// Allocation says how a repayment was split (or, for [Account.WriteOff],
// what was written off).
type Allocation struct {
	Principal shg.Money `json:"principal"`
	Interest  shg.Money `json:"interest"`
	Fee       shg.Money `json:"fee"`
	Penalty   shg.Money `json:"penalty"`
	// Waived is the unearned charge of later installments cancelled because
	// the loan was paid off (or written off).
	Waived shg.Money `json:"waived"`
	// Closed reports that the repayment settled the loan.
	Closed bool `json:"closed"`
}

// Total returns Principal + Interest + Fee + Penalty.
func (a Allocation) Total() shg.Money {
	return add(add(a.Principal, a.Interest), add(a.Fee, a.Penalty))
}

// Charge returns Interest + Fee.
func (a Allocation) Charge() shg.Money { return add(a.Interest, a.Fee) }

// Bucket is an arrears ageing bucket by days past due.
type Bucket uint8

const (
	// Current: nothing past due. Zero value.
	Current Bucket = iota
	// Days1To30 is 1–30 days past due.
	Days1To30
	// Days31To60 is 31–60 days past due.
	Days31To60
	// Days61To90 is 61–90 days past due.
	Days61To90
	// DaysOver90 is more than 90 days past due.
	DaysOver90
)

// BucketFor returns the ageing bucket of days past due.
func BucketFor(daysPastDue int) Bucket {
	switch {
	case daysPastDue <= 0:
		return Current
	case daysPastDue <= 30:
		return Days1To30
	case daysPastDue <= 60:
		return Days31To60
	case daysPastDue <= 90:
		return Days61To90
	}
	return DaysOver90
}

// Arrears is an [Account]'s overdue position on a date: the input to
// arrears ageing and portfolio-at-risk reports.
type Arrears struct {
	On shg.Date `json:"on"`
	// DaysPastDue counts days from the due date of the oldest installment
	// still unpaid and due before On; 0 when nothing is overdue.
	DaysPastDue int    `json:"daysPastDue"`
	Bucket      Bucket `json:"bucket"`
	// Installments is the number of overdue installments.
	Installments int `json:"installments"`
	// Principal, Interest, Fee and Penalty are the overdue amounts:
	// unpaid on installments due before On.
	Principal shg.Money `json:"principal"`
	Interest  shg.Money `json:"interest"`
	Fee       shg.Money `json:"fee"`
	Penalty   shg.Money `json:"penalty"`
	// OutstandingPrincipal is all principal not yet repaid, overdue or
	// not: the loan's weight in a portfolio-at-risk ratio.
	OutstandingPrincipal shg.Money `json:"outstandingPrincipal"`
}

// Total returns the whole overdue amount.
func (a Arrears) Total() shg.Money {
	return add(add(a.Principal, a.Interest), add(a.Fee, a.Penalty))
}

// AtRisk returns OutstandingPrincipal when the loan is more than days past
// due, else zero: summed over a portfolio and divided by its outstanding
// principal it is PAR<days> (PAR30 with days = 30).
func (a Arrears) AtRisk(days int) shg.Money {
	if a.DaysPastDue > days {
		return a.OutstandingPrincipal
	}
	return shg.Zero(a.OutstandingPrincipal.Currency())
}

// Account is one loan's state: its terms, its installments with what has
// been paid on them, its transactions and its status. It is a value: the
// mutating methods (on *Account) never write into memory another copy
// shares, so a plain copy or [Account.Clone] can be changed and thrown
// away without touching the original, and a method that returns an error
// has changed nothing. The zero Account is not a loan; use [Open].
type Account struct {
	id     shg.LoanID
	terms  Terms
	opts   Options
	status Status
	// lines are shared with copies of the Account and never written
	// through (see cow.go); lines[:head] owe nothing.
	lines     []*line
	head      int
	txns      txnLog
	disbursed shg.Money
	last      shg.Date
}
