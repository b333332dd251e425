package member

// Gender of a member, for eligibility rules (the Kermanshah programme
// serves women and girls).
type Gender uint8

const (
	// GenderUnknown is the zero value: not recorded.
	GenderUnknown Gender = iota
	Female
	Male
)

// Role of a member in the group.
type Role uint8

const (
	// Ordinary is the zero value: a member without office.
	Ordinary Role = iota
	Chair
	Treasurer
	Secretary
)

// Status of a member.
type Status uint8

const (
	// Active is the zero value.
	Active Status = iota
	Exited
	Deceased
)

// Livelihood is the activity a member's loans finance; the source article
// lists these.
type Livelihood uint8

const (
	// LivelihoodNone is the zero value: not recorded.
	LivelihoodNone Livelihood = iota
	Beekeeping
	LeatherWork
	VegetableGrowing
	Dairy
	Poultry
	KilimWeaving
	Handicrafts
	OtherLivelihood
)
