package program_test

import (
	"encoding/json"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/program"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// handBuilt is a programme of three groups under interestFree(), reported
// on 15 Ordibehesht 1398 (reportOn). Every figure TestReport_handBuilt
// expects is worked out in its comments from the commands below.
//
// Group SAH-A (Sahneh, phase 3, Tolou Social Work Clinic): 15 members
// admitted on 20 Shahrivar 1397 (baseline income zero for m01–m10,
// 2,000,000 rials for m11–m15), formed 21 Shahrivar, sustainability 22
// Shahrivar. Eight monthly meetings on the 1st, Mehr 1397 to Ordibehesht
// 1398, every member present and depositing 1,000,000 rials (100,000
// toman). Internal loans, all free of charge:
//   - m04: 3,000,000 over 3 on 1 Aban; repays 1,000,000 on 1 Azar, 1 Dey, 1 Bahman (closed);
//   - m05: 2,000,000 over 2 on 1 Bahman; repays 1,000,000 on 1 Esfand and
//     nothing on 1 Farvardin 1398, when her second installment fell due;
//   - m06: 4,000,000 over 4 on 1 Esfand; repays 1,000,000 on 1 Farvardin and 1 Ordibehesht.
//
// On 1 Esfand 1397 (age 6 months) tranche 1: m01 25,000,000 rials
// (2,500,000 toman, the cap) and m02 20,000,000, each in 10 monthly
// installments from 1 Farvardin 1398. m02 pays 2,000,000 on 1 Farvardin and
// on 1 Ordibehesht; m01 pays nothing. Livelihoods: m01 beekeeping, m02
// poultry. On 1 Ordibehesht 1398 m15 leaves; follow-up incomes that day:
// m01 6,000,000, m02 4,000,000, m11 5,000,000 rials.
//
// Group SAH-B (Sahneh, phase 3): founded 10 Farvardin 1398, three
// orientation sessions and 5 members admitted; still in Preparation.
//
// Group HAR-C (Harsin, phase 2, Harsin Women's Association): as SAH-A
// with every baseline zero, the same eight meetings and one internal loan
// (m04, 3,000,000 over 3 on 1 Aban, repaid on time); tranche 1 on 1
// Esfand 1397 to m01, 10,000,000 in 10, paid off in full on 1 Farvardin
// 1398. Livelihood m01 handicrafts; follow-up income m01 8,000,000.
func handBuilt(t *testing.T) *program.Program {
	t.Helper()
	return handBuiltUntil(t, sh(1500, 1, 1))
}

// handBuiltUntil is handBuilt with only the commands dated up to cut (a
// group's setup, in sustained, runs whole once the group is founded).
func handBuiltUntil(t *testing.T, cut shg.Date) *program.Program {
	t.Helper()
	in := func(d shg.Date) bool { return !d.After(cut) } // the commands dated up to cut
	p := interestFree()
	prog, err := program.New(program.Config{
		Name: "Kermanshah test programme", Organisation: "Behzisti Kermanshah", Currency: shg.IRR,
		Targets: program.Targets{Groups: 320, Counties: 5}, IncomeThreshold: shg.Toman(500_000),
	})
	require.NoError(t, err)
	save := shg.Toman(100_000)
	months := []shg.Date{sh(1397, 7, 1), sh(1397, 8, 1), sh(1397, 9, 1), sh(1397, 10, 1), sh(1397, 11, 1), sh(1397, 12, 1), sh(1398, 1, 1), sh(1398, 2, 1)}
	if in(sh(1397, 6, 1)) {
		a := sustained(t, p, "SAH-A", "Sahneh", sh(1397, 6, 1), 15, func(i int) shg.Money {
			if i <= 10 {
				return shg.Rials(0)
			}
			return shg.Rials(2_000_000)
		})
		loans := map[shg.MemberID]shg.LoanID{}
		var bank []shg.LoanID
		for k, on := range months {
			if !in(on) {
				break
			}
			m := full(a, save)
			repay := func(who shg.MemberID) {
				m.Repayments = append(m.Repayments, group.Repayment{Loan: loans[who], Amount: shg.Rials(1_000_000)})
			}
			var ask []shg.MemberID
			switch k {
			case 1: // 1 Aban
				m.Loans = []group.LoanRequest{{Member: mid(4), Amount: shg.Rials(3_000_000), Installments: 3}}
				ask = []shg.MemberID{mid(4)}
			case 2, 3: // 1 Azar, 1 Dey
				repay(mid(4))
			case 4: // 1 Bahman
				repay(mid(4))
				m.Loans = []group.LoanRequest{{Member: mid(5), Amount: shg.Rials(2_000_000), Installments: 2}}
				ask = []shg.MemberID{mid(5)}
			case 5: // 1 Esfand
				repay(mid(5))
				m.Loans = []group.LoanRequest{{Member: mid(6), Amount: shg.Rials(4_000_000), Installments: 4}}
				ask = []shg.MemberID{mid(6)}
			case 6, 7: // 1 Farvardin, 1 Ordibehesht 1398: m05 does not pay
				repay(mid(6))
			}
			ids, err := a.HoldMeeting(on, m)
			require.NoError(t, err)
			for i, id := range ids {
				loans[ask[i]] = id
			}
			switch k {
			case 5:
				bank, err = a.ApplyForTranche(on, 1, []policy.MemberRequest{
					{Member: mid(1), Amount: shg.Rials(25_000_000)}, {Member: mid(2), Amount: shg.Rials(20_000_000)}})
				require.NoError(t, err)
				require.NoError(t, a.SetLivelihood(on, mid(1), member.Beekeeping))
				require.NoError(t, a.SetLivelihood(on, mid(2), member.Poultry))
			case 6, 7:
				_, err = a.RepayBank(on, bank[1], shg.Rials(2_000_000))
				require.NoError(t, err)
			}
		}
		last := sh(1398, 2, 1)
		if in(last) {
			require.NoError(t, a.Exit(last, mid(15), "moved to the city"))
			require.NoError(t, a.RecordIncome(last, mid(1), shg.Rials(6_000_000)))
			require.NoError(t, a.RecordIncome(last, mid(2), shg.Rials(4_000_000)))
			require.NoError(t, a.RecordIncome(last, mid(11), shg.Rials(5_000_000)))
		}
		require.NoError(t, prog.Add(a, program.Assignment{County: "Sahneh", Phase: 3, Organisation: "Tolou Social Work Clinic"}))
	}
	if in(sh(1398, 1, 10)) {
		b, err := group.Found(p, group.Charter{ID: "SAH-B", Name: "SAH-B", County: "Sahneh", Facilitator: "senior facilitator", Founded: sh(1398, 1, 10)})
		require.NoError(t, err)
		for _, d := range []int{12, 19, 26} {
			if in(sh(1398, 1, d)) {
				require.NoError(t, b.RecordPreparationSession(sh(1398, 1, d), "orientation", 5))
			}
		}
		if in(sh(1398, 1, 27)) {
			for i := 1; i <= 5; i++ {
				require.NoError(t, b.Admit(sh(1398, 1, 27), woman(i)))
			}
		}
		require.NoError(t, prog.Add(b, program.Assignment{County: "Sahneh", Phase: 3, Organisation: "Tolou Social Work Clinic"}))
	}
	if in(sh(1397, 6, 1)) {
		c := sustained(t, p, "HAR-C", "Harsin", sh(1397, 6, 1), 15, func(int) shg.Money { return shg.Rials(0) })
		var cLoan shg.LoanID
		var bank []shg.LoanID
		for k, on := range months {
			if !in(on) {
				break
			}
			m := full(c, save)
			switch k {
			case 1:
				m.Loans = []group.LoanRequest{{Member: mid(4), Amount: shg.Rials(3_000_000), Installments: 3}}
			case 2, 3, 4:
				m.Repayments = []group.Repayment{{Loan: cLoan, Amount: shg.Rials(1_000_000)}}
			}
			ids, err := c.HoldMeeting(on, m)
			require.NoError(t, err)
			if k == 1 {
				cLoan = ids[0]
			}
			switch k {
			case 5:
				cb, err := c.ApplyForTranche(on, 1, []policy.MemberRequest{{Member: mid(1), Amount: shg.Rials(10_000_000)}})
				require.NoError(t, err)
				require.NoError(t, c.SetLivelihood(on, mid(1), member.Handicrafts))
				bank = append(bank, cb...)
			case 6:
				_, err := c.RepayBank(on, bank[0], shg.Rials(10_000_000))
				require.NoError(t, err)
			}
		}
		if in(sh(1398, 2, 1)) {
			require.NoError(t, c.RecordIncome(sh(1398, 2, 1), mid(1), shg.Rials(8_000_000)))
		}
		require.NoError(t, prog.Add(c, program.Assignment{County: "Harsin", Phase: 2, Organisation: "Harsin Women's Association"}))
	}
	return prog
}

var reportOn = sh(1398, 2, 15)

func eqMoney(t *testing.T, want int64, got shg.Money, what string) {
	t.Helper()
	assert.Truef(t, got.Equal(shg.Rials(want)), "%s: want %d IRR, got %s", what, want, got)
}

func eqRate(t *testing.T, want string, got interface{ String() string }, what string) {
	t.Helper()
	assert.Equalf(t, want, got.String(), "%s", what)
}

func TestReport_handBuilt(t *testing.T) {
	r := handBuilt(t).Report(reportOn)

	assert.Equal(t, "1398-02-15", r.OnSolarHijri)
	assert.Equal(t, shg.IRR, r.Currency)

	// Groups: A and C formed and in Sustainability, B in Preparation.
	// C is mature; A is not: of its internal installments due by 15
	// Ordibehesht (m04 3 × 1M, m05 2 × 1M, m06 2 × 1M = 7M) 6M were paid,
	// 85.7% < 95%. A and C have a tranche.
	assert.Equal(t, program.GroupFigures{Total: 3, Formed: 2,
		ByStage: program.StageCounts{Preparation: 1, Sustainability: 2}, Mature: 1, Linked: 2}, r.Groups)

	// Counties by name: Harsin (C), Sahneh (A, B).
	require.Len(t, r.Counties, 2)
	assert.Equal(t, "Harsin", r.Counties[0].County)
	assert.Equal(t, []string{"Harsin Women's Association"}, r.Counties[0].Organisations)
	assert.Equal(t, 1, r.Counties[0].Groups.Total)
	assert.Equal(t, 15, r.Counties[0].ActiveMembers)
	eqMoney(t, 120_000_000, r.Counties[0].Savings, "Harsin savings: 15 × 8 × 1M")
	assert.Equal(t, 1, r.Counties[0].Tranches[1].Queued, "Harsin: C queued for tranche 2")
	assert.Equal(t, "Sahneh", r.Counties[1].County)
	assert.Equal(t, []string{"Tolou Social Work Clinic"}, r.Counties[1].Organisations)
	assert.Equal(t, program.GroupFigures{Total: 2, Formed: 1,
		ByStage: program.StageCounts{Preparation: 1, Sustainability: 1}, Mature: 0, Linked: 1}, r.Counties[1].Groups)
	assert.Equal(t, 14+5, r.Counties[1].ActiveMembers)
	eqMoney(t, 112_000_000, r.Counties[1].Savings, "Sahneh savings: 120M − m15's 8M")

	assert.Equal(t, []program.PhaseRow{{Phase: 2, Groups: 1, Formed: 1, Linked: 1}, {Phase: 3, Groups: 2, Formed: 1, Linked: 1}}, r.Phases)

	// Members: A 15 ever, 14 active (m15 left); B 5; C 15.
	assert.Equal(t, program.MemberFigures{Active: 34, Ever: 35, Exited: 1}, r.Members)

	// Tranche 1: A and C received it; C's is paid off. Loans: A's two and
	// C's one; disbursed 25M + 20M + 10M; outstanding A's m01 25M and
	// m02's 20M − 2 × 2M = 16M.
	require.Len(t, r.Tranches, 3)
	t1 := r.Tranches[0]
	assert.Equal(t, []int{1, 2, 0, 2, 1, 3}, []int{t1.Number, t1.Received, t1.Queued, t1.ReceivedOrQueued, t1.Repaid, t1.Loans})
	eqMoney(t, 55_000_000, t1.Disbursed, "tranche 1 disbursed")
	eqMoney(t, 41_000_000, t1.Outstanding, "tranche 1 outstanding")
	// Tranche 2: C is queued (mature, 8 months old, tranche 1 fully
	// repaid); A has not repaid tranche 1; B is not in Sustainability.
	t2 := r.Tranches[1]
	assert.Equal(t, []int{2, 0, 1, 1, 0, 0}, []int{t2.Number, t2.Received, t2.Queued, t2.ReceivedOrQueued, t2.Repaid, t2.Loans})
	eqMoney(t, 0, t2.Disbursed, "tranche 2 disbursed")
	assert.Equal(t, 0, r.Tranches[2].ReceivedOrQueued)

	// Savings: A 15 × 8 × 1M − 8M paid to m15 = 112M; C 120M; B none.
	// Cash: A 120M deposits + 6M internal repayments − 9M lent − 8M = 109M;
	// C 120M + 3M − 3M. Corpus = cash + internal loans receivable (A: m05
	// 1M, m06 2M): 109M + 3M + 120M.
	eqMoney(t, 232_000_000, r.Savings.Mobilised, "savings mobilised")
	eqMoney(t, 6_823_529, r.Savings.PerActiveMember, "232M / 34 = 6,823,529.41…")
	eqMoney(t, 0, r.Savings.SocialFund, "social fund")
	eqMoney(t, 229_000_000, r.Savings.Cash, "cash")
	eqMoney(t, 232_000_000, r.Savings.Corpus, "corpus")

	// Internal loans: A's m04 (closed), m05, m06 and C's m04 (closed).
	// Lent 3 + 2 + 4 + 3 = 12M; repaid A 6M + C 3M; outstanding m05 1M +
	// m06 2M. m05's second installment (due 1 Farvardin) is 45 days late
	// (31 days of Farvardin + 14): her 1M is at risk; PAR30 = 1/3. Due to
	// date: A 7M (above) + C 3M; paid 6M + 3M: 90%.
	in := r.Internal
	assert.Equal(t, 4, in.Loans)
	assert.Equal(t, 2, in.Active)
	eqMoney(t, 12_000_000, in.Disbursed, "internal disbursed")
	eqMoney(t, 9_000_000, in.Repaid, "internal repaid")
	eqMoney(t, 3_000_000, in.Outstanding, "internal outstanding")
	eqMoney(t, 0, in.WrittenOff, "internal written off")
	eqMoney(t, 1_000_000, in.Overdue, "internal overdue: m05's second installment")
	eqMoney(t, 1_000_000, in.AtRisk30, "internal at risk")
	eqRate(t, "0.3333", in.PAR30, "internal PAR30")
	eqMoney(t, 10_000_000, in.DueToDate, "internal due to date")
	eqMoney(t, 9_000_000, in.PaidToDate, "internal paid to date")
	eqRate(t, "0.9", in.RepaymentRate, "internal repayment rate")

	// Bank loans: 3 loans, 2 active (C's closed). Repaid: m02 4M + C 10M.
	// m01 has paid nothing: 45 days late, her 25M at risk; m02 is current.
	// PAR30 = 25 / 41 = 0.60975… Overdue: m01's two installments of 2.5M.
	// Due to date (installments of 1 Farvardin and 1 Ordibehesht): m01
	// 5M, m02 4M, C 2M = 11M; paid m02 4M, C 2M (its payoff covered
	// them): 6/11 = 0.54545…
	bk := r.Bank
	assert.Equal(t, 3, bk.Loans)
	assert.Equal(t, 2, bk.Active)
	eqMoney(t, 55_000_000, bk.Disbursed, "bank disbursed")
	eqMoney(t, 14_000_000, bk.Repaid, "bank repaid")
	eqMoney(t, 41_000_000, bk.Outstanding, "bank outstanding")
	eqMoney(t, 5_000_000, bk.Overdue, "bank overdue")
	eqMoney(t, 25_000_000, bk.AtRisk30, "bank at risk")
	eqRate(t, "0.6098", bk.PAR30, "bank PAR30")
	eqMoney(t, 11_000_000, bk.DueToDate, "bank due to date")
	eqMoney(t, 6_000_000, bk.PaidToDate, "bank paid to date")
	eqRate(t, "0.5455", bk.RepaymentRate, "bank repayment rate")

	// Livelihoods of the 34 active members: A m01 beekeeping, m02 poultry,
	// C m01 handicrafts; the other 31 not recorded (listed last).
	assert.Equal(t, []program.LivelihoodRow{
		{Livelihood: member.Beekeeping, Members: 1}, {Livelihood: member.Poultry, Members: 1},
		{Livelihood: member.Handicrafts, Members: 1}, {Livelihood: member.LivelihoodNone, Members: 31},
	}, r.Livelihoods)

	// Income: 30 members observed (A's 15, m15 included, and C's 15); 4
	// followed up. Baselines: 25 zero, 5 × 2M: mean 10M / 30 = 333,333.33…
	// Latest: A m01 6M, m02 4M, m11 5M, m12–m15 2M each, C m01 8M: 31M / 30
	// = 1,033,333.33… At or above 5,000,000 rials (500,000 toman): A m01,
	// A m11 (exactly), C m01 = 3 of 30; from a zero baseline: A m01, C m01.
	inc := r.Income
	eqMoney(t, 5_000_000, inc.Threshold, "threshold")
	assert.Equal(t, []int{30, 4, 25, 3, 2}, []int{inc.Observed, inc.FollowedUp, inc.BaselineZero, inc.AtOrAbove, inc.FromZero})
	eqMoney(t, 333_333, inc.BaselineMean, "baseline mean")
	eqMoney(t, 1_033_333, inc.LatestMean, "latest mean")
	eqRate(t, "0.1", inc.AtOrAboveShare, "share at or above")

	// Progress: 2 of 320 groups formed (0.00625, half away from zero to
	// 0.0063); 2 of 5 counties; no member target.
	assert.Equal(t, []int{320, 2, 5, 2, 0, 35}, []int{r.Progress.Groups.Target, r.Progress.Groups.Actual,
		r.Progress.Counties.Target, r.Progress.Counties.Actual, r.Progress.Members.Target, r.Progress.Members.Actual})
	eqRate(t, "0.0063", r.Progress.Groups.Share, "groups share")
	eqRate(t, "0.4", r.Progress.Counties.Share, "counties share")
	eqRate(t, "0", r.Progress.Members.Share, "members share")
}

func TestReport_JSON(t *testing.T) {
	r := handBuilt(t).Report(reportOn)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(b, &doc))
	for _, k := range []string{"program", "organisation", "on", "onSolarHijri", "currency", "groups", "counties", "phases",
		"members", "tranches", "savings", "internalLoans", "bankLoans", "livelihoods", "income", "progress"} {
		assert.Contains(t, doc, k)
	}
	assert.Equal(t, "2019-05-05", doc["on"], "15 Ordibehesht 1398 is 5 May 2019")
	bank := doc["bankLoans"].(map[string]any)
	assert.Equal(t, map[string]any{"amount": "41000000", "currency": "IRR"}, bank["outstanding"])
	assert.Equal(t, "0.6098", bank["par30"])
	assert.Equal(t, "beekeeping", doc["livelihoods"].([]any)[0].(map[string]any)["livelihood"])

	// The JSON decodes back into a Report that encodes the same.
	var back program.Report
	require.NoError(t, json.Unmarshal(b, &back))
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
}

func TestReport_empty(t *testing.T) {
	p, err := program.New(program.Config{Name: "empty", Currency: shg.IRR})
	require.NoError(t, err)
	r := p.Report(reportOn)
	assert.Equal(t, 0, r.Groups.Total)
	assert.Empty(t, r.Tranches)
	eqRate(t, "1", r.Bank.RepaymentRate, "nothing due: repayment rate 1")
	eqRate(t, "0", r.Bank.PAR30, "nothing out: PAR30 0")
	eqMoney(t, 0, r.Savings.PerActiveMember, "no members")
	assert.True(t, r.Income.Threshold.IsZero())
	_, err = json.Marshal(r)
	require.NoError(t, err)
	assert.NotEmpty(t, r.Text(program.English))
	assert.NotEmpty(t, r.Text(program.Persian))
}

// A report for a past day shows the programme as it stood at the end of
// that day. On 15 Esfand 1397 (see handBuilt): SAH-B, founded 10 Farvardin
// 1398, does not exist yet; SAH-A and HAR-C have held six meetings (1 Mehr
// to 1 Esfand) of 15 members saving 1,000,000 rials each, 90,000,000 rials
// a group, and m15 has not left. Internal loans: SAH-A m04 3M (repaid 1M on
// 1 Azar, Dey and Bahman), m05 2M on 1 Bahman (1M repaid on 1 Esfand), m06
// 4M on 1 Esfand; HAR-C m04 3M (repaid like SAH-A's): 12M lent, 7M repaid,
// 5M outstanding in 2 active loans of 4. Tranche 1 went out on 1 Esfand:
// 25M + 20M (SAH-A) and 10M (HAR-C), nothing repaid until 1 Farvardin.
func TestReport_asOfPastDay(t *testing.T) {
	prog := handBuilt(t)
	r := prog.Report(sh(1397, 12, 15))

	assert.Equal(t, 2, r.Groups.Total, "SAH-B is founded later")
	assert.Equal(t, 2, r.Groups.Linked)
	assert.Equal(t, program.MemberFigures{Active: 30, Ever: 30}, r.Members)
	eqMoney(t, 180_000_000, r.Savings.Mobilised, "2 groups × 15 × 6 × 1M")
	assert.Equal(t, 4, r.Internal.Loans)
	assert.Equal(t, 2, r.Internal.Active)
	eqMoney(t, 12_000_000, r.Internal.Disbursed, "internal lent")
	eqMoney(t, 7_000_000, r.Internal.Repaid, "internal repaid")
	eqMoney(t, 5_000_000, r.Internal.Outstanding, "internal outstanding")
	assert.Equal(t, 3, r.Bank.Loans)
	eqMoney(t, 55_000_000, r.Bank.Disbursed, "tranche 1")
	eqMoney(t, 0, r.Bank.Repaid, "bank repaid")
	eqMoney(t, 55_000_000, r.Bank.Outstanding, "bank outstanding")

	// The day before anything: nothing. The programme itself is unchanged:
	// a report on its last day still sees all three groups.
	assert.Equal(t, 0, prog.Report(sh(1397, 5, 1)).Groups.Total)
	assert.Equal(t, 3, prog.Report(reportOn).Groups.Total)
}

// A report before any group was founded has no groups and no tranche rows:
// the rows follow the policies of the groups the report includes.
func TestReport_beforeAnyGroup(t *testing.T) {
	prog, err := program.New(program.Config{Name: "p", Currency: shg.IRR})
	require.NoError(t, err)
	g, err := group.Found(interestFree(), group.Charter{ID: "G", Name: "G", Founded: sh(1398, 1, 10)})
	require.NoError(t, err)
	require.NoError(t, prog.Add(g, program.Assignment{County: "Sahneh"}))

	r := prog.Report(sh(1398, 1, 9))
	assert.Equal(t, 0, r.Groups.Total)
	assert.Empty(t, r.Tranches)
	assert.Empty(t, r.Counties)
	assert.Equal(t, 1, prog.Report(sh(1398, 1, 10)).Groups.Total, "founded that day")
}

// A report on any day equals the report of the same programme built only
// from the commands up to that day: every figure, as JSON, for each day
// from before the first founding to after the last event. Days on which
// the cut programme still holds later events (a group's setup in sustained
// runs whole) are skipped, so that the cut side never replays.
func TestReport_asOfEqualsProgrammeCutThatDay(t *testing.T) {
	whole := handBuilt(t)
	compared := 0
	for d := sh(1397, 5, 25); !d.After(sh(1398, 3, 1)); d = d.AddDays(1) {
		cut := handBuiltUntil(t, d)
		if cut.LastDate().After(d) {
			continue
		}
		want, err := json.Marshal(cut.Report(d))
		require.NoError(t, err)
		got, err := json.Marshal(whole.Report(d))
		require.NoError(t, err)
		require.JSONEq(t, string(want), string(got), "report on %s", d.Format(shg.SolarHijri))
		compared++
	}
	assert.Greater(t, compared, 250, "days compared")
}
