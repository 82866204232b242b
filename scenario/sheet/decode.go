package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/yishi-council/yishi/scenario"
)

// InvalidByte is a byte that is not UTF-8 in a text that otherwise is.
type InvalidByte struct {
	// Line and Col place the byte, 1-based; Col counts characters, as
	// the columns of messages do.
	Line, Col int
	Byte      byte
}

// SaveAsUTF8 tells a spreadsheet user how to save a file as UTF-8.
const SaveAsUTF8 = "save the file as UTF-8 (in Excel: 另存为 → CSV UTF-8)"

// MaxInvalidBytes is how many invalid bytes [ReportInvalidBytes] reports
// one by one.
const MaxInvalidBytes = 20

// ReportInvalidBytes records an error for each invalid byte that
// [DecodeText] found in file, up to [MaxInvalidBytes], and one more, at
// the first left out, that counts the rest.
func ReportInvalidBytes(file string, bad []InvalidByte, diags *scenario.Diagnostics) {
	for i, b := range bad {
		pos := scenario.Pos{File: file, Line: b.Line, Col: b.Col}
		if i == MaxInvalidBytes {
			diags.Errorf(pos, "and %d more invalid UTF-8 bytes; %s", len(bad)-i, SaveAsUTF8)
			return
		}
		diags.Errorf(pos, "invalid UTF-8 byte 0x%02X; %s", b.Byte, SaveAsUTF8)
	}
}

// DecodeText returns the bytes of a CSV file as UTF-8 text and names the
// encoding they were in:
//
//   - "utf-8 with BOM", "utf-16" (Excel's "Unicode text") when the file
//     starts with that byte-order mark;
//   - "utf-8" when the bytes are UTF-8, or mostly are: when the valid
//     multi-byte sequences outnumber the invalid bytes at least four to one,
//     as in a UTF-8 file with a stray Latin-1 byte;
//   - else "gb18030", which Chinese Excel writes when it saves "CSV (逗号分隔)",
//     or "windows-1252", which English Excel writes when it saves "CSV
//     (Comma delimited)": GB18030 text has its high bytes in pairs (a lead
//     byte then another high byte), Windows-1252 text mostly has lone high
//     bytes followed by ASCII, and whichever is more common decides.
//
// A file read as UTF-8 (with a BOM or without) may still hold bytes that
// are not UTF-8: each is returned in bad, in file order, and stands as
// U+FFFD in text. Report them with [ReportInvalidBytes]. Rosters and
// scoresheets are read through DecodeText.
func DecodeText(data []byte) (text, encoding string, bad []InvalidByte) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		text, bad = decodeUTF8(data[3:])
		return text, "utf-8 with BOM", bad
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder()
		if out, _, err := transform.Bytes(dec, data); err == nil {
			return strings.ReplaceAll(string(out), "\r\n", "\n"), "utf-16", nil
		}
	case utf8.Valid(data):
		return string(data), "utf-8", nil
	}
	if mostlyUTF8(data) {
		text, bad = decodeUTF8(data)
		return text, "utf-8", bad
	}
	if !gbPairs(data) {
		out, _, err := transform.Bytes(charmap.Windows1252.NewDecoder(), data)
		if err == nil {
			return string(out), "windows-1252", nil
		}
	}
	out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD"), "gb18030", nil
	}
	return string(out), "gb18030", nil
}

// decodeUTF8 returns data as text with each invalid byte replaced by
// U+FFFD, and the places of those bytes.
func decodeUTF8(data []byte) (string, []InvalidByte) {
	if utf8.Valid(data) {
		return string(data), nil
	}
	var (
		b         strings.Builder
		bad       []InvalidByte
		line, col = 1, 1
	)
	b.Grow(len(data) + 8)
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad = append(bad, InvalidByte{Line: line, Col: col, Byte: data[i]})
			b.WriteRune(utf8.RuneError)
		} else {
			b.Write(data[i : i+size])
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return b.String(), bad
}

// mostlyUTF8 reports whether the valid multi-byte UTF-8 sequences of data
// outnumber its invalid bytes at least four to one. In GB18030 or
// Windows-1252 text few byte sequences happen to be valid UTF-8.
func mostlyUTF8(data []byte) bool {
	multi, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			multi++
		}
		i += size
	}
	return multi > 0 && multi >= 4*invalid
}

// gbPairs reports whether the high bytes of data come mostly in the pairs
// of GBK and GB18030 (a lead byte 0x81–0xFE then a trail byte 0x80–0xFE,
// or GB18030's four-byte form) rather than alone, as in Windows-1252. A
// trail byte in 0x40–0x7E is ASCII as well, so a lead followed by one
// counts as neither.
func gbPairs(data []byte) bool {
	pairs, lone := 0, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c < 0x80 {
			i++
			continue
		}
		if c >= 0x81 && c <= 0xFE && i+1 < len(data) {
			t := data[i+1]
			switch {
			case t >= 0x80 && t <= 0xFE:
				pairs++
				i += 2
				continue
			case t >= 0x30 && t <= 0x39 && i+3 < len(data) &&
				data[i+2] >= 0x81 && data[i+2] <= 0xFE && data[i+3] >= 0x30 && data[i+3] <= 0x39:
				pairs++
				i += 4
				continue
			case t >= 0x40 && t <= 0x7E:
				i += 2
				continue
			}
		}
		lone++
		i++
	}
	return pairs > lone
}

// Delimiter picks a CSV file's separator from its first non-blank line: a
// comma when it has one, else a tab, else a semicolon (Excel in locales
// that write decimal commas); always a tab when tsv is set.
func Delimiter(lines []string, tsv bool) rune {
	if tsv {
		return '\t'
	}
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		switch {
		case strings.Contains(l, ","):
			return ','
		case strings.Contains(l, "\t"):
			return '\t'
		case strings.Contains(l, ";"):
			return ';'
		}
		return ','
	}
	return ','
}

// CSVMessage explains a encoding/csv error in words a spreadsheet user can
// act on.
func CSVMessage(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return `a " appears inside a value that does not start with one; put the whole value in quotes and double the inner quote ("")`
	case errors.Is(err, csv.ErrQuote):
		return `a quoted value is not closed, or its closing " is followed by more text; double a " inside a value ("")`
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
