package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// roomOptions are the flags of the room benchmark.
type roomOptions struct {
	Yishi     string
	Phones    int
	Reviewers int
	Changes   int
	Out       io.Writer
}

func parseRoomArgs(args []string, stderr io.Writer) (roomOptions, error) {
	fs := flag.NewFlagSet("room", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o roomOptions
	fs.StringVar(&o.Yishi, "yishi", "yishi", "the yishi binary to serve the room")
	fs.IntVar(&o.Phones, "phones", 200, "trainees, each with a phone holding the room's event stream open")
	fs.IntVar(&o.Reviewers, "reviewers", 50, "reviewers scoring at once")
	fs.IntVar(&o.Changes, "changes", 20, "score changes each reviewer saves, one request each")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.Phones < 12 || o.Phones > 2000 || o.Reviewers < 1 || o.Reviewers > 500 || o.Changes < 1 || o.Changes > 1000 {
		fmt.Fprintln(stderr, "yishi-bench room: --phones 12..2000, --reviewers 1..500, --changes 1..1000")
		return o, errors.New("bad flags")
	}
	return o, nil
}

// roomResult is one run of the room benchmark, as a JSON line.
type roomResult struct {
	Bench     string  `json:"bench"`
	Phones    int     `json:"phones"`
	Reviewers int     `json:"reviewers"`
	Saves     int     `json:"score_saves"`
	SaveP50   float64 `json:"save_p50_ms"`
	SaveP99   float64 `json:"save_p99_ms"`
	SaveMax   float64 `json:"save_max_ms"`
	// InjectMS is the time from the trainer's release of one inject in
	// every group to the last of its recipients' phones having fetched
	// the page that shows it.
	InjectMS   float64 `json:"inject_ms_to_all_recipients"`
	Recipients int     `json:"inject_recipients"`
	// BroadcastMS is the same for a change every phone follows (the round
	// shown), to the last of all the phones.
	BroadcastMS float64 `json:"broadcast_ms_to_all_phones"`
	RSSMiB      float64 `json:"server_rss_mib"`
	PeakRSSMiB  float64 `json:"server_peak_rss_mib"`
}

type roomLink struct {
	Kind, ID, Name, Code, Link string
}

// runRoom measures the room as a trainer would meet it: yishi serve as
// its own process on loopback, a plan of opts.Phones trainees, every phone
// holding the event stream open, reviewers saving scores at once; then an
// inject released in every group, and a change every phone follows.
func runRoom(opts roomOptions) error {
	dir, err := os.MkdirTemp("", "yishi-bench-room")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	in := func(p string) string { return filepath.Join(dir, p) }
	if err := os.WriteFile(in("roster.csv"), benchRoster(opts.Phones), 0o644); err != nil {
		return err
	}
	groups := opts.Phones / 6
	if out, err := exec.Command(opts.Yishi, "assign", "--scenario", "elevator-retrofit", "--roster", in("roster.csv"),
		"--groups", strconv.Itoa(groups), "--rounds", "1", "--seed", "1", "--out", in("plan.yaml")).CombinedOutput(); err != nil {
		return fmt.Errorf("assign: %v\n%s", err, out)
	}
	port, err := freePort()
	if err != nil {
		return err
	}
	base := "http://127.0.0.1:" + port
	serveArgs := []string{"serve", in("plan.yaml"), "--db", in("drill.db")}
	for i := range opts.Reviewers {
		serveArgs = append(serveArgs, "--reviewer", fmt.Sprintf("R%03d", i+1))
	}
	out, err := exec.Command(opts.Yishi, append(serveArgs, "--print-links", in("slips.html"), "--url", base, "-o", "json")...).Output()
	if err != nil {
		return fmt.Errorf("serve --print-links: %v", err)
	}
	var links struct {
		People []roomLink `json:"people"`
	}
	if err := json.Unmarshal(out, &links); err != nil {
		return err
	}

	srv := exec.Command(opts.Yishi, append(serveArgs, "--addr", "127.0.0.1:"+port)...)
	stdout, err := srv.StdoutPipe()
	if err != nil {
		return err
	}
	srv.Stderr = io.Discard
	if err := srv.Start(); err != nil {
		return err
	}
	defer func() {
		srv.Process.Signal(syscall.SIGTERM)
		srv.Wait()
	}()
	sc := bufio.NewScanner(stdout)
	for sc.Scan() && !strings.Contains(sc.Text(), "stop with Ctrl-C") {
	}
	go io.Copy(io.Discard, stdout)

	var trainer *benchClient
	var phones, reviewers []*benchClient
	for _, l := range links.People {
		c, err := benchSignIn(base, l)
		if err != nil {
			return err
		}
		switch l.Kind {
		case "trainer":
			trainer = c
		case "trainee":
			phones = append(phones, c)
		case "reviewer":
			reviewers = append(reviewers, c)
		}
	}
	if trainer == nil {
		return errors.New("no trainer link")
	}
	if err := trainer.post("/console/cmd", url.Values{"action": {"start"}, "round": {"1"}, "group": {"all"}, "key": {"bench-start"}}); err != nil {
		return err
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	type seen struct {
		phone *benchClient
		at    time.Time
		what  string
	}
	seenCh := make(chan seen, 4*len(phones))
	var open sync.WaitGroup
	for _, p := range phones {
		open.Add(1)
		go p.follow(ctx, &open, func(what string) {
			// The phone fetches what it shows, as the page does.
			if p.get("/frag/me") == nil {
				seenCh <- seen{p, time.Now(), what}
			}
		})
	}
	open.Wait() // every phone's stream is open

	// Reviewers save scores at once, one request a change.
	var mu sync.Mutex
	var lat []time.Duration
	var wg sync.WaitGroup
	for i, r := range reviewers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range opts.Changes {
				ch := map[string]any{"key": fmt.Sprintf("bench-%03d-%04d-key", i, j), "round": 1, "group": 1 + (i+j)%groups,
					"field": "score:rhythm", "value": strconv.Itoa(1 + j%5)}
				start := time.Now()
				if err := r.postJSON("/api/scores", map[string]any{"changes": []any{ch}}); err != nil {
					continue
				}
				d := time.Since(start)
				mu.Lock()
				lat = append(lat, d)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()

	res := roomResult{Bench: "room", Phones: len(phones), Reviewers: len(reviewers), Saves: len(lat)}
	slices.Sort(lat)
	if len(lat) > 0 {
		q := func(p float64) float64 { return ms(lat[min(len(lat)-1, int(p*float64(len(lat))))]) }
		res.SaveP50, res.SaveP99, res.SaveMax = q(0.50), q(0.99), ms(lat[len(lat)-1])
	}

	// One inject, released in every group at once.
	wait := func(what string, n int) (time.Duration, error) {
		start := time.Now()
		got := map[*benchClient]bool{}
		for len(got) < n {
			select {
			case s := <-seenCh:
				if s.what == what {
					got[s.phone] = true
				}
			case <-time.After(30 * time.Second):
				return 0, fmt.Errorf("%d of %d phones saw %s", len(got), n, what)
			}
		}
		return time.Since(start), nil
	}
	recipients := groups // value-rumour goes to Ms Sun, one a group
	start := time.Now()
	if err := trainer.post("/console/cmd", url.Values{"action": {"release"}, "round": {"1"}, "group": {"all"}, "inject": {"value-rumour"}, "key": {"bench-release"}}); err != nil {
		return err
	}
	if _, err := wait("log", recipients); err != nil {
		return err
	}
	res.InjectMS, res.Recipients = ms(time.Since(start)), recipients

	start = time.Now()
	if err := trainer.post("/console/round", url.Values{"round": {"1"}}); err != nil {
		return err
	}
	if _, err := wait("room", len(phones)); err != nil {
		return err
	}
	res.BroadcastMS = ms(time.Since(start))
	res.RSSMiB, res.PeakRSSMiB = procMiB(srv.Process.Pid, "VmRSS:"), procMiB(srv.Process.Pid, "VmHWM:")
	return writeJSON(opts.Out, res)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// procMiB reads a size field of /proc/PID/status in MiB, or 0 where there
// is no /proc.
func procMiB(pid int, field string) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(l, field); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	_, port, err := net.SplitHostPort(ln.Addr().String())
	return port, err
}

// benchRoster is a roster of n trainees from eight communities and the
// scenario's backgrounds, a discussion-class member in every four.
func benchRoster(n int) []byte {
	backgrounds := []string{"议事班成员", "物业", "社工", "居民代表", "社区两委", "专家智库", "辖区单位", "社会组织"}
	var b strings.Builder
	b.WriteString("id,name,unit,background\n")
	for i := range n {
		bg := backgrounds[1+i%(len(backgrounds)-1)]
		if i%4 == 0 {
			bg = backgrounds[0]
		}
		fmt.Fprintf(&b, "B%04d,学员%04d,社区%d,%s\n", i+1, i+1, i%8+1, bg)
	}
	return []byte(b.String())
}

// benchClient is one browser of the benchmark, signed in with its link.
type benchClient struct {
	base string
	c    *http.Client
}

func benchSignIn(base string, l roomLink) (*benchClient, error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Transport: &http.Transport{MaxIdleConnsPerHost: 4}, Timeout: time.Minute}
	res, err := c.Get(l.Link)
	if err != nil {
		return nil, err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s %s: link gives %s", l.Kind, l.ID, res.Status)
	}
	return &benchClient{base: base, c: c}, nil
}

func (b *benchClient) get(path string) error {
	res, err := b.c.Get(b.base + path)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	io.Copy(io.Discard, res.Body)
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", path, res.Status)
	}
	return nil
}

func (b *benchClient) post(path string, form url.Values) error {
	req, _ := http.NewRequest(http.MethodPost, b.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", b.base)
	req.Header.Set("X-Yishi-Async", "1")
	return b.do(req)
}

func (b *benchClient) postJSON(path string, v any) error {
	data, _ := json.Marshal(v)
	req, _ := http.NewRequest(http.MethodPost, b.base+path, strings.NewReader(string(data)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", b.base)
	return b.do(req)
}

func (b *benchClient) do(req *http.Request) error {
	res, err := b.c.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode >= 300 {
		return fmt.Errorf("%s %s: %s %s", req.Method, req.URL.Path, res.Status, body)
	}
	return nil
}

// follow holds the phone's event stream open, calling on for each event
// by its name ("log" or "room") until ctx ends.
func (b *benchClient) follow(ctx context.Context, open *sync.WaitGroup, on func(what string)) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, b.base+"/events", nil)
	c := &http.Client{Jar: b.c.Jar, Transport: b.c.Transport}
	res, err := c.Do(req)
	open.Done()
	if err != nil {
		return
	}
	defer res.Body.Close()
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
			go on(name)
		}
	}
}
