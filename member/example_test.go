package member_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/member"
)

func ExampleNew() {
	m, err := member.New(member.Profile{
		ID:         "sahneh-07-12",
		Name:       "مریم احمدی",
		BirthDate:  shg.MustDate(shg.SolarHijri, 1369, 1, 1),
		Gender:     member.Female,
		Village:    "دهلر",
		NationalID: "۰۱۲۳۴۵۶۷۸۹", // Persian digits are accepted and stored as ASCII
		Rural:      true,
		Joined:     shg.MustDate(shg.SolarHijri, 1397, 7, 1),
		Livelihood: member.Beekeeping,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m)
	fmt.Println(m.NationalID(), m.Livelihood(), m.Livelihood().Persian())
	fmt.Println("age on joining:", m.AgeOn(m.Joined()))
	// Output:
	// sahneh-07-12 "مریم احمدی"
	// 0123456789 beekeeping زنبورداری
	// age on joining: 28
}

func ExampleNew_refused() {
	_, err := member.New(member.Profile{
		ID:         "m-2",
		Name:       "  ",
		NationalID: "0123456788",
		Joined:     shg.MustDate(shg.Gregorian, 2018, 9, 23),
	})
	var re *shg.RuleError
	if errors.As(err, &re) {
		for _, v := range re.Violations {
			fmt.Println(v.Code)
		}
	}
	// Output:
	// member.name
	// member.birth_date
	// member.national_id
}

func ExampleValidateNationalID() {
	// 0·10 + 1·9 + 2·8 + 3·7 + 4·6 + 5·5 + 6·4 + 7·3 + 8·2 = 156,
	// 156 mod 11 = 2, so the check digit is 11 − 2 = 9.
	fmt.Println(member.ValidateNationalID("0123456789"))
	fmt.Println(member.ValidateNationalID("0123456780"))
	fmt.Println(member.ValidateNationalID("1111111111"))
	// Output:
	// <nil>
	// member.ValidateNationalID: member.national_id: check digit does not match (want check digit 9, got "0123456780")
	// member.ValidateNationalID: member.national_id: national id must not be one repeated digit (want 10 digits with a valid check digit, got "1111111111")
}

// The programme's outcome: from no income at the baseline to at least
// 500,000 toman a month.
func ExampleMember_AddIncome() {
	m := member.MustNew(member.Profile{
		ID: "m-1", Name: "Maryam",
		BirthDate: shg.MustDate(shg.Gregorian, 1990, 3, 21),
		Joined:    shg.MustDate(shg.SolarHijri, 1397, 7, 1),
	})
	obs := []member.IncomeObservation{
		{On: shg.MustDate(shg.SolarHijri, 1397, 7, 1), Monthly: shg.Toman(0)},
		{On: shg.MustDate(shg.SolarHijri, 1398, 7, 1), Monthly: shg.Toman(300_000)},
		{On: shg.MustDate(shg.SolarHijri, 1399, 7, 1), Monthly: shg.Toman(550_000)},
	}
	for _, o := range obs {
		var err error
		if m, err = m.AddIncome(o); err != nil {
			fmt.Println(err)
			return
		}
	}
	base, _ := m.Baseline()
	latest, _ := m.Latest()
	mid, _ := m.LatestOn(shg.MustDate(shg.SolarHijri, 1399, 1, 1))
	fmt.Println("baseline:", base.Monthly.FormatToman())
	fmt.Println("on 1 Farvardin 1399:", mid.Monthly.FormatToman())
	fmt.Println("latest:", latest.Monthly.FormatToman())
	fmt.Println("reached 500,000 toman:", !latest.Monthly.LessThan(shg.Toman(500_000)))

	_, err := m.AddIncome(member.IncomeObservation{On: shg.MustDate(shg.SolarHijri, 1398, 1, 1), Monthly: shg.Toman(1)})
	fmt.Println(shg.HasCode(err, member.CodeIncomeOrder))
	// Output:
	// baseline: 0 toman
	// on 1 Farvardin 1399: 300,000 toman
	// latest: 550,000 toman
	// reached 500,000 toman: true
	// true
}

func ExampleMember_Exit() {
	m := member.MustNew(member.Profile{
		ID: "m-1", Name: "Maryam", Role: member.Treasurer,
		BirthDate: shg.MustDate(shg.Gregorian, 1990, 3, 21),
		Joined:    shg.MustDate(shg.Gregorian, 2018, 9, 23),
	})
	left, err := m.Exit(shg.MustDate(shg.Gregorian, 2020, 3, 1))
	fmt.Println(left.Status(), left.Exited(), left.Role(), err)
	fmt.Println(m.Status(), m.Role()) // the receiver is unchanged
	_, err = left.Exit(shg.MustDate(shg.Gregorian, 2021, 1, 1))
	fmt.Println(err)
	// Output:
	// exited 2020-03-01 ordinary <nil>
	// active treasurer
	// member.Member.Exit: member.not_active: member is not active (want active, got exited)
}

func ExampleAge() {
	// Born on 29 February: the birthday falls on 1 March in a common year.
	birth := shg.MustDate(shg.Gregorian, 2004, 2, 29)
	fmt.Println(member.Age(birth, shg.MustDate(shg.Gregorian, 2022, 2, 28)))
	fmt.Println(member.Age(birth, shg.MustDate(shg.Gregorian, 2022, 3, 1)))
	// Output:
	// 17
	// 18
}

func ExampleLivelihood_Persian() {
	for _, l := range member.Livelihoods() {
		fmt.Printf("%s\t%s\n", l, l.Persian())
	}
	// Output:
	// beekeeping	زنبورداری
	// leatherWork	چرم‌دوزی
	// vegetableGrowing	سبزی‌کاری
	// dairy	لبنیات
	// poultry	مرغداری
	// kilimWeaving	گلیم‌بافی
	// handicrafts	صنایع دستی
	// other	سایر
}

func ExampleMember_MarshalJSON() {
	m := member.MustNew(member.Profile{
		ID: "m-1", Name: "Maryam", Gender: member.Female, Rural: true,
		BirthDate:  shg.MustDate(shg.Gregorian, 1990, 3, 21),
		Joined:     shg.MustDate(shg.Gregorian, 2018, 9, 23),
		Livelihood: member.KilimWeaving,
		Incomes:    []member.IncomeObservation{{On: shg.MustDate(shg.Gregorian, 2018, 9, 23), Monthly: shg.Toman(0)}},
	})
	b, _ := json.Marshal(m)
	fmt.Println(string(b))
	var back member.Member
	fmt.Println(json.Unmarshal(b, &back), back.Equal(m))
	// Output:
	// {"id":"m-1","name":"Maryam","birthDate":"1990-03-21","gender":"female","village":"","rural":true,"role":"ordinary","status":"active","joined":"2018-09-23","exited":"","livelihood":"kilimWeaving","incomes":[{"on":"2018-09-23","monthly":{"amount":"0","currency":"IRR"}}]}
	// <nil> true
}
