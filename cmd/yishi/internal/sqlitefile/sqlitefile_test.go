package sqlitefile

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProbe(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(text, []byte("not a database, but long enough to be read as one\n"), 0o644))
	empty := filepath.Join(dir, "empty.db")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))

	tests := []struct {
		name string
		path string
		want Stamp
		err  error
	}{
		{"missing", filepath.Join(dir, "missing.db"), Stamp{}, nil},
		{"empty", empty, Stamp{}, nil},
		{"folder", dir, Stamp{}, ErrFolder},
		{"text", text, Stamp{}, ErrNotSQLite},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(tt.path)
			got, err := Probe(tt.path)
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
			} else {
				require.NoError(t, err)
				assert.True(t, got.Empty())
			}
			after, _ := os.ReadFile(tt.path)
			assert.Equal(t, before, after, "probing writes nothing")
			_, err = os.Stat(tt.path + "-wal")
			assert.True(t, os.IsNotExist(err), "and makes nothing beside the file")
		})
	}
	_, err := os.Stat(filepath.Join(dir, "missing.db"))
	assert.True(t, os.IsNotExist(err), "a missing file is not made by probing it")
}

// A new file migrates to the last schema and carries the application id;
// migrating again changes nothing, and check sees the stamp each time.
func TestMigrate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	db, err := OpenWriter(path)
	require.NoError(t, err)
	migrations := []string{`CREATE TABLE a (x INTEGER)`, `CREATE TABLE b (y INTEGER)`}
	var seen []Stamp
	check := func(s Stamp) error { seen = append(seen, s); return nil }
	require.NoError(t, Migrate(db, path, 0x7a7a7a7a, migrations[:1], check))
	require.NoError(t, Migrate(db, path, 0x7a7a7a7a, migrations, check))
	require.NoError(t, Migrate(db, path, 0x7a7a7a7a, migrations, check))
	require.NoError(t, db.Close())
	assert.Equal(t, []Stamp{{}, {App: 0x7a7a7a7a, Version: 1, Objects: 1}, {App: 0x7a7a7a7a, Version: 2, Objects: 2}}, seen)

	got, err := Probe(path)
	require.NoError(t, err)
	assert.Equal(t, Stamp{App: 0x7a7a7a7a, Version: 2, Objects: 2}, got)

	// A refusal by check writes nothing.
	db, err = OpenWriter(path)
	require.NoError(t, err)
	refuse := assert.AnError
	err = Migrate(db, path, 0x7a7a7a7a, append(migrations, `CREATE TABLE c (z INTEGER)`), func(Stamp) error { return refuse })
	require.ErrorIs(t, err, refuse)
	var n int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'c'`).Scan(&n))
	assert.Zero(t, n)
	require.NoError(t, db.Close())
}

func TestWriteRollsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	db, err := OpenWriter(path)
	require.NoError(t, err)
	defer db.Close()
	require.NoError(t, Write(db, path, func(tx *sql.Tx) error { _, err := tx.Exec(`CREATE TABLE t (v INTEGER)`); return err }))
	err = Write(db, path, func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO t VALUES (1)`); err != nil {
			return err
		}
		return assert.AnError
	})
	require.ErrorIs(t, err, assert.AnError)
	var n int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM t`).Scan(&n))
	assert.Zero(t, n, "a failed write leaves nothing")
	_, err = db.Exec(`INSERT INTO t VALUES (1)`)
	require.NoError(t, err)
	err = Write(db, path, func(tx *sql.Tx) error { _, err := tx.Exec(`INSERT INTO nowhere VALUES (1)`); return err })
	assert.Equal(t, 1, Primary(err))
}
