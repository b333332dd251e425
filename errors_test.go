package shg_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/khodyar/shg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestRuleError(t *testing.T) {
	err := error(shg.NewRuleError("group.AdmitMember",
		shg.Violation{Code: "membership.max_members", Message: "group is full", Want: "<= 25", Got: "26"},
		shg.Violation{Code: "money.currency", Err: shg.ErrCurrencyMismatch},
	))
	t.Run("Message", func(t *testing.T) {
		assert.Equal(t, `group.AdmitMember: membership.max_members: group is full (want <= 25, got 26); money.currency`, err.Error())
	})
	t.Run("Is", func(t *testing.T) {
		assert.ErrorIs(t, err, shg.ErrRuleViolation)
		assert.ErrorIs(t, err, shg.ErrCurrencyMismatch)
		assert.NotErrorIs(t, err, shg.ErrInvalidDate)
	})
	t.Run("As", func(t *testing.T) {
		var re *shg.RuleError
		require.ErrorAs(t, fmt.Errorf("wrapped: %w", err), &re)
		assert.Equal(t, []string{"membership.max_members", "money.currency"}, re.Codes())
		assert.True(t, shg.HasCode(fmt.Errorf("wrapped: %w", err), "membership.max_members"))
		assert.False(t, shg.HasCode(err, "membership.min_members"))
		assert.False(t, shg.HasCode(errors.New("plain"), "membership.max_members"))
	})
}

func TestRuleError_HasEveryCode(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		codes := rapid.SliceOfN(rapid.StringMatching(`[a-z]{1,8}\.[a-z_]{1,8}`), 1, 6).Draw(t, "codes")
		vs := make([]shg.Violation, len(codes))
		for i, c := range codes {
			vs[i] = shg.Violation{Code: c}
		}
		re := shg.NewRuleError("op", vs...)
		for _, c := range codes {
			if !re.Has(c) {
				t.Fatalf("missing %q", c)
			}
		}
		if re.Has("absent.code!") {
			t.Fatal("has a code never added")
		}
	})
}

func TestRuleError_JSON(t *testing.T) {
	re := shg.NewRuleError("loan.Repay",
		shg.Violation{Code: "loan.overpayment", Message: "payment exceeds the amount due", Want: "<= 1000 IRR", Got: "1200 IRR", Err: shg.ErrRuleViolation},
		shg.Violation{Code: "loan.closed", Message: "loan is closed"},
	)
	b, err := json.Marshal(re)
	require.NoError(t, err)
	assert.JSONEq(t, `{"op":"loan.Repay","violations":[
		{"code":"loan.overpayment","message":"payment exceeds the amount due","want":"<= 1000 IRR","got":"1200 IRR"},
		{"code":"loan.closed","message":"loan is closed"}]}`, string(b))
}

func TestNewRuleError_CopiesViolations(t *testing.T) {
	vs := []shg.Violation{{Code: "a.b"}}
	re := shg.NewRuleError("op", vs...)
	vs[0].Code = "changed"
	assert.Equal(t, []string{"a.b"}, re.Codes())
}
