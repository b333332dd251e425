package group

import (
	"github.com/khodyar/shg"
	"github.com/shopspring/decimal"
)

// RepaymentRateExact exposes the decimal reference of the repayment rate
// to the external tests.
func RepaymentRateExact(g *Group, on shg.Date) decimal.Decimal { return g.repaymentRateExact(on) }
