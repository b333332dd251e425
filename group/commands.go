package group

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/savings"
	"github.com/shopspring/decimal"
)

// precheck returns the violations every command shares: a date before the
// last event, a dissolved group, and a stage outside allowed (any stage but
// Dissolved when allowed is empty).
func (g *Group) precheck(on shg.Date, allowed ...policy.Stage) []shg.Violation {
	var vs []shg.Violation
	if on.IsZero() {
		vs = append(vs, shg.Violation{Code: CodeDateBackwards, Message: "command has no date", Want: "a date", Got: "none", Err: shg.ErrInvalidDate})
	} else if on.Before(g.st.last) {
		vs = append(vs, shg.Violation{Code: CodeDateBackwards, Message: "dates may not go backwards",
			Want: ">= " + g.fmtDate(g.st.last), Got: g.fmtDate(on)})
	}
	if g.st.stage == policy.Dissolved {
		return append(vs, shg.Violation{Code: CodeDissolved, Message: "the group is dissolved", Want: "an active group", Got: "dissolved"})
	}
	if len(allowed) > 0 {
		ok := false
		names := make([]string, len(allowed))
		for i, s := range allowed {
			ok = ok || s == g.st.stage
			names[i] = s.String()
		}
		if !ok {
			vs = append(vs, shg.Violation{Code: CodeStage, Message: "not allowed in this stage",
				Want: strings.Join(names, " or "), Got: g.st.stage.String()})
		}
	}
	return vs
}

func (g *Group) fmtDate(d shg.Date) string { return d.Format(g.pol.Calendar) }

// run executes a command whose later events depend on the state its earlier
// events leave: body emits events one at a time, each applied at once, and
// may refuse with an error after any of them; then everything is undone.
func (g *Group) run(op string, on shg.Date, body func(emit func(EventData) error) error) error {
	tx := g.st.begin(&g.undo)
	// The events go to a buffer the group reuses (taken, so that a nested
	// command could not share it), then onto the log.
	evs := g.evbuf[:0]
	g.evbuf = nil
	defer func() {
		clear(evs) // the log has its copies; drop the buffer's references
		g.evbuf = evs[:0]
	}()
	emit := func(d EventData) error {
		e := Event{Seq: len(g.events) + len(evs) + 1, On: on, Data: d}
		if err := g.st.apply(e); err != nil {
			return err
		}
		evs = append(evs, e)
		return nil
	}
	if err := body(emit); err != nil {
		g.st.rollback(tx)
		return refusal(op, err)
	}
	g.st.end()
	g.events = append(g.events, evs...)
	return nil
}

func refuse(op string, vs []shg.Violation) error {
	if len(vs) == 0 {
		return nil
	}
	return shg.NewRuleError(op, vs...)
}

func (g *Group) money(what string, m shg.Money, allowZero bool) []shg.Violation {
	cur := g.pol.Currency
	switch {
	case m.Currency() != cur && !(m.IsZero() && m.Currency() == ""):
		return []shg.Violation{{Code: CodeAmount, Message: what + " is in another currency", Want: cur, Got: m.Currency(), Err: shg.ErrCurrencyMismatch}}
	case m.IsNegative() || (!allowZero && m.IsZero()):
		want := "> 0"
		if allowZero {
			want = ">= 0"
		}
		return []shg.Violation{{Code: CodeAmount, Message: what + " must be positive", Want: want, Got: m.String()}}
	case !m.IsRounded(shg.Rounding{}):
		return []shg.Violation{{Code: CodeAmount, Message: what + " is not whole minor units", Want: "whole " + cur, Got: m.String()}}
	}
	return nil
}

func (g *Group) memberCheck(id shg.MemberID, active bool) []shg.Violation {
	m, ok := g.st.members[id]
	if !ok {
		return []shg.Violation{{Code: CodeUnknownMember, Message: "no such member", Want: "a member of the group", Got: string(id)}}
	}
	if active && !m.IsActive() {
		return []shg.Violation{{Code: CodeMemberInactive, Message: "member is not active", Want: "active", Got: string(id) + ": " + m.Status().String()}}
	}
	return nil
}

func text(what, s string) []shg.Violation {
	if strings.TrimSpace(s) == "" {
		return []shg.Violation{{Code: CodeText, Message: what + " is empty", Want: "text", Got: `""`}}
	}
	return nil
}

// AssignFacilitator names the field worker who accompanies the group.
func (g *Group) AssignFacilitator(on shg.Date, name string) error {
	const op = "group.AssignFacilitator"
	vs := append(g.precheck(on), text("facilitator name", name)...)
	if len(vs) > 0 {
		return refuse(op, vs)
	}
	return g.commit(op, on, FacilitatorAssigned{Name: strings.TrimSpace(name)})
}

// RecordPreparationSession records an orientation session of the
// Preparation stage; the preparation gate counts them.
func (g *Group) RecordPreparationSession(on shg.Date, topic string, attendees int) error {
	const op = "group.RecordPreparationSession"
	vs := g.precheck(on, policy.Preparation)
	if attendees < 0 {
		vs = append(vs, shg.Violation{Code: CodeMeeting, Message: "attendees must not be negative", Want: ">= 0", Got: strconv.Itoa(attendees)})
	}
	if len(vs) > 0 {
		return refuse(op, vs)
	}
	return g.commit(op, on, PreparationSessionHeld{Topic: topic, Attendees: attendees})
}

// Admit admits a member described by p on date on, after the policy's
// eligibility rules (gender, age on that date, rural residence) and its
// maximum group size. The member joins on that date as an active, ordinary
// member: p.Joined, p.Status, p.Exited and p.Role are set accordingly
// (officers are elected with [Group.ElectOfficers]).
func (g *Group) Admit(on shg.Date, p member.Profile) error {
	const op = "group.Admit"
	vs := g.precheck(on)
	p.Joined, p.Status, p.Exited, p.Role = on, member.Active, shg.Date{}, member.Ordinary
	m, err := member.New(p)
	if err != nil {
		if re, ok := err.(*shg.RuleError); ok {
			vs = append(vs, re.Violations...)
		} else {
			return err
		}
	} else if _, dup := g.st.members[m.ID()]; dup {
		vs = append(vs, shg.Violation{Code: CodeDuplicateMember, Message: "member is already admitted", Want: "a new id", Got: string(m.ID())})
	}
	cl := g.pol.CheckEligibility(policy.ApplicantFacts{
		Gender: p.Gender, AgeYears: member.Age(p.BirthDate, on), Rural: p.Rural, CurrentMembers: g.activeCount(),
	})
	vs = append(vs, violationsOf(cl)...)
	if len(vs) > 0 {
		return refuse(op, vs)
	}
	return g.commit(op, on, MemberAdmitted{Member: m})
}

func violationsOf(cl policy.Checklist) []shg.Violation {
	var vs []shg.Violation
	for _, c := range cl.Unmet() {
		vs = append(vs, shg.Violation{Code: c.Code, Message: c.Description, Want: c.Want, Got: c.Got})
	}
	return vs
}

// Officers are the group's office holders; an empty ID is a vacant office.
type Officers struct {
	Chair     shg.MemberID `json:"chair,omitempty"`
	Treasurer shg.MemberID `json:"treasurer,omitempty"`
	Secretary shg.MemberID `json:"secretary,omitempty"`
}

// ElectOfficers records an election: the named active members take office
// and the former officers step down. One member holds at most one office.
func (g *Group) ElectOfficers(on shg.Date, o Officers) error {
	const op = "group.ElectOfficers"
	vs := g.precheck(on)
	seen := map[shg.MemberID]bool{}
	for _, id := range []shg.MemberID{o.Chair, o.Treasurer, o.Secretary} {
		if id == "" {
			continue
		}
		if seen[id] {
			vs = append(vs, shg.Violation{Code: CodeOfficers, Message: "one member holds two offices", Want: "distinct officers", Got: string(id)})
		}
		seen[id] = true
		vs = append(vs, g.memberCheck(id, true)...)
	}
	if len(seen) == 0 {
		vs = append(vs, shg.Violation{Code: CodeOfficers, Message: "no officer named", Want: ">= 1 officer", Got: "0"})
	}
	if len(vs) > 0 {
		return refuse(op, vs)
	}
	return g.commit(op, on, OfficersElected(o))
}

// AdoptBylaws records the group's bylaws, by a reference to the document.
func (g *Group) AdoptBylaws(on shg.Date, reference string) error {
	const op = "group.AdoptBylaws"
	vs := append(g.precheck(on), text("bylaws reference", reference)...)
	if len(vs) > 0 {
		return refuse(op, vs)
	}
	return g.commit(op, on, BylawsAdopted{Reference: reference})
}

// OpenBankAccount records the group's savings account at a bank.
func (g *Group) OpenBankAccount(on shg.Date, bank, account string) error {
	const op = "group.OpenBankAccount"
	vs := append(g.precheck(on), text("bank", bank)...)
	vs = append(vs, text("account", account)...)
	if len(vs) > 0 {
		return refuse(op, vs)
	}
	return g.commit(op, on, BankAccountOpened{Bank: bank, Account: account})
}

// Advance moves the group to its next stage if the policy's gate for the
// current stage is passed on date on. On refusal the [*shg.RuleError] lists
// every unmet criterion of the gate. A group in Sustainability has no next
// stage: its gate makes it mature for bank linkage (see [Group.Mature]).
func (g *Group) Advance(on shg.Date) error {
	const op = "group.Advance"
	vs := g.precheck(on)
	next, ok := g.st.stage.Next()
	if !ok && len(vs) == 0 {
		vs = append(vs, shg.Violation{Code: CodeStage, Message: "no stage follows " + g.st.stage.String(),
			Want: "preparation or formation", Got: g.st.stage.String()})
	}
	if len(vs) > 0 {
		return refuse(op, vs)
	}
	if vs := violationsOf(g.pol.CheckGate(g.st.stage, g.gateFacts(on))); len(vs) > 0 {
		return refuse(op, vs)
	}
	return g.commit(op, on, StageAdvanced{From: g.st.stage, To: next})
}

// HoldMeeting records a regular meeting (see [Meeting]) as one unit: the
// quorum, each deposit against the savings plan, and each new loan against
// the lending rules on the fund as the meeting's inflows leave it. It
// returns the IDs of the loans granted, in request order. The group keeps
// a copy of m: the caller may reuse m's slices for the next meeting.
func (g *Group) HoldMeeting(on shg.Date, m Meeting) ([]shg.LoanID, error) {
	const op = "group.HoldMeeting"
	m = m.clone()
	vs := g.precheck(on, policy.Formation, policy.Sustainability)
	if len(vs) > 0 {
		return nil, refuse(op, vs)
	}
	active := g.activeCount()
	// seen marks each member present (1) and deposited (2).
	const isPresent, hasDeposited = 1, 2
	if g.seen == nil {
		g.seen = make(map[shg.MemberID]uint8, len(m.Present))
	}
	seen := g.seen
	clear(seen)
	present := 0
	for _, id := range m.Present {
		if seen[id]&isPresent != 0 {
			vs = append(vs, shg.Violation{Code: CodeMeeting, Message: "member listed present twice", Want: "each member once", Got: string(id)})
		} else {
			present++
		}
		seen[id] |= isPresent
		vs = append(vs, g.memberCheck(id, true)...)
	}
	if q := g.quorum(active); present < q {
		vs = append(vs, shg.Violation{Code: CodeQuorum, Message: "too few members present",
			Want: ">= " + strconv.Itoa(q) + " of " + strconv.Itoa(active), Got: strconv.Itoa(present)})
	}
	onPlan := 0
	for i, d := range m.Deposits {
		vs = append(vs, g.memberCheck(d.Member, true)...)
		if seen[d.Member]&hasDeposited != 0 {
			vs = append(vs, shg.Violation{Code: CodeMeeting, Message: "member deposits twice", Want: "one deposit per member", Got: string(d.Member)})
		}
		seen[d.Member] |= hasDeposited
		vs = append(vs, g.money("deposit", d.Amount, false)...)
		c, err := g.pol.Savings.Plan.Check(d.Amount, d.Shares)
		if err != nil {
			if re, ok := err.(*shg.RuleError); ok {
				vs = append(vs, re.Violations...)
				continue
			}
			return nil, err
		}
		// Record the share count the plan read from the amount.
		m.Deposits[i].Shares = c.Shares
		if !c.InArrears() {
			onPlan++
		}
	}
	for _, p := range m.Social {
		vs = append(vs, g.memberCheck(p.Member, true)...)
		vs = append(vs, g.money("social fund contribution", p.Amount, false)...)
	}
	for _, f := range m.Fines {
		vs = append(vs, g.memberCheck(f.Member, false)...)
		vs = append(vs, g.money("fine", f.Amount, false)...)
	}
	if g.seenLoans == nil {
		g.seenLoans = make(map[shg.LoanID]bool, len(m.Repayments))
	}
	repaid := g.seenLoans
	clear(repaid)
	for _, r := range m.Repayments {
		if repaid[r.Loan] {
			vs = append(vs, shg.Violation{Code: CodeDuplicateLoan, Message: "loan repaid twice at one meeting", Want: "each loan once", Got: string(r.Loan)})
		}
		repaid[r.Loan] = true
		vs = append(vs, g.loanCheck(r.Loan, false)...)
		vs = append(vs, g.money("repayment", r.Amount, false)...)
	}
	for _, l := range m.Loans {
		vs = append(vs, g.memberCheck(l.Member, true)...)
		vs = append(vs, g.money("loan", l.Amount, false)...)
	}
	if len(vs) > 0 {
		return nil, refuse(op, vs)
	}
	var ids []shg.LoanID
	err := g.run(op, on, func(emit func(EventData) error) error {
		if err := emit(MeetingHeld{Meeting: m, Expected: active, OnPlan: onPlan}); err != nil {
			return err
		}
		for _, req := range m.Loans {
			id, d, err := g.loanDecision(on, req)
			if err != nil {
				return err
			}
			if err := emit(d); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

func (g *Group) loanCheck(id shg.LoanID, bank bool) []shg.Violation {
	r, ok := g.st.loans[id]
	if !ok || r.bank() != bank {
		kind := "an internal loan"
		if bank {
			kind = "a bank loan"
		}
		return []shg.Violation{{Code: CodeUnknownLoan, Message: "no such loan", Want: kind + " of the group", Got: string(id)}}
	}
	if r.acct.Status() != loan.Active {
		return []shg.Violation{{Code: CodeLoanInactive, Message: "loan is not active", Want: "active", Got: string(id) + ": " + r.acct.Status().String()}}
	}
	return nil
}

// loanDecision checks an internal loan request against the lending rules on
// the current state and returns the event that grants it.
func (g *Group) loanDecision(on shg.Date, req LoanRequest) (shg.LoanID, LoanGranted, error) {
	f := g.internalLoanFacts(on, req)
	if vs := violationsOf(g.pol.CheckInternalLoan(f)); len(vs) > 0 {
		for i := range vs {
			vs[i].Got = string(req.Member) + ": " + vs[i].Got
		}
		return "", LoanGranted{}, shg.NewRuleError("", vs...)
	}
	id := shg.LoanID(fmt.Sprintf("L%04d", g.st.internal+1))
	t := g.pol.InternalLoanTerms(req.Amount, req.Installments, on)
	return id, LoanGranted{Loan: id, Member: req.Member, Terms: termsOf(t, g.penalty(t))}, nil
}

// quorum is the policy's quorum for a group of n active members, computed
// once per size: the policy never changes under a group.
func (g *Group) quorum(n int) int {
	if n < 0 || n > 1000 {
		return g.pol.Quorum(n)
	}
	for len(g.quorums) <= n {
		g.quorums = append(g.quorums, g.pol.Quorum(len(g.quorums)))
	}
	return g.quorums[n]
}

// penaltyPlaces is the precision of the per-installment penalty rate
// derived from the policy's annual rate.
const penaltyPlaces = 10

// penalty turns the policy's delinquency rules into a loan's penalty rule.
// The policy's PenaltyRate is an annual rate, as banks state penal interest
// (Iran's 6% a year); a loan charges its penalty once per late installment,
// so the group charges one repayment period's worth of the annual rate:
// 6% a year on a monthly installment is 0.5% of what is overdue. The
// periods per year are Fineract's (12 months, 52 weeks, 365 days).
func (g *Group) penalty(t loan.Terms) loan.PenaltyRule {
	d := g.pol.Delinquency
	rate := d.PenaltyRate
	if per := t.Every.Unit.PerYear(); rate.IsPositive() && per > 0 && t.Every.N > 0 {
		rate = rate.Mul(decimal.NewFromInt(int64(t.Every.N))).DivRound(decimal.NewFromInt(int64(per)), penaltyPlaces)
	}
	return loan.PenaltyRule{GraceDays: d.GraceDays, Flat: d.PenaltyFlat, Rate: rate}
}

// RequestLoan grants an internal loan outside a meeting, under the same
// lending rules as a loan granted at one, and returns its ID.
func (g *Group) RequestLoan(on shg.Date, req LoanRequest) (shg.LoanID, error) {
	const op = "group.RequestLoan"
	vs := g.precheck(on, policy.Formation, policy.Sustainability)
	vs = append(vs, g.memberCheck(req.Member, true)...)
	vs = append(vs, g.money("loan", req.Amount, false)...)
	if len(vs) > 0 {
		return "", refuse(op, vs)
	}
	var id shg.LoanID
	err := g.run(op, on, func(emit func(EventData) error) error {
		var d LoanGranted
		var err error
		if id, d, err = g.loanDecision(on, req); err != nil {
			return err
		}
		return emit(d)
	})
	return id, err
}

// ApplyForTranche applies for bank tranche n (1-based) with the members'
// requests. The tranche rules of the policy are checked on date on (stage,
// maturity, group age, previous tranche received and repaid, waiting time,
// grade, caps per member, per group and as a multiple of the corpus); if
// every one is met, the bank disburses: one loan per member when members
// borrow, or one loan to the group, paid into its fund, when the group
// does. It returns the loan IDs.
func (g *Group) ApplyForTranche(on shg.Date, n int, requests []policy.MemberRequest) ([]shg.LoanID, error) {
	const op = "group.ApplyForTranche"
	vs := g.precheck(on)
	if n >= 1 && n <= len(g.st.tranches) {
		vs = append(vs, shg.Violation{Code: CodeTrancheOrder, Message: "tranche already received",
			Want: "tranche " + strconv.Itoa(len(g.st.tranches)+1), Got: "tranche " + strconv.Itoa(n)})
	}
	if len(requests) == 0 {
		vs = append(vs, shg.Violation{Code: CodeMeeting, Message: "no member requests", Want: ">= 1 request", Got: "0"})
	}
	seen := make(map[shg.MemberID]bool, len(requests))
	total := shg.Zero(g.pol.Currency)
	for _, r := range requests {
		if seen[r.Member] {
			vs = append(vs, shg.Violation{Code: CodeDuplicateMember, Message: "member requests twice", Want: "one request per member", Got: string(r.Member)})
		}
		seen[r.Member] = true
		vs = append(vs, g.memberCheck(r.Member, true)...)
		if mv := g.money("tranche request", r.Amount, false); len(mv) > 0 {
			vs = append(vs, mv...)
			continue
		}
		total, _ = total.Add(r.Amount)
	}
	if len(vs) > 0 {
		return nil, refuse(op, vs)
	}
	if vs := violationsOf(g.pol.CheckTranche(g.trancheFacts(on, n, requests))); len(vs) > 0 {
		return nil, refuse(op, vs)
	}
	d := TrancheDisbursed{Number: n, Borrower: g.pol.BankLinkage.Borrower}
	if d.Borrower == policy.BorrowerGroup {
		t := g.pol.TrancheTerms(n, total, on)
		d.Loans = []BankLoan{{Loan: shg.LoanID(fmt.Sprintf("B%d", n)), Terms: termsOf(t, g.penalty(t))}}
	} else {
		for i, r := range requests {
			t := g.pol.TrancheTerms(n, r.Amount, on)
			d.Loans = append(d.Loans, BankLoan{Loan: shg.LoanID(fmt.Sprintf("B%d-%02d", n, i+1)), Member: r.Member, Terms: termsOf(t, g.penalty(t))})
		}
	}
	if err := g.commit(op, on, d); err != nil {
		return nil, err
	}
	ids := make([]shg.LoanID, len(d.Loans))
	for i, l := range d.Loans {
		ids[i] = l.Loan
	}
	return ids, nil
}

// RepayBank records a repayment of a bank loan and returns how it was
// allocated. When the group borrowed, the payment leaves the group's cash.
func (g *Group) RepayBank(on shg.Date, id shg.LoanID, amount shg.Money) (loan.Allocation, error) {
	as, err := g.repayBank("group.RepayBank", on, []Repayment{{Loan: id, Amount: amount}})
	if err != nil {
		return loan.Allocation{}, err
	}
	return as[0], nil
}

// RepayBankLoans records several bank repayments made on one day (members
// bringing their installments to a meeting, say) as one unit: all are
// booked or none. It returns each repayment's allocation, in order.
func (g *Group) RepayBankLoans(on shg.Date, repayments []Repayment) ([]loan.Allocation, error) {
	return g.repayBank("group.RepayBankLoans", on, repayments)
}

func (g *Group) repayBank(op string, on shg.Date, rs []Repayment) ([]loan.Allocation, error) {
	vs := g.precheck(on)
	if len(rs) == 0 {
		vs = append(vs, shg.Violation{Code: CodeMeeting, Message: "no repayments", Want: ">= 1 repayment", Got: "0"})
	}
	seen := make(map[shg.LoanID]bool, len(rs))
	for _, r := range rs {
		if seen[r.Loan] {
			vs = append(vs, shg.Violation{Code: CodeDuplicateLoan, Message: "loan repaid twice in one command", Want: "each loan once", Got: string(r.Loan)})
		}
		seen[r.Loan] = true
		vs = append(vs, g.loanCheck(r.Loan, true)...)
		vs = append(vs, g.money("repayment", r.Amount, false)...)
	}
	if len(vs) > 0 {
		return nil, refuse(op, vs)
	}
	data := make([]EventData, len(rs))
	for i, r := range rs {
		data[i] = BankRepaymentMade{Loan: r.Loan, Amount: r.Amount}
	}
	if err := g.commit(op, on, data...); err != nil {
		return nil, err
	}
	return slices.Clone(g.st.allocs), nil
}

// WriteOff gives a loan up as lost. When the policy sets
// Delinquency.WriteOffDays, the loan must be at least that many days past due.
func (g *Group) WriteOff(on shg.Date, id shg.LoanID, reason string) error {
	const op = "group.WriteOff"
	vs := g.precheck(on)
	r, ok := g.st.loans[id]
	if !ok {
		vs = append(vs, shg.Violation{Code: CodeUnknownLoan, Message: "no such loan", Want: "a loan of the group", Got: string(id)})
	} else {
		vs = append(vs, g.loanCheck(id, r.bank())...)
		if r.bank() && r.member == "" {
			// A write-off is the lender's decision; the group owes this
			// loan and cannot write its own debt off.
			vs = append(vs, shg.Violation{Code: CodeOwnDebt, Message: "the group cannot write off its own debt to the bank",
				Want: "an internal loan or a member's bank loan", Got: string(id)})
		}
		if min := g.pol.Delinquency.WriteOffDays; min > 0 && len(vs) == 0 {
			if dpd := r.acct.Arrears(on).DaysPastDue; dpd < min {
				vs = append(vs, shg.Violation{Code: CodeWriteOffDays, Message: "loan is not overdue long enough to write off",
					Want: ">= " + strconv.Itoa(min) + " days past due", Got: strconv.Itoa(dpd) + " days"})
			}
		}
	}
	if len(vs) > 0 {
		return refuse(op, vs)
	}
	return g.commit(op, on, LoanWrittenOff{Loan: id, Reason: reason})
}

// Exit ends a membership. Her savings first pay off her internal loans as
// far as they reach, the rest is paid out in cash (the fund must have it);
// any debt her savings do not cover stays on her loans. A member with an
// active bank loan of her own cannot leave until it is repaid.
func (g *Group) Exit(on shg.Date, id shg.MemberID, reason string) error {
	if strings.TrimSpace(reason) == "" {
		reason = "exit"
	}
	return g.exit("group.Exit", on, id, reason, false)
}

// RecordDeath ends a membership by death; her savings are settled as by
// [Group.Exit] (paid to her heirs), even if she had a bank loan.
func (g *Group) RecordDeath(on shg.Date, id shg.MemberID) error {
	return g.exit("group.RecordDeath", on, id, "deceased", true)
}

func (g *Group) exit(op string, on shg.Date, id shg.MemberID, reason string, deceased bool) error {
	vs := append(g.precheck(on), g.memberCheck(id, true)...)
	if !deceased {
		for _, lid := range g.st.loanOrder {
			if r := g.st.loans[lid]; r.bank() && r.member == id && r.acct.Status() == loan.Active {
				vs = append(vs, shg.Violation{Code: CodeBankLoanActive, Message: "member has an active bank loan",
					Want: "no active bank loan", Got: string(lid)})
			}
		}
	}
	if len(vs) > 0 {
		return refuse(op, vs)
	}
	return g.commit(op, on, MemberExited{Member: id, Deceased: deceased, Reason: reason})
}

// PaySocialFund pays a member, or the family of a deceased member (a
// funeral), from the social (emergency) fund, for a stated reason.
func (g *Group) PaySocialFund(on shg.Date, id shg.MemberID, amount shg.Money, reason string) error {
	const op = "group.PaySocialFund"
	vs := append(g.precheck(on), g.memberCheck(id, false)...)
	if m, ok := g.st.members[id]; ok && m.Status() == member.Exited {
		vs = append(vs, shg.Violation{Code: CodeMemberInactive, Message: "member has left the group", Want: "active or deceased", Got: string(id) + ": exited"})
	}
	vs = append(vs, g.money("payout", amount, false)...)
	vs = append(vs, text("reason", reason)...)
	if len(vs) > 0 {
		return refuse(op, vs)
	}
	return g.commit(op, on, SocialFundPaid{Member: id, Amount: amount, Reason: reason})
}

// RecordIncome records a member's monthly income as observed on date on,
// the programme's outcome measure.
func (g *Group) RecordIncome(on shg.Date, id shg.MemberID, monthly shg.Money) error {
	const op = "group.RecordIncome"
	vs := append(g.precheck(on), g.memberCheck(id, false)...)
	vs = append(vs, g.money("income", monthly, true)...)
	if len(vs) > 0 {
		return refuse(op, vs)
	}
	return g.commit(op, on, IncomeRecorded{Member: id, Monthly: monthly})
}

// SetLivelihood records the activity a member's loans finance.
func (g *Group) SetLivelihood(on shg.Date, id shg.MemberID, l member.Livelihood) error {
	const op = "group.SetLivelihood"
	vs := append(g.precheck(on), g.memberCheck(id, false)...)
	if !l.IsValid() {
		vs = append(vs, shg.Violation{Code: member.CodeLivelihood, Message: "unknown livelihood", Want: "a livelihood", Got: l.String()})
	}
	if len(vs) > 0 {
		return refuse(op, vs)
	}
	return g.commit(op, on, LivelihoodChanged{Member: id, Livelihood: l})
}

// ShareOut ends a savings cycle: the pool (savings plus the cycle's
// earnings, and the social fund if the policy shares it) is paid out in
// proportion to the policy's basis. Every internal loan must be settled
// first (VSLA practice), and when the policy sets a cycle length, the cycle
// must have run that long since formation or the last share-out.
func (g *Group) ShareOut(on shg.Date) (savings.Distribution, error) {
	const op = "group.ShareOut"
	vs := g.precheck(on, policy.Formation, policy.Sustainability)
	if months := g.pol.ShareOut.CycleMonths; months > 0 && len(vs) == 0 {
		start := g.st.stageOn[policy.Formation]
		if !g.st.lastShareOut.IsZero() {
			start = g.st.lastShareOut
		}
		if got := on.MonthsSince(start, g.pol.Calendar); got < months {
			vs = append(vs, shg.Violation{Code: CodeShareOutCycle, Message: "the savings cycle is not over",
				Want: ">= " + strconv.Itoa(months) + " months", Got: strconv.Itoa(got) + " months"})
		}
	}
	if len(vs) > 0 {
		return savings.Distribution{}, refuse(op, vs)
	}
	d := SharedOut{Basis: g.pol.ShareOut.Basis, IncludeSocialFund: !g.pol.ShareOut.KeepSocialFund}
	dist, err := g.st.fund.PlanShareOut(savings.Entry{Date: on}, savings.ShareOutOptions{Basis: d.Basis, IncludeSocialFund: d.IncludeSocialFund})
	if err != nil {
		return savings.Distribution{}, refusal(op, err)
	}
	if err := g.commit(op, on, d); err != nil {
		return savings.Distribution{}, err
	}
	return dist, nil
}

// Dissolve ends the group. Every loan, internal or bank, must be settled;
// the cash the fund holds, social fund included, is shared out first.
func (g *Group) Dissolve(on shg.Date, reason string) error {
	const op = "group.Dissolve"
	vs := g.precheck(on)
	for _, id := range g.st.loanOrder {
		if g.st.loans[id].acct.Status() == loan.Active {
			vs = append(vs, shg.Violation{Code: CodeLoansActive, Message: "loan still active", Want: "every loan settled", Got: string(id)})
		}
	}
	if len(vs) > 0 {
		return refuse(op, vs)
	}
	return g.run(op, on, func(emit func(EventData) error) error {
		if g.st.fund.Cash().Total.IsPositive() && g.st.stage != policy.Preparation {
			if err := emit(SharedOut{Basis: g.pol.ShareOut.Basis, IncludeSocialFund: true}); err != nil {
				return err
			}
		}
		return emit(Dissolved{Reason: reason})
	})
}
