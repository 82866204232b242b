package cards_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// updating reports whether the tests run with -update. The flag is defined
// in main_test.go, an internal test file that shares this test binary.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func bundled(t testing.TB, id string) *scenario.Scenario {
	t.Helper()
	data, name, err := scenarios.YAML(id)
	require.NoError(t, err)
	s, diags := scenario.ParseScenario(name, data, scenarios.Rubric)
	require.NoError(t, diags.Err())
	return s
}

// samplePlan assigns the bundled sample roster to scenario s.
func samplePlan(t testing.TB, s *scenario.Scenario, rosterData []byte, rounds int) *plan.Plan {
	t.Helper()
	if rosterData == nil {
		var err error
		rosterData, err = fs.ReadFile(scenarios.FS(), scenarios.SampleRoster)
		require.NoError(t, err)
	}
	roster, diags := roster.Parse("roster.csv", rosterData, s, roster.Options{})
	require.NoError(t, diags.Err())
	p, err := roles.Assign(context.Background(), s, roster, roles.AssignOptions{Rounds: rounds, Seed: 7, Iterations: 2000})
	require.NoError(t, err)
	return p
}

var (
	tagRE   = regexp.MustCompile(`(?s)<[^>]*>`)
	styleRE = regexp.MustCompile(`(?s)<(style|script)\b.*?</(style|script)>`)
	mdEscRE = regexp.MustCompile("\\\\([\\\\`*_\\[\\]|#+\\-=>~.)!])")
)

// plainText turns a rendered card back into its text, so that tests can
// look for a brief whatever escaping the format applies.
func plainText(t *testing.T, format string, data []byte) string {
	t.Helper()
	s := string(data)
	switch format {
	case cards.FormatHTML:
		s = html.UnescapeString(tagRE.ReplaceAllString(styleRE.ReplaceAllString(s, " "), " "))
	case cards.FormatMarkdown:
		s = html.UnescapeString(mdEscRE.ReplaceAllString(s, "$1"))
	case cards.FormatJSON:
		var v any
		require.NoError(t, json.Unmarshal(data, &v))
		var b strings.Builder
		var walk func(any)
		walk = func(v any) {
			switch v := v.(type) {
			case string:
				// A mark squash keeps: two values must not run together
				// into a number neither holds ("0:53" and "00" as 5300).
				b.WriteString(v + "\n¦")
			case []any:
				for _, x := range v {
					walk(x)
				}
			case map[string]any:
				// In the keys' order, so the text is the same every run.
				for _, k := range slices.Sorted(maps.Keys(v)) {
					walk(v[k])
				}
			}
		}
		walk(v)
		s = b.String()
	}
	return squash(s)
}

// squash drops all white space, so that text compares the same however a
// format wraps its lines (Chinese has no spaces between words).
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func prefix(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// TestCardsKeepConfidences renders every card of a three-round plan of
// every bundled scenario, and of one with stakes, bottom lines and
// trainer's notes, in every format, both as [cards.RenderCard] makes it and
// as [cards.Files] writes it, and checks that each holds its own role's
// confidential brief and no other role's, nor any inject, nor the
// trainer's notes (the zone of agreement, the possible agreement, the
// tips), nor even a sentence of one, nor any role's bottom lines. Each
// secret text is also found where it belongs (its owner's card, the master
// sheet), which shows the test would see it if it leaked.
func TestCardsKeepConfidences(t *testing.T) {
	ids := scenarios.IDs()
	require.NotEmpty(t, ids)
	load := map[string]func(testing.TB) *scenario.Scenario{}
	for _, id := range ids {
		load[id] = func(t testing.TB) *scenario.Scenario { return bundled(t, id) }
	}
	load[trainerScenario] = func(t testing.TB) *scenario.Scenario { return fromFile(t, trainerScenario) }
	for name, loadScenario := range load {
		t.Run(name, func(t *testing.T) {
			s := loadScenario(t)
			p := samplePlan(t, s, nil, 3)
			deck := cards.Build(p, s, 0)
			require.Len(t, deck, p.Roster.Trainees*3, "one card per trainee per round")
			k := newKeeper(t, s, deck)
			if name == trainerScenario {
				require.Len(t, k.secrets, countBriefs(s)+len(s.Injects)+countNotes(s.Injects)+2+len(s.Trainer.Tips), "the scenario's briefs, injects and trainer's notes")
				require.NotEmpty(t, k.bottomLines, "the scenario's bottom lines")
			}

			seen := map[string]bool{}
			for _, format := range cards.Formats {
				files, err := cards.Files(p, s, 0, format, cards.Options{})
				require.NoError(t, err)
				require.Len(t, files, len(deck)+2)
				master := plainText(t, format, files[len(files)-1].Data)
				for _, sec := range k.secrets {
					if sec.owner == "" {
						require.Contains(t, master, squash(sec.text), "%s master sheet shows the inject or trainer's note, so the test can find it", format)
					}
				}
				for i, c := range deck {
					seen[fmt.Sprintf("%d/%s", c.Round, c.TraineeID)] = true
					one, err := cards.RenderCard(c, format)
					require.NoError(t, err)
					for name, data := range map[string][]byte{"RenderCard": one, files[i].Path: files[i].Data} {
						where := fmt.Sprintf("%s card of %s (round %d, group %d, %s)", format, c.TraineeID, c.Round, c.Group, name)
						// Every format renders the same card, so the
						// sentence-by-sentence search runs on plain text; the
						// others are searched for every secret whole, and
						// for bottom lines.
						k.check(t, c, plainText(t, format, data), where, format == cards.FormatText)
					}
				}
			}
			assert.Len(t, seen, len(deck), "no trainee gets two cards in a round")
		})
	}
}

// trainerScenario is a scenario with stakes, bottom lines and trainer's
// notes.
const trainerScenario = "testdata/elevator-retrofit-trainer.yaml"

// fromFile parses the scenario at path, which must have no errors.
func fromFile(t testing.TB, path string) *scenario.Scenario {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	s, diags := scenario.ParseScenario(path, data, scenarios.Rubric)
	require.NoError(t, diags.Err())
	return s
}

func countBriefs(s *scenario.Scenario) int {
	n := 0
	for _, r := range s.Roles {
		if r.Confidential != "" {
			n++
		}
	}
	return n
}

func countNotes(injects []scenario.Inject) int {
	n := 0
	for _, in := range injects {
		if in.TrainerNote != "" {
			n++
		}
	}
	return n
}

// secret is a text a card must not show unless it is the card's own: a
// role's confidential brief (owner is the role), an inject, a trainer note
// or one of the scenario's notes for the trainer (owner is "").
type secret struct {
	owner, text string
	// whole, head and parts are text squashed, its start, and its
	// sentences, made once for the many cards searched.
	whole, head string
	parts       []string
}

// keeper knows a scenario's secrets and its public text, squashed, and the
// roles' bottom lines as a card could write them.
type keeper struct {
	secrets       []secret
	public        string
	publicNumbers map[string]bool
	bottomLines   []bottomLine
}

// bottomLine is a number a role's stakes set, written as a card's text
// could write it ("27500", "27,500"), with the role it is of.
type bottomLine struct {
	owner string
	forms []string
}

// numberRE finds the numbers of a text, with their thousands commas and
// decimal points.
var numberRE = regexp.MustCompile(`[0-9][0-9.,]*`)

// numbersIn are the numbers text writes, each whole: "27,500" and "1.85"
// as written, a comma or full stop after one (ending a sentence) left off.
func numbersIn(text string) map[string]bool {
	out := map[string]bool{}
	for _, n := range numberRE.FindAllString(text, -1) {
		out[strings.TrimRight(n, ".,")] = true
	}
	return out
}

// numberForms are the ways a text writes v: plain, and with a comma
// between thousands.
func numberForms(v float64) []string {
	plain := strconv.FormatFloat(v, 'f', -1, 64)
	forms := []string{plain}
	if whole, frac, _ := strings.Cut(plain, "."); len(whole) > 3 {
		var b strings.Builder
		for i, r := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(r)
		}
		if frac != "" {
			b.WriteString("." + frac)
		}
		forms = append(forms, b.String())
	}
	return forms
}

func newSecret(owner, text string) secret {
	return secret{owner: owner, text: text, whole: squash(text), head: squash(prefix(text, 24)), parts: sentences(text)}
}

func newKeeper(t *testing.T, s *scenario.Scenario, deck []cards.Card) keeper {
	t.Helper()
	var k keeper
	var public strings.Builder
	public.WriteString(s.Issue.Background + s.Issue.FocusQuestion + strings.Join(s.Issue.PublicFacts, ""))
	for _, r := range s.Roles {
		public.WriteString(r.Title + r.Brief + strings.Join(r.Goals, "") + strings.Join(r.Interests, ""))
		if r.Confidential != "" {
			k.secrets = append(k.secrets, newSecret(r.ID, r.Confidential))
		}
		// A bottom line of three digits or more: a smaller number (a floor,
		// a percentage) is too common in a card's text to tell.
		for _, rs := range r.Stakes {
			for _, v := range []*float64{rs.Min, rs.Max} {
				if v != nil && (*v >= 100 || *v <= -100) {
					k.bottomLines = append(k.bottomLines, bottomLine{r.ID, numberForms(*v)})
				}
			}
		}
	}
	k.public = squash(public.String())
	k.publicNumbers = numbersIn(k.public)
	for _, in := range s.Injects {
		k.secrets = append(k.secrets, newSecret("", in.Text))
		if in.TrainerNote != "" {
			k.secrets = append(k.secrets, newSecret("", in.TrainerNote))
		}
	}
	for _, note := range append([]string{s.Trainer.ZoneOfAgreement, s.Trainer.PossibleAgreement}, s.Trainer.Tips...) {
		if strings.TrimSpace(note) != "" {
			k.secrets = append(k.secrets, newSecret("", note))
		}
	}
	require.NotEmpty(t, k.secrets)

	played := map[string]bool{}
	for _, c := range deck {
		if c.Role != nil {
			played[c.Role.ID] = true
		}
	}
	for _, sec := range k.secrets {
		if sec.owner != "" {
			require.True(t, played[sec.owner], "role %s is played, so its own card shows the test can find its brief", sec.owner)
		}
	}
	return k
}

// check asserts that text, card c rendered and squashed, holds c's own
// confidential brief and no other secret: not whole, not its start, not any
// sentence of it that is not public or c's own as well.
func (k keeper) check(t *testing.T, c cards.Card, text, where string, thorough bool) {
	t.Helper()
	assert.Contains(t, text, squash(c.Name), where)
	own := ""
	if c.Role != nil {
		own = squash(c.Role.Confidential)
	}
	for _, sec := range k.secrets {
		if c.Role != nil && sec.owner == c.Role.ID {
			assert.Contains(t, text, sec.whole, "%s lacks its own confidential brief", where)
			continue
		}
		assert.NotContains(t, text, sec.whole, "%s holds another role's confidential brief or an inject", where)
		if !thorough {
			continue
		}
		if head := sec.head; !strings.Contains(k.public, head) && !strings.Contains(own, head) {
			assert.NotContains(t, text, head, "%s holds the start of a secret of %q", where, sec.owner)
		}
		for _, part := range sec.parts {
			if !strings.Contains(k.public, part) && !strings.Contains(own, part) {
				assert.NotContains(t, text, part, "%s holds a sentence of a secret of %q", where, sec.owner)
			}
		}
	}
	// A bottom line may be on a card only as the public text or the card's
	// own confidential brief writes it: looked for in every format, since
	// a field only JSON has could carry one.
	shown, mine := numbersIn(text), numbersIn(own)
	for _, bl := range k.bottomLines {
		for _, form := range bl.forms {
			if !k.publicNumbers[form] && !mine[form] {
				assert.False(t, shown[form], "%s shows role %q's bottom line %s", where, bl.owner, form)
			}
		}
	}
}

var sentenceEnd = regexp.MustCompile(`[。！？；.!?;]`)

// sentences returns the sentences of text long enough to be telling (ten
// characters or more), squashed.
func sentences(text string) []string {
	var out []string
	for _, part := range sentenceEnd.Split(text, -1) {
		if part = squash(part); utf8.RuneCountInString(part) >= 10 {
			out = append(out, part)
		}
	}
	return out
}

// hostileRoster has names and units that try to run script in a card.
const hostileRoster = `id,name,unit,background
T01,<script>alert(1)</script>,"""><img src=x onerror=alert(1)>",议事班成员
T02,王淑芬,石庄社区,议事班成员
T03,张磊,石庄社区,物业负责人
T04,陈晓燕,东关村,社工
T05,../../etc/passwd,东关村,居民代表
T06,CON,北苑社区,社区两委
T07,李海涛,北苑社区,议事班成员
T08,马凤英,南口社区,物业负责人
T09,周文斌,南口社区,社工
T10,田甜,西环村,居民代表
`

func TestCardsEscapeUserText(t *testing.T) {
	s := bundled(t, "elevator-retrofit")
	p := samplePlan(t, s, []byte(hostileRoster), 1)
	rawTags := []string{"<script>alert", "<img", "onerror=alert(1)>"}
	for _, format := range []string{cards.FormatHTML, cards.FormatMarkdown} {
		t.Run(format, func(t *testing.T) {
			files, err := cards.Files(p, s, 0, format, cards.Options{})
			require.NoError(t, err)
			var sawName, sawUnit bool
			for _, f := range files {
				body := string(f.Data)
				for _, tag := range rawTags {
					assert.False(t, strings.Contains(body, tag), "%s holds the raw %q", f.Path, tag)
				}
				if format == cards.FormatHTML {
					sawName = sawName || strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;")
					sawUnit = sawUnit || strings.Contains(body, "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;")
				} else {
					sawName = sawName || strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;")
					sawUnit = sawUnit || strings.Contains(body, "&lt;img src=x onerror=alert(1)&gt;")
				}
			}
			assert.True(t, sawName, "the escaped name is shown")
			assert.True(t, sawUnit, "the escaped unit is shown")
			master := files[len(files)-1]
			assert.Contains(t, master.Path, cards.MasterSheetName)
			assert.Contains(t, string(master.Data), "&lt;script&gt;alert(1)&lt;/script&gt;")
		})
	}
	t.Run("file names", func(t *testing.T) {
		files, err := cards.Files(p, s, 0, cards.FormatHTML, cards.Options{})
		require.NoError(t, err)
		for _, f := range files {
			assert.False(t, filepath.IsAbs(f.Path), f.Path)
			for _, el := range strings.Split(f.Path, "/") {
				assert.NotContains(t, []string{"", ".", ".."}, el, f.Path)
				assert.False(t, strings.ContainsAny(el, `<>:"\|?*`), f.Path)
				assert.Equal(t, el, cards.SafeFileName(el), "already safe: %s", f.Path)
			}
			assert.Equal(t, f.Path, filepath.ToSlash(filepath.Clean(f.Path)), "clean path")
		}
	})
	t.Run("markdown images and line breaks", func(t *testing.T) {
		// Text from users never makes an image, a link or a new line in
		// Markdown, on a card or on the master sheet.
		name := "![x](http://evil.example/t.png)\n# heading"
		es := bundled(t, "elevator-retrofit")
		ep := goldenPlan(es, []plan.Member{{ID: "T01", Name: "Ann", Role: "host"}, {ID: "T02", Name: name, Unit: "a\nb", Role: "recorder"}})
		c := cards.Build(ep, es, 0)[1]
		require.Equal(t, "T02", c.TraineeID)
		data, err := cards.RenderCard(c, cards.FormatMarkdown)
		require.NoError(t, err)
		md := string(data)
		assert.NotContains(t, md, "![")
		assert.NotContains(t, md, "\n# heading")
		assert.Contains(t, md, "# Role card — \\!\\[x\\](http\\://evil.example/t.png) # heading\n")
		assert.Contains(t, md, "| **\\!\\[x\\](http\\://evil.example/t.png) # heading (you)** | a b |", "a line break in a name or unit stays in its cell")
		data, err = cards.RenderMaster(cards.Master(ep, es, 0), cards.FormatMarkdown)
		require.NoError(t, err)
		assert.NotContains(t, string(data), "![")
		assert.Contains(t, string(data), "| T02 | \\!\\[x\\](http\\://evil.example/t.png) # heading | a b |")
	})
	t.Run("trainer's notes", func(t *testing.T) {
		// The author's notes for the trainer are escaped on the master
		// sheet like every other text, in HTML and in Markdown.
		hs := bundled(t, "elevator-retrofit")
		hs.Trainer = scenario.TrainerNotes{ZoneOfAgreement: "<script>alert(1)</script>", PossibleAgreement: "![x](http://evil.example/t.png)", Tips: []string{`"><img src=x onerror=alert(1)>`}}
		for _, format := range []string{cards.FormatHTML, cards.FormatMarkdown} {
			data, err := cards.RenderMaster(cards.Master(p, hs, 0), format)
			require.NoError(t, err)
			body := string(data)
			for _, tag := range rawTags {
				assert.NotContains(t, body, tag, format)
			}
			assert.Contains(t, body, "&lt;script&gt;alert(1)&lt;/script&gt;", format)
			if format == cards.FormatMarkdown {
				assert.NotContains(t, body, "![x]", "no image from the author's text in Markdown")
			}
		}
	})
	t.Run("json", func(t *testing.T) {
		data, err := cards.RenderCards(cards.Build(p, s, 0), cards.FormatJSON, cards.Options{})
		require.NoError(t, err)
		assert.False(t, strings.Contains(string(data), "<script"))
		var back []cards.Card
		require.NoError(t, json.Unmarshal(data, &back))
		names := map[string]string{}
		for _, c := range back {
			names[c.TraineeID] = c.Name
		}
		assert.Equal(t, "<script>alert(1)</script>", names["T01"])
	})
}

// goldenPlan is a small plan written out by hand, so that the golden files
// change only when rendering or the bundled scenario does, not when the
// grouping engine improves.
func goldenPlan(s *scenario.Scenario, members []plan.Member) *plan.Plan {
	return &plan.Plan{
		Version: 1, Kind: plan.Kind, Seed: 7,
		Scenario: plan.ScenarioRef{ID: s.ID, Title: s.Title, Language: s.Language, Source: "bundled"},
		Roster:   plan.RosterRef{File: "roster.csv", Trainees: len(members)},
		Rounds: []plan.Round{{Round: 1, Groups: []plan.Group{
			{Group: 1, Members: members[:1]},
			{Group: 2, Members: members[1:]},
		}}},
		Unmet:    []plan.Unmet{{Round: 1, Group: 2, Rule: "role", Detail: "孙桂兰 (T11) has no role"}},
		Warnings: []string{"round 1: a warning for the trainer"},
	}
}

var goldenCases = []struct {
	lang, scenario string
	members        []plan.Member
	// trainer are notes for the trainer the golden files show, whatever
	// the bundled scenario's are.
	trainer scenario.TrainerNotes
}{
	{"en", "elevator-retrofit", []plan.Member{
		{ID: "T01", Name: "王淑芬", Unit: "石庄社区", Background: "discussion-class", Role: "host"},
		{ID: "T05", Name: "赵敏", Unit: "石庄社区", Background: "social-worker", Role: "top-floor-elder"},
		{ID: "T02", Name: "刘建国", Unit: "东关村", Background: "discussion-class", Role: "host"},
		{ID: "T03", Name: "Ann Lee", Unit: "北苑社区", Background: "property-manager", Role: "ground-floor-owner"},
		{ID: "T04", Name: "陈晓燕", Unit: "南口社区", Background: "social-worker", Role: "recorder"},
		{ID: "T11", Name: "孙桂兰", Unit: "西环村", Background: "resident-rep", Role: ""},
	}, scenario.TrainerNotes{
		ZoneOfAgreement: "The ground floor asks about ¥30,000 a flat; the top floors can add to a compensation pot.\n\n" +
			"The middle floors accept a higher share only if they may pay in instalments.",
		PossibleAgreement: "¥30,000 for each ground-floor flat from the shared cost, a glass shaft, and instalments for floors 3 and 4.",
		Tips: []string{
			"Watch whether the host sums up before the vote.",
			"Release the deadline inject only once the group has a draft formula.",
		},
	}},
	{"zh", "shared-parking-charging", []plan.Member{
		{ID: "T01", Name: "王淑芬", Unit: "石庄社区", Background: "discussion-class", Role: "host"},
		// T05's remarks are on the master sheet and not on T05's card;
		// T03's background is one the scenario did not foresee.
		{ID: "T05", Name: "赵敏", Unit: "石庄社区", Background: "social-worker", Role: "old-driver", Remarks: "腿脚不便，请安排一楼教室"},
		{ID: "T02", Name: "刘建国", Unit: "东关村", Background: "discussion-class", Role: "host"},
		{ID: "T03", Name: "张磊", Unit: "北苑社区", Background: "辖区单位", Role: "ev-owner"},
		{ID: "T04", Name: "陈晓燕", Unit: "南口社区", Background: "social-worker", Role: "recorder"},
		{ID: "T11", Name: "孙桂兰", Unit: "西环村", Background: "resident-rep", Role: ""},
	}, scenario.TrainerNotes{
		ZoneOfAgreement: "物业可以让出夜间的车位，单位停车场晚上空着；\n" +
			"新能源车主愿意多出一点电费。\n\n老车主只要求不被挤出小区。",
		PossibleAgreement: "夜间共享单位车位，充电桩装在北侧，电费按度数分摊。",
		Tips:              []string{"注意主持人有没有在表决前归纳各方意见。", "等小组提出方案后再发放情景注入。"},
	}},
}

// TestCardGolden compares one card (T05's, round 1, group 2), the file of
// all cards (the first two) and the master sheet in every format and both languages with the files in
// testdata/cards. Run with -update to rewrite them, then read the diff.
func TestCardGolden(t *testing.T) {
	for _, gc := range goldenCases {
		s := bundled(t, gc.scenario)
		require.Equal(t, gc.lang, s.Language)
		s.Trainer = gc.trainer
		p := goldenPlan(s, gc.members)
		deck := cards.Build(p, s, 0)
		require.Len(t, deck, len(gc.members))
		card := deck[1]
		require.Equal(t, "T05", card.TraineeID)
		for _, format := range cards.Formats {
			t.Run(gc.lang+"/"+format, func(t *testing.T) {
				got, err := cards.RenderCard(card, format)
				require.NoError(t, err)
				checkGolden(t, filepath.Join("testdata", "cards", "card-"+gc.lang+"."+format), got)
				master, err := cards.RenderMaster(cards.Master(p, s, 0), format)
				require.NoError(t, err)
				checkGolden(t, filepath.Join("testdata", "cards", "master-"+gc.lang+"."+format), master)
				all, err := cards.RenderCards(deck[:2], format, cards.Options{})
				require.NoError(t, err)
				checkGolden(t, filepath.Join("testdata", "cards", "all-cards-"+gc.lang+"."+format), all)
			})
		}
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if updating() {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./roles/cards -run TestCardGolden -update to create it")
	assert.Equal(t, string(want), string(got), "%s differs (rerun with -update and review the diff)", path)
}

func TestCardContents(t *testing.T) {
	s := bundled(t, "elevator-retrofit")
	p := goldenPlan(s, goldenCases[0].members)
	deck := cards.Build(p, s, 0)
	c := deck[1]
	assert.Equal(t, 1, c.Round)
	assert.Equal(t, 2, c.Group)
	assert.Equal(t, "0:00", c.Agenda[0].Start)
	assert.Equal(t, "0:05", c.Agenda[0].End)
	assert.Equal(t, "0:05", c.Agenda[1].Start)
	assert.Equal(t, "Council host", c.Agenda[0].LedBy)
	require.NotNil(t, c.Role)
	assert.Equal(t, "stakeholder", c.Role.Function)
	assert.NotEmpty(t, c.Role.Confidential)
	require.Len(t, c.Members, 5)
	assert.True(t, c.Members[0].You)
	assert.Equal(t, "Council host", c.Members[1].RoleTitle)
	assert.Equal(t, "", c.Members[4].RoleTitle, "an unfilled role shows as such")

	t.Run("unassigned", func(t *testing.T) {
		u := deck[5]
		require.Equal(t, "T11", u.TraineeID)
		assert.Nil(t, u.Role)
		for _, format := range cards.Formats {
			data, err := cards.RenderCard(u, format)
			require.NoError(t, err)
			if format != cards.FormatJSON {
				assert.Contains(t, string(data), "The trainer will assign your role", format)
			} else {
				assert.Contains(t, string(data), `"role": null`)
			}
		}
	})
	t.Run("list items on one line", func(t *testing.T) {
		// A fact or goal written as a block of several lines stays one
		// bullet: the text card indents it, Markdown folds it.
		ls := bundled(t, "elevator-retrofit")
		ls.Issue.PublicFacts = []string{"First  fact,\nwritten on\ttwo lines.", "Second fact."}
		ls.Roles[0].Goals = []string{"A goal\n  that wraps."}
		lc := cards.Build(goldenPlan(ls, []plan.Member{{ID: "T01", Name: "Ann", Role: ls.Roles[0].ID}, {ID: "T02", Name: "Bo"}}), ls, 0)[0]
		assert.Equal(t, []string{"First fact, written on two lines.", "Second fact."}, lc.PublicFacts)
		assert.Equal(t, []string{"A goal that wraps."}, lc.Role.Goals)
		data, err := cards.RenderCard(lc, cards.FormatText)
		require.NoError(t, err)
		assert.Contains(t, string(data), "\n  - First fact, written on two lines.\n  - Second fact.\n")
		assert.Contains(t, string(data), "\n    - A goal that wraps.\n")
	})
	t.Run("member without a unit", func(t *testing.T) {
		// No empty ", " where a roster row has no unit.
		nc := cards.Build(goldenPlan(s, []plan.Member{{ID: "T01", Name: "Ann", Role: "host"}, {ID: "T02", Name: "Bo", Role: "recorder"}}), s, 0)[1]
		data, err := cards.RenderCard(nc, cards.FormatText)
		require.NoError(t, err)
		assert.Contains(t, string(data), "\n  - Bo (you) — Recorder\n")
	})
	t.Run("zh labels", func(t *testing.T) {
		zs := bundled(t, "shared-parking-charging")
		zc := cards.Build(goldenPlan(zs, goldenCases[1].members), zs, 0)
		data, err := cards.RenderCard(zc[1], cards.FormatHTML)
		require.NoError(t, err)
		for _, want := range []string{"保密 — 仅限本人", "角色卡", "本组成员", "议程", `lang="zh-Hans"`} {
			assert.Contains(t, string(data), want)
		}
		data, err = cards.RenderCard(zc[5], cards.FormatText)
		require.NoError(t, err)
		assert.Contains(t, string(data), "培训师将在演练开始前为你指定角色")
	})
	t.Run("html is print-ready and offline", func(t *testing.T) {
		data, err := cards.RenderCard(c, cards.FormatHTML)
		require.NoError(t, err)
		h := string(data)
		for _, want := range []string{"size: A4", "break-after: page", "Noto Sans CJK SC", "Microsoft YaHei", "Confidential — for you only", `class="cut tl"`} {
			assert.Contains(t, h, want)
		}
		for _, bad := range []string{"http://", "https://", "<link", "@import", "@font-face", "src="} {
			assert.NotContains(t, h, bad)
		}
		a5, err := cards.RenderCards([]cards.Card{c}, cards.FormatHTML, cards.Options{Paper: cards.PaperA5})
		require.NoError(t, err)
		assert.Contains(t, string(a5), "size: A5")
		_, err = cards.RenderCards([]cards.Card{c}, cards.FormatHTML, cards.Options{Paper: "letter"})
		assert.ErrorIs(t, err, scenario.ErrInvalid)
		var pe *scenario.MessageError
		require.ErrorAs(t, err, &pe, "the refusal keeps its message, for the CLI to print in the reader's language")
		assert.Equal(t, scenario.Msg("unknown paper %q (use a5 or a4)", "letter"), pe.Message())
		assert.EqualError(t, err, `invalid input: unknown paper "letter" (use a5 or a4)`)
		_, err = cards.RenderCard(c, "pdf")
		assert.ErrorIs(t, err, scenario.ErrInvalid)
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, `unknown format "pdf" (use html, md, txt, json)`, pe.Message().String())
	})
}

func TestMasterSheet(t *testing.T) {
	s := bundled(t, "elevator-retrofit")
	p := goldenPlan(s, goldenCases[0].members)
	m := cards.Master(p, s, 0)
	assert.Equal(t, 6, m.Trainees)
	require.Len(t, m.Injects, len(s.Injects))
	// value-rumour goes to the ground-floor owner: Ann Lee in group 2.
	in := m.Injects[0]
	assert.Equal(t, "0:22", in.At)
	assert.Equal(t, []cards.InjectRecipients{
		{Round: 1, Group: 1, Names: []string{}},
		{Round: 1, Group: 2, Names: []string{"Ann Lee (T03)"}},
	}, in.Recipients)
	// deadline-moves goes to the host and the street-office liaison.
	assert.Equal(t, []string{"王淑芬 (T01)"}, m.Injects[1].Recipients[0].Names)
	for _, format := range cards.Formats {
		data, err := cards.RenderMaster(m, format)
		require.NoError(t, err)
		text := plainText(t, format, data)
		if format == cards.FormatJSON {
			assert.Contains(t, text, squash(trainerNotice["en"]), format)
		} else {
			assert.Contains(t, text, squash("Trainer only — not for trainees / 仅限培训师"), format)
		}
		for _, inj := range s.Injects {
			assert.Contains(t, text, squash(inj.Text), "%s master sheet holds every inject", format)
		}
		assert.Contains(t, text, squash("孙桂兰 (T11) has no role"), "%s master sheet lists unmet rules", format)
	}
}

// TestRemarksReachOnlyTheMasterSheet: the roster's remarks (备注) are the
// trainer's: the master sheet shows them in every format, with a
// background the scenario did not foresee by its label, and no card, in
// no format, alone or in the file of every card, shows them.
func TestRemarksReachOnlyTheMasterSheet(t *testing.T) {
	const secret = "腿脚不便请安排一楼教室"
	for _, gc := range goldenCases {
		s := bundled(t, gc.scenario)
		members := slices.Clone(gc.members)
		members[1].Remarks = secret
		members[2].Background = "辖区单位" // a background the scenario did not foresee
		p := goldenPlan(s, members)
		for _, format := range cards.Formats {
			master, err := cards.RenderMaster(cards.Master(p, s, 0), format)
			require.NoError(t, err)
			text := plainText(t, format, master)
			assert.Contains(t, text, secret, "%s/%s: the master sheet shows the remarks", gc.lang, format)
			assert.Contains(t, text, "辖区单位", "%s/%s: the master sheet shows the new background's label", gc.lang, format)

			files, err := cards.Files(p, s, 0, format, cards.Options{})
			require.NoError(t, err)
			require.Len(t, files, len(members)+2)
			for _, f := range files[:len(files)-1] { // every card, and all of them in one file
				assert.NotContains(t, plainText(t, format, f.Data), secret, "%s/%s shows the remarks", gc.lang, f.Path)
				assert.NotContains(t, string(f.Data), secret, "%s/%s holds the remarks", gc.lang, f.Path)
			}
			assert.Contains(t, string(files[len(files)-1].Data), secret, "the last file is the master sheet")
		}
	}
	// Without remarks the master sheet has no remarks column.
	s := bundled(t, "shared-parking-charging")
	plain := slices.Clone(goldenCases[1].members)
	for i := range plain {
		plain[i].Remarks = ""
	}
	md, err := cards.RenderMaster(cards.Master(goldenPlan(s, plain), s, 0), cards.FormatMarkdown)
	require.NoError(t, err)
	assert.NotContains(t, string(md), "报名备注")
}

// trainerNotice (JSON) and trainerMark (HTML, Markdown, text) are what the
// master sheet says about itself, printNotice what the file of every card
// says on each card, in each language.
var (
	trainerNotice = map[string]string{
		"en": "For the trainer only: this sheet shows who plays which role and every inject. Do not give it to trainees.",
		"zh": "仅限培训师：本表列出每位学员扮演的角色和全部情景注入，请勿发给学员。",
	}
	trainerMark = map[string]string{
		"en": "Trainer only — not for trainees / 仅限培训师",
		"zh": "仅限培训师 — 请勿发给学员 / Trainer only",
	}
	printNotice = map[string]string{
		"en": "For printing only: this file holds every trainee's confidential brief. Cut the cards apart; never hand out or send the file.",
		"zh": "仅供打印：本文件含全体学员的保密说明。打印后裁开分发，请勿整份转交或发送本文件。",
	}
)

// TestMasterSheetSaysTrainerOnly: the master sheet says it is for the
// trainer only in every format; in JSON as its first two fields.
func TestMasterSheetSaysTrainerOnly(t *testing.T) {
	for _, gc := range goldenCases {
		s := bundled(t, gc.scenario)
		m := cards.Master(goldenPlan(s, gc.members), s, 0)
		assert.True(t, m.TrainerOnly)
		assert.Equal(t, trainerNotice[gc.lang], m.Notice)
		for _, format := range cards.Formats {
			t.Run(gc.lang+"/"+format, func(t *testing.T) {
				data, err := cards.RenderMaster(m, format)
				require.NoError(t, err)
				if format != cards.FormatJSON {
					assert.Contains(t, plainText(t, format, data), squash(trainerMark[gc.lang]))
					return
				}
				head := "{\n  \"trainer_only\": true,\n  \"notice\": " + strconv.Quote(trainerNotice[gc.lang]) + ",\n"
				assert.True(t, strings.HasPrefix(string(data), head), "the JSON opens with its mark:\n%s", prefix(string(data), 200))
			})
		}
		// A sheet put together by hand is marked all the same.
		data, err := cards.RenderMaster(cards.MasterSheet{Language: gc.lang}, cards.FormatJSON)
		require.NoError(t, err)
		var back map[string]any
		require.NoError(t, json.Unmarshal(data, &back))
		assert.Equal(t, true, back["trainer_only"])
		assert.Equal(t, trainerNotice[gc.lang], back["notice"])
	}
}

// TestAllCardsSayPrintOnly: the file of every card says on each of its
// pages (HTML) or cards (Markdown, text, JSON) that it holds everyone's
// confidential brief and is for printing only; a trainee's own card does
// not say it.
func TestAllCardsSayPrintOnly(t *testing.T) {
	for _, gc := range goldenCases {
		s := bundled(t, gc.scenario)
		p := goldenPlan(s, gc.members)
		deck := cards.Build(p, s, 0)
		notice := squash(printNotice[gc.lang])
		for _, format := range cards.Formats {
			t.Run(gc.lang+"/"+format, func(t *testing.T) {
				all, err := cards.RenderCards(deck, format, cards.Options{})
				require.NoError(t, err)
				sections := cardSections(t, format, all)
				require.Len(t, sections, len(deck))
				for i, sec := range sections {
					assert.Equal(t, 1, strings.Count(plainText(t, format, sec), notice), "card %d of all-cards says it once", i+1)
					if format == cards.FormatHTML {
						// In the margin, outside the card: the cut card a
						// trainee gets does not carry it.
						at, sheet := bytes.Index(sec, []byte(`class="print-notice"`)), bytes.Index(sec, []byte(`<div class="sheet">`))
						assert.True(t, at >= 0 && at < sheet, "card %d: the notice is printed outside the card", i+1)
					}
				}
				files, err := cards.Files(p, s, 0, format, cards.Options{})
				require.NoError(t, err)
				for _, f := range files[:len(files)-2] {
					assert.NotContains(t, plainText(t, format, f.Data), notice, "%s is one trainee's card", f.Path)
				}
				assert.Equal(t, len(deck), strings.Count(plainText(t, format, files[len(files)-2].Data), notice), "all-cards says it on every card")
				for _, c := range deck {
					one, err := cards.RenderCard(c, format)
					require.NoError(t, err)
					assert.NotContains(t, plainText(t, format, one), notice, "RenderCard of %s", c.TraineeID)
					assert.NotContains(t, string(one), "print-notice", "RenderCard of %s", c.TraineeID)
				}
			})
		}
	}
}

// TestMasterSheetSaysWhenNobodyReceives: an inject aimed at roles a group
// lacks reaches no one there, and the master sheet tells the trainer so on
// that group's line, in the scenario's language, for one role or several.
func TestMasterSheetSaysWhenNobodyReceives(t *testing.T) {
	nobody := map[string][2]string{
		"en": {"(nobody in this group plays the role, so no one here receives this inject)",
			"(nobody in this group plays any of these roles, so no one here receives this inject)"},
		"zh": {"（本组无人扮演该角色，此事件在本组无人接收）", "（本组无人扮演上述任一角色，此事件在本组无人接收）"},
	}
	for _, gc := range goldenCases {
		s := bundled(t, gc.scenario)
		// Group 1 has only a recorder: an inject for the host and another
		// role reaches nobody there.
		members := append([]plan.Member{{ID: "T09", Name: "周文斌", Unit: "南口社区", Role: "recorder"}}, gc.members[1:]...)
		m := cards.Master(goldenPlan(s, members), s, 0)
		want := map[string]int{}
		for _, in := range m.Injects {
			for _, r := range in.Recipients {
				if len(r.Names) == 0 {
					want[nobody[gc.lang][min(len(in.To), 2)-1]]++
				}
			}
		}
		require.NotZero(t, want[nobody[gc.lang][0]], "the plan has a group without an inject's one role")
		require.NotZero(t, want[nobody[gc.lang][1]], "the plan has a group without any of an inject's roles")
		for _, format := range []string{cards.FormatHTML, cards.FormatMarkdown, cards.FormatText} {
			t.Run(gc.lang+"/"+format, func(t *testing.T) {
				data, err := cards.RenderMaster(m, format)
				require.NoError(t, err)
				text := plainText(t, format, data)
				for line, n := range want {
					assert.Equal(t, n, strings.Count(text, squash(line)), "%q once per group it concerns", line)
				}
				if format == cards.FormatHTML {
					assert.Contains(t, string(data), `<em class="nobody">`+html.EscapeString(nobody[gc.lang][0])+`</em>`)
				}
			})
		}
	}
}

func TestCardFiles(t *testing.T) {
	s := bundled(t, "elevator-retrofit")
	p := goldenPlan(s, goldenCases[0].members)
	files, err := cards.Files(p, s, 0, cards.FormatHTML, cards.Options{})
	require.NoError(t, err)
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	// A card is named by its role's title, as the trainer reads it on the
	// card, in the scenario's language; the folders keep their ids.
	assert.Equal(t, []string{
		"round-1/group-1/T01-王淑芬-Council_host.html",
		"round-1/group-2/T05-赵敏-Mr_Zhao_flat_602_(retired_78).html",
		"round-1/group-2/T02-刘建国-Council_host.html",
		"round-1/group-2/T03-Ann_Lee-Ms_Sun_flat_101_(ground_floor).html",
		"round-1/group-2/T04-陈晓燕-Recorder.html",
		"round-1/group-2/T11-孙桂兰-unassigned.html",
		"all-cards.html",
		"master-sheet-TRAINER-ONLY.html",
	}, paths)

	zs := bundled(t, "shared-parking-charging")
	zfiles, err := cards.Files(goldenPlan(zs, goldenCases[1].members), zs, 0, cards.FormatText, cards.Options{})
	require.NoError(t, err)
	paths = nil
	for _, f := range zfiles {
		paths = append(paths, f.Path)
	}
	assert.Equal(t, []string{
		"round-1/group-1/T01-王淑芬-议事会主持人.txt",
		"round-1/group-2/T05-赵敏-老住户车主_马师傅.txt",
		"round-1/group-2/T02-刘建国-议事会主持人.txt",
	}, paths[:3])
	assert.Equal(t, "round-1/group-2/T11-孙桂兰-待指定.txt", paths[5])

	files, err = cards.Files(p, s, 1, cards.FormatMarkdown, cards.Options{})
	require.NoError(t, err)
	assert.Equal(t, "round-1/all-cards.md", files[len(files)-2].Path)
	assert.Equal(t, "round-1/master-sheet-TRAINER-ONLY.md", files[len(files)-1].Path)

	_, err = cards.Files(p, s, 9, cards.FormatHTML, cards.Options{})
	require.ErrorIs(t, err, scenario.ErrInvalid)
	assert.Contains(t, err.Error(), "round 9: the plan has only round 1")
	_, err = cards.Files(p, s, 0, "pdf", cards.Options{})
	require.ErrorIs(t, err, scenario.ErrInvalid)

	// Trainee ids that differ only in case get distinct files, for macOS
	// and Windows.
	twins := goldenPlan(s, []plan.Member{{ID: "z", Name: "Z", Role: "recorder"},
		{ID: "a1", Name: "X", Role: "host"}, {ID: "A1", Name: "X", Role: "host"}})
	files, err = cards.Files(twins, s, 0, cards.FormatText, cards.Options{})
	require.NoError(t, err)
	files = files[1:]
	assert.Equal(t, "round-1/group-2/a1-X-Council_host.txt", files[0].Path)
	assert.Equal(t, "round-1/group-2/A1-X-Council_host-2.txt", files[1].Path)

	// Two roles whose titles make one safe name ("A/B", "A:B") still get
	// a file each, the same way every time.
	ts := *s
	ts.Roles = slices.Clone(s.Roles)
	ts.Roles[0].Title, ts.Roles[1].Title = "A/B", "A:B"
	clash := goldenPlan(&ts, []plan.Member{{ID: "z", Name: "Z"},
		{ID: "x", Name: "X", Role: ts.Roles[0].ID}, {ID: "X", Name: "X", Role: ts.Roles[1].ID}})
	for range 2 {
		files, err = cards.Files(clash, &ts, 0, cards.FormatText, cards.Options{})
		require.NoError(t, err)
		assert.Equal(t, "round-1/group-2/x-X-A_B.txt", files[1].Path)
		assert.Equal(t, "round-1/group-2/X-X-A_B-2.txt", files[2].Path)
	}

	t.Run("all cards hold every card", func(t *testing.T) {
		deck := cards.Build(p, s, 0)
		for _, format := range cards.Formats {
			files, err := cards.Files(p, s, 0, format, cards.Options{})
			require.NoError(t, err)
			require.Len(t, files, len(deck)+2, "a card per trainee, all cards, the master sheet")
			all := files[len(files)-2]
			require.Equal(t, "all-cards."+format, all.Path)
			sections := cardSections(t, format, all.Data)
			require.Len(t, sections, len(deck), "%s: one page or section per card", format)
			for i, c := range deck {
				text := plainText(t, format, sections[i])
				assert.Contains(t, text, squash(c.Name), "%s: card %d is %s's", format, i+1, c.TraineeID)
				single := plainText(t, format, files[i].Data)
				assert.Contains(t, single, squash(c.Name), "%s: %s is %s's card", format, files[i].Path, c.TraineeID)
				if c.Role != nil && c.Role.Confidential != "" {
					assert.Contains(t, text, squash(c.Role.Confidential), "%s: card %d holds its brief", format, i+1)
					assert.Contains(t, single, squash(c.Role.Confidential), "%s: %s holds its brief", format, files[i].Path)
				}
			}
		}
	})
}

// cardSections cuts a file of several cards into one piece per card: the
// pages of HTML, the sections of Markdown and text, the elements of JSON.
func cardSections(t *testing.T, format string, data []byte) [][]byte {
	t.Helper()
	switch format {
	case cards.FormatHTML:
		parts := bytes.Split(data, []byte(`<section class="page">`))
		return parts[1:]
	case cards.FormatMarkdown:
		return bytes.Split(data, []byte("\n---\n\n"))
	case cards.FormatText:
		return bytes.Split(data, []byte("\f\n"))
	case cards.FormatJSON:
		var raw []json.RawMessage
		require.NoError(t, json.Unmarshal(data, &raw))
		out := make([][]byte, len(raw))
		for i, r := range raw {
			out[i] = r
		}
		return out
	}
	t.Fatalf("unknown format %q", format)
	return nil
}

// chromium returns the path of a Chromium on PATH, or skips the test;
// with YISHI_REQUIRE_CHROMIUM=1 a missing Chromium fails it instead.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("YISHI_REQUIRE_CHROMIUM") == "1" {
		t.Fatal("YISHI_REQUIRE_CHROMIUM=1 but no chromium or chromium-browser on PATH (apt-get install -y chromium fonts-noto-cjk)")
	}
	t.Skip("chromium is not on PATH: the print check is skipped (install chromium, or set YISHI_REQUIRE_CHROMIUM=1 to make this a failure)")
	return ""
}

// runChromium runs a headless Chromium that keeps off the network.
func runChromium(t *testing.T, bin string, args ...string) {
	t.Helper()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
	cmd := exec.Command(bin, append(base, args...)...)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "chromium: %s", out)
}

// pdfText returns the text of a PDF, with pdftotext when present.
func pdfText(t *testing.T, path string) (string, bool) {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return "", false
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	require.NoError(t, err)
	return string(out), true
}

var pageObjRE = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// pdfPages counts the pages of a PDF, with pdfinfo when present.
func pdfPages(t *testing.T, path string) int {
	t.Helper()
	if bin, err := exec.LookPath("pdfinfo"); err == nil {
		out, err := exec.Command(bin, path).Output()
		require.NoError(t, err)
		if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out); m != nil {
			n, err := strconv.Atoi(string(m[1]))
			require.NoError(t, err)
			return n
		}
	}
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return len(pageObjRE.FindAll(data, -1))
}

// TestChromiumPrint prints cards to PDF with headless Chromium and checks
// that every card fills exactly one page, on A5 and A4, in both languages.
func TestChromiumPrint(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	for _, id := range []string{"elevator-retrofit", "shared-parking-charging"} {
		s := bundled(t, id)
		p := samplePlan(t, s, nil, 1)
		deck := cards.Build(p, s, 0)
		// The longest card is the hardest to fit.
		longest := 0
		for i, c := range deck {
			if d, _ := cards.RenderCard(c, cards.FormatText); len(d) > mustLen(cards.RenderCard(deck[longest], cards.FormatText)) {
				longest = i
			}
		}
		for _, paper := range []string{cards.PaperA5, cards.PaperA4} {
			t.Run(id+"/"+paper, func(t *testing.T) {
				// The trainee's own card as Files writes it, on this paper.
				files, err := cards.Files(p, s, 0, cards.FormatHTML, cards.Options{Paper: paper})
				require.NoError(t, err)
				one := files[longest].Data
				all, err := cards.RenderCards(deck[:12], cards.FormatHTML, cards.Options{Paper: paper})
				require.NoError(t, err)
				for name, data := range map[string][]byte{"one": one, "all": all} {
					html := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.html", id, paper, name))
					pdf := strings.TrimSuffix(html, ".html") + ".pdf"
					require.NoError(t, os.WriteFile(html, data, 0o644))
					runChromium(t, bin, "--print-to-pdf="+pdf, "--no-pdf-header-footer", "file://"+html)
					want, notices := 1, 0
					if name == "all" {
						want, notices = 12, 12
					}
					assert.Equal(t, want, pdfPages(t, pdf), "%s: one page per card", pdf)
					if text, ok := pdfText(t, pdf); ok {
						assert.Equal(t, notices, strings.Count(squash(text), squash(printNotice[s.Language])), "%s: the print notice on every page of all-cards only", pdf)
					}
				}
			})
		}
	}
	// The day's paper of a timed two-round day with tables: a slip never
	// splits, so the slips take their pages of SlipsPerPage; a sign is a
	// page per group per round; a run sheet one page per round; and each
	// round's door list starts a page.
	for _, id := range []string{"elevator-retrofit", "shared-parking-charging"} {
		t.Run(id+"/paper", func(t *testing.T) {
			s := bundled(t, id)
			p := samplePlan(t, s, nil, 2)
			var tables []string
			groups := 0
			for _, rd := range p.Rounds {
				groups += len(rd.Groups)
				for len(tables) < len(rd.Groups) {
					tables = append(tables, fmt.Sprintf("A%d", len(tables)+1))
				}
			}
			require.NoError(t, p.Schedule(s, plan.Timing{Start: "09:00", Break: 15, Tables: tables}))
			files, err := cards.Paper(p, s, 0)
			require.NoError(t, err)
			slips := len(cards.Slips(p, s, 0))
			require.Greater(t, slips, cards.SlipsPerPage, "more than a page of slips")
			want := map[string]int{
				cards.SlipsName:    (slips + cards.SlipsPerPage - 1) / cards.SlipsPerPage,
				cards.SignsName:    groups,
				cards.RunSheetName: len(p.Rounds),
				cards.DoorListName: len(p.Rounds),
			}
			for _, f := range files {
				base := strings.TrimSuffix(f.Path, ".html")
				html := filepath.Join(dir, id+"-"+f.Path)
				pdf := strings.TrimSuffix(html, ".html") + ".pdf"
				require.NoError(t, os.WriteFile(html, f.Data, 0o644))
				runChromium(t, bin, "--print-to-pdf="+pdf, "--no-pdf-header-footer", "file://"+html)
				assert.Equal(t, want[base], pdfPages(t, pdf), "%s: pages", pdf)
				if text, ok := pdfText(t, pdf); ok && base == cards.SlipsName {
					first := cards.Slips(p, s, 0)[0]
					assert.Contains(t, squash(text), squash(prefix(first.Text, 20)), "%s: the slip's text is printed", pdf)
				}
			}
		})
	}
	// A picture to look at: YISHI_CARD_PNG=/tmp/card.png go test -run TestChromiumPrint
	if png := os.Getenv("YISHI_CARD_PNG"); png != "" {
		s := bundled(t, "shared-parking-charging")
		c := cards.Build(samplePlan(t, s, nil, 1), s, 0)[2]
		data, err := cards.RenderCard(c, cards.FormatHTML)
		require.NoError(t, err)
		html := filepath.Join(dir, "shot.html")
		require.NoError(t, os.WriteFile(html, bytes.ReplaceAll(data, []byte("@media screen"), []byte("@media noscreen")), 0o644))
		// 148 mm × 210 mm at 96 dpi.
		runChromium(t, bin, "--screenshot="+png, "--window-size=560,794", "--hide-scrollbars", "file://"+html)
	}
}

func mustLen(b []byte, err error) int {
	if err != nil {
		panic(err)
	}
	return len(b)
}

// TestMasterSheetTranslates: the texts a plan keeps in English (a note,
// an unmet rule and its detail, a warning) reach the master sheet through
// Options.Translate, in every format; the cards do not show them, and the
// JSON file keeps the rule's id.
func TestMasterSheetTranslates(t *testing.T) {
	s := bundled(t, "shared-parking-charging")
	members := slices.Clone(goldenCases[1].members)
	members[0].Note = "preferred recorder, but the group's required roles had to be filled first"
	p := goldenPlan(s, members)
	zh := map[string]string{
		members[0].Note:                      "希望担任 recorder，但必须先安排本组的必需角色",
		"role":                               "角色",
		"孙桂兰 (T11) has no role":              "孙桂兰（T11）没有角色",
		"round 1: a warning for the trainer": "第 1 轮：给培训师的警告",
	}
	tr := func(en string) string {
		if t, ok := zh[en]; ok {
			return t
		}
		return en
	}
	for _, format := range cards.Formats {
		files, err := cards.Files(p, s, 0, format, cards.Options{Translate: tr})
		require.NoError(t, err)
		master := plainText(t, format, files[len(files)-1].Data)
		for en, want := range zh {
			if en == "role" {
				continue
			}
			assert.Contains(t, master, squash(want), format)
			assert.NotContains(t, master, squash(en), format)
		}
		if format == cards.FormatJSON {
			assert.Contains(t, string(files[len(files)-1].Data), `"rule": "role"`, "the JSON master sheet keeps the rule's id")
		} else {
			assert.Contains(t, master, squash("角色：孙桂兰（T11）没有角色"), format)
		}
		for _, f := range files[:len(files)-1] {
			assert.NotContains(t, string(f.Data), "必需角色", "%s: a card shows no note", f.Path)
		}
	}
	// Without Translate, the master sheet shows the plan's text.
	files, err := cards.Files(p, s, 0, cards.FormatText, cards.Options{})
	require.NoError(t, err)
	assert.Contains(t, string(files[len(files)-1].Data), members[0].Note)
}

// A remark is the trainee's own text: the HTML master sheet escapes it,
// and the Markdown one keeps it inside its table cell.
func TestRemarksAreEscaped(t *testing.T) {
	s := bundled(t, "shared-parking-charging")
	members := slices.Clone(goldenCases[1].members)
	members[1].Remarks = `<script>alert(1)</script> | 下午*请假*`
	p := goldenPlan(s, members)
	html, err := cards.RenderMaster(cards.Master(p, s, 0), cards.FormatHTML)
	require.NoError(t, err)
	assert.NotContains(t, string(html), "<script>alert(1)</script>")
	assert.Contains(t, string(html), "&lt;script&gt;alert(1)&lt;/script&gt;")
	md, err := cards.RenderMaster(cards.Master(p, s, 0), cards.FormatMarkdown)
	require.NoError(t, err)
	assert.Contains(t, string(md), `\| 下午\*请假\*`, "a pipe or star in a remark neither splits the row nor styles it")
}
