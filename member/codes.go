package member

// Violation codes this package reports in a [*shg.RuleError]. They are
// stable across versions; front ends key translations on them. doc.go says
// when each is returned.
const (
	CodeID             = "member.id"
	CodeName           = "member.name"
	CodeBirthDate      = "member.birth_date"
	CodeGender         = "member.gender"
	CodeVillage        = "member.village"
	CodeNationalID     = "member.national_id"
	CodeRole           = "member.role"
	CodeStatus         = "member.status"
	CodeLivelihood     = "member.livelihood"
	CodeJoined         = "member.joined"
	CodeExitDate       = "member.exit_date"
	CodeOfficeHolder   = "member.office_inactive"
	CodeNotActive      = "member.not_active"
	CodeIncomeDate     = "member.income_date"
	CodeIncomeOrder    = "member.income_order"
	CodeIncomeCurrency = "member.income_currency"
	CodeIncomeAmount   = "member.income_amount"
)
