package savings

import (
	"maps"
	"strconv"
	"strings"

	"github.com/khodyar/shg"
	"github.com/shopspring/decimal"
)

// Fund is the double-entry books of one group's fund, in one currency.
//
// Every operation validates its input and the balances it would leave,
// then appends one balanced [Posting] (a share-out appends several, all or
// none); a refused operation returns a [*shg.RuleError] and changes
// nothing. No posting takes cash, a member's savings, the social fund, a
// loan receivable or the bank loan below zero.
//
// A Fund is a value with maps and slices inside: assigning it shares them.
// Use [Fund.Clone] for an independent copy, which is cheap (the append-only
// ledger is shared, never written in place), or [Fund.Mark] and
// [Fund.Rollback] to undo cheaper still. The zero Fund has no currency
// and refuses every operation; build one with [NewFund]. A Fund is not safe
// for concurrent use while it is being changed.
type Fund struct {
	currency string
	digits   int32
	cycle    int
	last     shg.Date
	bal      [numAccounts]units // group-level accounts, natural sign
	members  map[shg.MemberID]memberBooks
	book     ledger
	start    int      // index of the first posting of the open cycle
	tx       *txState // the open [Mark], if any (see mark.go)
}

// memberBooks holds a member's per-member accounts, natural sign.
type memberBooks struct {
	savings    units
	receivable units
	shares     int
	name       int32 // 1 + the index of her ID in the ledger's names
}

// Entry is what every posting operation needs besides its amounts: the
// date, the caller's reference, and the cash account the money moves
// through.
type Entry struct {
	// Date of the meeting or transaction. Postings must come in date
	// order: a date before the last posting's is refused.
	Date shg.Date
	// Ref is free text: a meeting number, a voucher, a loan ID.
	Ref string
	// Via is the cash account paid into or out of: [CashBox] (the zero
	// value) or [CashBank]. Operations that move no cash ignore it.
	Via Account
}

// NewFund returns empty books in currency code, at the start of cycle 1.
// It fails with a [*shg.RuleError] ("savings.currency") for a code missing
// from the currency table.
func NewFund(code string) (Fund, error) {
	d, err := shg.MinorDigits(code)
	if err != nil {
		return Fund{}, shg.NewRuleError("savings.NewFund", shg.Violation{Code: CodeCurrency,
			Message: "unknown currency", Want: "an ISO 4217 code", Got: code, Err: shg.ErrUnknownCurrency})
	}
	return Fund{currency: code, digits: d, cycle: 1, members: map[shg.MemberID]memberBooks{}}, nil
}

// MustFund is like [NewFund] but panics on error. Use it for literals and tests.
func MustFund(code string) Fund {
	f, err := NewFund(code)
	if err != nil {
		panic(err)
	}
	return f
}

// Clone returns an independent copy: operations on either leave the other
// as it was. The group package applies a meeting to a clone and keeps it
// only if every operation succeeded.
func (f Fund) Clone() Fund {
	g := f.fork()
	g.tx = nil // the clone has no mark; f's journal is f's alone
	if f.tx != nil {
		// A rollback of f must not write where the clone can see.
		f.tx.cloned.Store(true)
	}
	// Postings are never modified in place, only appended; the clone's
	// ledger has no spare capacity, so its first append copies (at most
	// one block) and the two ledgers never write to the same array.
	g.book = f.book.clone()
	return g
}

// fork returns a copy with its own balances whose ledger still appends to
// f's arrays, past f's length. Only one of f and the fork may be kept:
// ShareOut posts to a fork and keeps it only if every posting succeeded.
// The fork shares f's mark: the member books it writes are journaled as
// they were in its map, which, until its first write to a member, holds
// what f's does, so a rollback of whichever is kept replays to the mark.
func (f *Fund) fork() Fund {
	g := *f
	if f.members == nil {
		g.members = map[shg.MemberID]memberBooks{}
	} else {
		g.members = maps.Clone(f.members)
	}
	return g
}

// ---------------------------------------------------------------- validation

// checker collects violations; it allocates only when one is found.
type checker struct{ vs []shg.Violation }

func (c *checker) add(v shg.Violation) { c.vs = append(c.vs, v) }

func (c *checker) err(op string) error {
	if len(c.vs) == 0 {
		return nil
	}
	return shg.NewRuleError(op, c.vs...)
}

// entry checks the fund, the date, and (when cash moves) the cash account.
func (f *Fund) entry(c *checker, at Entry, cash bool) {
	if f.currency == "" {
		c.add(shg.Violation{Code: CodeCurrency, Message: "fund has no currency; build it with NewFund",
			Want: "a fund from NewFund", Got: "zero Fund"})
	}
	switch {
	case at.Date.IsZero():
		c.add(shg.Violation{Code: CodeDate, Message: "posting has no date", Want: "a date", Got: "none"})
	case at.Date.Before(f.last):
		c.add(shg.Violation{Code: CodeDateOrder, Message: "posting dated before the last posting",
			Want: ">= " + f.last.String(), Got: at.Date.String()})
	}
	if cash && !at.Via.IsCash() {
		c.add(shg.Violation{Code: CodeCashAccount, Message: "money must move through the cash box or the bank",
			Want: "cashBox or cashBank", Got: at.Via.String()})
	}
}

func member(c *checker, m shg.MemberID) {
	if plainID(m) {
		return
	}
	if err := shg.ValidateID(m); err != nil {
		c.add(shg.Violation{Code: CodeMemberID, Message: "invalid member id",
			Want: "1-64 printable characters, no spaces", Got: string(m), Err: shg.ErrInvalidID})
	}
}

// plainID reports whether m is 1–64 bytes of printable ASCII other than
// the space: a subset of what [shg.ValidateID] accepts (printable
// characters, no spaces), checked without decoding runes. Anything else
// goes to ValidateID.
func plainID(m shg.MemberID) bool {
	if len(m) == 0 || len(m) > 64 {
		return false
	}
	for i := 0; i < len(m); i++ {
		if m[i] <= ' ' || m[i] > '~' {
			return false
		}
	}
	return true
}

// money checks m is in the fund's currency and whole minor units and
// returns it in the fund's currency (a currency-less zero becomes zero of
// it), with its value in minor units. With positive it must be > 0, else
// >= 0.
func (f *Fund) money(c *checker, what string, m shg.Money, positive bool) (shg.Money, units) {
	if m.Currency() == "" && m.IsZero() {
		m = shg.Zero(f.currency)
	}
	if m.Currency() != f.currency {
		c.add(shg.Violation{Code: CodeCurrency, Message: what + " is in another currency",
			Want: f.currency, Got: m.Currency(), Err: shg.ErrCurrencyMismatch})
		return shg.Zero(f.currency), units{}
	}
	u, whole := moneyUnits(m, f.digits)
	switch {
	case positive && !m.IsPositive():
		c.add(shg.Violation{Code: CodeAmountNotPositive, Message: what + " is not positive", Want: "> 0", Got: m.String()})
	case m.IsNegative():
		c.add(shg.Violation{Code: CodeAmountNegative, Message: what + " is negative", Want: ">= 0", Got: m.String()})
	case !whole:
		c.add(shg.Violation{Code: CodeAmountUnit, Message: what + " is not a whole number of minor units",
			Want: "whole minor units", Got: m.String()})
	}
	return m, u
}

// units returns m, an amount in the fund's currency and whole minor units
// (one the fund booked or computed), in minor units.
func (f *Fund) units(m shg.Money) units {
	u, _ := moneyUnits(m, f.digits)
	return u
}

func reason(c *checker, why string) string {
	why = strings.TrimSpace(why)
	if why == "" {
		c.add(shg.Violation{Code: CodeReasonRequired, Message: "a reason is required", Want: "a non-empty reason", Got: `""`})
	}
	return why
}

// ---------------------------------------------------------------- posting

// balance returns the natural balance of account a (of member m for the
// per-member accounts).
func (f *Fund) balance(a Account, m shg.MemberID) units {
	switch a {
	case MemberSavings:
		return f.members[m].savings
	case LoansReceivable:
		return f.members[m].receivable
	}
	return f.bal[a]
}

// guard names the rule broken when account a would fall below zero.
func guard(a Account) (code, what string) {
	switch a {
	case CashBox:
		return CodeInsufficientCash, "not enough cash in the box"
	case CashBank:
		return CodeInsufficientCash, "not enough cash in the bank account"
	case MemberSavings:
		return CodeInsufficientSavings, "not enough savings"
	case SocialFund:
		return CodeInsufficientSocialFund, "not enough in the social fund"
	case LoansReceivable:
		return CodeExceedsReceivable, "more than the loan outstanding"
	case BankLoanPayable:
		return CodeExceedsBankLoan, "more than the bank loan outstanding"
	case RetainedEarnings:
		return "", ""
	}
	return CodeNegativeBalance, "account would go negative"
}

// post is the only code that changes balances. legs are the posting's
// legs (p.Legs, p.Seq and p.Cycle are ignored) and amts their amounts in
// minor units. It
// computes every leg's new balance, refuses the posting if a guarded
// account would fall below zero, and otherwise commits the balances and
// appends the posting, with a copy of legs.
//
// Every per-member leg is p.Member's (the operations build them so and
// replay checks it), so her books are read and written once.
func (f *Fund) post(op string, p Posting, legs []Leg, amts []units) error {
	// Group balances change in place and are put back if the posting is
	// refused: saving the few a posting touches costs less than copying
	// the whole chart (with its write barriers) twice per posting. A
	// decoded posting may have more legs than any operation builds; its
	// chart is copied whole.
	var saved [maxDraft]struct {
		a   Account
		was units
	}
	nsaved := 0
	var whole *[numAccounts]units
	if len(legs) > maxDraft {
		cp := f.bal
		whole = &cp
	}
	var mb, old memberBooks
	var existed bool
	if p.Member != "" {
		mb, existed = f.members[p.Member]
		old = mb
	}
	var c checker
	for i := range legs {
		l := &legs[i]
		var cur *units
		switch {
		case l.Account.PerMember() && l.Member != p.Member:
			c.add(shg.Violation{Code: CodeMemberID, Message: "leg for another member than the posting's",
				Want: string(p.Member), Got: string(l.Member)})
			continue
		case l.Account == MemberSavings:
			cur = &mb.savings
		case l.Account == LoansReceivable:
			cur = &mb.receivable
		case l.Account.IsValid():
			cur = &f.bal[l.Account]
			if whole == nil {
				saved[nsaved].a, saved[nsaved].was = l.Account, *cur
				nsaved++
			}
		default:
			c.add(shg.Violation{Code: CodeNegativeBalance, Message: "unknown account",
				Want: "an account of the chart", Got: l.Account.String()})
			continue
		}
		was := *cur
		if l.Side == l.Account.NormalSide() {
			*cur = was.add(amts[i])
		} else {
			*cur = was.sub(amts[i])
		}
		if cur.sign() < 0 {
			if code, what := guard(l.Account); code != "" {
				c.add(shg.Violation{Code: code, Message: what + describe(l),
					Want: "<= " + f.m(was).String(), Got: l.Amount.String()})
			}
		}
	}
	if err := c.err(op); err != nil {
		if whole != nil {
			f.bal = *whole
		}
		for i := nsaved - 1; i >= 0; i-- { // in reverse: an account may recur
			f.bal[saved[i].a] = saved[i].was
		}
		return err
	}
	name := int32(-1)
	if p.Member != "" {
		switch p.Kind {
		case KindDeposit:
			mb.shares += p.Shares
		case KindExitSettlement, KindShareOut:
			mb.shares = 0
		}
		if mb.name == 0 {
			f.book.names = append(f.book.names, p.Member)
			mb.name = int32(len(f.book.names))
		}
		name = mb.name - 1
		f.setMember(p.Member, old, existed, mb)
	}
	f.book.push(&p, legs, f.cycle, name)
	f.last = p.Date
	return nil
}

func describe(l *Leg) string {
	if l.Member != "" {
		return " (" + l.Account.String() + " of " + string(l.Member) + ")"
	}
	return " (" + l.Account.String() + ")"
}

// post2 books a two-leg posting of a positive amount (u minor units):
// debit dr, credit cr, for member m where the account is per member.
func (f *Fund) post2(op string, p Posting, dr, cr Account, m shg.MemberID, amt shg.Money, u units) error {
	legs := [2]Leg{
		{Account: dr, Member: memberOf(dr, m), Side: Debit, Amount: amt},
		{Account: cr, Member: memberOf(cr, m), Side: Credit, Amount: amt},
	}
	amts := [2]units{u, u}
	return f.post(op, p, legs[:], amts[:])
}

// maxDraft is the most legs an operation builds: a share-out's closing
// posting has four income, two expense, the social fund and retained
// earnings.
const maxDraft = 8

// draft builds a posting's legs and their amounts in minor units, skipping
// zero amounts. It lives on the caller's stack; post copies the legs into
// the ledger's arena.
type draft struct {
	n    int
	legs [maxDraft]Leg
	amts [maxDraft]units
}

func (d *draft) dr(a Account, m shg.MemberID, amt shg.Money, u units) *draft {
	return d.leg(a, m, Debit, amt, u)
}

func (d *draft) cr(a Account, m shg.MemberID, amt shg.Money, u units) *draft {
	return d.leg(a, m, Credit, amt, u)
}

func (d *draft) leg(a Account, m shg.MemberID, side Side, amt shg.Money, u units) *draft {
	if !u.isZero() {
		d.legs[d.n] = Leg{Account: a, Member: memberOf(a, m), Side: side, Amount: amt}
		d.amts[d.n] = u
		d.n++
	}
	return d
}

// post books the drafted legs.
func (d *draft) post(f *Fund, op string, p Posting) error {
	return f.post(op, p, d.legs[:d.n], d.amts[:d.n])
}

func memberOf(a Account, m shg.MemberID) shg.MemberID {
	if a.PerMember() {
		return m
	}
	return ""
}

// ---------------------------------------------------------------- operations

// Deposit books a member's savings deposit: cash (at.Via) up, her savings
// up. shares is the number of shares it bought under a [Shares] plan (0
// otherwise); [Fund.ShareOut] by [ByShares] divides by them. Check the
// deposit against the group's [Plan] with [Plan.Check] first and book
// Contribution.Paid and Contribution.Shares; the fund books any positive
// amount, and refuses zero (a member who paid nothing has no posting).
//
// Codes: savings.currency, savings.date, savings.date_order,
// savings.cash_account, savings.member_id, savings.amount_not_positive,
// savings.amount_unit, savings.shares_negative.
func (f *Fund) Deposit(at Entry, m shg.MemberID, amount shg.Money, shares int) error {
	const op = "savings.Fund.Deposit"
	var c checker
	f.entry(&c, at, true)
	member(&c, m)
	amount, u := f.money(&c, "deposit", amount, true)
	if shares < 0 {
		c.add(shg.Violation{Code: CodeSharesNegative, Message: "share count is negative", Want: ">= 0", Got: strconv.Itoa(shares)})
	}
	if err := c.err(op); err != nil {
		return err
	}
	return f.post2(op, Posting{Date: at.Date, Kind: KindDeposit, Ref: at.Ref, Member: m, Shares: shares},
		at.Via, MemberSavings, m, amount, u)
}

// simple books a two-leg cash posting for a member.
func (f *Fund) simple(op string, at Entry, m shg.MemberID, amount shg.Money, kind PostingKind,
	debit, credit Account, cash bool, why *string, what string) error {
	var c checker
	f.entry(&c, at, cash)
	member(&c, m)
	amount, u := f.money(&c, what, amount, true)
	var note string
	if why != nil {
		note = reason(&c, *why)
	}
	if err := c.err(op); err != nil {
		return err
	}
	return f.post2(op, Posting{Date: at.Date, Kind: kind, Ref: at.Ref, Member: m, Note: note}, debit, credit, m, amount, u)
}

// Fine books a fine a member paid in cash: cash up, fine income up.
//
// Codes: as [Fund.Deposit] without savings.shares_negative.
func (f *Fund) Fine(at Entry, m shg.MemberID, amount shg.Money) error {
	return f.simple("savings.Fund.Fine", at, m, amount, KindFine, at.Via, FineIncome, true, nil, "fine")
}

// SocialContribution books a member's contribution to the social fund:
// cash up, social fund up.
//
// Codes: as [Fund.Fine].
func (f *Fund) SocialContribution(at Entry, m shg.MemberID, amount shg.Money) error {
	return f.simple("savings.Fund.SocialContribution", at, m, amount, KindSocialContribution,
		at.Via, SocialFund, true, nil, "contribution")
}

// SocialPayout books a grant from the social fund to member m for the
// given reason (a funeral, an illness): social fund down, cash down.
//
// Codes: as [Fund.Fine], and savings.reason_required,
// savings.insufficient_social_fund, savings.insufficient_cash.
func (f *Fund) SocialPayout(at Entry, m shg.MemberID, amount shg.Money, reason string) error {
	return f.simple("savings.Fund.SocialPayout", at, m, amount, KindSocialPayout,
		SocialFund, at.Via, true, &reason, "payout")
}

// DisburseLoan books an internal loan of principal to member m: her loan
// receivable up, cash down. Lending rules (caps, one loan at a time, no
// arrears) are the policy's; the fund checks only that the cash is there.
//
// Codes: as [Fund.Fine], and savings.insufficient_cash.
func (f *Fund) DisburseLoan(at Entry, m shg.MemberID, principal shg.Money) error {
	return f.simple("savings.Fund.DisburseLoan", at, m, principal, KindDisbursement,
		LoansReceivable, at.Via, true, nil, "principal")
}

// WriteOffLoan books amount of member m's loan principal as lost: write-off
// loss up, receivable down. No cash moves; at.Via is ignored.
//
// Codes: savings.currency, savings.date, savings.date_order,
// savings.member_id, savings.amount_not_positive, savings.amount_unit,
// savings.exceeds_receivable.
func (f *Fund) WriteOffLoan(at Entry, m shg.MemberID, amount shg.Money) error {
	return f.simple("savings.Fund.WriteOffLoan", at, m, amount, KindWriteOff,
		WriteOffLoss, LoansReceivable, false, nil, "write-off")
}

// Collection is one loan repayment split into what it pays.
type Collection struct {
	Principal shg.Money // back to cash from the receivable
	Interest  shg.Money // to interest income
	Fee       shg.Money // to fee income (service fee, qard al-hasan)
	Penalty   shg.Money // to penalty income (late payment)
}

// Total returns the sum of the parts.
func (c Collection) Total() shg.Money {
	t, _ := shg.Sum(c.Principal, c.Interest, c.Fee, c.Penalty)
	return t
}

// CollectLoan books a repayment by member m: cash up by the total,
// receivable down by the principal, income up by interest, fee and
// penalty. Each part may be zero; the total must be positive. How a
// payment splits into parts is the loan package's job.
//
// Codes: savings.currency, savings.date, savings.date_order,
// savings.cash_account, savings.member_id, savings.amount_negative,
// savings.amount_unit, savings.amount_not_positive,
// savings.exceeds_receivable.
func (f *Fund) CollectLoan(at Entry, m shg.MemberID, r Collection) error {
	const op = "savings.Fund.CollectLoan"
	var c checker
	f.entry(&c, at, true)
	member(&c, m)
	var u [4]units
	r.Principal, u[0] = f.money(&c, "principal", r.Principal, false)
	r.Interest, u[1] = f.money(&c, "interest", r.Interest, false)
	r.Fee, u[2] = f.money(&c, "fee", r.Fee, false)
	r.Penalty, u[3] = f.money(&c, "penalty", r.Penalty, false)
	var total units
	if len(c.vs) == 0 {
		total = u[0].add(u[1]).add(u[2]).add(u[3])
		if total.sign() <= 0 {
			c.add(shg.Violation{Code: CodeAmountNotPositive, Message: "repayment is not positive", Want: "> 0", Got: f.m(total).String()})
		}
	}
	if err := c.err(op); err != nil {
		return err
	}
	var d draft
	d.dr(at.Via, m, f.sum(total, r.Principal, r.Interest, r.Fee, r.Penalty), total).cr(LoansReceivable, m, r.Principal, u[0]).
		cr(InterestIncome, m, r.Interest, u[1]).cr(FeeIncome, m, r.Fee, u[2]).cr(PenaltyIncome, m, r.Penalty, u[3])
	return d.post(f, op, Posting{Date: at.Date, Kind: KindCollection, Ref: at.Ref, Member: m})
}

// Withdraw pays amount of member m's savings back to her in cash for
// purpose, with a reason for the record: savings down, cash down. Whether
// a withdrawal is allowed at all (VSLAs allow none mid-cycle; some groups
// allow voluntary savings out) is the policy's decision; the fund checks
// that the savings and the cash are there.
//
// Codes: as [Fund.Fine], and savings.withdrawal_purpose,
// savings.reason_required, savings.insufficient_savings,
// savings.insufficient_cash.
func (f *Fund) Withdraw(at Entry, m shg.MemberID, amount shg.Money, purpose WithdrawalPurpose, why string) error {
	const op = "savings.Fund.Withdraw"
	var c checker
	f.entry(&c, at, true)
	member(&c, m)
	amount, u := f.money(&c, "withdrawal", amount, true)
	if !purpose.IsValid() {
		c.add(shg.Violation{Code: CodeWithdrawalPurpose, Message: "unknown withdrawal purpose",
			Want: "voluntary, exit or shareOut", Got: purpose.String()})
	}
	note := reason(&c, why)
	if err := c.err(op); err != nil {
		return err
	}
	return f.post2(op, Posting{Date: at.Date, Kind: KindWithdrawal, Ref: at.Ref, Member: m,
		Purpose: purpose, Note: note}, MemberSavings, at.Via, m, amount, u)
}

// Settlement is the outcome of a member's exit.
type Settlement struct {
	Member shg.MemberID
	// Savings and Owed are her savings and loan principal before the exit.
	Savings shg.Money
	Owed    shg.Money
	// Offset is the savings set against the loan: the smaller of the two.
	Offset shg.Money
	// PaidOut is the cash paid to her: Savings − Offset.
	PaidOut shg.Money
	// StillOwed is loan principal her savings did not cover (Owed − Offset).
	// It stays on the books as her receivable, for the group to collect or
	// write off.
	StillOwed shg.Money
}

// Net returns PaidOut − StillOwed: positive when the group paid the member,
// negative when she still owes it.
func (s Settlement) Net() shg.Money {
	n, _ := s.PaidOut.Sub(s.StillOwed)
	return n
}

// ExitSettlement settles a leaving member: her savings are set against the
// loan principal she owes, the rest is paid out in cash (at.Via), and any
// loan not covered stays as her receivable (see [Settlement]). Her shares
// fall to zero and, under [BySavingsTime], the member-days she held before
// leaving no longer count. Interest due on her loan is not known to the
// fund: collect it with [Fund.CollectLoan] first. A member with nothing to
// settle still gets a posting (with no legs) recording the exit.
//
// The payout is her savings only: her share of the cycle's earnings is
// forfeited to the group, as in the VSL Associates guide's mid-cycle payout
// (Allen 2006, Annex 5), unless the group pays it separately.
//
// Codes: savings.currency, savings.date, savings.date_order,
// savings.cash_account, savings.member_id, savings.insufficient_cash.
func (f *Fund) ExitSettlement(at Entry, m shg.MemberID) (Settlement, error) {
	const op = "savings.Fund.ExitSettlement"
	var c checker
	f.entry(&c, at, true)
	member(&c, m)
	if err := c.err(op); err != nil {
		return Settlement{}, err
	}
	b := f.members[m]
	sav, owed := b.savings, b.receivable
	off := sav.min(owed)
	paid, still := sav.sub(off), owed.sub(off)
	s := Settlement{Member: m, Savings: f.m(sav), Owed: f.m(owed), PaidOut: f.m(paid), StillOwed: f.m(still)}
	s.Offset = s.Savings
	if owed.cmp(sav) < 0 {
		s.Offset = s.Owed
	}
	var d draft
	d.dr(MemberSavings, m, s.Savings, sav).cr(LoansReceivable, m, s.Offset, off).cr(at.Via, m, s.PaidOut, paid)
	if err := d.post(f, op, Posting{Date: at.Date, Kind: KindExitSettlement, Ref: at.Ref, Member: m}); err != nil {
		return Settlement{}, err
	}
	return s, nil
}

// transfer moves cash between the two cash accounts.
func (f *Fund) transfer(op string, at Entry, from, to Account, amount shg.Money) error {
	var c checker
	f.entry(&c, at, false)
	amount, u := f.money(&c, "transfer", amount, true)
	if err := c.err(op); err != nil {
		return err
	}
	return f.post2(op, Posting{Date: at.Date, Kind: KindTransfer, Ref: at.Ref}, to, from, "", amount, u)
}

// TransferToBank books cash banked from the box. at.Via is ignored.
//
// Codes: savings.currency, savings.date, savings.date_order,
// savings.amount_not_positive, savings.amount_unit, savings.insufficient_cash.
func (f *Fund) TransferToBank(at Entry, amount shg.Money) error {
	return f.transfer("savings.Fund.TransferToBank", at, CashBox, CashBank, amount)
}

// TransferToBox books cash drawn from the bank into the box. at.Via is ignored.
//
// Codes: as [Fund.TransferToBank].
func (f *Fund) TransferToBox(at Entry, amount shg.Money) error {
	return f.transfer("savings.Fund.TransferToBox", at, CashBank, CashBox, amount)
}

// BankLoanReceived books a bank loan to the group (SHG-bank linkage with
// the group as borrower): cash (at.Via, usually [CashBank]) up, bank loan
// payable up. The group on-lends it with [Fund.DisburseLoan].
//
// Codes: savings.currency, savings.date, savings.date_order,
// savings.cash_account, savings.amount_not_positive, savings.amount_unit.
func (f *Fund) BankLoanReceived(at Entry, amount shg.Money) error {
	const op = "savings.Fund.BankLoanReceived"
	var c checker
	f.entry(&c, at, true)
	amount, u := f.money(&c, "bank loan", amount, true)
	if err := c.err(op); err != nil {
		return err
	}
	return f.post2(op, Posting{Date: at.Date, Kind: KindBankLoanReceived, Ref: at.Ref}, at.Via, BankLoanPayable, "", amount, u)
}

// BankLoanRepaid books a repayment to the bank: payable down by principal,
// interest expense up by interest, cash (at.Via) down by both. Either part
// may be zero; the total must be positive.
//
// Codes: as [Fund.BankLoanReceived], and savings.amount_negative,
// savings.exceeds_bank_loan, savings.insufficient_cash.
func (f *Fund) BankLoanRepaid(at Entry, principal, interest shg.Money) error {
	const op = "savings.Fund.BankLoanRepaid"
	var c checker
	f.entry(&c, at, true)
	principal, up := f.money(&c, "principal", principal, false)
	interest, ui := f.money(&c, "interest", interest, false)
	var total units
	if len(c.vs) == 0 {
		total = up.add(ui)
		if total.sign() <= 0 {
			c.add(shg.Violation{Code: CodeAmountNotPositive, Message: "repayment is not positive", Want: "> 0", Got: f.m(total).String()})
		}
	}
	if err := c.err(op); err != nil {
		return err
	}
	var d draft
	d.dr(BankLoanPayable, "", principal, up).dr(InterestExpense, "", interest, ui).
		cr(at.Via, "", f.sum(total, principal, interest), total)
	return d.post(f, op, Posting{Date: at.Date, Kind: KindBankLoanRepaid, Ref: at.Ref})
}

// m returns u minor units as money in the fund's currency. The zero Fund,
// which has no currency, has only zero balances.
func (f *Fund) m(u units) shg.Money {
	if u.big == nil {
		return shg.Zero(f.currency).WithMinor(u.n)
	}
	v, err := shg.NewMoney(u.decimal(f.digits), f.currency)
	if err != nil {
		return shg.Money{}
	}
	return v
}

// dec returns u minor units as a decimal amount of the fund's currency.
func (f *Fund) dec(u units) decimal.Decimal { return u.decimal(f.digits) }

// sum returns total (the sum of parts, in minor units) as money: the one
// nonzero part itself when there is only one, so that no new amount is
// made, else a new amount.
func (f *Fund) sum(total units, parts ...shg.Money) shg.Money {
	var one shg.Money
	n := 0
	for _, p := range parts {
		if !p.IsZero() {
			one, n = p, n+1
		}
	}
	if n == 1 {
		return one
	}
	return f.m(total)
}
