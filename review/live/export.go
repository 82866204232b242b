package live

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/yishi-council/yishi/scenario/sheet"
)

// LogVersion is the version of the drill log file this build writes.
const LogVersion = 1

// LogKind is the kind of a drill log file.
const LogKind = "drill-log"

// Log is the drill log as a file: the entries of a day's groups, with the
// plan and the scenario they belong to.
type Log struct {
	Version int `yaml:"version" json:"version"`
	// Kind is [LogKind].
	Kind string `yaml:"kind" json:"kind"`
	// Plan and Scenario are the ids of the plan and the scenario.
	Plan     string  `yaml:"plan" json:"plan"`
	Scenario string  `yaml:"scenario" json:"scenario"`
	Entries  []Entry `yaml:"entries" json:"entries"`
}

// logHeader is the comment at the top of a drill log written as YAML.
const logHeader = "# yishi drill log: what happened in each group during the drill (phases, pauses,\n" +
	"# injects released, notes, speaking turns), entry by entry in the order they were\n" +
	"# logged. Written by `yishi export`; times are RFC 3339 with the room's UTC offset.\n"

// WriteYAML writes the log as YAML, under a comment saying what the file
// is. A log without a version or kind gets [LogVersion] and [LogKind].
// The same log gives the same bytes.
func WriteYAML(w io.Writer, l Log) error {
	l = l.filled()
	var buf bytes.Buffer
	buf.WriteString(logHeader)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(l); err != nil {
		return fmt.Errorf("encode the drill log: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("encode the drill log: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// csvHeader is the header row of a drill log written as CSV.
var csvHeader = []string{"seq", "at", "round", "group", "kind", "phase", "inject", "member", "text", "by", "auto"}

// WriteCSV writes the log's entries as CSV for a spreadsheet: UTF-8 with
// a BOM, a header row (seq, at, round, group, kind, phase, inject,
// member, text, by, auto) and a row per entry, times in RFC 3339 with their
// offset, every cell made safe from formula injection by
// [sheet.SafeCell]. The same log gives the same bytes.
func WriteCSV(w io.Writer, l Log) error {
	rows := [][]string{csvHeader}
	for _, e := range l.Entries {
		phase := ""
		if e.Phase != 0 {
			phase = strconv.Itoa(e.Phase)
		}
		rows = append(rows, []string{
			strconv.FormatInt(e.Seq, 10), e.At.Format(time.RFC3339),
			strconv.Itoa(e.Round), strconv.Itoa(e.Group), string(e.Kind), phase,
			e.Inject, e.Member, e.Text, e.By, strconv.FormatBool(e.Auto),
		})
	}
	_, err := w.Write(sheet.WriteCSV(rows))
	return err
}

// filled is the log with its version and kind set when left out.
func (l Log) filled() Log {
	if l.Version == 0 {
		l.Version = LogVersion
	}
	if l.Kind == "" {
		l.Kind = LogKind
	}
	return l
}
