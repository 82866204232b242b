package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/yishi-council/yishi/roles/grouping"
	"github.com/yishi-council/yishi/scenario"
)

// mdgpOptions holds the flags of the mdgp benchmark and its output stream.
type mdgpOptions struct {
	Instances string
	Best      string
	Filter    string
	Scale     float64
	Seed      uint64
	Out       io.Writer
}

func parseMDGPArgs(args []string, stderr io.Writer) (mdgpOptions, error) {
	var o mdgpOptions
	fs := flag.NewFlagSet("mdgp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.Instances, "instances", "", "folder of MDGPLIB instance files (*.txt)")
	fs.StringVar(&o.Best, "best", "", "CSV of best-known values (best_known_copied.csv)")
	fs.StringVar(&o.Filter, "filter", "", "only instances whose name contains this")
	fs.Float64Var(&o.Scale, "scale", 1, "multiply the time budgets by this")
	fs.Uint64Var(&o.Seed, "seed", 1, "random seed")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		err := fmt.Errorf("unexpected arguments %q", fs.Args())
		fmt.Fprintln(stderr, "yishi-bench mdgp:", err)
		return o, err
	}
	if o.Instances == "" || !(o.Scale > 0) {
		err := errors.New("--instances is required and --scale must be > 0")
		fmt.Fprintln(stderr, "yishi-bench mdgp:", err)
		return o, err
	}
	return o, nil
}

// mdgpResult is one output line per instance.
type mdgpResult struct {
	Instance  string   `json:"instance"`
	Class     string   `json:"class"`
	N         int      `json:"n"`
	G         int      `json:"G"`
	Seed      uint64   `json:"seed"`
	BudgetS   float64  `json:"budget_s"`
	Objective float64  `json:"objective"`
	BestKnown *float64 `json:"best_known,omitempty"`
	GapPct    *float64 `json:"gap_pct,omitempty"`
	ElapsedS  float64  `json:"elapsed_s"`
	CPUS      float64  `json:"cpu_s"`
	Iter      int      `json:"iterations"`
}

// mdgpSummary is one output line per class.
type mdgpSummary struct {
	Summary   string  `json:"summary"`
	Instances int     `json:"instances"`
	MeanGap   float64 `json:"mean_gap_pct"`
	MaxGap    float64 `json:"max_gap_pct"`
}

// mdgpBudget is the single-thread time limit TPSDP used for an instance of
// size n; the n = 30 and 60 smoke tests get one second.
func mdgpBudget(n int) time.Duration {
	switch {
	case n <= 60:
		return time.Second
	case n <= 120:
		return 3 * time.Second
	default:
		return 20 * time.Second
	}
}

func runMDGP(o mdgpOptions) error {
	best := map[string]float64{}
	if o.Best != "" {
		var err error
		if best, err = readBestKnown(o.Best); err != nil {
			return err
		}
	}
	files, err := filepath.Glob(filepath.Join(o.Instances, "*.txt"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no *.txt instances in %s", o.Instances)
	}
	slices.Sort(files)
	gaps := map[string][]float64{}
	var classes []string
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		if !strings.Contains(name, o.Filter) {
			continue
		}
		p, err := readInstance(f)
		if err != nil {
			return err
		}
		budget := time.Duration(float64(mdgpBudget(p.N)) * o.Scale)
		start, cpuStart := time.Now(), cpuTime()
		sol, err := grouping.Solve(context.Background(), p, grouping.Options{Seed: o.Seed, Budget: budget, MaxIterations: -1})
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if len(sol.Violations) > 0 {
			return fmt.Errorf("%s: infeasible result: %s", name, sol.Violations[0].Detail)
		}
		class, _, _ := strings.Cut(name, "_")
		r := mdgpResult{Instance: name, Class: class, N: p.N, G: len(p.Groups), Seed: o.Seed,
			BudgetS: budget.Seconds(), Objective: scenario.Round3(sol.Objective),
			ElapsedS: scenario.Round3(time.Since(start).Seconds()), CPUS: scenario.Round3((cpuTime() - cpuStart).Seconds()),
			Iter: sol.Iterations}
		if bk, ok := best[name]; ok {
			gap := scenario.Round3(100 * (bk - sol.Objective) / bk)
			r.BestKnown, r.GapPct = &bk, &gap
			if _, seen := gaps[class]; !seen {
				classes = append(classes, class)
			}
			gaps[class] = append(gaps[class], 100*(bk-sol.Objective)/bk)
		}
		if err := writeJSON(o.Out, r); err != nil {
			return err
		}
	}
	for _, class := range classes {
		g := gaps[class]
		sum, worst := 0.0, math.Inf(-1)
		for _, x := range g {
			sum += x
			worst = max(worst, x)
		}
		if err := writeJSON(o.Out, mdgpSummary{Summary: class, Instances: len(g),
			MeanGap: scenario.Round3(sum / float64(len(g))), MaxGap: scenario.Round3(worst)}); err != nil {
			return err
		}
	}
	return nil
}

func readInstance(path string) (*grouping.Problem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p, err := grouping.ReadMDGPLIB(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

// readBestKnown reads the instance and best-known value columns of
// best_known_copied.csv (the columns are found by name).
func readBestKnown(path string) (map[string]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) < 1 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	inst, val := slices.Index(rows[0], "instance"), slices.Index(rows[0], "recomputed_obj_of_TPSDP_best_solution")
	if val < 0 {
		val = slices.Index(rows[0], "BKV")
	}
	if inst < 0 || val < 0 {
		return nil, fmt.Errorf("%s: want columns instance and recomputed_obj_of_TPSDP_best_solution (or BKV)", path)
	}
	out := make(map[string]float64, len(rows)-1)
	for k, row := range rows[1:] {
		v, err := strconv.ParseFloat(row[val], 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, k+2, err)
		}
		out[row[inst]] = v
	}
	return out, nil
}
