// Package drilllog is the drill log as a file: what happened in one group
// in one round of the drill (agenda phases started and ended, pauses,
// injects released, speaking turns, interruptions, the host's summaries
// and notes), as `yishi export` writes it from the room and as a trainer
// who logged on paper types it by hand from the template `yishi new log`
// gives. It reads YAML and CSV (as Excel saves it), checks a log against
// the plan and the scenario with every problem at its file:line:col, and
// writes both formats byte for byte the same for the same log.
//
// Lines need not be in time order: readers sort entries by time
// ([Log.Sorted]), ties kept in file order, so that two observers' sheets
// merged by hand read as one.
package drilllog

import (
	"cmp"
	"slices"
	"time"

	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/scenario"
)

// Version is the version of the drill log file this build writes. It also
// reads version 1, the file `yishi export` wrote before: every group of
// the day in one file, each entry carrying its round and group.
const Version = 2

// Kind is the kind of a drill log file.
const Kind = "drill-log"

// MaxEntries is the most entries a drill log may have: far more than a
// drill of a day logs, and few enough to check at once.
const MaxEntries = 20000

// MaxSpan is how far from the first entry of a log any time may be.
const MaxSpan = 24 * time.Hour

// DefaultUTCOffset is the UTC offset of clock times in a log that gives
// none: China Standard Time, where yishi's street offices are.
const DefaultUTCOffset = "+08:00"

// Log is the drill log of one round and group, as a file holds it.
type Log struct {
	// Version is the file's version: [Version], or 1 for a file of
	// `yishi export` before it. A CSV file has none: it is read as
	// version 2 when its rows are of one round and group, else as a
	// version 1 file of several.
	Version int
	// Kind is [Kind].
	Kind string
	// Plan is the id of the plan's group the log is of
	// ([plan.Plan.GroupID], as a scoresheet carries it: it stays the same
	// when a change on the day leaves the group alone, or the plan file is
	// written again elsewhere) or, in a version 1 file, of the whole plan
	// ([plan.Plan.ID]); Scenario is the scenario's id. Both are optional in
	// a log written by hand, and checked by [Check] when present.
	Plan, Scenario string
	// Round and Group are the round and group the log is of. A version 1
	// file of several groups leaves them 0 until [Log.Split].
	Round, Group int
	// Date ("2026-12-01") and UTCOffset ("+08:00") say what the clock
	// times of the file mean; an entry's time is a full time either way.
	Date, UTCOffset string
	// Demo marks made-up demo data, which every report made from the log
	// says.
	Demo bool
	// Entries are the log's lines in file order, each with Round and
	// Group filled from the top and Seq its place in the file, from 1.
	Entries []live.Entry

	file   string
	format string // "yaml" or "csv"
	top    map[string]field
	places []place
}

// The formats a log is read from and written in.
const (
	FormatYAML = "yaml"
	FormatCSV  = "csv"
)

// field is where a value stands and how messages name it: its YAML path
// ("entries[3].at") or its cell ("row 4, column B (at)").
type field struct {
	pos  scenario.Pos
	name scenario.Message
}

// place is where an entry stands, and what of it only [Check] can read.
type place struct {
	pos    scenario.Pos
	name   scenario.Message // the entry as a whole: "entries[3]", "row 4"
	fields map[string]field
	// phase is the phase as written, when it is an agenda phase's id
	// rather than a number; Check turns it into a number.
	phase string
}

// File is the name of the file the log was read from.
func (l *Log) File() string { return l.file }

// Format is the format the log was read from: [FormatYAML] or [FormatCSV].
func (l *Log) Format() string { return l.format }

// Pos is where entry i (from 0) stands in its file: the start of its YAML
// mapping or its CSV row. It is the file alone for a log not read from one.
func (l *Log) Pos(i int) scenario.Pos {
	if i >= 0 && i < len(l.places) {
		return l.places[i].pos
	}
	return scenario.Pos{File: l.file}
}

// at is where field key of entry i stands and how to name it; a field the
// entry leaves out is the entry itself.
func (l *Log) at(i int, key string) field {
	if i < 0 || i >= len(l.places) {
		return field{pos: scenario.Pos{File: l.file}, name: scenario.Msg("%s", key)}
	}
	p := l.places[i]
	if f, ok := p.fields[key]; ok {
		return f
	}
	return field{pos: p.pos, name: p.name}
}

// topAt is where a top-level value stands and how to name it.
func (l *Log) topAt(key string) field {
	if f, ok := l.top[key]; ok {
		return f
	}
	// A key left out is the log as a whole: its first line.
	return field{pos: l.top[""].pos, name: scenario.Msg("%s", key)}
}

// Sorted returns the entries by time, ties kept in file order, with Round
// and Group filled: the order measures read a log in.
func (l *Log) Sorted() []live.Entry {
	out := slices.Clone(l.Entries)
	for i := range out {
		if out[i].Round == 0 {
			out[i].Round = l.Round
		}
		if out[i].Group == 0 {
			out[i].Group = l.Group
		}
	}
	slices.SortStableFunc(out, func(a, b live.Entry) int { return a.At.Compare(b.At) })
	return out
}

// order is the indexes of the entries by time, ties in file order.
func (l *Log) order() []int {
	idx := make([]int, len(l.Entries))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return l.Entries[a].At.Compare(l.Entries[b].At) })
	return idx
}

// Split cuts a log of several rounds and groups (a version 1 file) into
// one log per round and group, in round and group order, each keeping
// where its entries stand. A log of one round and group is returned as
// it is.
func (l *Log) Split() []*Log {
	type key struct{ r, g int }
	var keys []key
	by := map[key]*Log{}
	for i, e := range l.Entries {
		k := key{e.Round, e.Group}
		if k.r == 0 {
			k.r = l.Round
		}
		if k.g == 0 {
			k.g = l.Group
		}
		out, ok := by[k]
		if !ok {
			out = &Log{Version: l.Version, Kind: l.Kind, Plan: l.Plan, Scenario: l.Scenario, Round: k.r, Group: k.g,
				Date: l.Date, UTCOffset: l.UTCOffset, Demo: l.Demo, file: l.file, format: l.format, top: l.top}
			by[k] = out
			keys = append(keys, k)
		}
		e.Round, e.Group = k.r, k.g
		out.Entries = append(out.Entries, e)
		if i < len(l.places) {
			out.places = append(out.places, l.places[i])
		}
	}
	if len(keys) <= 1 {
		if len(keys) == 1 {
			l.Round, l.Group = keys[0].r, keys[0].g
		}
		return []*Log{l}
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.r, b.r), cmp.Compare(a.g, b.g)) })
	out := make([]*Log, len(keys))
	for i, k := range keys {
		out[i] = by[k]
	}
	return out
}

// FromEntries cuts the room's log into one [Log] per round and group, in
// round and group order, for `yishi export`: each keeps its entries in the
// order given, numbered from 1, and takes its date and UTC offset from its
// first entry's time. The store keeps times in UTC: give them in the
// room's zone (the trainer's laptop's, time.Local) for the file's clock
// times to be the room's.
func FromEntries(planID, scenarioID string, entries []live.Entry) []Log {
	type key struct{ r, g int }
	var keys []key
	by := map[key][]live.Entry{}
	for _, e := range entries {
		k := key{e.Round, e.Group}
		if _, ok := by[k]; !ok {
			keys = append(keys, k)
		}
		by[k] = append(by[k], e)
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.r, b.r), cmp.Compare(a.g, b.g)) })
	out := make([]Log, 0, len(keys))
	for _, k := range keys {
		es := slices.Clone(by[k])
		for i := range es {
			es[i].Seq = int64(i + 1)
		}
		first := es[0].At
		out = append(out, Log{Version: Version, Kind: Kind, Plan: planID, Scenario: scenarioID, Round: k.r, Group: k.g,
			Date: first.Format(time.DateOnly), UTCOffset: first.Format("-07:00"), Entries: es})
	}
	return out
}

// kinds are the kinds of entry, in the order messages list them.
var kinds = []live.Kind{
	live.KindPhaseStart, live.KindPhaseEnd, live.KindPause, live.KindResume, live.KindInject,
	live.KindTurn, live.KindSilence, live.KindInterruption, live.KindSummary, live.KindNote,
}

// kindList is the kinds for a message: "phase_start, phase_end, …".
func kindList() string {
	s := ""
	for i, k := range kinds {
		if i > 0 {
			s += ", "
		}
		s += string(k)
	}
	return s
}
