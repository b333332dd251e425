package policy

import (
	"github.com/khodyar/shg"
)

// Criterion is one requirement of a rule engine, evaluated against facts:
// a front end draws it as one line of "what is still missing".
type Criterion struct {
	// Code is stable, dotted lower_snake, e.g. "tranche.min_group_age";
	// doc.go lists every code.
	Code string `json:"code"`
	// Description is a lowercase English sentence fragment saying what is
	// required, e.g. "group at least 6 months old".
	Description string `json:"description"`
	// Want is the required value, e.g. ">= 6 months".
	Want string `json:"want"`
	// Got is the actual value, e.g. "5 months".
	Got string `json:"got"`
	// Met reports whether the facts satisfy the requirement.
	Met bool `json:"met"`
}

// Checklist is the result of a rule engine: every criterion the policy
// imposes, met or not, in a stable order. Criteria the policy does not
// impose (a zero minimum, a cap of zero meaning "none") are left out.
type Checklist []Criterion

// Passed reports whether every criterion is met; an empty checklist passes.
func (c Checklist) Passed() bool {
	for _, x := range c {
		if !x.Met {
			return false
		}
	}
	return true
}

// Unmet returns the criteria not met, in order, as a new slice (nil when
// all are met).
func (c Checklist) Unmet() Checklist {
	var out Checklist
	for _, x := range c {
		if !x.Met {
			out = append(out, x)
		}
	}
	return out
}

// Codes returns the codes of all criteria, in order.
func (c Checklist) Codes() []string {
	out := make([]string, len(c))
	for i, x := range c {
		out[i] = x.Code
	}
	return out
}

// Find returns the first criterion with code, and whether there is one.
func (c Checklist) Find(code string) (Criterion, bool) {
	for _, x := range c {
		if x.Code == code {
			return x, true
		}
	}
	return Criterion{}, false
}

// Err returns nil when the checklist passes, and otherwise a
// [*shg.RuleError] for op whose violations are the unmet criteria in order
// (Code, Message = Description, Want, Got).
func (c Checklist) Err(op string) error {
	un := c.Unmet()
	if len(un) == 0 {
		return nil
	}
	vs := make([]shg.Violation, len(un))
	for i, x := range un {
		vs[i] = shg.Violation{Code: x.Code, Message: x.Description, Want: x.Want, Got: x.Got}
	}
	return shg.NewRuleError(op, vs...)
}
