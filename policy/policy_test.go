package policy_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func presets() map[string]policy.Policy {
	return map[string]policy.Policy{
		"KermanshahBehzisti": policy.KermanshahBehzisti(),
		"NABARDLinkage":      policy.NABARDLinkage(),
		"VSLA":               policy.VSLA(),
	}
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// roundTrip marshals p and loads it back.
func roundTrip(tb testing.TB, p policy.Policy) policy.Policy {
	tb.Helper()
	b, err := json.Marshal(p)
	require.NoError(tb, err)
	q, err := policy.Load(bytes.NewReader(b))
	require.NoError(tb, err, "%s", b)
	return q
}

func TestPresets_Validate(t *testing.T) {
	for name, p := range presets() {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, p.Validate())
			assert.NotEmpty(t, p.Source)
		})
	}
}

func TestPresets_JSONRoundTrip(t *testing.T) {
	for name, p := range presets() {
		t.Run(name, func(t *testing.T) {
			q := roundTrip(t, p)
			assert.True(t, q.Equal(p))
			// Encoding is stable: the second encoding equals the first.
			b1, _ := json.Marshal(p)
			b2, _ := json.Marshal(q)
			assert.JSONEq(t, string(b1), string(b2))
			// Every amount names its currency, zeros included.
			assert.NotContains(t, string(b1), `"currency":""`)
		})
	}
}

// The article's numbers, restated from seed-article.en.md, not read back
// from the preset.
func TestKermanshahBehzisti_ArticleFacts(t *testing.T) {
	p := policy.KermanshahBehzisti()
	assert.Equal(t, 15, p.Membership.MinMembers)
	assert.Equal(t, 25, p.Membership.MaxMembers)
	assert.Equal(t, []member.Gender{member.Female}, p.Membership.Genders)
	assert.True(t, p.Membership.RuralOnly)
	assert.Equal(t, shg.SolarHijri, p.Calendar)
	assert.Equal(t, "IRR", p.Currency)
	assert.Equal(t, policy.BorrowerMembers, p.BankLinkage.Borrower)
	assert.Equal(t, policy.CollateralNone, p.BankLinkage.Collateral)
	assert.Contains(t, p.BankLinkage.Bank, "Keshavarzi")
	require.Len(t, p.BankLinkage.Tranches, 3)
	// 2.5M, 3M, 5M toman = 25M, 30M, 50M rials.
	for i, rials := range []string{"25000000 IRR", "30000000 IRR", "50000000 IRR"} {
		assert.True(t, p.BankLinkage.Tranches[i].MaxPerMember.Equal(shg.MustParseMoney(rials)), "tranche %d", i+1)
	}
	assert.Equal(t, 6, p.BankLinkage.Tranches[0].MinGroupAgeMonths)
	assert.True(t, p.Lending.Enabled)
}

func TestNABARDLinkage_CircularFacts(t *testing.T) {
	p := policy.NABARDLinkage()
	assert.Equal(t, 10, p.Membership.MinMembers)
	assert.Equal(t, 20, p.Membership.MaxMembers)
	require.Len(t, p.BankLinkage.Tranches, 2)
	t1, t2 := p.BankLinkage.Tranches[0], p.BankLinkage.Tranches[1]
	assert.True(t, t1.CorpusMultiple.Equal(dec("6")))
	assert.True(t, t2.CorpusMultiple.Equal(dec("8")))
	assert.True(t, t1.CorpusFloor.Equal(shg.MustParseMoney("100000 INR"))) // Rs 1 lakh
	assert.True(t, t2.CorpusFloor.Equal(shg.MustParseMoney("200000 INR"))) // Rs 2 lakh
	assert.Equal(t, 6, t1.MinGroupAgeMonths)
	assert.Equal(t, 6, p.Stages.Sustainability.MinMonthsSinceFormation)
	assert.Equal(t, policy.BorrowerGroup, p.BankLinkage.Borrower)
}

func TestVSLA_MethodologyFacts(t *testing.T) {
	p := policy.VSLA()
	assert.Equal(t, 10, p.Membership.MinMembers)
	assert.Equal(t, 25, p.Membership.MaxMembers)
	assert.Equal(t, policy.Weekly, p.Meetings.Frequency)
	assert.Equal(t, 1, p.Savings.Plan.MinShares)
	assert.Equal(t, 5, p.Savings.Plan.MaxShares)
	assert.True(t, p.Lending.MaxSavingsMultiple.Equal(dec("3")))
	assert.Equal(t, 3, p.Lending.MaxInstallments)
	assert.True(t, p.Savings.SocialFund.IsPositive())
	assert.Equal(t, 12, p.ShareOut.CycleMonths)
	assert.True(t, p.ShareOut.KeepSocialFund)
	assert.False(t, p.HasBankLinkage())
	// 10% a month is 120% a year, nominal.
	assert.True(t, p.Lending.Pricing.AnnualRate.Equal(dec("0.10").Mul(dec("12"))))
}

func TestLoad_Broken(t *testing.T) {
	f, err := os.Open("testdata/broken.json")
	require.NoError(t, err)
	defer f.Close()
	_, err = policy.Load(f)
	require.Error(t, err)
	assert.ErrorIs(t, err, policy.ErrInvalidPolicy)
	assert.ErrorIs(t, err, shg.ErrRuleViolation)
	var ve *policy.ValidationError
	require.ErrorAs(t, err, &ve)
	// Every problem planted in the file, by path.
	want := []string{
		"colour",                                    // unknown top-level field
		"name",                                      // empty
		"membership.maxMembers",                     // 12 < 15
		"membership.genders[1]",                     // duplicate
		"membership.minAge",                         // negative
		"membership.officers[1]",                    // ordinary is not an office
		"stages.preparation.facilitator",            // string, not boolean
		"stages.formation.notary",                   // unknown nested field
		"stages.sustainability.minAttendance",       // 1.5 > 1
		"stages.sustainability.minRepaymentRate",    // negative
		"meetings.frequency",                        // "daily"
		"savings.plan.amount",                       // INR in an IRR policy
		"savings.fines.absence",                     // negative
		"lending.maxInstallments",                   // 3 < 6
		"lending.pricing.every.n",                   // 0
		"bankLinkage.tranches[1].maxPerMember",      // 25M below tranche 1's 30M
		"bankLinkage.tranches[1].minGroupAgeMonths", // 3 < 6
		"bankLinkage.tranches[1].minGrade",          // "D"
		"bankLinkage.tranches[2].maxPerMember",      // 20M below 25M
		"bankLinkage.tranches[2].corpusFloor.note",  // unknown field inside an amount
		"bankLinkage.tranches[2].installments",      // 0
		"bankLinkage.tranches[2].pricing.method",    // "compound"
		"grading.indicators[1].metric",              // duplicate
		"grading.indicators[1].weight",              // zero
		"grading.a",                                 // below b
		"shareOut.basis",                            // byShares without shares
	}
	assert.ElementsMatch(t, want, ve.Paths(), "%v", err)
	for _, fe := range ve.Errors {
		assert.NotEmpty(t, fe.Message, fe.Path)
		assert.Contains(t, err.Error(), fe.Path+": ")
	}
	msg := map[string]string{}
	for _, fe := range ve.Errors {
		msg[fe.Path] = fe.Message
	}
	assert.Contains(t, msg["bankLinkage.tranches[1].maxPerMember"], "must not be below tranches[0]")
	assert.Contains(t, msg["colour"], "unknown field")
}

func TestLoad_Errors(t *testing.T) {
	cases := map[string]string{
		"NotJSON":      `{"name":`,
		"NotObject":    `[1,2]`,
		"Trailing":     `{} {}`,
		"Empty":        ``,
		"NullTopLevel": `null`,
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := policy.Load(strings.NewReader(in))
			require.Error(t, err)
			assert.ErrorIs(t, err, policy.ErrInvalidPolicy)
		})
	}
	t.Run("CaseSensitive", func(t *testing.T) {
		b, _ := json.Marshal(policy.VSLA())
		in := strings.Replace(string(b), `"name"`, `"Name"`, 1)
		_, err := policy.Load(strings.NewReader(in))
		var ve *policy.ValidationError
		require.ErrorAs(t, err, &ve)
		assert.True(t, ve.Has("Name"), "%v", err)
		assert.True(t, ve.Has("name"), "%v", err) // and name is then missing
	})
	t.Run("HugeExponent", func(t *testing.T) {
		b, _ := json.Marshal(policy.VSLA())
		in := strings.Replace(string(b), `"quorum":"0.5"`, `"quorum":"1e999999999"`, 1)
		require.NotEqual(t, string(b), in)
		_, err := policy.Load(strings.NewReader(in))
		var ve *policy.ValidationError
		require.ErrorAs(t, err, &ve)
		assert.Equal(t, []string{"meetings.quorum"}, ve.Paths())
	})
	t.Run("TooLarge", func(t *testing.T) {
		in := `{"name":"` + strings.Repeat("x", policy.MaxPolicyBytes) + `"}`
		_, err := policy.Load(strings.NewReader(in))
		assert.ErrorIs(t, err, policy.ErrInvalidPolicy)
	})
}

func TestValidate_AllProblemsAtOnce(t *testing.T) {
	p := policy.KermanshahBehzisti()
	p.Name = " "
	p.Currency = "XXX"
	p.Meetings.Frequency = 0
	p.BankLinkage.Tranches[0].PreviousRepaid = dec("0.5")
	p.BankLinkage.Tranches[0].MinMonthsSinceLast = 2
	p.Grading.B = decimal.Zero
	err := p.Validate()
	var ve *policy.ValidationError
	require.ErrorAs(t, err, &ve)
	for _, path := range []string{
		"name", "currency", "meetings.frequency",
		"bankLinkage.tranches[0].previousRepaid", "bankLinkage.tranches[0].minMonthsSinceLast",
		"grading.b",
	} {
		assert.True(t, ve.Has(path), "missing %s in %v", path, err)
	}
	// A wrong currency makes every amount mismatch: each is reported.
	assert.True(t, ve.Has("savings.plan.amount"))
	assert.True(t, ve.Has("bankLinkage.tranches[2].maxPerMember"))
}

func TestValidate_LoanConsistency(t *testing.T) {
	t.Run("RoundingUnitBelowMinorUnit", func(t *testing.T) {
		p := policy.KermanshahBehzisti()
		p.Rounding.Unit = dec("0.5") // IRR has no fraction
		var ve *policy.ValidationError
		require.ErrorAs(t, p.Validate(), &ve)
		assert.Equal(t, []string{"rounding.unit"}, ve.Paths())
	})
	t.Run("InstallmentMultipleNotOfUnit", func(t *testing.T) {
		p := policy.VSLA() // unit 5 XOF
		p.Lending.Pricing.InstallmentMultiple = dec("12")
		var ve *policy.ValidationError
		require.ErrorAs(t, p.Validate(), &ve)
		assert.Equal(t, []string{"lending.pricing.installmentMultiple"}, ve.Paths())
	})
	t.Run("GraceNotBelowInstallments", func(t *testing.T) {
		p := policy.NABARDLinkage()
		p.BankLinkage.Tranches[0].Pricing.PrincipalGrace = 24
		var ve *policy.ValidationError
		require.ErrorAs(t, p.Validate(), &ve)
		assert.Equal(t, []string{"bankLinkage.tranches[0].pricing.principalGrace"}, ve.Paths())
	})
}

func TestPolicy_Clone(t *testing.T) {
	p := policy.KermanshahBehzisti()
	q := p.Clone()
	require.True(t, q.Equal(p))
	q.Membership.Genders[0] = member.Male
	q.Membership.Officers[0] = member.Secretary
	q.BankLinkage.Tranches[0].MinGroupAgeMonths = 99
	q.Grading.Indicators[0].Weight = dec("7")
	assert.Equal(t, member.Female, p.Membership.Genders[0])
	assert.Equal(t, member.Chair, p.Membership.Officers[0])
	assert.Equal(t, 6, p.BankLinkage.Tranches[0].MinGroupAgeMonths)
	assert.True(t, p.Grading.Indicators[0].Weight.Equal(dec("1")))
	assert.False(t, q.Equal(p))
}

func TestPolicy_Equal(t *testing.T) {
	p := policy.NABARDLinkage()
	q := p.Clone()
	q.Meetings.Quorum = dec("0.50") // same value, other scale
	assert.True(t, p.Equal(q))
	q.Meetings.Quorum = dec("0.51")
	assert.False(t, p.Equal(q))
	r := p.Clone()
	r.BankLinkage.Tranches = r.BankLinkage.Tranches[:1]
	assert.False(t, p.Equal(r))
}

func TestValidationError_Is(t *testing.T) {
	err := error(&policy.ValidationError{Errors: []policy.FieldError{{Path: "a", Message: "b"}}})
	assert.True(t, errors.Is(err, policy.ErrInvalidPolicy))
	assert.True(t, errors.Is(err, shg.ErrRuleViolation))
	assert.False(t, errors.Is(err, shg.ErrInvalidMoney))
	assert.Equal(t, "policy: invalid policy: a: b", err.Error())
}
