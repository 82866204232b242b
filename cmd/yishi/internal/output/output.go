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

// Reasons a [Writer] does not write, wrapped by the [Error] it returns.
var (
	// ErrExist: a file to write is there already and force was not given.
	ErrExist = errors.New("already exists")
	// ErrNotDir: a folder to write into is a file.
	ErrNotDir = errors.New("is a file, not a folder")
	// ErrIsDir: a file to write is a folder.
	ErrIsDir = errors.New("is a folder, not a file")
	// ErrLink: a folder inside the folder a Tree writes is a symbolic link
	// (or a junction), which would take its files somewhere else.
	ErrLink = errors.New("is a symbolic link")
)

// Error is a file or folder a [Writer] could not or would not write.
type Error struct {
	// Path is the file or folder concerned.
	Path string
	// Err says why: one of the reasons above, or the file system's error.
	Err error
	msg string
}

func (e *Error) Error() string {
	if e.msg != "" {
		return e.msg
	}
	return "cannot write " + e.Path + ": " + cause(e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// cause is an error of the file system without the path and operation,
// which the message around it names already.
func cause(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

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

// Files writes every file or none: it first checks that every folder can
// be made and that no target exists (unless force), then writes each file
// atomically through a temporary file and a rename, so a reader never sees
// half a file. On failure it removes what it had written and the folders
// it had made.
func (w *Writer) Files(files []File, force bool) error {
	r := w.newRun()
	if err := r.check(files, force); err != nil {
		return err
	}
	if err := r.write(files); err != nil {
		r.undo()
		return err
	}
	return nil
}

// run is one call of Files or Tree: what it found and what it changed, so
// that a failure can take the changes back.
type run struct {
	w *Writer
	// root is the folder a Tree writes, cleaned; empty for Files.
	root string
	// dirs records, for each folder looked at, whether it exists.
	dirs map[string]bool
	// created are the folders this run made, outermost first.
	created []string
	// renamed are the files this run put in place where none was.
	renamed []string
}

func (w *Writer) newRun() *run { return &run{w: w, dirs: map[string]bool{}} }

// check finds every reason not to write files before anything is written.
func (r *run) check(files []File, force bool) error {
	var clash []string
	for _, f := range files {
		if err := r.checkDir(filepath.Dir(f.Path), f.Path); err != nil {
			return err
		}
		fi, err := r.w.FS.Lstat(f.Path)
		switch {
		case err == nil && fi.IsDir():
			return &Error{Path: f.Path, Err: ErrIsDir, msg: fmt.Sprintf("cannot write %s: it is a folder; name a file", f.Path)}
		case err == nil && !force:
			clash = append(clash, f.Path)
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return &Error{Path: f.Path, Err: err}
		}
	}
	if len(clash) > 0 {
		return existError(clash)
	}
	return nil
}

// checkDir checks that dir is a folder or can be made one: no part of it
// may be a file. target is what the caller is about to write, for the
// message.
func (r *run) checkDir(dir, target string) error {
	dir = filepath.Clean(dir)
	if _, seen := r.dirs[dir]; seen {
		return nil
	}
	if parent := filepath.Dir(dir); parent != dir {
		if err := r.checkDir(parent, target); err != nil {
			return err
		}
		if !r.dirs[parent] {
			r.dirs[dir] = false
			return nil
		}
	}
	// The folders the user named, and those above them, may be links;
	// inside a Tree's folder yishi follows none, or two runs could write
	// each other's cards, or a stale card be removed somewhere else.
	stat := r.w.FS.Stat
	if r.below(dir) {
		stat = r.w.FS.Lstat
	}
	fi, err := stat(dir)
	switch {
	case err == nil && (fi.Mode()&fs.ModeSymlink != 0 || fi.Mode()&fs.ModeIrregular != 0):
		return &Error{Path: dir, Err: ErrLink, msg: fmt.Sprintf("cannot write %s: %s is a symbolic link, and yishi writes nothing through a link inside %s; remove the link, or write to another folder", target, dir, r.root)}
	case err == nil && fi.IsDir():
		r.dirs[dir] = true
		return nil
	case err == nil:
		what := "cannot write " + target
		if filepath.Clean(target) == r.root {
			what = "cannot write into " + target
		}
		if dir == filepath.Clean(target) {
			return &Error{Path: dir, Err: ErrNotDir, msg: what + ": it is a file, not a folder"}
		}
		return &Error{Path: dir, Err: ErrNotDir, msg: fmt.Sprintf("%s: %s is a file, not a folder", what, dir)}
	case errors.Is(err, fs.ErrNotExist):
		r.dirs[dir] = false
		return nil
	}
	return &Error{Path: target, Err: err}
}

// below reports whether dir is inside the Tree's folder, not the folder
// itself.
func (r *run) below(dir string) bool {
	if r.root == "" {
		return false
	}
	rel, err := filepath.Rel(r.root, dir)
	return err == nil && rel != "." && filepath.IsLocal(rel)
}

// makeDir makes dir and the folders above it that check found missing.
func (r *run) makeDir(dir, target string) error {
	dir = filepath.Clean(dir)
	exists, seen := r.dirs[dir]
	if !seen {
		return fmt.Errorf("internal error: folder %s was not checked", dir)
	}
	if exists {
		return nil
	}
	if err := r.makeDir(filepath.Dir(dir), target); err != nil {
		return err
	}
	if err := r.w.FS.Mkdir(dir, 0o755); err != nil {
		return &Error{Path: target, Err: err}
	}
	r.dirs[dir] = true
	r.created = append(r.created, dir)
	return nil
}

// write writes files, each through a temporary file renamed into place.
func (r *run) write(files []File) error {
	for _, f := range files {
		existed, err := r.exists(f.Path)
		if err != nil {
			return err
		}
		if err := r.writeAtomic(f.Path, f.Data); err != nil {
			return err
		}
		if !existed {
			r.renamed = append(r.renamed, f.Path)
		}
	}
	return nil
}

func (r *run) exists(path string) (bool, error) {
	_, err := r.w.FS.Lstat(path)
	if err == nil {
		return true, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return false, &Error{Path: path, Err: err}
}

// undo takes back a failed run's files and folders.
func (r *run) undo() {
	for _, p := range r.renamed {
		r.w.FS.Remove(p)
	}
	for i := len(r.created) - 1; i >= 0; i-- {
		r.w.FS.Remove(r.created[i]) // only if empty
	}
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

// tempName is the name of a temporary file beside path: ".NAME.tmp-DIGITS".
func tempName(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-"+strconv.FormatUint(uint64(rand.Uint32()), 10))
}

func (r *run) writeAtomic(path string, data []byte) error {
	if err := r.makeDir(filepath.Dir(path), path); err != nil {
		return err
	}
	var (
		tmp Handle
		err error
	)
	for range 10000 {
		tmp, err = r.w.FS.OpenFile(tempName(path), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return &Error{Path: path, Err: err}
	}
	defer r.w.FS.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return &Error{Path: path, Err: err}
	}
	if err := tmp.Close(); err != nil {
		return &Error{Path: path, Err: err}
	}
	if err := r.w.FS.Rename(tmp.Name(), path); err != nil {
		return &Error{Path: path, Err: err}
	}
	return nil
}

// Tree writes files, all under dir, as [Writer.Files] does, and keeps
// dir's manifest. A folder that holds an earlier run's files is replaced
// only with force: then the files of the earlier run that this run does not
// write are removed, so no stale card (with another role's confidential
// brief) is left beside the new ones. Files yishi did not write are never
// removed.
func (w *Writer) Tree(dir string, files []File, force bool) error {
	r := w.newRun()
	r.root = filepath.Clean(dir)
	if err := r.checkDir(dir, dir); err != nil {
		return err
	}
	manifest := filepath.Join(dir, ManifestName)
	var old []string
	if r.dirs[filepath.Clean(dir)] {
		var err error
		if old, err = w.readManifest(dir); err != nil {
			return err
		}
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
	all := append(files, File{Path: manifest, Data: []byte(strings.Join(names, "\n") + "\n")})
	if err := r.check(all, force || len(old) > 0); err != nil {
		return err
	}
	var stale []string
	for _, rel := range old {
		if keep[rel] {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := r.checkDir(filepath.Dir(p), p); err != nil {
			return err
		}
		stale = append(stale, p)
	}
	if err := r.write(all); err != nil {
		r.undo()
		return err
	}
	for _, p := range stale {
		if err := w.FS.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return &Error{Path: p, Err: err, msg: fmt.Sprintf("cannot remove %s, a file of the earlier run: %s", p, cause(err))}
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
	name := filepath.Join(dir, ManifestName)
	data, err := w.FS.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &Error{Path: name, Err: err, msg: fmt.Sprintf("cannot read %s, the list of files an earlier run wrote: %s", name, cause(err))}
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
