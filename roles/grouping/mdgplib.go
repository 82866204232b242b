package grouping

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ReadMDGPLIB reads an instance of the public MDGPLIB benchmark: a first
// line `n G type LB_1 UB_1 ... LB_G UB_G` (type "ss" or "ds"), then one line
// `i j d_ij` per pair i < j with 0-based indices. It returns a [Problem] with
// a dense [Problem.Dist]; pairs not listed have distance 0. It accepts n
// up to 20,000 (the dense matrix then takes 3.2 GB); MDGPLIB goes to 3,000.
const maxMDGPLIBSize = 20000

func ReadMDGPLIB(r io.Reader) (*Problem, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	var header []string
	for sc.Scan() {
		line++
		if f := strings.Fields(sc.Text()); len(f) > 0 {
			header = f
			break
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("mdgplib: %w", err)
	}
	if len(header) < 3 {
		return nil, fmt.Errorf("mdgplib:%d: header %q: want `n G type LB_1 UB_1 ...`", line, strings.Join(header, " "))
	}
	n, err1 := strconv.Atoi(header[0])
	g, err2 := strconv.Atoi(header[1])
	if err1 != nil || err2 != nil || n <= 0 || g <= 0 || n > maxMDGPLIBSize {
		return nil, fmt.Errorf("mdgplib:%d: header: bad n %q or G %q", line, header[0], header[1])
	}
	if typ := header[2]; typ != "ss" && typ != "ds" {
		return nil, fmt.Errorf("mdgplib:%d: header: type %q, want ss or ds", line, typ)
	}
	if len(header) != 3+2*g {
		return nil, fmt.Errorf("mdgplib:%d: header has %d bounds, want %d for G = %d", line, len(header)-3, 2*g, g)
	}
	p := &Problem{N: n, Dist: make([]float64, n*n), Groups: make([]Bounds, g)}
	for k := range p.Groups {
		lo, err1 := strconv.Atoi(header[3+2*k])
		hi, err2 := strconv.Atoi(header[4+2*k])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("mdgplib:%d: header: bad bounds of group %d", line, k)
		}
		p.Groups[k] = Bounds{Min: lo, Max: hi}
	}
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("mdgplib:%d: want `i j d`, got %q", line, sc.Text())
		}
		i, err1 := strconv.Atoi(f[0])
		j, err2 := strconv.Atoi(f[1])
		d, err3 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil || err3 != nil || i < 0 || j < 0 || i >= n || j >= n || i == j {
			return nil, fmt.Errorf("mdgplib:%d: bad pair %q", line, sc.Text())
		}
		p.Dist[i*n+j] = d
		p.Dist[j*n+i] = d
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("mdgplib:%d: %w", line, err)
	}
	return p, nil
}
