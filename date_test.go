package shg_test

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/khodyar/shg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// officialLeapYears are the Solar Hijri leap years 1206–1498 as published by
// the Calendar Center of the Institute of Geophysics, University of Tehran,
// the body that computes Iran's official calendar:
// https://calendar.ut.ac.ir/documents/2139738/7092644/Kabise+Shamsi+1206-1498.pdf
// The same list is on fa.wikipedia ("گاه‌شماری رسمی ایران") and time.ir.
// It is data about the astronomical calendar, not output of this package.
var officialLeapYears = []int{
	1210, 1214, 1218, 1222, 1226, 1230, 1234, 1238,
	1243, 1247, 1251, 1255, 1259, 1263, 1267, 1271,
	1276, 1280, 1284, 1288, 1292, 1296, 1300, 1304,
	1309, 1313, 1317, 1321, 1325, 1329, 1333, 1337,
	1342, 1346, 1350, 1354, 1358, 1362, 1366, 1370,
	1375, 1379, 1383, 1387, 1391, 1395, 1399, 1403,
	1408, 1412, 1416, 1420, 1424, 1428, 1432, 1436,
	1441, 1445, 1449, 1453, 1457, 1461, 1465, 1469,
	1474, 1478, 1482, 1486, 1490, 1494, 1498,
}

func TestIsLeapYear_SolarHijri_OfficialList(t *testing.T) {
	for y := 1206; y <= 1498; y++ {
		want := slices.Contains(officialLeapYears, y)
		if got := shg.IsLeapYear(shg.SolarHijri, y); got != want {
			t.Errorf("IsLeapYear(SolarHijri, %d) = %v, want %v", y, got, want)
		}
	}
	// The points the issue names, and the two years where the arithmetic
	// 2820-year cycle goes wrong (it makes 1404 and 1437 leap instead of
	// 1403 and 1436).
	for _, y := range []int{1399, 1403, 1408, 1436} {
		assert.True(t, shg.IsLeapYear(shg.SolarHijri, y), "%d", y)
	}
	for _, y := range []int{1400, 1401, 1402, 1404, 1437} {
		assert.False(t, shg.IsLeapYear(shg.SolarHijri, y), "%d", y)
	}
}

// leapResidues is the 33-year rule the official list follows: read modulo
// 33, the years above fall on exactly these eight residues (1375 % 33 = 22,
// 1379 % 33 = 26, 1383 % 33 = 30, 1387 % 33 = 1, ...). Heydari-Malayeri,
// "A concise review of the Iranian calendar" (2004), gives the same rule.
var leapResidues = []int{1, 5, 9, 13, 17, 22, 26, 30}

func TestIsLeapYear_SolarHijri_33YearWindows(t *testing.T) {
	// First check the residue set against the official list, so the rule
	// below is derived from the source and not assumed.
	var rs []int
	for _, y := range officialLeapYears {
		if !slices.Contains(rs, y%33) {
			rs = append(rs, y%33)
		}
	}
	slices.Sort(rs)
	require.Equal(t, leapResidues, rs)

	// Borkowski's break years around our range are 1210 and 1635: the
	// 33-year rule runs unbroken from 1210 to 1634, and the 29-year cycle
	// before 1210 puts its last leap years (1197, 1201, 1205) on residues
	// 9, 13 and 17 as well. So throughout 1200–1600 a year is leap exactly
	// when its residue mod 33 is in leapResidues.
	for y := 1200; y <= 1600; y++ {
		want := slices.Contains(leapResidues, y%33)
		if got := shg.IsLeapYear(shg.SolarHijri, y); got != want {
			t.Errorf("IsLeapYear(SolarHijri, %d) = %v, want %v (residue %d)", y, got, want, y%33)
		}
	}
	// Any 33 consecutive years cover each residue mod 33 exactly once, so
	// every 33-year window inside 1200–1600 holds exactly 8 leap years.
	for start := 1200; start+32 <= 1600; start++ {
		n := 0
		for y := start; y < start+33; y++ {
			if shg.IsLeapYear(shg.SolarHijri, y) {
				n++
			}
		}
		if n != 8 {
			t.Errorf("%d–%d: %d leap years, want 8", start, start+32, n)
		}
	}
	// 1200–1600 is 401 years: 12 windows of 33 (1200–1595, 96 leap years)
	// and 1596–1600, residues 12–16, of which only 13 (1597) is leap: 97.
	total := 0
	for y := 1200; y <= 1600; y++ {
		if shg.IsLeapYear(shg.SolarHijri, y) {
			total++
		}
	}
	assert.Equal(t, 97, total)
}

func TestDate_SolarHijriWalk1200to1600(t *testing.T) {
	// Independent oracle for the Gregorian side and the weekday: Go's time
	// package, stepped one day at a time from a known point,
	// 1 Farvardin 1391 = 20 March 2012 (issue 2).
	anchor := shg.MustDate(shg.SolarHijri, 1391, 1, 1)
	first := shg.MustDate(shg.SolarHijri, 1200, 1, 1)
	tm := time.Date(2012, 3, 20, 12, 0, 0, 0, time.UTC).AddDate(0, 0, first.Sub(anchor))

	var prev shg.Date
	days := 0
	for y := 1200; y <= 1600; y++ {
		leap := shg.IsLeapYear(shg.SolarHijri, y)
		yearDays := 0
		for m := 1; m <= 12; m++ {
			n := shg.DaysIn(shg.SolarHijri, y, m)
			want := 31
			switch {
			case m == 12 && leap:
				want = 30
			case m == 12:
				want = 29
			case m >= 7:
				want = 30
			}
			if n != want {
				t.Fatalf("DaysIn(SolarHijri, %d, %d) = %d, want %d", y, m, n, want)
			}
			yearDays += n
			for d := 1; d <= n; d++ {
				sh, err := shg.NewDate(shg.SolarHijri, y, m, d)
				if err != nil {
					t.Fatalf("NewDate(SolarHijri, %d, %d, %d): %v", y, m, d, err)
				}
				if !prev.IsZero() && sh.JDN() != prev.JDN()+1 {
					t.Fatalf("%d-%d-%d: JDN %d follows %d", y, m, d, sh.JDN(), prev.JDN())
				}
				gy, gm, gd := sh.In(shg.Gregorian)
				ty, tmon, td := tm.Date()
				if gy != ty || gm != int(tmon) || gd != td {
					t.Fatalf("%d-%d-%d SH is %d-%d-%d, time package says %d-%d-%d", y, m, d, gy, gm, gd, ty, tmon, td)
				}
				if sh.Weekday() != tm.Weekday() {
					t.Fatalf("%d-%d-%d SH: weekday %v, want %v", y, m, d, sh.Weekday(), tm.Weekday())
				}
				g, err := shg.NewDate(shg.Gregorian, gy, gm, gd)
				if err != nil || g != sh {
					t.Fatalf("%d-%d-%d SH -> %d-%d-%d -> %v, %v", y, m, d, gy, gm, gd, g, err)
				}
				if by, bm, bd := g.In(shg.SolarHijri); by != y || bm != m || bd != d {
					t.Fatalf("%d-%d-%d SH round trip gives %d-%d-%d", y, m, d, by, bm, bd)
				}
				prev = sh
				tm = tm.AddDate(0, 0, 1)
				days++
			}
		}
		wantYear := 365
		if leap {
			wantYear = 366
		}
		if yearDays != wantYear {
			t.Fatalf("year %d has %d days, want %d", y, yearDays, wantYear)
		}
	}
	// 401 years of 365 days plus the 97 leap days counted above.
	assert.Equal(t, 401*365+97, days)
}

func TestNewDate_KnownPoints(t *testing.T) {
	type ymd struct{ y, m, d int }
	tests := []struct {
		name   string
		sh, gr ymd
	}{
		// Issue 2.
		{"1 Farvardin 1391", ymd{1391, 1, 1}, ymd{2012, 3, 20}},
		{"1 Shahrivar 1397", ymd{1397, 6, 1}, ymd{2018, 8, 23}},
		// Nowruz in the correspondence table of Wikipedia's "Solar Hijri
		// calendar" article.
		{"Nowruz 1390", ymd{1390, 1, 1}, ymd{2011, 3, 21}},
		{"Nowruz 1399", ymd{1399, 1, 1}, ymd{2020, 3, 20}},
		{"Nowruz 1400", ymd{1400, 1, 1}, ymd{2021, 3, 21}},
		{"Nowruz 1403", ymd{1403, 1, 1}, ymd{2024, 3, 20}},
		{"Nowruz 1404", ymd{1404, 1, 1}, ymd{2025, 3, 21}},
		{"Nowruz 1405", ymd{1405, 1, 1}, ymd{2026, 3, 21}},
		{"Nowruz 1409", ymd{1409, 1, 1}, ymd{2030, 3, 21}},
		// timeanddate.com, "Leap Years in the Persian Calendar": "Year 1395
		// is a leap year. It began on March 20, 2016".
		{"Nowruz 1395", ymd{1395, 1, 1}, ymd{2016, 3, 20}},
		// Iran Press, "Countdown to Nowruz 1398": the equinox fell at
		// 1:28:27 on 21 March 2019, Tehran time, so that day is 1 Farvardin.
		{"Nowruz 1398", ymd{1398, 1, 1}, ymd{2019, 3, 21}},
		// Heydari-Malayeri (2004) §8: "the year A.P. 1375 that begun on
		// March 20, 1996".
		{"Nowruz 1375", ymd{1375, 1, 1}, ymd{1996, 3, 20}},
		// jalaali-js README: toGregorian(1395, 1, 23) = 2016-04-11.
		{"23 Farvardin 1395", ymd{1395, 1, 23}, ymd{2016, 4, 11}},
		// The last day of a leap year and a common one: 30 Esfand 1403 is
		// the eve of Nowruz 1404 (21 March 2025), 29 Esfand 1402 the eve of
		// Nowruz 1403 (20 March 2024).
		{"30 Esfand 1403", ymd{1403, 12, 30}, ymd{2025, 3, 20}},
		{"29 Esfand 1402", ymd{1402, 12, 29}, ymd{2024, 3, 19}},
		// Start of the supported range: 1 Farvardin 1 is 19 March 622
		// Julian, 22 March 622 proleptic Gregorian.
		{"1 Farvardin 1", ymd{1, 1, 1}, ymd{622, 3, 22}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh, err := shg.NewDate(shg.SolarHijri, tt.sh.y, tt.sh.m, tt.sh.d)
			require.NoError(t, err)
			gr, err := shg.NewDate(shg.Gregorian, tt.gr.y, tt.gr.m, tt.gr.d)
			require.NoError(t, err)
			assert.Equal(t, gr, sh)
			y, m, d := sh.In(shg.Gregorian)
			assert.Equal(t, tt.gr, ymd{y, m, d})
			y, m, d = gr.In(shg.SolarHijri)
			assert.Equal(t, tt.sh, ymd{y, m, d})
		})
	}
	t.Run("Nowruz1404FromTheEquinox", func(t *testing.T) {
		// The March equinox of 2025 was at 09:01 UTC on 20 March
		// (thesuntoday.org, EarthSky), 12:31 Iran time (UTC+3:30): after
		// noon, so the year starts the next day (the 1925 calendar law's
		// rule as bsswebsite.me.uk summarises it).
		eq := time.Date(2025, 3, 20, 9, 1, 0, 0, time.UTC).In(time.FixedZone("IRST", 7*1800))
		require.GreaterOrEqual(t, eq.Hour(), 12)
		next := eq.AddDate(0, 0, 1)
		d, err := shg.FromTime(next)
		require.NoError(t, err)
		assert.Equal(t, "1404-01-01", d.Format(shg.SolarHijri))
	})
}

func TestDate_Weekday(t *testing.T) {
	tests := []struct {
		d    shg.Date
		want time.Weekday
	}{
		{shg.MustDate(shg.Gregorian, 2018, 8, 23), time.Thursday},            // a Thursday (any calendar)
		{shg.MustDate(shg.SolarHijri, 1403, 1, 1), time.Wednesday},           // 20 March 2024
		{shg.MustDate(shg.Gregorian, 2000, 1, 1), time.Saturday},             // Y2K was a Saturday
		{shg.MustDate(shg.SolarHijri, 1404, 1, 1), time.Friday},              // 21 March 2025
		{shg.MustDate(shg.Gregorian, 1970, 1, 1), time.Thursday},             // the Unix epoch
		{shg.MustDate(shg.SolarHijri, 1, 1, 1), time.Friday},                 // the epoch of the calendar, a Friday
		{shg.MustDate(shg.SolarHijri, 1397, 6, 1).AddDays(2), time.Saturday}, // first day of the Iranian week
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.d.Weekday(), "%v", tt.d)
	}
}

func TestNewDate_Errors(t *testing.T) {
	tests := []struct {
		name       string
		cal        shg.Calendar
		y, m, d    int
		isCalendar bool
	}{
		// 1402 is common: it is missing from the official list, and
		// 1402 % 33 = 16 is not a leap residue.
		{"30 Esfand common year", shg.SolarHijri, 1402, 12, 30, false},
		{"31 Esfand leap year", shg.SolarHijri, 1403, 12, 31, false},
		{"31 Mehr", shg.SolarHijri, 1403, 7, 31, false},
		{"32 Farvardin", shg.SolarHijri, 1403, 1, 32, false},
		{"month 13", shg.SolarHijri, 1403, 13, 1, false},
		{"month 0", shg.SolarHijri, 1403, 0, 1, false},
		{"day 0", shg.SolarHijri, 1403, 1, 0, false},
		{"negative day", shg.SolarHijri, 1403, 1, -1, false},
		{"year 0", shg.SolarHijri, 0, 1, 1, false},
		{"year 3178", shg.SolarHijri, 3178, 1, 1, false},
		{"huge year", shg.SolarHijri, math.MaxInt, 1, 1, false},
		{"tiny year", shg.SolarHijri, math.MinInt, 1, 1, false},
		{"29 February common year", shg.Gregorian, 2023, 2, 29, false},
		{"29 February 1900", shg.Gregorian, 1900, 2, 29, false},
		{"31 April", shg.Gregorian, 2024, 4, 31, false},
		{"month 13 Gregorian", shg.Gregorian, 2024, 13, 1, false},
		{"before 1 Farvardin 1", shg.Gregorian, 622, 3, 21, false},
		{"year 9999", shg.Gregorian, 9999, 1, 1, false},
		{"year 10000", shg.Gregorian, 10000, 1, 1, false},
		{"unknown calendar", shg.Calendar(7), 2024, 1, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := shg.NewDate(tt.cal, tt.y, tt.m, tt.d)
			require.Error(t, err)
			assert.ErrorIs(t, err, shg.ErrInvalidDate)
			if tt.isCalendar {
				assert.ErrorIs(t, err, shg.ErrInvalidCalendar)
			}
			assert.True(t, d.IsZero())
			assert.Panics(t, func() { shg.MustDate(tt.cal, tt.y, tt.m, tt.d) })
		})
	}
	t.Run("RangeEnds", func(t *testing.T) {
		first, err := shg.NewDate(shg.SolarHijri, 1, 1, 1)
		require.NoError(t, err)
		last, err := shg.NewDate(shg.SolarHijri, 3177, 12, shg.DaysIn(shg.SolarHijri, 3177, 12))
		require.NoError(t, err)
		assert.Equal(t, first, first.AddDays(-1), "clamped at the start")
		assert.Equal(t, last, last.AddDays(1), "clamped at the end")
		assert.Equal(t, last, first.AddDays(math.MaxInt))
		assert.Equal(t, first, last.AddDays(math.MinInt))
		assert.Equal(t, last, first.AddMonths(math.MaxInt, shg.SolarHijri))
		assert.Equal(t, first, last.AddMonths(math.MinInt, shg.Gregorian))
	})
}

func TestDaysIn_OutOfRange(t *testing.T) {
	assert.Equal(t, 0, shg.DaysIn(shg.SolarHijri, 1403, 0))
	assert.Equal(t, 0, shg.DaysIn(shg.SolarHijri, 1403, 13))
	assert.Equal(t, 0, shg.DaysIn(shg.Calendar(9), 1403, 1))
	assert.Equal(t, 29, shg.DaysIn(shg.Gregorian, 2024, 2))
	assert.Equal(t, 28, shg.DaysIn(shg.Gregorian, 2100, 2))
	assert.Equal(t, 29, shg.DaysIn(shg.Gregorian, 2000, 2))
	assert.False(t, shg.IsLeapYear(shg.Calendar(9), 2024))
	assert.False(t, shg.IsLeapYear(shg.SolarHijri, 0))
}

func TestDate_ZeroValue(t *testing.T) {
	var z shg.Date
	assert.True(t, z.IsZero())
	assert.Equal(t, 0, z.JDN())
	y, m, d := z.In(shg.SolarHijri)
	assert.Equal(t, [3]int{0, 0, 0}, [3]int{y, m, d})
	assert.Equal(t, "", z.Format(shg.SolarHijri))
	assert.Equal(t, "", z.FormatPersian())
	assert.Equal(t, "", z.String())
	assert.True(t, z.AddDays(10).IsZero())
	assert.True(t, z.AddMonths(10, shg.Gregorian).IsZero())
	assert.True(t, z.Time().IsZero())
	assert.False(t, shg.MustDate(shg.Gregorian, 2024, 1, 1).IsZero())
}

func TestDate_ComparableMapKey(t *testing.T) {
	a := shg.MustDate(shg.SolarHijri, 1397, 6, 1)
	b := shg.MustDate(shg.Gregorian, 2018, 8, 23)
	assert.True(t, a == b)
	seen := map[shg.Date]string{a: "meeting"}
	assert.Equal(t, "meeting", seen[b])
	c := a.AddDays(1)
	assert.True(t, a.Before(c))
	assert.True(t, c.After(a))
	assert.False(t, a.Before(b) || a.After(b))
	assert.Equal(t, -1, a.Compare(c))
	assert.Equal(t, 1, c.Compare(a))
	assert.Equal(t, 0, a.Compare(b))
	assert.Equal(t, 1, c.Sub(a))
	// 1403 is leap: 366 days from Nowruz 1403 to Nowruz 1404.
	assert.Equal(t, 366, shg.MustDate(shg.SolarHijri, 1404, 1, 1).Sub(shg.MustDate(shg.SolarHijri, 1403, 1, 1)))
	assert.Equal(t, 365, shg.MustDate(shg.SolarHijri, 1405, 1, 1).Sub(shg.MustDate(shg.SolarHijri, 1404, 1, 1)))
}

func TestDate_AddDays(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"1402-12-29", 1, "1403-01-01"}, // 1402 is common
		{"1403-12-29", 1, "1403-12-30"}, // 1403 is leap
		{"1403-12-30", 1, "1404-01-01"},
		{"1397-06-01", -1, "1397-05-31"},
		{"1397-06-01", 0, "1397-06-01"},
		{"1397-06-01", 365, "1398-06-01"}, // 1397 common, and the span holds no Esfand 30
	}
	for _, tt := range tests {
		d := shg.MustParseDate(shg.SolarHijri, tt.from)
		assert.Equal(t, tt.want, d.AddDays(tt.n).Format(shg.SolarHijri), "%s %+d", tt.from, tt.n)
	}
}

func TestDate_AddMonths(t *testing.T) {
	tests := []struct {
		cal  shg.Calendar
		from string
		n    int
		want string
	}{
		{shg.SolarHijri, "1397-06-31", 1, "1397-07-30"},  // 31 Shahrivar -> 30 Mehr
		{shg.SolarHijri, "1397-06-31", 6, "1397-12-29"},  // 1397 common: Esfand has 29
		{shg.SolarHijri, "1403-06-31", 6, "1403-12-30"},  // 1403 leap: Esfand has 30
		{shg.SolarHijri, "1403-12-30", 12, "1404-12-29"}, // 30 Esfand 1403 -> 29 Esfand 1404
		{shg.SolarHijri, "1402-11-30", 1, "1402-12-29"},
		{shg.SolarHijri, "1397-06-01", 6, "1397-12-01"},
		{shg.SolarHijri, "1397-06-01", -6, "1396-12-01"},
		{shg.SolarHijri, "1397-06-01", 12, "1398-06-01"},
		{shg.SolarHijri, "1397-06-01", -70, "1391-08-01"}, // 70 = 5*12 + 10
		{shg.Gregorian, "2024-01-31", 1, "2024-02-29"},
		{shg.Gregorian, "2023-01-31", 1, "2023-02-28"},
		{shg.Gregorian, "2023-01-31", 2, "2023-03-31"}, // no carry of the clamp
		{shg.Gregorian, "2024-03-31", -1, "2024-02-29"},
		{shg.Gregorian, "2024-12-15", 1, "2025-01-15"},
	}
	for _, tt := range tests {
		d := shg.MustParseDate(tt.cal, tt.from)
		assert.Equal(t, tt.want, d.AddMonths(tt.n, tt.cal).Format(tt.cal), "%s %+d months", tt.from, tt.n)
	}
	// The clamp does not carry: step by step from 31 January loses the 31st.
	jan31 := shg.MustDate(shg.Gregorian, 2023, 1, 31)
	assert.Equal(t, "2023-03-28", jan31.AddMonths(1, shg.Gregorian).AddMonths(1, shg.Gregorian).String())
}

// drawDate draws a day of Solar Hijri years 1200–1600.
func drawDate(t *rapid.T, label string) shg.Date {
	lo := shg.MustDate(shg.SolarHijri, 1200, 1, 1)
	hi := shg.MustDate(shg.SolarHijri, 1600, 12, shg.DaysIn(shg.SolarHijri, 1600, 12))
	return lo.AddDays(rapid.IntRange(0, hi.Sub(lo)).Draw(t, label))
}

func drawCalendar(t *rapid.T) shg.Calendar {
	return rapid.SampledFrom([]shg.Calendar{shg.Gregorian, shg.SolarHijri}).Draw(t, "cal")
}

func TestDate_AddMonths_Clamping(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal := drawCalendar(t)
		d := drawDate(t, "d")
		n := rapid.IntRange(-1200, 1200).Draw(t, "n")
		y, m, day := d.In(cal)
		r := d.AddMonths(n, cal)
		ry, rm, rday := r.In(cal)
		if got := (ry*12 + rm) - (y*12 + m); got != n {
			t.Fatalf("%v %+d months = %v: moved %d months", d.Format(cal), n, r.Format(cal), got)
		}
		if want := min(day, shg.DaysIn(cal, ry, rm)); rday != want {
			t.Fatalf("%v %+d months = %v: day %d, want %d", d.Format(cal), n, r.Format(cal), rday, want)
		}
		if rday > day {
			t.Fatalf("day grew from %d to %d", day, rday)
		}
		if n > 0 && !r.After(d) || n < 0 && !r.Before(d) || n == 0 && r != d {
			t.Fatalf("%v %+d months = %v: wrong direction", d, n, r)
		}
	})
}

func TestDate_MonthsSince(t *testing.T) {
	t.Run("Property", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			cal := drawCalendar(t)
			a := drawDate(t, "a")
			b := drawDate(t, "b")
			n := b.MonthsSince(a, cal)
			if a.AddMonths(n, cal).After(b) {
				t.Fatalf("a+%d months = %v is after b = %v", n, a.AddMonths(n, cal), b)
			}
			if !a.AddMonths(n+1, cal).After(b) {
				t.Fatalf("a+%d months = %v is not after b = %v", n+1, a.AddMonths(n+1, cal), b)
			}
			if b.Before(a) != (n < 0) {
				t.Fatalf("b before a is %v but n = %d", b.Before(a), n)
			}
		})
	})
	t.Run("GroupAge", func(t *testing.T) {
		founded := shg.MustDate(shg.SolarHijri, 1403, 1, 1)
		assert.Equal(t, 5, shg.MustDate(shg.SolarHijri, 1403, 6, 31).MonthsSince(founded, shg.SolarHijri))
		assert.Equal(t, 6, shg.MustDate(shg.SolarHijri, 1403, 7, 1).MonthsSince(founded, shg.SolarHijri))
		assert.Equal(t, 0, founded.MonthsSince(founded, shg.SolarHijri))
		assert.Equal(t, -1, founded.AddDays(-1).MonthsSince(founded, shg.SolarHijri))
		// From 31 Shahrivar: a month later is 30 Mehr (clamped).
		s31 := shg.MustDate(shg.SolarHijri, 1403, 6, 31)
		assert.Equal(t, 1, shg.MustDate(shg.SolarHijri, 1403, 7, 30).MonthsSince(s31, shg.SolarHijri))
		assert.Equal(t, 0, shg.MustDate(shg.SolarHijri, 1403, 7, 29).MonthsSince(s31, shg.SolarHijri))
		// Before the start: 20 Jan is after 15 Jan (= 15 Feb - 1 month), so -1.
		feb15 := shg.MustDate(shg.Gregorian, 2020, 2, 15)
		assert.Equal(t, -1, shg.MustDate(shg.Gregorian, 2020, 1, 20).MonthsSince(feb15, shg.Gregorian))
		assert.Equal(t, -2, shg.MustDate(shg.Gregorian, 2020, 1, 10).MonthsSince(feb15, shg.Gregorian))
	})
}

func TestParseDate(t *testing.T) {
	want := shg.MustDate(shg.Gregorian, 2018, 8, 23) // 1 Shahrivar 1397
	for _, s := range []string{
		"1397-06-01",
		"1397/06/01",
		"1397-6-1",
		" 1397/6/01 ",
		"۱۳۹۷/۰۶/۰۱", // Persian digits
		"۱۳۹۷-۰۶-۰۱",
		"١٣٩٧/٠٦/٠١", // Arabic-Indic digits
	} {
		d, err := shg.ParseDate(shg.SolarHijri, s)
		if assert.NoError(t, err, "%q", s) {
			assert.Equal(t, want, d, "%q", s)
		}
	}
	for _, s := range []string{"2018-08-23", "2018/8/23", "۲۰۱۸-۰۸-۲۳"} {
		d, err := shg.ParseDate(shg.Gregorian, s)
		if assert.NoError(t, err, "%q", s) {
			assert.Equal(t, want, d, "%q", s)
		}
	}
	t.Run("Errors", func(t *testing.T) {
		for _, s := range []string{
			"", " ", "garbage", "1397", "1397-06", "1397-06-01-01", "1397/06-01",
			"1397.06.01", "+1397-06-01", "-1397-06-01", "1397-+6-01", "1397-006-01",
			"13970-06-01", "1397-06-1a", "1397--01", "1397-06-", "--",
			"1402-12-30", // 1402 is common
			"1403-13-01", "1403-00-01", "1403-01-00", "1403-07-31",
			"0000-01-01", "3178-01-01", "9999-12-31",
			"1397-06-01T00:00:00", "1397\u00a006\u00a001", "𝟏𝟑𝟗𝟕-06-01",
		} {
			d, err := shg.ParseDate(shg.SolarHijri, s)
			assert.ErrorIs(t, err, shg.ErrInvalidDate, "%q", s)
			assert.True(t, d.IsZero(), "%q", s)
		}
		_, err := shg.ParseDate(shg.Gregorian, "2023-02-29")
		assert.ErrorIs(t, err, shg.ErrInvalidDate)
		_, err = shg.ParseDate(shg.Calendar(3), "2023-02-01")
		assert.ErrorIs(t, err, shg.ErrInvalidDate)
		assert.ErrorIs(t, err, shg.ErrInvalidCalendar)
		assert.Panics(t, func() { shg.MustParseDate(shg.SolarHijri, "1402-12-30") })
	})
}

func TestDate_Format(t *testing.T) {
	d := shg.MustDate(shg.SolarHijri, 1397, 6, 1)
	assert.Equal(t, "1397-06-01", d.Format(shg.SolarHijri))
	assert.Equal(t, "2018-08-23", d.Format(shg.Gregorian))
	assert.Equal(t, "2018-08-23", d.String())
	assert.Equal(t, "۱ شهریور ۱۳۹۷", d.FormatPersian())
	assert.Equal(t, "0622-03-22", shg.MustDate(shg.SolarHijri, 1, 1, 1).String())
	assert.Equal(t, "0001-01-01", shg.MustDate(shg.SolarHijri, 1, 1, 1).Format(shg.SolarHijri))

	t.Run("RoundTrip", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			cal := drawCalendar(t)
			d := drawDate(t, "d")
			s := d.Format(cal)
			back, err := shg.ParseDate(cal, s)
			if err != nil || back != d {
				t.Fatalf("ParseDate(%v, %q) = %v, %v; want %v", cal, s, back, err, d)
			}
			back, err = shg.ParseDate(cal, shg.ToPersianDigits(s))
			if err != nil || back != d {
				t.Fatalf("Persian digits %q: %v, %v", shg.ToPersianDigits(s), back, err)
			}
		})
	})
}

func TestMonthName(t *testing.T) {
	assert.Equal(t, "Farvardin", shg.MonthName(shg.SolarHijri, 1, false))
	assert.Equal(t, "Shahrivar", shg.MonthName(shg.SolarHijri, 6, false))
	assert.Equal(t, "Esfand", shg.MonthName(shg.SolarHijri, 12, false))
	assert.Equal(t, "فروردین", shg.MonthName(shg.SolarHijri, 1, true))
	assert.Equal(t, "شهریور", shg.MonthName(shg.SolarHijri, 6, true))
	assert.Equal(t, "اسفند", shg.MonthName(shg.SolarHijri, 12, true))
	assert.Equal(t, "August", shg.MonthName(shg.Gregorian, 8, false))
	assert.Equal(t, "اوت", shg.MonthName(shg.Gregorian, 8, true))
	assert.Equal(t, "", shg.MonthName(shg.SolarHijri, 0, false))
	assert.Equal(t, "", shg.MonthName(shg.Gregorian, 13, true))
}

func TestDate_Time(t *testing.T) {
	d := shg.MustDate(shg.SolarHijri, 1397, 6, 1)
	assert.Equal(t, time.Date(2018, 8, 23, 0, 0, 0, 0, time.UTC), d.Time())

	// FromTime takes the civil date in t's own zone: 01:00 on 24 August in
	// Tehran is still 23 August in UTC.
	tehran := time.FixedZone("IRST", 7*1800)
	tt := time.Date(2018, 8, 24, 1, 0, 0, 0, tehran)
	got, err := shg.FromTime(tt)
	require.NoError(t, err)
	assert.Equal(t, "2018-08-24", got.String())
	got, err = shg.FromTime(tt.UTC())
	require.NoError(t, err)
	assert.Equal(t, "2018-08-23", got.String())

	_, err = shg.FromTime(time.Time{}) // year 1: before the supported range
	assert.ErrorIs(t, err, shg.ErrInvalidDate)
}

func TestDate_JSON(t *testing.T) {
	type meeting struct {
		On   shg.Date     `json:"on"`
		Cal  shg.Calendar `json:"cal"`
		Next shg.Date     `json:"next"`
	}
	m := meeting{On: shg.MustDate(shg.SolarHijri, 1397, 6, 1), Cal: shg.SolarHijri}
	b, err := json.Marshal(m)
	require.NoError(t, err)
	assert.JSONEq(t, `{"on":"2018-08-23","cal":"solarHijri","next":""}`, string(b))
	var back meeting
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, m, back)

	b, err = json.Marshal(shg.Gregorian)
	require.NoError(t, err)
	assert.Equal(t, `"gregorian"`, string(b))

	t.Run("Errors", func(t *testing.T) {
		var d shg.Date
		for _, in := range []string{`"2018-02-30"`, `"23/08/2018"`, `"yesterday"`, `20180823`} {
			assert.Error(t, json.Unmarshal([]byte(in), &d), in)
		}
		err := json.Unmarshal([]byte(`"2018-02-30"`), &d)
		assert.ErrorIs(t, err, shg.ErrInvalidDate)
		var c shg.Calendar
		err = json.Unmarshal([]byte(`"jalali"`), &c)
		assert.ErrorIs(t, err, shg.ErrInvalidCalendar)
		_, err = json.Marshal(shg.Calendar(4))
		assert.ErrorIs(t, err, shg.ErrInvalidCalendar)
		assert.Equal(t, "Calendar(4)", shg.Calendar(4).String())
	})
	t.Run("Null", func(t *testing.T) {
		in := meeting{On: shg.MustDate(shg.Gregorian, 2024, 1, 1), Cal: shg.SolarHijri}
		require.NoError(t, json.Unmarshal([]byte(`{"on":null,"cal":null}`), &in))
		assert.Equal(t, "2024-01-01", in.On.String(), "null leaves the value")
		assert.Equal(t, shg.SolarHijri, in.Cal)
	})
	t.Run("RoundTrip", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			d := drawDate(t, "d")
			cal := drawCalendar(t)
			b, err := json.Marshal(meeting{On: d, Cal: cal})
			if err != nil {
				t.Fatal(err)
			}
			var back meeting
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if back.On != d || back.Cal != cal || !back.Next.IsZero() {
				t.Fatalf("%s decoded as %+v", b, back)
			}
		})
	})
}

func TestCalendar_String(t *testing.T) {
	assert.Equal(t, "gregorian", shg.Gregorian.String())
	assert.Equal(t, "solarHijri", shg.SolarHijri.String())
	assert.True(t, shg.SolarHijri.IsValid())
	assert.False(t, shg.Calendar(2).IsValid())
	assert.Equal(t, shg.Gregorian, shg.Calendar(0), "the zero value is Gregorian")
	var c shg.Calendar
	require.NoError(t, c.UnmarshalText([]byte("solarHijri")))
	assert.Equal(t, shg.SolarHijri, c)
	assert.True(t, errors.Is(c.UnmarshalText([]byte("SolarHijri")), shg.ErrInvalidCalendar), "names are case-sensitive")
}

func BenchmarkNewDate_SolarHijri(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := shg.NewDate(shg.SolarHijri, 1397+i%8, 1+i%12, 1+i%29); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDate_In(b *testing.B) {
	d := shg.MustDate(shg.SolarHijri, 1397, 6, 1)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		y, m, day := d.AddDays(i % 3000).In(shg.SolarHijri)
		if y == 0 || m == 0 || day == 0 {
			b.Fatal("zero")
		}
	}
}
