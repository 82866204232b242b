// Package review turns reviewers' scores into the debrief report. It writes
// blank scoresheets for a plan (YAML, CSV for Excel, printable HTML), reads
// them back with every problem at file:line:col and at its spreadsheet row
// and column, aggregates the scores per group and rubric dimension, measures
// how far reviewers agree (with [agreement]) and renders the report with a
// debrief guide in HTML, Markdown, JSON and CSV.
package review
