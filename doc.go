// Package shg is the vocabulary of a software development kit for
// self-help-group (SHG) microfinance: money, civil dates in the Gregorian
// and Solar Hijri calendars, and the errors every rule engine reports.
//
// # Self-help groups
//
// A self-help group is 15–25 people, in the source programme rural women
// and girls of Kermanshah province in Iran, who meet regularly, save an
// equal amount each time into the group's internal fund, and lend to each
// other from it. A facilitator takes each group through three stages:
// preparation (orientation sessions), formation (members, officers, bylaws,
// a bank account, savings start) and sustainability (regular meetings,
// savings, internal lending, repayment, books). A mature group, six months
// old in Kermanshah, is linked to a bank that lends each member in
// tranches without collateral: up to 2.5M toman, then 3M, then 5M. India's
// NABARD SHG-bank linkage and Africa's village savings and loan
// associations (VSLAs) run the same model with other numbers.
//
// # Packages
//
//   - shg (this package): [Money], [Date], [Calendar], [Rounding], [RuleError].
//   - loan: repayment schedules (Fineract-compatible) and loan accounts.
//   - savings: the group fund as a double-entry ledger; savings plans; share-out.
//   - member: who a member is (profile, role, status, livelihood, income).
//   - policy: a programme's rules as plain structs, presets, JSON, and the
//     pure rule engines for stage gates, internal loans, tranches and grading.
//   - group: one group's life as commands, events and replay.
//   - program: a portfolio of groups, reports and simulation.
//
// Each package imports only those above it in this list. Domain packages do
// no I/O, read no clock and use no global random source: every command
// carries its own date.
//
// # Money
//
// [Money] is an exact decimal in an ISO 4217 currency, with the arithmetic
// of shopspring/decimal (whose Decimal it takes and gives). Iranian amounts
// are booked in whole rials; [Toman] converts the unit people speak in.
// Arithmetic never mixes currencies, rounding always names its mode and
// unit, and [Money.Allocate] splits exactly. Amounts below 10^18 units of
// their last digit are held in an int64, so everyday arithmetic allocates
// nothing; larger ones fall back to a big integer and stay exact.
//
//	caps := shg.Toman(2_500_000)           // 25,000,000 IRR
//	fee := caps.Mul(decimal.RequireFromString("0.04")).Round(shg.Rounding{})
//	parts, _ := caps.Split(3)              // 8,333,334 + 8,333,333 + 8,333,333
//	fmt.Println(caps.FormatToman(), fee, parts)
//
// # Dates
//
// [Date] is a day with no time or zone, built and read in either calendar:
//
//	d := shg.MustDate(shg.SolarHijri, 1397, 6, 1) // 1 Shahrivar 1397
//	fmt.Println(d)                                 // 2018-08-23
//	fmt.Println(d.AddMonths(6, shg.SolarHijri).Format(shg.SolarHijri)) // 1397-12-01
//
// # Errors
//
// A refused command returns a [*RuleError] listing every [Violation] with a
// stable code (such as "membership.max_members"), the wanted and the actual
// value; errors.Is matches it against [ErrRuleViolation] and the sentinels.
package shg
