package shg_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/khodyar/shg"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"1397-06-01", "1397/06/01", "۱۳۹۷/۰۶/۰۱", "١٣٩٧-٠٦-٠١", "1403-12-30", "1402-12-30",
		"2018-08-23", "2024-02-29", "2023-02-29", "0622-03-22", "3177-12-29", "1-1-1",
		"", "garbage", "1397-13-01", "1397-06-00", "99999-1-1", "1397//01", " 1397-06-01 ",
	} {
		f.Add(uint8(shg.SolarHijri), s)
		f.Add(uint8(shg.Gregorian), s)
	}
	f.Fuzz(func(t *testing.T, c uint8, s string) {
		cal := shg.Calendar(c % 3) // 2 is not a calendar: it must be refused
		d, err := shg.ParseDate(cal, s)
		if err != nil {
			if !errors.Is(err, shg.ErrInvalidDate) {
				t.Fatalf("ParseDate(%v, %q): error %v does not match ErrInvalidDate", cal, s, err)
			}
			if !d.IsZero() {
				t.Fatalf("ParseDate(%v, %q) failed but returned %v", cal, s, d)
			}
			return
		}
		if d.IsZero() || !cal.IsValid() {
			t.Fatalf("ParseDate(%v, %q) = %v, nil", cal, s, d)
		}
		out := d.Format(cal)
		back, err := shg.ParseDate(cal, out)
		if err != nil || back != d {
			t.Fatalf("ParseDate(%v, %q) = %v; Format gives %q, which parses to %v, %v", cal, s, d, out, back, err)
		}
		if g, err := shg.ParseDate(shg.Gregorian, d.String()); err != nil || g != d {
			t.Fatalf("%q: String %q parses to %v, %v", s, d.String(), g, err)
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{
		"2500000 IRR", "-12.50 INR", "+5 KES", "0.001 IQD", "۲۵۰۰۰۰۰ IRR", "١٢٫٥ USD",
		"", "IRR", "1e6 IRR", "2,500,000 IRR", "5 XYZ", ".5 USD", "5. USD", "-0 UGX",
		"00000000000000000000000000000000000000000000000000000000000000001 IRR",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := shg.ParseMoney(s)
		if err != nil {
			if !errors.Is(err, shg.ErrInvalidMoney) && !errors.Is(err, shg.ErrUnknownCurrency) {
				t.Fatalf("ParseMoney(%q): unexpected error %v", s, err)
			}
			return
		}
		back, err := shg.ParseMoney(m.String())
		if err != nil || !back.Equal(m) || back.Currency() != m.Currency() {
			t.Fatalf("ParseMoney(%q) = %v; String %q parses to %v, %v", s, m, m.String(), back, err)
		}
		// Formatting never panics and always names something.
		if m.Format() == "" || m.FormatToman() == "" || m.FormatPersian(true) == "" {
			t.Fatalf("%v formats to an empty string", m)
		}
	})
}

func FuzzMoneyJSON(f *testing.F) {
	for _, s := range []string{
		`{"amount":"25000000","currency":"IRR"}`, `{"amount":"-12.5","currency":"INR"}`,
		`{"amount":"0","currency":""}`, `{"amount":"5","currency":""}`, `null`, `{}`,
		`{"amount":25,"currency":"IRR"}`, `{"amount":"1e9","currency":"IRR"}`, `[]`, `"5 IRR"`,
		`{"amount":"۱۲","currency":"IRR","extra":true}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var m shg.Money
		if err := json.Unmarshal(b, &m); err != nil {
			return
		}
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("%s decoded to %v, which does not encode: %v", b, m, err)
		}
		var back shg.Money
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("%s -> %v -> %s does not decode: %v", b, m, out, err)
		}
		if !back.Equal(m) || back.Currency() != m.Currency() {
			t.Fatalf("%s -> %v -> %s -> %v", b, m, out, back)
		}
	})
}

func FuzzDateJSON(f *testing.F) {
	for _, s := range []string{
		`"2018-08-23"`, `""`, `null`, `"2018-02-30"`, `"2018/8/23"`, `"۲۰۱۸-۰۸-۲۳"`, `20180823`,
		`"0622-03-22"`, `"0622-03-21"`, `{}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var d shg.Date
		if err := json.Unmarshal(b, &d); err != nil {
			return
		}
		out, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("%s decoded to %v, which does not encode: %v", b, d, err)
		}
		var back shg.Date
		if err := json.Unmarshal(out, &back); err != nil || back != d {
			t.Fatalf("%s -> %v -> %s -> %v, %v", b, d, out, back, err)
		}
	})
}
