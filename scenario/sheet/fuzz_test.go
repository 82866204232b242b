package sheet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/yishi-council/yishi/scenario"
)

// fixtureDirs hold the spreadsheet files of the packages that read them
// through this one: rosters, the bundled sample rosters, scoresheets.
var fixtureDirs = []string{
	"../../roles/roster/testdata",
	"../../roles/roster/testdata/bad",
	"../../scenarios/rosters",
	"../../review/testdata/bad",
	"../../review/testdata/report/sheets",
}

// addSeeds adds the fixtures, and the texts of these tests in each
// encoding Excel writes, to the fuzz corpus.
func addSeeds(f *testing.F) {
	for _, dir := range fixtureDirs {
		for _, pattern := range []string{"*.csv", "*.tsv", "*.txt"} {
			files, _ := filepath.Glob(filepath.Join(dir, pattern))
			for _, file := range files {
				data, err := os.ReadFile(file)
				if err != nil {
					f.Fatal(err)
				}
				f.Add(data)
			}
		}
	}
	texts := []string{chineseRosterCSV, englishRosterCSV, spanishRosterCSV, mixedGB18030CSV, scoresheetWindows1252CSV,
		"a,b\n1,\"x\ny\"z\n2,w\n", "姓名,备注\n王淑芬,说\"好\"\n", "姓名\t备注\n王淑芬\t有,逗号\n", "Name;Score\r\nRenée;3,5\r\n"}
	utf16 := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder()
	for _, s := range texts {
		f.Add([]byte(s))
		f.Add([]byte(BOM + s))
		for _, enc := range [][]byte{encodeOrNil(simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))), encodeOrNil(charmap.Windows1252.NewEncoder().Bytes([]byte(s))), encodeOrNil(utf16.Bytes([]byte(s)))} {
			if enc != nil {
				f.Add(enc)
			}
		}
	}
}

func encodeOrNil(b []byte, err error) []byte {
	if err != nil {
		return nil
	}
	return b
}

// inText reports whether line:col is a place in text, columns counted in
// characters; the column just past a line's end, where its line break
// stands, counts as inside.
func inText(lines []string, line, col int) bool {
	return line >= 1 && line <= len(lines) && col >= 1 && col <= utf8.RuneCountInString(lines[line-1])+1
}

func FuzzReadCSV(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		text, encoding, bad := DecodeText(data)
		if !utf8.ValidString(text) {
			t.Fatalf("%s: text is not UTF-8", encoding)
		}
		if utf8.Valid(data) && !strings.HasPrefix(string(data), BOM) && !strings.HasPrefix(string(data), "\xff\xfe") && !strings.HasPrefix(string(data), "\xfe\xff") {
			if encoding != "utf-8" || text != string(data) {
				t.Fatalf("UTF-8 read as %s", encoding)
			}
		}
		lines := strings.Split(text, "\n")
		for _, b := range bad {
			if !inText(lines, b.Line, b.Col) {
				t.Fatalf("invalid byte at %d:%d, outside the text", b.Line, b.Col)
			}
			if r := []rune(lines[b.Line-1]); b.Col > len(r) || r[b.Col-1] != utf8.RuneError {
				t.Fatalf("invalid byte at %d:%d does not stand as U+FFFD", b.Line, b.Col)
			}
		}
		for _, opts := range []Options{{}, {TSV: true}} {
			var diags scenario.Diagnostics
			tab := ReadCSV("f.csv", data, opts, &diags)
			tab.ReportUnreadable("f.csv", nil, &diags)
			if tab.Encoding != encoding {
				t.Fatalf("ReadCSV says %s, DecodeText %s", tab.Encoding, encoding)
			}
			for _, d := range diags {
				if d.Pos.File != "f.csv" {
					t.Fatalf("%s: wrong file", d)
				}
				if d.Pos.Line != 0 && !inText(lines, d.Pos.Line, d.Pos.Col) {
					t.Fatalf("%s: outside the text", d)
				}
			}
			lastRow := 0
			for _, r := range tab.Rows {
				if r.Number <= lastRow || r.Number > r.Pos.Line {
					t.Fatalf("row %d at line %d after row %d", r.Number, r.Pos.Line, lastRow)
				}
				lastRow = r.Number
				for j, c := range r.Cells {
					if !inText(lines, c.Pos.Line, c.Pos.Col) {
						t.Fatalf("cell %s at %s: outside the text", c.Ref(), c.Pos)
					}
					if c.Row != r.Number || c.Col != j {
						t.Fatalf("cell %s in row %d, column %d", c.Ref(), r.Number, j)
					}
					if c.Invalid > strings.Count(c.Text, "\uFFFD") {
						t.Fatalf("cell %s counts %d invalid bytes in %q", c.Ref(), c.Invalid, c.Text)
					}
				}
			}
		}
	})
}
