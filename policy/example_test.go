package policy_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/shopspring/decimal"
)

// A member of a Kermanshah group asks 2,500,001 toman of the first bank
// loan: one toman (ten rials) over the article's 2,500,000-toman cap.
func ExamplePolicy_CheckTranche_perMemberCap() {
	p := policy.KermanshahBehzisti()
	c := p.CheckTranche(policy.TrancheFacts{
		Number: 1, Stage: policy.Sustainability, Mature: true, GroupAgeMonths: 6,
		Members: 15,
		Requests: []policy.MemberRequest{
			{Member: "fatemeh", Amount: shg.Toman(2_500_000)},
			{Member: "zahra", Amount: shg.Toman(2_500_001)},
		},
	})
	for _, x := range c {
		fmt.Printf("%-5v %s: want %s, got %s\n", x.Met, x.Code, x.Want, x.Got)
	}
	fmt.Println(c.Err("group.ApplyForTranche"))
	// Output:
	// true  tranche.stage: want sustainability, got sustainability
	// true  tranche.mature: want mature, got mature
	// true  tranche.min_group_age: want >= 6 months, got 6 months
	// true  tranche.requests: want 1-15 requests, one per member, each > 0 IRR in multiples of 1, got 2 requests totalling 50000010 IRR
	// true  tranche.max_per_member: want <= 25000000 IRR, got fatemeh: 25000000 IRR
	// false tranche.max_per_member: want <= 25000000 IRR, got zahra: 25000010 IRR
	// group.ApplyForTranche: tranche.max_per_member: member zahra asks no more than the per-member cap (want <= 25000000 IRR, got zahra: 25000010 IRR)
}

// What a group of 14 still lacks to leave formation.
func ExamplePolicy_CheckGate_formation() {
	p := policy.KermanshahBehzisti()
	c := p.CheckGate(policy.Formation, policy.GateFacts{
		Members:       14,
		Officers:      []member.Role{member.Chair, member.Treasurer},
		BylawsAdopted: true,
	})
	for _, x := range c.Unmet() {
		fmt.Printf("%s: want %s, got %s\n", x.Code, x.Want, x.Got)
	}
	// Output:
	// gate.formation.min_members: want >= 15 members, got 14 members
	// gate.formation.officers: want chair, treasurer, secretary, got missing secretary
	// gate.formation.bank_account: want opened, got not opened
}

// NABARD's first dose: six times the corpus, but never less than Rs 1 lakh.
func ExamplePolicy_CheckTranche_corpusMultiple() {
	p := policy.NABARDLinkage()
	c := p.CheckTranche(policy.TrancheFacts{
		Number: 1, Stage: policy.Sustainability, Mature: true, GroupAgeMonths: 7,
		Grade: policy.GradeB, Members: 12, Corpus: shg.MustParseMoney("12000 INR"),
		Requests: []policy.MemberRequest{{Member: "shg-17", Amount: shg.MustParseMoney("150000 INR")}},
	})
	x, _ := c.Find("tranche.corpus_multiple")
	fmt.Println(x.Want)
	fmt.Println(x.Got, x.Met)
	// Output:
	// <= 6 × corpus 12000 INR = 72000 INR, at least 100000 INR
	// 150000 INR false
}

func ExamplePolicy_Grade() {
	g := policy.NABARDLinkage().Grade(policy.GradeFacts{
		MeetingRegularity: decimal.RequireFromString("1"),
		AttendanceRate:    decimal.RequireFromString("0.9"),
		SavingsRegularity: decimal.RequireFromString("0.8"),
		FundUtilisation:   decimal.RequireFromString("0.5"),
		RepaymentRate:     decimal.RequireFromString("1"),
		BooksUpToDate:     true,
		MonthsActive:      8,
	})
	fmt.Println(g.Grade, g.Score)
	// Output: A 0.8667
}

// Load reports every problem of a policy file at once, by path.
func ExampleLoad() {
	b, _ := json.Marshal(policy.VSLA())
	in := strings.Replace(string(b), `"maxMembers":25`, `"maxMembers":8,"maxMember":25`, 1)
	in = strings.Replace(in, `"frequency":"weekly"`, `"frequency":"daily"`, 1)
	_, err := policy.Load(strings.NewReader(in))
	var ve *policy.ValidationError
	if errors.As(err, &ve) {
		for _, e := range ve.Errors {
			fmt.Println(e)
		}
	}
	// Output:
	// membership.maxMember: unknown field
	// meetings.frequency: unknown frequency (want weekly|fortnightly|monthly, got "daily")
	// membership.maxMembers: must not be below minMembers (10), got 8
}

// An NGO starts from a preset, changes what differs, and validates.
func ExampleKermanshahBehzisti() {
	p := policy.KermanshahBehzisti().Clone()
	p.Region = "Sahneh county, Kermanshah"
	p.Savings.Plan.Amount = shg.Toman(200_000)
	fmt.Println(p.Validate())
	b, _ := json.Marshal(p)
	q, err := policy.Load(bytes.NewReader(b))
	fmt.Println(err, q.Equal(p), q.Stages.Sustainability.MinMonthsSinceFormation)
	// Output:
	// <nil>
	// <nil> true 3
}

func ExampleStage_Persian() {
	for _, s := range []policy.Stage{policy.Preparation, policy.Formation, policy.Sustainability} {
		fmt.Println(s, s.Persian())
	}
	// Output:
	// preparation زمینه‌سازی
	// formation تشکیل
	// sustainability پایداری
}
