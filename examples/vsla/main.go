// Command vsla runs one savings cycle of a Village Savings and Loan
// Association under policy.VSLA() (CARE's methodology): 15 members meet
// weekly for a year, buy one to five shares at each meeting, pay into the
// social fund, borrow up to three times their savings for up to three
// months at a monthly service charge, and share everything out at the end
// of the cycle in proportion to their shares. It prints the share-out.
//
//	go run ./examples/vsla
//
// There is no randomness: who buys how many shares, who borrows and who
// misses a meeting follow fixed patterns, so the output never changes.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"text/tabwriter"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/savings"
	"github.com/shopspring/decimal"
)

func decimalInt(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)) }

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "vsla:", err)
		os.Exit(1)
	}
}

const members = 15

func id(i int) shg.MemberID { return shg.MemberID(fmt.Sprintf("v%02d", i)) }

func day(y, m, d int) shg.Date { return shg.MustDate(shg.Gregorian, y, m, d) }

func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("vsla", flag.ContinueOnError)
	fs.SetOutput(w)
	if err := fs.Parse(args); err != nil {
		return err
	}
	p := policy.VSLA()
	g, err := form(p)
	if err != nil {
		return err
	}
	dist, err := cycle(w, g, p)
	if err != nil {
		return err
	}
	return printShareOut(w, g, dist)
}

// form takes the group through the three training modules (preparation),
// admission, the management committee and the constitution (formation).
func form(p policy.Policy) (*group.Group, error) {
	g, err := group.Found(p, group.Charter{ID: "VSLA-1", Name: "Tera women's savings group", Village: "Tera",
		Facilitator: "village agent", Founded: day(2024, 1, 1)})
	if err != nil {
		return nil, err
	}
	for i, d := range []shg.Date{day(2024, 1, 1), day(2024, 1, 8), day(2024, 1, 15)} {
		if err := g.RecordPreparationSession(d, fmt.Sprintf("module %d", i+1), members); err != nil {
			return nil, err
		}
	}
	on := day(2024, 1, 15)
	for i := 1; i <= members; i++ {
		if err := g.Admit(on, member.Profile{ID: id(i), Name: fmt.Sprintf("Member %d", i),
			BirthDate: day(1975+i, i%12+1, i), Gender: member.Female, Village: "Tera", Rural: true}); err != nil {
			return nil, err
		}
	}
	for _, err := range []error{
		g.Advance(on),
		g.ElectOfficers(on, group.Officers{Chair: id(1), Treasurer: id(2), Secretary: id(3)}),
		g.AdoptBylaws(on, "constitution (module 3)"),
		g.Advance(on),
	} {
		if err != nil {
			return nil, err
		}
	}
	return g, nil
}

// cycle holds the weekly meetings of the cycle and shares out at its end.
//
// At week k member i buys 1 + (i+k) mod 5 shares and pays the social fund;
// she misses the meeting when (i+k) mod 11 is 0 and pays the absence fine
// at the next one. Every fourth week from week 4 to week 36 two members in
// turn borrow twice their savings (in whole 1,000 XOF) over 3 months; each
// repays what is due at the first meeting on or after each due date. In week
// 20 the social fund pays a member 5,000 XOF towards a funeral.
func cycle(w io.Writer, g *group.Group, p policy.Policy) (savings.Distribution, error) {
	first := day(2024, 1, 22)
	end := first.AddMonths(p.ShareOut.CycleMonths, p.Calendar)
	loans := map[shg.MemberID]shg.LoanID{}
	absent := map[shg.MemberID]bool{}
	borrower := 4
	lent, granted := shg.Zero(p.Currency), 0
	var on shg.Date
	for k := 0; ; k++ {
		on = first.AddDays(7 * k)
		var m group.Meeting
		for i := 1; i <= members; i++ {
			if (i+k)%11 == 0 {
				absent[id(i)] = true
				continue
			}
			m.Present = append(m.Present, id(i))
			n := 1 + (i+k)%5
			m.Deposits = append(m.Deposits, group.Deposit{Member: id(i), Shares: n,
				Amount: p.Savings.Plan.Amount.Mul(decimalInt(n))})
			m.Social = append(m.Social, group.Payment{Member: id(i), Amount: p.Savings.SocialFund})
			if absent[id(i)] {
				m.Fines = append(m.Fines, group.Fine{Member: id(i), Amount: p.Savings.Fines.Absence, Reason: "absence"})
				delete(absent, id(i))
			}
		}
		for _, who := range slices.Sorted(maps.Keys(loans)) {
			l, _ := g.Loan(loans[who])
			if due := l.Account.Due(on); due.IsPositive() {
				m.Repayments = append(m.Repayments, group.Repayment{Loan: loans[who], Amount: due})
			}
		}
		if k >= 4 && k <= 36 && k%4 == 0 {
			for j := 0; j < 2; j++ {
				who := id(borrower)
				borrower = borrower%members + 1
				if _, busy := loans[who]; busy {
					continue
				}
				// Twice her savings after today's shares, in whole 1,000 XOF.
				saved := g.Fund().Savings(who)
				for _, d := range m.Deposits {
					if d.Member == who {
						saved, _ = saved.Add(d.Amount)
					}
				}
				amount := saved.Mul(decimalInt(2)).Amount().Div(decimalInt(1000)).Floor().Mul(decimalInt(1000))
				m.Loans = append(m.Loans, group.LoanRequest{Member: who, Amount: shg.MustMoney(amount, p.Currency), Installments: 3})
			}
		}
		ids, err := g.HoldMeeting(on, m)
		if err != nil {
			return savings.Distribution{}, fmt.Errorf("meeting of %s: %w", on, err)
		}
		for i, lid := range ids {
			loans[m.Loans[i].Member] = lid
			lent, _ = lent.Add(m.Loans[i].Amount)
			granted++
		}
		for who, lid := range loans {
			if l, _ := g.Loan(lid); l.Account.Status() != loan.Active {
				delete(loans, who)
			}
		}
		if k == 20 {
			if err := g.PaySocialFund(on, id(9), shg.MustParseMoney("5000 XOF"), "funeral"); err != nil {
				return savings.Distribution{}, err
			}
		}
		if !on.Before(end) && len(loans) == 0 {
			break
		}
	}
	f := g.Fund()
	fmt.Fprintf(w, "%s: %d weekly meetings from %s to %s\n", g.Charter().Name, g.Meetings().Meetings, first, on)
	inc := f.Income()
	fmt.Fprintf(w, "  %d loans, %s lent; service charges %s, fines %s\n", granted, lent.Format(), inc.Fees.Format(), inc.Fines.Format())
	fmt.Fprintf(w, "  social fund %s (kept for the next cycle)\n", f.SocialFund().Format())
	dist, err := g.ShareOut(on)
	if err != nil {
		return savings.Distribution{}, err
	}
	return dist, nil
}

// printShareOut prints each member's payout: her shares and savings, what
// she is paid, and her part of the cycle's earnings.
func printShareOut(w io.Writer, g *group.Group, d savings.Distribution) error {
	fmt.Fprintf(w, "\nShare-out on %s (cycle %d, by %s)\n", d.Date, d.Cycle, d.Basis)
	fmt.Fprintf(w, "  savings %s + earnings %s = pool %s\n", d.Savings.Format(), d.Earnings.Format(), d.Pool.Format())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "member\tshares\tsavings\tpaid out\tprofit\t")
	total := 0
	for _, p := range d.Payouts {
		total += p.Shares
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t\n", p.Member, p.Shares, p.Savings.Format(), p.Amount.Format(), p.Profit().Format())
	}
	fmt.Fprintf(tw, "total\t%d\t%s\t%s\t%s\t\n", total, d.Savings.Format(), d.Pool.Format(), d.Earnings.Format())
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "social fund kept: %s; cash left in the box: %s\n", d.SocialFundKept.Format(), g.Fund().Cash().Total.Format())
	return nil
}
