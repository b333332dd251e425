package group_test

import (
	"fmt"
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/member"
	"github.com/khodyar/shg/policy"
	"github.com/stretchr/testify/require"
)

// sh is a Solar Hijri date literal.
func sh(y, m, d int) shg.Date { return shg.MustDate(shg.SolarHijri, y, m, d) }

func mid(i int) shg.MemberID { return shg.MemberID(fmt.Sprintf("m%02d", i)) }

// woman is an eligible applicant under the Kermanshah policy: a rural woman
// born in 1370 SH.
func woman(i int) member.Profile {
	return member.Profile{
		ID: mid(i), Name: fmt.Sprintf("Member %d", i), BirthDate: sh(1370, 1, 1),
		Gender: member.Female, Village: "Dinavar", Rural: true, Livelihood: member.Dairy,
	}
}

// found founds a Kermanshah group on 1 Shahrivar 1397, the day the Sahneh
// scheme started, with a facilitator.
func found(tb testing.TB, p policy.Policy) *group.Group {
	tb.Helper()
	g, err := group.Found(p, group.Charter{ID: "sahneh-001", Name: "Dinavar women's group", Village: "Dinavar",
		County: "Sahneh", Facilitator: "senior facilitator", Founded: sh(1397, 6, 1)})
	require.NoError(tb, err)
	return g
}

// formed takes a group through preparation (three orientation sessions),
// admits n members on 20 Shahrivar and enters Formation on 21 Shahrivar.
func formed(tb testing.TB, p policy.Policy, n int) *group.Group {
	tb.Helper()
	g := found(tb, p)
	for _, d := range []int{5, 12, 19} {
		require.NoError(tb, g.RecordPreparationSession(sh(1397, 6, d), "orientation", n))
	}
	for i := 1; i <= n; i++ {
		require.NoError(tb, g.Admit(sh(1397, 6, 20), woman(i)))
	}
	require.NoError(tb, g.Advance(sh(1397, 6, 21)))
	return g
}

// constituted also elects officers, adopts bylaws and opens the bank
// account on 22 Shahrivar.
func constituted(tb testing.TB, p policy.Policy, n int) *group.Group {
	tb.Helper()
	g := formed(tb, p, n)
	on := sh(1397, 6, 22)
	require.NoError(tb, g.ElectOfficers(on, group.Officers{Chair: mid(1), Treasurer: mid(2), Secretary: mid(3)}))
	require.NoError(tb, g.AdoptBylaws(on, "bylaws v1"))
	require.NoError(tb, g.OpenBankAccount(on, "Keshavarzi Bank", "0101-22"))
	return g
}

// meeting is a full-attendance meeting where every active member
// deposits amount each.
func meeting(g *group.Group, amount shg.Money) group.Meeting { return g.FullMeeting(amount) }

// snapshot is the group's full state as JSON.
func snapshot(tb testing.TB, g *group.Group) string {
	tb.Helper()
	b, err := g.MarshalJSON()
	require.NoError(tb, err)
	return string(b)
}

// requireRefused asserts err is a *shg.RuleError carrying code and that the
// group is exactly as it was before.
func requireRefused(tb testing.TB, g *group.Group, before string, events int, err error, code string) {
	tb.Helper()
	require.Error(tb, err)
	require.ErrorIs(tb, err, shg.ErrRuleViolation)
	require.Truef(tb, shg.HasCode(err, code), "want code %s in %v", code, err)
	require.Equal(tb, events, g.Len(), "a refused command appended events")
	require.Equal(tb, before, snapshot(tb, g), "a refused command changed the group")
}
