package cohort

import (
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/review/history"
)

func f(v float64) *float64 { return &v }

// day is a small day of plan id on date.
func day(id, date string) history.Day {
	return history.Day{
		Plan: id, Date: date, Scenario: "elevator-retrofit", Title: "电梯加装", Language: "zh",
		Seats: []history.Seat{
			{Round: 1, Group: 2, Trainee: "T02", Name: "刘建国", Unit: "石庄社区", Role: "host", RoleTitle: "主持人", Function: "host"},
			{Round: 1, Group: 1, Trainee: "T01", Name: "王淑芬", Unit: "东关村", Role: "rec", RoleTitle: "记录员", Function: "recorder"},
			{Round: 2, Group: 1, Trainee: "T02", Name: "刘建国", Unit: "石庄社区", Role: "", RoleTitle: "", Function: ""},
		},
		Scores: []history.GroupScore{
			{Round: 1, Group: 2, Dimension: "rhythm", Title: "节奏", Owner: "host", Mean: f(4.5), N: 2},
			{Round: 1, Group: 2, Dimension: "induction", Title: "归纳", Owner: "", Mean: nil, N: 0},
		},
		Totals: []history.GroupTotal{{Round: 1, Group: 1, Weighted: nil}, {Round: 1, Group: 2, Weighted: f(4.25)}},
	}
}

// open opens the cohort database at path, closed at the test's end.
func open(t *testing.T, path string) *DB {
	t.Helper()
	d, err := Open(path)
	require.NoError(t, err)
	t.Cleanup(func() { _ = d.Close() })
	return d
}

var at = time.Date(2026, 3, 10, 17, 0, 0, 0, time.UTC)

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cohort.db")
	d := open(t, path)
	name, err := d.Name()
	require.NoError(t, err)
	assert.Empty(t, name, "no name before the first day")

	later, earlier := day("p2", "2026-04-02"), day("p1", "2026-03-10")
	earlier.Seats = earlier.Seats[:1]
	for _, x := range []history.Day{later, earlier} {
		replaced, err := d.Record(x, "桃源街道 2026 秋", at)
		require.NoError(t, err)
		assert.False(t, replaced)
	}
	// A second name does not rename the cohort.
	_, err = d.Record(day("p3", "2026-05-01"), "other", at)
	require.NoError(t, err)
	require.NoError(t, d.Close())

	d = open(t, path)
	name, err = d.Name()
	require.NoError(t, err)
	assert.Equal(t, "桃源街道 2026 秋", name)
	days, err := d.Days()
	require.NoError(t, err)
	require.Len(t, days, 3)
	assert.Equal(t, earlier, days[0], "by date")
	assert.Equal(t, later, days[1])
	assert.Equal(t, "p3", days[2].Plan)
	assert.Equal(t, ApplicationID, pragma(t, path, "application_id"))
	assert.Equal(t, len(migrations), pragma(t, path, "user_version"))
	assert.Equal(t, "wal", pragmaText(t, path, "journal_mode"))
}

func TestReplaceDay(t *testing.T) {
	d := open(t, filepath.Join(t.TempDir(), "cohort.db"))
	_, err := d.Record(day("p1", "2026-03-10"), "c", at)
	require.NoError(t, err)
	again := day("p1", "2026-03-11")
	again.Seats = again.Seats[1:]
	again.Scores[0].Mean = f(2)
	replaced, err := d.Record(again, "c", at)
	require.NoError(t, err)
	assert.True(t, replaced)
	days, err := d.Days()
	require.NoError(t, err)
	require.Len(t, days, 1)
	assert.Equal(t, again, days[0], "the day of the same plan is replaced whole: no seat or score of the first is left")
}

// A file of the first schema is migrated on open and keeps its days; they
// have no weighted totals, which the first schema did not keep.
func TestMigrateFromFirstSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cohort.db")
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	for _, q := range []string{
		migrations[0],
		`INSERT INTO cohort (one, name) VALUES (1, 'old')`,
		`INSERT INTO days VALUES ('p1', '2026-01-05', 's', 'S', 'en', 0)`,
		`INSERT INTO seats VALUES ('p1', 0, 1, 1, 'T01', 'Ann', 'East', 'host', 'Host', 'host')`,
		`INSERT INTO scores VALUES ('p1', 0, 1, 1, 'rhythm', 'Rhythm', 'host', 3.5, 2)`,
		"PRAGMA application_id = " + strconv.Itoa(ApplicationID),
		"PRAGMA user_version = 1",
	} {
		_, err := db.Exec(q)
		require.NoError(t, err, q)
	}
	require.NoError(t, db.Close())

	d := open(t, path)
	days, err := d.Days()
	require.NoError(t, err)
	assert.Equal(t, []history.Day{{
		Plan: "p1", Date: "2026-01-05", Scenario: "s", Title: "S", Language: "en",
		Seats:  []history.Seat{{Round: 1, Group: 1, Trainee: "T01", Name: "Ann", Unit: "East", Role: "host", RoleTitle: "Host", Function: "host"}},
		Scores: []history.GroupScore{{Round: 1, Group: 1, Dimension: "rhythm", Title: "Rhythm", Owner: "host", Mean: f(3.5), N: 2}},
	}}, days)
	_, err = d.Record(day("p2", "2026-02-01"), "ignored", at)
	require.NoError(t, err, "the second schema's totals can be written")
	assert.Equal(t, 2, pragma(t, path, "user_version"))
}

// Files of another kind are refused, their bytes unchanged and nothing
// made beside them.
func TestOpenRefuses(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, path string)
		want  error
	}{
		{"the room's database", func(t *testing.T, path string) {
			db, err := store.Open(path)
			require.NoError(t, err)
			require.NoError(t, db.Close())
		}, ErrRoomDB},
		{"a text file", func(t *testing.T, path string) {
			require.NoError(t, os.WriteFile(path, []byte("id,name\nT01,王淑芬\n"), 0o600))
		}, ErrNotCohort},
		{"another program's SQLite file", func(t *testing.T, path string) {
			db, err := sql.Open("sqlite", path)
			require.NoError(t, err)
			_, err = db.Exec(`CREATE TABLE notes (text TEXT)`)
			require.NoError(t, err)
			require.NoError(t, db.Close())
		}, ErrNotCohort},
		{"a newer schema", func(t *testing.T, path string) {
			d, err := Open(path)
			require.NoError(t, err)
			require.NoError(t, d.Close())
			db, err := sql.Open("sqlite", path)
			require.NoError(t, err)
			_, err = db.Exec("PRAGMA user_version = " + strconv.Itoa(len(migrations)+1))
			require.NoError(t, err)
			require.NoError(t, db.Close())
		}, ErrNewerSchema},
		{"a folder", func(t *testing.T, path string) {
			require.NoError(t, os.Mkdir(path, 0o700))
		}, ErrNotCohort},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "cohort.db")
			tt.setup(t, path)
			before := snapshot(t, dir)
			d, err := Open(path)
			require.ErrorIs(t, err, tt.want)
			assert.Nil(t, d)
			assert.Contains(t, err.Error(), path, "the message names the file")
			assert.Equal(t, before, snapshot(t, dir), "the file is untouched")
		})
	}
}

func TestOpenNew(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cohort.db")
	require.NoError(t, os.WriteFile(path, nil, 0o600))
	d := open(t, path)
	days, err := d.Days()
	require.NoError(t, err)
	assert.Empty(t, days)
}

// pragma reads an integer pragma of the file at path.
func pragma(t *testing.T, path, name string) int {
	t.Helper()
	v, err := strconv.Atoi(pragmaText(t, path, name))
	require.NoError(t, err)
	return v
}

// pragmaText reads a pragma of the file at path, as another program would.
func pragmaText(t *testing.T, path, name string) string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	defer db.Close()
	var v string
	require.NoError(t, db.QueryRow("PRAGMA "+name).Scan(&v))
	return v
}

// snapshot is the folder's files and their bytes.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	des, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, de := range des {
		if de.IsDir() {
			files[de.Name()] = "folder"
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, de.Name()))
		require.NoError(t, err)
		files[de.Name()] = fmt.Sprintf("%x", sha256.Sum256(b))
	}
	return files
}
