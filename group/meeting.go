package group

import "github.com/khodyar/shg"

// Meeting is everything recorded at one regular meeting. [Group.HoldMeeting]
// applies it as one unit, in this order: attendance, savings deposits,
// social-fund contributions, fines, loan repayments, then new internal
// loans, so that what members bring in can be lent out the same day (the
// VSLA meeting procedure). Either all of it is booked or none of it.
type Meeting struct {
	// Present lists the members who attended.
	Present []shg.MemberID `json:"present"`
	// Deposits are savings deposits (or share purchases).
	Deposits []Deposit `json:"deposits,omitempty"`
	// Social are contributions to the social (emergency) fund.
	Social []Payment `json:"social,omitempty"`
	// Fines are fines levied and paid at the meeting.
	Fines []Fine `json:"fines,omitempty"`
	// Repayments are payments on internal loans.
	Repayments []Repayment `json:"repayments,omitempty"`
	// Loans are new internal loans requested and granted at the meeting.
	Loans []LoanRequest `json:"newLoans,omitempty"`
}

// Deposit is one member's savings at a meeting. Shares is the number of
// shares bought under a shares plan (0 lets the plan infer it).
type Deposit struct {
	Member shg.MemberID `json:"member"`
	Amount shg.Money    `json:"amount"`
	Shares int          `json:"shares,omitempty"`
}

// Payment is an amount paid by a member.
type Payment struct {
	Member shg.MemberID `json:"member"`
	Amount shg.Money    `json:"amount"`
}

// Fine is a fine paid by a member, with its reason (absence, lateness).
type Fine struct {
	Member shg.MemberID `json:"member"`
	Amount shg.Money    `json:"amount"`
	Reason string       `json:"reason,omitempty"`
}

// Repayment is a payment on an internal loan.
type Repayment struct {
	Loan   shg.LoanID `json:"loan"`
	Amount shg.Money  `json:"amount"`
}

// LoanRequest asks for an internal loan from the fund.
type LoanRequest struct {
	Member       shg.MemberID `json:"member"`
	Amount       shg.Money    `json:"amount"`
	Installments int          `json:"installments"`
}

// FullMeeting returns the record of a meeting where every active member
// is present and deposits amount: the usual meeting, for a front end to
// start from and edit (absences, loans, repayments) before [Group.HoldMeeting].
func (g *Group) FullMeeting(amount shg.Money) Meeting {
	var m Meeting
	for _, id := range g.st.order {
		if g.st.members[id].IsActive() {
			m.Present = append(m.Present, id)
			m.Deposits = append(m.Deposits, Deposit{Member: id, Amount: amount})
		}
	}
	return m
}
