package group

import (
	"encoding/json"
	"math"
	"slices"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/savings"
	"github.com/shopspring/decimal"
)

// ratePlaces is the precision of the rates the group derives (attendance,
// repayment, PAR): four decimals, i.e. hundredths of a percent.
const ratePlaces = 4

func ratio(num, den int) decimal.Decimal {
	if den == 0 {
		return decimal.Zero
	}
	return decimal.NewFromInt(int64(num)).DivRound(decimal.NewFromInt(int64(den)), ratePlaces)
}

func moneyRatio(num, den shg.Money) decimal.Decimal {
	if !den.IsPositive() {
		return decimal.Zero
	}
	return num.Amount().DivRound(den.Amount(), ratePlaces)
}

// Charter returns the group's charter, with the current facilitator.
func (g *Group) Charter() Charter { return g.st.charter }

// ID returns the group's ID.
func (g *Group) ID() shg.GroupID { return g.st.charter.ID }

// Stage returns the group's current stage.
func (g *Group) Stage() policy.Stage { return g.st.stage }

// StageEntered returns the day the group entered stage s, if it has.
func (g *Group) StageEntered(s policy.Stage) (shg.Date, bool) {
	if !s.IsValid() || g.st.stageOn[s].IsZero() {
		return shg.Date{}, false
	}
	return g.st.stageOn[s], true
}

// LastDate returns the date of the latest event: no command may be dated earlier.
func (g *Group) LastDate() shg.Date { return g.st.last }

// Members returns every member ever admitted, active or not, in admission order.
func (g *Group) Members() []member.Member {
	out := make([]member.Member, len(g.st.order))
	for i, id := range g.st.order {
		out[i] = g.st.members[id]
	}
	return out
}

// Member returns the member with the given ID.
func (g *Group) Member(id shg.MemberID) (member.Member, bool) {
	m, ok := g.st.members[id]
	return m, ok
}

// ActiveMembers returns the number of active members.
func (g *Group) ActiveMembers() int { return g.activeCount() }

func (g *Group) activeCount() int {
	n := 0
	for _, m := range g.st.members {
		if m.IsActive() {
			n++
		}
	}
	return n
}

// Officers returns the current office holders.
func (g *Group) Officers() Officers {
	o := g.st.officers
	return Officers{Chair: o[member.Chair], Treasurer: o[member.Treasurer], Secretary: o[member.Secretary]}
}

// Fund returns a copy of the group fund's books.
func (g *Group) Fund() savings.Fund { return g.st.fund.Clone() }

// LoanInfo is one loan of the group: an internal loan from the fund
// (Tranche 0) or a bank loan of tranche Tranche.
type LoanInfo struct {
	ID      shg.LoanID
	Member  shg.MemberID // empty for the group's own bank loan
	Tranche int
	Account loan.Account // a copy
}

// IsBank reports whether the loan is a bank loan.
func (l LoanInfo) IsBank() bool { return l.Tranche > 0 }

// info shares the account's memory with the group: safe, because
// loan.Account's methods never write into memory a copy shares.
func (r *loanRec) info(id shg.LoanID) LoanInfo {
	return LoanInfo{ID: id, Member: r.member, Tranche: r.tranche, Account: r.acct}
}

// Loans returns every loan, internal and bank, in the order granted.
func (g *Group) Loans() []LoanInfo {
	out := make([]LoanInfo, len(g.st.loanOrder))
	for i, id := range g.st.loanOrder {
		out[i] = g.st.loans[id].info(id)
	}
	return out
}

// Loan returns one loan by ID.
func (g *Group) Loan(id shg.LoanID) (LoanInfo, bool) {
	r, ok := g.st.loans[id]
	if !ok {
		return LoanInfo{}, false
	}
	return r.info(id), true
}

// TrancheInfo summarises one bank tranche received.
type TrancheInfo struct {
	Number      int
	On          shg.Date
	Borrower    policy.Borrower
	Loans       []shg.LoanID
	Disbursed   shg.Money
	Outstanding shg.Money // principal still owed
	// Repaid is the share of the principal repaid, 0–1, four decimals.
	Repaid decimal.Decimal
}

// Tranches returns the bank tranches received, in order.
func (g *Group) Tranches() []TrancheInfo {
	out := make([]TrancheInfo, len(g.st.tranches))
	for i, t := range g.st.tranches {
		out[i] = g.trancheInfo(t)
	}
	return out
}

func (g *Group) trancheInfo(t trancheRec) TrancheInfo {
	ti := TrancheInfo{Number: t.number, On: t.on, Borrower: t.borrower, Loans: slices.Clone(t.loans),
		Disbursed: shg.Zero(g.pol.Currency), Outstanding: shg.Zero(g.pol.Currency)}
	repaid := shg.Zero(g.pol.Currency)
	for _, id := range t.loans {
		a := g.st.loans[id].acct
		ti.Disbursed, _ = ti.Disbursed.Add(a.Disbursed())
		ti.Outstanding, _ = ti.Outstanding.Add(a.OutstandingPrincipal())
		repaid, _ = repaid.Add(principalRepaid(a))
	}
	ti.Repaid = moneyRatio(repaid, ti.Disbursed)
	return ti
}

// principalRepaid is the principal actually repaid (not written off).
func principalRepaid(a loan.Account) shg.Money {
	if a.Status() != loan.WrittenOff {
		p, _ := a.Disbursed().Sub(a.OutstandingPrincipal())
		return p
	}
	p := shg.Zero(a.Currency())
	for _, t := range a.Transactions() {
		if t.Kind == loan.KindRepayment {
			p, _ = p.Add(t.Principal)
		}
	}
	return p
}

// AgeMonths returns the group's age on date on in whole months of the
// policy's calendar, counted from its founding.
func (g *Group) AgeMonths(on shg.Date) int {
	return on.MonthsSince(g.st.charter.Founded, g.pol.Calendar)
}

// GateFacts returns the facts the stage gates are judged on, on date on.
func (g *Group) GateFacts(on shg.Date) policy.GateFacts { return g.gateFacts(on) }

func (g *Group) gateFacts(on shg.Date) policy.GateFacts {
	s := &g.st
	f := policy.GateFacts{
		On:                  on,
		FacilitatorAssigned: s.charter.Facilitator != "",
		OrientationSessions: s.prepSessions,
		Members:             g.activeCount(),
		BylawsAdopted:       s.bylaws != "",
		BankAccountOpened:   s.account != "",
		AttendanceRate:      ratio(s.attended, s.expected),
		SavingsRegularity:   ratio(s.onPlan, s.expected),
		RepaymentRate:       g.repaymentRate(on),
		InternalLoansMade:   s.internal,
		BooksUpToDate:       g.booksUpToDate(on),
		MeetingsHeld:        s.meetings,
	}
	for role, id := range s.officers {
		if id != "" {
			f.Officers = append(f.Officers, member.Role(role))
		}
	}
	if formed := s.stageOn[policy.Formation]; !formed.IsZero() {
		f.MonthsSinceFormation = on.MonthsSince(formed, g.pol.Calendar)
		f.MeetingsExpected = g.pol.MeetingsExpected(formed, on)
	}
	return f
}

// periodsBetween counts the whole meeting periods from a to b.
func (g *Group) periodsBetween(a, b shg.Date) int {
	switch g.pol.Meetings.Frequency {
	case policy.Weekly:
		return b.Sub(a) / 7
	case policy.Fortnightly:
		return b.Sub(a) / 14
	}
	return b.MonthsSince(a, g.pol.Calendar)
}

// booksUpToDate: the last meeting is at most two meeting periods old.
func (g *Group) booksUpToDate(on shg.Date) bool {
	last := g.st.lastMeeting
	return !last.IsZero() && !on.Before(last) && g.periodsBetween(last, on) <= 2
}

// repaymentRate is the share of what internal loans had due by on that was
// paid: 1 when nothing has fallen due.
func (g *Group) repaymentRate(on shg.Date) decimal.Decimal {
	// In int64 minor units: this runs for every gate and tranche check
	// over every installment of every internal loan. Amounts that are not
	// whole minor units, or sums near overflow, take the exact path.
	var due, paid int64
	for _, id := range g.st.loanOrder {
		r := g.st.loans[id]
		if r.bank() {
			continue
		}
		for n := 1; n <= r.acct.Len(); n++ {
			l, _ := r.acct.Installment(n)
			if l.Due.After(on) {
				break
			}
			t, ok1 := minorSum(l.Principal, l.Interest, l.Fee)
			p, ok2 := minorSum(l.PaidPrincipal, l.PaidInterest, l.PaidFee, l.Waived)
			if !ok1 || !ok2 || due > math.MaxInt64/4-t {
				return g.repaymentRateExact(on)
			}
			due += t
			paid += min(p, t)
		}
	}
	if due <= 0 {
		return decimal.NewFromInt(1)
	}
	return decimal.NewFromInt(paid).DivRound(decimal.NewFromInt(due), ratePlaces)
}

// minorSum adds amounts in minor units; false if one is not a whole number
// of them or the sum might overflow.
func minorSum(ms ...shg.Money) (int64, bool) {
	var s int64
	for _, m := range ms {
		u, ok := m.MinorUnits()
		if !ok || u < 0 || u > math.MaxInt64/8 {
			return 0, false
		}
		s += u
	}
	return s, true
}

// repaymentRateExact is repaymentRate in decimals, for any amounts.
func (g *Group) repaymentRateExact(on shg.Date) decimal.Decimal {
	due, paid := decimal.Zero, decimal.Zero
	for _, id := range g.st.loanOrder {
		r := g.st.loans[id]
		if r.bank() {
			continue
		}
		for n := 1; n <= r.acct.Len(); n++ {
			l, _ := r.acct.Installment(n)
			if l.Due.After(on) {
				break
			}
			t := l.Principal.Amount().Add(l.Interest.Amount()).Add(l.Fee.Amount())
			p := l.PaidPrincipal.Amount().Add(l.PaidInterest.Amount()).Add(l.PaidFee.Amount()).Add(l.Waived.Amount())
			due = due.Add(t)
			paid = paid.Add(decimal.Min(p, t))
		}
	}
	if !due.IsPositive() {
		return decimal.NewFromInt(1)
	}
	return paid.DivRound(due, ratePlaces)
}

// Gate returns the checklist of stage s's gate on date on: what the group
// has and what it still lacks to complete that stage.
func (g *Group) Gate(s policy.Stage, on shg.Date) policy.Checklist {
	return g.pol.CheckGate(s, g.gateFacts(on))
}

// Mature reports whether the group is in Sustainability and passes its
// gate on date on: the condition for bank linkage.
func (g *Group) Mature(on shg.Date) bool {
	return g.st.stage == policy.Sustainability && g.Gate(policy.Sustainability, on).Passed()
}

// Grade grades the group on date on by the policy's grading rules.
func (g *Group) Grade(on shg.Date) policy.Grading { return g.grade(g.gateFacts(on)) }

// grade grades the group on the gate facts; its age (policy: "the group's
// age in whole months") counts from its founding, like a tranche's.
func (g *Group) grade(f policy.GateFacts) policy.Grading {
	mr := decimal.NewFromInt(1)
	if f.MeetingsExpected > 0 {
		mr = decimal.Min(mr, ratio(f.MeetingsHeld, f.MeetingsExpected))
	}
	return g.pol.Grade(policy.GradeFacts{
		AttendanceRate:    f.AttendanceRate,
		SavingsRegularity: f.SavingsRegularity,
		RepaymentRate:     f.RepaymentRate,
		MeetingRegularity: mr,
		FundUtilisation:   g.st.fund.Utilisation(ratePlaces),
		BooksUpToDate:     f.BooksUpToDate,
		MonthsActive:      g.AgeMonths(f.On),
	})
}

// Corpus is the group's own funds: what the fund holds (cash and loans
// receivable) less what it owes the bank.
func (g *Group) Corpus() shg.Money {
	bs := g.st.fund.BalanceSheet()
	c, _ := bs.Assets.Sub(bs.BankLoan)
	return c
}

// TrancheChecklist evaluates an application for tranche n with these
// requests on date on, without applying: a front end's "what is missing".
func (g *Group) TrancheChecklist(on shg.Date, n int, requests []policy.MemberRequest) policy.Checklist {
	return g.pol.CheckTranche(g.trancheFacts(on, n, requests))
}

func (g *Group) trancheFacts(on shg.Date, n int, requests []policy.MemberRequest) policy.TrancheFacts {
	gf := g.gateFacts(on)
	f := policy.TrancheFacts{
		Number:         n,
		Stage:          g.st.stage,
		Mature:         g.st.stage == policy.Sustainability && g.pol.CheckGate(policy.Sustainability, gf).Passed(),
		GroupAgeMonths: g.AgeMonths(on),
		Grade:          g.grade(gf).Grade,
		Corpus:         g.Corpus(),
		Requests:       slices.Clone(requests),
		Members:        g.activeCount(),
	}
	if k := len(g.st.tranches); k > 0 {
		last := g.st.tranches[k-1]
		f.MonthsSinceLast = on.MonthsSince(last.on, g.pol.Calendar)
		if n >= 2 && n-1 <= k {
			f.PreviousReceived = true
			f.PreviousRepaid = g.trancheInfo(g.st.tranches[n-2]).Repaid
		}
	}
	return f
}

// LoanChecklist evaluates an internal loan request on date on against the
// lending rules, without granting it.
func (g *Group) LoanChecklist(on shg.Date, req LoanRequest) policy.Checklist {
	return g.pol.CheckInternalLoan(g.internalLoanFacts(on, req))
}

func (g *Group) internalLoanFacts(on shg.Date, req LoanRequest) policy.InternalLoanFacts {
	f := policy.InternalLoanFacts{
		Amount:        req.Amount,
		MemberSavings: g.st.fund.Savings(req.Member),
		FundSavings:   g.st.fund.TotalSavings(),
		CashAvailable: g.st.fund.Cash().Total,
		Installments:  req.Installments,
		Stage:         g.st.stage,
	}
	for _, id := range g.st.loanOrder {
		r := g.st.loans[id]
		if r.bank() || r.member != req.Member || r.acct.Status() != loan.Active {
			continue
		}
		f.ActiveLoans++
		if d := r.acct.Arrears(on).DaysPastDue; d > f.DaysPastDue {
			f.DaysPastDue = d
		}
	}
	return f
}

// Portfolio is the state of a set of loans on a date.
type Portfolio struct {
	Loans       int       // loans ever made
	Active      int       // loans active on the date
	Disbursed   shg.Money // principal ever lent
	Repaid      shg.Money // principal repaid
	WrittenOff  shg.Money // principal written off
	Outstanding shg.Money // principal still owed by active loans
	Overdue     shg.Money // overdue principal and charges of active loans
	// AtRisk30 is the outstanding principal of loans more than 30 days past
	// due: the numerator of PAR30.
	AtRisk30 shg.Money
	// PAR30 is AtRisk30 / Outstanding, four decimals (0 with nothing out).
	PAR30 decimal.Decimal
	// Buckets is the outstanding principal by arrears bucket, indexed by
	// [loan.Bucket] (Current, 1–30, 31–60, 61–90, over 90 days).
	Buckets [5]shg.Money
}

// Portfolios returns the group's internal and bank loan portfolios on date on.
func (g *Group) Portfolios(on shg.Date) (internal, bank Portfolio) {
	z := shg.Zero(g.pol.Currency)
	for _, p := range []*Portfolio{&internal, &bank} {
		*p = Portfolio{Disbursed: z, Repaid: z, WrittenOff: z, Outstanding: z, Overdue: z, AtRisk30: z, Buckets: [5]shg.Money{z, z, z, z, z}}
	}
	for _, id := range g.st.loanOrder {
		r := g.st.loans[id]
		p := &internal
		if r.bank() {
			p = &bank
		}
		a := r.acct
		p.Loans++
		p.Disbursed, _ = p.Disbursed.Add(a.Disbursed())
		rep := principalRepaid(a)
		p.Repaid, _ = p.Repaid.Add(rep)
		switch a.Status() {
		case loan.WrittenOff:
			lost, _ := a.Disbursed().Sub(rep)
			p.WrittenOff, _ = p.WrittenOff.Add(lost)
		case loan.Active:
			p.Active++
			ar := a.Arrears(on)
			out := a.OutstandingPrincipal()
			p.Outstanding, _ = p.Outstanding.Add(out)
			overdue, _ := ar.Principal.Add(ar.Interest)
			overdue, _ = overdue.Add(ar.Fee)
			p.Overdue, _ = p.Overdue.Add(overdue)
			p.AtRisk30, _ = p.AtRisk30.Add(ar.AtRisk(30))
			b := loan.BucketFor(ar.DaysPastDue)
			p.Buckets[b], _ = p.Buckets[b].Add(out)
		}
	}
	internal.PAR30 = moneyRatio(internal.AtRisk30, internal.Outstanding)
	bank.PAR30 = moneyRatio(bank.AtRisk30, bank.Outstanding)
	return internal, bank
}

// MeetingStats summarises the meetings held.
type MeetingStats struct {
	Meetings int
	Last     shg.Date
	// Attendance is members present / members expected over all meetings.
	Attendance decimal.Decimal
	// SavingsRegularity is deposits that met the plan / members expected.
	SavingsRegularity decimal.Decimal
}

// Meetings returns the meeting statistics.
func (g *Group) Meetings() MeetingStats {
	s := &g.st
	return MeetingStats{Meetings: s.meetings, Last: s.lastMeeting,
		Attendance: ratio(s.attended, s.expected), SavingsRegularity: ratio(s.onPlan, s.expected)}
}

// Statement is one member's standing: her profile, her lines in the fund's
// books, her position, and her loans.
type Statement struct {
	Member   member.Member
	Position savings.MemberPosition
	Lines    []savings.StatementLine
	Loans    []LoanInfo
}

// Statement returns a member's statement.
func (g *Group) Statement(id shg.MemberID) (Statement, bool) {
	m, ok := g.st.members[id]
	if !ok {
		return Statement{}, false
	}
	st := Statement{Member: m, Position: g.st.fund.Member(id), Lines: g.st.fund.Statement(id)}
	for _, lid := range g.st.loanOrder {
		if r := g.st.loans[lid]; r.member == id {
			st.Loans = append(st.Loans, r.info(lid))
		}
	}
	return st, true
}

// snapshot is the full state in a deterministic JSON form.
type snapshot struct {
	Charter      Charter           `json:"charter"`
	Stage        policy.Stage      `json:"stage"`
	StageOn      [4]shg.Date       `json:"stageOn"`
	Last         shg.Date          `json:"last"`
	PrepSessions int               `json:"prepSessions"`
	Members      []member.Member   `json:"members"`
	Officers     Officers          `json:"officers"`
	Bylaws       string            `json:"bylaws"`
	Bank         string            `json:"bank"`
	Account      string            `json:"account"`
	Fund         savings.Fund      `json:"fund"`
	Loans        []snapshotLoan    `json:"loans"`
	Tranches     []snapshotTranche `json:"tranches"`
	Internal     int               `json:"internal"`
	Meetings     int               `json:"meetings"`
	LastMeeting  shg.Date          `json:"lastMeeting"`
	Attended     int               `json:"attended"`
	Expected     int               `json:"expected"`
	OnPlan       int               `json:"onPlan"`
	ShareOuts    int               `json:"shareOuts"`
	LastShareOut shg.Date          `json:"lastShareOut"`
	Events       int               `json:"events"`
}

type snapshotLoan struct {
	ID      shg.LoanID   `json:"id"`
	Member  shg.MemberID `json:"member,omitempty"`
	Tranche int          `json:"tranche,omitempty"`
	Account loan.Account `json:"account"`
}

type snapshotTranche struct {
	Number   int             `json:"number"`
	On       shg.Date        `json:"on"`
	Borrower policy.Borrower `json:"borrower"`
	Loans    []shg.LoanID    `json:"loans"`
}

// MarshalJSON encodes a full, deterministic snapshot of the group's state
// (not its log): two groups with the same history encode byte for byte
// the same, which is how tests compare a replayed group with the original.
func (g *Group) MarshalJSON() ([]byte, error) {
	s := &g.st
	snap := snapshot{
		Charter: s.charter, Stage: s.stage, StageOn: s.stageOn, Last: s.last, PrepSessions: s.prepSessions,
		Members: g.Members(), Officers: g.Officers(), Bylaws: s.bylaws, Bank: s.bank, Account: s.account,
		Fund: s.fund, Internal: s.internal, Meetings: s.meetings, LastMeeting: s.lastMeeting,
		Attended: s.attended, Expected: s.expected, OnPlan: s.onPlan, ShareOuts: s.shareOuts,
		LastShareOut: s.lastShareOut, Events: len(g.events),
	}
	for _, id := range s.loanOrder {
		r := s.loans[id]
		snap.Loans = append(snap.Loans, snapshotLoan{ID: id, Member: r.member, Tranche: r.tranche, Account: r.acct})
	}
	for _, t := range s.tranches {
		snap.Tranches = append(snap.Tranches, snapshotTranche{Number: t.number, On: t.on, Borrower: t.borrower, Loans: t.loans})
	}
	return json.Marshal(snap)
}
