package loan

import (
	"fmt"
	"github.com/khodyar/shg/internal/enumtext"
	"strconv"
)

// Every enum of this package encodes as a stable lowerCamel name in JSON
// (MarshalText/UnmarshalText), never as its number, so a stored policy or
// event stream survives reordering of the constants. Unknown names and
// out-of-range values are errors; there is no implicit default on decode.

var (
	interestMethodNames = [...]string{"decliningBalance", "flat"}
	amortizationNames   = [...]string{"equalInstallments", "equalPrincipal"}
	chargeKindNames     = [...]string{"interest", "serviceFee"}
	periodUnitNames     = [...]string{"month", "week", "day"}
	statusNames         = [...]string{"active", "closed", "writtenOff"}
	componentNames      = [...]string{"penalty", "fee", "interest", "principal"}
	kindNames           = [...]string{"disbursement", "repayment", "penalty", "writeOff"}
	bucketNames         = [...]string{"current", "days1To30", "days31To60", "days61To90", "daysOver90"}
)

func enumString(names []string, typ string, v uint8) string {
	if int(v) < len(names) {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(int(v)) + ")"
}

func enumMarshal(names []string, typ string, v uint8) ([]byte, error) {
	if int(v) >= len(names) {
		return nil, fmt.Errorf("loan: invalid %s %d", typ, v)
	}
	return []byte(names[v]), nil
}

// enumUnmarshal returns the index of b's name in names, or refuses it with
// loan.unknown_name (see enumtext.Decode).
func enumUnmarshal(names []string, typ, what string, b []byte) (uint8, error) {
	return enumtext.Decode(names, b, false, "loan."+typ+".UnmarshalText", CodeUnknownName, what)
}

// String returns the lowerCamel name used in JSON: "decliningBalance" or "flat".
func (m InterestMethod) String() string {
	return enumString(interestMethodNames[:], "InterestMethod", uint8(m))
}

// IsValid reports whether m is DecliningBalance or Flat.
func (m InterestMethod) IsValid() bool { return int(m) < len(interestMethodNames) }

// MarshalText encodes m by name; an invalid value is an error.
func (m InterestMethod) MarshalText() ([]byte, error) {
	return enumMarshal(interestMethodNames[:], "interest method", uint8(m))
}

// UnmarshalText decodes "decliningBalance" or "flat".
func (m *InterestMethod) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(interestMethodNames[:], "InterestMethod", "interest method", b)
	if err == nil {
		*m = InterestMethod(v)
	}
	return err
}

// String returns the lowerCamel name used in JSON: "equalInstallments" or "equalPrincipal".
func (a Amortization) String() string {
	return enumString(amortizationNames[:], "Amortization", uint8(a))
}

// IsValid reports whether a is EqualInstallments or EqualPrincipal.
func (a Amortization) IsValid() bool { return int(a) < len(amortizationNames) }

// MarshalText encodes a by name; an invalid value is an error.
func (a Amortization) MarshalText() ([]byte, error) {
	return enumMarshal(amortizationNames[:], "amortization", uint8(a))
}

// UnmarshalText decodes "equalInstallments" or "equalPrincipal".
func (a *Amortization) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(amortizationNames[:], "Amortization", "amortization", b)
	if err == nil {
		*a = Amortization(v)
	}
	return err
}

// String returns the lowerCamel name used in JSON: "interest" or "serviceFee".
func (k ChargeKind) String() string { return enumString(chargeKindNames[:], "ChargeKind", uint8(k)) }

// IsValid reports whether k is Interest or ServiceFee.
func (k ChargeKind) IsValid() bool { return int(k) < len(chargeKindNames) }

// MarshalText encodes k by name; an invalid value is an error.
func (k ChargeKind) MarshalText() ([]byte, error) {
	return enumMarshal(chargeKindNames[:], "charge kind", uint8(k))
}

// UnmarshalText decodes "interest" or "serviceFee".
func (k *ChargeKind) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(chargeKindNames[:], "ChargeKind", "charge kind", b)
	if err == nil {
		*k = ChargeKind(v)
	}
	return err
}

// String returns the lowerCamel name used in JSON: "month", "week" or "day".
func (u PeriodUnit) String() string { return enumString(periodUnitNames[:], "PeriodUnit", uint8(u)) }

// IsValid reports whether u is Month, Week or Day.
func (u PeriodUnit) IsValid() bool { return int(u) < len(periodUnitNames) }

// MarshalText encodes u by name; an invalid value is an error.
func (u PeriodUnit) MarshalText() ([]byte, error) {
	return enumMarshal(periodUnitNames[:], "period unit", uint8(u))
}

// UnmarshalText decodes "month", "week" or "day".
func (u *PeriodUnit) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(periodUnitNames[:], "PeriodUnit", "period unit", b)
	if err == nil {
		*u = PeriodUnit(v)
	}
	return err
}

// IsValid reports whether p has a positive count and a valid unit.
func (p Period) IsValid() bool { return p.N > 0 && p.Unit.IsValid() }

// String renders p as "1 month", "2 weeks", "15 days".
func (p Period) String() string {
	s := strconv.Itoa(p.N) + " " + p.Unit.String()
	if p.N != 1 {
		s += "s"
	}
	return s
}

// Status is the life-cycle state of an [Account].
type Status uint8

const (
	// Active is the zero value: disbursed (or opened) and not yet settled.
	Active Status = iota
	// Closed means every installment, fee and penalty has been paid.
	Closed
	// WrittenOff means the lender gave up the outstanding balance as a loss.
	WrittenOff
)

// String returns the lowerCamel name used in JSON: "active", "closed" or "writtenOff".
func (s Status) String() string { return enumString(statusNames[:], "Status", uint8(s)) }

// IsValid reports whether s is Active, Closed or WrittenOff.
func (s Status) IsValid() bool { return int(s) < len(statusNames) }

// MarshalText encodes s by name; an invalid value is an error.
func (s Status) MarshalText() ([]byte, error) {
	return enumMarshal(statusNames[:], "status", uint8(s))
}

// UnmarshalText decodes "active", "closed" or "writtenOff".
func (s *Status) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(statusNames[:], "Status", "status", b)
	if err == nil {
		*s = Status(v)
	}
	return err
}

// Component is one of the four kinds of money an installment can owe and a
// repayment can pay: penalties, fees, interest and principal.
type Component uint8

const (
	// PenaltyComponent is late-payment penalties. Zero value.
	PenaltyComponent Component = iota
	// FeeComponent is fees: the service fee (کارمزد) of a [ServiceFee] loan.
	FeeComponent
	// InterestComponent is interest.
	InterestComponent
	// PrincipalComponent is principal.
	PrincipalComponent
)

// String returns the lowerCamel name used in JSON: "penalty", "fee",
// "interest" or "principal".
func (c Component) String() string { return enumString(componentNames[:], "Component", uint8(c)) }

// IsValid reports whether c is one of the four components.
func (c Component) IsValid() bool { return int(c) < len(componentNames) }

// MarshalText encodes c by name; an invalid value is an error.
func (c Component) MarshalText() ([]byte, error) {
	return enumMarshal(componentNames[:], "component", uint8(c))
}

// UnmarshalText decodes "penalty", "fee", "interest" or "principal".
func (c *Component) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(componentNames[:], "Component", "component", b)
	if err == nil {
		*c = Component(v)
	}
	return err
}

// AllocationOrder is the order in which a repayment settles the components
// of what is due: each installment (oldest first) is paid component by
// component in this order before the next installment is touched. It must
// name each component exactly once.
type AllocationOrder [4]Component

// DefaultAllocationOrder is Apache Fineract's default repayment strategy
// ("Penalties, Fees, Interest, Principal order"): penalties, fees,
// interest, principal.
var DefaultAllocationOrder = AllocationOrder{PenaltyComponent, FeeComponent, InterestComponent, PrincipalComponent}

// IsValid reports whether o names each of the four components exactly once.
func (o AllocationOrder) IsValid() bool {
	var seen [len(componentNames)]bool
	for _, c := range o {
		if !c.IsValid() || seen[c] {
			return false
		}
		seen[c] = true
	}
	return true
}

// String returns the lowerCamel name used in JSON: "disbursement",
// "repayment", "penalty" or "writeOff".
func (k Kind) String() string { return enumString(kindNames[:], "Kind", uint8(k)) }

// IsValid reports whether k is a defined kind.
func (k Kind) IsValid() bool { return int(k) < len(kindNames) }

// MarshalText encodes k by name; an invalid value is an error.
func (k Kind) MarshalText() ([]byte, error) { return enumMarshal(kindNames[:], "kind", uint8(k)) }

// UnmarshalText decodes a kind name.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(kindNames[:], "Kind", "kind", b)
	if err == nil {
		*k = Kind(v)
	}
	return err
}

// String returns the lowerCamel name used in JSON: "current", "days1To30",
// "days31To60", "days61To90" or "daysOver90".
func (b Bucket) String() string { return enumString(bucketNames[:], "Bucket", uint8(b)) }

// IsValid reports whether b is a defined bucket.
func (b Bucket) IsValid() bool { return int(b) < len(bucketNames) }

// MarshalText encodes b by name; an invalid value is an error.
func (b Bucket) MarshalText() ([]byte, error) {
	return enumMarshal(bucketNames[:], "bucket", uint8(b))
}

// UnmarshalText decodes a bucket name.
func (b *Bucket) UnmarshalText(t []byte) error {
	v, err := enumUnmarshal(bucketNames[:], "Bucket", "bucket", t)
	if err == nil {
		*b = Bucket(v)
	}
	return err
}
