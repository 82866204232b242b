package review

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// yamlStart is a first line that only a YAML scoresheet has.
var yamlStart = regexp.MustCompile(`^(---|version\s*:|kind\s*:)`)

// fileExt is the extension of a file name, with a slash or a backslash
// between folders.
func fileExt(name string) string { return path.Ext(strings.ReplaceAll(name, `\`, "/")) }

// workbookExts are the extensions of spreadsheet files that are not
// text.
var workbookExts = []string{".xlsx", ".xlsm", ".xls", ".et", ".ods", ".numbers"}

// sheetFormat tells how to read a scoresheet file: [FormatCSV],
// [FormatYAML] or [FormatXLSX] by its extension (.csv, .tsv and .txt are
// CSV; .yaml and .yml YAML; .xlsx and .xlsm workbooks), else by its
// content. A file whose content is not what its name says — a workbook
// saved under a .csv name, a CSV file named .xlsx, YAML named .csv, CSV
// named .yaml — is reported, and so is a spreadsheet yishi cannot read
// (.xls, .et, .numbers, .ods); sheetFormat then returns "": reading it as
// its name says would only give syntax errors about the wrong thing.
func sheetFormat(name string, data []byte, diags *scenario.Diagnostics) string {
	at := scenario.Pos{File: name}
	ext := strings.ToLower(fileExt(name))
	kind := sheet.Detect(data)
	isWorkbookName := slices.Contains(workbookExts, ext)
	switch {
	case kind == sheet.XLSX && (ext == "" || ext == ".xlsx" || ext == ".xlsm"):
		return FormatXLSX
	case kind == sheet.BrokenZip && (ext == ".xlsx" || ext == ".xlsm"):
		return FormatXLSX // the workbook reader says it does not open
	case kind == sheet.XLSX:
		diags.Errorf(at, "this is %s, although its name ends in %q; rename it to end in .xlsx", kind.Describe(), ext)
		return ""
	case kind == sheet.BrokenZip:
		diags.Errorf(at, "this is %s; copy it again from where it came, and give it a name that ends in .xlsx", kind.Describe())
		return ""
	case kind != sheet.Text:
		diags.Errorf(at, "this is %s, which yishi cannot read; open it in Excel or WPS and save it as an Excel workbook (.xlsx) or as CSV UTF-8", kind.Describe())
		return ""
	}
	first := firstLine(data, true)
	looksYAML := yamlStart.MatchString(first)
	looksCSV := !looksYAML && strings.ContainsAny(first, ",\t;") && csvHeader(first)
	switch {
	case isWorkbookName && looksYAML:
		diags.Errorf(at, "this is a YAML scoresheet (it starts with %q), not a workbook, although its name ends in %q; rename it to end in .yaml", first, ext)
		return ""
	case isWorkbookName && looksCSV:
		diags.Errorf(at, "this is a CSV scoresheet (its first row is a header: %q), not a workbook, although its name ends in %q; rename it to end in .csv", quoteStart(first), ext)
		return ""
	case isWorkbookName:
		diags.Errorf(at, "this is a text file, not a workbook, although its name ends in %q; give the workbook itself, or a scoresheet made by yishi scoresheets", ext)
		return ""
	}
	switch ext {
	case ".csv", ".tsv", ".txt":
		if looksYAML {
			diags.Errorf(at, "this is a YAML scoresheet (it starts with %q), but its name ends in %q; rename it to end in .yaml", first, ext)
			return ""
		}
		return FormatCSV
	case ".yaml", ".yml":
		if looksCSV {
			diags.Errorf(at, "this is a CSV scoresheet (its first row is a header: %q), but its name ends in %q; rename it to end in .csv", quoteStart(first), ext)
			return ""
		}
		return FormatYAML
	}
	// No extension: a comment, a version or a document start is YAML.
	if looksYAML || strings.HasPrefix(firstLine(data, false), "#") {
		return FormatYAML
	}
	return FormatCSV
}

// quoteStart is the start of a first line, enough to recognise it in a
// message: a scoresheet's header is long.
func quoteStart(line string) string {
	const n = 60
	r := []rune(scenario.OneLine(line))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}

// firstLine is the first line of the file that is not blank, trimmed,
// decoded as the CSV reader would; with comments set, a YAML comment line
// is skipped too (no CSV header starts with "#").
func firstLine(data []byte, comments bool) string {
	const sniff = 4096 // the first line is all it takes
	text, _, _ := sheet.DecodeText(data[:min(len(data), sniff)])
	text = strings.TrimPrefix(text, sheet.BOM)
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || comments && strings.HasPrefix(l, "#") {
			continue
		}
		return l
	}
	return ""
}

// csvHeader reports whether a line reads as the header of a CSV
// scoresheet: it names the reviewer's column, in English or Chinese.
func csvHeader(line string) bool {
	l := strings.ToLower(line)
	return strings.Contains(l, colReviewer) || strings.Contains(line, words.In("zh", colReviewer))
}
