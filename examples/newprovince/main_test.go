package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khodyar/shg/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, run(&b, nil))
	out := b.String()
	assert.Contains(t, out, `Policy "Kurdistan rural women's self-help groups" (Kurdistan province, Iran), version 1403-1: valid`)
	assert.Contains(t, out, "savings 150,000 toman a month")
	assert.Contains(t, out, "bank loan 1: up to 3,000,000 toman per member")
	assert.Contains(t, out, "refused: [tranche.max_per_member]")
	assert.Contains(t, out, "tranche 1 granted: 6 loans of 3,000,000 toman")
	// 6 members × 3,000,000 toman = 18,000,000 toman.
	assert.Contains(t, out, "18,000,000 toman disbursed")

	var again bytes.Buffer
	require.NoError(t, run(&again, nil))
	assert.Equal(t, out, again.String(), "the example is deterministic")
}

// TestBroken: broken.json reports every problem planted in it, each at its
// path (see the diff between policy.json and broken.json).
func TestBroken(t *testing.T) {
	_, err := policy.Load(bytes.NewReader(brokenJSON))
	var ve *policy.ValidationError
	require.True(t, errors.As(err, &ve), "%v", err)
	want := []string{
		"colour", "membership.maxMembers", "stages.sustainability.minAttendance", "meetings.frequency",
		"savings.plan.amount", "lending.maxInstallments", "bankLinkage.tranches[0].maxPerMember",
		"bankLinkage.tranches[2].maxPerMember", "bankLinkage.tranches[2].installments", "delinquency.graceDays",
	}
	assert.ElementsMatch(t, want, ve.Paths())

	var b bytes.Buffer
	require.NoError(t, run(&b, nil))
	for _, p := range want {
		assert.Contains(t, b.String(), "  "+p+": ")
	}
}

// TestPolicyDiffersFromKermanshah: the NGO's policy is the Kermanshah
// preset with other caps and savings, nothing else.
func TestPolicyDiffersFromKermanshah(t *testing.T) {
	p, err := policy.Load(bytes.NewReader(policyJSON))
	require.NoError(t, err)
	k := policy.KermanshahBehzisti()
	assert.False(t, p.Equal(k))
	assert.False(t, p.Savings.Plan.Amount.Equal(k.Savings.Plan.Amount))
	for i := range p.BankLinkage.Tranches {
		assert.False(t, p.BankLinkage.Tranches[i].MaxPerMember.Equal(k.BankLinkage.Tranches[i].MaxPerMember), "tranche %d cap", i+1)
	}
	assert.Equal(t, k.Calendar, p.Calendar)
	assert.Equal(t, k.BankLinkage.Borrower, p.BankLinkage.Borrower)
}

func TestRun_policyFlag(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	require.NoError(t, os.WriteFile(good, policyJSON, 0o600))
	var b bytes.Buffer
	require.NoError(t, run(&b, []string{"-policy", good}))

	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, brokenJSON, 0o600))
	err := run(&b, []string{"-policy", bad})
	require.Error(t, err)
	assert.True(t, strings.Contains(err.Error(), "membership.maxMembers"), "%v", err)
	assert.Error(t, run(&b, []string{"-policy", filepath.Join(dir, "missing.json")}))
}
