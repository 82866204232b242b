// Package agreement measures how well the reviewers of a council drill agree
// with one another.
//
// Reviewers rate each group on rubric dimensions (organization, rhythm,
// guidance, induction, recording, hosting) on a 1–5 scale. For one
// dimension those ratings form a [Ratings] matrix of units (the groups)
// by raters (the reviewers), with gaps where a reviewer did not score a
// group. From it the package computes:
//
//   - [KrippendorffAlpha], the reliability of the ratings at a chosen
//     [Level] of measurement, tolerant of missing ratings;
//   - [ICC21], the intraclass correlation ICC(2,1) of Shrout and Fleiss,
//     with [ICC11] and [ICC31] beside it, on complete units only;
//   - [Leniency], how far each reviewer sits above or below the others;
//   - [Disagreements], the groups on which reviewers split by a set
//     number of points or more.
//
// Every function is pure: no I/O, no randomness, no shared state. A
// statistic that the data cannot support is reported as an error
// wrapping [ErrNotComputable], never as a stand-in number.
package agreement
