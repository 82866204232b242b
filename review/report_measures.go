package review

import (
	"fmt"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/yishi-council/yishi/review/measure"
	"github.com/yishi-council/yishi/scenario"
)

// measuresView is what the report shows of one group's measures, every
// figure already written out in the report's language.
type measuresView struct {
	wording
	G        GroupReport
	Readings []readingRow
	Members  []memberRow
	// NoTalk is set when the log records no speaking turn (phase times
	// only): nobody was logging who spoke, so no member is shown as
	// silent and no summary as missing.
	NoTalk bool
	// Silent names the members who never spoke, or says there were none.
	Silent string
	// Observers names the members whose role observes, who are not in
	// the measures; empty when there were none.
	Observers string
	Phases    []phaseRow
	Total     phaseRow
	Injects   []injectRow
	Figures   []figureRow
	Timeline  template.HTML
}

// readingRow is a [MeasureReading] as the report prints it: its value
// (Shown), reference and reading in words. First marks the first reading
// of its dimension, which carries the dimension's title and mean for Span
// rows.
type readingRow struct {
	MeasureReading
	First   bool
	Span    int
	Shown   string
	Ref     string
	Reading string
}

type memberRow struct {
	Name, Role, Speaking, Share string
	Turns, Interruptions        int
}

type phaseRow struct {
	Phase                        int
	Title, Planned, Actual, Over string
	Skipped                      bool
	// Summaries is the count of host summaries, "–" when the log records
	// neither talk nor summaries.
	Summaries string
}

type injectRow struct {
	ID, Released, Response string
}

type figureRow struct {
	ID, Title, Value string
}

// M is the word key of the measures' part in the page's language.
func (w wording) M(key string) string { return mword(w.Lang, key) }

// MF is the format key of the measures' part in the page's language,
// filled in with args.
func (w wording) MF(key string, args ...any) string { return mwordf(w.Lang, key, args...) }

// Measured is the view of group g's measures; g must have them.
func (w wording) Measured(g GroupReport) measuresView { return newMeasuresView(w.Lang, g) }

// minutes writes d in minutes to one decimal.
func minutes(d time.Duration) string { return strconv.FormatFloat(d.Minutes(), 'f', 1, 64) }

// signedPercent writes a share as a signed percentage in lang: "+40 %",
// "−10 %"; Chinese writes no space before the percent sign ("+40%").
func signedPercent(v float64, lang string) string {
	pct := " %"
	if lang == "zh" {
		pct = "%"
	}
	p := strconv.FormatFloat(v*100, 'f', 0, 64)
	switch {
	case p == "0" || p == "-0":
		return "0" + pct
	case v > 0:
		return "+" + p + pct
	}
	return "−" + strings.TrimPrefix(p, "-") + pct
}

// signedMinutes writes d as signed minutes: "+2.5", "−1.0".
func signedMinutes(d time.Duration) string {
	s := minutes(d)
	switch {
	case s == "0.0" || s == "-0.0":
		return "0.0"
	case d > 0:
		return "+" + s
	}
	return "−" + strings.TrimPrefix(s, "-")
}

// refText writes a reading's reference values: "good 0.80, poor 0.50",
// or for a count good at 0 ([goodAtZero]) "good at 0, poor 2".
func refText(lang string, mr MeasureReading) string {
	if goodAtZero(mr) {
		return mwordf(lang, "ref_zero", measure.Format(mr.Measure, mr.Poor, lang))
	}
	return mwordf(lang, "ref_fmt", measure.Format(mr.Measure, mr.Good, lang), measure.Format(mr.Measure, mr.Poor, lang))
}

// roleTitles are the titles of the roles group g's members played, by
// role id, as the scenario gives them.
func roleTitles(g GroupReport) map[string]string {
	out := map[string]string{}
	for _, mi := range g.Members {
		out[mi.Role] = mi.Title
	}
	return out
}

// roleTitle is the title of role id among titles, or the id.
func roleTitle(titles map[string]string, id string) string {
	if t, ok := titles[id]; ok && t != "" {
		return t
	}
	return id
}

func newMeasuresView(lang string, g GroupReport) measuresView {
	m := g.Measures
	v := measuresView{wording: wording{lang}, G: g}
	titles := roleTitles(g)
	for i, mr := range g.MeasureReadings {
		row := readingRow{MeasureReading: mr, Shown: "–", Ref: refText(lang, mr), Reading: mword(lang, "not_measured")}
		if i == 0 || g.MeasureReadings[i-1].Dimension != mr.Dimension {
			row.First = true
			for _, o := range g.MeasureReadings[i:] {
				if o.Dimension != mr.Dimension {
					break
				}
				row.Span++
			}
		}
		if mr.Value != nil {
			row.Shown = measure.Format(mr.Measure, *mr.Value, lang)
			row.Reading = mword(lang, "reads_"+mr.Reads)
		}
		v.Readings = append(v.Readings, row)
	}
	v.NoTalk = m.Participation.Turns == 0
	summaries := func(n int) string {
		if v.NoTalk && m.Induction.Total == 0 {
			return "–"
		}
		return strconv.Itoa(n)
	}
	var silent []string
	for _, mt := range m.Participation.Members {
		v.Members = append(v.Members, memberRow{
			Name: mt.Name, Role: roleTitle(titles, mt.Role), Speaking: minutes(mt.Speaking),
			Share: measure.Format(scenario.MeasureHostShare, mt.Share, lang), Turns: mt.Turns, Interruptions: mt.Interruptions,
		})
		if mt.Turns == 0 {
			silent = append(silent, mt.Name)
		}
	}
	v.Silent = mword(lang, "none")
	if len(silent) > 0 {
		v.Silent = strings.Join(silent, words.In(lang, "list_sep"))
	}
	var observers []string
	for _, mi := range g.Members {
		if mi.Function == scenario.FunctionObserver {
			observers = append(observers, mi.Name)
		}
	}
	v.Observers = strings.Join(observers, words.In(lang, "list_sep"))
	for i, pt := range m.Rhythm.Phases {
		row := phaseRow{Phase: pt.Phase, Title: pt.Title, Planned: minutes(pt.Planned), Actual: minutes(pt.Actual), Skipped: pt.Skipped}
		if pt.Skipped {
			row.Actual, row.Over = "–", mword(lang, "skipped")
		} else {
			row.Over = signedMinutes(pt.Actual-pt.Planned) + wordf(lang, "paren", signedPercent(pt.Overrun, lang))
		}
		if i < len(m.Induction.PerPhase) {
			row.Summaries = summaries(m.Induction.PerPhase[i])
		}
		v.Phases = append(v.Phases, row)
	}
	v.Total = phaseRow{Title: mword(lang, "total"), Planned: minutes(m.Rhythm.Planned), Actual: minutes(m.Rhythm.Actual), Over: signedMinutes(m.Rhythm.Over), Summaries: summaries(m.Induction.Total)}
	for _, in := range m.Rhythm.Injects {
		row := injectRow{ID: in.ID, Released: "–", Response: mword(lang, "no_response")}
		if !in.Released.IsZero() {
			row.Released = minutes(in.Released.Sub(m.Started))
		}
		if in.Responded {
			row.Response = mwordf(lang, "after_min", minutes(in.After))
		}
		v.Injects = append(v.Injects, row)
	}
	for _, id := range scenario.Measures {
		f := figureRow{ID: id, Title: measureTitle(id, lang), Value: "–"}
		if x, ok := m.Values[id]; ok {
			f.Value = measure.Format(id, x, lang)
		}
		v.Figures = append(v.Figures, f)
	}
	v.Timeline = timelineSVG(lang, g.Round, g.Group, m.Timeline, titles)
	return v
}

// NotePhase is the phase a log note was written in, "Phase 2 · Title",
// or empty outside every phase.
func (w wording) NotePhase(n LogNote) string {
	if n.Phase == 0 {
		return ""
	}
	return mwordf(w.Lang, "note_phase", n.Phase, n.PhaseTitle)
}

// FigurePairs lays the figures out two to a row.
func (v measuresView) FigurePairs() [][]figureRow {
	var out [][]figureRow
	for i := 0; i < len(v.Figures); i += 2 {
		out = append(out, v.Figures[i:min(i+2, len(v.Figures))])
	}
	return out
}

// The timeline chart's geometry, in the units of its viewBox.
const (
	tlLabelW = 118.0
	tlRight  = 10.0
	tlTop    = 6.0
	tlRowH   = 16.0
	tlAxisH  = 22.0
	tlLegH   = 18.0
)

// timelineSVG draws a group's drill on one time axis in minutes from its
// start: the planned phases (their timeboxes end to end), the phases as
// they ran (hatched where over their timebox, each labelled with its
// overrun), pauses as a dotted band across every row, injects as marks
// with their ids, a row per member with a bar per turn, and ticks for the
// host's summaries and the interruptions. It reads in black and white:
// rows are labelled, and over and under differ by pattern and by their
// labels, not by colour alone. Each member's row is titled with the title
// of their role, from titles by role id.
func timelineSVG(lang string, round, group int, tl measure.Timeline, titles map[string]string) template.HTML {
	mw := func(k string) string { return mword(lang, k) }
	pfx := fmt.Sprintf("tl-r%dg%d-", round, group)
	var planned time.Duration
	for _, p := range tl.Phases {
		planned += p.Planned
	}
	span := max(tl.End.Sub(tl.Start), planned)
	if span <= 0 {
		span = time.Minute
	}
	x0, x1 := tlLabelW, chartW-tlRight
	x := func(t time.Time) float64 {
		d := min(max(t.Sub(tl.Start), 0), span)
		return x0 + (x1-x0)*float64(d)/float64(span)
	}
	xd := func(d time.Duration) float64 { return x(tl.Start.Add(d)) }
	at := func(t time.Time) string { return minutes(t.Sub(tl.Start)) }

	// cont marks a row that continues the one above it: a further line
	// of inject labels, with no label or guide line of its own.
	type row struct {
		label, title string
		cont         bool
	}
	rows := []row{{mw("tl_planned"), mw("tl_planned"), false}, {mw("tl_actual"), mw("tl_actual"), false}}
	labels := injectLabels(tl.Injects, x, x1)
	if len(tl.Injects) > 0 {
		rows = append(rows, row{mw("tl_injects"), mw("tl_injects"), false})
		lines := 1
		for _, l := range labels {
			lines = max(lines, l.line+1)
		}
		for range lines - 1 {
			rows = append(rows, row{cont: true})
		}
	}
	memberRow := map[string]int{}
	for _, m := range tl.Members {
		memberRow[m.ID] = len(rows)
		title := m.Name
		if m.Role != "" {
			title += wordf(lang, "paren", roleTitle(titles, m.Role))
		}
		rows = append(rows, row{m.Name, title, false})
	}
	summaryRow, interruptRow := -1, -1
	if len(tl.Summaries) > 0 {
		summaryRow = len(rows)
		rows = append(rows, row{mw("tl_summaries"), mw("tl_summaries"), false})
	}
	if len(tl.Interruptions) > 0 {
		interruptRow = len(rows)
		rows = append(rows, row{mw("tl_interruptions"), mw("tl_interruptions"), false})
	}
	y := func(i int) float64 { return tlTop + float64(i)*tlRowH }
	plotB := y(len(rows))
	height := plotB + tlAxisH + tlLegH

	var b strings.Builder
	label := mwordf(lang, "timeline_label", round, group)
	fmt.Fprintf(&b, `<div class="chart"><svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%.0f" viewBox="0 0 %d %.0f" role="img" aria-label="%s"><title>%s</title>`,
		chartW, height, chartW, height, esc(label), esc(label))
	fmt.Fprintf(&b, `<defs><pattern id="%sover" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#f6c89f"/><line x1="0" y1="0" x2="0" y2="5" stroke="#333" stroke-width="1.6"/></pattern>`, pfx)
	fmt.Fprintf(&b, `<pattern id="%spause" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#eeeeee"/><circle cx="2" cy="2" r="0.9" fill="#666"/></pattern></defs>`, pfx)

	// Row labels and guide lines.
	for i, r := range rows {
		if !r.cont {
			fmt.Fprintf(&b, `<text x="4" y="%.1f" font-size="9"><title>%s</title>%s</text>`, y(i)+tlRowH/2+3, esc(r.title), esc(wrapLabel(r.label, tlLabelW-8, 9, 1)[0]))
		}
		if i+1 < len(rows) && rows[i+1].cont {
			continue
		}
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#ddd"/>`, x0, x1, y(i+1), y(i+1))
	}
	// Pauses, behind everything.
	for _, p := range tl.Pauses {
		to := p.To
		if to.IsZero() {
			to = tl.End
		}
		fmt.Fprintf(&b, `<rect class="pause" x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="url(#%spause)"><title>%s</title></rect>`,
			x(p.From), tlTop, max(x(to)-x(p.From), 0.5), plotB-tlTop, pfx, esc(mwordf(lang, "tl_pause_t", at(p.From), at(to))))
	}
	// Planned phases, end to end from the start.
	var off time.Duration
	for _, p := range tl.Phases {
		a, c := xd(off), xd(off+p.Planned)
		off += p.Planned
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#fff" stroke="#333"><title>%s</title></rect>`,
			a, y(0)+2, max(c-a, 0.5), tlRowH-4, esc(mwordf(lang, "tl_phase_planned", p.Phase, p.Title, minutes(p.Planned))))
		phaseLabel(&b, strconv.Itoa(p.Phase), a, c, y(0))
	}
	// Phases as they ran.
	for _, p := range tl.Phases {
		if p.Skipped || p.Start.IsZero() {
			continue
		}
		end := p.End
		if end.IsZero() {
			end = tl.End
		}
		a, c := x(p.Start), x(end)
		fill, class := "#dbe9f6", "within"
		if p.Overrun > 0 {
			fill, class = "url(#"+pfx+"over)", "over"
		}
		over := signedPercent(p.Overrun, lang)
		fmt.Fprintf(&b, `<rect class="%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" stroke="#333"><title>%s</title></rect>`,
			class, a, y(1)+2, max(c-a, 0.5), tlRowH-4, fill, esc(mwordf(lang, "tl_phase_actual", p.Phase, p.Title, minutes(p.Actual), minutes(p.Planned), over)))
		phaseLabel(&b, strconv.Itoa(p.Phase)+" "+over, a, c, y(1))
	}
	// Injects: a mark at each release, with its id on the first line of
	// the injects' rows where it does not run into another's.
	for i, in := range tl.Injects {
		if in.Released.IsZero() {
			continue
		}
		resp := mword(lang, "no_response")
		if in.Responded {
			resp = mwordf(lang, "after_min", minutes(in.After))
		}
		xi, yi, l := x(in.Released), y(2), labels[i]
		anchor := ""
		if l.end {
			anchor = ` text-anchor="end"`
		}
		fmt.Fprintf(&b, `<g class="inject"><title>%s</title><path d="M%.1f %.1fl-3.5 -5h7z" fill="#333"/><line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#333"/><text x="%.1f" y="%.1f" font-size="8"%s stroke="#fff" stroke-width="2.5" paint-order="stroke">%s</text></g>`,
			esc(mwordf(lang, "tl_inject_t", in.ID, at(in.Released), resp)), xi, yi+7, xi, xi, yi+7, plotB, l.x, y(2+l.line)+tlRowH/2+3, anchor, esc(in.ID))
	}
	// Each member's turns.
	for _, t := range tl.Turns {
		i, ok := memberRow[t.Member]
		if !ok {
			continue
		}
		a, c := x(t.From), x(t.To)
		fmt.Fprintf(&b, `<rect class="turn" x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#555"><title>%s</title></rect>`,
			a, y(i)+3, max(c-a, 0.5), tlRowH-6, esc(mwordf(lang, "tl_turn_t", rows[i].label, at(t.From), at(t.To))))
	}
	for _, t := range tl.Summaries {
		xs, ys := x(t), y(summaryRow)
		fmt.Fprintf(&b, `<path class="summary" d="M%.1f %.1fl4 6h-8z" fill="#333"><title>%s</title></path>`, xs, ys+4, esc(mwordf(lang, "tl_summary_t", at(t))))
	}
	for _, t := range tl.Interruptions {
		xs, ys := x(t), y(interruptRow)+tlRowH/2
		fmt.Fprintf(&b, `<path class="interruption" d="M%.1f %.1fl6 6m0 -6l-6 6" stroke="#333" stroke-width="1.5"><title>%s</title></path>`, xs-3, ys-3, esc(mwordf(lang, "tl_interruption_t", at(t))))
	}
	// The minute axis.
	step := axisStep(span)
	fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#333"/>`, x0, x1, plotB, plotB)
	for m := time.Duration(0); m <= span; m += step {
		xm := xd(m)
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#333"/><text x="%.1f" y="%.1f" font-size="8" text-anchor="middle">%d</text>`,
			xm, xm, plotB, plotB+3, xm, plotB+12, int(m.Minutes()))
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="8" text-anchor="end">%s</text>`, x0-4, plotB+12, esc(mw("tl_minutes")))
	// The key.
	ly := plotB + tlAxisH
	lx := x0
	for _, k := range []struct{ fill, stroke, word string }{
		{"#fff", "#333", "tl_planned"},
		{"#dbe9f6", "#333", "tl_within"},
		{"url(#" + pfx + "over)", "#333", "tl_over"},
		{"url(#" + pfx + "pause)", "none", "tl_pause"},
		{"#555", "none", "tl_turn"},
	} {
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="14" height="9" fill="%s" stroke="%s"/><text x="%.1f" y="%.1f" font-size="8.5">%s</text>`,
			lx, ly, k.fill, k.stroke, lx+18, ly+8, esc(mw(k.word)))
		lx += 18 + textWidth(mw(k.word), 8.5) + 14
	}
	b.WriteString(`</svg></div>`)
	return template.HTML(b.String())
}

// tlInjectFont is the font size of the injects' labels, and tlLabelGap
// the least room between two labels on a line.
const (
	tlInjectFont = 8.0
	tlLabelGap   = 4.0
)

// injectLabel is where an inject's label goes: at x on line (from 0) of
// the injects' rows, starting there, or ending there when end is set.
type injectLabel struct {
	x    float64
	line int
	end  bool
}

// injectLabels lays out the labels of injects, whose marks are at x of
// their release: each right of its mark, or left of it when it would
// run past right, on the first line where it keeps tlLabelGap from the
// label before it, by the width [textWidth] estimates. Labels are placed
// in the order of their marks, ties in the injects' order, so the layout
// is the same for the same injects. An inject never released has no
// label and takes no room.
func injectLabels(injects []measure.InjectResponse, x func(time.Time) float64, right float64) []injectLabel {
	out := make([]injectLabel, len(injects))
	var order []int
	for i, in := range injects {
		if !in.Released.IsZero() {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return x(injects[order[a]].Released) < x(injects[order[b]].Released) })
	var ends []float64 // where each line's last label ends
	for _, i := range order {
		xi, w := x(injects[i].Released), textWidth(injects[i].ID, tlInjectFont)
		l := injectLabel{x: xi + 4}
		from := l.x
		if l.x+w > right {
			l.x, l.end, from = xi-4, true, xi-4-w
		}
		for l.line < len(ends) && ends[l.line]+tlLabelGap > from {
			l.line++
		}
		if l.line == len(ends) {
			ends = append(ends, 0)
		}
		ends[l.line] = from + w
		out[i] = l
	}
	return out
}

// phaseLabel writes text centred in the bar from a to c of the row at y,
// when it fits.
func phaseLabel(b *strings.Builder, text string, a, c, y float64) {
	if textWidth(text, 8) > c-a-4 {
		return
	}
	// A white halo keeps the label readable on a hatched bar.
	fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="8" text-anchor="middle" stroke="#fff" stroke-width="2.5" paint-order="stroke">%s</text>`, (a+c)/2, y+tlRowH/2+3, esc(text))
}

// axisStep is the step between the axis's ticks: the smallest of 1, 2, 5,
// 10, 15, 20, 30 or 60 minutes that gives at most 12 ticks.
func axisStep(span time.Duration) time.Duration {
	for _, m := range []int{1, 2, 5, 10, 15, 20, 30, 60} {
		if span/(time.Duration(m)*time.Minute) <= 12 {
			return time.Duration(m) * time.Minute
		}
	}
	return time.Duration(span.Minutes()/12+1) * time.Minute
}

// measures is a group's measures in Markdown: the same tables as the
// HTML report, without the timeline chart.
func (m *mdReport) measures(g GroupReport) {
	esc := scenario.EscapeMarkdown
	v := newMeasuresView(m.lang, g)
	mw := func(k string) string { return mword(m.lang, k) }
	m.printf("### %s\n\n%s\n\n", mw("measured"), mw("measured_help"))
	if len(v.Readings) > 0 {
		m.printf("| %s | %s | %s | %s | %s | %s |\n|---|---:|---|---:|---|---|\n", m.w("dimension"), m.w("mean"), mw("measure"), mw("value"), mw("reads"), mw("reference"))
		for _, r := range v.Readings {
			flag, title, mean := "", "", ""
			if r.Flagged {
				flag = "⚑ "
			}
			if r.First {
				title, mean = esc(r.Title), num(r.Mean)
			}
			m.printf("| %s | %s | %s%s | %s | %s | %s |\n", title, mean, flag, esc(r.MeasureTitle), r.Shown, r.Reading, r.Ref)
		}
		m.b.WriteString("\n")
	}
	for _, f := range g.MeasureFlags {
		m.printf("- ⚑ **%s**\n", esc(f.Text))
	}
	if len(g.MeasureFlags) > 0 {
		m.b.WriteString("\n")
	}
	if v.NoTalk {
		m.printf("#### %s\n\n%s\n\n", mw("participation"), mw("no_talk"))
	} else {
		m.printf("#### %s\n\n| %s | %s | %s | %s | %s | %s |\n|---|---|---:|---:|---:|---:|\n", mw("participation"), m.w("name"), m.w("role"), mw("speaking"), mw("share"), mw("turns"), mw("interruptions"))
		for _, r := range v.Members {
			m.printf("| %s | %s | %s | %s | %d | %d |\n", esc(r.Name), esc(r.Role), r.Speaking, r.Share, r.Turns, r.Interruptions)
		}
		m.printf("\n%s%s%s\n\n", mw("silent"), m.w("colon"), esc(v.Silent))
	}
	if v.Observers != "" {
		m.printf("%s%s%s\n\n", mw("observers"), m.w("colon"), esc(v.Observers))
	}
	m.printf("#### %s\n\n| %s | | %s | %s | %s | %s |\n|---:|---|---:|---:|---:|---:|\n", mw("phases"), mw("phase"), mw("planned"), mw("actual"), mw("over"), mw("summaries"))
	for _, r := range v.Phases {
		m.printf("| %d | %s | %s | %s | %s | %s |\n", r.Phase, esc(r.Title), r.Planned, r.Actual, r.Over, r.Summaries)
	}
	m.printf("| | **%s** | %s | %s | %s | %s |\n\n", v.Total.Title, v.Total.Planned, v.Total.Actual, v.Total.Over, v.Total.Summaries)
	if len(v.Injects) > 0 {
		m.printf("#### %s\n\n| %s | %s | %s |\n|---|---:|---|\n", mw("injects"), mw("inject"), mw("released"), mw("response"))
		for _, r := range v.Injects {
			m.printf("| %s | %s | %s |\n", esc(r.ID), r.Released, r.Response)
		}
		m.b.WriteString("\n")
	}
	m.printf("#### %s\n\n| %s | %s |\n|---|---:|\n", mw("figures"), mw("measure"), mw("value"))
	for _, f := range v.Figures {
		m.printf("| %s | %s |\n", esc(f.Title), f.Value)
	}
	m.b.WriteString("\n")
	if len(g.LogNotes) > 0 {
		m.printf("#### %s\n\n%s\n\n", mw("log_notes"), mw("log_notes_help"))
		for _, n := range g.LogNotes {
			phase := ""
			if p := v.NotePhase(n); p != "" {
				phase = " · " + esc(p)
			}
			m.printf("- **%s**%s — %s\n", n.Clock, phase, esc(scenario.OneLine(n.Text)))
		}
		m.b.WriteString("\n")
	}
}

// measureFlags lists every group's flags where scores and measures
// disagree, after the reviewers' own disagreements.
func (m *mdReport) measureFlags() {
	if len(m.r.MeasureFlags) == 0 {
		return
	}
	m.printf("### %s\n\n", mword(m.lang, "flag"))
	for _, f := range m.r.MeasureFlags {
		m.printf("- ⚑ %s · %s — %s\n", m.f("round_n", f.Round), m.f("group_n", f.Group), scenario.EscapeMarkdown(f.Text))
	}
	m.b.WriteString("\n")
}

// definitions is the report's section on how each measure is defined.
func (m *mdReport) definitions() {
	esc := scenario.EscapeMarkdown
	mw := func(k string) string { return mword(m.lang, k) }
	m.printf("## %s\n\n%s\n\n", mw("definitions"), mw("definitions_help"))
	for _, d := range m.r.MeasureDefinitions {
		lines := []string{"**" + esc(d.Title) + "**" + m.f("paren", esc(d.ID))}
		if d.Definition != "" {
			lines = append(lines, esc(d.Definition))
		}
		if d.Tells != "" {
			lines = append(lines, "*"+mw("def_tells")+"*"+m.w("colon")+esc(d.Tells))
		}
		if d.Cannot != "" {
			lines = append(lines, "*"+mw("def_cannot")+"*"+m.w("colon")+esc(d.Cannot))
		}
		if d.Source != "" {
			lines = append(lines, mw("def_source")+m.w("colon")+esc(d.Source))
		}
		m.printf("%s\n\n", strings.Join(lines, "  \n"))
	}
}

// measureRows are the CSV report's rows of measures: a header, then per
// group every measure's value as a number and as the report prints it,
// then the flags, then the notes of the drill logs with their clock time
// and phase. Empty when no group has measures.
func measureRows(r *Report) [][]string {
	if len(r.MeasureDefinitions) == 0 {
		return nil
	}
	lang := r.Language
	w := func(k string) string { return words.In(lang, k) }
	mw := func(k string) string { return mword(lang, k) }
	rows := [][]string{nil, {w("round"), w("group"), mw("measure") + " [id]", mw("measure"), mw("value"), mw("value") + " (" + mw("reads_shown") + ")"}}
	for _, rd := range r.Rounds {
		for _, g := range rd.Groups {
			if g.Measures == nil {
				continue
			}
			for _, id := range scenario.Measures {
				row := []string{strconv.Itoa(g.Round), strconv.Itoa(g.Group), id, measureTitle(id, lang), "", ""}
				if v, ok := g.Measures.Values[id]; ok {
					row[4] = strconv.FormatFloat(scenario.Round3(v), 'f', -1, 64)
					row[5] = measure.Format(id, v, lang)
				}
				rows = append(rows, row)
			}
		}
	}
	if len(r.MeasureFlags) > 0 {
		rows = append(rows, flagRows(r)...)
	}
	var notes [][]string
	for _, rd := range r.Rounds {
		for _, g := range rd.Groups {
			for _, n := range g.LogNotes {
				phase := ""
				if n.Phase > 0 {
					phase = strconv.Itoa(n.Phase)
				}
				notes = append(notes, []string{strconv.Itoa(g.Round), strconv.Itoa(g.Group), n.Clock, phase, n.Text})
			}
		}
	}
	if len(notes) > 0 {
		rows = append(rows, nil, []string{w("round"), w("group"), mw("note_time"), mw("phase"), mw("log_notes")})
		rows = append(rows, notes...)
	}
	return rows
}

// flagRows are the CSV report's rows of the flags where scores and
// measures disagree: a blank row, a header, and a row per measure a
// flag names.
func flagRows(r *Report) [][]string {
	lang := r.Language
	w := func(k string) string { return words.In(lang, k) }
	mw := func(k string) string { return mword(lang, k) }
	rows := [][]string{nil, {w("round"), w("group"), w("dimension") + " [id]", w("dimension"), w("mean"), mw("measure") + " [id]", mw("value"), mw("reads"), mw("flag")}}
	for _, f := range r.MeasureFlags {
		// A flag naming several measures has a row for each.
		for _, fm := range f.Measures {
			rows = append(rows, []string{strconv.Itoa(f.Round), strconv.Itoa(f.Group), f.Dimension, f.Title,
				strconv.FormatFloat(f.Mean, 'f', 2, 64), fm.Measure, strconv.FormatFloat(scenario.Round3(fm.Value), 'f', -1, 64), mw("reads_" + f.Reads), f.Text})
		}
	}
	return rows
}
