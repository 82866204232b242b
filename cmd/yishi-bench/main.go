// Command yishi-bench measures the grouping optimiser: on the public MDGPLIB
// benchmark against best-known values, and on synthetic categorical rosters
// against the upper bound.
//
// Usage:
//
//	yishi-bench mdgp --instances DIR --best FILE [--filter S] [--scale X] [--seed N]
//	yishi-bench categorical [--sizes 30,200,1000] [--attrs 2..5] [--seed N]
//
// Results are JSON lines on stdout.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
