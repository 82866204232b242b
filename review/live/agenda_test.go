package live

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

func TestAgendaOf(t *testing.T) {
	s := &scenario.Scenario{
		Agenda: []scenario.Phase{
			{ID: "open", Title: "Opening", Minutes: 5, LedBy: "host"},
			{ID: "views", Title: "Views", Minutes: 15},
		},
		Injects: []scenario.Inject{
			{ID: "rain", At: scenario.Duration(10 * time.Minute), To: []string{"resident"}, Text: "It rains."},
			{At: scenario.Duration(25 * time.Minute), To: []string{"host", "manager"}, Text: "The mayor calls.", Release: scenario.ReleaseAuto},
			{At: scenario.Duration(90 * time.Second), To: []string{"host"}, Text: "A letter.", Release: "manual"},
		},
	}
	a := AgendaOf(s)
	assert.Equal(t, []Phase{
		{ID: "open", Title: "Opening", LedBy: "host", Planned: 5 * time.Minute},
		{ID: "views", Title: "Views", Planned: 15 * time.Minute},
	}, a.Phases)
	assert.Equal(t, []Inject{
		{ID: "rain", At: 10 * time.Minute, To: []string{"resident"}, Text: "It rains."},
		{ID: "inject-2", At: 25 * time.Minute, To: []string{"host", "manager"}, Text: "The mayor calls.", Auto: true},
		{ID: "inject-3", At: 90 * time.Second, To: []string{"host"}, Text: "A letter."},
	}, a.Injects)
	assert.Equal(t, 20*time.Minute, a.Planned())
}

func TestAgendaOfEmpty(t *testing.T) {
	a := AgendaOf(&scenario.Scenario{})
	assert.Empty(t, a.Phases)
	assert.Empty(t, a.Injects)
	assert.Zero(t, a.Planned())
}

func TestLookups(t *testing.T) {
	a, team := fixtureAgenda(), fixtureTeam()
	tests := []struct {
		name   string
		inject string
		member string
		wantIn bool
		wantM  bool
	}{
		{name: "both known", inject: "rain", member: "t2", wantIn: true, wantM: true},
		{name: "derived inject id", inject: "inject-2", member: "t1", wantIn: true, wantM: true},
		{name: "unknown", inject: "snow", member: "t9"},
		{name: "empty", inject: "", member: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, ok := a.Inject(tt.inject)
			assert.Equal(t, tt.wantIn, ok)
			if ok {
				assert.Equal(t, tt.inject, in.ID)
			}
			m, ok := team.Member(tt.member)
			assert.Equal(t, tt.wantM, ok)
			if ok {
				assert.Equal(t, tt.member, m.ID)
			}
		})
	}
}

// TestAgendaOfBundled reads a bundled scenario with one inject marked
// release: auto, as a trainer would write it.
func TestAgendaOfBundled(t *testing.T) {
	data, name, err := scenarios.YAML("elevator-retrofit")
	require.NoError(t, err)
	marked := bytes.Replace(data, []byte("  - id: value-rumour\n"), []byte("  - id: value-rumour\n    release: auto\n"), 1)
	require.NotEqual(t, data, marked, "the scenario's first inject moved")
	s, diags := scenario.ParseScenario(name, marked, scenarios.Rubric)
	require.NoError(t, diags.Err())
	a := AgendaOf(s)
	require.Len(t, a.Phases, len(s.Agenda))
	require.Len(t, a.Injects, len(s.Injects))
	assert.Equal(t, s.AgendaMinutes(), int(a.Planned()/time.Minute))
	for i, in := range a.Injects {
		assert.Equal(t, s.Injects[i].ID == "value-rumour", in.Auto, in.ID)
		assert.Equal(t, time.Duration(s.Injects[i].At), in.At)
	}
}
