package dict

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"sync"
)

// pos.dat.gz: jieba's part-of-speech tag of each entry's simplified headword,
// one line per entry (see internal/gen).
//
//go:embed pos.dat.gz
var embeddedPOS []byte

// posTags holds the tags, parsed on the first call of POS.
type posTags struct {
	once  sync.Once
	names []string // tag names; index 0 is ""
	codes []uint8  // per entry, an index into names
}

var posData posTags

// POS returns the part-of-speech tag jieba's dictionary gives word ("n",
// "v", "vn", "a", "d", "nr" person, "ns" place, "nt" organization, ...;
// see jieba's documentation), or "" when it has none. Only dictionary
// headwords have tags; a traditional headword has its simplified form's.
func (d *Dict) POS(word string) string {
	k, ok := d.find(word)
	if !ok || d.keys[k].nent == 0 {
		return ""
	}
	posData.once.Do(func() {
		if err := posData.load(embeddedPOS, len(d.entries)); err != nil {
			panic("dict: embedded part-of-speech data: " + err.Error())
		}
	})
	kk := d.keys[k]
	for _, e := range d.refs[kk.first : kk.first+uint32(kk.nent)] {
		if int(e) < len(posData.codes) && posData.codes[e] != 0 {
			return posData.names[posData.codes[e]]
		}
	}
	return ""
}

func (p *posTags) load(data []byte, entries int) error {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return err
	}
	lines := bytes.Split(raw, []byte{'\n'})
	i := 0
	for i < len(lines) && !bytes.HasPrefix(lines[i], []byte("#@tags ")) {
		i++
	}
	if i == len(lines) {
		return fmt.Errorf("no #@tags section")
	}
	n, err := strconv.Atoi(string(lines[i][len("#@tags "):]))
	if err != nil || n != entries || i+1+n >= len(lines) || string(lines[i+1+n]) != "#@end" {
		return fmt.Errorf("%d tags for %d entries", n, entries)
	}
	index := map[string]uint8{"": 0}
	p.names = []string{""}
	p.codes = make([]uint8, n)
	for k, l := range lines[i+1 : i+1+n] {
		c, ok := index[string(l)]
		if !ok {
			if len(p.names) == 255 {
				return fmt.Errorf("too many tags")
			}
			c = uint8(len(p.names))
			index[string(l)] = c
			p.names = append(p.names, string(l))
		}
		p.codes[k] = c
	}
	return nil
}
