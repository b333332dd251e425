package main

import (
	"bytes"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/policy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	var a, b bytes.Buffer
	require.NoError(t, run(&a, nil))
	require.NoError(t, run(&b, nil))
	assert.Equal(t, a.String(), b.String(), "no randomness: the same output every time")
	assert.Contains(t, a.String(), "Share-out on 2025-01-27 (cycle 1, by byShares)")
}

// TestCycle checks the share-out against the cycle's own books: the pool is
// the savings plus the earnings (service charges and fines, nothing written
// off), every member is paid, the payouts sum to the pool, and the social
// fund stays behind.
func TestCycle(t *testing.T) {
	p := policy.VSLA()
	g, err := form(p)
	require.NoError(t, err)
	var out bytes.Buffer
	d, err := cycle(&out, g, p)
	require.NoError(t, err)

	require.Len(t, d.Payouts, members)
	sum := shg.Zero("XOF")
	shares := 0
	for _, po := range d.Payouts {
		sum, _ = sum.Add(po.Amount)
		shares += po.Shares
		assert.True(t, po.Profit().IsPositive(), "%s earns from the loans", po.Member)
	}
	assert.True(t, sum.Equal(d.Pool), "payouts %s sum to the pool %s", sum, d.Pool)
	pool, _ := d.Savings.Add(d.Earnings)
	assert.True(t, pool.Equal(d.Pool))
	// Savings are shares at 500 XOF each.
	assert.True(t, d.Savings.Equal(shg.MustParseMoney("500 XOF").Mul(decimalInt(shares))))
	assert.True(t, d.SocialFund.IsZero(), "the social fund is not shared out")
	assert.True(t, d.SocialFundKept.IsPositive())
	assert.True(t, g.Fund().Cash().Total.Equal(d.SocialFundKept), "after the share-out only the social fund is left")
}
