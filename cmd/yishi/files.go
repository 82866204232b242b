package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/yishi-council/yishi/scenario"
)

// outFile is one file a command is about to write.
type outFile struct {
	Path string
	Data []byte
}

// writeFiles writes every file or none: it first checks that no target
// exists (unless force) and that each directory can be made, then writes
// each file atomically through a temporary file and a rename, so a reader
// never sees half a file. On failure it removes what it had written.
func writeFiles(files []outFile, force bool) error {
	var clash []string
	for _, f := range files {
		if _, err := os.Lstat(f.Path); err == nil && !force {
			clash = append(clash, f.Path)
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if len(clash) > 0 {
		more := ""
		if len(clash) > 3 {
			more = fmt.Sprintf(" and %d more", len(clash)-3)
			clash = clash[:3]
		}
		verb := "exists"
		if len(clash)+len(more) > 1 || more != "" {
			verb = "exist"
		}
		return fmt.Errorf("%w: %s%s already %s; use --force to overwrite", scenario.ErrInvalid, strings.Join(clash, ", "), more, verb)
	}
	var written []string
	for _, f := range files {
		if err := writeAtomic(f.Path, f.Data); err != nil {
			for _, w := range written {
				os.Remove(w)
			}
			return err
		}
		written = append(written, f.Path)
	}
	return nil
}

func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// cleanFileError turns an os error into a message without repeating the
// file name the caller puts in front.
func cleanFileError(err error, file string) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return strings.TrimPrefix(err.Error(), file+": ")
}

// manifestName is the file in which a command that writes a directory of
// files (cards, scoresheets, the demo) lists what it wrote, so that a later
// run with --force can remove what it no longer writes.
const manifestName = ".yishi-manifest"

// writeTree writes files, all under dir, as writeFiles does, and keeps
// dir's manifest. A directory that holds an earlier run's files is replaced
// only with force: then the files of the earlier run that this run does not
// write are removed, so no stale card (with another role's confidential
// brief) is left beside the new ones. Files yishi did not write are never
// removed.
func writeTree(dir string, files []outFile, force bool) error {
	manifest := filepath.Join(dir, manifestName)
	old, err := readManifest(dir)
	if err != nil {
		return err
	}
	if len(old) > 0 && !force {
		return fmt.Errorf("%w: %s holds %d files of an earlier run; use --force to overwrite them (those this run does not write are removed, so no stale card stays behind)", scenario.ErrInvalid, dir, len(old))
	}
	keep := map[string]bool{}
	var names []string
	for _, f := range files {
		rel, err := filepath.Rel(dir, f.Path)
		if err != nil || strings.HasPrefix(rel, "..") {
			return fmt.Errorf("internal error: %s is not under %s", f.Path, dir)
		}
		rel = filepath.ToSlash(rel)
		keep[rel] = true
		names = append(names, rel)
	}
	sort.Strings(names)
	list := outFile{Path: manifest, Data: []byte(strings.Join(names, "\n") + "\n")}
	if err := writeFiles(append(files, list), force || len(old) > 0); err != nil {
		return err
	}
	for _, rel := range old {
		if keep[rel] {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		// Remove directories the stale file leaves empty, up to dir.
		for d := filepath.Dir(p); d != filepath.Clean(dir) && strings.HasPrefix(d, filepath.Clean(dir)); d = filepath.Dir(d) {
			if os.Remove(d) != nil {
				break
			}
		}
	}
	return nil
}

// readManifest lists the files an earlier run wrote under dir, ignoring
// any entry that would leave dir.
func readManifest(dir string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || !filepath.IsLocal(filepath.FromSlash(line)) || line == manifestName {
			continue
		}
		out = append(out, line)
	}
	return out, nil
}
