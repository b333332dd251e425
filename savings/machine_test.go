package savings_test

import (
	"encoding/json"
	"math/big"
	"sort"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/savings"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// The model keeps the same books as plain int64 paise (INR minor units),
// with the rules written out one by one. It is trivially correct: every
// operation is a couple of additions and an if.
type model struct {
	box, bank, social, bankLoan, retained int64
	interest, fee, fine, penalty          int64
	writeOff, intExp                      int64
	sav, rec, shares                      map[shg.MemberID]int64
	last                                  shg.Date
	cycle                                 int
	log                                   []change // savings changes in the open cycle
}

type change struct {
	m     shg.MemberID
	date  shg.Date
	delta int64
	exit  bool
}

func newModel() *model {
	return &model{sav: map[shg.MemberID]int64{}, rec: map[shg.MemberID]int64{}, shares: map[shg.MemberID]int64{}, cycle: 1}
}

func (m *model) cash(via savings.Account) *int64 {
	if via == savings.CashBank {
		return &m.bank
	}
	return &m.box
}

func (m *model) totalSavings() (s int64) {
	for _, v := range m.sav {
		s += v
	}
	return s
}

func (m *model) totalRec() (s int64) {
	for _, v := range m.rec {
		s += v
	}
	return s
}

func (m *model) earnings() int64 {
	return m.interest + m.fee + m.fine + m.penalty - m.writeOff - m.intExp
}

var members = []shg.MemberID{"amina", "bahar", "chitra", "dina", "esi"}

const cur = "INR"

func inr(p int64) shg.Money {
	m, err := shg.FromMinor(p, cur)
	if err != nil {
		panic(err)
	}
	return m
}

func paise(t require.TestingT, m shg.Money) int64 {
	n, ok := m.MinorUnits()
	require.True(t, ok, "%s is not whole paise", m)
	return n
}

type machine struct {
	f     savings.Fund
	m     *model
	clock shg.Date
}

// amount draws an amount in paise: mostly within limit, sometimes above it,
// sometimes zero or negative.
func amount(t *rapid.T, label string, limit int64) int64 {
	switch rapid.IntRange(0, 9).Draw(t, label+"Mode") {
	case 0:
		return rapid.Int64Range(-500, 0).Draw(t, label)
	case 1:
		return limit + rapid.Int64Range(1, 50_000).Draw(t, label)
	}
	if limit < 1 {
		return rapid.Int64Range(1, 500_000).Draw(t, label)
	}
	return rapid.Int64Range(1, limit).Draw(t, label)
}

// entry draws a date (rarely before the last posting) and a cash account
// (rarely an invalid one). It returns the code the entry alone must be
// refused with, or "".
func (s *machine) entry(t *rapid.T, cash bool) (savings.Entry, string) {
	dt := rapid.IntRange(-1, 6).Draw(t, "dt")
	if dt < 0 && rapid.IntRange(0, 4).Draw(t, "backdate") != 0 {
		dt = 0
	}
	at := savings.Entry{Date: s.clock.AddDays(dt), Ref: "mtg"}
	at.Via = savings.Account(rapid.IntRange(0, 1).Draw(t, "via"))
	if cash && rapid.IntRange(0, 30).Draw(t, "badVia") == 0 {
		at.Via = savings.SocialFund
	}
	switch {
	case !s.m.last.IsZero() && at.Date.Before(s.m.last):
		return at, savings.CodeDateOrder
	case cash && !at.Via.IsCash():
		return at, savings.CodeCashAccount
	}
	return at, ""
}

// run checks an operation's outcome against the model's verdict: want ""
// means it must succeed (then apply updates the model), otherwise it must
// fail with that code and leave the fund byte-for-byte as it was.
func (s *machine) run(t *rapid.T, want string, at savings.Entry, op func() error, apply func()) {
	before, err := json.Marshal(s.f)
	require.NoError(t, err)
	err = op()
	if want != "" {
		require.Error(t, err)
		require.True(t, shg.HasCode(err, want), "want %s, got %v", want, err)
		require.ErrorIs(t, err, shg.ErrRuleViolation)
		after, _ := json.Marshal(s.f)
		require.JSONEq(t, string(before), string(after), "a refused operation changed the fund")
		return
	}
	require.NoError(t, err)
	apply()
	s.m.last = at.Date
	s.clock = at.Date
}

func (s *machine) pick(t *rapid.T) shg.MemberID {
	return rapid.SampledFrom(members).Draw(t, "member")
}

func (s *machine) deposit(t *rapid.T) {
	at, want := s.entry(t, true)
	id := s.pick(t)
	amt := amount(t, "amount", 200_000)
	shares := rapid.IntRange(1, 5).Draw(t, "shares")
	if rapid.IntRange(0, 15).Draw(t, "shareless") == 0 {
		shares = rapid.IntRange(-1, 0).Draw(t, "shares")
	}
	money := inr(amt)
	if want == "" && rapid.IntRange(0, 40).Draw(t, "foreign") == 0 {
		money, want = shg.Rials(amt+1), savings.CodeCurrency
	}
	switch {
	case want != "":
	case amt <= 0:
		want = savings.CodeAmountNotPositive
	case shares < 0:
		want = savings.CodeSharesNegative
	}
	s.run(t, want, at, func() error { return s.f.Deposit(at, id, money, shares) }, func() {
		*s.m.cash(at.Via) += amt
		s.m.sav[id] += amt
		s.m.shares[id] += int64(shares)
		s.m.log = append(s.m.log, change{m: id, date: at.Date, delta: amt})
	})
}

// income books fines and social contributions, which only add.
func (s *machine) fine(t *rapid.T) {
	at, want := s.entry(t, true)
	id := s.pick(t)
	amt := amount(t, "amount", 5_000)
	social := rapid.Bool().Draw(t, "social")
	if want == "" && amt <= 0 {
		want = savings.CodeAmountNotPositive
	}
	s.run(t, want, at, func() error {
		if social {
			return s.f.SocialContribution(at, id, inr(amt))
		}
		return s.f.Fine(at, id, inr(amt))
	}, func() {
		*s.m.cash(at.Via) += amt
		if social {
			s.m.social += amt
		} else {
			s.m.fine += amt
		}
	})
}

func (s *machine) socialPayout(t *rapid.T) {
	at, want := s.entry(t, true)
	id := s.pick(t)
	amt := amount(t, "amount", s.m.social)
	why := rapid.SampledFrom([]string{"funeral", "", " "}).Draw(t, "reason")
	switch {
	case want != "":
	case amt <= 0:
		want = savings.CodeAmountNotPositive
	case why == "" || why == " ":
		want = savings.CodeReasonRequired
	case amt > s.m.social:
		want = savings.CodeInsufficientSocialFund
	case amt > *s.m.cash(at.Via):
		want = savings.CodeInsufficientCash
	}
	s.run(t, want, at, func() error { return s.f.SocialPayout(at, id, inr(amt), why) }, func() {
		*s.m.cash(at.Via) -= amt
		s.m.social -= amt
	})
}

func (s *machine) disburse(t *rapid.T) {
	at, want := s.entry(t, true)
	id := s.pick(t)
	amt := amount(t, "amount", *s.m.cash(at.Via))
	switch {
	case want != "":
	case amt <= 0:
		want = savings.CodeAmountNotPositive
	case amt > *s.m.cash(at.Via):
		want = savings.CodeInsufficientCash
	}
	s.run(t, want, at, func() error { return s.f.DisburseLoan(at, id, inr(amt)) }, func() {
		*s.m.cash(at.Via) -= amt
		s.m.rec[id] += amt
	})
}

func (s *machine) collect(t *rapid.T) {
	at, want := s.entry(t, true)
	id := s.pick(t)
	var c [4]int64
	c[0] = amount(t, "principal", s.m.rec[id])
	for i, l := range []string{"interest", "fee", "penalty"} {
		c[i+1] = rapid.Int64Range(0, 3_000).Draw(t, l)
	}
	if c[0] < 0 && rapid.Bool().Draw(t, "zeroPrincipal") {
		c[0] = 0
	}
	total := c[0] + c[1] + c[2] + c[3]
	switch {
	case want != "":
	case c[0] < 0:
		want = savings.CodeAmountNegative
	case total <= 0:
		want = savings.CodeAmountNotPositive
	case c[0] > s.m.rec[id]:
		want = savings.CodeExceedsReceivable
	}
	col := savings.Collection{Principal: inr(c[0]), Interest: inr(c[1]), Fee: inr(c[2]), Penalty: inr(c[3])}
	s.run(t, want, at, func() error { return s.f.CollectLoan(at, id, col) }, func() {
		*s.m.cash(at.Via) += total
		s.m.rec[id] -= c[0]
		s.m.interest += c[1]
		s.m.fee += c[2]
		s.m.penalty += c[3]
	})
}

func (s *machine) writeOff(t *rapid.T) {
	at, want := s.entry(t, false)
	id := s.pick(t)
	amt := amount(t, "amount", s.m.rec[id])
	switch {
	case want != "":
	case amt <= 0:
		want = savings.CodeAmountNotPositive
	case amt > s.m.rec[id]:
		want = savings.CodeExceedsReceivable
	}
	s.run(t, want, at, func() error { return s.f.WriteOffLoan(at, id, inr(amt)) }, func() {
		s.m.rec[id] -= amt
		s.m.writeOff += amt
	})
}

func (s *machine) withdraw(t *rapid.T) {
	at, want := s.entry(t, true)
	id := s.pick(t)
	amt := amount(t, "amount", s.m.sav[id])
	purpose := savings.WithdrawalPurpose(rapid.IntRange(0, 3).Draw(t, "purpose"))
	if purpose == savings.NoPurpose && rapid.Bool().Draw(t, "fixPurpose") {
		purpose = savings.WithdrawVoluntary
	}
	switch {
	case want != "":
	case amt <= 0:
		want = savings.CodeAmountNotPositive
	case purpose == savings.NoPurpose:
		want = savings.CodeWithdrawalPurpose
	case amt > s.m.sav[id]:
		want = savings.CodeInsufficientSavings
	case amt > *s.m.cash(at.Via):
		want = savings.CodeInsufficientCash
	}
	s.run(t, want, at, func() error { return s.f.Withdraw(at, id, inr(amt), purpose, "school fees") }, func() {
		*s.m.cash(at.Via) -= amt
		s.m.sav[id] -= amt
		s.m.log = append(s.m.log, change{m: id, date: at.Date, delta: -amt})
	})
}

func (s *machine) exit(t *rapid.T) {
	at, want := s.entry(t, true)
	id := s.pick(t)
	sv, rc := s.m.sav[id], s.m.rec[id]
	offset := min(sv, rc)
	paid := sv - offset
	if want == "" && paid > *s.m.cash(at.Via) {
		want = savings.CodeInsufficientCash
	}
	var got savings.Settlement
	s.run(t, want, at, func() (err error) { got, err = s.f.ExitSettlement(at, id); return err }, func() {
		require.Equal(t, sv, paise(t, got.Savings))
		require.Equal(t, rc, paise(t, got.Owed))
		require.Equal(t, paid, paise(t, got.PaidOut))
		require.Equal(t, rc-offset, paise(t, got.StillOwed))
		require.Equal(t, paid-(rc-offset), paise(t, got.Net()))
		*s.m.cash(at.Via) -= paid
		s.m.sav[id] = 0
		s.m.rec[id] -= offset
		s.m.shares[id] = 0
		s.m.log = append(s.m.log, change{m: id, date: at.Date, delta: -sv, exit: true})
	})
}

func (s *machine) transfer(t *rapid.T) {
	at, want := s.entry(t, false)
	toBank := rapid.Bool().Draw(t, "toBank")
	from, to := &s.m.box, &s.m.bank
	if !toBank {
		from, to = to, from
	}
	amt := amount(t, "amount", *from)
	switch {
	case want != "":
	case amt <= 0:
		want = savings.CodeAmountNotPositive
	case amt > *from:
		want = savings.CodeInsufficientCash
	}
	s.run(t, want, at, func() error {
		if toBank {
			return s.f.TransferToBank(at, inr(amt))
		}
		return s.f.TransferToBox(at, inr(amt))
	}, func() {
		*from -= amt
		*to += amt
	})
}

func (s *machine) bankLoan(t *rapid.T) {
	at, want := s.entry(t, true)
	if rapid.Bool().Draw(t, "receive") {
		amt := amount(t, "amount", 1_000_000)
		if want == "" && amt <= 0 {
			want = savings.CodeAmountNotPositive
		}
		s.run(t, want, at, func() error { return s.f.BankLoanReceived(at, inr(amt)) }, func() {
			*s.m.cash(at.Via) += amt
			s.m.bankLoan += amt
		})
		return
	}
	p := amount(t, "principal", s.m.bankLoan)
	i := rapid.Int64Range(0, 5_000).Draw(t, "interest")
	switch {
	case want != "":
	case p < 0:
		want = savings.CodeAmountNegative
	case p+i <= 0:
		want = savings.CodeAmountNotPositive
	case p > s.m.bankLoan:
		want = savings.CodeExceedsBankLoan
	case p+i > *s.m.cash(at.Via):
		want = savings.CodeInsufficientCash
	}
	s.run(t, want, at, func() error { return s.f.BankLoanRepaid(at, inr(p), inr(i)) }, func() {
		*s.m.cash(at.Via) -= p + i
		s.m.bankLoan -= p
		s.m.intExp += i
	})
}

// settleAll makes a share-out possible: every loan repaid and the bank
// loan too, when cash allows. It goes through the fund's own operations.
func (s *machine) settleAll(t *rapid.T) {
	at := savings.Entry{Date: s.clock, Ref: "settle"}
	n := s.f.Len()
	defer func() {
		if s.f.Len() > n {
			s.m.last = at.Date
		}
	}()
	for _, id := range members {
		if r := s.m.rec[id]; r > 0 {
			require.NoError(t, s.f.CollectLoan(at, id, savings.Collection{Principal: inr(r)}))
			s.m.box += r
			s.m.rec[id] = 0
		}
	}
	if s.m.bank > 0 {
		require.NoError(t, s.f.TransferToBox(at, inr(s.m.bank)))
		s.m.box += s.m.bank
		s.m.bank = 0
	}
	if b := s.m.bankLoan; b > 0 && b <= s.m.box {
		require.NoError(t, s.f.BankLoanRepaid(at, inr(b), shg.Money{}))
		s.m.box -= b
		s.m.bankLoan = 0
	}
}

func (s *machine) shareOut(t *rapid.T) {
	settled := rapid.IntRange(0, 3).Draw(t, "settleFirst") > 0
	if settled {
		s.settleAll(t)
	}
	at, want := s.entry(t, true)
	if settled && at.Via.IsCash() {
		at.Via = savings.CashBox // where settleAll gathered the cash
	}
	opt := savings.ShareOutOptions{
		Basis:             savings.ShareOutBasis(rapid.IntRange(0, 2).Draw(t, "basis")),
		IncludeSocialFund: rapid.Bool().Draw(t, "includeSocial"),
	}
	m := s.m
	soc := int64(0)
	if opt.IncludeSocialFund {
		soc = m.social
	}
	S := m.totalSavings()
	pool := S + m.retained + m.earnings() + soc
	ids := make([]shg.MemberID, 0, len(m.sav))
	for _, id := range members {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	days := memberDays(m.log, at.Date)
	var parts []shg.MemberID
	var weights []*big.Int
	noShares := false
	for _, id := range ids {
		var w int64
		switch opt.Basis {
		case savings.BySavings:
			w = m.sav[id]
		case savings.ByShares:
			w = m.shares[id]
			noShares = noShares || (w == 0 && m.sav[id] > 0)
		case savings.BySavingsTime:
			w = days[id]
		}
		if w == 0 && m.sav[id] == 0 {
			continue
		}
		parts = append(parts, id)
		weights = append(weights, big.NewInt(w))
	}
	share, base := pool, false
	if opt.Basis == savings.BySavingsTime {
		share, base = pool-S, true
		if share < 0 {
			for i, id := range parts {
				weights[i] = big.NewInt(m.sav[id])
			}
		}
	}
	totalW := new(big.Int)
	for _, w := range weights {
		totalW.Add(totalW, w)
	}
	switch {
	case want != "":
	case m.totalRec() > 0:
		want = savings.CodeLoansOutstanding
	case m.bankLoan > 0:
		want = savings.CodeBankLoanOutstanding
	case pool < 0:
		want = savings.CodeNegativePool
	case noShares:
		want = savings.CodeNoShares
	case share != 0 && totalW.Sign() == 0:
		want = savings.CodeShareOutWeights
	case pool > *m.cash(at.Via):
		want = savings.CodeInsufficientCash
	}
	var d savings.Distribution
	s.run(t, want, at, func() (err error) { d, err = s.f.ShareOut(at, opt); return err }, func() {
		require.Equal(t, pool, paise(t, d.Pool))
		require.Len(t, d.Payouts, len(parts))
		expected := largestRemainder(share, weights)
		sum := int64(0)
		for i, p := range d.Payouts {
			require.Equal(t, parts[i], p.Member)
			got := paise(t, p.Amount)
			want := expected[i]
			if base {
				want += m.sav[p.Member]
			}
			require.Equal(t, want, got, "payout to %s", p.Member)
			// Within one unit of the exact proportional share.
			exact := new(big.Rat)
			if totalW.Sign() != 0 {
				exact.SetFrac(new(big.Int).Mul(big.NewInt(share), weights[i]), totalW)
			}
			if base {
				exact.Add(exact, new(big.Rat).SetInt64(m.sav[p.Member]))
			}
			diff := new(big.Rat).Sub(new(big.Rat).SetInt64(got), exact)
			require.True(t, diff.Abs(diff).Cmp(big.NewRat(1, 1)) < 0, "payout %d off its exact share %s", got, exact.FloatString(4))
			require.GreaterOrEqual(t, got, int64(0))
			sum += got
		}
		require.Equal(t, pool, sum, "payouts must sum to the pool")
		*m.cash(at.Via) -= pool
		for id := range m.sav {
			m.sav[id] = 0
		}
		for id := range m.shares {
			m.shares[id] = 0
		}
		m.interest, m.fee, m.fine, m.penalty, m.writeOff, m.intExp, m.retained = 0, 0, 0, 0, 0, 0, 0
		m.social -= soc
		m.cycle++
		m.log = nil
	})
}

// memberDays is Σ delta × (until − date) over a member's savings changes
// since her last exit: each paisa counts the days from when it came in (or,
// negatively, from when it left) until the share-out.
func memberDays(log []change, until shg.Date) map[shg.MemberID]int64 {
	out := map[shg.MemberID]int64{}
	for _, c := range log {
		if c.exit {
			out[c.m] = 0
			continue
		}
		out[c.m] += c.delta * int64(until.Sub(c.date))
	}
	return out
}

// largestRemainder is Hamilton's method written out: floors first, then one
// unit each to the largest remainders, ties to the lower index. A negative
// total is the negated split of its absolute value.
func largestRemainder(total int64, w []*big.Int) []int64 {
	out := make([]int64, len(w))
	if total == 0 {
		return out
	}
	neg := total < 0
	if neg {
		total = -total
	}
	sum := new(big.Int)
	for _, x := range w {
		sum.Add(sum, x)
	}
	rem := make([]*big.Int, len(w))
	given := int64(0)
	for i, x := range w {
		q, r := new(big.Int).QuoRem(new(big.Int).Mul(big.NewInt(total), x), sum, new(big.Int))
		out[i], rem[i] = q.Int64(), r
		given += out[i]
	}
	idx := make([]int, len(w))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return rem[idx[a]].Cmp(rem[idx[b]]) > 0 })
	for k := int64(0); k < total-given; k++ {
		out[idx[k]]++
	}
	if neg {
		for i := range out {
			out[i] = -out[i]
		}
	}
	return out
}

// clone applies a deposit to a clone, and another to the original, and
// checks the two ledgers stay apart.
func (s *machine) clone(t *rapid.T) {
	before, _ := json.Marshal(s.f)
	n := s.f.Len()
	at := savings.Entry{Date: s.clock, Ref: "clone"}
	g := s.f.Clone()
	require.NoError(t, g.Deposit(at, "amina", inr(111), 0))
	after, _ := json.Marshal(s.f)
	require.JSONEq(t, string(before), string(after), "changing a clone changed the original")
	require.NoError(t, s.f.Deposit(at, "bahar", inr(222), 0))
	s.m.box += 222
	s.m.sav["bahar"] += 222
	s.m.log = append(s.m.log, change{m: "bahar", date: at.Date, delta: 222})
	s.m.last = at.Date
	gp := g.Postings()
	require.Len(t, gp, n+1)
	require.Equal(t, shg.MemberID("amina"), gp[n].Member)
	require.Equal(t, "1.11 INR", gp[n].Legs[0].Amount.String())
}

// roundTrip replaces the fund by its JSON snapshot decoded again.
func (s *machine) roundTrip(t *rapid.T) {
	b, err := json.Marshal(s.f)
	require.NoError(t, err)
	var g savings.Fund
	require.NoError(t, json.Unmarshal(b, &g))
	b2, err := json.Marshal(g)
	require.NoError(t, err)
	require.Equal(t, string(b), string(b2))
	s.f = g
}

func (s *machine) check(t *rapid.T) {
	f, m := s.f, s.m
	tb := f.TrialBalance()
	require.True(t, tb.Balanced(), "trial balance off by %s", tb.Difference())
	require.True(t, tb.Difference().IsZero())
	bs := f.BalanceSheet()
	require.True(t, bs.Balanced(), "balance sheet: %+v", bs)
	cash := f.Cash()
	require.Equal(t, m.box, paise(t, cash.Box))
	require.Equal(t, m.bank, paise(t, cash.Bank))
	require.Equal(t, m.box+m.bank, paise(t, cash.Total))
	require.GreaterOrEqual(t, m.box, int64(0))
	require.GreaterOrEqual(t, m.bank, int64(0))
	require.Equal(t, m.social, paise(t, f.SocialFund()))
	require.Equal(t, m.bankLoan, paise(t, f.BankLoan()))
	require.Equal(t, m.totalSavings(), paise(t, f.TotalSavings()))
	require.Equal(t, m.totalRec(), paise(t, f.TotalReceivable()))
	for _, id := range members {
		require.Equal(t, m.sav[id], paise(t, f.Savings(id)), "savings of %s", id)
		require.GreaterOrEqual(t, paise(t, f.Savings(id)), int64(0))
		require.Equal(t, m.rec[id], paise(t, f.Receivable(id)), "receivable of %s", id)
		require.Equal(t, m.shares[id], int64(f.Shares(id)), "shares of %s", id)
	}
	inc := f.Income()
	require.Equal(t, m.interest, paise(t, inc.Interest))
	require.Equal(t, m.fee, paise(t, inc.Fees))
	require.Equal(t, m.fine, paise(t, inc.Fines))
	require.Equal(t, m.penalty, paise(t, inc.Penalties))
	require.Equal(t, m.writeOff, paise(t, inc.WriteOffs))
	require.Equal(t, m.intExp, paise(t, inc.InterestExpense))
	require.Equal(t, m.earnings(), paise(t, inc.Net))
	require.Equal(t, m.retained, paise(t, f.Balance(savings.RetainedEarnings, "")))
	require.Equal(t, m.cycle, f.Cycle())
	// Utilisation = receivable / (cash + receivable), to 6 places.
	den := m.box + m.bank + m.totalRec()
	u := f.Utilisation(6)
	if den == 0 {
		require.True(t, u.IsZero())
	} else {
		want := decimal.NewFromInt(m.totalRec()).DivRound(decimal.NewFromInt(den), 6)
		require.True(t, want.Equal(u), "utilisation %s, want %s", u, want)
	}
	for _, p := range f.PostingsSince(max(0, f.Len()-3)) {
		require.True(t, p.Balanced(), "posting %d unbalanced", p.Seq)
	}
}

func TestFund_StateMachine(t *testing.T) {
	start := shg.MustDate(shg.SolarHijri, 1403, 1, 15)
	rapid.Check(t, func(t *rapid.T) {
		s := &machine{f: savings.MustFund(cur), m: newModel(), clock: start}
		t.Repeat(map[string]func(*rapid.T){
			"deposit":      s.deposit,
			"deposit2":     s.deposit,
			"deposit3":     s.deposit,
			"fine":         s.fine,
			"socialPayout": s.socialPayout,
			"disburse":     s.disburse,
			"disburse2":    s.disburse,
			"collect":      s.collect,
			"collect2":     s.collect,
			"writeOff":     s.writeOff,
			"withdraw":     s.withdraw,
			"exit":         s.exit,
			"transfer":     s.transfer,
			"bankLoan":     s.bankLoan,
			"shareOut":     s.shareOut,
			"clone":        s.clone,
			"roundTrip":    s.roundTrip,
			"":             s.check,
		})
	})
}
