package savings

import "github.com/khodyar/shg"

// PlanKind is how members save.
type PlanKind uint8

const (
	// EqualFixed: every member deposits the same fixed amount each period
	// (the Iranian groups' "regular and equal savings"). Zero value.
	EqualFixed PlanKind = iota
	// Shares: members buy between MinShares and MaxShares shares per
	// meeting at a price fixed for the cycle (VSLA: 1–5 shares).
	Shares
	// Flexible: any amount at or above a minimum.
	Flexible
)

// Plan configures members' regular savings. The policy package embeds it.
type Plan struct {
	Kind PlanKind `json:"kind"`
	// Amount is the fixed deposit (EqualFixed), the share price (Shares) or
	// the minimum deposit (Flexible).
	Amount    shg.Money `json:"amount"`
	MinShares int       `json:"minShares,omitempty"`
	MaxShares int       `json:"maxShares,omitempty"`
}

// ShareOutBasis is how a share-out divides the pool among members.
type ShareOutBasis uint8

const (
	// BySavings: in proportion to each member's savings. Zero value.
	BySavings ShareOutBasis = iota
	// ByShares: in proportion to shares bought in the cycle.
	ByShares
	// BySavingsTime: in proportion to savings × time held (member-days).
	BySavingsTime
)
