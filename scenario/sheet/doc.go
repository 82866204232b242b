// Package sheet is yishi's one reader of spreadsheet text: the CSV files
// that rosters and scoresheets arrive in after Excel, WPS or Numbers has
// had them. It detects the encoding (UTF-8 with or without a BOM, UTF-16,
// GB18030, Windows-1252) from evidence, picks the separator, words CSV
// errors for a spreadsheet user, and places every cell twice: at
// file:line:col with the column in characters, and as the row number and
// column letter a person sees in Excel. It also writes CSV that a
// spreadsheet opens as text, never as formulas.
//
// Workbooks are tables here too, and the package says what a file is by
// its content ([Detect]), but it reads and writes no workbook itself: a
// [Table] with [Table.Sheet] set is one sheet of a workbook as package
// sheet/xlsx reads it, and a [Book] is a workbook for that package to
// write. Readers of CSV alone carry no workbook library.
package sheet
