package scenario

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest scenario, rubric or scoresheet file yishi reads.
// Larger files are refused before they are parsed.
const MaxFileSize = 4 << 20

// maxNodes bounds the nodes one decode may visit, counting every expansion
// of an alias, so that a "billion laughs" document is refused quickly.
const maxNodes = 200_000

// nodeDecoder is implemented by types that decode themselves from a YAML
// node, such as [Text] and [Duration].
type nodeDecoder interface {
	decodeNode(d *decoder, n *yaml.Node, path string)
}

// decoder walks a yaml.Node tree into Go values by their `yaml` tags. Unlike
// yaml.v3's own decoder it keeps going after a problem, so a file's problems
// are all reported at once, each with its line and column, and it records
// where every value stood so that later validation can point at it.
type decoder struct {
	file    string
	diags   *Diagnostics
	pos     map[string]Pos
	failed  map[string]bool // paths whose value could not be decoded
	budget  int
	errors  int
	aliased bool // an alias was followed
	bombed  bool // decoding stopped: too many values or too many problems
	// truncated is set when decoding stopped at maxErrors problems.
	truncated bool
}

// maxErrors is how many problems a decode reports before it stops, as the
// Go compiler does: past that, more messages help nobody.
const maxErrors = 100

func newDecoder(file string, diags *Diagnostics) *decoder {
	return &decoder{file: file, diags: diags, pos: map[string]Pos{}, failed: map[string]bool{}, budget: maxNodes}
}

func (d *decoder) at(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	if d.bombed {
		return
	}
	d.diags.Errorf(d.at(n), format, args...)
	d.errors++
	if d.errors >= maxErrors {
		d.bombed, d.truncated = true, true
	}
}

// finish sorts the diagnostics and, when decoding stopped at maxErrors,
// says so after the last of them.
func (d *decoder) finish() {
	d.diags.Sort()
	if d.truncated {
		last := (*d.diags)[len(*d.diags)-1].Pos
		d.diags.Errorf(last, "too many problems (%d); stopped here: fix these and validate again", maxErrors)
	}
}

// typeErrorf reports a value of the wrong type at path; validation then
// says nothing more about that path (no "missing" after "expected a number").
func (d *decoder) typeErrorf(n *yaml.Node, path, format string, args ...any) {
	d.failed[path] = true
	d.errorf(n, format, args...)
}

// resolve follows aliases, charging the node budget for each step.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		d.aliased = true
		n = n.Alias
	}
	return n
}

func (d *decoder) spend(n *yaml.Node) bool {
	if d.bombed {
		return false
	}
	d.budget--
	if d.budget < 0 {
		if d.aliased {
			d.errorf(n, "document expands to more than %d values through its aliases (an alias bomb?); refusing to read it", maxNodes)
		} else {
			d.errorf(n, "document has more than %d values; refusing to read it", maxNodes)
		}
		d.bombed = true
		return false
	}
	return true
}

// decode stores node n into v, recording problems and positions under path.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	if !d.spend(n) {
		return
	}
	orig := n
	n = d.resolve(n)
	if n == nil {
		return
	}
	d.pos[path] = d.at(orig)
	if v.CanAddr() {
		if nd, ok := v.Addr().Interface().(nodeDecoder); ok {
			nd.decodeNode(d, n, path)
			return
		}
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty value leaves the zero value
	}
	switch v.Kind() {
	case reflect.Pointer:
		// Store the pointer only when its value decoded: a count that is
		// not a number must not turn into "count: 0".
		nv := reflect.New(v.Type().Elem())
		before := len(*d.diags)
		d.decode(n, nv.Elem(), path)
		if len(*d.diags) == before {
			v.Set(nv)
		}
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.Slice:
		d.decodeSlice(n, v, path)
	case reflect.Map:
		d.decodeMap(n, v, path)
	default:
		d.decodeScalar(n, v, path)
	}
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.SequenceNode {
		d.typeErrorf(n, path, "%s: expected a list, got %s", displayPath(path), describe(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.decode(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i))
	}
	v.Set(s)
}

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.typeErrorf(n, path, "%s: expected a mapping, got %s", displayPath(path), describe(n))
		return
	}
	m := reflect.MakeMap(v.Type())
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := d.resolve(n.Content[i]), n.Content[i+1]
		ev := reflect.New(v.Type().Elem()).Elem()
		d.decode(val, ev, joinPath(path, k.Value))
		m.SetMapIndex(reflect.ValueOf(k.Value).Convert(v.Type().Key()), ev)
	}
	v.Set(m)
}

// decodeScalar stores text, a number or a boolean.
func (d *decoder) decodeScalar(n *yaml.Node, v reflect.Value, path string) {
	var want Message
	switch v.Kind() {
	case reflect.String:
		want = Msg("text")
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint64, reflect.Uint32:
		want = Msg("a whole number")
	case reflect.Float64, reflect.Float32:
		want = Msg("a number")
	case reflect.Bool:
		want = Msg("true or false")
	default:
		panic(fmt.Sprintf("scenario: decoder cannot store into %s", v.Type()))
	}
	if n.Kind != yaml.ScalarNode {
		d.typeErrorf(n, path, "%s: expected %s, got %s", displayPath(path), want, describe(n))
		return
	}
	switch v.Kind() {
	case reflect.String:
		value := n.Value
		if n.Style&yaml.FoldedStyle != 0 {
			value = TidySpaces(value) // undo YAML's folding space inside Chinese text
		}
		v.SetString(value)
	case reflect.Int, reflect.Int64, reflect.Int32:
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 10, v.Type().Bits())
		if err != nil {
			d.numberErrorf(n, path, err, Msg("a whole number"))
			return
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint64, reflect.Uint32:
		u, err := strconv.ParseUint(strings.ReplaceAll(n.Value, "_", ""), 10, v.Type().Bits())
		if err != nil {
			d.numberErrorf(n, path, err, Msg("a whole number of zero or more"))
			return
		}
		v.SetUint(u)
	case reflect.Float64, reflect.Float32:
		f, err := strconv.ParseFloat(n.Value, v.Type().Bits())
		if err == nil && (math.IsNaN(f) || math.IsInf(f, 0)) {
			err = strconv.ErrSyntax // "NaN" and "Inf" are no weight or score a person means
		}
		if err != nil {
			d.numberErrorf(n, path, err, Msg("a number"))
			return
		}
		v.SetFloat(f)
	case reflect.Bool:
		var b bool
		if n.Decode(&b) != nil {
			d.typeErrorf(n, path, "%s: expected true or false, got %s", displayPath(path), describe(n))
			return
		}
		v.SetBool(b)
	}
}

// numberErrorf reports a number that could not be read: one too large
// for any sum (such as 99999999999999999999) as past what a drill can
// use, anything else as not the number wanted.
func (d *decoder) numberErrorf(n *yaml.Node, path string, err error, want Message) {
	if errors.Is(err, strconv.ErrRange) {
		if strings.HasPrefix(strings.TrimSpace(n.Value), "-") {
			d.typeErrorf(n, path, "%s: %s is less than a drill can use", displayPath(path), n.Value)
		} else {
			d.typeErrorf(n, path, "%s: %s is more than a drill can use", displayPath(path), n.Value)
		}
		return
	}
	d.typeErrorf(n, path, "%s: expected %s, got %q", displayPath(path), want, n.Value)
}

// field describes one yaml-tagged field of a struct.
type field struct {
	name  string
	index []int
}

var fieldCache sync.Map // reflect.Type -> []field

func fieldsOf(t reflect.Type) []field {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]field)
	}
	var out []field
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("yaml")
		name := strings.Split(tag, ",")[0]
		if !sf.IsExported() || name == "-" {
			continue
		}
		if strings.Contains(tag, ",inline") {
			for _, inner := range fieldsOf(sf.Type) {
				out = append(out, field{name: inner.name, index: append([]int{i}, inner.index...)})
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(sf.Name)
		}
		out = append(out, field{name: name, index: []int{i}})
	}
	fieldCache.Store(t, out)
	return out
}

var posType = reflect.TypeOf(Pos{})

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.typeErrorf(n, path, "%s: expected a mapping of keys to values, got %s", displayPath(path), describe(n))
		return
	}
	if f := v.FieldByName("Pos"); f.IsValid() && f.Type() == posType {
		f.Set(reflect.ValueOf(d.at(n)))
	}
	fields := fieldsOf(v.Type())
	given := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		given[d.resolve(n.Content[i]).Value] = true
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if !d.spend(n.Content[i]) { // keys cost too: unknown ones are never decoded, yet each gets a message
			return
		}
		k, val := d.resolve(n.Content[i]), n.Content[i+1]
		if k.Value == "<<" {
			d.errorf(k, "%s: YAML merge keys (<<) are not supported; write the keys out", displayPath(path))
			// What the merge would have given is not missing too.
			for _, f := range fields {
				if !given[f.name] {
					d.failed[joinPath(path, f.name)] = true
				}
			}
			continue
		}
		if seen[k.Value] {
			d.errorf(k, "%s: key %q appears twice", displayPath(path), k.Value)
			continue
		}
		seen[k.Value] = true
		var fd *field
		for j := range fields {
			if fields[j].name == k.Value {
				fd = &fields[j]
				break
			}
		}
		if fd == nil {
			names := make([]string, len(fields))
			for j, f := range fields {
				names[j] = f.name
			}
			if s := Suggest(k.Value, names); s != "" {
				if path == "" {
					d.errorf(k, "unknown key %q at the top level (did you mean %q?)", k.Value, s)
				} else {
					d.errorf(k, "unknown key %q in %s (did you mean %q?)", k.Value, displayPath(path), s)
				}
				if !given[s] {
					d.failed[joinPath(path, s)] = true // the value is there, under a misspelt key
				}
			} else if path == "" {
				d.errorf(k, "unknown key %q at the top level", k.Value)
			} else {
				d.errorf(k, "unknown key %q in %s", k.Value, displayPath(path))
			}
			continue
		}
		sub := joinPath(path, k.Value)
		d.pos[sub+"@key"] = d.at(k)
		d.decode(val, v.FieldByIndex(fd.index), sub)
	}
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// displayPath names a place in a document for messages: its path, or
// the top level, in words a catalogue translates.
func displayPath(path string) Message {
	if path == "" {
		return Msg("the top level")
	}
	return Msg("%s", path)
}

func describe(n *yaml.Node) Message {
	switch n.Kind {
	case yaml.MappingNode:
		return Msg("a mapping")
	case yaml.SequenceNode:
		return Msg("a list")
	case yaml.ScalarNode:
		return Msg("%q", n.Value)
	}
	return Msg("nothing")
}

// Suggest returns the candidate closest to s by edit distance, or "" when
// none is close enough to be a likely typo.
func Suggest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	ls := strings.ToLower(s)
	for _, c := range candidates {
		dist := EditDistance(ls, strings.ToLower(c))
		if dist < bestD {
			best, bestD = c, dist
		}
	}
	limit := len([]rune(s))/3 + 1
	if limit > 3 {
		limit = 3
	}
	if bestD <= limit {
		return best
	}
	return ""
}

// EditDistance is the Levenshtein distance of a and b, counted in
// characters (runes), not bytes, so that 社公 is one edit from 社工.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
