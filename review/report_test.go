package review

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

func reportFixture(t *testing.T) *Report {
	p, s := fixture(t)
	files, err := filepath.Glob("testdata/report/sheets/*")
	require.NoError(t, err)
	return BuildReport(p, s, readSheets(t, p, s, files...))
}

// TestReportGolden renders the report of the fixed plan and scoresheets in
// testdata/report in every format and compares it with the golden files.
// Refresh them with go test -update after checking the change.
func TestReportGolden(t *testing.T) {
	rep := reportFixture(t)
	for _, format := range ReportFormats {
		t.Run(format, func(t *testing.T) {
			got, err := RenderReport(rep, format)
			require.NoError(t, err)
			golden(t, filepath.Join("testdata/report", "report.golden."+format), got)
		})
	}
}

func TestReportFigures(t *testing.T) {
	rep := reportFixture(t)
	assert.Equal(t, []string{"Alice", "Bob", "Carol"}, rep.Reviewers)
	g1 := rep.Rounds[0].Groups[0]
	org := g1.Dimensions[0]
	assert.Equal(t, "organization", org.ID)
	assert.Equal(t, 3, org.N)
	assert.InDelta(t, 13.0/3, *org.Mean, 0.001)
	assert.Equal(t, 4, *org.Min)
	assert.Equal(t, 5, *org.Max)
	// Ranks in round 1: group 3 is best, then 1, then 2.
	ranks := map[int]int{}
	for _, g := range rep.Rounds[0].Groups {
		ranks[g.Group] = g.Rank
	}
	assert.Equal(t, map[int]int{3: 1, 1: 2, 2: 3}, ranks)
	// Carol gave rhythm 1 where Alice and Bob gave 3: a flag with evidence.
	var found bool
	for _, f := range rep.Flags {
		if f.Round == 1 && f.Group == 1 && f.Dimension == "rhythm" {
			found = true
			assert.Equal(t, 2, f.Spread)
			assert.Len(t, f.Scores, 3)
			assert.Equal(t, "No timer; views took 35 minutes", f.Scores[2].Evidence)
		}
	}
	assert.True(t, found, "rhythm of round 1 group 1 is flagged")
	// The weakest dimensions lead the debrief's analysis.
	assert.Equal(t, []string{"rhythm", "recording"}, g1.Weakest)
	require.Len(t, rep.Agreement, 6, "an entry per dimension, or the loop below checks nothing")
	for _, a := range rep.Agreement {
		assert.True(t, (a.Alpha.Value == nil) != (a.Alpha.NotComputable == ""), "%s: alpha is a value or a reason", a.Dimension)
		assert.True(t, (a.ICC.Value == nil) != (a.ICC.NotComputable == ""), "%s: ICC is a value or a reason", a.Dimension)
	}
}

// TestOneReviewer: with a single reviewer agreement cannot be computed,
// and the report says so instead of showing a number.
func TestOneReviewer(t *testing.T) {
	p, s := fixture(t)
	rep := BuildReport(p, s, readSheets(t, p, s, "testdata/report/sheets/alice.csv"))
	require.Len(t, rep.Agreement, len(s.Rubric.Rubric.Dimensions), "an entry per dimension, or the loop below checks nothing")
	for _, a := range rep.Agreement {
		assert.Nil(t, a.Alpha.Value)
		assert.Nil(t, a.ICC.Value)
		assert.Equal(t, "only one reviewer scored this dimension", a.Alpha.NotComputable)
	}
	require.Len(t, rep.Leniency, 1)
	assert.Nil(t, rep.Leniency[0].Leniency.Value)
	for _, format := range []string{ReportHTML, ReportMarkdown} {
		out, err := RenderReport(rep, format)
		require.NoError(t, err)
		assert.Contains(t, string(out), "not computable — only one reviewer scored this dimension")
		assert.NotContains(t, string(out), "NaN")
	}
	js, err := RenderReport(rep, ReportJSON)
	require.NoError(t, err)
	var back struct {
		Agreement []struct {
			Alpha struct {
				Value         *float64 `json:"value"`
				NotComputable string   `json:"not_computable"`
			} `json:"alpha_ordinal"`
		} `json:"agreement"`
	}
	require.NoError(t, json.Unmarshal(js, &back))
	assert.Nil(t, back.Agreement[0].Alpha.Value)
	assert.NotEmpty(t, back.Agreement[0].Alpha.NotComputable)
}

// hostile are strings a reviewer might type that must neither run in a
// browser nor as a spreadsheet formula.
var hostile = []string{
	`=HYPERLINK("http://x","y")`,
	"+1+1",
	"@SUM(A1)",
	"-2+3",
	"\t=1+1",
	"＝1+1", // a full-width equals sign, which some spreadsheets read as "="
	"<script>alert(1)</script>",
	"[x](javascript:alert(1)) **bold** | cell | ![i](http://x/i.png)",
	"# heading",
}

func hostileSheets(t *testing.T) *Report {
	p, s := fixture(t)
	sheets := DemoScoresheets(p, s, []string{"<img src=x onerror=alert(1)>", "=Bob"}, 3)
	for i := range sheets {
		for j, d := range s.Rubric.Rubric.Dimensions {
			sc := sheets[i].Scores[d.ID]
			sc.Evidence = hostile[(i+j)%len(hostile)]
			sheets[i].Scores[d.ID] = sc
		}
		sheets[i].Strengths = []string{"<script>alert(1)</script>"}
		sheets[i].Improvements = []string{"=cmd|' /C calc'!A0", "rhythm: <script>alert(1)</script>"}
	}
	return BuildReport(p, s, sheets)
}

func TestHTMLEscaping(t *testing.T) {
	rep := hostileSheets(t)
	for _, format := range []string{ReportHTML, ReportMarkdown} {
		out, err := RenderReport(rep, format)
		require.NoError(t, err)
		assert.NotContains(t, string(out), "<script>", format)
		assert.NotContains(t, string(out), "<img", format)
		assert.Contains(t, string(out), "&lt;script&gt;", format)
	}
	// In Markdown, a reviewer's text makes no link, image, emphasis,
	// table cell or heading.
	out, err := RenderReport(rep, ReportMarkdown)
	require.NoError(t, err)
	md := string(out)
	assert.Contains(t, md, `\[x\](javascript:alert(1)) \*\*bold\*\* \| cell \| \!\[i\](http\://x/i.png)`)
	assert.NotContains(t, md, "[x](javascript")
	assert.NotContains(t, md, "![i](")
	assert.Contains(t, md, `\# heading`, "not a heading, even inside a list item")
	js, err := RenderReport(rep, ReportJSON)
	require.NoError(t, err)
	assert.NotContains(t, string(js), "<script>")
}

// TestCSVFormulaInjection checks every cell of the CSV report: none may
// start with a formula character unless it is a plain number.
func TestCSVFormulaInjection(t *testing.T) {
	rep := hostileSheets(t)
	out, err := RenderReport(rep, ReportCSV)
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(out, []byte(sheet.BOM)))
	r := csv.NewReader(bytes.NewReader(out[len(sheet.BOM):]))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	require.NoError(t, err)
	seen := map[string]bool{}
	for _, rec := range recs {
		for _, c := range rec {
			seen[c] = true
			if c == "" {
				continue
			}
			if first, _ := utf8.DecodeRuneInString(c); strings.ContainsRune("=+-@\t\r＝＋－＠", first) {
				assert.Regexp(t, `^[+-]?[0-9]+(\.[0-9]+)?$`, c, "cell %q could run as a formula", c)
			}
		}
	}
	for _, h := range hostile[:6] {
		assert.True(t, seen["'"+h], "%q is written with an apostrophe", h)
	}
	assert.True(t, seen["'=Bob"], "reviewer names are made safe too")

	// A negative number is left a number.
	assert.Equal(t, "-1", sheet.SafeCell("-1"))
}

func TestDemoDeterministic(t *testing.T) {
	p, s := fixture(t)
	a := DemoScoresheets(p, s, []string{"Alice", "Bob"}, 42)
	b := DemoScoresheets(p, s, []string{"Alice", "Bob"}, 42)
	assert.Equal(t, a, b)
	c := DemoScoresheets(p, s, []string{"Alice", "Bob"}, 43)
	assert.NotEqual(t, a, c, "another seed gives other scores")
	require.Len(t, a, 2*4)
	for _, sh := range a {
		for _, sc := range sh.Scores {
			require.NotNil(t, sc.Value)
			assert.True(t, s.Rubric.Rubric.Scale.Contains(*sc.Value))
			assert.True(t, strings.HasPrefix(sc.Evidence, "[demo] "), sc.Evidence)
		}
	}
	// The second reviewer is the more lenient one.
	rep := BuildReport(p, s, DemoScoresheets(p, s, []string{"Alice", "Bob"}, 1))
	assert.Greater(t, *rep.Leniency[1].Leniency.Value, *rep.Leniency[0].Leniency.Value)

	zh := bundled(t, "square-dance-noise")
	p.Scenario.ID = zh.ID
	for _, sh := range DemoScoresheets(p, zh, []string{"王老师"}, 1) {
		for _, sc := range sh.Scores {
			assert.True(t, strings.HasPrefix(sc.Evidence, "[演示数据] "), sc.Evidence)
		}
	}
}

// TestReportDeterministic: the same inputs give byte-identical reports,
// whatever the order the scoresheets were given in.
func TestReportDeterministic(t *testing.T) {
	p, s := fixture(t)
	sheets := DemoScoresheets(p, s, []string{"Alice", "Bob", "Carol"}, 9)
	first := map[string][]byte{}
	for _, format := range ReportFormats {
		out, err := RenderReport(BuildReport(p, s, sheets), format)
		require.NoError(t, err)
		first[format] = out
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		shuffled := append([]Scoresheet{}, sheets...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		for _, format := range ReportFormats {
			out, err := RenderReport(BuildReport(p, s, shuffled), format)
			require.NoError(t, err)
			require.Equal(t, string(first[format]), string(out), format)
		}
	}
}

// TestChineseReportGolden renders the report of demo scores for the
// bundled Chinese scenario in every format: its headings count rounds,
// groups and places as Chinese does (第 1 轮), and its labels, asides and
// lists take Chinese punctuation (成员：徐海燕（议事会主持人）、高志远（记录员）).
func TestChineseReportGolden(t *testing.T) {
	p, diags := plan.ReadFile("testdata/plan-zh.yaml")
	require.NoError(t, diags.Err())
	s := bundled(t, p.Scenario.ID)
	rep := BuildReport(p, s, DemoScoresheets(p, s, []string{"李老师", "王老师"}, 3))
	for _, format := range ReportFormats {
		t.Run(format, func(t *testing.T) {
			got, err := RenderReport(rep, format)
			require.NoError(t, err)
			golden(t, filepath.Join("testdata/report-zh", "report.golden."+format), got)
		})
	}
	md, err := RenderReport(rep, ReportMarkdown)
	require.NoError(t, err)
	for _, want := range []string{
		"情景：老旧小区共享停车与充电桩（shared-parking-charging） · 评分量表：",
		"（分值 1–5） · 评分人：李老师、王老师 · 评分表数：6\n",
		"## 第 1 轮 — 排名\n",
		"| 第 2 组 |",
		"## 第 1 轮 · 第 1 组 · 第 ",
		"成员：徐海燕（议事会主持人）、高志远（记录员）、",
		"评分人：李老师、王老师\n",
		"议事会主持人（徐海燕）和记录员（高志远）：",
	} {
		assert.Contains(t, string(md), want)
	}
	for _, unwanted := range []string{"轮次 1", "组 1 ·", "名次 1", "情景:", "成员:", "李老师, 王老师", " (议事会主持人)"} {
		assert.NotContains(t, string(md), unwanted)
	}
}

func TestChineseReport(t *testing.T) {
	p, _ := fixture(t)
	zh := bundled(t, "square-dance-noise")
	p.Scenario.ID = zh.ID
	rep := BuildReport(p, zh, DemoScoresheets(p, zh, []string{"王老师", "李老师"}, 5))
	out, err := RenderReport(rep, ReportHTML)
	require.NoError(t, err)
	html := string(out)
	for _, want := range []string{`lang="zh"`, "复盘报告", "评分人一致性", "改进计划", "感受", "客观性问题", "Noto Sans CJK SC"} {
		assert.Contains(t, html, want)
	}
	require.Len(t, rep.Rounds, 2)
	assert.Equal(t, 2*len(rep.Rounds), strings.Count(html, "<svg"), "a bar chart and a heat map per round")
}

func TestUnknownReportFormat(t *testing.T) {
	_, err := RenderReport(&Report{}, "pdf")
	assert.Error(t, err)
}

// TestReportHeaderTitle: the report names the scenario by its title, not
// only by its id.
func TestReportHeaderTitle(t *testing.T) {
	rep := reportFixture(t)
	md, err := RenderReport(rep, ReportMarkdown)
	require.NoError(t, err)
	assert.Contains(t, string(md), "Scenario: Adding an elevator to a six-storey walk-up (elevator-retrofit) ·")
	html, err := RenderReport(rep, ReportHTML)
	require.NoError(t, err)
	assert.Contains(t, string(html), "Scenario: Adding an elevator to a six-storey walk-up (elevator-retrofit) ·")
}

// TestPartialScores: where fewer of a group's reviewers scored a
// dimension than sent a sheet, the ranking says so next to the mean, so a
// mean from one reviewer is not taken for one from three.
func TestPartialScores(t *testing.T) {
	p, s := fixture(t)
	files, err := filepath.Glob("testdata/report/sheets/*")
	require.NoError(t, err)
	sheets := readSheets(t, p, s, files...)
	for i := range sheets {
		if sheets[i].Round == 1 && sheets[i].Group == 1 && sheets[i].Reviewer != "Alice" {
			sc := sheets[i].Scores["rhythm"]
			sc.Value = nil
			sheets[i].Scores["rhythm"] = sc
		}
	}
	rep := BuildReport(p, s, sheets)
	g := rep.Rounds[0].Groups[0]
	require.Len(t, g.Reviewers, 3)
	require.Equal(t, 1, g.Dimensions[1].N)
	md, err := RenderReport(rep, ReportMarkdown)
	require.NoError(t, err)
	assert.Contains(t, string(md), "| 3.00 (1/3) |", "rhythm of group 1: Alice alone")
	assert.Contains(t, string(md), "(n/m): only n of the group's m reviewers scored this dimension")
	assert.Equal(t, 1, strings.Count(string(md), "/3)"), "full dimensions are not marked")
	html, err := RenderReport(rep, ReportHTML)
	require.NoError(t, err)
	assert.Contains(t, string(html), `3.00 <span class="partial">(1/3)</span>`)
	assert.Contains(t, string(html), "only n of the group&#39;s m reviewers")

	full, err := RenderReport(reportFixture(t), ReportMarkdown)
	require.NoError(t, err)
	assert.NotContains(t, string(full), "(n/m)", "no footnote when every reviewer scored everything")
}

// A report made from DemoScoresheets says so at the top; one from real
// sheets does not.
func TestReportSaysDemoData(t *testing.T) {
	p, s := fixture(t)
	demo := BuildReport(p, s, DemoScoresheets(p, s, []string{"A", "B"}, 1))
	require.True(t, demo.Demo)
	for _, format := range []string{ReportHTML, ReportMarkdown} {
		data, err := RenderReport(demo, format)
		require.NoError(t, err)
		assert.Contains(t, string(data), "This report was made from demo data.", format)
	}
	real := BuildReport(p, s, nil)
	assert.False(t, real.Demo)
	data, err := RenderReport(real, ReportMarkdown)
	require.NoError(t, err)
	assert.NotContains(t, string(data), "demo data")
}

// TestHTMLParallel: the HTML templates are parsed once and shared, so
// reports and scoresheets rendered at the same time (as the room's server
// will) must come out whole and alike.
func TestHTMLParallel(t *testing.T) {
	p, s := fixture(t)
	rep := reportFixture(t)
	blank, err := BlankScoresheets(p, SheetOptions{Reviewers: []string{"Alice"}})
	require.NoError(t, err)
	want, err := RenderReport(rep, ReportHTML)
	require.NoError(t, err)
	wantSheet, err := RenderScoresheetsHTML(p, s, blank)
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := RenderReport(rep, ReportHTML)
			assert.NoError(t, err)
			assert.Equal(t, string(want), string(got))
			sheet, err := RenderScoresheetsHTML(p, s, blank)
			assert.NoError(t, err)
			assert.Equal(t, string(wantSheet), string(sheet))
		}()
	}
	wg.Wait()
}

// TestTrainersOwnRubric: owners and cues come from the rubric, not from
// the standard dimension ids, so a trainer's own rubric gets them too.
func TestTrainersOwnRubric(t *testing.T) {
	p, s := fixture(t)
	levels := []scenario.Level{{Score: 1, Descriptor: scenario.Text{"": "Poor."}}, {Score: 2, Descriptor: scenario.Text{"": "Fair."}}, {Score: 3, Descriptor: scenario.Text{"": "Good."}}}
	s.Rubric.Rubric = &scenario.Rubric{
		ID: "club", Title: scenario.Text{"": "Club rubric"}, Scale: scenario.Scale{Min: 1, Max: 3},
		Dimensions: []scenario.Dimension{
			{ID: "timekeeping", Title: scenario.Text{"en": "Keeping time"}, Owner: scenario.FunctionRecorder, Cues: []string{"Clock"}, Levels: levels},
			{ID: "listening", Title: scenario.Text{"en": "Listening"}, Cues: []string{"interrupt"}, Levels: levels},
			{ID: "chairing", Title: scenario.Text{"en": "Chairing"}, Owner: scenario.FunctionHost, Levels: levels},
		},
	}
	sh := Scoresheet{Reviewer: "Alice", Round: 1, Group: 1, Scores: map[string]Score{
		"timekeeping": {Value: intp(1)}, "listening": {Value: intp(2)}, "chairing": {Value: intp(1)},
	}, Improvements: []string{"Watch the clock during views", "Nobody should interrupt the elder"}}
	rep := BuildReport(p, s, []Scoresheet{sh})

	owners := map[string]string{}
	for _, d := range rep.Rubric.Dimensions {
		owners[d.ID] = d.Owner
	}
	assert.Equal(t, map[string]string{"timekeeping": "recorder", "listening": "", "chairing": "host"}, owners)

	g := rep.Rounds[0].Groups[0]
	require.Len(t, g.Plan, 3, "two improvements, and the weakest dimension no improvement covers: %+v", g.Plan)
	assert.Equal(t, Action{Area: "timekeeping", AreaTitle: "Keeping time", Action: "Watch the clock during views", Owner: "Recorder (Bo Wang)", Reviewer: "Alice"}, g.Plan[0])
	assert.Equal(t, Action{Area: "listening", AreaTitle: "Listening", Action: "Nobody should interrupt the elder", Owner: "Whole group", Reviewer: "Alice"}, g.Plan[1])
	assert.Equal(t, Action{Area: "chairing", AreaTitle: "Chairing", Owner: "Council host (Ann Lee)"}, g.Plan[2])
	// The debrief's decisional question names the owner the rubric gives.
	var decisional []string
	for _, ph := range g.Debrief.Phases {
		for _, q := range ph.Questions {
			if q.Level == "decisional" {
				decisional = append(decisional, q.Text)
			}
		}
	}
	require.Len(t, decisional, 2)
	assert.Contains(t, decisional[0], "(Owner: Recorder (Bo Wang))")
	assert.Contains(t, decisional[1], "(Owner: Council host (Ann Lee))")
}

func TestWordIndex(t *testing.T) {
	for _, tt := range []struct {
		text, word string
		want       int
	}{
		{"watch the time", "time", 10},
		{"sometimes late", "time", -1},
		{"sometimes late; time it", "time", 16},
		{"the ground-floor owner", "floor", -1},
		{"give the floor to all", "floor", 9},
		{"summarise each phase", "summar", 0},
		{"主持人没有计时，超时了", "超时", 24},
		{"", "time", -1},
	} {
		assert.Equal(t, tt.want, wordIndex(tt.text, tt.word), "%q in %q", tt.word, tt.text)
	}
}
