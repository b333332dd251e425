package savings

import (
	"fmt"
	"strconv"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/internal/enumtext"
)

// Account is one account of a fund's chart of accounts. Two of them,
// [LoansReceivable] and [MemberSavings], are kept per member; the others
// are kept once for the group.
type Account uint8

const (
	// CashBox is the cash in the group's lock-box (asset). Zero value.
	CashBox Account = iota
	// CashBank is the group's bank account (asset).
	CashBank
	// LoansReceivable is internal loan principal a member owes (asset, per member).
	LoansReceivable
	// MemberSavings is what the group owes a member for her savings
	// (liability, per member).
	MemberSavings
	// SocialFund is the social (emergency, welfare) fund (liability to the
	// members collectively; kept across share-outs).
	SocialFund
	// BankLoanPayable is what the group owes a bank that lent to it (liability).
	BankLoanPayable
	// RetainedEarnings is the group's equity: earnings of closed cycles not
	// yet distributed (zero after every share-out).
	RetainedEarnings
	// InterestIncome is interest (service charge) on internal loans (income).
	InterestIncome
	// FeeIncome is fees on internal loans, such as the qard al-hasan
	// service fee (income).
	FeeIncome
	// FineIncome is fines for lateness, absence or missed savings (income).
	FineIncome
	// PenaltyIncome is penalties for late loan repayment (income).
	PenaltyIncome
	// WriteOffLoss is loan principal written off as uncollectable (expense).
	WriteOffLoss
	// InterestExpense is interest the group pays on a bank loan (expense).
	InterestExpense

	numAccounts
)

var accountNames = [numAccounts]string{
	"cashBox", "cashBank", "loansReceivable", "memberSavings", "socialFund",
	"bankLoanPayable", "retainedEarnings", "interestIncome", "feeIncome",
	"fineIncome", "penaltyIncome", "writeOffLoss", "interestExpense",
}

// Accounts returns every account in chart order.
func Accounts() []Account {
	out := make([]Account, numAccounts)
	for i := range out {
		out[i] = Account(i)
	}
	return out
}

// String returns the lowerCamel name used in JSON, e.g. "cashBox".
func (a Account) String() string {
	if a.IsValid() {
		return accountNames[a]
	}
	return "Account(" + strconv.Itoa(int(a)) + ")"
}

// IsValid reports whether a is an account of the chart.
func (a Account) IsValid() bool { return a < numAccounts }

// IsCash reports whether a is one of the two cash accounts, [CashBox] and [CashBank].
func (a Account) IsCash() bool { return a == CashBox || a == CashBank }

// PerMember reports whether a is kept per member ([LoansReceivable], [MemberSavings]).
func (a Account) PerMember() bool { return a == LoansReceivable || a == MemberSavings }

// Class returns whether a is an asset, liability, equity, income or expense account.
func (a Account) Class() Class {
	switch a {
	case CashBox, CashBank, LoansReceivable:
		return Asset
	case MemberSavings, SocialFund, BankLoanPayable:
		return Liability
	case RetainedEarnings:
		return Equity
	case InterestIncome, FeeIncome, FineIncome, PenaltyIncome:
		return Income
	}
	return Expense
}

// NormalSide is the side that increases a: [Debit] for assets and
// expenses, [Credit] for liabilities, equity and income.
func (a Account) NormalSide() Side {
	if c := a.Class(); c == Asset || c == Expense {
		return Debit
	}
	return Credit
}

// MarshalText encodes the account by name.
func (a Account) MarshalText() ([]byte, error) {
	if !a.IsValid() {
		return nil, fmt.Errorf("savings: invalid account %d", a)
	}
	return []byte(accountNames[a]), nil
}

// UnmarshalText decodes an account name.
func (a *Account) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(accountNames[:], "Account", "account", b)
	if err == nil {
		*a = Account(v)
	}
	return err
}

// Class is the kind of an [Account] in the accounting equation
// assets = liabilities + equity (+ income − expenses of the open cycle).
type Class uint8

const (
	// Asset: what the group owns or is owed (cash, loans receivable).
	Asset Class = iota
	// Liability: what the group owes (members' savings, social fund, bank loan).
	Liability
	// Equity: what is left to the group (retained earnings).
	Equity
	// Income: interest, fees, fines, penalties of the open cycle.
	Income
	// Expense: write-offs and interest paid in the open cycle.
	Expense
)

var classNames = [...]string{"asset", "liability", "equity", "income", "expense"}

// String returns "asset", "liability", "equity", "income" or "expense".
func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return "Class(" + strconv.Itoa(int(c)) + ")"
}

// Side is the side of a [Leg]: debit or credit.
type Side uint8

const (
	// Debit increases assets and expenses. Zero value.
	Debit Side = iota
	// Credit increases liabilities, equity and income.
	Credit
)

// String returns "debit" or "credit".
func (s Side) String() string {
	switch s {
	case Debit:
		return "debit"
	case Credit:
		return "credit"
	}
	return "Side(" + strconv.Itoa(int(s)) + ")"
}

// IsValid reports whether s is Debit or Credit.
func (s Side) IsValid() bool { return s <= Credit }

// MarshalText encodes "debit" or "credit".
func (s Side) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fmt.Errorf("savings: invalid side %d", s)
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes "debit" or "credit".
func (s *Side) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal([]string{Debit: "debit", Credit: "credit"}, "Side", "side", b)
	if err == nil {
		*s = Side(v)
	}
	return err
}

// PostingKind says what business event a [Posting] records.
type PostingKind uint8

const (
	// KindDeposit: a member's savings deposit (cash up, savings up). Zero value.
	KindDeposit PostingKind = iota
	// KindFine: a fine paid in cash (cash up, fine income up).
	KindFine
	// KindSocialContribution: a contribution to the social fund.
	KindSocialContribution
	// KindSocialPayout: a grant from the social fund to a member.
	KindSocialPayout
	// KindDisbursement: an internal loan paid out (receivable up, cash down).
	KindDisbursement
	// KindCollection: a loan repayment (principal, interest, fee, penalty).
	KindCollection
	// KindWriteOff: loan principal written off (loss up, receivable down).
	KindWriteOff
	// KindWithdrawal: savings paid back to a member before share-out.
	KindWithdrawal
	// KindExitSettlement: a leaving member's savings set against her loan,
	// the rest paid out.
	KindExitSettlement
	// KindTransfer: cash moved between the box and the bank.
	KindTransfer
	// KindBankLoanReceived: a bank loan to the group (cash up, payable up).
	KindBankLoanReceived
	// KindBankLoanRepaid: a repayment to the bank (payable and cash down,
	// interest expense up).
	KindBankLoanRepaid
	// KindCycleClose: income and expenses of the cycle closed to retained
	// earnings at share-out (and the social fund, when it is shared).
	KindCycleClose
	// KindShareOut: one member's share-out payout.
	KindShareOut

	numKinds
)

var kindNames = [numKinds]string{
	"deposit", "fine", "socialContribution", "socialPayout", "disbursement",
	"collection", "writeOff", "withdrawal", "exitSettlement", "transfer",
	"bankLoanReceived", "bankLoanRepaid", "cycleClose", "shareOut",
}

// String returns the lowerCamel name used in JSON, e.g. "deposit".
func (k PostingKind) String() string {
	if k.IsValid() {
		return kindNames[k]
	}
	return "PostingKind(" + strconv.Itoa(int(k)) + ")"
}

// IsValid reports whether k is a defined kind.
func (k PostingKind) IsValid() bool { return k < numKinds }

// MarshalText encodes the kind by name.
func (k PostingKind) MarshalText() ([]byte, error) {
	if !k.IsValid() {
		return nil, fmt.Errorf("savings: invalid posting kind %d", k)
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText decodes a kind name.
func (k *PostingKind) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(kindNames[:], "PostingKind", "posting kind", b)
	if err == nil {
		*k = PostingKind(v)
	}
	return err
}

// WithdrawalPurpose is why savings leave the fund before or outside a
// share-out. The zero value, NoPurpose, is not accepted by [Fund.Withdraw].
type WithdrawalPurpose uint8

const (
	// NoPurpose is the zero value: not a withdrawal.
	NoPurpose WithdrawalPurpose = iota
	// WithdrawVoluntary: a member takes out part of her voluntary savings,
	// where the group's rules allow it.
	WithdrawVoluntary
	// WithdrawExit: savings paid to a leaving member (see also
	// [Fund.ExitSettlement], which nets her loans first).
	WithdrawExit
	// WithdrawShareOut: savings paid out as part of a share-out the group
	// conducts outside [Fund.ShareOut] (for example an early, partial one).
	WithdrawShareOut
)

var purposeNames = [...]string{"", "voluntary", "exit", "shareOut"}

// String returns "voluntary", "exit", "shareOut", or "" for NoPurpose.
func (p WithdrawalPurpose) String() string {
	if int(p) < len(purposeNames) {
		return purposeNames[p]
	}
	return "WithdrawalPurpose(" + strconv.Itoa(int(p)) + ")"
}

// IsValid reports whether p is a purpose Withdraw accepts (not NoPurpose).
func (p WithdrawalPurpose) IsValid() bool {
	return p >= WithdrawVoluntary && int(p) < len(purposeNames)
}

// MarshalText encodes the purpose by name ("" for NoPurpose).
func (p WithdrawalPurpose) MarshalText() ([]byte, error) {
	if int(p) >= len(purposeNames) {
		return nil, fmt.Errorf("savings: invalid withdrawal purpose %d", p)
	}
	return []byte(purposeNames[p]), nil
}

// UnmarshalText decodes a purpose name; "" is NoPurpose.
func (p *WithdrawalPurpose) UnmarshalText(b []byte) error {
	// "" is NoPurpose's name.
	v, err := enumtext.Decode(purposeNames[:], b, true, "savings.WithdrawalPurpose.UnmarshalText", CodeUnknownName, "withdrawal purpose")
	if err == nil {
		*p = WithdrawalPurpose(v)
	}
	return err
}

// enumUnmarshal returns the index of b's name in names, or refuses it with
// savings.unknown_name (see enumtext.Decode).
func enumUnmarshal(names []string, typ, what string, b []byte) (uint8, error) {
	return enumtext.Decode(names, b, false, "savings."+typ+".UnmarshalText", CodeUnknownName, what)
}

// Leg is one line of a [Posting]: an amount on one side of one account.
type Leg struct {
	Account Account `json:"account"`
	// Member is set for the per-member accounts ([Account.PerMember]) and
	// empty for the others.
	Member shg.MemberID `json:"member,omitempty"`
	Side   Side         `json:"side"`
	// Amount is positive, in the fund's currency.
	Amount shg.Money `json:"amount"`
}

// Posting is one balanced journal entry: its debits equal its credits.
// Postings are append-only; [Fund.Postings] lists copies.
type Posting struct {
	// Seq is the posting's 1-based position in the ledger.
	Seq int `json:"seq"`
	// Cycle is the savings cycle (1, 2, ...) the posting belongs to; a
	// share-out's postings belong to the cycle they close.
	Cycle int         `json:"cycle"`
	Date  shg.Date    `json:"date"`
	Kind  PostingKind `json:"kind"`
	// Ref is the caller's reference: a meeting, voucher or loan number.
	Ref string `json:"ref,omitempty"`
	// Member is the member the posting concerns, if any. Every per-member
	// leg of a posting is this member's.
	Member shg.MemberID `json:"member,omitempty"`
	// Shares is the number of shares a deposit bought.
	Shares int `json:"shares,omitempty"`
	// Purpose is set on withdrawals.
	Purpose WithdrawalPurpose `json:"purpose,omitempty"`
	// Note is the reason given for a withdrawal or social-fund payout.
	Note string `json:"note,omitempty"`
	Legs []Leg  `json:"legs"`
}

// Totals returns the sums of the debit and the credit legs.
func (p Posting) Totals() (debits, credits shg.Money) {
	for _, l := range p.Legs {
		if l.Side == Debit {
			debits, _ = debits.Add(l.Amount)
		} else {
			credits, _ = credits.Add(l.Amount)
		}
	}
	return debits, credits
}

// Balanced reports whether the debits equal the credits.
func (p Posting) Balanced() bool {
	d, c := p.Totals()
	return d.Equal(c)
}
