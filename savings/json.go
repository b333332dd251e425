package savings

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/khodyar/shg"
)

// ErrInvalidSnapshot reports a fund snapshot that [Fund.UnmarshalJSON]
// cannot accept: malformed JSON, an unbalanced or out-of-order posting, a
// posting that would take a guarded account below zero, or balances that
// do not follow from the postings.
var ErrInvalidSnapshot = errors.New("savings: invalid fund snapshot")

type fundJSON struct {
	Currency string        `json:"currency"`
	Cycle    int           `json:"cycle"`
	LastDate shg.Date      `json:"lastDate"`
	Accounts []balanceJSON `json:"accounts"`
	Members  []memberJSON  `json:"members"`
	Postings []Posting     `json:"postings"`
}

type balanceJSON struct {
	Account Account `json:"account"`
	Balance string  `json:"balance"`
}

type memberJSON struct {
	Member     shg.MemberID `json:"member"`
	Savings    string       `json:"savings"`
	Receivable string       `json:"receivable"`
	Shares     int          `json:"shares"`
}

func (f Fund) snapshot() fundJSON {
	j := fundJSON{Currency: f.currency, Cycle: f.cycle, LastDate: f.last,
		Accounts: []balanceJSON{}, Members: []memberJSON{}, Postings: make([]Posting, 0, f.book.len())}
	for i, r := range f.book.from(0) {
		j.Postings = append(j.Postings, f.posting(i, r, []Leg{}))
	}
	for a := Account(0); a < numAccounts; a++ {
		if !a.PerMember() {
			j.Accounts = append(j.Accounts, balanceJSON{Account: a, Balance: f.dec(f.bal[a]).String()})
		}
	}
	for _, id := range f.memberIDs() {
		b := f.members[id]
		j.Members = append(j.Members, memberJSON{Member: id, Savings: f.dec(b.savings).String(),
			Receivable: f.dec(b.receivable).String(), Shares: b.shares})
	}
	return j
}

// MarshalJSON writes a deterministic snapshot of the books: the currency,
// the cycle, every balance (group accounts in chart order, members by ID)
// and the whole ledger. Equal books give equal bytes, so comparing
// snapshots compares funds.
func (f Fund) MarshalJSON() ([]byte, error) {
	return json.Marshal(f.snapshot())
}

// UnmarshalJSON rebuilds a fund from a snapshot by replaying its postings
// through the same checks every operation passes (balanced, in date
// order, no guarded account below zero), then verifies that the stated
// balances are the ones the postings produce. It fails with an error
// matching [ErrInvalidSnapshot] and leaves f unchanged.
func (f *Fund) UnmarshalJSON(b []byte) error {
	var j fundJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidSnapshot, err)
	}
	if j.Currency == "" && len(j.Postings) == 0 && len(j.Members) == 0 {
		*f = Fund{}
		return nil
	}
	g, err := NewFund(j.Currency)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidSnapshot, err)
	}
	for i, p := range j.Postings {
		if err := g.replay(i, p); err != nil {
			return fmt.Errorf("%w: posting %d: %v", ErrInvalidSnapshot, i+1, err)
		}
	}
	if j.Cycle < g.cycle {
		return fmt.Errorf("%w: cycle %d does not follow the postings' cycle %d", ErrInvalidSnapshot, j.Cycle, g.cycle)
	}
	if g.cycle < j.Cycle {
		g.newCycle()
		g.cycle = j.Cycle
	}
	// A share-out of nothing posts nothing but still dates the books, so
	// the last date may follow the last posting's.
	if j.LastDate.Before(g.last) {
		return fmt.Errorf("%w: last date %s, postings end on %s", ErrInvalidSnapshot, j.LastDate, g.last)
	}
	g.last = j.LastDate
	want := g.snapshot()
	if !equalBalances(want, j) {
		return fmt.Errorf("%w: balances do not follow from the postings", ErrInvalidSnapshot)
	}
	*f = g
	return nil
}

func equalBalances(a, b fundJSON) bool {
	if len(a.Accounts) != len(b.Accounts) || len(a.Members) != len(b.Members) {
		return false
	}
	for i := range a.Accounts {
		if a.Accounts[i].Account != b.Accounts[i].Account || !sameDecimal(a.Accounts[i].Balance, b.Accounts[i].Balance) {
			return false
		}
	}
	for i := range a.Members {
		x, y := a.Members[i], b.Members[i]
		if x.Member != y.Member || x.Shares != y.Shares || !sameDecimal(x.Savings, y.Savings) || !sameDecimal(x.Receivable, y.Receivable) {
			return false
		}
	}
	return true
}

// sameDecimal compares a canonical decimal string with one read from a
// snapshot, through Money's strict parser (no exponents).
func sameDecimal(canonical, s string) bool {
	a, err1 := shg.ParseMoney(canonical + " USD")
	b, err2 := shg.ParseMoney(s + " USD")
	return err1 == nil && err2 == nil && a.Equal(b)
}

const maxLegs = 32

// replay checks posting i of a snapshot and applies it.
func (f *Fund) replay(i int, p Posting) error {
	if p.Seq != i+1 {
		return fmt.Errorf("seq %d, want %d", p.Seq, i+1)
	}
	if p.Cycle < f.cycle {
		return fmt.Errorf("cycle %d after cycle %d", p.Cycle, f.cycle)
	}
	if p.Cycle > f.cycle { // cycles with no postings leave no trace
		f.newCycle()
		f.cycle = p.Cycle
	}
	if p.Date.IsZero() || p.Date.Before(f.last) {
		return fmt.Errorf("date %q missing or before %s", p.Date, f.last)
	}
	if !p.Kind.IsValid() {
		return fmt.Errorf("invalid kind %d", p.Kind)
	}
	if (p.Kind == KindWithdrawal) != p.Purpose.IsValid() || int(p.Purpose) >= len(purposeNames) {
		return fmt.Errorf("purpose %q on a %s posting", p.Purpose, p.Kind)
	}
	if p.Shares < 0 || (p.Shares != 0 && p.Kind != KindDeposit) {
		return fmt.Errorf("shares %d on a %s posting", p.Shares, p.Kind)
	}
	if p.Member != "" {
		if err := shg.ValidateID(p.Member); err != nil {
			return err
		}
	}
	if len(p.Legs) > maxLegs || (len(p.Legs) == 0 && p.Kind != KindExitSettlement) {
		return fmt.Errorf("%d legs", len(p.Legs))
	}
	amts := make([]units, len(p.Legs))
	var debits, credits units
	for k, l := range p.Legs {
		if !l.Account.IsValid() || !l.Side.IsValid() {
			return fmt.Errorf("leg %d: invalid account or side", k+1)
		}
		if l.Account.PerMember() != (l.Member != "") || (l.Member != "" && l.Member != p.Member) {
			return fmt.Errorf("leg %d: member %q on %s of a posting for %q", k+1, l.Member, l.Account, p.Member)
		}
		u, whole := toUnits(l.Amount.Amount(), f.digits)
		if l.Amount.Currency() != f.currency || !l.Amount.IsPositive() || !whole {
			return fmt.Errorf("leg %d: amount %s is not a positive whole amount of %s", k+1, l.Amount, f.currency)
		}
		amts[k] = u
		if l.Side == Debit {
			debits = debits.add(u)
		} else {
			credits = credits.add(u)
		}
	}
	if debits.cmp(credits) != 0 {
		d, c := p.Totals()
		return fmt.Errorf("debits %s, credits %s", d, c)
	}
	if err := f.post("savings.Fund.UnmarshalJSON", p, p.Legs, amts); err != nil {
		return err
	}
	return nil
}
