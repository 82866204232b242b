package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/cmd/yishi/internal/room"
	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

type serveOptions struct {
	IO          *streams
	Writer      *output.Writer
	Now         func() time.Time
	Plan        string
	DB          string
	Addr        string
	URL         string
	Reviewers   []string
	PrintLinks  string
	Force       bool
	LogRequests bool

	// ctx ends the server; nil means Ctrl-C or SIGTERM.
	ctx context.Context
	// ready, when set, is told the address the server listens on.
	ready func(addr string)
}

func newServeCmd(f *factory) *cobra.Command {
	opts := &serveOptions{IO: f.IO, Writer: f.writer(), Now: f.Now}
	cmd := &cobra.Command{
		Use:   "serve PLAN [--db drill.db] [--addr :8080]",
		Short: "Run the drill live: the console on the trainer's laptop, cards and scoresheets on phones",
		Long: `Run the room: an HTTP server on the local network, for a training room with
Wi-Fi and no internet. Everyone gets a link of their own (a QR code and a
six-letter code on a printed slip):

  the trainer    the console: a clock per group through the agenda's phases,
                 start / next / pause / resume for one group or all, injects
                 due and released, notes, the drill log, changes on the day
  a trainee      their own card for the round, and the injects released to
                 their role; nothing else
  a reviewer     a form per group with the rubric, saved as they type, kept
                 on the phone while the network is down; and the speaking
                 turns of a group (an observer's role logs them too)

Everything is kept in the database (SQLite, --db): stop the server with
Ctrl-C and run the same command again to continue where it stopped. After
the drill, yishi review --db drill.db writes the debrief report and yishi
export --db drill.db --out DIR the scoresheets, the drill log and the plan.`,
		Example: "  yishi serve plan.yaml --reviewer 王老师 --reviewer Li\n  yishi serve plan.yaml --print-links slips.html\n  yishi serve plan.yaml --db day1.db --addr :9000",
		Args:    exactArgs(1, "one plan file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Plan = args[0]
			return runServe(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.DB, "db", "drill.db", "the room's database: created if missing, continued if it exists")
	fl.StringVar(&opts.Addr, "addr", ":8080", "address to listen on")
	fl.StringVar(&opts.URL, "url", "", "the room's address as phones reach it, for links (default: the first local network address)")
	fl.StringArrayVarP(&opts.Reviewers, "reviewer", "R", nil, "a reviewer, as NAME (every group) or NAME:1,3 (groups 1 and 3 of each round); repeat for several")
	fl.StringVar(&opts.PrintLinks, "print-links", "", "write the printable slips of links and codes to this HTML file, and stop")
	fl.BoolVar(&opts.Force, "force", false, "overwrite the --print-links file if it exists")
	fl.BoolVar(&opts.LogRequests, "log-requests", false, "log every request on stderr (without tokens)")
	return cmd
}

// reviewerSpec reads --reviewer NAME or NAME:1,3.
func reviewerSpec(s string, p *plan.Plan) (store.Person, error) {
	name, groups, hasGroups := strings.Cut(s, ":")
	if !hasGroups {
		name, groups, hasGroups = strings.Cut(s, "：")
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return store.Person{}, usagef("--reviewer needs a name, as NAME or NAME:1,3")
	}
	r := store.Person{Kind: "reviewer", ID: name, Name: name}
	if !hasGroups {
		return r, nil
	}
	if len(splitList(groups)) == 0 {
		return store.Person{}, usagef("--reviewer %s: name the groups after the colon, as NAME:1,3, or leave the colon out for every group", s)
	}
	for _, g := range splitList(groups) {
		n, err := strconv.Atoi(g)
		if err != nil || n < 1 {
			return store.Person{}, usagef("--reviewer %s: %q is not a group number", s, g)
		}
		found := false
		for _, rd := range p.Rounds {
			for _, grp := range rd.Groups {
				if grp.Group == n {
					r.Groups = append(r.Groups, store.GroupRef{Round: rd.Round, Group: n})
					found = true
				}
			}
		}
		if !found {
			return store.Person{}, messages.Errorf("%w: --reviewer %s: the plan has no group %d", scenario.ErrInvalid, s, n)
		}
	}
	return r, nil
}

func runServe(opts *serveOptions) error {
	p, s, err := loadPlan(opts.IO, opts.Plan)
	if err != nil {
		return err
	}
	var reviewers []store.Person
	for _, spec := range opts.Reviewers {
		r, err := reviewerSpec(spec, p)
		if err != nil {
			return err
		}
		if slices.ContainsFunc(reviewers, func(o store.Person) bool { return o.ID == r.ID }) {
			return usagef("--reviewer %s is named twice", r.ID)
		}
		reviewers = append(reviewers, r)
	}
	planData, err := os.ReadFile(opts.Plan)
	if err != nil {
		return err
	}
	scenarioName, scenarioData, diags := plan.ScenarioText(p, opts.Plan)
	if err := diags.Err(); err != nil {
		printDiagnostics(opts.IO, diags)
		return &reportedError{err: err}
	}
	if err := checkDBPath(opts.DB); err != nil {
		return err
	}
	// One room a database: two servers would each tick the same clocks
	// and release the same injects, and printing slips changes the
	// database's people under a running server.
	lock, err := output.OS.Lock(opts.DB + ".lock")
	if errors.Is(err, output.ErrBusy) {
		if opts.PrintLinks != "" {
			return messages.Errorf("%w: yishi serve is running the room in %s; print the slips from the console's Print the slips page while it runs", scenario.ErrInvalid, opts.DB)
		}
		return messages.Errorf("%w: another yishi serve is running the room in %s; stop it first, or give --db another file", scenario.ErrInvalid, opts.DB)
	}
	if err != nil {
		return err
	}
	defer lock.Close()
	// Listen before the database is made: a port in use must not leave
	// a new database behind.
	var ln net.Listener
	addr := opts.Addr
	if opts.PrintLinks == "" {
		ln, err = net.Listen("tcp", opts.Addr)
		if errors.Is(err, syscall.EADDRINUSE) {
			return messages.Errorf("%w: %s is in use by another program (another yishi serve?); stop it, or give --addr :PORT for another port", scenario.ErrInvalid, opts.Addr)
		}
		if err != nil {
			return messages.Errorf("%w: cannot listen on %s; give --addr as :PORT or HOST:PORT, such as :8080", scenario.ErrInvalid, opts.Addr)
		}
		defer ln.Close()
		addr = ln.Addr().String()
	}
	db, err := store.Open(opts.DB)
	if err != nil {
		return dbError(opts.DB, err)
	}
	defer db.Close()
	abs, _ := filepath.Abs(opts.Plan)
	if sp, err := db.Plan(); err == nil && sp.ID != p.ID() && sp.Origin != p.ID() && amends(p, sp.ID) {
		// The trainer amended the room's plan with yishi amend between two
		// runs of the room: the room goes on with the amended plan, whose
		// earlier rounds are the ones it ran.
		if err := db.SetPlanFile(p.ID(), abs, planData); err != nil {
			return dbError(opts.DB, err)
		}
		opts.IO.printf("the room now runs %s, an amendment of the plan it ran (%s)\n", opts.Plan, sp.ID)
	}
	if err := db.Init(store.Plan{Origin: p.ID(), ID: p.ID(), Path: abs, PlanYAML: planData, ScenarioYAML: scenarioData, Created: opts.Now()}); err != nil {
		return dbError(opts.DB, err)
	}
	sp, err := db.Plan()
	if err != nil {
		return dbError(opts.DB, err)
	}
	p, s, err = roomPlan(sp, scenarioName)
	if err != nil {
		return err
	}
	if err := addPeople(db, p, s, reviewers); err != nil {
		return err
	}

	urls := roomURLs(addr)
	base := opts.URL
	if base == "" {
		base = urls[0]
	}
	base = strings.TrimRight(base, "/")

	errLog := slog.New(slog.NewTextHandler(opts.IO.ErrOut, nil))
	cfg := room.Config{DB: db, Plan: p, Scenario: s, BaseURL: base, Now: opts.Now, Log: errLog,
		ErrorText: roomErrorText(messages.For(roomLanguage(s))),
		Amend: func(ctx context.Context, old *plan.Plan, c room.Change) (*plan.Plan, []string, error) {
			return amendInRoom(ctx, opts, old, s, c)
		}}
	if opts.LogRequests {
		cfg.RequestLog = errLog
	}
	rm, err := room.New(cfg)
	if err != nil {
		return err
	}
	if opts.PrintLinks != "" {
		data, err := rm.Slips(true)
		if err != nil {
			return err
		}
		if err := writeFiles(opts.Writer, []output.File{{Path: opts.PrintLinks, Data: data}}, opts.Force); err != nil {
			return err
		}
		if opts.IO.JSON() {
			ps, err := db.People()
			if err != nil {
				return err
			}
			type link struct {
				Kind string `json:"kind"`
				ID   string `json:"id"`
				Name string `json:"name"`
				Code string `json:"code"`
				Link string `json:"link"`
			}
			links := make([]link, 0, len(ps))
			for _, p := range ps {
				if !p.Revoked {
					links = append(links, link{Kind: p.Kind, ID: p.ID, Name: p.Name, Code: p.Code, Link: rm.Link(p)})
				}
			}
			return opts.IO.printJSON(map[string]any{"slips": opts.PrintLinks, "url": base, "people": links})
		}
		opts.IO.printf("wrote %s: the slips of links and codes, for %s\n", opts.PrintLinks, base)
		return nil
	}
	if err := rm.NoteOutage(); err != nil {
		return err
	}

	opts.IO.printf("yishi room for %s, round %d shown, kept in %s\n", s.Title, rm.Round(), opts.DB)
	for _, u := range urls {
		opts.IO.printf("  listening on %s\n", u)
	}
	trainer, err := trainerOf(db)
	if err != nil {
		return err
	}
	link := rm.Link(trainer)
	opts.IO.printf("\nthe trainer's console (keep this link to yourself):\n  %s\n", link)
	if opts.IO.TerminalOut {
		if qr, err := room.QRText(link); err == nil {
			fmt.Fprint(opts.IO.Out, qr)
		}
	}
	opts.IO.printf("print the slips for everyone else from the console, or with --print-links FILE\n")
	opts.IO.printf("stop with Ctrl-C; run the same command again to continue\n")

	ctx := opts.ctx
	if ctx == nil {
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
	}
	srv := &http.Server{Handler: rm.Handler(), ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(errLog.Handler(), slog.LevelWarn)}
	srv.RegisterOnShutdown(rm.Close)
	tickCtx, stopTick := context.WithCancel(ctx)
	defer stopTick()
	go rm.Run(tickCtx)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if opts.ready != nil {
		opts.ready(addr)
	}
	select {
	case err := <-served:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		srv.Close()
	}
	stopTick()
	opts.IO.printf("\nstopped; everything is kept in %s\n", opts.DB)
	return nil
}

// amends reports whether p was made from the plan of id by yishi amend,
// directly or through amendments of amendments.
func amends(p *plan.Plan, id string) bool {
	for _, a := range p.Amendments {
		if a.From == id {
			return true
		}
	}
	return false
}

// roomLanguage is the language of the room's pages and messages: the
// scenario's.
func roomLanguage(s *scenario.Scenario) messages.Language {
	if l, ok := messages.Parse(s.Language); ok {
		return l
	}
	return messages.English
}

// checkDBPath refuses a --db that is a folder, or in a folder that is not
// there, and one the room could not write.
func checkDBPath(path string) error {
	fi, err := os.Stat(path)
	if err == nil && fi.IsDir() {
		return messages.Errorf("%w: --db %s is a folder; name a file, such as %s", scenario.ErrInvalid, path, filepath.Join(path, "drill.db"))
	}
	if errors.Is(err, fs.ErrNotExist) {
		if dir := filepath.Dir(path); !fileExistsAt(dir) {
			return messages.Errorf("%w: --db %s: the folder %s does not exist; make it first, or give --db a file in a folder that does", scenario.ErrInvalid, path, dir)
		}
		return nil
	}
	if err == nil {
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			return err // a *fs.PathError: exit 3, the file cannot be written
		}
		f.Close()
	}
	return nil
}

// dbError says what is wrong with a database in words for the trainer.
func dbError(path string, err error) error {
	switch {
	case errors.Is(err, store.ErrNotYishi):
		return messages.Errorf("%w: %s is not a yishi room database; give --db a new file name, or the database yishi serve made", scenario.ErrInvalid, path)
	case errors.Is(err, store.ErrNewerSchema):
		return messages.Errorf("%w: %s was made by a newer yishi; use that version, or give --db a new file name", scenario.ErrInvalid, path)
	case errors.Is(err, store.ErrOtherPlan):
		return messages.Errorf("%w: %s: %v", scenario.ErrInvalid, path, err)
	}
	// SQLite could not open or write the file: a failure to write (exit
	// 3), not a fault of yishi.
	return &fs.PathError{Op: "open", Path: path, Err: err}
}

// roomPlan is the plan the room runs, as its database holds it (sp): the
// plan it was opened with, or the amended one made on the console. The
// scenario's text is named scenarioName, or, when that is empty, as the
// plan names its scenario.
func roomPlan(sp store.Plan, scenarioName string) (*plan.Plan, *scenario.Scenario, error) {
	p, diags := plan.Parse(sp.Path, sp.PlanYAML)
	if err := diags.Err(); err != nil {
		return nil, nil, err
	}
	if scenarioName == "" {
		scenarioName = scenarioNameOf(p, sp.Path)
	}
	s, diags := plan.WithScenario(p, scenarioName, sp.ScenarioYAML)
	if err := diags.Err(); err != nil {
		return nil, nil, err
	}
	return p, s, nil
}

// addPeople gives the trainer, every trainee of the plan and each reviewer
// a link and a code, keeping those the database has.
func addPeople(db *store.DB, p *plan.Plan, s *scenario.Scenario, reviewers []store.Person) error {
	have, err := db.People()
	if err != nil {
		return err
	}
	codes := map[string]bool{}
	known := map[string]bool{}
	for _, h := range have {
		codes[h.Code] = true
		known[h.Kind+"\x00"+h.ID] = true
	}
	code := func() string {
		for {
			c := room.NewCode()
			if !codes[c] {
				codes[c] = true
				return c
			}
		}
	}
	var add []store.Person
	want := func(ps store.Person) {
		if known[ps.Kind+"\x00"+ps.ID] {
			return
		}
		known[ps.Kind+"\x00"+ps.ID] = true
		ps.Token, ps.Code = room.NewToken(), code()
		add = append(add, ps)
	}
	want(store.Person{Kind: "trainer", ID: "trainer", Name: room.Word(s.Language, "trainer")})
	for _, r := range reviewers {
		want(r)
	}
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			for _, m := range g.Members {
				want(store.Person{Kind: "trainee", ID: m.ID, Name: m.Name})
			}
		}
	}
	return db.AddPeople(add)
}

func trainerOf(db *store.DB) (store.Person, error) {
	ps, err := db.People()
	if err != nil {
		return store.Person{}, err
	}
	for _, p := range ps {
		if p.Kind == "trainer" {
			return p, nil
		}
	}
	return store.Person{}, errors.New("the room has no trainer")
}

// roomURLs are the addresses the room answers at: every local network
// address of the laptop when it listens on all of them, loopback last.
func roomURLs(addr string) []string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return []string{"http://" + addr}
	}
	ip := net.ParseIP(host)
	if ip != nil && !ip.IsUnspecified() {
		return []string{"http://" + net.JoinHostPort(host, port)}
	}
	var out []string
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			n, ok := a.(*net.IPNet)
			if !ok || n.IP.IsLoopback() || n.IP.IsLinkLocalUnicast() {
				continue
			}
			if v4 := n.IP.To4(); v4 != nil {
				out = append(out, "http://"+net.JoinHostPort(v4.String(), port))
			}
		}
	}
	return append(out, "http://"+net.JoinHostPort("127.0.0.1", port))
}

// amendInRoom makes a change on the day asked for on the console, by the
// rules of yishi amend, with the roster the plan was made from.
func amendInRoom(ctx context.Context, opts *serveOptions, old *plan.Plan, s *scenario.Scenario, c room.Change) (*plan.Plan, []string, error) {
	ropts := roster.Options{}
	if scenarios.Origin(old.Scenario.Source) != scenarios.Bundled {
		ropts.ScenarioFile = s.Pos.File
	}
	// The roster's own warnings were said when the plan was made.
	quiet := newStreams(strings.NewReader(""), io.Discard, io.Discard)
	aopts := &amendOptions{IO: quiet, Plan: opts.Plan}
	known, _, err := planRosters(aopts, old, s, ropts)
	if err != nil {
		return nil, nil, err
	}
	p, rep, err := roles.Amend(ctx, s, known, old, roles.AmendOptions{FromRound: c.FromRound, Absent: c.Absent, Swaps: c.Swaps, Now: opts.Now})
	if err != nil {
		return nil, nil, err
	}
	if n := newUnmet(p, c.FromRound); n > 0 {
		return nil, nil, messages.Errorf("%w: %s cannot be kept, so the plan was not changed; make the change with yishi amend --allow-unmet if it must be", scenario.ErrInvalid, scenario.Plural(n, "%d rule", "%d rules"))
	}
	// A change that changes nothing (a trainee absent already) is not
	// recorded as an amendment.
	if len(rep.Changes) == 0 && rep.Moved == 0 {
		return nil, nil, messages.Errorf("%w: this changes nothing from round %d on: the trainees named are absent already, or would stay where they are", scenario.ErrInvalid, c.FromRound)
	}
	// What changed, as amend prints it, in the room's language.
	pr := messages.For(roomLanguage(s))
	var lines []string
	for _, ch := range rep.Changes {
		lines = append(lines, pr.Message(ch.Text))
	}
	for _, rd := range rep.Rounds {
		lines = append(lines, pr.Sprintf("round %d: moved %s; no amendment could move fewer than %d", rd.Round, scenario.Plural(rd.Moved, "%d seat", "%d seats"), rd.LowerBound))
	}
	return p, lines, nil
}

// roomErrorText renders an error for the console in the room's language:
// amend's refusals, which come as diagnostics, one after another.
func roomErrorText(pr *messages.Printer) func(error) string {
	return func(err error) string {
		var diags scenario.Diagnostics
		if errors.As(err, &diags) && len(diags) > 0 {
			parts := make([]string, len(diags))
			for i, d := range diags {
				// The text without its position, which names the command
				// line's flag (--absent), not the console's box.
				parts[i] = pr.Message(d.Text)
			}
			return strings.Join(parts, pr.T("; "))
		}
		return pr.Error(err)
	}
}
