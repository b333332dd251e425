package loan_test

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// op is one dated operation on an account, kept so that a history can be
// replayed on a fresh account.
type op struct {
	kind   int // 0 repay, 1 disburse, 2 write off
	on     shg.Date
	amount shg.Money
}

func (o op) apply(a *loan.Account) error {
	switch o.kind {
	case 0:
		_, err := a.Repay(o.on, o.amount)
		return err
	case 1:
		return a.Disburse(o.on, o.amount)
	}
	_, err := a.WriteOff(o.on)
	return err
}

// TestAccount_BranchingCopies grows a tree of histories from plain copies:
// each step copies one of the accounts so far (b := a) and applies an
// operation to the copy. Copies share memory, so an operation that wrote
// into it would change the other branches; every account must encode the
// same as its own history replayed on a fresh account.
func TestAccount_BranchingCopies(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tm := genTerms(t)
		if tm.Installments > 24 {
			tm.Installments = 24
			tm.PrincipalGrace = min(tm.PrincipalGrace, 23)
		}
		cur := tm.Principal.Currency()
		unit := tm.Rounding.UnitFor(cur)
		opts := loan.Options{}
		if rapid.Bool().Draw(t, "penalty") {
			opts.Penalty = loan.PenaltyRule{GraceDays: rapid.IntRange(0, 5).Draw(t, "graceDays"),
				Rate: decimal.New(rapid.Int64Range(1, 500).Draw(t, "penaltyBasisPoints"), -4)}
		}
		root, err := loan.Open("L-branch", tm, opts)
		if err != nil {
			return
		}
		type branch struct {
			a       loan.Account
			history []op
		}
		branches := []branch{{a: root}}
		for step := rapid.IntRange(1, 30).Draw(t, "steps"); step > 0; step-- {
			from := branches[rapid.IntRange(0, len(branches)-1).Draw(t, "from")]
			b := from.a // a plain copy, sharing from.a's memory
			o := op{kind: rapid.IntRange(0, 9).Draw(t, "kind") / 4, on: b.LastDate().AddDays(rapid.IntRange(0, 40).Draw(t, "days"))}
			switch o.kind {
			case 0:
				po, err := b.Payoff(o.on)
				require.NoError(t, err)
				o.amount = po
				if po.IsPositive() && rapid.Bool().Draw(t, "part") {
					minor := shg.Rounding{}.UnitFor(cur)
					units := po.Amount().Div(minor).IntPart()
					o.amount = shg.MustMoney(minor.Mul(decimal.NewFromInt(rapid.Int64Range(1, units).Draw(t, "units"))), cur)
				}
			case 1:
				o.amount = shg.MustMoney(unit.Mul(decimal.NewFromInt(rapid.Int64Range(1, 1000).Draw(t, "tranche"))), cur)
			}
			if err := o.apply(&b); err != nil {
				continue // refused: nothing changed
			}
			branches = append(branches, branch{a: b, history: append(append([]op(nil), from.history...), o)})
		}
		for i, br := range branches {
			fresh, err := loan.Open("L-branch", tm, opts)
			require.NoError(t, err)
			for _, o := range br.history {
				require.NoError(t, o.apply(&fresh))
			}
			require.Equal(t, snapshot(t, fresh), snapshot(t, br.a), "branch %d after %d operations", i, len(br.history))
		}
	})
}

// TestAccount_ConcurrentCopies runs operations on plain copies of one
// account from several goroutines at once; under -race it checks that no
// operation writes into the memory the copies share.
func TestAccount_ConcurrentCopies(t *testing.T) {
	tm := loan.Terms{Principal: shg.Rials(12_000_000), AnnualRate: dec("0.18"), Installments: 24,
		Every: loan.Months(1), Start: greg(2024, 1, 10)}
	a := openAccount(t, tm, loan.Options{Penalty: loan.PenaltyRule{GraceDays: 3, Rate: dec("0.02")}})
	for _, l := range a.Installments()[:5] {
		_, err := a.Repay(l.Due, l.Total)
		require.NoError(t, err)
	}
	orig := snapshot(t, a)
	// run is the history of goroutine g, applied to its own copy of a.
	run := func(g int) string {
		b := a
		on := a.LastDate()
		for k := 0; k < 10; k++ {
			on = on.AddDays(10 + g)
			if _, err := b.Repay(on, shg.Rials(int64(100_000*(g+1)))); err != nil {
				return err.Error()
			}
			_, _, _ = a.Installments(), a.Transactions(), a.Arrears(on) // reads of the shared original
		}
		var err error
		if g%2 == 0 {
			err = b.Disburse(on, shg.Rials(1_000_000))
		} else {
			_, err = b.WriteOff(on)
		}
		if err != nil {
			return err.Error()
		}
		js, err := json.Marshal(b)
		if err != nil {
			return err.Error()
		}
		return string(js)
	}
	results := make([]string, 8)
	var wg sync.WaitGroup
	for g := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[g] = run(g)
		}()
	}
	wg.Wait()
	require.Equal(t, orig, snapshot(t, a), "the shared account is unchanged")
	for g, r := range results {
		require.Equal(t, run(g), r, "goroutine %d", g) // the same history, alone
		require.Contains(t, r, `"id":"L-1"`, "goroutine %d", g)
	}
}
