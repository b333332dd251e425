package shg

import (
	"fmt"
	"sort"
)

// currencyInfo is one row of the ISO 4217 table: the number of decimal
// places of the currency's minor unit.
type currencyInfo struct {
	digits int32
	name   string
	code   string // the key (set by index)
	index  uint8  // the row's place in table (set by index)
}

// index fills in each row's code and index, and returns the rows in code
// order from table[1]; table[0] is "no currency", the zero Money's. A
// Money holds the index, a byte: no string to compare or for the garbage
// collector to follow, and the digits are an array lookup, not a map's.
func index(t map[string]currencyInfo) (map[string]currencyInfo, []currencyInfo) {
	codes := make([]string, 0, len(t))
	for code := range t {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	rows := make([]currencyInfo, 1, len(t)+1)
	for i, code := range codes {
		c := t[code]
		c.code, c.index = code, uint8(i+1)
		t[code] = c
		rows = append(rows, c)
	}
	return t, rows
}

// irr is the rial's index in table.
var irr = currencies[IRR].index

// currencies lists the ISO 4217 currencies of countries that run SHG or
// VSLA programmes, with their minor-unit digits as ISO 4217 publishes them,
// except IRR: ISO gives 2 but the rial has had no circulating subunit for
// decades, Iranian banks and the source programme book whole rials, so we use 0.
var currencies, table = index(map[string]currencyInfo{
	"IRR": {digits: 0, name: "Iranian rial"},
	"AFN": {digits: 2, name: "Afghan afghani"},
	"BDT": {digits: 2, name: "Bangladeshi taka"},
	"BIF": {digits: 0, name: "Burundian franc"},
	"BOB": {digits: 2, name: "Bolivian boliviano"},
	"CDF": {digits: 2, name: "Congolese franc"},
	"COP": {digits: 2, name: "Colombian peso"},
	"EGP": {digits: 2, name: "Egyptian pound"},
	"ETB": {digits: 2, name: "Ethiopian birr"},
	"EUR": {digits: 2, name: "Euro"},
	"GBP": {digits: 2, name: "Pound sterling"},
	"GHS": {digits: 2, name: "Ghanaian cedi"},
	"GTQ": {digits: 2, name: "Guatemalan quetzal"},
	"HNL": {digits: 2, name: "Honduran lempira"},
	"HTG": {digits: 2, name: "Haitian gourde"},
	"IDR": {digits: 2, name: "Indonesian rupiah"},
	"INR": {digits: 2, name: "Indian rupee"},
	"IQD": {digits: 3, name: "Iraqi dinar"},
	"JOD": {digits: 3, name: "Jordanian dinar"},
	"KES": {digits: 2, name: "Kenyan shilling"},
	"KGS": {digits: 2, name: "Kyrgyzstani som"},
	"KHR": {digits: 2, name: "Cambodian riel"},
	"LKR": {digits: 2, name: "Sri Lankan rupee"},
	"LRD": {digits: 2, name: "Liberian dollar"},
	"MAD": {digits: 2, name: "Moroccan dirham"},
	"MGA": {digits: 2, name: "Malagasy ariary"},
	"MMK": {digits: 2, name: "Myanmar kyat"},
	"MWK": {digits: 2, name: "Malawian kwacha"},
	"MXN": {digits: 2, name: "Mexican peso"},
	"MZN": {digits: 2, name: "Mozambican metical"},
	"NGN": {digits: 2, name: "Nigerian naira"},
	"NIO": {digits: 2, name: "Nicaraguan córdoba"},
	"NPR": {digits: 2, name: "Nepalese rupee"},
	"PEN": {digits: 2, name: "Peruvian sol"},
	"PHP": {digits: 2, name: "Philippine peso"},
	"PKR": {digits: 2, name: "Pakistani rupee"},
	"RWF": {digits: 0, name: "Rwandan franc"},
	"SDG": {digits: 2, name: "Sudanese pound"},
	"SLE": {digits: 2, name: "Sierra Leonean leone"},
	"SSP": {digits: 2, name: "South Sudanese pound"},
	"TJS": {digits: 2, name: "Tajikistani somoni"},
	"TZS": {digits: 2, name: "Tanzanian shilling"},
	"UGX": {digits: 0, name: "Ugandan shilling"},
	"USD": {digits: 2, name: "US dollar"},
	"XAF": {digits: 0, name: "Central African CFA franc"},
	"XOF": {digits: 0, name: "West African CFA franc"},
	"YER": {digits: 2, name: "Yemeni rial"},
	"ZAR": {digits: 2, name: "South African rand"},
	"ZMW": {digits: 2, name: "Zambian kwacha"},
})

// IRR is the Iranian rial's code. Amounts are booked in whole rials; the
// toman (10 rials) is only a unit of speech and display, see [Toman].
const IRR = "IRR"

// IsCurrency reports whether code is in the currency table.
func IsCurrency(code string) bool {
	_, ok := currencies[code]
	return ok
}

// Currencies returns the supported ISO 4217 codes, sorted.
func Currencies() []string {
	out := make([]string, 0, len(currencies))
	for c := range currencies {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// MinorDigits returns the number of decimal places of code's minor unit
// (0 for IRR and UGX, 2 for INR). It fails with [ErrUnknownCurrency].
func MinorDigits(code string) (int32, error) {
	c, ok := currencies[code]
	if !ok {
		return 0, fmt.Errorf("%w: %q", ErrUnknownCurrency, code)
	}
	return c.digits, nil
}
