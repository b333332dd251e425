package loan_test

import (
	"encoding"
	"encoding/json"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/loan"
)

// FuzzEnumText decodes arbitrary names into every enum of the package:
// never a panic, and a name that decodes encodes back to itself.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"decliningBalance", "flat", "equalInstallments", "equalPrincipal", "interest",
		"serviceFee", "month", "week", "day", "active", "closed", "writtenOff", "penalty", "fee", "principal",
		"disbursement", "repayment", "writeOff", "current", "days1To30", "daysOver90", "", "Flat", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, v := range []interface {
			encoding.TextUnmarshaler
			encoding.TextMarshaler
		}{new(loan.InterestMethod), new(loan.Amortization), new(loan.ChargeKind), new(loan.PeriodUnit),
			new(loan.Status), new(loan.Component), new(loan.Kind), new(loan.Bucket)} {
			if err := v.UnmarshalText([]byte(s)); err != nil {
				continue
			}
			b, err := v.MarshalText()
			if err != nil || string(b) != s {
				t.Fatalf("%T: %q decodes but encodes as %q (%v)", v, s, b, err)
			}
		}
	})
}

// FuzzTerms decodes arbitrary JSON into Terms: Validate and NewSchedule
// never panic, and a schedule that is built repays exactly the principal.
func FuzzTerms(f *testing.F) {
	valid, err := json.Marshal(validTerms())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(valid))
	f.Add(`{"principal":{"amount":"1000","currency":"USD"},"annualRate":"0.5","interest":"flat","installments":7,"every":{"n":2,"unit":"week"},"start":"2024-02-29","rounding":{"mode":"ceiling","unit":"0.05"}}`)
	f.Add(`{"principal":{"amount":"-1","currency":"IRR"},"installments":-3,"principalGrace":9}`)
	f.Fuzz(func(t *testing.T, s string) {
		var tm loan.Terms
		if json.Unmarshal([]byte(s), &tm) != nil {
			return
		}
		if tm.Installments > 200 || tm.Every.N > 50 {
			return // keep each run short; the bounds themselves are tested elsewhere
		}
		sched, err := loan.NewSchedule(tm)
		if err != nil {
			if !shg.HasCode(err, "loan.installment_multiple") && tm.Validate() == nil {
				t.Fatalf("valid terms refused: %v", err)
			}
			return
		}
		sum := shg.Zero(tm.Principal.Currency())
		for _, in := range sched.Installments() {
			sum, _ = sum.Add(in.Principal)
		}
		if !sum.Equal(tm.Principal) {
			t.Fatalf("principal parts sum to %s, want %s", sum, tm.Principal)
		}
	})
}
