package policy_test

import (
	"bytes"
	"encoding/json"
	"strconv"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/policy"
)

func BenchmarkLoad(b *testing.B) {
	data, err := json.Marshal(policy.KermanshahBehzisti())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := policy.Load(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	p := policy.NABARDLinkage()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := p.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckTranche_25Members(b *testing.B) {
	p := policy.KermanshahBehzisti()
	f := trancheFacts(1)
	f.Members = 25
	for i := 0; i < 25; i++ {
		f.Requests = append(f.Requests, policy.MemberRequest{Member: shg.MemberID("m" + strconv.Itoa(i)), Amount: shg.Toman(2_000_000)})
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if !p.CheckTranche(f).Passed() {
			b.Fatal("refused")
		}
	}
}

func BenchmarkCheckInternalLoan(b *testing.B) {
	p := policy.KermanshahBehzisti()
	f := loanFacts()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if !p.CheckInternalLoan(f).Passed() {
			b.Fatal("refused")
		}
	}
}

func BenchmarkGrade(b *testing.B) {
	p := policy.NABARDLinkage()
	f := policy.GradeFacts{AttendanceRate: dec("0.9"), SavingsRegularity: dec("0.8"), RepaymentRate: dec("1"),
		MeetingRegularity: dec("1"), FundUtilisation: dec("0.5"), BooksUpToDate: true, MonthsActive: 8}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = p.Grade(f)
	}
}
