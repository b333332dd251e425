package shg_test

import (
	"errors"
	"fmt"

	"github.com/khodyar/shg"
	"github.com/shopspring/decimal"
)

func ExampleToman() {
	// Iranians quote amounts in toman; the books keep rials (1 toman = 10 rials).
	m := shg.Toman(2_500_000)
	fmt.Println(m)
	fmt.Println(m.Format())
	fmt.Println(m.FormatToman())
	// Output:
	// 25000000 IRR
	// 25,000,000 IRR
	// 2,500,000 toman
}

func ExampleMoney_Allocate() {
	// Share out a pool of 1,000,003 rials by savings of 300k, 200k and 500k.
	// Exact shares are 300,000.9, 200,000.6 and 500,001.5; the two rials
	// left after flooring go to the largest fractions (.9 and .6).
	pool := shg.Rials(1_000_003)
	parts, err := pool.Allocate(
		decimal.NewFromInt(300_000),
		decimal.NewFromInt(200_000),
		decimal.NewFromInt(500_000),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range parts {
		fmt.Println(p.Format())
	}
	// Output:
	// 300,001 IRR
	// 200,001 IRR
	// 500,001 IRR
}

func ExampleMoney_Split() {
	parts, _ := shg.Toman(2_500_000).Split(3)
	fmt.Println(parts)
	// Output:
	// [8333334 IRR 8333333 IRR 8333333 IRR]
}

func ExampleMoney_FormatPersian() {
	m := shg.Toman(2_500_000)
	fmt.Println(m.FormatPersian(true))
	fmt.Println(m.FormatPersian(false))
	// Output:
	// ۲٬۵۰۰٬۰۰۰ تومان
	// ۲۵٬۰۰۰٬۰۰۰ ریال
}

func ExampleMoney_Add_mismatch() {
	_, err := shg.Rials(100).Add(shg.MustParseMoney("1 USD"))
	fmt.Println(err)
	fmt.Println(errors.Is(err, shg.ErrCurrencyMismatch))
	// Output:
	// shg: currency mismatch: "IRR" and "USD"
	// true
}

func ExampleMoney_Round() {
	thousand := decimal.NewFromInt(1000)
	x := shg.Rials(12_500) // 12.5 thousands: a tie
	fmt.Println(x.Round(shg.Rounding{Unit: thousand}))
	fmt.Println(x.Round(shg.Rounding{Mode: shg.HalfUp, Unit: thousand}))
	// 12.5% of 100 rials is 12.5 rials; HalfEven to the rial gives 12.
	fmt.Println(shg.Rials(100).Mul(decimal.RequireFromString("0.125")).Round(shg.Rounding{}))
	// Output:
	// 12000 IRR
	// 13000 IRR
	// 12 IRR
}

func ExampleNewDate_solarHijri() {
	d, err := shg.NewDate(shg.SolarHijri, 1397, 6, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d)
	fmt.Println(d.Format(shg.SolarHijri))
	fmt.Println(d.FormatPersian())
	fmt.Println(d.Weekday())

	// 1402 is a common year: Esfand has 29 days.
	_, err = shg.NewDate(shg.SolarHijri, 1402, 12, 30)
	fmt.Println(err)
	fmt.Println(errors.Is(err, shg.ErrInvalidDate))
	// Output:
	// 2018-08-23
	// 1397-06-01
	// ۱ شهریور ۱۳۹۷
	// Thursday
	// shg: invalid date: 1402-12-30 does not exist in the solarHijri calendar
	// true
}

func ExampleDate_AddMonths() {
	d := shg.MustDate(shg.SolarHijri, 1403, 6, 31) // 31 Shahrivar 1403
	for _, n := range []int{1, 6, 7, 18} {
		fmt.Println(n, d.AddMonths(n, shg.SolarHijri).Format(shg.SolarHijri))
	}
	// Output:
	// 1 1403-07-30
	// 6 1403-12-30
	// 7 1404-01-31
	// 18 1404-12-29
}

func ExampleDate_MonthsSince() {
	founded := shg.MustDate(shg.SolarHijri, 1403, 1, 1)
	for _, s := range []string{"1403-06-31", "1403-07-01"} {
		today := shg.MustParseDate(shg.SolarHijri, s)
		fmt.Println(s, today.MonthsSince(founded, shg.SolarHijri))
	}
	// Output:
	// 1403-06-31 5
	// 1403-07-01 6
}

func ExampleParseDate() {
	for _, s := range []string{"1397-06-01", "1397/06/01", "۱۳۹۷/۰۶/۰۱"} {
		d, err := shg.ParseDate(shg.SolarHijri, s)
		fmt.Println(d, err)
	}
	_, err := shg.ParseDate(shg.SolarHijri, "1397-13-01")
	fmt.Println(err)
	// Output:
	// 2018-08-23 <nil>
	// 2018-08-23 <nil>
	// 2018-08-23 <nil>
	// shg: invalid date: 1397-13-01 does not exist in the solarHijri calendar
}

func ExampleRuleError() {
	err := fmt.Errorf("admit: %w", shg.NewRuleError("group.AdmitMember",
		shg.Violation{Code: "membership.max_members", Message: "group is full", Want: "<= 25", Got: "26"},
	))
	fmt.Println(err)

	var re *shg.RuleError
	if errors.As(err, &re) {
		for _, v := range re.Violations {
			fmt.Println(v.Code, "want", v.Want, "got", v.Got)
		}
	}
	fmt.Println(errors.Is(err, shg.ErrRuleViolation))
	fmt.Println(shg.HasCode(err, "membership.max_members"))
	// Output:
	// admit: group.AdmitMember: membership.max_members: group is full (want <= 25, got 26)
	// membership.max_members want <= 25 got 26
	// true
	// true
}
