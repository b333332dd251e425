package program_test

import (
	"strings"
	"testing"

	"github.com/khodyar/shg/program"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The lines below restate figures of TestReport_handBuilt as text: 2 of
// 320 groups is 0.625%, shown to one decimal; the bank's PAR30 of 0.6098 is
// 61.0%; 55,000,000 rials are 5,500,000 toman.
func TestReport_Text_english(t *testing.T) {
	txt := handBuilt(t).Report(reportOn).Text(program.English)
	for _, line := range []string{
		"Kermanshah test programme — programme report",
		"Organisation: Behzisti Kermanshah",
		"Date: 15 Ordibehesht 1398 SH (2019-05-05)",
		"  formed: 2 of 320 groups targeted (0.6%)",
		"  by stage: preparation 1, formation 0, sustainability 2, dissolved 0",
		"Counties: 2 of 5 counties targeted (40.0%)",
		"  Harsin (Harsin Women's Association): 1 group, 15 active members, savings 12,000,000 toman, " +
			"tranche 1 received or queued 1, tranche 2 received or queued 1, tranche 3 received or queued 0",
		"  phase 2: 1 group, 1 formed, 1 linked to the bank",
		"Members reached: 34 active, 35 ever (1 exited, 0 deceased)",
		"  tranche 1: 2 received, 0 queued, 2 received or queued, 1 repaid; 3 loans, 5,500,000 toman disbursed, 4,100,000 toman outstanding",
		"  tranche 2: 0 received, 1 queued, 1 received or queued, 0 repaid; 0 loans, 0 toman disbursed, 0 toman outstanding",
		"  mobilised: 23,200,000 toman",
		"  per active member: 682,353 toman",
		"Internal loans: 4 loans (2 active)",
		"  PAR30: 33.3%",
		"Bank loans: 3 loans (2 active)",
		"  PAR30: 61.0%",
		"Livelihoods (active members): beekeeping 1, poultry 1, handicrafts 1, not recorded 31",
		"  members observed: 30 (4 followed up); 25 with no income at baseline",
		"  at or above 500,000 toman: 3 (10.0%)",
		"  from zero to at least 500,000 toman: 2",
	} {
		assert.Contains(t, txt, line+"\n")
	}
}

func TestReport_Text_persian(t *testing.T) {
	txt := handBuilt(t).Report(reportOn).Text(program.Persian)
	for _, line := range []string{
		"تاریخ گزارش: ۱۵ اردیبهشت ۱۳۹۸",
		"  تشکیل‌شده: ۲ از ۳۲۰ گروه هدف (۰٫۶٪)",
		"  بر پایه‌ی مرحله: زمینه‌سازی ۱، تشکیل ۰، پایداری ۲، منحل ۰",
		"شهرستان‌ها: ۲ از ۵ شهرستان هدف (۴۰٫۰٪)",
		"اعضای تحت پوشش: ۳۴ عضو فعال، ۳۵ عضو در کل (۱ خارج‌شده، ۰ فوت‌شده)",
		"  تسهیلات اول: ۲ گروه دریافت کرده، ۰ گروه در نوبت، ۲ دریافت‌شده یا در نوبت، ۱ تسویه‌شده؛ ۳ وام، ۵٬۵۰۰٬۰۰۰ تومان پرداخت‌شده، ۴٬۱۰۰٬۰۰۰ تومان مانده",
		"  تسهیلات دوم: ۰ گروه دریافت کرده، ۱ گروه در نوبت، ۱ دریافت‌شده یا در نوبت، ۰ تسویه‌شده؛ ۰ وام، ۰ تومان پرداخت‌شده، ۰ تومان مانده",
		"  پرتفوی در معرض خطر بیش از ۳۰ روز (PAR30): ۶۱٫۰٪",
		"اشتغال (اعضای فعال): زنبورداری ۱، مرغداری ۱، صنایع دستی ۱، ثبت‌نشده ۳۱",
		"  دست‌کم ۵۰۰٬۰۰۰ تومان: ۳ نفر (۱۰٫۰٪)",
	} {
		assert.Contains(t, txt, line+"\n")
	}
	// Apart from "PAR30" and the names the data gives (counties,
	// organisations, the programme), every digit is Persian.
	for _, l := range strings.Split(txt, "\n") {
		l = strings.ReplaceAll(l, "PAR30", "")
		assert.False(t, strings.ContainsAny(l, "0123456789"), "ASCII digit in %q", l)
	}
}

func TestParseLanguage(t *testing.T) {
	for in, want := range map[string]program.Language{"en": program.English, " EN ": program.English, "english": program.English,
		"fa": program.Persian, "Persian": program.Persian, "farsi": program.Persian} {
		got, err := program.ParseLanguage(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "de", "fa-IR", "پارسی"} {
		_, err := program.ParseLanguage(in)
		assert.Error(t, err, in)
	}
	assert.Equal(t, "en", program.English.String())
	assert.Equal(t, "fa", program.Persian.String())
	assert.Equal(t, "Language(7)", program.Language(7).String())
}

func FuzzParseLanguage(f *testing.F) {
	for _, s := range []string{"en", "fa", "persian", "", "xx", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := program.ParseLanguage(s)
		if err != nil {
			return
		}
		back, err := program.ParseLanguage(l.String())
		if err != nil || back != l {
			t.Fatalf("%q parsed as %v, which does not parse back", s, l)
		}
	})
}
