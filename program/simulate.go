package program

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/shopspring/decimal"
)

// Simulate generates a programme's history under scenario sc and returns
// the programme with every group as the simulation left it on sc.End.
//
// Every group is driven through the public [group.Group] API only, from
// its founding — preparation sessions, admissions with baseline incomes,
// formation, officers, bylaws and bank account — through regular meetings
// with attendance, savings, fines, internal loans and their repayment,
// late payments, defaults and write-offs, member exits, bank tranches
// applied for once [group.Group.TrancheChecklist] passes and disbursed
// after a queue, bank repayments, livelihoods and yearly income surveys,
// and share-outs when the policy has savings cycles.
//
// The result depends only on sc and seed: the same inputs give the same
// groups, event for event, and the same report byte for byte. Each group
// draws from its own random stream derived from seed and the group's
// position across all counties, so appending a county at the end leaves
// the others' groups unchanged (inserting one earlier, or resizing an
// earlier county, reseeds the groups after it).
//
// It returns the scenario's validation error, or an error wrapping the
// [*shg.RuleError] of a group command the simulation did not expect to be
// refused (a bug worth reporting).
func Simulate(sc Scenario, seed int64) (*Program, error) {
	if err := sc.Validate(); err != nil {
		return nil, err
	}
	cfg := sc.Program
	if cfg.Currency == "" {
		cfg.Currency = sc.Policy.Currency
	}
	prog, err := New(cfg)
	if err != nil {
		return nil, err
	}
	pol := sc.Policy.Clone()
	cal := pol.Calendar
	prefixes := map[string]bool{}
	idx := 0
	for ci, c := range sc.Counties {
		start := c.Start
		if start.IsZero() {
			start = sc.Start
		}
		months := sc.FoundingMonths
		if c.FoundingMonths > 0 {
			months = c.FoundingMonths
		}
		span := start.AddMonths(months, cal).Sub(start)
		prefix := countyPrefix(c.Name)
		if prefixes[prefix] {
			prefix += strconv.Itoa(ci + 1)
		}
		prefixes[prefix] = true
		facilitators := max(c.Facilitators, 1)
		for i := 0; i < c.Groups; i++ {
			founded := start.AddDays(span * i / c.Groups)
			idx++
			if founded.After(sc.End) {
				continue
			}
			s := &sim{
				sc: &sc, pol: pol, cal: cal, cur: pol.Currency, zero: shg.Zero(pol.Currency),
				rng:     rand.New(rand.NewPCG(splitmix(uint64(seed)), splitmix(uint64(seed)^splitmix(uint64(idx))))),
				id:      shg.GroupID(fmt.Sprintf("%s-%03d", prefix, i+1)),
				name:    fmt.Sprintf("%s group %d", c.Name, i+1),
				county:  c.Name,
				village: fmt.Sprintf("village %d, %s", i+1, c.Name),
				fac:     fmt.Sprintf("%s facilitator %d", c.Name, i%facilitators+1),
				founded: founded,
			}
			g, err := s.run()
			if err != nil {
				return nil, err
			}
			if err := prog.Add(g, Assignment{County: c.Name, Phase: c.Phase, Organisation: c.Organisation, Facilitator: s.fac}); err != nil {
				return nil, err
			}
		}
	}
	return prog, nil
}

// splitmix is SplitMix64's finaliser: it spreads nearby seeds apart.
func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// countyPrefix is up to three ASCII letters of the county's name, upper case.
func countyPrefix(name string) string {
	var b strings.Builder
	for _, r := range name {
		if b.Len() == 3 {
			break
		}
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "G"
	}
	return b.String()
}

// ppmScale is the resolution of the simulator's probabilities: parts per
// million, so that draws are integer comparisons.
const ppmScale = 1_000_000

// ppm converts a fraction to parts per million, truncating.
func ppm(d decimal.Decimal) int64 {
	// Fast path, no allocation (the simulation asks for rates at every
	// meeting): a coefficient c of at most 12 digits and exponent e give
	// c × 10^(e+6), truncated toward zero as IntPart truncates.
	if d.NumDigits() <= 12 {
		c, e := d.CoefficientInt64(), int(d.Exponent())+6
		switch {
		case e >= 0 && e <= 6:
			return c * pow10(e)
		case e < 0 && e >= -18:
			return c / pow10(-e)
		case e < -18:
			return 0
		}
	}
	return d.Shift(6).IntPart()
}

func pow10(n int) int64 {
	p := int64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// sim drives one group. It keeps a shadow of what it needs at every
// meeting (savings, cash, loan schedules) in integers of minor units, so
// that the group's costlier queries are called only on rare events.
type sim struct {
	sc   *Scenario
	pol  policy.Policy
	cal  shg.Calendar
	cur  string
	zero shg.Money // zero in cur: money builds amounts from it
	rng  *rand.Rand
	g    *group.Group

	id                         shg.GroupID
	name, county, village, fac string
	founded, formed            shg.Date

	// Per-group draws and per-meeting chances, in ppm.
	attend, comply, demand, late, dropout int64
	periodDays                            int

	unit      int64     // loan unit: the savings plan amount, minor units
	unitMoney shg.Money // the same as Money
	members   []*msim
	loans     []*lsim // active loans, internal and bank
	cash      int64   // shadow of the fund's cash
	total     int64   // shadow of the members' total savings

	nextTranche int
	checkOn     shg.Date // next day the tranche rules are looked at
	disburseOn  shg.Date // the day the bank disburses the tranche in the queue
	trancheOn   shg.Date // day the last tranche was disbursed
	tranche     []*lsim  // loans of the last tranche
	all         []*lsim  // every loan, for the final check
	present     []*msim  // buffer
	quorums     []int    // the policy's quorum by number of active members
	// Buffers hold reuses for each meeting (HoldMeeting copies what it keeps).
	meetingBuf group.Meeting
	deps       []pendingDeposit
	reps       []pendingRepayment
	newLoan    []pendingLoan
	bankReps   []group.Repayment
	bankDues   []due
	deposits   []shg.Money // deposits[k]: k shares or k units

	cycleStart shg.Date // start of the open savings cycle (share-out policies)
	surveyNo   int
}

type msim struct {
	id        shg.MemberID
	active    bool
	officer   bool
	absent    bool // absent at the last meeting held
	savings   int64
	dep       int64 // deposit at the meeting being held
	loan      *lsim // internal loan outstanding
	bank      *lsim // bank loan outstanding
	banned    bool  // stopped paying a loan: the group lends her no more
	firstBank shg.Date
	baseline  shg.Money
	after     shg.Money // income after a bank loan, once drawn
}

type lsim struct {
	id      shg.LoanID
	m       *msim
	tranche int
	due     []shg.Date
	amt     []int64
	next    int  // first installment not yet paid
	stopAt  int  // installment she stops paying at; -1 never
	stopped bool // she reached stopAt
	done    bool // closed or written off
}

func (s *sim) chance(p int64) bool { return p > 0 && s.rng.Int64N(ppmScale) < p }

// draw returns a value drawn uniformly from r, in ppm.
func (s *sim) draw(r Range) int64 {
	lo, hi := ppm(r.Min), ppm(r.Max)
	if hi <= lo {
		return lo
	}
	return lo + s.rng.Int64N(hi-lo+1)
}

func (s *sim) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + s.rng.IntN(hi-lo+1)
}

// money returns minor units of the scenario's currency. Amounts repeat
// (every member saves the plan's amount each week), and a Money is an
// immutable value, so recent ones are kept and shared.
func (s *sim) money(minor int64) shg.Money { return s.zero.WithMinor(minor) }

func minor(m shg.Money) int64 {
	n, _ := m.MinorUnits()
	return n
}

// fail wraps an unexpected refusal with the group and the date.
func (s *sim) fail(what string, on shg.Date, err error) error {
	return fmt.Errorf("program: simulate %s on %s: %s: %w", s.id, on.Format(s.cal), what, err)
}

func (s *sim) run() (*group.Group, error) {
	b := &s.sc.Behaviour
	pol := s.pol
	s.attend, s.comply = s.draw(b.Attendance), s.draw(b.SavingsCompliance)
	switch pol.Meetings.Frequency {
	case policy.Weekly:
		s.periodDays = 7
	case policy.Fortnightly:
		s.periodDays = 14
	default:
		s.periodDays = 30
	}
	s.demand = ppm(b.LoanDemand) * int64(s.periodDays) / 30
	s.dropout = ppm(b.Dropout) * int64(s.periodDays) / 365
	s.late = ppm(b.LatePayment)
	s.unitMoney = pol.Savings.Plan.Amount
	s.unit = minor(s.unitMoney)

	if err := s.form(); err != nil {
		return nil, err
	}
	if s.formed.IsZero() {
		return s.g, nil // the scenario ended during preparation
	}
	// Meetings: from a week after formation, on a day of the month that
	// every month has, so that monthly meetings and monthly installments
	// fall on the same days.
	first := s.formed.AddDays(7)
	if _, _, d := first.In(s.cal); d > 28 {
		first = first.AddDays(32 - d) // into the next month, days 1-4
	}
	s.cycleStart = first
	s.nextTranche = 1
	s.checkOn = first
	end := s.sc.End
	for k := 0; ; k++ {
		on := first.AddDays(k * s.periodDays)
		if s.periodDays == 30 {
			on = first.AddMonths(k, s.cal)
		}
		if on.After(end) {
			break
		}
		if err := s.meeting(on); err != nil {
			return nil, err
		}
	}
	if err := s.verify(); err != nil {
		return nil, err
	}
	return s.g, nil
}

// form founds the group and takes it through preparation and formation
// into Sustainability, a step a week: orientation sessions, admissions with
// baseline incomes, formation, officers, bylaws and bank account. It sets
// s.formed, the day the group entered Formation, unless the scenario ends
// first; steps after the end are not taken.
func (s *sim) form() error {
	pol, b, f := s.pol, &s.sc.Behaviour, s.founded
	g, err := group.Found(pol, group.Charter{ID: s.id, Name: s.name, Village: s.village, County: s.county, Founded: f})
	if err != nil {
		return s.fail("found", f, err)
	}
	s.g = g
	if err := g.AssignFacilitator(f, s.fac); err != nil {
		return s.fail("assign facilitator", f, err)
	}
	sessions := max(pol.Stages.Preparation.MinOrientationSessions, 1)
	n := s.between(b.GroupSize.Min, b.GroupSize.Max)
	end := s.sc.End
	for i := 1; i <= sessions; i++ {
		if f.AddDays(7 * i).After(end) {
			return nil
		}
		if err := g.RecordPreparationSession(f.AddDays(7*i), "orientation "+strconv.Itoa(i), n); err != nil {
			return s.fail("preparation session", f, err)
		}
	}
	on := f.AddDays(7*sessions + 1)
	if on.AddDays(2).After(end) {
		return nil
	}
	for i := 1; i <= n; i++ {
		m := &msim{id: shg.MemberID(fmt.Sprintf("%s-m%02d", s.id, i)), active: true}
		if err := g.Admit(on, s.profile(m.id, on)); err != nil {
			return s.fail("admit", on, err)
		}
		m.baseline = shg.Zero(s.cur)
		if !s.chance(ppm(b.BaselineZero)) {
			m.baseline = s.income(b.BaselineIncome)
		}
		if err := g.RecordIncome(on, m.id, m.baseline); err != nil {
			return s.fail("baseline income", on, err)
		}
		s.members = append(s.members, m)
	}
	if err := g.Advance(on); err != nil {
		return s.fail("advance to formation", on, err)
	}
	s.formed = on
	on = on.AddDays(2)
	o := group.Officers{Chair: s.members[0].id}
	if n > 1 {
		o.Treasurer = s.members[1].id
	}
	if n > 2 {
		o.Secretary = s.members[2].id
	}
	for i := 0; i < min(n, 3); i++ {
		s.members[i].officer = true
	}
	if err := g.ElectOfficers(on, o); err != nil {
		return s.fail("elect officers", on, err)
	}
	if err := g.AdoptBylaws(on, s.name+" bylaws"); err != nil {
		return s.fail("adopt bylaws", on, err)
	}
	if pol.Stages.Formation.BankAccount {
		bank := pol.BankLinkage.Bank
		if bank == "" {
			bank = "the group's bank"
		}
		if err := g.OpenBankAccount(on, bank, string(s.id)+"-savings"); err != nil {
			return s.fail("open bank account", on, err)
		}
	}
	if err := g.Advance(on); err != nil {
		return s.fail("advance to sustainability", on, err)
	}
	return nil
}

var (
	firstNames = [...]string{"Fatemeh", "Zahra", "Maryam", "Masoumeh", "Zeynab", "Leila", "Soghra", "Kobra", "Parvin", "Shahla",
		"Roya", "Nasrin", "Farideh", "Golnar", "Sakineh", "Tahereh", "Azam", "Marzieh", "Samira", "Shirin"}
	familyNames = [...]string{"Karimi", "Rostami", "Amiri", "Moradi", "Rahimi", "Soltani", "Azizi", "Hosseini", "Mohammadi", "Ahmadi",
		"Bahrami", "Nazari", "Kazemi", "Fattahi", "Zarei", "Veisi", "Jafari", "Heidari", "Mirzaei", "Ghasemi"}
)

// profile makes an eligible applicant: of the policy's first gender (or a
// woman, as in the source programme), of an age the policy accepts, rural.
func (s *sim) profile(id shg.MemberID, on shg.Date) member.Profile {
	m := s.pol.Membership
	gender := member.Female
	if len(m.Genders) > 0 {
		gender = m.Genders[0]
	}
	lo, hi := max(m.MinAge, 18), 60
	if m.MaxAge > 0 {
		hi = min(hi, m.MaxAge)
	}
	hi = max(hi, lo)
	age := s.between(lo, hi)
	birth := on.AddMonths(-12*age-s.rng.IntN(12), s.cal).AddDays(-s.rng.IntN(28))
	return member.Profile{
		ID:        id,
		Name:      firstNames[s.rng.IntN(len(firstNames))] + " " + familyNames[s.rng.IntN(len(familyNames))],
		BirthDate: birth,
		Gender:    gender,
		Village:   s.village,
		Rural:     true,
	}
}

// income draws an amount from r in round steps (a hundredth of the top
// of the range, to a power of ten), as people answer surveys.
func (s *sim) income(r MoneyRange) shg.Money {
	lo, hi := minor(r.Min), minor(r.Max)
	step := int64(1)
	for step*1000 <= hi {
		step *= 10
	}
	if hi <= lo {
		return s.money(lo)
	}
	n := (hi - lo) / step
	return s.money(lo + step*s.rng.Int64N(n+1))
}

func (s *sim) livelihood() member.Livelihood {
	total := 0
	for _, l := range s.sc.Behaviour.Livelihoods {
		total += l.Weight
	}
	if total == 0 {
		return member.OtherLivelihood
	}
	x := s.rng.IntN(total)
	for _, l := range s.sc.Behaviour.Livelihoods {
		if x < l.Weight {
			return l.Livelihood
		}
		x -= l.Weight
	}
	return member.OtherLivelihood
}
