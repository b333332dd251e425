package savings

import "iter"

// blockSize is the number of postings in each full block of a [ledger].
const blockSize = 256

// maxArena is the most legs one arena block of a [ledger] holds.
const maxArena = 1024

// ledger is a fund's append-only journal.
//
// Postings are kept in blocks of blockSize: appending never copies the
// postings already booked, as a single growing slice would (again and
// again: a year of a province's deposits is a million postings). Full
// blocks are never written again. The tail block and the leg arena are
// written only past the length a [ledger.clone] can see: a clone's tail
// and arena have no spare capacity, so its own first append copies (at
// most one block) and the two never write to the same array.
//
// The postings' legs are cut from an arena of leg blocks rather than
// allocated one slice per posting; each posting's Legs has no spare
// capacity, and a posted leg is never modified.
type ledger struct {
	full  [][]Posting // full blocks, oldest first; each has len blockSize
	tail  []Posting   // the block being filled
	arena []Leg       // legs are appended here
}

// len returns the number of postings.
func (l *ledger) len() int { return len(l.full)*blockSize + len(l.tail) }

// at returns posting i (0-based) for reading.
func (l *ledger) at(i int) *Posting {
	if b := i / blockSize; b < len(l.full) {
		return &l.full[b][i%blockSize]
	}
	return &l.tail[i-len(l.full)*blockSize]
}

// push appends p.
func (l *ledger) push(p Posting) {
	if len(l.tail) == blockSize {
		l.full = append(l.full, l.tail)
		l.tail = make([]Posting, 0, blockSize)
	}
	l.tail = append(l.tail, p)
}

// legs copies src into the arena and returns the copy, with no spare
// capacity. An empty src gives an empty, non-nil slice (a posting with no
// legs encodes as "legs":[]).
func (l *ledger) legs(src []Leg) []Leg {
	n := len(src)
	if n == 0 {
		return []Leg{}
	}
	if cap(l.arena)-len(l.arena) < n {
		size := min(max(2*cap(l.arena), 16), maxArena)
		l.arena = make([]Leg, 0, max(size, n))
	}
	i := len(l.arena)
	l.arena = append(l.arena, src...)
	return l.arena[i:len(l.arena):len(l.arena)]
}

// clone returns a ledger with the same postings whose appends never touch
// l's arrays (see [ledger]).
func (l ledger) clone() ledger {
	return ledger{full: l.full[:len(l.full):len(l.full)], tail: l.tail[:len(l.tail):len(l.tail)]}
}

// from yields the postings from index i (0-based) on, oldest first.
func (l *ledger) from(i int) iter.Seq[*Posting] {
	return func(yield func(*Posting) bool) {
		for b := max(i, 0) / blockSize; b < len(l.full); b++ {
			blk := l.full[b]
			for j := max(i-b*blockSize, 0); j < len(blk); j++ {
				if !yield(&blk[j]) {
					return
				}
			}
		}
		for j := max(i-len(l.full)*blockSize, 0); j < len(l.tail); j++ {
			if !yield(&l.tail[j]) {
				return
			}
		}
	}
}
