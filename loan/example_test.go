package loan_test

import (
	"fmt"
	"strings"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/shopspring/decimal"
)

// toman renders an IRR amount as a bare number of toman.
func toman(m shg.Money) string { return strings.TrimSuffix(m.FormatToman(), " toman") }

// A first bank tranche of the Kermanshah programme: 2,500,000 toman per
// member, the cap the source article gives. The article does not give the
// repayment terms; these are assumptions for illustration: a qard al-hasan
// loan with a 4% yearly service fee (کارمزد) on the declining balance,
// 12 equal monthly installments from 1 Esfand 1397, amounts rounded to the
// whole toman (10 rials). The level installment is pmt(0.04/12, 12,
// 25,000,000 rials) = 2,128,747.60 rials, 212,875 toman to the toman.
func ExampleNewSchedule_kermanshah() {
	s, err := loan.NewSchedule(loan.Terms{
		Principal:    shg.Toman(2_500_000),
		AnnualRate:   decimal.RequireFromString("0.04"),
		Charge:       loan.ServiceFee,
		Installments: 12,
		Every:        loan.Months(1),
		Start:        shg.MustDate(shg.SolarHijri, 1397, 12, 1),
		Calendar:     shg.SolarHijri,
		Rounding:     shg.Rounding{Unit: decimal.NewFromInt(10)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(" #  due         principal     fee    total    balance  (toman)")
	for _, in := range s.Installments() {
		fmt.Printf("%2d  %s  %9s  %6s  %7s  %9s\n", in.Number, in.Due.Format(shg.SolarHijri),
			toman(in.Principal), toman(in.Fee), toman(in.Total), toman(in.Balance))
	}
	fmt.Println("service fee:", s.TotalFee().FormatToman())
	// Output:
	//  #  due         principal     fee    total    balance  (toman)
	//  1  1398-01-01    204,542   8,333  212,875  2,295,458
	//  2  1398-02-01    205,223   7,652  212,875  2,090,235
	//  3  1398-03-01    205,908   6,967  212,875  1,884,327
	//  4  1398-04-01    206,594   6,281  212,875  1,677,733
	//  5  1398-05-01    207,283   5,592  212,875  1,470,450
	//  6  1398-06-01    207,973   4,902  212,875  1,262,477
	//  7  1398-07-01    208,667   4,208  212,875  1,053,810
	//  8  1398-08-01    209,362   3,513  212,875    844,448
	//  9  1398-09-01    210,060   2,815  212,875    634,388
	// 10  1398-10-01    210,760   2,115  212,875    423,628
	// 11  1398-11-01    211,463   1,412  212,875    212,165
	// 12  1398-12-01    212,165     707  212,872          0
	// service fee: 54,497 toman
}

// A member's internal loan of 1,000,000 toman at a 12% service fee, equal
// principal over 5 months: installment 1 (due 15 Ordibehesht) is 200,000
// principal + 10,000 fee. She pays late, in two parts. The 5,000 toman
// penalty was charged on 23 Ordibehesht (due date + 7 grace days + 1); the
// default allocation pays the penalty, then the fee, then principal, and
// the second payment ends installment 1 (115,000) and goes on to the fee of
// installment 2, whose period has begun.
func ExampleAccount_Repay() {
	a, err := loan.Open("member-7/internal-1", loan.Terms{
		Principal:    shg.Toman(1_000_000),
		AnnualRate:   decimal.RequireFromString("0.12"),
		Charge:       loan.ServiceFee,
		Amortization: loan.EqualPrincipal,
		Installments: 5,
		Every:        loan.Months(1),
		Start:        shg.MustDate(shg.SolarHijri, 1398, 1, 15),
		Calendar:     shg.SolarHijri,
	}, loan.Options{Penalty: loan.PenaltyRule{GraceDays: 7, Flat: shg.Toman(5_000)}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, pay := range []struct {
		on     string
		amount int64
	}{{"1398-02-25", 100_000}, {"1398-02-30", 120_000}} {
		al, err := a.Repay(shg.MustParseDate(shg.SolarHijri, pay.on), shg.Toman(pay.amount))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: penalty %s, fee %s, principal %s\n", pay.on, toman(al.Penalty), toman(al.Fee), toman(al.Principal))
	}
	ar := a.Arrears(shg.MustParseDate(shg.SolarHijri, "1398-03-01"))
	fmt.Println("days past due:", ar.DaysPastDue, "outstanding:", a.OutstandingPrincipal().FormatToman())
	// Output:
	// 1398-02-25: penalty 5,000, fee 10,000, principal 85,000
	// 1398-02-30: penalty 0, fee 5,000, principal 115,000
	// days past due: 0 outstanding: 800,000 toman
}
