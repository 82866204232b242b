package cohort

// migrations are the steps of the schema, in order: a database at
// version n (PRAGMA user_version) has had the first n applied. A step is
// never changed once released; a change to the schema is a new step.
var migrations = []string{
	// 1: the cohort's name, its days, who sat where and played what, and
	// each group's mean per dimension.
	`CREATE TABLE cohort (
		one INTEGER PRIMARY KEY CHECK (one = 1),
		name TEXT NOT NULL
	) STRICT;
	CREATE TABLE days (
		plan TEXT PRIMARY KEY,
		date TEXT NOT NULL,
		scenario TEXT NOT NULL,
		title TEXT NOT NULL,
		language TEXT NOT NULL,
		recorded_at INTEGER NOT NULL
	) STRICT;
	CREATE TABLE seats (
		plan TEXT NOT NULL REFERENCES days (plan) ON DELETE CASCADE,
		seq INTEGER NOT NULL,
		round INTEGER NOT NULL,
		grp INTEGER NOT NULL,
		trainee TEXT NOT NULL,
		name TEXT NOT NULL,
		unit TEXT NOT NULL,
		role TEXT NOT NULL,
		role_title TEXT NOT NULL,
		function TEXT NOT NULL,
		PRIMARY KEY (plan, seq)
	) STRICT;
	CREATE TABLE scores (
		plan TEXT NOT NULL REFERENCES days (plan) ON DELETE CASCADE,
		seq INTEGER NOT NULL,
		round INTEGER NOT NULL,
		grp INTEGER NOT NULL,
		dimension TEXT NOT NULL,
		title TEXT NOT NULL,
		owner TEXT NOT NULL,
		mean REAL,
		n INTEGER NOT NULL,
		PRIMARY KEY (plan, seq)
	) STRICT;`,
	// 2: each group's weighted total, and trainees found by id without
	// reading every seat.
	`CREATE TABLE totals (
		plan TEXT NOT NULL REFERENCES days (plan) ON DELETE CASCADE,
		round INTEGER NOT NULL,
		grp INTEGER NOT NULL,
		weighted REAL,
		PRIMARY KEY (plan, round, grp)
	) STRICT;
	CREATE INDEX seats_trainee ON seats (trainee);`,
}
