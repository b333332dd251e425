package savings

import (
	"math"
	"math/bits"
	"sort"
	"strconv"
	"strings"

	"github.com/khodyar/shg"
	"github.com/shopspring/decimal"
)

// ShareOutOptions configure a share-out.
type ShareOutOptions struct {
	// Basis divides the pool: by savings, by shares, or by savings × time.
	Basis ShareOutBasis `json:"basis"`
	// IncludeSocialFund shares the social fund out too. By default it is
	// kept for the next cycle, as VSLAs do (vsla.net methodology: the
	// social fund "is not distributed back to the members at the end of
	// the annual cycle, but remains a group asset").
	IncludeSocialFund bool `json:"includeSocialFund,omitempty"`
}

// Payout is one member's part of a share-out.
type Payout struct {
	Member shg.MemberID
	// Savings and Shares are hers at the share-out.
	Savings shg.Money
	Shares  int
	// Weight is what she is paid in proportion to: her savings, her shares,
	// or her member-days (money × days held) under [BySavingsTime].
	Weight decimal.Decimal
	// Amount is the cash paid to her.
	Amount shg.Money
}

// Profit returns Amount − Savings: her share of the earnings (negative
// when the cycle lost money).
func (p Payout) Profit() shg.Money {
	d, _ := p.Amount.Sub(p.Savings)
	return d
}

// Distribution is a share-out: the pool and how it is divided.
type Distribution struct {
	Date  shg.Date
	Cycle int
	Basis ShareOutBasis
	// Savings is all members' savings.
	Savings shg.Money
	// Earnings is the cycle's income − write-offs − interest expense, plus
	// retained earnings of earlier cycles (normally none).
	Earnings shg.Money
	// SocialFund is the social fund shared out (zero when it is kept).
	SocialFund shg.Money
	// SocialFundKept is the social fund left in the books for the next cycle.
	SocialFundKept shg.Money
	// Pool is Savings + Earnings + SocialFund: the cash paid out.
	Pool shg.Money
	// Payouts lists every member with savings, shares or weight, by ID.
	// Their amounts sum exactly to Pool.
	Payouts []Payout
}

// PlanShareOut computes the share-out [Fund.ShareOut] would make on at,
// without posting anything. It refuses exactly what ShareOut refuses.
func (f Fund) PlanShareOut(at Entry, opt ShareOutOptions) (Distribution, error) {
	return f.planShareOut("savings.Fund.PlanShareOut", at, opt)
}

// ShareOut ends the savings cycle. The pool, every member's savings plus
// the cycle's earnings (plus the social fund if opt says so), is divided
// in proportion to opt.Basis and paid out in cash from at.Via; the books
// start a new cycle with no savings, no shares, no income and, unless it
// was shared, the social fund as it was.
//
// How the pool divides:
//
//   - [BySavings]: the whole pool in proportion to each member's savings,
//     the VSLA rule ("shared out among the membership in proportion to the
//     amount each member has saved", vsla.net methodology).
//   - [ByShares]: the whole pool in proportion to shares bought: the VSLA
//     "value of a share" (pool ÷ total shares) times her shares.
//   - [BySavingsTime]: each member gets her savings back, and the earnings
//     are divided in proportion to member-days (savings × days held, from
//     the posting dates to the share-out date), so early savings earn more
//     than late. Net losses (earnings below zero) are borne in proportion
//     to savings instead, so no member loses more than she has.
//
// Rounding is exact, by largest remainder as in [shg.Money.Allocate]: the
// payouts sum to the pool to the minor unit and none differs from its
// exact share by a unit or more; leftover units go to the largest
// fractions, ties to the lower member ID.
//
// A share-out is refused while internal loans are outstanding
// ("savings.loans_outstanding"): VSLA practice is that every loan is
// repaid before the share-out meeting, the "action audit" where members
// see the whole fund counted out (Allen & Staehle, VSLA Field Officer
// Training Guide v1.06, 2015, Module 7); collect or write off the loans
// first. It is also refused while a bank loan is outstanding
// ("savings.bank_loan_outstanding"), whose cash is the bank's, not the
// members'. The cash must be in at.Via: transfer it there first.
//
// Codes: savings.currency, savings.date, savings.date_order,
// savings.cash_account, savings.share_out_basis, savings.loans_outstanding,
// savings.bank_loan_outstanding, savings.negative_pool, savings.no_shares,
// savings.share_out_weights, savings.insufficient_cash.
func (f *Fund) ShareOut(at Entry, opt ShareOutOptions) (Distribution, error) {
	const op = "savings.Fund.ShareOut"
	d, err := f.planShareOut(op, at, opt)
	if err != nil {
		return Distribution{}, err
	}
	// Post to a fork of f and keep it only if every posting succeeds.
	g := f.fork()
	// Close the cycle's income and expenses (and the social fund, if
	// shared) to retained earnings.
	var l draft
	var net units
	for a := Account(0); a < numAccounts; a++ {
		switch a.Class() {
		case Income:
			l.dr(a, "", g.m(g.bal[a]), g.bal[a])
			net = net.add(g.bal[a])
		case Expense:
			l.cr(a, "", g.m(g.bal[a]), g.bal[a])
			net = net.sub(g.bal[a])
		}
	}
	if opt.IncludeSocialFund {
		soc := g.units(d.SocialFund)
		l.dr(SocialFund, "", d.SocialFund, soc)
		net = net.add(soc)
	}
	if net.sign() >= 0 {
		l.cr(RetainedEarnings, "", g.m(net), net)
	} else {
		l.dr(RetainedEarnings, "", g.m(net.neg()), net.neg())
	}
	if l.n > 0 {
		if err := l.post(&g, op, Posting{Date: at.Date, Kind: KindCycleClose, Ref: at.Ref}); err != nil {
			return Distribution{}, err
		}
	}
	for _, p := range d.Payouts {
		sav, amt := g.units(p.Savings), g.units(p.Amount)
		profit := amt.sub(sav)
		var l draft
		l.dr(MemberSavings, p.Member, p.Savings, sav)
		if profit.sign() < 0 {
			l.cr(RetainedEarnings, "", g.m(profit.neg()), profit.neg())
		} else {
			l.dr(RetainedEarnings, "", g.m(profit), profit)
		}
		l.cr(at.Via, "", p.Amount, amt)
		if l.n == 0 {
			continue
		}
		if err := l.post(&g, op, Posting{Date: at.Date, Kind: KindShareOut, Ref: at.Ref, Member: p.Member}); err != nil {
			return Distribution{}, err
		}
	}
	g.newCycle()
	g.last = at.Date // even a share-out of nothing dates the books
	*f = g
	return d, nil
}

// newCycle opens the next cycle: shares restart from zero.
func (f *Fund) newCycle() {
	for id, b := range f.members {
		if b.shares != 0 {
			nb := b
			nb.shares = 0
			f.setMember(id, b, true, nb)
		}
	}
	f.cycle++
	f.start = f.book.len()
}

func (f Fund) planShareOut(op string, at Entry, opt ShareOutOptions) (Distribution, error) {
	var c checker
	f.entry(&c, at, true)
	if !opt.Basis.IsValid() {
		c.add(shg.Violation{Code: CodeShareOutBasis, Message: "unknown share-out basis",
			Want: "bySavings, byShares or bySavingsTime", Got: opt.Basis.String()})
	}
	if len(c.vs) > 0 {
		return Distribution{}, c.err(op)
	}
	ids := f.memberIDs()
	var owing []string
	for _, id := range ids {
		if f.members[id].receivable.sign() > 0 {
			owing = append(owing, string(id))
		}
	}
	if len(owing) > 0 {
		c.add(shg.Violation{Code: CodeLoansOutstanding,
			Message: "internal loans must be repaid or written off before share-out (owed by " + strings.Join(owing, ", ") + ")",
			Want:    "0", Got: f.TotalReceivable().String()})
	}
	if f.bal[BankLoanPayable].sign() > 0 {
		c.add(shg.Violation{Code: CodeBankLoanOutstanding, Message: "the bank loan must be repaid before share-out",
			Want: "0", Got: f.BankLoan().String()})
	}
	sav, earn, soc := f.totalSavings(), f.bal[RetainedEarnings].add(f.earnings()), units{}
	d := Distribution{Date: at.Date, Cycle: f.cycle, Basis: opt.Basis, Savings: f.m(sav),
		Earnings: f.m(earn), SocialFund: f.m(units{}), SocialFundKept: f.SocialFund()}
	if opt.IncludeSocialFund {
		d.SocialFund, d.SocialFundKept = d.SocialFundKept, d.SocialFund
		soc = f.bal[SocialFund]
	}
	pool := sav.add(earn).add(soc)
	d.Pool = f.m(pool)
	if pool.sign() < 0 {
		c.add(shg.Violation{Code: CodeNegativePool, Message: "losses exceed savings and earnings; nothing to share",
			Want: ">= 0", Got: d.Pool.String()})
	}
	if len(c.vs) > 0 {
		return Distribution{}, c.err(op)
	}

	var days map[shg.MemberID]units
	if opt.Basis == BySavingsTime {
		days = f.memberDays(at.Date)
	}
	var noShares []string
	var wu, su []units // weights and savings of the payouts, in minor units
	for _, id := range ids {
		b := f.members[id]
		var w units
		switch opt.Basis {
		case BySavings:
			w = b.savings
		case ByShares:
			w = units{n: int64(b.shares)}
			if b.shares == 0 && b.savings.sign() > 0 {
				noShares = append(noShares, string(id))
			}
		case BySavingsTime:
			w = days[id]
		}
		if b.savings.isZero() && w.isZero() {
			continue
		}
		p := Payout{Member: id, Savings: f.m(b.savings), Shares: b.shares}
		if opt.Basis == ByShares {
			p.Weight = decimal.NewFromInt(w.n)
		} else {
			// Money (savings) or money × days: in the currency's units.
			p.Weight = f.dec(w)
		}
		d.Payouts = append(d.Payouts, p)
		wu, su = append(wu, w), append(su, b.savings)
	}
	if len(noShares) > 0 {
		c.add(shg.Violation{Code: CodeNoShares,
			Message: "members with savings but no shares cannot be paid by shares (" + strings.Join(noShares, ", ") + ")",
			Want:    "shares for every saver", Got: strconv.Itoa(len(noShares)) + " without"})
		return Distribution{}, c.err(op)
	}

	// What is divided by weight, and the weights.
	share, base := pool, false // base: each payout starts from her savings
	if opt.Basis == BySavingsTime {
		share, base = pool.sub(sav), true
		if share.sign() < 0 {
			wu = su // losses by savings
		}
	}
	parts := make([]units, len(d.Payouts)) // all zero when nothing is shared
	if !share.isZero() {
		if p, ok := split(share, wu); ok {
			parts = p
		} else {
			// Past an int64, or no weight at all: divide decimals.
			weights := make([]decimal.Decimal, len(wu))
			for i, w := range wu {
				weights[i] = w.decimal(0)
			}
			ms, err := f.m(share).Allocate(weights...)
			if err != nil {
				c.add(shg.Violation{Code: CodeShareOutWeights,
					Message: "nothing to divide the pool by: no member has a positive " + weightName(opt.Basis),
					Want:    "a positive total weight", Got: "0", Err: shg.ErrInvalidWeights})
				return Distribution{}, c.err(op)
			}
			for i, m := range ms {
				parts[i] = f.units(m)
			}
		}
	}
	for i := range d.Payouts {
		amt := parts[i]
		if base {
			amt = amt.add(su[i])
		}
		d.Payouts[i].Amount = f.m(amt)
	}
	if cash := f.bal[at.Via]; cash.cmp(pool) < 0 {
		c.add(shg.Violation{Code: CodeInsufficientCash,
			Message: "the pool must be in " + at.Via.String() + " before share-out; transfer it there first",
			Want:    ">= " + d.Pool.String(), Got: f.m(cash).String()})
		return Distribution{}, c.err(op)
	}
	return d, nil
}

func weightName(b ShareOutBasis) string {
	switch b {
	case ByShares:
		return "share count"
	case BySavingsTime:
		return "savings × time"
	}
	return "savings"
}

// split divides share (minor units) in proportion to weights by largest
// remainder, as [shg.Money.Allocate] does: each part is first its exact
// share rounded toward zero, then the units left over go one at a time to
// the largest discarded fractions, ties to the lower index; a negative
// share is split as −(|share| split). It works in 64-bit integers with
// 128-bit products, and reports false, for the caller to divide decimals,
// when share or the total weight does not fit an int64 or the weights
// sum to zero.
func split(share units, weights []units) ([]units, bool) {
	if share.big != nil || share.n == math.MinInt64 {
		return nil, false
	}
	var total uint64
	for _, w := range weights {
		if w.big != nil || w.n < 0 {
			return nil, false
		}
		if total += uint64(w.n); total > math.MaxInt64 {
			return nil, false
		}
	}
	if total == 0 {
		return nil, false
	}
	s := abs64(share.n)
	parts := make([]units, len(weights))
	rems := make([]uint64, len(weights))
	var given uint64
	for i, w := range weights {
		// s×w = total×q + r, 0 <= r < total. As w <= total, q <= s, so
		// the high word of s×w is below total, as Div64 requires.
		hi, lo := bits.Mul64(s, uint64(w.n))
		q, r := bits.Div64(hi, lo, total)
		parts[i].n, rems[i] = int64(q), r
		given += q
	}
	if left := s - given; left > 0 { // fewer than len(weights)
		order := make([]int, len(weights))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return rems[order[a]] > rems[order[b]] })
		for _, i := range order[:left] {
			parts[i].n++
		}
	}
	if share.n < 0 {
		for i := range parts {
			parts[i].n = -parts[i].n
		}
	}
	return parts, true
}

// memberDays returns each member's savings × days held in the open cycle,
// up to until: the sum, over the periods between changes of her savings,
// of the balance times the days it was held. An exit settlement forfeits
// what she had accrued.
//
// The sums are in minor units × days.
func (f *Fund) memberDays(until shg.Date) map[shg.MemberID]units {
	type acc struct {
		bal, md units
		since   shg.Date
	}
	accs := map[shg.MemberID]acc{}
	for _, r := range f.book.from(f.start) {
		id := f.book.member(r)
		if id == "" {
			continue
		}
		var delta units
		touched := r.kind == KindExitSettlement
		for k := range r.lines {
			l := &r.lines[k]
			if l.account != MemberSavings {
				continue
			}
			touched = true
			u := f.book.units(l, f.digits)
			if l.side == Credit {
				delta = delta.add(u)
			} else {
				delta = delta.sub(u)
			}
		}
		if !touched {
			continue
		}
		a := accs[id]
		if !a.since.IsZero() {
			a.md = a.md.add(a.bal.mulInt(int64(r.date.Sub(a.since))))
		}
		a.bal, a.since = a.bal.add(delta), r.date
		if r.kind == KindExitSettlement {
			a.md = units{}
		}
		accs[id] = a
	}
	out := make(map[shg.MemberID]units, len(accs))
	for id, a := range accs {
		if !a.since.IsZero() {
			a.md = a.md.add(a.bal.mulInt(int64(until.Sub(a.since))))
		}
		out[id] = a.md
	}
	return out
}
