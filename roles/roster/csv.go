package roster

import (
	"strconv"

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
			return spot{pos: c.Pos, ref: c.Ref(), row: row.Number, reported: c.Invalid}
		}
		return spot{pos: row.Pos, ref: sheet.ColumnName(j) + strconv.Itoa(row.Number), row: row.Number}
	}
	// What could not be read is reported before the table is made, so
	// that its checks know which U+FFFD are reported already.
	h := headerRow(g.rows)
	st.ReportUnreadable(file, func(c sheet.Cell) scenario.Message {
		if h >= 0 && h < len(st.Rows) {
			if label := headerLabel(clean(st.Rows[h].Text(c.Col))); label != "" && c.Row != st.Rows[h].Number {
				return scenario.Msg("cell %s (%s)", c.Ref(), label)
			}
		}
		return scenario.Msg("cell %s", c.Ref())
	}, diags)
	t := tableOf(file, g, diags)
	if t != nil {
		t.format, t.encoding, t.rowWord = FormatCSV, st.Encoding, "row"
	}
	return t
}
