package group

import (
	"fmt"
	"slices"
	"strings"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/savings"
)

// Charter is what a group is founded with.
type Charter struct {
	ID      shg.GroupID `json:"id"`
	Name    string      `json:"name"`
	Village string      `json:"village,omitempty"`
	County  string      `json:"county,omitempty"`
	// Facilitator is the field worker who takes the group through its
	// stages; it may be assigned later with [Group.AssignFacilitator].
	Facilitator string `json:"facilitator,omitempty"`
	// Founded is the day the group was founded: its age counts from it.
	Founded shg.Date `json:"founded"`
}

func (c Charter) violations() []shg.Violation {
	var vs []shg.Violation
	if err := shg.ValidateID(c.ID); err != nil {
		vs = append(vs, shg.Violation{Code: CodeCharter, Message: "group id: " + err.Error(), Want: "1-64 printable bytes", Got: fmt.Sprintf("%q", c.ID), Err: shg.ErrInvalidID})
	}
	if strings.TrimSpace(c.Name) == "" {
		vs = append(vs, shg.Violation{Code: CodeCharter, Message: "group name is empty", Want: "a name", Got: `""`})
	}
	if c.Founded.IsZero() {
		vs = append(vs, shg.Violation{Code: CodeCharter, Message: "founding date is missing", Want: "a date", Got: "none", Err: shg.ErrInvalidDate})
	}
	return vs
}

// Group is one self-help group: its members, fund, loans and stage, driven
// by dated commands. Each command checks the policy and the group's state;
// if it is refused it returns a [*shg.RuleError] and the group is exactly as
// it was, otherwise it appends events to the log and applies them.
//
// A Group is not safe for concurrent use: guard it with a lock if several
// goroutines share it. Its [policy.Policy] is an immutable value and may be
// shared freely.
type Group struct {
	pol    policy.Policy
	events []Event
	st     state
	undo   txlog // reused by every command
	// quorums caches the policy's quorum by number of active members.
	quorums []int
	// seen and seenLoans are HoldMeeting's scratch sets, cleared and
	// reused by every meeting rather than made anew.
	seen      map[shg.MemberID]uint8
	seenLoans map[shg.LoanID]bool
	evbuf     []Event // run's buffer of a command's events
}

// Found founds a group under policy p with charter c, in the Preparation
// stage. p must validate; the charter needs an ID, a name and a date.
func Found(p policy.Policy, c Charter) (*Group, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if vs := c.violations(); len(vs) > 0 {
		return nil, shg.NewRuleError("group.Found", vs...)
	}
	g := &Group{pol: p.Clone(), st: newState(p.Currency)}
	if err := g.commit("group.Found", c.Founded, Founded{Charter: c, Policy: p.Name, PolicyVersion: p.Version}); err != nil {
		return nil, err
	}
	return g, nil
}

// Replay rebuilds a group from its log under policy p: the result equals the
// group that wrote the log. The log must start with [Founded] and be
// numbered 1, 2, 3, … with dates that never go backwards; every event must
// apply cleanly. Replay does not re-check policy rules the commands checked
// (a policy may be tightened later without orphaning old groups), but it
// refuses a log founded under a policy of another name (a new version of
// the same policy replays it).
func Replay(p policy.Policy, events []Event) (*Group, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if len(events) == 0 {
		return nil, fmt.Errorf("%w: empty log", ErrBadLog)
	}
	f, ok := events[0].Data.(Founded)
	if !ok {
		return nil, fmt.Errorf("%w: event 1 is %q, want \"founded\"", ErrBadLog, events[0].Type())
	}
	if vs := f.Charter.violations(); len(vs) > 0 {
		return nil, fmt.Errorf("%w: %w", ErrBadLog, shg.NewRuleError("group.Replay", vs...))
	}
	if f.Policy != p.Name {
		return nil, fmt.Errorf("%w: log founded under policy %q, replayed under %q", ErrBadLog, f.Policy, p.Name)
	}
	g := &Group{pol: p.Clone(), st: newState(p.Currency), events: make([]Event, 0, len(events))}
	var a arena
	a.size(events)
	for i, e := range events {
		if e.Seq != i+1 {
			return nil, fmt.Errorf("%w: event %d has seq %d", ErrBadLog, i+1, e.Seq)
		}
		if e.Data == nil {
			return nil, fmt.Errorf("%w: event %d has no data", ErrBadLog, e.Seq)
		}
		if e.On.IsZero() || (i > 0 && e.On.Before(g.st.last)) {
			return nil, fmt.Errorf("%w: event %d dated %s, before %s", ErrBadLog, e.Seq, e.On, g.st.last)
		}
		if _, ok := e.Data.(Founded); ok && i > 0 {
			return nil, fmt.Errorf("%w: event %d founds the group again", ErrBadLog, e.Seq)
		}
		if g.st.stage == policy.Dissolved {
			return nil, fmt.Errorf("%w: event %d follows the dissolution", ErrBadLog, e.Seq)
		}
		if err := g.st.apply(e); err != nil {
			return nil, fmt.Errorf("%w: event %d (%s): %w", ErrBadLog, e.Seq, e.Type(), err)
		}
		g.events = append(g.events, a.cloneEvent(e))
	}
	g.st.allocs = nil // filled by bank repayments; only commands read it
	return g, nil
}

// commit applies data as consecutive events dated on, all or nothing.
func (g *Group) commit(op string, on shg.Date, data ...EventData) error {
	return g.run(op, on, func(emit func(EventData) error) error {
		for _, d := range data {
			if err := emit(d); err != nil {
				return err
			}
		}
		return nil
	})
}

// refusal turns an error from a lower layer into the command's RuleError.
func refusal(op string, err error) error {
	if re, ok := err.(*shg.RuleError); ok {
		return shg.NewRuleError(op, re.Violations...)
	}
	return shg.NewRuleError(op, shg.Violation{Code: CodeInternal, Message: err.Error(), Err: err})
}

// Events returns a copy of the group's log.
func (g *Group) Events() []Event {
	out := make([]Event, len(g.events))
	var a arena
	a.size(g.events)
	for i, e := range g.events {
		out[i] = a.cloneEvent(e)
	}
	return out
}

// Len returns the number of events in the log.
func (g *Group) Len() int { return len(g.events) }

// Policy returns the group's policy.
func (g *Group) Policy() policy.Policy { return g.pol.Clone() }

// arena copies the slices of many events into a few shared arrays: Replay
// and Events size one for a whole log, so a log of thousands of meetings is copied
// with a handful of allocations rather than six per meeting.
type arena struct {
	present []shg.MemberID
	deps    []Deposit
	social  []Payment
	fines   []Fine
	reps    []Repayment
	loans   []LoanRequest
}

// size makes room for the meetings of events.
func (a *arena) size(events []Event) {
	var np, nd, ns, nf, nr, nl int
	for _, e := range events {
		if d, ok := e.Data.(MeetingHeld); ok {
			m := &d.Meeting
			np, nd, ns = np+len(m.Present), nd+len(m.Deposits), ns+len(m.Social)
			nf, nr, nl = nf+len(m.Fines), nr+len(m.Repayments), nl+len(m.Loans)
		}
	}
	a.present, a.deps, a.social = make([]shg.MemberID, 0, np), make([]Deposit, 0, nd), make([]Payment, 0, ns)
	a.fines, a.reps, a.loans = make([]Fine, 0, nf), make([]Repayment, 0, nr), make([]LoanRequest, 0, nl)
}

// take returns a copy of s carved from *buf (nil stays nil); the copy's
// capacity ends at its length, so appending to it never writes into the
// arena.
func take[T any](buf *[]T, s []T) []T {
	if s == nil {
		return nil
	}
	n := len(*buf)
	*buf = append(*buf, s...)
	return (*buf)[n:len(*buf):len(*buf)]
}

func (a *arena) cloneEvent(e Event) Event {
	switch d := e.Data.(type) {
	case MeetingHeld:
		m := &d.Meeting
		m.Present, m.Deposits, m.Social = take(&a.present, m.Present), take(&a.deps, m.Deposits), take(&a.social, m.Social)
		m.Fines, m.Repayments, m.Loans = take(&a.fines, m.Fines), take(&a.reps, m.Repayments), take(&a.loans, m.Loans)
		e.Data = d
	case TrancheDisbursed:
		d.Loans = slices.Clone(d.Loans)
		e.Data = d
	}
	return e
}

func (m Meeting) clone() Meeting {
	m.Present = slices.Clone(m.Present)
	m.Deposits = slices.Clone(m.Deposits)
	m.Social = slices.Clone(m.Social)
	m.Fines = slices.Clone(m.Fines)
	m.Repayments = slices.Clone(m.Repayments)
	m.Loans = slices.Clone(m.Loans)
	return m
}

// loanRec is one loan the group tracks: an internal loan from the fund, or
// a bank loan of a tranche.
type loanRec struct {
	acct    loan.Account
	member  shg.MemberID // "" for the group's own bank loan
	tranche int          // 0 for an internal loan
	idx     int          // position in state.loanOrder
	saved   uint64       // the txlog.seq of the last command that saved it
}

func (r *loanRec) bank() bool { return r.tranche > 0 }

type trancheRec struct {
	number   int
	on       shg.Date
	borrower policy.Borrower
	loans    []shg.LoanID
}

// state is everything apply changes. It is rebuilt from events by Replay.
type state struct {
	charter      Charter
	stage        policy.Stage
	stageOn      [4]shg.Date // day each stage was entered
	last         shg.Date
	prepSessions int

	members  map[shg.MemberID]member.Member
	order    []shg.MemberID // admission order
	officers [4]shg.MemberID
	bylaws   string
	bank     string
	account  string

	fund      savings.Fund
	loans     map[shg.LoanID]*loanRec
	loanOrder []shg.LoanID
	tranches  []trancheRec
	internal  int // internal loans granted

	meetings     int
	lastMeeting  shg.Date
	attended     int
	expected     int
	onPlan       int
	shareOuts    int
	lastShareOut shg.Date

	tx *txlog // the current command's undo log; nil outside commands

	// allocs collects the allocation of each bank repayment the current
	// command applies, for the command to return. Not state.
	allocs []loan.Allocation
}

// txlog remembers what a command changed so a refused command can be
// undone. A group keeps one and reuses it for every command.
type txlog struct {
	saved   state
	members map[shg.MemberID]savedMember
	fund    savings.Mark // the fund's undo mark
	// loans holds each loan the command changed as it was before, in a
	// slice reused by every command (a map would allocate for each loan:
	// a loanRec is too large to be stored in one inline).
	loans     []savedLoan
	seq       uint64 // numbers the commands; loanRec.saved compares to it
	nLoans    int
	nOrder    int
	nTranches int
}

func newState(currency string) state {
	f, _ := savings.NewFund(currency)
	return state{
		members: map[shg.MemberID]member.Member{},
		loans:   map[shg.LoanID]*loanRec{},
		fund:    f,
	}
}

// begin starts a command. The fund is marked (savings.Fund.Mark: it
// journals what changes after); loans and members are saved when first
// touched.
func (s *state) begin(t *txlog) *txlog {
	clear(t.members)
	clear(t.loans) // drop the references the saved copies hold
	t.loans = t.loans[:0]
	t.seq++
	// Marking the fund also commits the previous command's changes to it.
	t.fund = s.fund.Mark()
	t.saved, t.nLoans, t.nOrder, t.nTranches = *s, len(s.loanOrder), len(s.order), len(s.tranches)
	s.tx = t
	s.allocs = s.allocs[:0]
	return t
}

func (s *state) end() { s.tx = nil }

func (s *state) rollback(t *txlog) {
	for _, sl := range t.loans {
		*sl.rec = sl.old
	}
	for _, id := range s.loanOrder[t.nLoans:] {
		delete(s.loans, id)
	}
	for id, old := range t.members {
		if old.existed {
			s.members[id] = old.m
		} else {
			delete(s.members, id)
		}
	}
	// The live fund returns to its mark; the copy of the fund in t.saved
	// shares its maps and must not replace it.
	s.fund.Rollback(t.fund)
	loans, members, fund := s.loans, s.members, s.fund
	*s = t.saved
	s.loans, s.members, s.fund = loans, members, fund
	s.loanOrder = s.loanOrder[:t.nLoans]
	s.order = s.order[:t.nOrder]
	s.tranches = s.tranches[:t.nTranches]
	s.tx = nil
}

// touch returns loan id for writing, saving its state for a rollback.
func (s *state) touch(id shg.LoanID) (*loanRec, bool) {
	r, ok := s.loans[id]
	if !ok {
		return nil, false
	}
	if t := s.tx; t != nil && r.idx < t.nLoans && r.saved != t.seq {
		// A plain copy suffices: loan.Account's methods never write
		// into memory a copy shares (they work on a private copy and
		// swap it in on success).
		t.loans = append(t.loans, savedLoan{rec: r, old: *r})
		r.saved = t.seq
	}
	return r, true
}

// wfund returns the fund for writing; begin marked it for a rollback.
func (s *state) wfund() *savings.Fund { return &s.fund }

// savedLoan is a loan's record before the current command.
type savedLoan struct {
	rec *loanRec
	old loanRec
}

// savedMember is a member's state before the current command.
type savedMember struct {
	m       member.Member
	existed bool
}

// setMember changes a member, saving her former state for a rollback.
func (s *state) setMember(id shg.MemberID, m member.Member) {
	if s.tx != nil {
		if _, saved := s.tx.members[id]; !saved {
			if s.tx.members == nil {
				s.tx.members = map[shg.MemberID]savedMember{}
			}
			old, existed := s.members[id]
			s.tx.members[id] = savedMember{m: old, existed: existed}
		}
	}
	s.members[id] = m
}
