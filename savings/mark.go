package savings

import (
	"sync/atomic"

	"github.com/khodyar/shg"
)

// Mark is a point a [Fund] can return to with [Fund.Rollback]: the
// lengths of its ledger, its group balances and its dates, recorded by
// [Fund.Mark]. It is a plain value; keep it only as long as the mark is
// the fund's latest.
type Mark struct {
	tx     *txState
	serial uint64
	bal    [numAccounts]units
	cycle  int
	last   shg.Date
	start  int
	book   ledgerMark
}

// ledgerMark holds a ledger's lengths.
type ledgerMark struct {
	full, entries, lines, names, texts, bigs int
}

// txState is a fund's open mark: the journal of the member books
// written since, and whether a [Fund.Clone] may share the ledger's
// arrays past the mark's lengths. It is allocated once, by the fund's
// first Mark, and reused by every later one. A [Fund.Clone] does not
// share it.
type txState struct {
	serial  uint64
	active  bool
	cloned  atomic.Bool // a Clone was taken since the mark (or the last rollback)
	journal []undo
}

// undo is a member's books before one write: old, or no books at all.
type undo struct {
	id      shg.MemberID
	old     memberBooks
	existed bool
}

// Mark records the fund's state so that [Fund.Rollback] can return to it.
// It costs no allocation (but the fund's first Mark's) and no copy of the
// fund's members or postings: from the mark on, each write to a member's
// books keeps her books as they were, in a journal the fund reuses.
//
// A fund has one mark at a time, like a transaction: Mark again (after a
// command that succeeded) to "commit", which discards the previous mark
// and its journal; Rollback to the mark after a command that failed.
// Rolling back leaves the mark in place, so one mark may be rolled back to
// again and again. The journal grows by one record per member posting
// until the next Mark or Rollback, so a fund marked once and then used
// for long keeps a long one: mark per command.
func (f *Fund) Mark() Mark {
	if f.tx == nil {
		f.tx = &txState{}
	}
	t := f.tx
	t.serial++
	t.active = true
	t.cloned.Store(false)
	clear(t.journal) // drop the IDs and big integers the old journal held
	t.journal = t.journal[:0]
	return Mark{tx: t, serial: t.serial, bal: f.bal, cycle: f.cycle, last: f.last, start: f.start,
		book: f.book.mark()}
}

// Rollback returns the fund to the state recorded by m, discarding every
// posting made since: its balances, members, ledger and dates are as they
// were at [Fund.Mark], and the fund goes on from there exactly as a clone
// taken at the mark would. Clones taken before or after the mark are not
// affected.
//
// m must come from this fund's latest Mark. A mark from another fund
// (including a clone) or one followed by a newer Mark is a programming
// error; Rollback then leaves the fund as it is.
func (f *Fund) Rollback(m Mark) {
	t := f.tx
	if t == nil || m.tx != t || m.serial != t.serial || !t.active {
		return
	}
	for i := len(t.journal) - 1; i >= 0; i-- {
		u := &t.journal[i]
		if u.existed {
			f.members[u.id] = u.old
		} else {
			delete(f.members, u.id)
		}
	}
	clear(t.journal)
	t.journal = t.journal[:0]
	f.bal, f.cycle, f.last, f.start = m.bal, m.cycle, m.last, m.start
	f.book.truncate(m.book, t.cloned.Load())
	t.cloned.Store(false)
}

// setMember writes a member's books, first keeping her books as they were
// (old, or none when !existed) in the journal while a mark is open. It is
// the only code that writes f.members.
func (f *Fund) setMember(id shg.MemberID, old memberBooks, existed bool, b memberBooks) {
	if t := f.tx; t != nil && t.active {
		t.journal = append(t.journal, undo{id: id, old: old, existed: existed})
	}
	f.members[id] = b
}

// mark returns the ledger's lengths.
func (l *ledger) mark() ledgerMark {
	return ledgerMark{full: len(l.full), entries: len(l.tail.entries), lines: len(l.tail.lines),
		names: len(l.names), texts: len(l.texts), bigs: len(l.bigs)}
}

// truncate returns the ledger to the lengths m recorded, which are at most
// its own: entries are only appended. A block filled since the mark is the
// mark's tail, so it becomes the tail again.
//
// The ledger will append past m's lengths, into arrays it owns up to their
// capacity. A clone taken before the mark sees none of those slots (its
// lengths are at most m's); one taken since sees them, so when shared is
// set every slice loses its spare capacity, as in [ledger.clone], and the
// next append copies.
func (l *ledger) truncate(m ledgerMark, shared bool) {
	if len(l.full) > m.full {
		l.tail = l.full[m.full]
		l.full = l.full[:m.full]
	}
	l.tail.entries = l.tail.entries[:m.entries]
	l.tail.lines = l.tail.lines[:m.lines]
	l.names, l.texts, l.bigs = l.names[:m.names], l.texts[:m.texts], l.bigs[:m.bigs]
	if shared {
		l.full = clip(l.full)
		l.tail = block{entries: clip(l.tail.entries), lines: clip(l.tail.lines)}
		l.names, l.texts, l.bigs = clip(l.names), clip(l.texts), clip(l.bigs)
	}
}
