package loan

import (
	"github.com/khodyar/shg"
)

// How an Account shares memory with its copies.
//
// An Account is a value, and a plain copy shares its lines and its history
// with the original. Nothing reachable from an Account is written once the
// operation that made it has returned: an operation works on a draft, which
// copies the slice of line pointers and, the first time it changes a line,
// that line alone (copy on write); it adds transactions to a persistent
// log (of txn, a Transaction in int64 minor units without its currency). A
// repayment usually changes one or two lines, so it copies about a hundred
// bytes instead of the whole schedule, and a refused operation simply
// drops its draft.

// draft is the working state of one operation on an Account.
type draft struct {
	Account
	base []*line // the lines the operation started from, shared with other copies
	own  bool    // Account.lines is the draft's own slice, no longer base
}

// draft starts an operation on a.
func (a *Account) draft() draft { return draft{Account: *a, base: a.lines} }

// line returns line i for writing: the draft's own copy of it, made on the
// first write of the operation.
func (d *draft) line(i int) *line {
	if !d.own {
		d.lines = append([]*line(nil), d.lines...)
		d.own = true
	}
	l := d.lines[i]
	if i < len(d.base) && l == d.base[i] {
		c := *l
		l = &c
		d.lines[i] = l
	}
	return l
}

// setLines replaces the lines with a slice the draft owns.
func (d *draft) setLines(lines []*line) {
	d.lines, d.own = lines, true
}

// advance moves head past the lines that owe nothing.
func (a *Account) advance() {
	for a.head < len(a.lines) && a.lines[a.head].clear() {
		a.head++
	}
}

// linePointers returns pointers to the elements of one new backing array
// holding lines.
func linePointers(lines []line) []*line {
	if len(lines) == 0 {
		return nil
	}
	ps := make([]*line, len(lines))
	for i := range lines {
		ps[i] = &lines[i]
	}
	return ps
}

// txnLog is an append-only history that copies of an Account share: a
// flat slice of the older entries, never written after it is built, and a
// list of the newer ones, newest first. Adding an entry allocates a node;
// once the list is as long as the slice, both are merged into a new slice,
// so the copying is linear in the length of the history overall.
type txnLog struct {
	flat []txn
	tail *txnNode
	n    int // entries in tail
}

type txnNode struct {
	t    txn
	prev *txnNode
}

// minTail is the length the list may reach before a merge however short
// the flat slice is.
const minTail = 4

func (h txnLog) len() int { return len(h.flat) + h.n }

// add appends t.
func (h *txnLog) add(t txn) {
	if h.n < max(len(h.flat), minTail) {
		h.tail = &txnNode{t: t, prev: h.tail}
		h.n++
		return
	}
	all := make([]txn, h.len()+1)
	all[len(all)-1] = t
	h.fill(all[:len(all)-1])
	*h = txnLog{flat: all}
}

// fill copies the entries, oldest first, into dst of length h.len().
func (h txnLog) fill(dst []txn) {
	copy(dst, h.flat)
	i := len(dst) - 1
	for p := h.tail; p != nil; p = p.prev {
		dst[i] = p.t
		i--
	}
}

// slice returns a new slice of the entries, oldest first, in the currency
// of zero; nil if none.
func (h txnLog) slice(zero shg.Money) []Transaction {
	if h.len() == 0 {
		return nil
	}
	out := make([]Transaction, h.len())
	for i, t := range h.flat {
		out[i] = t.public(zero)
	}
	i := len(out) - 1
	for p := h.tail; p != nil; p = p.prev {
		out[i] = p.t.public(zero)
		i--
	}
	return out
}

// clone returns a copy of the log that shares no memory with h.
func (h txnLog) clone() txnLog {
	if h.len() == 0 {
		return txnLog{}
	}
	all := make([]txn, h.len())
	h.fill(all)
	return txnLog{flat: all}
}

// txn is how an [Account] keeps a [Transaction]: its amounts in int64
// minor units of the loan's currency (see line), without the currency.
// It holds no pointer.
type txn struct {
	kind                                              Kind
	installment                                       int32
	on                                                shg.Date
	amount, principal, interest, fee, penalty, waived int64
}

// public returns t as a Transaction in the currency of zero.
func (t txn) public(zero shg.Money) Transaction {
	m := func(u int64) shg.Money { return minorMoney(zero, u) }
	return Transaction{Kind: t.kind, On: t.on, Amount: m(t.amount), Principal: m(t.principal),
		Interest: m(t.interest), Fee: m(t.fee), Penalty: m(t.penalty), Waived: m(t.waived),
		Installment: int(t.installment)}
}
