package policy

import (
	"errors"
	"fmt"
	"strings"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/savings"
	"github.com/shopspring/decimal"
)

// ErrInvalidPolicy matches every [*ValidationError] with [errors.Is].
var ErrInvalidPolicy = errors.New("policy: invalid policy")

// FieldError is one problem with a policy: the JSON path of the field
// ("bankLinkage.tranches[1].maxPerMember") and a lowercase message.
type FieldError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// String renders "path: message".
func (e FieldError) String() string { return e.Path + ": " + e.Message }

// ValidationError reports every problem found in a policy at once, by
// [Policy.Validate] and [Load]. It matches [ErrInvalidPolicy] and
// [shg.ErrRuleViolation] with errors.Is; use errors.As to get the list.
type ValidationError struct {
	// Errors lists every problem in field order; it is never empty.
	Errors []FieldError `json:"errors"`
}

// Error renders "policy: invalid policy: path: message; path: message".
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("policy: invalid policy: ")
	for i, f := range e.Errors {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.String())
	}
	return b.String()
}

// Is makes a ValidationError match ErrInvalidPolicy and shg.ErrRuleViolation.
func (e *ValidationError) Is(target error) bool {
	return target == ErrInvalidPolicy || target == shg.ErrRuleViolation
}

// Paths returns the paths of the problems, in order.
func (e *ValidationError) Paths() []string {
	out := make([]string, len(e.Errors))
	for i, f := range e.Errors {
		out[i] = f.Path
	}
	return out
}

// Has reports whether a problem is reported at path.
func (e *ValidationError) Has(path string) bool {
	for _, f := range e.Errors {
		if f.Path == path {
			return true
		}
	}
	return false
}

type validator struct {
	p    Policy
	errs []FieldError
}

func (v *validator) add(path, format string, args ...any) {
	v.errs = append(v.errs, FieldError{Path: path, Message: fmt.Sprintf(format, args...)})
}

// Decimals in a policy are small: rates, multiples and weights. Bounding
// their exponent and digits keeps hostile input ("1e999999999") from
// costing unbounded time or memory in later arithmetic.
const (
	maxDecimalExp    = 18
	maxDecimalDigits = 30
)

func sane(d decimal.Decimal) bool {
	e := d.Exponent()
	return e >= -maxDecimalExp && e <= maxDecimalExp && d.NumDigits() <= maxDecimalDigits
}

var one = decimal.NewFromInt(1)

// nonNeg checks 0 <= d (and d <= max when max is positive); it reports
// false if it added an error.
func (v *validator) dec(path string, d, max decimal.Decimal) bool {
	if !sane(d) {
		v.add(path, "out of range: at most %d digits and exponent within ±%d", maxDecimalDigits, maxDecimalExp)
		return false
	}
	if d.IsNegative() {
		v.add(path, "must not be negative, got %s", d)
		return false
	}
	if max.IsPositive() && d.Cmp(max) > 0 {
		v.add(path, "must not exceed %s, got %s", max, d)
		return false
	}
	return true
}

func (v *validator) fraction(path string, d decimal.Decimal) bool { return v.dec(path, d, one) }

func (v *validator) nonNegInt(path string, n int) bool {
	if n < 0 {
		v.add(path, "must not be negative, got %d", n)
		return false
	}
	return true
}

// money checks an amount is the zero Money or a non-negative amount in the
// policy's currency.
func (v *validator) money(path string, m shg.Money) bool {
	if !sane(m.Amount()) {
		v.add(path, "out of range: at most %d digits and exponent within ±%d", maxDecimalDigits, maxDecimalExp)
		return false
	}
	if m.Currency() == "" {
		if !m.IsZero() {
			v.add(path, "has no currency")
			return false
		}
		return true
	}
	if m.Currency() != v.p.Currency {
		v.add(path, "must be in %s, got %s", v.p.Currency, m.Currency())
		return false
	}
	if m.IsNegative() {
		v.add(path, "must not be negative, got %s", m)
		return false
	}
	if !m.IsRounded(shg.Rounding{}) {
		v.add(path, "must be a whole number of minor units, got %s", m)
		return false
	}
	return true
}

// maxRate bounds annual rates: 1000% a year.
var maxRate = decimal.NewFromInt(10)

// Validate checks every field of p and reports every problem at once as a
// [*ValidationError], each with its JSON path. It returns nil for a valid
// policy. See doc.go for what each field must satisfy.
func (p Policy) Validate() error {
	v := &validator{p: p}
	v.identity()
	v.membership()
	v.stages()
	v.meetings()
	v.savings()
	v.lending()
	v.bankLinkage()
	v.delinquency()
	v.grading()
	v.shareOut()
	if len(v.errs) == 0 {
		return nil
	}
	return &ValidationError{Errors: v.errs}
}

func (v *validator) identity() {
	p := v.p
	if strings.TrimSpace(p.Name) == "" {
		v.add("name", "must not be empty")
	}
	if !shg.IsCurrency(p.Currency) {
		v.add("currency", "unknown currency %q", p.Currency)
	}
	if !p.Calendar.IsValid() {
		v.add("calendar", "must be gregorian or solarHijri")
	}
	if !p.Rounding.Mode.IsValid() {
		v.add("rounding.mode", "invalid rounding mode %d", p.Rounding.Mode)
	}
	if v.dec("rounding.unit", p.Rounding.Unit, decimal.Zero) && shg.IsCurrency(p.Currency) {
		if u, err := shg.NewMoney(p.Rounding.Unit, p.Currency); err == nil && !u.IsRounded(shg.Rounding{}) {
			v.add("rounding.unit", "must be a whole number of %s minor units, got %s", p.Currency, p.Rounding.Unit)
		}
	}
}

func (v *validator) membership() {
	m := v.p.Membership
	if m.MinMembers < 1 {
		v.add("membership.minMembers", "must be at least 1, got %d", m.MinMembers)
	}
	if m.MaxMembers < m.MinMembers || m.MaxMembers < 1 {
		v.add("membership.maxMembers", "must not be below minMembers (%d), got %d", m.MinMembers, m.MaxMembers)
	}
	seenG := map[member.Gender]bool{}
	for i, g := range m.Genders {
		path := fmt.Sprintf("membership.genders[%d]", i)
		switch {
		case g != member.Female && g != member.Male:
			v.add(path, "must be female or male")
		case seenG[g]:
			v.add(path, "duplicate %s", member.Gender.String(g))
		}
		seenG[g] = true
	}
	v.nonNegInt("membership.minAge", m.MinAge)
	if v.nonNegInt("membership.maxAge", m.MaxAge) && m.MaxAge > 0 && m.MaxAge < m.MinAge {
		v.add("membership.maxAge", "must not be below minAge (%d), got %d", m.MinAge, m.MaxAge)
	}
	seenR := map[member.Role]bool{}
	for i, r := range m.Officers {
		path := fmt.Sprintf("membership.officers[%d]", i)
		switch {
		case r != member.Chair && r != member.Treasurer && r != member.Secretary:
			v.add(path, "must be chair, treasurer or secretary")
		case seenR[r]:
			v.add(path, "duplicate %s", member.Role.String(r))
		}
		seenR[r] = true
	}
	if m.MinMembers >= 1 && len(m.Officers) > m.MinMembers {
		v.add("membership.officers", "%d offices cannot be filled by minMembers (%d)", len(m.Officers), m.MinMembers)
	}
}

func (v *validator) stages() {
	s := v.p.Stages
	v.nonNegInt("stages.preparation.minOrientationSessions", s.Preparation.MinOrientationSessions)
	g := s.Sustainability
	v.nonNegInt("stages.sustainability.minMonthsSinceFormation", g.MinMonthsSinceFormation)
	v.fraction("stages.sustainability.minMeetingsHeld", g.MinMeetingsHeld)
	v.fraction("stages.sustainability.minAttendance", g.MinAttendance)
	v.fraction("stages.sustainability.minSavingsRegularity", g.MinSavingsRegularity)
	v.nonNegInt("stages.sustainability.minInternalLoans", g.MinInternalLoans)
	v.fraction("stages.sustainability.minRepaymentRate", g.MinRepaymentRate)
}

func (v *validator) meetings() {
	m := v.p.Meetings
	if !m.Frequency.IsValid() {
		v.add("meetings.frequency", "must be weekly, fortnightly or monthly")
	}
	v.fraction("meetings.quorum", m.Quorum)
}

func (v *validator) savings() {
	s := v.p.Savings
	pl := s.Plan
	if !pl.Kind.IsValid() {
		v.add("savings.plan.kind", "must be equalFixed, shares or flexible")
	}
	if pl.Amount.Currency() == "" {
		v.add("savings.plan.amount", "must be an amount in %s", v.p.Currency)
	} else if v.money("savings.plan.amount", pl.Amount) && pl.Kind != savings.Flexible && !pl.Amount.IsPositive() {
		v.add("savings.plan.amount", "must be positive for %s savings", pl.Kind)
	}
	if pl.Kind == savings.Shares {
		if pl.MinShares < 1 {
			v.add("savings.plan.minShares", "must be at least 1, got %d", pl.MinShares)
		}
		if pl.MaxShares < pl.MinShares || pl.MaxShares < 1 {
			v.add("savings.plan.maxShares", "must not be below minShares (%d), got %d", pl.MinShares, pl.MaxShares)
		}
	} else {
		if pl.MinShares != 0 {
			v.add("savings.plan.minShares", "must be zero unless the plan is shares")
		}
		if pl.MaxShares != 0 {
			v.add("savings.plan.maxShares", "must be zero unless the plan is shares")
		}
	}
	v.money("savings.socialFund", s.SocialFund)
	v.money("savings.fines.absence", s.Fines.Absence)
	v.money("savings.fines.late", s.Fines.Late)
}

func (v *validator) pricing(path string, pr Pricing, installments int) {
	v.dec(path+".annualRate", pr.AnnualRate, maxRate)
	if !pr.Method.IsValid() {
		v.add(path+".method", "must be decliningBalance or flat")
	}
	if !pr.Amortization.IsValid() {
		v.add(path+".amortization", "must be equalInstallments or equalPrincipal")
	}
	if !pr.Charge.IsValid() {
		v.add(path+".charge", "must be interest or serviceFee")
	}
	if pr.Every.N < 1 || pr.Every.N > loan.MaxPeriodN {
		v.add(path+".every.n", "must be 1-%d, got %d", loan.MaxPeriodN, pr.Every.N)
	}
	if !pr.Every.Unit.IsValid() {
		v.add(path+".every.unit", "must be month, week or day")
	}
	if v.nonNegInt(path+".principalGrace", pr.PrincipalGrace) && pr.PrincipalGrace > 0 && pr.PrincipalGrace >= installments {
		v.add(path+".principalGrace", "must be below the installments (%d), got %d", installments, pr.PrincipalGrace)
	}
	if v.dec(path+".installmentMultiple", pr.InstallmentMultiple, decimal.Zero) && shg.IsCurrency(v.p.Currency) && v.p.Rounding.Validate() == nil {
		if m, err := shg.NewMoney(pr.InstallmentMultiple, v.p.Currency); err == nil && !m.IsRounded(v.p.Rounding) {
			v.add(path+".installmentMultiple", "must be a multiple of the rounding unit %s, got %s", v.p.Rounding.UnitFor(v.p.Currency), pr.InstallmentMultiple)
		}
	}
}

func (v *validator) lending() {
	l := v.p.Lending
	if l.MinStage > Sustainability {
		v.add("lending.minStage", "must be preparation, formation or sustainability")
	}
	v.dec("lending.maxSavingsMultiple", l.MaxSavingsMultiple, decimal.Zero)
	v.fraction("lending.maxFundShare", l.MaxFundShare)
	v.money("lending.maxAmount", l.MaxAmount)
	if !l.Enabled {
		return
	}
	if l.MinInstallments < 1 {
		v.add("lending.minInstallments", "must be at least 1, got %d", l.MinInstallments)
	}
	if l.MaxInstallments < l.MinInstallments || l.MaxInstallments < 1 {
		v.add("lending.maxInstallments", "must not be below minInstallments (%d), got %d", l.MinInstallments, l.MaxInstallments)
	} else if l.MaxInstallments > loan.MaxInstallments {
		v.add("lending.maxInstallments", "must not exceed %d, got %d", loan.MaxInstallments, l.MaxInstallments)
	}
	v.pricing("lending.pricing", l.Pricing, l.MinInstallments)
}

func (v *validator) bankLinkage() {
	b := v.p.BankLinkage
	if !b.Borrower.IsValid() {
		v.add("bankLinkage.borrower", "must be group or members")
	}
	if !b.Collateral.IsValid() {
		v.add("bankLinkage.collateral", "must be none or groupGuarantee")
	}
	if len(b.Tranches) > 0 && strings.TrimSpace(b.Bank) == "" {
		v.add("bankLinkage.bank", "must not be empty when there are tranches")
	}
	for i, t := range b.Tranches {
		path := fmt.Sprintf("bankLinkage.tranches[%d]", i)
		okMem := v.money(path+".maxPerMember", t.MaxPerMember)
		okGrp := v.money(path+".maxPerGroup", t.MaxPerGroup)
		okMul := v.dec(path+".corpusMultiple", t.CorpusMultiple, decimal.Zero)
		v.money(path+".corpusFloor", t.CorpusFloor)
		okAge := v.nonNegInt(path+".minGroupAgeMonths", t.MinGroupAgeMonths)
		if v.fraction(path+".previousRepaid", t.PreviousRepaid) && i == 0 && !t.PreviousRepaid.IsZero() {
			v.add(path+".previousRepaid", "must be zero for the first tranche")
		}
		if v.nonNegInt(path+".minMonthsSinceLast", t.MinMonthsSinceLast) && i == 0 && t.MinMonthsSinceLast != 0 {
			v.add(path+".minMonthsSinceLast", "must be zero for the first tranche")
		}
		if !t.MinGrade.IsValid() {
			v.add(path+".minGrade", "must be A, B, C or ungraded")
		}
		if t.Installments < 1 || t.Installments > loan.MaxInstallments {
			v.add(path+".installments", "must be 1-%d, got %d", loan.MaxInstallments, t.Installments)
		}
		v.pricing(path+".pricing", t.Pricing, t.Installments)
		if okMem && okGrp && t.MaxPerMember.IsPositive() && t.MaxPerGroup.IsPositive() && t.MaxPerGroup.LessThan(t.MaxPerMember) {
			v.add(path+".maxPerGroup", "must not be below maxPerMember (%s), got %s", t.MaxPerMember, t.MaxPerGroup)
		}
		if i == 0 {
			continue
		}
		// The ladder may not fall: a later tranche asks at least as much of
		// the group and allows at least as much.
		q := b.Tranches[i-1]
		prev := fmt.Sprintf("tranches[%d]", i-1)
		if okMem && t.MaxPerMember.IsPositive() && q.MaxPerMember.IsPositive() && t.MaxPerMember.LessThan(q.MaxPerMember) {
			v.add(path+".maxPerMember", "must not be below %s (%s), got %s", prev, q.MaxPerMember, t.MaxPerMember)
		}
		if okGrp && t.MaxPerGroup.IsPositive() && q.MaxPerGroup.IsPositive() && t.MaxPerGroup.LessThan(q.MaxPerGroup) {
			v.add(path+".maxPerGroup", "must not be below %s (%s), got %s", prev, q.MaxPerGroup, t.MaxPerGroup)
		}
		if okMul && sane(q.CorpusMultiple) && t.CorpusMultiple.IsPositive() && t.CorpusMultiple.LessThan(q.CorpusMultiple) {
			v.add(path+".corpusMultiple", "must not be below %s (%s), got %s", prev, q.CorpusMultiple, t.CorpusMultiple)
		}
		if okAge && t.MinGroupAgeMonths < q.MinGroupAgeMonths {
			v.add(path+".minGroupAgeMonths", "must not be below %s (%d), got %d", prev, q.MinGroupAgeMonths, t.MinGroupAgeMonths)
		}
	}
}

func (v *validator) delinquency() {
	d := v.p.Delinquency
	v.nonNegInt("delinquency.graceDays", d.GraceDays)
	v.dec("delinquency.penaltyRate", d.PenaltyRate, maxRate)
	v.money("delinquency.penaltyFlat", d.PenaltyFlat)
	if v.nonNegInt("delinquency.writeOffDays", d.WriteOffDays) && d.WriteOffDays > 0 && d.WriteOffDays <= d.GraceDays {
		v.add("delinquency.writeOffDays", "must exceed graceDays (%d), got %d", d.GraceDays, d.WriteOffDays)
	}
}

func (v *validator) grading() {
	g := v.p.Grading
	seen := map[Metric]bool{}
	for i, w := range g.Indicators {
		path := fmt.Sprintf("grading.indicators[%d]", i)
		switch {
		case !w.Metric.IsValid():
			v.add(path+".metric", "unknown metric")
		case seen[w.Metric]:
			v.add(path+".metric", "duplicate %s", w.Metric)
		}
		seen[w.Metric] = true
		if v.dec(path+".weight", w.Weight, decimal.Zero) && !w.Weight.IsPositive() {
			v.add(path+".weight", "must be positive")
		}
	}
	okA, okB := v.fraction("grading.a", g.A), v.fraction("grading.b", g.B)
	if len(g.Indicators) == 0 {
		if okA && !g.A.IsZero() {
			v.add("grading.a", "must be zero without indicators")
		}
		if okB && !g.B.IsZero() {
			v.add("grading.b", "must be zero without indicators")
		}
	} else {
		if okB && !g.B.IsPositive() {
			v.add("grading.b", "must be positive")
		}
		if okA && okB && g.A.LessThan(g.B) {
			v.add("grading.a", "must not be below b (%s), got %s", g.B, g.A)
		}
	}
	v.nonNegInt("grading.minMonthsActive", g.MinMonthsActive)
}

func (v *validator) shareOut() {
	s := v.p.ShareOut
	v.nonNegInt("shareOut.cycleMonths", s.CycleMonths)
	switch {
	case !s.Basis.IsValid():
		v.add("shareOut.basis", "must be bySavings, byShares or bySavingsTime")
	case s.Basis == savings.ByShares && v.p.Savings.Plan.Kind != savings.Shares:
		v.add("shareOut.basis", "byShares needs a shares savings plan")
	}
}
