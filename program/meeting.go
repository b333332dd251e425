package program

import (
	"errors"
	"fmt"
	"strings"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/savings"
)

// errDrift reports that the simulator's shadow books disagree with the
// group's: a bug in the simulator.
var errDrift = errors.New("program: simulation shadow disagrees with the group")

// meeting simulates one meeting day: the meeting itself if a quorum comes,
// then bank repayments, write-offs, exits, income surveys, tranches and
// share-outs.
func (s *sim) meeting(on shg.Date) error {
	s.present = s.present[:0]
	active := 0
	for _, m := range s.members {
		if !m.active {
			continue
		}
		active++
		if s.chance(s.attend) {
			s.present = append(s.present, m)
		}
	}
	held := len(s.present) > 0 && len(s.present) >= s.quorum(active)
	if held {
		if err := s.hold(on); err != nil {
			return err
		}
	}
	if err := s.repayBank(on); err != nil {
		return err
	}
	if err := s.writeOffs(on); err != nil {
		return err
	}
	if held {
		if err := s.exits(on); err != nil {
			return err
		}
	}
	if err := s.survey(on); err != nil {
		return err
	}
	if err := s.tranches(on); err != nil {
		return err
	}
	return s.shareOut(on)
}

// deposit returns what a member deposits under the plan: the fixed amount,
// a number of shares, or a multiple of the minimum.
func (s *sim) deposit() (shg.Money, int, int64) {
	p := s.pol.Savings.Plan
	if s.deposits == nil {
		hi := 3
		if p.Kind == savings.Shares {
			hi = p.MaxShares
		}
		s.deposits = make([]shg.Money, hi+1)
		for k := range s.deposits {
			s.deposits[k] = s.money(s.unit * int64(k))
		}
	}
	switch p.Kind {
	case savings.Shares:
		k := s.between(max(p.MinShares, 1), p.MaxShares)
		return s.deposits[k], k, s.unit * int64(k)
	case savings.Flexible:
		k := s.between(1, 3)
		return s.deposits[k], 0, s.unit * int64(k)
	}
	return s.deposits[1], 0, s.unit
}

type pendingDeposit struct {
	m   *msim
	amt int64
}

type pendingRepayment struct {
	l    *lsim
	amt  int64
	next int
}

type pendingLoan struct {
	m   *msim
	amt int64
}

// quorum is the policy's quorum for n active members, computed once per n.
func (s *sim) quorum(n int) int {
	for len(s.quorums) <= n {
		s.quorums = append(s.quorums, s.pol.Quorum(len(s.quorums)))
	}
	return s.quorums[n]
}

// hold holds the meeting with the members present.
func (s *sim) hold(on shg.Date) error {
	pol := s.pol
	social, fine := minor(pol.Savings.SocialFund), minor(pol.Savings.Fines.Absence)
	b := &s.meetingBuf
	mt := group.Meeting{Present: b.Present[:0], Deposits: b.Deposits[:0], Social: b.Social[:0],
		Fines: b.Fines[:0], Repayments: b.Repayments[:0], Loans: b.Loans[:0]}
	deps := s.deps[:0]
	cashIn := int64(0)
	for _, m := range s.present {
		mt.Present = append(mt.Present, m.id)
		if s.chance(s.comply) {
			money, shares, amt := s.deposit()
			mt.Deposits = append(mt.Deposits, group.Deposit{Member: m.id, Amount: money, Shares: shares})
			deps = append(deps, pendingDeposit{m, amt})
			cashIn += amt
		}
		if social > 0 {
			mt.Social = append(mt.Social, group.Payment{Member: m.id, Amount: pol.Savings.SocialFund})
			cashIn += social
		}
		if fine > 0 && m.absent {
			mt.Fines = append(mt.Fines, group.Fine{Member: m.id, Amount: pol.Savings.Fines.Absence, Reason: "absence"})
			cashIn += fine
		}
	}
	// Installments reach the meeting whether or not the borrower attends
	// (a neighbour brings them), unless she pays late.
	reps := s.reps[:0]
	for _, m := range s.members {
		if m.loan == nil || !m.active {
			continue
		}
		amt, next, ok := s.payment(m.loan, on)
		if !ok {
			continue
		}
		mt.Repayments = append(mt.Repayments, group.Repayment{Loan: m.loan.id, Amount: s.money(amt)})
		reps = append(reps, pendingRepayment{m.loan, amt, next})
		cashIn += amt
	}

	// New loans, against the fund as the meeting's inflows leave it.
	loans := s.newLoan[:0]
	if pol.Lending.Enabled && pol.Lending.MinStage <= policy.Sustainability && s.demand > 0 {
		total, cash := s.total, s.cash+cashIn
		for _, d := range deps {
			total += d.amt
			d.m.dep = d.amt
		}
		for _, m := range s.present {
			if m.loan != nil || m.banned || !s.chance(s.demand) {
				continue
			}
			capAmt := cash
			if k := ppm(pol.Lending.MaxSavingsMultiple); k > 0 {
				capAmt = min(capAmt, (m.savings+m.dep)*k/ppmScale)
			}
			if k := ppm(pol.Lending.MaxFundShare); k > 0 {
				capAmt = min(capAmt, total*k/ppmScale)
			}
			if x := minor(pol.Lending.MaxAmount); x > 0 {
				capAmt = min(capAmt, x)
			}
			amt := capAmt * s.draw(s.sc.Behaviour.LoanSize) / ppmScale / s.unit * s.unit
			if amt < s.unit {
				continue
			}
			inst := s.between(max(pol.Lending.MinInstallments, 1), max(pol.Lending.MaxInstallments, pol.Lending.MinInstallments, 1))
			if c := pol.ShareOut.CycleMonths; c > 0 {
				// The loan must be repaid before the cycle ends.
				left := s.cycleStart.AddMonths(c, s.cal).Sub(on)
				inst = min(inst, left/periodDays(pol.Lending.Pricing.Every))
				if inst < max(pol.Lending.MinInstallments, 1) {
					continue
				}
			}
			mt.Loans = append(mt.Loans, group.LoanRequest{Member: m.id, Amount: s.money(amt), Installments: inst})
			loans = append(loans, pendingLoan{m, amt})
			cash -= amt
		}
	}

	ids, err := s.g.HoldMeeting(on, mt)
	s.meetingBuf, s.deps, s.reps, s.newLoan = mt, deps, reps, loans // for the next meeting
	if err != nil {
		return s.fail("hold meeting", on, err)
	}

	// Book the meeting in the shadow.
	for _, d := range deps {
		d.m.savings += d.amt
		d.m.dep = 0
		s.total += d.amt
	}
	s.cash += cashIn
	for _, r := range reps {
		s.paid(r.l, r.next)
	}
	for i, id := range ids {
		l, err := s.track(id, loans[i].m, 0, ppm(s.sc.Behaviour.InternalDefault))
		if err != nil {
			return s.fail("track loan", on, err)
		}
		loans[i].m.loan = l
		s.cash -= loans[i].amt
	}
	for _, m := range s.members {
		m.absent = m.active
	}
	for _, m := range s.present {
		m.absent = false
	}
	return nil
}

// periodDays is an upper bound on the days of one installment period.
func periodDays(p loan.Period) int {
	switch p.Unit {
	case loan.Month:
		return 31 * p.N
	case loan.Week:
		return 7 * p.N
	}
	return max(p.N, 1)
}

// track starts following a loan just granted: its schedule, read once.
func (s *sim) track(id shg.LoanID, m *msim, tranche int, defaultPPM int64) (*lsim, error) {
	info, ok := s.g.Loan(id)
	if !ok {
		return nil, errDrift
	}
	a := info.Account
	n := a.Len()
	l := &lsim{id: id, m: m, tranche: tranche, due: make([]shg.Date, n), amt: make([]int64, n), stopAt: -1}
	for i := range n {
		ln, _ := a.Installment(i + 1)
		l.due[i] = ln.Due
		l.amt[i] = minor(ln.Total)
	}
	if s.chance(defaultPPM) {
		l.stopAt = s.rng.IntN(n)
	}
	s.loans = append(s.loans, l)
	s.all = append(s.all, l)
	return l, nil
}

// payment decides what the borrower of l pays on date on: every
// installment due by then, unless nothing is due, she has stopped paying,
// or she pays late this time. It returns the amount, the index of the
// first installment left unpaid afterwards, and whether she pays.
//
// Paid on time (or within the grace days, or under a policy without
// penalties) the amount is the schedule's; later, penalties may have been
// charged, and it is read from the account.
func (s *sim) payment(l *lsim, on shg.Date) (int64, int, bool) {
	k := l.next
	if l.done || (k < len(l.due) && l.due[k].After(on)) {
		return 0, k, false
	}
	if l.stopAt >= 0 && k >= l.stopAt {
		l.stopped = true
		return 0, k, false
	}
	if s.chance(s.late) {
		return 0, k, false
	}
	end, sum := k, int64(0)
	for end < len(l.due) && !l.due[end].After(on) {
		sum += l.amt[end]
		end++
	}
	d := s.pol.Delinquency
	penalties := d.PenaltyRate.IsPositive() || d.PenaltyFlat.IsPositive()
	if k >= len(l.due) || (penalties && on.Sub(l.due[k]) > d.GraceDays) {
		info, ok := s.g.Loan(l.id)
		if !ok || info.Account.Status() != loan.Active {
			l.done = true
			return 0, k, false
		}
		sum = minor(info.Account.Due(on))
	}
	return sum, end, sum > 0
}

// paid books a payment of l up to installment next.
func (s *sim) paid(l *lsim, next int) {
	l.next = next
	if next >= len(l.due) {
		l.done = true
		if l.m != nil {
			if l.m.loan == l {
				l.m.loan = nil
			}
			if l.m.bank == l {
				l.m.bank = nil
			}
		}
	}
}

// due is a bank installment about to be paid: the loan and the number of
// its next installment.
type due struct {
	l    *lsim
	next int
}

// repayBank pays the bank installments due, in one command.
func (s *sim) repayBank(on shg.Date) error {
	groupBorrows := s.pol.BankLinkage.Borrower == policy.BorrowerGroup
	rs, dues := s.bankReps[:0], s.bankDues[:0] // buffers (RepayBankLoans keeps no reference)
	defer func() { s.bankReps, s.bankDues = rs[:0], dues[:0] }()
	cash := s.cash
	for _, l := range s.loans {
		if l.tranche > 0 && !l.done {
			amt, next, ok := s.payment(l, on)
			if ok && (!groupBorrows || amt <= cash) {
				rs = append(rs, group.Repayment{Loan: l.id, Amount: s.money(amt)})
				dues = append(dues, due{l, next})
				if groupBorrows {
					cash -= amt
				}
			}
		}
	}
	if len(rs) > 0 {
		if _, err := s.g.RepayBankLoans(on, rs); err != nil {
			return s.fail("repay bank loans", on, err)
		}
		s.cash = cash
		for _, d := range dues {
			s.paid(d.l, d.next)
		}
	}
	kept := s.loans[:0]
	for _, l := range s.loans {
		if !l.done {
			kept = append(kept, l)
		}
	}
	clear(s.loans[len(kept):])
	s.loans = kept
	return nil
}

// writeOffs writes off internal loans whose borrower stopped paying long ago.
func (s *sim) writeOffs(on shg.Date) error {
	after := s.sc.Behaviour.WriteOffAfterDays
	if after <= 0 {
		return nil
	}
	after = max(after, s.pol.Delinquency.WriteOffDays)
	for _, l := range s.loans {
		if l.tranche > 0 || l.done || !l.stopped || on.Sub(l.due[l.stopAt]) < after {
			continue
		}
		if err := s.g.WriteOff(on, l.id, "stopped paying"); err != nil {
			return s.fail("write off "+string(l.id), on, err)
		}
		l.done = true
		l.m.banned = true
		if l.m.loan == l {
			l.m.loan = nil
		}
	}
	return nil
}

// exits lets members without loans leave, paid their savings in cash.
func (s *sim) exits(on shg.Date) error {
	if s.dropout <= 0 {
		return nil
	}
	for _, m := range s.members {
		if !m.active || m.officer || m.loan != nil || m.bank != nil || m.banned || !s.chance(s.dropout) {
			continue
		}
		if m.savings > s.cash {
			continue // the fund cannot pay her out today
		}
		if err := s.g.Exit(on, m.id, "left the village"); err != nil {
			return s.fail("exit "+string(m.id), on, err)
		}
		m.active = false
		s.cash -= m.savings
		s.total -= m.savings
		m.savings = 0
	}
	return nil
}

// survey records every active member's monthly income once a survey is due.
func (s *sim) survey(on shg.Date) error {
	b := &s.sc.Behaviour
	if b.SurveyMonths <= 0 || on.Before(s.founded.AddMonths(b.SurveyMonths*(s.surveyNo+1), s.cal)) {
		return nil
	}
	s.surveyNo++
	for _, m := range s.members {
		if !m.active {
			continue
		}
		inc := m.baseline
		if !m.firstBank.IsZero() && on.MonthsSince(m.firstBank, s.cal) >= 6 {
			if m.after.Currency() == "" {
				m.after = s.income(b.IncomeAfterLoan)
			}
			inc = m.after
		}
		if err := s.g.RecordIncome(on, m.id, inc); err != nil {
			return s.fail("record income", on, err)
		}
	}
	return nil
}

// tranches applies for the next bank tranche once the group is eligible
// and the bank's queue has come round.
func (s *sim) tranches(on shg.Date) error {
	n := s.nextTranche
	rule, ok := s.pol.Tranche(n)
	if !ok || s.g.Stage() != policy.Sustainability {
		return nil
	}
	if !s.disburseOn.IsZero() {
		if on.Before(s.disburseOn) {
			return nil
		}
		s.disburseOn = shg.Date{}
		return s.applyTranche(on, n, rule)
	}
	if on.Before(s.checkOn) {
		return nil
	}
	s.checkOn = on.AddMonths(1, s.cal)
	if s.g.AgeMonths(on) < rule.MinGroupAgeMonths {
		return nil
	}
	if n > 1 {
		if rule.PreviousRepaid.GreaterThanOrEqual(one) {
			for _, l := range s.tranche {
				if !l.done {
					return nil
				}
			}
		}
		if rule.MinMonthsSinceLast > 0 && on.MonthsSince(s.trancheOn, s.cal) < rule.MinMonthsSinceLast {
			return nil
		}
	}
	reqs, _ := s.requests(rule)
	if len(reqs) == 0 || !s.g.TrancheChecklist(on, n, reqs).Passed() {
		return nil
	}
	q := s.sc.Behaviour.BankQueueMonths
	if wait := s.between(q.Min, q.Max); wait > 0 {
		s.disburseOn = on.AddMonths(wait, s.cal)
		return nil
	}
	return s.applyTranche(on, n, rule)
}

func (s *sim) applyTranche(on shg.Date, n int, rule policy.Tranche) error {
	reqs, who := s.requests(rule)
	if len(reqs) == 0 {
		return nil
	}
	ids, err := s.g.ApplyForTranche(on, n, reqs)
	if err != nil {
		if trancheRefusal(err) {
			s.checkOn = on.AddMonths(1, s.cal) // no longer eligible: look again next month
			return nil
		}
		return s.fail("apply for tranche", on, err)
	}
	groupBorrows := s.pol.BankLinkage.Borrower == policy.BorrowerGroup
	s.tranche = s.tranche[:0:0]
	for i, id := range ids {
		var m *msim
		if !groupBorrows && i < len(who) {
			m = who[i]
		}
		l, err := s.track(id, m, n, ppm(s.sc.Behaviour.BankDefault))
		if err != nil {
			return s.fail("track bank loan", on, err)
		}
		s.tranche = append(s.tranche, l)
		if m == nil {
			continue
		}
		m.bank = l
		if m.firstBank.IsZero() {
			m.firstBank = on
			if err := s.g.SetLivelihood(on, m.id, s.livelihood()); err != nil {
				return s.fail("set livelihood", on, err)
			}
		}
	}
	if groupBorrows {
		for _, r := range reqs {
			s.cash += minor(r.Amount)
		}
		for _, m := range who {
			if m.firstBank.IsZero() {
				m.firstBank = on
				if err := s.g.SetLivelihood(on, m.id, s.livelihood()); err != nil {
					return s.fail("set livelihood", on, err)
				}
			}
		}
	}
	s.trancheOn = on
	s.nextTranche++
	s.checkOn = on.AddMonths(1, s.cal)
	return nil
}

// trancheRefusal reports whether err refuses a tranche only on the
// tranche rules: the group is not (or no longer) eligible.
func trancheRefusal(err error) bool {
	var re *shg.RuleError
	if !errors.As(err, &re) {
		return false
	}
	for _, c := range re.Codes() {
		if !strings.HasPrefix(c, "tranche.") {
			return false
		}
	}
	return true
}

// requests draws which members take part in a tranche and how much each
// asks: a share of the per-member cap, or an equal part of the group's cap
// (per group, or the multiple of its corpus) when the policy sets no
// per-member cap, scaled down to fit the group's cap. Amounts are whole
// multiples of the savings plan's amount.
func (s *sim) requests(rule policy.Tranche) ([]policy.MemberRequest, []*msim) {
	var who []*msim
	for _, m := range s.members {
		if m.active && m.bank == nil && !m.banned && s.chance(ppm(s.sc.Behaviour.BankUptake)) {
			who = append(who, m)
		}
	}
	if len(who) == 0 {
		return nil, nil
	}
	groupCap := minor(rule.MaxPerGroup)
	if rule.CorpusMultiple.IsPositive() || rule.CorpusFloor.IsPositive() {
		c := max(rule.CorpusMultiple.Mul(s.g.Corpus().Amount()).IntPart(), minor(rule.CorpusFloor))
		if groupCap <= 0 || c < groupCap {
			groupCap = c
		}
	}
	perMember := minor(rule.MaxPerMember)
	if perMember <= 0 {
		perMember = groupCap / int64(len(who))
		if groupCap <= 0 {
			perMember = 10 * s.unit // no cap at all: ten savings installments each
		}
	}
	amts := make([]int64, len(who))
	sum := int64(0)
	for i := range who {
		amts[i] = perMember * s.draw(s.sc.Behaviour.BankLoanSize) / ppmScale / s.unit * s.unit
		sum += amts[i]
	}
	if groupCap > 0 && sum > groupCap {
		for i := range amts {
			amts[i] = amts[i] * (groupCap / s.unit) / (sum / s.unit) / s.unit * s.unit
		}
	}
	reqs := make([]policy.MemberRequest, 0, len(who))
	kept := who[:0]
	for i, m := range who {
		if amts[i] < s.unit {
			continue
		}
		reqs = append(reqs, policy.MemberRequest{Member: m.id, Amount: s.money(amts[i])})
		kept = append(kept, m)
	}
	return reqs, kept
}

// shareOut ends a savings cycle once it has run its months and every
// internal loan is settled.
func (s *sim) shareOut(on shg.Date) error {
	c := s.pol.ShareOut.CycleMonths
	if c <= 0 || on.Before(s.cycleStart.AddMonths(c, s.cal)) {
		return nil
	}
	for _, m := range s.members {
		if m.loan != nil {
			return nil
		}
	}
	if _, err := s.g.ShareOut(on); err != nil {
		return s.fail("share out", on, err)
	}
	s.cash = minor(s.g.Fund().Cash().Total)
	s.total = 0
	for _, m := range s.members {
		m.savings = 0
	}
	s.cycleStart = on
	return nil
}

// verify checks the shadow against the group once the simulation is over:
// every loan the shadow thinks settled is closed or written off, and every
// other loan is active.
func (s *sim) verify() error {
	for _, l := range s.all {
		info, ok := s.g.Loan(l.id)
		if !ok || (info.Account.Status() == loan.Active) == l.done {
			return fmt.Errorf("%w: group %s loan %s", errDrift, s.id, l.id)
		}
	}
	return nil
}
