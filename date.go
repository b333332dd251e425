package shg

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Calendar names a civil calendar for building, reading and formatting
// dates. A [Date] itself is calendar-free: a day.
type Calendar uint8

const (
	// Gregorian is the proleptic Gregorian calendar (ISO 8601). It is the zero value.
	Gregorian Calendar = iota
	// SolarHijri is Iran's official calendar (Jalali, هجری شمسی): months 1–6
	// have 31 days, 7–11 have 30, Esfand has 29 or 30; the year starts at the
	// March equinox. See solarhijri.go for the arithmetic.
	SolarHijri
)

// String returns "gregorian" or "solarHijri", the names used in JSON.
func (c Calendar) String() string {
	switch c {
	case Gregorian:
		return "gregorian"
	case SolarHijri:
		return "solarHijri"
	}
	return "Calendar(" + strconv.Itoa(int(c)) + ")"
}

// IsValid reports whether c is a known calendar.
func (c Calendar) IsValid() bool { return c == Gregorian || c == SolarHijri }

// MarshalText encodes the calendar by name.
func (c Calendar) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, fmt.Errorf("%w: %d", ErrInvalidCalendar, c)
	}
	return []byte(c.String()), nil
}

// UnmarshalText decodes "gregorian" or "solarHijri".
func (c *Calendar) UnmarshalText(b []byte) error {
	switch string(b) {
	case "gregorian":
		*c = Gregorian
	case "solarHijri":
		*c = SolarHijri
	default:
		return fmt.Errorf("%w: %q", ErrInvalidCalendar, b)
	}
	return nil
}

// Date is a civil day with no time of day and no zone: the day a meeting
// was held or an installment falls due. It is comparable with == and usable
// as a map key; later days compare greater with [Date.Compare].
//
// The zero value is "no date": IsZero reports it, and every constructor
// returns a non-zero Date. Supported days run from 1 Farvardin 1 SH
// (22 March 622) to the end of 3177 SH (March 3799), the range of the Solar
// Hijri arithmetic; arithmetic that leaves it is clamped to its ends.
type Date struct {
	jdn int32 // Julian Day Number; 0 means no date
}

var (
	minJDN = int32(solarHijriToJDN(minSolarHijriYear, 1, 1))
	maxJDN = int32(solarHijriToJDN(maxSolarHijriYear+1, 1, 1) - 1)
)

// DaysIn returns the number of days of month in year of cal, or 0 when the
// calendar, year or month is out of range.
func DaysIn(cal Calendar, year, month int) int {
	if month < 1 || month > 12 {
		return 0
	}
	switch cal {
	case Gregorian:
		if year < 1 || year > 9999 {
			return 0
		}
		switch month {
		case 2:
			if IsLeapYear(Gregorian, year) {
				return 29
			}
			return 28
		case 4, 6, 9, 11:
			return 30
		}
		return 31
	case SolarHijri:
		if year < minSolarHijriYear || year > maxSolarHijriYear {
			return 0
		}
		return solarHijriMonthDays(year, month)
	}
	return 0
}

// IsLeapYear reports whether year of cal has a leap day (29 February,
// 30 Esfand).
func IsLeapYear(cal Calendar, year int) bool {
	switch cal {
	case Gregorian:
		return year%4 == 0 && (year%100 != 0 || year%400 == 0)
	case SolarHijri:
		return year >= minSolarHijriYear && year <= maxSolarHijriYear && isSolarHijriLeap(year)
	}
	return false
}

// NewDate returns the day (year, month, day) of cal. It fails with
// [ErrInvalidDate] for a day that does not exist (month 13, 30 Esfand of a
// common year) or lies outside the supported range.
func NewDate(cal Calendar, year, month, day int) (Date, error) {
	if !cal.IsValid() {
		return Date{}, fmt.Errorf("%w: %w: %d", ErrInvalidDate, ErrInvalidCalendar, cal)
	}
	n := DaysIn(cal, year, month)
	if n == 0 || day < 1 || day > n {
		return Date{}, fmt.Errorf("%w: %04d-%02d-%02d does not exist in the %s calendar", ErrInvalidDate, year, month, day, cal)
	}
	var jdn int
	if cal == SolarHijri {
		jdn = solarHijriToJDN(year, month, day)
	} else {
		jdn = gregorianToJDN(year, month, day)
	}
	if jdn < int(minJDN) || jdn > int(maxJDN) {
		return Date{}, fmt.Errorf("%w: %04d-%02d-%02d (%s) is outside the supported range", ErrInvalidDate, year, month, day, cal)
	}
	return Date{jdn: int32(jdn)}, nil
}

// MustDate is like [NewDate] but panics on error. Use it for literals and tests.
func MustDate(cal Calendar, year, month, day int) Date {
	d, err := NewDate(cal, year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero Date (no date).
func (d Date) IsZero() bool { return d.jdn == 0 }

// JDN returns the Julian Day Number of d (0 for the zero Date).
func (d Date) JDN() int { return int(d.jdn) }

// In returns the year, month and day of d in cal; zeros for the zero Date.
func (d Date) In(cal Calendar) (year, month, day int) {
	if d.jdn == 0 {
		return 0, 0, 0
	}
	if cal == SolarHijri {
		return jdnToSolarHijri(int(d.jdn))
	}
	return jdnToGregorian(int(d.jdn))
}

func clampJDN(j int64) int32 {
	switch {
	case j < int64(minJDN):
		return minJDN
	case j > int64(maxJDN):
		return maxJDN
	}
	return int32(j)
}

// maxStep bounds day and month steps before they are added, so that a huge
// n saturates at the range ends instead of overflowing: the supported range
// is about 1.2 million days (under 40,000 months), far below it.
const maxStep = 1 << 40

// AddDays returns d moved n days (back for negative n), clamped to the
// supported range. The zero Date stays zero.
func (d Date) AddDays(n int) Date {
	if d.jdn == 0 {
		return d
	}
	n64 := max(min(int64(n), maxStep), -maxStep)
	return Date{jdn: clampJDN(int64(d.jdn) + n64)}
}

// AddMonths returns d moved n calendar months in cal. When the target month
// is shorter, the day is clamped to its last day: 31 Shahrivar + 1 month is
// 30 Mehr, 31 January + 1 month is 28 or 29 February. The clamping does not
// carry: 31 Jan +1 +1 is 28 March, while 31 Jan +2 is 31 March, which is why
// schedules compute each due date from the start, not from the last one.
func (d Date) AddMonths(n int, cal Calendar) Date {
	if d.jdn == 0 {
		return d
	}
	y, m, day := d.In(cal)
	t := int64(y)*12 + int64(m-1) + max(min(int64(n), maxStep), -maxStep)
	if t < 0 {
		return Date{jdn: minJDN}
	}
	ny, nm := int(t/12), int(t%12)+1
	if last := DaysIn(cal, ny, nm); last == 0 {
		if n < 0 {
			return Date{jdn: minJDN}
		}
		return Date{jdn: maxJDN}
	} else if day > last {
		day = last
	}
	r, err := NewDate(cal, ny, nm, day)
	if err != nil {
		if n < 0 {
			return Date{jdn: minJDN}
		}
		return Date{jdn: maxJDN}
	}
	return r
}

// MonthsSince returns the number of whole calendar months of cal from
// earlier to d: the largest n with earlier.AddMonths(n, cal) on or before d,
// so that earlier.AddMonths(n) <= d < earlier.AddMonths(n+1). It is
// negative when d is before earlier (rounding toward the past: one day
// before earlier is -1). Group age ("6 months old") is measured this way.
func (d Date) MonthsSince(earlier Date, cal Calendar) int {
	y1, m1, _ := earlier.In(cal)
	y2, m2, _ := d.In(cal)
	// earlier.AddMonths(n) lands in d's month; if its day is past d's,
	// the month before is the answer (it lies wholly before d's month).
	n := (y2-y1)*12 + (m2 - m1)
	if earlier.AddMonths(n, cal).After(d) {
		n--
	}
	return n
}

// Sub returns the number of days from o to d (d − o).
func (d Date) Sub(o Date) int { return int(d.jdn) - int(o.jdn) }

// Before reports d < o.
func (d Date) Before(o Date) bool { return d.jdn < o.jdn }

// After reports d > o.
func (d Date) After(o Date) bool { return d.jdn > o.jdn }

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	switch {
	case d.jdn < o.jdn:
		return -1
	case d.jdn > o.jdn:
		return 1
	}
	return 0
}

// Weekday returns the day of the week. In Iran the week starts on Saturday.
func (d Date) Weekday() time.Weekday {
	// JDN 0 was a Monday.
	return time.Weekday((int(d.jdn) + 1) % 7)
}

// FromTime returns the civil date of t in t's own location.
func FromTime(t time.Time) (Date, error) {
	y, m, day := t.Date()
	return NewDate(Gregorian, y, int(m), day)
}

// Time returns midnight UTC at the start of d; the zero Date gives the zero
// time.Time.
func (d Date) Time() time.Time {
	if d.jdn == 0 {
		return time.Time{}
	}
	y, m, day := d.In(Gregorian)
	return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// ParseDate parses "yyyy-mm-dd" or "yyyy/mm/dd" in cal, with ASCII, Persian
// or Arabic-Indic digits: "1397-06-01", "۱۳۹۷/۰۶/۰۱". The year has one to
// four digits, month and day one or two; surrounding spaces are ignored.
// It fails with [ErrInvalidDate] (and [ErrInvalidCalendar] for an unknown cal).
func ParseDate(cal Calendar, s string) (Date, error) {
	t := normalizeDigits(strings.TrimSpace(s))
	sep := "-"
	if strings.Contains(t, "/") {
		sep = "/"
	}
	parts := strings.Split(t, sep)
	if len(parts) != 3 {
		return Date{}, fmt.Errorf("%w: %q: want yyyy-mm-dd", ErrInvalidDate, s)
	}
	var nums [3]int
	for i, p := range parts {
		if p == "" || len(p) > 4 || !allDigits(p) || (i > 0 && len(p) > 2) {
			return Date{}, fmt.Errorf("%w: %q: want yyyy-mm-dd", ErrInvalidDate, s)
		}
		nums[i], _ = strconv.Atoi(p)
	}
	return NewDate(cal, nums[0], nums[1], nums[2])
}

// MustParseDate is like [ParseDate] but panics on error. Use it for literals and tests.
func MustParseDate(cal Calendar, s string) Date {
	d, err := ParseDate(cal, s)
	if err != nil {
		panic(err)
	}
	return d
}

// Format renders d in cal as "yyyy-mm-dd" ("1397-06-01"); the zero Date is "".
func (d Date) Format(cal Calendar) string {
	if d.jdn == 0 {
		return ""
	}
	y, m, day := d.In(cal)
	return fmt.Sprintf("%04d-%02d-%02d", y, m, day)
}

// FormatPersian renders d as Persian text in the Solar Hijri calendar:
// "۱ شهریور ۱۳۹۷".
func (d Date) FormatPersian() string {
	if d.jdn == 0 {
		return ""
	}
	y, m, day := d.In(SolarHijri)
	return ToPersianDigits(strconv.Itoa(day)) + " " + MonthName(SolarHijri, m, true) + " " + ToPersianDigits(strconv.Itoa(y))
}

// String returns the ISO 8601 Gregorian form "2018-08-23".
func (d Date) String() string { return d.Format(Gregorian) }

// MarshalText encodes d as its ISO 8601 Gregorian date, unambiguous
// whatever calendar the application shows; the zero Date encodes as "".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.Format(Gregorian)), nil }

// UnmarshalText decodes an ISO 8601 Gregorian date; "" is the zero Date.
// It accepts whatever ParseDate(Gregorian, ...) accepts.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(Gregorian, string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

var (
	solarHijriMonthsFa = [12]string{"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"}
	solarHijriMonthsEn = [12]string{"Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"}
	gregorianMonthsFa  = [12]string{"ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"}
)

// MonthName returns the name of month (1–12) in cal: transliterated
// ("Shahrivar", "August") or, with persian, in Persian script ("شهریور").
// It returns "" for a month out of range.
func MonthName(cal Calendar, month int, persian bool) string {
	if month < 1 || month > 12 {
		return ""
	}
	switch {
	case cal == SolarHijri && persian:
		return solarHijriMonthsFa[month-1]
	case cal == SolarHijri:
		return solarHijriMonthsEn[month-1]
	case persian:
		return gregorianMonthsFa[month-1]
	}
	return time.Month(month).String()
}
