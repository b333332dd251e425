package loan

// How an Account shares memory with its copies.
//
// An Account is a value, and a plain copy shares its lines and its history
// with the original. Nothing reachable from an Account is written once the
// operation that made it has returned: an operation works on a draft, which
// copies the slice of line pointers and, the first time it changes a line,
// that line alone (copy on write); it adds transactions to a persistent
// log. A repayment usually changes one or two lines, so it copies a few
// hundred bytes instead of the whole schedule, and a refused operation
// simply drops its draft.

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
	flat []Transaction
	tail *txnNode
	n    int // entries in tail
}

type txnNode struct {
	t    Transaction
	prev *txnNode
}

// minTail is the length the list may reach before a merge however short
// the flat slice is.
const minTail = 4

func (h txnLog) len() int { return len(h.flat) + h.n }

// add appends t.
func (h *txnLog) add(t Transaction) {
	if h.n < max(len(h.flat), minTail) {
		h.tail = &txnNode{t: t, prev: h.tail}
		h.n++
		return
	}
	all := make([]Transaction, h.len()+1)
	all[len(all)-1] = t
	h.fill(all[:len(all)-1])
	*h = txnLog{flat: all}
}

// fill copies the entries, oldest first, into dst of length h.len().
func (h txnLog) fill(dst []Transaction) {
	copy(dst, h.flat)
	i := len(dst) - 1
	for p := h.tail; p != nil; p = p.prev {
		dst[i] = p.t
		i--
	}
}

// slice returns a new slice of the entries, oldest first; nil if none.
func (h txnLog) slice() []Transaction {
	if h.len() == 0 {
		return nil
	}
	out := make([]Transaction, h.len())
	h.fill(out)
	return out
}
