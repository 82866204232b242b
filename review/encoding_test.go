package review

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yishi-council/yishi/scenario/sheet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// filledCSV returns a blank CSV scoresheet for Alice, round 1, with
// evidence written into each evidence cell, without its BOM.
func filledCSV(t *testing.T, evidence func(row, col int) string) []byte {
	t.Helper()
	p, s := fixture(t)
	blank, err := BlankScoresheets(p, SheetOptions{Reviewers: []string{"Alice"}, Round: 1})
	require.NoError(t, err)
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(MarshalScoresheetsCSV(p, s, blank), []byte(sheet.BOM)))).ReadAll()
	require.NoError(t, err)
	for i := 1; i < len(recs); i++ {
		for c, h := range recs[0] {
			if strings.HasSuffix(h, ".evidence]") {
				recs[i][c] = evidence(i, c)
			}
		}
	}
	var b bytes.Buffer
	require.NoError(t, csv.NewWriter(&b).WriteAll(recs))
	return b.Bytes()
}

// TestWindows1252Scoresheet reads a sheet as English Excel saves "CSV
// (Comma delimited)": in Windows-1252, with curly quotes, é and the en
// dash of the score columns' "(1–5)".
func TestWindows1252Scoresheet(t *testing.T) {
	p, s := fixture(t)
	const ev = "“Let’s begin” – Renée opened on time"
	// Excel writes "?" for what Windows-1252 cannot hold, such as the
	// Chinese in a level hint; ReplaceUnsupported does the same.
	data, err := encoding.ReplaceUnsupported(charmap.Windows1252.NewEncoder()).Bytes(filledCSV(t, func(int, int) string { return ev }))
	require.NoError(t, err)
	require.Contains(t, string(data), "\x93Let\x92s begin\x94 \x96 Ren\xe9e")

	sheets, diags := ParseScoresheets("alice.csv", data, p, s.Rubric.Rubric, ParseOptions{})
	require.False(t, diags.HasErrors(), "%v", diags)
	require.NotEmpty(t, sheets)
	for _, sc := range sheets[0].Scores {
		assert.Equal(t, ev, sc.Evidence)
	}
}

// TestScoresheetInvalidUTF8 reads a UTF-8 sheet with stray Latin-1 bytes:
// each is an error at its line and column (in characters) and at the cell
// a person finds it in, and the sheet is not used.
func TestScoresheetInvalidUTF8(t *testing.T) {
	p, s := fixture(t)
	var want []string
	var where string
	data := filledCSV(t, func(row, col int) string {
		if row == 2 && col == 5 {
			// The third row of the sheet (after the header and the
			// hints), column F.
			where = "row 3, column F (Organizing the meeting evidence [organization.evidence])"
			return "王老师说：Ren\xe9e 开场很好"
		}
		return "开场宣布了议事规则"
	})
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if j := strings.Index(l, "Ren\xe9e"); j >= 0 {
			col := len([]rune(l[:j+3])) + 1
			want = append(want, fmt.Sprintf("alice.csv:%d:%d: %s: invalid UTF-8 byte 0xE9; save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)", i+1, col, where))
		}
	}
	require.Len(t, want, 1)
	sheets, diags := ParseScoresheets("alice.csv", data, p, s.Rubric.Rubric, ParseOptions{})
	assert.Empty(t, sheets)
	assert.Equal(t, want, errorStrings(diags.Errors()))

	// With a BOM as well, and every bad byte reported, up to a limit; the
	// first are in the hint row (row 2), which was written over too.
	data = append([]byte(sheet.BOM), filledCSV(t, func(row, col int) string {
		return "开场宣布了议事规则\x93很好\x94"
	})...)
	_, diags = ParseScoresheets("alice.csv", data, p, s.Rubric.Rubric, ParseOptions{})
	errs := errorStrings(diags.Errors())
	require.Len(t, errs, 21, "%v", errs)
	assert.Regexp(t, `^alice\.csv:\d+:\d+: row 2, column F \(Organizing the meeting evidence \[organization\.evidence\]\): invalid UTF-8 byte 0x93; save the file as UTF-8`, errs[0])
	assert.Regexp(t, `^alice\.csv:\d+:\d+: row 2, column F \(Organizing the meeting evidence \[organization\.evidence\]\): invalid UTF-8 byte 0x94; save the file as UTF-8`, errs[1])
	assert.Regexp(t, `^alice\.csv:\d+:\d+: row \d+, column [A-Z]+ \(.*\): and \d+ more invalid UTF-8 bytes; save the file as UTF-8`, errs[20])
}

func errorStrings[T fmt.Stringer](ds []T) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

// TestScoresheetLostCharacter: a Windows-1252 sheet with a byte that code
// page has no character for (0x81) would put a U+FFFD in the report; it is
// an error at its cell instead, and the sheet is not used.
func TestScoresheetLostCharacter(t *testing.T) {
	p, s := fixture(t)
	data := filledCSV(t, func(row, col int) string {
		if row == 2 && col == 5 {
			return "Chloé said \x81 something"
		}
		return "Rules agreed – on time"
	})
	// The hints hold marks Windows-1252 lacks; they become "?" as Excel
	// writes them.
	cp, err := encoding.ReplaceUnsupported(charmap.Windows1252.NewEncoder()).Bytes([]byte(strings.ReplaceAll(string(data), "\x81", "")))
	require.NoError(t, err)
	cp = bytes.ReplaceAll(cp, []byte{0x1a}, []byte("?"))
	// Put the undefined byte back where it stood.
	cp = bytes.Replace(cp, []byte("said  something"), []byte("said \x81 something"), 1)
	sheets, diags := ParseScoresheets("bob.csv", cp, p, s.Rubric.Rubric, ParseOptions{})
	assert.Empty(t, sheets)
	errs := errorStrings(diags.Errors())
	require.Len(t, errs, 1, "%v", errs)
	assert.Regexp(t, `^bob\.csv:\d+:\d+: row 3, column F \(Organizing the meeting evidence \[organization\.evidence\]\): "Chloé said \x{FFFD} something" holds U\+FFFD`, errs[0])
	assert.Contains(t, errs[0], "could not be read as windows-1252")
}
