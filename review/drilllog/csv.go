package drilllog

import (
	"strings"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// csvColumns are the columns of a CSV drill log, in the order [WriteCSV]
// writes them.
var csvColumns = []string{"seq", "round", "group", "date", "at", "end", "kind", "phase", "inject", "member", "text", "by", "auto", "utc_offset", "plan", "scenario", "demo"}

// columnNames are the headers that name each column besides its id, in
// the Chinese of a trainer's sheet. A header may also give the id in
// brackets at its end ("时间 [at]"), as the template writes them.
var columnNames = map[string][]string{
	"seq":        {"序号"},
	"round":      {"轮次", "轮"},
	"group":      {"组", "小组", "组别"},
	"date":       {"日期"},
	"at":         {"时间", "开始", "开始时间"},
	"end":        {"结束", "结束时间"},
	"kind":       {"类型", "事件"},
	"phase":      {"环节", "议程环节", "阶段"},
	"inject":     {"情景注入", "注入"},
	"member":     {"成员", "学员", "发言人"},
	"text":       {"内容", "备注", "说明"},
	"by":         {"记录人", "记录者"},
	"auto":       {"自动"},
	"utc_offset": {"时区"},
	"plan":       {"分组方案", "方案编号"},
	"scenario":   {"情景"},
	"demo":       {"演示"},
}

// columnOf is the column a header cell names, or "".
func columnOf(cell string) string {
	c := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(cell, "\ufeff")))
	if strings.HasSuffix(c, "]") {
		if i := strings.LastIndex(c, "["); i >= 0 {
			c = strings.TrimSpace(c[i+1 : len(c)-1])
		}
	}
	c = strings.ReplaceAll(c, " ", "_")
	for _, id := range csvColumns {
		if c == id {
			return id
		}
		for _, n := range columnNames[id] {
			if c == n {
				return id
			}
		}
	}
	return ""
}

func parseCSV(name string, data []byte, diags *scenario.Diagnostics) *Log {
	t := sheet.ReadCSV(name, data, sheet.Options{TSV: strings.HasSuffix(strings.ToLower(name), ".tsv")}, diags)
	if len(t.Rows) == 0 {
		if !diags.HasErrors() {
			diags.Errorf(scenario.Pos{File: name}, "file is empty")
		}
		return nil
	}
	head := t.Rows[0]
	cols := map[string]int{}
	headers := make([]string, len(head.Cells))
	for j, c := range head.Cells {
		id := columnOf(c.Text)
		if id == "" {
			if strings.TrimSpace(c.Text) != "" {
				diags.Warnf(c.Pos, "%s: not a drill log column; it is ignored (the columns are %s)", t.Where(c.Row, c.Col, strings.TrimSpace(c.Text)), strings.Join(csvColumns, ", "))
			}
			continue
		}
		if k, dup := cols[id]; dup {
			diags.Errorf(c.Pos, "%s: column %q is given twice: here and in column %s", t.Where(c.Row, c.Col, ""), id, sheet.ColumnName(k))
			continue
		}
		cols[id] = j
		headers[j] = strings.TrimSpace(c.Text)
	}
	missing := false
	for _, id := range []string{"at", "kind", "round", "group"} {
		if _, ok := cols[id]; !ok {
			diags.Errorf(head.Pos, "%s: no %s column; a drill log's header row names at, kind, round and group, and may name %s", t.RowAt(head.Number), id, strings.Join(csvColumns, ", "))
			missing = true
		}
	}
	t.ReportUnreadable(name, func(c sheet.Cell) scenario.Message { return t.Where(c.Row, c.Col, headerOf(headers, c.Col)) }, diags)

	l := &Log{Version: Version, Kind: Kind, file: name, format: FormatCSV, top: map[string]field{}}
	l.top["entries"] = field{pos: head.Pos, name: scenario.Msg("entries")}
	l.top[""] = field{pos: scenario.Pos{File: name}}
	if missing {
		// Without them no row can be read; each would say so again.
		return l
	}
	if len(t.Rows) == 1 {
		diags.Errorf(head.Pos, "the log has no entries; list what happened, one entry a row")
	}
	var raws []raw
	type seen struct {
		value string
		row   int
	}
	firsts := map[string]seen{}
	for _, row := range t.Rows[1:] {
		rowPos := row.Pos
		if len(row.Cells) > 0 {
			rowPos = row.Cells[0].Pos
		}
		r := raw{place: place{pos: rowPos, name: t.RowAt(row.Number), fields: map[string]field{}}, vals: map[string]string{}, csv: true}
		for id, j := range cols {
			pos := row.Pos
			if j < len(row.Cells) {
				pos = row.Cells[j].Pos
			}
			r.fields[id] = field{pos: pos, name: t.Where(row.Number, j, headers[j])}
			r.vals[id] = sheet.UnescapeCell(row.Text(j))
		}
		// A row without an at cell at all has none; an empty one is a
		// template's line never filled in.
		if _, ok := cols["at"]; !ok {
			delete(r.vals, "at")
		}
		for _, id := range []string{"plan", "scenario", "demo", "date", "utc_offset"} {
			v := strings.TrimSpace(r.vals[id])
			if v == "" {
				continue
			}
			f, ok := firsts[id]
			if !ok {
				firsts[id] = seen{v, row.Number}
				l.top[id] = r.fields[id]
				continue
			}
			if v != f.value && id != "date" && id != "utc_offset" {
				diags.Errorf(r.fields[id].pos, "%s: %q, but row %d says %q; one file holds the log of one plan and scenario", r.fields[id].name, v, f.row, f.value)
			}
		}
		r.date = strings.TrimSpace(r.vals["date"])
		if r.date != "" {
			if y, m, d, ok := parseDate(r.date); ok {
				r.date = dateText(y, m, d)
			} else {
				diags.Errorf(r.fields["date"].pos, "%s: %q is not a date; write it as 2026-12-01", r.fields["date"].name, r.date)
			}
		}
		r.loc, _ = parseOffset(DefaultUTCOffset)
		if o := strings.TrimSpace(r.vals["utc_offset"]); o != "" {
			if loc, ok := parseOffset(o); ok {
				r.loc = loc
			} else {
				diags.Errorf(r.fields["utc_offset"].pos, "%s: %q is not a UTC offset; write it as +08:00", r.fields["utc_offset"].name, o)
			}
		}
		raws = append(raws, r)
	}
	l.Plan, l.Scenario = firsts["plan"].value, firsts["scenario"].value
	l.Date, l.UTCOffset = firsts["date"].value, firsts["utc_offset"].value
	if l.Date != "" {
		if y, m, d, ok := parseDate(l.Date); ok {
			l.Date = dateText(y, m, d)
		}
	}
	if l.UTCOffset != "" {
		if loc, ok := parseOffset(l.UTCOffset); ok {
			l.UTCOffset = offsetText(loc)
		}
	}
	if v := firsts["demo"].value; v != "" {
		l.Demo, _ = boolean(l.top["demo"], v, diags)
	}
	l.build(raws, diags)
	// A CSV log is of the round and group its rows give; rows of several
	// are a day's log, as `yishi export` wrote before version 2.
	for i, e := range l.Entries {
		if i == 0 {
			l.Round, l.Group = e.Round, e.Group
			continue
		}
		if e.Round != l.Round || e.Group != l.Group {
			l.Version, l.Round, l.Group = 1, 0, 0
			break
		}
	}
	if l.Version >= 2 {
		for i := range l.places {
			if rf, ok := l.places[i].fields["round"]; ok {
				l.top["round"] = rf
			}
			if gf, ok := l.places[i].fields["group"]; ok {
				l.top["group"] = gf
			}
			break
		}
	}
	return l
}

// headerOf is the header of column j, for naming its cells.
func headerOf(headers []string, j int) string {
	if j < len(headers) {
		return headers[j]
	}
	return ""
}
