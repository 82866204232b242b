package scenario

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// ParseYAML parses data as a single YAML document and returns its root
// node, for readers of other yishi files (rosters) that walk the nodes
// themselves: a file that is not UTF-8, syntax errors (an unclosed quote
// where it opens), an empty file and a second document are reported at
// their place in diags, and the result is nil when the document cannot be
// used.
func ParseYAML(file string, data []byte, diags *Diagnostics) *yaml.Node {
	return parseDocument(file, data, diags)
}

// parseDocument parses data as a single YAML document. It reports a file
// that is not UTF-8, and syntax errors, at the place they are, and returns
// nil when the document cannot be used.
func parseDocument(file string, data []byte, diags *Diagnostics) *yaml.Node {
	if len(data) > MaxFileSize {
		diags.Errorf(Pos{File: file}, "file is %d bytes, larger than the %d bytes yishi reads", len(data), MaxFileSize)
		return nil
	}
	if at := invalidUTF8(data); at >= 0 {
		diags.Errorf(posAt(file, data, at), "invalid UTF-8 byte 0x%02X; save the file as UTF-8, not GBK or GB18030", data[at])
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			diags.Errorf(Pos{File: file}, "file is empty")
			return nil
		}
		pos, msg := syntaxError(file, data, err)
		diags.Add(pos, SeverityError, msg)
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		diags.Errorf(Pos{File: file}, "file is empty")
		return nil
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		pos := Pos{File: file, Line: next.Line, Col: next.Column}
		if err != nil {
			pos, _ = syntaxError(file, data, err)
		}
		diags.Errorf(pos, "a second YAML document (after ---); a yishi file holds one document")
		return nil
	}
	return doc.Content[0]
}

var utf8BOM = []byte("\xef\xbb\xbf")

// invalidUTF8 returns the offset of the first byte of data that is not
// UTF-8, or -1. A file that starts with a UTF-16 byte-order mark is left
// to the YAML reader, which reads UTF-16.
func invalidUTF8(data []byte) int {
	if bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		return -1
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// posAt is the line and column, in characters, of byte offset at in data.
// A byte-order mark at the start is not a character of the first line.
func posAt(file string, data []byte, at int) Pos {
	start := bytes.LastIndexByte(data[:at], '\n') + 1
	lineStart := data[start:at]
	if start == 0 {
		lineStart = bytes.TrimPrefix(lineStart, utf8BOM)
	}
	return Pos{File: file, Line: 1 + bytes.Count(data[:at], []byte("\n")), Col: 1 + utf8.RuneCount(lineStart)}
}

var (
	yamlLine      = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)
	unknownAnchor = regexp.MustCompile(`unknown anchor '([^']*)'`)
)

// yamlProblem splits a yaml.v3 syntax error into its problem and the line
// it names (0 when it names none).
func yamlProblem(err error) (problem string, line int) {
	msg := err.Error()
	m := yamlLine.FindStringSubmatch(msg)
	if m == nil {
		return msg, 0
	}
	line, _ = strconv.Atoi(m[1])
	return msg[len(m[0]):], line
}

// parserProblems are the problems yaml.v3's parser (not its scanner)
// reports. It numbers their lines from 0, and the scanner's from 1.
var parserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found undefined tag handle":             true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// syntaxError places a yaml.v3 syntax error and words it for a person.
// yaml.v3 gives at best a line, and for a problem that started on the
// first line (a quote or a bracket opened there) the end of the file
// instead; the place is found again here, in characters.
func syntaxError(file string, data []byte, err error) (Pos, Message) {
	problem, line := yamlProblem(err)
	if parserProblems[problem] {
		line++
	}
	// The problem is yaml.v3's own English, kept as it says it.
	msg := Msg("YAML syntax: %s", problem)
	col := 0
	if problem != "found unexpected end of stream" && problem != "control characters are not allowed" {
		if k, c, quote := openQuoteAbove(data, line); k > 0 {
			return Pos{File: file, Line: k, Col: c}, Msg("YAML syntax: the quoted text that opens here does not close on its line; close it with %s; YAML read on to line %d and found: %s", quote, line, problem)
		}
	}
	switch {
	case problem == "found unexpected end of stream": // raised only inside quoted text
		line = openingLine(data, line, false)
		if c, quote := unclosedQuote(lineText(data, line)); c > 0 {
			col = c
			msg = Msg("YAML syntax: the quoted text that opens here never ends; close it with %s", quote)
		}
	case problem == "did not find expected ',' or ']'" || problem == "did not find expected ',' or '}'":
		line = openingLine(data, line, true)
		open, in := '[', Msg("YAML syntax: %s in the list that opens here", problem)
		if strings.HasSuffix(problem, "'}'") {
			open, in = '{', Msg("YAML syntax: %s in the mapping that opens here", problem)
		}
		if c := lastUnclosed(lineText(data, line), open); c > 0 {
			col = c
			msg = in
		}
	case problem == "mapping values are not allowed in this context":
		col = confirmColumn(data, line, problem, func(r rune, next string) bool {
			return r == ':' && (next == "" || next[0] == ' ' || next[0] == '\t')
		})
		msg = Msg(`YAML syntax: %s (is this line indented more than the key above it? a value holding ": " needs quotes)`, problem)
	case problem == "found character that cannot start any token" || strings.HasPrefix(problem, "found a tab character"):
		col = confirmColumn(data, line, problem, func(r rune, _ string) bool { return r == '\t' || r == '@' || r == '`' })
		if bytes.Contains(data, []byte("\n\t")) || bytes.HasPrefix(data, []byte("\t")) {
			msg = Msg("YAML syntax: %s (YAML cannot be indented with tabs; use spaces)", problem)
		}
	case problem == "control characters are not allowed":
		if at := bytes.IndexFunc(data, isControl); at >= 0 {
			r, _ := utf8.DecodeRune(data[at:])
			return posAt(file, data, at), Msg("YAML syntax: control character U+%04X is not allowed; remove it", r)
		}
	case strings.HasPrefix(problem, "unknown anchor"):
		if m := unknownAnchor.FindStringSubmatch(problem); m != nil {
			if at := bytes.Index(data, []byte("*"+m[1])); at >= 0 {
				return posAt(file, data, at), msg
			}
		}
	}
	return Pos{File: file, Line: max(min(line, lineCount(data)), 1), Col: col}, msg
}

// openQuoteAbove finds the quoted text that an error on line runs on from:
// a quote left open mid-file makes YAML read the lines below as quoted
// text up to the next such quote, where the error shows. For each kind of
// quote, walking up from the line above the error over lines without it,
// the first line with one must open quoted text that it does not close; it
// returns that line, the quote's column and the quote, or 0 when there is
// no such line.
func openQuoteAbove(data []byte, line int) (int, int, string) {
	best, bestCol, bestQuote := 0, 0, ""
	for _, q := range []string{`"`, `'`} {
		for k := line - 1; k >= 1; k-- {
			text := lineText(data, k)
			if !strings.Contains(text, q) {
				continue
			}
			if c, quote := unclosedQuote(text); c > 0 && quote == q && k > best {
				best, bestCol, bestQuote = k, c, quote
			}
			break
		}
	}
	return best, bestCol, bestQuote
}

// isControl reports the characters the YAML reader refuses.
func isControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
	case r >= 0x20 && r <= 0x7e, r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd, r >= 0x10000 && r <= 0x10ffff:
	default:
		return true
	}
	return false
}

// openingLine is the line where the quoted text or the bracket of an
// error opened. yaml.v3 names it, unless it is the first line, when it
// names where the problem was found instead; parsing the data again one
// line down tells the two apart.
func openingLine(data []byte, line int, parser bool) int {
	shifted := append([]byte("\n"), data...)
	if bytes.HasPrefix(data, utf8BOM) {
		shifted = append(append(append([]byte{}, utf8BOM...), '\n'), data[len(utf8BOM):]...)
	}
	err := firstError(shifted)
	if err == nil {
		return line
	}
	_, l := yamlProblem(err)
	if l == 0 {
		return line
	}
	if parser {
		return l // counted from 0 in the shifted data: from 1 in data
	}
	return l - 1
}

// firstError parses the documents of data and returns the first error.
func firstError(data []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// lineText is the text of the 1-based line of data, without its end.
func lineText(data []byte, line int) string {
	for i := 1; i < line; i++ {
		nl := bytes.IndexByte(data, '\n')
		if nl < 0 {
			return ""
		}
		data = data[nl+1:]
	}
	if nl := bytes.IndexByte(data, '\n'); nl >= 0 {
		data = data[:nl]
	}
	return strings.TrimPrefix(strings.TrimSuffix(string(data), "\r"), string(utf8BOM))
}

func lineCount(data []byte) int {
	n := bytes.Count(data, []byte("\n"))
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

// lineScan walks the characters of one line of YAML that stand outside
// quoted text and comments, calling visit with each one's column, the
// character and the rest of the line; visit returns false to stop. A
// quote that opens where text may start and does not close on the line
// stops the walk: scan returns its column and the quote.
func lineScan(line string, visit func(col int, r rune, rest string) bool) (openCol int, quote string) {
	rs := []rune(line)
	canStart := true // text may start here: a quote here opens quoted text
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == ' ' || r == '\t':
			if !visit(i+1, r, string(rs[i+1:])) {
				return 0, ""
			}
			continue // space keeps what may follow
		case r == '#' && (i == 0 || rs[i-1] == ' ' || rs[i-1] == '\t'):
			return 0, "" // a comment runs to the end of the line
		case (r == '"' || r == '\'') && canStart:
			end := closingQuote(rs, i)
			if end < 0 {
				return i + 1, string(r)
			}
			i, canStart = end, false
			continue
		}
		if !visit(i+1, r, string(rs[i+1:])) {
			return 0, ""
		}
		next := i+1 == len(rs) || rs[i+1] == ' ' || rs[i+1] == '\t'
		canStart = strings.ContainsRune("[{,", r) || (strings.ContainsRune(":-?", r) && next)
	}
	return 0, ""
}

// closingQuote returns the index of the quote that closes the quoted text
// opening at rs[open], or -1 when it does not close on this line.
func closingQuote(rs []rune, open int) int {
	q := rs[open]
	for j := open + 1; j < len(rs); j++ {
		switch {
		case q == '"' && rs[j] == '\\':
			j++
		case q == '\'' && rs[j] == '\'' && j+1 < len(rs) && rs[j+1] == '\'':
			j++
		case rs[j] == q:
			return j
		}
	}
	return -1
}

// unclosedQuote returns the column and the quote of the quoted text that
// opens on line and does not close there, or 0.
func unclosedQuote(line string) (int, string) {
	return lineScan(line, func(int, rune, string) bool { return true })
}

// lastUnclosed returns the column of the last bracket open (a '[' or '{')
// on line that the line does not close, or 0.
func lastUnclosed(line string, open rune) int {
	type bracket struct {
		r   rune
		col int
	}
	var stack []bracket
	lineScan(line, func(col int, r rune, _ string) bool {
		switch r {
		case '[', '{':
			stack = append(stack, bracket{r, col})
		case ']', '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
		return true
	})
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i].r == open {
			return stack[i].col
		}
	}
	return 0
}

// confirmColumn finds the character of the line that raised problem: of
// the characters outside quotes that match, the first one such that the
// data up to and including it gives the same problem. It returns 0 when
// none does.
func confirmColumn(data []byte, line int, problem string, match func(r rune, rest string) bool) int {
	if line < 1 {
		return 0
	}
	start := 0
	for i := 1; i < line; i++ {
		nl := bytes.IndexByte(data[start:], '\n')
		if nl < 0 {
			return 0
		}
		start += nl + 1
	}
	text := lineText(data, line)
	skip := len(data[start:]) - len(bytes.TrimPrefix(data[start:], utf8BOM)) // a BOM before line 1
	found, tries := 0, 0
	lineScan(text, func(col int, r rune, rest string) bool {
		if !match(r, rest) {
			return true
		}
		if tries++; tries > 8 {
			return false
		}
		end := start + skip + len(string([]rune(text)[:col]))
		if err := firstError(data[:end]); err != nil {
			if p, _ := yamlProblem(err); p == problem {
				found = col
				return false
			}
		}
		return true
	})
	return found
}
