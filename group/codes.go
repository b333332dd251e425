package group

import "errors"

// Error codes of the group's own rules. Commands also return the codes of
// the policy engines ("membership.*", "gate.*", "lending.*", "tranche.*";
// see the policy package), of the savings fund ("savings.*") and of loan
// accounts ("loan.*") when those refuse an operation.
const (
	CodeCharter         = "group.charter"          // charter lacks an ID, a name or a date
	CodeDateBackwards   = "group.date_backwards"   // command dated before the group's last event
	CodeDissolved       = "group.dissolved"        // the group is dissolved
	CodeStage           = "group.stage"            // the command is not allowed in the current stage
	CodeUnknownMember   = "group.unknown_member"   // no member with that ID
	CodeMemberInactive  = "group.member_inactive"  // the member has exited or died
	CodeDuplicateMember = "group.duplicate_member" // the ID is already a member, or named twice
	CodeOfficers        = "group.officers"         // officers not distinct or missing
	CodeUnknownLoan     = "group.unknown_loan"     // no loan with that ID (of the right kind)
	CodeDuplicateLoan   = "group.duplicate_loan"   // a loan ID is used twice
	CodeLoanInactive    = "group.loan_inactive"    // the loan is closed or written off
	CodeAmount          = "group.amount"           // amount not positive, wrong currency or not in whole units
	CodeQuorum          = "group.quorum"           // too few members present for a meeting
	CodeMeeting         = "group.meeting"          // a meeting record names a member twice, or is empty
	CodeTrancheOrder    = "group.tranche_order"    // tranche already received, or out of order
	CodeBankLoanActive  = "group.bank_loan_active" // a member with an active bank loan cannot exit
	CodeLoansActive     = "group.loans_active"     // loans must be settled before dissolving
	CodeOwnDebt         = "group.own_debt"         // the group cannot write off its own bank debt
	CodeShareOutCycle   = "group.share_out_cycle"  // the savings cycle is not over
	CodeWriteOffDays    = "group.write_off_days"   // loan not yet overdue long enough to write off
	CodeText            = "group.text"             // a required text (name, reference) is empty
	CodeInternal        = "group.internal"         // a lower layer failed unexpectedly
)

// ErrBadLog reports an event log that cannot be replayed: missing or
// misnumbered events, dates going backwards, a policy mismatch, or an event
// that does not apply.
var ErrBadLog = errors.New("group: bad event log")
