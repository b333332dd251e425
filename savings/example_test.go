package savings_test

import (
	"fmt"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/savings"
)

// A VSLA plan: one to five shares of 50,000 rials per meeting.
func ExamplePlan_Check() {
	plan := savings.Plan{Kind: savings.Shares, Amount: shg.Rials(50_000), MinShares: 1, MaxShares: 5}
	c, err := plan.Check(shg.Rials(150_000), 3)
	fmt.Println(c.Shares, c.Shortfall, err)

	c, _ = plan.Check(shg.Rials(0), 0) // nothing this week: one share in arrears
	fmt.Println(c.InArrears(), c.Shortfall)

	_, err = plan.Check(shg.Rials(300_000), 6)
	fmt.Println(err)
	// Output:
	// 3 0 IRR <nil>
	// true 50000 IRR
	// savings.Plan.Check: savings.above_max_shares: more shares than the plan allows at one meeting (want <= 5, got 6)
}

// The Iranian groups' equal monthly savings, with a member short one month.
func ExamplePlan_Check_equalFixed() {
	plan := savings.Plan{Kind: savings.EqualFixed, Amount: shg.Toman(100_000)}
	c, _ := plan.Check(shg.Toman(60_000), 0)
	fmt.Println(c.Due.FormatToman(), c.Shortfall.FormatToman())
	// Output:
	// 100,000 toman 40,000 toman
}

// A meeting: two members save, one borrows, the books balance.
func ExampleFund_Deposit() {
	f := savings.MustFund(shg.IRR)
	at := savings.Entry{Date: shg.MustDate(shg.SolarHijri, 1403, 7, 1), Ref: "meeting 1"}
	_ = f.Deposit(at, "zahra", shg.Toman(100_000), 0)
	_ = f.Deposit(at, "maryam", shg.Toman(100_000), 0)
	_ = f.DisburseLoan(at, "zahra", shg.Toman(150_000))

	fmt.Println("cash:", f.Cash().Total.FormatToman())
	fmt.Println("zahra:", f.Member("zahra").Net().FormatToman())
	fmt.Println("utilisation:", f.Utilisation(2))
	fmt.Println("balanced:", f.TrialBalance().Balanced(), f.BalanceSheet().Balanced())
	// Output:
	// cash: 50,000 toman
	// zahra: -50,000 toman
	// utilisation: 0.75
	// balanced: true true
}

// A refused operation changes nothing and says why.
func ExampleFund_Withdraw_refused() {
	f := savings.MustFund(shg.IRR)
	at := savings.Entry{Date: shg.MustDate(shg.Gregorian, 2024, 5, 1)}
	_ = f.Deposit(at, "amina", shg.Rials(1_000), 0)
	err := f.Withdraw(at, "amina", shg.Rials(1_500), savings.WithdrawVoluntary, "school fees")
	fmt.Println(shg.HasCode(err, savings.CodeInsufficientSavings), f.Savings("amina"), f.Len())
	// Output:
	// true 1000 IRR 1
}

// A member leaves owing more than she saved.
func ExampleFund_ExitSettlement() {
	f := savings.MustFund(shg.IRR)
	at := savings.Entry{Date: shg.MustDate(shg.Gregorian, 2024, 5, 1)}
	_ = f.Deposit(at, "amina", shg.Rials(1_000), 0)
	_ = f.Deposit(at, "bahar", shg.Rials(2_000), 0)
	_ = f.DisburseLoan(at, "amina", shg.Rials(1_500))
	s, _ := f.ExitSettlement(savings.Entry{Date: at.Date.AddDays(7)}, "amina")
	fmt.Println("offset:", s.Offset, "paid:", s.PaidOut, "still owed:", s.StillOwed, "net:", s.Net())
	// Output:
	// offset: 1000 IRR paid: 0 IRR still owed: 500 IRR net: -500 IRR
}

// End of cycle: the pool is shared in proportion to savings; the social
// fund stays.
func ExampleFund_ShareOut() {
	f := savings.MustFund(shg.IRR)
	start := savings.Entry{Date: shg.MustDate(shg.Gregorian, 2024, 1, 1)}
	_ = f.Deposit(start, "amina", shg.Rials(1_000), 0)
	_ = f.Deposit(start, "bahar", shg.Rials(3_000), 0)
	_ = f.SocialContribution(start, "bahar", shg.Rials(200))
	_ = f.DisburseLoan(start, "amina", shg.Rials(2_000))
	_ = f.CollectLoan(savings.Entry{Date: start.Date.AddDays(90)}, "amina", savings.Collection{Principal: shg.Rials(2_000), Interest: shg.Rials(401)})

	// Pool 4,000 + 401 = 4,401, shared 1:3: 1,100.25 and 3,300.75, so
	// 1,100 and 3,301 (the leftover rial to the larger fraction).
	d, err := f.ShareOut(savings.Entry{Date: start.Date.AddDays(180)}, savings.ShareOutOptions{Basis: savings.BySavings})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range d.Payouts {
		fmt.Println(p.Member, p.Amount, "profit", p.Profit())
	}
	fmt.Println("pool", d.Pool, "kept", d.SocialFundKept, "cycle", f.Cycle())
	// Output:
	// amina 1100 IRR profit 100 IRR
	// bahar 3301 IRR profit 301 IRR
	// pool 4401 IRR kept 200 IRR cycle 2
}

// A command that fails halfway is undone with Rollback; one that succeeds
// is kept by the next Mark.
func ExampleFund_Mark() {
	f := savings.MustFund(shg.IRR)
	at := savings.Entry{Date: shg.MustDate(shg.SolarHijri, 1403, 1, 15)}
	_ = f.Deposit(at, "ali", shg.Rials(500_000), 0)

	m := f.Mark()
	_ = f.Deposit(at, "bahar", shg.Rials(200_000), 0)
	err := f.DisburseLoan(at, "bahar", shg.Rials(900_000)) // only 700,000 in the box
	if err != nil {
		f.Rollback(m)
	}
	fmt.Println(f.Len(), f.Savings("bahar"), f.Cash().Box)

	f.Mark() // commit
	_ = f.Deposit(at, "bahar", shg.Rials(200_000), 0)
	fmt.Println(f.Len(), f.Savings("bahar"))
	// Output:
	// 1 0 IRR 500000 IRR
	// 2 200000 IRR
}
