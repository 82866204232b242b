package drilllog

import (
	"bytes"
	"cmp"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// yamlHeader is the comment at the top of a drill log written as YAML, in
// English and Chinese, since the log does not know its scenario's
// language.
const yamlHeader = `# yishi drill log: what happened in one group in one round of the drill: agenda
# phases started and ended, pauses, injects released, speaking turns,
# interruptions, the host's summaries, notes. One entry a line; lines may come in
# any order (readers sort them by time; lines of the same moment keep their
# order). Times are clock times on the date below
# ("14:05", "14:05:30") or full times ("2026-12-01T14:05:00+08:00"). A turn lasts
# until its end:, else until the next turn or silence. Kinds: phase_start,
# phase_end (with phase: number or id), pause, resume, inject (with inject: id),
# turn (with member: trainee id), silence, interruption, summary, note (text:).
# Write one by hand from the template of: yishi new log PLAN --round R --group G
# The format, for editors: yishi schema log
#
# yishi 演练记录：一轮演练中一个组发生的事——议程环节的开始和结束、暂停、发布的情景注入、
# 发言、插话、主持人的小结、备注。每行一条，顺序不限（读取时按时间排序，同一时刻的按先后）。时间写成
# 下面日期当天的钟点（"14:05"、"14:05:30"），或完整时间（"2026-12-01T14:05:00+08:00"）。
# 手写记录请先用 yishi new log 分组方案 --round 轮次 --group 组 生成模板。
`

// WriteYAML writes the log as a version 2 YAML file under a comment
// saying what the file is and how to write one: one entry a line, times
// as clock times when they fall on the log's date, else RFC 3339. The
// same log gives the same bytes, and a file it wrote reads back to a log
// it writes the same. A log of several rounds or groups is refused:
// [Log.Split] it first.
func WriteYAML(w io.Writer, l Log) error {
	if err := l.single(); err != nil {
		return err
	}
	var b bytes.Buffer
	b.WriteString(yamlHeader)
	b.WriteString("version: " + strconv.Itoa(Version) + "\nkind: " + Kind + "\n")
	if l.Plan != "" {
		b.WriteString("plan: " + yamlString(l.Plan) + "\n")
	}
	if l.Scenario != "" {
		b.WriteString("scenario: " + yamlString(l.Scenario) + "\n")
	}
	b.WriteString("round: " + strconv.Itoa(l.Round) + "\ngroup: " + strconv.Itoa(l.Group) + "\n")
	if l.Date != "" {
		b.WriteString("date: " + strconv.Quote(l.Date) + "\n")
	}
	if l.UTCOffset != "" {
		b.WriteString("utc_offset: " + strconv.Quote(l.UTCOffset) + "\n")
	}
	if l.Demo {
		b.WriteString("demo: true\n")
	}
	b.WriteString("entries:\n")
	loc := l.clockZone()
	for i, e := range l.Entries {
		b.WriteString("  - {at: " + strconv.Quote(formatTime(e.At, l.Date, loc)))
		if !e.End.IsZero() {
			b.WriteString(", end: " + strconv.Quote(formatTime(e.End, l.Date, loc)))
		}
		b.WriteString(", kind: " + yamlString(string(e.Kind)))
		if ph := l.phaseText(i, e); ph != "" {
			b.WriteString(", phase: " + ph)
		}
		for _, kv := range [][2]string{{"inject", e.Inject}, {"member", e.Member}, {"text", e.Text}, {"by", e.By}} {
			if kv[1] != "" {
				b.WriteString(", " + kv[0] + ": " + yamlString(kv[1]))
			}
		}
		if e.Auto {
			b.WriteString(", auto: true")
		}
		b.WriteString("}\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}

// single refuses a log of no or several rounds and groups.
func (l Log) single() error {
	if l.Round < 1 || l.Group < 1 {
		return scenario.Invalid(scenario.Msg("a drill log file is of one round and group, and this log names none"))
	}
	for _, e := range l.Entries {
		if (e.Round != 0 && e.Round != l.Round) || (e.Group != 0 && e.Group != l.Group) {
			return scenario.Invalid(scenario.Msg("a drill log file is of one round and group, and this log holds round %d, group %d and round %d, group %d", l.Round, l.Group, e.Round, e.Group))
		}
	}
	return nil
}

// clockZone is the zone the log's clock times are in, nil when the log
// has no date for them.
func (l Log) clockZone() *time.Location {
	if l.Date == "" {
		return nil
	}
	loc, ok := parseOffset(cmp.Or(l.UTCOffset, DefaultUTCOffset))
	if !ok {
		return nil
	}
	return loc
}

// phaseText is entry i's phase as written: its number, or the id it was
// given by when no [Check] has turned it into one.
func (l Log) phaseText(i int, e live.Entry) string {
	if e.Phase > 0 {
		return strconv.Itoa(e.Phase)
	}
	if i < len(l.places) && l.places[i].phase != "" {
		return yamlString(l.places[i].phase)
	}
	return ""
}

var plainRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.\-]*$`)

// yamlString writes s as a YAML scalar that reads back as the same
// string in a flow mapping: plain when it is an id that YAML reads as
// text, else double-quoted (Go's escapes are YAML's).
func yamlString(s string) string {
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf":
		return strconv.Quote(s)
	}
	if plainRE.MatchString(s) {
		return s
	}
	return strconv.Quote(s)
}

// WriteCSV writes the log as CSV for a spreadsheet: UTF-8 with a BOM, a
// header row (seq, round, group, date, at, end, kind, phase, inject,
// member, text, by, auto, utc_offset, plan, scenario, demo) and a row per
// entry in file order, times as [WriteYAML] writes them with the date and
// the offset on every row, every cell made safe from formula injection by
// [sheet.SafeCell]. The same log gives the same bytes. A log of several
// rounds and groups is written with each row's own.
func WriteCSV(w io.Writer, l Log) error {
	rows := [][]string{csvColumns}
	loc := l.clockZone()
	demo := ""
	if l.Demo {
		demo = "true"
	}
	for i, e := range l.Entries {
		r, g := e.Round, e.Group
		if r == 0 {
			r = l.Round
		}
		if g == 0 {
			g = l.Group
		}
		end, auto := "", ""
		if !e.End.IsZero() {
			end = formatTime(e.End, l.Date, loc)
		}
		if e.Auto {
			auto = "true"
		}
		phase := l.phaseText(i, e)
		if e.Phase == 0 && i < len(l.places) {
			phase = l.places[i].phase
		}
		rows = append(rows, []string{
			strconv.Itoa(i + 1), strconv.Itoa(r), strconv.Itoa(g), l.Date, formatTime(e.At, l.Date, loc), end,
			string(e.Kind), phase, e.Inject, e.Member, e.Text, e.By, auto, l.UTCOffset, l.Plan, l.Scenario, demo,
		})
	}
	_, err := w.Write(sheet.WriteCSV(rows))
	return err
}
