package review

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"strconv"
	"strings"
	"unicode"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// Formats of a debrief report.
const (
	ReportHTML     = "html"
	ReportMarkdown = "md"
	ReportJSON     = "json"
	ReportCSV      = "csv"
)

// ReportFormats lists the formats [RenderReport] writes.
var ReportFormats = []string{ReportHTML, ReportMarkdown, ReportJSON, ReportCSV}

//go:embed templates/*
var templateFS embed.FS

// RenderReport writes the report in format: "html" (a printable page with
// inline SVG charts and no external assets), "md", "json" or "csv" (the
// scores, one row per round, group, dimension and reviewer, then the
// improvement plans, then, in a report with a drill log, a row per group
// and measure and the flags where scores and measures disagree; UTF-8
// with a BOM, every cell safe from formula injection). A group with
// measures shows them beside its scores, with a timeline chart in HTML,
// and the report ends with how the measures are defined. The same report
// gives the same bytes.
func RenderReport(r *Report, format string) ([]byte, error) {
	switch format {
	case ReportHTML:
		return renderHTML(r)
	case ReportMarkdown:
		return renderMarkdown(r), nil
	case ReportJSON:
		b, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			return nil, err
		}
		return append(b, '\n'), nil
	case ReportCSV:
		return renderCSV(r), nil
	}
	return nil, fmt.Errorf("unknown report format %q (use %s)", format, strings.Join(ReportFormats, ", "))
}

// templateFuncs are the functions the HTML templates call that need no
// language; the words of the page's language are methods of [wording].
var templateFuncs = template.FuncMap{
	"num":     num,
	"score":   scoreText,
	"partial": partial,
}

// The HTML templates and their style sheet, parsed once: html/template
// may run one template on several goroutines.
var (
	styleCSS           = template.CSS(mustReadTemplate("templates/style.css"))
	measuresCSS        = template.CSS(mustReadTemplate("templates/measures.css"))
	reportTemplate     = parseTemplate("report.html.tmpl", "report_measures.html.tmpl")
	scoresheetTemplate = parseTemplate("scoresheet.html.tmpl")
)

func mustReadTemplate(name string) []byte {
	data, err := templateFS.ReadFile(name)
	if err != nil {
		panic(err) // embedded: present at build time
	}
	return data
}

// parseTemplate parses the template name and the files of the templates
// it calls.
func parseTemplate(name string, calls ...string) *template.Template {
	files := []string{"templates/" + name}
	for _, c := range calls {
		files = append(files, "templates/"+c)
	}
	return template.Must(template.New(name).Funcs(templateFuncs).ParseFS(templateFS, files...))
}

// wording gives a template the words of the page's language: {{$.W
// "key"}}, a format filled in ({{$.F "round_n" .Round}}), a label and its
// colon ({{$.L "members"}}), a list ({{$.Join .Reviewers}}), and statistics
// in words ({{$.Stat .Alpha}}, {{$.Signed .Leniency}}).
type wording struct{ Lang string }

// W is the fixed word key in the page's language.
func (w wording) W(key string) string { return words.In(w.Lang, key) }

// F is the format key in the page's language filled in with args.
func (w wording) F(key string, args ...any) string { return wordf(w.Lang, key, args...) }

// L is the word key as the label of what follows it: "Members: " in
// English, "成员：" in Chinese.
func (w wording) L(key string) string { return words.In(w.Lang, key) + words.In(w.Lang, "colon") }

// Join lists items as the page's language does: "a, b" or "甲、乙".
func (w wording) Join(items []string) string {
	return strings.Join(items, words.In(w.Lang, "list_sep"))
}

// Members lists a group's members, each with the role they played:
// "Ann (Host), Bo (Recorder)" or "徐海燕（主持人）、高志远（记录员）".
func (w wording) Members(ms []MemberInfo) string { return membersText(w.Lang, ms, nil) }

// membersText lists members with their roles in lang, each name and title
// passed through esc when it is not nil.
func membersText(lang string, ms []MemberInfo, esc func(string) string) string {
	if esc == nil {
		esc = func(s string) string { return s }
	}
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = esc(m.Name) + wordf(lang, "paren", esc(m.Title))
	}
	return strings.Join(parts, words.In(lang, "list_sep"))
}

// Stat is a statistic to two decimals, or why it is not computable.
func (w wording) Stat(s Stat) string { return statText(s, w.Lang, false) }

// Signed is [wording.Stat] with a "+" before a positive value.
func (w wording) Signed(s Stat) string { return statText(s, w.Lang, true) }

// FormatMean prints a mean as reports print it: two decimals, "–" for
// none. The trainees' pages print theirs with it too.
func FormatMean(v *float64) string { return num(v) }

// FormatScore prints one reviewer's score, "–" for none.
func FormatScore(v *int) string { return scoreText(v) }

func num(v *float64) string {
	if v == nil {
		return "–"
	}
	return strconv.FormatFloat(*v, 'f', 2, 64)
}

func scoreText(v *int) string {
	if v == nil {
		return "–"
	}
	return strconv.Itoa(*v)
}

// statText shows a statistic: its value to two decimals, or "not
// computable" with the reason, never a number.
func statText(s Stat, lang string, signed bool) string {
	if s.Value == nil {
		return words.In(lang, "not_computable") + " — " + s.NotComputable
	}
	if signed && *s.Value > 0 {
		return "+" + strconv.FormatFloat(*s.Value, 'f', 2, 64)
	}
	return strconv.FormatFloat(*s.Value, 'f', 2, 64)
}

type roundView struct {
	RoundReport
	Bars, Heat template.HTML
	// Partial tells whether a mean of the ranking rests on fewer
	// reviewers than sent the group a sheet.
	Partial bool
}

// partial marks a dimension's mean that fewer of the group's reviewers
// scored than sent it a sheet: "(1/2)" is one reviewer of two. It is empty
// when every reviewer scored it, or none did (the mean is then "–").
func partial(g GroupReport, d DimensionStats) string {
	if d.N == 0 || d.N >= len(g.Reviewers) {
		return ""
	}
	return fmt.Sprintf("(%d/%d)", d.N, len(g.Reviewers))
}

// hasPartial tells whether any mean of the round is marked by [partial].
func hasPartial(rd RoundReport) bool {
	for _, g := range rd.Groups {
		for _, d := range g.Dimensions {
			if partial(g, d) != "" {
				return true
			}
		}
	}
	return false
}

func renderHTML(r *Report) ([]byte, error) {
	view := struct {
		wording
		R   *Report
		CSS template.CSS
		// MCSS styles the measures, in a report that has them.
		MCSS   template.CSS
		Rounds []roundView
	}{wording: wording{r.Language}, R: r, CSS: styleCSS}
	if len(r.MeasureDefinitions) > 0 {
		view.MCSS = measuresCSS
	}
	for _, rd := range r.Rounds {
		view.Rounds = append(view.Rounds, roundView{RoundReport: rd, Bars: barChart(r, rd), Heat: heatMap(r, rd), Partial: hasPartial(rd)})
	}
	var b bytes.Buffer
	if err := reportTemplate.Execute(&b, view); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// palette colours the dimensions in the bar chart; it is readable when
// printed in grey too, from dark to light.
var palette = []string{"#1b4f72", "#2e86c1", "#48c9b0", "#f4d03f", "#e67e22", "#c0392b", "#7d3c98", "#839192"}

// chartW is the width of the charts in CSS pixels: the text width of an
// A4 page with the margins of style.css. A narrower window scales them
// down (max-width: 100%).
const chartW = 680

// barChart draws, for each group of the round, a bar per dimension whose
// height is the dimension's mean score, across the whole width. Its legend
// is an HTML list under the chart, so that the browser lays out labels of
// any length and script without overlapping.
func barChart(r *Report, rd RoundReport) template.HTML {
	dims := r.Rubric.Dimensions
	scale := r.Rubric.Scale
	lo := min(scale.Min, 0)
	const left, right, top, plotH = 24.0, 4.0, 8.0, 170.0
	height := top + plotH + 20
	groupW := (chartW - left - right) / float64(max(len(rd.Groups), 1))
	gap := max(groupW*0.2, 6)
	barW := (groupW - gap) / float64(max(len(dims), 1))
	inner := barW - min(1, barW/4) // a hairline between bars
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="chart"><svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%.0f" viewBox="0 0 %d %.0f" role="img" aria-label="%s">`, chartW, height, chartW, height, esc(words.In(r.Language, "bars")))
	y := func(v float64) float64 {
		span := float64(max(scale.Max-lo, 1))
		return top + plotH*(1-(v-float64(lo))/span)
	}
	for v := lo; v <= scale.Max; v++ {
		stroke := "#ddd"
		if v == lo {
			stroke = "#888" // the base line
		}
		fmt.Fprintf(&b, `<line x1="%.0f" x2="%.0f" y1="%.1f" y2="%.1f" stroke="%s"/>`, left, chartW-right, y(float64(v)), y(float64(v)), stroke)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" font-size="9" text-anchor="end">%d</text>`, left-4, y(float64(v))+3, v)
	}
	for gi, g := range rd.Groups {
		x0 := left + float64(gi)*groupW + gap/2
		name := esc(wordf(r.Language, "group_n", g.Group))
		for di, d := range g.Dimensions {
			if d.Mean == nil {
				continue
			}
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s · %s%s%s</title></rect>`,
				x0+float64(di)*barW, y(*d.Mean), inner, y(float64(lo))-y(*d.Mean), palette[di%len(palette)], name, esc(d.Title), words.In(r.Language, "colon"), num(d.Mean))
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" font-size="10" text-anchor="middle">%s</text>`, x0+float64(len(dims))*barW/2, top+plotH+15, name)
	}
	b.WriteString(`</svg><ul class="legend">`)
	for di, d := range dims {
		fmt.Fprintf(&b, `<li><i class="sw" style="border-color:%s"></i>%s</li>`, palette[di%len(palette)], esc(d.Title))
	}
	b.WriteString(`</ul></div>`)
	return template.HTML(b.String())
}

// heatMap draws groups × dimensions, each cell coloured by its mean score
// from red (the bottom of the scale) to green (the top). The column heads
// are the dimensions' titles wrapped on up to three lines (the full title
// is the tooltip), and a key under the map reads the colours.
func heatMap(r *Report, rd RoundReport) template.HTML {
	dims := r.Rubric.Dimensions
	scale := r.Rubric.Scale
	const cellH, headFont, lineH, maxLines = 24.0, 9.5, 11.5, 3
	labelW := 0.0
	for _, g := range rd.Groups {
		labelW = max(labelW, textWidth(wordf(r.Language, "group_n", g.Group), 10))
	}
	labelW = float64(int(labelW) + 12)
	cellW := min(110, (chartW-labelW-2)/float64(max(len(dims), 1)))
	heads := make([][]string, len(dims))
	lines := 1
	for di, d := range dims {
		heads[di] = wrapLabel(d.Title, cellW-6, headFont, maxLines)
		lines = max(lines, len(heads[di]))
	}
	headH := float64(lines)*lineH + 8
	keyY := headH + float64(len(rd.Groups))*cellH + 10
	width := labelW + float64(len(dims))*cellW + 2
	height := keyY + 14
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="chart"><svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s">`, width, height, width, height, esc(words.In(r.Language, "heatmap")))
	for di, d := range dims {
		cx := labelW + float64(di)*cellW + cellW/2
		// Bottom-align the heads: a short title sits on the cells.
		y0 := headH - 6 - float64(len(heads[di])-1)*lineH
		fmt.Fprintf(&b, `<text font-size="%g" text-anchor="middle"><title>%s</title>`, headFont, esc(d.Title))
		for li, l := range heads[di] {
			fmt.Fprintf(&b, `<tspan x="%.1f" y="%.1f">%s</tspan>`, cx, y0+float64(li)*lineH, esc(l))
		}
		b.WriteString(`</text>`)
	}
	for gi, g := range rd.Groups {
		yy := headH + float64(gi)*cellH
		name := esc(wordf(r.Language, "group_n", g.Group))
		fmt.Fprintf(&b, `<text x="4" y="%.1f" font-size="10">%s</text>`, yy+cellH/2+4, name)
		for di, d := range g.Dimensions {
			fill := "#f2f2f2"
			if d.Mean != nil {
				fill = heatColor(*d.Mean, scale)
			}
			x := labelW + float64(di)*cellW
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.0f" fill="%s" stroke="#fff"><title>%s · %s%s%s</title></rect>`,
				x, yy, cellW, cellH, fill, name, esc(d.Title), words.In(r.Language, "colon"), num(d.Mean))
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="10" text-anchor="middle">%s</text>`, x+cellW/2, yy+cellH/2+4, num(d.Mean))
		}
	}
	// The key: one swatch per point of the scale.
	fmt.Fprintf(&b, `<text x="4" y="%.1f" font-size="9">%s</text>`, keyY+9, esc(words.In(r.Language, "scale")))
	for v := scale.Min; v <= scale.Max; v++ {
		x := labelW + float64(v-scale.Min)*26
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="24" height="12" fill="%s"/><text x="%.1f" y="%.1f" font-size="9" text-anchor="middle">%d</text>`,
			x, keyY, heatColor(float64(v), scale), x+12, keyY+9, v)
	}
	b.WriteString(`</svg></div>`)
	return template.HTML(b.String())
}

// runeWidth estimates how wide r is in Noto Sans, in ems: CJK characters
// are square, Latin letters about half as wide. It errs on the wide side
// so that estimated lines fit.
func runeWidth(r rune) float64 {
	switch {
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul),
		r >= 0x3000 && r <= 0x303f, r >= 0xff00 && r <= 0xffef:
		return 1
	case r == ' ':
		return 0.27
	case strings.ContainsRune("iljtfr.,:;'|!()", r):
		return 0.32
	case strings.ContainsRune("mwMW", r):
		return 0.88
	case unicode.IsUpper(r):
		return 0.68
	}
	return 0.57
}

// textWidth estimates the width of s at size px.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w * size
}

// wrapLabel breaks s into lines no wider than width at size px, at spaces
// or between CJK characters (a word too long for a line is cut), and keeps
// at most maxLines, the last ending in "…" when text was left out.
func wrapLabel(s string, width, size float64, maxLines int) []string {
	// Units are words, or single CJK characters, each with whether a
	// space comes before it.
	type unit struct {
		text  string
		space bool
	}
	var units []unit
	var word strings.Builder
	space := false
	flush := func() {
		if word.Len() > 0 {
			units = append(units, unit{word.String(), space})
			word.Reset()
			space = false
		}
	}
	for _, r := range strings.Join(strings.Fields(s), " ") {
		switch {
		case r == ' ':
			flush()
			space = true
		case runeWidth(r) == 1:
			flush()
			units = append(units, unit{string(r), space})
			space = false
		default:
			word.WriteRune(r)
		}
	}
	flush()
	var lines []string
	var cur string
	for _, u := range units {
		text := u.text
		if cur != "" && u.space {
			text = " " + text
		}
		if cur == "" || textWidth(cur+text, size) <= width {
			cur += text
		} else {
			lines = append(lines, cur)
			cur = u.text
		}
		// Cut a word wider than a line.
		for textWidth(cur, size) > width && len([]rune(cur)) > 1 {
			rs := []rune(cur)
			n := len(rs) - 1
			for n > 1 && textWidth(string(rs[:n]), size) > width {
				n--
			}
			lines = append(lines, string(rs[:n]))
			cur = string(rs[n:])
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > maxLines {
		last := []rune(lines[maxLines-1] + "…")
		for len(last) > 1 && textWidth(string(last), size) > width {
			last = append(last[:len(last)-2], '…')
		}
		lines = append(lines[:maxLines-1], string(last))
	}
	return lines
}

// heatColor interpolates from a light red through a light yellow to a
// light green, so that the numbers on it stay readable.
func heatColor(v float64, s scenario.Scale) string {
	t := 0.5
	if s.Max > s.Min {
		t = (v - float64(s.Min)) / float64(s.Max-s.Min)
	}
	t = max(0, min(1, t))
	lo, mid, hi := [3]float64{244, 163, 152}, [3]float64{250, 229, 150}, [3]float64{154, 214, 160}
	var c [3]float64
	for i := range c {
		if t < 0.5 {
			c[i] = lo[i] + (mid[i]-lo[i])*t*2
		} else {
			c[i] = mid[i] + (hi[i]-mid[i])*(t-0.5)*2
		}
	}
	return fmt.Sprintf("#%02x%02x%02x", int(c[0]+0.5), int(c[1]+0.5), int(c[2]+0.5))
}

func esc(s string) string { return html.EscapeString(s) }

// mdReport writes a report as Markdown, a part at a time.
type mdReport struct {
	b    strings.Builder
	r    *Report
	lang string
}

// w is the fixed word key in the report's language.
func (m *mdReport) w(key string) string { return words.In(m.lang, key) }

// f is the format key in the report's language filled in with args.
func (m *mdReport) f(key string, args ...any) string { return wordf(m.lang, key, args...) }

// l is the word key as the label of what follows it, with its colon.
func (m *mdReport) l(key string) string { return m.w(key) + m.w("colon") }

// join lists items as the report's language does, escaped.
func (m *mdReport) join(items []string) string {
	return scenario.EscapeMarkdown(strings.Join(items, m.w("list_sep")))
}

func (m *mdReport) printf(format string, args ...any) { fmt.Fprintf(&m.b, format, args...) }

// renderMarkdown writes the report as Markdown: the header, each round's
// ranking, the agreement between reviewers, where they differ, and a part
// per group. Only text from users is escaped ([scenario.EscapeMarkdown]);
// figures and fixed words are written as they are.
func renderMarkdown(r *Report) []byte {
	m := &mdReport{r: r, lang: r.Language}
	m.header()
	for _, rd := range r.Rounds {
		m.ranking(rd)
	}
	m.agreement()
	m.flags()
	m.measureFlags()
	for _, rd := range r.Rounds {
		for _, g := range rd.Groups {
			m.group(g)
		}
	}
	if len(r.MeasureDefinitions) > 0 {
		m.definitions()
	}
	return []byte(m.b.String())
}

func (m *mdReport) header() {
	r, esc := m.r, scenario.EscapeMarkdown
	m.printf("# %s — %s\n\n", m.w("report_title"), esc(r.Scenario.Title))
	if r.Demo {
		m.printf("**%s**\n\n", m.w("demo_note"))
	}
	m.printf("%s%s%s · %s%s%s · %s%s · %s%d\n\n",
		m.l("scenario"), esc(r.Scenario.Title), m.f("paren", esc(r.Scenario.ID)),
		m.l("rubric"), esc(r.Rubric.Title), m.f("paren", fmt.Sprintf("%s %d–%d", m.w("scale"), r.Rubric.Scale.Min, r.Rubric.Scale.Max)),
		m.l("reviewers"), m.join(r.Reviewers), m.l("sheets"), r.Sheets)
	if len(r.Rounds) == 0 {
		m.printf("%s\n\n", m.w("no_reviews"))
	}
}

// ranking is a round's groups in rank order, with their mean per
// dimension.
func (m *mdReport) ranking(rd RoundReport) {
	dims := m.r.Rubric.Dimensions
	m.printf("## %s — %s\n\n", m.f("round_n", rd.Round), m.w("ranking"))
	m.printf("| %s | %s |", m.w("rank"), m.w("group"))
	for _, d := range dims {
		m.printf(" %s |", scenario.EscapeMarkdown(d.Title))
	}
	m.printf(" %s | %s |\n|---:|---|%s---:|---:|\n", m.w("weighted"), m.w("n"), strings.Repeat("---:|", len(dims)))
	for _, g := range rd.Ranking() {
		rank := "–"
		if g.Rank > 0 {
			rank = strconv.Itoa(g.Rank)
		}
		m.printf("| %s | %s |", rank, m.f("group_n", g.Group))
		for _, d := range g.Dimensions {
			if p := partial(g, d); p != "" {
				m.printf(" %s %s |", num(d.Mean), p)
			} else {
				m.printf(" %s |", num(d.Mean))
			}
		}
		m.printf(" **%s** | %d |\n", num(g.Weighted), len(g.Reviewers))
	}
	m.b.WriteString("\n")
	if hasPartial(rd) {
		m.printf("%s\n\n", m.w("partial_note"))
	}
}

// agreement is the agreement between reviewers per dimension, and each
// reviewer's leniency.
func (m *mdReport) agreement() {
	esc := scenario.EscapeMarkdown
	m.printf("## %s\n\n%s\n\n", m.w("agreement"), m.w("agreement_help"))
	m.printf("| %s | %s | %s | %s | %s | %s |\n|---|---:|---:|---|---|---|\n", m.w("dimension"), m.w("units"), m.w("n"), m.w("alpha"), m.w("icc"), m.w("reading"))
	for _, a := range m.r.Agreement {
		m.printf("| %s | %d | %d | %s | %s | %s |\n", esc(a.Title), a.Units, a.Reviewers, statText(a.Alpha, m.lang, false), statText(a.ICC, m.lang, false), a.Reading)
	}
	m.printf("\n### %s\n\n%s\n\n| %s | %s | %s | %s |\n|---|---|---:|---:|\n", m.w("leniency"), m.w("leniency_help"), m.w("reviewer"), m.w("leniency"), m.w("compared"), m.w("sheets"))
	for _, l := range m.r.Leniency {
		m.printf("| %s | %s | %d | %d |\n", esc(l.Reviewer), statText(l.Leniency, m.lang, true), l.Compared, l.Sheets)
	}
}

// flags lists where reviewers differ by the threshold or more, with what
// each gave and wrote.
func (m *mdReport) flags() {
	m.printf("\n### %s\n\n", m.w("flags"))
	if len(m.r.Flags) == 0 {
		m.printf("%s\n\n", m.w("no_flags"))
	}
	for _, f := range m.r.Flags {
		m.printf("- %s · %s · %s%s\n", m.f("round_n", f.Round), m.f("group_n", f.Group), scenario.EscapeMarkdown(f.Title), m.f("paren", fmt.Sprintf("%s %d", m.w("spread"), f.Spread)))
		m.scores(f.Scores)
	}
	if len(m.r.Flags) > 0 {
		m.b.WriteString("\n")
	}
}

// scores lists reviewers' scores with their evidence, as sub-items.
func (m *mdReport) scores(scores []ReviewerScore) {
	for _, sc := range scores {
		m.printf("  - %s%s%s%s\n", scenario.EscapeMarkdown(sc.Reviewer), m.w("colon"), scoreText(sc.Score), evidenceSuffixMD(sc.Evidence))
	}
}

// group is the part of one group: its scores, its measures when it has a
// drill log, strengths, debrief guide and improvement plan.
func (m *mdReport) group(g GroupReport) {
	esc := scenario.EscapeMarkdown
	m.printf("## %s · %s", m.f("round_n", g.Round), m.f("group_n", g.Group))
	if g.Rank > 0 {
		m.printf(" · %s", m.f("rank_n", g.Rank))
	}
	m.b.WriteString("\n\n")
	if len(g.Reviewers) == 0 {
		m.printf("%s%s\n\n%s\n\n", m.l("members"), membersText(m.lang, g.Members, esc), mword(m.lang, "no_sheets"))
	} else {
		m.printf("%s%s  \n%s%s\n\n", m.l("members"), membersText(m.lang, g.Members, esc), m.l("reviewers"), m.join(g.Reviewers))
		m.scoreTable(g)
	}
	if g.Measures != nil {
		m.measures(g)
	}
	if len(g.Strengths) > 0 {
		m.printf("### %s\n\n", m.w("strengths"))
		for _, n := range g.Strengths {
			m.printf("- %s — %s\n", esc(n.Text), esc(n.Reviewer))
		}
		m.b.WriteString("\n")
	}
	m.debrief(g.Debrief)
	m.plan(g.Plan)
}

// scoreTable is a group's scores per dimension, with every reviewer's
// score and evidence.
func (m *mdReport) scoreTable(g GroupReport) {
	esc := scenario.EscapeMarkdown
	m.printf("| %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---|\n", m.w("dimension"), m.w("mean"), m.w("range"), m.w("n"), m.l("reviewer")+m.w("score")+" — "+m.w("Evidence"))
	for _, d := range g.Dimensions {
		var parts []string
		for _, sc := range d.Scores {
			parts = append(parts, esc(sc.Reviewer)+m.w("colon")+scoreText(sc.Score)+evidenceSuffixMD(sc.Evidence))
		}
		m.printf("| %s | %s | %s–%s | %d | %s |\n", esc(d.Title), num(d.Mean), scoreText(d.Min), scoreText(d.Max), d.N, strings.Join(parts, "<br>"))
	}
	m.printf("| **%s** | **%s** | | | |\n\n", m.w("weighted"), num(g.Weighted))
}

// debrief is a group's debrief guide: the questions of each phase, then
// what reviewers wrote about the weakest dimensions.
func (m *mdReport) debrief(db Debrief) {
	m.printf("### %s\n\n", m.w("debrief"))
	for _, ph := range db.Phases {
		m.printf("**%s**\n\n", scenario.EscapeMarkdown(ph.Title))
		for i, q := range ph.Questions {
			lvl := ""
			if q.Level != "" {
				lvl = "*" + m.w(q.Level) + "*" + m.w("colon")
			}
			m.printf("%d. %s%s\n", i+1, lvl, scenario.EscapeMarkdown(q.Text))
		}
		m.b.WriteString("\n")
	}
	if len(db.Evidence) == 0 {
		return
	}
	m.printf("### %s — %s\n\n", m.w("weakest"), m.w("Evidence"))
	for _, e := range db.Evidence {
		m.printf("- **%s**%s\n", scenario.EscapeMarkdown(e.Title), m.f("paren", m.w("mean")+" "+num(e.Mean)))
		m.scores(e.Scores)
	}
	m.b.WriteString("\n")
}

// plan is a group's improvement plan, with an empty row to fill in.
func (m *mdReport) plan(actions []Action) {
	esc := scenario.EscapeMarkdown
	m.printf("### %s\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n", m.w("plan"), m.w("area"), m.w("action"), m.w("owner"), m.w("due"))
	for _, a := range actions {
		action := esc(a.Action)
		if a.Reviewer != "" {
			action += " — " + esc(a.Reviewer)
		}
		m.printf("| %s | %s | %s | %s |\n", esc(a.AreaTitle), action, esc(a.Owner), esc(a.Due))
	}
	m.b.WriteString("|  |  |  |  |\n\n")
}

func evidenceSuffixMD(e string) string {
	if e == "" {
		return ""
	}
	return " — " + scenario.EscapeMarkdown(e)
}

// renderCSV writes the scores, one row per round, group, dimension and
// reviewer, then, after a blank row, the improvement plans, and the
// measures' rows when the report has any ([measureRows]).
func renderCSV(r *Report) []byte {
	lang := r.Language
	w := func(k string) string { return words.In(lang, k) }
	rows := [][]string{{w("round"), w("group"), w("dimension") + " [id]", w("dimension"), w("reviewer"), w("score"), w("Evidence")}}
	for _, rd := range r.Rounds {
		for _, g := range rd.Groups {
			for _, d := range g.Dimensions {
				for _, sc := range d.Scores {
					rows = append(rows, []string{strconv.Itoa(g.Round), strconv.Itoa(g.Group), d.ID, d.Title, sc.Reviewer, scoreCell(sc.Score), sc.Evidence})
				}
			}
		}
	}
	rows = append(rows, nil, []string{w("round"), w("group"), w("area"), w("action"), w("owner"), w("due"), w("reviewer")})
	for _, rd := range r.Rounds {
		for _, g := range rd.Groups {
			for _, a := range g.Plan {
				rows = append(rows, []string{strconv.Itoa(g.Round), strconv.Itoa(g.Group), a.AreaTitle, a.Action, a.Owner, a.Due, a.Reviewer})
			}
		}
	}
	rows = append(rows, measureRows(r)...)
	return sheet.WriteCSV(rows)
}

func scoreCell(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}

// sheetPage is one page of a printable scoresheet.
type sheetPage struct {
	Reviewer     string
	Round, Group int
	// ID is the sheet id: the group's [plan.Plan.GroupID].
	ID                      string
	Members                 []MemberInfo
	Dims                    []sheetDim
	Strengths, Improvements []string
}

type sheetDim struct {
	ID, Title, Description, Evidence string
	Levels                           []sheetLevel
}

type sheetLevel struct {
	Score   int
	Text    string
	Checked bool
}

// RenderScoresheetsHTML writes one reviewer's sheets as a printable HTML
// file, a page per group, with each dimension's level descriptors to tick
// and space to write the evidence.
func RenderScoresheetsHTML(p *plan.Plan, s *scenario.Scenario, sheets []Scoresheet) ([]byte, error) {
	lang := s.Language
	view := struct {
		wording
		Title, Reviewer string
		CSS             template.CSS
		Pages           []sheetPage
	}{wording: wording{lang}, Title: s.Title, CSS: styleCSS}
	for _, sh := range sheets {
		view.Reviewer = sh.Reviewer
		pg := sheetPage{Reviewer: sh.Reviewer, Round: sh.Round, Group: sh.Group, ID: p.GroupID(sh.Round, sh.Group), Strengths: sh.Strengths, Improvements: sh.Improvements}
		if rd, ok := p.Round(sh.Round); ok {
			if g, ok := rd.Group(sh.Group); ok {
				for _, m := range g.Members {
					pg.Members = append(pg.Members, MemberInfo{ID: m.ID, Name: m.Name, Role: m.Role, Title: s.RoleTitle(m.Role)})
				}
			}
		}
		for _, d := range s.Rubric.Rubric.Dimensions {
			sc := sh.Scores[d.ID]
			sd := sheetDim{ID: d.ID, Title: d.Title.In(lang), Description: d.Description.In(lang), Evidence: sc.Evidence}
			for _, l := range d.Levels {
				sd.Levels = append(sd.Levels, sheetLevel{Score: l.Score, Text: l.Descriptor.In(lang), Checked: sc.Value != nil && *sc.Value == l.Score})
			}
			pg.Dims = append(pg.Dims, sd)
		}
		view.Pages = append(view.Pages, pg)
	}
	var b bytes.Buffer
	if err := scoresheetTemplate.Execute(&b, view); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
