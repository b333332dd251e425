package member

import (
	"strconv"

	"github.com/khodyar/shg"
)

// NationalIDLen is the number of digits of an Iranian national code (کد ملی).
const NationalIDLen = 10

// ValidateNationalID reports whether s is a well-formed Iranian national
// code (کد ملی): exactly ten digits, ASCII, Persian (۰–۹) or Arabic-Indic
// (٠–٩), with no spaces, dashes or other characters, leading zeros kept;
// not ten copies of one digit; and a correct check digit. It returns nil or
// a [*shg.RuleError] with code "member.national_id".
//
// The check digit is the tenth digit. With d[0..8] the first nine digits,
//
//	s = Σ_{i=0..8} d[i]·(10−i)   (weights 10, 9, …, 2)
//	r = s mod 11
//	check = r        if r < 2
//	check = 11 − r   otherwise
//
// Worked example (math.stackexchange.com/q/2740295): 012345678 gives
// s = 0·10+1·9+2·8+3·7+4·6+5·5+6·4+7·3+8·2 = 156, r = 2, check 9, so
// 0123456789 is well formed. The same rule is implemented by, among
// others, persian-tools (persian-tools.js.org, verifyIranianNationalId) and
// rust-persian-tools (national_id), whose documented valid examples
// 0076229645 and 1583250689 the tests check.
//
// A code of one repeated digit always passes the checksum (Σ weights = 54,
// 54·d ≡ −d mod 11), which is why it is refused separately. Some libraries
// also left-pad 8- or 9-digit input with zeros or check the first three
// digits against the list of issuing offices; this function does neither:
// a register must keep the full ten digits, and the office list changes.
// Passing the check proves a code well formed, not issued.
func ValidateNationalID(s string) error {
	_, err := NormalizeNationalID(s)
	return err
}

// NormalizeNationalID validates s like [ValidateNationalID] and returns it
// with ASCII digits: NormalizeNationalID("۰۱۲۳۴۵۶۷۸۹") is "0123456789".
func NormalizeNationalID(s string) (string, error) {
	var d [NationalIDLen]byte
	n := 0
	for _, r := range s {
		v, ok := digitValue(r)
		if !ok {
			return "", nationalIDError("must be ten digits", s)
		}
		if n == NationalIDLen {
			return "", nationalIDError("must be ten digits", s)
		}
		d[n] = v
		n++
	}
	if n != NationalIDLen {
		return "", nationalIDError("must be ten digits", s)
	}
	same := true
	for i := 1; i < NationalIDLen; i++ {
		if d[i] != d[0] {
			same = false
			break
		}
	}
	if same {
		return "", nationalIDError("must not be one repeated digit", s)
	}
	if check := nationalIDCheck(d[:9]); check != d[9] {
		return "", shg.NewRuleError("member.ValidateNationalID", shg.Violation{
			Code:    CodeNationalID,
			Message: "check digit does not match",
			Want:    "check digit " + strconv.Itoa(int(check)),
			Got:     strconv.Quote(s),
		})
	}
	var out [NationalIDLen]byte
	for i, v := range d {
		out[i] = '0' + v
	}
	return string(out[:]), nil
}

// nationalIDCheck returns the check digit of the first nine digits.
func nationalIDCheck(d []byte) byte {
	s := 0
	for i, v := range d {
		s += int(v) * (10 - i)
	}
	r := s % 11
	if r < 2 {
		return byte(r)
	}
	return byte(11 - r)
}

// digitValue maps an ASCII, Persian or Arabic-Indic digit to its value.
func digitValue(r rune) (byte, bool) {
	switch {
	case r >= '0' && r <= '9':
		return byte(r - '0'), true
	case r >= '۰' && r <= '۹':
		return byte(r - '۰'), true
	case r >= '٠' && r <= '٩':
		return byte(r - '٠'), true
	}
	return 0, false
}

func nationalIDError(msg, s string) error {
	return shg.NewRuleError("member.ValidateNationalID", shg.Violation{
		Code: CodeNationalID, Message: "national id " + msg, Want: "10 digits with a valid check digit", Got: strconv.Quote(truncate(s, 64)),
	})
}

// truncate cuts s to at most n bytes.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
