package shg

// Solar Hijri (Jalali) arithmetic after Kazimierz Borkowski, "The Persian
// calendar for 3000 years" (Earth, Moon, and Planets 74, 1996), as published
// in the jalaali-js and jalaali-go libraries. The break years below are the
// years where the pattern of 33-year cycles shifts so that 1 Farvardin stays
// on the day of the March equinox at Tehran's meridian, which is how Iran's
// calendar is defined. The arithmetic 2820-year cycle is not used: it
// disagrees with the official calendar, e.g. it makes 1404 a leap year
// instead of 1403.
//
// Julian Day Numbers (JDN) are the common currency of the conversions.

var jalaaliBreaks = [...]int{
	-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210,
	1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178,
}

const (
	minSolarHijriYear = 1
	maxSolarHijriYear = 3177
)

// jalCal returns, for Solar Hijri year jy, the Gregorian year gy in which it
// starts, the day of March of 1 Farvardin, and leap: the number of years
// since the last leap year (0 means jy itself is leap). jy must be within
// [jalaaliBreaks[0], jalaaliBreaks[last]).
func jalCal(jy int) (leap, gy, march int) {
	gy = jy + 621
	leapJ := -14
	jp := jalaaliBreaks[0]
	jump := 0
	for i := 1; i < len(jalaaliBreaks); i++ {
		jm := jalaaliBreaks[i]
		jump = jm - jp
		if jy < jm {
			break
		}
		leapJ += jump/33*8 + jump%33/4
		jp = jm
	}
	n := jy - jp
	leapJ += n/33*8 + (n%33+3)/4
	if jump%33 == 4 && jump-n == 4 {
		leapJ++
	}
	leapG := gy/4 - (gy/100+1)*3/4 - 150
	march = 20 + leapJ - leapG
	if jump-n < 6 {
		n = n - jump + (jump+4)/33*33
	}
	leap = ((n+1)%33 - 1) % 4
	if leap == -1 {
		leap = 4
	}
	return leap, gy, march
}

// gregorianToJDN converts a proleptic Gregorian date to a Julian Day Number.
func gregorianToJDN(gy, gm, gd int) int {
	d := (gy+(gm-8)/6+100100)*1461/4 + (153*((gm+9)%12)+2)/5 + gd - 34840408
	return d - (gy+100100+(gm-8)/6)/100*3/4 + 752
}

// jdnToGregorian converts a Julian Day Number to a proleptic Gregorian date.
func jdnToGregorian(jdn int) (gy, gm, gd int) {
	j := 4*jdn + 139361631
	j += (4*jdn+183187720)/146097*3/4*4 - 3908
	i := j%1461/4*5 + 308
	gd = i%153/5 + 1
	gm = i/153%12 + 1
	gy = j/1461 - 100100 + (8-gm)/6
	return gy, gm, gd
}

// solarHijriToJDN converts a Solar Hijri date (already validated) to a JDN.
func solarHijriToJDN(jy, jm, jd int) int {
	_, gy, march := jalCal(jy)
	return gregorianToJDN(gy, 3, march) + (jm-1)*31 - jm/7*(jm-7) + jd - 1
}

// jdnToSolarHijri converts a JDN to a Solar Hijri date.
func jdnToSolarHijri(jdn int) (jy, jm, jd int) {
	gy, _, _ := jdnToGregorian(jdn)
	jy = gy - 621
	leap, _, march := jalCal(jy)
	k := jdn - gregorianToJDN(gy, 3, march)
	if k >= 0 {
		if k <= 185 {
			return jy, 1 + k/31, k%31 + 1
		}
		k -= 186
	} else {
		jy--
		k += 179
		if leap == 1 {
			k++
		}
	}
	return jy, 7 + k/30, k%30 + 1
}

// isSolarHijriLeap reports whether year jy has 366 days (30 Esfand).
func isSolarHijriLeap(jy int) bool {
	leap, _, _ := jalCal(jy)
	return leap == 0
}

func solarHijriMonthDays(jy, jm int) int {
	switch {
	case jm <= 6:
		return 31
	case jm <= 11:
		return 30
	case isSolarHijriLeap(jy):
		return 30
	}
	return 29
}
