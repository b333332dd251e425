package program

import (
	"slices"
	"sort"
	"strings"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/savings"
	"github.com/shopspring/decimal"
)

// ratePlaces is the precision of every rate in a [Report]: four decimals,
// hundredths of a percent, as the group package reports its own rates.
const ratePlaces = 4

// Report is a programme's figures on one date: what an NGO's reporting
// officer sends to the donor and what the source article quotes. Every
// field has a stable JSON name; amounts are [shg.Money] ({"amount","currency"}),
// rates are decimal strings from "0" to "1" with four places.
//
// A report is as of the end of its date: each group as it stood then.
// A group founded later is left out, and one with later events is rebuilt
// from its events dated on or before the report date ([group.Replay]), so
// a report for the end of a past quarter gives that quarter's figures, not
// today's. The date is also the day arrears, PAR30, maturity, tranche
// eligibility and ages are judged on. The zero Date is before every group:
// its report is empty.
type Report struct {
	// Program is the programme's name; Organisation its lead organisation.
	Program      string `json:"program"`
	Organisation string `json:"organisation,omitempty"`
	// On is the report date (ISO 8601 Gregorian in JSON); OnSolarHijri is
	// the same day as "yyyy-mm-dd" in the Solar Hijri calendar.
	On           shg.Date `json:"on"`
	OnSolarHijri string   `json:"onSolarHijri"`
	Currency     string   `json:"currency"`

	// Groups counts the groups by stage, maturity and linkage.
	Groups GroupFigures `json:"groups"`
	// Counties breaks the groups down by county, sorted by name.
	Counties []CountyRow `json:"counties"`
	// Phases breaks the groups down by programme phase, in phase order.
	Phases []PhaseRow `json:"phases"`
	// Members counts the women reached.
	Members MemberFigures `json:"members"`
	// Tranches is the bank-linkage pipeline, one row per tranche the
	// groups' policies define, in order.
	Tranches []TrancheRow `json:"tranches"`
	// Savings is what the groups' funds hold.
	Savings SavingsFigures `json:"savings"`
	// Internal is lending from the groups' own funds; Bank is bank lending
	// (the tranches).
	Internal LoanFigures `json:"internalLoans"`
	Bank     LoanFigures `json:"bankLoans"`
	// Livelihoods counts active members by the activity their loans
	// finance, in the order of [member.Livelihoods]; activities nobody
	// pursues are left out.
	Livelihoods []LivelihoodRow `json:"livelihoods"`
	// Income is the outcome measure: baseline against latest monthly income.
	Income IncomeFigures `json:"income"`
	// Progress is against the organisation's targets.
	Progress Progress `json:"progress"`
}

// StageCounts counts groups by their current stage.
type StageCounts struct {
	Preparation    int `json:"preparation"`
	Formation      int `json:"formation"`
	Sustainability int `json:"sustainability"`
	Dissolved      int `json:"dissolved"`
}

func (s *StageCounts) add(st policy.Stage) {
	switch st {
	case policy.Preparation:
		s.Preparation++
	case policy.Formation:
		s.Formation++
	case policy.Sustainability:
		s.Sustainability++
	case policy.Dissolved:
		s.Dissolved++
	}
}

// GroupFigures counts groups.
type GroupFigures struct {
	// Total is every group enrolled.
	Total int `json:"total"`
	// Formed is the groups that completed preparation: they entered the
	// Formation stage (the article's "groups formed").
	Formed int `json:"formed"`
	// ByStage counts the groups by their current stage.
	ByStage StageCounts `json:"byStage"`
	// Mature is the groups in Sustainability that pass its gate on the
	// report date ([group.Group.Mature]): ready for bank linkage.
	Mature int `json:"mature"`
	// Linked is the groups that received at least one bank tranche.
	Linked int `json:"linked"`
}

// CountyRow is one county's figures.
type CountyRow struct {
	County string `json:"county"`
	// Organisations implementing the programme in the county, sorted.
	Organisations []string     `json:"organisations,omitempty"`
	Groups        GroupFigures `json:"groups"`
	// ActiveMembers is the county's active members.
	ActiveMembers int `json:"activeMembers"`
	// Savings is the members' savings in the county's groups.
	Savings shg.Money `json:"savings"`
	// Tranches is the county's bank-linkage pipeline.
	Tranches []TrancheRow `json:"tranches"`
}

// PhaseRow is one programme phase's figures.
type PhaseRow struct {
	Phase  int `json:"phase"`
	Groups int `json:"groups"`
	Formed int `json:"formed"`
	Linked int `json:"linked"`
}

// MemberFigures counts members over all groups.
type MemberFigures struct {
	// Active members on the books now.
	Active int `json:"active"`
	// Ever is every member ever admitted: the women reached.
	Ever int `json:"ever"`
	// Exited and Deceased are former members.
	Exited   int `json:"exited"`
	Deceased int `json:"deceased"`
}

// TrancheRow is the pipeline of one bank tranche.
//
// A group is *queued* for tranche n on the report date when it has not
// received tranche n and meets every criterion of the policy's rule for
// tranche n that does not depend on the amounts asked: its
// [group.Group.TrancheChecklist] for n with no requests has no unmet
// criterion but "tranche.requests". Under the Kermanshah policy that is: in
// Sustainability and mature, at least 6 months old, tranche n−1 received
// and fully repaid. It is the article's "queued to receive it": eligible,
// waiting for the bank.
type TrancheRow struct {
	Number int `json:"number"`
	// Received is the groups that received the tranche.
	Received int `json:"received"`
	// Queued is the groups eligible for it that have not received it.
	Queued int `json:"queued"`
	// ReceivedOrQueued is Received + Queued.
	ReceivedOrQueued int `json:"receivedOrQueued"`
	// Repaid is the groups whose tranche is fully repaid: every loan of it
	// closed.
	Repaid int `json:"repaid"`
	// Loans is the bank loans of the tranche (one per borrowing member,
	// or one per group when the group borrows).
	Loans int `json:"loans"`
	// Disbursed is the principal lent; Outstanding what is still owed.
	Disbursed   shg.Money `json:"disbursed"`
	Outstanding shg.Money `json:"outstanding"`
}

// SavingsFigures is what the groups' funds hold on the books.
type SavingsFigures struct {
	// Mobilised is the members' savings balance over all groups: savings
	// mobilised and still held (withdrawals at exit and share-outs have
	// left it).
	Mobilised shg.Money `json:"mobilised"`
	// PerActiveMember is Mobilised ÷ active members, rounded half away
	// from zero to the currency's minor unit.
	PerActiveMember shg.Money `json:"perActiveMember"`
	// SocialFund is the social funds' balance.
	SocialFund shg.Money `json:"socialFund"`
	// Cash is the funds' cash, box and bank.
	Cash shg.Money `json:"cash"`
	// Corpus is the groups' own funds: assets less what they owe a bank
	// ([group.Group.Corpus]).
	Corpus shg.Money `json:"corpus"`
}

// LoanFigures is a loan portfolio on the report date.
type LoanFigures struct {
	// Loans ever made, and those active on the date.
	Loans  int `json:"loans"`
	Active int `json:"active"`
	// Disbursed is the principal ever lent; Repaid the principal repaid;
	// WrittenOff the principal given up; Outstanding the principal still
	// owed by active loans.
	Disbursed   shg.Money `json:"disbursed"`
	Repaid      shg.Money `json:"repaid"`
	WrittenOff  shg.Money `json:"writtenOff"`
	Outstanding shg.Money `json:"outstanding"`
	// Overdue is principal and charges past due on active loans.
	Overdue shg.Money `json:"overdue"`
	// AtRisk30 is the outstanding principal of loans more than 30 days
	// past due; PAR30 is AtRisk30 ÷ Outstanding (0 with nothing out).
	AtRisk30 shg.Money       `json:"atRisk30"`
	PAR30    decimal.Decimal `json:"par30"`
	// DueToDate is the scheduled principal and charge of every installment
	// due on or before the report date (less charge waived); PaidToDate is
	// what has been paid on those installments, each counted up to its
	// due amount. Late payments count once made; written-off amounts count
	// as unpaid.
	DueToDate  shg.Money `json:"dueToDate"`
	PaidToDate shg.Money `json:"paidToDate"`
	// RepaymentRate is PaidToDate ÷ DueToDate (1 when nothing has fallen
	// due): the amount-based cumulative repayment rate, which unlike
	// 1 − PAR cannot be flattered by lending more (GiveWell, "You can't
	// take the repayment rate at face value", 22 December 2009).
	RepaymentRate decimal.Decimal `json:"repaymentRate"`
}

// LivelihoodRow counts active members by livelihood.
type LivelihoodRow struct {
	Livelihood member.Livelihood `json:"livelihood"`
	Members    int               `json:"members"`
}

// IncomeFigures compares members' monthly income at baseline (their first
// observation) with the latest observation on or before the report date,
// over every member, active or not, with at least one observation by then.
type IncomeFigures struct {
	// Threshold is the programme's outcome line (the article: 500,000
	// toman a month).
	Threshold shg.Money `json:"threshold"`
	// Observed is the members with at least one observation; FollowedUp
	// those with at least two.
	Observed   int `json:"observed"`
	FollowedUp int `json:"followedUp"`
	// BaselineZero is the members whose baseline income is zero.
	BaselineZero int `json:"baselineZero"`
	// BaselineMean and LatestMean are means over the Observed members,
	// rounded half away from zero to the currency's minor unit.
	BaselineMean shg.Money `json:"baselineMean"`
	LatestMean   shg.Money `json:"latestMean"`
	// AtOrAbove is the members whose latest income is at or above the
	// threshold; AtOrAboveShare is AtOrAbove ÷ Observed. Both are 0 when
	// the programme sets no threshold.
	AtOrAbove      int             `json:"atOrAbove"`
	AtOrAboveShare decimal.Decimal `json:"atOrAboveShare"`
	// FromZero is the members with a zero baseline whose latest income is
	// at or above the threshold: the article's "from zero income to at
	// least 500,000 toman a month".
	FromZero int `json:"fromZero"`
}

// Progress is the programme against its targets.
type Progress struct {
	// Groups is groups formed against the group target.
	Groups TargetProgress `json:"groups"`
	// Counties is counties with at least one group against the county target.
	Counties TargetProgress `json:"counties"`
	// Members is members ever admitted against the member target.
	Members TargetProgress `json:"members"`
}

// TargetProgress is one figure against its target. Share is Actual ÷
// Target (0 when no target is set); it may exceed 1.
type TargetProgress struct {
	Target int             `json:"target"`
	Actual int             `json:"actual"`
	Share  decimal.Decimal `json:"share"`
}

func progress(actual, target int) TargetProgress {
	return TargetProgress{Target: target, Actual: actual, Share: ratio(actual, target)}
}

func ratio(num, den int) decimal.Decimal {
	if den <= 0 {
		return decimal.Zero
	}
	return decimal.NewFromInt(int64(num)).DivRound(decimal.NewFromInt(int64(den)), ratePlaces)
}

func moneyRatio(num, den shg.Money) decimal.Decimal {
	if !den.IsPositive() {
		return decimal.Zero
	}
	return num.Amount().DivRound(den.Amount(), ratePlaces)
}

// mean is total ÷ n rounded half away from zero to the currency's minor
// unit (zero for n = 0).
func mean(total shg.Money, n int, cur string) shg.Money {
	if n <= 0 {
		return shg.Zero(cur)
	}
	d, _ := shg.MinorDigits(cur)
	m, err := shg.NewMoney(total.Amount().DivRound(decimal.NewFromInt(int64(n)), int32(d)), cur)
	if err != nil {
		return shg.Zero(cur)
	}
	return m
}

// add adds b to *a; both are in the programme's currency by construction.
func add(a *shg.Money, b shg.Money) {
	if s, err := a.Add(b); err == nil {
		*a = s
	}
}

// groupFacts is what the report reads once from each group.
type groupFacts struct {
	entry    Entry
	stage    policy.Stage
	formed   bool
	mature   bool
	tranches []group.TrancheInfo
	repaid   []bool // repaid[i]: tranche i+1 fully repaid
	queued   int    // the tranche the group is queued for, 0 if none
	active   int
	books    savings.BalanceSheet
	// due and paid to date of the internal [0] and bank [1] loans.
	due, paid [2]shg.Money
}

// asOf returns the entry with its group as it stood at the end of day on:
// the group itself when no event of its log is later, else the replay of
// its events dated on or before on (a command's events share its date, so
// no command is cut in two). ok is false for a group founded after on.
func (e Entry) asOf(on shg.Date) (Entry, bool) {
	g := e.Group
	if !g.LastDate().After(on) {
		return e, true
	}
	evs := g.Events()
	n := sort.Search(len(evs), func(i int) bool { return evs[i].On.After(on) })
	if n == 0 {
		return Entry{}, false
	}
	h, err := group.Replay(g.Policy(), evs[:n])
	if err != nil {
		// A prefix of a group's own log replays by construction (each
		// event was applied to the state the ones before it left); should
		// that ever fail, the report reads the group as recorded.
		return e, true
	}
	e.Group = h
	return e, true
}

// Report computes the programme's figures as of the end of date on. See
// [Report] for what each figure means.
func (p *Program) Report(on shg.Date) Report {
	cur := p.cfg.Currency
	z := shg.Zero(cur)
	r := Report{
		Program: p.cfg.Name, Organisation: p.cfg.Organisation, On: on, OnSolarHijri: on.Format(shg.SolarHijri),
		Currency: cur,
		Savings:  SavingsFigures{Mobilised: z, PerActiveMember: z, SocialFund: z, Cash: z, Corpus: z},
		Internal: zeroLoans(z), Bank: zeroLoans(z),
		Income: IncomeFigures{Threshold: p.cfg.IncomeThreshold, BaselineMean: z, LatestMean: z, AtOrAboveShare: decimal.Zero},
	}
	// The groups as they stood on the day; those founded later are out,
	// and so are their tranches.
	entries := make([]Entry, 0, len(p.entries))
	maxTranches := 0
	for _, e := range p.entries {
		e, ok := e.asOf(on)
		if !ok {
			continue
		}
		entries = append(entries, e)
		if n := len(e.Group.Policy().BankLinkage.Tranches); n > maxTranches {
			maxTranches = n
		}
	}
	r.Tranches = newTrancheRows(maxTranches, z)

	counties := map[string]*CountyRow{}
	phases := map[int]*PhaseRow{}
	livelihoods := make([]int, len(member.Livelihoods())+1)
	var baseline, latest shg.Money = z, z

	for _, e := range entries {
		g := e.Group
		f := p.facts(e, on)

		// Groups, counties, phases.
		addGroup(&r.Groups, f)
		c := counties[e.Assignment.County]
		if c == nil {
			c = &CountyRow{County: e.Assignment.County, Savings: z, Tranches: newTrancheRows(maxTranches, z)}
			counties[e.Assignment.County] = c
		}
		addGroup(&c.Groups, f)
		if o := e.Assignment.Organisation; o != "" && !slices.Contains(c.Organisations, o) {
			c.Organisations = append(c.Organisations, o)
		}
		c.ActiveMembers += f.active
		add(&c.Savings, f.books.MemberSavings)
		ph := phases[e.Assignment.Phase]
		if ph == nil {
			ph = &PhaseRow{Phase: e.Assignment.Phase}
			phases[e.Assignment.Phase] = ph
		}
		ph.Groups++
		if f.formed {
			ph.Formed++
		}
		if len(f.tranches) > 0 {
			ph.Linked++
		}

		// Tranche pipeline.
		for _, rows := range [][]TrancheRow{r.Tranches, c.Tranches} {
			addTranches(rows, f)
		}

		// Savings.
		bs := f.books
		add(&r.Savings.Mobilised, bs.MemberSavings)
		add(&r.Savings.SocialFund, bs.SocialFund)
		cash, _ := bs.CashBox.Add(bs.CashBank)
		add(&r.Savings.Cash, cash)
		add(&r.Savings.Corpus, g.Corpus())

		// Loans.
		internal, bank := g.Portfolios(on)
		addPortfolio(&r.Internal, internal)
		addPortfolio(&r.Bank, bank)
		add(&r.Internal.DueToDate, f.due[0])
		add(&r.Internal.PaidToDate, f.paid[0])
		add(&r.Bank.DueToDate, f.due[1])
		add(&r.Bank.PaidToDate, f.paid[1])

		// Members, livelihoods, income.
		for _, m := range g.Members() {
			r.Members.Ever++
			switch m.Status() {
			case member.Active:
				r.Members.Active++
				if l := m.Livelihood(); int(l) < len(livelihoods) {
					livelihoods[l]++
				}
			case member.Exited:
				r.Members.Exited++
			case member.Deceased:
				r.Members.Deceased++
			}
			b, ok := m.Baseline()
			if !ok || b.On.After(on) {
				continue
			}
			l, _ := m.LatestOn(on)
			r.Income.Observed++
			if l.On != b.On {
				r.Income.FollowedUp++
			}
			add(&baseline, b.Monthly)
			add(&latest, l.Monthly)
			zero := b.Monthly.IsZero()
			if zero {
				r.Income.BaselineZero++
			}
			if t := p.cfg.IncomeThreshold; t.IsPositive() && !l.Monthly.LessThan(t) {
				r.Income.AtOrAbove++
				if zero {
					r.Income.FromZero++
				}
			}
		}
	}

	r.Savings.PerActiveMember = mean(r.Savings.Mobilised, r.Members.Active, cur)
	finishLoans(&r.Internal)
	finishLoans(&r.Bank)
	r.Income.BaselineMean = mean(baseline, r.Income.Observed, cur)
	r.Income.LatestMean = mean(latest, r.Income.Observed, cur)
	r.Income.AtOrAboveShare = ratio(r.Income.AtOrAbove, r.Income.Observed)

	for l, n := range livelihoods {
		if n > 0 {
			r.Livelihoods = append(r.Livelihoods, LivelihoodRow{Livelihood: member.Livelihood(l), Members: n})
		}
	}
	// LivelihoodNone sorts first by value; report it last, as "not recorded".
	if len(r.Livelihoods) > 0 && r.Livelihoods[0].Livelihood == member.LivelihoodNone {
		r.Livelihoods = append(r.Livelihoods[1:], r.Livelihoods[0])
	}

	r.Counties = make([]CountyRow, 0, len(counties))
	for _, c := range counties {
		slices.Sort(c.Organisations)
		r.Counties = append(r.Counties, *c)
	}
	slices.SortFunc(r.Counties, func(a, b CountyRow) int { return strings.Compare(a.County, b.County) })
	r.Phases = make([]PhaseRow, 0, len(phases))
	for _, ph := range phases {
		r.Phases = append(r.Phases, *ph)
	}
	slices.SortFunc(r.Phases, func(a, b PhaseRow) int { return a.Phase - b.Phase })

	r.Progress = Progress{
		Groups:   progress(r.Groups.Formed, p.cfg.Targets.Groups),
		Counties: progress(len(r.Counties), p.cfg.Targets.Counties),
		Members:  progress(r.Members.Ever, p.cfg.Targets.Members),
	}
	return r
}

func zeroLoans(z shg.Money) LoanFigures {
	return LoanFigures{Disbursed: z, Repaid: z, WrittenOff: z, Outstanding: z, Overdue: z, AtRisk30: z,
		PAR30: decimal.Zero, DueToDate: z, PaidToDate: z, RepaymentRate: decimal.NewFromInt(1)}
}

func newTrancheRows(n int, z shg.Money) []TrancheRow {
	rows := make([]TrancheRow, n)
	for i := range rows {
		rows[i] = TrancheRow{Number: i + 1, Disbursed: z, Outstanding: z}
	}
	return rows
}

// facts reads what the report needs from one group, calling each of the
// group's costlier queries once.
func (p *Program) facts(e Entry, on shg.Date) groupFacts {
	g := e.Group
	f := groupFacts{entry: e, stage: g.Stage(), active: g.ActiveMembers(), tranches: g.Tranches()}
	_, f.formed = g.StageEntered(policy.Formation)
	f.mature = g.Mature(on)
	f.books = g.Fund().BalanceSheet()
	cur := p.cfg.Currency
	f.due, f.paid = [2]shg.Money{shg.Zero(cur), shg.Zero(cur)}, [2]shg.Money{shg.Zero(cur), shg.Zero(cur)}
	status := map[shg.LoanID]loan.Status{}
	for _, l := range g.Loans() {
		k := 0
		if l.IsBank() {
			k = 1
			status[l.ID] = l.Account.Status()
		}
		due, paid := dueAndPaid(l.Account, on)
		add(&f.due[k], due)
		add(&f.paid[k], paid)
	}
	f.repaid = make([]bool, len(f.tranches))
	for i, t := range f.tranches {
		f.repaid[i] = t.Outstanding.IsZero()
		for _, id := range t.Loans {
			f.repaid[i] = f.repaid[i] && status[id] == loan.Closed
		}
	}
	f.queued = queuedFor(g, f, on)
	return f
}

// queuedFor returns the tranche the group is queued for on date on (see
// [TrancheRow]), or 0. The cheap tests first mirror criteria of the
// tranche checklist (stage, maturity, age, previous tranche repaid), so
// that the checklist itself is evaluated only for groups that may pass.
func queuedFor(g *group.Group, f groupFacts, on shg.Date) int {
	if f.stage != policy.Sustainability {
		return 0
	}
	next := len(f.tranches) + 1
	rule, ok := g.Policy().Tranche(next)
	switch {
	case !ok,
		rule.RequireMature && !f.mature,
		g.AgeMonths(on) < rule.MinGroupAgeMonths,
		next > 1 && rule.PreviousRepaid.IsPositive() && f.tranches[next-2].Repaid.LessThan(rule.PreviousRepaid):
		return 0
	}
	if queued(g.TrancheChecklist(on, next, nil)) {
		return next
	}
	return 0
}

// queued reports whether a tranche checklist without requests fails only
// for want of requests.
func queued(c policy.Checklist) bool {
	for _, x := range c.Unmet() {
		if x.Code != policy.CodeTrancheRequests {
			return false
		}
	}
	return true
}

func addGroup(gf *GroupFigures, f groupFacts) {
	gf.Total++
	gf.ByStage.add(f.stage)
	if f.formed {
		gf.Formed++
	}
	if f.mature {
		gf.Mature++
	}
	if len(f.tranches) > 0 {
		gf.Linked++
	}
}

func addTranches(rows []TrancheRow, f groupFacts) {
	for i, t := range f.tranches {
		if i >= len(rows) {
			break
		}
		row := &rows[i]
		row.Received++
		row.ReceivedOrQueued++
		if f.repaid[i] {
			row.Repaid++
		}
		row.Loans += len(t.Loans)
		add(&row.Disbursed, t.Disbursed)
		add(&row.Outstanding, t.Outstanding)
	}
	if n := f.queued; n > 0 && n <= len(rows) {
		rows[n-1].Queued++
		rows[n-1].ReceivedOrQueued++
	}
}

func addPortfolio(lf *LoanFigures, pf group.Portfolio) {
	lf.Loans += pf.Loans
	lf.Active += pf.Active
	add(&lf.Disbursed, pf.Disbursed)
	add(&lf.Repaid, pf.Repaid)
	add(&lf.WrittenOff, pf.WrittenOff)
	add(&lf.Outstanding, pf.Outstanding)
	add(&lf.Overdue, pf.Overdue)
	add(&lf.AtRisk30, pf.AtRisk30)
}

func finishLoans(lf *LoanFigures) {
	lf.PAR30 = moneyRatio(lf.AtRisk30, lf.Outstanding)
	if lf.DueToDate.IsPositive() {
		lf.RepaymentRate = moneyRatio(lf.PaidToDate, lf.DueToDate)
	}
}

// dueAndPaid sums, over the installments of a due on or before on, the
// scheduled principal and charge less what was waived, and what was paid
// on them up to that amount. It adds in int64 minor units while every
// amount fits, and in decimals otherwise.
func dueAndPaid(a loan.Account, on shg.Date) (due, paid shg.Money) {
	cur := a.Currency()
	digits, _ := shg.MinorDigits(cur)
	lines := a.Installments()
	var d, p int64
	fast := true
	for i := range lines {
		l := &lines[i]
		if l.Due.After(on) {
			break
		}
		t, ok1 := units(l.Total, digits)
		w, ok2 := units(l.Waived, digits)
		pp, ok3 := units(l.PaidPrincipal, digits)
		pi, ok4 := units(l.PaidInterest, digits)
		pf, ok5 := units(l.PaidFee, digits)
		if !(ok1 && ok2 && ok3 && ok4 && ok5) || d > 1<<60 || p > 1<<60 {
			fast = false
			break
		}
		d += t - w
		p += min(pp+pi+pf, t-w)
	}
	if fast {
		due, _ = shg.FromMinor(d, cur)
		paid, _ = shg.FromMinor(p, cur)
		return due, paid
	}
	dd, pd := decimal.Zero, decimal.Zero
	for _, l := range lines {
		if l.Due.After(on) {
			break
		}
		ld := l.Total.Amount().Sub(l.Waived.Amount())
		lp := l.PaidPrincipal.Amount().Add(l.PaidInterest.Amount()).Add(l.PaidFee.Amount())
		dd = dd.Add(ld)
		pd = pd.Add(decimal.Min(lp, ld))
	}
	due, _ = shg.NewMoney(dd, cur)
	paid, _ = shg.NewMoney(pd, cur)
	return due, paid
}

// units returns m in minor units of a currency with digits decimals when
// that is exact and well inside an int64.
func units(m shg.Money, digits int32) (int64, bool) {
	a := m.Amount()
	e := a.Exponent() + digits
	if e < 0 || e > 6 || a.NumDigits()+int(e) > 15 {
		return 0, false
	}
	c := a.CoefficientInt64()
	for ; e > 0; e-- {
		c *= 10
	}
	return c, true
}
