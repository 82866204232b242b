package main

import (
	"encoding/json"
	"fmt"
	"io"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // the benchmark could not run (bad data, I/O)
	exitUsage   = 2 // the command line is wrong
)

const usage = `usage:
  yishi-bench mdgp --instances DIR --best FILE [--filter S] [--scale X] [--seed N]
  yishi-bench categorical [--sizes 30,200,1000,10000,100000] [--attrs 2..5] [--seed N]
  yishi-bench room [--yishi BIN] [--phones 200] [--reviewers 50] [--changes 20]
`

// run is the whole command behind main: it parses args, runs one
// benchmark and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "mdgp":
		opts, err := parseMDGPArgs(args[1:], stderr)
		if err != nil {
			return exitUsage
		}
		opts.Out = stdout
		if err := runMDGP(opts); err != nil {
			fmt.Fprintln(stderr, "yishi-bench:", err)
			return exitFailure
		}
	case "categorical":
		opts, err := parseCategoricalArgs(args[1:], stderr)
		if err != nil {
			return exitUsage
		}
		opts.Out = stdout
		if err := runCategorical(opts); err != nil {
			fmt.Fprintln(stderr, "yishi-bench:", err)
			return exitFailure
		}
	case "room":
		opts, err := parseRoomArgs(args[1:], stderr)
		if err != nil {
			return exitUsage
		}
		opts.Out = stdout
		if err := runRoom(opts); err != nil {
			fmt.Fprintln(stderr, "yishi-bench:", err)
			return exitFailure
		}
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "yishi-bench: unknown benchmark %q\n%s", args[0], usage)
		return exitUsage
	}
	return exitOK
}

// writeJSON prints v as one JSON line.
func writeJSON(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}
