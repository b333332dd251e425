package loan_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// tb is what both *testing.T and *rapid.T provide.
type tb interface {
	require.TestingT
	Helper()
}

func mustSchedule(tb tb, t loan.Terms) loan.Schedule {
	tb.Helper()
	s, err := loan.NewSchedule(t)
	require.NoError(tb, err)
	return s
}

// assertMoney compares amounts with Equal, never with ==.
func assertMoney(tb tb, want, got shg.Money, msgAndArgs ...any) {
	tb.Helper()
	assert.Truef(tb, want.Equal(got), "want %s, got %s %v", want, got, msgAndArgs)
}

// row is one expected installment: amounts as decimal strings in cur.
type row struct {
	due                      shg.Date
	principal, charge, total string
	balance                  string
}

func assertRows(tb testing.TB, s loan.Schedule, cur string, rows []row) {
	tb.Helper()
	got := s.Installments()
	require.Len(tb, got, len(rows))
	fee := s.Terms().Charge == loan.ServiceFee
	for i, r := range rows {
		in := got[i]
		assert.Equal(tb, i+1, in.Number)
		if !r.due.IsZero() {
			assert.Equal(tb, r.due, in.Due, "installment %d due", i+1)
		}
		assertMoney(tb, shg.MustParseMoney(r.principal+" "+cur), in.Principal, "installment", i+1, "principal")
		charge, other := in.Interest, in.Fee
		if fee {
			charge, other = in.Fee, in.Interest
		}
		assertMoney(tb, shg.MustParseMoney(r.charge+" "+cur), charge, "installment", i+1, "charge")
		assert.True(tb, other.IsZero(), "installment %d: the other charge column must be zero", i+1)
		assertMoney(tb, shg.MustParseMoney(r.total+" "+cur), in.Total, "installment", i+1, "total")
		assertMoney(tb, shg.MustParseMoney(r.balance+" "+cur), in.Balance, "installment", i+1, "balance")
	}
}

func TestNewSchedule_FineractPublished(t *testing.T) {
	// Apache Fineract's own integration test (ClientLoanIntegrationTest /
	// GroupLoanIntegrationTest, verifyLoanRepaymentSchedule): 12,000.00 at 2%
	// a month, 4 monthly repayments, declining balance, equal installments,
	// interest "same as repayment period", disbursed 20 September 2011.
	// Fineract publishes principal 2911.49, 2969.72, 3029.11, 3089.68 and
	// interest 240.00, 181.77, 122.38, 61.79 due on the 20th of Oct, Nov, Dec, Jan.
	s := mustSchedule(t, loan.Terms{
		Principal:    shg.MustParseMoney("12000.00 USD"),
		AnnualRate:   dec("0.24"), // 2% a month
		Installments: 4,
		Every:        loan.Months(1),
		Start:        shg.MustDate(shg.Gregorian, 2011, 9, 20),
	})
	g := func(y, m, d int) shg.Date { return shg.MustDate(shg.Gregorian, y, m, d) }
	assertRows(t, s, "USD", []row{
		{g(2011, 10, 20), "2911.49", "240.00", "3151.49", "9088.51"},
		{g(2011, 11, 20), "2969.72", "181.77", "3151.49", "6118.79"},
		{g(2011, 12, 20), "3029.11", "122.38", "3151.49", "3089.68"},
		{g(2012, 1, 20), "3089.68", "61.79", "3151.47", "0"},
	})
	assertMoney(t, shg.MustParseMoney("605.94 USD"), s.TotalInterest())
	assertMoney(t, shg.MustParseMoney("3151.49 USD"), s.LevelInstallment())
}

func TestLevelPayment_NumpyFinancial(t *testing.T) {
	// numpy-financial tests (test_financial.py): pmt(0.08/12, 5*12, 15000)
	// is -304.145914...; Python's decimal at 60 digits gives
	// 304.14591432620523703387...
	r := dec("0.08").DivRound(decimal.NewFromInt(12), 40)
	got := loan.LevelPayment(decimal.NewFromInt(15000), r, 60)
	assert.True(t, got.Sub(dec("304.145914326205237")).Abs().LessThan(dec("1e-15")), "got %s", got)

	t.Run("ppmt", func(t *testing.T) {
		// numpy-financial: ppmt(0.1/12, [1,2,3,4], 24, 2000) is
		// -75.62318601, -76.25337923, -76.88882405, -77.52956425. Principal
		// part k = level payment − balance(k−1) × r, unrounded.
		r := dec("0.1").DivRound(decimal.NewFromInt(12), 40)
		pay := loan.LevelPayment(decimal.NewFromInt(2000), r, 24)
		bal := decimal.NewFromInt(2000)
		for i, want := range []string{"75.62318601", "76.25337923", "76.88882405", "77.52956425"} {
			p := pay.Sub(bal.Mul(r))
			assert.True(t, p.Sub(dec(want)).Abs().LessThan(dec("0.000000005")), "ppmt %d: got %s", i+1, p)
			bal = bal.Sub(p)
		}
	})
	t.Run("RoundedScheduleAgrees", func(t *testing.T) {
		// The same loan in cents: each principal part is numpy's ppmt to the
		// cent (75.62, 76.25, 76.89, 77.53); the per-period rounding never
		// drifts by a cent in the first four periods.
		s := mustSchedule(t, loan.Terms{Principal: shg.MustParseMoney("2000 USD"), AnnualRate: dec("0.1"),
			Installments: 24, Every: loan.Months(1), Start: shg.MustDate(shg.Gregorian, 2020, 1, 1)})
		for i, want := range []string{"75.62", "76.25", "76.89", "77.53"} {
			in, ok := s.Installment(i + 1)
			require.True(t, ok)
			assertMoney(t, shg.MustParseMoney(want+" USD"), in.Principal, "installment", i+1)
		}
	})
	t.Run("Edges", func(t *testing.T) {
		assert.True(t, loan.LevelPayment(decimal.NewFromInt(900), decimal.Zero, 3).Equal(decimal.NewFromInt(300)))
		assert.True(t, loan.LevelPayment(decimal.NewFromInt(900), dec("0.01"), 0).IsZero())
		assert.True(t, loan.LevelPayment(decimal.NewFromInt(900), dec("-1"), 3).IsZero())
		// One period: principal plus one period's interest.
		assert.True(t, loan.LevelPayment(decimal.NewFromInt(1000), dec("0.05"), 1).Equal(decimal.NewFromInt(1050)))
	})
}

func TestTerms_PeriodicRate(t *testing.T) {
	// annual / periods-per-year to 12 significant digits (HalfEven), × N.
	for _, c := range []struct {
		annual string
		every  loan.Period
		want   string
	}{
		{"0.12", loan.Months(1), "0.01"},
		{"0.1", loan.Months(1), "0.00833333333333"}, // 0.1/12 = 0.008333…, 12 digits
		{"0.1", loan.Months(3), "0.02499999999999"}, // the rounded monthly rate × 3
		{"0.52", loan.Weeks(1), "0.01"},             // 52 weeks a year
		{"0.52", loan.Weeks(2), "0.02"},
		{"0.365", loan.Days(1), "0.001"},           // 365 days a year
		{"0.1", loan.Days(1), "0.000273972602740"}, // 0.1/365 = 0.000273972602739|726… rounds up
		{"0", loan.Months(1), "0"},
	} {
		got := loan.Terms{AnnualRate: dec(c.annual), Every: c.every}.PeriodicRate()
		assert.True(t, got.Equal(dec(c.want)), "%s every %s: got %s", c.annual, c.every, got)
	}
	assert.True(t, loan.Terms{AnnualRate: dec("0.1")}.PeriodicRate().IsZero(), "invalid period")
}

func TestNewSchedule_HandDerived(t *testing.T) {
	start := shg.MustDate(shg.Gregorian, 2024, 1, 15)
	base := loan.Terms{Installments: 1, Every: loan.Months(1), Start: start}

	t.Run("Flat", func(t *testing.T) {
		// 1,000,000 IRR, 10% flat, 6 monthly. Rate per month 0.1/12 =
		// 0.00833333333333; flat total = 1,000,000 × 0.00833333333333 × 6 =
		// 49,999.99999998, 12 digits 50,000.0000000 → 50,000. Per installment
		// 50,000/6 = 8,333.33 → 8,333; the last takes 50,000 − 5×8,333 = 8,335.
		// Principal 1,000,000/6 = 166,666.67 → 166,667; the last takes
		// 1,000,000 − 5×166,667 = 166,665. Every total is 175,000.
		tm := base
		tm.Principal, tm.AnnualRate, tm.Interest, tm.Installments = shg.Rials(1_000_000), dec("0.1"), loan.Flat, 6
		s := mustSchedule(t, tm)
		assertRows(t, s, "IRR", []row{
			{start.AddMonths(1, shg.Gregorian), "166667", "8333", "175000", "833333"},
			{shg.Date{}, "166667", "8333", "175000", "666666"},
			{shg.Date{}, "166667", "8333", "175000", "499999"},
			{shg.Date{}, "166667", "8333", "175000", "333332"},
			{shg.Date{}, "166667", "8333", "175000", "166665"},
			{start.AddMonths(6, shg.Gregorian), "166665", "8335", "175000", "0"},
		})
		assertMoney(t, shg.Rials(50_000), s.TotalInterest())
		assert.True(t, s.LevelInstallment().IsZero())
		// Flat is the same for equal principal (Fineract spreads both evenly).
		tm.Amortization = loan.EqualPrincipal
		assert.Equal(t, s.Installments(), mustSchedule(t, tm).Installments())
	})
	t.Run("EqualPrincipal", func(t *testing.T) {
		// 1,000,000 IRR, 10% declining, 3 monthly, equal principal.
		// r = 0.00833333333333. Principal 1,000,000/3 = 333,333.33 → 333,333,
		// the last 333,334. Interest: 1,000,000 r = 8,333.33 → 8,333;
		// 666,667 r = 5,555.558 → 5,556; 333,334 r = 2,777.783 → 2,778.
		tm := base
		tm.Principal, tm.AnnualRate, tm.Amortization, tm.Installments = shg.Rials(1_000_000), dec("0.1"), loan.EqualPrincipal, 3
		s := mustSchedule(t, tm)
		assertRows(t, s, "IRR", []row{
			{shg.Date{}, "333333", "8333", "341666", "666667"},
			{shg.Date{}, "333333", "5556", "338889", "333334"},
			{shg.Date{}, "333334", "2778", "336112", "0"},
		})
		assertMoney(t, shg.Rials(16_667), s.TotalInterest())
	})
	t.Run("Grace", func(t *testing.T) {
		// 1,200,000 IRR, 12% (1% a month), 6 monthly, equal installments,
		// principal grace 2. Grace periods pay interest only: 12,000. The
		// level installment amortizes over 4 periods: pmt(0.01, 4, 1,200,000)
		// = 12,000 × 1.04060401/0.04060401 = 307,537.31 → 307,537.
		// P3: 12,000 interest, 295,537 principal → 904,463
		// P4: 9,044.63 → 9,045; 298,492 → 605,971
		// P5: 6,059.71 → 6,060; 301,477 → 304,494
		// P6: 3,044.94 → 3,045; the rest 304,494; total 307,539.
		tm := base
		tm.Principal, tm.AnnualRate, tm.Installments, tm.PrincipalGrace = shg.Rials(1_200_000), dec("0.12"), 6, 2
		s := mustSchedule(t, tm)
		assertRows(t, s, "IRR", []row{
			{shg.Date{}, "0", "12000", "12000", "1200000"},
			{shg.Date{}, "0", "12000", "12000", "1200000"},
			{shg.Date{}, "295537", "12000", "307537", "904463"},
			{shg.Date{}, "298492", "9045", "307537", "605971"},
			{shg.Date{}, "301477", "6060", "307537", "304494"},
			{shg.Date{}, "304494", "3045", "307539", "0"},
		})
		assertMoney(t, shg.Rials(307_537), s.LevelInstallment())
		assertMoney(t, shg.Rials(54_150), s.TotalInterest())
	})
	t.Run("WeeklyServiceFee", func(t *testing.T) {
		// 520,000 IRR, 52% a year as a service fee, weekly: 0.52/52 = 1% a
		// week. Equal principal 130,000; fee 5,200, 3,900, 2,600, 1,300.
		// Due every 7 days from Tuesday 20 Feb 2024 (a leap year):
		// 27 Feb, 5 Mar (27 + 7 − 29), 12 Mar, 19 Mar.
		tm := base
		tm.Principal, tm.AnnualRate, tm.Amortization, tm.Charge = shg.Rials(520_000), dec("0.52"), loan.EqualPrincipal, loan.ServiceFee
		tm.Installments, tm.Every, tm.Start = 4, loan.Weeks(1), shg.MustDate(shg.Gregorian, 2024, 2, 20)
		s := mustSchedule(t, tm)
		g := func(m, d int) shg.Date { return shg.MustDate(shg.Gregorian, 2024, m, d) }
		assertRows(t, s, "IRR", []row{
			{g(2, 27), "130000", "5200", "135200", "390000"},
			{g(3, 5), "130000", "3900", "133900", "260000"},
			{g(3, 12), "130000", "2600", "132600", "130000"},
			{g(3, 19), "130000", "1300", "131300", "0"},
		})
		assertMoney(t, shg.Rials(13_000), s.TotalFee())
		assert.True(t, s.TotalInterest().IsZero())
		assertMoney(t, shg.Rials(13_000), s.TotalCharge())
		assertMoney(t, shg.Rials(533_000), s.TotalDue())
		// Fortnightly doubles the rate per period: first fee 520,000 × 2% = 10,400.
		tm.Every = loan.Weeks(2)
		first, _ := mustSchedule(t, tm).Installment(1)
		assertMoney(t, shg.Rials(10_400), first.Fee)
		assert.Equal(t, shg.MustDate(shg.Gregorian, 2024, 3, 5), first.Due)
	})
	t.Run("ZeroRate", func(t *testing.T) {
		// Qard al-hasan without fee: 1,000,000 over 3 → 333,333.33 → 333,333,
		// last 333,334; no charge at all.
		tm := base
		tm.Principal, tm.Installments = shg.Rials(1_000_000), 3
		s := mustSchedule(t, tm)
		assertRows(t, s, "IRR", []row{
			{shg.Date{}, "333333", "0", "333333", "666667"},
			{shg.Date{}, "333333", "0", "333333", "333334"},
			{shg.Date{}, "333334", "0", "333334", "0"},
		})
		assert.True(t, s.TotalCharge().IsZero())
	})
	t.Run("InstallmentMultiple", func(t *testing.T) {
		// 25,000,000 IRR at 4%: pmt(0.04/12, 12, 25,000,000) = 2,128,747.60;
		// to the nearest 10,000 rials: 2,130,000. Every installment but the
		// last is 2,130,000; the last is smaller.
		tm := base
		tm.Principal, tm.AnnualRate, tm.Installments, tm.InstallmentMultiple = shg.Rials(25_000_000), dec("0.04"), 12, decimal.NewFromInt(10_000)
		s := mustSchedule(t, tm)
		assertMoney(t, shg.Rials(2_130_000), s.LevelInstallment())
		items := s.Installments()
		for _, in := range items[:len(items)-1] {
			assertMoney(t, shg.Rials(2_130_000), in.Total, "installment", in.Number)
		}
		assert.True(t, items[len(items)-1].Total.LessThan(shg.Rials(2_130_000)))
	})
	t.Run("ClearedEarly", func(t *testing.T) {
		// 6,000 rials in units of 1,000 over 4, equal principal: 6,000/4 =
		// 1,500 → 2,000 (HalfEven ties to the even thousand); three
		// installments clear the balance and, like Fineract, the schedule ends.
		tm := base
		tm.Principal, tm.Installments, tm.Amortization = shg.Rials(6000), 4, loan.EqualPrincipal
		tm.Rounding = shg.Rounding{Unit: decimal.NewFromInt(1000)}
		s := mustSchedule(t, tm)
		assert.Equal(t, 3, s.Len())
		assertRows(t, s, "IRR", []row{
			{shg.Date{}, "2000", "0", "2000", "4000"},
			{shg.Date{}, "2000", "0", "2000", "2000"},
			{shg.Date{}, "2000", "0", "2000", "0"},
		})
		// Flat at 120%: r = 0.1, flat total 6,000 × 0.1 × 4 = 2,400 → 2,000;
		// per installment 500 → 0 (tie to even); the early last installment
		// takes the whole 2,000 so the flat total is kept.
		tm.Interest, tm.AnnualRate = loan.Flat, dec("1.2")
		s = mustSchedule(t, tm)
		assertRows(t, s, "IRR", []row{
			{shg.Date{}, "2000", "0", "2000", "4000"},
			{shg.Date{}, "2000", "0", "2000", "2000"},
			{shg.Date{}, "2000", "2000", "4000", "0"},
		})
	})
	t.Run("DecliningBelowFlat", func(t *testing.T) {
		// Same terms, 12%, 12 months, 1,200,000: flat charges 1% of
		// 1,200,000 every month = 144,000; declining charges 1% of a falling
		// balance: 12 × pmt(0.01, 12, 1.2M) − 1.2M = 12 × 106,618.55 − 1.2M =
		// 79,422.6, give or take a rial of rounding in each of 12 periods.
		tm := base
		tm.Principal, tm.AnnualRate, tm.Installments = shg.Rials(1_200_000), dec("0.12"), 12
		decl := mustSchedule(t, tm).TotalInterest()
		tm.Interest = loan.Flat
		flat := mustSchedule(t, tm).TotalInterest()
		assertMoney(t, shg.Rials(144_000), flat)
		assert.True(t, decl.LessThan(flat))
		diff, err := decl.Sub(shg.Rials(79_423))
		require.NoError(t, err)
		assert.True(t, diff.Abs().LessThan(shg.Rials(13)), "declining total %s", decl)
	})
}

func TestTerms_DueDate(t *testing.T) {
	t.Run("SolarHijriMonthly", func(t *testing.T) {
		// From 31 Shahrivar 1397: Mehr to Bahman have 30 days, so the 31st
		// clamps to the 30th; Esfand 1397 has 29 (1397 is a common year, the
		// next leap year is 1399); Farvardin and Ordibehesht 1398 have 31
		// again, and counting from the start (not the previous due date)
		// brings the 31st back.
		tm := loan.Terms{Principal: shg.Toman(800_000), Installments: 8, Every: loan.Months(1),
			Start: shg.MustDate(shg.SolarHijri, 1397, 6, 31), Calendar: shg.SolarHijri}
		sh := func(y, m, d int) shg.Date { return shg.MustDate(shg.SolarHijri, y, m, d) }
		want := []shg.Date{sh(1397, 7, 30), sh(1397, 8, 30), sh(1397, 9, 30), sh(1397, 10, 30),
			sh(1397, 11, 30), sh(1397, 12, 29), sh(1398, 1, 31), sh(1398, 2, 31)}
		items := mustSchedule(t, tm).Installments()
		require.Len(t, items, len(want))
		for i, in := range items {
			assert.Equal(t, want[i].Format(shg.SolarHijri), in.Due.Format(shg.SolarHijri), "installment %d", i+1)
			assert.Equal(t, want[i], tm.DueDate(i+1))
		}
		assert.Equal(t, tm.Start, tm.DueDate(0))
	})
	t.Run("GregorianMonthEnd", func(t *testing.T) {
		// 31 Jan 2023 + 1, 2, 3 months: 28 Feb, 31 Mar, 30 Apr.
		tm := loan.Terms{Every: loan.Months(1), Start: shg.MustDate(shg.Gregorian, 2023, 1, 31)}
		assert.Equal(t, shg.MustDate(shg.Gregorian, 2023, 2, 28), tm.DueDate(1))
		assert.Equal(t, shg.MustDate(shg.Gregorian, 2023, 3, 31), tm.DueDate(2))
		assert.Equal(t, shg.MustDate(shg.Gregorian, 2023, 4, 30), tm.DueDate(3))
	})
	t.Run("Days", func(t *testing.T) {
		// Every 15 days from 1 Jan 2024: 16 Jan, 31 Jan, 15 Feb.
		tm := loan.Terms{Every: loan.Days(15), Start: shg.MustDate(shg.Gregorian, 2024, 1, 1)}
		assert.Equal(t, shg.MustDate(shg.Gregorian, 2024, 1, 16), tm.DueDate(1))
		assert.Equal(t, shg.MustDate(shg.Gregorian, 2024, 1, 31), tm.DueDate(2))
		assert.Equal(t, shg.MustDate(shg.Gregorian, 2024, 2, 15), tm.DueDate(3))
	})
}

func TestNewSchedule_BadInput(t *testing.T) {
	ok := validTerms()
	for _, c := range []struct {
		name  string
		edit  func(*loan.Terms)
		codes []string
	}{
		{"ZeroPrincipal", func(t *loan.Terms) { t.Principal = shg.Rials(0) }, []string{"loan.principal_not_positive"}},
		{"NegativePrincipal", func(t *loan.Terms) { t.Principal = shg.Rials(-10) }, []string{"loan.principal_not_positive"}},
		{"NoCurrency", func(t *loan.Terms) { t.Principal = shg.Money{} }, []string{"loan.currency", "loan.principal_not_positive"}},
		{"NegativeRate", func(t *loan.Terms) { t.AnnualRate = dec("-0.01") }, []string{"loan.negative_rate"}},
		{"RateAbove10000Percent", func(t *loan.Terms) { t.AnnualRate = dec("100.01") }, []string{"loan.rate_out_of_range"}},
		{"RateTooFine", func(t *loan.Terms) { t.AnnualRate = dec("1e-40") }, []string{"loan.rate_out_of_range"}},
		{"MultipleAbsurd", func(t *loan.Terms) { t.InstallmentMultiple = dec("1e9000") }, []string{"loan.installment_multiple"}},
		{"ZeroInstallments", func(t *loan.Terms) { t.Installments = 0 }, []string{"loan.installments"}},
		{"TooManyInstallments", func(t *loan.Terms) { t.Installments = loan.MaxInstallments + 1 }, []string{"loan.installments"}},
		{"GraceEqualsInstallments", func(t *loan.Terms) { t.PrincipalGrace = 12 }, []string{"loan.grace"}},
		{"GraceAboveInstallments", func(t *loan.Terms) { t.PrincipalGrace = 13 }, []string{"loan.grace"}},
		{"NegativeGrace", func(t *loan.Terms) { t.PrincipalGrace = -1 }, []string{"loan.grace"}},
		{"ZeroPeriod", func(t *loan.Terms) { t.Every = loan.Period{} }, []string{"loan.period"}},
		{"BadUnit", func(t *loan.Terms) { t.Every = loan.Period{N: 1, Unit: 7} }, []string{"loan.period"}},
		{"BadMethod", func(t *loan.Terms) { t.Interest = 5 }, []string{"loan.interest_method"}},
		{"BadAmortization", func(t *loan.Terms) { t.Amortization = 5 }, []string{"loan.amortization"}},
		{"BadCharge", func(t *loan.Terms) { t.Charge = 5 }, []string{"loan.charge"}},
		{"BadCalendar", func(t *loan.Terms) { t.Calendar = 9 }, []string{"loan.calendar"}},
		{"NoStart", func(t *loan.Terms) { t.Start = shg.Date{} }, []string{"loan.start"}},
		{"BadRoundingMode", func(t *loan.Terms) { t.Rounding.Mode = 99 }, []string{"loan.rounding"}},
		{"FractionalRialUnit", func(t *loan.Terms) { t.Rounding.Unit = dec("0.5") }, []string{"loan.rounding"}},
		{"PrincipalOffUnit", func(t *loan.Terms) { t.Rounding.Unit = decimal.NewFromInt(1000); t.Principal = shg.Rials(1_500_500) }, []string{"loan.principal_unit"}},
		{"NegativeMultiple", func(t *loan.Terms) { t.InstallmentMultiple = dec("-1") }, []string{"loan.installment_multiple"}},
		{"MultipleOffUnit", func(t *loan.Terms) { t.Rounding.Unit = decimal.NewFromInt(10); t.InstallmentMultiple = dec("15") }, []string{"loan.installment_multiple"}},
		{"MultipleTooCoarse", func(t *loan.Terms) { t.InstallmentMultiple = decimal.NewFromInt(100_000_000) }, []string{"loan.installment_multiple"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tm := ok
			c.edit(&tm)
			s, err := loan.NewSchedule(tm)
			var re *shg.RuleError
			require.ErrorAs(t, err, &re)
			assert.ErrorIs(t, err, shg.ErrRuleViolation)
			assert.ElementsMatch(t, c.codes, re.Codes())
			assert.Equal(t, 0, s.Len())
		})
	}
}

// genTerms draws valid-looking terms over the whole space: currencies with
// 0, 2 and 3 minor digits, rounding units of 1, 10 and 1000 minor units,
// every method, rounding mode, period and calendar.
func genTerms(t *rapid.T) loan.Terms {
	cur := rapid.SampledFrom([]string{"IRR", "USD", "UGX", "IQD"}).Draw(t, "currency")
	digits, _ := shg.MinorDigits(cur)
	minor := decimal.New(1, -digits)
	var unit decimal.Decimal // zero: the currency's minor unit
	if k := rapid.SampledFrom([]int64{0, 10, 1000}).Draw(t, "unitMinors"); k > 0 {
		unit = minor.Mul(decimal.NewFromInt(k))
	}
	eff := shg.Rounding{Unit: unit}.UnitFor(cur)
	n := rapid.IntRange(1, 120).Draw(t, "installments")
	tm := loan.Terms{
		Principal:    shg.MustMoney(eff.Mul(decimal.NewFromInt(rapid.Int64Range(1, 1_000_000_000).Draw(t, "units"))), cur),
		AnnualRate:   decimal.New(rapid.Int64Range(0, 6000).Draw(t, "basisPoints"), -4),
		Interest:     loan.InterestMethod(rapid.IntRange(0, 1).Draw(t, "method")),
		Amortization: loan.Amortization(rapid.IntRange(0, 1).Draw(t, "amortization")),
		Charge:       loan.ChargeKind(rapid.IntRange(0, 1).Draw(t, "charge")),
		Installments: n,
		Every: loan.Period{N: rapid.IntRange(1, 4).Draw(t, "everyN"),
			Unit: loan.PeriodUnit(rapid.IntRange(0, 2).Draw(t, "unit"))},
		Start:          shg.MustDate(shg.SolarHijri, 1380, 1, 1).AddDays(rapid.IntRange(0, 15_000).Draw(t, "startDay")),
		Calendar:       shg.Calendar(rapid.IntRange(0, 1).Draw(t, "calendar")),
		PrincipalGrace: rapid.IntRange(0, n-1).Draw(t, "grace"),
		Rounding:       shg.Rounding{Mode: shg.RoundingMode(rapid.IntRange(0, 6).Draw(t, "mode")), Unit: unit},
	}
	if k := rapid.SampledFrom([]int64{0, 0, 0, 1, 10, 100}).Draw(t, "multipleUnits"); k > 0 {
		tm.InstallmentMultiple = eff.Mul(decimal.NewFromInt(k))
	}
	return tm
}

// halfMode reports whether mode rounds to the nearest multiple (an error of
// at most half a unit), not in a fixed direction (at most a whole unit).
func halfMode(m shg.RoundingMode) bool {
	return m == shg.HalfEven || m == shg.HalfUp || m == shg.HalfDown
}

func TestNewSchedule_Properties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tm := genTerms(t)
		s, err := loan.NewSchedule(tm)
		if err != nil {
			// The only refusal of generated terms: a multiple so coarse that the
			// level installment would not cover a period's charge.
			require.True(t, shg.HasCode(err, "loan.installment_multiple"), "%v", err)
			require.True(t, tm.InstallmentMultiple.IsPositive())
			return
		}
		items := s.Installments()
		require.NotEmpty(t, items)
		require.LessOrEqual(t, len(items), tm.Installments)
		cur := tm.Principal.Currency()
		sumP, sumC := shg.Zero(cur), shg.Zero(cur)
		prevBal, prevDue := tm.Principal, tm.Start
		for i, in := range items {
			// Totals add up; exactly one charge column is used.
			total, err := shg.Sum(in.Principal, in.Interest, in.Fee)
			require.NoError(t, err)
			require.True(t, total.Equal(in.Total), "installment %d total", i+1)
			if tm.Charge == loan.ServiceFee {
				require.True(t, in.Interest.IsZero())
			} else {
				require.True(t, in.Fee.IsZero())
			}
			// Every amount is a whole multiple of the rounding unit and not negative.
			for _, m := range []shg.Money{in.Principal, in.Interest, in.Fee, in.Total, in.Balance} {
				require.True(t, m.IsRounded(tm.Rounding), "installment %d: %s is not a multiple of the unit", i+1, m)
				require.False(t, m.IsNegative(), "installment %d: negative %s", i+1, m)
			}
			// Balances never rise, and each is the previous less the principal.
			require.False(t, in.Balance.GreaterThan(prevBal), "installment %d: balance rose", i+1)
			next, _ := prevBal.Sub(in.Principal)
			require.True(t, next.Equal(in.Balance), "installment %d balance", i+1)
			require.True(t, in.Due.After(prevDue), "installment %d due date", i+1)
			if i < tm.PrincipalGrace {
				require.True(t, in.Principal.IsZero(), "grace installment %d repays principal", i+1)
			}
			sumP, _ = sumP.Add(in.Principal)
			sumC, _ = sumC.Add(in.Charge())
			prevBal, prevDue = in.Balance, in.Due
		}
		// Principal parts sum to the principal exactly; the balance ends at zero.
		require.True(t, sumP.Equal(tm.Principal), "principal parts sum to %s, want %s", sumP, tm.Principal)
		require.True(t, prevBal.IsZero())
		require.True(t, sumC.Equal(s.TotalCharge()))

		unit := tm.Rounding.UnitFor(cur)
		r := tm.PeriodicRate()
		n := tm.Installments
		if tm.Interest == loan.DecliningBalance {
			// Each charge is the balance before it × the periodic rate, to 12
			// significant digits (Fineract's MathContext) and then to the unit,
			// both in the terms' mode — recomputed here in decimal.
			bal := tm.Principal
			for _, in := range items {
				want := bal.Amount().Mul(r)
				if nd := want.NumDigits(); nd > 12 {
					want = roundUnit(want, decimal.New(1, want.Exponent()+int32(nd-12)), tm.Rounding.Mode)
				}
				want = roundUnit(want, unit, tm.Rounding.Mode)
				require.True(t, in.Charge().Amount().Equal(want), "installment %d charge %s, want %s", in.Number, in.Charge(), want)
				bal = in.Balance
			}
		}
		if tm.Interest == loan.DecliningBalance && tm.Amortization == loan.EqualInstallments && tm.InstallmentMultiple.IsZero() {
			// The level installment is within one rounding unit (half a unit
			// for the nearest-multiple modes) of the annuity formula computed
			// here with 512-bit binary floats, and every amortizing
			// installment but the last is exactly it.
			want := annuity(tm.Principal.Amount(), r, n-tm.PrincipalGrace)
			got := bigFloat(s.LevelInstallment().Amount())
			tol := bigFloat(unit)
			if halfMode(tm.Rounding.Mode) {
				tol.Quo(tol, new(big.Float).SetInt64(2))
			}
			tol.Add(tol, bigFloat(dec("1e-20")))
			diff := new(big.Float).SetPrec(512).Sub(got, want)
			require.True(t, diff.Abs(diff).Cmp(tol) <= 0, "level %s vs annuity %s", got.Text('f', 20), want.Text('f', 20))
			for _, in := range items[tm.PrincipalGrace : len(items)-1] {
				require.True(t, in.Total.Equal(s.LevelInstallment()), "installment %d is not level", in.Number)
			}
		}
		if tm.Interest == loan.DecliningBalance && tm.InstallmentMultiple.IsZero() {
			// Declining total charge <= flat total charge at the same rate.
			// Exactly, declining charges r × a balance that never exceeds the
			// principal; each of the n declining charges and the flat total are
			// rounded once, so allow (n+1) units for the directed modes.
			ft := tm
			ft.Interest = loan.Flat
			flat := mustSchedule(t, ft).TotalCharge()
			slack := shg.MustMoney(unit.Mul(decimal.NewFromInt(int64(n+1))), cur)
			bound, _ := flat.Add(slack)
			require.False(t, s.TotalCharge().GreaterThan(bound), "declining %s > flat %s", s.TotalCharge(), flat)
		}
	})
}

func bigFloat(d decimal.Decimal) *big.Float {
	f, _, err := big.ParseFloat(d.String(), 10, 512, big.ToNearestEven)
	if err != nil {
		panic(err)
	}
	return f
}

// annuity returns P·r/(1 − (1+r)^−n) (P/n at r = 0) in 512-bit floats.
func annuity(p, r decimal.Decimal, n int) *big.Float {
	P, R := bigFloat(p), bigFloat(r)
	if r.IsZero() {
		return new(big.Float).SetPrec(512).Quo(P, new(big.Float).SetInt64(int64(n)))
	}
	one := new(big.Float).SetPrec(512).SetInt64(1)
	f := new(big.Float).SetPrec(512).Add(one, R)
	pow := new(big.Float).SetPrec(512).SetInt64(1)
	for i := 0; i < n; i++ {
		pow.Mul(pow, f)
	}
	num := new(big.Float).SetPrec(512).Mul(P, R)
	num.Mul(num, pow)
	den := new(big.Float).SetPrec(512).Sub(pow, one)
	return num.Quo(num, den)
}

func benchmarkSchedule(b *testing.B, n int, every loan.Period) {
	tm := loan.Terms{Principal: shg.Toman(2_500_000), AnnualRate: dec("0.04"), Charge: loan.ServiceFee,
		Installments: n, Every: every, Start: shg.MustDate(shg.SolarHijri, 1397, 12, 1), Calendar: shg.SolarHijri,
		Rounding: shg.Rounding{Unit: decimal.NewFromInt(10)}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := loan.NewSchedule(tm); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewSchedule_12Monthly(b *testing.B)  { benchmarkSchedule(b, 12, loan.Months(1)) }
func BenchmarkNewSchedule_52Weekly(b *testing.B)   { benchmarkSchedule(b, 52, loan.Weeks(1)) }
func BenchmarkNewSchedule_156Weekly(b *testing.B)  { benchmarkSchedule(b, 156, loan.Weeks(1)) }
func BenchmarkNewSchedule_156Monthly(b *testing.B) { benchmarkSchedule(b, 156, loan.Months(1)) }

// roundUnit rounds x to a multiple of unit in mode with the root package's
// rounding.
func roundUnit(x, unit decimal.Decimal, mode shg.RoundingMode) decimal.Decimal {
	return shg.MustMoney(x, "IRR").Round(shg.Rounding{Mode: mode, Unit: unit}).Amount()
}

// A rate too small for (1+r)^n to differ from 1 at 40 places must not
// divide by zero: the payment is then P/n (here 1200/12 = 100).
func TestLevelPayment_tinyRate(t *testing.T) {
	got := loan.LevelPayment(decimal.NewFromInt(1200), decimal.New(1, -60), 12)
	assert.True(t, got.Equal(decimal.NewFromInt(100)), got.String())
}

// A period's interest keeps 12 significant digits before it is rounded to
// the currency, however large the balance: here a principal of 3,968
// digits, where counting digits from the bit length once came out one too
// many and the interest kept 11. The expected value follows the rule
// directly: principal × periodic rate (1%), to 12 significant digits, then
// to whole rials, both half-even (the zero Rounding's mode).
func TestNewSchedule_HugePrincipalKeeps12Digits(t *testing.T) {
	s := ("99996" + strings.Repeat("123456789", 500))[:3968]
	terms := loan.Terms{Principal: shg.MustMoney(decimal.RequireFromString(s), "IRR"),
		AnnualRate: decimal.RequireFromString("0.12"), Installments: 2, Every: loan.Months(1),
		Start: shg.MustDate(shg.Gregorian, 2024, 1, 1)}
	sched, err := loan.NewSchedule(terms)
	require.NoError(t, err)
	x := terms.Principal.Amount().Mul(decimal.RequireFromString("0.01"))
	sig := shg.RoundTo(x, decimal.New(1, x.Exponent()+int32(x.NumDigits()-12)), shg.HalfEven)
	want := shg.RoundTo(sig, decimal.NewFromInt(1), shg.HalfEven)
	in, ok := sched.Installment(1)
	require.True(t, ok)
	assert.True(t, in.Interest.Amount().Equal(want), "interest %s\nwant     %s", in.Interest.Amount().String()[:30], want.String()[:30])
}
