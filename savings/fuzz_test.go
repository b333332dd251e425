package savings_test

import (
	"encoding/json"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/savings"
	"github.com/stretchr/testify/require"
)

// FuzzFund_UnmarshalJSON: any snapshot the decoder accepts has balanced
// books with nothing guarded below zero, and re-encodes to a snapshot that
// decodes to the same bytes.
func FuzzFund_UnmarshalJSON(f *testing.F) {
	book := meetingBook(f)
	b, _ := json.Marshal(book)
	f.Add(string(b))
	g := book.Clone()
	_, _ = g.ExitSettlement(on(70), "B")
	_ = g.Withdraw(on(70), "C", shg.Rials(5), savings.WithdrawVoluntary, "x")
	b, _ = json.Marshal(g)
	f.Add(string(b))
	f.Add(`{"currency":"IRR","cycle":1,"lastDate":"","accounts":[],"members":[],"postings":[]}`)
	f.Add(`{}`)
	f.Fuzz(func(t *testing.T, s string) {
		var fund savings.Fund
		if json.Unmarshal([]byte(s), &fund) != nil {
			return
		}
		require.True(t, fund.TrialBalance().Balanced())
		require.True(t, fund.BalanceSheet().Balanced())
		c := fund.Cash()
		require.False(t, c.Box.IsNegative() || c.Bank.IsNegative() || fund.SocialFund().IsNegative())
		for _, m := range fund.Members() {
			require.False(t, m.Savings.IsNegative() || m.Receivable.IsNegative())
		}
		out, err := json.Marshal(fund)
		require.NoError(t, err)
		var again savings.Fund
		require.NoError(t, json.Unmarshal(out, &again))
		out2, err := json.Marshal(again)
		require.NoError(t, err)
		require.Equal(t, string(out), string(out2))
	})
}

// FuzzEnums_UnmarshalText: every enum decoder accepts exactly the names
// its encoder writes.
func FuzzEnums_UnmarshalText(f *testing.F) {
	for _, s := range []string{"", "shares", "bySavingsTime", "cashBox", "debit", "shareOut", "exit", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var k savings.PlanKind
		if k.UnmarshalText([]byte(s)) == nil {
			b, err := k.MarshalText()
			require.NoError(t, err)
			require.Equal(t, s, string(b))
		}
		var basis savings.ShareOutBasis
		if basis.UnmarshalText([]byte(s)) == nil && s != "" {
			b, err := basis.MarshalText()
			require.NoError(t, err)
			require.Equal(t, s, string(b))
		}
		var a savings.Account
		if a.UnmarshalText([]byte(s)) == nil {
			b, _ := a.MarshalText()
			require.Equal(t, s, string(b))
		}
		var side savings.Side
		if side.UnmarshalText([]byte(s)) == nil {
			b, _ := side.MarshalText()
			require.Equal(t, s, string(b))
		}
		var pk savings.PostingKind
		if pk.UnmarshalText([]byte(s)) == nil {
			b, _ := pk.MarshalText()
			require.Equal(t, s, string(b))
		}
		var p savings.WithdrawalPurpose
		if p.UnmarshalText([]byte(s)) == nil {
			b, _ := p.MarshalText()
			require.Equal(t, s, string(b))
		}
	})
}
