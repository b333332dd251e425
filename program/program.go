package program

import (
	"strconv"
	"strings"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
)

// Error codes of this package's rules. [Program.Add] and [New] return them
// in a [*shg.RuleError]; [Simulate] returns CodeScenario for a scenario it
// cannot run.
const (
	CodeConfig         = "program.config"          // the programme's configuration is incomplete or inconsistent
	CodeNilGroup       = "program.nil_group"       // Add was given no group
	CodeDuplicateGroup = "program.duplicate_group" // a group with that ID is already in the programme
	CodeCurrency       = "program.currency"        // the group's policy keeps its books in another currency
	CodeAssignment     = "program.assignment"      // the assignment lacks a county or has a negative phase
	CodeScenario       = "program.scenario"        // a scenario field is out of range
)

// Targets are what the implementing organisation committed to. A zero
// target is "none set"; progress against it is then not reported as a share.
type Targets struct {
	// Groups to form (the article's organisation: 320).
	Groups int `json:"groups"`
	// Counties to work in (the article: 5).
	Counties int `json:"counties"`
	// Members to reach; the article gives none.
	Members int `json:"members,omitempty"`
}

// Config describes a programme: a portfolio of groups run by one
// organisation in one currency.
type Config struct {
	// Name of the programme, e.g. "Kermanshah Behzisti rural women's SHG scheme".
	Name string `json:"name"`
	// Organisation is the lead (or implementing) organisation.
	Organisation string `json:"organisation,omitempty"`
	// Currency every group keeps its books in ("IRR").
	Currency string `json:"currency"`
	// Targets are the organisation's commitments.
	Targets Targets `json:"targets"`
	// IncomeThreshold is the monthly income the programme's outcome is
	// measured against (the article: 500,000 toman a month). Zero: the
	// income section reports no threshold share.
	IncomeThreshold shg.Money `json:"incomeThreshold"`
}

func (c Config) violations() []shg.Violation {
	var vs []shg.Violation
	bad := func(msg, want, got string) {
		vs = append(vs, shg.Violation{Code: CodeConfig, Message: msg, Want: want, Got: got})
	}
	if strings.TrimSpace(c.Name) == "" {
		bad("programme name is empty", "a name", `""`)
	}
	if !shg.IsCurrency(c.Currency) {
		vs = append(vs, shg.Violation{Code: CodeConfig, Message: "unknown currency", Want: "an ISO 4217 code",
			Got: strconv.Quote(c.Currency), Err: shg.ErrUnknownCurrency})
	}
	if c.Targets.Groups < 0 || c.Targets.Counties < 0 || c.Targets.Members < 0 {
		bad("targets must not be negative", ">= 0",
			strconv.Itoa(c.Targets.Groups)+" groups, "+strconv.Itoa(c.Targets.Counties)+" counties, "+strconv.Itoa(c.Targets.Members)+" members")
	}
	if t := c.IncomeThreshold; !(t.IsZero() && t.Currency() == "") {
		switch {
		case t.Currency() != c.Currency:
			vs = append(vs, shg.Violation{Code: CodeConfig, Message: "income threshold is in another currency",
				Want: c.Currency, Got: t.Currency(), Err: shg.ErrCurrencyMismatch})
		case t.IsNegative():
			bad("income threshold is negative", ">= 0", t.String())
		}
	}
	return vs
}

// Assignment is where a group sits in the programme.
type Assignment struct {
	// County the group's village lies in; required.
	County string `json:"county"`
	// Phase of the programme the group was formed in (1, 2, 3, …); 0 when
	// the programme has no phases.
	Phase int `json:"phase,omitempty"`
	// Organisation implementing the programme in the county (the article:
	// the Tolou Social Work Clinic in Sahneh); empty: the programme's own.
	Organisation string `json:"organisation,omitempty"`
	// Facilitator who accompanies the group; empty: the group charter's.
	Facilitator string `json:"facilitator,omitempty"`
}

// Entry is one group of the programme with its assignment.
type Entry struct {
	Group      *group.Group
	Assignment Assignment
}

// Program is a portfolio of groups: their counties, phases, implementing
// organisations and facilitators, the organisation's targets, and the
// reports an NGO's reporting officer needs (see [Program.Report]).
//
// A Program holds pointers to its groups: commands given to a group after
// it was added show in the next report. Like a [group.Group], a Program is
// not safe for concurrent use without a lock.
type Program struct {
	cfg     Config
	entries []Entry
	index   map[shg.GroupID]int
}

// New returns an empty programme. It refuses (with CodeConfig) a
// configuration without a name, with an unknown currency, negative targets,
// or an income threshold in another currency.
func New(c Config) (*Program, error) {
	if vs := c.violations(); len(vs) > 0 {
		return nil, shg.NewRuleError("program.New", vs...)
	}
	if c.IncomeThreshold.Currency() == "" {
		c.IncomeThreshold = shg.Zero(c.Currency)
	}
	return &Program{cfg: c, index: map[shg.GroupID]int{}}, nil
}

// Config returns the programme's configuration.
func (p *Program) Config() Config { return p.cfg }

// Add enrols group g with assignment a. It refuses, changing nothing, a nil
// group (CodeNilGroup), a group whose ID is already enrolled
// (CodeDuplicateGroup), a group whose policy keeps its books in another
// currency (CodeCurrency), and an assignment without a county or with a
// negative phase (CodeAssignment). An empty facilitator takes the charter's.
func (p *Program) Add(g *group.Group, a Assignment) error {
	const op = "program.Add"
	if g == nil {
		return shg.NewRuleError(op, shg.Violation{Code: CodeNilGroup, Message: "no group", Want: "a group", Got: "nil"})
	}
	var vs []shg.Violation
	if _, dup := p.index[g.ID()]; dup {
		vs = append(vs, shg.Violation{Code: CodeDuplicateGroup, Message: "group is already in the programme",
			Want: "a new group id", Got: string(g.ID())})
	}
	if cur := g.Policy().Currency; cur != p.cfg.Currency {
		vs = append(vs, shg.Violation{Code: CodeCurrency, Message: "group keeps its books in another currency",
			Want: p.cfg.Currency, Got: cur, Err: shg.ErrCurrencyMismatch})
	}
	a.County = strings.TrimSpace(a.County)
	if a.County == "" {
		vs = append(vs, shg.Violation{Code: CodeAssignment, Message: "county is empty", Want: "a county", Got: `""`})
	}
	if a.Phase < 0 {
		vs = append(vs, shg.Violation{Code: CodeAssignment, Message: "phase is negative", Want: ">= 0", Got: strconv.Itoa(a.Phase)})
	}
	if len(vs) > 0 {
		return shg.NewRuleError(op, vs...)
	}
	if a.Facilitator == "" {
		a.Facilitator = g.Charter().Facilitator
	}
	p.index[g.ID()] = len(p.entries)
	p.entries = append(p.entries, Entry{Group: g, Assignment: a})
	return nil
}

// Len returns the number of groups enrolled.
func (p *Program) Len() int { return len(p.entries) }

// Entries returns the groups in the order they were added. The slice is a
// copy; the groups are the programme's own (see [Program]).
func (p *Program) Entries() []Entry { return append([]Entry(nil), p.entries...) }

// Entry returns the group with the given ID and its assignment.
func (p *Program) Entry(id shg.GroupID) (Entry, bool) {
	i, ok := p.index[id]
	if !ok {
		return Entry{}, false
	}
	return p.entries[i], true
}

// LastDate returns the date of the latest event of any group: a report on
// or after it sees every group as recorded.
func (p *Program) LastDate() shg.Date {
	var d shg.Date
	for _, e := range p.entries {
		if l := e.Group.LastDate(); l.After(d) {
			d = l
		}
	}
	return d
}
