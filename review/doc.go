// Package review turns reviewers' scores into the debrief report. It writes
// blank scoresheets for a plan (YAML, CSV for Excel, XLSX workbooks laid
// out as [sheet.Book]s, printable HTML), reads them back with every problem
// at file:line:col and at its spreadsheet sheet, row and column, aggregates
// the scores per group and rubric dimension, measures how far reviewers
// agree (with [agreement]) and renders the report with a debrief guide in
// HTML, Markdown, JSON and CSV.
//
// It imports no workbook library: the bytes of a workbook are written and
// read by package sheet/xlsx, which the caller passes in (see
// [ParseOptions.Workbook]), so that the web server, which imports review,
// stays lean.
//
// Each sheet carries its group's id ([plan.Plan.GroupID]), which stays the
// same while the group's members and roles do: after a change on the day,
// the sheets of the groups it left alone still read, and a sheet for a
// group it changed is refused with the group named.
package review
