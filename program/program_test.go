package program_test

import (
	"testing"

	"github.com/khodyar/shg"
	"github.com/khodyar/shg/group"
	"github.com/khodyar/shg/policy"
	"github.com/khodyar/shg/program"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNew(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		p, err := program.New(program.Config{Name: "Kermanshah", Currency: shg.IRR, Targets: program.Targets{Groups: 320, Counties: 5}})
		require.NoError(t, err)
		assert.Equal(t, 0, p.Len())
		assert.True(t, p.Config().IncomeThreshold.Equal(shg.Zero(shg.IRR)))
		assert.True(t, p.LastDate().IsZero())
	})
	for name, c := range map[string]program.Config{
		"ErrNoName":            {Currency: shg.IRR},
		"ErrUnknownCurrency":   {Name: "x", Currency: "ZZZ"},
		"ErrNegativeTarget":    {Name: "x", Currency: shg.IRR, Targets: program.Targets{Groups: -1}},
		"ErrThresholdInUSD":    {Name: "x", Currency: shg.IRR, IncomeThreshold: shg.MustParseMoney("100 USD")},
		"ErrNegativeThreshold": {Name: "x", Currency: shg.IRR, IncomeThreshold: shg.Toman(-1)},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := program.New(c)
			require.ErrorIs(t, err, shg.ErrRuleViolation)
			assert.True(t, shg.HasCode(err, program.CodeConfig), "%v", err)
		})
	}
	_, err := program.New(program.Config{Name: "x", Currency: "ZZZ"})
	assert.ErrorIs(t, err, shg.ErrUnknownCurrency)
}

func TestProgram_Add(t *testing.T) {
	newProg := func(t *testing.T) *program.Program {
		p, err := program.New(program.Config{Name: "Kermanshah", Currency: shg.IRR})
		require.NoError(t, err)
		return p
	}
	found := func(t *testing.T, pol policy.Policy, id shg.GroupID) *group.Group {
		g, err := group.Found(pol, group.Charter{ID: id, Name: string(id), Facilitator: "Ms Karimi", Founded: sh(1397, 6, 1)})
		require.NoError(t, err)
		return g
	}
	t.Run("OK", func(t *testing.T) {
		p := newProg(t)
		g := found(t, policy.KermanshahBehzisti(), "SAH-1")
		require.NoError(t, p.Add(g, program.Assignment{County: " Sahneh ", Phase: 3}))
		e, ok := p.Entry("SAH-1")
		require.True(t, ok)
		assert.Same(t, g, e.Group)
		assert.Equal(t, "Sahneh", e.Assignment.County, "trimmed")
		assert.Equal(t, "Ms Karimi", e.Assignment.Facilitator, "the charter's facilitator")
		assert.Equal(t, sh(1397, 6, 1), p.LastDate())
		_, ok = p.Entry("nope")
		assert.False(t, ok)

		es := p.Entries()
		es[0] = program.Entry{}
		assert.NotNil(t, p.Entries()[0].Group, "Entries returns a copy")
	})
	for _, tc := range []struct {
		name string
		add  func(p *program.Program) error
		code string
	}{
		{"ErrNilGroup", func(p *program.Program) error { return p.Add(nil, program.Assignment{County: "Sahneh"}) }, program.CodeNilGroup},
		{"ErrDuplicate", func(p *program.Program) error {
			require.NoError(t, p.Add(found(t, policy.KermanshahBehzisti(), "SAH-1"), program.Assignment{County: "Sahneh"}))
			return p.Add(found(t, policy.KermanshahBehzisti(), "SAH-1"), program.Assignment{County: "Sahneh"})
		}, program.CodeDuplicateGroup},
		{"ErrCurrency", func(p *program.Program) error {
			return p.Add(found(t, policy.NABARDLinkage(), "IN-1"), program.Assignment{County: "Ranchi"})
		}, program.CodeCurrency},
		{"ErrNoCounty", func(p *program.Program) error {
			return p.Add(found(t, policy.KermanshahBehzisti(), "SAH-2"), program.Assignment{County: "  "})
		}, program.CodeAssignment},
		{"ErrNegativePhase", func(p *program.Program) error {
			return p.Add(found(t, policy.KermanshahBehzisti(), "SAH-3"), program.Assignment{County: "Sahneh", Phase: -1})
		}, program.CodeAssignment},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newProg(t)
			before := p.Len()
			if tc.name == "ErrDuplicate" {
				before = 1
			}
			err := tc.add(p)
			require.ErrorIs(t, err, shg.ErrRuleViolation)
			assert.True(t, shg.HasCode(err, tc.code), "want %s in %v", tc.code, err)
			assert.Equal(t, before, p.Len(), "a refused Add enrols nothing")
		})
	}
}
