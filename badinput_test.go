package shg_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/savings"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The bad-input catalogue: every row feeds one bad input to the public API
// of one package and asserts
//
//   - the error: a *shg.RuleError carrying the stable code (and matching
//     shg.ErrRuleViolation), the package's typed error or the documented
//     sentinel with errors.Is, or for a policy the *policy.ValidationError
//     path of the bad field;
//   - that nothing changed: the JSON snapshot of the stateful object (a
//     savings.Fund, a loan.Account, a group.Group with its event log and
//     Len()) or the decoder's target is byte-identical before and after,
//     and the same input refused a second time gives the same error;
//   - that nothing panicked: each row runs under a recover that fails it.
//
// Every code a refusal carries must also be listed in ERRORS.md (see
// TestErrorsDocListsEveryCode, which checks the doc against the source).
// The package-level names of this file start with "bi" (bad input) where
// a shorter name could clash with the root package's other test files.
//
// Run it alone with: go test -run 'TestBadInputCatalogue|TestErrorsDocListsEveryCode' -v .

// biWant is what a refusal must look like. At least one field is set.
type biWant struct {
	code     string   // a *shg.RuleError carrying this code
	also     []string // further codes the same RuleError (or paths the ValidationError) must carry
	is       error    // a sentinel errors.Is must match
	path     string   // a *policy.ValidationError reporting this path
	mismatch bool     // errors.As finds a *shg.MismatchError
	contains string   // a substring of the message (for errors with no type)
}

// biTrial is a prepared bad input: state snapshots the object the input is
// fed to, call feeds it.
type biTrial struct {
	state func() string
	call  func() error
}

type biRow struct {
	name string
	want biWant
	try  func(tb testing.TB) biTrial
	// bug, when set, describes a known, reported bug the row reproduces:
	// the row is skipped while it fails, and fails once it passes, so
	// that whoever fixes the bug deletes the note and the row guards
	// against a regression.
	bug string
}

// biStateless is a trial of a pure function: there is nothing to change.
func biStateless(call func() error) func(testing.TB) biTrial {
	return func(testing.TB) biTrial { return biTrial{state: func() string { return "" }, call: call} }
}

// ---------------------------------------------------------------- builders

func biDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// biSH is a Solar Hijri date literal.
func biSH(y, m, d int) shg.Date { return shg.MustDate(shg.SolarHijri, y, m, d) }

func biMID(i int) shg.MemberID { return shg.MemberID(fmt.Sprintf("m%02d", i)) }

func biINR(s string) shg.Money { return shg.MustParseMoney(s + " INR") }

// biWoman is an eligible applicant under the Kermanshah policy: a rural woman
// born on 1 Farvardin 1370 (21 March 1991), 27 years old in 1397.
func biWoman(i int) member.Profile {
	return member.Profile{
		ID: biMID(i), Name: fmt.Sprintf("Member %d", i), BirthDate: biSH(1370, 1, 1),
		Gender: member.Female, Village: "Dinavar", Rural: true, Livelihood: member.Dairy,
	}
}

func biJSON(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.Marshal(v)
	require.NoError(tb, err)
	return string(b)
}

// fundTrial feeds op to the fund build returns.
func fundTrial(build func(testing.TB) savings.Fund, op func(f *savings.Fund) error) func(testing.TB) biTrial {
	return func(tb testing.TB) biTrial {
		f := build(tb)
		return biTrial{state: func() string { return biJSON(tb, f) }, call: func() error { return op(&f) }}
	}
}

// loanTrial feeds op to the account build returns.
func loanTrial(build func(testing.TB) loan.Account, op func(a *loan.Account) error) func(testing.TB) biTrial {
	return func(tb testing.TB) biTrial {
		a := build(tb)
		return biTrial{state: func() string { return biJSON(tb, a) }, call: func() error { return op(&a) }}
	}
}

// groupTrial feeds op to the group build returns. The snapshot is the
// group's full state, its event log and Len().
func groupTrial(build func(testing.TB) *group.Group, op func(g *group.Group) error) func(testing.TB) biTrial {
	return func(tb testing.TB) biTrial {
		g := build(tb)
		return biTrial{state: func() string {
			evs, err := group.MarshalEvents(g.Events())
			require.NoError(tb, err)
			return fmt.Sprintf("len %d\nstate %s\nevents %s", g.Len(), biJSON(tb, g), evs)
		}, call: func() error { return op(g) }}
	}
}

// memberTrial feeds op to a valid member. A Member is a value: it must be
// the same afterwards, and a refusing method must return it unchanged, as
// the member package documents.
func memberTrial(build func(testing.TB) member.Member, op func(m member.Member) (member.Member, error)) func(testing.TB) biTrial {
	return func(tb testing.TB) biTrial {
		m := build(tb)
		return biTrial{state: func() string { return biJSON(tb, m) }, call: func() error {
			got, err := op(m)
			if err != nil && !got.Equal(m) {
				return fmt.Errorf("refused operation returned a changed member %v: %w", got, err)
			}
			return err
		}}
	}
}

// decodeTrial decodes data into a copy of the valid value v: on error the
// target must keep its value.
func decodeTrial[T any](v T, data string) func(testing.TB) biTrial {
	return func(tb testing.TB) biTrial {
		target := v
		return biTrial{state: func() string { return biJSON(tb, target) }, call: func() error {
			return json.Unmarshal([]byte(data), &target)
		}}
	}
}

// Loans: a Kermanshah-style internal loan of 12,000,000 rials at a 4%
// service fee, 12 monthly installments from 1 Mehr 1397.
func loanTerms() loan.Terms {
	return loan.Terms{Principal: shg.Rials(12_000_000), AnnualRate: biDec("0.04"),
		Interest: loan.DecliningBalance, Amortization: loan.EqualInstallments, Charge: loan.ServiceFee,
		Installments: 12, Every: loan.Months(1), Start: biSH(1397, 7, 1), Calendar: shg.SolarHijri}
}

func openLoan(tb testing.TB) loan.Account {
	tb.Helper()
	a, err := loan.Open("L1", loanTerms(), loan.Options{})
	require.NoError(tb, err)
	return a
}

// paidLoan has its first installment paid on its due date, 1 Aban.
func paidLoan(tb testing.TB) loan.Account {
	tb.Helper()
	a := openLoan(tb)
	_, err := a.Repay(biSH(1397, 8, 1), a.Due(biSH(1397, 8, 1)))
	require.NoError(tb, err)
	return a
}

func closedLoan(tb testing.TB) loan.Account {
	tb.Helper()
	a := openLoan(tb)
	po, err := a.Payoff(biSH(1397, 8, 1))
	require.NoError(tb, err)
	al, err := a.Repay(biSH(1397, 8, 1), po)
	require.NoError(tb, err)
	require.True(tb, al.Closed)
	return a
}

func writtenOffLoan(tb testing.TB) loan.Account {
	tb.Helper()
	a := openLoan(tb)
	_, err := a.WriteOff(biSH(1398, 1, 1))
	require.NoError(tb, err)
	return a
}

func badTerms(edit func(*loan.Terms)) loan.Terms {
	t := loanTerms()
	edit(&t)
	return t
}

// Funds: on day 0 (1 Mehr 1397) m01 saves 1,000,000 and m02 500,000 rials,
// m02 puts 10,000 into the social fund and m01 borrows 300,000. Cash in
// the box: 1,000,000 + 500,000 + 10,000 − 300,000 = 1,210,000.
var biDay0 = biSH(1397, 7, 1)

func biAt(days int) savings.Entry { return savings.Entry{Date: biDay0.AddDays(days), Ref: "catalogue"} }

func emptyFund(tb testing.TB) savings.Fund {
	tb.Helper()
	f, err := savings.NewFund(shg.IRR)
	require.NoError(tb, err)
	return f
}

func bookedFund(tb testing.TB) savings.Fund {
	tb.Helper()
	f := emptyFund(tb)
	require.NoError(tb, f.Deposit(biAt(0), biMID(1), shg.Rials(1_000_000), 0))
	require.NoError(tb, f.Deposit(biAt(0), biMID(2), shg.Rials(500_000), 0))
	require.NoError(tb, f.SocialContribution(biAt(0), biMID(2), shg.Rials(10_000)))
	require.NoError(tb, f.DisburseLoan(biAt(0), biMID(1), shg.Rials(300_000)))
	require.True(tb, f.Cash().Total.Equal(shg.Rials(1_210_000)))
	return f
}

// bankFund has savings and a bank loan to the group of 2,000,000, no
// internal loan.
func bankFund(tb testing.TB) savings.Fund {
	tb.Helper()
	f := emptyFund(tb)
	require.NoError(tb, f.Deposit(biAt(0), biMID(1), shg.Rials(1_000_000), 0))
	require.NoError(tb, f.BankLoanReceived(biAt(0), shg.Rials(2_000_000)))
	return f
}

// sharesFund keeps a shares plan's books: m01 bought 2 shares, m02 saved
// without recording shares.
func sharesFund(tb testing.TB) savings.Fund {
	tb.Helper()
	f := emptyFund(tb)
	require.NoError(tb, f.Deposit(biAt(0), biMID(1), shg.Rials(200_000), 2))
	require.NoError(tb, f.Deposit(biAt(0), biMID(2), shg.Rials(100_000), 0))
	return f
}

var (
	fixedPlan  = savings.Plan{Kind: savings.EqualFixed, Amount: shg.Rials(1_000_000)}
	sharesPlan = savings.Plan{Kind: savings.Shares, Amount: shg.Rials(100_000), MinShares: 1, MaxShares: 5}
)

func planCheck(p savings.Plan, deposit shg.Money, shares int) func() error {
	return func() error {
		c, err := p.Check(deposit, shares)
		if err != nil && c != (savings.Contribution{}) {
			return fmt.Errorf("refused check returned a non-zero contribution %+v", c)
		}
		return err
	}
}

// Members.
func validMember(tb testing.TB) member.Member {
	tb.Helper()
	p := biWoman(1)
	p.Joined = biSH(1397, 6, 20)
	p.NationalID = "0123456789" // check digit 9: see member.ValidateNationalID
	p.Incomes = []member.IncomeObservation{{On: biSH(1397, 6, 20), Monthly: shg.Rials(0)}}
	m, err := member.New(p)
	require.NoError(tb, err)
	return m
}

func exitedMember(tb testing.TB) member.Member {
	tb.Helper()
	m, err := validMember(tb).Exit(biSH(1398, 1, 1))
	require.NoError(tb, err)
	return m
}

func newMember(edit func(*member.Profile)) func() error {
	return func() error {
		p := biWoman(1)
		p.Joined = biSH(1397, 6, 20)
		edit(&p)
		m, err := member.New(p)
		if err != nil && !m.IsZero() {
			return fmt.Errorf("refused profile returned a member %v", m)
		}
		return err
	}
}

// Policies.
func kermanshahJSON(tb testing.TB) string { return biJSON(tb, policy.KermanshahBehzisti()) }

// loadPolicy loads the Kermanshah preset's JSON with old replaced by repl
// (once; the replacement must apply).
func loadPolicy(old, repl string) func(testing.TB) biTrial {
	return func(tb testing.TB) biTrial {
		in := kermanshahJSON(tb)
		out := strings.Replace(in, old, repl, 1)
		require.NotEqual(tb, in, out, "replacement %q did not apply", old)
		return biTrial{state: func() string { return "" }, call: func() error {
			p, err := policy.Load(strings.NewReader(out))
			if err != nil && !p.Equal(policy.Policy{}) {
				return fmt.Errorf("refused load returned a policy %q", p.Name)
			}
			return err
		}}
	}
}

func validatePolicy(edit func(*policy.Policy)) func() error {
	return func() error {
		p := policy.KermanshahBehzisti()
		edit(&p)
		return p.Validate()
	}
}

// A Kermanshah group's story, built once; each row replays a prefix of its
// log into a fresh group (possibly under a variant of the policy with the
// same name), so rows never share state.
//
//	1 Shahrivar 1397  founded, facilitator assigned                  "founded"
//	5, 12, 19         three orientation sessions                     "prepared"
//	20                m01–m15 admitted                               "admitted"
//	21                advance to Formation                           "formed"
//	22                officers m01–m03, bylaws, bank account         "constituted"
//	22                advance to Sustainability                      "sustaining"
//	1 Mehr            meeting: everyone saves 100,000 toman          "saving"
//	1 Aban            meeting, and L0001: 3,000,000 rials to m04
//	                  over 3 months                                  "lent"
//	1 Azar, Dey, Bahman  meetings; L0001 repaid as it falls due     "ready"
//	1 Esfand          meeting; the group is 6 months old             "mature"
//	1 Esfand          tranche 1: 2,500,000 toman to m01 (B1-01),
//	                  2,000,000 toman to m02 (B1-02)                 "linked"
type biStory struct {
	events []group.Event
	at     map[string]int
	err    error
}

var (
	biStoryOnce sync.Once
	biTheStory  biStory
)

func kermanshahStory(tb testing.TB) biStory {
	tb.Helper()
	biStoryOnce.Do(func() { biTheStory = buildStory() })
	require.NoError(tb, biTheStory.err, "building the Kermanshah story")
	return biTheStory
}

func buildStory() (s biStory) {
	s.at = map[string]int{}
	p := policy.KermanshahBehzisti()
	g, err := group.Found(p, group.Charter{ID: "sahneh-001", Name: "Dinavar women's group", Village: "Dinavar",
		County: "Sahneh", Facilitator: "senior facilitator", Founded: biSH(1397, 6, 1)})
	if err != nil {
		return biStory{err: err}
	}
	mark := func(name string) { s.at[name] = g.Len() }
	step := func(what string, err error) {
		if err != nil && s.err == nil {
			s.err = fmt.Errorf("%s: %w", what, err)
		}
	}
	meeting := func(amount shg.Money) group.Meeting {
		var m group.Meeting
		for _, mem := range g.Members() {
			if mem.IsActive() {
				m.Present = append(m.Present, mem.ID())
				m.Deposits = append(m.Deposits, group.Deposit{Member: mem.ID(), Amount: amount})
			}
		}
		return m
	}
	save := shg.Toman(100_000)
	mark("founded")
	for _, d := range []int{5, 12, 19} {
		step("session", g.RecordPreparationSession(biSH(1397, 6, d), "orientation", 15))
	}
	mark("prepared")
	for i := 1; i <= 15; i++ {
		step("admit", g.Admit(biSH(1397, 6, 20), biWoman(i)))
	}
	mark("admitted")
	step("advance to formation", g.Advance(biSH(1397, 6, 21)))
	mark("formed")
	on := biSH(1397, 6, 22)
	step("elect", g.ElectOfficers(on, group.Officers{Chair: biMID(1), Treasurer: biMID(2), Secretary: biMID(3)}))
	step("bylaws", g.AdoptBylaws(on, "bylaws v1"))
	step("bank account", g.OpenBankAccount(on, "Keshavarzi Bank", "0101-22"))
	mark("constituted")
	step("advance to sustainability", g.Advance(on))
	mark("sustaining")
	_, err = g.HoldMeeting(biSH(1397, 7, 1), meeting(save))
	step("meeting of 1 Mehr", err)
	mark("saving")
	m := meeting(save)
	m.Loans = []group.LoanRequest{{Member: biMID(4), Amount: shg.Rials(3_000_000), Installments: 3}}
	_, err = g.HoldMeeting(biSH(1397, 8, 1), m)
	step("meeting of 1 Aban", err)
	mark("lent")
	for month := 9; month <= 11; month++ {
		on := biSH(1397, month, 1)
		m := meeting(save)
		if l, ok := g.Loan("L0001"); ok && l.Account.Status() == loan.Active {
			if due := l.Account.Due(on); due.IsPositive() {
				m.Repayments = []group.Repayment{{Loan: "L0001", Amount: due}}
			}
		}
		_, err = g.HoldMeeting(on, m)
		step(fmt.Sprintf("meeting of month %d", month), err)
	}
	if l, ok := g.Loan("L0001"); !ok || l.Account.Status() != loan.Closed {
		step("L0001", errors.New("not repaid by 1 Bahman"))
	}
	mark("ready")
	_, err = g.HoldMeeting(biSH(1397, 12, 1), meeting(save))
	step("meeting of 1 Esfand", err)
	mark("mature")
	_, err = g.ApplyForTranche(biSH(1397, 12, 1), 1, []policy.MemberRequest{
		{Member: biMID(1), Amount: shg.Toman(2_500_000)}, {Member: biMID(2), Amount: shg.Toman(2_000_000)}})
	step("tranche 1", err)
	mark("linked")
	s.events = g.Events()
	return s
}

// biKermanshah returns a fresh Kermanshah group replayed to checkpoint cp.
func biKermanshah(cp string) func(testing.TB) *group.Group {
	return biVariant(cp, nil)
}

// biVariant is biKermanshah under a policy edited by edit (same name, so the
// log replays).
func biVariant(cp string, edit func(*policy.Policy)) func(testing.TB) *group.Group {
	return func(tb testing.TB) *group.Group {
		tb.Helper()
		s := kermanshahStory(tb)
		n, ok := s.at[cp]
		require.True(tb, ok, "no checkpoint %q", cp)
		p := policy.KermanshahBehzisti()
		if edit != nil {
			edit(&p)
		}
		g, err := group.Replay(p, s.events[:n])
		require.NoError(tb, err)
		return g
	}
}

// biThen extends a fixture with commands that must succeed.
func biThen(build func(testing.TB) *group.Group, cmd func(*group.Group) error) func(testing.TB) *group.Group {
	return func(tb testing.TB) *group.Group {
		tb.Helper()
		g := build(tb)
		require.NoError(tb, cmd(g))
		return g
	}
}

// biExited: m15 left on 2 Mehr, after the first meeting.
var biExited = biThen(biKermanshah("saving"), func(g *group.Group) error { return g.Exit(biSH(1397, 7, 2), biMID(15), "moved away") })

// biDissolved: the group dissolved on 2 Mehr.
var biDissolved = biThen(biKermanshah("saving"), func(g *group.Group) error { return g.Dissolve(biSH(1397, 7, 2), "members moved away") })

// drained: on 2 Mehr m05–m11 borrow 2,000,000 each (their cap: 2× the
// 1,000,000 saved) out of the 15,000,000 in the box, and m12 leaves with
// her 1,000,000: the box is empty.
func drained(tb testing.TB) *group.Group {
	tb.Helper()
	g := biKermanshah("saving")(tb)
	for i := 5; i <= 11; i++ {
		_, err := g.RequestLoan(biSH(1397, 7, 2), group.LoanRequest{Member: biMID(i), Amount: shg.Rials(2_000_000), Installments: 2})
		require.NoError(tb, err)
	}
	require.NoError(tb, g.Exit(biSH(1397, 7, 2), biMID(12), "moved away"))
	require.True(tb, g.Fund().Cash().Total.IsZero())
	return g
}

// biFull: 25 members admitted during preparation, the policy's maximum.
func biFull(tb testing.TB) *group.Group {
	tb.Helper()
	g := biKermanshah("prepared")(tb)
	for i := 1; i <= 25; i++ {
		require.NoError(tb, g.Admit(biSH(1397, 6, 20), biWoman(i)))
	}
	return g
}

// fullMeeting is a meeting of g where every active member attends and
// deposits amount.
func fullMeeting(g *group.Group, amount shg.Money) group.Meeting { return g.FullMeeting(amount) }

// meetingWith holds a full meeting on date on (100,000 toman each) edited
// by edit.
func meetingWith(on shg.Date, edit func(*group.Meeting)) func(*group.Group) error {
	return func(g *group.Group) error {
		m := fullMeeting(g, shg.Toman(100_000))
		edit(&m)
		ids, err := g.HoldMeeting(on, m)
		if err != nil && ids != nil {
			return fmt.Errorf("refused meeting returned loan ids %v", ids)
		}
		return err
	}
}

func biTranche(on shg.Date, n int, reqs ...policy.MemberRequest) func(*group.Group) error {
	return func(g *group.Group) error {
		ids, err := g.ApplyForTranche(on, n, reqs)
		if err != nil && ids != nil {
			return fmt.Errorf("refused tranche returned loan ids %v", ids)
		}
		return err
	}
}

func biReq(i int, amount shg.Money) policy.MemberRequest {
	return policy.MemberRequest{Member: biMID(i), Amount: amount}
}

// eventsJSON is the story's log up to cp, encoded.
func eventsJSON(tb testing.TB, cp string) string {
	tb.Helper()
	s := kermanshahStory(tb)
	b, err := group.MarshalEvents(s.events[:s.at[cp]])
	require.NoError(tb, err)
	return string(b)
}

// replayJSON decodes the story's log up to cp, edits its JSON and replays it.
func replayJSON(cp string, edit func(string) string) func(testing.TB) biTrial {
	return func(tb testing.TB) biTrial {
		in := eventsJSON(tb, cp)
		out := edit(in)
		require.NotEqual(tb, in, out, "edit did not apply")
		return biTrial{state: func() string { return "" }, call: func() error {
			evs, err := group.UnmarshalEvents([]byte(out))
			if err != nil {
				return err
			}
			g, err := group.Replay(policy.KermanshahBehzisti(), evs)
			if err != nil && g != nil {
				return errors.New("refused replay returned a group")
			}
			return err
		}}
	}
}

// ---------------------------------------------------------------- the catalogue

func biCatalogue() []biRow {
	var rows []biRow
	add := func(pkg string, rs ...biRow) {
		for _, r := range rs {
			r.name = pkg + "/" + r.name
			rows = append(rows, r)
		}
	}

	// shg: parsers, constructors, arithmetic, allocation, decoders, IDs.
	parseMoney := func(s string) func() error {
		return func() error { _, err := shg.ParseMoney(s); return err }
	}
	parseDate := func(cal shg.Calendar, s string) func() error {
		return func() error { _, err := shg.ParseDate(cal, s); return err }
	}
	newDate := func(cal shg.Calendar, y, m, d int) func() error {
		return func() error { _, err := shg.NewDate(cal, y, m, d); return err }
	}
	allocate := func(m shg.Money, ws ...string) func() error {
		return func() error {
			w := make([]decimal.Decimal, len(ws))
			for i, s := range ws {
				w[i] = biDec(s)
			}
			parts, err := m.Allocate(w...)
			if err != nil && parts != nil {
				return fmt.Errorf("refused allocation returned parts %v", parts)
			}
			return err
		}
	}
	validID := func(s string) func() error { return func() error { return shg.ValidateID(shg.MemberID(s)) } }
	add("shg",
		biRow{name: "ParseMoney/empty", want: biWant{is: shg.ErrInvalidMoney}, try: biStateless(parseMoney(""))},
		biRow{name: "ParseMoney/no_currency", want: biWant{is: shg.ErrInvalidMoney}, try: biStateless(parseMoney("2500000"))},
		biRow{name: "ParseMoney/grouping", want: biWant{is: shg.ErrInvalidMoney}, try: biStateless(parseMoney("2,500,000 IRR"))},
		biRow{name: "ParseMoney/exponent", want: biWant{is: shg.ErrInvalidMoney}, try: biStateless(parseMoney("1e9 IRR"))},
		biRow{name: "ParseMoney/two_dots", want: biWant{is: shg.ErrInvalidMoney}, try: biStateless(parseMoney("1.2.3 IRR"))},
		biRow{name: "ParseMoney/bare_dot", want: biWant{is: shg.ErrInvalidMoney}, try: biStateless(parseMoney("5. INR"))},
		biRow{name: "ParseMoney/65_digits", want: biWant{is: shg.ErrInvalidMoney}, try: biStateless(parseMoney(strings.Repeat("9", 65) + " IRR"))},
		biRow{name: "ParseMoney/three_fields", want: biWant{is: shg.ErrInvalidMoney}, try: biStateless(parseMoney("100 IRR extra"))},
		biRow{name: "ParseMoney/unknown_currency", want: biWant{is: shg.ErrUnknownCurrency}, try: biStateless(parseMoney("100 XXX"))},
		biRow{name: "ParseMoney/lowercase_currency", want: biWant{is: shg.ErrUnknownCurrency}, try: biStateless(parseMoney("100 irr"))},
		biRow{name: "NewMoney/empty_currency", want: biWant{is: shg.ErrUnknownCurrency}, try: biStateless(func() error {
			_, err := shg.NewMoney(biDec("1"), "")
			return err
		})},
		biRow{name: "FromMinor/unknown_currency", want: biWant{is: shg.ErrUnknownCurrency}, try: biStateless(func() error {
			_, err := shg.FromMinor(150, "RIAL")
			return err
		})},
		biRow{name: "ParseDate/feb29_common_year", want: biWant{is: shg.ErrInvalidDate}, try: biStateless(parseDate(shg.Gregorian, "2023-02-29"))},
		biRow{name: "ParseDate/esfand30_common_year", want: biWant{is: shg.ErrInvalidDate}, // 1402 is not leap: Esfand 1402 has 29 days
			try: biStateless(parseDate(shg.SolarHijri, "1402-12-30"))},
		biRow{name: "ParseDate/month13", want: biWant{is: shg.ErrInvalidDate}, try: biStateless(parseDate(shg.Gregorian, "2023-13-01"))},
		biRow{name: "ParseDate/timestamp", want: biWant{is: shg.ErrInvalidDate}, try: biStateless(parseDate(shg.Gregorian, "2023-01-01T00:00:00Z"))},
		biRow{name: "ParseDate/two_parts", want: biWant{is: shg.ErrInvalidDate}, try: biStateless(parseDate(shg.SolarHijri, "1397-06"))},
		biRow{name: "ParseDate/sign", want: biWant{is: shg.ErrInvalidDate}, try: biStateless(parseDate(shg.Gregorian, "-2023-01-01"))},
		biRow{name: "ParseDate/unknown_calendar", want: biWant{is: shg.ErrInvalidCalendar}, try: biStateless(parseDate(shg.Calendar(7), "2023-01-01"))},
		biRow{name: "NewDate/mehr31", want: biWant{is: shg.ErrInvalidDate}, // months 7–11 have 30 days
			try: biStateless(newDate(shg.SolarHijri, 1397, 7, 31))},
		biRow{name: "NewDate/day0", want: biWant{is: shg.ErrInvalidDate}, try: biStateless(newDate(shg.Gregorian, 2023, 1, 0))},
		biRow{name: "NewDate/out_of_range", want: biWant{is: shg.ErrInvalidDate}, try: biStateless(newDate(shg.Gregorian, 1_000_000, 1, 1))},
		biRow{name: "Money.Add/mixed_currencies", want: biWant{is: shg.ErrCurrencyMismatch, mismatch: true}, try: biStateless(func() error {
			_, err := shg.Rials(1).Add(biINR("1"))
			return err
		})},
		biRow{name: "Money.Sub/mixed_currencies", want: biWant{is: shg.ErrCurrencyMismatch, mismatch: true}, try: biStateless(func() error {
			_, err := biINR("1").Sub(shg.Rials(1))
			return err
		})},
		biRow{name: "Money.Cmp/mixed_currencies", want: biWant{is: shg.ErrCurrencyMismatch, mismatch: true}, try: biStateless(func() error {
			_, err := biINR("1").Cmp(shg.Rials(1))
			return err
		})},
		biRow{name: "Sum/mixed_currencies", want: biWant{is: shg.ErrCurrencyMismatch, mismatch: true}, try: biStateless(func() error {
			_, err := shg.Sum(shg.Rials(1), shg.Rials(2), biINR("3"))
			return err
		})},
		biRow{name: "Allocate/no_weights", want: biWant{is: shg.ErrInvalidWeights}, try: biStateless(allocate(shg.Rials(100)))},
		biRow{name: "Allocate/negative_weight", want: biWant{is: shg.ErrInvalidWeights}, try: biStateless(allocate(shg.Rials(100), "1", "-1", "2"))},
		biRow{name: "Allocate/zero_weights", want: biWant{is: shg.ErrInvalidWeights}, try: biStateless(allocate(shg.Rials(100), "0", "0"))},
		biRow{name: "Allocate/fraction_of_unit", want: biWant{is: shg.ErrInvalidMoney}, try: biStateless(allocate(shg.MustParseMoney("100.5 IRR"), "1", "1"))},
		biRow{name: "AllocateTo/zero_unit", want: biWant{is: shg.ErrInvalidMoney}, try: biStateless(func() error {
			_, err := shg.Rials(100).AllocateTo(decimal.Zero, biDec("1"))
			return err
		})},
		biRow{name: "Split/zero_parts", want: biWant{is: shg.ErrInvalidWeights}, try: biStateless(func() error {
			_, err := shg.Rials(100).Split(0)
			return err
		})},
		biRow{name: "Money.UnmarshalJSON/exponent", want: biWant{is: shg.ErrInvalidMoney},
			try: decodeTrial(shg.Rials(5), `{"amount":"1e3","currency":"IRR"}`)},
		biRow{name: "Money.UnmarshalJSON/amount_without_currency", want: biWant{is: shg.ErrInvalidMoney},
			try: decodeTrial(shg.Rials(5), `{"amount":"5","currency":""}`)},
		biRow{name: "Money.UnmarshalJSON/unknown_currency", want: biWant{is: shg.ErrUnknownCurrency},
			try: decodeTrial(shg.Rials(5), `{"amount":"5","currency":"ZZZ"}`)},
		biRow{name: "Money.UnmarshalJSON/string_form", want: biWant{is: shg.ErrInvalidMoney},
			try: decodeTrial(shg.Rials(5), `"5 IRR"`)},
		biRow{name: "Money.UnmarshalJSON/number_amount", want: biWant{is: shg.ErrInvalidMoney},
			try: decodeTrial(shg.Rials(5), `{"amount":5,"currency":"IRR"}`)},
		biRow{name: "Date.UnmarshalJSON/feb30", want: biWant{is: shg.ErrInvalidDate},
			try: decodeTrial(biSH(1397, 6, 1), `"2018-02-30"`)},
		biRow{name: "Date.UnmarshalJSON/persian_order", want: biWant{is: shg.ErrInvalidDate},
			try: decodeTrial(biSH(1397, 6, 1), `"01/06/1397"`)},
		biRow{name: "Calendar.UnmarshalJSON/julian", want: biWant{is: shg.ErrInvalidCalendar},
			try: decodeTrial(shg.SolarHijri, `"julian"`)},
		biRow{name: "Rounding.UnmarshalJSON/unknown_mode", want: biWant{is: shg.ErrInvalidRounding},
			try: decodeTrial(shg.Rounding{Mode: shg.HalfEven}, `{"mode":"halfSideways"}`)},
		biRow{name: "Rounding.UnmarshalJSON/negative_unit", want: biWant{is: shg.ErrInvalidRounding},
			try: decodeTrial(shg.Rounding{Mode: shg.HalfEven}, `{"mode":"halfEven","unit":"-10"}`)},
		biRow{name: "ValidateID/empty", want: biWant{is: shg.ErrInvalidID}, try: biStateless(validID(""))},
		biRow{name: "ValidateID/space", want: biWant{is: shg.ErrInvalidID}, try: biStateless(validID("m 01"))},
		biRow{name: "ValidateID/65_bytes", want: biWant{is: shg.ErrInvalidID}, try: biStateless(validID(strings.Repeat("m", 65)))},
		biRow{name: "ValidateID/control_char", want: biWant{is: shg.ErrInvalidID}, try: biStateless(validID("m\x0001"))},
		biRow{name: "ValidateID/invalid_utf8", want: biWant{is: shg.ErrInvalidID}, try: biStateless(validID("m\xff"))},
	)

	// loan: terms, schedules and accounts.
	validate := func(edit func(*loan.Terms)) func() error { return func() error { return badTerms(edit).Validate() } }
	schedule := func(edit func(*loan.Terms)) func() error {
		return func() error {
			s, err := loan.NewSchedule(badTerms(edit))
			if err != nil && s.Len() != 0 {
				return fmt.Errorf("refused schedule has %d installments", s.Len())
			}
			return err
		}
	}
	open := func(id shg.LoanID, edit func(*loan.Terms), opts loan.Options) func() error {
		return func() error {
			a, err := loan.Open(id, badTerms(edit), opts)
			if err != nil && a.ID() != "" {
				return fmt.Errorf("refused Open returned account %q", a.ID())
			}
			return err
		}
	}
	keep := func(*loan.Terms) {}
	repay := func(on shg.Date, amount shg.Money) func(*loan.Account) error {
		return func(a *loan.Account) error { _, err := a.Repay(on, amount); return err }
	}
	add("loan",
		biRow{name: "InterestMethod.UnmarshalText/unknown", want: biWant{code: loan.CodeUnknownName},
			try: decodeTrial(loan.DecliningBalance, `"compound"`)},
		biRow{name: "PeriodUnit.UnmarshalText/unknown", want: biWant{code: loan.CodeUnknownName},
			try: decodeTrial(loan.Months(1), `{"n":1,"unit":"fortnight"}`)},
		biRow{name: "NewSchedule/zero_principal", want: biWant{code: loan.CodePrincipalNotPositive},
			try: biStateless(schedule(func(t *loan.Terms) { t.Principal = shg.Rials(0) }))},
		biRow{name: "NewSchedule/negative_principal", want: biWant{code: loan.CodePrincipalNotPositive},
			try: biStateless(schedule(func(t *loan.Terms) { t.Principal = shg.Rials(-1) }))},
		biRow{name: "NewSchedule/no_currency", want: biWant{code: loan.CodeCurrency, also: []string{loan.CodePrincipalNotPositive}, is: shg.ErrUnknownCurrency},
			try: biStateless(schedule(func(t *loan.Terms) { t.Principal = shg.Money{} }))},
		biRow{name: "NewSchedule/negative_rate", want: biWant{code: loan.CodeNegativeRate},
			try: biStateless(schedule(func(t *loan.Terms) { t.AnnualRate = biDec("-0.01") }))},
		biRow{name: "NewSchedule/zero_installments", want: biWant{code: loan.CodeInstallments},
			try: biStateless(schedule(func(t *loan.Terms) { t.Installments = 0 }))},
		biRow{name: "NewSchedule/grace_equals_installments", want: biWant{code: loan.CodeGrace},
			try: biStateless(schedule(func(t *loan.Terms) { t.PrincipalGrace = 12 }))},
		biRow{name: "Terms.Validate/rate_above_10000pct", want: biWant{code: loan.CodeRateOutOfRange},
			try: biStateless(validate(func(t *loan.Terms) { t.AnnualRate = biDec("100.01") }))},
		biRow{name: "Terms.Validate/rate_too_precise", want: biWant{code: loan.CodeRateOutOfRange},
			try: biStateless(validate(func(t *loan.Terms) { t.AnnualRate = biDec("0." + strings.Repeat("1", 31)) }))},
		biRow{name: "Terms.Validate/2001_installments", want: biWant{code: loan.CodeInstallments},
			try: biStateless(validate(func(t *loan.Terms) { t.Installments = loan.MaxInstallments + 1 }))},
		biRow{name: "Terms.Validate/negative_grace", want: biWant{code: loan.CodeGrace},
			try: biStateless(validate(func(t *loan.Terms) { t.PrincipalGrace = -1 }))},
		biRow{name: "Terms.Validate/grace_above_installments", want: biWant{code: loan.CodeGrace},
			try: biStateless(validate(func(t *loan.Terms) { t.PrincipalGrace = 13 }))},
		biRow{name: "Terms.Validate/zero_period", want: biWant{code: loan.CodePeriod},
			try: biStateless(validate(func(t *loan.Terms) { t.Every = loan.Months(0) }))},
		biRow{name: "Terms.Validate/period_unit", want: biWant{code: loan.CodePeriod},
			try: biStateless(validate(func(t *loan.Terms) { t.Every = loan.Period{N: 1, Unit: 9} }))},
		biRow{name: "Terms.Validate/interest_method", want: biWant{code: loan.CodeInterestMethod},
			try: biStateless(validate(func(t *loan.Terms) { t.Interest = 9 }))},
		biRow{name: "Terms.Validate/amortization", want: biWant{code: loan.CodeAmortization},
			try: biStateless(validate(func(t *loan.Terms) { t.Amortization = 9 }))},
		biRow{name: "Terms.Validate/charge", want: biWant{code: loan.CodeCharge},
			try: biStateless(validate(func(t *loan.Terms) { t.Charge = 9 }))},
		biRow{name: "Terms.Validate/calendar", want: biWant{code: loan.CodeCalendar},
			try: biStateless(validate(func(t *loan.Terms) { t.Calendar = 9 }))},
		biRow{name: "Terms.Validate/no_start", want: biWant{code: loan.CodeStart},
			try: biStateless(validate(func(t *loan.Terms) { t.Start = shg.Date{} }))},
		biRow{name: "Terms.Validate/fractional_principal", want: biWant{code: loan.CodePrincipalUnit},
			try: biStateless(validate(func(t *loan.Terms) { t.Principal = shg.MustParseMoney("12000000.5 IRR") }))},
		biRow{name: "Terms.Validate/principal_off_rounding_unit", want: biWant{code: loan.CodePrincipalUnit},
			try: biStateless(validate(func(t *loan.Terms) {
				t.Rounding = shg.Rounding{Unit: biDec("1000")}
				t.Principal = shg.Rials(12_000_500)
			}))},
		biRow{name: "Terms.Validate/fractional_rounding_unit", want: biWant{code: loan.CodeRounding},
			try: biStateless(validate(func(t *loan.Terms) { t.Rounding = shg.Rounding{Unit: biDec("0.5")} }))},
		biRow{name: "Terms.Validate/rounding_mode", want: biWant{code: loan.CodeRounding},
			try: biStateless(validate(func(t *loan.Terms) { t.Rounding = shg.Rounding{Mode: 99} }))},
		biRow{name: "Terms.Validate/negative_multiple", want: biWant{code: loan.CodeInstallmentMultiple},
			try: biStateless(validate(func(t *loan.Terms) { t.InstallmentMultiple = biDec("-1000") }))},
		biRow{name: "Terms.Validate/every_problem_at_once", want: biWant{code: loan.CodePrincipalNotPositive,
			also: []string{loan.CodeNegativeRate, loan.CodeInstallments, loan.CodePeriod, loan.CodeStart}},
			try: biStateless(validate(func(t *loan.Terms) {
				t.Principal, t.AnnualRate, t.Installments, t.Every, t.Start = shg.Rials(-5), biDec("-1"), 0, loan.Period{}, shg.Date{}
			}))},
		biRow{name: "Open/empty_id", want: biWant{code: loan.CodeID, is: shg.ErrInvalidID}, try: biStateless(open("", keep, loan.Options{}))},
		biRow{name: "Open/limit_in_other_currency", want: biWant{code: loan.CodeLimit},
			try: biStateless(open("L1", keep, loan.Options{Limit: biINR("1000")}))},
		biRow{name: "Open/penalty_in_other_currency", want: biWant{code: loan.CodePenalty},
			try: biStateless(open("L1", keep, loan.Options{Penalty: loan.PenaltyRule{Flat: biINR("10")}}))},
		biRow{name: "Open/negative_penalty_grace", want: biWant{code: loan.CodePenalty},
			try: biStateless(open("L1", keep, loan.Options{Penalty: loan.PenaltyRule{GraceDays: -1}}))},
		biRow{name: "Open/above_limit", want: biWant{code: loan.CodeLimitExceeded},
			try: biStateless(open("L1", keep, loan.Options{Limit: shg.Rials(10_000_000)}))},
		biRow{name: "Open/allocation_order_repeats", want: biWant{code: loan.CodeAllocationOrder},
			try: biStateless(open("L1", keep, loan.Options{Order: loan.AllocationOrder{loan.PrincipalComponent, loan.PrincipalComponent, loan.FeeComponent, loan.InterestComponent}}))},
		// On 1 Aban the payoff is the principal and at most two months' fee
		// (installment 1 is due, installment 2's period has begun):
		// 12,000,000 + 2 × 12,000,000 × 0.04 / 12 = 12,080,000 at most.
		biRow{name: "Account.Repay/overpayment", want: biWant{code: loan.CodeOverpayment},
			try: loanTrial(openLoan, repay(biSH(1397, 8, 1), shg.Rials(12_100_000)))},
		biRow{name: "Account.Repay/currencyless_zero", want: biWant{code: loan.CodeCurrency, also: []string{loan.CodeAmountNotPositive}},
			try: loanTrial(openLoan, repay(biSH(1397, 8, 1), shg.Money{}))},
		biRow{name: "Account.Disburse/wrong_currency", want: biWant{code: loan.CodeCurrency, is: shg.ErrCurrencyMismatch},
			try: loanTrial(openLoan, func(a *loan.Account) error { return a.Disburse(biSH(1397, 7, 15), biINR("100")) })},
		biRow{name: "Account.Disburse/zero", want: biWant{code: loan.CodeAmountNotPositive},
			try: loanTrial(openLoan, func(a *loan.Account) error { return a.Disburse(biSH(1397, 7, 15), shg.Rials(0)) })},
		biRow{name: "Account.Disburse/off_rounding_unit", want: biWant{code: loan.CodeAmountUnit},
			try: loanTrial(func(tb testing.TB) loan.Account {
				a, err := loan.Open("L1", badTerms(func(t *loan.Terms) { t.Rounding = shg.Rounding{Unit: biDec("1000")} }), loan.Options{})
				require.NoError(tb, err)
				return a
			}, func(a *loan.Account) error { return a.Disburse(biSH(1397, 7, 15), shg.Rials(1_500)) })},
		biRow{name: "Account.Repay/overpayment_after_partial", want: biWant{code: loan.CodeOverpayment},
			try: loanTrial(paidLoan, repay(biSH(1397, 8, 2), shg.Rials(12_000_000)))},
		biRow{name: "Account.Repay/closed", want: biWant{code: loan.CodeClosed},
			try: loanTrial(closedLoan, repay(biSH(1397, 9, 1), shg.Rials(1000)))},
		biRow{name: "Account.Repay/written_off", want: biWant{code: loan.CodeWrittenOff},
			try: loanTrial(writtenOffLoan, repay(biSH(1398, 2, 1), shg.Rials(1000)))},
		biRow{name: "Account.Repay/wrong_currency", want: biWant{code: loan.CodeCurrency, is: shg.ErrCurrencyMismatch},
			try: loanTrial(openLoan, repay(biSH(1397, 8, 1), biINR("100")))},
		biRow{name: "Account.Repay/before_disbursement", want: biWant{code: loan.CodeDateBeforeDisbursement},
			try: loanTrial(openLoan, repay(biSH(1397, 6, 31), shg.Rials(1000)))},
		biRow{name: "Account.Repay/before_last_transaction", want: biWant{code: loan.CodeDateBeforeLastTransaction},
			try: loanTrial(paidLoan, repay(biSH(1397, 7, 15), shg.Rials(1000)))},
		biRow{name: "Account.Repay/zero", want: biWant{code: loan.CodeAmountNotPositive},
			try: loanTrial(openLoan, repay(biSH(1397, 8, 1), shg.Rials(0)))},
		biRow{name: "Account.Repay/negative", want: biWant{code: loan.CodeAmountNotPositive},
			try: loanTrial(openLoan, repay(biSH(1397, 8, 1), shg.Rials(-1000)))},
		biRow{name: "Account.Repay/fraction_of_rial", want: biWant{code: loan.CodeAmountUnit},
			try: loanTrial(openLoan, repay(biSH(1397, 8, 1), shg.MustParseMoney("1000.5 IRR")))},
		biRow{name: "Account.Repay/zero_account", want: biWant{code: loan.CodeNotOpen},
			try: loanTrial(func(testing.TB) loan.Account { return loan.Account{} }, repay(biSH(1397, 8, 1), shg.Rials(1000)))},
		biRow{name: "Account.Disburse/after_last_due_date", want: biWant{code: loan.CodeNoRemainingInstallments},
			try: loanTrial(openLoan, func(a *loan.Account) error { return a.Disburse(biSH(1398, 7, 2), shg.Rials(1000)) })},
		biRow{name: "Account.Disburse/above_limit", want: biWant{code: loan.CodeLimitExceeded},
			try: loanTrial(func(tb testing.TB) loan.Account {
				a, err := loan.Open("L1", loanTerms(), loan.Options{Limit: shg.Rials(15_000_000)})
				require.NoError(tb, err)
				return a
			}, func(a *loan.Account) error { return a.Disburse(biSH(1397, 7, 15), shg.Rials(3_000_001)) })},
		biRow{name: "Account.Disburse/closed", want: biWant{code: loan.CodeClosed},
			try: loanTrial(closedLoan, func(a *loan.Account) error { return a.Disburse(biSH(1397, 9, 1), shg.Rials(1000)) })},
		biRow{name: "Account.WriteOff/closed", want: biWant{code: loan.CodeClosed},
			try: loanTrial(closedLoan, func(a *loan.Account) error { _, err := a.WriteOff(biSH(1397, 9, 1)); return err })},
		biRow{name: "Account.WriteOff/written_off_twice", want: biWant{code: loan.CodeWrittenOff},
			try: loanTrial(writtenOffLoan, func(a *loan.Account) error { _, err := a.WriteOff(biSH(1398, 2, 1)); return err })},
		biRow{name: "Account.Payoff/before_last_transaction", want: biWant{code: loan.CodeDateBeforeLastTransaction},
			try: loanTrial(paidLoan, func(a *loan.Account) error { _, err := a.Payoff(biSH(1397, 7, 20)); return err })},
	)

	// savings: the fund's operations, the share-out, plans, snapshots.
	add("savings",
		biRow{name: "NewFund/unknown_currency", want: biWant{code: savings.CodeCurrency, is: shg.ErrUnknownCurrency},
			try: biStateless(func() error { _, err := savings.NewFund("TOMAN"); return err })},
		biRow{name: "Fund.Withdraw/more_than_savings", want: biWant{code: savings.CodeInsufficientSavings},
			try: fundTrial(bookedFund, func(f *savings.Fund) error {
				return f.Withdraw(biAt(1), biMID(2), shg.Rials(500_001), savings.WithdrawVoluntary, "school fees")
			})},
		biRow{name: "Fund.Withdraw/no_reason", want: biWant{code: savings.CodeReasonRequired},
			try: fundTrial(bookedFund, func(f *savings.Fund) error {
				return f.Withdraw(biAt(1), biMID(2), shg.Rials(1), savings.WithdrawVoluntary, "  ")
			})},
		biRow{name: "Fund.Withdraw/no_purpose", want: biWant{code: savings.CodeWithdrawalPurpose},
			try: fundTrial(bookedFund, func(f *savings.Fund) error {
				return f.Withdraw(biAt(1), biMID(2), shg.Rials(1), savings.NoPurpose, "school fees")
			})},
		biRow{name: "Fund.DisburseLoan/more_than_cash", want: biWant{code: savings.CodeInsufficientCash},
			try: fundTrial(bookedFund, func(f *savings.Fund) error { return f.DisburseLoan(biAt(1), biMID(2), shg.Rials(1_210_001)) })},
		biRow{name: "Fund.DisburseLoan/from_empty_bank", want: biWant{code: savings.CodeInsufficientCash},
			try: fundTrial(bookedFund, func(f *savings.Fund) error {
				e := biAt(1)
				e.Via = savings.CashBank
				return f.DisburseLoan(e, biMID(2), shg.Rials(1))
			})},
		biRow{name: "Fund.Deposit/wrong_currency", want: biWant{code: savings.CodeCurrency, is: shg.ErrCurrencyMismatch},
			try: fundTrial(bookedFund, func(f *savings.Fund) error { return f.Deposit(biAt(1), biMID(1), biINR("100"), 0) })},
		biRow{name: "Fund.Deposit/zero", want: biWant{code: savings.CodeAmountNotPositive},
			try: fundTrial(bookedFund, func(f *savings.Fund) error { return f.Deposit(biAt(1), biMID(1), shg.Rials(0), 0) })},
		biRow{name: "Fund.Deposit/negative", want: biWant{code: savings.CodeAmountNotPositive},
			try: fundTrial(bookedFund, func(f *savings.Fund) error { return f.Deposit(biAt(1), biMID(1), shg.Rials(-100), 0) })},
		biRow{name: "Fund.Deposit/fraction_of_rial", want: biWant{code: savings.CodeAmountUnit},
			try: fundTrial(bookedFund, func(f *savings.Fund) error {
				return f.Deposit(biAt(1), biMID(1), shg.MustParseMoney("100.5 IRR"), 0)
			})},
		biRow{name: "Fund.Deposit/negative_shares", want: biWant{code: savings.CodeSharesNegative},
			try: fundTrial(bookedFund, func(f *savings.Fund) error { return f.Deposit(biAt(1), biMID(1), shg.Rials(100), -1) })},
		biRow{name: "Fund.Deposit/empty_member", want: biWant{code: savings.CodeMemberID, is: shg.ErrInvalidID},
			try: fundTrial(bookedFund, func(f *savings.Fund) error { return f.Deposit(biAt(1), "", shg.Rials(100), 0) })},
		biRow{name: "Fund.Deposit/backdated", want: biWant{code: savings.CodeDateOrder},
			try: fundTrial(bookedFund, func(f *savings.Fund) error { return f.Deposit(biAt(-1), biMID(1), shg.Rials(100), 0) })},
		biRow{name: "Fund.Deposit/undated", want: biWant{code: savings.CodeDate},
			try: fundTrial(bookedFund, func(f *savings.Fund) error {
				return f.Deposit(savings.Entry{Ref: "no date"}, biMID(1), shg.Rials(100), 0)
			})},
		biRow{name: "Fund.Deposit/into_social_fund_account", want: biWant{code: savings.CodeCashAccount},
			try: fundTrial(bookedFund, func(f *savings.Fund) error {
				e := biAt(1)
				e.Via = savings.SocialFund
				return f.Deposit(e, biMID(1), shg.Rials(100), 0)
			})},
		biRow{name: "Fund.Deposit/zero_fund", want: biWant{code: savings.CodeCurrency},
			try: fundTrial(func(testing.TB) savings.Fund { return savings.Fund{} }, func(f *savings.Fund) error {
				return f.Deposit(biAt(1), biMID(1), shg.Rials(100), 0)
			})},
		biRow{name: "Fund.SocialPayout/more_than_social_fund", want: biWant{code: savings.CodeInsufficientSocialFund},
			try: fundTrial(bookedFund, func(f *savings.Fund) error { return f.SocialPayout(biAt(1), biMID(1), shg.Rials(10_001), "funeral") })},
		biRow{name: "Fund.CollectLoan/more_than_receivable", want: biWant{code: savings.CodeExceedsReceivable},
			try: fundTrial(bookedFund, func(f *savings.Fund) error {
				return f.CollectLoan(biAt(1), biMID(1), savings.Collection{Principal: shg.Rials(300_001)})
			})},
		biRow{name: "Fund.CollectLoan/nothing", want: biWant{code: savings.CodeAmountNotPositive},
			try: fundTrial(bookedFund, func(f *savings.Fund) error { return f.CollectLoan(biAt(1), biMID(1), savings.Collection{}) })},
		biRow{name: "Fund.CollectLoan/negative_part", want: biWant{code: savings.CodeAmountNegative},
			try: fundTrial(bookedFund, func(f *savings.Fund) error {
				return f.CollectLoan(biAt(1), biMID(1), savings.Collection{Principal: shg.Rials(1000), Interest: shg.Rials(-1)})
			})},
		biRow{name: "Fund.WriteOffLoan/more_than_receivable", want: biWant{code: savings.CodeExceedsReceivable},
			try: fundTrial(bookedFund, func(f *savings.Fund) error { return f.WriteOffLoan(biAt(1), biMID(2), shg.Rials(1)) })},
		biRow{name: "Fund.TransferToBank/more_than_box", want: biWant{code: savings.CodeInsufficientCash},
			try: fundTrial(bookedFund, func(f *savings.Fund) error { return f.TransferToBank(biAt(1), shg.Rials(1_210_001)) })},
		biRow{name: "Fund.BankLoanRepaid/no_bank_loan", want: biWant{code: savings.CodeExceedsBankLoan},
			try: fundTrial(bookedFund, func(f *savings.Fund) error { return f.BankLoanRepaid(biAt(1), shg.Rials(1), shg.Rials(0)) })},
		biRow{name: "Fund.BankLoanRepaid/more_than_cash", want: biWant{code: savings.CodeInsufficientCash},
			try: fundTrial(bankFund, func(f *savings.Fund) error {
				// Cash 3,000,000; the principal (2,000,000) and 1,000,001 interest exceed it.
				return f.BankLoanRepaid(biAt(1), shg.Rials(2_000_000), shg.Rials(1_000_001))
			})},
		biRow{name: "Fund.ExitSettlement/backdated", want: biWant{code: savings.CodeDateOrder},
			try: fundTrial(bookedFund, func(f *savings.Fund) error { _, err := f.ExitSettlement(biAt(-3), biMID(2)); return err })},
		biRow{name: "Fund.ShareOut/loans_outstanding", want: biWant{code: savings.CodeLoansOutstanding},
			try: fundTrial(bookedFund, func(f *savings.Fund) error { _, err := f.ShareOut(biAt(30), savings.ShareOutOptions{}); return err })},
		biRow{name: "Fund.ShareOut/bank_loan_outstanding", want: biWant{code: savings.CodeBankLoanOutstanding},
			try: fundTrial(bankFund, func(f *savings.Fund) error { _, err := f.ShareOut(biAt(30), savings.ShareOutOptions{}); return err })},
		biRow{name: "Fund.ShareOut/unknown_basis", want: biWant{code: savings.CodeShareOutBasis},
			try: fundTrial(sharesFund, func(f *savings.Fund) error {
				_, err := f.ShareOut(biAt(30), savings.ShareOutOptions{Basis: 9})
				return err
			})},
		biRow{name: "Fund.ShareOut/saver_without_shares", want: biWant{code: savings.CodeNoShares},
			try: fundTrial(sharesFund, func(f *savings.Fund) error {
				_, err := f.ShareOut(biAt(30), savings.ShareOutOptions{Basis: savings.ByShares})
				return err
			})},
		biRow{name: "Fund.ShareOut/backdated", want: biWant{code: savings.CodeDateOrder},
			try: fundTrial(sharesFund, func(f *savings.Fund) error { _, err := f.ShareOut(biAt(-1), savings.ShareOutOptions{}); return err })},
		biRow{name: "Fund.ShareOut/cash_in_box_not_bank", want: biWant{code: savings.CodeInsufficientCash},
			try: fundTrial(sharesFund, func(f *savings.Fund) error {
				e := biAt(30)
				e.Via = savings.CashBank
				_, err := f.ShareOut(e, savings.ShareOutOptions{})
				return err
			})},
		biRow{name: "Fund.PlanShareOut/loans_outstanding", want: biWant{code: savings.CodeLoansOutstanding},
			try: fundTrial(bookedFund, func(f *savings.Fund) error { _, err := f.PlanShareOut(biAt(30), savings.ShareOutOptions{}); return err })},
		biRow{name: "Fund.UnmarshalJSON/garbage", want: biWant{is: savings.ErrInvalidSnapshot},
			try: func(tb testing.TB) biTrial {
				return decodeTrial(bookedFund(tb), `{"currency":"IRR","postings":[{"seq":7}]}`)(tb)
			}},
		biRow{name: "Fund.UnmarshalJSON/tampered_balance", want: biWant{is: savings.ErrInvalidSnapshot},
			try: func(tb testing.TB) biTrial {
				f := bookedFund(tb)
				in := biJSON(tb, f)
				// Inflate m01's savings in the balances, not in the postings.
				out := strings.Replace(in, `"savings":"1000000"`, `"savings":"9000000"`, 1)
				require.NotEqual(tb, in, out, "snapshot format changed")
				return decodeTrial(f, out)(tb)
			}},
		biRow{name: "Plan.Check/above_fixed_amount", want: biWant{code: savings.CodeAboveFixedAmount},
			try: biStateless(planCheck(fixedPlan, shg.Rials(1_000_001), 0))},
		biRow{name: "Plan.Check/wrong_currency", want: biWant{code: savings.CodeCurrency, is: shg.ErrCurrencyMismatch},
			try: biStateless(planCheck(fixedPlan, biINR("10"), 0))},
		biRow{name: "Plan.Check/negative", want: biWant{code: savings.CodeAmountNegative},
			try: biStateless(planCheck(fixedPlan, shg.Rials(-1), 0))},
		biRow{name: "Plan.Check/fraction_of_rial", want: biWant{code: savings.CodeAmountUnit},
			try: biStateless(planCheck(fixedPlan, shg.MustParseMoney("0.5 IRR"), 0))},
		biRow{name: "Plan.Check/shares_on_fixed_plan", want: biWant{code: savings.CodeSharesNegative},
			try: biStateless(planCheck(fixedPlan, shg.Rials(1_000_000), 1))},
		biRow{name: "Plan.Check/not_whole_shares", want: biWant{code: savings.CodeShareMultiple},
			try: biStateless(planCheck(sharesPlan, shg.Rials(150_000), 0))},
		biRow{name: "Plan.Check/shares_disagree_with_amount", want: biWant{code: savings.CodeShareMultiple},
			try: biStateless(planCheck(sharesPlan, shg.Rials(200_000), 3))},
		biRow{name: "Plan.Check/six_shares", want: biWant{code: savings.CodeAboveMaxShares},
			try: biStateless(planCheck(sharesPlan, shg.Rials(600_000), 0))},
		biRow{name: "Plan.Check/negative_shares", want: biWant{code: savings.CodeSharesNegative},
			try: biStateless(planCheck(sharesPlan, shg.Rials(100_000), -1))},
		biRow{name: "Plan.Check/invalid_plan", want: biWant{code: savings.CodePlanAmount},
			try: biStateless(planCheck(savings.Plan{Kind: savings.EqualFixed, Amount: shg.Rials(0)}, shg.Rials(0), 0))},
		biRow{name: "Plan.Validate/kind", want: biWant{code: savings.CodePlanKind},
			try: biStateless(func() error { return savings.Plan{Kind: 9, Amount: shg.Rials(1)}.Validate() })},
		biRow{name: "Plan.Validate/no_currency", want: biWant{code: savings.CodePlanCurrency},
			try: biStateless(func() error { return savings.Plan{Kind: savings.Flexible}.Validate() })},
		biRow{name: "Plan.Validate/share_bounds", want: biWant{code: savings.CodePlanShares},
			try: biStateless(func() error {
				return savings.Plan{Kind: savings.Shares, Amount: shg.Rials(100), MinShares: 5, MaxShares: 1}.Validate()
			})},
		biRow{name: "Plan.UnmarshalJSON/unknown_kind", want: biWant{code: savings.CodeUnknownName},
			try: decodeTrial(fixedPlan, `{"kind":"lottery","amount":{"amount":"1","currency":"IRR"}}`)},
	)

	// member: profiles, national IDs, JSON, changes.
	add("member",
		biRow{name: "New/empty_name", want: biWant{code: member.CodeName}, try: biStateless(newMember(func(p *member.Profile) { p.Name = " \t " }))},
		biRow{name: "New/control_char_in_name", want: biWant{code: member.CodeName}, try: biStateless(newMember(func(p *member.Profile) { p.Name = "Maryam\x07" }))},
		biRow{name: "New/bad_id", want: biWant{code: member.CodeID, is: shg.ErrInvalidID}, try: biStateless(newMember(func(p *member.Profile) { p.ID = "m 1" }))},
		biRow{name: "New/no_birth_date", want: biWant{code: member.CodeBirthDate}, try: biStateless(newMember(func(p *member.Profile) { p.BirthDate = shg.Date{} }))},
		biRow{name: "New/joined_before_birth", want: biWant{code: member.CodeJoined}, try: biStateless(newMember(func(p *member.Profile) { p.Joined = biSH(1369, 1, 1) }))},
		biRow{name: "New/village_too_long", want: biWant{code: member.CodeVillage},
			try: biStateless(newMember(func(p *member.Profile) { p.Village = strings.Repeat("د", member.MaxTextRunes+1) }))},
		biRow{name: "New/status", want: biWant{code: member.CodeStatus}, try: biStateless(newMember(func(p *member.Profile) { p.Status = 9 }))},
		biRow{name: "New/role", want: biWant{code: member.CodeRole}, try: biStateless(newMember(func(p *member.Profile) { p.Role = 9 }))},
		biRow{name: "New/gender", want: biWant{code: member.CodeGender}, try: biStateless(newMember(func(p *member.Profile) { p.Gender = 9 }))},
		biRow{name: "New/livelihood", want: biWant{code: member.CodeLivelihood}, try: biStateless(newMember(func(p *member.Profile) { p.Livelihood = 200 }))},
		biRow{name: "New/active_with_exit_date", want: biWant{code: member.CodeExitDate}, try: biStateless(newMember(func(p *member.Profile) { p.Exited = biSH(1398, 1, 1) }))},
		biRow{name: "New/exited_officer", want: biWant{code: member.CodeOfficeHolder}, try: biStateless(newMember(func(p *member.Profile) {
			p.Status, p.Exited, p.Role = member.Exited, biSH(1398, 1, 1), member.Chair
		}))},
		biRow{name: "New/national_id_check_digit", want: biWant{code: member.CodeNationalID}, // 012345678 has check digit 9
			try: biStateless(newMember(func(p *member.Profile) { p.NationalID = "0123456788" }))},
		biRow{name: "New/incomes_mixed_currencies", want: biWant{code: member.CodeIncomeCurrency, is: shg.ErrCurrencyMismatch},
			try: biStateless(newMember(func(p *member.Profile) {
				p.Incomes = []member.IncomeObservation{{On: biSH(1397, 7, 1), Monthly: shg.Rials(0)}, {On: biSH(1398, 7, 1), Monthly: biINR("100")}}
			}))},
		biRow{name: "ValidateNationalID/nine_digits", want: biWant{code: member.CodeNationalID},
			try: biStateless(func() error { return member.ValidateNationalID("012345678") })},
		biRow{name: "ValidateNationalID/repeated_digit", want: biWant{code: member.CodeNationalID}, // passes the checksum
			try: biStateless(func() error { return member.ValidateNationalID("1111111111") })},
		biRow{name: "ValidateNationalID/dashes", want: biWant{code: member.CodeNationalID},
			try: biStateless(func() error { return member.ValidateNationalID("012-345678-9") })},
		biRow{name: "Member.UnmarshalJSON/unknown_field", want: biWant{contains: "unknown field"},
			try: func(tb testing.TB) biTrial {
				return decodeTrial(validMember(tb), `{"id":"m02","name":"Zahra","birthDate":"1990-03-21","joined":"2018-09-01","status":"active","husband":"x"}`)(tb)
			}},
		biRow{name: "Member.UnmarshalJSON/unknown_gender", want: biWant{code: member.CodeGender},
			try: func(tb testing.TB) biTrial {
				return decodeTrial(validMember(tb), `{"id":"m02","name":"Zahra","birthDate":"1990-03-21","joined":"2018-09-01","gender":"robot"}`)(tb)
			}},
		biRow{name: "Member.UnmarshalJSON/bad_date", want: biWant{is: shg.ErrInvalidDate},
			try: func(tb testing.TB) biTrial {
				return decodeTrial(validMember(tb), `{"id":"m02","name":"Zahra","birthDate":"1990-02-30","joined":"2018-09-01"}`)(tb)
			}},
		biRow{name: "Member.UnmarshalJSON/empty_name", want: biWant{code: member.CodeName},
			try: func(tb testing.TB) biTrial {
				return decodeTrial(validMember(tb), `{"id":"m02","name":"","birthDate":"1990-03-21","joined":"2018-09-01"}`)(tb)
			}},
		biRow{name: "Member.AddIncome/other_currency", want: biWant{code: member.CodeIncomeCurrency, is: shg.ErrCurrencyMismatch},
			try: memberTrial(validMember, func(m member.Member) (member.Member, error) {
				return m.AddIncome(member.IncomeObservation{On: biSH(1398, 1, 1), Monthly: biINR("5000")})
			})},
		biRow{name: "Member.AddIncome/not_after_last", want: biWant{code: member.CodeIncomeOrder},
			try: memberTrial(validMember, func(m member.Member) (member.Member, error) {
				return m.AddIncome(member.IncomeObservation{On: biSH(1397, 6, 20), Monthly: shg.Toman(500_000)})
			})},
		biRow{name: "Member.AddIncome/negative", want: biWant{code: member.CodeIncomeAmount},
			try: memberTrial(validMember, func(m member.Member) (member.Member, error) {
				return m.AddIncome(member.IncomeObservation{On: biSH(1398, 1, 1), Monthly: shg.Rials(-1)})
			})},
		biRow{name: "Member.AddIncome/undated", want: biWant{code: member.CodeIncomeDate},
			try: memberTrial(validMember, func(m member.Member) (member.Member, error) {
				return m.AddIncome(member.IncomeObservation{Monthly: shg.Rials(1)})
			})},
		biRow{name: "Member.Exit/twice", want: biWant{code: member.CodeNotActive},
			try: memberTrial(exitedMember, func(m member.Member) (member.Member, error) { return m.Exit(biSH(1398, 2, 1)) })},
		biRow{name: "Member.Exit/before_joining", want: biWant{code: member.CodeExitDate},
			try: memberTrial(validMember, func(m member.Member) (member.Member, error) { return m.Exit(biSH(1397, 6, 19)) })},
		biRow{name: "Member.MarkDeceased/undated", want: biWant{code: member.CodeExitDate},
			try: memberTrial(validMember, func(m member.Member) (member.Member, error) { return m.MarkDeceased(shg.Date{}) })},
		biRow{name: "Member.WithRole/exited_chair", want: biWant{code: member.CodeOfficeHolder},
			try: memberTrial(exitedMember, func(m member.Member) (member.Member, error) { return m.WithRole(member.Chair) })},
		biRow{name: "Member.WithRole/undefined", want: biWant{code: member.CodeRole},
			try: memberTrial(validMember, func(m member.Member) (member.Member, error) { return m.WithRole(77) })},
	)

	// policy: Load of broken JSON and Validate, by path.
	add("policy",
		biRow{name: "Stage.UnmarshalText/unknown", want: biWant{code: policy.CodeUnknownName},
			try: decodeTrial(policy.Formation, `"graduated"`)},
		biRow{name: "Frequency.UnmarshalText/unknown", want: biWant{code: policy.CodeUnknownName},
			try: decodeTrial(policy.Monthly, `"daily"`)},
		biRow{name: "Load/not_json", want: biWant{is: policy.ErrInvalidPolicy}, try: biStateless(func() error {
			_, err := policy.Load(strings.NewReader(`{"name":`))
			return err
		})},
		biRow{name: "Load/array", want: biWant{is: policy.ErrInvalidPolicy}, try: biStateless(func() error {
			_, err := policy.Load(strings.NewReader(`[{"name":"x"}]`))
			return err
		})},
		biRow{name: "Load/trailing_data", want: biWant{is: policy.ErrInvalidPolicy}, try: func(tb testing.TB) biTrial {
			in := kermanshahJSON(tb) + ` {"name":"second"}`
			return biTrial{state: func() string { return "" }, call: func() error { _, err := policy.Load(strings.NewReader(in)); return err }}
		}},
		biRow{name: "Load/deep_nesting", want: biWant{path: "name"},
			try: loadPolicy(`"name":"Kermanshah Behzisti self-help groups for rural women"`,
				`"name":`+strings.Repeat("[", 5000)+strings.Repeat("]", 5000))},
		biRow{name: "Load/unknown_top_level_field", want: biWant{path: "colour"},
			try: loadPolicy(`"name":`, `"colour":"green","name":`)},
		biRow{name: "Load/unknown_field_in_amount", want: biWant{path: "savings.plan.amount.note"},
			try: loadPolicy(`"amount":{"amount":"1000000","currency":"IRR"}`, `"amount":{"amount":"1000000","currency":"IRR","note":"x"}`)},
		biRow{name: "Load/field_name_case", want: biWant{path: "Currency", also: []string{"currency"}},
			try: loadPolicy(`"currency":"IRR","calendar"`, `"Currency":"IRR","calendar"`)},
		biRow{name: "Load/bad_enum_frequency", want: biWant{path: "meetings.frequency"},
			try: loadPolicy(`"frequency":"monthly"`, `"frequency":"daily"`)},
		biRow{name: "Load/bad_enum_calendar", want: biWant{path: "calendar"},
			try: loadPolicy(`"calendar":"solarHijri"`, `"calendar":"lunar"`)},
		biRow{name: "Load/bad_enum_grade", want: biWant{path: "bankLinkage.tranches[0].minGrade"},
			try: loadPolicy(`"minGrade":"ungraded"`, `"minGrade":"D"`)},
		biRow{name: "Load/wrong_type", want: biWant{path: "stages.preparation.facilitator"},
			try: loadPolicy(`"facilitator":true`, `"facilitator":"yes"`)},
		biRow{name: "Load/max_below_min_members", want: biWant{path: "membership.maxMembers"},
			try: loadPolicy(`"maxMembers":25`, `"maxMembers":12`)},
		biRow{name: "Load/quorum_above_one", want: biWant{path: "meetings.quorum"},
			try: loadPolicy(`"quorum":"0.6"`, `"quorum":"1.5"`)},
		biRow{name: "Load/huge_exponent", want: biWant{path: "meetings.quorum"},
			try: loadPolicy(`"quorum":"0.6"`, `"quorum":"1e999999999"`)},
		biRow{name: "Load/plan_in_other_currency", want: biWant{path: "savings.plan.amount"},
			try: loadPolicy(`"amount":{"amount":"1000000","currency":"IRR"}`, `"amount":{"amount":"1000000","currency":"INR"}`)},
		biRow{name: "Load/tranche_cap_falls", want: biWant{path: "bankLinkage.tranches[1].maxPerMember"},
			try: loadPolicy(`"amount":"30000000"`, `"amount":"20000000"`)},
		biRow{name: "Load/zero_period", want: biWant{path: "lending.pricing.every.n"},
			try: loadPolicy(`"every":{"n":1,"unit":"month"},"installmentMultiple":"0"},"oneActiveLoan"`, `"every":{"n":0,"unit":"month"},"installmentMultiple":"0"},"oneActiveLoan"`)},
		biRow{name: "Validate/empty_name", want: biWant{path: "name"},
			try: biStateless(validatePolicy(func(p *policy.Policy) { p.Name = " " }))},
		biRow{name: "Validate/unknown_currency", want: biWant{path: "currency"},
			try: biStateless(validatePolicy(func(p *policy.Policy) { p.Currency = "TMN" }))},
		biRow{name: "Validate/min_installments_above_max", want: biWant{path: "lending.maxInstallments"},
			try: biStateless(validatePolicy(func(p *policy.Policy) { p.Lending.MinInstallments = 12 }))},
	)

	// group: every command.
	g := biKermanshah
	add("group",
		biRow{name: "Found/no_id", want: biWant{code: group.CodeCharter, is: shg.ErrInvalidID}, try: biStateless(func() error {
			gr, err := group.Found(policy.KermanshahBehzisti(), group.Charter{Name: "x", Founded: biSH(1397, 6, 1)})
			if err != nil && gr != nil {
				return errors.New("refused Found returned a group")
			}
			return err
		})},
		biRow{name: "Found/no_date", want: biWant{code: group.CodeCharter, is: shg.ErrInvalidDate}, try: biStateless(func() error {
			_, err := group.Found(policy.KermanshahBehzisti(), group.Charter{ID: "g1", Name: "x"})
			return err
		})},
		biRow{name: "Found/invalid_policy", want: biWant{path: "membership.maxMembers"}, try: biStateless(func() error {
			p := policy.KermanshahBehzisti()
			p.Membership.MaxMembers = 10
			_, err := group.Found(p, group.Charter{ID: "g1", Name: "x", Founded: biSH(1397, 6, 1)})
			return err
		})},
		biRow{name: "AssignFacilitator/empty", want: biWant{code: group.CodeText},
			try: groupTrial(g("founded"), func(g *group.Group) error { return g.AssignFacilitator(biSH(1397, 6, 2), "  ") })},
		biRow{name: "AssignFacilitator/backwards", want: biWant{code: group.CodeDateBackwards},
			try: groupTrial(g("prepared"), func(g *group.Group) error { return g.AssignFacilitator(biSH(1397, 6, 18), "Ms Karimi") })},
		biRow{name: "RecordPreparationSession/negative_attendees", want: biWant{code: group.CodeMeeting},
			try: groupTrial(g("founded"), func(g *group.Group) error { return g.RecordPreparationSession(biSH(1397, 6, 2), "orientation", -1) })},
		biRow{name: "RecordPreparationSession/in_formation", want: biWant{code: group.CodeStage},
			try: groupTrial(g("formed"), func(g *group.Group) error { return g.RecordPreparationSession(biSH(1397, 6, 25), "orientation", 15) })},
		biRow{name: "Admit/backwards", want: biWant{code: group.CodeDateBackwards},
			try: groupTrial(g("admitted"), func(g *group.Group) error { return g.Admit(biSH(1397, 6, 1), biWoman(16)) })},
		biRow{name: "Admit/undated", want: biWant{code: group.CodeDateBackwards, is: shg.ErrInvalidDate},
			try: groupTrial(g("admitted"), func(g *group.Group) error { return g.Admit(shg.Date{}, biWoman(16)) })},
		biRow{name: "Admit/duplicate", want: biWant{code: group.CodeDuplicateMember},
			try: groupTrial(g("admitted"), func(g *group.Group) error { return g.Admit(biSH(1397, 6, 20), biWoman(3)) })},
		biRow{name: "Admit/man", want: biWant{code: policy.CodeMembershipGender},
			try: groupTrial(g("admitted"), func(g *group.Group) error {
				p := biWoman(16)
				p.Gender = member.Male
				return g.Admit(biSH(1397, 6, 20), p)
			})},
		biRow{name: "Admit/urban", want: biWant{code: policy.CodeMembershipRural},
			try: groupTrial(g("admitted"), func(g *group.Group) error {
				p := biWoman(16)
				p.Rural = false
				return g.Admit(biSH(1397, 6, 20), p)
			})},
		biRow{name: "Admit/too_young", want: biWant{code: policy.CodeMembershipAge}, // born 1385: 11 in 1397, minimum 15
			try: groupTrial(g("admitted"), func(g *group.Group) error {
				p := biWoman(16)
				p.BirthDate = biSH(1385, 1, 1)
				return g.Admit(biSH(1397, 6, 20), p)
			})},
		biRow{name: "Admit/26th_member", want: biWant{code: policy.CodeMembershipMaxMembers},
			try: groupTrial(biFull, func(g *group.Group) error { return g.Admit(biSH(1397, 6, 20), biWoman(26)) })},
		biRow{name: "Admit/empty_name", want: biWant{code: member.CodeName},
			try: groupTrial(g("admitted"), func(g *group.Group) error {
				p := biWoman(16)
				p.Name = ""
				return g.Admit(biSH(1397, 6, 20), p)
			})},
		biRow{name: "Admit/bad_national_id", want: biWant{code: member.CodeNationalID},
			try: groupTrial(g("admitted"), func(g *group.Group) error {
				p := biWoman(16)
				p.NationalID = "0123456788"
				return g.Admit(biSH(1397, 6, 20), p)
			})},
		biRow{name: "Admit/id_invalid_utf8", want: biWant{code: member.CodeID, is: shg.ErrInvalidID},
			try: groupTrial(g("admitted"), func(g *group.Group) error {
				p := biWoman(16)
				p.ID = "m\xff"
				return g.Admit(biSH(1397, 6, 20), p)
			})},
		biRow{name: "Admit/dissolved", want: biWant{code: group.CodeDissolved},
			try: groupTrial(biDissolved, func(g *group.Group) error { return g.Admit(biSH(1397, 7, 3), biWoman(16)) })},
		biRow{name: "Advance/no_orientation", want: biWant{code: policy.CodeGatePreparationOrientationSessions},
			try: groupTrial(g("founded"), func(g *group.Group) error { return g.Advance(biSH(1397, 6, 2)) })},
		biRow{name: "Advance/dissolved", want: biWant{code: group.CodeDissolved},
			try: groupTrial(biDissolved, func(g *group.Group) error { return g.Advance(biSH(1397, 7, 3)) })},
		biRow{name: "Advance/unconstituted", want: biWant{code: policy.CodeGateFormationOfficers,
			also: []string{policy.CodeGateFormationBylaws, policy.CodeGateFormationBankAccount}},
			try: groupTrial(g("formed"), func(g *group.Group) error { return g.Advance(biSH(1397, 6, 22)) })},
		biRow{name: "Advance/14_members", want: biWant{code: policy.CodeGateFormationMinMembers},
			try: groupTrial(biThen(g("constituted"), func(g *group.Group) error { return g.Exit(biSH(1397, 6, 23), biMID(15), "moved away") }),
				func(g *group.Group) error { return g.Advance(biSH(1397, 6, 23)) })},
		biRow{name: "Advance/from_sustainability", want: biWant{code: group.CodeStage},
			try: groupTrial(g("sustaining"), func(g *group.Group) error { return g.Advance(biSH(1397, 6, 25)) })},
		biRow{name: "ElectOfficers/two_offices", want: biWant{code: group.CodeOfficers},
			try: groupTrial(g("formed"), func(g *group.Group) error {
				return g.ElectOfficers(biSH(1397, 6, 22), group.Officers{Chair: biMID(1), Treasurer: biMID(1), Secretary: biMID(3)})
			})},
		biRow{name: "ElectOfficers/nobody", want: biWant{code: group.CodeOfficers},
			try: groupTrial(g("formed"), func(g *group.Group) error { return g.ElectOfficers(biSH(1397, 6, 22), group.Officers{}) })},
		biRow{name: "ElectOfficers/unknown_member", want: biWant{code: group.CodeUnknownMember},
			try: groupTrial(g("formed"), func(g *group.Group) error {
				return g.ElectOfficers(biSH(1397, 6, 22), group.Officers{Chair: biMID(99)})
			})},
		biRow{name: "ElectOfficers/exited_member", want: biWant{code: group.CodeMemberInactive},
			try: groupTrial(biExited, func(g *group.Group) error {
				return g.ElectOfficers(biSH(1397, 7, 3), group.Officers{Chair: biMID(15), Treasurer: biMID(2)})
			})},
		biRow{name: "AdoptBylaws/empty", want: biWant{code: group.CodeText},
			try: groupTrial(g("formed"), func(g *group.Group) error { return g.AdoptBylaws(biSH(1397, 6, 22), "") })},
		biRow{name: "OpenBankAccount/empty", want: biWant{code: group.CodeText},
			try: groupTrial(g("formed"), func(g *group.Group) error { return g.OpenBankAccount(biSH(1397, 6, 22), "Keshavarzi Bank", " ") })},
		biRow{name: "HoldMeeting/in_preparation", want: biWant{code: group.CodeStage},
			try: groupTrial(g("admitted"), meetingWith(biSH(1397, 6, 20), func(*group.Meeting) {}))},
		biRow{name: "HoldMeeting/backwards", want: biWant{code: group.CodeDateBackwards},
			try: groupTrial(g("lent"), meetingWith(biSH(1397, 7, 15), func(*group.Meeting) {}))},
		biRow{name: "HoldMeeting/no_quorum", want: biWant{code: group.CodeQuorum}, // 0.6 × 15 = 9 needed, 3 present
			try: groupTrial(g("saving"), meetingWith(biSH(1397, 8, 1), func(m *group.Meeting) { m.Present = m.Present[:3] }))},
		biRow{name: "HoldMeeting/present_twice", want: biWant{code: group.CodeMeeting},
			try: groupTrial(g("saving"), meetingWith(biSH(1397, 8, 1), func(m *group.Meeting) { m.Present = append(m.Present, biMID(1)) }))},
		biRow{name: "HoldMeeting/unknown_member_present", want: biWant{code: group.CodeUnknownMember},
			try: groupTrial(g("saving"), meetingWith(biSH(1397, 8, 1), func(m *group.Meeting) { m.Present = append(m.Present, biMID(99)) }))},
		biRow{name: "HoldMeeting/exited_member_deposits", want: biWant{code: group.CodeMemberInactive},
			try: groupTrial(biExited, meetingWith(biSH(1397, 8, 1), func(m *group.Meeting) {
				m.Deposits = append(m.Deposits, group.Deposit{Member: biMID(15), Amount: shg.Toman(100_000)})
			}))},
		biRow{name: "HoldMeeting/deposits_twice", want: biWant{code: group.CodeMeeting},
			try: groupTrial(g("saving"), meetingWith(biSH(1397, 8, 1), func(m *group.Meeting) { m.Deposits = append(m.Deposits, m.Deposits[0]) }))},
		biRow{name: "HoldMeeting/deposit_above_plan", want: biWant{code: savings.CodeAboveFixedAmount},
			try: groupTrial(g("saving"), meetingWith(biSH(1397, 8, 1), func(m *group.Meeting) { m.Deposits[0].Amount = shg.Toman(100_001) }))},
		biRow{name: "HoldMeeting/deposit_in_rupees", want: biWant{code: group.CodeAmount, is: shg.ErrCurrencyMismatch},
			try: groupTrial(g("saving"), meetingWith(biSH(1397, 8, 1), func(m *group.Meeting) { m.Deposits[0].Amount = biINR("100") }))},
		biRow{name: "HoldMeeting/negative_fine", want: biWant{code: group.CodeAmount},
			try: groupTrial(g("saving"), meetingWith(biSH(1397, 8, 1), func(m *group.Meeting) {
				m.Fines = []group.Fine{{Member: biMID(1), Amount: shg.Rials(-50_000), Reason: "late"}}
			}))},
		biRow{name: "HoldMeeting/unknown_loan_repaid", want: biWant{code: group.CodeUnknownLoan},
			try: groupTrial(g("lent"), meetingWith(biSH(1397, 9, 1), func(m *group.Meeting) {
				m.Repayments = []group.Repayment{{Loan: "L0099", Amount: shg.Rials(1000)}}
			}))},
		biRow{name: "HoldMeeting/repay_closed_loan", want: biWant{code: group.CodeLoanInactive},
			try: groupTrial(g("ready"), meetingWith(biSH(1397, 12, 1), func(m *group.Meeting) {
				m.Repayments = []group.Repayment{{Loan: "L0001", Amount: shg.Rials(1000)}}
			}))},
		biRow{name: "HoldMeeting/overpayment", want: biWant{code: loan.CodeOverpayment}, // L0001 is 3,000,000 rials
			try: groupTrial(g("lent"), meetingWith(biSH(1397, 9, 1), func(m *group.Meeting) {
				m.Repayments = []group.Repayment{{Loan: "L0001", Amount: shg.Rials(3_100_000)}}
			}))},
		biRow{name: "HoldMeeting/loan_above_savings_multiple", want: biWant{code: policy.CodeLendingMaxSavingsMultiple},
			// After this meeting m05 has saved 2 × 1,000,000; the cap is 2× that.
			try: groupTrial(g("saving"), meetingWith(biSH(1397, 8, 1), func(m *group.Meeting) {
				m.Loans = []group.LoanRequest{{Member: biMID(5), Amount: shg.Rials(4_000_001), Installments: 4}}
			}))},
		biRow{name: "HoldMeeting/second_active_loan", want: biWant{code: policy.CodeLendingOneActiveLoan},
			try: groupTrial(g("lent"), meetingWith(biSH(1397, 9, 1), func(m *group.Meeting) {
				m.Loans = []group.LoanRequest{{Member: biMID(4), Amount: shg.Rials(100_000), Installments: 2}}
			}))},
		biRow{name: "HoldMeeting/term_too_long", want: biWant{code: policy.CodeLendingTerm}, // at most 10 installments
			try: groupTrial(g("saving"), meetingWith(biSH(1397, 8, 1), func(m *group.Meeting) {
				m.Loans = []group.LoanRequest{{Member: biMID(5), Amount: shg.Rials(1_000_000), Installments: 11}}
			}))},
		biRow{name: "HoldMeeting/loans_beyond_cash", want: biWant{code: policy.CodeLendingLiquidity},
			// After the deposits each member has saved 2,000,000 and the box
			// holds 15 × 2,000,000 = 30,000,000. Loans are decided in turn:
			// m05–m11 take 4,000,000 each (their cap, 2× savings; the
			// fund-share cap is 20% × 30,000,000 = 6,000,000), leaving
			// 2,000,000, so m12's 4,000,000 fails on liquidity alone.
			try: groupTrial(g("saving"), meetingWith(biSH(1397, 8, 1), func(m *group.Meeting) {
				for i := 5; i <= 12; i++ {
					m.Loans = append(m.Loans, group.LoanRequest{Member: biMID(i), Amount: shg.Rials(4_000_000), Installments: 4})
				}
			}))},
		biRow{name: "RequestLoan/unknown_member", want: biWant{code: group.CodeUnknownMember},
			try: groupTrial(g("saving"), func(g *group.Group) error {
				_, err := g.RequestLoan(biSH(1397, 7, 2), group.LoanRequest{Member: biMID(99), Amount: shg.Rials(100_000), Installments: 2})
				return err
			})},
		biRow{name: "RequestLoan/zero", want: biWant{code: group.CodeAmount},
			try: groupTrial(g("saving"), func(g *group.Group) error {
				_, err := g.RequestLoan(biSH(1397, 7, 2), group.LoanRequest{Member: biMID(5), Amount: shg.Rials(0), Installments: 2})
				return err
			})},
		biRow{name: "RequestLoan/dissolved", want: biWant{code: group.CodeDissolved},
			try: groupTrial(biDissolved, func(g *group.Group) error {
				_, err := g.RequestLoan(biSH(1397, 7, 3), group.LoanRequest{Member: biMID(5), Amount: shg.Rials(100_000), Installments: 2})
				return err
			})},
		biRow{name: "HoldMeeting/repay_bank_loan", want: biWant{code: group.CodeUnknownLoan},
			try: groupTrial(g("linked"), meetingWith(biSH(1398, 1, 1), func(m *group.Meeting) {
				m.Repayments = []group.Repayment{{Loan: "B1-01", Amount: shg.Rials(1000)}}
			}))},
		biRow{name: "HoldMeeting/zero_installments", want: biWant{code: policy.CodeLendingTerm},
			try: groupTrial(g("saving"), meetingWith(biSH(1397, 8, 1), func(m *group.Meeting) {
				m.Loans = []group.LoanRequest{{Member: biMID(5), Amount: shg.Rials(1_000_000), Installments: 0}}
			}))},
		biRow{name: "HoldMeeting/fraction_of_rial_loan", want: biWant{code: group.CodeAmount},
			try: groupTrial(g("saving"), meetingWith(biSH(1397, 8, 1), func(m *group.Meeting) {
				m.Loans = []group.LoanRequest{{Member: biMID(5), Amount: shg.MustParseMoney("1000000.5 IRR"), Installments: 2}}
			}))},
		biRow{name: "RequestLoan/in_preparation", want: biWant{code: group.CodeStage},
			try: groupTrial(g("admitted"), func(g *group.Group) error {
				_, err := g.RequestLoan(biSH(1397, 6, 20), group.LoanRequest{Member: biMID(5), Amount: shg.Rials(100_000), Installments: 2})
				return err
			})},
		biRow{name: "ApplyForTranche/too_young", want: biWant{code: policy.CodeTrancheMinGroupAge}, // 5 months on 15 Bahman
			try: groupTrial(g("ready"), biTranche(biSH(1397, 11, 15), 1, biReq(1, shg.Toman(2_500_000))))},
		biRow{name: "ApplyForTranche/above_member_cap", want: biWant{code: policy.CodeTrancheMaxPerMember}, // cap 2,500,000 toman
			try: groupTrial(g("mature"), biTranche(biSH(1397, 12, 1), 1, biReq(1, shg.Toman(2_500_001))))},
		biRow{name: "ApplyForTranche/no_requests", want: biWant{code: group.CodeMeeting},
			try: groupTrial(g("mature"), biTranche(biSH(1397, 12, 1), 1))},
		biRow{name: "ApplyForTranche/member_twice", want: biWant{code: group.CodeDuplicateMember},
			try: groupTrial(g("mature"), biTranche(biSH(1397, 12, 1), 1, biReq(1, shg.Toman(1_000_000)), biReq(1, shg.Toman(1_000_000))))},
		biRow{name: "ApplyForTranche/unknown_member", want: biWant{code: group.CodeUnknownMember},
			try: groupTrial(g("mature"), biTranche(biSH(1397, 12, 1), 1, biReq(99, shg.Toman(1_000_000))))},
		biRow{name: "ApplyForTranche/in_formation", want: biWant{code: policy.CodeTrancheStage},
			try: groupTrial(g("constituted"), biTranche(biSH(1397, 6, 22), 1, biReq(1, shg.Toman(1_000_000))))},
		biRow{name: "ApplyForTranche/received_again", want: biWant{code: group.CodeTrancheOrder},
			try: groupTrial(g("linked"), biTranche(biSH(1398, 1, 15), 1, biReq(3, shg.Toman(1_000_000))))},
		biRow{name: "ApplyForTranche/previous_unpaid", want: biWant{code: policy.CodeTranchePreviousRepaid},
			try: groupTrial(g("linked"), biTranche(biSH(1398, 1, 15), 2, biReq(3, shg.Toman(3_000_000))))},
		biRow{name: "ApplyForTranche/tranche_zero", want: biWant{code: policy.CodeTrancheUnknown},
			try: groupTrial(g("mature"), biTranche(biSH(1397, 12, 1), 0, biReq(1, shg.Toman(1_000_000))))},
		biRow{name: "ApplyForTranche/no_such_tranche", want: biWant{code: policy.CodeTrancheUnknown},
			try: groupTrial(g("mature"), biTranche(biSH(1397, 12, 1), 9, biReq(1, shg.Toman(1_000_000))))},
		biRow{name: "RepayBank/internal_loan_id", want: biWant{code: group.CodeUnknownLoan},
			try: groupTrial(g("linked"), func(g *group.Group) error {
				_, err := g.RepayBank(biSH(1397, 12, 2), "L0001", shg.Rials(1000))
				return err
			})},
		biRow{name: "RepayBank/overpayment", want: biWant{code: loan.CodeOverpayment}, // B1-01 is 25,000,000 rials
			try: groupTrial(g("linked"), func(g *group.Group) error {
				_, err := g.RepayBank(biSH(1397, 12, 2), "B1-01", shg.Rials(26_000_000))
				return err
			})},
		biRow{name: "RepayBank/wrong_currency", want: biWant{code: group.CodeAmount, is: shg.ErrCurrencyMismatch},
			try: groupTrial(g("linked"), func(g *group.Group) error {
				_, err := g.RepayBank(biSH(1397, 12, 2), "B1-01", biINR("1000"))
				return err
			})},
		biRow{name: "WriteOff/unknown_loan", want: biWant{code: group.CodeUnknownLoan},
			try: groupTrial(g("lent"), func(g *group.Group) error { return g.WriteOff(biSH(1397, 8, 2), "L0099", "lost") })},
		biRow{name: "WriteOff/closed_loan", want: biWant{code: group.CodeLoanInactive},
			try: groupTrial(g("ready"), func(g *group.Group) error { return g.WriteOff(biSH(1397, 11, 2), "L0001", "lost") })},
		biRow{name: "WriteOff/not_overdue_long_enough", want: biWant{code: group.CodeWriteOffDays},
			try: groupTrial(biVariant("lent", func(p *policy.Policy) { p.Delinquency.WriteOffDays = 90 }),
				func(g *group.Group) error { return g.WriteOff(biSH(1397, 8, 2), "L0001", "lost") })},
		biRow{name: "Exit/bank_loan_active", want: biWant{code: group.CodeBankLoanActive},
			try: groupTrial(g("linked"), func(g *group.Group) error { return g.Exit(biSH(1397, 12, 2), biMID(1), "moved away") })},
		biRow{name: "Exit/fund_lacks_cash", want: biWant{code: savings.CodeInsufficientCash},
			try: groupTrial(drained, func(g *group.Group) error { return g.Exit(biSH(1397, 7, 3), biMID(14), "moved away") })},
		biRow{name: "Exit/unknown_member", want: biWant{code: group.CodeUnknownMember},
			try: groupTrial(g("saving"), func(g *group.Group) error { return g.Exit(biSH(1397, 7, 2), biMID(99), "moved away") })},
		biRow{name: "Exit/twice", want: biWant{code: group.CodeMemberInactive},
			try: groupTrial(biExited, func(g *group.Group) error { return g.Exit(biSH(1397, 7, 3), biMID(15), "again") })},
		biRow{name: "RecordDeath/exited_member", want: biWant{code: group.CodeMemberInactive},
			try: groupTrial(biExited, func(g *group.Group) error { return g.RecordDeath(biSH(1397, 7, 3), biMID(15)) })},
		biRow{name: "PaySocialFund/empty_social_fund", want: biWant{code: savings.CodeInsufficientSocialFund},
			try: groupTrial(g("saving"), func(g *group.Group) error {
				return g.PaySocialFund(biSH(1397, 7, 2), biMID(1), shg.Rials(1000), "funeral")
			})},
		biRow{name: "PaySocialFund/no_reason", want: biWant{code: group.CodeText},
			try: groupTrial(g("saving"), func(g *group.Group) error { return g.PaySocialFund(biSH(1397, 7, 2), biMID(1), shg.Rials(1000), "") })},
		biRow{name: "RecordIncome/currencyless_zero", want: biWant{code: member.CodeIncomeCurrency},
			try: groupTrial(g("saving"), func(g *group.Group) error { return g.RecordIncome(biSH(1397, 7, 2), biMID(1), shg.Money{}) })},
		biRow{name: "SetLivelihood/unknown_member", want: biWant{code: group.CodeUnknownMember},
			try: groupTrial(g("saving"), func(g *group.Group) error { return g.SetLivelihood(biSH(1397, 7, 2), biMID(99), member.Beekeeping) })},
		biRow{name: "PaySocialFund/exited_member", want: biWant{code: group.CodeMemberInactive},
			try: groupTrial(biExited, func(g *group.Group) error {
				return g.PaySocialFund(biSH(1397, 7, 3), biMID(15), shg.Rials(1000), "funeral")
			})},
		biRow{name: "RecordIncome/negative", want: biWant{code: group.CodeAmount},
			try: groupTrial(g("saving"), func(g *group.Group) error { return g.RecordIncome(biSH(1397, 7, 2), biMID(1), shg.Rials(-1)) })},
		biRow{name: "SetLivelihood/undefined", want: biWant{code: member.CodeLivelihood},
			try: groupTrial(g("saving"), func(g *group.Group) error { return g.SetLivelihood(biSH(1397, 7, 2), biMID(1), 200) })},
		biRow{name: "ShareOut/loans_outstanding", want: biWant{code: savings.CodeLoansOutstanding},
			try: groupTrial(g("lent"), func(g *group.Group) error { _, err := g.ShareOut(biSH(1397, 8, 2)); return err })},
		biRow{name: "ShareOut/before_cycle_ends", want: biWant{code: group.CodeShareOutCycle}, // 5 of 12 months since 21 Shahrivar
			try: groupTrial(biVariant("ready", func(p *policy.Policy) { p.ShareOut.CycleMonths = 12 }),
				func(g *group.Group) error { _, err := g.ShareOut(biSH(1397, 11, 2)); return err })},
		biRow{name: "ShareOut/in_preparation", want: biWant{code: group.CodeStage},
			try: groupTrial(g("admitted"), func(g *group.Group) error { _, err := g.ShareOut(biSH(1397, 6, 20)); return err })},
		biRow{name: "Dissolve/loans_active", want: biWant{code: group.CodeLoansActive},
			try: groupTrial(g("lent"), func(g *group.Group) error { return g.Dissolve(biSH(1397, 8, 2), "disagreement") })},
		biRow{name: "Dissolve/bank_loans_active", want: biWant{code: group.CodeLoansActive},
			try: groupTrial(g("linked"), func(g *group.Group) error { return g.Dissolve(biSH(1397, 12, 2), "disagreement") })},
		biRow{name: "Dissolve/twice", want: biWant{code: group.CodeDissolved},
			try: groupTrial(biDissolved, func(g *group.Group) error { return g.Dissolve(biSH(1397, 7, 3), "again") })},
		biRow{name: "Replay/renumbered", want: biWant{is: group.ErrBadLog},
			try: replayJSON("admitted", func(s string) string { return strings.Replace(s, `"seq":3,`, `"seq":4,`, 1) })},
		// 12 Shahrivar 1397 is 3 September 2018; 1 August is before the founding.
		biRow{name: "Replay/backdated_event", want: biWant{is: group.ErrBadLog},
			try: replayJSON("admitted", func(s string) string { return strings.Replace(s, `"on":"2018-09-03"`, `"on":"2018-08-01"`, 1) })},
		biRow{name: "Replay/member_admitted_twice", want: biWant{is: group.ErrBadLog, code: group.CodeDuplicateMember},
			try: replayJSON("admitted", func(s string) string { return strings.Replace(s, `"id":"m02"`, `"id":"m01"`, 1) })},
		biRow{name: "Replay/founded_twice", want: biWant{is: group.ErrBadLog}, try: func(tb testing.TB) biTrial {
			s := kermanshahStory(tb)
			evs := append([]group.Event(nil), s.events[:s.at["admitted"]]...)
			again := evs[0]
			again.Seq, again.On = len(evs)+1, evs[len(evs)-1].On
			evs = append(evs, again)
			return biTrial{state: func() string { return "" }, call: func() error {
				_, err := group.Replay(policy.KermanshahBehzisti(), evs)
				return err
			}}
		}},
		biRow{name: "Replay/loan_granted_on_bad_terms", want: biWant{is: group.ErrBadLog, code: loan.CodeInstallments},
			try: replayJSON("lent", func(s string) string {
				i := strings.Index(s, `"type":"loanGranted"`)
				return s[:i] + strings.Replace(s[i:], `"installments":3`, `"installments":0`, 1)
			})},
		biRow{name: "Replay/loan_beyond_cash", want: biWant{is: group.ErrBadLog, code: savings.CodeInsufficientCash},
			try: replayJSON("lent", func(s string) string {
				i := strings.Index(s, `"type":"loanGranted"`)
				return s[:i] + strings.Replace(s[i:], `"amount":"3000000"`, `"amount":"300000000"`, 1)
			})},
		biRow{name: "Replay/nil_data", want: biWant{is: group.ErrBadLog}, try: func(tb testing.TB) biTrial {
			s := kermanshahStory(tb)
			evs := append([]group.Event(nil), s.events[:s.at["admitted"]]...)
			evs = append(evs, group.Event{Seq: len(evs) + 1, On: evs[len(evs)-1].On})
			return biTrial{state: func() string { return "" }, call: func() error {
				_, err := group.Replay(policy.KermanshahBehzisti(), evs)
				return err
			}}
		}},
		biRow{name: "Replay/deposit_by_non_member", want: biWant{is: group.ErrBadLog, code: group.CodeUnknownMember},
			try: replayJSON("saving", func(s string) string {
				return strings.Replace(s, `{"member":"m15","amount"`, `{"member":"ghost","amount"`, 1)
			})},
		biRow{name: "Replay/stage_skipped", want: biWant{is: group.ErrBadLog, code: group.CodeStage},
			try: replayJSON("formed", func(s string) string {
				return strings.Replace(s, `"to":"formation"`, `"to":"sustainability"`, 1)
			})},
		biRow{name: "Replay/other_policy", want: biWant{is: group.ErrBadLog}, try: func(tb testing.TB) biTrial {
			s := kermanshahStory(tb)
			return biTrial{state: func() string { return "" }, call: func() error {
				_, err := group.Replay(policy.VSLA(), s.events[:s.at["admitted"]])
				return err
			}}
		}},
		biRow{name: "Replay/empty_log", want: biWant{is: group.ErrBadLog}, try: biStateless(func() error {
			_, err := group.Replay(policy.KermanshahBehzisti(), nil)
			return err
		})},
		biRow{name: "UnmarshalEvents/unknown_type", want: biWant{contains: "unknown type"},
			try: replayJSON("admitted", func(s string) string {
				return strings.Replace(s, `"type":"memberAdmitted"`, `"type":"memberKidnapped"`, 1)
			})},
		biRow{name: "UnmarshalEvents/schema_2", want: biWant{contains: "schema 2"},
			try: replayJSON("founded", func(s string) string { return strings.Replace(s, `"schema":1`, `"schema":2`, 1) })},
	)
	return rows
}

func TestBadInputCatalogue(t *testing.T) {
	documented := documentedCodes(t)
	rows := biCatalogue()
	t.Logf("%d bad inputs", len(rows))
	names := map[string]bool{}
	for _, r := range rows {
		require.False(t, names[r.name], "duplicate row %s", r.name)
		names[r.name] = true
		t.Run(r.name, func(t *testing.T) {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("panic: %v\n%s", p, debug.Stack())
				}
			}()
			w := r.want
			require.True(t, w.code != "" || w.is != nil || w.path != "" || w.contains != "" || w.mismatch, "row asserts nothing")
			tr := r.try(t)
			if r.bug == "" {
				judge(t, tr, w, documented)
				return
			}
			rec := &biRecorder{}
			func() {
				defer func() {
					if p := recover(); p != nil && p != errBiStop {
						rec.Errorf("panic: %v", p)
					}
				}()
				judge(rec, tr, w, documented)
			}()
			if len(rec.failures) == 0 {
				t.Errorf("known bug no longer reproduces, delete the row's bug note: %s", r.bug)
				return
			}
			t.Skipf("known bug: %s\n%s", r.bug, strings.Join(rec.failures, "\n"))
		})
	}
	assert.GreaterOrEqual(t, len(rows), 60)
}

// biT is what judge needs of a *testing.T; biRecorder records failures of
// a known-bug row instead of failing the test.
type biT interface {
	Errorf(format string, args ...any)
	FailNow()
	Helper()
}

type biRecorder struct{ failures []string }

var errBiStop = errors.New("stop")

func (r *biRecorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}
func (r *biRecorder) FailNow() { panic(errBiStop) }
func (r *biRecorder) Helper()  {}

// judge feeds the bad input twice and checks the refusals and the state.
func judge(t biT, tr biTrial, w biWant, documented map[string]string) {
	t.Helper()
	before := tr.state()
	err := tr.call()
	require.Error(t, err, "bad input accepted")
	assert.Equal(t, before, tr.state(), "a refused input changed the state")
	again := tr.call()
	if assert.Error(t, again, "the same bad input accepted on the second try") {
		assert.Equal(t, err.Error(), again.Error(), "the second refusal differs")
	}
	assert.Equal(t, before, tr.state(), "a second refusal changed the state")
	checkRefusal(t, err, w, documented)
}

var biCodeFormat = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$`)

func checkRefusal(t biT, err error, w biWant, documented map[string]string) {
	t.Helper()
	var re *shg.RuleError
	isRule := errors.As(err, &re)
	if w.code != "" {
		require.Truef(t, isRule, "want a *shg.RuleError with %s, got %T: %v", w.code, err, err)
		assert.ErrorIs(t, err, shg.ErrRuleViolation)
		for _, c := range append([]string{w.code}, w.also...) {
			assert.Truef(t, re.Has(c), "want code %s, got %v (%v)", c, re.Codes(), err)
		}
	}
	if isRule {
		assert.NotEmpty(t, re.Violations, "a RuleError with no violations")
		for _, v := range re.Violations {
			assert.Regexp(t, biCodeFormat, v.Code, "code format")
			assert.Containsf(t, documented, v.Code, "code %s is not listed in ERRORS.md", v.Code)
			assert.NotEmpty(t, v.Message, "violation %s has no message", v.Code)
		}
	}
	if w.is != nil {
		assert.ErrorIs(t, err, w.is)
	}
	if w.mismatch {
		var me *shg.MismatchError
		assert.ErrorAs(t, err, &me)
	}
	if w.path != "" {
		var ve *policy.ValidationError
		require.Truef(t, errors.As(err, &ve), "want a *policy.ValidationError, got %T: %v", err, err)
		assert.ErrorIs(t, err, policy.ErrInvalidPolicy)
		assert.ErrorIs(t, err, shg.ErrRuleViolation)
		for _, p := range append([]string{w.path}, w.also...) {
			assert.Truef(t, ve.Has(p), "want path %s, got %v", p, ve.Paths())
		}
	}
	if w.contains != "" {
		assert.Contains(t, err.Error(), w.contains)
	}
}

// ---------------------------------------------------------------- ERRORS.md

// codeConst is a string constant named Code* in a package's non-test source.
type codeConst struct {
	pkg   string // the package's directory relative to the module root; "shg" for the root
	name  string // e.g. CodeOverpayment
	value string // e.g. "loan.overpayment"
	pos   string
}

// sourceCodes parses every non-test .go file of every package in the
// module and returns its exported string constants named Code*.
func sourceCodes(tb testing.TB) []codeConst {
	tb.Helper()
	var out []codeConst
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != "." && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(filepath.Dir(path))
		if pkg == "." {
			pkg = "shg"
		}
		// Constants defined as another constant of the file are resolved
		// by name after the pass.
		lits := map[string]string{}
		var refs []codeConst
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if i >= len(vs.Values) {
						continue
					}
					switch v := vs.Values[i].(type) {
					case *ast.BasicLit:
						if v.Kind != token.STRING {
							continue
						}
						s, err := strconv.Unquote(v.Value)
						require.NoError(tb, err)
						lits[n.Name] = s
						if strings.HasPrefix(n.Name, "Code") && n.IsExported() {
							out = append(out, codeConst{pkg: pkg, name: n.Name, value: s, pos: fset.Position(n.Pos()).String()})
						}
					case *ast.Ident:
						if strings.HasPrefix(n.Name, "Code") && n.IsExported() {
							refs = append(refs, codeConst{pkg: pkg, name: n.Name, value: v.Name, pos: fset.Position(n.Pos()).String()})
						}
					}
				}
			}
		}
		for _, r := range refs {
			if s, ok := lits[r.value]; ok {
				r.value = s
				out = append(out, r)
			}
		}
		return nil
	})
	require.NoError(tb, err)
	return out
}

// docEntry is one row of a code table in ERRORS.md.
type docEntry struct {
	section string // the "## pkg" heading above it
	code    string
	konst   string // e.g. loan.CodeOverpayment
	line    int
}

var docConst = regexp.MustCompile("^`[a-z]+\\.Code[A-Za-z0-9]+`$")

// docEntries reads the code tables of ERRORS.md: rows of the form
// "| `code` | `pkg.CodeName` | meaning | sentinel |" under "## pkg".
func docEntries(tb testing.TB) []docEntry {
	tb.Helper()
	f, err := os.Open("ERRORS.md")
	require.NoError(tb, err)
	defer f.Close()
	var out []docEntry
	section := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if s, ok := strings.CutPrefix(line, "## "); ok {
			section = strings.TrimSpace(s)
			continue
		}
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(line, "|")
		if len(cells) < 3 || !docConst.MatchString(strings.TrimSpace(cells[2])) {
			continue // another table (the root package's sentinels)
		}
		require.GreaterOrEqual(tb, len(cells), 5, "ERRORS.md:%d: want | code | constant | meaning | sentinel |", n)
		code := strings.Trim(strings.TrimSpace(cells[1]), "`")
		konst := strings.Trim(strings.TrimSpace(cells[2]), "`")
		require.NotEmpty(tb, strings.TrimSpace(cells[3]), "ERRORS.md:%d: %s has no meaning", n, code)
		out = append(out, docEntry{section: section, code: code, konst: konst, line: n})
	}
	require.NoError(tb, sc.Err())
	return out
}

// documentedCodes maps each code listed in ERRORS.md to its section.
func documentedCodes(tb testing.TB) map[string]string {
	tb.Helper()
	m := map[string]string{}
	for _, e := range docEntries(tb) {
		m[e.code] = e.section
	}
	return m
}

func TestErrorsDocListsEveryCode(t *testing.T) {
	consts := sourceCodes(t)
	entries := docEntries(t)
	require.NotEmpty(t, consts, "no Code* constants found: is the test running at the module root?")

	byCode := map[string]docEntry{}
	for _, e := range entries {
		if prev, dup := byCode[e.code]; dup {
			t.Errorf("ERRORS.md:%d: %s is listed twice (first on line %d)", e.line, e.code, prev.line)
		}
		byCode[e.code] = e
	}
	inSource := map[string]bool{}
	pkgs := map[string]bool{}
	for _, c := range consts {
		inSource[c.value] = true
		pkgs[c.pkg] = true
		e, ok := byCode[c.value]
		if !ok {
			t.Errorf("%s: %s = %q is missing from ERRORS.md (add a row under \"## %s\")", c.pos, c.name, c.value, c.pkg)
			continue
		}
		if e.section != c.pkg {
			t.Errorf("ERRORS.md:%d: %s is listed under %q, but %s declares it in package %s", e.line, c.value, e.section, c.pos, c.pkg)
		}
		if biWant := filepath.Base(c.pkg) + "." + c.name; e.konst != biWant {
			t.Errorf("ERRORS.md:%d: %s names constant %s, the source has %s", e.line, c.value, e.konst, biWant)
		}
	}
	// A listed code must still exist, unless its package is not in this
	// checkout at all.
	for _, e := range entries {
		if !inSource[e.code] {
			if _, err := os.Stat(e.section); e.section != "shg" && err != nil {
				continue
			}
			t.Errorf("ERRORS.md:%d: %s is listed but no package declares it", e.line, e.code)
		}
	}
	var list []string
	for p := range pkgs {
		list = append(list, p)
	}
	sort.Strings(list)
	t.Logf("%d codes in %d packages: %v", len(consts), len(list), list)
}
