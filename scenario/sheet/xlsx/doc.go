// Package xlsx reads and writes Excel workbooks (.xlsx) for package sheet:
// a workbook's sheets become [sheet.Table]s of placed cells, and a
// [sheet.Book] becomes a workbook's bytes. It is the one package of yishi
// that imports a workbook library (excelize), so that the packages which
// read sheets as tables, and the web server that imports them, stay lean:
// a command that wants workbooks passes [Read] to them.
package xlsx
