package loan_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func greg(y, m, d int) shg.Date { return shg.MustDate(shg.Gregorian, y, m, d) }

// baseTerms is the loan most account tests use. 1,200,000 IRR at 12% (1% a
// month), declining balance, equal principal, 4 monthly installments from
// 10 Jan 2024:
//
//	#  due     principal  interest  total
//	1  10 Feb  300,000    12,000    312,000   (1% of 1,200,000)
//	2  10 Mar  300,000     9,000    309,000   (1% of   900,000)
//	3  10 Apr  300,000     6,000    306,000   (1% of   600,000)
//	4  10 May  300,000     3,000    303,000   (1% of   300,000)
func baseTerms() loan.Terms {
	return loan.Terms{Principal: shg.Rials(1_200_000), AnnualRate: dec("0.12"), Amortization: loan.EqualPrincipal,
		Installments: 4, Every: loan.Months(1), Start: greg(2024, 1, 10)}
}

func openAccount(tb tb, terms loan.Terms, opts loan.Options) loan.Account {
	tb.Helper()
	a, err := loan.Open("L-1", terms, opts)
	require.NoError(tb, err)
	return a
}

func snapshot(tb tb, a loan.Account) string {
	tb.Helper()
	b, err := json.Marshal(a)
	require.NoError(tb, err)
	return string(b)
}

// requireCodes asserts err is a *shg.RuleError with exactly these codes.
func requireCodes(tb tb, err error, codes ...string) {
	tb.Helper()
	var re *shg.RuleError
	require.ErrorAs(tb, err, &re)
	require.ElementsMatch(tb, codes, re.Codes(), "%v", err)
}

type split struct{ principal, interest, fee, penalty, waived int64 }

func assertAllocation(tb tb, want split, got loan.Allocation) {
	tb.Helper()
	assertMoney(tb, shg.Rials(want.principal), got.Principal, "principal")
	assertMoney(tb, shg.Rials(want.interest), got.Interest, "interest")
	assertMoney(tb, shg.Rials(want.fee), got.Fee, "fee")
	assertMoney(tb, shg.Rials(want.penalty), got.Penalty, "penalty")
	assertMoney(tb, shg.Rials(want.waived), got.Waived, "waived")
}

func TestOpen(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		a := openAccount(t, baseTerms(), loan.Options{})
		assert.Equal(t, shg.LoanID("L-1"), a.ID())
		assert.Equal(t, loan.Active, a.Status())
		assert.Equal(t, "IRR", a.Currency())
		assertMoney(t, shg.Rials(1_200_000), a.Disbursed())
		assertMoney(t, shg.Rials(1_200_000), a.OutstandingPrincipal())
		assert.Equal(t, greg(2024, 1, 10), a.LastDate())
		lines := a.Installments()
		require.Len(t, lines, 4)
		for i, want := range []int64{312_000, 309_000, 306_000, 303_000} {
			assertMoney(t, shg.Rials(want), lines[i].Total, "line", i+1)
			assertMoney(t, shg.Rials(want), lines[i].Outstanding(), "line", i+1)
			assert.Equal(t, greg(2024, 2+i, 10), lines[i].Due)
		}
		txns := a.Transactions()
		require.Len(t, txns, 1)
		assert.Equal(t, loan.KindDisbursement, txns[0].Kind)
		assertMoney(t, shg.Rials(1_200_000), txns[0].Amount)
		assert.Equal(t, loan.DefaultAllocationOrder, a.Options().Order, "the zero order is stored as the default")
	})
	t.Run("ErrBadInput", func(t *testing.T) {
		terms := baseTerms()
		terms.Installments = 0
		_, err := loan.Open("has space", terms, loan.Options{
			Order:   loan.AllocationOrder{loan.PrincipalComponent, loan.PrincipalComponent, loan.FeeComponent, loan.PenaltyComponent},
			Penalty: loan.PenaltyRule{GraceDays: -1, Flat: shg.MustParseMoney("5 USD"), Rate: dec("-0.1")},
			Limit:   shg.MustParseMoney("100 USD"),
		})
		requireCodes(t, err, "loan.id", "loan.installments", "loan.allocation_order",
			"loan.penalty", "loan.penalty", "loan.penalty", "loan.limit")
		assert.ErrorIs(t, err, shg.ErrInvalidID)
	})
	t.Run("ErrLimitExceeded", func(t *testing.T) {
		_, err := loan.Open("L-1", baseTerms(), loan.Options{Limit: shg.Rials(1_000_000)})
		requireCodes(t, err, "loan.limit_exceeded")
	})
}

func TestAccount_Repay(t *testing.T) {
	t.Run("OnTime", func(t *testing.T) {
		a := openAccount(t, baseTerms(), loan.Options{})
		al, err := a.Repay(greg(2024, 2, 10), shg.Rials(312_000))
		require.NoError(t, err)
		assertAllocation(t, split{principal: 300_000, interest: 12_000}, al)
		assert.False(t, al.Closed)
		assertMoney(t, shg.Rials(312_000), al.Total())
		assert.True(t, a.Installments()[0].IsSettled())
		assertMoney(t, shg.Rials(900_000), a.OutstandingPrincipal())
		assert.Equal(t, 0, a.Arrears(greg(2024, 3, 1)).DaysPastDue)
		txns := a.Transactions()
		require.Len(t, txns, 2)
		assert.Equal(t, loan.KindRepayment, txns[1].Kind)
		assertMoney(t, shg.Rials(12_000), txns[1].Interest)
	})
	t.Run("PartialPaysChargeFirst", func(t *testing.T) {
		// Default order: penalties, fees, interest, principal.
		a := openAccount(t, baseTerms(), loan.Options{})
		al, err := a.Repay(greg(2024, 2, 10), shg.Rials(5_000))
		require.NoError(t, err)
		assertAllocation(t, split{interest: 5_000}, al)
		// 10 days later: 7,000 interest and 300,000 principal overdue.
		ar := a.Arrears(greg(2024, 2, 20))
		assert.Equal(t, 10, ar.DaysPastDue)
		assert.Equal(t, loan.Days1To30, ar.Bucket)
		assert.Equal(t, 1, ar.Installments)
		assertMoney(t, shg.Rials(7_000), ar.Interest)
		assertMoney(t, shg.Rials(300_000), ar.Principal)
		assertMoney(t, shg.Rials(307_000), ar.Total())
		assertMoney(t, shg.Rials(1_200_000), ar.OutstandingPrincipal)
	})
	t.Run("CustomOrder", func(t *testing.T) {
		a := openAccount(t, baseTerms(), loan.Options{Order: loan.AllocationOrder{
			loan.PrincipalComponent, loan.InterestComponent, loan.FeeComponent, loan.PenaltyComponent}})
		al, err := a.Repay(greg(2024, 2, 10), shg.Rials(305_000))
		require.NoError(t, err)
		assertAllocation(t, split{principal: 300_000, interest: 5_000}, al)
	})
	t.Run("EarlyInCurrentPeriod", func(t *testing.T) {
		// On 20 Jan the first period has begun: its interest is earned.
		a := openAccount(t, baseTerms(), loan.Options{})
		al, err := a.Repay(greg(2024, 1, 20), shg.Rials(100_000))
		require.NoError(t, err)
		assertAllocation(t, split{principal: 88_000, interest: 12_000}, al)
	})
	t.Run("AheadPaysOnlyPrincipalOfLaterInstallments", func(t *testing.T) {
		// 400,000 on 20 Jan: installment 1 whole (312,000), then 88,000 of
		// installment 2's principal; its interest is not earned yet.
		a := openAccount(t, baseTerms(), loan.Options{})
		al, err := a.Repay(greg(2024, 1, 20), shg.Rials(400_000))
		require.NoError(t, err)
		assertAllocation(t, split{principal: 388_000, interest: 12_000}, al)
		l2 := a.Installments()[1]
		assertMoney(t, shg.Rials(88_000), l2.PaidPrincipal)
		assert.True(t, l2.PaidInterest.IsZero())
	})
	t.Run("Payoff", func(t *testing.T) {
		a := openAccount(t, baseTerms(), loan.Options{})
		for _, c := range []struct {
			on   shg.Date
			want int64
		}{
			{greg(2024, 1, 10), 1_200_000}, // disbursement day: no period begun
			{greg(2024, 1, 20), 1_212_000}, // period 1 begun: + 12,000
			{greg(2024, 2, 10), 1_212_000}, // installment 1 due; period 2 not begun
			{greg(2024, 2, 11), 1_221_000}, // period 2 begun: + 9,000
			{greg(2024, 6, 1), 1_230_000},  // everything due: 1.2M + 30,000
		} {
			got, err := a.Payoff(c.on)
			require.NoError(t, err)
			assertMoney(t, shg.Rials(c.want), got, c.on)
		}
		before := snapshot(t, a)
		_, err := a.Repay(greg(2024, 1, 20), shg.Rials(1_212_001))
		requireCodes(t, err, "loan.overpayment")
		assert.Equal(t, before, snapshot(t, a), "a refused repayment changes nothing")

		al, err := a.Repay(greg(2024, 1, 20), shg.Rials(1_212_000))
		require.NoError(t, err)
		assertAllocation(t, split{principal: 1_200_000, interest: 12_000, waived: 9_000 + 6_000 + 3_000}, al)
		assert.True(t, al.Closed)
		assert.Equal(t, loan.Closed, a.Status())
		for _, l := range a.Installments() {
			assert.True(t, l.IsSettled(), "line %d", l.Number)
		}
		po, err := a.Payoff(greg(2024, 1, 20))
		require.NoError(t, err)
		assert.True(t, po.IsZero())
		assert.True(t, a.OutstandingPrincipal().IsZero())

		_, err = a.Repay(greg(2024, 2, 1), shg.Rials(1))
		requireCodes(t, err, "loan.closed")
		requireCodes(t, a.Disburse(greg(2024, 2, 1), shg.Rials(1000)), "loan.closed")
	})
	t.Run("ErrBadInput", func(t *testing.T) {
		a := openAccount(t, baseTerms(), loan.Options{})
		_, err := a.Repay(greg(2024, 2, 10), shg.Rials(1000))
		require.NoError(t, err)
		before := snapshot(t, a)
		for _, c := range []struct {
			name   string
			on     shg.Date
			amount shg.Money
			codes  []string
		}{
			{"Zero", greg(2024, 2, 10), shg.Rials(0), []string{"loan.amount_not_positive"}},
			{"Negative", greg(2024, 2, 10), shg.Rials(-5), []string{"loan.amount_not_positive"}},
			{"WrongCurrency", greg(2024, 2, 10), shg.MustParseMoney("10 USD"), []string{"loan.currency"}},
			{"NoCurrency", greg(2024, 2, 10), shg.Money{}, []string{"loan.currency", "loan.amount_not_positive"}},
			{"FractionOfRial", greg(2024, 2, 10), shg.MustParseMoney("10.5 IRR"), []string{"loan.amount_unit"}},
			{"BeforeDisbursement", greg(2024, 1, 9), shg.Rials(10), []string{"loan.date_before_disbursement"}},
			{"BeforeLastTransaction", greg(2024, 2, 9), shg.Rials(10), []string{"loan.date_before_last_transaction"}},
			{"Everything", greg(2024, 2, 9), shg.MustParseMoney("-1 USD"), []string{"loan.date_before_last_transaction", "loan.currency", "loan.amount_not_positive"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, err := a.Repay(c.on, c.amount)
				requireCodes(t, err, c.codes...)
				assert.ErrorIs(t, err, shg.ErrRuleViolation)
				assert.Equal(t, before, snapshot(t, a))
			})
		}
		var zero loan.Account
		_, err = zero.Repay(greg(2024, 2, 10), shg.Rials(10))
		requireCodes(t, err, "loan.not_open")
	})
}

func TestAccount_Penalty(t *testing.T) {
	// 1,000 flat + 2% of the unpaid installment, 5 days after the due date:
	// installment 1 (due 10 Feb) is assessed on 16 Feb.
	opts := loan.Options{Penalty: loan.PenaltyRule{GraceDays: 5, Flat: shg.Rials(1_000), Rate: dec("0.02")}}
	t.Run("Unpaid", func(t *testing.T) {
		a := openAccount(t, baseTerms(), opts)
		assert.True(t, a.Arrears(greg(2024, 2, 15)).Penalty.IsZero(), "within the grace days")
		// 1,000 + 2% of 312,000 = 7,240.
		ar := a.Arrears(greg(2024, 2, 16))
		assertMoney(t, shg.Rials(7_240), ar.Penalty)
		assertMoney(t, shg.Rials(319_240), a.Due(greg(2024, 2, 20)))
		assert.Len(t, a.Transactions(), 1, "queries change nothing")
		al, err := a.Repay(greg(2024, 2, 20), shg.Rials(319_240))
		require.NoError(t, err)
		assertAllocation(t, split{principal: 300_000, interest: 12_000, penalty: 7_240}, al)
		txns := a.Transactions()
		require.Len(t, txns, 3)
		assert.Equal(t, loan.KindPenalty, txns[1].Kind)
		assert.Equal(t, greg(2024, 2, 16), txns[1].On)
		assert.Equal(t, 1, txns[1].Installment)
		assertMoney(t, shg.Rials(7_240), txns[1].Amount)
		assert.True(t, a.Installments()[0].IsSettled())
	})
	t.Run("PartlyPaidBeforePenaltyDate", func(t *testing.T) {
		// 12,000 paid on 12 Feb leaves 300,000: penalty 1,000 + 6,000.
		a := openAccount(t, baseTerms(), opts)
		_, err := a.Repay(greg(2024, 2, 12), shg.Rials(12_000))
		require.NoError(t, err)
		assertMoney(t, shg.Rials(7_000), a.Arrears(greg(2024, 3, 1)).Penalty)
	})
	t.Run("PaidWithinGrace", func(t *testing.T) {
		a := openAccount(t, baseTerms(), opts)
		_, err := a.Repay(greg(2024, 2, 15), shg.Rials(312_000))
		require.NoError(t, err)
		_, err = a.Repay(greg(2024, 3, 10), shg.Rials(309_000))
		require.NoError(t, err)
		for _, txn := range a.Transactions() {
			assert.NotEqual(t, loan.KindPenalty, txn.Kind)
		}
	})
}

func TestBucketFor(t *testing.T) {
	for days, want := range map[int]loan.Bucket{
		-3: loan.Current, 0: loan.Current, 1: loan.Days1To30, 30: loan.Days1To30, 31: loan.Days31To60,
		60: loan.Days31To60, 61: loan.Days61To90, 90: loan.Days61To90, 91: loan.DaysOver90, 1000: loan.DaysOver90,
	} {
		assert.Equal(t, want, loan.BucketFor(days), "%d days", days)
	}
}

func TestAccount_Arrears(t *testing.T) {
	a := openAccount(t, baseTerms(), loan.Options{})
	// Nothing paid. On 11 May 2024 the oldest installment (10 Feb) is
	// 29 (Feb, leap year) + 31 + 30 + 1 = 91 days past due; all four are due.
	ar := a.Arrears(greg(2024, 5, 11))
	assert.Equal(t, 91, ar.DaysPastDue)
	assert.Equal(t, loan.DaysOver90, ar.Bucket)
	assert.Equal(t, 4, ar.Installments)
	assertMoney(t, shg.Rials(1_200_000), ar.Principal)
	assertMoney(t, shg.Rials(30_000), ar.Interest)
	assertMoney(t, shg.Rials(1_200_000), ar.AtRisk(30))
	assert.True(t, ar.AtRisk(91).IsZero())
	// On a due date the installment is due, not yet overdue.
	ar = a.Arrears(greg(2024, 2, 10))
	assert.Equal(t, 0, ar.DaysPastDue)
	assert.Equal(t, loan.Current, ar.Bucket)
	assert.True(t, ar.Total().IsZero())
	assertMoney(t, shg.Rials(312_000), a.Due(greg(2024, 2, 10)))
	assert.True(t, a.Due(greg(2024, 2, 9)).IsZero())
	// Paying the oldest moves the age to the next one: 10 Mar → 11 May = 62.
	_, err := a.Repay(greg(2024, 5, 11), shg.Rials(312_000))
	require.NoError(t, err)
	ar = a.Arrears(greg(2024, 5, 11))
	assert.Equal(t, 62, ar.DaysPastDue)
	assert.Equal(t, loan.Days61To90, ar.Bucket)
	assert.Equal(t, 3, ar.Installments)
}

func TestAccount_WriteOff(t *testing.T) {
	a := openAccount(t, baseTerms(), loan.Options{})
	// On 15 Mar installments 1 and 2 are due and period 3 has begun: their
	// interest 12,000 + 9,000 + 6,000 is written off with all the principal;
	// installment 4's 3,000 was never earned and is waived.
	al, err := a.WriteOff(greg(2024, 3, 15))
	require.NoError(t, err)
	assertAllocation(t, split{principal: 1_200_000, interest: 27_000, waived: 3_000}, al)
	assert.Equal(t, loan.WrittenOff, a.Status())
	assert.True(t, a.OutstandingPrincipal().IsZero())
	assert.True(t, a.Arrears(greg(2024, 6, 1)).Total().IsZero())
	for _, l := range a.Installments() {
		assert.True(t, l.Outstanding().IsZero(), "line %d", l.Number)
	}
	txns := a.Transactions()
	assert.Equal(t, loan.KindWriteOff, txns[len(txns)-1].Kind)
	assertMoney(t, shg.Rials(1_227_000), txns[len(txns)-1].Amount)

	_, err = a.Repay(greg(2024, 4, 1), shg.Rials(10))
	requireCodes(t, err, "loan.written_off")
	_, err = a.WriteOff(greg(2024, 4, 1))
	requireCodes(t, err, "loan.written_off")
	po, err := a.Payoff(greg(2024, 4, 1))
	require.NoError(t, err)
	assert.True(t, po.IsZero())
}

func TestAccount_Disburse(t *testing.T) {
	t.Run("ReamortizesWhatRemains", func(t *testing.T) {
		// A second tranche of 600,000 on 20 Feb. Installment 1 (due 10 Feb)
		// stays; the 900,000 still scheduled plus 600,000 = 1,500,000 is spread
		// over the 3 remaining installments: 500,000 each, interest 1% of
		// 1,500,000, 1,000,000 and 500,000, on the same due dates.
		a := openAccount(t, baseTerms(), loan.Options{})
		require.NoError(t, a.Disburse(greg(2024, 2, 20), shg.Rials(600_000)))
		assertMoney(t, shg.Rials(1_800_000), a.Disbursed())
		lines := a.Installments()
		require.Len(t, lines, 4)
		assertMoney(t, shg.Rials(312_000), lines[0].Total)
		for i, want := range []struct{ p, in int64 }{{500_000, 15_000}, {500_000, 10_000}, {500_000, 5_000}} {
			l := lines[i+1]
			assert.Equal(t, i+2, l.Number)
			assert.Equal(t, greg(2024, 3+i, 10), l.Due)
			assertMoney(t, shg.Rials(want.p), l.Principal)
			assertMoney(t, shg.Rials(want.in), l.Interest)
		}
		txns := a.Transactions()
		assert.Equal(t, loan.KindDisbursement, txns[len(txns)-1].Kind)
		assertMoney(t, shg.Rials(1_800_000), a.OutstandingPrincipal())
	})
	t.Run("KeepsAdvancePayments", func(t *testing.T) {
		// 400,000 on 20 Jan pays installment 1 and 88,000 of installment 2's
		// principal; a tranche on 25 Jan re-amortizes installments 1–4 and the
		// payments stay where they were, component by component.
		a := openAccount(t, baseTerms(), loan.Options{})
		_, err := a.Repay(greg(2024, 1, 20), shg.Rials(400_000))
		require.NoError(t, err)
		require.NoError(t, a.Disburse(greg(2024, 1, 25), shg.Rials(400_000)))
		// 1,600,000 over 4: 400,000 each; interest 16,000, 12,000, 8,000, 4,000.
		lines := a.Installments()
		assertMoney(t, shg.Rials(16_000), lines[0].Interest)
		assertMoney(t, shg.Rials(12_000), lines[0].PaidInterest)
		assertMoney(t, shg.Rials(388_000), lines[0].PaidPrincipal)
		assert.True(t, lines[1].PaidPrincipal.IsZero())
		assertMoney(t, shg.Rials(1_212_000), a.OutstandingPrincipal())
	})
	t.Run("Errors", func(t *testing.T) {
		terms := baseTerms()
		terms.Rounding.Unit = decimal.NewFromInt(1000)
		a := openAccount(t, terms, loan.Options{Limit: shg.Rials(1_500_000)})
		before := snapshot(t, a)
		requireCodes(t, a.Disburse(greg(2024, 2, 20), shg.Rials(600_000)), "loan.limit_exceeded")
		requireCodes(t, a.Disburse(greg(2024, 2, 20), shg.Rials(100_500)), "loan.amount_unit")
		requireCodes(t, a.Disburse(greg(2024, 5, 10), shg.Rials(1000)), "loan.no_remaining_installments")
		requireCodes(t, a.Disburse(greg(2024, 1, 1), shg.MustParseMoney("1 USD")), "loan.date_before_disbursement", "loan.currency")
		assert.Equal(t, before, snapshot(t, a))
	})
	t.Run("FlatKeepsItsCharge", func(t *testing.T) {
		// Flat 1% a month on 1,200,000 over 4: 12,000 interest a month. On
		// 15 Apr installment 4's period has begun; everything but its
		// principal is paid. A 1,000 tranche re-amortizes installment 4 alone:
		// principal 300,000 + 1,000, charge the 12,000 already scheduled plus
		// the tranche's own flat 1% × 1,000 × 1 = 10. The 12,000 paid stays paid.
		terms := baseTerms()
		terms.Interest = loan.Flat
		a := openAccount(t, terms, loan.Options{})
		po, err := a.Payoff(greg(2024, 4, 15))
		require.NoError(t, err)
		_, err = a.Repay(greg(2024, 4, 15), sub(t, po, shg.Rials(300_000)))
		require.NoError(t, err)
		require.NoError(t, a.Disburse(greg(2024, 4, 15), shg.Rials(1_000)))
		l4 := a.Installments()[3]
		assertMoney(t, shg.Rials(301_000), l4.Principal)
		assertMoney(t, shg.Rials(12_010), l4.Interest)
		assertMoney(t, shg.Rials(12_000), l4.PaidInterest)
		assertMoney(t, shg.Rials(301_010), l4.Outstanding())
	})
}

func sub(tb tb, a, b shg.Money) shg.Money {
	tb.Helper()
	r, err := a.Sub(b)
	require.NoError(tb, err)
	return r
}

func TestAccount_ValueSemantics(t *testing.T) {
	a := openAccount(t, baseTerms(), loan.Options{})
	orig := snapshot(t, a)
	c := a.Clone()
	_, err := c.Repay(greg(2024, 2, 10), shg.Rials(312_000))
	require.NoError(t, err)
	require.NoError(t, c.Disburse(greg(2024, 2, 11), shg.Rials(1000)))
	assert.Equal(t, orig, snapshot(t, a), "changing a clone leaves the original")
	// A plain copy too: operations never write into shared memory.
	b := a
	_, err = b.Repay(greg(2024, 2, 10), shg.Rials(100))
	require.NoError(t, err)
	d := a
	_, err = d.Repay(greg(2024, 2, 10), shg.Rials(200))
	require.NoError(t, err)
	assert.Equal(t, orig, snapshot(t, a))
	assertMoney(t, shg.Rials(100), b.Installments()[0].Paid())
	assertMoney(t, shg.Rials(200), d.Installments()[0].Paid())
	// Accessors return copies.
	lines := a.Installments()
	lines[0].PaidPrincipal = shg.Rials(5)
	txns := a.Transactions()
	txns[0].Amount = shg.Rials(5)
	assert.Equal(t, orig, snapshot(t, a))
}

func TestAccount_MarshalJSON(t *testing.T) {
	build := func() loan.Account {
		a := openAccount(t, baseTerms(), loan.Options{Penalty: loan.PenaltyRule{GraceDays: 3, Rate: dec("0.01")}})
		_, err := a.Repay(greg(2024, 2, 20), shg.Rials(100_000))
		require.NoError(t, err)
		return a
	}
	s1, s2 := snapshot(t, build()), snapshot(t, build())
	assert.Equal(t, s1, s2, "equal histories encode identically")
	for _, want := range []string{`"id":"L-1"`, `"status":"active"`, `"interest":"decliningBalance"`,
		`"amortization":"equalPrincipal"`, `"every":{"n":1,"unit":"month"}`, `"kind":"penalty"`,
		`"order":["penalty","fee","interest","principal"]`, `"start":"2024-01-10"`} {
		assert.Contains(t, s1, want)
	}
	assert.False(t, strings.Contains(s1, "e+"), "no exponent notation")
	var zero loan.Account
	b, err := json.Marshal(zero)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"installments":[]`)
}

func TestAccount_Installment(t *testing.T) {
	a, err := loan.Open("l1", loan.Terms{Principal: shg.Rials(1200), Installments: 3, Every: loan.Months(1),
		Start: shg.MustDate(shg.Gregorian, 2024, 1, 31)}, loan.Options{})
	require.NoError(t, err)
	require.Equal(t, 3, a.Len())
	all := a.Installments()
	for n := 1; n <= 3; n++ {
		l, ok := a.Installment(n)
		require.True(t, ok)
		assert.Equal(t, all[n-1].Number, l.Number)
		assert.True(t, all[n-1].Total.Equal(l.Total))
	}
	// Zero rate: 1200 in three equal parts of 400.
	l, _ := a.Installment(2)
	assert.True(t, l.Principal.Equal(shg.Rials(400)))
	_, ok := a.Installment(0)
	assert.False(t, ok)
	_, ok = a.Installment(4)
	assert.False(t, ok)
}

// An account keeps its books in int64 minor units: 2^63−1 =
// 9,223,372,036,854,775,807 rials at most, penalties included. The
// figures below are chosen on either side of that bound by hand.
func TestAccount_AmountTooLarge(t *testing.T) {
	terms := func(principal string) loan.Terms {
		return loan.Terms{Principal: shg.MustParseMoney(principal + " IRR"), AnnualRate: dec("0.12"),
			Installments: 12, Every: loan.Months(1), Start: greg(2024, 1, 1)}
	}
	// 10^19 rials is above the bound by itself.
	_, err := loan.Open("L-1", terms("10000000000000000000"), loan.Options{})
	require.True(t, shg.HasCode(err, loan.CodeAmountTooLarge), "%v", err)
	// 10^18 rials at 12% over a year owes about 1.07 × 10^18: it fits...
	a, err := loan.Open("L-1", terms("1000000000000000000"), loan.Options{})
	require.NoError(t, err)
	// A penalty rule may charge each installment again, up to ⌈Rate⌉ times
	// its total. The level payment at 1% a month is P × 0.01/(1 − 1.01^−12)
	// = 0.0888488 P, so the lines total 1.0662 × 10^18: with Rate 7 the
	// bound is 8 × that, 8.53 × 10^18, which fits 9.22 × 10^18; with Rate
	// 7.01 (⌈⌉ = 8) it is 9 × that, 9.60 × 10^18, which does not.
	_, err = loan.Open("L-1", terms("1000000000000000000"), loan.Options{Penalty: loan.PenaltyRule{Rate: dec("7")}})
	require.NoError(t, err)
	_, err = loan.Open("L-1", terms("1000000000000000000"), loan.Options{Penalty: loan.PenaltyRule{Rate: dec("7.01")}})
	require.True(t, shg.HasCode(err, loan.CodeAmountTooLarge), "%v", err)
	// A tranche of 9 × 10^18 on top of the 10^18 outstanding does not fit;
	// the account is unchanged.
	before, _ := json.Marshal(a)
	err = a.Disburse(greg(2024, 2, 15), shg.MustParseMoney("9000000000000000000 IRR"))
	require.True(t, shg.HasCode(err, loan.CodeAmountTooLarge), "%v", err)
	after, _ := json.Marshal(a)
	require.Equal(t, string(before), string(after))
	// A repayment beyond the int64 range is an overpayment like any other,
	// refused with the payoff as the most that may be paid.
	on := greg(2024, 1, 20)
	po, err := a.Payoff(on)
	require.NoError(t, err)
	_, err = a.Repay(on, shg.MustParseMoney("100000000000000000000000 IRR"))
	require.True(t, shg.HasCode(err, loan.CodeOverpayment), "%v", err)
	require.Contains(t, err.Error(), "<= "+po.String())
}
