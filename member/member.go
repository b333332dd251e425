package member

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khodyar/shg"
)

// MaxTextRunes is the longest name or village accepted, in characters.
const MaxTextRunes = 100

// IncomeObservation is one measurement of a member's monthly income: what
// she earned a month as of On. The programme's outcome measure is the move
// from a zero baseline to at least 500,000 toman a month.
type IncomeObservation struct {
	// On is the day the income was observed (a survey or a follow-up visit).
	On shg.Date `json:"on"`
	// Monthly is the monthly income, not negative, in a currency of the
	// table (IRR for the source programme; enter toman with [shg.Toman]).
	Monthly shg.Money `json:"monthly"`
}

// Equal reports whether o and p record the same day and the same amount
// ([shg.Money.Equal]: 2.50 equals 2.5).
func (o IncomeObservation) Equal(p IncomeObservation) bool {
	return o.On == p.On && o.Monthly.Equal(p.Monthly)
}

// Profile is the plain data of a member: what a front end's form fills in
// and what [New] validates. It is also the JSON form of a [Member].
//
// To change a member in a way no method of [Member] covers (a new village,
// a corrected name), take [Member.Profile], edit it, and call [New] again:
// every rule is checked once more.
type Profile struct {
	// ID is chosen by the application; see [shg.ValidateID].
	ID shg.MemberID `json:"id"`
	// Name is the member's full name; surrounding spaces are trimmed.
	Name string `json:"name"`
	// BirthDate is required; [Member.AgeOn] derives ages from it.
	BirthDate shg.Date `json:"birthDate"`
	// Gender may be left unknown.
	Gender Gender `json:"gender"`
	// Village is where the member lives; optional free text.
	Village string `json:"village"`
	// NationalID is the optional کد ملی; when given it must pass
	// [ValidateNationalID] and is stored with ASCII digits.
	NationalID string `json:"nationalId,omitempty"`
	// Rural reports that the member lives in a rural area, the programme's
	// target population.
	Rural bool `json:"rural"`
	// Role is the member's office; only an active member holds one.
	Role Role `json:"role"`
	// Status is active, exited or deceased.
	Status Status `json:"status"`
	// Joined is the day the member was admitted to the group; required,
	// not before BirthDate.
	Joined shg.Date `json:"joined"`
	// Exited is the day membership ended (exit or death): zero while
	// Active, required and not before Joined otherwise.
	Exited shg.Date `json:"exited"`
	// Livelihood is the activity her loans finance.
	Livelihood Livelihood `json:"livelihood"`
	// Incomes are the income observations, strictly by date, all in one
	// currency.
	Incomes []IncomeObservation `json:"incomes"`
}

// Validate reports every rule p breaks as one [*shg.RuleError] (op
// "member.New"), or nil. [New] calls it.
func (p Profile) Validate() error {
	p = p.normalized()
	if vs := p.violations(); len(vs) > 0 {
		return shg.NewRuleError("member.New", vs...)
	}
	return nil
}

// normalized trims the text fields and converts the national ID's digits
// to ASCII when it is well formed.
func (p Profile) normalized() Profile {
	p.Name = strings.TrimSpace(p.Name)
	p.Village = strings.TrimSpace(p.Village)
	if n, err := NormalizeNationalID(p.NationalID); err == nil {
		p.NationalID = n
	}
	return p
}

func (p Profile) violations() []shg.Violation {
	var vs []shg.Violation
	add := func(code, msg, want, got string) {
		vs = append(vs, shg.Violation{Code: code, Message: msg, Want: want, Got: got})
	}
	if err := shg.ValidateID(p.ID); err != nil {
		vs = append(vs, shg.Violation{Code: CodeID, Message: "member id is not a valid id",
			Want: "1-64 printable bytes, no spaces", Got: strconv.Quote(truncate(string(p.ID), 80)), Err: shg.ErrInvalidID})
	}
	if msg := checkText(p.Name, true); msg != "" {
		add(CodeName, "name "+msg, "1-"+strconv.Itoa(MaxTextRunes)+" characters", strconv.Quote(truncate(p.Name, 120)))
	}
	if p.BirthDate.IsZero() {
		add(CodeBirthDate, "birth date is required", "a date", "none")
	}
	if !p.Gender.IsValid() {
		add(CodeGender, "unknown gender", names(genderLabels[:]), strconv.Itoa(int(p.Gender)))
	}
	if msg := checkText(p.Village, false); msg != "" {
		add(CodeVillage, "village "+msg, "0-"+strconv.Itoa(MaxTextRunes)+" characters", strconv.Quote(truncate(p.Village, 120)))
	}
	if p.NationalID != "" {
		var re *shg.RuleError
		if err := ValidateNationalID(p.NationalID); errors.As(err, &re) {
			vs = append(vs, re.Violations...)
		}
	}
	if !p.Role.IsValid() {
		add(CodeRole, "unknown role", names(roleLabels[:]), strconv.Itoa(int(p.Role)))
	}
	if !p.Status.IsValid() {
		add(CodeStatus, "unknown status", names(statusLabels[:]), strconv.Itoa(int(p.Status)))
	}
	if !p.Livelihood.IsValid() {
		add(CodeLivelihood, "unknown livelihood", names(livelihoodLabels[:]), strconv.Itoa(int(p.Livelihood)))
	}
	switch {
	case p.Joined.IsZero():
		add(CodeJoined, "join date is required", "a date", "none")
	case !p.BirthDate.IsZero() && p.Joined.Before(p.BirthDate):
		add(CodeJoined, "joined before birth", "on or after "+p.BirthDate.String(), p.Joined.String())
	}
	if p.Status.IsValid() {
		switch {
		case p.Status == Active && !p.Exited.IsZero():
			add(CodeExitDate, "an active member has no exit date", "none", p.Exited.String())
		case p.Status != Active && p.Exited.IsZero():
			add(CodeExitDate, "a "+p.Status.String()+" member needs an exit date", "a date", "none")
		case p.Status != Active && !p.Joined.IsZero() && p.Exited.Before(p.Joined):
			add(CodeExitDate, "exit date is before the join date", "on or after "+p.Joined.String(), p.Exited.String())
		}
		if p.Status != Active && p.Role.IsOfficer() {
			add(CodeOfficeHolder, "only an active member holds office", Ordinary.String(), p.Role.String())
		}
	}
	for i, o := range p.Incomes {
		var prev *IncomeObservation
		if i > 0 {
			prev = &p.Incomes[i-1]
		}
		vs = append(vs, incomeViolations(o, prev, i)...)
	}
	return vs
}

// incomeViolations checks o alone and against the observation before it.
func incomeViolations(o IncomeObservation, prev *IncomeObservation, i int) []shg.Violation {
	var vs []shg.Violation
	at := "income " + strconv.Itoa(i) + ": "
	if o.On.IsZero() {
		vs = append(vs, shg.Violation{Code: CodeIncomeDate, Message: at + "observation date is required", Want: "a date", Got: "none"})
	}
	cur := o.Monthly.Currency()
	switch {
	case cur == "":
		vs = append(vs, shg.Violation{Code: CodeIncomeCurrency, Message: at + "income has no currency",
			Want: "an ISO 4217 code", Got: "none"})
	case prev != nil && prev.Monthly.Currency() != "" && cur != prev.Monthly.Currency():
		vs = append(vs, shg.Violation{Code: CodeIncomeCurrency, Message: at + "incomes must share one currency",
			Want: prev.Monthly.Currency(), Got: cur, Err: shg.ErrCurrencyMismatch})
	}
	if o.Monthly.IsNegative() {
		vs = append(vs, shg.Violation{Code: CodeIncomeAmount, Message: at + "income is negative",
			Want: ">= 0", Got: o.Monthly.String()})
	}
	if prev != nil && !o.On.IsZero() && !o.On.After(prev.On) {
		vs = append(vs, shg.Violation{Code: CodeIncomeOrder, Message: at + "observations must be strictly later than the previous one",
			Want: "after " + prev.On.String(), Got: o.On.String()})
	}
	return vs
}

// checkText returns why s is not an acceptable name or village, or "".
func checkText(s string, required bool) string {
	switch {
	case !utf8.ValidString(s):
		return "is not valid UTF-8"
	case required && s == "":
		return "is required"
	case utf8.RuneCountInString(s) > MaxTextRunes:
		return "is too long"
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return "contains a control character"
		}
	}
	return ""
}

// Member is one person in a self-help group: her profile, office, status,
// livelihood and income over time.
//
// A Member is a value. Copies are independent: the methods that change a
// member ([Member.AddIncome], [Member.WithRole], [Member.Exit],
// [Member.MarkDeceased]) return a new Member and leave the receiver as it
// was, and [Member.Incomes] and [Member.Profile] return copies. A Member is
// therefore safe to share between goroutines. It holds a slice, so compare
// with [Member.Equal], not ==.
//
// The zero Member is "no member": [Member.IsZero] reports it; [New] never
// returns it with a nil error.
type Member struct {
	p Profile // normalized and valid; p.Incomes is never written in place
}

// New validates p and returns the member. It refuses an invalid profile
// with a [*shg.RuleError] (op "member.New") listing every violation: an
// invalid ID, an empty name, a missing birth or join date, an undefined
// enum value, a bad national ID, inconsistent status and dates, and
// income observations out of order or in mixed currencies. The name and
// village are trimmed and the national ID stored with ASCII digits; p's
// slice is copied.
func New(p Profile) (Member, error) {
	p = p.normalized()
	if vs := p.violations(); len(vs) > 0 {
		return Member{}, shg.NewRuleError("member.New", vs...)
	}
	p.Incomes = slices.Clip(slices.Clone(p.Incomes))
	return Member{p: p}, nil
}

// MustNew is like [New] but panics on error. Use it for literals and tests.
func MustNew(p Profile) Member {
	m, err := New(p)
	if err != nil {
		panic(err)
	}
	return m
}

// IsZero reports whether m is the zero Member.
func (m Member) IsZero() bool { return m.p.ID == "" }

// ID returns the member's identifier.
func (m Member) ID() shg.MemberID { return m.p.ID }

// Name returns the member's name.
func (m Member) Name() string { return m.p.Name }

// BirthDate returns the member's date of birth.
func (m Member) BirthDate() shg.Date { return m.p.BirthDate }

// Gender returns the member's gender.
func (m Member) Gender() Gender { return m.p.Gender }

// Village returns the member's village ("" when not recorded).
func (m Member) Village() string { return m.p.Village }

// NationalID returns the national code in ASCII digits, or "" when not
// recorded.
func (m Member) NationalID() string { return m.p.NationalID }

// Rural reports whether the member lives in a rural area.
func (m Member) Rural() bool { return m.p.Rural }

// Role returns the member's office.
func (m Member) Role() Role { return m.p.Role }

// Status returns whether the member is active, exited or deceased.
func (m Member) Status() Status { return m.p.Status }

// IsActive reports whether the member is active.
func (m Member) IsActive() bool { return m.p.Status == Active }

// Joined returns the day the member was admitted.
func (m Member) Joined() shg.Date { return m.p.Joined }

// Exited returns the day membership ended, by exit or death; the zero Date
// while the member is active.
func (m Member) Exited() shg.Date { return m.p.Exited }

// Livelihood returns the activity the member's loans finance.
func (m Member) Livelihood() Livelihood { return m.p.Livelihood }

// Profile returns a copy of the member's data, with its own Incomes slice.
func (m Member) Profile() Profile {
	p := m.p
	p.Incomes = slices.Clone(m.p.Incomes)
	return p
}

// Incomes returns a copy of the income observations, oldest first.
func (m Member) Incomes() []IncomeObservation { return slices.Clone(m.p.Incomes) }

// Baseline returns the earliest income observation; false when there is
// none. In the source programme the baseline is typically zero.
func (m Member) Baseline() (IncomeObservation, bool) {
	if len(m.p.Incomes) == 0 {
		return IncomeObservation{}, false
	}
	return m.p.Incomes[0], true
}

// Latest returns the most recent income observation; false when there is
// none.
func (m Member) Latest() (IncomeObservation, bool) {
	if len(m.p.Incomes) == 0 {
		return IncomeObservation{}, false
	}
	return m.p.Incomes[len(m.p.Incomes)-1], true
}

// LatestOn returns the most recent observation made on or before d, the
// income as known on d; false when there is none by then.
func (m Member) LatestOn(d shg.Date) (IncomeObservation, bool) {
	// Observations are strictly increasing by date: find the first after d.
	i, _ := slices.BinarySearchFunc(m.p.Incomes, d, func(o IncomeObservation, d shg.Date) int {
		if o.On.After(d) {
			return 1
		}
		return -1
	})
	if i == 0 {
		return IncomeObservation{}, false
	}
	return m.p.Incomes[i-1], true
}

// AddIncome returns m with o appended to its income observations. o must
// have a date strictly after the latest observation ("member.income_order"),
// the same currency as the others ("member.income_currency") and a
// non-negative amount ("member.income_amount"). On refusal m is returned
// unchanged with a [*shg.RuleError] (op "member.Member.AddIncome").
func (m Member) AddIncome(o IncomeObservation) (Member, error) {
	var prev *IncomeObservation
	if n := len(m.p.Incomes); n > 0 {
		prev = &m.p.Incomes[n-1]
	}
	if vs := incomeViolations(o, prev, len(m.p.Incomes)); len(vs) > 0 {
		return m, shg.NewRuleError("member.Member.AddIncome", vs...)
	}
	out := m
	out.p.Incomes = make([]IncomeObservation, len(m.p.Incomes)+1)
	copy(out.p.Incomes, m.p.Incomes)
	out.p.Incomes[len(m.p.Incomes)] = o
	return out, nil
}

// WithRole returns m holding office r. An undefined role is refused with
// "member.role", an office for a member who is not active with
// "member.office_inactive"; on refusal m is returned unchanged with a
// [*shg.RuleError] (op "member.Member.WithRole"). How officers are elected
// is the group's business.
func (m Member) WithRole(r Role) (Member, error) {
	const op = "member.Member.WithRole"
	switch {
	case !r.IsValid():
		return m, shg.NewRuleError(op, shg.Violation{Code: CodeRole, Message: "unknown role",
			Want: names(roleLabels[:]), Got: strconv.Itoa(int(r))})
	case r.IsOfficer() && m.p.Status != Active:
		return m, shg.NewRuleError(op, shg.Violation{Code: CodeOfficeHolder, Message: "only an active member holds office",
			Want: Active.String(), Got: m.p.Status.String()})
	}
	out := m
	out.p.Role = r
	return out, nil
}

// Exit returns m as having left the group on day on: status [Exited], exit
// date on, and no office. Settling her savings against her debts is the
// group's business. A member who is not active is refused with
// "member.not_active", a day that is zero or before the join date with
// "member.exit_date" (op "member.Member.Exit").
func (m Member) Exit(on shg.Date) (Member, error) {
	return m.end("member.Member.Exit", Exited, on)
}

// MarkDeceased returns m as having died on day on: status [Deceased], exit
// date on, and no office. It is refused like [Member.Exit] (op
// "member.Member.MarkDeceased").
func (m Member) MarkDeceased(on shg.Date) (Member, error) {
	return m.end("member.Member.MarkDeceased", Deceased, on)
}

func (m Member) end(op string, s Status, on shg.Date) (Member, error) {
	var vs []shg.Violation
	if m.p.Status != Active {
		vs = append(vs, shg.Violation{Code: CodeNotActive, Message: "member is not active",
			Want: Active.String(), Got: m.p.Status.String()})
	}
	switch {
	case on.IsZero():
		vs = append(vs, shg.Violation{Code: CodeExitDate, Message: "exit date is required", Want: "a date", Got: "none"})
	case on.Before(m.p.Joined):
		vs = append(vs, shg.Violation{Code: CodeExitDate, Message: "exit date is before the join date",
			Want: "on or after " + m.p.Joined.String(), Got: on.String()})
	}
	if len(vs) > 0 {
		return m, shg.NewRuleError(op, vs...)
	}
	out := m
	out.p.Status = s
	out.p.Exited = on
	out.p.Role = Ordinary
	return out, nil
}

// AgeOn returns the member's age on day d in whole years; see [Age].
func (m Member) AgeOn(d shg.Date) int { return Age(m.p.BirthDate, d) }

// Age returns the number of whole years from birth to on: the number of
// Gregorian birthdays (same month and day) passed by on, the day itself
// included. Someone born on 29 February has her birthday on 1 March in
// common years: born on 29 February 2004, she is 17 on 28 February 2022
// and 18 on 1 March 2022. Age returns 0 when either date is zero or on
// is before birth.
//
// Counting Solar Hijri anniversaries can differ by a day, because 1
// Farvardin moves between 20 and 21 March; the programme's rules use
// Gregorian ages.
func Age(birth, on shg.Date) int {
	if birth.IsZero() || on.IsZero() || on.Before(birth) {
		return 0
	}
	y1, m1, d1 := birth.In(shg.Gregorian)
	y2, m2, d2 := on.In(shg.Gregorian)
	a := y2 - y1
	if m2 < m1 || (m2 == m1 && d2 < d1) {
		a--
	}
	return a
}

// Equal reports whether m and o hold the same data; amounts are compared
// with [shg.Money.Equal].
func (m Member) Equal(o Member) bool {
	a, b := m.p, o.p
	if a.ID != b.ID || a.Name != b.Name || a.BirthDate != b.BirthDate || a.Gender != b.Gender ||
		a.Village != b.Village || a.NationalID != b.NationalID || a.Rural != b.Rural ||
		a.Role != b.Role || a.Status != b.Status || a.Joined != b.Joined || a.Exited != b.Exited ||
		a.Livelihood != b.Livelihood {
		return false
	}
	return slices.EqualFunc(a.Incomes, b.Incomes, IncomeObservation.Equal)
}

// String returns the member's ID and name for logs: `m-1 "Maryam"`.
func (m Member) String() string {
	return string(m.p.ID) + " " + strconv.Quote(m.p.Name)
}

// MarshalJSON encodes m as its [Profile] with lowerCamel keys; enums are
// encoded by name and dates as ISO 8601 Gregorian days, e.g.
//
//	{"id":"m-1","name":"Maryam","birthDate":"1990-03-21","gender":"female",
//	 "village":"Dehlor","nationalId":"0123456789","rural":true,
//	 "role":"treasurer","status":"active","joined":"2018-09-01","exited":"",
//	 "livelihood":"beekeeping",
//	 "incomes":[{"on":"2018-09-01","monthly":{"amount":"0","currency":"IRR"}}]}
//
// "nationalId" is omitted when not recorded and "incomes" is [] when empty.
func (m Member) MarshalJSON() ([]byte, error) {
	p := m.p
	if p.Incomes == nil {
		p.Incomes = []IncomeObservation{}
	}
	return json.Marshal(p)
}

// UnmarshalJSON decodes the form [Member.MarshalJSON] writes, strictly:
// unknown keys and undefined enum names are refused, and the result must
// pass [New]. A JSON null leaves m unchanged, as encoding/json does for
// other types; on any error m is unchanged.
func (m *Member) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var p Profile
	if err := dec.Decode(&p); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("member: decode: unexpected data after the member object")
	}
	v, err := New(p)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// decodeError keeps a [*shg.RuleError] (from an enum's UnmarshalText) as it
// is and wraps anything else.
func decodeError(err error) error {
	var re *shg.RuleError
	if errors.As(err, &re) {
		return err
	}
	return fmt.Errorf("member: decode: %w", err)
}
