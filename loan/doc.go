// Package loan is the arithmetic and the account state of a loan: the
// repayment schedule computed from its [Terms], and an [Account] that
// records disbursements, repayments, penalties and write-off. Internal loans
// from a group's fund and bank tranches are both loans here; the package
// knows nothing of groups or policies — those decide the terms and call it.
//
// # Schedules
//
// [NewSchedule] turns [Terms] into a [Schedule] of [Installment]s. The
// conventions are Apache Fineract's cumulative loan schedule generators
// (apache/fineract, fineract-provider/.../portfolio/loanaccount/loanschedule/
// domain/: DecliningBalanceInterestLoanScheduleGenerator,
// FlatInterestLoanScheduleGenerator, LoanApplicationTerms,
// DefaultPaymentPeriodsInOneYearCalculator), so that a schedule agrees with
// Fineract's to the unit; the test suite reproduces a schedule Fineract
// publishes in its own integration tests.
//
//   - The periodic rate is the annual rate × Every.N / periods in a year —
//     12 months, 52 weeks, 365 days — with the division kept to 12
//     significant digits as Fineract's MathContext does ([Terms.PeriodicRate]).
//   - [DecliningBalance] charges the periodic rate on the balance still
//     outstanding; [Flat] charges it on the original principal every
//     period, the total spread evenly with the last installment taking the
//     difference.
//   - [EqualInstallments] keeps principal + charge level: the level
//     installment is the annuity payment ([LevelPayment], Excel's PMT),
//     rounded, or rounded to Terms.InstallmentMultiple (Fineract's
//     "installment amount in multiples of", nearest multiple, ties up).
//     [EqualPrincipal] repays principal / installments each time. A flat
//     loan repays equal principal either way, as in Fineract.
//   - Terms.PrincipalGrace leading installments pay the charge only; the
//     principal amortizes over the rest.
//   - Every amount is rounded with Terms.Rounding (HALF_EVEN to the
//     currency's minor unit by default, Fineract's default), and the last
//     installment takes whatever principal remains, so the principal parts
//     sum to the principal exactly and balances never rise. When rounding to
//     a coarse unit clears the balance early, the schedule ends there, as
//     Fineract's generator does.
//   - Installment k falls due k periods after Terms.Start, counted from the
//     start (not from the previous due date) in Terms.Calendar: a loan from
//     31 Shahrivar falls due on 30 Mehr, 30 Aban, ..., 29 Esfand and again on
//     31 Farvardin ([Terms.DueDate]).
//
// Fineract computes the level installment in binary floating point; this
// package computes it in decimal, so the two can differ only when the
// payment lies within about 10^-9 of a rounding tie. Where Fineract would
// produce a negative last flat charge (a rounded per-installment charge that
// overshoots the total) or drop part of the flat charge (a schedule cleared
// early), the charge is capped at, and the last installment takes, what
// remains of the flat total.
//
// # Service fee, qard al-hasan and zero rate
//
// Iranian qard al-hasan (قرض‌الحسنه) loans carry no interest; lenders charge
// a service fee (کارمزد) instead. The arithmetic choices are the same — a
// rate on a declining balance or flat, equal installments or equal
// principal — so Terms.Charge only labels the charge: with [ServiceFee] it
// is booked in Installment.Fee and Interest is zero, so a front end can show
// it honestly. A loan with AnnualRate zero carries no charge at all.
//
// # Accounts
//
// [Open] opens an [Account] and disburses its first tranche. [Account.Disburse]
// lends a further tranche; what remains is re-amortized over the remaining
// installments. [Account.Repay] splits a payment over the installments,
// oldest first, and within an installment over its components in the
// [AllocationOrder] (Fineract's default: penalties, fees, interest,
// principal). A charge is earned once its installment's period has begun:
// the charge of an installment due after the current one is not owed yet, so
// paying ahead repays its principal only, and [Account.Payoff] — the amount
// that settles the loan (foreclosure) — leaves it out; paying that amount
// closes the loan and waives it. Like Fineract without interest
// recalculation, a partial prepayment does not lower the charge of later
// installments.
//
// A [PenaltyRule] charges an installment still unpaid a given number of
// days after its due date, once: a flat amount plus a rate of what is
// unpaid. [Account.Arrears] reports, on a date, the overdue amounts, the
// days past due of the oldest overdue installment, its ageing [Bucket]
// (1–30, 31–60, 61–90, over 90 days) and the outstanding principal that
// portfolio-at-risk ratios weigh ([Arrears.AtRisk]). [Account.WriteOff]
// gives the loan up. The [Status] is [Active], [Closed] or [WrittenOff].
//
// An Account is a value. Its mutating methods take *Account, never write
// into memory that another copy shares, and change nothing when they return
// an error; so a caller can apply a batch of operations to a copy (or
// [Account.Clone]) and keep or drop it whole. A plain copy is cheap: copies
// share their installments and history, which are never written once made;
// an operation copies only the installments it changes (a repayment usually
// one or two) and adds to the history without copying it.
// [Account.MarshalJSON] writes a deterministic snapshot: equal histories
// give identical bytes.
//
// # Errors
//
// Every refusal is a [*shg.RuleError] (it matches [shg.ErrRuleViolation])
// listing every broken rule with one of these codes:
//
// Terms ([Terms.Validate], [NewSchedule], [Open]):
//
//   - loan.currency — the principal has no known currency; on an account, an
//     amount in another currency than the loan's
//   - loan.principal_not_positive — principal is zero or negative
//   - loan.principal_unit — principal is not a whole multiple of the
//     rounding unit
//   - loan.negative_rate — the annual rate is negative
//   - loan.rate_out_of_range — the annual rate is above 100 (10,000%) or has
//     more than 30 decimal places
//   - loan.interest_method, loan.amortization, loan.charge — an enum out of
//     range
//   - loan.installments — installments outside 1..[MaxInstallments]
//   - loan.grace — principal grace negative or not below the installments
//   - loan.period — repayment period not 1..[MaxPeriodN] months, weeks or days
//   - loan.calendar — unknown calendar
//   - loan.start — no start (disbursement) date
//   - loan.rounding — invalid rounding mode, negative unit, or a unit that is
//     not a whole number of minor units
//   - loan.installment_multiple — a negative or absurd multiple, one that is
//     not a multiple of the rounding unit, or one so coarse the level
//     installment would not cover a period's charge
//
// Accounts ([Open] and the methods of [Account]):
//
//   - loan.id — the loan id is not a valid [shg.LoanID]
//   - loan.allocation_order — the order does not name each component once
//   - loan.penalty — a negative, foreign-currency or absurd penalty rule
//   - loan.limit — a negative or foreign-currency limit
//   - loan.limit_exceeded — the disbursements would exceed Options.Limit
//   - loan.not_open — an operation on the zero Account
//   - loan.closed, loan.written_off — an operation on a loan no longer active
//   - loan.amount_not_positive — a zero or negative amount
//   - loan.amount_unit — an amount in fractions of the minor unit, or a
//     tranche that is not a multiple of the rounding unit
//   - loan.date_before_disbursement — a date before Terms.Start
//   - loan.date_before_last_transaction — a date before the last transaction
//   - loan.overpayment — a repayment above the payoff amount
//   - loan.no_remaining_installments — a tranche on or after the last due date
//   - loan.tranche_after_prepayment — a safeguard: re-amortized installments
//     that could not hold what was paid on them in advance (the built-in
//     methods never produce it)
//   - loan.amount_too_large — at [Open] or [Account.Disburse], a loan whose
//     amounts, with every penalty its rule could charge, would exceed
//     9,223,372,036,854,775,807 minor units: an account keeps its books in
//     int64 minor units
//   - loan.unknown_name — an enum's UnmarshalText (JSON) was given a name no
//     value has; Want lists the names accepted
package loan
