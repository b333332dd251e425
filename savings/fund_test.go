package savings_test

import (
	"encoding/json"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/savings"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var day0 = shg.MustDate(shg.SolarHijri, 1403, 1, 15) // 2024-04-03

func on(days int) savings.Entry { return savings.Entry{Date: day0.AddDays(days), Ref: "test"} }

func onBank(days int) savings.Entry {
	e := on(days)
	e.Via = savings.CashBank
	return e
}

func snapshot(tb testing.TB, f savings.Fund) string {
	tb.Helper()
	b, err := json.Marshal(f)
	require.NoError(tb, err)
	return string(b)
}

func assertMoney(tb testing.TB, want string, got shg.Money, msg ...any) {
	tb.Helper()
	assert.Equal(tb, want, got.String(), msg...)
}

// meetingBook is the worked example of this file, in rials:
//
//	day  0: A, B, C save 1,000,000 each and 50,000 each to the social fund;
//	        A borrows 2,000,000.
//	        box = 3,000,000 + 150,000 − 2,000,000 = 1,150,000
//	day 30: A, B, C save 1,000,000 each               box 4,150,000
//	        A repays 1,000,000 + 40,000 interest      box 5,190,000
//	        B is fined 20,000                          box 5,210,000
//	        5,000,000 banked                           box 210,000, bank 5,000,000
//	day 60: A repays 1,000,000 + 20,000 into the bank  bank 6,020,000
//
// Then assets = 210,000 + 6,020,000 = 6,230,000; savings 6,000,000, social
// fund 150,000, earnings 40,000 + 20,000 + 20,000 = 80,000; 6,150,000 +
// 80,000 = 6,230,000.
func meetingBook(tb testing.TB) savings.Fund {
	tb.Helper()
	f := savings.MustFund(shg.IRR)
	for _, m := range []shg.MemberID{"A", "B", "C"} {
		require.NoError(tb, f.Deposit(on(0), m, shg.Toman(100_000), 0))
		require.NoError(tb, f.SocialContribution(on(0), m, shg.Rials(50_000)))
	}
	require.NoError(tb, f.DisburseLoan(on(0), "A", shg.Rials(2_000_000)))
	for _, m := range []shg.MemberID{"A", "B", "C"} {
		require.NoError(tb, f.Deposit(on(30), m, shg.Rials(1_000_000), 0))
	}
	require.NoError(tb, f.CollectLoan(on(30), "A", savings.Collection{Principal: shg.Rials(1_000_000), Interest: shg.Rials(40_000)}))
	require.NoError(tb, f.Fine(on(30), "B", shg.Rials(20_000)))
	require.NoError(tb, f.TransferToBank(on(30), shg.Rials(5_000_000)))
	require.NoError(tb, f.CollectLoan(onBank(60), "A", savings.Collection{Principal: shg.Rials(1_000_000), Interest: shg.Rials(20_000)}))
	return f
}

func TestFund_WorkedExample(t *testing.T) {
	f := meetingBook(t)
	c := f.Cash()
	assertMoney(t, "210000 IRR", c.Box)
	assertMoney(t, "6020000 IRR", c.Bank)
	assertMoney(t, "6230000 IRR", c.Total)
	assertMoney(t, "6000000 IRR", f.TotalSavings())
	assertMoney(t, "2000000 IRR", f.Savings("A"))
	assertMoney(t, "0 IRR", f.TotalReceivable())
	assertMoney(t, "150000 IRR", f.SocialFund())
	inc := f.Income()
	assertMoney(t, "60000 IRR", inc.Interest)
	assertMoney(t, "20000 IRR", inc.Fines)
	assertMoney(t, "80000 IRR", inc.Net)

	bs := f.BalanceSheet()
	assert.True(t, bs.Balanced())
	assertMoney(t, "6230000 IRR", bs.Assets)
	assertMoney(t, "6150000 IRR", bs.Liabilities)
	assertMoney(t, "80000 IRR", bs.Equity)

	tb := f.TrialBalance()
	assert.True(t, tb.Balanced())
	assertMoney(t, "6230000 IRR", tb.Debits) // debit balances: the cash
	assertMoney(t, "6230000 IRR", tb.Credits)
	assert.Equal(t, 14, f.Len()) // 3×2 + 1 + 3 + 1 + 1 + 1 + 1

	// A's passbook.
	st := f.Statement("A")
	require.Len(t, st, 6) // deposit, social, loan, deposit, two repayments
	assert.Equal(t, savings.KindSocialContribution, st[1].Kind)
	assertMoney(t, "0 IRR", st[1].Savings)
	assertMoney(t, "50000 IRR", st[1].Cash)
	assert.Equal(t, savings.KindDisbursement, st[2].Kind)
	assertMoney(t, "-2000000 IRR", st[2].Cash) // she received the loan
	assertMoney(t, "2000000 IRR", st[2].LoanBalance)
	assertMoney(t, "1000000 IRR", st[3].Savings)
	assertMoney(t, "2000000 IRR", st[3].SavingsBalance)
	assertMoney(t, "-1000000 IRR", st[4].Loan)
	assertMoney(t, "1040000 IRR", st[4].Cash)
	assertMoney(t, "1000000 IRR", st[4].LoanBalance)

	// Share-out by savings from the bank, social fund kept. The pool is
	// 6,000,000 + 80,000 = 6,080,000; the three savings are equal, so each
	// exact share is 2,026,666⅔: floors 2,026,666 × 3 = 6,079,998, and the
	// 2 units left go to the equal largest remainders in ID order, A and B.
	require.NoError(t, f.TransferToBank(on(90), shg.Rials(60_000)))
	d, err := f.ShareOut(onBank(90), savings.ShareOutOptions{})
	require.NoError(t, err)
	assertMoney(t, "6080000 IRR", d.Pool)
	assertMoney(t, "80000 IRR", d.Earnings)
	assertMoney(t, "150000 IRR", d.SocialFundKept)
	require.Len(t, d.Payouts, 3)
	assertMoney(t, "2026667 IRR", d.Payouts[0].Amount)
	assertMoney(t, "2026667 IRR", d.Payouts[1].Amount)
	assertMoney(t, "2026666 IRR", d.Payouts[2].Amount)
	assertMoney(t, "26667 IRR", d.Payouts[0].Profit())

	// The books start cycle 2 with the social fund in the box and nothing else.
	assert.Equal(t, 2, f.Cycle())
	assertMoney(t, "150000 IRR", f.Cash().Box)
	assertMoney(t, "0 IRR", f.Cash().Bank)
	assertMoney(t, "0 IRR", f.TotalSavings())
	assertMoney(t, "0 IRR", f.Income().Net)
	assertMoney(t, "0 IRR", f.Balance(savings.RetainedEarnings, ""))
	assertMoney(t, "150000 IRR", f.SocialFund())
	assert.True(t, f.TrialBalance().Balanced())
	assert.True(t, f.BalanceSheet().Balanced())
	last := f.Postings()[f.Len()-1]
	assert.Equal(t, savings.KindShareOut, last.Kind)
	assert.Equal(t, 1, last.Cycle)

	// Cycle 2 goes on.
	require.NoError(t, f.Deposit(on(91), "A", shg.Rials(1_000_000), 0))
	assert.Equal(t, 2, f.Postings()[f.Len()-1].Cycle)
}

func TestFund_Postings(t *testing.T) {
	f := meetingBook(t)
	ps := f.Postings()
	for i, p := range ps {
		assert.Equal(t, i+1, p.Seq)
		assert.True(t, p.Balanced(), "posting %d", p.Seq)
	}
	// A collection of 1,000,000 principal and 40,000 interest is one posting:
	// Dr cash 1,040,000; Cr A's receivable 1,000,000; Cr interest 40,000.
	p := ps[10]
	assert.Equal(t, savings.KindCollection, p.Kind)
	require.Len(t, p.Legs, 3)
	assert.Equal(t, savings.CashBox, p.Legs[0].Account)
	assert.Equal(t, savings.Debit, p.Legs[0].Side)
	assert.Empty(t, p.Legs[0].Member)
	assertMoney(t, "1040000 IRR", p.Legs[0].Amount)
	assert.Equal(t, savings.LoansReceivable, p.Legs[1].Account)
	assert.Equal(t, shg.MemberID("A"), p.Legs[1].Member)
	assert.Equal(t, savings.InterestIncome, p.Legs[2].Account)
	assert.Empty(t, p.Legs[2].Member)

	// The copy is a copy.
	ps[0].Legs[0].Amount = shg.Rials(1)
	ps[0].Ref = "changed"
	assertMoney(t, "1000000 IRR", f.Postings()[0].Legs[0].Amount)
	assert.Equal(t, "test", f.Postings()[0].Ref)
	assert.Len(t, f.PostingsSince(11), 3)
	assert.Empty(t, f.PostingsSince(14))
	assert.Len(t, f.PostingsSince(-4), 14)
}

func TestFund_Queries(t *testing.T) {
	f := savings.MustFund("INR")
	require.NoError(t, f.Deposit(on(0), "m1", shg.MustParseMoney("500.00 INR"), 5))
	require.NoError(t, f.Deposit(on(0), "m2", shg.MustParseMoney("300.00 INR"), 3))
	require.NoError(t, f.DisburseLoan(on(1), "m2", shg.MustParseMoney("500.00 INR")))
	// Utilisation = 500 / (300 cash + 500 loans) = 0.625.
	assert.Equal(t, "0.625", f.Utilisation(4).String())
	assert.Equal(t, "0.63", f.Utilisation(2).String())
	assert.True(t, savings.MustFund("INR").Utilisation(4).IsZero())
	pos := f.Members()
	require.Len(t, pos, 2)
	assert.Equal(t, shg.MemberID("m1"), pos[0].Member)
	assert.Equal(t, 5, pos[0].Shares)
	assertMoney(t, "-200 INR", pos[1].Net()) // 300 saved − 500 owed
	assertMoney(t, "500 INR", f.Balance(savings.LoansReceivable, "m2"))
	assertMoney(t, "800 INR", f.Balance(savings.MemberSavings, "")) // total over members
	assertMoney(t, "500 INR", f.Balance(savings.LoansReceivable, ""))
	assertMoney(t, "300 INR", f.Balance(savings.CashBox, "ignored"))
	assertMoney(t, "0 INR", f.Balance(savings.Account(99), ""))
	assert.Equal(t, "INR", f.Currency())
	assert.Equal(t, day0.AddDays(1), f.LastDate())
	tb := f.TrialBalance()
	// 11 group accounts + 2 members × 2 per-member accounts.
	assert.Len(t, tb.Lines, 15)
	assert.True(t, tb.Difference().IsZero())

	var zero savings.Fund
	assert.True(t, zero.TotalSavings().IsZero())
	assert.True(t, zero.TrialBalance().Balanced())
	assert.Equal(t, "0", zero.Cash().Total.String())
}

func TestFund_Refusals(t *testing.T) {
	base := func() savings.Fund {
		f := savings.MustFund(shg.IRR)
		require.NoError(t, f.Deposit(on(10), "A", shg.Rials(1_000), 1))
		require.NoError(t, f.Deposit(on(10), "B", shg.Rials(500), 1))
		require.NoError(t, f.SocialContribution(on(10), "A", shg.Rials(100)))
		require.NoError(t, f.DisburseLoan(on(10), "B", shg.Rials(800)))
		// box = 1,000 + 500 + 100 − 800 = 800
		return f
	}
	cases := []struct {
		name string
		code string
		op   func(f *savings.Fund) error
	}{
		{"ZeroFund", savings.CodeCurrency, func(_ *savings.Fund) error {
			var z savings.Fund
			return z.Deposit(on(10), "A", shg.Rials(1), 0)
		}},
		{"Currency", savings.CodeCurrency, func(f *savings.Fund) error {
			return f.Deposit(on(10), "A", shg.MustParseMoney("1 INR"), 0)
		}},
		{"NotPositive", savings.CodeAmountNotPositive, func(f *savings.Fund) error { return f.Deposit(on(10), "A", shg.Rials(0), 0) }},
		{"NoAmount", savings.CodeAmountNotPositive, func(f *savings.Fund) error { return f.Fine(on(10), "A", shg.Money{}) }},
		{"Unit", savings.CodeAmountUnit, func(f *savings.Fund) error {
			return f.Deposit(on(10), "A", shg.MustParseMoney("1.5 IRR"), 0)
		}},
		{"Shares", savings.CodeSharesNegative, func(f *savings.Fund) error { return f.Deposit(on(10), "A", shg.Rials(1), -1) }},
		{"MemberID", savings.CodeMemberID, func(f *savings.Fund) error { return f.Deposit(on(10), "a b", shg.Rials(1), 0) }},
		{"NoDate", savings.CodeDate, func(f *savings.Fund) error {
			return f.Deposit(savings.Entry{}, "A", shg.Rials(1), 0)
		}},
		{"DateOrder", savings.CodeDateOrder, func(f *savings.Fund) error { return f.Deposit(on(9), "A", shg.Rials(1), 0) }},
		{"CashAccount", savings.CodeCashAccount, func(f *savings.Fund) error {
			return f.Deposit(savings.Entry{Date: day0.AddDays(10), Via: savings.SocialFund}, "A", shg.Rials(1), 0)
		}},
		{"DisburseCash", savings.CodeInsufficientCash, func(f *savings.Fund) error {
			return f.DisburseLoan(on(10), "A", shg.Rials(801))
		}},
		{"DisburseFromEmptyBank", savings.CodeInsufficientCash, func(f *savings.Fund) error {
			return f.DisburseLoan(onBank(10), "A", shg.Rials(1))
		}},
		{"WithdrawSavings", savings.CodeInsufficientSavings, func(f *savings.Fund) error {
			return f.Withdraw(on(10), "B", shg.Rials(501), savings.WithdrawVoluntary, "school fees")
		}},
		{"WithdrawCash", savings.CodeInsufficientCash, func(f *savings.Fund) error {
			return f.Withdraw(on(10), "A", shg.Rials(900), savings.WithdrawVoluntary, "school fees")
		}},
		{"WithdrawPurpose", savings.CodeWithdrawalPurpose, func(f *savings.Fund) error {
			return f.Withdraw(on(10), "A", shg.Rials(1), savings.NoPurpose, "x")
		}},
		{"WithdrawReason", savings.CodeReasonRequired, func(f *savings.Fund) error {
			return f.Withdraw(on(10), "A", shg.Rials(1), savings.WithdrawExit, "  ")
		}},
		{"SocialFund", savings.CodeInsufficientSocialFund, func(f *savings.Fund) error {
			return f.SocialPayout(on(10), "A", shg.Rials(101), "funeral")
		}},
		{"SocialReason", savings.CodeReasonRequired, func(f *savings.Fund) error {
			return f.SocialPayout(on(10), "A", shg.Rials(10), "")
		}},
		{"CollectTooMuch", savings.CodeExceedsReceivable, func(f *savings.Fund) error {
			return f.CollectLoan(on(10), "B", savings.Collection{Principal: shg.Rials(801)})
		}},
		{"CollectNothing", savings.CodeAmountNotPositive, func(f *savings.Fund) error {
			return f.CollectLoan(on(10), "B", savings.Collection{})
		}},
		{"CollectNegative", savings.CodeAmountNegative, func(f *savings.Fund) error {
			return f.CollectLoan(on(10), "B", savings.Collection{Principal: shg.Rials(10), Fee: shg.Rials(-1)})
		}},
		{"WriteOffTooMuch", savings.CodeExceedsReceivable, func(f *savings.Fund) error {
			return f.WriteOffLoan(on(10), "A", shg.Rials(1))
		}},
		{"TransferCash", savings.CodeInsufficientCash, func(f *savings.Fund) error {
			return f.TransferToBox(on(10), shg.Rials(1))
		}},
		{"BankRepayTooMuch", savings.CodeExceedsBankLoan, func(f *savings.Fund) error {
			return f.BankLoanRepaid(on(10), shg.Rials(1), shg.Money{})
		}},
		{"BankRepayNothing", savings.CodeAmountNotPositive, func(f *savings.Fund) error {
			return f.BankLoanRepaid(on(10), shg.Money{}, shg.Money{})
		}},
		{"ExitCash", savings.CodeInsufficientCash, func(f *savings.Fund) error {
			_, err := f.ExitSettlement(onBank(10), "A") // 1,000 to pay, bank empty
			return err
		}},
		{"ShareOutLoans", savings.CodeLoansOutstanding, func(f *savings.Fund) error {
			_, err := f.ShareOut(on(10), savings.ShareOutOptions{})
			return err
		}},
		{"ShareOutBasis", savings.CodeShareOutBasis, func(f *savings.Fund) error {
			_, err := f.ShareOut(on(10), savings.ShareOutOptions{Basis: 9})
			return err
		}},
	}
	for _, c := range cases {
		t.Run("Err"+c.name, func(t *testing.T) {
			f := base()
			before := snapshot(t, f)
			err := c.op(&f)
			require.Error(t, err)
			assert.True(t, shg.HasCode(err, c.code), "want %s, got %v", c.code, err)
			assert.ErrorIs(t, err, shg.ErrRuleViolation)
			assert.Equal(t, before, snapshot(t, f), "a refused operation changed the fund")
		})
	}
	t.Run("ErrAllViolations", func(t *testing.T) {
		f := base()
		err := f.Deposit(on(9), "", shg.Rials(-3), -1)
		var re *shg.RuleError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, []string{savings.CodeDateOrder, savings.CodeMemberID, savings.CodeAmountNotPositive, savings.CodeSharesNegative}, re.Codes())
	})
	t.Run("ErrTwoGuards", func(t *testing.T) {
		// B has 500 saved and the box 800: withdrawing 900 breaks both.
		f := base()
		err := f.Withdraw(on(10), "B", shg.Rials(900), savings.WithdrawVoluntary, "x")
		var re *shg.RuleError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, []string{savings.CodeInsufficientSavings, savings.CodeInsufficientCash}, re.Codes())
		assert.Equal(t, "<= 500 IRR", re.Violations[0].Want)
		assert.Equal(t, "900 IRR", re.Violations[0].Got)
	})
	t.Run("ErrUnknownCurrency", func(t *testing.T) {
		_, err := savings.NewFund("XXX")
		assert.True(t, shg.HasCode(err, savings.CodeCurrency))
		assert.ErrorIs(t, err, shg.ErrUnknownCurrency)
		assert.Panics(t, func() { savings.MustFund("XXX") })
	})
}

func TestFund_ExitSettlement(t *testing.T) {
	f := savings.MustFund(shg.IRR)
	require.NoError(t, f.Deposit(on(0), "A", shg.Rials(1_000), 2))
	require.NoError(t, f.Deposit(on(0), "B", shg.Rials(2_000), 4))
	require.NoError(t, f.Deposit(on(0), "C", shg.Rials(3_000), 6))
	require.NoError(t, f.DisburseLoan(on(0), "A", shg.Rials(1_500)))
	require.NoError(t, f.DisburseLoan(on(0), "B", shg.Rials(500)))
	// box = 6,000 − 2,000 = 4,000

	t.Run("OwesMoreThanSaved", func(t *testing.T) {
		g := f.Clone()
		// A: savings 1,000 against 1,500 owed: 1,000 offset, nothing paid,
		// 500 still owed.
		s, err := g.ExitSettlement(on(5), "A")
		require.NoError(t, err)
		assertMoney(t, "1000 IRR", s.Offset)
		assertMoney(t, "0 IRR", s.PaidOut)
		assertMoney(t, "500 IRR", s.StillOwed)
		assertMoney(t, "-500 IRR", s.Net())
		assertMoney(t, "500 IRR", g.Receivable("A"))
		assertMoney(t, "0 IRR", g.Savings("A"))
		assert.Equal(t, 0, g.Shares("A"))
		assertMoney(t, "4000 IRR", g.Cash().Box)
		assert.True(t, g.TrialBalance().Balanced())
	})
	t.Run("SavedMoreThanOwes", func(t *testing.T) {
		g := f.Clone()
		// B: savings 2,000 against 500 owed: 500 offset, 1,500 paid out.
		s, err := g.ExitSettlement(on(5), "B")
		require.NoError(t, err)
		assertMoney(t, "1500 IRR", s.PaidOut)
		assertMoney(t, "1500 IRR", s.Net())
		assertMoney(t, "2500 IRR", g.Cash().Box)
		assertMoney(t, "0 IRR", g.Receivable("B"))
		p := g.Postings()[g.Len()-1]
		assert.Equal(t, savings.KindExitSettlement, p.Kind)
		assert.Len(t, p.Legs, 3)
	})
	t.Run("NothingToSettle", func(t *testing.T) {
		g := f.Clone()
		s, err := g.ExitSettlement(on(5), "Z")
		require.NoError(t, err)
		assert.True(t, s.Net().IsZero())
		assert.Empty(t, g.Postings()[g.Len()-1].Legs)
	})
	assertMoney(t, "1000 IRR", f.Savings("A"), "clones must not touch the original")
	assert.Equal(t, 5, f.Len())
}

func TestFund_BankLoan(t *testing.T) {
	f := savings.MustFund(shg.IRR)
	require.NoError(t, f.BankLoanReceived(onBank(0), shg.Toman(2_500_000)))
	assertMoney(t, "25000000 IRR", f.BankLoan())
	assertMoney(t, "25000000 IRR", f.Cash().Bank)
	// 1,000,000 principal and 250,000 interest (4%/yr qard al-hasan fee
	// is the bank's business; any figure does here).
	require.NoError(t, f.BankLoanRepaid(onBank(30), shg.Rials(1_000_000), shg.Rials(250_000)))
	assertMoney(t, "24000000 IRR", f.BankLoan())
	assertMoney(t, "23750000 IRR", f.Cash().Bank)
	assertMoney(t, "-250000 IRR", f.Income().Net)
	bs := f.BalanceSheet()
	assert.True(t, bs.Balanced())
	assertMoney(t, "-250000 IRR", bs.Equity)
	_, err := f.ShareOut(onBank(40), savings.ShareOutOptions{})
	assert.True(t, shg.HasCode(err, savings.CodeBankLoanOutstanding), "%v", err)
}

func TestFund_Clone(t *testing.T) {
	f := meetingBook(t)
	before := snapshot(t, f)
	g := f.Clone()
	require.NoError(t, g.Deposit(on(70), "D", shg.Rials(5), 0))
	require.NoError(t, f.Deposit(on(70), "E", shg.Rials(7), 0))
	assert.Equal(t, f.Len(), g.Len())
	assert.Equal(t, shg.MemberID("D"), g.Postings()[g.Len()-1].Member)
	assert.Equal(t, shg.MemberID("E"), f.Postings()[f.Len()-1].Member)
	assert.True(t, f.Savings("D").IsZero())
	h := f.Clone()
	require.NoError(t, h.Withdraw(on(70), "E", shg.Rials(7), savings.WithdrawVoluntary, "changed her mind"))
	assertMoney(t, "7 IRR", f.Savings("E"))
	assert.NotEqual(t, before, snapshot(t, f))
}

func TestFund_JSON(t *testing.T) {
	f := meetingBook(t)
	b, err := json.Marshal(f)
	require.NoError(t, err)
	var g savings.Fund
	require.NoError(t, json.Unmarshal(b, &g))
	assert.Equal(t, string(b), snapshot(t, g))
	assert.True(t, g.Cash().Bank.Equal(f.Cash().Bank))

	t.Run("Deterministic", func(t *testing.T) {
		assert.Equal(t, string(b), snapshot(t, meetingBook(t)))
	})
	t.Run("ZeroFund", func(t *testing.T) {
		var z, back savings.Fund
		zb, err := json.Marshal(z)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(zb, &back))
		assert.Equal(t, "", back.Currency())
	})
	bad := map[string]func(s string) string{
		"TamperedBalance": func(s string) string {
			return replaceOnce(s, `"balance":"210000"`, `"balance":"210001"`)
		},
		"Unbalanced": func(s string) string {
			return replaceOnce(s, `"amount":"20000"`, `"amount":"20001"`)
		},
		"Seq": func(s string) string { return replaceOnce(s, `"seq":2,`, `"seq":3,`) },
		"Currency": func(s string) string {
			return replaceOnce(s, `"currency":"IRR","cycle"`, `"currency":"XXX","cycle"`)
		},
		"WrongType": func(string) string { return `{"currency":5}` },
	}
	for name, edit := range bad {
		t.Run("Err"+name, func(t *testing.T) {
			var h savings.Fund
			err := json.Unmarshal([]byte(edit(string(b))), &h)
			assert.ErrorIs(t, err, savings.ErrInvalidSnapshot)
		})
	}
}

func replaceOnce(s, old, repl string) string {
	i := indexOf(s, old)
	if i < 0 {
		panic("replaceOnce: " + old + " not found")
	}
	return s[:i] + repl + s[i+len(old):]
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestAccount_Text(t *testing.T) {
	for _, a := range savings.Accounts() {
		b, err := a.MarshalText()
		require.NoError(t, err)
		var back savings.Account
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, a, back)
	}
	assert.Len(t, savings.Accounts(), 13)
	assert.Equal(t, savings.Asset, savings.LoansReceivable.Class())
	assert.Equal(t, savings.Liability, savings.SocialFund.Class())
	assert.Equal(t, savings.Expense, savings.InterestExpense.Class())
	assert.Equal(t, savings.Credit, savings.FineIncome.NormalSide())
	assert.Equal(t, savings.Debit, savings.WriteOffLoss.NormalSide())
	assert.Equal(t, "income", savings.FeeIncome.Class().String())
	var a savings.Account
	assert.Error(t, a.UnmarshalText([]byte("cash")))
	_, err := savings.Account(40).MarshalText()
	assert.Error(t, err)
	for k := savings.KindDeposit; k.IsValid(); k++ {
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back savings.PostingKind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
	}
	var s savings.Side
	require.NoError(t, s.UnmarshalText([]byte("credit")))
	assert.Equal(t, savings.Credit, s)
	var p savings.WithdrawalPurpose
	require.NoError(t, p.UnmarshalText([]byte("exit")))
	assert.Equal(t, savings.WithdrawExit, p)
	assert.False(t, savings.NoPurpose.IsValid())
}

func TestFund_UtilisationRounding(t *testing.T) {
	f := savings.MustFund(shg.IRR)
	require.NoError(t, f.Deposit(on(0), "A", shg.Rials(3), 0))
	require.NoError(t, f.DisburseLoan(on(0), "A", shg.Rials(2)))
	// 2 / 3 = 0.666…, half away from zero to 3 places: 0.667.
	assert.True(t, decimal.RequireFromString("0.667").Equal(f.Utilisation(3)))
}
