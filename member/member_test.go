package member_test

import (
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/member"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Dates of the source programme: the Sahneh scheme began in Shahrivar
// 1397 (1 Shahrivar 1397 = 23 August 2018).
var (
	shahrivar97 = shg.MustDate(shg.SolarHijri, 1397, 6, 1)
	mehr97      = shg.MustDate(shg.SolarHijri, 1397, 7, 1)
	shahrivar98 = shg.MustDate(shg.SolarHijri, 1398, 6, 1)
	shahrivar99 = shg.MustDate(shg.SolarHijri, 1399, 6, 1)
)

func gdate(y, m, d int) shg.Date { return shg.MustDate(shg.Gregorian, y, m, d) }

// testProfile is a valid profile: a beekeeper in Sahneh who joined on
// 1 Mehr 1397 with a zero baseline income.
func testProfile(tb testing.TB) member.Profile {
	tb.Helper()
	return member.Profile{
		ID:         "m-001",
		Name:       "مریم احمدی",
		BirthDate:  gdate(1990, 3, 21),
		Gender:     member.Female,
		Village:    "دهلر",
		NationalID: "3371234568",
		Rural:      true,
		Role:       member.Ordinary,
		Status:     member.Active,
		Joined:     mehr97,
		Livelihood: member.Beekeeping,
		Incomes: []member.IncomeObservation{
			{On: shahrivar97, Monthly: shg.Toman(0)},
		},
	}
}

func testMember(tb testing.TB) member.Member {
	tb.Helper()
	m, err := member.New(testProfile(tb))
	require.NoError(tb, err)
	return m
}

// codesOf returns the sorted violation codes of err, or nil.
func codesOf(t testing.TB, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var re *shg.RuleError
	require.ErrorAs(t, err, &re)
	c := re.Codes()
	sort.Strings(c)
	return slices.Compact(c)
}

func TestNew(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		m := testMember(t)
		assert.False(t, m.IsZero())
		assert.Equal(t, shg.MemberID("m-001"), m.ID())
		assert.Equal(t, "مریم احمدی", m.Name())
		assert.Equal(t, gdate(1990, 3, 21), m.BirthDate())
		assert.Equal(t, member.Female, m.Gender())
		assert.Equal(t, "دهلر", m.Village())
		assert.Equal(t, "3371234568", m.NationalID())
		assert.True(t, m.Rural())
		assert.Equal(t, member.Ordinary, m.Role())
		assert.Equal(t, member.Active, m.Status())
		assert.True(t, m.IsActive())
		assert.Equal(t, mehr97, m.Joined())
		assert.True(t, m.Exited().IsZero())
		assert.Equal(t, member.Beekeeping, m.Livelihood())
		require.Len(t, m.Incomes(), 1)
		assert.True(t, m.Incomes()[0].Monthly.Equal(shg.Rials(0)))
		assert.Equal(t, `m-001 "مریم احمدی"`, m.String())
	})
	t.Run("Normalizes", func(t *testing.T) {
		p := testProfile(t)
		p.Name = "  Maryam  \n"
		p.Village = "\tDehlor "
		p.NationalID = "۳۳۷۱۲۳۴۵۶۸"
		m, err := member.New(p)
		require.NoError(t, err)
		assert.Equal(t, "Maryam", m.Name())
		assert.Equal(t, "Dehlor", m.Village())
		assert.Equal(t, "3371234568", m.NationalID())
	})
	t.Run("OptionalFields", func(t *testing.T) {
		p := testProfile(t)
		p.NationalID, p.Village, p.Gender, p.Livelihood, p.Incomes = "", "", member.GenderUnknown, member.LivelihoodNone, nil
		m, err := member.New(p)
		require.NoError(t, err)
		assert.Empty(t, m.NationalID())
		assert.Empty(t, m.Incomes())
	})
	t.Run("NameWithZWNJ", func(t *testing.T) {
		p := testProfile(t)
		p.Name = "فاطمه\u200cسادات" // the non-joiner is a format character, allowed
		_, err := member.New(p)
		assert.NoError(t, err)
	})
	t.Run("ExitedMember", func(t *testing.T) {
		p := testProfile(t)
		p.Status, p.Exited = member.Exited, shahrivar99
		m, err := member.New(p)
		require.NoError(t, err)
		assert.False(t, m.IsActive())
		assert.Equal(t, shahrivar99, m.Exited())
	})
	t.Run("CopiesInput", func(t *testing.T) {
		p := testProfile(t)
		m, err := member.New(p)
		require.NoError(t, err)
		p.Incomes[0].Monthly = shg.Toman(999)
		got, _ := m.Baseline()
		assert.True(t, got.Monthly.IsZero(), "member shares the caller's slice")
	})
}

func TestNew_Errors(t *testing.T) {
	cases := []struct {
		name   string
		change func(p *member.Profile)
		codes  []string
	}{
		{"EmptyID", func(p *member.Profile) { p.ID = "" }, []string{member.CodeID}},
		{"IDWithSpace", func(p *member.Profile) { p.ID = "m 1" }, []string{member.CodeID}},
		{"IDTooLong", func(p *member.Profile) { p.ID = shg.MemberID(strings.Repeat("x", 65)) }, []string{member.CodeID}},
		{"EmptyName", func(p *member.Profile) { p.Name = "" }, []string{member.CodeName}},
		{"BlankName", func(p *member.Profile) { p.Name = " \t " }, []string{member.CodeName}},
		{"NameTooLong", func(p *member.Profile) { p.Name = strings.Repeat("م", 101) }, []string{member.CodeName}},
		{"NameControl", func(p *member.Profile) { p.Name = "Mar\x00yam" }, []string{member.CodeName}},
		{"NameNotUTF8", func(p *member.Profile) { p.Name = "Mar\xffyam" }, []string{member.CodeName}},
		{"NoBirthDate", func(p *member.Profile) { p.BirthDate = shg.Date{} }, []string{member.CodeBirthDate}},
		{"BadGender", func(p *member.Profile) { p.Gender = 3 }, []string{member.CodeGender}},
		{"VillageControl", func(p *member.Profile) { p.Village = "a\nb" }, []string{member.CodeVillage}},
		{"VillageTooLong", func(p *member.Profile) { p.Village = strings.Repeat("v", 101) }, []string{member.CodeVillage}},
		{"NationalIDCheck", func(p *member.Profile) { p.NationalID = "3371234567" }, []string{member.CodeNationalID}},
		{"NationalIDShort", func(p *member.Profile) { p.NationalID = "337123456" }, []string{member.CodeNationalID}},
		{"BadRole", func(p *member.Profile) { p.Role = 4 }, []string{member.CodeRole}},
		{"BadStatus", func(p *member.Profile) { p.Status = 3 }, []string{member.CodeStatus}},
		{"BadLivelihood", func(p *member.Profile) { p.Livelihood = 9 }, []string{member.CodeLivelihood}},
		{"NoJoined", func(p *member.Profile) { p.Joined = shg.Date{} }, []string{member.CodeJoined}},
		{"JoinedBeforeBirth", func(p *member.Profile) { p.Joined = gdate(1990, 3, 20) }, []string{member.CodeJoined}},
		{"ActiveWithExit", func(p *member.Profile) { p.Exited = shahrivar99 }, []string{member.CodeExitDate}},
		{"ExitedWithoutDate", func(p *member.Profile) { p.Status = member.Exited }, []string{member.CodeExitDate}},
		{"DeceasedWithoutDate", func(p *member.Profile) { p.Status = member.Deceased }, []string{member.CodeExitDate}},
		{"ExitBeforeJoin", func(p *member.Profile) { p.Status, p.Exited = member.Exited, shahrivar97 }, []string{member.CodeExitDate}},
		{"ExitedOfficer", func(p *member.Profile) { p.Status, p.Exited, p.Role = member.Exited, shahrivar99, member.Chair }, []string{member.CodeOfficeHolder}},
		{"IncomeNoDate", func(p *member.Profile) {
			p.Incomes = append(p.Incomes, member.IncomeObservation{Monthly: shg.Toman(1)})
		}, []string{member.CodeIncomeDate}},
		{"IncomeSameDay", func(p *member.Profile) {
			p.Incomes = append(p.Incomes, member.IncomeObservation{On: shahrivar97, Monthly: shg.Toman(1)})
		}, []string{member.CodeIncomeOrder}},
		{"IncomeEarlier", func(p *member.Profile) {
			p.Incomes = append(p.Incomes, member.IncomeObservation{On: shahrivar97.AddDays(-1), Monthly: shg.Toman(1)})
		}, []string{member.CodeIncomeOrder}},
		{"IncomeMixedCurrency", func(p *member.Profile) {
			p.Incomes = append(p.Incomes, member.IncomeObservation{On: shahrivar98, Monthly: shg.MustParseMoney("10 USD")})
		}, []string{member.CodeIncomeCurrency}},
		{"IncomeNoCurrency", func(p *member.Profile) { p.Incomes[0].Monthly = shg.Money{} }, []string{member.CodeIncomeCurrency}},
		{"IncomeNegative", func(p *member.Profile) { p.Incomes[0].Monthly = shg.Toman(-1) }, []string{member.CodeIncomeAmount}},
		{"Several", func(p *member.Profile) {
			p.ID, p.Name, p.BirthDate, p.NationalID = "", "", shg.Date{}, "1111111111"
		}, []string{member.CodeBirthDate, member.CodeID, member.CodeName, member.CodeNationalID}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := testProfile(t)
			tc.change(&p)
			m, err := member.New(p)
			require.Error(t, err)
			assert.ErrorIs(t, err, shg.ErrRuleViolation)
			assert.True(t, m.IsZero())
			want := slices.Clone(tc.codes)
			sort.Strings(want)
			assert.Equal(t, want, codesOf(t, err))
			// Profile.Validate reports the same.
			assert.Equal(t, want, codesOf(t, p.Validate()))
		})
	}
	t.Run("Sentinels", func(t *testing.T) {
		p := testProfile(t)
		p.ID = ""
		_, err := member.New(p)
		assert.ErrorIs(t, err, shg.ErrInvalidID)
		p = testProfile(t)
		p.Incomes = append(p.Incomes, member.IncomeObservation{On: shahrivar98, Monthly: shg.MustParseMoney("10 USD")})
		_, err = member.New(p)
		assert.ErrorIs(t, err, shg.ErrCurrencyMismatch)
	})
	t.Run("ValidateOK", func(t *testing.T) {
		assert.NoError(t, testProfile(t).Validate())
	})
	t.Run("MustNewPanics", func(t *testing.T) {
		assert.Panics(t, func() { member.MustNew(member.Profile{}) })
		assert.NotPanics(t, func() { member.MustNew(testProfile(t)) })
	})
}

func TestMember_AddIncome(t *testing.T) {
	base := testMember(t)
	t.Run("OK", func(t *testing.T) {
		m, err := base.AddIncome(member.IncomeObservation{On: shahrivar98, Monthly: shg.Toman(300_000)})
		require.NoError(t, err)
		require.Len(t, m.Incomes(), 2)
		assert.Len(t, base.Incomes(), 1, "receiver changed")
		latest, ok := m.Latest()
		require.True(t, ok)
		assert.Equal(t, shahrivar98, latest.On)
		assert.Equal(t, "3000000 IRR", latest.Monthly.String())
	})
	t.Run("IndependentBranches", func(t *testing.T) {
		m1, err := base.AddIncome(member.IncomeObservation{On: shahrivar98, Monthly: shg.Toman(1)})
		require.NoError(t, err)
		m2, err := m1.AddIncome(member.IncomeObservation{On: shahrivar99, Monthly: shg.Toman(2)})
		require.NoError(t, err)
		m3, err := m1.AddIncome(member.IncomeObservation{On: shahrivar99, Monthly: shg.Toman(3)})
		require.NoError(t, err)
		l2, _ := m2.Latest()
		l3, _ := m3.Latest()
		assert.True(t, l2.Monthly.Equal(shg.Toman(2)))
		assert.True(t, l3.Monthly.Equal(shg.Toman(3)))
		assert.Len(t, m1.Incomes(), 2)
	})
	errs := []struct {
		name string
		o    member.IncomeObservation
		code string
	}{
		{"ErrSameDay", member.IncomeObservation{On: shahrivar97, Monthly: shg.Toman(1)}, member.CodeIncomeOrder},
		{"ErrEarlier", member.IncomeObservation{On: gdate(2018, 1, 1), Monthly: shg.Toman(1)}, member.CodeIncomeOrder},
		{"ErrNoDate", member.IncomeObservation{Monthly: shg.Toman(1)}, member.CodeIncomeDate},
		{"ErrCurrency", member.IncomeObservation{On: shahrivar98, Monthly: shg.MustParseMoney("1.50 EUR")}, member.CodeIncomeCurrency},
		{"ErrNoCurrency", member.IncomeObservation{On: shahrivar98}, member.CodeIncomeCurrency},
		{"ErrNegative", member.IncomeObservation{On: shahrivar98, Monthly: shg.Rials(-10)}, member.CodeIncomeAmount},
	}
	for _, tc := range errs {
		t.Run(tc.name, func(t *testing.T) {
			m, err := base.AddIncome(tc.o)
			assert.Equal(t, []string{tc.code}, codesOf(t, err))
			assert.True(t, m.Equal(base), "refused AddIncome changed the member")
			assert.Len(t, base.Incomes(), 1)
		})
	}
	t.Run("FirstObservationAnyCurrency", func(t *testing.T) {
		p := testProfile(t)
		p.Incomes = nil
		m := member.MustNew(p)
		m, err := m.AddIncome(member.IncomeObservation{On: shahrivar97, Monthly: shg.MustParseMoney("100 INR")})
		require.NoError(t, err)
		_, err = m.AddIncome(member.IncomeObservation{On: shahrivar98, Monthly: shg.Toman(1)})
		assert.True(t, shg.HasCode(err, member.CodeIncomeCurrency))
	})
}

func TestMember_IncomeQueries(t *testing.T) {
	// Baseline zero on 1 Shahrivar 1397, 300,000 toman a year later, the
	// article's 500,000 toman two years later.
	p := testProfile(t)
	p.Incomes = []member.IncomeObservation{
		{On: shahrivar97, Monthly: shg.Toman(0)},
		{On: shahrivar98, Monthly: shg.Toman(300_000)},
		{On: shahrivar99, Monthly: shg.Toman(500_000)},
	}
	m := member.MustNew(p)

	b, ok := m.Baseline()
	require.True(t, ok)
	assert.Equal(t, shahrivar97, b.On)
	assert.True(t, b.Monthly.IsZero())

	l, ok := m.Latest()
	require.True(t, ok)
	assert.Equal(t, shahrivar99, l.On)
	assert.Equal(t, "5000000 IRR", l.Monthly.String()) // 500,000 toman × 10 rials

	cases := []struct {
		name string
		on   shg.Date
		ok   bool
		want shg.Date
	}{
		{"BeforeFirst", shahrivar97.AddDays(-1), false, shg.Date{}},
		{"OnFirst", shahrivar97, true, shahrivar97},
		{"Between", shahrivar98.AddDays(-1), true, shahrivar97},
		{"OnSecond", shahrivar98, true, shahrivar98},
		{"DayAfterSecond", shahrivar98.AddDays(1), true, shahrivar98},
		{"OnLast", shahrivar99, true, shahrivar99},
		{"AfterLast", gdate(2030, 1, 1), true, shahrivar99},
		{"ZeroDate", shg.Date{}, false, shg.Date{}},
	}
	for _, tc := range cases {
		t.Run("LatestOn/"+tc.name, func(t *testing.T) {
			got, ok := m.LatestOn(tc.on)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got.On)
		})
	}

	t.Run("Empty", func(t *testing.T) {
		p := testProfile(t)
		p.Incomes = nil
		m := member.MustNew(p)
		_, ok := m.Baseline()
		assert.False(t, ok)
		_, ok = m.Latest()
		assert.False(t, ok)
		_, ok = m.LatestOn(shahrivar99)
		assert.False(t, ok)
	})
	t.Run("IncomesIsACopy", func(t *testing.T) {
		got := m.Incomes()
		got[0].Monthly = shg.Toman(7)
		got = append(got[:1], got[2:]...)
		_ = got
		b, _ := m.Baseline()
		assert.True(t, b.Monthly.IsZero())
		assert.Len(t, m.Incomes(), 3)
		assert.Equal(t, shahrivar98, m.Incomes()[1].On)
	})
	t.Run("ProfileIsACopy", func(t *testing.T) {
		pp := m.Profile()
		pp.Incomes[2].Monthly = shg.Toman(1)
		pp.Name = "x"
		l, _ := m.Latest()
		assert.True(t, l.Monthly.Equal(shg.Toman(500_000)))
		assert.Equal(t, "مریم احمدی", m.Name())
	})
}

func TestMember_WithRole(t *testing.T) {
	base := testMember(t)
	t.Run("OK", func(t *testing.T) {
		m, err := base.WithRole(member.Treasurer)
		require.NoError(t, err)
		assert.Equal(t, member.Treasurer, m.Role())
		assert.Equal(t, member.Ordinary, base.Role())
		m, err = m.WithRole(member.Ordinary)
		require.NoError(t, err)
		assert.Equal(t, member.Ordinary, m.Role())
	})
	t.Run("ErrRole", func(t *testing.T) {
		m, err := base.WithRole(member.Role(7))
		assert.Equal(t, []string{member.CodeRole}, codesOf(t, err))
		assert.True(t, m.Equal(base))
	})
	t.Run("ErrOfficeInactive", func(t *testing.T) {
		ex, err := base.Exit(shahrivar99)
		require.NoError(t, err)
		m, err := ex.WithRole(member.Chair)
		assert.Equal(t, []string{member.CodeOfficeHolder}, codesOf(t, err))
		assert.True(t, m.Equal(ex))
		_, err = ex.WithRole(member.Ordinary)
		assert.NoError(t, err)
	})
}

func TestMember_Exit(t *testing.T) {
	chair, err := testMember(t).WithRole(member.Chair)
	require.NoError(t, err)
	t.Run("OK", func(t *testing.T) {
		m, err := chair.Exit(shahrivar99)
		require.NoError(t, err)
		assert.Equal(t, member.Exited, m.Status())
		assert.Equal(t, shahrivar99, m.Exited())
		assert.Equal(t, member.Ordinary, m.Role(), "an exited member keeps no office")
		assert.Equal(t, member.Chair, chair.Role())
		assert.True(t, chair.IsActive())
		// The result is a valid profile.
		_, err = member.New(m.Profile())
		assert.NoError(t, err)
	})
	t.Run("OnJoinDay", func(t *testing.T) {
		m, err := chair.Exit(mehr97)
		require.NoError(t, err)
		assert.Equal(t, mehr97, m.Exited())
	})
	t.Run("Deceased", func(t *testing.T) {
		m, err := chair.MarkDeceased(shahrivar99)
		require.NoError(t, err)
		assert.Equal(t, member.Deceased, m.Status())
		assert.Equal(t, shahrivar99, m.Exited())
		assert.Equal(t, member.Ordinary, m.Role())
	})
	t.Run("ErrBeforeJoin", func(t *testing.T) {
		m, err := chair.Exit(mehr97.AddDays(-1))
		assert.Equal(t, []string{member.CodeExitDate}, codesOf(t, err))
		assert.True(t, m.Equal(chair))
	})
	t.Run("ErrZeroDate", func(t *testing.T) {
		_, err := chair.MarkDeceased(shg.Date{})
		assert.Equal(t, []string{member.CodeExitDate}, codesOf(t, err))
	})
	t.Run("ErrNotActive", func(t *testing.T) {
		ex, err := chair.Exit(shahrivar98)
		require.NoError(t, err)
		m, err := ex.Exit(shahrivar99)
		assert.Equal(t, []string{member.CodeNotActive}, codesOf(t, err))
		assert.True(t, m.Equal(ex))
		_, err = ex.MarkDeceased(shahrivar99)
		assert.Equal(t, []string{member.CodeNotActive}, codesOf(t, err))
	})
}

func TestAge(t *testing.T) {
	cases := []struct {
		name      string
		birth, on shg.Date
		want      int
	}{
		// 2018 − 1990 = 28, and 1 September is after 21 March.
		{"AfterBirthday", gdate(1990, 3, 21), gdate(2018, 9, 1), 28},
		// 2018 − 1990 = 28, but 1 September is the day before 2 September: 27.
		{"DayBefore", gdate(1990, 9, 2), gdate(2018, 9, 1), 27},
		// The birthday itself counts.
		{"OnBirthday", gdate(1990, 9, 1), gdate(2018, 9, 1), 28},
		// 2001 − 2000 = 1, 30 December is before 31 December: 0.
		{"YearEnd", gdate(2000, 12, 31), gdate(2001, 12, 30), 0},
		{"YearEndBirthday", gdate(2000, 12, 31), gdate(2001, 12, 31), 1},
		// 29 February 2004: 2022 − 2004 = 18, 28 February is before the
		// anniversary, which falls on 1 March in a common year.
		{"Feb29_Feb28Common", gdate(2004, 2, 29), gdate(2022, 2, 28), 17},
		{"Feb29_Mar1Common", gdate(2004, 2, 29), gdate(2022, 3, 1), 18},
		// 2024 is a leap year: 2024 − 2004 = 20 on 29 February itself.
		{"Feb29_Feb28Leap", gdate(2004, 2, 29), gdate(2024, 2, 28), 19},
		{"Feb29_Feb29Leap", gdate(2004, 2, 29), gdate(2024, 2, 29), 20},
		// 1 Farvardin 1369 is 21 March 1990 and 1 Shahrivar 1397 is
		// 23 August 2018: 28 years.
		{"SolarHijriInput", shg.MustDate(shg.SolarHijri, 1369, 1, 1), shahrivar97, 28},
		{"BornToday", gdate(2018, 9, 1), gdate(2018, 9, 1), 0},
		{"BeforeBirth", gdate(2018, 9, 1), gdate(2000, 1, 1), 0},
		{"ZeroOn", gdate(2018, 9, 1), shg.Date{}, 0},
		{"ZeroBirth", shg.Date{}, gdate(2018, 9, 1), 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, member.Age(tc.birth, tc.on))
		})
	}
	t.Run("Member", func(t *testing.T) {
		// Born 21 March 1990, as testProfile.
		m := testMember(t)
		assert.Equal(t, 28, m.AgeOn(shahrivar97))
		assert.Equal(t, 27, m.AgeOn(gdate(2018, 3, 20)))
		assert.Equal(t, 28, m.AgeOn(gdate(2018, 3, 21)))
	})
}

func TestMember_Equal(t *testing.T) {
	a := testMember(t)
	assert.True(t, a.Equal(testMember(t)))
	b, _ := a.WithRole(member.Secretary)
	assert.False(t, a.Equal(b))
	c, _ := a.AddIncome(member.IncomeObservation{On: shahrivar98, Monthly: shg.Toman(1)})
	assert.False(t, a.Equal(c))
	// Amounts compare by value: 2.50 and 2.5 are equal.
	p := testProfile(t)
	p.Incomes[0].Monthly = shg.MustParseMoney("2.50 USD")
	x := member.MustNew(p)
	p.Incomes[0].Monthly = shg.MustParseMoney("2.5 USD")
	y := member.MustNew(p)
	assert.True(t, x.Equal(y))
	// nil and empty incomes are equal.
	p = testProfile(t)
	p.Incomes = nil
	n := member.MustNew(p)
	p.Incomes = []member.IncomeObservation{}
	assert.True(t, n.Equal(member.MustNew(p)))
	assert.True(t, member.Member{}.IsZero())
}

// wantJSON is testProfile's encoding, written by hand from the documented
// format: keys in Profile order, enums by name, dates as ISO Gregorian days
// (1 Mehr 1397 = 23 September 2018, 1 Shahrivar 1397 = 23 August 2018),
// money as {"amount","currency"} in rials.
const wantJSON = `{"id":"m-001","name":"مریم احمدی","birthDate":"1990-03-21","gender":"female",` +
	`"village":"دهلر","nationalId":"3371234568","rural":true,"role":"ordinary","status":"active",` +
	`"joined":"2018-09-23","exited":"","livelihood":"beekeeping",` +
	`"incomes":[{"on":"2018-08-23","monthly":{"amount":"0","currency":"IRR"}}]}`

func TestMember_JSON(t *testing.T) {
	t.Run("Marshal", func(t *testing.T) {
		b, err := json.Marshal(testMember(t))
		require.NoError(t, err)
		assert.Equal(t, wantJSON, string(b))
	})
	t.Run("MarshalOmitsNationalIDAndEmptiesIncomes", func(t *testing.T) {
		p := testProfile(t)
		p.NationalID, p.Incomes = "", nil
		b, err := json.Marshal(member.MustNew(p))
		require.NoError(t, err)
		assert.NotContains(t, string(b), "nationalId")
		assert.Contains(t, string(b), `"incomes":[]`)
	})
	t.Run("Unmarshal", func(t *testing.T) {
		var m member.Member
		require.NoError(t, json.Unmarshal([]byte(wantJSON), &m))
		assert.True(t, m.Equal(testMember(t)))
	})
	t.Run("RoundTripExitedOfficerHistory", func(t *testing.T) {
		m, _ := testMember(t).WithRole(member.Treasurer)
		m, _ = m.AddIncome(member.IncomeObservation{On: shahrivar99, Monthly: shg.Toman(500_000)})
		m, _ = m.MarkDeceased(shahrivar99)
		b, err := json.Marshal(m)
		require.NoError(t, err)
		var got member.Member
		require.NoError(t, json.Unmarshal(b, &got))
		assert.True(t, got.Equal(m), "%s", b)
	})
	t.Run("InSlice", func(t *testing.T) {
		ms := []member.Member{testMember(t)}
		b, err := json.Marshal(ms)
		require.NoError(t, err)
		var got []member.Member
		require.NoError(t, json.Unmarshal(b, &got))
		require.Len(t, got, 1)
		assert.True(t, got[0].Equal(ms[0]))
	})
	t.Run("PersianNationalID", func(t *testing.T) {
		in := strings.Replace(wantJSON, `"3371234568"`, `"۳۳۷۱۲۳۴۵۶۸"`, 1)
		var m member.Member
		require.NoError(t, json.Unmarshal([]byte(in), &m))
		assert.Equal(t, "3371234568", m.NationalID())
	})
	t.Run("NullLeavesUnchanged", func(t *testing.T) {
		m := testMember(t)
		require.NoError(t, json.Unmarshal([]byte(`null`), &m))
		assert.True(t, m.Equal(testMember(t)))
	})
	bad := []struct {
		name, old, new string
		code           string // "" for a non-rule decode error
	}{
		{"UnknownKey", `"rural":true`, `"rural":true,"phone":"0912"`, ""},
		{"BadGender", `"female"`, `"woman"`, member.CodeGender},
		{"BadRole", `"ordinary"`, `"member"`, member.CodeRole},
		{"BadStatus", `"active"`, `"left"`, member.CodeStatus},
		{"BadLivelihood", `"beekeeping"`, `"fishing"`, member.CodeLivelihood},
		{"NumericEnum", `"livelihood":"beekeeping"`, `"livelihood":1`, ""},
		{"BadNationalID", `"3371234568"`, `"3371234567"`, member.CodeNationalID},
		{"EmptyID", `"id":"m-001"`, `"id":""`, member.CodeID},
		{"NoBirthDate", `"birthDate":"1990-03-21"`, `"birthDate":""`, member.CodeBirthDate},
		{"BadDate", `"1990-03-21"`, `"1990-02-30"`, ""},
		{"JoinedBeforeBirth", `"joined":"2018-09-23"`, `"joined":"1980-01-01"`, member.CodeJoined},
		// Dates are Gregorian: a Solar Hijri day entered by mistake is read as
		// Gregorian year 1397, before the birth date, and refused.
		{"SolarHijriDate", `"joined":"2018-09-23"`, `"joined":"1397-07-01"`, member.CodeJoined},
		{"ActiveWithExit", `"exited":""`, `"exited":"2020-01-01"`, member.CodeExitDate},
		{"IncomeNoCurrency", `"currency":"IRR"`, `"currency":""`, member.CodeIncomeCurrency},
		{"IncomeFloat", `"amount":"0"`, `"amount":0`, ""},
		{"IncomeExponent", `"amount":"0"`, `"amount":"1e9"`, ""},
		{"RuralString", `"rural":true`, `"rural":"yes"`, ""},
		{"Array", wantJSON, `[]`, ""},
	}
	for _, tc := range bad {
		t.Run("Err/"+tc.name, func(t *testing.T) {
			in := strings.Replace(wantJSON, tc.old, tc.new, 1)
			require.NotEqual(t, wantJSON, in)
			m := testMember(t)
			m, _ = m.WithRole(member.Chair)
			before := m
			err := json.Unmarshal([]byte(in), &m)
			require.Error(t, err)
			if tc.code != "" {
				assert.True(t, shg.HasCode(err, tc.code), "%v", err)
			}
			assert.True(t, m.Equal(before), "failed decode changed the member")
		})
	}
	t.Run("Err/TrailingData", func(t *testing.T) {
		var m member.Member
		assert.Error(t, m.UnmarshalJSON([]byte(wantJSON+` {}`)))
		assert.True(t, m.IsZero())
	})
}
