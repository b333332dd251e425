package loan_test

import (
	"encoding/json"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// accountMachine drives an Account through random operations, valid and
// refused, and checks its invariants after each.
type accountMachine struct {
	a    loan.Account
	unit decimal.Decimal // the rounding unit of the loan's amounts
}

func (m *accountMachine) cur() string { return m.a.Currency() }

func (m *accountMachine) money(units int64) shg.Money {
	return shg.MustMoney(m.unit.Mul(decimal.NewFromInt(units)), m.cur())
}

func (m *accountMachine) nextDate(t *rapid.T) shg.Date {
	return m.a.LastDate().AddDays(rapid.IntRange(0, 45).Draw(t, "days"))
}

func (m *accountMachine) json(t *rapid.T) string {
	b, err := json.Marshal(m.a)
	require.NoError(t, err)
	return string(b)
}

// refusedWhenClosed checks that an account no longer active refuses err.
func (m *accountMachine) refusedWhenClosed(t *rapid.T, err error) {
	switch m.a.Status() {
	case loan.Closed:
		require.True(t, shg.HasCode(err, "loan.closed"), "%v", err)
	case loan.WrittenOff:
		require.True(t, shg.HasCode(err, "loan.written_off"), "%v", err)
	}
}

func (m *accountMachine) Repay(t *rapid.T) {
	on := m.nextDate(t)
	before := m.json(t)
	if m.a.Status() != loan.Active {
		_, err := m.a.Repay(on, m.money(1))
		m.refusedWhenClosed(t, err)
		require.Equal(t, before, m.json(t))
		return
	}
	po, err := m.a.Payoff(on)
	require.NoError(t, err)
	require.True(t, po.IsPositive(), "an active loan owes something")
	minor := shg.Rounding{}.UnitFor(m.cur())
	poUnits := po.Amount().Div(minor).IntPart()
	var amount shg.Money
	switch rapid.IntRange(0, 3).Draw(t, "kind") {
	case 0, 1: // part of what settles the loan
		amount = shg.MustMoney(minor.Mul(decimal.NewFromInt(rapid.Int64Range(1, poUnits).Draw(t, "part"))), m.cur())
	case 2: // exactly what settles it
		amount = po
	default: // more: refused
		amount = shg.MustMoney(po.Amount().Add(minor.Mul(decimal.NewFromInt(rapid.Int64Range(1, 1000).Draw(t, "over")))), m.cur())
	}
	linesBefore := m.a.Installments()
	al, err := m.a.Repay(on, amount)
	if amount.GreaterThan(po) {
		require.True(t, shg.HasCode(err, "loan.overpayment"), "%v", err)
		require.Equal(t, before, m.json(t), "a refused repayment changes nothing")
		return
	}
	require.NoError(t, err)
	require.True(t, al.Total().Equal(amount), "allocation %s of %s", al.Total(), amount)
	require.Equal(t, amount.Equal(po), al.Closed)
	require.Equal(t, al.Closed, m.a.Status() == loan.Closed)
	checkAllocationOrder(t, m.a, linesBefore, on, al)
}

// checkAllocationOrder checks the repayment on date on against the lines
// before it: installments are paid oldest first and, within one, component
// by component in the allocation order; an installment whose charge is not
// earned yet is paid principal only.
func checkAllocationOrder(t *rapid.T, a loan.Account, before []loan.Line, on shg.Date, al loan.Allocation) {
	after := a.Installments()
	require.Len(t, after, len(before))
	order := a.Options().Order
	cur := len(after)
	for i, l := range after {
		if l.Due.After(on) {
			cur = i
			break
		}
	}
	earned := func(i int) bool {
		if i != cur {
			return i < cur
		}
		start := a.Terms().Start
		if i > 0 {
			start = after[i-1].Due
		}
		return on.After(start)
	}
	paid := func(l loan.Line, c loan.Component) shg.Money {
		switch c {
		case loan.PenaltyComponent:
			return l.PaidPenalty
		case loan.FeeComponent:
			return l.PaidFee
		case loan.InterestComponent:
			return l.PaidInterest
		}
		return l.PaidPrincipal
	}
	owed := func(l loan.Line, c loan.Component) shg.Money {
		switch c {
		case loan.PenaltyComponent:
			return sub(t, l.Penalty, l.PaidPenalty)
		case loan.FeeComponent:
			return sub(t, l.Fee, l.PaidFee)
		case loan.InterestComponent:
			return sub(t, l.Interest, l.PaidInterest)
		}
		return sub(t, l.Principal, l.PaidPrincipal)
	}
	payable := func(i int, c loan.Component) bool { return earned(i) || c == loan.PrincipalComponent }
	total := shg.Zero(a.Currency())
	touched := -1
	for i := range after {
		for k, c := range order {
			d := sub(t, paid(after[i], c), paid(before[i], c))
			require.False(t, d.IsNegative())
			if !d.IsPositive() {
				continue
			}
			total, _ = total.Add(d)
			require.True(t, payable(i, c), "installment %d: paid %s on unearned %s", i+1, d, c)
			touched = i
			// Every component before c in the order is settled on this line.
			for _, e := range order[:k] {
				if payable(i, e) {
					require.True(t, owed(after[i], e).IsZero(), "installment %d: %s paid before %s", i+1, c, e)
				}
			}
		}
	}
	require.True(t, total.Equal(al.Total()))
	// Every installment before the last one touched is settled.
	for j := 0; j < touched; j++ {
		for _, c := range order {
			if payable(j, c) {
				require.True(t, owed(after[j], c).IsZero(), "installment %d left %s owed before %d was paid", j+1, c, touched+1)
			}
		}
	}
}

func (m *accountMachine) Disburse(t *rapid.T) {
	on := m.nextDate(t)
	amount := m.money(rapid.Int64Range(1, 1_000_000).Draw(t, "tranche"))
	before, disbursed := m.json(t), m.a.Disbursed()
	err := m.a.Disburse(on, amount)
	if err != nil {
		if m.a.Status() != loan.Active {
			m.refusedWhenClosed(t, err)
		} else {
			var re *shg.RuleError
			require.ErrorAs(t, err, &re)
			for _, c := range re.Codes() {
				// loan.installment_multiple: the re-amortized level
				// installment, rounded to the multiple, would not cover a
				// period's charge (as NewSchedule refuses it).
				require.Contains(t, []string{"loan.no_remaining_installments", "loan.limit_exceeded", "loan.installment_multiple"}, c)
			}
		}
		require.Equal(t, before, m.json(t), "a refused tranche changes nothing")
		return
	}
	want, _ := disbursed.Add(amount)
	require.True(t, m.a.Disbursed().Equal(want))
}

func (m *accountMachine) WriteOff(t *rapid.T) {
	if rapid.IntRange(0, 9).Draw(t, "rarely") != 0 {
		return
	}
	on := m.nextDate(t)
	before := m.json(t)
	outstanding := m.a.OutstandingPrincipal()
	al, err := m.a.WriteOff(on)
	if err != nil {
		m.refusedWhenClosed(t, err)
		require.Equal(t, before, m.json(t))
		return
	}
	require.True(t, al.Principal.Equal(outstanding))
	require.Equal(t, loan.WrittenOff, m.a.Status())
}

func (m *accountMachine) Refused(t *rapid.T) {
	before := m.json(t)
	last := m.a.LastDate()
	var err error
	switch rapid.IntRange(0, 2).Draw(t, "how") {
	case 0: // a date before the last transaction (or the disbursement)
		_, err = m.a.Repay(last.AddDays(-1), m.money(1))
	case 1: // another currency
		other := "USD"
		if m.cur() == other {
			other = "IRR"
		}
		_, err = m.a.Repay(last, shg.MustMoney(decimal.NewFromInt(1), other))
	default:
		err = m.a.Disburse(last, shg.Zero(m.cur()))
	}
	require.ErrorIs(t, err, shg.ErrRuleViolation)
	require.Equal(t, before, m.json(t))
}

// Check is the invariant every state must keep.
func (m *accountMachine) Check(t *rapid.T) {
	a := m.a
	cur := a.Currency()
	lines := a.Installments()
	sumPrincipal, sumPenalty, outstanding := shg.Zero(cur), shg.Zero(cur), shg.Zero(cur)
	var paid [4]shg.Money
	for i := range paid {
		paid[i] = shg.Zero(cur)
	}
	for _, l := range lines {
		// Nothing is ever paid beyond what is due.
		for _, p := range [][2]shg.Money{{l.PaidPrincipal, l.Principal}, {l.PaidInterest, l.Interest},
			{l.PaidFee, l.Fee}, {l.PaidPenalty, l.Penalty}} {
			require.False(t, p[0].IsNegative())
			require.False(t, p[0].GreaterThan(p[1]), "installment %d: paid %s of %s", l.Number, p[0], p[1])
		}
		require.False(t, l.Outstanding().IsNegative(), "installment %d", l.Number)
		if a.Status() != loan.Active {
			require.True(t, l.Outstanding().IsZero(), "installment %d of a %s loan", l.Number, a.Status())
		}
		sumPrincipal, _ = sumPrincipal.Add(l.Principal)
		sumPenalty, _ = sumPenalty.Add(l.Penalty)
		outstanding, _ = outstanding.Add(sub(t, l.Principal, l.PaidPrincipal))
		paid[0], _ = paid[0].Add(l.PaidPrincipal)
		paid[1], _ = paid[1].Add(l.PaidInterest)
		paid[2], _ = paid[2].Add(l.PaidFee)
		paid[3], _ = paid[3].Add(l.PaidPenalty)
	}
	// The installments' principal is what was lent.
	require.True(t, sumPrincipal.Equal(a.Disbursed()), "principal %s, disbursed %s", sumPrincipal, a.Disbursed())
	if a.Status() == loan.Active {
		require.True(t, outstanding.Equal(a.OutstandingPrincipal()))
	}
	// The transactions account for every payment and penalty, in date order.
	var txPaid [4]shg.Money
	for i := range txPaid {
		txPaid[i] = shg.Zero(cur)
	}
	txPenalty, lent := shg.Zero(cur), shg.Zero(cur)
	var prev shg.Date
	for i, x := range a.Transactions() {
		require.False(t, x.On.Before(prev), "transaction %d out of date order", i)
		prev = x.On
		switch x.Kind {
		case loan.KindRepayment:
			txPaid[0], _ = txPaid[0].Add(x.Principal)
			txPaid[1], _ = txPaid[1].Add(x.Interest)
			txPaid[2], _ = txPaid[2].Add(x.Fee)
			txPaid[3], _ = txPaid[3].Add(x.Penalty)
			split, _ := shg.Sum(x.Principal, x.Interest, x.Fee, x.Penalty)
			require.True(t, split.Equal(x.Amount))
		case loan.KindPenalty:
			txPenalty, _ = txPenalty.Add(x.Amount)
		case loan.KindDisbursement:
			lent, _ = lent.Add(x.Amount)
		}
	}
	for i := range paid {
		require.True(t, paid[i].Equal(txPaid[i]), "component %d: lines %s, transactions %s", i, paid[i], txPaid[i])
	}
	require.True(t, sumPenalty.Equal(txPenalty))
	require.True(t, lent.Equal(a.Disbursed()))
	// The snapshot is deterministic.
	require.Equal(t, m.json(t), m.json(t))
}

func TestAccount_Properties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tm := genTerms(t)
		if tm.Installments > 36 {
			tm.Installments = 36
			tm.PrincipalGrace = min(tm.PrincipalGrace, 35)
		}
		perm := rapid.Permutation([]loan.Component{loan.PenaltyComponent, loan.FeeComponent,
			loan.InterestComponent, loan.PrincipalComponent}).Draw(t, "order")
		unit := tm.Rounding.UnitFor(tm.Principal.Currency())
		opts := loan.Options{Order: loan.AllocationOrder(perm)}
		if rapid.Bool().Draw(t, "penalty") {
			opts.Penalty = loan.PenaltyRule{
				GraceDays: rapid.IntRange(0, 10).Draw(t, "graceDays"),
				Flat:      shg.MustMoney(unit.Mul(decimal.NewFromInt(rapid.Int64Range(0, 100).Draw(t, "flatUnits"))), tm.Principal.Currency()),
				Rate:      decimal.New(rapid.Int64Range(0, 500).Draw(t, "penaltyBasisPoints"), -4),
			}
		}
		if rapid.Bool().Draw(t, "limit") {
			opts.Limit = tm.Principal.Mul(decimal.NewFromInt(2))
		}
		a, err := loan.Open("L-prop", tm, opts)
		if err != nil {
			require.True(t, shg.HasCode(err, "loan.installment_multiple"), "%v", err)
			return
		}
		m := &accountMachine{a: a, unit: unit}
		t.Repeat(map[string]func(*rapid.T){
			"repay":    m.Repay,
			"disburse": m.Disburse,
			"writeOff": m.WriteOff,
			"refused":  m.Refused,
			"":         m.Check,
		})
	})
}

// testRepayment is shared by the repayment test and its benchmark: a
// 12-month Kermanshah-size loan repaid installment by installment.
func testRepayment(tb tb) loan.Account {
	tb.Helper()
	tm := loan.Terms{Principal: shg.Toman(2_500_000), AnnualRate: dec("0.04"), Charge: loan.ServiceFee,
		Installments: 12, Every: loan.Months(1), Start: shg.MustDate(shg.SolarHijri, 1397, 12, 1),
		Calendar: shg.SolarHijri, Rounding: shg.Rounding{Unit: decimal.NewFromInt(10)}}
	a, err := loan.Open("L-bench", tm, loan.Options{Penalty: loan.PenaltyRule{GraceDays: 7, Rate: dec("0.01")}})
	require.NoError(tb, err)
	for _, l := range a.Installments() {
		_, err := a.Repay(l.Due, l.Total)
		require.NoError(tb, err)
	}
	return a
}

func TestAccount_RepayEveryInstallment(t *testing.T) {
	a := testRepayment(t)
	require.Equal(t, loan.Closed, a.Status())
	require.Len(t, a.Transactions(), 13)
}

func BenchmarkAccount_Repay12(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		testRepayment(b)
	}
}

// BenchmarkAccount_RepayOne is one repayment on a 52-installment loan.
func BenchmarkAccount_RepayOne(b *testing.B) {
	tm := loan.Terms{Principal: shg.Toman(2_500_000), AnnualRate: dec("0.04"), Installments: 52, Every: loan.Weeks(1),
		Start: greg(2024, 1, 1), Rounding: shg.Rounding{Unit: decimal.NewFromInt(10)}}
	open, err := loan.Open("L-bench", tm, loan.Options{})
	require.NoError(b, err)
	on := greg(2024, 6, 1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		acc := open // value semantics: each iteration starts from the open loan
		if _, err := acc.Repay(on, shg.Toman(100_000)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen_52Weekly opens a 52-installment loan with a penalty rule.
func BenchmarkOpen_52Weekly(b *testing.B) {
	tm := loan.Terms{Principal: shg.Toman(2_500_000), AnnualRate: dec("0.04"), Installments: 52, Every: loan.Weeks(1),
		Start: greg(2024, 1, 1), Rounding: shg.Rounding{Unit: decimal.NewFromInt(10)}}
	opts := loan.Options{Penalty: loan.PenaltyRule{GraceDays: 7, Rate: dec("0.01")}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := loan.Open("L-bench", tm, opts); err != nil {
			b.Fatal(err)
		}
	}
}
