package room

import (
	"html/template"
	"strings"

	goqr "github.com/piglig/go-qr"
)

// QRSVG is text as a QR code in SVG, to print sharply at any size.
func QRSVG(text string) (template.HTML, error) {
	q, err := goqr.EncodeText(text, goqr.Medium)
	if err != nil {
		return "", err
	}
	svg, err := q.ToSVGBytes(goqr.NewQrCodeImgConfig(4, 2, goqr.WithOptimalSVG()))
	if err != nil {
		return "", err
	}
	// The SVG is drawn by the library from a URL the room made; it holds
	// no text of anyone's.
	return template.HTML(svg), nil
}

// QRText is text as a QR code drawn with half blocks, two rows of modules
// a line, dark on light with a quiet zone, for a terminal.
func QRText(text string) (string, error) {
	q, err := goqr.EncodeText(text, goqr.Low)
	if err != nil {
		return "", err
	}
	const quiet = 2
	n := q.Size()
	dark := func(x, y int) bool {
		x, y = x-quiet, y-quiet
		return x >= 0 && y >= 0 && x < n && y < n && q.Module(x, y)
	}
	var b strings.Builder
	for y := 0; y < n+2*quiet; y += 2 {
		for x := 0; x < n+2*quiet; x++ {
			top, bottom := dark(x, y), dark(x, y+1)
			// Light modules are drawn, dark ones left blank, so the code
			// reads on a dark terminal (the usual one) as on paper.
			switch {
			case !top && !bottom:
				b.WriteString("█")
			case !top:
				b.WriteString("▀")
			case !bottom:
				b.WriteString("▄")
			default:
				b.WriteString(" ")
			}
		}
		b.WriteString("\n")
	}
	return b.String(), nil
}
