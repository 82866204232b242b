package sheet

import (
	"bytes"
	"encoding/csv"
	"strings"
	"unicode/utf8"
)

// BOM is the byte-order mark with which Excel recognises a UTF-8 CSV file.
const BOM = "\uFEFF"

// WriteCSV writes rows as CSV with a UTF-8 BOM and CRLF line ends, as
// Excel writes them, each cell passed through [SafeCell].
func WriteCSV(rows [][]string) []byte {
	var b bytes.Buffer
	b.WriteString(BOM)
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	for _, row := range rows {
		safe := make([]string, len(row))
		for i, c := range row {
			safe[i] = SafeCell(c)
		}
		w.Write(safe) // a bytes.Buffer does not fail
	}
	w.Flush()
	return b.Bytes()
}

// SafeCell makes a CSV cell safe to open in a spreadsheet: a cell that
// starts with a character that makes Excel, LibreOffice or Google Sheets
// read it as a formula (=, +, -, @, a tab or a carriage return, and their
// full-width forms ＝ ＋ － ＠, which some spreadsheets treat alike) gets a
// leading apostrophe, so it shows as text. A plain number such as "-1" or
// "+2.5" is left alone: a spreadsheet reads it as a number, never as a
// formula, and an apostrophe would turn it into text.
func SafeCell(s string) string {
	if s == "" || isPlainNumber(s) {
		return s
	}
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠':
		return "'" + s
	}
	return s
}

// isPlainNumber reports whether s is an optional sign, digits and at most
// one decimal point with digits on both sides: nothing a spreadsheet could
// evaluate. Exponents, "Inf", hex and spaces do not count.
func isPlainNumber(s string) bool {
	if s[0] == '-' || s[0] == '+' {
		s = s[1:]
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	return allDigits(intPart) && (!hasDot || allDigits(frac))
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// UnescapeCell undoes [SafeCell] on a cell read back: an apostrophe before a
// formula character is dropped.
func UnescapeCell(s string) string {
	if rest, ok := strings.CutPrefix(s, "'"); ok && rest != "" && SafeCell(rest) != rest {
		return rest
	}
	return s
}
