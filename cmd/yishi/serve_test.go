package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/cmd/yishi/internal/room"
	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/roles/plan"
)

// syncBuffer is a buffer the server's goroutines may write to while a
// test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// demoPlan makes the demo in a temporary folder and returns its plan.
func demoPlan(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	_, stderr, code := dayRun(t, nil, "demo", "--out", filepath.Join(dir, "demo"))
	require.Equal(t, 0, code, stderr)
	return filepath.Join(dir, "demo", "plan.yaml")
}

// served is a room started in this process for a test.
type served struct {
	base   string
	db     string
	stdout *syncBuffer
	stop   func() error
}

// startServe runs yishi serve on a free loopback port until the test ends
// or stop is called.
func startServe(t *testing.T, planPath, db string, reviewers ...string) *served {
	t.Helper()
	out, errOut := &syncBuffer{}, &syncBuffer{}
	io := newStreams(strings.NewReader(""), out, errOut)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	opts := &serveOptions{IO: io, Now: time.Now, Plan: planPath, DB: db, Addr: "127.0.0.1:0", Reviewers: reviewers,
		ctx: ctx, ready: func(addr string) { ready <- addr }}
	opts.Writer = output.New(output.OS, time.Now)
	done := make(chan error, 1)
	go func() { done <- runServe(opts) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("serve stopped: %v\n%s%s", err, out, errOut)
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatal("serve did not start")
	}
	var once sync.Once
	var stopErr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case stopErr = <-done:
			case <-time.After(30 * time.Second):
				stopErr = fmt.Errorf("serve did not stop")
			}
		})
		return stopErr
	}
	t.Cleanup(func() { stop() })
	return &served{base: "http://" + addr, db: db, stdout: out, stop: stop}
}

// person is one browser: a client with its own cookie jar, signed in with
// a link.
type person struct {
	t    *testing.T
	base string
	c    *http.Client
}

func signIn(t *testing.T, base, token string) *person {
	t.Helper()
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	c := &http.Client{Jar: jar, Timeout: 20 * time.Second}
	res, err := c.Get(base + "/t/" + token)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Equal(t, "/", res.Request.URL.Path, "the link ends at the page without the token")
	return &person{t: t, base: base, c: c}
}

func (p *person) get(path string) (int, string) {
	p.t.Helper()
	res, err := p.c.Get(p.base + path)
	require.NoError(p.t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(p.t, err)
	return res.StatusCode, string(b)
}

// post sends a form as the page's script does.
func (p *person) post(path string, form url.Values) (int, string) {
	p.t.Helper()
	req, err := http.NewRequest(http.MethodPost, p.base+path, strings.NewReader(form.Encode()))
	require.NoError(p.t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", p.base)
	req.Header.Set("X-Yishi-Async", "1")
	res, err := p.c.Do(req)
	require.NoError(p.t, err)
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func (p *person) postJSON(path string, v any) (int, []byte) {
	p.t.Helper()
	data, err := json.Marshal(v)
	require.NoError(p.t, err)
	req, err := http.NewRequest(http.MethodPost, p.base+path, bytes.NewReader(data))
	require.NoError(p.t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", p.base)
	res, err := p.c.Do(req)
	require.NoError(p.t, err)
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}

// roomPeople reads the people of a room's database: tokens by kind and id.
func roomPeople(t *testing.T, db string) map[string]store.Person {
	t.Helper()
	d, err := store.Open(db)
	require.NoError(t, err)
	defer d.Close()
	ps, err := d.People()
	require.NoError(t, err)
	out := map[string]store.Person{}
	for _, p := range ps {
		out[p.Kind+":"+p.ID] = p
	}
	return out
}

// TestServeBadInput: each refusal names what is wrong, exits 1 and leaves
// no database behind where none was.
func TestServeBadInput(t *testing.T) {
	planPath := demoPlan(t)
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(text, []byte("not a database\n"), 0o644))
	folder := filepath.Join(dir, "folder")
	require.NoError(t, os.Mkdir(folder, 0o755))

	// A database made for another plan: the demo's amended plan is another
	// plan with the same scenario.
	other := filepath.Join(filepath.Dir(planPath), "plan-amended.yaml")
	otherDB := filepath.Join(dir, "other.db")
	s := startServe(t, other, otherDB)
	require.NoError(t, s.stop())

	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"not a database", []string{"serve", planPath, "--db", text}, 1, "is not a yishi room database"},
		{"a folder", []string{"serve", planPath, "--db", folder}, 1, "is a folder"},
		{"another plan", []string{"serve", planPath, "--db", otherDB}, 1, "another --db"},
		{"no such group", []string{"serve", planPath, "--db", filepath.Join(dir, "x.db"), "--reviewer", "Li:9"}, 1, "the plan has no group 9"},
		{"a reviewer twice", []string{"serve", planPath, "--db", filepath.Join(dir, "y.db"), "--reviewer", "Li", "--reviewer", "Li:1"}, 2, "named twice"},
		{"not a number", []string{"serve", planPath, "--db", filepath.Join(dir, "z.db"), "--reviewer", "Li:one"}, 2, "is not a group number"},
		{"no plan", []string{"serve", filepath.Join(dir, "missing.yaml")}, 1, "missing.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(text)
			stdout, stderr, code := dayRun(t, nil, tt.args...)
			assert.Equal(t, tt.code, code, "stdout:\n%s\nstderr:\n%s", stdout, stderr)
			assert.Contains(t, stderr, tt.want)
			after, _ := os.ReadFile(text)
			assert.Equal(t, before, after, "a file that is not ours is never written")
		})
	}
	// A port in use, or a folder that is not there, leaves no database.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	fresh := filepath.Join(dir, "fresh.db")
	_, stderr, code := dayRun(t, nil, "serve", planPath, "--db", fresh, "--addr", ln.Addr().String())
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "is in use by another program")
	assert.NoFileExists(t, fresh)
	_, stderr, code = dayRun(t, nil, "serve", planPath, "--db", fresh, "--addr", "127.0.0.1:99999")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "give --addr as :PORT or HOST:PORT")
	assert.NoFileExists(t, fresh)
	_, stderr, code = dayRun(t, nil, "serve", planPath, "--db", filepath.Join(dir, "nodir", "drill.db"))
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "does not exist")

	// A second server on a database a running one holds is refused.
	busy := filepath.Join(dir, "busy.db")
	running := startServe(t, planPath, busy)
	_, stderr, code = dayRun(t, nil, "serve", planPath, "--db", busy, "--addr", "127.0.0.1:0")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "another yishi serve is running the room")
	_, stderr, code = dayRun(t, nil, "serve", planPath, "--db", busy, "--print-links", filepath.Join(dir, "slips.html"))
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "Print the slips page")
	assert.NoFileExists(t, filepath.Join(dir, "slips.html"))
	require.NoError(t, running.stop())
	assert.NoFileExists(t, busy+".lock", "the lock goes with the server")

	for _, name := range []string{"x.db", "y.db", "z.db"} {
		assert.NoFileExists(t, filepath.Join(dir, name), "a refused reviewer leaves no database")
	}
}

// TestServePrintLinks writes a slip for every trainee and reviewer, with a
// QR code and a short code, and no slip (nor token) of the trainer's.
func TestServePrintLinks(t *testing.T) {
	planPath := demoPlan(t)
	dir := t.TempDir()
	db, slips := filepath.Join(dir, "drill.db"), filepath.Join(dir, "slips.html")
	stdout, stderr, code := dayRun(t, nil, "serve", planPath, "--db", db, "--reviewer", "Li", "--print-links", slips, "--url", "http://192.168.1.20:8080")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "slips.html")
	data, err := os.ReadFile(slips)
	require.NoError(t, err)
	html := string(data)
	people := roomPeople(t, db)
	trainees := 0
	for key, p := range people {
		if p.Kind == "trainer" {
			assert.False(t, strings.Contains(html, p.Token), "the trainer's link is not on the slips")
			continue
		}
		if p.Kind == "trainee" {
			trainees++
		}
		qr, err := room.QRSVG("http://192.168.1.20:8080/t/" + p.Token)
		require.NoError(t, err)
		assert.True(t, strings.Contains(html, string(qr)), "%s has a slip with the QR code of its link", key)
		assert.True(t, strings.Contains(html, p.Code), "%s has a slip with its code", key)
	}
	assert.Equal(t, 30, trainees)
	assert.Equal(t, len(people)-1, strings.Count(html, "<svg"), "one QR code a slip")
	assert.NotContains(t, html, "<script")

	// The slips of a second run are the same: the links survive.
	_, stderr, code = dayRun(t, nil, "serve", planPath, "--db", db, "--reviewer", "Li", "--print-links", slips, "--url", "http://192.168.1.20:8080", "--force")
	require.Equal(t, 0, code, stderr)
	again, err := os.ReadFile(slips)
	require.NoError(t, err)
	assert.Equal(t, data, again)
}

// TestServeToReport runs a room: the trainer starts the groups, a
// reviewer scores one group on the phone; then review --db writes the
// report from the database, and export writes scoresheets that review
// reads to the same report.
func TestServeToReport(t *testing.T) {
	planPath := demoPlan(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "drill.db")
	s := startServe(t, planPath, db, "Li")
	people := roomPeople(t, db)
	trainer := signIn(t, s.base, people["trainer:trainer"].Token)
	code, body := trainer.post("/console/cmd", url.Values{"action": {"start"}, "round": {"1"}, "group": {"all"}, "key": {"k-start-all"}})
	require.Equal(t, http.StatusNoContent, code, body)
	code, body = trainer.post("/console/cmd", url.Values{"action": {"note"}, "round": {"1"}, "group": {"1"}, "text": {"a quiet start"}, "key": {"k-note"}})
	require.Equal(t, http.StatusNoContent, code, body)

	li := signIn(t, s.base, people["reviewer:Li"].Token)
	// Li logs speaking turns in group 1, and the trainer moves it on a
	// phase with a pause between: the log the measures are read from.
	p, diags := plan.ReadFile(planPath)
	require.NoError(t, diags.Err())
	g1 := p.Rounds[0].Groups[0].Members
	now := time.Now()
	var taps []map[string]any
	for i := range 6 {
		taps = append(taps, map[string]any{"key": fmt.Sprintf("tap-%02d-aaaaaa", i), "round": 1, "group": 1, "kind": "turn",
			"member": g1[i%3].ID, "at": now.Add(time.Duration(i) * time.Second).UnixMilli()})
	}
	code, ans := li.postJSON("/api/log", map[string]any{"taps": taps})
	require.Equal(t, http.StatusOK, code, string(ans))
	for _, action := range []string{"pause", "resume", "next"} {
		code, body = trainer.post("/console/cmd", url.Values{"action": {action}, "round": {"1"}, "group": {"1"}, "key": {"k-" + action}})
		require.Equal(t, http.StatusNoContent, code, body)
	}
	var changes []map[string]any
	for i, dim := range []string{"organization", "rhythm", "guidance", "induction", "recording", "hosting"} {
		changes = append(changes, map[string]any{"key": fmt.Sprintf("change-%02d-aaaa", i), "round": 1, "group": 1, "field": "score:" + dim, "value": fmt.Sprint(2 + i%4)},
			map[string]any{"key": fmt.Sprintf("evidence-%02d-aa", i), "round": 1, "group": 1, "field": "evidence:" + dim, "value": "seen at 0:1" + fmt.Sprint(i)})
	}
	changes = append(changes, map[string]any{"key": "strengths-aaaa", "round": 1, "group": 1, "field": "strengths", "value": "kept to time\nheard everyone"})
	code, ans = li.postJSON("/api/scores", map[string]any{"changes": changes})
	require.Equal(t, http.StatusOK, code, string(ans))
	var got struct {
		Applied  []string `json:"applied"`
		Rejected []any    `json:"rejected"`
	}
	require.NoError(t, json.Unmarshal(ans, &got))
	require.Empty(t, got.Rejected)
	require.Len(t, got.Applied, len(changes))
	require.NoError(t, s.stop())

	stdout, stderr, code2 := dayRun(t, nil, "review", "--db", db, "--format", "md")
	require.Equal(t, 0, code2, stderr)
	assert.Contains(t, stdout, "Li")
	assert.Contains(t, stdout, "seen at 0:11")

	out := filepath.Join(dir, "export")
	_, stderr, code2 = dayRun(t, nil, "export", "--db", db, "--out", out)
	require.Equal(t, 0, code2, stderr)
	assert.FileExists(t, filepath.Join(out, "plan.yaml"))
	logs, err := filepath.Glob(filepath.Join(out, "logs", "*.yaml"))
	require.NoError(t, err)
	require.Len(t, logs, len(p.Rounds[0].Groups), "a log for every group that started")
	logYAML, err := os.ReadFile(filepath.Join(out, "logs", "round-1-group-1.yaml"))
	require.NoError(t, err)
	assert.Contains(t, string(logYAML), "a quiet start")
	assert.Contains(t, string(logYAML), "kind: turn")
	sheets, err := filepath.Glob(filepath.Join(out, "scoresheets", "*.yaml"))
	require.NoError(t, err)
	require.Len(t, sheets, 1, "one group scored")
	fromFiles, stderr, code2 := dayRun(t, nil, append(append([]string{"review", filepath.Join(out, "plan.yaml"), "--format", "md"}, sheets...), logs...)...)
	require.Equal(t, 0, code2, stderr)
	assert.Equal(t, stdout, fromFiles, "the report from the exported sheets and logs is the report from the database")
	assert.Contains(t, stdout, "Gini", "the report carries the log's measures")

	// The same database exports the same bytes, and gives the same report.
	again := filepath.Join(dir, "export-again")
	_, stderr, code2 = dayRun(t, nil, "export", "--db", db, "--out", again)
	require.Equal(t, 0, code2, stderr)
	err = filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, path)
		want, _ := os.ReadFile(path)
		got, err := os.ReadFile(filepath.Join(again, rel))
		require.NoError(t, err, rel)
		assert.Equal(t, string(want), string(got), "%s is byte-identical", rel)
		return nil
	})
	require.NoError(t, err)
	report2, _, _ := dayRun(t, nil, "review", "--db", db, "--format", "md")
	assert.Equal(t, stdout, report2)
}

// TestRoomDBBadInput: review --db and export --db say what is wrong with
// the database they are given, exit 1 (2 for the command line), and
// write nothing.
func TestRoomDBBadInput(t *testing.T) {
	planPath := demoPlan(t)
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(text, []byte("not a database\n"), 0o644))
	empty := filepath.Join(dir, "empty.db")
	s := startServe(t, planPath, empty)
	require.NoError(t, s.stop())
	out := filepath.Join(dir, "out")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"review: no such database", []string{"review", "--db", filepath.Join(dir, "missing.db")}, 1, "no such database"},
		{"review: not a database", []string{"review", "--db", text}, 1, "is not a yishi room database; give --db the database yishi serve kept"},
		{"review: nothing scored yet", []string{"review", "--db", empty}, 1, "no scores in"},
		{"review: files beside --db", []string{"review", "--db", empty, planPath}, 2, "leave out the plan"},
		{"export: no such database", []string{"export", "--db", filepath.Join(dir, "missing.db"), "--out", out}, 1, "no such database"},
		{"export: not a database", []string{"export", "--db", text, "--out", out}, 1, "is not a yishi room database"},
		{"export: no --out", []string{"export", "--db", empty}, 2, "export needs --out DIR"},
		{"export: bad format", []string{"export", "--db", empty, "--out", out, "--format", "pdf"}, 2, "--format must be yaml, csv or xlsx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := dayRun(t, nil, tt.args...)
			assert.Equal(t, tt.code, code, "stdout:\n%s\nstderr:\n%s", stdout, stderr)
			assert.Contains(t, stderr, tt.want)
			assert.NoDirExists(t, out, "nothing written")
		})
	}
	assert.NoFileExists(t, filepath.Join(dir, "missing.db"), "a database is never made by reading one")
}

// TestServeSurvivesKill is the laptop's battery running out mid-drill: the
// server is killed with SIGKILL while groups run, and started again on the
// same database. Nothing the server acknowledged is lost, the links still
// work, the clocks go on from where they were, the trainer is asked about
// the outage, and a page that reconnects catches up from the log.
func TestServeSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the server as a process twice")
	}
	bin, err := exec.LookPath("yishi")
	require.NoError(t, err, "TestMain puts the yishi command on PATH")
	planPath := demoPlan(t)
	db := filepath.Join(t.TempDir(), "drill.db")

	start := func() (*exec.Cmd, string) {
		cmd := exec.Command(bin, "serve", planPath, "--db", db, "--addr", "127.0.0.1:0", "--reviewer", "Li")
		cmd.Env = append(os.Environ(), "NO_COLOR=1", "LANG=C")
		out, err := cmd.StdoutPipe()
		require.NoError(t, err)
		cmd.Stderr = io.Discard
		require.NoError(t, cmd.Start())
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		sc := bufio.NewScanner(out)
		listen := regexp.MustCompile(`listening on (http://127\.0\.0\.1:\d+)`)
		base := ""
		for sc.Scan() {
			if m := listen.FindStringSubmatch(sc.Text()); m != nil {
				base = m[1]
			}
			if strings.Contains(sc.Text(), "stop with Ctrl-C") {
				break
			}
		}
		require.NotEmpty(t, base, "the server says where it listens")
		go io.Copy(io.Discard, out)
		return cmd, base
	}

	cmd, base := start()
	people := roomPeople(t, db)
	trainer := signIn(t, base, people["trainer:trainer"].Token)
	code, body := trainer.post("/console/cmd", url.Values{"action": {"start"}, "round": {"1"}, "group": {"all"}, "key": {"kill-start"}})
	require.Equal(t, http.StatusNoContent, code, body)
	li := signIn(t, base, people["reviewer:Li"].Token)
	acked := map[string]string{}
	for i := range 40 {
		key := fmt.Sprintf("kill-change-%03d", i)
		value := fmt.Sprint(1 + i%5)
		code, ans := li.postJSON("/api/scores", map[string]any{"changes": []map[string]any{{"key": key, "round": 1, "group": 1 + i%5, "field": "score:rhythm", "value": value}}})
		require.Equal(t, http.StatusOK, code, string(ans))
		require.Contains(t, string(ans), key)
		acked[fmt.Sprint(1+i%5)] = value // the last value acknowledged per group
	}
	before, err := store.Open(db)
	require.NoError(t, err)
	entriesBefore, err := before.Entries(0)
	require.NoError(t, err)
	before.Close()
	require.NotEmpty(t, entriesBefore)

	require.NoError(t, cmd.Process.Signal(os.Kill))
	cmd.Wait()
	// Long enough for the room to call it an outage on its return.
	time.Sleep(2500 * time.Millisecond)
	_, base = start()

	// The same cookies work on the new server: the links survived.
	trainer.base, li.base = base, base
	code, page := trainer.get("/")
	require.Equal(t, http.StatusOK, code)
	assert.True(t, strings.Contains(page, "Count the outage as a pause"), "the trainer is asked about the outage")
	assert.True(t, strings.Contains(page, "status-running"), "the groups still run")

	d, err := store.Open(db)
	require.NoError(t, err)
	sheets, err := d.Sheets("Li")
	require.NoError(t, err)
	for _, sh := range sheets {
		assert.Equal(t, acked[fmt.Sprint(sh.Group)], fmt.Sprint(sh.Scores["rhythm"]), "group %d keeps its last acknowledged score", sh.Group)
	}
	assert.Len(t, sheets, 5)
	entriesAfter, err := d.Entries(0)
	require.NoError(t, err)
	d.Close()
	assert.Equal(t, entriesBefore, entriesAfter[:len(entriesBefore)], "every acknowledged log entry is kept")

	// The outage counted as a pause: each running group gets a pause and a
	// resume, and its drill time leaves the outage out.
	code, body = trainer.post("/console/outage", url.Values{"choice": {"pause"}})
	require.Equal(t, http.StatusNoContent, code, body)
	d, err = store.Open(db)
	require.NoError(t, err)
	defer d.Close()
	es, err := d.GroupEntries(1, 1)
	require.NoError(t, err)
	var pause, resume *live.Entry
	for i := range es {
		switch es[i].Kind {
		case live.KindPause:
			pause = &es[i]
		case live.KindResume:
			resume = &es[i]
		}
	}
	require.NotNil(t, pause)
	require.NotNil(t, resume)
	assert.GreaterOrEqual(t, resume.At.Sub(pause.At), 2*time.Second, "the pause covers the outage")

	// A page that reconnects with the last event it saw is sent the rest.
	req, err := http.NewRequest(http.MethodGet, base+"/events", nil)
	require.NoError(t, err)
	req.Header.Set("Last-Event-ID", fmt.Sprint(entriesBefore[len(entriesBefore)-1].Seq))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := trainer.c.Do(req.WithContext(ctx))
	require.NoError(t, err)
	defer res.Body.Close()
	sc := bufio.NewScanner(res.Body)
	var ids []string
	for sc.Scan() && len(ids) < 2 {
		if id, ok := strings.CutPrefix(sc.Text(), "id: "); ok {
			ids = append(ids, id)
		}
	}
	assert.Len(t, ids, 2, "the outage's pause and resume reach the reconnected page")
}

// TestServeAmend makes changes on the day from the console: an absent
// trainee's phone says they sit out, the plan the room runs and exports
// records the amendment, and once a round has started, changes apply from
// the next.
func TestServeAmend(t *testing.T) {
	planPath := demoPlan(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "drill.db")
	s := startServe(t, planPath, db, "Li")
	people := roomPeople(t, db)
	trainer := signIn(t, s.base, people["trainer:trainer"].Token)

	d, err := store.Open(db)
	require.NoError(t, err)
	sp, err := d.Plan()
	require.NoError(t, err)
	d.Close()
	old, diags := plan.Parse(sp.Path, sp.PlanYAML)
	require.False(t, diags.HasErrors())
	gone := old.Rounds[0].Groups[0].Members[2]
	phone := signIn(t, s.base, people["trainee:"+gone.ID].Token)
	_, page := phone.get("/")
	require.Contains(t, page, "Your role")

	code, body := trainer.post("/console/amend", url.Values{"absent": {gone.ID}})
	require.Equal(t, http.StatusNoContent, code, body)
	_, page = phone.get("/")
	assert.Contains(t, page, "You are not in this round")
	_, page = trainer.get("/")
	assert.Contains(t, page, "What the last change changed")
	assert.Regexp(t, `round 1: moved \d+ seats?; no amendment could move fewer than \d+`, page)

	// An unknown id is refused with amend's own words, and nothing changes.
	code, body = trainer.post("/console/amend", url.Values{"absent": {"T999"}})
	assert.Equal(t, http.StatusConflict, code)
	assert.Contains(t, body, "T999")
	assert.NotContains(t, body, "--absent", "the console's box is not the command line's flag")

	// The same trainee absent again changes nothing and is not recorded.
	code, body = trainer.post("/console/amend", url.Values{"absent": {gone.ID}, "key": {"amend-again"}})
	assert.Equal(t, http.StatusConflict, code)
	assert.Contains(t, body, "changes nothing")

	// Round 1 starts; a swap now applies from round 2.
	code, body = trainer.post("/console/cmd", url.Values{"action": {"start"}, "round": {"1"}, "group": {"1"}, "key": {"amend-start"}})
	require.Equal(t, http.StatusNoContent, code, body)
	_, page = trainer.get("/")
	assert.Contains(t, page, "Amend from round 2")
	r2 := old.Rounds[1].Groups
	a, b := r2[0].Members[0].ID, r2[1].Members[0].ID
	if a == gone.ID || b == gone.ID {
		a, b = r2[0].Members[1].ID, r2[1].Members[1].ID
	}
	code, body = trainer.post("/console/amend", url.Values{"swap": {a + "," + b}, "key": {"amend-swap-1"}})
	require.Equal(t, http.StatusNoContent, code, body)
	// The same form sent twice (a double click) swaps once, not back.
	code, body = trainer.post("/console/amend", url.Values{"swap": {a + "," + b}, "key": {"amend-swap-1"}})
	require.Equal(t, http.StatusNoContent, code, body)

	// Once a reviewer has scored a group of round 2, a change from round 2
	// is refused: it would give those scores to other trainees.
	li := signIn(t, s.base, people["reviewer:Li"].Token)
	code2, ans := li.postJSON("/api/scores", map[string]any{"changes": []map[string]any{{"key": "early-score-1", "round": 2, "group": 1, "field": "score:rhythm", "value": "3"}}})
	require.Equal(t, http.StatusOK, code2, string(ans))
	code, body = trainer.post("/console/amend", url.Values{"absent": {a}, "key": {"amend-after-score"}})
	assert.Equal(t, http.StatusConflict, code)
	assert.Contains(t, body, "scored group 1 of round 2")
	require.NoError(t, s.stop())

	out := filepath.Join(dir, "export")
	_, stderr, code2 := dayRun(t, nil, "export", "--db", db, "--out", out)
	require.Equal(t, 0, code2, stderr)
	p, _, diags := plan.Load(filepath.Join(out, "plan.yaml"))
	require.False(t, diags.HasErrors(), "the exported plan loads: %v", diags)
	require.Len(t, p.Amendments, 2)
	assert.Equal(t, []string{gone.ID}, p.Amendments[0].Absent)
	assert.Equal(t, 1, p.Amendments[0].FromRound)
	assert.Equal(t, 2, p.Amendments[1].FromRound)
	require.Len(t, p.Amendments[1].Swaps, 1)
	assert.ElementsMatch(t, []string{a, b}, strings.Split(p.Amendments[1].Swaps[0], ","))
	for _, g := range p.Rounds[0].Groups {
		for _, m := range g.Members {
			assert.NotEqual(t, gone.ID, m.ID, "the absent trainee sits in no group")
		}
	}
}

func TestRoomURLs(t *testing.T) {
	assert.Equal(t, []string{"http://127.0.0.1:9000"}, roomURLs("127.0.0.1:9000"))
	all := roomURLs("[::]:8080")
	require.NotEmpty(t, all)
	assert.Equal(t, "http://127.0.0.1:8080", all[len(all)-1], "loopback is listed last, after the addresses phones can reach")
	for _, u := range all {
		assert.Regexp(t, `^http://\d+\.\d+\.\d+\.\d+:8080$`, u)
	}
}

func TestReviewerSpec(t *testing.T) {
	p, _, diags := plan.Load(demoPlan(t))
	require.False(t, diags.HasErrors())
	tests := []struct {
		spec   string
		name   string
		groups []store.GroupRef
		err    string
	}{
		{spec: "王老师", name: "王老师"},
		{spec: "Li:1,2", name: "Li", groups: []store.GroupRef{{Round: 1, Group: 1}, {Round: 2, Group: 1}, {Round: 1, Group: 2}, {Round: 2, Group: 2}}},
		{spec: "Li：3", name: "Li", groups: []store.GroupRef{{Round: 1, Group: 3}, {Round: 2, Group: 3}}},
		{spec: ":1", err: "needs a name"},
		{spec: "Li:x", err: "is not a group number"},
		{spec: "Li:0", err: "is not a group number"},
		{spec: "Li:", err: "name the groups after the colon"},
		{spec: "Li:6", err: "the plan has no group 6"},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			r, err := reviewerSpec(tt.spec, p)
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.name, r.ID)
			assert.ElementsMatch(t, tt.groups, r.Groups)
		})
	}
}

// TestServeAmendedOutside: a plan amended with yishi amend between two runs
// of the room takes over the room's database, whose log it keeps.
func TestServeAmendedOutside(t *testing.T) {
	planPath := demoPlan(t)
	amended := filepath.Join(filepath.Dir(planPath), "plan-amended.yaml")
	db := filepath.Join(t.TempDir(), "drill.db")
	s := startServe(t, planPath, db)
	trainer := signIn(t, s.base, roomPeople(t, db)["trainer:trainer"].Token)
	code, body := trainer.post("/console/cmd", url.Values{"action": {"note"}, "round": {"1"}, "group": {"1"}, "text": {"before lunch"}, "key": {"outside-note"}})
	require.Equal(t, http.StatusNoContent, code, body)
	require.NoError(t, s.stop())

	s = startServe(t, amended, db)
	assert.Contains(t, s.stdout.String(), "an amendment of the plan it ran")
	require.NoError(t, s.stop())
	d, err := store.Open(db)
	require.NoError(t, err)
	defer d.Close()
	sp, err := d.Plan()
	require.NoError(t, err)
	p, diags := plan.ReadFile(amended)
	require.False(t, diags.HasErrors())
	assert.Equal(t, p.ID(), sp.ID)
	es, err := d.Entries(0)
	require.NoError(t, err)
	require.Len(t, es, 1)
	assert.Equal(t, "before lunch", es[0].Text)
}
