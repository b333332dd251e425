package policy

import (
	"fmt"
	"github.com/khodyar/shg/internal/enumtext"
	"strconv"
)

// Every enum of this package encodes as a stable name in JSON
// (MarshalText/UnmarshalText), never as its number. Unknown names and
// out-of-range values are errors.

func enumString(names []string, typ string, v uint8) string {
	if int(v) < len(names) && names[v] != "" {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(int(v)) + ")"
}

func enumMarshal(names []string, typ string, v uint8) ([]byte, error) {
	if int(v) >= len(names) || names[v] == "" {
		return nil, fmt.Errorf("policy: invalid %s %d", typ, v)
	}
	return []byte(names[v]), nil
}

// enumUnmarshal returns the index of b's name in names, or refuses it with
// policy.unknown_name (see enumtext.Decode).
func enumUnmarshal(names []string, typ, what string, b []byte) (uint8, error) {
	return enumtext.Decode(names, b, false, "policy."+typ+".UnmarshalText", CodeUnknownName, what)
}

// Stage is where a group is in its life. The source programme takes every
// group through preparation (زمینه‌سازی), formation (تشکیل) and
// sustainability (پایداری) before it borrows from the bank; a group may
// also be dissolved. Stages are ordered: a later stage compares greater,
// and Dissolved is last.
type Stage uint8

const (
	// Preparation is the ground-laying stage: a facilitator meets the
	// village, orientation sessions are held, members come forward. It is
	// the zero value: every group is founded in it.
	Preparation Stage = iota
	// Formation: the group is constituted — members within the policy's
	// range, officers elected, bylaws adopted, a group bank account opened —
	// and starts saving and meeting.
	Formation
	// Sustainability: the group runs itself — regular meetings, savings,
	// internal lending, repayment, books. Passing its gate makes the group
	// mature, eligible for bank linkage.
	Sustainability
	// Dissolved: the group has ended. No gate leads out of it.
	Dissolved
)

var (
	stageNames   = [...]string{"preparation", "formation", "sustainability", "dissolved"}
	stagePersian = [...]string{"زمینه‌سازی", "تشکیل", "پایداری", "منحل"}
)

// String returns the name used in JSON: "preparation", "formation",
// "sustainability" or "dissolved".
func (s Stage) String() string { return enumString(stageNames[:], "Stage", uint8(s)) }

// Persian returns the stage's Persian name as the programme uses it:
// "زمینه‌سازی", "تشکیل", "پایداری", "منحل". It returns "" for an invalid stage.
func (s Stage) Persian() string {
	if !s.IsValid() {
		return ""
	}
	return stagePersian[s]
}

// IsValid reports whether s is one of the four stages.
func (s Stage) IsValid() bool { return int(s) < len(stageNames) }

// Next returns the stage a group enters when it passes s's gate, and false
// for Dissolved and invalid stages (and for Sustainability, whose gate makes
// the group mature without moving it to another stage).
func (s Stage) Next() (Stage, bool) {
	switch s {
	case Preparation:
		return Formation, true
	case Formation:
		return Sustainability, true
	}
	return s, false
}

// MarshalText encodes s by name; an invalid value is an error.
func (s Stage) MarshalText() ([]byte, error) {
	return enumMarshal(stageNames[:], "stage", uint8(s))
}

// UnmarshalText decodes a stage name.
func (s *Stage) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(stageNames[:], "Stage", "stage", b)
	if err == nil {
		*s = Stage(v)
	}
	return err
}

// Grade is a group's rating by the policy's [GradeRules]. Grades are
// ordered so that a "minimum grade" is a comparison: Ungraded < GradeC <
// GradeB < GradeA. Ungraded, the zero value, is a group too young to be
// graded (or a policy without grading); as a minimum it means "no
// requirement".
type Grade uint8

const (
	// Ungraded is the zero value: not (yet) graded.
	Ungraded Grade = iota
	// GradeC: below the B threshold; not ready for linkage (NABARD: needs
	// further nurturing).
	GradeC
	// GradeB: at or above the B threshold.
	GradeB
	// GradeA: at or above the A threshold.
	GradeA
)

var gradeNames = [...]string{"ungraded", "C", "B", "A"}

// String returns the name used in JSON: "A", "B", "C" or "ungraded".
func (g Grade) String() string { return enumString(gradeNames[:], "Grade", uint8(g)) }

// IsValid reports whether g is one of the four grades.
func (g Grade) IsValid() bool { return int(g) < len(gradeNames) }

// MarshalText encodes g by name; an invalid value is an error.
func (g Grade) MarshalText() ([]byte, error) {
	return enumMarshal(gradeNames[:], "grade", uint8(g))
}

// UnmarshalText decodes "A", "B", "C" or "ungraded".
func (g *Grade) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(gradeNames[:], "Grade", "grade", b)
	if err == nil {
		*g = Grade(v)
	}
	return err
}

// Frequency is how often a group meets (and saves). It has no useful zero
// value: a policy must name it, and [Policy.Validate] reports it unset.
type Frequency uint8

const (
	// Weekly meetings (VSLA; many NRLM groups).
	Weekly Frequency = iota + 1
	// Fortnightly meetings.
	Fortnightly
	// Monthly meetings.
	Monthly
)

var frequencyNames = [...]string{"", "weekly", "fortnightly", "monthly"}

// String returns the name used in JSON: "weekly", "fortnightly" or "monthly".
func (f Frequency) String() string { return enumString(frequencyNames[:], "Frequency", uint8(f)) }

// IsValid reports whether f is Weekly, Fortnightly or Monthly.
func (f Frequency) IsValid() bool { return f >= Weekly && f <= Monthly }

// MarshalText encodes f by name; an invalid or unset value is an error.
func (f Frequency) MarshalText() ([]byte, error) {
	return enumMarshal(frequencyNames[:], "frequency", uint8(f))
}

// UnmarshalText decodes "weekly", "fortnightly" or "monthly".
func (f *Frequency) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(frequencyNames[:], "Frequency", "frequency", b)
	if err == nil {
		*f = Frequency(v)
	}
	return err
}

// Borrower says who borrows from the bank under linkage.
type Borrower uint8

const (
	// BorrowerGroup: the group borrows as one and on-lends to its members
	// (India's SHG-bank linkage, model I/II). The zero value.
	BorrowerGroup Borrower = iota
	// BorrowerMembers: each member borrows individually on the group's
	// recommendation (the Kermanshah scheme: a cap per member).
	BorrowerMembers
)

var borrowerNames = [...]string{"group", "members"}

// String returns the name used in JSON: "group" or "members".
func (b Borrower) String() string { return enumString(borrowerNames[:], "Borrower", uint8(b)) }

// IsValid reports whether b is BorrowerGroup or BorrowerMembers.
func (b Borrower) IsValid() bool { return int(b) < len(borrowerNames) }

// MarshalText encodes b by name; an invalid value is an error.
func (b Borrower) MarshalText() ([]byte, error) {
	return enumMarshal(borrowerNames[:], "borrower", uint8(b))
}

// UnmarshalText decodes "group" or "members".
func (b *Borrower) UnmarshalText(t []byte) error {
	v, err := enumUnmarshal(borrowerNames[:], "Borrower", "borrower", t)
	if err == nil {
		*b = Borrower(v)
	}
	return err
}

// Collateral is what secures bank loans.
type Collateral uint8

const (
	// CollateralNone: no guarantor, no collateral (the Kermanshah scheme;
	// RBI's collateral-free SHG lending). The zero value.
	CollateralNone Collateral = iota
	// GroupGuarantee: the members guarantee each other's loans jointly.
	GroupGuarantee
)

var collateralNames = [...]string{"none", "groupGuarantee"}

// String returns the name used in JSON: "none" or "groupGuarantee".
func (c Collateral) String() string { return enumString(collateralNames[:], "Collateral", uint8(c)) }

// IsValid reports whether c is CollateralNone or GroupGuarantee.
func (c Collateral) IsValid() bool { return int(c) < len(collateralNames) }

// MarshalText encodes c by name; an invalid value is an error.
func (c Collateral) MarshalText() ([]byte, error) {
	return enumMarshal(collateralNames[:], "collateral", uint8(c))
}

// UnmarshalText decodes "none" or "groupGuarantee".
func (c *Collateral) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(collateralNames[:], "Collateral", "collateral", b)
	if err == nil {
		*c = Collateral(v)
	}
	return err
}

// Metric is one grading indicator, a fraction from 0 (worst) to 1 (best)
// computed by the caller from the group's records (see [GradeFacts]).
type Metric uint8

const (
	// Attendance: share of member-meetings attended.
	Attendance Metric = iota
	// SavingsRegularity: share of due deposits made on time.
	SavingsRegularity
	// RepaymentRate: share of internal and bank installments due that were
	// paid on time.
	RepaymentRate
	// MeetingRegularity: share of expected meetings held.
	MeetingRegularity
	// FundUtilisation: share of the fund lent out to members (NABARD CRI:
	// "utilisation of own funds").
	FundUtilisation
	// Books: 1 when the books are up to date, 0 when not.
	Books
)

var metricNames = [...]string{"attendance", "savingsRegularity", "repaymentRate", "meetingRegularity", "fundUtilisation", "books"}

// String returns the name used in JSON, e.g. "attendance".
func (m Metric) String() string { return enumString(metricNames[:], "Metric", uint8(m)) }

// IsValid reports whether m is a defined metric.
func (m Metric) IsValid() bool { return int(m) < len(metricNames) }

// MarshalText encodes m by name; an invalid value is an error.
func (m Metric) MarshalText() ([]byte, error) {
	return enumMarshal(metricNames[:], "metric", uint8(m))
}

// UnmarshalText decodes a metric name.
func (m *Metric) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(metricNames[:], "Metric", "metric", b)
	if err == nil {
		*m = Metric(v)
	}
	return err
}
