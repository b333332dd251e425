package program_test

import (
	"fmt"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// sh is a Solar Hijri date literal.
func sh(y, m, d int) shg.Date { return shg.MustDate(shg.SolarHijri, y, m, d) }

func mid(i int) shg.MemberID { return shg.MemberID(fmt.Sprintf("m%02d", i)) }

// interestFree is the Kermanshah preset with every loan free of charge,
// no late-payment penalty, and a first tranche of 10 installments, so that
// every installment is an exact tenth (or third, or half) of its loan and
// the report's figures can be worked out by hand.
func interestFree() policy.Policy {
	p := policy.KermanshahBehzisti().Clone()
	p.Name = "Kermanshah, interest-free (test)"
	p.Lending.Pricing.AnnualRate = decimal.Zero
	for i := range p.BankLinkage.Tranches {
		p.BankLinkage.Tranches[i].Pricing.AnnualRate = decimal.Zero
	}
	p.BankLinkage.Tranches[0].Installments = 10
	p.Delinquency.PenaltyRate = decimal.Zero
	return p
}

// woman is an eligible applicant under the Kermanshah policy.
func woman(i int) member.Profile {
	return member.Profile{ID: mid(i), Name: fmt.Sprintf("Member %d", i), BirthDate: sh(1370, 1, 1),
		Gender: member.Female, Village: "Dinavar", Rural: true}
}

// sustained founds a group on founded with n members admitted on day 20
// of that month and takes it to Sustainability on day 22, the way
// group/helpers_test.go does: three orientation sessions, formation,
// officers, bylaws and a bank account. It records each member's baseline
// income on day 20: baseline(i).
func sustained(tb testing.TB, p policy.Policy, id shg.GroupID, county string, founded shg.Date, n int, baseline func(int) shg.Money) *group.Group {
	tb.Helper()
	g, err := group.Found(p, group.Charter{ID: id, Name: string(id), Village: "Dinavar", County: county,
		Facilitator: "senior facilitator", Founded: founded})
	require.NoError(tb, err)
	for _, d := range []int{4, 11, 18} {
		require.NoError(tb, g.RecordPreparationSession(founded.AddDays(d), "orientation", n))
	}
	on := founded.AddDays(19)
	for i := 1; i <= n; i++ {
		require.NoError(tb, g.Admit(on, woman(i)))
		if baseline != nil {
			require.NoError(tb, g.RecordIncome(on, mid(i), baseline(i)))
		}
	}
	require.NoError(tb, g.Advance(on.AddDays(1)))
	on = on.AddDays(2)
	require.NoError(tb, g.ElectOfficers(on, group.Officers{Chair: mid(1), Treasurer: mid(2), Secretary: mid(3)}))
	require.NoError(tb, g.AdoptBylaws(on, "bylaws"))
	require.NoError(tb, g.OpenBankAccount(on, "Keshavarzi Bank", string(id)))
	require.NoError(tb, g.Advance(on))
	require.Equal(tb, policy.Sustainability, g.Stage())
	return g
}

// full is a meeting where every active member attends and deposits amount.
func full(g *group.Group, amount shg.Money) group.Meeting { return g.FullMeeting(amount) }
