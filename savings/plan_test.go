package savings_test

import (
	"encoding/json"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/savings"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPlanKind_Text(t *testing.T) {
	for k, name := range map[savings.PlanKind]string{
		savings.EqualFixed: "equalFixed", savings.Shares: "shares", savings.Flexible: "flexible",
	} {
		b, err := k.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, name, string(b))
		var back savings.PlanKind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
		assert.True(t, k.IsValid())
	}
	bad := savings.PlanKind(3)
	assert.False(t, bad.IsValid())
	_, err := bad.MarshalText()
	assert.Error(t, err)
	var k savings.PlanKind
	assert.Error(t, k.UnmarshalText([]byte("")))
	assert.Error(t, k.UnmarshalText([]byte("Shares")))
}

func TestShareOutBasis_Text(t *testing.T) {
	for b, name := range map[savings.ShareOutBasis]string{
		savings.BySavings: "bySavings", savings.ByShares: "byShares", savings.BySavingsTime: "bySavingsTime",
	} {
		txt, err := b.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, name, string(txt))
		var back savings.ShareOutBasis
		require.NoError(t, back.UnmarshalText(txt))
		assert.Equal(t, b, back)
	}
	var b savings.ShareOutBasis = savings.ByShares
	require.NoError(t, b.UnmarshalText(nil))
	assert.Equal(t, savings.BySavings, b)
	assert.Error(t, b.UnmarshalText([]byte("byTime")))
	assert.False(t, savings.ShareOutBasis(3).IsValid())
	_, err := savings.ShareOutBasis(9).MarshalText()
	assert.Error(t, err)
}

func TestPlan_JSON(t *testing.T) {
	p := savings.Plan{Kind: savings.Shares, Amount: shg.Rials(50_000), MinShares: 1, MaxShares: 5}
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"kind":"shares","amount":{"amount":"50000","currency":"IRR"},"minShares":1,"maxShares":5}`, string(b))
	var back savings.Plan
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, p.Kind, back.Kind)
	assert.True(t, p.Amount.Equal(back.Amount))
	assert.Equal(t, 1, back.MinShares)
	assert.Equal(t, 5, back.MaxShares)
}

func TestPlan_Validate(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		for _, p := range []savings.Plan{
			{Kind: savings.EqualFixed, Amount: shg.Toman(100_000)},
			{Kind: savings.Shares, Amount: shg.Rials(50_000), MinShares: 1, MaxShares: 5},
			{Kind: savings.Flexible, Amount: shg.Zero("INR")},
			{Kind: savings.Flexible, Amount: shg.MustParseMoney("10.50 INR")},
		} {
			assert.NoError(t, p.Validate(), "%+v", p)
		}
	})
	cases := []struct {
		name  string
		plan  savings.Plan
		codes []string
	}{
		{"ZeroPlan", savings.Plan{}, []string{savings.CodePlanCurrency, savings.CodePlanAmount}},
		{"BadKind", savings.Plan{Kind: 7, Amount: shg.Rials(1)}, []string{savings.CodePlanKind}},
		{"NegativeMinimum", savings.Plan{Kind: savings.Flexible, Amount: shg.Rials(-1)}, []string{savings.CodePlanAmount}},
		{"FractionalUnit", savings.Plan{Kind: savings.EqualFixed, Amount: shg.MustParseMoney("10.505 INR")}, []string{savings.CodePlanAmount}},
		{"SharesOutOfOrder", savings.Plan{Kind: savings.Shares, Amount: shg.Rials(10), MinShares: 3, MaxShares: 2}, []string{savings.CodePlanShares}},
		{"NoMaxShares", savings.Plan{Kind: savings.Shares, Amount: shg.Rials(10)}, []string{savings.CodePlanShares}},
		{"SharesOnFixed", savings.Plan{Kind: savings.EqualFixed, Amount: shg.Rials(10), MaxShares: 5}, []string{savings.CodePlanShares}},
	}
	for _, c := range cases {
		t.Run("Err"+c.name, func(t *testing.T) {
			err := c.plan.Validate()
			var re *shg.RuleError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, c.codes, re.Codes())
			assert.ErrorIs(t, err, shg.ErrRuleViolation)
		})
	}
}

func TestPlan_Check(t *testing.T) {
	fixed := savings.Plan{Kind: savings.EqualFixed, Amount: shg.Toman(100_000)} // 1,000,000 IRR
	shares := savings.Plan{Kind: savings.Shares, Amount: shg.Rials(50_000), MinShares: 1, MaxShares: 5}
	flex := savings.Plan{Kind: savings.Flexible, Amount: shg.Rials(200_000)}

	ok := []struct {
		name      string
		plan      savings.Plan
		deposit   shg.Money
		shares    int
		due       string
		shortfall string
		nShares   int
	}{
		{"FixedFull", fixed, shg.Rials(1_000_000), 0, "1000000 IRR", "0 IRR", 0},
		// 1,000,000 due, 600,000 paid: 400,000 in arrears.
		{"FixedPartial", fixed, shg.Rials(600_000), 0, "1000000 IRR", "400000 IRR", 0},
		{"FixedNothing", fixed, shg.Money{}, 0, "1000000 IRR", "1000000 IRR", 0},
		// 3 shares × 50,000 = 150,000; due is MinShares × price = 50,000.
		{"SharesThree", shares, shg.Rials(150_000), 3, "50000 IRR", "0 IRR", 3},
		{"SharesInferred", shares, shg.Rials(250_000), 0, "50000 IRR", "0 IRR", 5},
		{"SharesNone", shares, shg.Rials(0), 0, "50000 IRR", "50000 IRR", 0},
		{"FlexAbove", flex, shg.Rials(750_000), 0, "200000 IRR", "0 IRR", 0},
		{"FlexBelow", flex, shg.Rials(150_000), 0, "200000 IRR", "50000 IRR", 0},
	}
	for _, c := range ok {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.plan.Check(c.deposit, c.shares)
			require.NoError(t, err)
			assert.Equal(t, c.due, got.Due.String())
			assert.Equal(t, c.shortfall, got.Shortfall.String())
			assert.Equal(t, c.nShares, got.Shares)
			assert.Equal(t, c.shortfall != "0 IRR", got.InArrears())
		})
	}
	bad := []struct {
		name    string
		plan    savings.Plan
		deposit shg.Money
		shares  int
		code    string
	}{
		{"InvalidPlan", savings.Plan{}, shg.Rials(1), 0, savings.CodePlanCurrency},
		{"Currency", fixed, shg.MustParseMoney("10 INR"), 0, savings.CodeCurrency},
		{"Negative", flex, shg.Rials(-5), 0, savings.CodeAmountNegative},
		{"Unit", savings.Plan{Kind: savings.Flexible, Amount: shg.MustParseMoney("1 INR")}, shg.MustParseMoney("1.005 INR"), 0, savings.CodeAmountUnit},
		{"AboveFixed", fixed, shg.Rials(1_000_001), 0, savings.CodeAboveFixedAmount},
		{"NotAMultiple", shares, shg.Rials(75_000), 0, savings.CodeShareMultiple},
		{"SharesMismatch", shares, shg.Rials(100_000), 3, savings.CodeShareMultiple},
		{"TooManyShares", shares, shg.Rials(300_000), 6, savings.CodeAboveMaxShares},
		{"TooManyInferred", shares, shg.Rials(300_000), 0, savings.CodeAboveMaxShares},
		{"NegativeShares", shares, shg.Rials(0), -1, savings.CodeSharesNegative},
		{"SharesOnFixed", fixed, shg.Rials(1_000_000), 2, savings.CodeSharesNegative},
	}
	for _, c := range bad {
		t.Run("Err"+c.name, func(t *testing.T) {
			got, err := c.plan.Check(c.deposit, c.shares)
			assert.True(t, shg.HasCode(err, c.code), "%v", err)
			assert.True(t, got.Due.IsZero() && got.Paid.IsZero())
		})
	}
}

func FuzzPlan_UnmarshalJSON(f *testing.F) {
	f.Add(`{"kind":"shares","amount":{"amount":"50000","currency":"IRR"},"minShares":1,"maxShares":5}`)
	f.Add(`{"kind":"equalFixed","amount":{"amount":"10.5","currency":"INR"}}`)
	f.Add(`{"kind":"bogus"}`)
	f.Fuzz(func(t *testing.T, s string) {
		var p savings.Plan
		if json.Unmarshal([]byte(s), &p) != nil {
			return
		}
		if p.Validate() != nil {
			return
		}
		b, err := json.Marshal(p)
		require.NoError(t, err)
		var q savings.Plan
		require.NoError(t, json.Unmarshal(b, &q))
		assert.Equal(t, p.Kind, q.Kind)
		assert.True(t, p.Amount.Equal(q.Amount))
		_, _ = p.Check(p.Amount, 0)
	})
}
