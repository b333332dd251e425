// Package enumtext decodes the names the SDK's enums marshal to as text,
// and words the refusal of an unknown name the same way in every package.
package enumtext

import (
	"strconv"
	"strings"

	"github.com/khodyar/shg"
)

// Decode returns the index of b among names. An empty entry in names is an
// index no value has (an enum may leave gaps) unless emptyOK, when "" is
// itself a value's name (a "none" value). An unknown name is refused with a
// *shg.RuleError for op carrying code: the message names what was decoded,
// Want lists the names accepted ("" for the empty one) separated by "|",
// Got quotes b.
func Decode(names []string, b []byte, emptyOK bool, op, code, what string) (uint8, error) {
	s := string(b)
	for i, n := range names {
		if n == s && (n != "" || emptyOK) {
			return uint8(i), nil
		}
	}
	known := make([]string, 0, len(names))
	for _, n := range names {
		switch {
		case n != "":
			known = append(known, n)
		case emptyOK:
			known = append(known, `""`)
		}
	}
	return 0, shg.NewRuleError(op, shg.Violation{Code: code, Message: "unknown " + what,
		Want: strings.Join(known, "|"), Got: strconv.Quote(s)})
}
