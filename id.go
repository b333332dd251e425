package shg

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// GroupID, MemberID and LoanID identify a group, a member and a loan. They
// are chosen by the application (a database key, a UUID, a register
// number); the library only requires them to be non-empty printable text of
// at most 64 bytes, which [ValidateID] checks. Distinct types keep a member
// ID from being passed where a loan ID is wanted.
type (
	GroupID  string
	MemberID string
	LoanID   string
)

// ValidateID reports whether id is usable as an identifier: 1–64 bytes of
// printable UTF-8 characters with no spaces. It wraps [ErrInvalidID].
func ValidateID[T ~string](id T) error {
	s := string(id)
	if s == "" || len(s) > 64 {
		return fmt.Errorf("%w: %q: want 1-64 bytes", ErrInvalidID, s)
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f {
			ascii = false
			break
		}
	}
	if ascii { // the common case: printable ASCII with no space
		return nil
	}
	if !utf8.ValidString(s) {
		// JSON would turn the bad bytes into U+FFFD: the ID would not
		// survive a round trip through a stored event log.
		return fmt.Errorf("%w: %q: not valid UTF-8", ErrInvalidID, s)
	}
	for _, r := range s {
		if !unicode.IsPrint(r) || unicode.IsSpace(r) {
			return fmt.Errorf("%w: %q: unprintable or space character", ErrInvalidID, s)
		}
	}
	return nil
}
