package member_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/member"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// genNationalID draws a valid national code, in ASCII or Persian digits,
// with the check digit computed by the test's own checkDigit.
func genNationalID() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		prefix := rapid.SliceOfN(rapid.IntRange(0, 9), 9, 9).
			Filter(func(p []int) bool {
				c := checkDigit(p)
				for _, d := range p {
					if d != c {
						return true
					}
				}
				return false
			}).Draw(t, "prefix")
		var b strings.Builder
		for _, d := range prefix {
			b.WriteByte(byte('0' + d))
		}
		b.WriteByte(byte('0' + checkDigit(prefix)))
		if rapid.Bool().Draw(t, "persianDigits") {
			return shg.ToPersianDigits(b.String())
		}
		return b.String()
	})
}

// genIncomes draws 0–6 observations strictly by date from start, in IRR.
func genIncomes(start shg.Date) *rapid.Generator[[]member.IncomeObservation] {
	return rapid.Custom(func(t *rapid.T) []member.IncomeObservation {
		n := rapid.IntRange(0, 6).Draw(t, "incomes")
		out := make([]member.IncomeObservation, 0, n)
		d := start
		for i := range n {
			d = d.AddDays(rapid.IntRange(1, 400).Draw(t, fmt.Sprintf("gap%d", i)))
			out = append(out, member.IncomeObservation{
				On:      d,
				Monthly: shg.Toman(rapid.Int64Range(0, 10_000_000).Draw(t, fmt.Sprintf("toman%d", i))),
			})
		}
		return out
	})
}

// genProfile draws a valid profile.
func genProfile() *rapid.Generator[member.Profile] {
	return rapid.Custom(func(t *rapid.T) member.Profile {
		birth := shg.MustDate(shg.Gregorian,
			rapid.IntRange(1940, 2010).Draw(t, "birthYear"),
			rapid.IntRange(1, 12).Draw(t, "birthMonth"),
			rapid.IntRange(1, 28).Draw(t, "birthDay"))
		joined := birth.AddDays(rapid.IntRange(0, 80*365).Draw(t, "joinedAfter"))
		p := member.Profile{
			ID:         shg.MemberID(fmt.Sprintf("m-%d", rapid.IntRange(1, 1_000_000).Draw(t, "id"))),
			Name:       rapid.SampledFrom([]string{"Maryam", "مریم احمدی", "فاطمه\u200cسادات", "Leila Karimi", " Zahra "}).Draw(t, "name"),
			BirthDate:  birth,
			Gender:     member.Gender(rapid.IntRange(0, 2).Draw(t, "gender")),
			Village:    rapid.SampledFrom([]string{"", "دهلر", "Sahneh", "روستای گاماسیاب"}).Draw(t, "village"),
			Rural:      rapid.Bool().Draw(t, "rural"),
			Role:       member.Role(rapid.IntRange(0, 3).Draw(t, "role")),
			Status:     member.Status(rapid.IntRange(0, 2).Draw(t, "status")),
			Joined:     joined,
			Livelihood: member.Livelihood(rapid.IntRange(0, 8).Draw(t, "livelihood")),
			Incomes:    genIncomes(joined.AddDays(-rapid.IntRange(0, 200).Draw(t, "baselineBefore"))).Draw(t, "incomes"),
		}
		if rapid.Bool().Draw(t, "hasNationalID") {
			p.NationalID = genNationalID().Draw(t, "nationalID")
		}
		if p.Status != member.Active {
			p.Role = member.Ordinary
			p.Exited = joined.AddDays(rapid.IntRange(0, 3000).Draw(t, "exitAfter"))
		}
		return p
	})
}

func TestMember_Properties(t *testing.T) {
	t.Run("JSONRoundTrip", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			m, err := member.New(genProfile().Draw(t, "profile"))
			if err != nil {
				t.Fatalf("generated profile refused: %v", err)
			}
			b, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			var got member.Member
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatalf("%s: %v", b, err)
			}
			if !got.Equal(m) {
				t.Fatalf("round trip changed the member: %s", b)
			}
			b2, _ := json.Marshal(got)
			if !bytes.Equal(b, b2) {
				t.Fatalf("encoding not stable:\n%s\n%s", b, b2)
			}
		})
	})
	t.Run("AddIncomeEqualsNew", func(t *testing.T) {
		// Appending observations one by one builds the same member as New
		// with the whole list, and never changes a receiver.
		rapid.Check(t, func(t *rapid.T) {
			p := genProfile().Draw(t, "profile")
			want := member.MustNew(p)
			incomes := p.Incomes
			p.Incomes = nil
			m := member.MustNew(p)
			for i, o := range incomes {
				before := m
				next, err := m.AddIncome(o)
				if err != nil {
					t.Fatalf("observation %d refused: %v", i, err)
				}
				if !m.Equal(before) || len(m.Incomes()) != i {
					t.Fatalf("AddIncome changed its receiver")
				}
				m = next
			}
			if !m.Equal(want) {
				t.Fatalf("AddIncome one by one differs from New")
			}
		})
	})
	t.Run("AddIncomeOutOfOrderRefused", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			p := genProfile().Draw(t, "profile")
			m := member.MustNew(p)
			last, ok := m.Latest()
			if !ok {
				t.Skip("no observations")
			}
			on := last.On.AddDays(-rapid.IntRange(0, 1000).Draw(t, "back"))
			got, err := m.AddIncome(member.IncomeObservation{On: on, Monthly: shg.Toman(1)})
			if !shg.HasCode(err, member.CodeIncomeOrder) {
				t.Fatalf("want %s, got %v", member.CodeIncomeOrder, err)
			}
			if !got.Equal(m) {
				t.Fatalf("refused AddIncome changed the member")
			}
		})
	})
	t.Run("LatestOnMatchesScan", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			m := member.MustNew(genProfile().Draw(t, "profile"))
			d := m.Joined().AddDays(rapid.IntRange(-300, 3000).Draw(t, "offset"))
			var want member.IncomeObservation
			found := false
			for _, o := range m.Incomes() {
				if !o.On.After(d) {
					want, found = o, true
				}
			}
			got, ok := m.LatestOn(d)
			if ok != found || !got.Equal(want) {
				t.Fatalf("LatestOn(%s) = %v, %v; scan gives %v, %v", d, got, ok, want, found)
			}
		})
	})
	t.Run("AgeMonotone", func(t *testing.T) {
		// Age never falls as the day advances and rises by at most one a day.
		rapid.Check(t, func(t *rapid.T) {
			birth := shg.MustDate(shg.Gregorian, rapid.IntRange(1900, 2020).Draw(t, "y"), rapid.IntRange(1, 12).Draw(t, "m"), 1)
			birth = birth.AddDays(rapid.IntRange(0, 30).Draw(t, "d"))
			on := birth.AddDays(rapid.IntRange(0, 40_000).Draw(t, "days"))
			a, b := member.Age(birth, on), member.Age(birth, on.AddDays(1))
			if b < a || b > a+1 {
				t.Fatalf("age %d on %s then %d", a, on, b)
			}
			// Whole years: between 365·a and 366·(a+1) days have passed.
			days := on.Sub(birth)
			if days < 365*a || days >= 366*(a+1) {
				t.Fatalf("age %d after %d days", a, days)
			}
		})
	})
}

func FuzzMember_UnmarshalJSON(f *testing.F) {
	f.Add([]byte(wantJSON))
	f.Add([]byte(`null`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"id":"a","name":"b","birthDate":"2000-01-01","joined":"2020-01-01"}`))
	f.Add([]byte(`{"ID":"a","NAME":" b ","birthdate":"2000-01-01","joined":"2020-01-01","nationalId":"۰۱۲۳۴۵۶۷۸۹","incomes":null}`))
	f.Add([]byte(`{"id":"a","name":"b","birthDate":"2000-01-01","joined":"2020-01-01","status":"exited","exited":"2021-01-01",` +
		`"incomes":[{"on":"2019-01-01","monthly":{"amount":"0","currency":"IRR"}},{"on":"2020-01-01","monthly":{"amount":"5000000.5","currency":"IRR"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var m member.Member
		if err := json.Unmarshal(data, &m); err != nil {
			if !m.IsZero() {
				t.Fatalf("failed decode left a member: %v", err)
			}
			return
		}
		if m.IsZero() {
			return // null
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("accepted member does not encode: %v", err)
		}
		var got member.Member
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("re-decoding %s: %v", b, err)
		}
		if !got.Equal(m) {
			t.Fatalf("round trip changed the member:\n%s\n%s", data, b)
		}
		b2, err := json.Marshal(got)
		require.NoError(t, err)
		if !bytes.Equal(b, b2) {
			t.Fatalf("encoding not stable:\n%s\n%s", b, b2)
		}
	})
}

func BenchmarkNew(b *testing.B) {
	p := testProfile(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := member.New(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMember_MarshalJSON(b *testing.B) {
	m := testMember(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := json.Marshal(m); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMember_UnmarshalJSON(b *testing.B) {
	data := []byte(wantJSON)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var m member.Member
		if err := json.Unmarshal(data, &m); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMember_AddIncome(b *testing.B) {
	m := testMember(b)
	o := member.IncomeObservation{On: shahrivar99, Monthly: shg.Toman(500_000)}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := m.AddIncome(o); err != nil {
			b.Fatal(err)
		}
	}
}
