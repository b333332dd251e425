package shg_test

import (
	"strings"
	"testing"

	"github.com/khodyar/shg"
	"github.com/stretchr/testify/assert"
)

func TestValidateID(t *testing.T) {
	for _, ok := range []string{"g-001", "7f3c9a2e-1b2d-4c5e-8f90-a1b2c3d4e5f6", "گروه۱", strings.Repeat("x", 64)} {
		assert.NoError(t, shg.ValidateID(shg.GroupID(ok)), "%q", ok)
	}
	for _, bad := range []string{"", "a b", "tab\there", "new\nline", "nul\x00", strings.Repeat("x", 65)} {
		assert.ErrorIs(t, shg.ValidateID(shg.MemberID(bad)), shg.ErrInvalidID, "%q", bad)
	}
	assert.ErrorIs(t, shg.ValidateID(shg.LoanID("")), shg.ErrInvalidID)
}
