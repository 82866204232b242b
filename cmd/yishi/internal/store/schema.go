package store

// migrations are the steps of the schema, in order: a database at
// version n (PRAGMA user_version) has had the first n applied. A step is
// never changed once released; a change to the schema is a new step.
var migrations = []string{
	// 1: the plan, the people and their links, the drill log, the
	// scoresheets and the room's settings.
	`CREATE TABLE plan (
		one INTEGER PRIMARY KEY CHECK (one = 1),
		origin TEXT NOT NULL,
		id TEXT NOT NULL,
		path TEXT NOT NULL,
		plan_yaml BLOB NOT NULL,
		scenario_yaml BLOB NOT NULL,
		created INTEGER NOT NULL
	) STRICT;
	CREATE TABLE people (
		kind TEXT NOT NULL CHECK (kind IN ('trainer', 'trainee', 'reviewer')),
		id TEXT NOT NULL,
		name TEXT NOT NULL,
		token TEXT NOT NULL UNIQUE,
		code TEXT NOT NULL UNIQUE,
		PRIMARY KEY (kind, id)
	) STRICT;
	CREATE TABLE reviewer_groups (
		kind TEXT NOT NULL,
		id TEXT NOT NULL,
		round INTEGER NOT NULL,
		grp INTEGER NOT NULL,
		PRIMARY KEY (kind, id, round, grp),
		FOREIGN KEY (kind, id) REFERENCES people (kind, id) ON DELETE CASCADE
	) STRICT;
	CREATE TABLE log (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		at INTEGER NOT NULL,
		round INTEGER NOT NULL,
		grp INTEGER NOT NULL,
		kind TEXT NOT NULL,
		phase INTEGER NOT NULL,
		inject TEXT NOT NULL,
		member TEXT NOT NULL,
		text TEXT NOT NULL,
		made_by TEXT NOT NULL,
		auto INTEGER NOT NULL
	) STRICT;
	CREATE INDEX log_group ON log (round, grp, seq);
	CREATE TABLE log_keys (
		idem_key TEXT PRIMARY KEY,
		first_seq INTEGER NOT NULL,
		entries INTEGER NOT NULL
	) STRICT;
	CREATE TABLE sheet_fields (
		reviewer TEXT NOT NULL,
		round INTEGER NOT NULL,
		grp INTEGER NOT NULL,
		field TEXT NOT NULL,
		value TEXT NOT NULL,
		at INTEGER NOT NULL,
		PRIMARY KEY (reviewer, round, grp, field)
	) STRICT;
	CREATE TABLE score_keys (
		reviewer TEXT NOT NULL,
		idem_key TEXT NOT NULL,
		PRIMARY KEY (reviewer, idem_key)
	) STRICT;
	CREATE TABLE settings (
		name TEXT PRIMARY KEY,
		value TEXT NOT NULL
	) STRICT;`,
	// 2: a link can be revoked, and the server's heartbeat marks when it
	// was last alive, so that an outage can be counted as a pause.
	`ALTER TABLE people ADD COLUMN revoked INTEGER NOT NULL DEFAULT 0;
	CREATE TABLE heartbeat (
		one INTEGER PRIMARY KEY CHECK (one = 1),
		at INTEGER NOT NULL
	) STRICT;`,
}
