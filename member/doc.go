// Package member says who a member of a self-help group is: her profile,
// office, status, livelihood and income over time.
//
// # Members in the programme
//
// The source programme (the Kermanshah Welfare Organization's microfinance
// scheme, see the mission folder's seed article) forms self-help groups of
// 15 to 25 rural women and girls. Each member saves in the group's fund,
// may borrow from it, and, once the group is six months old, borrows from
// Keshavarzi Bank in tranches without guarantor or collateral, to start or
// grow an activity that earns her an income. A [Member] records what the
// group and the programme need to know about her:
//
//   - identity: [Member.ID] (chosen by the application), name, date of
//     birth ([Member.AgeOn] gives her age in whole years), [Gender],
//     village, whether she lives in a rural area, and optionally her
//     national code (کد ملی), checked by [ValidateNationalID];
//   - place in the group: a [Role] (an ordinary member, or the chair,
//     treasurer or secretary the group elects) and a [Status] (active,
//     exited or deceased) with the days she joined and left;
//   - [Livelihood]: the activity her loans finance. The article names
//     beekeeping (زنبورداری), leather sewing (چرم‌دوزی), vegetable
//     growing (سبزی‌کاری), dairy (لبنیات), chick, chicken and turkey
//     rearing ([Poultry], مرغداری), kilim weaving (گلیم‌بافی) and
//     handicrafts (صنایع دستی), "and more" ([OtherLivelihood]);
//   - income: dated [IncomeObservation] values of her monthly income.
//
// # The outcome measure
//
// The article reports that members "who had zero monthly income now earn
// at least 500,000 toman a month". The programme's outcome is therefore a
// move from a baseline to a later level: [Member.Baseline] is the earliest
// observation, [Member.Latest] the most recent and [Member.LatestOn] the
// income as known on a given day. Compare them with a target such as
// shg.Toman(500_000); the target itself is programme policy, not a
// constant of this package. Observations are kept strictly by date and in
// one currency, so a baseline cannot be recorded after a follow-up.
//
// # Values
//
// A [Member] is a value with unexported fields, built by [New] from a
// [Profile], which it validates. Methods that change a member
// ([Member.AddIncome], [Member.WithRole], [Member.Exit],
// [Member.MarkDeceased]) return a new Member and leave the receiver as it
// was; accessors return copies ([Member.Incomes], [Member.Profile]). This
// suits the group package, whose one pure apply function builds each new
// state from the last. Compare members with [Member.Equal].
//
// Every enum has a stable lowerCamel name ([Livelihood.String]) used by
// MarshalText and JSON, a Persian label ([Livelihood.Persian]) for display,
// and IsValid. A Member encodes to JSON as its Profile ([Member.MarshalJSON])
// and decodes strictly ([Member.UnmarshalJSON]): unknown keys, undefined
// names and any profile [New] would refuse are errors, so whatever decodes
// encodes back to the same member.
//
// # Errors
//
// Refusals are [*shg.RuleError] values listing every broken rule. The codes
// (also exported as Code* constants) are:
//
//   - "member.id": the ID fails [shg.ValidateID] (matches [shg.ErrInvalidID]).
//   - "member.name": the name is empty after trimming, longer than
//     [MaxTextRunes] characters, not UTF-8, or has control characters.
//   - "member.birth_date": no birth date.
//   - "member.gender", "member.role", "member.status", "member.livelihood":
//     an undefined value, or an unknown name in MarshalText/UnmarshalText.
//   - "member.village": the village is too long, not UTF-8, or has control
//     characters.
//   - "member.national_id": a national code that is not ten digits, is one
//     repeated digit, or has a wrong check digit.
//   - "member.joined": no join date, or one before the birth date.
//   - "member.exit_date": an active member with an exit date, an exited or
//     deceased one without, an exit date before the join date, or a zero or
//     early date given to [Member.Exit] or [Member.MarkDeceased].
//   - "member.office_inactive": an office held by, or given to, a member
//     who is not active.
//   - "member.not_active": [Member.Exit] or [Member.MarkDeceased] of a
//     member who is no longer active.
//   - "member.income_date": an income observation without a date.
//   - "member.income_order": an observation not strictly after the one
//     before it.
//   - "member.income_currency": an observation without a currency, or in a
//     currency other than the earlier ones' (matches
//     [shg.ErrCurrencyMismatch]).
//   - "member.income_amount": a negative income.
//
// JSON syntax errors and unknown keys are reported as ordinary wrapped
// errors from encoding/json, and malformed dates or amounts wrap
// [shg.ErrInvalidDate] or [shg.ErrInvalidMoney].
package member
