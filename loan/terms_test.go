package loan_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEnums_Text(t *testing.T) {
	type pair struct {
		v    interface{ MarshalText() ([]byte, error) }
		name string
	}
	for _, p := range []pair{
		{loan.DecliningBalance, "decliningBalance"}, {loan.Flat, "flat"},
		{loan.EqualInstallments, "equalInstallments"}, {loan.EqualPrincipal, "equalPrincipal"},
		{loan.Interest, "interest"}, {loan.ServiceFee, "serviceFee"},
		{loan.Month, "month"}, {loan.Week, "week"}, {loan.Day, "day"},
		{loan.Active, "active"}, {loan.Closed, "closed"}, {loan.WrittenOff, "writtenOff"},
		{loan.PenaltyComponent, "penalty"}, {loan.FeeComponent, "fee"},
		{loan.InterestComponent, "interest"}, {loan.PrincipalComponent, "principal"},
	} {
		b, err := p.v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, p.name, string(b))
	}
	t.Run("RoundTripJSON", func(t *testing.T) {
		in := struct {
			M loan.InterestMethod
			A loan.Amortization
			C loan.ChargeKind
			P loan.Period
		}{loan.Flat, loan.EqualPrincipal, loan.ServiceFee, loan.Weeks(2)}
		b, err := json.Marshal(in)
		require.NoError(t, err)
		assert.JSONEq(t, `{"M":"flat","A":"equalPrincipal","C":"serviceFee","P":{"n":2,"unit":"week"}}`, string(b))
		out := in
		out.M, out.A, out.C, out.P = 0, 0, 0, loan.Period{}
		require.NoError(t, json.Unmarshal(b, &out))
		assert.Equal(t, in, out)
	})
	t.Run("ErrUnknown", func(t *testing.T) {
		var m loan.InterestMethod
		assert.Error(t, m.UnmarshalText([]byte("Flat")))
		var a loan.Amortization
		assert.Error(t, a.UnmarshalText([]byte("")))
		var c loan.ChargeKind
		assert.Error(t, c.UnmarshalText([]byte("fee")))
		var u loan.PeriodUnit
		assert.Error(t, u.UnmarshalText([]byte("months")))
		_, err := loan.InterestMethod(9).MarshalText()
		assert.Error(t, err)
		assert.False(t, loan.PeriodUnit(3).IsValid())
		assert.True(t, loan.Day.IsValid())
	})
}

func validTerms() loan.Terms {
	return loan.Terms{
		Principal:    shg.Toman(2_500_000),
		AnnualRate:   decimal.RequireFromString("0.04"),
		Installments: 12,
		Every:        loan.Months(1),
		Start:        shg.MustDate(shg.SolarHijri, 1397, 12, 1),
		Calendar:     shg.SolarHijri,
	}
}

func TestTerms_Validate(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		require.NoError(t, validTerms().Validate())
	})
	t.Run("EveryProblemListed", func(t *testing.T) {
		bad := loan.Terms{
			Principal:    shg.Rials(-5),
			AnnualRate:   decimal.RequireFromString("-0.1"),
			Installments: 0,
			Every:        loan.Period{N: 0, Unit: loan.Month},
		}
		err := bad.Validate()
		var re *shg.RuleError
		require.True(t, errors.As(err, &re))
		assert.ErrorIs(t, err, shg.ErrRuleViolation)
		for _, code := range []string{"loan.principal_not_positive", "loan.negative_rate",
			"loan.installments", "loan.period", "loan.start"} {
			assert.True(t, re.Has(code), code)
		}
		assert.False(t, re.Has("loan.currency"))
	})
}

func TestTerms_JSON(t *testing.T) {
	in := validTerms()
	in.Interest, in.Amortization, in.Every, in.PrincipalGrace = loan.Flat, loan.EqualPrincipal, loan.Weeks(2), 1
	in.Rounding = shg.Rounding{Mode: shg.HalfUp, Unit: decimal.NewFromInt(10)}
	in.InstallmentMultiple = decimal.NewFromInt(1000)
	b, err := json.Marshal(in)
	require.NoError(t, err)
	for _, want := range []string{`"annualRate":"0.04"`, `"interest":"flat"`, `"amortization":"equalPrincipal"`,
		`"charge":"interest"`, `"every":{"n":2,"unit":"week"}`, `"calendar":"solarHijri"`, `"start":"2019-02-20"`,
		`"principal":{"amount":"25000000","currency":"IRR"}`, `"installmentMultiple":"1000"`} {
		assert.Contains(t, string(b), want)
	}
	var out loan.Terms
	require.NoError(t, json.Unmarshal(b, &out))
	assert.True(t, out.AnnualRate.Equal(in.AnnualRate))
	assert.True(t, out.Principal.Equal(in.Principal))
	// The decoded terms give the very same schedule.
	s1, s2 := mustSchedule(t, in), mustSchedule(t, out)
	j1, err := json.Marshal(s1)
	require.NoError(t, err)
	j2, err := json.Marshal(s2)
	require.NoError(t, err)
	assert.JSONEq(t, string(j1), string(j2))
}

func TestSchedule_Zero(t *testing.T) {
	var s loan.Schedule
	assert.Equal(t, 0, s.Len())
	assert.Empty(t, s.Installments())
	_, ok := s.Installment(1)
	assert.False(t, ok)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"installments":[]`)
}

func TestSchedule_InstallmentsAreCopies(t *testing.T) {
	s := mustSchedule(t, validTerms())
	items := s.Installments()
	items[0].Principal = shg.Rials(1)
	first, ok := s.Installment(1)
	require.True(t, ok)
	assert.False(t, first.Principal.Equal(shg.Rials(1)))
	_, ok = s.Installment(13)
	assert.False(t, ok)
}
