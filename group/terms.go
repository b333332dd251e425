package group

import (
	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/shopspring/decimal"
)

// LoanTerms is the JSON form of [loan.Terms] stored in events, so that a
// loan replays with the terms it was granted on even after the policy
// changes.
type LoanTerms struct {
	Principal           shg.Money           `json:"principal"`
	AnnualRate          decimal.Decimal     `json:"annualRate"`
	Interest            loan.InterestMethod `json:"interest"`
	Amortization        loan.Amortization   `json:"amortization"`
	Charge              loan.ChargeKind     `json:"charge"`
	Installments        int                 `json:"installments"`
	Every               loan.Period         `json:"every"`
	Start               shg.Date            `json:"start"`
	Calendar            shg.Calendar        `json:"calendar"`
	PrincipalGrace      int                 `json:"principalGrace"`
	Rounding            shg.Rounding        `json:"rounding"`
	InstallmentMultiple decimal.Decimal     `json:"installmentMultiple"`
	Penalty             loan.PenaltyRule    `json:"penalty"`
}

func termsOf(t loan.Terms, pen loan.PenaltyRule) LoanTerms {
	return LoanTerms{
		Principal: t.Principal, AnnualRate: t.AnnualRate, Interest: t.Interest,
		Amortization: t.Amortization, Charge: t.Charge, Installments: t.Installments,
		Every: t.Every, Start: t.Start, Calendar: t.Calendar, PrincipalGrace: t.PrincipalGrace,
		Rounding: t.Rounding, InstallmentMultiple: t.InstallmentMultiple, Penalty: pen,
	}
}

// Terms returns the loan terms.
func (t LoanTerms) Terms() loan.Terms {
	return loan.Terms{
		Principal: t.Principal, AnnualRate: t.AnnualRate, Interest: t.Interest,
		Amortization: t.Amortization, Charge: t.Charge, Installments: t.Installments,
		Every: t.Every, Start: t.Start, Calendar: t.Calendar, PrincipalGrace: t.PrincipalGrace,
		Rounding: t.Rounding, InstallmentMultiple: t.InstallmentMultiple,
	}
}
