package group_test

import (
	"errors"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/savings"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// machinePolicy loosens the Kermanshah preset's gates so that random runs
// reach internal lending and bank tranches within a few dozen steps; every
// rule still applies, only the thresholds are lower.
func machinePolicy() policy.Policy {
	p := policy.KermanshahBehzisti()
	p.Membership.MinMembers = 3
	p.Membership.MaxMembers = 8
	p.Stages.Preparation.MinOrientationSessions = 1
	p.Stages.Sustainability.MinMonthsSinceFormation = 1
	p.Stages.Sustainability.MinInternalLoans = 0
	p.Stages.Sustainability.MinMeetingsHeld = decimal.RequireFromString("0.5")
	p.Stages.Sustainability.MinAttendance = decimal.RequireFromString("0.5")
	p.Stages.Sustainability.MinSavingsRegularity = decimal.RequireFromString("0.5")
	p.Meetings.Quorum = decimal.RequireFromString("0.5")
	p.Lending.MaxFundShare = decimal.RequireFromString("0.5")
	for i := range p.BankLinkage.Tranches {
		p.BankLinkage.Tranches[i].MinGroupAgeMonths = 2
		p.BankLinkage.Tranches[i].Installments = 3
	}
	return p
}

// machineGroupPolicy is machinePolicy with the group as the bank's
// borrower, so tranches flow through the fund.
func machineGroupPolicy() policy.Policy {
	p := machinePolicy()
	p.BankLinkage.Borrower = policy.BorrowerGroup
	return p
}

// machineVSLAPolicy is the VSLA preset loosened the same way: shares, a
// social fund, weekly meetings, a one-month cycle so that share-outs happen.
func machineVSLAPolicy() policy.Policy {
	p := policy.VSLA()
	p.Membership.MinMembers = 3
	p.Membership.MaxMembers = 8
	p.Stages.Preparation.MinOrientationSessions = 1
	p.Stages.Sustainability.MinMonthsSinceFormation = 1
	p.Stages.Sustainability.MinInternalLoans = 0
	p.Stages.Sustainability.MinMeetingsHeld = decimal.RequireFromString("0.1")
	p.Stages.Sustainability.MinAttendance = decimal.RequireFromString("0.5")
	p.Stages.Sustainability.MinSavingsRegularity = decimal.RequireFromString("0.5")
	p.ShareOut.CycleMonths = 1
	return p
}

// machineSavingsTimePolicy shares out by savings × time.
func machineSavingsTimePolicy() policy.Policy {
	p := machinePolicy()
	p.ShareOut.Basis = savings.BySavingsTime
	return p
}

// groupMachine drives one group with random dated commands, valid and
// invalid, and checks the invariants of DESIGN.md after every step.
type groupMachine struct {
	p       policy.Policy
	g       *group.Group
	on      shg.Date
	nextID  int
	unit    shg.Money // one savings installment
	refused int
	snap    string // cached snapshot of the current state; "" when stale
}

func newGroupMachine(t *rapid.T, p policy.Policy) *groupMachine {
	g, err := group.Found(p, group.Charter{ID: "g1", Name: "machine", Facilitator: "f", Founded: sh(1397, 6, 1)})
	if err != nil {
		t.Fatal(err)
	}
	m := &groupMachine{p: p, g: g, on: sh(1397, 6, 1), unit: p.Savings.Plan.Amount}
	// Half the runs start from a group already saving in Sustainability,
	// so that their steps go to lending, tranches and exits.
	if rapid.Bool().Draw(t, "bootstrap") {
		for i := 0; i < 12; i++ {
			m.progress(t)
		}
	}
	return m
}

// progress takes the natural next step towards bank linkage: the steps a
// facilitator would take. The machine mixes it with random commands.
func (m *groupMachine) progress(t *rapid.T) {
	g := m.g
	switch g.Stage() {
	case policy.Preparation:
		m.on = m.on.AddDays(1)
		switch {
		case len(g.Events()) < 2:
			m.do(t, "progress/prep", func() error { return g.RecordPreparationSession(m.on, "orientation", 5) })
		case g.ActiveMembers() < m.p.Membership.MinMembers+1:
			m.nextID++
			m.do(t, "progress/admit", func() error { return g.Admit(m.on, woman(m.nextID)) })
		default:
			m.do(t, "progress/advance", func() error { return g.Advance(m.on) })
		}
	case policy.Formation:
		m.on = m.on.AddDays(1)
		ids := m.members(true)
		if len(ids) >= 3 && g.Officers().Chair == "" {
			m.do(t, "progress/officers", func() error {
				return g.ElectOfficers(m.on, group.Officers{Chair: ids[0], Treasurer: ids[1], Secretary: ids[2]})
			})
		}
		m.do(t, "progress/bylaws", func() error { return g.AdoptBylaws(m.on, "v1") })
		m.do(t, "progress/account", func() error { return g.OpenBankAccount(m.on, "Keshavarzi", "01") })
		m.do(t, "progress/advance", func() error { return g.Advance(m.on) })
	case policy.Sustainability:
		m.on = m.on.AddMonths(1, shg.SolarHijri)
		mt := meeting(g, m.unit)
		for _, l := range m.loans(false) {
			if due := l.Account.Due(m.on); due.IsPositive() {
				mt.Repayments = append(mt.Repayments, group.Repayment{Loan: l.ID, Amount: due})
			}
		}
		m.do(t, "progress/meeting", func() error { _, err := g.HoldMeeting(m.on, mt); return err })
		ids := m.members(true)
		if len(ids) > 0 && len(m.loans(false)) == 0 {
			m.do(t, "progress/loan", func() error {
				_, err := g.RequestLoan(m.on, group.LoanRequest{Member: ids[0], Amount: m.unit, Installments: 2})
				return err
			})
		}
		if len(ids) > 1 && g.Mature(m.on) {
			n := len(g.Tranches()) + 1
			reqs := []policy.MemberRequest{{Member: ids[0], Amount: shg.Toman(1_000_000)}, {Member: ids[1], Amount: shg.Toman(2_000_000)}}
			m.do(t, "progress/tranche", func() error { _, err := g.ApplyForTranche(m.on, n, reqs); return err })
		}
	}
}

// do runs one command. A refusal must be a *shg.RuleError that left the
// group byte-identical; anything else is a failure.
func (m *groupMachine) do(t *rapid.T, name string, cmd func() error) {
	before, n := m.snapshot(t), m.g.Len()
	err := cmd()
	if err == nil {
		m.snap = ""
		return
	}
	var re *shg.RuleError
	if !errors.As(err, &re) {
		t.Fatalf("%s: error is %T, not *shg.RuleError: %v", name, err, err)
	}
	if len(re.Violations) == 0 {
		t.Fatalf("%s: RuleError without violations", name)
	}
	if m.g.Len() != n {
		t.Fatalf("%s refused (%v) but appended %d events", name, err, m.g.Len()-n)
	}
	m.snap = ""
	if after := m.snapshot(t); after != before {
		t.Fatalf("%s refused (%v) but changed the group", name, err)
	}
	m.refused++
}

// snapshot returns the group's full JSON snapshot, cached until the next
// successful command (the machine changes the group only through do).
func (m *groupMachine) snapshot(t *rapid.T) string {
	if m.snap == "" {
		b, err := m.g.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		m.snap = string(b)
	}
	return m.snap
}

func (m *groupMachine) members(active bool) []shg.MemberID {
	var ids []shg.MemberID
	for _, x := range m.g.Members() {
		if !active || x.IsActive() {
			ids = append(ids, x.ID())
		}
	}
	return ids
}

func (m *groupMachine) loans(bank bool) []group.LoanInfo {
	var out []group.LoanInfo
	for _, l := range m.g.Loans() {
		if l.IsBank() == bank && l.Account.Status() == loan.Active {
			out = append(out, l)
		}
	}
	return out
}

// anyMember draws an existing member ID most of the time and a stranger otherwise.
func (m *groupMachine) anyMember(t *rapid.T, active bool) shg.MemberID {
	ids := m.members(active)
	if len(ids) == 0 || rapid.IntRange(0, 9).Draw(t, "stranger") == 0 {
		return "nobody"
	}
	return rapid.SampledFrom(ids).Draw(t, "member")
}

// amount draws a multiple of the savings unit, sometimes odd or foreign.
func (m *groupMachine) amount(t *rapid.T, label string, maxUnits int) shg.Money {
	switch rapid.IntRange(0, 19).Draw(t, label+"Kind") {
	case 0:
		return shg.MustParseMoney("5 USD")
	case 1:
		return shg.Zero(m.p.Currency)
	case 2:
		return m.unit.Neg()
	}
	k := rapid.IntRange(1, maxUnits).Draw(t, label)
	return m.unit.Mul(decimal.NewFromInt(int64(k)))
}

func (m *groupMachine) date(t *rapid.T) shg.Date {
	if rapid.IntRange(0, 29).Draw(t, "backdate") == 0 {
		return m.on.AddDays(-rapid.IntRange(1, 30).Draw(t, "back"))
	}
	return m.on
}

func (m *groupMachine) actions() map[string]func(*rapid.T) {
	return map[string]func(*rapid.T){
		"wait": func(t *rapid.T) {
			m.on = m.on.AddDays(rapid.IntRange(1, 40).Draw(t, "days"))
		},
		"progress":  m.progress,
		"progress2": m.progress,
		"progress3": m.progress,
		"prep": func(t *rapid.T) {
			m.do(t, "prep", func() error { return m.g.RecordPreparationSession(m.date(t), "orientation", 5) })
		},
		"admit": func(t *rapid.T) {
			m.nextID++
			p := woman(m.nextID)
			if rapid.IntRange(0, 9).Draw(t, "ineligible") == 0 {
				p.Rural = false
			}
			if rapid.IntRange(0, 19).Draw(t, "dupe") == 0 && m.nextID > 1 {
				p.ID = mid(m.nextID - 1)
			}
			m.do(t, "admit", func() error { return m.g.Admit(m.date(t), p) })
		},
		"officers": func(t *rapid.T) {
			o := group.Officers{Chair: m.anyMember(t, true), Treasurer: m.anyMember(t, true), Secretary: m.anyMember(t, true)}
			m.do(t, "officers", func() error { return m.g.ElectOfficers(m.date(t), o) })
		},
		"bylaws": func(t *rapid.T) {
			m.do(t, "bylaws", func() error { return m.g.AdoptBylaws(m.date(t), "v1") })
			m.do(t, "account", func() error { return m.g.OpenBankAccount(m.date(t), "Keshavarzi", "01") })
		},
		"advance": func(t *rapid.T) {
			m.do(t, "advance", func() error { return m.g.Advance(m.date(t)) })
		},
		"meeting": func(t *rapid.T) {
			var mt group.Meeting
			for _, id := range m.members(true) {
				if rapid.IntRange(0, 4).Draw(t, "absent") > 0 {
					mt.Present = append(mt.Present, id)
				}
				if rapid.IntRange(0, 4).Draw(t, "saves") > 0 {
					mt.Deposits = append(mt.Deposits, group.Deposit{Member: id, Amount: m.amount(t, "deposit", 1)})
				}
			}
			if rapid.IntRange(0, 4).Draw(t, "fine") == 0 {
				mt.Fines = append(mt.Fines, group.Fine{Member: m.anyMember(t, false), Amount: m.p.Savings.Fines.Absence})
			}
			if rapid.IntRange(0, 5).Draw(t, "social") == 0 {
				mt.Social = append(mt.Social, group.Payment{Member: m.anyMember(t, true), Amount: m.amount(t, "social", 1)})
			}
			for _, l := range m.loans(false) {
				due := l.Account.Due(m.on)
				switch rapid.IntRange(0, 5).Draw(t, "repay") {
				case 0: // skips this time
				case 1:
					po, err := l.Account.Payoff(m.on)
					if err == nil && po.IsPositive() {
						mt.Repayments = append(mt.Repayments, group.Repayment{Loan: l.ID, Amount: po})
					}
				case 2: // overpays: refused
					po, _ := l.Account.Payoff(m.on)
					over, _ := po.Add(shg.Rials(1))
					mt.Repayments = append(mt.Repayments, group.Repayment{Loan: l.ID, Amount: over})
				default:
					if due.IsPositive() {
						mt.Repayments = append(mt.Repayments, group.Repayment{Loan: l.ID, Amount: due})
					}
				}
			}
			if rapid.IntRange(0, 2).Draw(t, "borrow") == 0 {
				mt.Loans = append(mt.Loans, group.LoanRequest{Member: m.anyMember(t, true),
					Amount: m.amount(t, "loan", 4), Installments: rapid.IntRange(0, 12).Draw(t, "term")})
			}
			m.do(t, "meeting", func() error { _, err := m.g.HoldMeeting(m.date(t), mt); return err })
		},
		"requestLoan": func(t *rapid.T) {
			req := group.LoanRequest{Member: m.anyMember(t, true), Amount: m.amount(t, "loan", 4), Installments: rapid.IntRange(1, 10).Draw(t, "term")}
			m.do(t, "requestLoan", func() error { _, err := m.g.RequestLoan(m.date(t), req); return err })
		},
		"tranche": func(t *rapid.T) {
			n := len(m.g.Tranches()) + 1
			if rapid.IntRange(0, 4).Draw(t, "wrongN") == 0 {
				n = rapid.IntRange(0, 5).Draw(t, "n")
			}
			var reqs []policy.MemberRequest
			for _, id := range m.members(true) {
				if rapid.Bool().Draw(t, "requests") {
					reqs = append(reqs, policy.MemberRequest{Member: id, Amount: shg.Toman(int64(rapid.IntRange(1, 6).Draw(t, "millions")) * 1_000_000)})
				}
			}
			m.do(t, "tranche", func() error { _, err := m.g.ApplyForTranche(m.date(t), n, reqs); return err })
		},
		"repayBankLoans": func(t *rapid.T) {
			var rs []group.Repayment
			for _, l := range m.loans(true) {
				if due := l.Account.Due(m.on); due.IsPositive() {
					rs = append(rs, group.Repayment{Loan: l.ID, Amount: due})
				} else if rapid.IntRange(0, 3).Draw(t, "prepay") == 0 {
					rs = append(rs, group.Repayment{Loan: l.ID, Amount: m.unit})
				}
			}
			m.do(t, "repayBankLoans", func() error { _, err := m.g.RepayBankLoans(m.date(t), rs); return err })
		},
		"repayBank": func(t *rapid.T) {
			ls := m.loans(true)
			if len(ls) == 0 {
				t.Skip("no bank loan")
			}
			l := rapid.SampledFrom(ls).Draw(t, "bankLoan")
			amt := l.Account.Due(m.on)
			if rapid.Bool().Draw(t, "payoff") || !amt.IsPositive() {
				amt, _ = l.Account.Payoff(m.on)
			}
			m.do(t, "repayBank", func() error { _, err := m.g.RepayBank(m.date(t), l.ID, amt); return err })
		},
		"writeOff": func(t *rapid.T) {
			ls := append(m.loans(false), m.loans(true)...)
			if len(ls) == 0 {
				t.Skip("no loan")
			}
			l := rapid.SampledFrom(ls).Draw(t, "writeOffLoan")
			m.do(t, "writeOff", func() error { return m.g.WriteOff(m.date(t), l.ID, "defaulted") })
		},
		"exit": func(t *rapid.T) {
			id := m.anyMember(t, true)
			if rapid.IntRange(0, 5).Draw(t, "death") == 0 {
				m.do(t, "death", func() error { return m.g.RecordDeath(m.date(t), id) })
				return
			}
			m.do(t, "exit", func() error { return m.g.Exit(m.date(t), id, "moved") })
		},
		"socialPayout": func(t *rapid.T) {
			id := m.anyMember(t, true)
			amt := m.amount(t, "payout", 2)
			m.do(t, "socialPayout", func() error { return m.g.PaySocialFund(m.date(t), id, amt, "illness") })
		},
		"income": func(t *rapid.T) {
			id := m.anyMember(t, false)
			amt := shg.Toman(int64(rapid.IntRange(0, 20).Draw(t, "income")) * 50_000)
			m.do(t, "income", func() error { return m.g.RecordIncome(m.date(t), id, amt) })
		},
		"shareOut": func(t *rapid.T) {
			m.do(t, "shareOut", func() error { _, err := m.g.ShareOut(m.date(t)); return err })
		},
		"dissolve": func(t *rapid.T) {
			if rapid.IntRange(0, 9).Draw(t, "reallyDissolve") > 0 {
				t.Skip("rarely")
			}
			m.do(t, "dissolve", func() error { return m.g.Dissolve(m.date(t), "done") })
		},
		"": m.check,
	}
}

// check asserts the invariants after every step.
func (m *groupMachine) check(t *rapid.T) {
	f := m.g.Fund()
	if tb := f.TrialBalance(); !tb.Balanced() {
		t.Fatalf("trial balance off by %s", tb.Difference())
	}
	if bs := f.BalanceSheet(); !bs.Balanced() {
		t.Fatalf("assets %s != liabilities %s + equity %s", bs.Assets, bs.Liabilities, bs.Equity)
	}
	c := f.Cash()
	if c.Box.IsNegative() || c.Bank.IsNegative() {
		t.Fatalf("negative cash: %+v", c)
	}
	if f.SocialFund().IsNegative() {
		t.Fatalf("negative social fund %s", f.SocialFund())
	}
	// Each member's receivable in the books equals the principal her active
	// internal loans still owe: the ledger and the loan accounts agree.
	owed := map[shg.MemberID]shg.Money{}
	for _, l := range m.g.Loans() {
		if l.IsBank() || l.Account.Status() != loan.Active {
			continue
		}
		owed[l.Member], _ = owed[l.Member].Add(l.Account.OutstandingPrincipal())
	}
	// The group's own bank debt in the books equals what its bank loans
	// still owe.
	ownDebt := shg.Zero(m.p.Currency)
	for _, l := range m.g.Loans() {
		if l.IsBank() && l.Member == "" && l.Account.Status() == loan.Active {
			ownDebt, _ = ownDebt.Add(l.Account.OutstandingPrincipal())
		}
	}
	if !f.BankLoan().Equal(ownDebt) {
		t.Fatalf("bank loan payable %s in the books, %s in the loans", f.BankLoan(), ownDebt)
	}
	for _, x := range m.g.Members() {
		id := x.ID()
		if f.Savings(id).IsNegative() {
			t.Fatalf("negative savings for %s: %s", id, f.Savings(id))
		}
		// A member who has left holds nothing in the fund: no savings and
		// no shares that a share-out could pay again.
		if !x.IsActive() && (!f.Savings(id).IsZero() || f.Shares(id) != 0) {
			t.Fatalf("%s has left but holds %s and %d shares", id, f.Savings(id), f.Shares(id))
		}
		if !f.Receivable(id).Equal(owed[id]) {
			t.Fatalf("receivable of %s is %s in the books, %s in the loans", id, f.Receivable(id), owed[id])
		}
	}
	// The repayment rate's integer path agrees with its decimal reference.
	if got, want := m.g.GateFacts(m.on).RepaymentRate, group.RepaymentRateExact(m.g, m.on); !got.Equal(want) {
		t.Fatalf("repayment rate %s, exact %s", got, want)
	}
	// Replay of the log rebuilds an identical group.
	r, err := group.Replay(m.p, m.g.Events())
	if err != nil {
		t.Fatalf("replay: %v", err)
	}
	b, _ := r.MarshalJSON()
	if string(b) != m.snapshot(t) {
		t.Fatalf("replayed group differs from the live one")
	}
}

// TestGroup_StateMachine runs the machine under both borrower models. It
// also guards against a machine that only exercises refusals: some runs
// must reach an internal loan and a bank tranche. Deep runs:
// go test ./group -run StateMachine -rapid.checks=2000 -rapid.steps=200
func TestGroup_StateMachine(t *testing.T) {
	for name, p := range map[string]policy.Policy{
		"membersBorrow": machinePolicy(),
		"groupBorrows":  machineGroupPolicy(),
		"vslaShares":    machineVSLAPolicy(),
		"savingsTime":   machineSavingsTimePolicy(),
	} {
		t.Run(name, func(t *testing.T) {
			tranches, loans := 0, 0
			rapid.Check(t, func(t *rapid.T) {
				m := newGroupMachine(t, p)
				t.Repeat(m.actions())
				if len(m.g.Tranches()) > 0 {
					tranches++
				}
				if len(m.g.Loans()) > len(m.g.Tranches()) {
					loans++
				}
			})
			if (tranches == 0 && p.HasBankLinkage()) || loans == 0 {
				t.Fatalf("runs reaching a tranche: %d, an internal loan: %d", tranches, loans)
			}
			t.Logf("runs reaching a tranche: %d, an internal loan: %d", tranches, loans)
		})
	}
}
