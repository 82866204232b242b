package xlsx

import (
	"fmt"
	"testing"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// BenchmarkReadLargest reads a workbook at the row limit, 10,000 rows of
// 20 cells, the most a sign-up sheet or scoresheet may hold: go test
// ./scenario/sheet/xlsx -run '^$' -bench ReadLargest -benchmem.
func BenchmarkReadLargest(b *testing.B) {
	rows := make([][]sheet.Value, sheet.MaxRows)
	for i := range rows {
		row := make([]sheet.Value, 20)
		for j := range row {
			row[j] = sheet.Value{Text: fmt.Sprintf("学员%d-%d", i, j)}
		}
		rows[i] = row
	}
	data, err := Write(sheet.Book{Tabs: []sheet.Tab{{Name: "报名表", Rows: rows}}})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var diags scenario.Diagnostics
		if tables := Read("big.xlsx", data, &diags); len(tables) != 1 || diags.HasErrors() {
			b.Fatalf("read %d tables: %v", len(tables), diags)
		}
	}
}
