package cards_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// roundNames are the round names the timed golden plans take from their
// scenario's schedule.
var roundNames = map[string]string{"en": "Morning", "zh": "上午"}

// timedPlan is the golden plan of gc on a timed day: round 1 named and
// starting at 09:00, the groups at tables A1 and A2, and two trainees
// sitting the round out (one absent, one not attending).
func timedPlan(t *testing.T, gc int) (*plan.Plan, *scenario.Scenario) {
	t.Helper()
	c := goldenCases[gc]
	s := bundled(t, c.scenario)
	s.Schedule.Rounds = []scenario.RoundSlot{{Name: roundNames[c.lang]}}
	p := goldenPlan(s, slices.Clone(c.members))
	p.Rounds[0].Out = []plan.Out{
		{ID: "T21", Name: "白雪", Reason: plan.OutUnavailable},
		{ID: "T20", Name: "安然", Reason: plan.OutAbsent},
	}
	require.NoError(t, p.Schedule(s, plan.Timing{Start: "09:00", Break: 15, Tables: []string{"A1", "A2"}}))
	require.True(t, p.Rounds[0].Timed())
	return p, s
}

// TestPaperGolden compares the day's paper of the timed golden plan, and
// its card and master sheet, in both languages with testdata/cards. Run
// with -update to rewrite them, then read the diff.
func TestPaperGolden(t *testing.T) {
	for gc, c := range goldenCases {
		t.Run(c.lang, func(t *testing.T) {
			p, s := timedPlan(t, gc)
			files, err := cards.Paper(p, s, 0)
			require.NoError(t, err)
			require.Len(t, files, 4)
			for i, base := range []string{cards.SlipsName, cards.SignsName, cards.DoorListName, cards.RunSheetName} {
				assert.Equal(t, base+".html", files[i].Path)
				checkGolden(t, filepath.Join("testdata", "cards", fmt.Sprintf("%s-%s.html", base, c.lang)), files[i].Data)
			}
			card, err := cards.RenderCard(cards.Build(p, s, 0)[1], cards.FormatHTML)
			require.NoError(t, err)
			checkGolden(t, filepath.Join("testdata", "cards", "card-timed-"+c.lang+".html"), card)
			for _, format := range []string{cards.FormatHTML, cards.FormatText} {
				master, err := cards.RenderMaster(cards.Master(p, s, 0), format)
				require.NoError(t, err)
				checkGolden(t, filepath.Join("testdata", "cards", "master-timed-"+c.lang+"."+format), master)
			}
		})
	}
}

// TestTimedCard: a timed day puts the round's clock and the group's table
// on the card in every format, and an untimed plan keeps them off.
func TestTimedCard(t *testing.T) {
	p, s := timedPlan(t, 0)
	c := cards.Build(p, s, 0)[1]
	assert.Equal(t, "A2", c.Table)
	assert.Equal(t, "Morning · 09:00–10:15", c.When())
	require.NotEmpty(t, c.Agenda)
	assert.Equal(t, "09:00–09:05", c.Agenda[0].Clock)
	assert.Equal(t, "09:05–09:17 (0:05–0:17)", c.Agenda[1].Time())
	for _, format := range cards.Formats {
		data, err := cards.RenderCard(c, format)
		require.NoError(t, err)
		assert.Contains(t, string(data), "09:05–09:17", format)
		if format != cards.FormatJSON {
			assert.Contains(t, string(data), "Table A2", format)
			assert.Contains(t, string(data), "Morning · 09:00–10:15", format)
		} else {
			assert.Contains(t, string(data), `"table": "A2"`)
		}
	}

	untimed := cards.Build(goldenPlan(s, goldenCases[0].members), s, 0)[1]
	assert.Empty(t, untimed.Table)
	assert.Empty(t, untimed.When())
	for _, ph := range untimed.Agenda {
		assert.Empty(t, ph.Clock)
	}
	for _, format := range cards.Formats {
		data, err := cards.RenderCard(untimed, format)
		require.NoError(t, err)
		assert.NotContains(t, string(data), "Table ", format)
		assert.NotContains(t, string(data), "09:", format)
	}
}

// TestMasterSheetLayout: each round starts a page, a group keeps to one,
// and the inject schedule comes after the groups.
func TestMasterSheetLayout(t *testing.T) {
	p, s := timedPlan(t, 1)
	data, err := cards.RenderMaster(cards.Master(p, s, 0), cards.FormatHTML)
	require.NoError(t, err)
	h := string(data)
	assert.Contains(t, h, ".round, .injects { page-break-before: always; break-before: page; }")
	assert.Contains(t, h, ".group, .inject { page-break-inside: avoid; break-inside: avoid; }")
	rounds, injects := strings.Index(h, `<section class="round">`), strings.Index(h, `<section class="injects">`)
	require.Positive(t, rounds)
	assert.Greater(t, injects, strings.LastIndex(h, `<div class="group">`), "the inject schedule follows the last group")
	assert.Contains(t, h, "<h3>第 2 组 · 桌号 A2</h3>")
	assert.Contains(t, h, "<h2>第 1 轮 · 上午 · 09:00–10:30</h2>")
	assert.Contains(t, h, "第 1 轮 · 第 2 组 · 桌号 A2 · <strong>09:20</strong>", "when to hand an inject over, per group")
}

func TestSlips(t *testing.T) {
	p, s := timedPlan(t, 0)
	slips := cards.Slips(p, s, 0)
	// A slip for each group in which someone plays a role the inject is
	// for, and none for the others.
	var want int
	for _, in := range s.Injects {
		for _, r := range p.InjectRecipients(in, 0) {
			if len(r.Members) > 0 {
				want++
			}
		}
	}
	require.Len(t, slips, want)
	require.NotEmpty(t, slips)
	require.Less(t, want, len(s.Injects)*2, "some group receives some inject from nobody, so the test sees a slip left out")
	for i, sl := range slips {
		assert.Equal(t, fmt.Sprintf("A%d", sl.Group), sl.Table)
		assert.True(t, sl.Timed())
		if i > 0 {
			prev := slips[i-1]
			assert.True(t, prev.Offset < sl.Offset || prev.Offset == sl.Offset && prev.Group < sl.Group, "in the order they fall due, group by group")
		}
	}
	first := slips[0]
	in := s.Injects[0]
	assert.Equal(t, p.Rounds[0].Clock(in.At.Minutes()), first.At)
	assert.Equal(t, scenario.Clock(in.At.Minutes()), first.Offset)
	require.Len(t, first.To, 1)
	assert.Equal(t, "T03", first.To[0].ID)
	assert.Equal(t, s.RoleTitle(in.To[0]), first.To[0].RoleTitle)

	t.Run("untimed", func(t *testing.T) {
		u := cards.Slips(goldenPlan(s, goldenCases[0].members), s, 0)
		require.NotEmpty(t, u)
		assert.Equal(t, u[0].Offset, u[0].At, "an untimed day hands slips over by the time into the round")
		assert.False(t, u[0].Timed())
		data, err := cards.RenderSlips(s.Language, u)
		require.NoError(t, err)
		assert.Contains(t, string(data), "hand over "+u[0].Offset+" into the round")
	})
	t.Run("pages", func(t *testing.T) {
		many := slices.Repeat(slips, 3) // more than one page's worth
		data, err := cards.RenderSlips(s.Language, many)
		require.NoError(t, err)
		h := string(data)
		assert.Equal(t, len(many), strings.Count(h, `<div class="slip fit">`))
		assert.Equal(t, (len(many)+cards.SlipsPerPage-1)/cards.SlipsPerPage, strings.Count(h, `<section class="page">`))
		for _, want := range []string{"size: A4", "break-after: page", "break-inside: avoid", "dashed", "Noto Sans CJK SC"} {
			assert.Contains(t, h, want)
		}
		assertOffline(t, h)
	})
	t.Run("no injects", func(t *testing.T) {
		data, err := cards.RenderSlips("zh", nil)
		require.NoError(t, err)
		assert.Contains(t, string(data), "本情景没有安排情景注入。")
	})
}

// TestSlipsKeepConfidences: a slip holds its inject's text and nothing a
// trainee may not see: no trainer note, no confidential brief, no other
// inject, in any bundled scenario.
func TestSlipsKeepConfidences(t *testing.T) {
	for _, id := range []string{"elevator-retrofit", "shared-parking-charging", "property-fee-dispute", "square-dance-noise"} {
		t.Run(id, func(t *testing.T) {
			s := bundled(t, id)
			p := samplePlan(t, s, nil, 2)
			slips := cards.Slips(p, s, 0)
			require.NotEmpty(t, slips)
			texts := map[string]string{}
			for _, in := range s.Injects {
				texts[in.ID] = squash(scenario.OneLine(in.Text))
			}
			var secrets []string
			for _, in := range s.Injects {
				if in.TrainerNote != "" {
					secrets = append(secrets, in.TrainerNote)
				}
			}
			for _, r := range s.Roles {
				if r.Confidential != "" {
					secrets = append(secrets, r.Confidential)
				}
			}
			require.NotEmpty(t, secrets)
			for _, sl := range slips {
				data, err := cards.RenderSlips(s.Language, []cards.Slip{sl})
				require.NoError(t, err)
				text := plainText(t, cards.FormatHTML, data)
				assert.Contains(t, text, texts[sl.InjectID], "the slip shows its inject")
				for id, other := range texts {
					if id != sl.InjectID && !strings.Contains(texts[sl.InjectID], other) {
						assert.NotContains(t, text, other, "slip of %s shows inject %s", sl.InjectID, id)
					}
				}
				for _, sec := range secrets {
					for _, sent := range sentences(sec) {
						assert.NotContains(t, text, sent, "slip of %s, round %d, group %d", sl.InjectID, sl.Round, sl.Group)
					}
				}
			}
			// The test would see a trainer note: the run sheet, for the
			// trainer, has the inject's text, and the master sheet its note.
			master, err := cards.RenderMaster(cards.Master(p, s, 0), cards.FormatHTML)
			require.NoError(t, err)
			assert.Contains(t, plainText(t, cards.FormatHTML, master), squash(sentences(secrets[0])[0]))
		})
	}
}

func TestSigns(t *testing.T) {
	p, s := timedPlan(t, 1)
	signs := cards.Signs(p, s, 0)
	require.Len(t, signs, 2)
	assert.Equal(t, "A2", signs[1].Table)
	assert.Equal(t, "上午 · 09:00–10:30", signs[1].When())
	data, err := cards.RenderSigns(s.Language, signs)
	require.NoError(t, err)
	h := string(data)
	assert.Equal(t, 2, strings.Count(h, `<section class="page">`), "a page per group")
	assert.Equal(t, 2, strings.Count(h, `<div class="sign-group">第 2 组</div>`), "both faces of the tent")
	assert.Equal(t, 2, strings.Count(h, `<div class="sign-table">桌号 A2</div>`))
	assert.Contains(t, h, "transform: rotate(180deg)")
	assert.Contains(t, h, `class="fold"`)
	assert.Contains(t, h, "沿此线对折")
	assertOffline(t, h)
}

func TestDoorList(t *testing.T) {
	members := []plan.Member{
		{ID: "T01", Name: "张伟", Role: "host"},
		{ID: "T02", Name: "陈晓燕", Role: "recorder"},
		{ID: "T03", Name: "白雪"},
		{ID: "T04", Name: "安然"},
		{ID: "T05", Name: "Zoe Wu"},
		{ID: "T06", Name: "ann lee"},
		{ID: "T07", Name: "Bob"},
		{ID: "T09", Name: "王芳"},
		{ID: "T08", Name: "王芳"},
	}
	s := bundled(t, "shared-parking-charging")
	p := goldenPlan(s, members)
	p.Rounds[0].Out = []plan.Out{{ID: "T30", Name: "郑强", Reason: plan.OutAbsent}, {ID: "T31", Name: "丁一", Reason: plan.OutUnavailable}}
	lists := cards.DoorLists(p, s, 0)
	require.Len(t, lists, 1)
	var names []string
	for _, e := range lists[0].Entries {
		names = append(names, e.Name+"/"+e.ID)
	}
	assert.Equal(t, []string{"ann lee/T06", "Bob/T07", "Zoe Wu/T05", "安然/T04", "白雪/T03", "陈晓燕/T02", "王芳/T08", "王芳/T09", "张伟/T01"}, names,
		"Latin names alphabetically, then Chinese names in pinyin order; one name twice by id")
	require.Len(t, lists[0].Out, 2)
	assert.Equal(t, cards.SittingOut{ID: "T31", Name: "丁一", Reason: "不参加本轮"}, lists[0].Out[0])
	assert.Equal(t, cards.SittingOut{ID: "T30", Name: "郑强", Reason: "缺席"}, lists[0].Out[1])

	data, err := cards.RenderDoorLists(s.Language, lists)
	require.NoError(t, err)
	h := string(data)
	assert.Less(t, strings.Index(h, "张伟"), strings.Index(h, "本轮不参加"), "who sits out comes last")
	assert.Less(t, strings.Index(h, "本轮不参加"), strings.Index(h, "丁一"))
	assertOffline(t, h)
}

func TestRunSheets(t *testing.T) {
	p, s := timedPlan(t, 0)
	sheets := cards.RunSheets(p, s, 0)
	require.Len(t, sheets, 1)
	r := sheets[0]
	assert.Equal(t, "Morning · 09:00–10:15", r.When())
	require.Len(t, r.Injects, len(s.Injects))
	for _, in := range r.Injects {
		require.Len(t, in.Groups, 2, "every group, those that receive nothing too")
		assert.Equal(t, "A1", in.Groups[0].Table)
		assert.Equal(t, "A2", in.Groups[1].Table)
	}
	data, err := cards.RenderRunSheets(s.Language, sheets)
	require.NoError(t, err)
	h := string(data)
	for _, want := range []string{"Trainer only", "Run sheet · Round 1 · Morning · 09:00–10:15", "09:00–09:05", "Not in this round", "安然", "absent", "not attending this round", "nobody here plays it: no slip"} {
		assert.Contains(t, h, want)
	}
	assert.Equal(t, 1, strings.Count(h, `<section class="page">`))
	assertOffline(t, h)

	u := cards.RunSheets(goldenPlan(s, goldenCases[0].members), s, 0)
	data, err = cards.RenderRunSheets(s.Language, u)
	require.NoError(t, err)
	assert.Contains(t, string(data), "Everyone takes part in this round.")
	assert.NotContains(t, string(data), "09:")
}

// TestPaperEscapes: names, units and inject text from users are escaped
// on every page of the day's paper.
func TestPaperEscapes(t *testing.T) {
	s := bundled(t, "elevator-retrofit")
	s.Title = "<b>title</b>"
	for i := range s.Injects {
		s.Injects[i].Text = "<script>alert('inject')</script>"
	}
	members := slices.Clone(goldenCases[0].members)
	members[3].Name = "<script>alert(1)</script>"
	p := goldenPlan(s, members)
	p.Rounds[0].Out = []plan.Out{{ID: "T09", Name: "<img src=x onerror=alert(2)>", Reason: plan.OutAbsent}}
	require.NoError(t, p.Schedule(s, plan.Timing{Break: -1, Tables: []string{"<i>A1</i>", "A2"}}))
	files, err := cards.Paper(p, s, 1)
	require.NoError(t, err)
	for _, f := range files {
		assert.True(t, strings.HasPrefix(f.Path, "round-1/"), f.Path)
		h := string(f.Data)
		for _, raw := range []string{"<script>alert", "<img", "<b>title", "<i>A1"} {
			assert.NotContains(t, h, raw, f.Path)
		}
		assert.Contains(t, h, "&lt;b&gt;title&lt;/b&gt;", f.Path)
	}
	all := string(files[0].Data) + string(files[2].Data) + string(files[3].Data)
	assert.Contains(t, all, "&lt;script&gt;alert(1)&lt;/script&gt;")
	assert.Contains(t, string(files[0].Data), "&lt;script&gt;alert(&#39;inject&#39;)&lt;/script&gt;")
	assert.Contains(t, string(files[1].Data), "&lt;i&gt;A1&lt;/i&gt;")
	assert.Contains(t, string(files[2].Data), "&lt;img src=x onerror=alert(2)&gt;")

	_, err = cards.Paper(p, s, 3)
	assert.ErrorIs(t, err, scenario.ErrInvalid, "a round the plan does not have")
}

func assertOffline(t *testing.T, h string) {
	t.Helper()
	for _, bad := range []string{"http://", "https://", "<link", "@import", "@font-face", "src="} {
		assert.NotContains(t, h, bad)
	}
}

// The master sheet says what changed on the day and who sits each round
// out, so a trainer at the door can tell a no-show from a morning-only
// trainee.
func TestMasterSheetChanges(t *testing.T) {
	p, s := timedPlan(t, 1)
	p.Amendments = []plan.Amendment{{From: "0123456789ab", FromRound: 1, Absent: []string{"T20"},
		Added: &plan.RosterRef{File: "walk-ins.csv", Trainees: 2}, Swaps: []string{"T01,T02"}, Moved: 3, LowerBound: 2}}
	m := cards.Master(p, s, 0)
	require.Len(t, m.Changes, 1)
	assert.Equal(t, "从第 1 轮起；缺席：安然 T20；临时加入 2 人；互换：T01,T02；挪动了 3 个座位（任何调整都至少要挪动 2 个）", m.Changes[0].Line)
	for _, format := range []string{cards.FormatHTML, cards.FormatMarkdown, cards.FormatText} {
		data, err := cards.RenderMaster(m, format)
		require.NoError(t, err)
		assert.Contains(t, string(data), "当天的调整", format)
		assert.Contains(t, string(data), m.Changes[0].Line, format)
		assert.Contains(t, string(data), "安然 T20 · 缺席", format)
	}

	// Names from the roster are escaped in the new lines too.
	p.Rounds[0].Out[0].Name = "<script>x</script>"
	p.Amendments[0].Absent = []string{p.Rounds[0].Out[0].ID}
	data, err := cards.RenderMaster(cards.Master(p, s, 0), cards.FormatHTML)
	require.NoError(t, err)
	assert.NotContains(t, string(data), "<script>x")
	assert.Contains(t, string(data), "&lt;script&gt;x&lt;/script&gt;")
}
