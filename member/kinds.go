package member

import (
	"strconv"

	"github.com/khodyar/shg"
)

// Gender of a member, for eligibility rules (the Kermanshah programme
// serves women and girls).
type Gender uint8

const (
	// GenderUnknown is the zero value: not recorded.
	GenderUnknown Gender = iota
	// Female is a woman or girl, the members the source programme serves.
	Female
	// Male is a man or boy.
	Male
)

// Role of a member in the group.
type Role uint8

const (
	// Ordinary is the zero value: a member without office.
	Ordinary Role = iota
	// Chair presides over meetings (رئیس).
	Chair
	// Treasurer keeps the cash and the books of the fund (خزانه‌دار).
	Treasurer
	// Secretary keeps the minutes and the registers (منشی).
	Secretary
)

// Status of a member.
type Status uint8

const (
	// Active is the zero value.
	Active Status = iota
	// Exited: the member left the group; her savings were settled.
	Exited
	// Deceased: the member died while a member.
	Deceased
)

// Livelihood is the activity a member's loans finance; the source article
// lists these.
type Livelihood uint8

const (
	// LivelihoodNone is the zero value: not recorded.
	LivelihoodNone Livelihood = iota
	// Beekeeping: زنبورداری.
	Beekeeping
	// LeatherWork: leather sewing, چرم‌دوزی.
	LeatherWork
	// VegetableGrowing: سبزی‌کاری.
	VegetableGrowing
	// Dairy: dairy products, لبنیات (the article's لبنیاتی).
	Dairy
	// Poultry: the article's chick hatching and chicken and turkey rearing
	// with incubators (تولید جوجه، مرغ و بوقلمون با دستگاه جوجه‌کشی).
	Poultry
	// KilimWeaving: گلیم‌بافی.
	KilimWeaving
	// Handicrafts: صنایع دستی.
	Handicrafts
	// OtherLivelihood: any other activity (the article's "and more").
	OtherLivelihood
)

// label is one value's stable machine name (used in JSON) and its Persian
// label (for display).
type label struct{ name, fa string }

var (
	genderLabels = [...]label{
		GenderUnknown: {"unknown", "نامشخص"},
		Female:        {"female", "زن"},
		Male:          {"male", "مرد"},
	}
	roleLabels = [...]label{
		Ordinary:  {"ordinary", "عضو"},
		Chair:     {"chair", "رئیس"},
		Treasurer: {"treasurer", "خزانه\u200cدار"},
		Secretary: {"secretary", "منشی"},
	}
	statusLabels = [...]label{
		Active:   {"active", "فعال"},
		Exited:   {"exited", "خارج\u200cشده"},
		Deceased: {"deceased", "فوت\u200cشده"},
	}
	// The Persian words are the article's (seed-article.fa.txt, paragraph
	// 7), spelled with the zero-width non-joiner of standard orthography
	// where the article runs the parts together or leaves a space:
	// چرمدوزی -> چرم‌دوزی, سبزی کاری -> سبزی‌کاری, گلیم بافی -> گلیم‌بافی.
	// The article's لبنیاتی ("dairy-") is given as the noun لبنیات; its
	// "chicks, chickens and turkeys" as the usual trade name مرغداری.
	livelihoodLabels = [...]label{
		LivelihoodNone:   {"none", "ثبت\u200cنشده"},
		Beekeeping:       {"beekeeping", "زنبورداری"},
		LeatherWork:      {"leatherWork", "چرم\u200cدوزی"},
		VegetableGrowing: {"vegetableGrowing", "سبزی\u200cکاری"},
		Dairy:            {"dairy", "لبنیات"},
		Poultry:          {"poultry", "مرغداری"},
		KilimWeaving:     {"kilimWeaving", "گلیم\u200cبافی"},
		Handicrafts:      {"handicrafts", "صنایع دستی"},
		OtherLivelihood:  {"other", "سایر"},
	}
)

func labelName(ls []label, v uint8, typ string) string {
	if int(v) < len(ls) {
		return ls[v].name
	}
	return typ + "(" + strconv.Itoa(int(v)) + ")"
}

func labelFa(ls []label, v uint8) string {
	if int(v) < len(ls) {
		return ls[v].fa
	}
	return ""
}

func names(ls []label) string {
	s := ""
	for i, l := range ls {
		if i > 0 {
			s += "|"
		}
		s += l.name
	}
	return s
}

func marshalLabel(ls []label, v uint8, typ, code string) ([]byte, error) {
	if int(v) >= len(ls) {
		return nil, shg.NewRuleError("member."+typ+".MarshalText", shg.Violation{
			Code: code, Message: "unknown " + lowerFirst(typ), Want: names(ls), Got: strconv.Itoa(int(v)),
		})
	}
	return []byte(ls[v].name), nil
}

func parseLabel(ls []label, b []byte, typ, code string) (uint8, error) {
	for i, l := range ls {
		if l.name == string(b) {
			return uint8(i), nil
		}
	}
	return 0, shg.NewRuleError("member."+typ+".UnmarshalText", shg.Violation{
		Code: code, Message: "unknown " + lowerFirst(typ), Want: names(ls), Got: strconv.Quote(string(b)),
	})
}

func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}

// String returns the stable lowerCamel name used in JSON: "unknown",
// "female", "male"; "Gender(n)" for an undefined value.
func (g Gender) String() string { return labelName(genderLabels[:], uint8(g), "Gender") }

// IsValid reports whether g is one of the defined values.
func (g Gender) IsValid() bool { return int(g) < len(genderLabels) }

// Persian returns the Persian label (زن, مرد, نامشخص), or "" for an
// undefined value.
func (g Gender) Persian() string { return labelFa(genderLabels[:], uint8(g)) }

// MarshalText encodes g by its [Gender.String] name. An undefined value is
// refused with code "member.gender".
func (g Gender) MarshalText() ([]byte, error) {
	return marshalLabel(genderLabels[:], uint8(g), "Gender", CodeGender)
}

// UnmarshalText decodes a [Gender.String] name (case-sensitive). Any other
// text is refused with code "member.gender".
func (g *Gender) UnmarshalText(b []byte) error {
	v, err := parseLabel(genderLabels[:], b, "Gender", CodeGender)
	if err != nil {
		return err
	}
	*g = Gender(v)
	return nil
}

// String returns the stable lowerCamel name used in JSON: "ordinary",
// "chair", "treasurer", "secretary"; "Role(n)" for an undefined value.
func (r Role) String() string { return labelName(roleLabels[:], uint8(r), "Role") }

// IsValid reports whether r is one of the defined values.
func (r Role) IsValid() bool { return int(r) < len(roleLabels) }

// IsOfficer reports whether r is an office (chair, treasurer, secretary).
func (r Role) IsOfficer() bool { return r != Ordinary && r.IsValid() }

// Persian returns the Persian label (عضو, رئیس, خزانه‌دار, منشی), or ""
// for an undefined value.
func (r Role) Persian() string { return labelFa(roleLabels[:], uint8(r)) }

// MarshalText encodes r by its [Role.String] name. An undefined value is
// refused with code "member.role".
func (r Role) MarshalText() ([]byte, error) {
	return marshalLabel(roleLabels[:], uint8(r), "Role", CodeRole)
}

// UnmarshalText decodes a [Role.String] name (case-sensitive). Any other
// text is refused with code "member.role".
func (r *Role) UnmarshalText(b []byte) error {
	v, err := parseLabel(roleLabels[:], b, "Role", CodeRole)
	if err != nil {
		return err
	}
	*r = Role(v)
	return nil
}

// String returns the stable lowerCamel name used in JSON: "active",
// "exited", "deceased"; "Status(n)" for an undefined value.
func (s Status) String() string { return labelName(statusLabels[:], uint8(s), "Status") }

// IsValid reports whether s is one of the defined values.
func (s Status) IsValid() bool { return int(s) < len(statusLabels) }

// Persian returns the Persian label (فعال, خارج‌شده, فوت‌شده), or "" for
// an undefined value.
func (s Status) Persian() string { return labelFa(statusLabels[:], uint8(s)) }

// MarshalText encodes s by its [Status.String] name. An undefined value is
// refused with code "member.status".
func (s Status) MarshalText() ([]byte, error) {
	return marshalLabel(statusLabels[:], uint8(s), "Status", CodeStatus)
}

// UnmarshalText decodes a [Status.String] name (case-sensitive). Any other
// text is refused with code "member.status".
func (s *Status) UnmarshalText(b []byte) error {
	v, err := parseLabel(statusLabels[:], b, "Status", CodeStatus)
	if err != nil {
		return err
	}
	*s = Status(v)
	return nil
}

// String returns the stable lowerCamel name used in JSON: "none",
// "beekeeping", "leatherWork", "vegetableGrowing", "dairy", "poultry",
// "kilimWeaving", "handicrafts", "other"; "Livelihood(n)" for an undefined
// value.
func (l Livelihood) String() string {
	return labelName(livelihoodLabels[:], uint8(l), "Livelihood")
}

// IsValid reports whether l is one of the defined values.
func (l Livelihood) IsValid() bool { return int(l) < len(livelihoodLabels) }

// Persian returns the Persian label: زنبورداری, چرم‌دوزی, سبزی‌کاری,
// لبنیات, مرغداری, گلیم‌بافی, صنایع دستی, سایر, and ثبت‌نشده for
// [LivelihoodNone]; "" for an undefined value.
func (l Livelihood) Persian() string { return labelFa(livelihoodLabels[:], uint8(l)) }

// MarshalText encodes l by its [Livelihood.String] name. An undefined value
// is refused with code "member.livelihood".
func (l Livelihood) MarshalText() ([]byte, error) {
	return marshalLabel(livelihoodLabels[:], uint8(l), "Livelihood", CodeLivelihood)
}

// UnmarshalText decodes a [Livelihood.String] name (case-sensitive). Any
// other text is refused with code "member.livelihood".
func (l *Livelihood) UnmarshalText(b []byte) error {
	v, err := parseLabel(livelihoodLabels[:], b, "Livelihood", CodeLivelihood)
	if err != nil {
		return err
	}
	*l = Livelihood(v)
	return nil
}

// Livelihoods returns every defined livelihood except [LivelihoodNone], in
// declaration order, for a front end's pick list or a report's rows.
func Livelihoods() []Livelihood {
	out := make([]Livelihood, 0, len(livelihoodLabels)-1)
	for i := 1; i < len(livelihoodLabels); i++ {
		out = append(out, Livelihood(i))
	}
	return out
}
