package oldloan

import (
	"encoding/json"
	"math/big"

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
	const op = "loan.NewSchedule"
	if vs := t.violations(); len(vs) > 0 {
		return Schedule{}, shg.NewRuleError(op, vs...)
	}
	items := make([]Installment, 0, t.Installments)
	level, charge, vs := t.build(t.Principal.Amount(), t.Installments, t.PrincipalGrace, 0, nil,
		func(in Installment) { items = append(items, in) })
	if len(vs) > 0 {
		return Schedule{}, shg.NewRuleError(op, vs...)
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
	// AnnualRate.DivRound(py, 36 places, more for tiny rates), to 12
	// significant digits, × Every.N: in integers, see periodicRate.
	return periodicRate(t.AnnualRate, py, t.Every.N, t.Rounding.Mode)
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
// installments, and passes each to emit, in order. It returns the level
// installment (zero unless declining equal installments) and the total
// charge. t must be
// valid; principal must be positive and 1 <= n, 0 <= grace < n. A non-nil
// flatTotal replaces the flat total charge (used when a tranche is added to
// a flat loan).
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
func (t Terms) build(principal decimal.Decimal, n, grace, offset int, flatTotal *decimal.Decimal, emit func(Installment)) (level, charge decimal.Decimal, refused []shg.Violation) {
	cur := t.Principal.Currency()
	r := t.PeriodicRate()
	m := n - grace // installments that repay principal
	flat := t.Interest == Flat

	// Everything runs on integers of minor units (rials, cents) in reused
	// big.Int scratch, rounded as the decimal formulas round (rounding is
	// exact on values, whatever their scale): this is the hot path, and
	// decimal arithmetic would allocate several times per operation.
	digits, _ := shg.MinorDigits(cur)
	z := newIntCharge(r, t.Rounding.UnitFor(cur).Shift(digits).BigInt(), t.Rounding.Mode)
	var (
		bal                      = principal.Shift(digits).BigInt()
		lvl, fix, per, left, sum big.Int
		c, p, x                  big.Int
	)

	// Amounts fixed for the whole schedule.
	switch {
	case flat:
		if flatTotal != nil {
			left.Set(flatTotal.Shift(digits).BigInt())
		} else {
			z.charge(&left, x.Mul(bal, big.NewInt(int64(n)))) // round(sig12(principal × rate × n))
		}
		z.roundDiv(&per, &left, n)
		z.roundDiv(&fix, bal, m)
	case t.Amortization == EqualPrincipal:
		z.roundDiv(&fix, bal, m)
	default:
		var pr, rate intDec
		pr.c.Set(bal)
		pr.e = -digits
		if !levelCoef(&x, &pr, rate.set(r), m) {
			// Unreachable for valid terms, whose rates are at least 1e-30
			// a year; the decimal formula divides by zero there.
			x.Set(LevelPayment(principal, r, m).Shift(levelPlaces).BigInt())
		}
		// The level payment (x × 10^-levelPlaces) to the installment
		// multiple (nearest, ties up; a multiple of the unit), else to the
		// rounding unit.
		step, mode := &z.unit, t.Rounding.Mode
		if t.InstallmentMultiple.IsPositive() {
			step, mode = t.InstallmentMultiple.Shift(digits).BigInt(), shg.HalfUp
		}
		if sh := int64(levelPlaces) - int64(digits); sh >= 0 {
			mulPow10(&c, step, sh, &p)
			roundInt(&lvl, &x, &c, mode, &p, &left)
		} else {
			mulPow10(&c, &x, -sh, &p)
			roundInt(&lvl, &c, step, mode, &p, &left)
		}
		c.Set(&lvl)
		lvl.Mul(&c, step)
		// The balance never rises only if the level installment covers the
		// charge of the first amortizing period, the largest one.
		if z.charge(&c, bal); lvl.Cmp(&c) < 0 {
			return decimal.Zero, decimal.Zero, []shg.Violation{{
				Code:    CodeInstallmentMultiple,
				Message: "installment multiple rounds the level installment below the charge of a period",
				Want:    ">= " + decimal.NewFromBigInt(&c, -digits).String(), Got: decimal.NewFromBigInt(&lvl, -digits).String(),
			}}
		}
		level = decimal.NewFromBigInt(&lvl, -digits)
		left.SetInt64(0)
	}

	equalPrincipal := flat || t.Amortization == EqualPrincipal
	fee := t.Charge == ServiceFee
	zero := shg.Zero(cur)
	// Level amounts repeat from one installment to the next; a repeated
	// value reuses the Money built for the previous one (decimals are
	// immutable), so most installments allocate only for their balance.
	mk := moneyMaker{digits: digits, zero: shg.Zero(cur)}
	var principalCol, chargeCol, totalCol moneyCache
	for k := 1; k <= n; k++ {
		if flat {
			c.Set(&per)
			if c.Cmp(&left) > 0 {
				c.Set(&left)
			}
		} else {
			z.charge(&c, bal)
		}
		switch {
		case k <= grace:
			p.SetInt64(0)
		case equalPrincipal:
			p.Set(&fix)
		default:
			p.Sub(&lvl, &c)
		}
		if k == n || p.Cmp(bal) >= 0 {
			p.Set(bal)
		}
		bal.Sub(bal, &p)
		last := bal.Sign() == 0
		if flat {
			if last {
				c.Set(&left)
			}
			left.Sub(&left, &c)
		}
		sum.Add(&sum, &c)
		in := Installment{
			Number:    offset + k,
			Due:       t.DueDate(offset + k),
			Principal: principalCol.get(mk, &p),
			Interest:  zero,
			Fee:       zero,
			Total:     totalCol.get(mk, x.Add(&p, &c)),
			Balance:   mk.money(bal),
		}
		if cm := chargeCol.get(mk, &c); fee {
			in.Fee = cm
		} else {
			in.Interest = cm
		}
		emit(in)
		if last {
			break
		}
	}
	return level, decimal.NewFromBigInt(&sum, -digits), nil
}

// moneyMaker builds amounts of cur from integers of minor units.
type moneyMaker struct {
	digits int32
	zero   shg.Money // zero of the loan's currency, the template of every amount
}

func (mk moneyMaker) money(x *big.Int) shg.Money {
	return mk.zero.WithAmount(decimal.NewFromBigInt(x, -mk.digits))
}

// moneyCache remembers the last amount of a column.
type moneyCache struct {
	v  big.Int
	m  shg.Money
	ok bool
}

func (c *moneyCache) get(mk moneyMaker, x *big.Int) shg.Money {
	if !c.ok || c.v.Cmp(x) != 0 {
		c.v.Set(x)
		c.m, c.ok = mk.money(x), true
	}
	return c.m
}

// intCharge computes declining-balance charges on integer balances of
// minor units exactly as the decimal rule does — round(sig12(balance × r))
// to the rounding unit — with reused scratch, so that a schedule allocates
// only for the amounts it returns.
type intCharge struct {
	rate       big.Int // the periodic rate's coefficient: r = rate × 10^exp
	exp        int32
	unit       big.Int // rounding unit in minor units, >= 1
	mode       shg.RoundingMode
	v, d, q, r big.Int // scratch
}

func newIntCharge(r decimal.Decimal, unit *big.Int, mode shg.RoundingMode) *intCharge {
	z := &intCharge{mode: mode}
	var rate intDec
	rate.set(r)
	z.rate.Set(&rate.c)
	z.exp = rate.e
	z.unit.Set(unit)
	return z
}

// charge sets dst to the rounded charge on bal (>= 0) and returns it.
func (z *intCharge) charge(dst, bal *big.Int) *big.Int {
	z.v.Mul(bal, &z.rate) // the charge is v × 10^exp minor units
	exp := z.exp
	if nd := decimalDigits(&z.v); nd > ratePrecision {
		s := nd - ratePrecision
		z.roundQuo(&z.v, &z.v, pow10(s, &z.d))
		exp += int32(s)
	}
	if exp >= 0 {
		z.d.Set(&z.v)
		z.v.Mul(&z.d, pow10(int(exp), &z.r))
		z.d.Set(&z.unit)
	} else {
		z.d.Mul(&z.unit, pow10(int(-exp), &z.r))
	}
	z.roundQuo(dst, &z.v, &z.d)
	return z.toUnits(dst)
}

// roundDiv sets dst to x/n (x >= 0, n >= 1) rounded to the unit in z.mode:
// the exact quotient rounded once. (It was a decimal division to 24 places
// beyond the unit, then rounded; the same, since a quotient by an integer
// n <= MaxInstallments cannot fall within 10^-24 units of a tie or a
// multiple of the unit without being one.)
func (z *intCharge) roundDiv(dst, x *big.Int, n int) *big.Int {
	z.v.SetInt64(int64(n))
	z.d.Mul(&z.v, &z.unit)
	z.roundQuo(dst, x, &z.d)
	return z.toUnits(dst)
}

// toUnits multiplies dst, a number of rounding units, by the unit.
func (z *intCharge) toUnits(dst *big.Int) *big.Int {
	if z.unit.IsInt64() && z.unit.Int64() == 1 {
		return dst
	}
	z.v.Set(dst)
	return dst.Mul(&z.v, &z.unit)
}

// roundQuo sets dst to x/d (x >= 0, d > 0) rounded to an integer in z.mode.
func (z *intCharge) roundQuo(dst, x, d *big.Int) {
	roundInt(dst, x, d, z.mode, &z.q, &z.r)
}

var (
	bigOne = big.NewInt(1)
	bigTen = big.NewInt(10)
	// powersOfTen[i] is 10^i; read-only after initialization.
	powersOfTen = func() []*big.Int {
		p := make([]*big.Int, 64)
		p[0] = big.NewInt(1)
		for i := 1; i < len(p); i++ {
			p[i] = new(big.Int).Mul(p[i-1], bigTen)
		}
		return p
	}()
)

// pow10 returns 10^n, from the table or computed into scratch.
func pow10(n int, scratch *big.Int) *big.Int {
	if n < len(powersOfTen) {
		return powersOfTen[n]
	}
	return scratch.Exp(bigTen, big.NewInt(int64(n)), nil)
}

// decimalDigits returns the number of decimal digits of x >= 0 (1 for 0).
func decimalDigits(x *big.Int) int {
	b := x.BitLen()
	if b == 0 {
		return 1
	}
	// 10^(d−1) <= |x| < 10^d. 0.30102 is below log10(2), so the estimate
	// never overshoots (0.30103, above it, did for numbers of some 4,000
	// digits and up); it may fall short, and is raised to the count.
	d := (b-1)*30102/100000 + 1
	var s big.Int
	for x.CmpAbs(pow10(d, &s)) >= 0 {
		d++
	}
	return d
}

// LevelPayment returns the level installment that repays principal in
// periods equal installments at the periodic rate, unrounded:
// P·r / (1 − (1+r)^−n), or P/n at a zero rate. It is Excel's PMT and
// numpy-financial's pmt with the sign turned positive, which Fineract's
// FinanicalFunctions.pmt computes in binary floating point; here it is
// decimal, exact to about 30 decimal places. It returns zero for periods < 1
// or a rate <= −1.
func LevelPayment(principal, rate decimal.Decimal, periods int) decimal.Decimal {
	if periods < 1 || (rate.IsNegative() && rate.Cmp(decimal.NewFromInt(-1)) <= 0) {
		return decimal.Zero
	}
	var (
		p, r intDec
		q    big.Int
	)
	if levelCoef(&q, p.set(principal), r.set(rate), periods) {
		return decimal.NewFromBigInt(&q, -levelPlaces)
	}
	f := powTrunc(decimal.NewFromInt(1).Add(rate), periods, levelPlaces+10) // (1+r)^n
	if f.Equal(decimal.NewFromInt(1)) {
		// A rate below about 1e-40 (never that of valid Terms): (1+r)^n
		// truncates to 1 and the formula would divide by zero; its limit,
		// P/n, is exact to the places computed.
		return principal.DivRound(decimal.NewFromInt(int64(periods)), levelPlaces)
	}
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

// rounder rounds amounts to a unit in a mode, as [shg.Money.Round] does.
type rounder struct {
	mode shg.RoundingMode
	unit decimal.Decimal
}

func (r rounder) round(x decimal.Decimal) decimal.Decimal { return roundTo(x, r.unit, r.mode) }

// roundSig rounds x to Fineract's 12 significant digits in mode.
func roundSig(x decimal.Decimal, mode shg.RoundingMode) decimal.Decimal {
	nd := x.NumDigits()
	if nd <= ratePrecision {
		return x
	}
	return roundTo(x, decimal.New(1, x.Exponent()+int32(nd-ratePrecision)), mode)
}

// roundTo rounds x to a multiple of unit (> 0) in mode with
// [shg.RoundTo], so that the whole library shares one definition of each mode.
func roundTo(x, unit decimal.Decimal, mode shg.RoundingMode) decimal.Decimal {
	return shg.RoundTo(x, unit, mode)
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
