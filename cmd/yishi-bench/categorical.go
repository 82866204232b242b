package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/yishi-council/yishi/roles/grouping"
	"github.com/yishi-council/yishi/scenario"
)

// categoricalOptions holds the flags of the categorical benchmark and its
// output stream.
type categoricalOptions struct {
	Sizes    []int
	MinAttrs int
	MaxAttrs int
	Seed     uint64
	Out      io.Writer
}

func parseCategoricalArgs(args []string, stderr io.Writer) (categoricalOptions, error) {
	o := categoricalOptions{}
	var sizes, attrs string
	fs := flag.NewFlagSet("categorical", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&sizes, "sizes", "30,200,1000,10000,100000", "comma-separated roster sizes")
	fs.StringVar(&attrs, "attrs", "2..5", "number of attributes: N or LO..HI")
	fs.Uint64Var(&o.Seed, "seed", 1, "random seed for the rosters and the optimiser")
	fail := func(err error) (categoricalOptions, error) {
		fmt.Fprintln(stderr, "yishi-bench categorical:", err)
		return o, err
	}
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return fail(fmt.Errorf("unexpected arguments %q", fs.Args()))
	}
	for _, f := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 2 {
			return fail(fmt.Errorf("--sizes: %q is not a size >= 2", f))
		}
		o.Sizes = append(o.Sizes, n)
	}
	lo, hi, isRange := strings.Cut(attrs, "..")
	if !isRange {
		hi = lo
	}
	var err1, err2 error
	o.MinAttrs, err1 = strconv.Atoi(lo)
	o.MaxAttrs, err2 = strconv.Atoi(hi)
	if err1 != nil || err2 != nil || o.MinAttrs < 1 || o.MaxAttrs > 5 || o.MinAttrs > o.MaxAttrs {
		return fail(errors.New("--attrs: want N or LO..HI within 1..5"))
	}
	return o, nil
}

// categoricalResult is one output line per roster.
type categoricalResult struct {
	N         int     `json:"n"`
	Attrs     int     `json:"attrs"`
	Groups    int     `json:"groups"`
	Seed      uint64  `json:"seed"`
	ElapsedMS float64 `json:"elapsed_ms"`
	// CPUMS is the process CPU time (user + system) used by the run.
	CPUMS float64 `json:"cpu_ms"`
	// SysMiB is runtime.MemStats.Sys after the run: memory the process
	// obtained from the OS, the honest near-peak figure.
	SysMiB float64 `json:"sys_mib"`
	// AllocMiB is the TotalAlloc increase during the run (roster build
	// excluded): every byte the optimiser allocated, freed or not.
	AllocMiB   float64 `json:"alloc_mib"`
	Objective  float64 `json:"objective"`
	Bound      float64 `json:"bound"`
	GapPct     float64 `json:"gap_pct"`
	Iterations int     `json:"iterations"`
	Violations int     `json:"violations"`
}

func runCategorical(o categoricalOptions) error {
	for _, n := range o.Sizes {
		for a := o.MinAttrs; a <= o.MaxAttrs; a++ {
			p := syntheticRoster(n, a, o.Seed)
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start, cpuStart := time.Now(), cpuTime()
			sol, err := grouping.Solve(context.Background(), p, grouping.Options{Seed: o.Seed, Budget: 60 * time.Second})
			elapsed, cpu := time.Since(start), cpuTime()-cpuStart
			if err != nil {
				return fmt.Errorf("n=%d attrs=%d: %w", n, a, err)
			}
			runtime.ReadMemStats(&after)
			gap := 0.0
			if sol.Bound > 0 {
				gap = 100 * (sol.Bound - sol.Objective) / sol.Bound
			}
			r := categoricalResult{N: n, Attrs: a, Groups: len(p.Groups), Seed: o.Seed,
				ElapsedMS: math.Round(float64(elapsed.Microseconds())/10) / 100,
				CPUMS:     math.Round(float64(cpu.Microseconds())/10) / 100,
				SysMiB:    scenario.Round3(float64(after.Sys) / (1 << 20)),
				AllocMiB:  scenario.Round3(float64(after.TotalAlloc-before.TotalAlloc) / (1 << 20)),
				Objective: scenario.Round3(sol.Objective), Bound: scenario.Round3(sol.Bound),
				GapPct: math.Round(gap*1e4) / 1e4, Iterations: sol.Iterations, Violations: len(sol.Violations)}
			if err := writeJSON(o.Out, r); err != nil {
				return err
			}
		}
	}
	return nil
}

// syntheticRoster builds a deterministic roster of n trainees with the
// first attrs of: unit (about n/25 communities of uneven size), background
// (7 professions, skewed), gender (2, 55/45), age band (5) and language (4,
// 5% missing). Groups hold 8 trainees, or 7 or 9 where n is not a multiple.
func syntheticRoster(n, attrs int, seed uint64) *grouping.Problem {
	rng := rand.New(rand.NewPCG(seed, uint64(n)*31+uint64(attrs)))
	type spec struct {
		name    string
		k       int
		skew    float64
		missing float64
		weight  float64
	}
	specs := []spec{
		{"unit", max(2, n/25), 0.8, 0, 2},
		{"background", 7, 0.7, 0, 1.5},
		{"gender", 2, 0.2, 0, 1},
		{"age", 5, 0.3, 0, 0.5},
		{"language", 4, 0.9, 0.05, 0.5},
	}
	p := &grouping.Problem{N: n}
	for _, s := range specs[:attrs] {
		// Category c has weight 1/(c+1)^skew.
		cum := make([]float64, s.k)
		total := 0.0
		for c := range cum {
			total += 1 / math.Pow(float64(c+1), s.skew)
			cum[c] = total
		}
		vals := make([]int, n)
		for i := range vals {
			if rng.Float64() < s.missing {
				vals[i] = -1
				continue
			}
			x := rng.Float64() * total
			c := 0
			for c < s.k-1 && cum[c] < x {
				c++
			}
			vals[i] = c
		}
		p.Categorical = append(p.Categorical, grouping.CategoricalAttr{Name: s.name, Weight: s.weight, Values: vals})
	}
	G := max(1, (n+4)/8)
	p.Groups = make([]grouping.Bounds, G)
	for g := range p.Groups {
		p.Groups[g] = grouping.Bounds{Min: n / G, Max: (n + G - 1) / G}
	}
	return p
}
