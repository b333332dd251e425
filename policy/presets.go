package policy

import (
	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/savings"
	"github.com/shopspring/decimal"
)

// Every number in a preset carries a comment naming its source. "Article"
// is the Kermanshah news report in the project's mission folder
// (seed-article.en.md). A number marked "assumption" is not in the source:
// it is a documented default an NGO should replace with its own rule.

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func inr(s string) shg.Money { return shg.MustParseMoney(s + " INR") }

func xof(s string) shg.Money { return shg.MustParseMoney(s + " XOF") }

// KermanshahBehzisti is the policy of the Welfare Organization (Behzisti)
// of Kermanshah province's microfinance scheme for rural women and girls,
// as the source article describes it (run since 1391 SH; in Sahneh county
// since Shahrivar 1397 SH by the Tolou Social Work Clinic): groups of 15–25
// rural women and girls go through preparation, formation and
// sustainability, lend to members from their internal fund, and after 6
// months each member may borrow from Keshavarzi Bank without guarantor or
// collateral, up to 2.5M, then 3M, then 5M toman.
func KermanshahBehzisti() Policy {
	return Policy{
		Name:     "Kermanshah Behzisti self-help groups for rural women",
		Region:   "Kermanshah province, Iran",
		Version:  "1397",
		Source:   "Behzisti Kermanshah, Office of Empowerment and Family: news report on the microfinance scheme (seed-article.fa.txt)",
		Currency: shg.IRR,                          // article: amounts in toman, books in rials
		Calendar: shg.SolarHijri,                   // article: dates in the Solar Hijri calendar
		Rounding: shg.Rounding{Mode: shg.HalfEven}, // assumption: whole rials, banker's rounding (Fineract default)
		Membership: Membership{
			MinMembers: 15,                                                              // article: 15 to 25 members
			MaxMembers: 25,                                                              // article: 15 to 25 members
			Genders:    []member.Gender{member.Female},                                  // article: rural women and girls
			MinAge:     15,                                                              // assumption: "girls" read as 15+, Iran's minimum working age (Labour Law art. 79)
			RuralOnly:  true,                                                            // article: rural women and girls
			Officers:   []member.Role{member.Chair, member.Treasurer, member.Secretary}, // assumption: usual SHG offices
		},
		Stages: Stages{
			Preparation: PreparationGate{
				Facilitator:            true, // article: run under a senior facilitator
				MinOrientationSessions: 3,    // assumption
			},
			Formation: FormationGate{
				Bylaws:      true, // article: "following the scheme's protocols"; assumption: written bylaws
				BankAccount: true, // assumption: group account at the lending bank
			},
			Sustainability: SustainabilityGate{
				// Assumption: 3 months of regular operation after formation, so that a
				// group founded and formed promptly is mature when it is 6 months old
				// (article: first bank loan after 6 months).
				MinMonthsSinceFormation: 3,
				MinMeetingsHeld:         dec("0.8"),  // assumption
				MinAttendance:           dec("0.8"),  // assumption
				MinSavingsRegularity:    dec("0.8"),  // assumption: "regular and equal savings"
				MinInternalLoans:        1,           // article: groups lend from their internal fund
				MinRepaymentRate:        dec("0.95"), // assumption
				Books:                   true,        // assumption
			},
		},
		Meetings: Meetings{
			Frequency: Monthly,       // assumption
			Quorum:    dec("0.6667"), // assumption: two thirds
		},
		Savings: Savings{
			Plan: savings.Plan{
				Kind:   savings.EqualFixed, // Iranian groups: "regular and equal savings"
				Amount: shg.Toman(100_000), // assumption: 100,000 toman a month
			},
			SocialFund: shg.Zero(shg.IRR), // assumption: no separate social fund
			Fines: Fines{
				Absence: shg.Toman(10_000), // assumption
				Late:    shg.Toman(5_000),  // assumption
			},
		},
		Lending: Lending{
			Enabled:            true,       // article: intra-group loans from the internal fund
			MinStage:           Formation,  // assumption: lending starts once savings do
			MaxSavingsMultiple: dec("2"),   // assumption
			MaxFundShare:       dec("0.2"), // assumption: one loan takes at most a fifth of the fund
			MinInstallments:    1,          // assumption
			MaxInstallments:    10,         // assumption
			Pricing: Pricing{
				AnnualRate:   dec("0.04"),            // assumption: 4% service fee, the Central Bank of Iran's cap for qard al-hasan loans
				Method:       loan.DecliningBalance,  // assumption
				Amortization: loan.EqualInstallments, // assumption
				Charge:       loan.ServiceFee,        // qard al-hasan: a service fee (کارمزد), not interest
				Every:        loan.Months(1),         // assumption: monthly, with the meetings
			},
			OneActiveLoan: true, // assumption
			NoArrears:     true, // assumption
		},
		BankLinkage: BankLinkage{
			Bank:       "Keshavarzi Bank (Bank of Agriculture)", // article
			Borrower:   BorrowerMembers,                         // article: a cap "to each group member"
			Collateral: CollateralNone,                          // article: without guarantor or collateral
			Tranches: []Tranche{
				{
					MaxPerMember:      shg.Toman(2_500_000), // article: first loan 2,500,000 toman per member
					MinGroupAgeMonths: 6,                    // article: first bank loan after 6 months
					RequireMature:     true,                 // article: after preparation, formation and sustainability
					Installments:      12,                   // assumption
					Pricing:           kermanshahBankPricing(),
				},
				{
					MaxPerMember:      shg.Toman(3_000_000), // article: second loan 3,000,000 toman
					MinGroupAgeMonths: 6,                    // article gives 6 months for the first; assumption: no later minimum
					RequireMature:     true,                 // article
					PreviousRepaid:    dec("1"),             // assumption: the previous loan fully repaid
					Installments:      12,                   // assumption
					Pricing:           kermanshahBankPricing(),
				},
				{
					MaxPerMember:      shg.Toman(5_000_000), // article: third loan 5,000,000 toman ("505 million" is a typo)
					MinGroupAgeMonths: 6,                    // assumption, as tranche 2
					RequireMature:     true,                 // article
					PreviousRepaid:    dec("1"),             // assumption
					Installments:      18,                   // assumption
					Pricing:           kermanshahBankPricing(),
				},
			},
		},
		Delinquency: Delinquency{
			GraceDays:   7,           // assumption
			PenaltyRate: dec("0.06"), // assumption: Iranian banks' 6% a year late-payment penalty
			PenaltyFlat: shg.Zero(shg.IRR),
		},
		Grading: GradeRules{
			Indicators: []Weight{ // assumption: the Panchasutra indicators, equal weights
				{Metric: Attendance, Weight: dec("1")},
				{Metric: SavingsRegularity, Weight: dec("1")},
				{Metric: RepaymentRate, Weight: dec("1")},
				{Metric: MeetingRegularity, Weight: dec("1")},
				{Metric: Books, Weight: dec("1")},
			},
			A:               dec("0.8"), // assumption
			B:               dec("0.6"), // assumption
			MinMonthsActive: 6,          // assumption: graded from the first loan's age on
		},
		ShareOut: ShareOut{
			CycleMonths:    0,                 // assumption: a standing fund, returned on exit or dissolution
			Basis:          savings.BySavings, // assumption
			KeepSocialFund: true,
		},
	}
}

func kermanshahBankPricing() Pricing {
	return Pricing{
		AnnualRate:   dec("0.04"),            // assumption: 4% service fee on qard al-hasan bank loans
		Method:       loan.DecliningBalance,  // assumption
		Amortization: loan.EqualInstallments, // assumption
		Charge:       loan.ServiceFee,        // assumption: qard al-hasan
		Every:        loan.Months(1),         // assumption
	}
}

// NABARDLinkage is India's SHG–Bank Linkage Programme as NABARD and the
// Reserve Bank of India set it out.
func NABARDLinkage() Policy {
	bank := Pricing{
		AnnualRate:   dec("0.07"),            // assumption: 7% after DAY-NRLM interest subvention
		Method:       loan.DecliningBalance,  // bank term loans: declining balance
		Amortization: loan.EqualInstallments, // assumption
		Charge:       loan.Interest,
		Every:        loan.Months(1), // assumption
	}
	return Policy{
		Name:     "NABARD SHG-Bank Linkage Programme",
		Region:   "India",
		Version:  "master circular",
		Source:   "NABARD / RBI master circulars on the SHG-Bank Linkage Programme and DAY-NRLM",
		Currency: "INR",
		Calendar: shg.Gregorian,
		Rounding: shg.Rounding{Mode: shg.HalfEven, Unit: dec("1")}, // assumption: whole rupees
		Membership: Membership{
			MinMembers: 10,                                                              // NABARD: 10-20 members
			MaxMembers: 20,                                                              // NABARD: 10-20 members
			MinAge:     18,                                                              // assumption: adults
			Officers:   []member.Role{member.Chair, member.Treasurer, member.Secretary}, // assumption
		},
		Stages: Stages{
			Preparation: PreparationGate{
				Facilitator:            true, // self-help promoting institution
				MinOrientationSessions: 3,    // assumption
			},
			Formation: FormationGate{
				Bylaws:      true, // assumption: rules and regulations
				BankAccount: true, // NABARD: savings bank account
			},
			Sustainability: SustainabilityGate{
				MinMonthsSinceFormation: 6,          // RBI: active existence of at least 6 months
				MinMeetingsHeld:         dec("0.8"), // assumption (Panchasutra: regular meetings)
				MinAttendance:           dec("0.7"), // assumption
				MinSavingsRegularity:    dec("0.8"), // assumption (Panchasutra: regular savings)
				MinInternalLoans:        1,          // Panchasutra: regular internal lending
				MinRepaymentRate:        dec("0.9"), // assumption (Panchasutra: timely repayment)
				Books:                   true,       // Panchasutra: up-to-date books
			},
		},
		Meetings: Meetings{
			Frequency: Weekly,     // NRLM: weekly meetings
			Quorum:    dec("0.5"), // assumption
		},
		Savings: Savings{
			Plan: savings.Plan{
				Kind:   savings.EqualFixed,
				Amount: inr("50"), // assumption
			},
			SocialFund: inr("0"),
			Fines: Fines{
				Absence: inr("10"), // assumption
				Late:    inr("5"),  // assumption
			},
		},
		Lending: Lending{
			Enabled:            true,        // Panchasutra: internal lending
			MinStage:           Formation,   // assumption
			MaxSavingsMultiple: dec("2"),    // assumption
			MaxFundShare:       dec("0.25"), // assumption
			MinInstallments:    1,           // assumption
			MaxInstallments:    12,          // assumption
			Pricing: Pricing{
				AnnualRate:   dec("0.24"), // assumption: 2% a month, common SHG internal rate
				Method:       loan.DecliningBalance,
				Amortization: loan.EqualInstallments,
				Charge:       loan.Interest,
				Every:        loan.Months(1),
			},
			OneActiveLoan: true, // assumption
			NoArrears:     true, // assumption
		},
		BankLinkage: BankLinkage{
			Bank:       "scheduled commercial, regional rural or cooperative bank",
			Borrower:   BorrowerGroup,  // SHG-BLP: the group borrows
			Collateral: CollateralNone, // RBI: no collateral
			Tranches: []Tranche{
				{
					CorpusMultiple:    dec("6"),      // RBI: 6 times the corpus
					CorpusFloor:       inr("100000"), // RBI: or Rs 1 lakh, whichever is higher
					MinGroupAgeMonths: 6,             // RBI: 6 months of active existence
					RequireMature:     true,
					MinGrade:          GradeB, // assumption: grade A or B groups are linked
					Installments:      24,     // assumption
					Pricing:           bank,
				},
				{
					CorpusMultiple:    dec("8"),      // RBI: 8 times the corpus
					CorpusFloor:       inr("200000"), // RBI: or Rs 2 lakh
					MinGroupAgeMonths: 6,
					RequireMature:     true,
					PreviousRepaid:    dec("1"), // assumption: first dose repaid
					MinGrade:          GradeB,   // assumption
					Installments:      36,       // assumption
					Pricing:           bank,
				},
			},
		},
		Delinquency: Delinquency{
			GraceDays:   0,           // assumption
			PenaltyRate: dec("0.02"), // assumption
			PenaltyFlat: inr("0"),
		},
		Grading: GradeRules{
			Indicators: []Weight{
				{Metric: Attendance, Weight: dec("1")},
				{Metric: SavingsRegularity, Weight: dec("1")},
				{Metric: RepaymentRate, Weight: dec("1")},
				{Metric: MeetingRegularity, Weight: dec("1")},
				{Metric: FundUtilisation, Weight: dec("1")},
				{Metric: Books, Weight: dec("1")},
			},
			A:               dec("0.8"),
			B:               dec("0.6"),
			MinMonthsActive: 6,
		},
		ShareOut: ShareOut{Basis: savings.BySavings, KeepSocialFund: true},
	}
}

// VSLA is CARE's Village Savings and Loan Association methodology: a
// self-selected group of 10–25 members meets weekly, buys 1–5 shares a
// meeting at a price fixed for the cycle, lends up to 3 times a member's
// savings for up to 3 months at a flat monthly service charge, keeps a
// social fund, and shares out everything at the end of each annual cycle.
// There is no bank linkage. The currency (West African CFA franc; CARE's
// first VSLAs were in Niger) and its amounts are assumptions.
func VSLA() Policy {
	return Policy{
		Name:     "CARE Village Savings and Loan Association",
		Region:   "generic (CARE VSLA methodology)",
		Version:  "VSL Associates Programme Guide",
		Source:   "VSL Associates, Village Savings and Loan Associations Programme Guide: Field Operations Manual; CARE VSLA methodology",
		Currency: "XOF",
		Calendar: shg.Gregorian,
		Rounding: shg.Rounding{Mode: shg.HalfEven, Unit: dec("5")}, // assumption: the smallest coin in use
		Membership: Membership{
			MinMembers: 10,                                                              // programme guide: 10-25 members
			MaxMembers: 25,                                                              // programme guide: 10-25 members
			MinAge:     18,                                                              // assumption
			Officers:   []member.Role{member.Chair, member.Treasurer, member.Secretary}, // programme guide: management committee
		},
		Stages: Stages{
			Preparation: PreparationGate{
				Facilitator:            true, // field officer / village agent
				MinOrientationSessions: 3,    // programme guide: training modules before the first share purchase (assumption: 3)
			},
			Formation: FormationGate{
				Bylaws:      true,  // programme guide: association constitution
				BankAccount: false, // programme guide: cash kept in a lockable box with three keys
			},
			Sustainability: SustainabilityGate{
				MinMonthsSinceFormation: 9,          // assumption: end of the intensive and development phases
				MinMeetingsHeld:         dec("0.9"), // assumption
				MinAttendance:           dec("0.8"), // assumption
				MinSavingsRegularity:    dec("0.8"), // assumption
				MinInternalLoans:        1,
				MinRepaymentRate:        dec("0.9"), // assumption
				Books:                   true,       // member passbooks
			},
		},
		Meetings: Meetings{
			Frequency: Weekly,     // programme guide: weekly meetings
			Quorum:    dec("0.5"), // assumption
		},
		Savings: Savings{
			Plan: savings.Plan{
				Kind:      savings.Shares, // programme guide: savings as shares
				Amount:    xof("500"),     // assumption: share price fixed for the cycle
				MinShares: 1,              // programme guide: 1 to 5 shares a meeting
				MaxShares: 5,              // programme guide: 1 to 5 shares a meeting
			},
			SocialFund: xof("100"), // programme guide: social fund contribution each meeting; amount assumption
			Fines: Fines{
				Absence: xof("100"), // assumption
				Late:    xof("50"),  // assumption
			},
		},
		Lending: Lending{
			Enabled:            true,
			MinStage:           Formation,
			MaxSavingsMultiple: dec("3"), // programme guide: loans up to 3 times savings
			MinInstallments:    1,
			MaxInstallments:    3, // programme guide: terms up to 3 months
			Pricing: Pricing{
				AnnualRate:   dec("1.2"), // assumption: 10% a month flat, within the guide's range
				Method:       loan.Flat,  // programme guide: flat service charge
				Amortization: loan.EqualInstallments,
				Charge:       loan.ServiceFee, // programme guide: service charge
				Every:        loan.Months(1),
			},
			OneActiveLoan: true, // programme guide: one loan at a time
			NoArrears:     true,
		},
		BankLinkage: BankLinkage{Borrower: BorrowerGroup, Collateral: CollateralNone}, // no bank linkage
		Delinquency: Delinquency{
			PenaltyFlat: xof("0"),
		},
		ShareOut: ShareOut{
			CycleMonths:    12,               // programme guide: annual share-out
			Basis:          savings.ByShares, // programme guide: by shares
			KeepSocialFund: true,             // programme guide: the social fund is not shared out
		},
	}
}
