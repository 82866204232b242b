package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
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

// SaveAsUTF8 tells a spreadsheet user how to save a file as UTF-8. Its
// English names the menus of Chinese Excel and WPS too, which many readers
// of English messages in China have.
var SaveAsUTF8 = scenario.Msg("save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)")

// maxInvalidBytes is how many invalid bytes [Table.ReportUnreadable] reports
// one by one.
const maxInvalidBytes = 20

// reportInvalidBytes records an error for each invalid byte [DecodeText]
// found, up to [maxInvalidBytes], and one more, at the first left out, that
// counts the rest; refs names the cell that holds each byte, when it has one.
func reportInvalidBytes(file string, bad []InvalidByte, refs []scenario.Message, diags *scenario.Diagnostics) {
	for i, b := range bad {
		pos := scenario.Pos{File: file, Line: b.Line, Col: b.Col}
		placed := i < len(refs) && refs[i].Format != ""
		switch {
		case i == maxInvalidBytes && placed:
			diags.Errorf(pos, "%s: and %d more invalid UTF-8 bytes; %s", refs[i], len(bad)-i, SaveAsUTF8)
		case i == maxInvalidBytes:
			diags.Errorf(pos, "and %d more invalid UTF-8 bytes; %s", len(bad)-i, SaveAsUTF8)
		case placed:
			diags.Errorf(pos, "%s: invalid UTF-8 byte 0x%02X; %s", refs[i], b.Byte, SaveAsUTF8)
		default:
			diags.Errorf(pos, "invalid UTF-8 byte 0x%02X; %s", b.Byte, SaveAsUTF8)
		}
		if i == maxInvalidBytes {
			return
		}
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
//     (Comma delimited)". The bytes are decoded both ways and the text that
//     reads better wins (see [plausibility]): the wrong decoding of a
//     Windows-1252 file holds U+FFFD and Chinese characters wedged between
//     Latin letters ("Mar韆 N�ez"), the wrong decoding of a GB18030 file
//     holds runs of accented capitals and symbols with no ASCII letter
//     beside them ("ÍõÊç·Ò"). A tie goes to GB18030.
//
// A file read as UTF-8 (with a BOM or without) may still hold bytes that
// are not UTF-8: each is returned in bad, in file order, and stands as
// U+FFFD in text. Report them with [Table.ReportUnreadable]. Any decoding can
// leave U+FFFD in the text (a GB18030 file with a broken byte, a
// Windows-1252 file with one of its five undefined bytes, a file in yet
// another encoding); those are not in bad, and a caller that keeps names
// must refuse them. Rosters and scoresheets are read through DecodeText.
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
	gb := decodeWith(simplifiedchinese.GB18030, data)
	latin := decodeWith(charmap.Windows1252, data)
	if plausibility(latin) > plausibility(gb) {
		return latin, "windows-1252", nil
	}
	return gb, "gb18030", nil
}

// decodeWith decodes data, each byte it cannot read standing as U+FFFD.
func decodeWith(enc encoding.Encoding, data []byte) string {
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	return string(out)
}

// plausibility scores how much text reads like what people type into a
// roster or a scoresheet, in Chinese or in a language written with Latin
// letters. ASCII counts for nothing either way; each other character
// counts:
//
//   - −10 for U+FFFD, a C1 control or a private-use character: proof that
//     the decoding failed;
//   - −4 for a rare ideograph (CJK extension A and beyond, compatibility
//     ideographs), which GB18030 gives for byte pairs that are seldom text;
//   - for a common ideograph (U+4E00–U+9FFF): −3 next to an ASCII letter,
//     which is how an accented letter and the letter after it read as
//     GB18030 ("Mar韆"), else +3 next to another ideograph (a name, a
//     place) and +1 alone;
//   - for an accented Latin letter (U+00C0–U+024F): +3 in a word with at
//     least as many ASCII letters ("Núñez"), 0 alone ("à"), else −2, as
//     in the runs that Chinese read as Windows-1252 gives ("ÍõÊç");
//   - +1 for CJK punctuation or a full-width form next to an ideograph, 0
//     for the typographic punctuation of Windows-1252 (“ ” – — …), a
//     no-break space and the common signs ° © ® « » · £ §, and −1 for
//     any other character.
func plausibility(text string) int {
	rs := []rune(text)
	at := func(i int) rune {
		if i < 0 || i >= len(rs) {
			return 0
		}
		return rs[i]
	}
	score := 0
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r < utf8.RuneSelf {
			continue
		}
		prev, next := at(i-1), at(i+1)
		switch {
		case r == utf8.RuneError, r >= 0x80 && r <= 0x9F, unicode.Is(unicode.Co, r):
			score -= 10
		case isRareHan(r):
			score -= 4
		case isHan(r):
			switch {
			case isASCIILetter(prev) || isASCIILetter(next):
				score -= 3
			case isHan(prev) || isHan(next):
				score += 3
			default:
				score++
			}
		case isAccented(r):
			// The whole word is scored at once.
			w, end := accentedWord(rs, i)
			score += w
			i = end - 1
		case isCJKPunct(r):
			if isHan(prev) || isHan(next) {
				score++
			}
		case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205E, r == 0x20AC, r == 0x2122,
			strings.ContainsRune("\u00a0°©®«»·£§", r):
		default:
			score--
		}
	}
	return score
}

// accentedWord scores the word of Latin letters around the accented
// letter rs[i] (see [plausibility]) and returns the index just past it.
func accentedWord(rs []rune, i int) (score, end int) {
	start := i
	for start > 0 && isLatinLetter(rs[start-1]) {
		start--
	}
	end = i
	for end < len(rs) && isLatinLetter(rs[end]) {
		end++
	}
	ascii, accented := 0, 0
	for _, c := range rs[start:end] {
		if isASCIILetter(c) {
			ascii++
		} else {
			accented++
		}
	}
	switch {
	case ascii >= accented:
		return 3 * accented, end
	case ascii+accented > 1:
		return -2 * accented, end
	}
	return 0, end
}

// isHan reports whether r is a CJK Unified Ideograph of the basic block,
// where every character of GB2312 lies.
func isHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// isRareHan reports whether r is an ideograph outside the basic block:
// extension A, the compatibility ideographs, and the supplementary planes.
func isRareHan(r rune) bool {
	return r >= 0x3400 && r <= 0x4DBF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x3FFFF
}

// isCJKPunct reports whether r is CJK punctuation or a full-width form,
// such as 、 。 《 》 or ，.
func isCJKPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// isAccented reports whether r is a Latin letter beyond ASCII, from
// Latin-1 to Latin Extended-B.
func isAccented(r rune) bool {
	return r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7
}

func isLatinLetter(r rune) bool { return isASCIILetter(r) || isAccented(r) }

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

// delimiter picks a CSV file's separator from its first non-blank line: a
// comma when it has one, else a tab, else a semicolon (Excel in locales
// that write decimal commas); always a tab when tsv is set.
func delimiter(lines []string, tsv bool) rune {
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

// csvMessage explains a encoding/csv error in words a spreadsheet user can
// act on.
func csvMessage(err error) scenario.Message {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return scenario.Msg(`a " appears inside a value that does not start with one; put the whole value in quotes and double the inner quote ("")`)
	case errors.Is(err, csv.ErrQuote):
		return scenario.Msg(`a quoted value is not closed, or its closing " is followed by more text; double a " inside a value ("")`)
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	// Any other error of encoding/csv (a field count, which this reader
	// does not ask for) is quoted as Go words it.
	return scenario.Msg("%v", err)
}
