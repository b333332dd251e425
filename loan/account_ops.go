package loan

import (
	"encoding/json"
	"math"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/khodyar/shg"
	"github.com/shopspring/decimal"
)

// Open opens loan id on terms and disburses terms.Principal on terms.Start
// as its first tranche; the account is [Active] with the schedule of
// [NewSchedule]. It refuses, with a [*shg.RuleError] listing every problem,
// an invalid id ("loan.id"), invalid terms (see [Terms.Validate]), an
// allocation order that does not name each component once
// ("loan.allocation_order"), a negative or foreign-currency penalty
// ("loan.penalty") or limit ("loan.limit"), a first tranche above the
// limit ("loan.limit_exceeded"), and a loan too large for the account's
// int64 books of minor units ("loan.amount_too_large": its amounts, with
// the penalties its rule could charge, above 2^63−1 minor units).
func Open(id shg.LoanID, terms Terms, opts Options) (Account, error) {
	const op = "loan.Open"
	var vs []shg.Violation
	if err := shg.ValidateID(id); err != nil {
		vs = append(vs, shg.Violation{Code: CodeID, Message: "loan id must be 1-64 printable characters without spaces",
			Want: "an id", Got: strconv.Quote(string(id)), Err: shg.ErrInvalidID})
	}
	vs = append(vs, terms.violations()...)
	cur := terms.Principal.Currency()
	vs = append(vs, opts.violations(cur)...)
	if len(vs) == 0 && opts.Limit.IsPositive() && terms.Principal.GreaterThan(opts.Limit) {
		vs = append(vs, shg.Violation{Code: CodeLimitExceeded, Message: "disbursement exceeds the approved limit",
			Want: "<= " + opts.Limit.String(), Got: terms.Principal.String()})
	}
	if len(vs) > 0 {
		return Account{}, shg.NewRuleError(op, vs...)
	}
	digits, _ := shg.MinorDigits(cur)
	lines := make([]line, 0, terms.Installments)
	fits := true
	refused := terms.build(minorOf(terms.Principal, digits), terms.Installments, terms.PrincipalGrace, 0, nil, nil,
		func(number int, due shg.Date, p, c, bal *big.Int) {
			l, ok := newLine(number, due, p, c, bal, terms.Charge)
			fits = fits && ok
			lines = append(lines, l)
		})
	if len(refused) > 0 {
		return Account{}, shg.NewRuleError(op, refused...)
	}
	ps := linePointers(lines)
	principal, ok := terms.Principal.MinorUnits()
	if !fits || !ok || !booksFit(ps, terms, opts.Penalty) {
		return Account{}, shg.NewRuleError(op, tooLarge(terms.Principal))
	}
	opts.Order = opts.order()
	a := Account{id: id, terms: terms, opts: opts, status: Active, lines: ps,
		disbursed: terms.Principal, last: terms.Start}
	a.txns = txnLog{flat: []txn{{kind: KindDisbursement, on: terms.Start, amount: principal}}}
	return a, nil
}

// newLine returns the line of a freshly scheduled installment (see
// Terms.build), nothing charged or paid on it, and whether its amounts fit
// an int64.
func newLine(number int, due shg.Date, p, c, bal *big.Int, kind ChargeKind) (line, bool) {
	if !p.IsInt64() || !c.IsInt64() || !bal.IsInt64() {
		return line{}, false
	}
	l := line{number: int32(number), dueOn: due, principal: p.Int64(), balance: bal.Int64()}
	if kind == ServiceFee {
		l.fee = c.Int64()
	} else {
		l.interest = c.Int64()
	}
	// Total = principal + charge must fit too.
	return l, l.principal <= math.MaxInt64-c.Int64()
}

// booksFit reports whether everything an account with lines, terms and
// penalty rule can ever owe fits an int64 of minor units: the totals of
// the lines, the penalties already charged and those the rule may yet
// charge, each at most Flat + ⌈Rate⌉ × the line's total (Rate <= 100)
// plus one rounding unit. Every amount the account books — a line's amount, a
// repayment (at most the payoff), an allocation, a sum over the lines — is
// a part of that, so int64 arithmetic on the books never overflows; [Open]
// and [Account.Disburse] refuse a loan that would not fit
// ("loan.amount_too_large"): 9.2 × 10^18 minor units, far beyond any loan.
func booksFit(lines []*line, terms Terms, rule PenaltyRule) bool {
	var perLine uint64 // Flat plus one rounding unit, per line
	// Rate × a line's total is at most ⌈Rate⌉ × the total; ⌈Rate⌉ is at
	// most 100 (the rule is validated first).
	var rate uint64
	if rule.Rate.IsPositive() {
		rate = ceilSmall(rule.Rate)
	}
	if !rule.IsZero() {
		digits, _ := shg.MinorDigits(terms.Principal.Currency())
		flat, ok := rule.Flat.MinorUnits()
		if !ok { // finer than the minor unit, or too large: its ceiling
			c := rule.Flat.Amount().Shift(digits).Ceil().BigInt()
			if !c.IsInt64() {
				return false
			}
			flat = c.Int64()
		}
		// The unit is a whole number of minor units (Terms.Validate).
		unit, ok := minorInt64(terms.Rounding.UnitFor(terms.Principal.Currency()), digits)
		if !ok || flat < 0 || unit < 0 {
			return false
		}
		perLine = uint64(flat) + uint64(unit) // each < 2^63: no overflow
	}
	var sum uint64
	add := func(x uint64) bool {
		// sum and x are at most MaxInt64 each: no uint64 overflow.
		sum += x
		return sum <= math.MaxInt64 && x <= math.MaxInt64
	}
	for _, l := range lines {
		t := uint64(l.principal) + uint64(l.interest) + uint64(l.fee) // each < 2^63: no overflow
		if !add(t) || !add(uint64(l.penalty)) || !add(perLine) {
			return false
		}
		if rate > 0 {
			hi, lo := bits.Mul64(t, rate)
			if hi != 0 || !add(lo) {
				return false
			}
		}
	}
	return true
}

// ceilSmall returns ⌈d⌉ for a validated penalty rate, 0 < d <= 100: from
// its coefficient when that is an int64 of at most 18 digits (no
// allocation), else through decimal.
func ceilSmall(d decimal.Decimal) uint64 {
	if d.NumDigits() <= 18 {
		c, e := d.CoefficientInt64(), d.Exponent()
		switch {
		case e >= 0 && e <= 2: // d <= 100: at most 10^2 × c with c <= 100
			return uint64(c) * uint64(pow10Int(int(e)))
		case e < 0 && e >= -18:
			p := pow10Int(int(-e))
			q := uint64(c / p)
			if c%p != 0 {
				q++
			}
			return q
		}
	}
	return uint64(d.Ceil().IntPart())
}

func pow10Int(n int) int64 {
	p := int64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// tooLarge is the violation of a loan too large for its books (see
// booksFit); got is the principal or the tranche.
func tooLarge(got shg.Money) shg.Violation {
	return shg.Violation{Code: CodeAmountTooLarge,
		Message: "the loan's amounts, penalties included, would exceed 9223372036854775807 minor units",
		Want:    "at most 9223372036854775807 minor units owed", Got: got.String()}
}

func (o Options) violations(cur string) []shg.Violation {
	var vs []shg.Violation
	if o.Order != (AllocationOrder{}) && !o.Order.IsValid() {
		vs = append(vs, shg.Violation{Code: CodeAllocationOrder, Message: "allocation order must name penalty, fee, interest and principal once each",
			Want: "a permutation of the four components", Got: orderString(o.Order)})
	}
	p := o.Penalty
	if p.GraceDays < 0 {
		vs = append(vs, shg.Violation{Code: CodePenalty, Message: "penalty grace days must not be negative",
			Want: ">= 0", Got: strconv.Itoa(p.GraceDays)})
	}
	if p.Flat.IsNegative() || (!p.Flat.IsZero() && p.Flat.Currency() != cur) {
		vs = append(vs, shg.Violation{Code: CodePenalty, Message: "flat penalty must be a non-negative amount in the loan's currency",
			Want: ">= 0 " + cur, Got: p.Flat.String()})
	}
	if p.Rate.IsNegative() || !tame(p.Rate) || above100(p.Rate) {
		vs = append(vs, shg.Violation{Code: CodePenalty, Message: "penalty rate must be 0..100 with at most 30 decimal places",
			Want: "0..100", Got: p.Rate.String()})
	}
	if p.GraceDays > 36500 {
		vs = append(vs, shg.Violation{Code: CodePenalty, Message: "penalty grace days must be at most 36500",
			Want: "<= 36500", Got: strconv.Itoa(p.GraceDays)})
	}
	if o.Limit.IsNegative() || (!o.Limit.IsZero() && o.Limit.Currency() != cur) {
		vs = append(vs, shg.Violation{Code: CodeLimit, Message: "limit must be a non-negative amount in the loan's currency",
			Want: ">= 0 " + cur, Got: o.Limit.String()})
	}
	return vs
}

func orderString(o AllocationOrder) string {
	s := ""
	for i, c := range o {
		if i > 0 {
			s += ","
		}
		s += c.String()
	}
	return s
}

// allocation returns the Allocation of split (by component) and waived, in
// the currency of zero.
func allocation(zero shg.Money, split *[4]int64, waived int64) Allocation {
	return Allocation{Principal: minorMoney(zero, split[PrincipalComponent]), Interest: minorMoney(zero, split[InterestComponent]),
		Fee: minorMoney(zero, split[FeeComponent]), Penalty: minorMoney(zero, split[PenaltyComponent]), Waived: minorMoney(zero, waived)}
}

// ID returns the loan's id.
func (a Account) ID() shg.LoanID { return a.id }

// Terms returns the terms the loan was opened on (Principal is the first
// tranche; see [Account.Disbursed] for the total lent).
func (a Account) Terms() Terms { return a.terms }

// Options returns the options the loan was opened with.
func (a Account) Options() Options { return a.opts }

// Status returns the loan's status.
func (a Account) Status() Status { return a.status }

// Currency returns the loan's currency.
func (a Account) Currency() string { return a.terms.Principal.Currency() }

// Disbursed returns the total lent over all tranches.
func (a Account) Disbursed() shg.Money { return a.disbursed }

// LastDate returns the date of the last transaction; later operations may
// not be dated before it.
func (a Account) LastDate() shg.Date { return a.last }

// Len returns the number of installments.
func (a Account) Len() int { return len(a.lines) }

// Installment returns installment n (1-based) with what has been paid on
// it, without copying the others: the cheap way to walk a schedule.
func (a Account) Installment(n int) (Line, bool) {
	if n < 1 || n > len(a.lines) {
		return Line{}, false
	}
	return a.lines[n-1].public(shg.Zero(a.Currency())), true
}

// Installments returns a copy of the loan's installments with what has
// been paid on them.
func (a Account) Installments() []Line { return linesOf(a.lines, a.Currency()) }

// Transactions returns a copy of the loan's history, in date order.
func (a Account) Transactions() []Transaction { return a.txns.slice(shg.Zero(a.Currency())) }

// OutstandingPrincipal returns the principal lent and not yet repaid; zero
// once the loan is closed or written off.
func (a Account) OutstandingPrincipal() shg.Money {
	t := shg.Zero(a.Currency())
	if a.status != Active {
		return t
	}
	var d int64
	for _, l := range a.lines[a.head:] {
		d += l.due(PrincipalComponent)
	}
	return t.WithMinor(d)
}

// Clone returns a deep copy of a. (A plain copy is already safe to change
// through the methods of this package, which never write into shared
// memory; Clone also detaches the copy's memory.)
func (a Account) Clone() Account {
	lines := make([]line, len(a.lines))
	for i, l := range a.lines {
		lines[i] = *l
	}
	a.lines = linePointers(lines)
	a.txns = a.txns.clone()
	return a
}

// current returns the index of the first installment due after on
// (len(lines) if none).
func (a *Account) current(on shg.Date) int {
	// Due dates never decrease: binary search.
	lo, hi := 0, len(a.lines)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if a.lines[m].dueOn.After(on) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// earned reports whether the charge of installment i is owed on date on:
// it fell due on or before on, or it is the current installment (cur, see
// current) and its period has begun (on is after the previous due date, or
// after Start for the first). The charge of a later installment is not
// earned yet: a repayment pays only its principal, and paying the loan off
// waives it.
func (a *Account) earned(i, cur int, on shg.Date) bool {
	if i < cur {
		return true
	}
	if i > cur {
		return false
	}
	start := a.terms.Start
	if i > 0 {
		start = a.lines[i-1].dueOn
	}
	return on.After(start)
}

// asOf returns the account with the penalties falling due by on charged,
// for queries: a itself when there is nothing to charge (its lines are then
// only read), else a working copy.
func (a Account) asOf(on shg.Date) Account {
	if a.opts.Penalty.IsZero() || a.status != Active {
		return a
	}
	d := a.draft()
	d.assess(on)
	return d.Account
}

// assess charges the penalty of every installment whose penalty date (due
// date + GraceDays + 1) is on or before on and that is then still unpaid.
// Transactions come in date order and each assesses first, so an
// installment is assessed against the payments dated before its penalty
// date. Lines before head owe nothing and are never charged.
func (d *draft) assess(on shg.Date) {
	rule := d.opts.Penalty
	if rule.IsZero() || d.status != Active {
		return
	}
	cur := d.Currency()
	digits, _ := shg.MinorDigits(cur)
	var (
		rd   rounder
		rdOK bool
	)
	for i := d.head; i < len(d.lines); i++ {
		l := d.lines[i]
		when := l.dueOn.AddDays(rule.GraceDays + 1)
		if when.After(on) {
			break // lines are in due-date order
		}
		if l.assessed {
			continue
		}
		base := l.due(PrincipalComponent) + l.due(InterestComponent) + l.due(FeeComponent)
		if base <= 0 {
			continue
		}
		l = d.line(i)
		l.assessed = true
		if !rdOK {
			rd, rdOK = rounder{mode: d.terms.Rounding.Mode, unit: d.terms.Rounding.UnitFor(cur)}, true
		}
		// Penalties are rare: decimal arithmetic, as the rule is written.
		p := rd.round(rule.Flat.Amount().Add(rule.Rate.Mul(decimal.New(base, -digits))))
		if !p.IsPositive() {
			continue
		}
		// A multiple of the rounding unit, hence whole minor units, and
		// within the books (see booksFit).
		pu := p.Shift(digits).IntPart()
		l.penalty += pu
		d.txns.add(txn{kind: KindPenalty, on: when, installment: l.number, amount: pu, penalty: pu})
	}
}

// payoff returns what settles the loan on date on: everything unpaid on
// installments whose charge is earned, and the unpaid principal of the
// rest. a must have been assessed to on.
func (a *Account) payoff(on shg.Date) shg.Money {
	cur := a.current(on)
	var t int64
	for i := a.head; i < len(a.lines); i++ {
		l := a.lines[i]
		t += l.due(PrincipalComponent)
		if a.earned(i, cur, on) {
			t += l.due(PenaltyComponent) + l.due(FeeComponent) + l.due(InterestComponent)
		}
	}
	return shg.Zero(a.Currency()).WithMinor(t)
}

// settled reports whether nothing of what settles the loan on date on is
// left unpaid (see payoff); cur is current(on). a must have been assessed
// to on.
func (a *Account) settled(cur int, on shg.Date) bool {
	for i := a.head; i < len(a.lines); i++ {
		l := a.lines[i]
		if l.owes(PrincipalComponent) {
			return false
		}
		if a.earned(i, cur, on) && (l.owes(InterestComponent) || l.owes(FeeComponent) || l.owes(PenaltyComponent)) {
			return false
		}
	}
	return true
}

// checkOp appends the violations of a dated operation on an account that
// must be active.
func (a *Account) checkOp(on shg.Date, vs []shg.Violation) []shg.Violation {
	switch {
	case a.id == "":
		return append(vs, shg.Violation{Code: CodeNotOpen, Message: "the account was not opened", Want: "an account from loan.Open", Got: "the zero Account"})
	case a.status == Closed:
		vs = append(vs, shg.Violation{Code: CodeClosed, Message: "the loan is closed", Want: "active", Got: "closed"})
	case a.status == WrittenOff:
		vs = append(vs, shg.Violation{Code: CodeWrittenOff, Message: "the loan is written off", Want: "active", Got: "writtenOff"})
	}
	return a.checkDate(on, vs)
}

func (a *Account) checkDate(on shg.Date, vs []shg.Violation) []shg.Violation {
	switch {
	case on.Before(a.terms.Start):
		vs = append(vs, shg.Violation{Code: CodeDateBeforeDisbursement, Message: "date is before the disbursement",
			Want: ">= " + a.terms.Start.String(), Got: on.String()})
	case on.Before(a.last):
		vs = append(vs, shg.Violation{Code: CodeDateBeforeLastTransaction, Message: "date is before the last transaction",
			Want: ">= " + a.last.String(), Got: on.String()})
	}
	return vs
}

// checkAmount appends the violations of an amount paid or lent.
func (a *Account) checkAmount(amount shg.Money, vs []shg.Violation) []shg.Violation {
	cur := a.Currency()
	if amount.Currency() != cur {
		vs = append(vs, shg.Violation{Code: CodeCurrency, Message: "amount is not in the loan's currency",
			Want: cur, Got: strconv.Quote(amount.Currency()), Err: shg.ErrCurrencyMismatch})
	}
	if !amount.IsPositive() {
		vs = append(vs, shg.Violation{Code: CodeAmountNotPositive, Message: "amount must be positive", Want: "> 0", Got: amount.String()})
	} else if !amount.IsRounded(shg.Rounding{}) {
		vs = append(vs, shg.Violation{Code: CodeAmountUnit, Message: "amount must be a whole number of the currency's minor units",
			Want: "a multiple of " + shg.Rounding{}.UnitFor(cur).String(), Got: amount.String()})
	}
	return vs
}

// Repay records a repayment of amount on date on and returns how it was
// split. The payment goes to the installments oldest first; within an
// installment, to its components in the allocation order (default:
// penalties, fees, interest, principal) before the next installment is
// touched. On an installment whose charge is not earned yet (due after the
// current one), only principal is paid. When the payment equals
// [Account.Payoff] the loan closes and the unearned charge of later
// installments is waived (Allocation.Waived). Penalties falling due by on
// are charged first (see [PenaltyRule]).
//
// It refuses, changing nothing: a loan not active ("loan.closed",
// "loan.written_off", "loan.not_open"), a non-positive amount
// ("loan.amount_not_positive"), an amount in another currency
// ("loan.currency") or not in whole minor units ("loan.amount_unit"), a date
// before the disbursement or the last transaction
// ("loan.date_before_disbursement", "loan.date_before_last_transaction"),
// and more than the payoff amount ("loan.overpayment").
func (a *Account) Repay(on shg.Date, amount shg.Money) (Allocation, error) {
	const op = "loan.Account.Repay"
	vs := a.checkOp(on, nil)
	if a.id != "" {
		vs = a.checkAmount(amount, vs)
	}
	if len(vs) > 0 {
		return Allocation{}, shg.NewRuleError(op, vs...)
	}
	w := a.draft()
	w.assess(on)
	cur := w.current(on)
	order := w.opts.order()
	// An amount beyond the int64 range is more than the books can ever
	// owe (see booksFit): it pays everything and is refused as an
	// overpayment.
	amt, fits := amount.MinorUnits()
	if !fits {
		amt = math.MaxInt64
	}
	// The payment covers, line by line, exactly what payoff adds up, so
	// the loan is overpaid if money is left over, and settled if nothing
	// of that remains unpaid.
	var split [4]int64 // by Component
	left := amt
	for i := w.head; i < len(w.lines) && left > 0; i++ {
		earned := w.earned(i, cur, on)
		var l *line // the draft's own copy, once it is paid on
		for _, c := range order {
			if (!earned && c != PrincipalComponent) || !w.lines[i].owes(c) {
				continue
			}
			if l == nil {
				l = w.line(i)
			}
			x := l.pay(c, left)
			split[c] += x
			if left -= x; left == 0 {
				break
			}
		}
	}
	zero := shg.Zero(w.Currency())
	if left > 0 || !fits { // what was paid is all that settles the loan
		po := zero.WithMinor(amt - left)
		return Allocation{}, shg.NewRuleError(op, shg.Violation{Code: CodeOverpayment,
			Message: "repayment exceeds what settles the loan", Want: "<= " + po.String(), Got: amount.String()})
	}
	w.advance()
	var waived int64
	closed := w.settled(cur, on)
	if closed { // everything owed is paid: the loan is settled
		for i := cur; i < len(w.lines); i++ {
			if w.earned(i, cur, on) {
				continue
			}
			l := w.lines[i]
			x := l.due(InterestComponent) + l.due(FeeComponent)
			if x <= 0 {
				continue
			}
			l = w.line(i)
			l.waived += x
			waived += x
		}
		w.status = Closed
	}
	al := allocation(zero, &split, waived)
	al.Closed = closed
	w.txns.add(txn{kind: KindRepayment, on: on, amount: amt, principal: split[PrincipalComponent],
		interest: split[InterestComponent], fee: split[FeeComponent], penalty: split[PenaltyComponent], waived: waived})
	w.last = on
	*a = w.Account
	return al, nil
}

// Payoff returns the amount that settles the loan on date on (the
// foreclosure amount): every unpaid penalty, the unpaid charge of the
// installments due by on and of the current one if its period has begun,
// and all unpaid principal; the charge of later installments is not owed.
// It is zero for a loan that is not active, and refused for a date before
// the disbursement or the last transaction.
func (a Account) Payoff(on shg.Date) (shg.Money, error) {
	if vs := a.checkDate(on, nil); len(vs) > 0 {
		return shg.Money{}, shg.NewRuleError("loan.Account.Payoff", vs...)
	}
	if a.status != Active || a.id == "" {
		return shg.Zero(a.Currency()), nil
	}
	w := a.asOf(on)
	return w.payoff(on), nil
}

// Due returns what is owed on installments due on or before on, penalties
// included: what the borrower pays to be up to date. It is zero for a loan
// that is not active.
func (a Account) Due(on shg.Date) shg.Money {
	t := shg.Zero(a.Currency())
	if a.status != Active {
		return t
	}
	w := a.asOf(on)
	var d int64
	for _, l := range w.lines[w.head:] {
		if l.dueOn.After(on) {
			break
		}
		d += l.due(PenaltyComponent) + l.due(FeeComponent) + l.due(InterestComponent) + l.due(PrincipalComponent)
	}
	return t.WithMinor(d)
}

// Arrears returns the loan's overdue position on date on: installments due
// before on and not fully paid (penalties falling due by on included), the
// days since the oldest of them fell due and its ageing bucket, and the
// outstanding principal. A loan that is not active has no arrears.
func (a Account) Arrears(on shg.Date) Arrears {
	zero := shg.Zero(a.Currency())
	r := Arrears{On: on, Principal: zero, Interest: zero, Fee: zero, Penalty: zero, OutstandingPrincipal: zero}
	if a.status != Active {
		return r
	}
	w := a.asOf(on)
	var sp, si, sf, spen, so int64
	for _, l := range w.lines[w.head:] {
		so += l.due(PrincipalComponent)
		if !l.dueOn.Before(on) {
			continue
		}
		p, in, f, pen := l.due(PrincipalComponent), l.due(InterestComponent), l.due(FeeComponent), l.due(PenaltyComponent)
		if !(p > 0 || in > 0 || f > 0 || pen > 0) {
			continue
		}
		if r.Installments == 0 {
			r.DaysPastDue = on.Sub(l.dueOn)
		}
		r.Installments++
		sp, si = sp+p, si+in
		sf, spen = sf+f, spen+pen
	}
	r.Principal, r.Interest, r.Fee, r.Penalty = zero.WithMinor(sp), zero.WithMinor(si), zero.WithMinor(sf), zero.WithMinor(spen)
	r.OutstandingPrincipal = zero.WithMinor(so)
	r.Bucket = BucketFor(r.DaysPastDue)
	return r
}

// Disburse lends a further tranche of amount on date on. Installments due
// on or before on stay as they are; the principal still scheduled on the
// others plus the tranche is re-amortized over the remaining installments
// of the original term (Terms.Installments minus those kept), keeping their
// due dates, method and rounding, with what remains of the principal grace.
// On a declining-balance loan the installment the tranche falls in is
// charged on the new balance for its whole period (no proration by days);
// a flat loan keeps the charge scheduled on the remaining installments and
// adds the tranche's own flat charge for them. Payments already made on the
// re-amortized installments stay paid, component by component, oldest
// installment first.
//
// Besides the refusals of [Account.Repay] (status, currency, amount,
// date), it refuses a tranche that is not a whole multiple of the rounding
// unit ("loan.amount_unit"), one that takes the total lent above
// Options.Limit ("loan.limit_exceeded"), one on or after the last due
// date ("loan.no_remaining_installments") and one that would take the
// loan beyond its int64 books ("loan.amount_too_large", as [Open]). With Terms.InstallmentMultiple
// set, the re-amortized level installment is rounded to that multiple as a
// new schedule's is, and refused as NewSchedule refuses it when the rounding
// would leave it below a period's charge ("loan.installment_multiple").
// "loan.tranche_after_prepayment"
// is a safeguard: re-amortized installments that could not hold what was
// paid on them in advance; the built-in methods never produce it, since a
// larger balance never lowers the charge.
func (a *Account) Disburse(on shg.Date, amount shg.Money) error {
	const op = "loan.Account.Disburse"
	vs := a.checkOp(on, nil)
	if a.id == "" {
		return shg.NewRuleError(op, vs...)
	}
	vs = a.checkAmount(amount, vs)
	if amount.Currency() == a.Currency() && amount.IsPositive() && !amount.IsRounded(a.terms.Rounding) {
		vs = append(vs, shg.Violation{Code: CodeAmountUnit, Message: "a tranche must be a whole multiple of the rounding unit",
			Want: "a multiple of " + a.terms.Rounding.UnitFor(a.Currency()).String(), Got: amount.String()})
	}
	if a.opts.Limit.IsPositive() && amount.Currency() == a.Currency() {
		if total := add(a.disbursed, amount); total.GreaterThan(a.opts.Limit) {
			vs = append(vs, shg.Violation{Code: CodeLimitExceeded, Message: "disbursements exceed the approved limit",
				Want: "<= " + a.opts.Limit.String(), Got: total.String()})
		}
	}
	kept := a.current(on)
	if kept == len(a.lines) {
		vs = append(vs, shg.Violation{Code: CodeNoRemainingInstallments, Message: "no installment falls due after the tranche",
			Want: "< " + a.lines[len(a.lines)-1].dueOn.String(), Got: on.String()})
	}
	if len(vs) > 0 {
		return shg.NewRuleError(op, vs...)
	}
	amt, ok := amount.MinorUnits()
	if !ok {
		return shg.NewRuleError(op, tooLarge(amount))
	}
	w := a.draft()
	w.assess(on)
	zero := shg.Zero(w.Currency())
	digits, _ := shg.MinorDigits(w.Currency())
	// Principal still scheduled on the re-amortized installments, and what
	// was paid on them in advance, by component (parts of the books: no
	// overflow but in the tranche's own sum).
	balance := amt
	var charges, paidP, paidI, paidF int64
	for _, l := range w.lines[kept:] {
		if balance > math.MaxInt64-l.principal {
			return shg.NewRuleError(op, tooLarge(amount))
		}
		balance, charges = balance+l.principal, charges+l.interest+l.fee
		paidP, paidI, paidF = paidP+l.paidPrincipal, paidI+l.paidInterest, paidF+l.paidFee
	}
	m := w.terms.Installments - kept
	var flatTotal *big.Int
	if w.terms.Interest == Flat {
		// A flat loan keeps the charge scheduled on the remaining
		// installments and adds the tranche's own flat charge for them.
		rd := rounder{mode: w.terms.Rounding.Mode, unit: w.terms.Rounding.UnitFor(w.Currency())}
		ft := decimal.New(charges, -digits).Add(rd.round(roundSig(amount.Amount().Mul(w.terms.PeriodicRate()).Mul(decimal.NewFromInt(int64(m))), rd.mode)))
		flatTotal = ft.Shift(digits).BigInt() // whole minor units
	}
	fresh := make([]line, 0, m)
	fits := true
	refused := w.terms.build(minorAmount{u: balance}, m, max(w.terms.PrincipalGrace-kept, 0), kept, flatTotal, nil,
		func(number int, due shg.Date, p, c, bal *big.Int) {
			l, ok := newLine(number, due, p, c, bal, w.terms.Charge)
			fits = fits && ok
			l.paidPrincipal = take(&paidP, l.principal)
			l.paidInterest = take(&paidI, l.interest)
			l.paidFee = take(&paidF, l.fee)
			fresh = append(fresh, l)
		})
	if len(refused) > 0 {
		return shg.NewRuleError(op, refused...)
	}
	lines := make([]*line, kept, kept+len(fresh))
	copy(lines, w.lines)
	for i := range fresh {
		lines = append(lines, &fresh[i])
	}
	if !fits || !booksFit(lines, w.terms, w.opts.Penalty) {
		return shg.NewRuleError(op, tooLarge(amount))
	}
	if paidP > 0 || paidI > 0 || paidF > 0 {
		return shg.NewRuleError(op, shg.Violation{Code: CodeTrancheAfterPrepayment,
			Message: "the re-amortized installments would owe less than was paid on them in advance",
			Want:    "no advance payment beyond the new installments", Got: zero.WithMinor(paidP + paidI + paidF).String()})
	}
	w.setLines(lines)
	w.head = min(w.head, kept)
	w.advance()
	w.disbursed = add(w.disbursed, amount)
	w.txns.add(txn{kind: KindDisbursement, on: on, amount: amt})
	w.last = on
	*a = w.Account
	return nil
}

// take moves up to limit out of *pool and returns it.
func take(pool *int64, limit int64) int64 {
	x := min(*pool, limit)
	*pool -= x
	return x
}

// WriteOff gives the loan up as a loss on date on and returns what was
// written off: every unpaid penalty, the unpaid charge of the installments
// whose charge is earned by on (see [Account.Payoff]) and all unpaid
// principal; the unearned charge of later installments is cancelled
// (Allocation.Waived). The loan becomes [WrittenOff] and takes no further
// operations. It refuses a loan that is not active and a date before the
// disbursement or the last transaction.
func (a *Account) WriteOff(on shg.Date) (Allocation, error) {
	const op = "loan.Account.WriteOff"
	if vs := a.checkOp(on, nil); len(vs) > 0 {
		return Allocation{}, shg.NewRuleError(op, vs...)
	}
	w := a.draft()
	w.assess(on)
	cur := w.current(on)
	var (
		split  [4]int64 // by Component
		waived int64
	)
	for i := w.head; i < len(w.lines); i++ {
		if w.lines[i].clear() {
			continue
		}
		l := w.line(i)
		earned := w.earned(i, cur, on)
		for _, c := range DefaultAllocationOrder {
			d := l.due(c)
			if d <= 0 {
				continue
			}
			if earned || c == PrincipalComponent {
				l.writtenOff += d
				split[c] += d
			} else {
				l.waived += d
				waived += d
			}
		}
	}
	w.status = WrittenOff
	al := allocation(shg.Zero(w.Currency()), &split, waived)
	w.txns.add(txn{kind: KindWriteOff, on: on, amount: split[0] + split[1] + split[2] + split[3],
		principal: split[PrincipalComponent], interest: split[InterestComponent], fee: split[FeeComponent],
		penalty: split[PenaltyComponent], waived: waived})
	w.last = on
	*a = w.Account
	return al, nil
}

// MarshalJSON encodes a snapshot of the account: id, status, terms,
// options, total disbursed, last transaction date, installments with what
// was paid on them, and transactions. Equal accounts encode to identical
// bytes.
func (a Account) MarshalJSON() ([]byte, error) {
	lines, txns := linesOf(a.lines, a.Currency()), a.txns.slice(shg.Zero(a.Currency()))
	if lines == nil {
		lines = []Line{}
	}
	if txns == nil {
		txns = []Transaction{}
	}
	return json.Marshal(accountJSON{ID: a.id, Status: a.status, Terms: a.terms, Options: a.opts,
		Disbursed: a.disbursed, LastDate: a.last, Installments: lines, Transactions: txns})
}

type accountJSON struct {
	ID           shg.LoanID    `json:"id"`
	Status       Status        `json:"status"`
	Terms        Terms         `json:"terms"`
	Options      Options       `json:"options"`
	Disbursed    shg.Money     `json:"disbursed"`
	LastDate     shg.Date      `json:"lastDate"`
	Installments []Line        `json:"installments"`
	Transactions []Transaction `json:"transactions"`
}
