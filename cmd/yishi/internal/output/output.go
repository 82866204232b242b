// Package output writes the files yishi's commands produce: every file of a
// command or none, each one atomically (a temporary file renamed into
// place), never over an existing file unless forced, and whole folders of
// files (role cards, the demo) replaced as one set through a manifest.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// File is one file a command is about to write.
type File struct {
	Path string
	Data []byte
}

// ErrExist is wrapped by the error a write returns when a file it would
// write is there already and force was not given.
var ErrExist = errors.New("already exists")

// ManifestName is the file in which a folder written by [Writer.Tree]
// lists what it holds, so that a later run with force can remove what it
// no longer writes.
const ManifestName = ".yishi-manifest"

// Writer writes files to FS.
type Writer struct {
	FS FS
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// New returns a Writer on fsys.
func New(fsys FS, now func() time.Time) *Writer { return &Writer{FS: fsys, Now: now} }

// Files writes every file or none: it first checks that no target exists
// (unless force), then writes each file atomically through a temporary
// file and a rename, so a reader never sees half a file. On failure it
// removes what it had written.
func (w *Writer) Files(files []File, force bool) error {
	var clash []string
	for _, f := range files {
		if _, err := w.FS.Lstat(f.Path); err == nil && !force {
			clash = append(clash, f.Path)
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if len(clash) > 0 {
		return existError(clash)
	}
	var written []string
	for _, f := range files {
		if err := w.writeAtomic(f.Path, f.Data); err != nil {
			for _, p := range written {
				w.FS.Remove(p)
			}
			return err
		}
		written = append(written, f.Path)
	}
	return nil
}

func existError(clash []string) error {
	more := ""
	if len(clash) > 3 {
		more = fmt.Sprintf(" and %d more", len(clash)-3)
		clash = clash[:3]
	}
	verb := "exists"
	if len(clash) > 1 || more != "" {
		verb = "exist"
	}
	return &Error{Path: clash[0], Err: ErrExist, msg: fmt.Sprintf("%s%s already %s; use --force to overwrite", strings.Join(clash, ", "), more, verb)}
}

// Error is a file or folder a [Writer] could not or would not write.
type Error struct {
	// Path is the file or folder concerned.
	Path string
	// Err says why: [ErrExist], or the file system's error.
	Err error
	msg string
}

func (e *Error) Error() string {
	if e.msg != "" {
		return e.msg
	}
	return e.Path + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// tempName is the name of a temporary file beside path: ".NAME.tmp-DIGITS".
func tempName(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-"+strconv.FormatUint(uint64(rand.Uint32()), 10))
}

func (w *Writer) writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := w.FS.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var (
		tmp Handle
		err error
	)
	for range 10000 {
		tmp, err = w.FS.OpenFile(tempName(path), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return err
	}
	defer w.FS.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return w.FS.Rename(tmp.Name(), path)
}

// Tree writes files, all under dir, as [Writer.Files] does, and keeps
// dir's manifest. A folder that holds an earlier run's files is replaced
// only with force: then the files of the earlier run that this run does not
// write are removed, so no stale card (with another role's confidential
// brief) is left beside the new ones. Files yishi did not write are never
// removed.
func (w *Writer) Tree(dir string, files []File, force bool) error {
	manifest := filepath.Join(dir, ManifestName)
	old, err := w.readManifest(dir)
	if err != nil {
		return err
	}
	if len(old) > 0 && !force {
		return &Error{Path: dir, Err: ErrExist, msg: fmt.Sprintf("%s holds %d files of an earlier run; use --force to overwrite them (those this run does not write are removed, so no stale card stays behind)", dir, len(old))}
	}
	keep := map[string]bool{}
	var names []string
	for _, f := range files {
		rel, err := filepath.Rel(dir, f.Path)
		if err != nil || !filepath.IsLocal(rel) {
			return fmt.Errorf("internal error: %s is not under %s", f.Path, dir)
		}
		rel = filepath.ToSlash(rel)
		keep[rel] = true
		names = append(names, rel)
	}
	sort.Strings(names)
	list := File{Path: manifest, Data: []byte(strings.Join(names, "\n") + "\n")}
	if err := w.Files(append(files, list), force || len(old) > 0); err != nil {
		return err
	}
	for _, rel := range old {
		if keep[rel] {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := w.FS.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		// Remove folders the stale file leaves empty, up to dir.
		for d := filepath.Dir(p); d != filepath.Clean(dir) && strings.HasPrefix(d, filepath.Clean(dir)); d = filepath.Dir(d) {
			if w.FS.Remove(d) != nil {
				break
			}
		}
	}
	return nil
}

// readManifest lists the files an earlier run wrote under dir, ignoring
// any entry that would leave dir.
func (w *Writer) readManifest(dir string) ([]string, error) {
	data, err := w.FS.ReadFile(filepath.Join(dir, ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || !filepath.IsLocal(filepath.FromSlash(line)) || line == ManifestName {
			continue
		}
		out = append(out, line)
	}
	return out, nil
}
