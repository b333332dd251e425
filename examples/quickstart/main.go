// Command quickstart is the README's quickstart: one group under the
// Kermanshah policy, from founding to its first bank loan. The README shows
// this file verbatim (a test checks it).
package main

import (
	"fmt"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
)

func main() {
	sh := func(y, m, d int) shg.Date { return shg.MustDate(shg.SolarHijri, y, m, d) }
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	id := func(i int) shg.MemberID { return shg.MemberID(fmt.Sprint("m", i)) }

	g, err := group.Found(policy.KermanshahBehzisti(), group.Charter{ID: "SAH-001", Name: "Dinavar women",
		County: "Sahneh", Facilitator: "senior facilitator", Founded: sh(1397, 6, 1)})
	must(err)
	for _, d := range []int{5, 12, 19} { // preparation: three orientation sessions
		must(g.RecordPreparationSession(sh(1397, 6, d), "orientation", 15))
	}
	for i := 1; i <= 15; i++ {
		must(g.Admit(sh(1397, 6, 20), member.Profile{ID: id(i), Name: fmt.Sprint("Member ", i),
			BirthDate: sh(1370, 1, 1), Gender: member.Female, Rural: true}))
	}
	must(g.Advance(sh(1397, 6, 21))) // -> formation
	must(g.ElectOfficers(sh(1397, 6, 22), group.Officers{Chair: id(1), Treasurer: id(2), Secretary: id(3)}))
	must(g.AdoptBylaws(sh(1397, 6, 22), "bylaws v1"))
	must(g.OpenBankAccount(sh(1397, 6, 22), "Keshavarzi Bank", "0101"))
	must(g.Advance(sh(1397, 6, 22))) // -> sustainability

	for month := 7; month <= 12; month++ { // monthly meetings: everyone saves 100,000 toman
		m := group.Meeting{}
		for i := 1; i <= 15; i++ {
			m.Present = append(m.Present, id(i))
			m.Deposits = append(m.Deposits, group.Deposit{Member: id(i), Amount: shg.Toman(100_000)})
		}
		if month == 8 { // an internal loan from the group's own fund
			m.Loans = []group.LoanRequest{{Member: id(4), Amount: shg.Toman(300_000), Installments: 3}}
		}
		for _, l := range g.Loans() { // repay what falls due
			if due := l.Account.Due(sh(1397, month, 1)); due.IsPositive() {
				m.Repayments = append(m.Repayments, group.Repayment{Loan: l.ID, Amount: due})
			}
		}
		_, err := g.HoldMeeting(sh(1397, month, 1), m)
		must(err)
	}
	on := sh(1397, 12, 1) // six months old: the first Keshavarzi Bank loan
	loans, err := g.ApplyForTranche(on, 1, []policy.MemberRequest{{Member: id(1), Amount: shg.Toman(2_500_000)}})
	must(err)
	fmt.Println(g.Stage(), g.Fund().TotalSavings().FormatToman(), loans)
	fmt.Println(g.TrancheChecklist(on, 2, nil).Unmet().Codes())
}
