package live

import (
	"flag"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// t0 is when the fixtures' drills start, in the room's time zone.
var t0 = time.Date(2026, 12, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*60*60))

// at is t0 plus d.
func at(d time.Duration) time.Time { return t0.Add(d) }

const minute = time.Minute

// fixtureAgenda has four phases (5, 15, 20 and 10 minutes: 50 in all) and
// three injects: a manual one at 10m, and automatic ones at 25m and 45m.
func fixtureAgenda() Agenda {
	return Agenda{
		Phases: []Phase{
			{ID: "open", Title: "Opening", LedBy: "host", Planned: 5 * minute},
			{ID: "views", Title: "Views", Planned: 15 * minute},
			{ID: "options", Title: "Options", Planned: 20 * minute},
			{ID: "close", Title: "Closing", LedBy: "host", Planned: 10 * minute},
		},
		Injects: []Inject{
			{ID: "rain", At: 10 * minute, To: []string{"resident"}, Text: "It rains."},
			{ID: "inject-2", At: 25 * minute, To: []string{"host"}, Text: "The mayor calls.", Auto: true},
			{ID: "late", At: 45 * minute, To: []string{"manager"}, Text: "A letter.", Auto: true},
		},
	}
}

// fixtureTeam is group 2 of round 1, with three members.
func fixtureTeam() Team {
	return Team{Round: 1, Group: 2, Members: []Member{
		{ID: "t1", Name: "Wang Fang", Role: "host"},
		{ID: "t2", Name: "Li Wei", Role: "resident"},
		{ID: "t3", Name: "Zhao Min", Role: "manager"},
	}}
}

// golden compares got with the file, or rewrites it with -update.
func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(file, got, 0o644))
		return
	}
	want, err := os.ReadFile(file)
	require.NoError(t, err, "run go test -update to create it")
	require.Equal(t, string(want), string(got))
}
