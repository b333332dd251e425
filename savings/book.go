package savings

import (
	"iter"

	"github.com/khodyar/shg"
)

// entry is a [Posting] as the ledger keeps it: 40 bytes and no pointers,
// with a 16-byte [line] per leg, against 112 and 64 bytes for the
// exported types (with ten pointers for a deposit). Its Seq is its
// position; the texts and member IDs are kept once, in tables of the
// ledger; what every leg would repeat (the fund's currency, the posting's
// member on per-member legs) is not kept at all. So a deposit is 72 bytes
// of books that the garbage collector need not scan, which a province's
// million deposits make worth it.
type entry struct {
	shares  int
	cycle   int
	date    shg.Date
	member  int32  // index into ledger.names, or -1
	ref     int32  // index into ledger.texts, or -1 for ""
	note    int32  // index into ledger.texts, or -1 for ""
	first   uint16 // index of the first line in the entry's block
	nlines  uint8
	kind    PostingKind
	purpose WithdrawalPurpose
}

// line is a [Leg] as the ledger keeps it: the amount in minor units of
// the fund's currency (every amount the fund books is a whole number of
// them). An amount whose minor units do not fit an int64 is kept, as
// given, in ledger.bigs, and coef is its index there.
type line struct {
	coef    int64
	account Account
	side    Side
	big     bool
}

// block holds up to blockSize entries and their lines.
type block struct {
	entries []entry
	lines   []line
}

// blockSize is the number of entries in each full block of a [ledger]. A
// block holds at most blockSize × maxLegs lines, which a uint16 indexes.
const blockSize = 256

// ledger is a fund's append-only journal.
//
// Entries are kept in blocks of blockSize: appending never copies the
// entries already booked, as a single growing slice would (again and
// again: a year of a province's deposits is a million postings). Full
// blocks are never written again. The tail block and the tables are
// written only past the length a [ledger.clone] can see: a clone's slices
// have no spare capacity, so its own first append copies (at most one
// block, and the small tables) and the two never write to the same array.
type ledger struct {
	full  []block // full blocks, oldest first
	tail  block   // the block being filled
	names []shg.MemberID
	texts []string
	bigs  []shg.Money
}

// len returns the number of entries.
func (l *ledger) len() int { return len(l.full)*blockSize + len(l.tail.entries) }

// push appends a posting (its Seq, Cycle and Legs ignored) with legs,
// in cycle, for the member at index name (-1 for none).
func (l *ledger) push(p *Posting, legs []Leg, cycle int, name int32) {
	if len(l.tail.entries) == blockSize {
		l.full = append(l.full, l.tail)
		// Room for as many lines as the block just filled had, and an
		// eighth more: postings have two legs or more (a loan collection
		// five), so a fixed guess would either waste room or grow the
		// array, copying it, in most blocks.
		n := len(l.tail.lines)
		l.tail = block{entries: make([]entry, 0, blockSize), lines: make([]line, 0, max(2*blockSize, n+n/8))}
	}
	e := entry{shares: p.Shares, cycle: cycle, date: p.Date, member: name, ref: l.text(p.Ref), note: l.text(p.Note),
		first: uint16(len(l.tail.lines)), nlines: uint8(len(legs)), kind: p.Kind, purpose: p.Purpose}
	for _, g := range legs {
		ln := line{account: g.Account, side: g.Side}
		if n, ok := g.Amount.MinorUnits(); ok {
			ln.coef = n
		} else {
			ln.coef, ln.big = int64(len(l.bigs)), true
			l.bigs = append(l.bigs, g.Amount)
		}
		l.tail.lines = append(l.tail.lines, ln)
	}
	l.tail.entries = append(l.tail.entries, e)
}

// text returns the index of s in the text table, adding it unless it is
// the last one added (a meeting's postings share their reference); -1
// for "".
func (l *ledger) text(s string) int32 {
	switch n := len(l.texts); {
	case s == "":
		return -1
	case n > 0 && l.texts[n-1] == s:
		return int32(n - 1)
	}
	l.texts = append(l.texts, s)
	return int32(len(l.texts) - 1)
}

// textAt returns the text at index i of the text table ("" for -1).
func (l *ledger) textAt(i int32) string {
	if i < 0 {
		return ""
	}
	return l.texts[i]
}

// amount returns a line's amount; zero is zero of the fund's currency.
func (l *ledger) amount(ln *line, zero shg.Money) shg.Money {
	if ln.big {
		return l.bigs[ln.coef]
	}
	return zero.WithMinor(ln.coef)
}

// units returns a line's amount in minor units of a currency with digits
// minor digits, without allocating for an amount that fits an int64.
func (l *ledger) units(ln *line, digits int32) units {
	var u units
	if ln.big {
		u, _ = toUnits(l.bigs[ln.coef].Amount(), digits)
	} else {
		u = units{n: ln.coef}
	}
	return u
}

// clone returns a ledger with the same entries whose appends never touch
// l's arrays (see [ledger]).
func (l ledger) clone() ledger {
	return ledger{
		full:  l.full[:len(l.full):len(l.full)],
		tail:  block{entries: clip(l.tail.entries), lines: clip(l.tail.lines)},
		names: clip(l.names), texts: clip(l.texts), bigs: clip(l.bigs),
	}
}

func clip[S ~[]E, E any](s S) S { return s[:len(s):len(s)] }

// rec is an entry with its lines, as [ledger.from] yields it.
type rec struct {
	*entry
	lines []line
}

// from yields the entries from index i (0-based) on, oldest first, with
// their indexes.
func (l *ledger) from(i int) iter.Seq2[int, rec] {
	return func(yield func(int, rec) bool) {
		start := max(i, 0)
		each := func(base int, b *block) bool {
			for j := max(start-base, 0); j < len(b.entries); j++ {
				e := &b.entries[j]
				if !yield(base+j, rec{e, b.lines[e.first : int(e.first)+int(e.nlines)]}) {
					return false
				}
			}
			return true
		}
		for k := start / blockSize; k < len(l.full); k++ {
			if !each(k*blockSize, &l.full[k]) {
				return
			}
		}
		each(len(l.full)*blockSize, &l.tail)
	}
}

// member returns the member ID of r ("" for none).
func (l *ledger) member(r rec) shg.MemberID {
	if r.entry.member < 0 {
		return ""
	}
	return l.names[r.entry.member]
}

// posting returns r, the ledger's entry i (0-based), as a Posting with
// legs of its own. A posting with no legs gets empty as its Legs.
func (f *Fund) posting(i int, r rec, empty []Leg) Posting {
	b := &f.book
	m := b.member(r)
	p := Posting{Seq: i + 1, Cycle: r.cycle, Date: r.date, Kind: r.kind, Ref: b.textAt(r.ref),
		Member: m, Shares: r.shares, Purpose: r.purpose, Note: b.textAt(r.note), Legs: empty}
	if len(r.lines) > 0 {
		p.Legs = make([]Leg, len(r.lines))
		zero := shg.Zero(f.currency)
		for k := range r.lines {
			ln := &r.lines[k]
			p.Legs[k] = Leg{Account: ln.account, Member: memberOf(ln.account, m), Side: ln.side,
				Amount: b.amount(ln, zero)}
		}
	}
	return p
}
