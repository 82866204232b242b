package roster

import (
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// readCSV reads a CSV (or tab-separated) file through [sheet.ReadCSV],
// which detects its encoding and separator and places every cell by its
// line and column of characters and by its spreadsheet reference.
func readCSV(file string, data []byte, tsv bool, diags *scenario.Diagnostics) *table {
	st := sheet.ReadCSV(file, data, sheet.Options{TSV: tsv}, diags)
	if len(st.Rows) == 0 && diags.HasErrors() {
		return nil
	}
	g := grid{ragged: true}
	for _, row := range st.Rows {
		texts := make([]string, len(row.Cells))
		for j, c := range row.Cells {
			texts[j] = c.Text
		}
		g.rows = append(g.rows, texts)
	}
	g.place = func(i, j int) spot {
		row := st.Rows[i]
		if j < len(row.Cells) {
			c := row.Cells[j]
			return spot{pos: c.Pos, row: row.Number, col: j, reported: c.Invalid}
		}
		return spot{pos: row.Pos, row: row.Number, col: j}
	}
	// What could not be read is reported before the table is made, so
	// that its checks know which U+FFFD are reported already.
	h, _ := headerRow(g.rows)
	st.ReportUnreadable(file, func(c sheet.Cell) scenario.Message {
		if h >= 0 && h < len(st.Rows) {
			if label := headerLabel(clean(st.Rows[h].Text(c.Col))); label != "" && c.Row != st.Rows[h].Number {
				return sheet.Where(c.Row, c.Col, label)
			}
		}
		return sheet.Where(c.Row, c.Col, "")
	}, diags)
	t := tableOf(file, g, diags)
	if t != nil {
		t.format, t.encoding = FormatCSV, st.Encoding
	}
	return t
}
