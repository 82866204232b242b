package progress

import (
	"encoding/json"
	"fmt"
	"html"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/review"
	"github.com/yishi-council/yishi/review/measure"
	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

func TestGolden(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			f := newSmall(t, lang)
			files, err := Build(f.p, f.s, f.rep).Files()
			require.NoError(t, err)
			var page, data string
			for _, fl := range files {
				if strings.HasPrefix(fl.Path, TraineeDir+"/T1-") {
					switch path.Ext(fl.Path) {
					case ".html":
						page = fl.Path
					case ".json":
						data = fl.Path
					}
				}
			}
			require.NotEmpty(t, page)
			golden(t, "testdata/trainee-"+lang+".golden.html", fileData(t, files, page))
			golden(t, "testdata/trainee-"+lang+".golden.json", fileData(t, files, data))
			golden(t, "testdata/index-"+lang+".golden.html", fileData(t, files, IndexName))
		})
	}
}

// bundledDay is a day of two rounds in the bundled scenario id, with a
// group per role count so that every role is played, the roles turned
// round between rounds, and demo scoresheets by three reviewers.
func bundledDay(t *testing.T, id string) (*plan.Plan, *scenario.Scenario, []review.Scoresheet) {
	s := bundled(t, id)
	p := &plan.Plan{Version: 1, Kind: plan.Kind, Scenario: plan.ScenarioRef{ID: s.ID, Title: s.Title, Language: s.Language, Source: "bundled"}}
	n := len(s.Roles)
	for r := 1; r <= 2; r++ {
		rd := plan.Round{Round: r}
		for g := 1; g <= 2; g++ {
			grp := plan.Group{Group: g}
			for i := range n {
				k := (g-1)*n + i
				role := s.Roles[(i+r-1)%n]
				grp.Members = append(grp.Members, plan.Member{ID: fmt.Sprintf("T%d", k+1), Name: fmt.Sprintf("Trainee %d", k+1), Role: role.ID})
			}
			rd.Groups = append(rd.Groups, grp)
		}
		p.Rounds = append(p.Rounds, rd)
	}
	return p, s, review.DemoScoresheets(p, s, []string{"Reviewer A", "Reviewer B", "Reviewer C"}, 11)
}

// visibleText is what a reader of the file sees: an HTML page unescaped,
// a JSON file's strings decoded.
func visibleText(t *testing.T, f File) string {
	if path.Ext(f.Path) == ".html" {
		return html.UnescapeString(string(f.Data))
	}
	var v any
	require.NoError(t, json.Unmarshal(f.Data, &v))
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			b.WriteString(x + "\n")
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return b.String()
}

var sentenceEnd = regexp.MustCompile(`[.。;；!！?？]`)

func TestNoConfidentialBrief(t *testing.T) {
	for _, id := range scenarios.IDs() {
		t.Run(id, func(t *testing.T) {
			p, s, sheets := bundledDay(t, id)
			rep := review.BuildReport(p, s, sheets)
			require.True(t, rep.Demo)
			c := Build(p, s, rep)
			files, err := c.Files()
			require.NoError(t, err)
			require.Len(t, files, 2+2*len(c.Trainees))
			// Every role's confidential brief, the injects and the
			// trainer's notes on them, and the scenario's trainer's notes,
			// which only the trainer sees: whole, and sentence by sentence.
			var secret []string
			for _, r := range s.Roles {
				secret = append(secret, r.Confidential)
			}
			require.NotEmpty(t, secret, "the scenario has confidential briefs to look for")
			for _, in := range s.Injects {
				secret = append(secret, in.Text, in.TrainerNote)
			}
			// And the scenario's notes for the trainer.
			secret = append(secret, s.Trainer.ZoneOfAgreement, s.Trainer.PossibleAgreement)
			secret = append(secret, s.Trainer.Tips...)
			require.NotEmpty(t, s.Trainer.ZoneOfAgreement, "the scenario has trainer's notes to look for")
			var fragments []string
			for _, text := range secret {
				text = scenario.OneLine(text)
				if text == "" {
					continue
				}
				fragments = append(fragments, text)
				for _, part := range sentenceEnd.Split(text, -1) {
					if part = strings.TrimSpace(part); utf8.RuneCountInString(part) >= 10 {
						fragments = append(fragments, part)
					}
				}
			}
			notes := 0
			for _, f := range files {
				text := visibleText(t, f)
				for _, frag := range fragments {
					assert.NotContains(t, text, frag, "%s shows a confidential brief", f.Path)
				}
				if strings.HasPrefix(f.Path, TraineeDir+"/") && path.Ext(f.Path) == ".html" {
					notes += strings.Count(string(f.Data), "<li>")
				}
			}
			assert.Positive(t, notes, "the pages carry reviewers' notes, so the test looks at something")
			assert.Greater(t, len(fragments), 2*len(s.Roles), "sentences of the briefs are looked for too")
		})
	}
}

func TestHostileTextIsEscaped(t *testing.T) {
	f := newSmall(t, "en")
	// Names come from the plan, notes and reviewers from the report.
	f.p.Rounds[0].Groups[0].Members[0].Name = `<script>alert("name")</script>`
	f.rep.Scenario.Title = `</title><script>alert("title")</script>`
	sc := &f.rep.Rounds[0].Groups[0].Dimensions[1].Scores[0]
	sc.Reviewer = `<b onmouseover="x">Ann</b>`
	sc.Evidence = `The host <img src=x onerror=alert(1)> let it run.`
	c := Build(f.p, f.s, f.rep)
	files, err := c.Files()
	require.NoError(t, err)
	page := string(fileData(t, files, trainee(t, c, "T1").Page))
	index := string(fileData(t, files, IndexName))
	for _, doc := range []string{page, index} {
		assert.NotContains(t, doc, "<script")
		assert.NotContains(t, doc, "<img")
		assert.NotContains(t, doc, "<b onmouseover")
		assert.Contains(t, doc, "&lt;/title&gt;&lt;script&gt;")
	}
	assert.Contains(t, index, "&lt;script&gt;alert(&#34;name&#34;)&lt;/script&gt;")
	assert.Contains(t, page, "&lt;img src=x onerror=alert(1)&gt;")
	assert.Contains(t, page, "&lt;b onmouseover=&#34;x&#34;&gt;Ann&lt;/b&gt;")
}

func TestUnsafeIDsGetSafeUniqueNames(t *testing.T) {
	s := bundled(t, "elevator-retrofit")
	ids := []string{"../../etc/passwd", "a/b", `A\b`, "a:b", "CON", "con.txt", "-rf", "T1", "t1", "T1-2", "x\u202Egpj.exe", ".hidden", strings.Repeat("长", 60), strings.Repeat("长", 60) + "x"}
	p := &plan.Plan{Version: 1, Kind: plan.Kind, Scenario: plan.ScenarioRef{ID: s.ID}}
	grp := plan.Group{Group: 1}
	for _, id := range ids {
		grp.Members = append(grp.Members, plan.Member{ID: id, Role: "host"})
	}
	p.Rounds = []plan.Round{{Round: 1, Groups: []plan.Group{grp}}}
	rep := review.BuildReport(p, s, nil)
	c := Build(p, s, rep)
	require.Len(t, c.Trainees, len(ids))
	seen := map[string]string{}
	elem := regexp.MustCompile(`^` + TraineeDir + `/([^/\\]+)\.(html|json)$`)
	for _, tr := range c.Trainees {
		for _, p := range []string{tr.Page, tr.Data} {
			m := elem.FindStringSubmatch(p)
			require.NotNil(t, m, "%q → %q", tr.ID, p)
			assert.Equal(t, cards.SafeFileName(m[1]), m[1], "%q → %q is a safe name", tr.ID, p)
			assert.NotContains(t, []string{".", ".."}, m[1])
			assert.False(t, strings.HasPrefix(m[1], ".") || strings.HasPrefix(m[1], "-"), "%q → %q", tr.ID, p)
			low := strings.ToLower(p)
			if other, ok := seen[low]; ok {
				t.Errorf("%q and %q share %q", tr.ID, other, p)
			}
			seen[low] = tr.ID
		}
		assert.Equal(t, strings.TrimSuffix(tr.Page, ".html"), strings.TrimSuffix(tr.Data, ".json"))
	}
	again := Build(p, s, rep)
	for i := range c.Trainees {
		assert.Equal(t, c.Trainees[i].Page, again.Trainees[i].Page, "deterministic")
	}
	files, err := c.Files()
	require.NoError(t, err)
	assert.Len(t, files, 2+2*len(ids))
	assert.True(t, slices.IsSortedFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) }))
}

func TestFilesAreByteStable(t *testing.T) {
	p, s := fixture(t, "../testdata/plan.yaml")
	sheets := review.DemoScoresheets(p, s, []string{"Reviewer A", "Reviewer B", "Reviewer C"}, 3)
	render := func(sheets []review.Scoresheet) []File {
		files, err := Build(p, s, review.BuildReport(p, s, sheets)).Files()
		require.NoError(t, err)
		return files
	}
	want := render(sheets)
	reversed := slices.Clone(sheets)
	slices.Reverse(reversed)
	rotated := append(slices.Clone(sheets[5:]), sheets[:5]...)
	tests := []struct {
		name   string
		sheets []review.Scoresheet
	}{
		{name: "same sheets", sheets: sheets},
		{name: "sheets reversed", sheets: reversed},
		{name: "sheets rotated", sheets: rotated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(tt.sheets)
			require.Len(t, got, len(want))
			for i := range want {
				assert.Equal(t, want[i].Path, got[i].Path)
				assert.Equal(t, string(want[i].Data), string(got[i].Data), want[i].Path)
			}
		})
	}
}

func TestDemoBanner(t *testing.T) {
	_, _, rep := demo(t, "../testdata/plan-zh.yaml")
	p, s := fixture(t, "../testdata/plan-zh.yaml")
	files, err := Build(p, s, rep).Files()
	require.NoError(t, err)
	for _, f := range files {
		if path.Ext(f.Path) == ".html" {
			assert.Contains(t, string(f.Data), words.In("zh", "demo_note"), f.Path)
			assert.Contains(t, string(f.Data), `<html lang="zh">`, f.Path)
		}
	}
	small := newSmall(t, "en")
	files, err = Build(small.p, small.s, small.rep).Files()
	require.NoError(t, err)
	assert.NotContains(t, string(fileData(t, files, IndexName)), words.In("en", "demo_note"))
}

func TestPageShowsOnlyTheTraineesOwn(t *testing.T) {
	f := newSmall(t, "en")
	// What else a group's measures hold stays off the page: the phases,
	// injects and silent members of the log are the trainer's.
	m := f.rep.Rounds[0].Groups[0].Measures
	m.Rhythm.Phases = []measure.PhaseTime{{Phase: 1, ID: "phase-for-the-trainer", Title: "A phase only the trainer reads"}}
	m.Rhythm.Injects = []measure.InjectResponse{{ID: "inject-for-the-trainer"}}
	m.Participation.Silent = []string{"T3"}
	m.Participation.Interruptions = 987
	c := Build(f.p, f.s, f.rep)
	files, err := c.Files()
	require.NoError(t, err)
	t1 := trainee(t, c, "T1")
	page := string(fileData(t, files, t1.Page))
	data := string(fileData(t, files, t1.Data))
	assert.Contains(t, page, "30%")
	assert.Contains(t, page, "25%")
	assert.Contains(t, data, `"share": 0.3,`)
	for _, other := range []string{"47%", "23%", "44%", "31%"} {
		assert.NotContains(t, page, other, "another member's share")
	}
	for _, other := range []string{"0.47", "0.23", "0.44", "0.31"} {
		assert.NotContains(t, data, other, "another member's share")
	}
	for _, name := range []string{"Bo Wang", "Cai Min", "Eve Sun", "Dan Zhou"} {
		assert.NotContains(t, page, name, "another member's name")
	}
	assert.NotContains(t, page, smallTexts["en"]["recorder"], "a note that names another role only")
	assert.NotContains(t, page, smallTexts["en"]["nobody"], "a note that names no role")
	for _, doc := range []string{page, data} {
		for _, s := range []string{"phase-for-the-trainer", "A phase only the trainer reads", "inject-for-the-trainer", "987", "silent"} {
			assert.NotContains(t, doc, s)
		}
	}
	out := string(fileData(t, files, trainee(t, c, "T6").Page))
	assert.Contains(t, out, words.In("en", "out_absent"))
}

// TestUnassignedRole shows a member with no role as such, not as a blank.
func TestUnassignedRole(t *testing.T) {
	s := bundled(t, "elevator-retrofit")
	p := &plan.Plan{Version: 1, Kind: plan.Kind, Scenario: plan.ScenarioRef{ID: s.ID}, Rounds: []plan.Round{{Round: 1, Groups: []plan.Group{{Group: 1, Members: []plan.Member{{ID: "T1", Name: "Ann"}}}}}}}
	c := Build(p, s, review.BuildReport(p, s, nil))
	files, err := c.Files()
	require.NoError(t, err)
	assert.Contains(t, string(fileData(t, files, c.Trainees[0].Page)), words.In("en", "no_role"))
}

// TestNamelessTrainee links a trainee the plan gives no name by their id,
// so the index has no empty link.
func TestNamelessTrainee(t *testing.T) {
	s := bundled(t, "elevator-retrofit")
	p := &plan.Plan{Version: 1, Kind: plan.Kind, Scenario: plan.ScenarioRef{ID: s.ID}, Rounds: []plan.Round{{Round: 1, Groups: []plan.Group{{Group: 1, Members: []plan.Member{{ID: "T9", Role: "host"}}}}}}}
	c := Build(p, s, review.BuildReport(p, s, nil))
	files, err := c.Files()
	require.NoError(t, err)
	assert.Contains(t, string(fileData(t, files, IndexName)), `<a href="trainees/T9.html">T9</a>`)
	assert.Contains(t, string(fileData(t, files, "trainees/T9.html")), "<h1>T9 — ")
}

// TestTraineePageLinksNowhere: a trainee's page is handed to the trainee,
// so it links to nothing, least of all the cohort view, which links to
// every other trainee's page; the index still links to every page, for
// the trainer.
func TestTraineePageLinksNowhere(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			f := newSmall(t, lang)
			c := Build(f.p, f.s, f.rep)
			files, err := c.Files()
			require.NoError(t, err)
			index := string(fileData(t, files, IndexName))
			require.NotEmpty(t, c.Trainees)
			for _, tr := range c.Trainees {
				page := string(fileData(t, files, tr.Page))
				assert.NotContains(t, page, "<a ", tr.Page)
				assert.NotContains(t, page, "href", tr.Page)
				assert.NotContains(t, page, IndexName, tr.Page)
			}
			assert.Equal(t, len(c.Trainees), strings.Count(index, `<a href="`+TraineeDir+`/`), "the index links to every page")
		})
	}
}
