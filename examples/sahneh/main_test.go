package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/khodyar/shg/program"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runArgs(t *testing.T, args ...string) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, run(&b, args))
	return b.String()
}

// TestRun_articleFigures checks that the default run reproduces the
// article's figures (seed-article.en.md, paragraphs 3-4): about 70 groups
// formed since Shahrivar 1397, all with their first bank loan, about 30
// with the second received or queued; groups of 15-25 members.
func TestRun_articleFigures(t *testing.T) {
	var r program.Report
	require.NoError(t, json.Unmarshal([]byte(runArgs(t, "-json")), &r))
	assert.Equal(t, "1399-12-01", r.OnSolarHijri)
	assert.Equal(t, 70, r.Groups.Formed, "about 70 groups formed")
	require.Len(t, r.Tranches, 3)
	assert.GreaterOrEqual(t, r.Tranches[0].ReceivedOrQueued, 68, "all groups have their first loan")
	assert.InDelta(t, 30, r.Tranches[1].ReceivedOrQueued, 5, "about 30 groups have the second loan or are queued")
	assert.GreaterOrEqual(t, r.Members.Ever, 70*15)
	assert.LessOrEqual(t, r.Members.Ever, 70*25)
	assert.Equal(t, 320, r.Progress.Groups.Target)
	assert.Equal(t, 5, r.Progress.Counties.Target)
	require.Len(t, r.Counties, 1)
	assert.Equal(t, "Sahneh", r.Counties[0].County)
	assert.Equal(t, []string{"Tolou Social Work Clinic"}, r.Counties[0].Organisations)
}

// TestRun_otherSeeds: the article's figures are the model's, not one lucky seed's.
func TestRun_otherSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("simulates three more counties")
	}
	for _, seed := range []string{"1", "2", "3"} {
		var r program.Report
		require.NoError(t, json.Unmarshal([]byte(runArgs(t, "-json", "-seed", seed)), &r))
		assert.GreaterOrEqual(t, r.Tranches[0].ReceivedOrQueued, 67, "seed %s: tranche 1", seed)
		assert.InDelta(t, 30, r.Tranches[1].ReceivedOrQueued, 6, "seed %s: tranche 2", seed)
	}
}

func TestRun_sameSeedSameBytes(t *testing.T) {
	a := runArgs(t, "-json", "-seed", "42", "-on", "1398-12-29")
	b := runArgs(t, "-json", "-seed", "42", "-on", "1398-12-29")
	assert.Equal(t, a, b)
	assert.True(t, json.Valid([]byte(a)))
	c := runArgs(t, "-json", "-seed", "43", "-on", "1398-12-29")
	assert.NotEqual(t, a, c, "another seed, another history")

	fa1 := runArgs(t, "-lang", "fa", "-seed", "42", "-on", "1398-12-29")
	fa2 := runArgs(t, "-lang", "fa", "-seed", "42", "-on", "1398-12-29")
	assert.Equal(t, fa1, fa2)
}

func TestRun_text(t *testing.T) {
	en := runArgs(t, "-on", "1398-06-01")
	assert.Contains(t, en, "Date: 1 Shahrivar 1398 SH (2019-08-23)")
	assert.Contains(t, en, "Sahneh (Tolou Social Work Clinic)")
	assert.Contains(t, en, "toman")

	fa := runArgs(t, "-on", "1398-06-01", "-lang", "fa")
	assert.Contains(t, fa, "تاریخ گزارش: ۱ شهریور ۱۳۹۸")
	assert.Contains(t, fa, "تومان")
	assert.Contains(t, fa, "گروه‌های خودیار")
	assert.NotContains(t, strings.ReplaceAll(fa, "PAR30", ""), "0", "Persian figures use Persian digits")
}

func TestRun_errors(t *testing.T) {
	for _, args := range [][]string{
		{"-lang", "de"},
		{"-on", "1399-13-01"},
		{"-seed", "x"},
		{"extra"},
		{"-on", "1390-01-01"}, // before the scheme started: the scenario's end precedes its start
	} {
		var b bytes.Buffer
		assert.Error(t, run(&b, args), "%q", args)
	}
}
