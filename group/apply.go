package group

import (
	"fmt"
	"strconv"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/savings"
)

// apply is the only code that changes a group's state. It trusts the
// command that produced the event to have checked the policy, but it
// enforces the books' own rules (no negative cash or savings, no
// overpayment) through the savings and loan packages, and reports a broken
// one as an error, so a command can roll back and Replay can refuse a
// corrupt log.
func (s *state) apply(e Event) error {
	var ref [24]byte // "e" and the sequence number, one allocation
	at := savings.Entry{Date: e.On, Ref: string(strconv.AppendInt(append(ref[:0], 'e'), int64(e.Seq), 10))}
	switch d := e.Data.(type) {
	case Founded:
		s.charter = d.Charter
		s.stage = policy.Preparation
		s.stageOn[policy.Preparation] = e.On
	case FacilitatorAssigned:
		s.charter.Facilitator = d.Name
	case PreparationSessionHeld:
		s.prepSessions++
	case MemberAdmitted:
		id := d.Member.ID()
		if _, dup := s.members[id]; dup {
			return violation(CodeDuplicateMember, "member is already admitted", "a new id", string(id))
		}
		s.setMember(id, d.Member)
		s.order = append(s.order, id)
	case OfficersElected:
		if err := s.elect(d); err != nil {
			return err
		}
	case BylawsAdopted:
		s.bylaws = d.Reference
		if s.bylaws == "" {
			s.bylaws = "adopted"
		}
	case BankAccountOpened:
		s.bank, s.account = d.Bank, d.Account
	case StageAdvanced:
		if next, ok := d.From.Next(); d.From != s.stage || !ok || d.To != next {
			return violation(CodeStage, "stage change does not follow the current stage", s.stage.String(), d.From.String()+"->"+d.To.String())
		}
		s.stage = d.To
		s.stageOn[d.To] = e.On
	case MeetingHeld:
		if err := s.meeting(at, d); err != nil {
			return err
		}
	case LoanGranted:
		if err := s.grant(at, d); err != nil {
			return err
		}
	case TrancheDisbursed:
		if err := s.disburseTranche(at, d); err != nil {
			return err
		}
	case BankRepaymentMade:
		r, ok := s.touch(d.Loan)
		if !ok || !r.bank() {
			return violation(CodeUnknownLoan, "no such bank loan", "a bank loan of the group", string(d.Loan))
		}
		a, err := r.acct.Repay(e.On, d.Amount)
		if err != nil {
			return err
		}
		s.allocs = append(s.allocs, a)
		if r.member == "" {
			charge, _ := a.Charge().Add(a.Penalty)
			if err := s.wfund().BankLoanRepaid(at, a.Principal, charge); err != nil {
				return err
			}
		}
	case LoanWrittenOff:
		r, ok := s.touch(d.Loan)
		if !ok {
			return violation(CodeUnknownLoan, "no such loan", "a loan of the group", string(d.Loan))
		}
		principal := r.acct.OutstandingPrincipal()
		if _, err := r.acct.WriteOff(e.On); err != nil {
			return err
		}
		if !r.bank() && principal.IsPositive() {
			if err := s.wfund().WriteOffLoan(at, r.member, principal); err != nil {
				return err
			}
		}
	case IncomeRecorded:
		m, ok := s.members[d.Member]
		if !ok {
			return violation(CodeUnknownMember, "no such member", "a member of the group", string(d.Member))
		}
		m, err := m.AddIncome(member.IncomeObservation{On: e.On, Monthly: d.Monthly})
		if err != nil {
			return err
		}
		s.setMember(d.Member, m)
	case LivelihoodChanged:
		m, ok := s.members[d.Member]
		if !ok {
			return violation(CodeUnknownMember, "no such member", "a member of the group", string(d.Member))
		}
		p := m.Profile()
		p.Livelihood = d.Livelihood
		m, err := member.New(p)
		if err != nil {
			return err
		}
		s.setMember(d.Member, m)
	case MemberExited:
		if err := s.exit(at, d); err != nil {
			return err
		}
	case SocialFundPaid:
		if m, ok := s.members[d.Member]; !ok || m.Status() == member.Exited {
			return violation(CodeUnknownMember, "no such member, or she has left", "an active or deceased member", string(d.Member))
		}
		if err := s.wfund().SocialPayout(at, d.Member, d.Amount, d.Reason); err != nil {
			return err
		}
	case SharedOut:
		if _, err := s.wfund().ShareOut(at, savings.ShareOutOptions{Basis: d.Basis, IncludeSocialFund: d.IncludeSocialFund}); err != nil {
			return err
		}
		s.shareOuts++
		s.lastShareOut = e.On
	case Dissolved:
		s.stage = policy.Dissolved
		s.stageOn[policy.Dissolved] = e.On
	default:
		return fmt.Errorf("group: unknown event %T", e.Data)
	}
	s.last = e.On
	return nil
}

func violation(code, msg, want, got string) error {
	return shg.NewRuleError("group.apply", shg.Violation{Code: code, Message: msg, Want: want, Got: got})
}

func (s *state) activeMember(id shg.MemberID) (member.Member, error) {
	m, ok := s.members[id]
	if !ok {
		return m, violation(CodeUnknownMember, "no such member", "a member of the group", string(id))
	}
	if !m.IsActive() {
		return m, violation(CodeMemberInactive, "member is not active", "active", m.Status().String())
	}
	return m, nil
}

func (s *state) elect(d OfficersElected) error {
	want := [4]shg.MemberID{member.Chair: d.Chair, member.Treasurer: d.Treasurer, member.Secretary: d.Secretary}
	// Former officers step down first, then the new ones take office.
	for role, id := range s.officers {
		if id == "" {
			continue
		}
		if m, ok := s.members[id]; ok && m.IsActive() && m.Role() == member.Role(role) {
			m, err := m.WithRole(member.Ordinary)
			if err != nil {
				return err
			}
			s.setMember(id, m)
		}
	}
	s.officers = [4]shg.MemberID{}
	for role, id := range want {
		if id == "" {
			continue
		}
		m, err := s.activeMember(id)
		if err != nil {
			return err
		}
		if m.Role() != member.Ordinary {
			return violation(CodeOfficers, "one member holds two offices", "distinct officers", string(id))
		}
		if m, err = m.WithRole(member.Role(role)); err != nil {
			return err
		}
		s.setMember(id, m)
		s.officers[role] = id
	}
	return nil
}

func (s *state) meeting(at savings.Entry, d MeetingHeld) error {
	m := d.Meeting
	for _, id := range m.Present {
		if _, err := s.activeMember(id); err != nil {
			return err
		}
	}
	for _, dep := range m.Deposits {
		if _, err := s.activeMember(dep.Member); err != nil {
			return err
		}
		if err := s.wfund().Deposit(at, dep.Member, dep.Amount, dep.Shares); err != nil {
			return err
		}
	}
	for _, p := range m.Social {
		if _, err := s.activeMember(p.Member); err != nil {
			return err
		}
		if err := s.wfund().SocialContribution(at, p.Member, p.Amount); err != nil {
			return err
		}
	}
	for _, f := range m.Fines {
		if _, ok := s.members[f.Member]; !ok {
			return violation(CodeUnknownMember, "no such member", "a member of the group", string(f.Member))
		}
		if err := s.wfund().Fine(at, f.Member, f.Amount); err != nil {
			return err
		}
	}
	for _, rp := range m.Repayments {
		if err := s.repayInternal(at, rp); err != nil {
			return err
		}
	}
	s.meetings++
	s.lastMeeting = at.Date
	s.attended += len(m.Present)
	s.expected += d.Expected
	s.onPlan += d.OnPlan
	return nil
}

func (s *state) repayInternal(at savings.Entry, rp Repayment) error {
	r, ok := s.touch(rp.Loan)
	if !ok || r.bank() {
		return violation(CodeUnknownLoan, "no such internal loan", "an internal loan of the group", string(rp.Loan))
	}
	a, err := r.acct.Repay(at.Date, rp.Amount)
	if err != nil {
		return err
	}
	return s.wfund().CollectLoan(at, r.member, savings.Collection{Principal: a.Principal, Interest: a.Interest, Fee: a.Fee, Penalty: a.Penalty})
}

func (s *state) addLoan(id shg.LoanID, rec *loanRec) error {
	if _, dup := s.loans[id]; dup {
		return violation(CodeDuplicateLoan, "loan id is already used", "a new loan id", string(id))
	}
	rec.idx = len(s.loanOrder)
	s.loans[id] = rec
	s.loanOrder = append(s.loanOrder, id)
	return nil
}

func (s *state) grant(at savings.Entry, d LoanGranted) error {
	if _, err := s.activeMember(d.Member); err != nil {
		return err
	}
	acct, err := loan.Open(d.Loan, d.Terms.Terms, loan.Options{Penalty: d.Terms.Penalty})
	if err != nil {
		return err
	}
	if err := s.wfund().DisburseLoan(at, d.Member, d.Terms.Principal); err != nil {
		return err
	}
	if err := s.addLoan(d.Loan, &loanRec{acct: acct, member: d.Member}); err != nil {
		return err
	}
	s.internal++
	return nil
}

func (s *state) disburseTranche(at savings.Entry, d TrancheDisbursed) error {
	if d.Number != len(s.tranches)+1 {
		return violation(CodeTrancheOrder, "tranches are disbursed in order", fmt.Sprint(len(s.tranches)+1), fmt.Sprint(d.Number))
	}
	if len(d.Loans) == 0 {
		return violation(CodeTrancheOrder, "tranche has no loans", ">= 1 loan", "0")
	}
	t := trancheRec{number: d.Number, on: at.Date, borrower: d.Borrower}
	for _, bl := range d.Loans {
		if bl.Member != "" {
			if _, err := s.activeMember(bl.Member); err != nil {
				return err
			}
		}
		acct, err := loan.Open(bl.Loan, bl.Terms.Terms, loan.Options{Penalty: bl.Terms.Penalty})
		if err != nil {
			return err
		}
		if bl.Member == "" {
			if err := s.wfund().BankLoanReceived(at, bl.Terms.Principal); err != nil {
				return err
			}
		}
		if err := s.addLoan(bl.Loan, &loanRec{acct: acct, member: bl.Member, tranche: d.Number}); err != nil {
			return err
		}
		t.loans = append(t.loans, bl.Loan)
	}
	s.tranches = append(s.tranches, t)
	return nil
}

// exit settles a leaving member: her savings pay her internal loans off as
// far as they reach (each payment booked as a collection and a withdrawal,
// so cash is untouched), the rest of her savings is paid out in cash, and
// whatever her savings did not cover stays owed on her loans.
func (s *state) exit(at savings.Entry, d MemberExited) error {
	m, err := s.activeMember(d.Member)
	if err != nil {
		return err
	}
	left := s.fund.Savings(d.Member)
	for _, id := range s.loanOrder {
		r := s.loans[id]
		if r.bank() || r.member != d.Member || r.acct.Status() != loan.Active || !left.IsPositive() {
			continue
		}
		due, err := r.acct.Payoff(at.Date)
		if err != nil {
			return err
		}
		pay := due.Min(left)
		if !pay.IsPositive() {
			continue
		}
		if err := s.repayInternal(at, Repayment{Loan: id, Amount: pay}); err != nil {
			return err
		}
		if err := s.wfund().Withdraw(at, d.Member, pay, savings.WithdrawExit, "loan settled from savings"); err != nil {
			return err
		}
		left, _ = left.Sub(pay)
	}
	if left.IsPositive() {
		if err := s.wfund().Withdraw(at, d.Member, left, savings.WithdrawExit, d.Reason); err != nil {
			return err
		}
	}
	// Close her account in the fund: with her savings paid out this books
	// nothing, but it ends her shares and savings-time, so a later
	// share-out does not pay her again.
	if _, err := s.wfund().ExitSettlement(at, d.Member); err != nil {
		return err
	}
	if d.Deceased {
		m, err = m.MarkDeceased(at.Date)
	} else {
		m, err = m.Exit(at.Date)
	}
	if err != nil {
		return err
	}
	for role, id := range s.officers {
		if id == d.Member {
			s.officers[role] = ""
		}
	}
	s.setMember(d.Member, m)
	return nil
}
