// Package program is the programme-level view of self-help groups: a
// portfolio of groups with their county, phase, implementing organisation
// and facilitator, the organisation's targets, the report an NGO's
// reporting officer sends, and a simulator that generates realistic
// histories for demonstrations, planning and benchmarks.
//
// # The source programme
//
// The Welfare Organization (Behzisti) of Kermanshah province runs a
// microfinance scheme for rural women in three phases; its implementing
// institution committed to 320 self-help groups in 5 counties. In Sahneh
// county, run by the Tolou Social Work Clinic since Shahrivar 1397, about
// 70 groups of 15–25 women were formed; all received their first
// Keshavarzi Bank loan and about 30 received the second or were queued for
// it; members went from no income to at least 500,000 toman a month in
// beekeeping, leather work, dairy, poultry and more (the project's
// mission/seed-article.en.md). A [Report] carries exactly these figures,
// computed from the groups' records; examples/sahneh reproduces them from
// a simulation.
//
// # Programmes and reports
//
// [New] makes a [Program] from a [Config] (name, organisation, currency,
// [Targets], income threshold); [Program.Add] enrols a [group.Group] with
// its [Assignment]. [Program.Report] returns a [Report] as of the end of a
// date, past dates included (each group rebuilt from its events up to that
// day, groups founded later left out):
//
//   - groups by stage, county and phase; formed, mature and linked groups;
//   - members reached (active and ever);
//   - the tranche pipeline: per tranche, groups that received it, groups
//     queued for it, and groups that repaid it ([TrancheRow] defines
//     "queued" precisely: eligible under the policy's rule for the tranche
//     on the report date, amounts aside, and not yet received);
//   - savings mobilised, the social fund, cash and corpus;
//   - internal and bank lending ([LoanFigures]): count, disbursed, repaid,
//     outstanding, written off, overdue, PAR30 and the cumulative
//     repayment rate;
//   - livelihoods of active members, and income outcomes ([IncomeFigures]):
//     baseline against latest, and the share at or above the threshold;
//   - progress against the targets.
//
// A Report encodes to JSON with stable field names (amounts as
// [shg.Money], rates as decimal strings) and renders as text with
// [Report.Text] in English or in Persian (Persian digits, Solar Hijri
// dates, toman).
//
// # Simulation
//
// [Simulate] runs a [Scenario] — the programme, a policy, counties with
// their number of groups, a founding spread and a [Behaviour] (group
// sizes, attendance, savings compliance, loan demand and size, late
// payment, default, bank uptake and queue, dropout, incomes, livelihoods)
// — through the public group API only, and returns the programme on the
// scenario's end date. It is deterministic: it takes its seed explicitly,
// draws from math/rand/v2 sources it builds from that seed (never the
// global source), reads no clock, and gives byte-identical reports for the
// same scenario and seed. [KermanshahBehaviour] is the calibrated default;
// each of its numbers is marked as taken from the article or assumed.
//
// The simulator keeps a shadow of each group's savings, cash and loan
// schedules in integers, so that it needs the group's costlier queries
// (loan accounts, checklists) only on rare events; at the end it checks
// the shadow against the group and fails if they disagree.
//
// # Errors
//
// [New], [Program.Add] and [Scenario.Validate] refuse bad input with a
// [*shg.RuleError] carrying these codes:
//
//   - "program.config" ([CodeConfig]): the configuration has no name, an
//     unknown currency, negative targets or an income threshold in another
//     currency.
//   - "program.nil_group" ([CodeNilGroup]): Add was given no group.
//   - "program.duplicate_group" ([CodeDuplicateGroup]): the group's ID is
//     already enrolled.
//   - "program.currency" ([CodeCurrency]): the group keeps its books in
//     another currency than the programme.
//   - "program.assignment" ([CodeAssignment]): no county, or a negative phase.
//   - "program.scenario" ([CodeScenario]): a scenario field is out of
//     range; the message starts with the field's path
//     ("behaviour.attendance.max is not a fraction").
//
// Scenario.Validate (and so Simulate) also returns the policy's own
// [*policy.ValidationError] for an invalid policy. Simulate wraps the
// refusal of a group command it did not expect in an error naming the
// group, the date and the command.
//
// A Program, like a group, is not safe for concurrent use without a lock.
package program
