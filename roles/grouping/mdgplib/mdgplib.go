// Package mdgplib finds the public MDGPLIB benchmark data that the tests and
// benchmarks of the grouping optimiser read: the folder shared/mdgp beside
// the repository (see DESIGN.md and mdgp/README.md there). The data is not
// part of the repository, so a test that needs it skips on a machine
// without it; in CI (CI=true) a missing folder fails the test instead, so
// that CI cannot pass by checking nothing.
package mdgplib

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// EnvDir names the environment variable that, when set, gives the data's
// folder, for a checkout that does not stand beside shared/.
const EnvDir = "YISHI_MDGP_DIR"

// Root returns the data's folder: the one [EnvDir] names, else shared/mdgp
// in the parent of the module root, found from the working directory (a
// test runs in its package's folder). It does not check that the folder
// exists.
func Root() (string, error) {
	if dir := os.Getenv(EnvDir); dir != "" {
		return dir, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared", "mdgp"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Optional returns the folder sub of the data (such as "instances") and
// true when it exists, and false when it does not, for a test that can do
// without it. With CI=true a missing folder fails the test.
func Optional(t testing.TB, sub string) (string, bool) {
	t.Helper()
	root, err := Root()
	if err != nil {
		return check(t, "", err)
	}
	dir := filepath.Join(root, sub)
	_, err = os.Stat(dir)
	return check(t, dir, err)
}

// Dir returns the folder sub of the data, skipping the test when it is
// absent, or failing it when CI=true.
func Dir(t testing.TB, sub string) string {
	t.Helper()
	dir, ok := Optional(t, sub)
	if !ok {
		t.Skipf("MDGPLIB data not found at %s; the test is skipped (with CI=true it fails)", dir)
	}
	return dir
}

func check(t testing.TB, dir string, err error) (string, bool) {
	t.Helper()
	if err == nil {
		return dir, true
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true but the MDGPLIB data is not at %s (%v): place the shared mdgp folder beside the repository, or name it in %s, so this test runs", dir, err, EnvDir)
	}
	return dir, false
}
