package store

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

	"github.com/yishi-council/yishi/cmd/yishi/internal/sqlitefile"
	"github.com/yishi-council/yishi/review/live"
)

// newDB is a new room database in a folder of the test's own.
func newDB(t *testing.T) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "drill.db")
	d, err := Open(path)
	require.NoError(t, err)
	t.Cleanup(func() { _ = d.Close() })
	return d, path
}

// raw opens the file at path with SQLite alone, as another program would.
func raw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	db.SetMaxOpenConns(1)
	return db
}

// pragma reads an integer pragma of the file at path.
func pragma(t *testing.T, path, name string) int {
	t.Helper()
	db := raw(t, path)
	defer db.Close()
	var v int
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

func TestOpenNew(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, path string)
	}{
		{"missing file", func(t *testing.T, path string) {}},
		{"file of zero bytes", func(t *testing.T, path string) {
			require.NoError(t, os.WriteFile(path, nil, 0o600))
		}},
		{"empty SQLite database", func(t *testing.T, path string) {
			db := raw(t, path)
			_, err := db.Exec("PRAGMA journal_mode = DELETE") // makes the file
			require.NoError(t, err)
			require.NoError(t, db.Close())
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "drill.db")
			tt.setup(t, path)
			d, err := Open(path)
			require.NoError(t, err)
			require.NoError(t, d.Set("round", "1"))
			require.NoError(t, d.Close())
			assert.Equal(t, ApplicationID, pragma(t, path, "application_id"))
			assert.Equal(t, len(migrations), pragma(t, path, "user_version"))
			db := raw(t, path)
			defer db.Close()
			var mode string
			require.NoError(t, db.QueryRow("PRAGMA journal_mode").Scan(&mode))
			assert.Equal(t, "wal", mode)
		})
	}
}

func TestOpenRefuses(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, path string)
		want  error
	}{
		{"text file", func(t *testing.T, path string) {
			require.NoError(t, os.WriteFile(path, []byte("version: 1\nid: elevator-retrofit\n"), 0o600))
		}, ErrNotYishi},
		{"text file as long as a SQLite header", func(t *testing.T, path string) {
			b := make([]byte, 4096)
			for i := range b {
				b[i] = 'x'
			}
			require.NoError(t, os.WriteFile(path, b, 0o600))
		}, ErrNotYishi},
		{"another program's SQLite database", func(t *testing.T, path string) {
			db := raw(t, path)
			defer db.Close()
			_, err := db.Exec("CREATE TABLE birds (name TEXT); INSERT INTO birds VALUES ('magpie')")
			require.NoError(t, err)
		}, ErrNotYishi},
		{"another program's application_id", func(t *testing.T, path string) {
			db := raw(t, path)
			defer db.Close()
			_, err := db.Exec("PRAGMA application_id = 1234")
			require.NoError(t, err)
		}, ErrNotYishi},
		{"another program's user_version", func(t *testing.T, path string) {
			db := raw(t, path)
			defer db.Close()
			_, err := db.Exec("PRAGMA user_version = 3")
			require.NoError(t, err)
		}, ErrNotYishi},
		{"a newer yishi's database", func(t *testing.T, path string) {
			d, err := Open(path)
			require.NoError(t, err)
			require.NoError(t, d.Close())
			db := raw(t, path)
			defer db.Close()
			_, err = db.Exec("PRAGMA user_version = " + strconv.Itoa(len(migrations)+1))
			require.NoError(t, err)
		}, ErrNewerSchema},
		{"a folder", func(t *testing.T, path string) {
			require.NoError(t, os.Mkdir(path, 0o700))
		}, ErrNotYishi},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "drill.db")
			tt.setup(t, path)
			before := snapshot(t, dir)
			d, err := Open(path)
			if d != nil {
				_ = d.Close()
			}
			require.ErrorIs(t, err, tt.want)
			assert.Contains(t, err.Error(), path, "the message names the file")
			assert.Equal(t, before, snapshot(t, dir), "the file is not written to")
		})
	}
}

// A database of schema version 1, with data in it, migrates to the
// latest on Open and keeps its data.
func TestOpenMigrates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "drill.db")
	w, err := sql.Open("sqlite", sqlitefile.DSN(path, "_txlock=immediate", "_pragma=journal_mode(WAL)"))
	require.NoError(t, err)
	w.SetMaxOpenConns(1)
	old := &DB{path: path, w: w}
	require.NoError(t, old.migrate(1))
	_, err = w.Exec(`INSERT INTO plan VALUES (1, 'p1', 'p1', 'plan.yaml', CAST('plan: 1' AS BLOB), CAST('scenario: 1' AS BLOB), 1700000000000);
		INSERT INTO people (kind, id, name, token, code) VALUES ('reviewer', 'r1', 'Wang Fang', 'tok-r1', 'ABCDEF');
		INSERT INTO reviewer_groups VALUES ('reviewer', 'r1', 1, 2);
		INSERT INTO log (at, round, grp, kind, phase, inject, member, text, made_by, auto)
			VALUES (1700000001000, 1, 2, 'phase_start', 1, '', '', '', 'trainer', 0);
		INSERT INTO settings VALUES ('round', '1')`)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	require.Equal(t, 1, pragma(t, path, "user_version"))

	d, err := Open(path)
	require.NoError(t, err)
	defer d.Close()
	assert.Equal(t, len(migrations), pragma(t, path, "user_version"))

	p, err := d.Plan()
	require.NoError(t, err)
	assert.Equal(t, "p1", p.ID)
	assert.Equal(t, []byte("plan: 1"), p.PlanYAML)
	people, err := d.People()
	require.NoError(t, err)
	assert.Equal(t, []Person{{Kind: "reviewer", ID: "r1", Name: "Wang Fang", Token: "tok-r1", Code: "ABCDEF",
		Groups: []GroupRef{{1, 2}}}}, people)
	es, err := d.Entries(0)
	require.NoError(t, err)
	assert.Equal(t, []live.Entry{{Seq: 1, At: time.UnixMilli(1700000001000).UTC(), Round: 1, Group: 2,
		Kind: live.KindPhaseStart, Phase: 1, By: "trainer"}}, es)
	round, err := d.Get("round")
	require.NoError(t, err)
	assert.Equal(t, "1", round)

	// What version 2 added works on the migrated file.
	require.NoError(t, d.Revoke("reviewer", "r1"))
	r1, err := d.Person("reviewer", "r1")
	require.NoError(t, err)
	assert.True(t, r1.Revoked)
	beat := time.UnixMilli(1700000002000).UTC()
	require.NoError(t, d.Beat(beat))
	got, err := d.LastBeat()
	require.NoError(t, err)
	assert.Equal(t, beat, got)
}

// A second Open of the same file, while the first is still open, reads
// every write the first returned from, and the two write to one log.
func TestOpenTwice(t *testing.T) {
	first, path := newDB(t)
	require.NoError(t, first.Init(Plan{ID: "p1", Path: "plan.yaml", PlanYAML: []byte("plan"), ScenarioYAML: []byte("scenario")}))
	_, _, err := first.Append("k1", []live.Entry{{At: time.UnixMilli(1000), Round: 1, Group: 1, Kind: live.KindPhaseStart, Phase: 1}})
	require.NoError(t, err)
	_, err = first.ApplyScores([]ScoreChange{{Key: "s1", Reviewer: "r1", Round: 1, Group: 1, Field: "score:rhythm", Value: "4"}})
	require.NoError(t, err)

	second, err := Open(path)
	require.NoError(t, err)
	defer second.Close()
	p, err := second.Plan()
	require.NoError(t, err)
	assert.Equal(t, "p1", p.ID)
	sheets, err := second.Sheets("r1")
	require.NoError(t, err)
	require.Len(t, sheets, 1)
	assert.Equal(t, map[string]int{"rhythm": 4}, sheets[0].Scores)
	out, dup, err := second.Append("k1", nil)
	require.NoError(t, err)
	assert.True(t, dup, "the first's key is known to the second")
	assert.Equal(t, int64(1), out[0].Seq)

	out, _, err = second.Append("k2", []live.Entry{{Round: 1, Group: 1, Kind: live.KindPause}})
	require.NoError(t, err)
	assert.Equal(t, int64(2), out[0].Seq)
	es, err := first.Entries(1)
	require.NoError(t, err)
	require.Len(t, es, 1)
	assert.Equal(t, live.KindPause, es[0].Kind)
}

func TestTimesAreUTCMilliseconds(t *testing.T) {
	d, _ := newDB(t)
	shanghai := time.FixedZone("CST", 8*3600)
	at := time.Date(2026, 12, 1, 9, 30, 0, 123456789, shanghai)
	want := time.Date(2026, 12, 1, 1, 30, 0, 123000000, time.UTC)
	require.NoError(t, d.Beat(at))
	got, err := d.LastBeat()
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, time.UTC, got.Location())

	out, _, err := d.Append("", []live.Entry{{At: at, Kind: live.KindNote}})
	require.NoError(t, err)
	assert.Equal(t, want, out[0].At, "Append returns the time as stored")
	es, err := d.Entries(0)
	require.NoError(t, err)
	assert.Equal(t, out, es)
}

// The connections are set up as the package comment says: the writer
// durable and checking foreign keys, the readers unable to write.
func TestConnections(t *testing.T) {
	d, _ := newDB(t)
	tests := []struct {
		name   string
		db     *sql.DB
		pragma string
		want   int
	}{
		{"writer syncs fully", d.w, "synchronous", 2},
		{"writer checks foreign keys", d.w, "foreign_keys", 1},
		{"writer waits when busy", d.w, "busy_timeout", 5000},
		{"reader only reads", d.r, "query_only", 1},
		{"reader waits when busy", d.r, "busy_timeout", 5000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v int
			require.NoError(t, tt.db.QueryRow("PRAGMA "+tt.pragma).Scan(&v))
			assert.Equal(t, tt.want, v)
		})
	}
	_, err := d.r.Exec("INSERT INTO settings VALUES ('x', 'y')")
	require.Error(t, err, "a reader cannot write")
}

// The schema is checked again under the write lock: a newer yishi may
// have migrated the file since it was probed.
func TestMigrateRechecks(t *testing.T) {
	d, path := newDB(t)
	other := raw(t, path)
	defer other.Close()
	_, err := other.Exec("PRAGMA user_version = " + strconv.Itoa(len(migrations)+1))
	require.NoError(t, err)
	require.ErrorIs(t, d.migrate(len(migrations)), ErrNewerSchema)
}
