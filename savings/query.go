package savings

import (
	"sort"

	"github.com/khodyar/shg"
	"github.com/shopspring/decimal"
)

// Currency returns the fund's ISO 4217 code ("" for the zero Fund).
func (f Fund) Currency() string { return f.currency }

// Cycle returns the number of the open savings cycle: 1 until the first
// share-out, then 2, and so on.
func (f Fund) Cycle() int { return f.cycle }

// LastDate returns the date of the last posting (the zero Date if none).
// The next posting may not be dated earlier.
func (f Fund) LastDate() shg.Date { return f.last }

// Len returns the number of postings in the ledger.
func (f Fund) Len() int { return f.book.len() }

// Postings returns a copy of the ledger, oldest first.
func (f Fund) Postings() []Posting {
	out := make([]Posting, 0, f.book.len())
	for i, r := range f.book.from(0) {
		out = append(out, f.posting(i, r, nil))
	}
	return out
}

// PostingsSince returns a copy of the postings with Seq > seq: what was
// appended since a caller last looked.
func (f Fund) PostingsSince(seq int) []Posting {
	if seq < 0 {
		seq = 0
	}
	n := f.book.len()
	if seq >= n {
		return nil
	}
	out := make([]Posting, 0, n-seq)
	for i, r := range f.book.from(seq) {
		out = append(out, f.posting(i, r, nil))
	}
	return out
}

// Balance returns the balance of account a on its normal side (see
// [Account.NormalSide]): cash, savings and income are positive when the
// group has cash, owes savings, earned income. m names the member for the
// per-member accounts (an empty m gives the total over members) and is
// ignored for the others. Retained earnings are negative after losses.
func (f Fund) Balance(a Account, m shg.MemberID) shg.Money {
	switch {
	case !a.IsValid():
		return f.m(units{})
	case a == MemberSavings && m == "":
		return f.TotalSavings()
	case a == LoansReceivable && m == "":
		return f.TotalReceivable()
	}
	return f.m(f.balance(a, m))
}

// Savings returns member m's savings (zero for an unknown member).
func (f Fund) Savings(m shg.MemberID) shg.Money { return f.m(f.members[m].savings) }

// Shares returns the shares member m bought in the open cycle.
func (f Fund) Shares(m shg.MemberID) int { return f.members[m].shares }

// Receivable returns the internal loan principal member m owes.
func (f Fund) Receivable(m shg.MemberID) shg.Money { return f.m(f.members[m].receivable) }

// TotalSavings returns all members' savings.
func (f Fund) TotalSavings() shg.Money { return f.m(f.totalSavings()) }

func (f *Fund) totalSavings() units {
	var t units
	for _, b := range f.members {
		t = t.add(b.savings)
	}
	return t
}

// TotalReceivable returns the internal loan principal outstanding.
func (f Fund) TotalReceivable() shg.Money { return f.m(f.totalReceivable()) }

func (f *Fund) totalReceivable() units {
	var t units
	for _, b := range f.members {
		t = t.add(b.receivable)
	}
	return t
}

// SocialFund returns the social fund's balance.
func (f Fund) SocialFund() shg.Money { return f.m(f.bal[SocialFund]) }

// BankLoan returns what the group owes a bank.
func (f Fund) BankLoan() shg.Money { return f.m(f.bal[BankLoanPayable]) }

// CashPosition is the group's cash.
type CashPosition struct {
	Box   shg.Money
	Bank  shg.Money
	Total shg.Money
}

// Cash returns the cash in the box, in the bank, and their total.
func (f Fund) Cash() CashPosition {
	return CashPosition{Box: f.m(f.bal[CashBox]), Bank: f.m(f.bal[CashBank]),
		Total: f.m(f.bal[CashBox].add(f.bal[CashBank]))}
}

// MemberPosition is one member's standing in the fund.
type MemberPosition struct {
	Member     shg.MemberID
	Savings    shg.Money
	Shares     int
	Receivable shg.Money
}

// Net returns Savings − Receivable: what she would take home at exit
// (negative if she owes more than she has saved).
func (p MemberPosition) Net() shg.Money {
	n, _ := p.Savings.Sub(p.Receivable)
	return n
}

// Member returns member m's position.
func (f Fund) Member(m shg.MemberID) MemberPosition {
	b := f.members[m]
	return MemberPosition{Member: m, Savings: f.m(b.savings), Shares: b.shares, Receivable: f.m(b.receivable)}
}

// Members returns the position of every member who ever had a posting,
// sorted by ID.
func (f Fund) Members() []MemberPosition {
	ids := f.memberIDs()
	out := make([]MemberPosition, len(ids))
	for i, id := range ids {
		out[i] = f.Member(id)
	}
	return out
}

func (f Fund) memberIDs() []shg.MemberID {
	ids := make([]shg.MemberID, 0, len(f.members))
	for id := range f.members {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

// IncomeStatement is the open cycle's income and expenses.
type IncomeStatement struct {
	Interest        shg.Money
	Fees            shg.Money
	Fines           shg.Money
	Penalties       shg.Money
	WriteOffs       shg.Money
	InterestExpense shg.Money
	// Net is income − write-offs − interest expense: the cycle's earnings.
	Net shg.Money
}

// Income returns the open cycle's income statement.
func (f Fund) Income() IncomeStatement {
	return IncomeStatement{
		Interest: f.m(f.bal[InterestIncome]), Fees: f.m(f.bal[FeeIncome]),
		Fines: f.m(f.bal[FineIncome]), Penalties: f.m(f.bal[PenaltyIncome]),
		WriteOffs: f.m(f.bal[WriteOffLoss]), InterestExpense: f.m(f.bal[InterestExpense]),
		Net: f.m(f.earnings()),
	}
}

// earnings is income − expenses of the open cycle.
func (f *Fund) earnings() units {
	var e units
	for a := Account(0); a < numAccounts; a++ {
		switch a.Class() {
		case Income:
			e = e.add(f.bal[a])
		case Expense:
			e = e.sub(f.bal[a])
		}
	}
	return e
}

// TrialLine is one account's balance in a [TrialBalance], on the side it
// falls: one of Debit and Credit is zero.
type TrialLine struct {
	Account Account
	Member  shg.MemberID
	Debit   shg.Money
	Credit  shg.Money
}

// TrialBalance lists every account's balance; its debits equal its
// credits, always.
type TrialBalance struct {
	Lines   []TrialLine
	Debits  shg.Money
	Credits shg.Money
}

// Difference returns Debits − Credits, which is zero for books that balance.
func (t TrialBalance) Difference() shg.Money {
	d, _ := t.Debits.Sub(t.Credits)
	return d
}

// Balanced reports whether Debits equal Credits.
func (t TrialBalance) Balanced() bool { return t.Difference().IsZero() }

// TrialBalance returns the balance of every group account (in chart order)
// and of every member's savings and loan receivable (by member ID).
func (f Fund) TrialBalance() TrialBalance {
	zero := f.m(units{})
	t := TrialBalance{Debits: zero, Credits: zero}
	var debits, credits units
	line := func(a Account, m shg.MemberID, natural units) {
		side := a.NormalSide()
		if natural.sign() < 0 {
			natural = natural.neg()
			side = 1 - side
		}
		l := TrialLine{Account: a, Member: m, Debit: zero, Credit: zero}
		if side == Debit {
			l.Debit = f.m(natural)
			debits = debits.add(natural)
		} else {
			l.Credit = f.m(natural)
			credits = credits.add(natural)
		}
		t.Lines = append(t.Lines, l)
	}
	ids := f.memberIDs()
	for a := Account(0); a < numAccounts; a++ {
		if !a.PerMember() {
			line(a, "", f.bal[a])
			continue
		}
		for _, id := range ids {
			line(a, id, f.balance(a, id))
		}
	}
	t.Debits, t.Credits = f.m(debits), f.m(credits)
	return t
}

// BalanceSheet is the accounting equation at a moment:
// Assets = Liabilities + Equity, where equity includes the open cycle's
// earnings (income − expenses) not yet closed.
type BalanceSheet struct {
	CashBox         shg.Money
	CashBank        shg.Money
	LoansReceivable shg.Money
	Assets          shg.Money

	MemberSavings shg.Money
	SocialFund    shg.Money
	BankLoan      shg.Money
	Liabilities   shg.Money

	RetainedEarnings shg.Money
	CurrentEarnings  shg.Money
	Equity           shg.Money
}

// Balanced reports whether Assets equal Liabilities + Equity.
func (b BalanceSheet) Balanced() bool {
	r, err := b.Liabilities.Add(b.Equity)
	return err == nil && r.Equal(b.Assets)
}

// BalanceSheet returns the fund's balance sheet.
func (f Fund) BalanceSheet() BalanceSheet {
	sav, rec, earn := f.totalSavings(), f.totalReceivable(), f.earnings()
	b := BalanceSheet{
		CashBox: f.m(f.bal[CashBox]), CashBank: f.m(f.bal[CashBank]), LoansReceivable: f.m(rec),
		MemberSavings: f.m(sav), SocialFund: f.SocialFund(), BankLoan: f.BankLoan(),
		RetainedEarnings: f.m(f.bal[RetainedEarnings]), CurrentEarnings: f.m(earn),
		Assets:      f.m(f.bal[CashBox].add(f.bal[CashBank]).add(rec)),
		Liabilities: f.m(sav.add(f.bal[SocialFund]).add(f.bal[BankLoanPayable])),
		Equity:      f.m(f.bal[RetainedEarnings].add(earn)),
	}
	return b
}

// Utilisation returns the share of the fund out on loan: loans receivable
// ÷ (cash + loans receivable), rounded half away from zero to places
// decimals (0.6250 is 62.5%). It is zero for an empty fund. VSLA
// benchmarks read it as the portfolio-to-fund ratio.
func (f Fund) Utilisation(places int32) decimal.Decimal {
	rec := f.totalReceivable()
	total := f.bal[CashBox].add(f.bal[CashBank]).add(rec)
	if total.sign() <= 0 {
		return decimal.Zero
	}
	return f.dec(rec).DivRound(f.dec(total), places)
}

// StatementLine is one posting as it touched one member.
type StatementLine struct {
	Seq  int
	Date shg.Date
	Kind PostingKind
	Ref  string
	// Shares bought by a deposit.
	Shares int
	// Savings is the change in her savings (+ deposit, − withdrawal) and
	// SavingsBalance the balance after it.
	Savings        shg.Money
	SavingsBalance shg.Money
	// Loan is the change in her loan principal (+ disbursed, − repaid or
	// written off) and LoanBalance the balance after it.
	Loan        shg.Money
	LoanBalance shg.Money
	// Cash is what she paid the group (+) or the group paid her (−).
	Cash shg.Money
}

// Statement returns member m's passbook: every posting that concerns her,
// oldest first, with running balances.
func (f Fund) Statement(m shg.MemberID) []StatementLine {
	var out []StatementLine
	var sav, loan units
	for i, r := range f.book.from(0) {
		if f.book.member(r) != m {
			continue
		}
		var ds, dl, dc units
		for k := range r.lines {
			l := &r.lines[k]
			a := f.book.units(l, f.digits)
			if l.side != l.account.NormalSide() {
				a = a.neg()
			}
			switch {
			case l.account == MemberSavings:
				ds = ds.add(a)
			case l.account == LoansReceivable:
				dl = dl.add(a)
			case l.account.IsCash():
				dc = dc.add(a)
			}
		}
		sav, loan = sav.add(ds), loan.add(dl)
		out = append(out, StatementLine{Seq: i + 1, Date: r.date, Kind: r.kind, Ref: f.book.textAt(r.ref), Shares: r.shares,
			Savings: f.m(ds), SavingsBalance: f.m(sav), Loan: f.m(dl), LoanBalance: f.m(loan), Cash: f.m(dc)})
	}
	return out
}
