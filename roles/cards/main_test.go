package cards

import "flag"

// update rewrites the golden files under testdata/cards instead of
// comparing with them: go test ./roles/cards -update, then read the diff.
// The external tests of the package read it through flag.Lookup.
var _ = flag.Bool("update", false, "rewrite the golden files under testdata/cards")
