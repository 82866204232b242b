// Command yishi runs role-play drills of community negotiation councils:
// it validates scenarios, forms mixed groups, hands out role cards and
// scoresheets, and turns reviewers' scores into a debrief report.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
