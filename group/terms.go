package group

import (
	"github.com/khodyar/shg/loan"
)

// LoanTerms are the terms a loan was granted on, stored in its event so the
// loan replays on them even after the policy changes: the schedule's
// [loan.Terms] and the late-payment penalty.
type LoanTerms struct {
	loan.Terms
	Penalty loan.PenaltyRule `json:"penalty"`
}

func termsOf(t loan.Terms, pen loan.PenaltyRule) LoanTerms {
	return LoanTerms{Terms: t, Penalty: pen}
}
