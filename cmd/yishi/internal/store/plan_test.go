package store

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPlanBeforeInit(t *testing.T) {
	d, _ := newDB(t)
	_, err := d.Plan()
	require.ErrorIs(t, err, ErrNoPlan)
	require.ErrorIs(t, d.SetPlan("p2", []byte("amended")), ErrNoPlan)
}

func TestInit(t *testing.T) {
	created := time.Date(2026, 12, 1, 1, 0, 0, 0, time.UTC)
	first := Plan{ID: "p1", Path: "day/plan.yaml", PlanYAML: []byte("plan: p1"), ScenarioYAML: []byte("id: elevator-retrofit"), Created: created}
	tests := []struct {
		name    string
		amend   bool // the plan is amended in the room before the restart
		restart Plan
		wantErr error
	}{
		{name: "the same plan", restart: Plan{ID: "p1", Path: "other/plan.yaml", PlanYAML: []byte("changed")}},
		{name: "the same plan after an amendment", amend: true, restart: Plan{ID: "p1"}},
		{name: "the amended plan", amend: true, restart: Plan{ID: "p2"}},
		{name: "another plan", restart: Plan{ID: "p9"}, wantErr: ErrOtherPlan},
		{name: "the amendment's id before it was made", restart: Plan{ID: "p2"}, wantErr: ErrOtherPlan},
		{name: "another plan after an amendment", amend: true, restart: Plan{ID: "p9"}, wantErr: ErrOtherPlan},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, path := newDB(t)
			require.NoError(t, d.Init(first))
			want := first
			want.Origin = "p1"
			if tt.amend {
				require.NoError(t, d.SetPlan("p2", []byte("plan: p2")))
				want.ID, want.PlanYAML = "p2", []byte("plan: p2")
			}
			require.NoError(t, d.Close())

			d, err := Open(path)
			require.NoError(t, err)
			defer d.Close()
			err = d.Init(tt.restart)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				assert.Contains(t, err.Error(), want.ID, "names the plan held")
				assert.Contains(t, err.Error(), "day/plan.yaml", "names the plan's file")
				assert.Contains(t, err.Error(), tt.restart.ID, "names the plan given")
			} else {
				require.NoError(t, err)
			}
			got, err := d.Plan()
			require.NoError(t, err)
			assert.Equal(t, want, got, "the stored plan is kept")
		})
	}
}

func TestInitOrigin(t *testing.T) {
	d, _ := newDB(t)
	// A room first opened with an amended plan knows the plan it came from.
	require.NoError(t, d.Init(Plan{Origin: "p1", ID: "p2", Path: "plan-amended.yaml"}))
	require.NoError(t, d.Init(Plan{ID: "p1"}))
	require.NoError(t, d.Init(Plan{ID: "p2"}))
	require.ErrorIs(t, d.Init(Plan{ID: "p3"}), ErrOtherPlan)
	p, err := d.Plan()
	require.NoError(t, err)
	assert.Equal(t, "p1", p.Origin)
	assert.Equal(t, "p2", p.ID)
	assert.Empty(t, p.PlanYAML)
}

func TestSetPlanFile(t *testing.T) {
	d, _ := newDB(t)
	require.ErrorIs(t, d.SetPlanFile("p2", "b/plan-2.yaml", []byte("plan: p2")), ErrNoPlan)
	require.NoError(t, d.Init(Plan{ID: "p1", Path: "a/plan.yaml", PlanYAML: []byte("plan: p1"), ScenarioYAML: []byte("id: s")}))
	require.NoError(t, d.SetPlanFile("p2", "b/plan-2.yaml", []byte("plan: p2")))
	p, err := d.Plan()
	require.NoError(t, err)
	assert.Equal(t, Plan{Origin: "p1", ID: "p2", Path: "b/plan-2.yaml", PlanYAML: []byte("plan: p2"), ScenarioYAML: []byte("id: s"), Created: p.Created}, p)
	// Both the plan it began with and the one it runs now open the room.
	require.NoError(t, d.Init(Plan{ID: "p1"}))
	require.NoError(t, d.Init(Plan{ID: "p2"}))
}
