package shg

import (
	"strings"
)

var persianDigits = [10]rune{'۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹'}

// normalizeDigits maps Persian (U+06F0–U+06F9) and Arabic-Indic
// (U+0660–U+0669) digits to ASCII, and the Arabic decimal separator to '.'.
func normalizeDigits(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '۰' && r <= '۹':
			b.WriteByte(byte('0' + r - '۰'))
		case r >= '٠' && r <= '٩':
			b.WriteByte(byte('0' + r - '٠'))
		case r == '٫':
			b.WriteByte('.')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ToPersianDigits replaces the ASCII digits of s with Persian digits.
func ToPersianDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(persianDigits[r-'0'])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// group inserts sep every three digits of the integer part of a plain
// decimal string, and replaces the decimal point with dot.
func group(s, sep, dot string) string {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := 0; i < len(intPart); i++ {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(intPart[i])
	}
	if hasFrac {
		b.WriteString(dot)
		b.WriteString(frac)
	}
	return b.String()
}

// fixed renders the amount with exactly the currency's minor digits (more if
// the amount carries more).
func (m Money) fixed() string {
	d := m.digits()
	if e := -m.exp; e > d {
		d = e
	}
	return m.dec().StringFixed(d)
}

// Format renders m for people, with digit grouping: "25,000,000 IRR",
// "1,234.50 INR". Use [Money.String] for a parseable form.
func (m Money) Format() string {
	s := group(m.fixed(), ",", ".")
	if m.cur == 0 {
		return s
	}
	return s + " " + m.Currency()
}

// tomanAmount returns an IRR amount in toman as a plain decimal string.
func (m Money) tomanAmount() string {
	t := m.dec().Shift(-1)
	if t.IsInteger() {
		return t.StringFixed(0)
	}
	return t.String()
}

// FormatToman renders an IRR amount in toman, the unit Iranians speak in:
// Toman(2_500_000).FormatToman() is "2,500,000 toman". Other currencies
// render as [Money.Format].
func (m Money) FormatToman() string {
	if m.cur != irr {
		return m.Format()
	}
	return group(m.tomanAmount(), ",", ".") + " toman"
}

// FormatPersian renders m for Persian text: Persian digits, the Arabic
// thousands separator "٬" and, for IRR, the word "تومان" (toman=true) or
// "ریال". Other currencies keep their ISO code.
func (m Money) FormatPersian(toman bool) string {
	var num, unit string
	switch {
	case m.cur == irr && toman:
		num, unit = m.tomanAmount(), "تومان"
	case m.cur == irr:
		num, unit = m.fixed(), "ریال"
	default:
		num, unit = m.fixed(), m.Currency()
	}
	s := ToPersianDigits(group(num, "٬", "٫"))
	if unit == "" {
		return s
	}
	return s + " " + unit
}
