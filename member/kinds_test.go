package member_test

import (
	"encoding"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/member"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// enumCase is one defined value with the name and Persian label the API
// promises, written out here rather than read from the package's tables.
type enumCase struct {
	v interface {
		String() string
		Persian() string
		IsValid() bool
		encoding.TextMarshaler
	}
	name, fa string
}

// ZWNJ is the zero-width non-joiner of standard Persian orthography.
const zwnj = "\u200c"

var enumCases = map[string][]enumCase{
	"Gender": {
		{member.GenderUnknown, "unknown", "نامشخص"},
		{member.Female, "female", "زن"},
		{member.Male, "male", "مرد"},
	},
	"Role": {
		{member.Ordinary, "ordinary", "عضو"},
		{member.Chair, "chair", "رئیس"},
		{member.Treasurer, "treasurer", "خزانه" + zwnj + "دار"},
		{member.Secretary, "secretary", "منشی"},
	},
	"Status": {
		{member.Active, "active", "فعال"},
		{member.Exited, "exited", "خارج" + zwnj + "شده"},
		{member.Deceased, "deceased", "فوت" + zwnj + "شده"},
	},
	// Words of seed-article.fa.txt paragraph 7: زنبورداری، چرمدوزی، سبزی
	// کاری، لبنیاتی، ... گلیم بافی، صنایع دستی.
	"Livelihood": {
		{member.LivelihoodNone, "none", "ثبت" + zwnj + "نشده"},
		{member.Beekeeping, "beekeeping", "زنبورداری"},
		{member.LeatherWork, "leatherWork", "چرم" + zwnj + "دوزی"},
		{member.VegetableGrowing, "vegetableGrowing", "سبزی" + zwnj + "کاری"},
		{member.Dairy, "dairy", "لبنیات"},
		{member.Poultry, "poultry", "مرغداری"},
		{member.KilimWeaving, "kilimWeaving", "گلیم" + zwnj + "بافی"},
		{member.Handicrafts, "handicrafts", "صنایع دستی"},
		{member.OtherLivelihood, "other", "سایر"},
	},
}

func TestEnums_Names(t *testing.T) {
	for typ, cases := range enumCases {
		for _, c := range cases {
			t.Run(typ+"/"+c.name, func(t *testing.T) {
				assert.True(t, c.v.IsValid())
				assert.Equal(t, c.name, c.v.String())
				assert.Equal(t, c.fa, c.v.Persian())
				b, err := c.v.MarshalText()
				require.NoError(t, err)
				assert.Equal(t, c.name, string(b))
			})
		}
	}
}

func TestEnums_UnmarshalText(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		var g member.Gender
		require.NoError(t, g.UnmarshalText([]byte("female")))
		assert.Equal(t, member.Female, g)
		var r member.Role
		require.NoError(t, r.UnmarshalText([]byte("treasurer")))
		assert.Equal(t, member.Treasurer, r)
		var s member.Status
		require.NoError(t, s.UnmarshalText([]byte("deceased")))
		assert.Equal(t, member.Deceased, s)
		var l member.Livelihood
		require.NoError(t, l.UnmarshalText([]byte("kilimWeaving")))
		assert.Equal(t, member.KilimWeaving, l)
	})
	t.Run("RoundTrip", func(t *testing.T) {
		for typ, cases := range enumCases {
			for _, c := range cases {
				var u encoding.TextUnmarshaler
				switch typ {
				case "Gender":
					u = new(member.Gender)
				case "Role":
					u = new(member.Role)
				case "Status":
					u = new(member.Status)
				case "Livelihood":
					u = new(member.Livelihood)
				}
				require.NoError(t, u.UnmarshalText([]byte(c.name)))
				assert.Equal(t, c.v.String(), u.(interface{ String() string }).String())
			}
		}
	})
	bad := []struct {
		u    encoding.TextUnmarshaler
		in   string
		code string
	}{
		{new(member.Gender), "Female", member.CodeGender}, // case-sensitive
		{new(member.Gender), "", member.CodeGender},
		{new(member.Role), "member", member.CodeRole},
		{new(member.Role), "رئیس", member.CodeRole}, // Persian labels are for display only
		{new(member.Status), "dead", member.CodeStatus},
		{new(member.Livelihood), "leather_work", member.CodeLivelihood},
		{new(member.Livelihood), "Beekeeping", member.CodeLivelihood},
	}
	for _, tc := range bad {
		t.Run("Err/"+tc.in, func(t *testing.T) {
			err := tc.u.UnmarshalText([]byte(tc.in))
			assert.True(t, shg.HasCode(err, tc.code), "%v", err)
		})
	}
	t.Run("ErrLeavesValue", func(t *testing.T) {
		l := member.Dairy
		require.Error(t, l.UnmarshalText([]byte("fishing")))
		assert.Equal(t, member.Dairy, l)
	})
}

func TestEnums_Invalid(t *testing.T) {
	cases := []struct {
		v    interface{ IsValid() bool }
		str  string
		code string
		mt   func() ([]byte, error)
		fa   string
	}{
		{member.Gender(3), "Gender(3)", member.CodeGender, member.Gender(3).MarshalText, member.Gender(3).Persian()},
		{member.Role(4), "Role(4)", member.CodeRole, member.Role(4).MarshalText, member.Role(4).Persian()},
		{member.Status(3), "Status(3)", member.CodeStatus, member.Status(3).MarshalText, member.Status(3).Persian()},
		{member.Livelihood(9), "Livelihood(9)", member.CodeLivelihood, member.Livelihood(9).MarshalText, member.Livelihood(9).Persian()},
		{member.Livelihood(255), "Livelihood(255)", member.CodeLivelihood, member.Livelihood(255).MarshalText, member.Livelihood(255).Persian()},
	}
	for _, tc := range cases {
		t.Run(tc.str, func(t *testing.T) {
			assert.False(t, tc.v.IsValid())
			assert.Equal(t, tc.str, tc.v.(interface{ String() string }).String())
			assert.Empty(t, tc.fa)
			b, err := tc.mt()
			assert.Nil(t, b)
			assert.True(t, shg.HasCode(err, tc.code), "%v", err)
		})
	}
}

func TestRole_IsOfficer(t *testing.T) {
	assert.False(t, member.Ordinary.IsOfficer())
	assert.True(t, member.Chair.IsOfficer())
	assert.True(t, member.Treasurer.IsOfficer())
	assert.True(t, member.Secretary.IsOfficer())
	assert.False(t, member.Role(9).IsOfficer())
}

func TestLivelihoods(t *testing.T) {
	// The article's seven activities plus "other", without "none".
	want := []member.Livelihood{member.Beekeeping, member.LeatherWork, member.VegetableGrowing,
		member.Dairy, member.Poultry, member.KilimWeaving, member.Handicrafts, member.OtherLivelihood}
	got := member.Livelihoods()
	assert.Equal(t, want, got)
	got[0] = member.Dairy // a copy: the next call is unaffected
	assert.Equal(t, want, member.Livelihoods())
}
