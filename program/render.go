package program

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/shopspring/decimal"
)

// Language selects the language of a rendered report.
type Language uint8

const (
	// English is the zero value: ASCII digits with comma grouping, dates in
	// the Solar Hijri calendar with the Gregorian day beside them, amounts
	// in toman for IRR.
	English Language = iota
	// Persian: Persian digits and separators, Solar Hijri dates, amounts
	// in toman (تومان) for IRR, the Persian words of the source article.
	Persian
)

// String returns "en" or "fa".
func (l Language) String() string {
	switch l {
	case English:
		return "en"
	case Persian:
		return "fa"
	}
	return "Language(" + strconv.Itoa(int(l)) + ")"
}

// ParseLanguage parses "en" or "fa" (also "english", "persian", "farsi",
// any case).
func ParseLanguage(s string) (Language, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "en", "english":
		return English, nil
	case "fa", "persian", "farsi":
		return Persian, nil
	}
	return 0, fmt.Errorf("program: unknown language %q: want en or fa", s)
}

// Text renders the report as plain text, one figure a line, in lang. The
// layout is for people and may change; use JSON for machines.
func (r Report) Text(lang Language) string {
	w := &textWriter{fa: lang == Persian}
	w.render(r)
	return w.b.String()
}

type textWriter struct {
	b  strings.Builder
	fa bool
}

// pick returns the English or the Persian text.
func (w *textWriter) pick(en, fa string) string {
	if w.fa {
		return fa
	}
	return en
}

func (w *textWriter) title(s string) {
	w.b.WriteString(s)
	w.b.WriteByte('\n')
}

// line writes "label: value" indented by level.
func (w *textWriter) line(level int, label, value string) {
	w.b.WriteString(strings.Repeat("  ", level))
	w.b.WriteString(label)
	if value != "" {
		w.b.WriteString(": ")
		w.b.WriteString(value)
	}
	w.b.WriteByte('\n')
}

func (w *textWriter) num(n int) string {
	if w.fa {
		return shg.ToPersianDigits(groupDigits(strconv.Itoa(n), "٬"))
	}
	return groupDigits(strconv.Itoa(n), ",")
}

// count renders n with its noun: "1 group", "2 groups"; in Persian the
// noun stays singular after a number: "۲ گروه".
func (w *textWriter) count(n int, one, many, fa string) string {
	switch {
	case w.fa:
		return w.num(n) + " " + fa
	case n == 1:
		return w.num(n) + " " + one
	}
	return w.num(n) + " " + many
}

// groupDigits inserts sep every three digits of a plain integer.
func groupDigits(s, sep string) string {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// money renders an amount for people: IRR in whole toman, other
// currencies in their minor unit, each rounded half to even (the JSON form
// keeps every rial).
func (w *textWriter) money(m shg.Money) string {
	unit := decimal.Zero
	if m.Currency() == shg.IRR {
		unit = decimal.NewFromInt(10)
	}
	m = m.Round(shg.Rounding{Mode: shg.HalfEven, Unit: unit})
	if units, ok := m.MinorUnits(); ok {
		if c, err := shg.FromMinor(units, m.Currency()); err == nil {
			m = c // the currency's own number of decimals, not the computation's
		}
	}
	if w.fa {
		return m.FormatPersian(true)
	}
	return m.FormatToman()
}

// pct renders a 0–1 rate as a percentage with one decimal.
func (w *textWriter) pct(d decimal.Decimal) string {
	s := d.Shift(2).StringFixed(1)
	if w.fa {
		return shg.ToPersianDigits(strings.Replace(s, ".", "٫", 1)) + "٪"
	}
	return s + "%"
}

func (w *textWriter) date(d shg.Date) string {
	if w.fa {
		return d.FormatPersian()
	}
	if d.IsZero() {
		return ""
	}
	y, m, day := d.In(shg.SolarHijri)
	return fmt.Sprintf("%d %s %d SH (%s)", day, shg.MonthName(shg.SolarHijri, m, false), y, d.Format(shg.Gregorian))
}

// join joins the parts with the language's list separator.
func (w *textWriter) join(parts []string) string {
	return strings.Join(parts, w.pick(", ", "، "))
}

func (w *textWriter) stage(s policy.Stage) string {
	if w.fa {
		return s.Persian()
	}
	return s.String()
}

func (w *textWriter) livelihood(l member.Livelihood) string {
	if w.fa {
		return l.Persian()
	}
	if l == member.LivelihoodNone {
		return "not recorded"
	}
	return words(l.String())
}

// words turns a lowerCamel name into lower-case words: "leatherWork" is
// "leather work".
func words(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte(' ')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// target renders "70 of 320 targeted (21.9%)", or just the figure when no
// target is set.
func (w *textWriter) target(t TargetProgress, noun, nounFa string) string {
	if t.Target <= 0 {
		return w.num(t.Actual)
	}
	return w.pick(
		fmt.Sprintf("%s of %s %s targeted (%s)", w.num(t.Actual), w.num(t.Target), noun, w.pct(t.Share)),
		fmt.Sprintf("%s از %s %s هدف (%s)", w.num(t.Actual), w.num(t.Target), nounFa, w.pct(t.Share)))
}

func (w *textWriter) render(r Report) {
	w.title(r.Program + w.pick(" — programme report", " — گزارش برنامه"))
	if r.Organisation != "" {
		w.line(0, w.pick("Organisation", "سازمان مجری"), r.Organisation)
	}
	w.line(0, w.pick("Date", "تاریخ گزارش"), w.date(r.On))
	w.b.WriteByte('\n')

	w.groups(r)
	w.b.WriteByte('\n')
	w.line(0, w.pick("Members reached", "اعضای تحت پوشش"), w.pick(
		fmt.Sprintf("%s active, %s ever (%s exited, %s deceased)", w.num(r.Members.Active), w.num(r.Members.Ever), w.num(r.Members.Exited), w.num(r.Members.Deceased)),
		fmt.Sprintf("%s عضو فعال، %s عضو در کل (%s خارج‌شده، %s فوت‌شده)", w.num(r.Members.Active), w.num(r.Members.Ever), w.num(r.Members.Exited), w.num(r.Members.Deceased))))
	if r.Progress.Members.Target > 0 {
		w.line(1, w.pick("against target", "نسبت به هدف"), w.target(r.Progress.Members, "members", "عضو"))
	}
	w.b.WriteByte('\n')

	w.line(0, w.pick("Bank tranches (groups)", "تسهیلات بانکی (گروه‌ها)"), "")
	for _, t := range r.Tranches {
		w.tranche(1, t)
	}
	w.b.WriteByte('\n')

	w.line(0, w.pick("Savings", "پس‌انداز"), "")
	w.line(1, w.pick("mobilised", "پس‌انداز اعضا"), w.money(r.Savings.Mobilised))
	w.line(1, w.pick("per active member", "سرانه‌ی هر عضو فعال"), w.money(r.Savings.PerActiveMember))
	w.line(1, w.pick("social fund", "صندوق اجتماعی"), w.money(r.Savings.SocialFund))
	w.line(1, w.pick("cash", "نقدینگی"), w.money(r.Savings.Cash))
	w.line(1, w.pick("corpus", "سرمایه‌ی خود گروه‌ها"), w.money(r.Savings.Corpus))
	w.b.WriteByte('\n')

	w.loans(w.pick("Internal loans", "تسهیلات درون‌گروهی"), r.Internal)
	w.loans(w.pick("Bank loans", "تسهیلات بانکی"), r.Bank)
	w.b.WriteByte('\n')

	var ls []string
	for _, l := range r.Livelihoods {
		ls = append(ls, w.livelihood(l.Livelihood)+" "+w.num(l.Members))
	}
	w.line(0, w.pick("Livelihoods (active members)", "اشتغال (اعضای فعال)"), w.join(ls))
	w.b.WriteByte('\n')

	w.income(r.Income)
}

func (w *textWriter) groups(r Report) {
	g := r.Groups
	w.line(0, w.pick("Groups", "گروه‌های خودیار"), "")
	w.line(1, w.pick("enrolled", "ثبت‌شده"), w.num(g.Total))
	w.line(1, w.pick("formed", "تشکیل‌شده"), w.target(r.Progress.Groups, "groups", "گروه"))
	w.line(1, w.pick("by stage", "بر پایه‌ی مرحله"), w.stages(g.ByStage))
	w.line(1, w.pick("mature (ready for the bank)", "پایدار و آماده‌ی دریافت تسهیلات بانکی"), w.num(g.Mature))
	w.line(1, w.pick("linked to the bank", "دارای تسهیلات بانکی"), w.num(g.Linked))
	w.line(0, w.pick("Counties", "شهرستان‌ها"), w.target(r.Progress.Counties, "counties", "شهرستان"))
	for _, c := range r.Counties {
		name := c.County
		if len(c.Organisations) > 0 {
			name += " (" + w.join(c.Organisations) + ")"
		}
		parts := []string{
			w.count(c.Groups.Total, "group", "groups", "گروه"),
			w.count(c.ActiveMembers, "active member", "active members", "عضو فعال"),
			w.pick("savings ", "پس‌انداز ") + w.money(c.Savings),
		}
		for _, t := range c.Tranches {
			parts = append(parts, w.pick(
				fmt.Sprintf("tranche %d received or queued %s", t.Number, w.num(t.ReceivedOrQueued)),
				fmt.Sprintf("تسهیلات %s دریافت‌شده یا در نوبت %s", w.ordinal(t.Number), w.num(t.ReceivedOrQueued))))
		}
		w.line(1, name, w.join(parts))
	}
	if len(r.Phases) > 1 || (len(r.Phases) == 1 && r.Phases[0].Phase > 0) {
		w.line(0, w.pick("Phases", "فازها"), "")
		for _, ph := range r.Phases {
			w.line(1, w.pick("phase "+w.num(ph.Phase), "فاز "+w.num(ph.Phase)), w.pick(
				fmt.Sprintf("%s, %s formed, %s linked to the bank", w.count(ph.Groups, "group", "groups", ""), w.num(ph.Formed), w.num(ph.Linked)),
				fmt.Sprintf("%s گروه، %s تشکیل‌شده، %s دارای تسهیلات بانکی", w.num(ph.Groups), w.num(ph.Formed), w.num(ph.Linked))))
		}
	}
}

// ordinal renders a tranche number in Persian as the article does
// ("اول", "دوم", "سوم"); in English as the number.
func (w *textWriter) ordinal(n int) string {
	if !w.fa {
		return strconv.Itoa(n)
	}
	switch n {
	case 1:
		return "اول"
	case 2:
		return "دوم"
	case 3:
		return "سوم"
	}
	return "نوبت " + w.num(n)
}

func (w *textWriter) stages(s StageCounts) string {
	return w.join([]string{
		w.stage(policy.Preparation) + " " + w.num(s.Preparation),
		w.stage(policy.Formation) + " " + w.num(s.Formation),
		w.stage(policy.Sustainability) + " " + w.num(s.Sustainability),
		w.stage(policy.Dissolved) + " " + w.num(s.Dissolved),
	})
}

func (w *textWriter) tranche(level int, t TrancheRow) {
	w.line(level, w.pick("tranche "+w.num(t.Number), "تسهیلات "+w.ordinal(t.Number)), w.pick(
		fmt.Sprintf("%s received, %s queued, %s received or queued, %s repaid; %s, %s disbursed, %s outstanding",
			w.num(t.Received), w.num(t.Queued), w.num(t.ReceivedOrQueued), w.num(t.Repaid),
			w.count(t.Loans, "loan", "loans", ""), w.money(t.Disbursed), w.money(t.Outstanding)),
		fmt.Sprintf("%s گروه دریافت کرده، %s گروه در نوبت، %s دریافت‌شده یا در نوبت، %s تسویه‌شده؛ %s وام، %s پرداخت‌شده، %s مانده",
			w.num(t.Received), w.num(t.Queued), w.num(t.ReceivedOrQueued), w.num(t.Repaid),
			w.num(t.Loans), w.money(t.Disbursed), w.money(t.Outstanding))))
}

func (w *textWriter) loans(title string, l LoanFigures) {
	w.line(0, title, w.pick(
		fmt.Sprintf("%s (%s active)", w.count(l.Loans, "loan", "loans", ""), w.num(l.Active)),
		fmt.Sprintf("%s وام (%s فعال)", w.num(l.Loans), w.num(l.Active))))
	w.line(1, w.pick("disbursed", "پرداخت‌شده"), w.money(l.Disbursed))
	w.line(1, w.pick("repaid", "بازپرداخت‌شده"), w.money(l.Repaid))
	w.line(1, w.pick("outstanding", "مانده"), w.money(l.Outstanding))
	w.line(1, w.pick("written off", "سوخت‌شده"), w.money(l.WrittenOff))
	w.line(1, w.pick("repayment rate", "نرخ بازپرداخت"), w.pct(l.RepaymentRate))
	w.line(1, w.pick("PAR30", "پرتفوی در معرض خطر بیش از ۳۰ روز (PAR30)"), w.pct(l.PAR30))
}

func (w *textWriter) income(in IncomeFigures) {
	w.line(0, w.pick("Monthly income", "درآمد ماهیانه"), "")
	w.line(1, w.pick("members observed", "اعضای بررسی‌شده"), w.pick(
		fmt.Sprintf("%s (%s followed up); %s with no income at baseline", w.num(in.Observed), w.num(in.FollowedUp), w.num(in.BaselineZero)),
		fmt.Sprintf("%s نفر (%s نفر با پیگیری)؛ %s نفر بدون درآمد در آغاز", w.num(in.Observed), w.num(in.FollowedUp), w.num(in.BaselineZero))))
	w.line(1, w.pick("mean at baseline", "میانگین در آغاز"), w.money(in.BaselineMean))
	w.line(1, w.pick("mean, latest", "میانگین، آخرین بررسی"), w.money(in.LatestMean))
	if in.Threshold.IsPositive() {
		w.line(1, w.pick("at or above "+w.money(in.Threshold), "دست‌کم "+w.money(in.Threshold)),
			w.pick(fmt.Sprintf("%s (%s)", w.num(in.AtOrAbove), w.pct(in.AtOrAboveShare)),
				fmt.Sprintf("%s نفر (%s)", w.num(in.AtOrAbove), w.pct(in.AtOrAboveShare))))
		w.line(1, w.pick("from zero to at least "+w.money(in.Threshold), "از درآمد صفر به دست‌کم "+w.money(in.Threshold)),
			w.pick(w.num(in.FromZero), w.num(in.FromZero)+" نفر"))
	}
}
