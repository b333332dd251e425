// Package group models one self-help group's whole life as commands,
// events and replay: the aggregate a front end drives.
//
// # Life of a group
//
// A group is founded with a [Charter] and a [policy.Policy] and starts in
// the Preparation stage, where a facilitator holds orientation sessions
// ([Group.RecordPreparationSession]) and members are admitted
// ([Group.Admit], under the policy's eligibility rules and maximum size).
// [Group.Advance] moves it on when the policy's gate for the current stage
// is passed; a refusal lists every unmet criterion. In Formation the group
// elects officers, adopts bylaws and opens a bank account, and starts
// meeting and saving. In Sustainability it meets regularly
// ([Group.HoldMeeting]: attendance, deposits, social fund, fines,
// repayments and new internal loans as one atomic record), lends from its
// own fund ([Group.RequestLoan]) and, once mature ([Group.Mature]: the
// sustainability gate is passed) and old enough, applies for bank tranches
// ([Group.ApplyForTranche]). Members leave ([Group.Exit], [Group.RecordDeath])
// with their savings settled against their debts; a savings cycle ends with
// [Group.ShareOut]; [Group.Dissolve] ends the group.
//
// # Commands, events and replay
//
// Every command carries its own date (dates never go backwards), checks the
// policy and the group's state, and either returns a [*shg.RuleError]
// naming every broken rule, leaving the group exactly as it was, or appends
// one or more [Event]s to the log and applies them. One function, apply, is
// the only code that changes state, and it applies events alone: a log
// therefore rebuilds the group ([Replay]) without consulting the policy's
// rules again, so tightening a policy never orphans an old group. Events
// record decisions with what they fixed at the time (a loan's terms, a
// share-out's basis), not what can be derived from them.
//
// [Group.Events] is the persistence contract: store the events (JSON, with
// a schema version: [MarshalEvents], [UnmarshalEvents]) and [Replay] gives
// back a group equal to the original; [Group.MarshalJSON] is a full state
// snapshot for comparing two groups byte for byte.
//
// # Money
//
// The group's books are a [savings.Fund]: double-entry, in the policy's
// currency. Internal loans are [loan.Account]s whose principal is a
// receivable in the fund. Bank loans are loan accounts too: when members
// borrow (Kermanshah) each member owes the bank directly and the fund is
// untouched; when the group borrows (NABARD) the tranche is paid into the
// fund and repaid from it.
//
// # Error codes
//
// Besides the policy engines' codes ("membership.*", "gate.*", "lending.*",
// "tranche.*"), the fund's ("savings.*") and the loan accounts' ("loan.*"),
// commands return these:
//
//   - group.charter: the charter lacks an ID, a name or a date.
//   - group.date_backwards: a command dated before the last event, or undated.
//   - group.dissolved: the group is dissolved.
//   - group.stage: the command is not allowed in this stage.
//   - group.unknown_member, group.member_inactive, group.duplicate_member.
//   - group.officers: an office holder named twice, or none named.
//   - group.unknown_loan, group.loan_inactive, group.duplicate_loan.
//   - group.amount: an amount not positive, in another currency, or not in
//     whole minor units.
//   - group.quorum: too few members present.
//   - group.meeting: a meeting names a member twice, or an application is empty.
//   - group.tranche_order: a tranche already received or out of order.
//   - group.bank_loan_active: a member with an active bank loan cannot exit.
//   - group.loans_active: loans must be settled before dissolving.
//   - group.own_debt: the group cannot write off its own debt to the bank.
//   - group.share_out_cycle: the savings cycle is not over.
//   - group.write_off_days: not yet overdue long enough to write off.
//   - group.text: a required text is empty.
//   - group.internal: a lower layer failed unexpectedly (a bug).
//
// # Concurrency
//
// A [Group] is not safe for concurrent use: a front end that shares one
// between goroutines guards it with a lock. Policies, events and the values
// queries return are copies or immutable and may be shared freely.
package group
