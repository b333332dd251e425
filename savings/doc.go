// Package savings keeps a self-help group's own fund as double-entry books:
// members' savings, the social fund, internal loans, income, and the
// share-out that ends a savings cycle. It also holds the savings [Plan] the
// policy configures, which checks one member's deposit at one meeting.
//
// # The fund
//
// In every self-help group (SHG) and village savings and loan association
// (VSLA) the heart of the group is the pooled savings of its 15–25
// members, lent back to members from a lock-box or the group's bank
// account. Each meeting members save (an equal fixed amount in the Iranian
// groups, one to five shares in a VSLA), pay fines, contribute to a social
// (welfare) fund, take loans and repay them with interest or a service
// fee. The earnings stay in the fund, so the fund grows faster than the
// savings; at the end of a cycle (usually a year) the fund is counted out
// and shared (vsla.net, "The VSLA methodology"; Allen & Staehle, VSLA Field
// Officer Training Guide v1.06, VSL Associates, 2015).
//
// A [Fund] keeps those books in one currency, in this chart of [Account]s:
//
//	assets       CashBox, CashBank, LoansReceivable (per member)
//	liabilities  MemberSavings (per member), SocialFund, BankLoanPayable
//	equity       RetainedEarnings
//	income       InterestIncome, FeeIncome, FineIncome, PenaltyIncome
//	expenses     WriteOffLoss, InterestExpense
//
// Savings are a liability because the group owes them to each member; the
// social fund is owed to the members together and survives share-outs. A
// bank loan to the group (SHG-bank linkage with the group as borrower)
// raises cash and [BankLoanPayable]; repaying it lowers both and books
// the interest as [InterestExpense].
//
// # Double entry
//
// Every movement is a [Posting]: a date, a [PostingKind], the caller's
// reference, the member concerned, and [Leg]s whose debits equal their
// credits. The ledger is append-only; [Fund.Postings] returns a copy. So
// the trial balance ([Fund.TrialBalance]) always sums to zero and the
// balance sheet ([Fund.BalanceSheet]) always satisfies
// assets = liabilities + equity, where equity includes the open cycle's
// income less its expenses.
//
//	Deposit            Dr cash            Cr member savings
//	Fine               Dr cash            Cr fine income
//	SocialContribution Dr cash            Cr social fund
//	SocialPayout       Dr social fund     Cr cash
//	DisburseLoan       Dr loan receivable Cr cash
//	CollectLoan        Dr cash            Cr receivable, interest, fee, penalty income
//	WriteOffLoan       Dr write-off loss  Cr loan receivable
//	Withdraw           Dr member savings  Cr cash
//	ExitSettlement     Dr member savings  Cr loan receivable, cash
//	TransferToBank/Box Dr one cash        Cr the other
//	BankLoanReceived   Dr cash            Cr bank loan payable
//	BankLoanRepaid     Dr payable, interest expense   Cr cash
//	ShareOut           Dr income          Cr expenses, retained earnings (close)
//	                   Dr savings, retained earnings  Cr cash (each member)
//
// Each operation validates, then posts, or returns a [*shg.RuleError] and
// changes nothing. A posting that would take cash (box or bank), a
// member's savings, the social fund, a loan receivable or the bank loan
// below zero is refused. Postings come in date order. A Fund is a value;
// [Fund.Clone] copies it cheaply, so a caller can apply a whole meeting to
// a clone and keep it only if every operation succeeded. [Fund.MarshalJSON]
// writes a deterministic snapshot that [Fund.UnmarshalJSON] replays.
//
// # Undo
//
// Cheaper than a clone, [Fund.Mark] records where the fund stands (the
// ledger's lengths, the group balances, the dates: no copy, no
// allocation) and [Fund.Rollback] returns to it, discarding every posting
// made since. Between the two the fund keeps a journal of the member
// books it writes, each as it was, and Rollback replays it backwards. A
// fund has one mark at a time, like a transaction: Mark before a command;
// if the command fails, Rollback to the mark; if it succeeds, the next
// Mark commits it (and discards the journal). Rollback leaves the mark in
// place. A mark superseded by a newer Mark, or from another fund, is
// ignored. Clones taken before or after a mark are never changed by a
// rollback; a clone has no mark of its own until it is marked.
//
// # Exactness and cost
//
// Balances are kept as integers of the currency's minor unit (rials,
// paise), exact at any size: past the range of an int64 (about 9.2e18
// minor units) they become big integers. An amount finer than the minor
// unit is refused, so the books never round. The ledger stores postings
// compactly and never copies them as it grows: a deposit costs no
// allocation and about 72 bytes of books that the garbage collector need
// not scan. [Fund.Postings] and [Fund.MarshalJSON] build [Posting]s from
// them on demand.
//
// # Savings plans
//
// A [Plan] is how members save: [EqualFixed] (the same amount each
// period: the Iranian groups' "regular and equal savings"), [Shares]
// (MinShares to MaxShares shares per meeting at a price fixed for the
// cycle; VSLA: 1–5), or [Flexible] (any amount from a minimum).
// [Plan.Check] validates one deposit and reports the [Contribution]'s
// shortfall, the member's savings arrears for that meeting.
//
// # Share-out
//
// At the end of a cycle the pool, all savings plus the cycle's earnings
// (income − write-offs − interest expense), is paid out ([Fund.ShareOut])
// in proportion to a [ShareOutBasis]: savings, shares (the VSLA "value of a
// share", pool ÷ total shares), or savings × time (each member's savings
// back, and the earnings by member-days, so money saved early earns more).
// Payouts are exact (largest remainder, as [shg.Money.Allocate]): they sum to
// the pool and none is a minor unit or more off its exact share. The
// social fund is kept unless [ShareOutOptions] says otherwise: in a VSLA it
// "is not distributed back to the members at the end of the annual cycle,
// but remains a group asset" (vsla.net). A share-out is refused while
// internal loans are outstanding: VSLA practice is that every loan is
// repaid before the share-out meeting, the "action audit" at which the
// whole fund is counted (Allen & Staehle 2015, Module 7). [Fund.PlanShareOut]
// previews a share-out without posting it.
//
// # Error codes
//
// Every refusal is a [*shg.RuleError] whose violations carry these codes
// (constants Code*):
//
//	savings.plan_kind                  Plan.Kind is not a defined kind
//	savings.plan_currency              Plan.Amount has no currency
//	savings.plan_amount                Plan.Amount not positive (negative for Flexible) or not whole minor units
//	savings.plan_shares                share bounds out of order, or set on a plan without shares
//	savings.currency                   an amount in another currency; unknown fund currency; zero Fund
//	savings.amount_negative            a negative deposit (Plan.Check) or repayment part
//	savings.amount_not_positive        an amount, or a repayment's total, that is zero or negative
//	savings.amount_unit                an amount finer than the currency's minor unit
//	savings.above_fixed_amount         EqualFixed: a deposit above the fixed amount
//	savings.share_multiple             Shares: not a whole number of shares, or not shares × price
//	savings.shares_negative            a negative share count, or shares given to a plan without shares
//	savings.above_max_shares           Shares: more than MaxShares at one meeting
//	savings.member_id                  an invalid member ID (see shg.ValidateID)
//	savings.date                       a posting with no date
//	savings.date_order                 a posting dated before the last one
//	savings.cash_account               Entry.Via is not CashBox or CashBank
//	savings.insufficient_cash          the box, the bank, or the share-out account lacks the cash
//	savings.insufficient_savings       a withdrawal above the member's savings
//	savings.insufficient_social_fund   a social payout above the social fund
//	savings.exceeds_receivable         a principal repayment or write-off above the loan outstanding
//	savings.exceeds_bank_loan          a bank repayment above the bank loan outstanding
//	savings.negative_balance           a replayed snapshot takes an income or expense account below zero
//	savings.withdrawal_purpose         Withdraw without a valid WithdrawalPurpose
//	savings.reason_required            Withdraw or SocialPayout without a reason
//	savings.loans_outstanding          share-out while internal loans are outstanding
//	savings.bank_loan_outstanding      share-out while a bank loan is outstanding
//	savings.share_out_basis            an unknown ShareOutBasis
//	savings.share_out_weights          earnings to share but no member with a positive weight
//	savings.no_shares                  ByShares share-out with a saver who has no shares
//	savings.negative_pool              losses exceed savings and earnings
//	savings.unknown_name               an enum's UnmarshalText got a name no value has
//
// [Fund.UnmarshalJSON] reports a bad snapshot with [ErrInvalidSnapshot].
package savings
