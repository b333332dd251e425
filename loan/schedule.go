package loan

import (
	"encoding/json"

	"github.com/khodyar/shg"
	"github.com/shopspring/decimal"
)

// Installment is one line of a repayment [Schedule]: what falls due on Due.
// Principal + Interest + Fee = Total; Balance is the principal still
// outstanding after it. A loan prices its charge either as Interest or as
// Fee (see [ChargeKind]); the other is zero.
type Installment struct {
	Number    int       `json:"number"` // 1-based
	Due       shg.Date  `json:"due"`
	Principal shg.Money `json:"principal"`
	Interest  shg.Money `json:"interest"`
	Fee       shg.Money `json:"fee"`
	Total     shg.Money `json:"total"`
	Balance   shg.Money `json:"balance"`
}

// Charge returns Interest + Fee: the price of the installment whatever it
// is labelled.
func (i Installment) Charge() shg.Money { return add(i.Interest, i.Fee) }

// Schedule is a loan's repayment schedule, computed once by [NewSchedule]
// from its [Terms]. It is an immutable value; accessors return copies.
// The zero Schedule has no installments.
type Schedule struct {
	terms  Terms
	items  []Installment
	level  shg.Money // the level installment (EqualInstallments), else zero
	charge shg.Money // sum of the charges
}

// NewSchedule computes the repayment schedule of t, following Apache
// Fineract's cumulative loan schedule generators (see the package
// documentation for the conventions and their sources). Invalid terms are
// refused with a [*shg.RuleError] listing every problem (see
// [Terms.Validate]); so is an InstallmentMultiple that rounds the level
// installment below the first period's charge ("loan.installment_multiple").
func NewSchedule(t Terms) (Schedule, error) {
	if err := t.Validate(); err != nil {
		return Schedule{}, err
	}
	items, level, charge, err := t.build(t.Principal.Amount(), t.Installments, t.PrincipalGrace, 0)
	if err != nil {
		return Schedule{}, err
	}
	cur := t.Principal.Currency()
	return Schedule{terms: t, items: items, level: money(level, cur), charge: money(charge, cur)}, nil
}

// Terms returns the terms the schedule was computed from.
func (s Schedule) Terms() Terms { return s.terms }

// Len returns the number of installments. It equals Terms.Installments
// except when rounding to a coarse unit or an installment multiple clears
// the balance early: like Fineract, the schedule then ends there.
func (s Schedule) Len() int { return len(s.items) }

// Installments returns a copy of the installments, in order.
func (s Schedule) Installments() []Installment {
	return append([]Installment(nil), s.items...)
}

// Installment returns installment number n (1-based) and whether it exists.
func (s Schedule) Installment(n int) (Installment, bool) {
	if n < 1 || n > len(s.items) {
		return Installment{}, false
	}
	return s.items[n-1], true
}

// LevelInstallment returns the level installment of a declining-balance,
// equal-installments schedule (Fineract's fixed EMI, rounded, and rounded
// to InstallmentMultiple when set); zero for the other methods. Grace and
// last installments differ from it.
func (s Schedule) LevelInstallment() shg.Money { return s.level }

// TotalInterest returns the sum of the Interest column; zero for a
// [ServiceFee] loan.
func (s Schedule) TotalInterest() shg.Money {
	if s.terms.Charge == ServiceFee {
		return shg.Zero(s.terms.Principal.Currency())
	}
	return s.charge
}

// TotalFee returns the sum of the Fee column; zero for an [Interest] loan.
func (s Schedule) TotalFee() shg.Money {
	if s.terms.Charge == ServiceFee {
		return s.charge
	}
	return shg.Zero(s.terms.Principal.Currency())
}

// TotalCharge returns TotalInterest + TotalFee: the whole price of the loan.
func (s Schedule) TotalCharge() shg.Money { return s.charge }

// TotalDue returns the principal plus the total charge: what the borrower
// repays over the schedule.
func (s Schedule) TotalDue() shg.Money { return add(s.terms.Principal, s.charge) }

type scheduleJSON struct {
	Terms            Terms         `json:"terms"`
	LevelInstallment shg.Money     `json:"levelInstallment"`
	TotalInterest    shg.Money     `json:"totalInterest"`
	TotalFee         shg.Money     `json:"totalFee"`
	Installments     []Installment `json:"installments"`
}

// MarshalJSON encodes the terms, the totals and the installments.
func (s Schedule) MarshalJSON() ([]byte, error) {
	items := s.items
	if items == nil {
		items = []Installment{}
	}
	return json.Marshal(scheduleJSON{Terms: s.terms, LevelInstallment: s.level,
		TotalInterest: s.TotalInterest(), TotalFee: s.TotalFee(), Installments: items})
}

// PerYear returns the number of periods of u in a year as Fineract's
// DefaultPaymentPeriodsInOneYearCalculator counts them: 12 months, 52 weeks,
// 365 days (0 for an invalid unit).
func (u PeriodUnit) PerYear() int {
	switch u {
	case Month:
		return 12
	case Week:
		return 52
	case Day:
		return 365
	}
	return 0
}

// ratePrecision is the number of significant digits Fineract keeps in rates
// and in balance×rate products: MoneyHelper's MathContext has PRECISION = 12
// (fineract-core .../organisation/monetary/domain/MoneyHelper.java).
const ratePrecision = 12

// PeriodicRate returns the rate charged per repayment period: the annual
// rate divided by the periods in a year of Every.Unit (see
// [PeriodUnit.PerYear]) and multiplied by Every.N. This is Fineract's
// LoanApplicationTerms.periodicInterestRate for the interest calculation
// period "same as repayment period": annualNominalInterestRate
// .divide(periodsInOneYear, mc).divide(100, mc).multiply(repaymentEvery),
// where the division keeps 12 significant digits in the rounding mode, so
// 10%/12 is 0.00833333333333 and not 1/120. It returns zero for an invalid
// period.
func (t Terms) PeriodicRate() decimal.Decimal {
	py := t.Every.Unit.PerYear()
	if py == 0 || t.Every.N < 1 {
		return decimal.Zero
	}
	places := int32(ratePrecision + 24)
	if e := t.AnnualRate.Exponent(); e < 0 {
		places -= e // tiny rates keep their significant digits
	}
	perUnit := t.AnnualRate.DivRound(decimal.NewFromInt(int64(py)), places)
	return roundSig(perUnit, t.Rounding.Mode).Mul(decimal.NewFromInt(int64(t.Every.N)))
}

// DueDate returns the due date of installment k: Start plus k periods,
// counted from Start and not from the previous due date, so that a loan
// started on the 31st falls due on the last day of short months and back
// on the 31st after them (see [shg.Date.AddMonths]). Months step in
// t.Calendar; weeks are 7 days. DueDate(0) is Start.
func (t Terms) DueDate(k int) shg.Date {
	switch t.Every.Unit {
	case Week:
		return t.Start.AddDays(7 * k * t.Every.N)
	case Day:
		return t.Start.AddDays(k * t.Every.N)
	}
	return t.Start.AddMonths(k*t.Every.N, t.Calendar)
}

// build generates n installments (numbered offset+1.., due offset+k periods
// after Start) repaying principal, with grace leading charge-only
// installments. It returns the installments, the level installment (zero
// unless declining equal installments) and the total charge. t must be
// valid; principal must be positive and 1 <= n, 0 <= grace < n.
//
// Fineract sources, apache/fineract fineract-provider .../loanschedule/domain/:
//   - DecliningBalanceInterestLoanScheduleGenerator: interest of a period is
//     the outstanding balance × periodic rate
//     (LoanApplicationTerms.calculateDecliningInterestDueForInstallment
//     BeforeApplyingGrace: multiplyRetainScale, i.e. the product to 12
//     significant digits, then to the currency scale in the rounding mode).
//   - equal installments: the fixed EMI is pmt(rate, periods with principal
//     payment, balance) (LoanApplicationTerms.paymentPerPeriod, computed once
//     and kept), rounded to installmentAmountInMultiplesOf
//     (Money.roundToMultiplesOf: nearest multiple, ties up) and then to the
//     currency; principal = EMI − interest (calculatePrincipalDueFor
//     Installment), zero in a principal-grace period.
//   - equal principal: principal = balance / (n − grace) rounded once and
//     kept (calculateEqualPrincipalDueForInstallment).
//   - FlatInterestLoanScheduleGenerator: the total interest is principal ×
//     rate × number of periods (calculateTotalFlatInterestDueWithoutGrace),
//     spread evenly: total / n rounded (flatInterestPerInstallment), the last
//     installment taking the difference (adjustInterestIfLastRepaymentPeriod);
//     principal is principal / (n − grace) rounded, zero in grace
//     (calculateTotalPrincipalPerPeriodWithoutGrace) — for both amortizations.
//   - the last installment takes whatever principal remains, and an
//     installment never repays more than the balance
//     (adjustPrincipalIfLastRepaymentPeriod); the generator loops while the
//     outstanding balance is not zero (AbstractLoanScheduleGenerator.generate),
//     so a balance cleared early ends the schedule early.
//
// Two corner cases differ on purpose: a flat charge is capped at what
// remains of the flat total (Fineract's last adjustment can go negative
// when the rounded per-installment charge overshoots), and when the balance
// is cleared early on a flat loan the last installment takes the rest of
// the flat total, so TotalCharge is always the flat total.
func (t Terms) build(principal decimal.Decimal, n, grace, offset int) (items []Installment, level, charge decimal.Decimal, err error) {
	cur := t.Principal.Currency()
	r := t.PeriodicRate()
	rd := rounder{mode: t.Rounding.Mode, unit: t.Rounding.UnitFor(cur), cur: cur}
	m := n - grace // installments that repay principal
	flat := t.Interest == Flat
	fee := t.Charge == ServiceFee

	var fixed, flatPer, flatLeft decimal.Decimal
	switch {
	case flat:
		flatLeft = rd.round(roundSig(principal.Mul(r).Mul(decimal.NewFromInt(int64(n))), t.Rounding.Mode))
		flatPer = rd.round(rd.div(flatLeft, n))
		fixed = rd.round(rd.div(principal, m))
	case t.Amortization == EqualPrincipal:
		fixed = rd.round(rd.div(principal, m))
	default:
		level = LevelPayment(principal, r, m)
		if t.InstallmentMultiple.IsPositive() {
			level = roundTo(level, t.InstallmentMultiple, shg.HalfUp)
		}
		level = rd.round(level)
		// The balance never rises only if the level installment covers the
		// charge of the first amortizing period, the largest one.
		if first := rd.round(roundSig(principal.Mul(r), t.Rounding.Mode)); level.LessThan(first) {
			return nil, decimal.Zero, decimal.Zero, shg.NewRuleError("loan.NewSchedule", shg.Violation{
				Code:    CodeInstallmentMultiple,
				Message: "installment multiple rounds the level installment below the charge of a period",
				Want:    ">= " + first.String(), Got: level.String(),
			})
		}
	}

	items = make([]Installment, 0, n)
	zero := shg.Zero(cur)
	bal := principal
	charge = decimal.Zero
	for k := 1; k <= n; k++ {
		var c, p decimal.Decimal
		if flat {
			c = decimal.Min(flatPer, flatLeft)
		} else {
			c = rd.round(roundSig(bal.Mul(r), t.Rounding.Mode))
		}
		switch {
		case k <= grace:
			p = decimal.Zero
		case flat || t.Amortization == EqualPrincipal:
			p = fixed
		default:
			p = level.Sub(c)
		}
		if k == n || p.Cmp(bal) >= 0 {
			p = bal
		}
		bal = bal.Sub(p)
		last := bal.IsZero()
		if flat {
			if last {
				c = flatLeft
			}
			flatLeft = flatLeft.Sub(c)
		}
		charge = charge.Add(c)
		in := Installment{
			Number:    offset + k,
			Due:       t.DueDate(offset + k),
			Principal: money(p, cur),
			Interest:  zero,
			Fee:       zero,
			Total:     money(p.Add(c), cur),
			Balance:   money(bal, cur),
		}
		if fee {
			in.Fee = money(c, cur)
		} else {
			in.Interest = money(c, cur)
		}
		items = append(items, in)
		if last {
			break
		}
	}
	return items, level, charge, nil
}

// LevelPayment returns the level installment that repays principal in
// periods equal installments at the periodic rate, unrounded:
// P·r / (1 − (1+r)^−n), or P/n at a zero rate. It is Excel's PMT and
// numpy-financial's pmt with the sign turned positive, which Fineract's
// FinanicalFunctions.pmt computes in binary floating point; here it is
// decimal, exact to about 30 decimal places. It returns zero for periods < 1
// or a rate <= −1.
func LevelPayment(principal, rate decimal.Decimal, periods int) decimal.Decimal {
	if periods < 1 || rate.Cmp(decimal.NewFromInt(-1)) <= 0 {
		return decimal.Zero
	}
	n := decimal.NewFromInt(int64(periods))
	if rate.IsZero() {
		return principal.DivRound(n, levelPlaces)
	}
	f := powTrunc(decimal.NewFromInt(1).Add(rate), periods, levelPlaces+10) // (1+r)^n
	// P·r/(1 − f⁻¹) = P·r·f/(f − 1)
	return principal.Mul(rate).Mul(f).DivRound(f.Sub(decimal.NewFromInt(1)), levelPlaces)
}

const levelPlaces = 30

// powTrunc returns b^n (n >= 1) by repeated squaring, truncating every
// product to places decimal places.
func powTrunc(b decimal.Decimal, n int, places int32) decimal.Decimal {
	result := decimal.NewFromInt(1)
	for n > 0 {
		if n&1 == 1 {
			result = result.Mul(b).Truncate(places)
		}
		n >>= 1
		if n > 0 {
			b = b.Mul(b).Truncate(places)
		}
	}
	return result
}

// rounder rounds amounts of one currency to a unit in a mode, as
// [shg.Money.Round] does.
type rounder struct {
	mode shg.RoundingMode
	unit decimal.Decimal
	cur  string
}

func (r rounder) round(x decimal.Decimal) decimal.Decimal { return roundTo(x, r.unit, r.mode) }

// div returns x/n with enough decimal places (24 beyond the unit) that
// rounding the result to the unit is exact: a quotient by an integer
// n <= MaxInstallments cannot fall within 10^-24 units of a tie without
// being one.
func (r rounder) div(x decimal.Decimal, n int) decimal.Decimal {
	return x.DivRound(decimal.NewFromInt(int64(n)), 24-r.unit.Exponent())
}

// roundSig rounds x to Fineract's 12 significant digits in mode.
func roundSig(x decimal.Decimal, mode shg.RoundingMode) decimal.Decimal {
	nd := x.NumDigits()
	if nd <= ratePrecision {
		return x
	}
	return roundTo(x, decimal.New(1, x.Exponent()+int32(nd-ratePrecision)), mode)
}

// roundTo rounds x to a multiple of unit (> 0) in mode, through
// [shg.Money.Round] so that the whole library shares one definition of
// each mode.
func roundTo(x, unit decimal.Decimal, mode shg.RoundingMode) decimal.Decimal {
	m, err := shg.NewMoney(x, shg.IRR)
	if err != nil {
		return x
	}
	return m.Round(shg.Rounding{Mode: mode, Unit: unit}).Amount()
}

// money builds an amount of a currency already validated.
func money(x decimal.Decimal, cur string) shg.Money {
	m, err := shg.NewMoney(x, cur)
	if err != nil {
		return shg.Money{}
	}
	return m
}

// add and sub combine amounts of one currency; the package only ever
// combines amounts of the loan's own currency, so a mismatch cannot occur.
func add(a, b shg.Money) shg.Money {
	r, _ := a.Add(b)
	return r
}

func sub(a, b shg.Money) shg.Money {
	r, _ := a.Sub(b)
	return r
}
