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

// withCurrency gives every unset amount of p (the currency-less zero Money)
// the policy's currency, so that a preset's JSON reads
// {"amount":"0","currency":"IRR"} rather than an empty currency.
func withCurrency(p Policy) Policy {
	fix := func(m *shg.Money) {
		if m.Currency() == "" && m.IsZero() {
			*m = shg.Zero(p.Currency)
		}
	}
	fix(&p.Savings.Plan.Amount)
	fix(&p.Savings.SocialFund)
	fix(&p.Savings.Fines.Absence)
	fix(&p.Savings.Fines.Late)
	fix(&p.Lending.MaxAmount)
	fix(&p.Delinquency.PenaltyFlat)
	for i := range p.BankLinkage.Tranches {
		t := &p.BankLinkage.Tranches[i]
		fix(&t.MaxPerMember)
		fix(&t.MaxPerGroup)
		fix(&t.CorpusFloor)
	}
	return p
}

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
	return withCurrency(Policy{
		Name:     "Kermanshah Behzisti self-help groups for rural women",
		Region:   "Kermanshah province, Iran",
		Version:  "1397",
		Source:   SourceKermanshah,
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
			Frequency: Monthly,    // assumption
			Quorum:    dec("0.6"), // assumption: three fifths of the members
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
	})
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

// Sources of the presets, cited by the comments below.
const (
	// SourceKermanshah is the news report on the Kermanshah Welfare
	// Organization's microfinance scheme that this library is built from
	// (the project's mission/seed-article.fa.txt and its English rendering):
	// 15–25 rural women and girls per group; preparation, formation and
	// sustainability by protocol under a senior facilitator; lending from
	// the group's internal fund; a first Keshavarzi Bank loan after 6 months
	// without guarantor or collateral, capped per member at 2,500,000 toman,
	// then 3,000,000 and 5,000,000 toman.
	SourceKermanshah = "Behzisti (Welfare Organization) of Kermanshah, Office of Empowerment and Family: news report on the rural women's microfinance scheme"
	// SourceNABARD is NABARD's master circular on the SHG-Bank Linkage
	// Programme (NB.MCID/ Circular 230/MCID-05/2018, 23 August 2018,
	// https://www.nabard.org/CircularPage.aspx?cid=504&id=2882) and RBI's
	// master circular on DAY-NRLM (FIDD.GSSD.CO.BC.No.04/09.01.01/2017-18,
	// 1 July 2017, https://www.rbi.org.in/Scripts/NotificationUser.aspx?Id=11035&Mode=0),
	// whose lending norms banks restate (e.g. https://bankofindia.co.in/Self_Help_Group):
	// SHGs of up to 20 members, in active existence for at least 6 months as
	// per their books, practising the Panchasutra (regular meetings, regular
	// savings, regular inter-loaning, timely repayment, up-to-date books),
	// qualifying under NABARD's grading norms; first dose 6 times the
	// existing corpus or at least Rs 1 lakh, whichever is higher; second dose
	// 8 times the corpus or at least Rs 2 lakh; no collateral and no margin
	// up to Rs 10 lakh.
	SourceNABARD = "NABARD Master Circular on SHG-Bank Linkage Programme (23 Aug 2018); RBI Master Circular DAY-NRLM (1 Jul 2017)"
	// SourceNABARDGrading is NABARD's SHG grading: ten parameters of ten
	// marks each (regular meetings, attendance, participation, regular
	// savings, knowledge of rules, internal lending, repayment, books and
	// records, homogeneity, understanding of the SHG concept); above 85 marks
	// grade A, 75–85 grade B, below 75 grade C; only groups of 75 marks and
	// more are linked (restated at https://experts123.com/q/what-is-grading-and-how-is-it-done.html;
	// the Panchasutra grading of DAY-NRLM at
	// http://vikaspedia.in/social-welfare/rural-poverty-alleviation-1/self-help-groups/grading-of-shgs).
	SourceNABARDGrading = "NABARD SHG grading: 10 parameters, A > 85, B 75-85, C < 75 marks"
	// SourceVSLA is VSL Associates' description of the methodology
	// (https://www.vsla.net/the-vsla-methodology/): 10 to 25 self-selected
	// members, weekly meetings, 1 to 5 shares a meeting at a price fixed for
	// the cycle, loans up to three times a member's savings for at most
	// three months at a monthly service charge set by the group, a social
	// fund that is not shared out, a five-person management committee, a
	// lock-box instead of a bank account, one-year cycles ending in a
	// share-out in proportion to savings. And H. Allen, VSL Programme Guide:
	// Village Agent Training Guide v1.04 (2011): training modules 1
	// (groups, leadership and elections), 2 (social fund, share-purchase and
	// credit policies) and 3 (constitution) precede module 4, the first
	// savings meeting.
	SourceVSLA = "VSL Associates, The VSLA methodology (vsla.net); H. Allen, VSL Programme Guide: Village Agent Training Guide v1.04 (2011)"
)

// NABARDLinkage is India's SHG-Bank Linkage Programme as NABARD's and the
// Reserve Bank of India's master circulars set it out ([SourceNABARD]): groups
// of 10–20 that practise the Panchasutra for 6 months, are graded
// ([SourceNABARDGrading]), and borrow as a group in doses of 6× then 8× their
// corpus, at least ₹1 lakh then ₹2 lakh, without collateral.
func NABARDLinkage() Policy {
	bank := Pricing{
		AnnualRate:   dec("0.07"),            // DAY-NRLM interest subvention: women SHGs borrow at 7% a year (RBI master circular)
		Method:       loan.DecliningBalance,  // bank term loans accrue on the outstanding balance
		Amortization: loan.EqualInstallments, // assumption
		Charge:       loan.Interest,
		Every:        loan.Months(1), // RBI: monthly or quarterly installments by cash flow; assumption: monthly
	}
	return withCurrency(Policy{
		Name:     "NABARD SHG-Bank Linkage Programme",
		Region:   "India",
		Version:  "NABARD master circular 2018; RBI DAY-NRLM master circular 2017",
		Source:   SourceNABARD + "; " + SourceNABARDGrading,
		Currency: "INR",
		Calendar: shg.Gregorian,
		Rounding: shg.Rounding{Mode: shg.HalfEven, Unit: dec("1")}, // assumption: whole rupees
		Membership: Membership{
			MinMembers: 10,                                                              // NABARD: groups of 10-20 members
			MaxMembers: 20,                                                              // RBI / banks: maximum 20 members
			MinAge:     18,                                                              // assumption: adults, who can contract with a bank
			Officers:   []member.Role{member.Chair, member.Treasurer, member.Secretary}, // assumption: office bearers
		},
		Stages: Stages{
			Preparation: PreparationGate{
				Facilitator:            true, // NABARD: a self-help promoting institution (SHPI) forms and nurtures the group
				MinOrientationSessions: 3,    // assumption
			},
			Formation: FormationGate{
				Bylaws:      true, // assumption: the group's rules, in its minute book
				BankAccount: true, // NABARD: the group opens a savings bank account
			},
			Sustainability: SustainabilityGate{
				MinMonthsSinceFormation: 6,          // RBI: active existence of at least 6 months as per the books
				MinMeetingsHeld:         dec("0.8"), // Panchasutra: regular meetings; threshold assumption
				MinAttendance:           dec("0.7"), // NABARD grading: attendance; threshold assumption
				MinSavingsRegularity:    dec("0.8"), // Panchasutra: regular savings; threshold assumption
				MinInternalLoans:        1,          // Panchasutra: regular inter-loaning
				MinRepaymentRate:        dec("0.9"), // Panchasutra: timely repayment; threshold assumption
				Books:                   true,       // Panchasutra: up-to-date books of accounts
			},
		},
		Meetings: Meetings{
			Frequency: Weekly,     // assumption: weekly, as DAY-NRLM recommends; many groups meet monthly
			Quorum:    dec("0.5"), // assumption
		},
		Savings: Savings{
			Plan: savings.Plan{
				Kind:   savings.EqualFixed, // Panchasutra: regular savings of an agreed amount
				Amount: inr("50"),          // assumption: Rs 50 a week
			},
			SocialFund: inr("0"), // assumption: none
			Fines: Fines{
				Absence: inr("10"), // assumption
				Late:    inr("5"),  // assumption
			},
		},
		Lending: Lending{
			Enabled:            true,        // Panchasutra: regular inter-loaning
			MinStage:           Formation,   // assumption
			MaxSavingsMultiple: dec("2"),    // assumption
			MaxFundShare:       dec("0.25"), // assumption
			MinInstallments:    1,           // assumption
			MaxInstallments:    12,          // assumption
			Pricing: Pricing{
				AnnualRate:   dec("0.24"), // assumption: 2% a month, a common internal rate
				Method:       loan.DecliningBalance,
				Amortization: loan.EqualInstallments,
				Charge:       loan.Interest,
				Every:        loan.Months(1),
			},
			OneActiveLoan: true, // assumption
			NoArrears:     true, // assumption
		},
		BankLinkage: BankLinkage{
			Bank:       "scheduled commercial bank, regional rural bank or cooperative bank", // NABARD / RBI
			Borrower:   BorrowerGroup,                                                        // SHG-BLP: the group borrows and on-lends
			Collateral: CollateralNone,                                                       // RBI: no collateral, no margin up to Rs 10 lakh
			Tranches: []Tranche{
				{
					CorpusMultiple:    dec("6"),      // RBI: first dose 6 times the existing corpus
					CorpusFloor:       inr("100000"), // RBI: or at least Rs 1 lakh, whichever is higher
					MinGroupAgeMonths: 6,             // RBI: 6 months of active existence
					RequireMature:     true,          // RBI: practising the Panchasutra
					MinGrade:          GradeB,        // NABARD grading: 75 marks or more
					Installments:      24,            // assumption
					Pricing:           bank,
				},
				{
					CorpusMultiple:    dec("8"),      // RBI: second dose 8 times the corpus
					CorpusFloor:       inr("200000"), // RBI: or at least Rs 2 lakh, whichever is higher
					MinGroupAgeMonths: 6,             // RBI: as the first dose
					RequireMature:     true,
					PreviousRepaid:    dec("1"), // assumption: the first dose repaid before the second
					MinGrade:          GradeB,   // NABARD grading
					Installments:      36,       // assumption
					Pricing:           bank,
				},
			},
		},
		Delinquency: Delinquency{
			GraceDays:    0,           // assumption
			PenaltyRate:  dec("0.02"), // assumption: 2% a year penal interest
			PenaltyFlat:  inr("0"),
			WriteOffDays: 0,
		},
		Grading: GradeRules{
			// NABARD grading's measurable parameters, equal weights as in its
			// ten-marks-each scale; the qualitative ones (participation,
			// knowledge of rules, homogeneity, understanding) are left out.
			Indicators: []Weight{
				{Metric: MeetingRegularity, Weight: dec("10")}, // regular meetings
				{Metric: Attendance, Weight: dec("10")},        // attendance
				{Metric: SavingsRegularity, Weight: dec("10")}, // regular savings
				{Metric: FundUtilisation, Weight: dec("10")},   // internal lending
				{Metric: RepaymentRate, Weight: dec("10")},     // repayment
				{Metric: Books, Weight: dec("10")},             // books and records
			},
			A:               dec("0.85"), // NABARD grading: above 85 marks is A
			B:               dec("0.75"), // NABARD grading: 75-85 marks is B
			MinMonthsActive: 6,           // RBI: graded for linkage after 6 months
		},
		ShareOut: ShareOut{
			CycleMonths:    0,                 // SHGs keep a standing corpus
			Basis:          savings.BySavings, // on exit or dissolution
			KeepSocialFund: true,
		},
	})
}

// VSLA is CARE's Village Savings and Loan Association methodology
// ([SourceVSLA]): a self-selected group of 10–25 members meets weekly, buys
// 1–5 shares a meeting at a price fixed for the cycle, lends up to 3 times a
// member's savings for up to 3 months at a flat monthly service charge,
// keeps a social fund, and shares out everything but the social fund at the
// end of each annual cycle. There is no bank linkage. The currency (West
// African CFA franc: CARE's first VSLAs, Mata Masu Dubara, were in Niger) and
// every amount are assumptions; a programme sets its own.
func VSLA() Policy {
	return withCurrency(Policy{
		Name:     "CARE Village Savings and Loan Association",
		Region:   "generic (CARE VSLA methodology)",
		Version:  "VSL Programme Guide v1.04",
		Source:   SourceVSLA,
		Currency: "XOF", // assumption: Niger, where CARE's VSLAs began
		Calendar: shg.Gregorian,
		Rounding: shg.Rounding{Mode: shg.HalfEven, Unit: dec("5")}, // assumption: the smallest coin in use
		Membership: Membership{
			MinMembers: 10,                                                              // VSL Associates: 10 to 25 self-selected members
			MaxMembers: 25,                                                              // VSL Associates: 10 to 25
			MinAge:     18,                                                              // assumption
			Officers:   []member.Role{member.Chair, member.Treasurer, member.Secretary}, // VSL Associates: management committee (of five)
		},
		Stages: Stages{
			Preparation: PreparationGate{
				Facilitator:            true, // VSL Programme Guide: a field officer or village agent trains the group
				MinOrientationSessions: 3,    // VSL Programme Guide: modules 1-3 before the first savings meeting
			},
			Formation: FormationGate{
				Bylaws:      true,  // VSL Programme Guide module 3: the constitution
				BankAccount: false, // VSL Associates: cash kept in a lock-box with three padlocks
			},
			Sustainability: SustainabilityGate{
				MinMonthsSinceFormation: 3,          // assumption: the guide's intensive training phase, about 12 weeks
				MinMeetingsHeld:         dec("0.9"), // assumption
				MinAttendance:           dec("0.8"), // assumption
				MinSavingsRegularity:    dec("0.8"), // assumption
				MinInternalLoans:        1,          // VSL Programme Guide module 5: first loan meeting
				MinRepaymentRate:        dec("0.9"), // assumption
				Books:                   true,       // VSL Associates: member passbooks
			},
		},
		Meetings: Meetings{
			Frequency: Weekly,     // VSL Associates: groups meet weekly
			Quorum:    dec("0.5"), // assumption
		},
		Savings: Savings{
			Plan: savings.Plan{
				Kind:      savings.Shares, // VSL Associates: members save by buying shares
				Amount:    xof("500"),     // assumption: the price the group fixes for the cycle
				MinShares: 1,              // VSL Associates: between 1 and 5 shares a meeting
				MaxShares: 5,              // VSL Associates: between 1 and 5 shares a meeting
			},
			SocialFund: xof("100"), // VSL Associates: an agreed contribution at every meeting; amount assumption
			Fines: Fines{
				Absence: xof("100"), // assumption: fines set in the constitution
				Late:    xof("50"),  // assumption
			},
		},
		Lending: Lending{
			Enabled:            true,
			MinStage:           Formation,
			MaxSavingsMultiple: dec("3"), // VSL Associates: up to three times a member's savings
			MinInstallments:    1,
			MaxInstallments:    3, // VSL Associates: loans for at most three months
			Pricing: Pricing{
				AnnualRate:   dec("1.2"), // assumption: 10% a month; VSL Associates: a monthly service charge set by the group
				Method:       loan.Flat,  // the charge is on the amount borrowed, month by month
				Amortization: loan.EqualInstallments,
				Charge:       loan.ServiceFee, // VSL Associates: "service charge"
				Every:        loan.Months(1),  // VSL Associates: a monthly service charge
			},
			OneActiveLoan: true, // assumption: one loan at a time, common in VSLA constitutions
			NoArrears:     true, // assumption
		},
		BankLinkage: BankLinkage{Borrower: BorrowerGroup, Collateral: CollateralNone}, // VSL Associates: no external borrowing
		Delinquency: Delinquency{
			PenaltyFlat: xof("0"), // assumption: late repayment meets the group's fines
		},
		// No grading: VSLAs are not graded for linkage.
		ShareOut: ShareOut{
			CycleMonths:    12,               // VSL Associates: one-year cycles ending in a share-out
			Basis:          savings.ByShares, // VSL Associates: in proportion to savings, i.e. shares at a fixed price
			KeepSocialFund: true,             // VSL Associates: the social fund is not shared out
		},
	})
}
