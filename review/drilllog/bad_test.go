package drilllog

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// head is the top of a good version 2 log of round 1, group 2 of
// testdata/plan.yaml; entries start on line 7.
const head = "version: 2\nkind: drill-log\nround: 1\ngroup: 2\ndate: 2026-12-01\nentries:\n"

// csvHead is the header row of a CSV log; rows start on line 2.
const csvHead = "round,group,date,at,end,kind,phase,inject,member,text\n"

var badLogs = []struct {
	name, file, data string
	want             []string
}{
	{"unknown kind", "bad.yaml", head + `  - {at: "09:00", kind: talk, member: T4}` + "\n", []string{"bad.yaml:7:25: entries[0].kind: unknown kind \"talk\"; the kinds are phase_start, phase_end, pause, resume, inject, turn, silence, interruption, summary, note"}},
	{"no kind", "bad.yaml", head + `  - {at: "09:00", member: T4}` + "\n", []string{"bad.yaml:7:5: entries[0]: kind missing; the kinds are phase_start, phase_end, pause, resume, inject, turn, silence, interruption, summary, note"}},
	{"no time", "bad.yaml", head + `  - {kind: note, text: hi}` + "\n", []string{"bad.yaml:7:5: entries[0]: at missing; give the time of the entry, such as 14:05"}},
	{"a time that is none", "bad.yaml", head + `  - {at: "after lunch", kind: note, text: hi}` + "\n", []string{"bad.yaml:7:10: entries[0].at: \"after lunch\" is not a time; write 14:05, 14:05:30 or 2026-12-01T14:05:00+08:00"}},
	{"an empty time", "bad.yaml", head + `  - {at: "", kind: phase_start, phase: 1}` + "\n  - {at: , kind: phase_end, phase: 1}\n", []string{"bad.yaml:7:10: entries[0].at: fill in the time or delete the line", "bad.yaml:8:10: entries[1].at: fill in the time or delete the line"}},
	{"a clock time with no date", "bad.yaml", "version: 2\nkind: drill-log\nround: 1\ngroup: 2\nentries:\n" + `  - {at: "09:00", kind: note, text: hi}` + "\n", []string{"bad.yaml:6:10: entries[0].at: \"09:00\" is a clock time, but the log has no date; write date: YYYY-MM-DD at the top"}},
	{"a turn ending before it starts", "bad.yaml", head + `  - {at: "09:10", end: "09:05", kind: turn, member: T4}` + "\n", []string{"bad.yaml:7:24: entries[0].end: the turn ends at 09:05, before it starts at 09:10"}},
	{"an end on what is not a turn", "bad.yaml", head + `  - {at: "09:10", end: "09:15", kind: note, text: hi}` + "\n", []string{"bad.yaml:7:24: entries[0].end: only a turn has an end; delete it"}},
	{"a member not in the group", "bad.yaml", head + `  - {at: "09:01", kind: turn, member: T1}` + "\n" + `  - {at: "09:02", kind: interruption, member: T99}` + "\n" + `  - {at: "09:03", kind: summary, member: T2}` + "\n", []string{"bad.yaml:7:39: entries[0].member: \"T1\" is not in round 1, group 2; its members are T4 Dan Zhou, T5 Eve Sun, T6 Fay Liu, T12 Lin Fu, T13 Mo Tan", "bad.yaml:8:47: entries[1].member: \"T99\" is not in round 1, group 2; its members are T4 Dan Zhou, T5 Eve Sun, T6 Fay Liu, T12 Lin Fu, T13 Mo Tan", "bad.yaml:9:42: entries[2].member: \"T2\" is not in round 1, group 2; its members are T4 Dan Zhou, T5 Eve Sun, T6 Fay Liu, T12 Lin Fu, T13 Mo Tan"}},
	{"a turn by nobody", "bad.yaml", head + `  - {at: "09:01", kind: turn}` + "\n", []string{"bad.yaml:7:5: entries[0]: a turn needs the id of the member who spoke"}},
	{"a phase the agenda lacks", "bad.yaml", head + `  - {at: "09:00", kind: phase_start, phase: 8}` + "\n" + `  - {at: "09:05", kind: phase_end, phase: opener}` + "\n", []string{"bad.yaml:7:45: entries[0].phase: the agenda has no phase 8; its phases are 1 opening, 2 context, 3 brainstorm, 4 cluster, 5 name, 6 resolve, 7 close", "bad.yaml:8:43: entries[1].phase: the agenda has no phase \"opener\"; its phases are 1 opening, 2 context, 3 brainstorm, 4 cluster, 5 name, 6 resolve, 7 close"}},
	{"a phase ending before it starts", "bad.yaml", head + `  - {at: "09:10", kind: phase_start, phase: 1}` + "\n" + `  - {at: "09:05", kind: phase_end, phase: 1}` + "\n", []string{"bad.yaml:8:10: entries[1].at: phase 1 ends at 09:05, before it starts at 09:10"}},
	{"a phase started twice", "bad.yaml", head + `  - {at: "09:00", kind: phase_start, phase: 1}` + "\n" + `  - {at: "09:02", kind: phase_start, phase: opening}` + "\n", []string{"bad.yaml:8:45: entries[1].phase: phase 1 is started twice: also in entries[0]"}},
	{"a phase ended twice", "bad.yaml", head + `  - {at: "09:00", kind: phase_start, phase: 1}` + "\n" + `  - {at: "09:04", kind: phase_end, phase: 1}` + "\n" + `  - {at: "09:05", kind: phase_end, phase: 1}` + "\n", []string{"bad.yaml:9:43: entries[2].phase: phase 1 is ended twice: also in entries[1]"}},
	{"a phase ended and never started", "bad.yaml", head + `  - {at: "09:05", kind: phase_end, phase: 2}` + "\n", []string{"bad.yaml:7:10: entries[0]: phase 2 ends but never starts; add its phase_start"}},
	{"overlapping phases", "bad.yaml", head + `  - {at: "09:00", kind: phase_start, phase: 1}` + "\n" + `  - {at: "09:04", kind: phase_start, phase: 2}` + "\n" + `  - {at: "09:06", kind: phase_end, phase: 1}` + "\n" + `  - {at: "09:20", kind: phase_end, phase: 2}` + "\n", []string{"bad.yaml:9:10: entries[2].at: phase 1 ends at 09:06, after phase 2 starts at 09:04; phases do not overlap: end it by then"}},
	{"a phase_start while another is open ends it", "good.yaml", head + `  - {at: "09:00", kind: phase_start, phase: 1}` + "\n" + `  - {at: "09:04", kind: phase_start, phase: 2}` + "\n" + `  - {at: "09:20", kind: phase_end, phase: 2}` + "\n", []string{}},
	{"an inject the scenario lacks", "bad.yaml", head + `  - {at: "09:00", kind: inject, inject: rain}` + "\n" + `  - {at: "09:01", kind: turn, member: T4, inject: snow}` + "\n", []string{"bad.yaml:7:41: entries[0].inject: the scenario has no inject \"rain\"; its injects are value-rumour, deadline-moves, maintenance-condition, push-for-vote", "bad.yaml:8:51: entries[1].inject: the scenario has no inject \"snow\"; its injects are value-rumour, deadline-moves, maintenance-condition, push-for-vote"}},
	{"an inject released twice", "bad.yaml", head + `  - {at: "09:20", kind: inject, inject: value-rumour}` + "\n" + `  - {at: "09:10", kind: inject, inject: value-rumour}` + "\n", []string{"bad.yaml:7:41: warning: entries[0].inject: inject \"value-rumour\" is released again; the release in entries[1] counts"}},
	{"a resume with no pause", "bad.yaml", head + `  - {at: "09:10", kind: resume}` + "\n" + `  - {at: "09:12", kind: pause}` + "\n" + `  - {at: "09:14", kind: resume}` + "\n", []string{"bad.yaml:7:25: entries[0]: a resume with no pause before it; log the pause, or delete it"}},
	{"a pause while paused", "bad.yaml", head + `  - {at: "09:10", kind: pause}` + "\n" + `  - {at: "09:12", kind: pause}` + "\n" + `  - {at: "09:14", kind: resume}` + "\n", []string{"bad.yaml:8:25: entries[1]: a pause while the group is paused since 09:10; log the resume before it, or delete it"}},
	{"a round the plan lacks", "bad.yaml", "version: 2\nkind: drill-log\nround: 3\ngroup: 2\ndate: 2026-12-01\nentries:\n" + `  - {at: "09:00", kind: note, text: hi}` + "\n", []string{"bad.yaml:3:8: round 3: the plan has rounds 1–2"}},
	{"a group the plan lacks", "bad.yaml", "version: 2\nkind: drill-log\nround: 2\ngroup: 2\ndate: 2026-12-01\nentries:\n" + `  - {at: "09:00", kind: note, text: hi}` + "\n", []string{"bad.yaml:4:8: round 2 of the plan has no group 2 (it has groups 1–1)"}},
	{"another plan and scenario", "bad.yaml", "version: 2\nkind: drill-log\nplan: 0123456789ab\nscenario: square-dance-noise\nround: 1\ngroup: 2\ndate: 2026-12-01\nentries:\n" + `  - {at: "09:00", kind: note, text: hi}` + "\n", []string{"bad.yaml:3:7: plan: the log is of \"0123456789ab\", but round 1, group 2 of the plan given is \"f2db83a89db8\": the log is of another plan, or the group has changed since; give the plan the log was written for", "bad.yaml:4:11: scenario: the log is of scenario \"square-dance-noise\", but the plan is of scenario \"elevator-retrofit\""}},
	{"an entry of another round and group", "bad.yaml", head + `  - {at: "09:00", kind: note, text: hi, round: 2, group: 1}` + "\n", []string{"bad.yaml:7:48: entries[0].round: round 2, but the log is of round 1; one file holds one round and group", "bad.yaml:7:58: entries[0].group: group 1, but the log is of group 2; one file holds one round and group"}},
	{"no round or group", "bad.yaml", "version: 2\nkind: drill-log\ndate: 2026-12-01\nentries:\n" + `  - {at: "09:00", kind: note, text: hi}` + "\n", []string{"bad.yaml:1:1: group: missing; a drill log is of one round and group: write group: N at the top", "bad.yaml:1:1: round: missing; a drill log is of one round and group: write round: N at the top"}},
	{"round 0 and a group that is no number", "bad.yaml", "version: 2\nkind: drill-log\nround: 0\ngroup: two\ndate: 2026-12-01\nentries:\n" + `  - {at: "09:00", kind: note, text: hi}` + "\n", []string{"bad.yaml:3:8: round: rounds and groups are numbered from 1", "bad.yaml:4:8: group: \"two\" is not a whole number"}},
	{"a time more than a day from the first", "bad.yaml", head + `  - {at: "09:00", kind: note, text: hi}` + "\n" + `  - {at: "2026-12-03T09:00:00+08:00", kind: note, text: later}` + "\n", []string{"bad.yaml:8:10: entries[1].at: 2026-12-03T09:00:00+08:00 is more than 24 hours from the first entry's time, 2026-12-01T09:00:00+08:00; check the date"}},
	{"another version", "bad.yaml", "version: 3\nkind: drill-log\n", []string{"bad.yaml:1:10: version: this yishi reads drill logs of version 1 and 2, not \"3\""}},
	{"no version", "bad.yaml", "kind: drill-log\nround: 1\n", []string{"bad.yaml:1:1: version: missing; a drill log starts with `version: 2` and `kind: drill-log`"}},
	{"another kind, unknown keys", "bad.yaml", "version: 2\nkind: plan\nround: 1\ngroup: 2\ndates: 2026-12-01\nentries:\n" + `  - {at: "2026-12-01T09:00:00+08:00", kind: note, txt: hi, colour: red}` + "\n", []string{"bad.yaml:2:7: kind: expected \"drill-log\", got \"plan\"", "bad.yaml:5:1: dates: unknown key (did you mean \"date\"?)", "bad.yaml:7:51: entries[0].txt: unknown key (did you mean \"text\"?)", "bad.yaml:7:60: entries[0].colour: unknown key; the keys are at, end, kind, phase, inject, member, text, by, auto, round, group, seq"}},
	{"a bad date and offset", "bad.yaml", "version: 2\nkind: drill-log\nround: 1\ngroup: 2\ndate: 1 December\nutc_offset: CST\nentries:\n" + `  - {at: "2026-12-01T09:00:00+08:00", kind: note, text: hi}` + "\n", []string{"bad.yaml:5:7: date: \"1 December\" is not a date; write it as 2026-12-01", "bad.yaml:6:13: utc_offset: \"CST\" is not a UTC offset; write it as +08:00"}},
	{"not a mapping", "bad.yaml", "- at: 09:00\n", []string{"bad.yaml:1:1: expected a drill log: a mapping of keys starting with `version: 2` and `kind: drill-log`"}},
	{"entries not a list, no entries", "bad.yaml", head[:len(head)-len("entries:\n")] + "entries: none\n", []string{"bad.yaml:6:10: entries: expected a list, one entry a line"}},
	{"an entry that is not a mapping", "bad.yaml", head + "  - 09:00 turn T4\n", []string{"bad.yaml:7:5: entries[0]: expected an entry, such as {at: \"14:05\", kind: turn, member: t01}"}},
	{"phases where they do not go", "bad.yaml", head + `  - {at: "09:00", kind: note, text: hi, phase: 1}` + "\n" + `  - {at: "09:01", kind: phase_start}` + "\n" + `  - {at: "09:02", kind: phase_end, phase: 0}` + "\n", []string{"bad.yaml:7:48: entries[0].phase: only phase_start and phase_end name a phase; delete it", "bad.yaml:8:5: entries[1]: a phase_start entry needs its phase: a number from 1 or the phase's id", "bad.yaml:9:43: entries[2].phase: phases are numbered from 1"}},
	{"an inject entry with no inject", "bad.yaml", head + `  - {at: "09:00", kind: inject}` + "\n", []string{"bad.yaml:7:5: entries[0]: an inject entry needs the id of the inject released"}},
	{"a note too long, auto not a boolean", "bad.yaml", head + `  - {at: "09:00", kind: note, text: ` + strings.Repeat("长", MaxText+1) + `, auto: maybe}` + "\n", []string{"bad.yaml:7:37: entries[0].text: the text is 2001 characters; keep it to 2000", "bad.yaml:7:2046: entries[0].auto: \"maybe\" is not true or false"}},
	{"a key twice, a list for a value", "bad.yaml", head + `  - {at: "09:00", at: "09:01", kind: [turn], member: T4}` + "\n", []string{"bad.yaml:7:19: entries[0].at: given twice; keep one", "bad.yaml:7:38: entries[0].kind: expected a single value, not a list or a mapping"}},
	{"csv: columns missing", "bad.csv", "at,kind,member,colour\n09:00,turn,T4,red\n", []string{"bad.csv:1: row 1: no group column; a drill log's header row names at, kind, round and group, and may name seq, round, group, date, at, end, kind, phase, inject, member, text, by, auto, utc_offset, plan, scenario, demo", "bad.csv:1: row 1: no round column; a drill log's header row names at, kind, round and group, and may name seq, round, group, date, at, end, kind, phase, inject, member, text, by, auto, utc_offset, plan, scenario, demo", "bad.csv:1:16: warning: row 1, column D (colour): not a drill log column; it is ignored (the columns are seq, round, group, date, at, end, kind, phase, inject, member, text, by, auto, utc_offset, plan, scenario, demo)"}},
	{"csv: bad cells, named by row and column", "bad.csv", csvHead + "1,2,2026-12-01,9:61,,turn,,,T4,\n1,2,,9:05,,note,,,,hi\n1,2,2026-12-01,9:06,,turn,,,T1,\n1,,2026-12-01,9:07,,silence,,,,\n1,2,2026-12-01,9:08,9:07,turn,,,T5,\n", []string{"bad.csv:2:16: row 2, column D (at): \"9:61\" is not a time; write 14:05, 14:05:30 or 2026-12-01T14:05:00+08:00", "bad.csv:3:6: row 3, column D (at): \"9:05\" is a clock time, but the row has no date; add a date column, or write the date with the time: 2026-12-01 14:05", "bad.csv:4:29: row 4, column I (member): \"T1\" is not in round 1, group 2; its members are T4 Dan Zhou, T5 Eve Sun, T6 Fay Liu, T12 Lin Fu, T13 Mo Tan", "bad.csv:5:3: row 5, column B (group): empty; give each row its round and group", "bad.csv:6:21: row 6, column E (end): the turn ends at 09:07, before it starts at 09:08"}},
	{"csv: two plans", "bad.csv", "round,group,at,kind,plan\n1,2,2026-12-01 09:00,note,aaa\n1,2,2026-12-01 09:01,note,bbb\n", []string{"bad.csv:2:27: row 2, column E (plan): the log is of \"aaa\", but round 1, group 2 of the plan given is \"f2db83a89db8\": the log is of another plan, or the group has changed since; give the plan the log was written for", "bad.csv:3:27: row 3, column E (plan): \"bbb\", but row 2 says \"aaa\"; one file holds the log of one plan and scenario"}},
	{"a name or an id in another case for a member", "bad.yaml", head + `  - {at: "09:00", kind: turn, member: Dan Zhou}` + "\n" + `  - {at: "09:01", kind: turn, member: t4}` + "\n", []string{"bad.yaml:7:39: entries[0].member: \"Dan Zhou\" is a name; write the member's id, T4", "bad.yaml:8:39: entries[1].member: \"t4\": write the id as the plan has it, T4"}},
	{"a round the plan lacks, said once", "bad.yaml", "version: 2\nkind: drill-log\nplan: f2db83a89db8\nround: 3\ngroup: 2\ndate: 2026-12-01\nentries:\n" + `  - {at: "09:00", kind: turn, member: T4}` + "\n", []string{"bad.yaml:4:8: round 3: the plan has rounds 1–2"}},
	{"another plan's log: its members are not listed one by one", "bad.yaml", "version: 2\nkind: drill-log\nplan: 0123456789ab\nround: 1\ngroup: 2\ndate: 2026-12-01\nentries:\n" + `  - {at: "09:00", kind: turn, member: T99}` + "\n" + `  - {at: "09:01", kind: turn, member: T98}` + "\n", []string{"bad.yaml:3:7: plan: the log is of \"0123456789ab\", but round 1, group 2 of the plan given is \"f2db83a89db8\": the log is of another plan, or the group has changed since; give the plan the log was written for"}},
	{"csv: demo not a boolean", "bad.csv", "round,group,at,kind,demo\n1,2,2026-12-01 09:00,note,maybe\n", []string{"bad.csv:2:27: row 2, column E (demo): \"maybe\" is not true or false"}},
	{"csv: empty", "bad.csv", "\xef\xbb\xbf", []string{"bad.csv: file is empty"}},
}

// Every problem of a bad log is reported at once, each at its place: the
// file's own problems by Parse, the plan's and scenario's by Check.
func TestBadLogs(t *testing.T) {
	p, s := fixture(t, "testdata/plan.yaml")
	for _, tt := range badLogs {
		t.Run(tt.name, func(t *testing.T) {
			l, diags := Parse(tt.file, []byte(tt.data))
			diags = append(diags, Check(l, p, s)...)
			diags.Sort()
			got := lines(diags)
			assert.Equal(t, tt.want, got)
		})
	}
}

// A log names its plan by the group's id, as a scoresheet does, which a
// plan written again elsewhere keeps; a version 1 log, by the whole
// plan's id. Either is taken.
func TestPlanIDs(t *testing.T) {
	p, s := fixture(t, "testdata/plan.yaml")
	for _, id := range []string{p.GroupID(1, 2), p.ID()} {
		data := "version: 2\nkind: drill-log\nplan: " + id + "\nround: 1\ngroup: 2\ndate: 2026-12-01\nentries:\n  - {at: \"09:00\", kind: note, text: hi}\n"
		l, diags := Parse("log.yaml", []byte(data))
		require.Empty(t, diags)
		assert.Empty(t, Check(l, p, s), "plan %s", id)
	}
}

// A version 1 file holds the room's log of several groups, each of which
// started phase 1, paused and had the same inject: each group is checked
// on its own, so none of that is a problem.
func TestVersion1OfSeveralGroups(t *testing.T) {
	p, s := fixture(t, "testdata/plan.yaml")
	var b strings.Builder
	b.WriteString("version: 1\nkind: drill-log\nentries:\n")
	for g := 1; g <= 2; g++ {
		member := p.Rounds[0].Groups[g-1].Members[0].ID
		for _, e := range []string{
			`{seq: 1, at: "2026-12-01T09:00:00+08:00", kind: phase_start, phase: 1}`,
			`{seq: 2, at: "2026-12-01T09:01:00+08:00", kind: pause}`,
			`{seq: 3, at: "2026-12-01T09:02:00+08:00", kind: resume}`,
			`{seq: 4, at: "2026-12-01T09:03:00+08:00", kind: inject, inject: value-rumour}`,
			`{seq: 5, at: "2026-12-01T09:04:00+08:00", kind: turn, member: ` + member + `}`,
		} {
			fmt.Fprintf(&b, "  - {round: 1, group: %d, %s\n", g, e[1:])
		}
	}
	path := filepath.Join(t.TempDir(), "log.yaml")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	logs, diags := ReadFiles([]string{path}, p, s)
	require.Empty(t, diags)
	require.Len(t, logs, 2)
	assert.Equal(t, []int{1, 2}, []int{logs[0].Group, logs[1].Group})

	// Of another plan, said once for the file; a group the plan lacks is
	// said at its entry's line.
	other := strings.Replace(b.String(), "kind: drill-log\n", "kind: drill-log\nplan: 0123456789ab\n", 1)
	other = strings.Replace(other, "{round: 1, group: 2, seq: 5,", "{round: 1, group: 9, seq: 5,", 1)
	require.NoError(t, os.WriteFile(path, []byte(other), 0o644))
	_, diags = ReadFiles([]string{path}, p, s)
	assert.Equal(t, []string{
		path + ":3:7: plan: the log is of plan \"0123456789ab\", but the plan given is \"7c200bb4aaa6\"; give the plan the log was written for",
		path + ":14:23: round 1 of the plan has no group 9 (it has groups 1–3)",
	}, lines(diags))
}

// A log that ends paused reads, with a warning at the pause.
func TestPauseWithNoResume(t *testing.T) {
	p, s := fixture(t, "testdata/plan.yaml")
	data := "version: 2\nkind: drill-log\nround: 1\ngroup: 2\ndate: 2026-12-01\nentries:\n  - {at: \"09:00\", kind: phase_start, phase: 1}\n  - {at: \"09:05\", kind: pause}\n  - {at: \"09:10\", kind: phase_end, phase: 1}\n"
	l, diags := Parse("log.yaml", []byte(data))
	require.Empty(t, diags)
	got := lines(Check(l, p, s))
	assert.Equal(t, []string{"log.yaml:8:25: warning: entries[1]: a pause with no resume; the measures take the clock as running again at the next phase's start or end: log the resume if it came earlier"}, got)
}

// A paper log's pause may go unresumed until the phase moves on: the
// phase's end or the next start ends it (with a warning), a resume logged
// after that is let be, and a later pause checks as any other.
func TestPauseEndedByThePhase(t *testing.T) {
	p, s := fixture(t, "testdata/plan.yaml")
	data := "version: 2\nkind: drill-log\nround: 1\ngroup: 2\ndate: 2026-12-01\nentries:\n" +
		`  - {at: "09:00", kind: phase_start, phase: 1}` + "\n" +
		`  - {at: "09:05", kind: pause}` + "\n" +
		`  - {at: "09:10", kind: phase_end, phase: 1}` + "\n" +
		`  - {at: "09:10", kind: phase_start, phase: 2}` + "\n" +
		`  - {at: "09:12", kind: resume}` + "\n" +
		`  - {at: "09:20", kind: pause}` + "\n" +
		`  - {at: "09:25", kind: resume}` + "\n" +
		`  - {at: "09:26", kind: resume}` + "\n"
	l, diags := Parse("log.yaml", []byte(data))
	require.Empty(t, diags)
	assert.Equal(t, []string{
		"log.yaml:8:25: warning: entries[1]: a pause with no resume; the measures take the clock as running again at the next phase's start or end: log the resume if it came earlier",
		"log.yaml:14:25: entries[7]: a resume with no pause before it; log the pause, or delete it",
	}, lines(Check(l, p, s)))
}

// A log of another scenario is said so once, not once per phase and inject.
func TestOtherScenarioSaidOnce(t *testing.T) {
	p, s := fixture(t, "testdata/plan.yaml")
	data := "version: 2\nkind: drill-log\nscenario: square-dance-noise\nround: 1\ngroup: 2\ndate: 2026-12-01\nentries:\n" +
		`  - {at: "09:00", kind: phase_start, phase: music}` + "\n" +
		`  - {at: "09:05", kind: inject, inject: noise-meter}` + "\n" +
		`  - {at: "09:06", kind: inject, inject: petition}` + "\n"
	l, diags := Parse("log.yaml", []byte(data))
	require.Empty(t, diags)
	assert.Equal(t, []string{
		"log.yaml:3:11: scenario: the log is of scenario \"square-dance-noise\", but the plan is of scenario \"elevator-retrofit\"",
	}, lines(Check(l, p, s)))
}
