package cards

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// fitBrowser starts one headless Chromium for a test, or skips the test
// when there is none; with YISHI_REQUIRE_CHROMIUM=1 (as in CI) a missing
// Chromium fails it instead.
func fitBrowser(t *testing.T) context.Context {
	t.Helper()
	exe := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		if os.Getenv("YISHI_REQUIRE_CHROMIUM") == "1" {
			t.Fatal("YISHI_REQUIRE_CHROMIUM=1 but no chromium or chromium-browser on PATH (apt-get install -y chromium fonts-noto-cjk)")
		}
		t.Skip("chromium is not on PATH: the card-length calibration is skipped (install chromium, or set YISHI_REQUIRE_CHROMIUM=1 to make this a failure)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.UserDataDir(t.TempDir()))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelBrowser(); cancelAlloc() })
	require.NoError(t, chromedp.Do(browser), "start chromium")
	// The whole test is bounded: a hung page fails it rather than CI.
	ctx, cancel := context.WithTimeout(browser, 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// measured is what the browser says of one card's sheet: the font size
// the fit script left it at, the paper's, and, at the paper's size, the
// height of its content (to the bottom of its last block, which has no
// margin below) against the sheet's.
type measured struct {
	Size, Paper     float64
	Content, Height float64
}

// Shrunk reports whether the fit script had to make the type smaller.
func (m measured) Shrunk() bool { return m.Size < m.Paper-0.01 }

// measureSheets is the script the test runs on a loaded page of cards:
// for each sheet, the font size the page's fit script left, then, with
// the type put back to the paper's size, the height of the content.
const measureSheets = `(function () {
  var out = [];
  document.querySelectorAll('.sheet').forEach(function (s) {
    var size = parseFloat(getComputedStyle(s).fontSize);
    s.style.fontSize = '';
    var paper = parseFloat(getComputedStyle(s).fontSize);
    var content = s.lastElementChild.getBoundingClientRect().bottom - s.getBoundingClientRect().top;
    out.push({Size: size, Paper: paper, Content: content, Height: s.clientHeight});
  });
  return out;
})()`

// measureCards renders cards as one HTML file on the default paper, loads
// it and measures each card's sheet.
func measureCards(t *testing.T, ctx context.Context, deck []Card) []measured {
	t.Helper()
	data, err := RenderCards(deck, FormatHTML, Options{})
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "cards.html")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("file://"+path)))
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]measured](measureSheets))
	require.NoError(t, err)
	require.Len(t, got, len(deck))
	return got
}

// everyRolePlan is a plan of one round on a timed day at tables, with a
// group for each role of s: its first member plays the role, the others
// the scenario's other roles, up to the largest group s allows, with the
// sample roster's names and units.
func everyRolePlan(t *testing.T, s *scenario.Scenario) *plan.Plan {
	t.Helper()
	size := s.Grouping.Size.Max
	if size <= 0 {
		size = defaultGroupSize
	}
	data, err := scenarios.FS().Open(scenarios.SampleRoster)
	require.NoError(t, err)
	defer data.Close()
	var people [][2]string
	buf := make([]byte, 1<<16)
	n, _ := data.Read(buf)
	for _, line := range strings.Split(string(buf[:n]), "\n")[1:] {
		if f := strings.Split(line, ","); len(f) > 2 {
			people = append(people, [2]string{f[1], f[2]})
		}
	}
	require.NotEmpty(t, people)
	p := &plan.Plan{Version: 1, Kind: plan.Kind, Seed: 7,
		Scenario: plan.ScenarioRef{ID: s.ID, Title: s.Title, Language: s.Language, Source: "bundled"}}
	rd := plan.Round{Round: 1}
	var tables []string
	k := 0
	for i, r := range s.Roles {
		g := plan.Group{Group: i + 1}
		for j := range size {
			role := s.Roles[(i+j)%len(s.Roles)].ID
			if j == 0 {
				role = r.ID
			}
			who := people[k%len(people)]
			k++
			g.Members = append(g.Members, plan.Member{ID: fmt.Sprintf("T%02d", k), Name: who[0], Unit: who[1], Role: role})
		}
		rd.Groups = append(rd.Groups, g)
		tables = append(tables, fmt.Sprintf("A%d", i+1))
	}
	p.Rounds = []plan.Round{rd}
	p.Roster.Trainees = k
	require.NoError(t, p.Schedule(s, plan.Timing{Start: "09:00", Tables: tables}))
	return p
}

// TestCardFitInBrowser holds the card-length estimate to Chromium's
// layout. For every role of every bundled scenario it renders the role's
// card, on a timed day with the largest group, and compares the height the
// estimate gives with the browser's, and the type size the fit script
// leaves with the one the estimate says it prints at. Then it cuts each card's text, from
// the end of the background on, to the longest the estimate passes:
// that card must print at the paper's type size, and the card one
// character longer, which the estimate fails, must shrink unless the
// estimate failed it by a hair. A scenario cut short fits on every card,
// and its card made too long on purpose, in English and in Chinese, is
// flagged by the estimate and shrinks in the browser.
func TestCardFitInBrowser(t *testing.T) {
	ctx := fitBrowser(t)
	p, err := paperFor("")
	require.NoError(t, err)
	room := mm(p.InnerHeight)
	fits := func(c Card) bool { return cardHeight(c, p) <= room+1 }
	for _, id := range scenarios.IDs() {
		s := parsedBundled(t, id)
		deck := roleCards(t, s)
		got := measureCards(t, ctx, deck)
		var edge []Card // the longest card the estimate passes, then one character longer
		for i, c := range deck {
			m, est := got[i], cardHeight(c, p)
			t.Logf("%s/%s: browser %.0f px (%.0f%% of the page; the fit script sets it at %.2fpx for %.2fpx), estimate %.0f px (%.0f%%)",
				id, c.Role.ID, m.Content, 100*m.Content/m.Height, m.Size, m.Paper, est, 100*est/room)
			near(t, m.Content, est, room, lineHeight*pt(p.FontSize), "%s/%s: estimate %.0f px, browser %.0f px", id, c.Role.ID, est, m.Content)
			// The type the card prints at, which the lint judges, is the
			// browser's to within two of the fit script's steps.
			assert.InDelta(t, m.Size, printedSize(c, p), 0.5, "%s/%s: the fit script sets %.2fpx, the estimate %.2fpx", id, c.Role.ID, m.Size, printedSize(c, p))
			// The card Overflows lays out is the longest the role's can be.
			assert.GreaterOrEqual(t, cardHeight(sampleCard(s, c.Role.ID, len(c.Members)), p), est-1, "%s/%s: Overflows' card is no shorter", id, c.Role.ID)
			if fits(c) {
				assert.False(t, m.Shrunk(), "%s/%s: the estimate passes the card, but the browser shrinks it", id, c.Role.ID)
				continue
			}
			k := sort.Search(cardRunes(c), func(k int) bool { return fits(cutCard(c, k)) })
			edge = append(edge, cutCard(c, k), cutCard(c, k-1))
		}
		got = measureCards(t, ctx, edge)
		for i, c := range edge {
			m, est := got[i], cardHeight(c, p)
			what := fmt.Sprintf("%s/%s cut to %.0f px by the estimate, %.0f px in the browser", id, c.Role.ID, est, m.Content)
			if i%2 == 0 {
				assert.False(t, m.Shrunk(), "%s: the estimate passes the card, but the browser shrinks it", what)
			} else if est > room+1+calibration*room {
				assert.True(t, m.Shrunk(), "%s: the estimate fails the card, but the browser fits it", what)
			}
			near(t, m.Content, est, room, lineHeight*pt(p.FontSize), "%s", what)
		}
	}

	for _, tc := range longCases {
		t.Run(tc.lang, func(t *testing.T) {
			s := shortened(t, tc.id)
			assert.Empty(t, Overflows(s), "the shortened scenario's cards fit")
			for i, m := range measureCards(t, ctx, roleCards(t, s)) {
				assert.False(t, m.Shrunk(), "%s shortened: role %s's card fits", tc.id, s.Roles[i].ID)
			}

			i := roleIndex(s, tc.role)
			require.GreaterOrEqual(t, i, 0, "%s has role %s", tc.id, tc.role)
			s.Roles[i].Confidential += "\n\n" + tc.extra
			found := Overflows(s)
			require.Len(t, found, 1, "only the lengthened role's card overflows")
			assert.Equal(t, fmt.Sprintf("roles[%d].confidential", i), found[0].Path)
			assert.Equal(t, scenario.LintCardTooLong, found[0].Check)
			assert.Equal(t, tc.role, found[0].Target)
			c := roleCards(t, s)[i]
			m := measureCards(t, ctx, []Card{c})[0]
			t.Logf("%s/%s lengthened: browser %.0f px (%.0f%%), estimate %.0f px; %s", tc.id, tc.role, m.Content, 100*m.Content/m.Height, cardHeight(c, p), found[0].Text)
			assert.True(t, m.Shrunk(), "the browser shrinks the lengthened card")
			assert.Less(t, m.Size, pt(MinCardPoints)+0.5, "and below the type a trainee can read, as the lint says")
		})
	}
}

// calibration is how far from the browser's height, as a share of the
// page, the estimate may be.
const calibration = 0.015

// near asserts that the estimated height est is the browser's to within
// calibration of the page room, or over it by at most one line more: the
// estimate sets glyphs without the font's kerning, so a line the browser
// just fits may break one word early in the estimate. It never errs the
// other way, which would let a card too long pass the lint.
func near(t *testing.T, browser, est, room, line float64, format string, args ...any) {
	t.Helper()
	d := est - browser
	assert.True(t, d >= -calibration*room && d <= calibration*room+line, "%s: the estimate is %.1f px off (at most %.1f under, %.1f over)", fmt.Sprintf(format, args...), d, calibration*room, calibration*room+line)
}

// roleCards is a card of each role of s, in the order of its roles, from
// [everyRolePlan].
func roleCards(t *testing.T, s *scenario.Scenario) []Card {
	t.Helper()
	var deck []Card
	for _, c := range Build(everyRolePlan(t, s), s, 0) {
		if c.Members[0].You { // the group's first member plays the role the group is for
			deck = append(deck, c)
		}
	}
	require.Len(t, deck, len(s.Roles))
	return deck
}

// cardRunes counts the characters [cutCard] can cut from c.
func cardRunes(c Card) int {
	n := utf8.RuneCountInString(c.Background) + utf8.RuneCountInString(c.Role.Confidential) + utf8.RuneCountInString(c.Role.Brief)
	for _, f := range c.PublicFacts {
		n += utf8.RuneCountInString(f)
	}
	return n
}

// cutCard is c with k characters cut from the end of its background, then
// of its public facts from the last, its confidential brief and its brief.
func cutCard(c Card, k int) Card {
	cut := func(s string) string {
		r := []rune(s)
		n := min(k, len(r))
		k -= n
		return strings.TrimSpace(string(r[:len(r)-n]))
	}
	role := *c.Role
	c.Role = &role
	c.Background = cut(c.Background)
	facts := slices.Clone(c.PublicFacts)
	for i := len(facts) - 1; i >= 0; i-- {
		facts[i] = cut(facts[i])
	}
	c.PublicFacts = slices.DeleteFunc(facts, func(f string) bool { return f == "" })
	role.Confidential = cut(role.Confidential)
	role.Brief = cut(role.Brief)
	return c
}
