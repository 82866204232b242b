package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// These tests run the room in this process and drive Debian's Chromium
// against it, as the phones and the trainer's laptop would. With
// YISHI_SCREENSHOTS=1 they also write the README's screenshots to
// testdata/room/.

// browserWait bounds every wait for the page: a failure, not a slow
// machine, is what makes a test reach it.
const browserWait = 45 * time.Second

// browserRoom is a room served on loopback, with the plan it runs and a
// browser to open it in.
type browserRoom struct {
	base    string
	dbPath  string
	plan    *plan.Plan
	s       *scenario.Scenario
	agenda  live.Agenda
	people  []store.Person
	browser context.Context
	// ahead is how far the room's clock is ahead of the real one, so that
	// a test can bring an inject's time without waiting for it.
	ahead atomic.Int64
	// opts serve the room; cancel stops it and done tells how it ended.
	opts   *serveOptions
	cancel context.CancelFunc
	done   chan error
}

// roomChromium is the path of Chromium; without one the test is skipped,
// or fails when YISHI_REQUIRE_CHROMIUM=1 (as in CI).
func roomChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("YISHI_REQUIRE_CHROMIUM") == "1" {
		t.Fatal("YISHI_REQUIRE_CHROMIUM=1 but no chromium or chromium-browser on PATH (apt-get install -y chromium fonts-noto-cjk)")
	}
	t.Skip("chromium is not on PATH: the room's browser tests are skipped (install chromium, or set YISHI_REQUIRE_CHROMIUM=1 to make this a failure)")
	return ""
}

// startBrowserRoom makes the demo's plan on the bundled scenario
// scenarioID, serves it with the reviewer Li, and starts a browser.
func startBrowserRoom(t *testing.T, scenarioID string) *browserRoom {
	t.Helper()
	exe := roomChromium(t)
	dir := t.TempDir()
	_, stderr, code := dayRun(t, nil, "demo", "--scenario", scenarioID, "--out", filepath.Join(dir, "demo"))
	require.Equal(t, 0, code, stderr)
	planPath := filepath.Join(dir, "demo", "plan.yaml")
	p, s, diags := plan.Load(planPath)
	require.NoError(t, diags.Err())

	r := &browserRoom{}
	now := func() time.Time { return time.Now().Add(time.Duration(r.ahead.Load())) }
	f, _, _ := testFactory(nil)
	f.Now = now
	r.opts = &serveOptions{IO: f.IO, Writer: f.writer(), Now: now, Plan: planPath,
		DB: filepath.Join(dir, "drill.db"), Addr: "127.0.0.1:0", Reviewers: []string{"Li"}}
	addr := r.serve(t)
	t.Cleanup(func() { r.stop(t) })
	opts := r.opts

	db, err := store.Open(opts.DB)
	require.NoError(t, err)
	people, err := db.People()
	require.NoError(t, err)
	require.NoError(t, db.Close())

	allocOpts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.UserDataDir(t.TempDir()))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), allocOpts...)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelBrowser(); cancelAlloc() })
	require.NoError(t, chromedp.Do(browser), "start chromium")

	r.base, r.dbPath, r.plan, r.s = "http://"+addr, opts.DB, p, s
	r.agenda, r.people, r.browser = live.AgendaOf(s), people, browser
	return r
}

// serve starts the room and says where it listens.
func (r *browserRoom) serve(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	r.opts.ctx, r.opts.ready = ctx, func(addr string) { ready <- addr }
	done := make(chan error, 1)
	go func() { done <- runServe(r.opts) }()
	r.cancel, r.done = cancel, done
	select {
	case addr := <-ready:
		return addr
	case err := <-done:
		r.cancel = nil
		t.Fatalf("the room did not start: %v", err)
	}
	return ""
}

// stop stops the room, as Ctrl-C does.
func (r *browserRoom) stop(t *testing.T) {
	t.Helper()
	if r.cancel == nil {
		return
	}
	r.cancel()
	r.cancel = nil
	assert.NoError(t, <-r.done, "the room stops cleanly")
}

// restart stops the room and serves it again at the same address.
func (r *browserRoom) restart(t *testing.T) {
	t.Helper()
	r.stop(t)
	r.opts.Addr = strings.TrimPrefix(r.base, "http://")
	require.Equal(t, r.opts.Addr, r.serve(t))
}

// person is the one of kind with id (or any of kind for "").
func (r *browserRoom) person(t *testing.T, kind, id string) store.Person {
	t.Helper()
	for _, p := range r.people {
		if p.Kind == kind && (id == "" || p.ID == id) {
			return p
		}
	}
	t.Fatalf("no %s %q in the room", kind, id)
	return store.Person{}
}

// tab is a browser of its own (cookies and storage apart from every other
// tab's) on a screen of width×height CSS px; mobile emulates a phone.
func (r *browserRoom) tab(t *testing.T, width, height int64, mobile bool) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(r.browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	var opts []chromedp.EmulateViewportOption
	if mobile {
		opts = append(opts, chromedp.EmulateScale(2), chromedp.EmulateMobile)
	}
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(width, height, opts...)))
	return ctx
}

// bounded is ctx with the deadline of one step of a test.
func bounded(t *testing.T, ctx context.Context) context.Context {
	c, cancel := context.WithTimeout(ctx, browserWait)
	t.Cleanup(cancel)
	return c
}

// open opens p's link in ctx and waits for the page it leads to.
func (r *browserRoom) open(t *testing.T, ctx context.Context, p store.Person) {
	t.Helper()
	require.NoError(t, chromedp.Do(bounded(t, ctx),
		chromedp.Navigate(r.base+"/t/"+p.Token), visible("main")))
}

func pageText(t *testing.T, ctx context.Context) string {
	t.Helper()
	s, err := chromedp.Run(bounded(t, ctx), chromedp.Evaluate[string]("document.body.innerText"))
	require.NoError(t, err)
	return s
}

// waitFor polls the page until the JavaScript predicate is true, and
// fails with what the page says if it never is.
func waitFor(t *testing.T, ctx context.Context, what, predicate string) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, browserWait)
	defer cancel()
	_, err := chromedp.Run(c, chromedp.Poll[chromedp.Void](predicate, chromedp.WithPollingInterval(100*time.Millisecond)))
	if err != nil {
		text, _ := chromedp.Run(bounded(t, ctx), chromedp.Evaluate[string]("document.body.innerText"))
		t.Fatalf("%s: %v\nthe page says:\n%s", what, err, text)
	}
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`).Replace(s) + "'"
}

func textHas(s string) string {
	return "document.body.innerText.replace(/\\s+/g, ' ').includes(" + jsString(squash(s)) + ")"
}

// squash is s with every run of white space one space, as innerText is
// compared.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// firstPara is the first paragraph of a text, as the card shows it.
func firstPara(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "\n\n"); i >= 0 {
		s = s[:i]
	}
	return squash(s)
}

func screenshots() bool { return os.Getenv("YISHI_SCREENSHOTS") == "1" }

// screenshot writes the viewport of ctx to testdata/room/name when
// YISHI_SCREENSHOTS=1.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	screenshotAt(t, ctx, name, "")
}

// screenshotAt is [screenshot] with the element sel in the middle of the
// screen ("" for the top of the page).
func screenshotAt(t *testing.T, ctx context.Context, name, sel string) {
	t.Helper()
	if !screenshots() {
		return
	}
	scroll := "window.scrollTo(0, 0), true"
	if sel != "" {
		scroll = "document.querySelector(" + jsString(sel) + ").scrollIntoView({block: 'center'}), true"
	}
	_, err := chromedp.Run(bounded(t, ctx), chromedp.Evaluate[bool](scroll))
	require.NoError(t, err)
	png, err := chromedp.Run(bounded(t, ctx), chromedp.CaptureScreenshot())
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Join("testdata", "room"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join("testdata", "room", name), png, 0o644))
}

// member is the trainee of round 1 in group g playing a role of roles
// ("" for any), with the role.
func (r *browserRoom) member(g int, roles []string) (plan.Member, bool) {
	for _, grp := range r.plan.Rounds[0].Groups {
		if grp.Group != g {
			continue
		}
		for _, m := range grp.Members {
			if roles == nil || slices.Contains(roles, m.Role) {
				return m, true
			}
		}
	}
	return plan.Member{}, false
}

func (r *browserRoom) role(t *testing.T, id string) scenario.Role {
	for _, ro := range r.s.Roles {
		if ro.ID == id {
			return ro
		}
	}
	t.Fatalf("no role %q in the scenario", id)
	return scenario.Role{}
}

// roomEnglishWords are the words of a page the scenario did not write, in
// English: none of them may be on a Chinese room's page.
var roomEnglishWords = regexp.MustCompile(`\b(Round|round|Group|group|Table|table|Start|Pause|Resume|Next|Release|Your|your|role|Agenda|agenda|Background|Confidential|confidential|Injects?|injects?|Score|score|saved|waiting|network|People|Console|running|paused|Turns|turns|Note|note|Back|back)\b`)

func checkLanguage(t *testing.T, ctx context.Context, zh bool) {
	t.Helper()
	lang, err := chromedp.Run(bounded(t, ctx), chromedp.Evaluate[string]("document.documentElement.lang"))
	require.NoError(t, err)
	if !zh {
		assert.Equal(t, "en", lang)
		return
	}
	assert.Equal(t, "zh-Hans", lang)
	text := pageText(t, ctx)
	assert.Empty(t, roomEnglishWords.FindAllString(text, -1), "a Chinese room's page speaks Chinese:\n%s", text)
}

// smallTargets are the controls of the page a finger would miss: every
// button, button-like link, level, field and choice under 48 CSS px high
// or wide, as "tag.class text (w×h)".
func smallTargets(t *testing.T, ctx context.Context) []string {
	t.Helper()
	small, err := chromedp.Run(bounded(t, ctx), chromedp.Evaluate[[]string](`
		Array.from(document.querySelectorAll("button, a.button, label.level, select, textarea, input:not([type=hidden]):not([type=radio])"))
			.filter(function (el) { var r = el.getBoundingClientRect(); return r.width > 0 && (r.width < 48 || r.height < 48); })
			.map(function (el) { var r = el.getBoundingClientRect();
				return el.tagName.toLowerCase() + "." + el.className + " " + (el.textContent || "").trim().slice(0, 20) + " (" + Math.round(r.width) + "×" + Math.round(r.height) + ")"; })`))
	require.NoError(t, err)
	return small
}

// TestRoomBrowserTraineePhone opens a trainee's link on phones 390 and 360
// px wide: the token leaves the address bar, the card is the trainee's
// own with their confidential brief and no other role's, nothing scrolls
// sideways, and the page speaks the scenario's language.
func TestRoomBrowserTraineePhone(t *testing.T) {
	for _, tc := range []struct {
		name     string
		scenario string
		zh       bool
	}{
		{name: "English", scenario: scenarios.DefaultScenario},
		{name: "Chinese", scenario: scenarios.DefaultChineseScenario, zh: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := startBrowserRoom(t, tc.scenario)
			// A trainee whose role has a confidential brief, so that
			// hiding the others' is something the page could get wrong.
			var withSecret []string
			for _, ro := range r.s.Roles {
				if strings.TrimSpace(ro.Confidential) != "" {
					withSecret = append(withSecret, ro.ID)
				}
			}
			require.GreaterOrEqual(t, len(withSecret), 2, "the scenario has confidential briefs for several roles")
			m, ok := r.member(1, withSecret)
			require.True(t, ok, "group 1 has a role with a confidential brief")
			own := r.role(t, m.Role)
			for _, width := range []int64{390, 360} {
				t.Run(fmt.Sprint(width), func(t *testing.T) {
					ctx := r.tab(t, width, 844, true)
					r.open(t, ctx, r.person(t, store.KindTrainee, m.ID))
					loc, err := chromedp.Run(bounded(t, ctx), chromedp.Location())
					require.NoError(t, err)
					assert.Equal(t, r.base+"/", loc, "the token leaves the address bar")
					text := squash(pageText(t, ctx))
					assert.Contains(t, text, m.Name)
					assert.Contains(t, text, own.Title)
					assert.Contains(t, text, firstPara(own.Confidential), "the trainee's own confidential brief")
					for _, ro := range r.s.Roles {
						if ro.ID != own.ID && strings.TrimSpace(ro.Confidential) != "" && ro.Confidential != own.Confidential {
							assert.NotContains(t, text, firstPara(ro.Confidential), "the confidential brief of %s", ro.ID)
						}
					}
					wide, err := chromedp.Run(bounded(t, ctx), chromedp.Evaluate[bool](
						"document.documentElement.scrollWidth <= window.innerWidth"))
					require.NoError(t, err)
					assert.True(t, wide, "no horizontal scroll at %d px", width)
					assert.Empty(t, smallTargets(t, ctx), "touch targets of 48 px")
					checkLanguage(t, ctx, tc.zh)
				})
			}
		})
	}
}

// panelsAre waits until every group's panel on the console has status.
func panelsAre(t *testing.T, ctx context.Context, groups int, status string) {
	t.Helper()
	waitFor(t, ctx, "every panel "+status, fmt.Sprintf(
		"document.querySelectorAll('section.panel.status-%s').length === %d", status, groups))
}

func clickAll(t *testing.T, ctx context.Context, action string) {
	t.Helper()
	require.NoError(t, chromedp.Do(bounded(t, ctx),
		click(fmt.Sprintf(`header.bar form:has(input[name=action][value=%s]) button`, action))))
}

// TestRoomBrowserConsole drives the trainer's console: all groups start,
// pause and resume; an inject released in group 1 reaches the phone of
// the role it is aimed at through the room's events, and not the phone of
// the same role in group 2; a paused group's inject waits while another
// group's comes due.
func TestRoomBrowserConsole(t *testing.T) {
	for _, tc := range []struct {
		name     string
		scenario string
		zh       bool
	}{
		{name: "English", scenario: scenarios.DefaultScenario},
		{name: "Chinese", scenario: scenarios.DefaultChineseScenario, zh: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := startBrowserRoom(t, tc.scenario)
			groups := len(r.plan.Rounds[0].Groups)
			// An inject aimed at a role played in group 1 and in group 2.
			var in live.Inject
			var to, other plan.Member
			for _, i := range r.agenda.Injects {
				m1, ok1 := r.member(1, i.To)
				m2, ok2 := r.member(2, i.To)
				if ok1 && ok2 && !i.Auto {
					in, to, other = i, m1, m2
					break
				}
			}
			require.NotEmpty(t, in.ID, "the scenario has an inject for a role of groups 1 and 2")

			phone := r.tab(t, 390, 844, true)
			r.open(t, phone, r.person(t, store.KindTrainee, to.ID))
			otherPhone := r.tab(t, 390, 844, true)
			r.open(t, otherPhone, r.person(t, store.KindTrainee, other.ID))
			for _, p := range []context.Context{phone, otherPhone} {
				_, err := chromedp.Run(bounded(t, p), chromedp.Evaluate[bool]("window.yishiStayed = true"))
				require.NoError(t, err)
				assert.NotContains(t, squash(pageText(t, p)), firstPara(in.Text), "no inject before it is released")
			}

			console := r.tab(t, 1280, 900, false)
			r.open(t, console, r.person(t, store.KindTrainer, ""))
			checkLanguage(t, console, tc.zh)
			clickAll(t, console, "start")
			panelsAre(t, console, groups, "running")
			clickAll(t, console, "pause")
			panelsAre(t, console, groups, "paused")
			waitFor(t, console, "every paused panel says so in large", fmt.Sprintf(
				"document.querySelectorAll('section.panel .paused-banner').length === %d", groups))
			checkLanguage(t, console, tc.zh)
			clickAll(t, console, "resume")
			panelsAre(t, console, groups, "running")
			banners, err := chromedp.Run(bounded(t, console), chromedp.Evaluate[int]("document.querySelectorAll('.paused-banner').length"))
			require.NoError(t, err)
			assert.Zero(t, banners, "no group is marked paused once all resume")

			require.NoError(t, chromedp.Do(bounded(t, console), click(fmt.Sprintf(
				`section.panel[data-group="1"] form:has(input[name=inject][value=%q]) button`, in.ID))))
			waitFor(t, console, "the console shows the inject released",
				fmt.Sprintf(`!document.querySelector('section.panel[data-group="1"] form:has(input[name=inject][value=%q])')`, in.ID))
			waitFor(t, phone, "the inject reaches the trainee's phone", textHas(firstPara(in.Text)))
			stayed, err := chromedp.Run(bounded(t, phone), chromedp.Evaluate[bool]("window.yishiStayed === true"))
			require.NoError(t, err)
			assert.True(t, stayed, "the inject came without a reload")
			checkLanguage(t, phone, tc.zh)

			// By now the other phone has had the same events; give it the
			// page a reload would give too, and it still has no inject.
			assert.NotContains(t, squash(pageText(t, otherPhone)), firstPara(in.Text), "group 2 does not see group 1's inject")
			require.NoError(t, chromedp.Do(bounded(t, otherPhone), chromedp.Reload(), visible("main")))
			assert.NotContains(t, squash(pageText(t, otherPhone)), firstPara(in.Text), "group 2 does not see group 1's inject")

			// Group 3 pauses; the room's clock moves past the inject's
			// time: group 2's copy of it is due, group 3's is not.
			require.GreaterOrEqual(t, groups, 3)
			require.NoError(t, chromedp.Do(bounded(t, console),
				click(`section.panel[data-group="3"] form:has(input[name=action][value=pause]) button`)))
			waitFor(t, console, "group 3 paused", `!!document.querySelector('section.panel.status-paused[data-group="3"]')`)
			r.ahead.Store(int64(in.At + time.Minute))
			require.NoError(t, chromedp.Do(bounded(t, console), chromedp.Reload(), visible("section.panel")))
			due := func(g int) string {
				return fmt.Sprintf(`!!document.querySelector('section.panel[data-group="%d"] li.due form:has(input[name=inject][value=%q])')`, g, in.ID)
			}
			waitFor(t, console, "the inject is due in group 2", due(2))
			notDue, err := chromedp.Run(bounded(t, console), chromedp.Evaluate[bool]("!"+due(3)))
			require.NoError(t, err)
			assert.True(t, notDue, "a paused group's inject waits for its drill time")

			// Group 1 moves on: its clock starts again from nothing, green,
			// while group 2's runs over its phase, red.
			require.NoError(t, chromedp.Do(bounded(t, console),
				click(`section.panel[data-group="1"] form:has(input[name=action][value=next]) button`)))
			waitFor(t, console, "group 1's clock is green in its next phase",
				`!!document.querySelector('section.panel[data-group="1"] .clock.light-green')`)
			red, err := chromedp.Run(bounded(t, console), chromedp.Evaluate[bool](
				`!!document.querySelector('section.panel[data-group="2"] .clock.light-red')`))
			require.NoError(t, err)
			assert.True(t, red, "group 2 is over its phase's time")

			if !tc.zh {
				screenshot(t, phone, "trainee-phone.png")
				screenshot(t, console, "console.png")
			}
		})
	}
}

// scoreKeys are the idempotency keys of reviewer's changes applied so far.
func scoreKeys(t *testing.T, dbPath, reviewer string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro")
	require.NoError(t, err)
	defer db.Close()
	rows, err := db.Query(`SELECT idem_key FROM score_keys WHERE reviewer = ? ORDER BY idem_key`, reviewer)
	require.NoError(t, err)
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		require.NoError(t, rows.Scan(&k))
		keys = append(keys, k)
	}
	require.NoError(t, rows.Err())
	return keys
}

func sheetsOf(t *testing.T, dbPath, reviewer string) []store.Sheet {
	t.Helper()
	db, err := store.Open(dbPath)
	require.NoError(t, err)
	defer db.Close()
	sheets, err := db.Sheets(reviewer)
	require.NoError(t, err)
	return sheets
}

// outboxKeys are the keys of the changes waiting in the page's outbox.
func outboxKeys(t *testing.T, ctx context.Context) []string {
	t.Helper()
	keys, err := chromedp.Run(bounded(t, ctx), chromedp.Evaluate[[]string](
		`JSON.parse(localStorage.getItem("yishi.outbox.scores.reviewer:Li") || "[]").map(function (c) { return c.key; })`))
	require.NoError(t, err)
	return keys
}

func setOffline(t *testing.T, ctx context.Context, offline bool) {
	t.Helper()
	c := bounded(t, ctx)
	_, err := chromedp.Call(c, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	conds := []*network.Conditions{}
	if offline {
		conds = append(conds, &network.Conditions{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
	}
	_, err = chromedp.Call(c, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: conds})
	require.NoError(t, err)
	_, err = chromedp.Call(c, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1})
	require.NoError(t, err)
}

// blockURLs makes the phone fail every request matching pattern (as a
// phone that lost the room would), or none for "".
func blockURLs(t *testing.T, ctx context.Context, pattern string) {
	t.Helper()
	c := bounded(t, ctx)
	_, err := chromedp.Call(c, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	patterns := []*network.BlockPattern{}
	if pattern != "" {
		patterns = append(patterns, &network.BlockPattern{URLPattern: pattern, Block: true})
	}
	_, err = chromedp.Call(c, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: patterns})
	require.NoError(t, err)
}

func statusIs(word string) string {
	return "document.getElementById('status').textContent === " + jsString(word)
}

// TestRoomBrowserReviewerOffline scores with the phone's network cut: the
// changes wait in the page's outbox and reach the room once each when the
// network returns, also across a reload of the page.
func TestRoomBrowserReviewerOffline(t *testing.T) {
	r := startBrowserRoom(t, scenarios.DefaultScenario)
	require.NotEmpty(t, r.s.Rubric.Rubric.Dimensions)
	dims := r.s.Rubric.Rubric.Dimensions
	phone := r.tab(t, 390, 844, true)
	r.open(t, phone, r.person(t, store.KindReviewer, "Li"))
	require.NoError(t, chromedp.Do(bounded(t, phone),
		click(`a[href="/score/1/1"]`), visible(`fieldset.dim`)))

	t.Run("network cut", func(t *testing.T) {
		setOffline(t, phone, true)
		require.NoError(t, chromedp.Do(bounded(t, phone),
			click(fmt.Sprintf(`input[name="score:%s"][value="4"]`, dims[0].ID)),
			click(fmt.Sprintf(`input[name="score:%s"][value="2"]`, dims[1].ID)),
			sendKeys(fmt.Sprintf(`textarea[data-field="evidence:%s"]`, dims[0].ID), "asked both sides to restate"),
		))
		waitFor(t, phone, "the page says it waits for the network", textHas("waiting for network"))
		waitFor(t, phone, "three changes in the outbox", `JSON.parse(localStorage.getItem("yishi.outbox.scores.reviewer:Li") || "[]").length === 3`)
		queued := outboxKeys(t, phone)
		assert.Empty(t, sheetsOf(t, r.dbPath, "Li"), "nothing reaches the room while the network is down")

		setOffline(t, phone, false)
		waitFor(t, phone, "the page says saved", statusIs("saved"))
		assert.Empty(t, outboxKeys(t, phone))
		assert.Empty(t, smallTargets(t, phone), "touch targets of 48 px")
		slices.Sort(queued)
		assert.Equal(t, queued, scoreKeys(t, r.dbPath, "Li"), "each change applied exactly once")
		sheets := sheetsOf(t, r.dbPath, "Li")
		require.Len(t, sheets, 1)
		assert.Equal(t, map[string]int{dims[0].ID: 4, dims[1].ID: 2}, sheets[0].Scores)
		assert.Equal(t, "asked both sides to restate", sheets[0].Evidence[dims[0].ID])
		screenshotAt(t, phone, "reviewer-phone.png", fmt.Sprintf(`input[name="score:%s"][value="4"]`, dims[0].ID))
	})

	t.Run("reload with changes queued", func(t *testing.T) {
		before := scoreKeys(t, r.dbPath, "Li")
		blockURLs(t, phone, "*://*:*/api/scores")
		require.NoError(t, chromedp.Do(bounded(t, phone),
			click(fmt.Sprintf(`input[name="score:%s"][value="5"]`, dims[0].ID))))
		waitFor(t, phone, "the page says it waits for the network", textHas("waiting for network"))
		queued := outboxKeys(t, phone)
		require.Len(t, queued, 1)
		require.NoError(t, chromedp.Do(bounded(t, phone), chromedp.Reload(), visible(`fieldset.dim`)))
		waitFor(t, phone, "the reloaded page still waits", textHas("waiting for network"))
		assert.Equal(t, queued, outboxKeys(t, phone), "the queued change survives the reload")
		checked, err := chromedp.Run(bounded(t, phone), chromedp.Evaluate[bool](fmt.Sprintf(
			`document.querySelector('input[name="score:%s"][value="5"]').checked`, dims[0].ID)))
		require.NoError(t, err)
		assert.True(t, checked, "the reloaded form shows the change still queued")
		assert.Equal(t, before, scoreKeys(t, r.dbPath, "Li"))

		blockURLs(t, phone, "")
		waitFor(t, phone, "the page says saved", statusIs("saved"))
		want := append(slices.Clone(before), queued...)
		slices.Sort(want)
		assert.Equal(t, want, scoreKeys(t, r.dbPath, "Li"), "the queued change applied once")
		sheets := sheetsOf(t, r.dbPath, "Li")
		require.Len(t, sheets, 1)
		assert.Equal(t, 5, sheets[0].Scores[dims[0].ID])
	})
}

// TestRoomBrowserTurns taps speaking turns on a phone; the console counts
// them and marks who speaks now.
func TestRoomBrowserTurns(t *testing.T) {
	r := startBrowserRoom(t, scenarios.DefaultScenario)
	g := r.plan.Rounds[0].Groups[0]
	require.GreaterOrEqual(t, len(g.Members), 2)
	a, b := g.Members[0], g.Members[1]

	console := r.tab(t, 1280, 900, false)
	r.open(t, console, r.person(t, store.KindTrainer, ""))
	clickAll(t, console, "start")
	panelsAre(t, console, len(r.plan.Rounds[0].Groups), "running")

	phone := r.tab(t, 390, 844, true)
	r.open(t, phone, r.person(t, store.KindReviewer, "Li"))
	require.NoError(t, chromedp.Do(bounded(t, phone),
		click(fmt.Sprintf(`a[href="/turns/1/%d"]`, g.Group)), visible(`button.tap`)))
	tap := func(who string) chromedp.Action[chromedp.Void] {
		return click(fmt.Sprintf(`button[data-tap=turn][data-member=%q]`, who))
	}
	require.NoError(t, chromedp.Do(bounded(t, phone), tap(a.ID), tap(b.ID), tap(a.ID),
		click(`button[data-tap=interruption]`)))
	waitFor(t, phone, "the taps are saved", statusIs("saved"))
	assert.Empty(t, smallTargets(t, phone), "touch targets of 48 px")
	screenshot(t, phone, "turns-phone.png")

	panel := fmt.Sprintf(`section.panel[data-group="%d"]`, g.Group)
	waitFor(t, console, "the console counts the turns", fmt.Sprintf(
		`document.querySelector(%s).innerText.replace(/\s+/g, ' ').includes(%s) && document.querySelector(%s).innerText.replace(/\s+/g, ' ').includes(%s)`,
		jsString(panel), jsString(a.Name+" 2"), jsString(panel), jsString(b.Name+" 1")))
	speaking, err := chromedp.Run(bounded(t, console), chromedp.Evaluate[string](
		fmt.Sprintf(`document.querySelector(%s + ' .turn.speaking').textContent`, jsString(panel))))
	require.NoError(t, err)
	assert.Equal(t, squash(a.Name+" 2"), squash(speaking), "the one speaking now is marked")
}

// TestRoomBrowserCode signs in with the short code typed on the room's
// first page.
func TestRoomBrowserCode(t *testing.T) {
	r := startBrowserRoom(t, scenarios.DefaultScenario)
	m := r.plan.Rounds[0].Groups[0].Members[0]
	p := r.person(t, store.KindTrainee, m.ID)
	for _, tc := range []struct {
		name  string
		typed string
		want  string
	}{
		{name: "a wrong code", typed: "ZZZZZZ", want: "p.error"},
		{name: "the trainee's code, in small letters", typed: strings.ToLower(p.Code), want: ".card-top"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := r.tab(t, 390, 844, true)
			require.NoError(t, chromedp.Do(bounded(t, ctx),
				chromedp.Navigate(r.base+"/"), visible("#code"),
				sendKeys("#code", tc.typed), submit("#code"),
				visible(tc.want)))
			assert.Empty(t, smallTargets(t, ctx), "touch targets of 48 px")
			text := squash(pageText(t, ctx))
			if tc.want == "p.error" {
				assert.NotContains(t, text, m.Name)
				return
			}
			assert.Contains(t, text, m.Name)
			loc, err := chromedp.Run(bounded(t, ctx), chromedp.Location())
			require.NoError(t, err)
			assert.Equal(t, r.base+"/", loc)
		})
	}
}

// The page actions below take CSS selectors (a bare string would be a
// text search, which "main" matches in the page's words).
func visible(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.WaitVisible(chromedp.CSS(sel))
}
func click(sel string) chromedp.Action[chromedp.Void]  { return chromedp.Click(chromedp.CSS(sel)) }
func submit(sel string) chromedp.Action[chromedp.Void] { return chromedp.Submit(chromedp.CSS(sel)) }
func sendKeys(sel, text string) chromedp.Action[chromedp.Void] {
	return chromedp.SendKeys(chromedp.CSS(sel), text)
}

// TestRoomBrowserPhoneCatchesUp stops the room while a trainee's phone
// is open and keeps the phone off the room's events while the trainer
// releases an inject to them: the phone says it waits for the network,
// and once it reaches the room again it catches up from the log, without
// a reload.
func TestRoomBrowserPhoneCatchesUp(t *testing.T) {
	r := startBrowserRoom(t, scenarios.DefaultScenario)
	var in live.Inject
	var to plan.Member
	for _, i := range r.agenda.Injects {
		if m, ok := r.member(1, i.To); ok && !i.Auto {
			in, to = i, m
			break
		}
	}
	require.NotEmpty(t, in.ID, "the scenario has an inject for a role of group 1")
	phone := r.tab(t, 390, 844, true)
	r.open(t, phone, r.person(t, store.KindTrainee, to.ID))
	_, err := chromedp.Run(bounded(t, phone), chromedp.Evaluate[bool]("window.yishiStayed = true"))
	require.NoError(t, err)

	blockURLs(t, phone, "*://*:*/events")
	r.restart(t)
	waitFor(t, phone, "the phone says it waits for the network", `!document.getElementById('net').hidden`)

	console := r.tab(t, 1280, 900, false)
	r.open(t, console, r.person(t, store.KindTrainer, ""))
	require.NoError(t, chromedp.Do(bounded(t, console),
		click(`section.panel[data-group="1"] form:has(input[name=action][value=start]) button`)))
	waitFor(t, console, "group 1 running", `!!document.querySelector('section.panel.status-running[data-group="1"]')`)
	require.NoError(t, chromedp.Do(bounded(t, console), click(fmt.Sprintf(
		`section.panel[data-group="1"] form:has(input[name=inject][value=%q]) button`, in.ID))))
	waitFor(t, console, "the console shows the inject released",
		fmt.Sprintf(`!document.querySelector('section.panel[data-group="1"] form:has(input[name=inject][value=%q])')`, in.ID))
	assert.NotContains(t, squash(pageText(t, phone)), firstPara(in.Text), "nothing reaches a phone cut off from the room")

	blockURLs(t, phone, "")
	waitFor(t, phone, "the phone catches up", textHas(firstPara(in.Text)))
	waitFor(t, phone, "the phone no longer says it waits", `document.getElementById('net').hidden`)
	stayed, err := chromedp.Run(bounded(t, phone), chromedp.Evaluate[bool]("window.yishiStayed === true"))
	require.NoError(t, err)
	assert.True(t, stayed, "the phone caught up without a reload")
}
