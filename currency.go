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
}

// currencies lists the ISO 4217 currencies of countries that run SHG or
// VSLA programmes, with their minor-unit digits as ISO 4217 publishes them,
// except IRR: ISO gives 2 but the rial has had no circulating subunit for
// decades, Iranian banks and the source programme book whole rials, so we use 0.
var currencies = map[string]currencyInfo{
	"IRR": {0, "Iranian rial"},
	"AFN": {2, "Afghan afghani"},
	"BDT": {2, "Bangladeshi taka"},
	"BIF": {0, "Burundian franc"},
	"BOB": {2, "Bolivian boliviano"},
	"CDF": {2, "Congolese franc"},
	"COP": {2, "Colombian peso"},
	"EGP": {2, "Egyptian pound"},
	"ETB": {2, "Ethiopian birr"},
	"EUR": {2, "Euro"},
	"GBP": {2, "Pound sterling"},
	"GHS": {2, "Ghanaian cedi"},
	"GTQ": {2, "Guatemalan quetzal"},
	"HNL": {2, "Honduran lempira"},
	"HTG": {2, "Haitian gourde"},
	"IDR": {2, "Indonesian rupiah"},
	"INR": {2, "Indian rupee"},
	"IQD": {3, "Iraqi dinar"},
	"JOD": {3, "Jordanian dinar"},
	"KES": {2, "Kenyan shilling"},
	"KGS": {2, "Kyrgyzstani som"},
	"KHR": {2, "Cambodian riel"},
	"LKR": {2, "Sri Lankan rupee"},
	"LRD": {2, "Liberian dollar"},
	"MAD": {2, "Moroccan dirham"},
	"MGA": {2, "Malagasy ariary"},
	"MMK": {2, "Myanmar kyat"},
	"MWK": {2, "Malawian kwacha"},
	"MXN": {2, "Mexican peso"},
	"MZN": {2, "Mozambican metical"},
	"NGN": {2, "Nigerian naira"},
	"NIO": {2, "Nicaraguan córdoba"},
	"NPR": {2, "Nepalese rupee"},
	"PEN": {2, "Peruvian sol"},
	"PHP": {2, "Philippine peso"},
	"PKR": {2, "Pakistani rupee"},
	"RWF": {0, "Rwandan franc"},
	"SDG": {2, "Sudanese pound"},
	"SLE": {2, "Sierra Leonean leone"},
	"SSP": {2, "South Sudanese pound"},
	"TJS": {2, "Tajikistani somoni"},
	"TZS": {2, "Tanzanian shilling"},
	"UGX": {0, "Ugandan shilling"},
	"USD": {2, "US dollar"},
	"XAF": {0, "Central African CFA franc"},
	"XOF": {0, "West African CFA franc"},
	"YER": {2, "Yemeni rial"},
	"ZAR": {2, "South African rand"},
	"ZMW": {2, "Zambian kwacha"},
}

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
