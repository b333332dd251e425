package member_test

import (
	"strings"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/member"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// Check digits derived by hand: s = Σ d[i]·(10−i) over the first nine
// digits, r = s mod 11, check = r if r < 2 else 11 − r.
var validNationalIDs = []struct {
	name, in, want string
}{
	// math.stackexchange.com/q/2740295 worked example: 0·10+1·9+2·8+3·7+4·6
	// +5·5+6·4+7·3+8·2 = 156; 156 mod 11 = 2; check 11−2 = 9.
	{"MathSE", "0123456789", "0123456789"},
	// rust-persian-tools national_id doc example: 0·10+0·9+7·8+6·7+2·6+2·5
	// +9·4+6·3+4·2 = 0+0+56+42+12+10+36+18+8 = 182; 182 mod 11 = 6
	// (11·16 = 176); check 5.
	{"PersianTools1", "0076229645", "0076229645"},
	// rust-persian-tools: 10+45+64+21+12+25+0+18+16 = 211; 211 mod 11 = 2
	// (11·19 = 209); check 9.
	{"PersianTools2", "1583250689", "1583250689"},
	// Made up: 3·10+3·9+7·8+1·7+2·6+3·5+4·4+5·3+6·2 = 30+27+56+7+12+15+16
	// +15+12 = 190; 190 mod 11 = 3 (11·17 = 187); check 8.
	{"MadeUp_r3", "3371234568", "3371234568"},
	// Made up: 30+27+56+7+12+15+16+4·3+6·2 = 187 = 11·17; r = 0; check 0.
	{"MadeUp_r0", "3371234460", "3371234460"},
	// Made up: 30+27+56+7+12+15+16+15+5·2 = 188; r = 1; check 1 (r < 2).
	{"MadeUp_r1", "3371234551", "3371234551"},
	// Made up: 4·10+3·9+2·8+1·7+0·6+9·5+8·4+7·3+6·2 = 40+27+16+7+0+45+32
	// +21+12 = 200; 200 mod 11 = 2 (11·18 = 198); check 9.
	{"MadeUp_4321", "4321098769", "4321098769"},
	// Made up: only 6·2 = 12; r = 1; check 1.
	{"LeadingZeros", "0000000061", "0000000061"},
	// Persian and Arabic-Indic digits of MadeUp_r3.
	{"PersianDigits", "۳۳۷۱۲۳۴۵۶۸", "3371234568"},
	{"ArabicIndicDigits", "٣٣٧١٢٣٤٥٦٨", "3371234568"},
	{"MixedDigits", "33۷12٣4568", "3371234568"},
}

var invalidNationalIDs = []struct {
	name, in string
}{
	{"Empty", ""},
	{"WrongCheck", "3371234567"},      // check should be 8
	{"WrongCheckR1", "3371234550"},    // r = 1: check should be 1
	{"WrongCheckR0", "3371234461"},    // r = 0: check should be 0
	{"Transposed", "3371234658"},      // 5 and 6 swapped: 30+27+56+7+12+15+16+18+10 = 191, r = 4, check 7
	{"RepeatedOnes", "1111111111"},    // 54 mod 11 = 10, check 1: passes the sum, refused as repeated
	{"RepeatedZeros", "0000000000"},   // sum 0, check 0: passes the sum
	{"RepeatedNines", "9999999999"},   // 486 mod 11 = 2, check 9: passes the sum
	{"RepeatedPersian", "۵۵۵۵۵۵۵۵۵۵"}, // 270 mod 11 = 6, check 5
	{"NineDigits", "337123456"},       // no left padding
	{"EightDigits", "11537027"},       // valid for libraries that pad; not here
	{"ElevenDigits", "33712345680"},   // one too many
	{"Letter", "337123456a"},          // a letter
	{"LeadingSpace", " 3371234568"},   // no trimming
	{"Dash", "337-123456-8"},          // no separators
	{"PersianWrong", "۳۳۷۱۲۳۴۵۶۷"},    // WrongCheck in Persian digits
	{"Sign", "+3371234568"},           // sign
	{"InvalidUTF8", "337123456\xff"},  // not UTF-8
	{"FullWidth", "３３７１２３４５６８"},       // full-width digits are not accepted
}

func TestValidateNationalID(t *testing.T) {
	for _, tc := range validNationalIDs {
		t.Run("OK/"+tc.name, func(t *testing.T) {
			require.NoError(t, member.ValidateNationalID(tc.in))
			got, err := member.NormalizeNationalID(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	for _, tc := range invalidNationalIDs {
		t.Run("Err/"+tc.name, func(t *testing.T) {
			err := member.ValidateNationalID(tc.in)
			require.Error(t, err)
			assert.True(t, shg.HasCode(err, member.CodeNationalID), "%v", err)
			assert.ErrorIs(t, err, shg.ErrRuleViolation)
			got, err := member.NormalizeNationalID(tc.in)
			assert.Error(t, err)
			assert.Empty(t, got)
		})
	}
}

// checkDigit is the test's own implementation of the rule, written from
// the formula in the comment above validNationalIDs.
func checkDigit(prefix []int) int {
	s := 0
	for i, d := range prefix {
		s += d * (10 - i)
	}
	r := s % 11
	if r < 2 {
		return r
	}
	return 11 - r
}

func TestValidateNationalID_Property(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		prefix := rapid.SliceOfN(rapid.IntRange(0, 9), 9, 9).Draw(t, "prefix")
		allSame := true
		for _, d := range prefix {
			allSame = allSame && d == prefix[0]
		}
		check := checkDigit(prefix)
		var b strings.Builder
		for _, d := range prefix {
			b.WriteByte(byte('0' + d))
		}
		for last := 0; last <= 9; last++ {
			id := b.String() + string(rune('0'+last))
			err := member.ValidateNationalID(id)
			// Ten copies of one digit always pass the sum and are refused.
			if last == check && !(allSame && last == prefix[0]) {
				if err != nil {
					t.Fatalf("%s: want valid (check %d), got %v", id, check, err)
				}
				// The same code in Persian digits is valid too.
				if err := member.ValidateNationalID(shg.ToPersianDigits(id)); err != nil {
					t.Fatalf("%s in Persian digits: %v", id, err)
				}
			} else if !shg.HasCode(err, member.CodeNationalID) {
				t.Fatalf("%s: want member.national_id (check %d), got %v", id, check, err)
			}
		}
	})
}

func TestValidateNationalID_RepeatedDigitsPassChecksum(t *testing.T) {
	// The reason for the repeated-digit rule: every such code satisfies the
	// checksum, so without the rule all ten would be accepted.
	for d := 0; d <= 9; d++ {
		prefix := []int{d, d, d, d, d, d, d, d, d}
		assert.Equal(t, d, checkDigit(prefix), "digit %d", d)
		assert.Error(t, member.ValidateNationalID(strings.Repeat(string(rune('0'+d)), 10)))
	}
}

func FuzzValidateNationalID(f *testing.F) {
	for _, tc := range validNationalIDs {
		f.Add(tc.in)
	}
	for _, tc := range invalidNationalIDs {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		norm, err := member.NormalizeNationalID(s)
		if err != nil {
			if !shg.HasCode(err, member.CodeNationalID) {
				t.Fatalf("%q: error without member.national_id: %v", s, err)
			}
			return
		}
		// Accepted: ten ASCII digits, a fixed point, and the rule holds.
		if len(norm) != 10 {
			t.Fatalf("%q normalized to %q", s, norm)
		}
		digits := make([]int, 10)
		for i := range 10 {
			if norm[i] < '0' || norm[i] > '9' {
				t.Fatalf("%q normalized to %q", s, norm)
			}
			digits[i] = int(norm[i] - '0')
		}
		if checkDigit(digits[:9]) != digits[9] {
			t.Fatalf("%q accepted with a wrong check digit", s)
		}
		if again, err := member.NormalizeNationalID(norm); err != nil || again != norm {
			t.Fatalf("%q: normalizing again gave %q, %v", norm, again, err)
		}
	})
}

func BenchmarkValidateNationalID(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := member.ValidateNationalID("3371234568"); err != nil {
			b.Fatal(err)
		}
	}
}
