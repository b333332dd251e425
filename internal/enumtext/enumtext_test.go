package enumtext_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/internal/enumtext"
)

func TestDecode(t *testing.T) {
	names := []string{"", "weekly", "", "monthly"} // gaps at 0 and 2
	v, err := enumtext.Decode(names, []byte("monthly"), false, "p.Frequency.UnmarshalText", "p.unknown_name", "frequency")
	require.NoError(t, err)
	assert.Equal(t, uint8(3), v)

	// A gap is no value's name.
	_, err = enumtext.Decode(names, []byte(""), false, "p.Frequency.UnmarshalText", "p.unknown_name", "frequency")
	var re *shg.RuleError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "p.Frequency.UnmarshalText", re.Op)
	require.Len(t, re.Violations, 1)
	assert.Equal(t, shg.Violation{Code: "p.unknown_name", Message: "unknown frequency", Want: "weekly|monthly", Got: `""`}, re.Violations[0])

	// With emptyOK, "" is the first value's name and is listed.
	purposes := []string{"", "voluntary", "exit"}
	v, err = enumtext.Decode(purposes, nil, true, "op", "code", "purpose")
	require.NoError(t, err)
	assert.Equal(t, uint8(0), v)
	_, err = enumtext.Decode(purposes, []byte("Exit"), true, "op", "code", "purpose")
	require.ErrorAs(t, err, &re)
	assert.Equal(t, `""|voluntary|exit`, re.Violations[0].Want)
	assert.Equal(t, `"Exit"`, re.Violations[0].Got)
	assert.ErrorIs(t, err, shg.ErrRuleViolation)
}
