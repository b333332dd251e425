// Package policy holds a self-help-group programme's rules as plain,
// documented structs — with presets from real programmes, validation, strict
// JSON — and the pure rule engines that judge a group's facts against them.
//
// A self-help group (SHG) is 10–25 neighbours, usually women, who meet
// regularly, save a fixed amount, lend to each other from the pooled fund
// and, once the group has shown discipline, borrow from a bank. Programmes
// differ in every number: how many members, how long before the bank lends,
// how much per member, at what price. This package is where those numbers
// live, so that an NGO can run the model in another province or country by
// filling in a [Policy] (or a JSON file read with [Load]) instead of writing
// rules.
//
// # Presets
//
//   - [KermanshahBehzisti]: the source programme of this library, the
//     Welfare Organization (Behzisti) of Kermanshah's scheme for rural women
//     and girls ([SourceKermanshah]): 15–25 members; preparation, formation
//     and sustainability; internal lending from the fund; a first loan from
//     Keshavarzi Bank after 6 months, with no guarantor or collateral, of at
//     most 2.5 million toman per member, then 3 and 5 million; Solar Hijri
//     dates, amounts in rials.
//   - [NABARDLinkage]: India's SHG–Bank Linkage Programme ([SourceNABARD],
//     [SourceNABARDGrading]): 10–20 members practising the Panchasutra for 6
//     months, graded, borrowing as a group 6× then 8× the corpus, at least
//     ₹1 lakh then ₹2 lakh.
//   - [VSLA]: CARE's Village Savings and Loan Associations ([SourceVSLA]):
//     10–25 members meeting weekly, buying 1–5 shares a meeting, loans up to
//     3× savings for up to 3 months at a flat monthly service charge, a
//     social fund, an annual share-out, no bank.
//
// Every number of a preset carries a comment naming its source; a number the
// source does not give is marked "assumption" — a documented default to be
// replaced by the programme's own rule. Each call returns a fresh value.
//
// # The policy tree
//
// Identity: [Policy.Name], Region, Version, Source (the citation), Currency
// (ISO 4217; every amount of the policy must be in it), Calendar (in which
// months are counted: group age, due dates) and Rounding (mode and unit of
// every computed amount, as [shg.Rounding]; loan principals must be whole
// multiples of its unit).
//
// [Membership]: MinMembers and MaxMembers bound the group's size (the
// formation gate checks both; admission checks the maximum). Genders, MinAge,
// MaxAge and RuralOnly restrict who may join; an empty or zero field admits
// anyone. Officers are the offices (chair, treasurer, secretary) a group must
// fill before it is formed.
//
// [Stages]: each stage's gate — what a group must show to complete it.
// [PreparationGate] is the ground-laying (a facilitator assigned, orientation
// sessions held); [FormationGate] the constitution (bylaws, a group bank
// account; the member count and officers come from Membership);
// [SustainabilityGate] the Panchasutra of NABARD — months since formation,
// share of expected meetings held, attendance, savings regularity, internal
// loans made, repayment rate, books up to date. Passing it makes the group
// mature: eligible for bank linkage. Fractions run from 0 to 1; a zero
// requirement is no requirement.
//
// [Meetings]: Frequency (weekly, fortnightly, monthly; it must be set) and
// Quorum (least share of members present).
//
// [Savings]: Plan is the regular deposit ([savings.Plan]: an equal fixed
// amount as in Iran, shares at a fixed price as in a VSLA, or flexible above
// a minimum); SocialFund is each member's per-meeting contribution to the
// welfare fund; [Fines] for absence and lateness.
//
// [Lending] is internal lending from the group's own fund: Enabled, MinStage
// (the earliest stage it may lend in), caps as a multiple of the borrower's
// savings (MaxSavingsMultiple), a share of the group's savings (MaxFundShare)
// and an absolute amount (MaxAmount); the term in installments
// (MinInstallments–MaxInstallments); [Pricing] (annual rate, flat or
// declining, equal installments or equal principal, interest or service fee,
// installment period, principal grace, installment multiple — exactly what
// [loan.Terms] needs); OneActiveLoan and NoArrears (no installment more than
// Delinquency.GraceDays past due).
//
// [BankLinkage]: the Bank, the Borrower (the group, or each member), the
// Collateral (none, or the group's joint guarantee) and the ordered ladder of
// [Tranche] rules. Each tranche has a cap per member, a cap per group, a cap
// as a multiple of the group's corpus (its savings) with a floor, a minimum
// group age in months, whether the group must be mature, the share of the
// previous tranche that must be repaid, the minimum grade, the months to wait
// since the previous tranche, its installments and its pricing. A zero cap is
// no cap; caps and minimum ages may not fall from one tranche to the next.
// A policy with no tranches has no bank linkage.
//
// [Delinquency]: grace days before a member is in arrears, a penalty rate and
// a flat penalty, and the days past due after which a loan may be written off.
//
// [GradeRules]: weighted indicators ([Metric]: attendance, savings
// regularity, repayment, meeting regularity, fund utilisation, books) and the
// A and B score thresholds; below B is C; younger than MinMonthsActive, or no
// indicators at all, is Ungraded. [Grade] values are ordered, so a minimum
// grade is a comparison.
//
// [ShareOut]: the cycle length in months (zero: a standing fund, returned
// only on exit or dissolution), the basis ([savings.ShareOutBasis]) and
// whether the social fund is kept out of it.
//
// # Validation
//
// [Policy.Validate] checks every field and reports every problem at once as
// a [*ValidationError]: a list of [FieldError] values, each with the JSON path
// of the field ("bankLinkage.tranches[1].maxPerMember: must not be below
// tranches[0] (25000000 IRR), got 20000000 IRR") and a lowercase message. It
// matches [ErrInvalidPolicy] and [shg.ErrRuleViolation] with errors.Is. It is
// a list of paths, not a [*shg.RuleError], because a policy is configuration
// written by a person, who needs to be told where, not which rule code.
//
// The rules: a non-empty name; a known currency and calendar; a valid
// rounding whose unit is whole minor units; 1 <= minMembers <= maxMembers;
// genders female or male, no duplicates; ages not negative, maxAge zero or
// at least minAge; officers chair, treasurer or secretary, no duplicates, no
// more than minMembers; fractions within 0–1, counts not negative; a meeting
// frequency; a valid plan whose amount is in the policy's currency (positive
// unless flexible; share bounds only, and then 1 <= min <= max, for a shares
// plan); every amount the zero Money or a non-negative, whole-minor-unit
// amount in the policy's currency; when lending is enabled, 1 <=
// minInstallments <= maxInstallments <= [loan.MaxInstallments]; pricing with
// valid enums, a rate within 0–1000%, a period of 1–[loan.MaxPeriodN] units,
// principal grace below the installments, an installment multiple that is a
// multiple of the rounding unit; a bank name when there are tranches; for
// each tranche 1–[loan.MaxInstallments] installments, maxPerGroup not below
// maxPerMember, no previousRepaid or minMonthsSinceLast on the first, and no
// cap, corpus multiple or minimum age below the previous tranche's; a write-
// off age beyond the grace days; grading weights positive and metrics
// distinct, and 0 < b <= a <= 1 (or both zero without indicators); a share-
// out by shares only for a shares plan. Decimals are bounded (30 digits,
// exponent within ±18) so that hostile input cannot make later arithmetic
// slow.
//
// # JSON
//
// A Policy encodes with encoding/json as it is: lowerCamel field names from
// the struct tags; enums by name ("monthly", "solarHijri", "decliningBalance",
// "members", "groupGuarantee", "A"); decimals as strings ("0.8"); amounts as
// objects {"amount":"25000000","currency":"IRR"} ([shg.Money.MarshalJSON]; the
// one form used everywhere). [Load] reads that format strictly: names match
// exactly, unknown fields are errors at their path (inside amounts too), and
// every decoding problem and every validation problem is reported together
// in one [*ValidationError]. Encoding a loaded policy and loading it again
// gives an [Policy.Equal] policy.
//
// # Rule engines
//
// The engines are pure functions of (policy, facts): no clock, no I/O, no
// group. The caller (the group aggregate, or a front end drawing "what is
// still missing") computes the facts from its records.
//
//   - [Policy.CheckEligibility] — may this person join? ([ApplicantFacts])
//   - [Policy.CheckGate] — may the group complete this stage? ([GateFacts])
//   - [Policy.CheckInternalLoan] — may the fund lend this? ([InternalLoanFacts])
//   - [Policy.CheckTranche] — may the group draw bank tranche n? ([TrancheFacts])
//   - [Policy.Grade] — the group's grade and score ([GradeFacts], [Grading])
//   - [Policy.InternalLoanTerms], [Policy.TrancheTerms] — the [loan.Terms]
//     the policy prices a loan at.
//   - [Policy.MeetingsExpected], [Policy.Quorum], [Frequency.Period] —
//     helpers for the facts: meetings the frequency expects between two
//     dates, members needed for a quorum.
//
// Each Check returns a [Checklist]: every [Criterion] the policy imposes —
// code, description, wanted and actual value, met or not — in a stable
// order. Criteria the policy does not impose (a zero minimum, an unset cap, a
// bool requirement left false) are left out. [Checklist.Passed] is true
// exactly when every criterion is met; [Checklist.Err] turns the unmet ones
// into a [*shg.RuleError] for a refused command. The engines are monotone,
// and property-tested so: tightening a requirement never turns an unmet
// criterion into a met one, and improving a fact never turns a met one into
// an unmet one.
//
// # Criterion codes
//
// Membership ([Policy.CheckEligibility]):
//
//   - membership.gender: the applicant's gender is among Membership.Genders.
//   - membership.age: the applicant's age is within MinAge–MaxAge.
//   - membership.rural: the applicant lives in a rural area (RuralOnly).
//   - membership.max_members: admitting the applicant keeps the group at or
//     below MaxMembers (always checked).
//
// Stage gates ([Policy.CheckGate]):
//
//   - gate.no_next_stage: the stage has no gate (Dissolved, or invalid).
//   - gate.preparation.facilitator: a facilitator is assigned.
//   - gate.preparation.orientation_sessions: at least MinOrientationSessions held.
//   - gate.formation.min_members: at least Membership.MinMembers (always).
//   - gate.formation.max_members: at most Membership.MaxMembers (always).
//   - gate.formation.officers: every office of Membership.Officers is filled.
//   - gate.formation.bylaws: bylaws adopted.
//   - gate.formation.bank_account: a group bank account opened.
//   - gate.sustainability.min_months: months since formation.
//   - gate.sustainability.meetings_held: held >= MinMeetingsHeld × expected.
//   - gate.sustainability.attendance: attendance rate.
//   - gate.sustainability.savings_regularity: savings regularity.
//   - gate.sustainability.internal_lending: internal loans made.
//   - gate.sustainability.repayment: repayment rate.
//   - gate.sustainability.books: books up to date.
//
// Internal lending ([Policy.CheckInternalLoan]):
//
//   - lending.enabled: the policy allows internal lending (present only when
//     it does not).
//   - lending.stage: the group is at Lending.MinStage or later, not dissolved
//     (always).
//   - lending.amount: the amount is positive, in the policy's currency, a
//     whole multiple of the rounding unit (always).
//   - lending.max_amount: amount <= Lending.MaxAmount.
//   - lending.max_savings_multiple: amount <= MaxSavingsMultiple × the
//     member's savings.
//   - lending.max_fund_share: amount <= MaxFundShare × the group's savings.
//   - lending.liquidity: amount <= the fund's cash available (always).
//   - lending.term: installments within MinInstallments–MaxInstallments (always).
//   - lending.one_active_loan: the member owes no other internal loan.
//   - lending.no_arrears: no installment more than Delinquency.GraceDays past due.
//
// Bank tranches ([Policy.CheckTranche]):
//
//   - tranche.unknown: the policy defines no tranche of this number (the
//     only criterion then).
//   - tranche.stage: the group is in Sustainability (always).
//   - tranche.mature: the sustainability gate is passed (RequireMature).
//   - tranche.min_group_age: the group is MinGroupAgeMonths old.
//   - tranche.previous_received: tranche n−1 was received (n > 1).
//   - tranche.previous_repaid: at least PreviousRepaid of tranche n−1 repaid (n > 1).
//   - tranche.wait: MinMonthsSinceLast months since tranche n−1 (n > 1).
//   - tranche.min_grade: the group's grade is at least MinGrade.
//   - tranche.requests: 1 to Members requests, one per member, each positive
//     in the policy's currency and rounding unit (always).
//   - tranche.max_per_member: one criterion per request, in request order:
//     the member's amount <= MaxPerMember; Got names the member.
//   - tranche.max_per_group: the total <= MaxPerGroup.
//   - tranche.corpus_multiple: the total <= max(CorpusMultiple × corpus,
//     CorpusFloor).
//
// The same strings are exported as constants ([CodeTrancheMaxPerMember] …).
//
// One code is not a criterion: policy.unknown_name ([CodeUnknownName]),
// with which an enum's UnmarshalText (a stage, grade, frequency, borrower,
// collateral or metric in JSON) refuses a name no value has. [Load]
// reports it at the field's path.
//
// # Concurrency
//
// A Policy is an immutable value once built: every method has a value
// receiver, reads only, and returns fresh slices, so one Policy may be shared
// by any number of goroutines and groups. Its slice fields (Genders,
// Officers, Tranches, Indicators) share backing arrays when the struct is
// copied; edit a [Policy.Clone], never a policy in use.
package policy
