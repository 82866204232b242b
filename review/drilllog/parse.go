package drilllog

import (
	"bytes"
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// MaxText is the most characters an entry's text may have, as the room's
// notes.
const MaxText = live.MaxNote

// topKeys are the keys of a drill log file, in the order it is written.
var topKeys = []string{"version", "kind", "plan", "scenario", "round", "group", "date", "utc_offset", "demo", "entries"}

// entryKeys are the keys of an entry. seq is read and not kept: an
// entry's place in the file is its number.
var entryKeys = []string{"at", "end", "kind", "phase", "inject", "member", "text", "by", "auto", "round", "group", "seq"}

// raw is an entry as read, before its values are: each value's text and
// where it stands. date and offset are the values the entry's clock
// times take, with where they came from for messages.
type raw struct {
	place
	vals map[string]string
	date string
	loc  *time.Location
	csv  bool
}

// Parse reads a drill log, YAML or CSV. A CSV file is told by its content
// (a header row naming at and kind), whatever its name; it may be UTF-8,
// with or without a BOM, or GB18030, as Excel saves it. Every problem the
// file alone shows is reported at its file:line:col (a CSV cell by its row
// and column); [Check] reports what needs the plan and the scenario. The
// log is nil when the file cannot be read as one at all.
func Parse(name string, data []byte) (*Log, scenario.Diagnostics) {
	var diags scenario.Diagnostics
	var l *Log
	if isCSV(data) {
		l = parseCSV(name, data, &diags)
	} else {
		l = parseYAML(name, data, &diags)
	}
	diags.Cap(scenario.MaxProblemsPerFile)
	return l, diags
}

// isCSV tells a CSV log from a YAML one: its first line that is not blank
// holds the at and kind headers, separated by a comma, semicolon or tab.
func isCSV(data []byte) bool {
	text := string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if !utf8.ValidString(text) {
		// GB18030, as Chinese Excel saves CSV; a YAML file is UTF-8.
		text, _, _ = sheet.DecodeText(data)
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "#") || !strings.ContainsAny(line, ",;\t") {
			return false
		}
		cols := map[string]bool{}
		for _, c := range strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ';' || r == '\t' }) {
			cols[columnOf(strings.Trim(c, `" `))] = true
		}
		return cols["at"] && cols["kind"]
	}
	return false
}

func parseYAML(name string, data []byte, diags *scenario.Diagnostics) *Log {
	root := scenario.ParseYAML(name, data, diags)
	if root == nil {
		return nil
	}
	pos := func(n *yaml.Node) scenario.Pos { return scenario.Pos{File: name, Line: n.Line, Col: n.Column} }
	if root.Kind != yaml.MappingNode {
		diags.Errorf(pos(root), "expected a drill log: a mapping of keys starting with `version: %d` and `kind: %s`", Version, Kind)
		return nil
	}
	l := &Log{file: name, format: FormatYAML, top: map[string]field{"": {pos: pos(root)}}}
	vals := map[string]string{}
	var entries *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := k.Value
		if !slices.Contains(topKeys, key) {
			unknownKey(diags, pos(k), key, "", topKeys)
			continue
		}
		if _, dup := l.top[key]; dup {
			diags.Errorf(pos(k), "%s: given twice; keep one", key)
			continue
		}
		l.top[key] = field{pos: pos(v), name: scenario.Msg("%s", key)}
		if key == "entries" {
			entries = v
			continue
		}
		if v.Kind != yaml.ScalarNode {
			diags.Errorf(pos(v), "%s: expected a single value, not a list or a mapping", key)
			continue
		}
		vals[key] = scalar(v)
	}
	ver, ok := vals["version"]
	switch {
	case !ok:
		diags.Errorf(pos(root), "version: missing; a drill log starts with `version: %d` and `kind: %s`", Version, Kind)
		return nil
	case ver != "1" && ver != "2":
		diags.Errorf(l.top["version"].pos, "version: this yishi reads drill logs of version 1 and 2, not %q", ver)
		return nil
	}
	l.Version, _ = strconv.Atoi(ver)
	l.readTop(vals, diags)
	loc, _ := parseOffset(cmp.Or(l.UTCOffset, DefaultUTCOffset))
	if entries == nil {
		diags.Errorf(pos(root), "entries: missing; list what happened, one entry a line")
		return l
	}
	if entries.Kind != yaml.SequenceNode {
		if scalar(entries) != "" || entries.Kind != yaml.ScalarNode {
			diags.Errorf(pos(entries), "entries: expected a list, one entry a line")
		}
		return l
	}
	if len(entries.Content) == 0 {
		diags.Errorf(pos(entries), "the log has no entries; list what happened, one entry a line")
		return l
	}
	var raws []raw
	for i, n := range entries.Content {
		r := raw{place: place{pos: pos(n), name: scenario.Msg("entries[%d]", i), fields: map[string]field{}}, vals: map[string]string{}, date: l.Date, loc: loc}
		if n.Kind != yaml.MappingNode {
			diags.Errorf(pos(n), "entries[%d]: expected an entry, such as {at: \"14:05\", kind: turn, member: t01}", i)
			continue
		}
		for j := 0; j+1 < len(n.Content); j += 2 {
			k, v := n.Content[j], n.Content[j+1]
			key := k.Value
			path := scenario.Msg("entries[%d].%s", i, key)
			if !slices.Contains(entryKeys, key) {
				unknownKey(diags, pos(k), key, path.String(), entryKeys)
				continue
			}
			if _, dup := r.fields[key]; dup {
				diags.Errorf(pos(k), "%s: given twice; keep one", path)
				continue
			}
			r.fields[key] = field{pos: pos(v), name: path}
			if v.Kind != yaml.ScalarNode {
				diags.Errorf(pos(v), "%s: expected a single value, not a list or a mapping", path)
				continue
			}
			r.vals[key] = scalar(v)
		}
		raws = append(raws, r)
	}
	l.build(raws, diags)
	return l
}

// scalar is a scalar node's text; null ("end:", "~") is "".
func scalar(n *yaml.Node) string {
	if n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

// unknownKey reports a key a drill log does not have, with the key it is
// likeliest a typo of.
func unknownKey(diags *scenario.Diagnostics, pos scenario.Pos, key, path string, known []string) {
	if path == "" {
		path = key
	}
	if s := scenario.Suggest(key, known); s != "" {
		diags.Errorf(pos, "%s: unknown key (did you mean %q?)", path, s)
		return
	}
	diags.Errorf(pos, "%s: unknown key; the keys are %s", path, strings.Join(known, ", "))
}

// readTop reads the top-level values of a YAML log.
func (l *Log) readTop(vals map[string]string, diags *scenario.Diagnostics) {
	l.Kind = vals["kind"]
	switch {
	case l.Kind == "":
		diags.Errorf(l.topAt("kind").pos, "kind: missing; write kind: %s under the version", Kind)
	case l.Kind != Kind:
		diags.Errorf(l.topAt("kind").pos, "kind: expected %q, got %q", Kind, l.Kind)
	}
	l.Plan, l.Scenario = strings.TrimSpace(vals["plan"]), strings.TrimSpace(vals["scenario"])
	for _, key := range []string{"round", "group"} {
		v, ok := vals[key]
		f := l.topAt(key)
		if !ok || strings.TrimSpace(v) == "" {
			if l.Version >= 2 {
				diags.Errorf(f.pos, "%s: missing; a drill log is of one round and group: write %s: N at the top", key, key)
			}
			continue
		}
		if n, ok := number(f, v, diags); ok && key == "round" {
			l.Round = n
		} else if ok {
			l.Group = n
		}
	}
	if d := strings.TrimSpace(vals["date"]); d != "" {
		if y, m, dd, ok := parseDate(d); ok {
			l.Date = dateText(y, m, dd)
		} else {
			diags.Errorf(l.topAt("date").pos, "%s: %q is not a date; write it as 2026-12-01", l.topAt("date").name, d)
		}
	}
	if o := strings.TrimSpace(vals["utc_offset"]); o != "" {
		if loc, ok := parseOffset(o); ok {
			l.UTCOffset = offsetText(loc)
		} else {
			diags.Errorf(l.topAt("utc_offset").pos, "%s: %q is not a UTC offset; write it as +08:00", l.topAt("utc_offset").name, o)
		}
	}
	if v, ok := vals["demo"]; ok {
		l.Demo, _ = boolean(l.topAt("demo"), v, diags)
	}
}

// number reads a round or group number, from 1.
func number(f field, v string, diags *scenario.Diagnostics) (int, bool) {
	n, err := strconv.Atoi(normal(v))
	switch {
	case err != nil:
		diags.Errorf(f.pos, "%s: %q is not a whole number", f.name, v)
		return 0, false
	case n < 1:
		diags.Errorf(f.pos, "%s: rounds and groups are numbered from 1", f.name)
		return 0, false
	}
	return n, true
}

// boolean reads true or false, as YAML and Excel write them.
func boolean(f field, v string, diags *scenario.Diagnostics) (bool, bool) {
	switch strings.ToLower(normal(v)) {
	case "true", "yes", "1", "是":
		return true, true
	case "false", "no", "0", "否", "":
		return false, true
	}
	diags.Errorf(f.pos, "%s: %q is not true or false", f.name, v)
	return false, false
}

// build makes the log's entries of the raw ones, reporting what the file
// alone shows wrong.
func (l *Log) build(raws []raw, diags *scenario.Diagnostics) {
	if len(raws) > MaxEntries {
		diags.Errorf(l.topAt("entries").pos, "the log has %d entries, more than the %d yishi reads; write one log per round and group", len(raws), MaxEntries)
		raws = raws[:MaxEntries]
	}
	for _, r := range raws {
		i := len(l.Entries)
		l.places = append(l.places, r.place)
		e := live.Entry{Seq: int64(i + 1), Round: l.Round, Group: l.Group}
		l.entry(i, r, &e, diags)
		l.Entries = append(l.Entries, e)
	}
	l.checkSpan(diags)
}

// entry reads raw entry i into e.
func (l *Log) entry(i int, r raw, e *live.Entry, diags *scenario.Diagnostics) {
	at := func(key string) field { return l.at(i, key) }
	v := func(key string) string { return strings.TrimSpace(r.vals[key]) }
	// unread is a key given with a value that is not one, reported as such.
	unread := func(key string) bool {
		_, given := r.fields[key]
		_, read := r.vals[key]
		return given && !read
	}

	k := live.Kind(strings.ToLower(v("kind")))
	switch {
	case unread("kind"):
	case k == "":
		diags.Errorf(at("kind").pos, "%s: kind missing; the kinds are %s", l.places[i].name, kindList())
	case !slices.Contains(kinds, k):
		diags.Errorf(at("kind").pos, "%s: unknown kind %q; the kinds are %s", at("kind").name, r.vals["kind"], kindList())
	}
	e.Kind = k

	for _, key := range []string{"round", "group"} {
		s, ok := r.vals[key]
		if !ok || strings.TrimSpace(s) == "" {
			switch {
			case r.csv && ok:
				diags.Errorf(at(key).pos, "%s: empty; give each row its round and group", at(key).name)
			case !r.csv && l.Version < 2:
				diags.Errorf(at(key).pos, "%s: %s missing; a version 1 log gives each entry its round and group", l.places[i].name, key)
			}
			continue
		}
		n, ok := number(at(key), s, diags)
		if !ok {
			continue
		}
		top := l.Round
		if key == "group" {
			top = l.Group
		}
		if top != 0 && n != top && l.Version >= 2 && !r.csv {
			diags.Errorf(at(key).pos, "%s: %s %d, but the log is of %s %d; one file holds one round and group", at(key).name, key, n, key, top)
			continue
		}
		if key == "round" {
			e.Round = n
		} else {
			e.Group = n
		}
	}

	switch s, ok := r.vals["at"]; {
	case ok:
		e.At, _ = l.readTime(at("at"), s, r, diags)
	case !unread("at"):
		diags.Errorf(l.places[i].pos, "%s: at missing; give the time of the entry, such as 14:05", l.places[i].name)
	}
	if s := v("end"); s != "" {
		if k != live.KindTurn {
			diags.Errorf(at("end").pos, "%s: only a turn has an end; delete it", at("end").name)
		} else if end, ok := l.readTime(at("end"), s, r, diags); ok {
			e.End = end
			if !e.At.IsZero() && end.Before(e.At) {
				diags.Errorf(at("end").pos, "%s: the turn ends at %s, before it starts at %s", at("end").name, shown(end), shown(e.At))
			}
		}
	}

	if s := v("phase"); s != "" {
		switch {
		case k != live.KindPhaseStart && k != live.KindPhaseEnd:
			diags.Errorf(at("phase").pos, "%s: only phase_start and phase_end name a phase; delete it", at("phase").name)
		default:
			if n, err := strconv.Atoi(normal(s)); err == nil {
				if n < 1 {
					diags.Errorf(at("phase").pos, "%s: phases are numbered from 1", at("phase").name)
				} else {
					e.Phase = n
				}
			} else {
				l.places[i].phase = s
			}
		}
	} else if (k == live.KindPhaseStart || k == live.KindPhaseEnd) && !unread("phase") {
		diags.Errorf(at("phase").pos, "%s: a %s entry needs its phase: a number from 1 or the phase's id", l.places[i].name, k)
	}

	e.Inject, e.Member, e.By = v("inject"), v("member"), v("by")
	e.Text = strings.TrimSpace(r.vals["text"])
	if k == live.KindInject && e.Inject == "" {
		diags.Errorf(at("inject").pos, "%s: an inject entry needs the id of the inject released", l.places[i].name)
	}
	if k == live.KindTurn && e.Member == "" {
		diags.Errorf(at("member").pos, "%s: a turn needs the id of the member who spoke", l.places[i].name)
	}
	if n := utf8.RuneCountInString(e.Text); n > MaxText {
		diags.Errorf(at("text").pos, "%s: the text is %d characters; keep it to %d", at("text").name, n, MaxText)
	}
	if s, ok := r.vals["auto"]; ok {
		e.Auto, _ = boolean(at("auto"), s, diags)
	}
	if s := v("seq"); s != "" {
		if _, err := strconv.Atoi(normal(s)); err != nil {
			diags.Errorf(at("seq").pos, "%s: %q is not a whole number", at("seq").name, s)
		}
	}
}

// readTime reads an entry's time at f, reporting what is wrong with it.
func (l *Log) readTime(f field, s string, r raw, diags *scenario.Diagnostics) (time.Time, bool) {
	t, kind := parseTime(s, r.date, r.loc)
	switch kind {
	case timeEmpty:
		diags.Errorf(f.pos, "%s: fill in the time or delete the line", f.name)
	case timeBad:
		diags.Errorf(f.pos, "%s: %q is not a time; write 14:05, 14:05:30 or 2026-12-01T14:05:00+08:00", f.name, s)
	case timeNoDate:
		if r.csv {
			diags.Errorf(f.pos, "%s: %q is a clock time, but the row has no date; add a date column, or write the date with the time: 2026-12-01 14:05", f.name, s)
		} else {
			diags.Errorf(f.pos, "%s: %q is a clock time, but the log has no date; write date: YYYY-MM-DD at the top", f.name, s)
		}
	case timeBadDate:
		// The date is reported where it stands.
	}
	return t, kind == timeOK
}

// checkSpan reports a time more than [MaxSpan] from the first entry's.
func (l *Log) checkSpan(diags *scenario.Diagnostics) {
	var first time.Time
	firstAt := -1
	for i, e := range l.Entries {
		if !e.At.IsZero() {
			first, firstAt = e.At, i
			break
		}
	}
	if firstAt < 0 {
		return
	}
	for i, e := range l.Entries {
		for _, key := range []string{"at", "end"} {
			t := e.At
			if key == "end" {
				t = e.End
			}
			if t.IsZero() {
				continue
			}
			if d := t.Sub(first); d > MaxSpan || d < -MaxSpan {
				f := l.at(i, key)
				diags.Errorf(f.pos, "%s: %s is more than 24 hours from the first entry's time, %s; check the date", f.name, t.Format(time.RFC3339), first.Format(time.RFC3339))
			}
		}
	}
}

// Detect reports whether data looks like a drill log rather than a
// scoresheet: a CSV whose header row names the at and kind columns, or
// YAML whose top-level kind is [Kind] — found in the text, so that a log
// with a mistake in its YAML is still read as a log, and its mistakes are
// told as a log's. The CLI uses it to tell the logs among a review's files
// from the scoresheets.
func Detect(data []byte) bool {
	if isCSV(data) {
		return true
	}
	if kindLine.Match(data) {
		return true
	}
	var top struct {
		Kind string `yaml:"kind"`
	}
	return yaml.Unmarshal(data, &top) == nil && top.Kind == Kind
}

// kindLine is a top-level line kind: drill-log, quoted or not.
var kindLine = regexp.MustCompile(`(?m)^(?:\x{FEFF})?kind:[ \t]*["']?drill-log["']?[ \t]*(?:#.*)?\r?$`)
