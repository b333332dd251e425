// Command newprovince shows an NGO bringing its own rules for another
// province: a policy written as JSON (policy.json, copied from the
// Kermanshah preset with other caps and savings), loaded and validated with
// policy.Load; a deliberately broken copy (broken.json) whose every error is
// reported with its path; and one group run under the loaded policy, up to
// its first bank loan.
//
//	go run ./examples/newprovince
//	go run ./examples/newprovince -policy my-policy.json
package main

import (
	"bytes"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/program"
)

var (
	//go:embed policy.json
	policyJSON []byte
	//go:embed broken.json
	brokenJSON []byte
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "newprovince:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("newprovince", flag.ContinueOnError)
	fs.SetOutput(w)
	file := fs.String("policy", "", "policy JSON file to run instead of the built-in policy.json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	src := policyJSON
	if *file != "" {
		b, err := os.ReadFile(*file)
		if err != nil {
			return err
		}
		src = b
	}

	// 1. Load and validate the NGO's policy.
	p, err := policy.Load(bytes.NewReader(src))
	if err != nil {
		return fmt.Errorf("the policy does not load: %w", err)
	}
	fmt.Fprintf(w, "Policy %q (%s), version %s: valid\n", p.Name, p.Region, p.Version)
	fmt.Fprintf(w, "  groups of %d-%d members; savings %s a month\n", p.Membership.MinMembers, p.Membership.MaxMembers, p.Savings.Plan.Amount.FormatToman())
	for i, t := range p.BankLinkage.Tranches {
		fmt.Fprintf(w, "  bank loan %d: up to %s per member, %d installments\n", i+1, t.MaxPerMember.FormatToman(), t.Installments)
	}

	// 2. The broken copy: every problem, each at its path.
	_, err = policy.Load(bytes.NewReader(brokenJSON))
	var ve *policy.ValidationError
	if !errors.As(err, &ve) {
		return fmt.Errorf("broken.json: want a validation error, got %v", err)
	}
	fmt.Fprintf(w, "\nbroken.json: %d problems\n", len(ve.Errors))
	for _, e := range ve.Errors {
		fmt.Fprintf(w, "  %s: %s\n", e.Path, e.Message)
	}

	// 3. One group under the loaded policy.
	fmt.Fprintln(w)
	g, err := runGroup(w, p)
	if err != nil {
		return err
	}
	prog, err := program.New(program.Config{Name: p.Name, Currency: p.Currency,
		Targets: program.Targets{Groups: 1, Counties: 1}, IncomeThreshold: shg.Toman(500_000)})
	if err != nil {
		return err
	}
	if err := prog.Add(g, program.Assignment{County: "Sanandaj", Phase: 1, Organisation: "example NGO"}); err != nil {
		return err
	}
	fmt.Fprintln(w)
	_, err = io.WriteString(w, prog.Report(g.LastDate()).Text(program.English))
	return err
}

func sh(y, m, d int) shg.Date { return shg.MustDate(shg.SolarHijri, y, m, d) }

// runGroup takes one group of 18 women from founding on 1 Mehr 1403 to its
// first bank loan on 1 Farvardin 1404, printing what happens.
func runGroup(w io.Writer, p policy.Policy) (*group.Group, error) {
	founded := sh(1403, 7, 1)
	g, err := group.Found(p, group.Charter{ID: "SAN-001", Name: "Women of Naysar", Village: "Naysar",
		County: "Sanandaj", Facilitator: "field facilitator", Founded: founded})
	if err != nil {
		return nil, err
	}
	for i, d := range []int{3, 10, 17} {
		if err := g.RecordPreparationSession(sh(1403, 7, d), fmt.Sprintf("orientation %d", i+1), 18); err != nil {
			return nil, err
		}
	}
	const n = 18
	id := func(i int) shg.MemberID { return shg.MemberID(fmt.Sprintf("SAN-001-m%02d", i)) }
	for i := 1; i <= n; i++ {
		if err := g.Admit(sh(1403, 7, 20), member.Profile{ID: id(i), Name: fmt.Sprintf("Member %d", i),
			BirthDate: sh(1365+i%15, 1+i%12, 1+i%28), Gender: member.Female, Village: "Naysar", Rural: true}); err != nil {
			return nil, err
		}
		if err := g.RecordIncome(sh(1403, 7, 20), id(i), shg.Toman(0)); err != nil {
			return nil, err
		}
	}
	steps := []struct {
		what string
		err  error
	}{
		{"advance to formation", g.Advance(sh(1403, 7, 21))},
		{"elect officers", g.ElectOfficers(sh(1403, 7, 22), group.Officers{Chair: id(1), Treasurer: id(2), Secretary: id(3)})},
		{"adopt bylaws", g.AdoptBylaws(sh(1403, 7, 22), "Naysar group bylaws")},
		{"open bank account", g.OpenBankAccount(sh(1403, 7, 22), p.BankLinkage.Bank, "SAN-001")},
		{"advance to sustainability", g.Advance(sh(1403, 7, 22))},
	}
	for _, s := range steps {
		if s.err != nil {
			return nil, fmt.Errorf("%s: %w", s.what, s.err)
		}
	}
	fmt.Fprintf(w, "Group %s formed with %d members, stage %s\n", g.ID(), g.ActiveMembers(), g.Stage())

	// Monthly meetings: everyone saves 150,000 toman; m04 borrows 3 times
	// her savings once she has saved twice, and repays what falls due.
	save := p.Savings.Plan.Amount
	var lid shg.LoanID
	for month := 8; month <= 12; month++ {
		on := sh(1403, month, 1)
		m := group.Meeting{}
		for i := 1; i <= n; i++ {
			m.Present = append(m.Present, id(i))
			m.Deposits = append(m.Deposits, group.Deposit{Member: id(i), Amount: save})
		}
		if lid != "" {
			if l, ok := g.Loan(lid); ok {
				if due := l.Account.Due(on); due.IsPositive() {
					m.Repayments = append(m.Repayments, group.Repayment{Loan: lid, Amount: due})
				}
			}
		}
		if month == 9 {
			// After this meeting's deposit she has saved 2 × 150,000 toman:
			// 3 × 300,000 = 900,000 toman is the most she may borrow.
			m.Loans = []group.LoanRequest{{Member: id(4), Amount: shg.Toman(900_000), Installments: 3}}
		}
		ids, err := g.HoldMeeting(on, m)
		if err != nil {
			return nil, fmt.Errorf("meeting of %s: %w", on.Format(shg.SolarHijri), err)
		}
		if len(ids) > 0 {
			lid = ids[0]
			fmt.Fprintf(w, "%s: internal loan %s of %s to %s\n", on.Format(shg.SolarHijri), lid, shg.Toman(900_000).FormatToman(), id(4))
		}
	}
	m := group.Meeting{}
	for i := 1; i <= n; i++ {
		m.Present = append(m.Present, id(i))
		m.Deposits = append(m.Deposits, group.Deposit{Member: id(i), Amount: save})
	}
	on := sh(1404, 1, 1)
	if _, err := g.HoldMeeting(on, m); err != nil {
		return nil, err
	}
	fmt.Fprintf(w, "%s: %d months old, mature: %v, savings %s\n", on.Format(shg.SolarHijri), g.AgeMonths(on), g.Mature(on), g.Fund().TotalSavings().FormatToman())

	// The first bank loan: 3,000,000 toman is this policy's cap; one toman
	// more is refused with the checklist's code.
	over := []policy.MemberRequest{{Member: id(1), Amount: shg.Toman(3_000_001)}}
	if _, err := g.ApplyForTranche(on, 1, over); err != nil {
		var re *shg.RuleError
		if errors.As(err, &re) {
			fmt.Fprintf(w, "%s: tranche 1 of %s for %s refused: %v\n", on.Format(shg.SolarHijri), shg.Toman(3_000_001).FormatToman(), id(1), re.Codes())
		}
	} else {
		return nil, errors.New("a tranche above the cap was granted")
	}
	var reqs []policy.MemberRequest
	for i := 1; i <= 6; i++ {
		reqs = append(reqs, policy.MemberRequest{Member: id(i), Amount: shg.Toman(3_000_000)})
	}
	ids, err := g.ApplyForTranche(on, 1, reqs)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(w, "%s: tranche 1 granted: %d loans of %s\n", on.Format(shg.SolarHijri), len(ids), shg.Toman(3_000_000).FormatToman())
	for i := 1; i <= 6; i++ {
		if err := g.SetLivelihood(on, id(i), member.Livelihoods()[i%len(member.Livelihoods())]); err != nil {
			return nil, err
		}
	}
	return g, nil
}
