package sheet

import "bytes"

// Signatures of files that are not text: an XLSX workbook is a zip file,
// an Excel 97–2003 workbook (.xls) an OLE2 compound file.
var (
	zipMagic  = []byte("PK\x03\x04")
	ole2Magic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Workbook tells whether data is a spreadsheet workbook rather than text:
// it returns the workbook's extension (".xlsx" or ".xls") and what it is in
// words ("an Excel workbook (.xlsx, a zip file)"), or "" and "" for text.
// Readers use it to tell a workbook saved under a .csv name from a CSV file
// with syntax errors.
func Workbook(data []byte) (ext, what string) {
	switch {
	case bytes.HasPrefix(data, zipMagic):
		return ".xlsx", "an Excel workbook (.xlsx, a zip file)"
	case bytes.HasPrefix(data, ole2Magic):
		return ".xls", "an Excel 97–2003 workbook (.xls)"
	}
	return "", ""
}
