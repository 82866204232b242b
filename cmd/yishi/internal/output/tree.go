package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Tree writes files, all under dir, as [Writer.Files] does, and keeps
// dir's manifest. A folder that holds an earlier run's files is replaced
// only with force: then the files of the earlier run that this run does not
// write are removed, so no stale card (with another role's confidential
// brief) is left beside the new ones. Files yishi did not write are never
// removed.
//
// A run killed half-way leaves nothing a later run keeps: before any file
// is put in place the manifest lists the earlier run's files and this
// run's together, so the next run with force removes whichever it does not
// write, and the temporary files of killed runs are removed.
//
// One run at a time writes a folder: a second run that starts while the
// first is writing fails with [ErrBusy] instead of mixing two plans' cards.
func (w *Writer) Tree(dir string, files []File, force bool) error {
	r := w.newRun()
	r.root = filepath.Clean(dir)
	if err := r.checkDir(dir, dir); err != nil {
		return err
	}
	if err := r.makeDir(dir, dir); err != nil {
		return err
	}
	unlock, err := w.lock(dir)
	if err != nil {
		r.removeCreated()
		return err
	}
	err = r.tree(dir, files, force)
	unlock()
	if err != nil {
		r.removeCreated()
	}
	return err
}

// tree is Tree once the folder is there and locked.
func (r *run) tree(dir string, files []File, force bool) error {
	manifest := filepath.Join(dir, ManifestName)
	old, err := r.earlierRun(dir, force)
	if err != nil {
		return err
	}
	keep, names, err := relativeNames(dir, files)
	if err != nil {
		return err
	}
	if err := r.check(files, force); err != nil {
		return err
	}
	if err := r.check([]File{{Path: manifest}}, true); err != nil {
		return err
	}
	var stale, oldPaths []string
	for _, rel := range old {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := r.checkDir(filepath.Dir(p), p); err != nil {
			return err
		}
		oldPaths = append(oldPaths, p)
		if !keep[rel] {
			stale = append(stale, p)
		}
	}
	if err := r.cleanTemps(append(files[:len(files):len(files)], File{Path: manifest}), oldPaths); err != nil {
		return err
	}
	if err := r.putInPlace(manifest, old, names, files); err != nil {
		return err
	}
	if err := r.removeStale(stale); err != nil {
		return err
	}
	return r.write([]File{{Path: manifest, Data: manifestData(names)}})
}

// earlierRun lists the files an earlier run wrote under dir, and refuses
// to go on without force while any of them is still there.
func (r *run) earlierRun(dir string, force bool) ([]string, error) {
	if !r.dirs[r.root] {
		return nil, nil
	}
	old, err := r.w.readManifest(dir)
	if err != nil {
		return nil, err
	}
	present := 0
	for _, rel := range old {
		if _, err := r.w.FS.Lstat(filepath.Join(dir, filepath.FromSlash(rel))); err == nil {
			present++
		}
	}
	if present > 0 && !force {
		return nil, &Error{Path: dir, Err: ErrExist, msg: fmt.Sprintf("%s holds %d files of an earlier run; use --force to overwrite them (those this run does not write are removed, so no stale card stays behind)", dir, present)}
	}
	return old, nil
}

// relativeNames returns the paths of files relative to dir, with slashes,
// as a set and in order.
func relativeNames(dir string, files []File) (map[string]bool, []string, error) {
	keep := map[string]bool{}
	var names []string
	for _, f := range files {
		rel, err := filepath.Rel(dir, f.Path)
		if err != nil || !filepath.IsLocal(rel) {
			return nil, nil, fmt.Errorf("internal error: %s is not under %s", f.Path, dir)
		}
		rel = filepath.ToSlash(rel)
		keep[rel] = true
		names = append(names, rel)
	}
	return keep, names, nil
}

// putInPlace writes the journal, then the files. Until the new manifest is
// in place the manifest names every file that may be there, the earlier
// run's and this one's; if the files cannot be written and no earlier file
// was touched, the folder is left as it was.
func (r *run) putInPlace(manifest string, old, names []string, files []File) error {
	oldManifest, err := r.exists(manifest)
	if err != nil {
		return err
	}
	journal := File{Path: manifest, Data: manifestData(append(append([]string(nil), old...), names...))}
	if err := r.write([]File{journal}); err != nil {
		r.undo()
		return err
	}
	r.renamed = nil // the journal stays unless nothing else changes
	before := r.replaced
	if err := r.write(files); err != nil {
		r.undo()
		if r.replaced == before {
			if oldManifest {
				r.write([]File{{Path: manifest, Data: manifestData(old)}})
			} else {
				r.w.FS.Remove(manifest)
			}
		}
		return err
	}
	return nil
}

// removeStale removes the earlier run's files this run does not write, and
// the folders they leave empty. It runs before the manifest stops naming
// them, so that a failure here leaves them for the next run to remove.
func (r *run) removeStale(stale []string) error {
	for _, p := range stale {
		if err := r.w.FS.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return &Error{Path: p, Err: err, msg: fmt.Sprintf("cannot remove %s, a file of the earlier run: %s", p, cause(err))}
		}
		for d := filepath.Dir(p); r.below(d); d = filepath.Dir(d) {
			if r.w.FS.Remove(d) != nil {
				break
			}
		}
	}
	return nil
}

// manifestData is a manifest listing names, sorted, once each.
func manifestData(names []string) []byte {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	var b strings.Builder
	for i, n := range sorted {
		if i > 0 && n == sorted[i-1] {
			continue
		}
		b.WriteString(n)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// readManifest lists the files an earlier run wrote under dir (or may
// have, if it was killed), ignoring any entry that would leave dir.
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

// LockName is the file in a folder that a [Writer.Tree] is writing which
// holds the lock and says who holds it.
const LockName = ".yishi-lock"

// lock locks dir for one Tree run, writing who holds the lock into the
// lock file so that another run can say so.
func (w *Writer) lock(dir string) (unlock func(), err error) {
	name := filepath.Join(dir, LockName)
	h, err := w.FS.Lock(name)
	if errors.Is(err, ErrBusy) {
		return nil, &Error{Path: dir, Err: ErrBusy, msg: w.busyMessage(dir, name)}
	}
	if err != nil {
		return nil, &Error{Path: dir, Err: err, msg: fmt.Sprintf("cannot lock %s for writing: %s", dir, cause(err))}
	}
	now := time.Now
	if w.Now != nil {
		now = w.Now
	}
	host, _ := os.Hostname()
	// Who holds the lock is for people; failing to say it stops nothing.
	fmt.Fprintf(h, "pid %d\nhost %s\nsince %s\n", os.Getpid(), host, now().Format(time.RFC3339))
	return func() { h.Close() }, nil
}

// busyMessage says that another run is writing dir, and which, as far as
// its lock file tells.
func (w *Writer) busyMessage(dir, lockFile string) string {
	who := "another yishi run"
	if data, err := w.FS.ReadFile(lockFile); err == nil {
		var pid, host, since string
		for _, line := range strings.Split(string(data), "\n") {
			k, v, _ := strings.Cut(line, " ")
			switch k {
			case "pid":
				pid = v
			case "host":
				host = v
			case "since":
				since = v
			}
		}
		var about []string
		if pid != "" {
			p := "pid " + pid
			if myHost, _ := os.Hostname(); host != "" && host != myHost {
				p += " on " + host
			}
			about = append(about, p)
		}
		if t, err := time.Parse(time.RFC3339, since); err == nil {
			about = append(about, "since "+t.Local().Format("15:04:05"))
		}
		if len(about) > 0 {
			who += " (" + strings.Join(about, ", ") + ")"
		}
	}
	msg := fmt.Sprintf("%s is writing into %s; wait for it to finish, or write to another folder", who, dir)
	if !lockSurvivesKill {
		msg += fmt.Sprintf(" (if no yishi is running, remove %s)", lockFile)
	}
	return msg
}
