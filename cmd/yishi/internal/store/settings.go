package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Get is the room's setting key (such as the current round, or whether
// the debrief is open); a key never set reads as "".
func (d *DB) Get(key string) (string, error) {
	var v string
	err := d.r.QueryRow(`SELECT value FROM settings WHERE name = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read the setting %s in %s: %w", key, d.path, err)
	}
	return v, nil
}

// Set sets the room's setting key to value.
func (d *DB) Set(key, value string) error {
	return d.write(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO settings (name, value) VALUES (?, ?)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value`, key, value); err != nil {
			return fmt.Errorf("store the setting %s in %s: %w", key, d.path, err)
		}
		return nil
	})
}

// Beat records that the server was alive at now. The server beats every
// few seconds; after a crash, the outage runs from the last beat.
func (d *DB) Beat(now time.Time) error {
	return d.write(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO heartbeat (one, at) VALUES (1, ?)
			ON CONFLICT (one) DO UPDATE SET at = excluded.at`, millis(now)); err != nil {
			return fmt.Errorf("store the heartbeat in %s: %w", d.path, err)
		}
		return nil
	})
}

// LastBeat is the time of the latest [DB.Beat], in UTC, or the zero time
// if the server never beat.
func (d *DB) LastBeat() (time.Time, error) {
	var at int64
	err := d.r.QueryRow(`SELECT at FROM heartbeat WHERE one = 1`).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("read the heartbeat in %s: %w", d.path, err)
	}
	return fromMillis(at), nil
}
