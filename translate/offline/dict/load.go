package dict

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
)

// load decompresses and indexes a data file made by internal/gen (its layout is
// described there). Decompression runs on other goroutines, part by part, while this
// one indexes the parts already done, so the two overlap when a second core is free.
// The senses are left compressed until the first lookup (see loadSenses).
func load(data []byte) (*Dict, error) {
	index, senses, err := readTable(data)
	if err != nil {
		return nil, err
	}
	z := inflateParts(data, index)
	d := &Dict{seed: maphash.MakeSeed(), buf: z.buf, data: data, sensesParts: senses}
	p := &parser{z: z}
	if err := d.loadEntries(p); err != nil {
		return nil, err
	}
	if err := d.loadFreqs(p); err != nil {
		return nil, err
	}

	// Readings are only needed by Pinyin: note where they are, parse them on first use.
	n, err := p.section("reading")
	if err != nil {
		return nil, err
	}
	start := p.pos
	for range n {
		if p.line() == nil {
			return nil, p.failed("reading")
		}
	}
	d.readingsText = [2]int{start, p.pos}

	if err := d.loadT2S(p); err != nil {
		return nil, err
	}
	if err := p.end(); err != nil {
		return nil, err
	}
	// The buffer is never written again: the text is a view of it, not a second
	// 4.8 MB copy (the copy and its fresh pages cost ~20 ms of the first load).
	d.text = unsafe.String(unsafe.SliceData(d.buf), len(d.buf))
	d.buf = nil
	return d, nil
}

// loadSenses decompresses the senses text and finds each entry's line. The data
// was checked when it was generated and by the tests, so a failure here is a bug.
func (d *Dict) loadSenses() {
	z := inflateParts(d.data, d.sensesParts)
	p := &parser{z: z}
	n, err := p.section("senses")
	if err == nil && n != len(d.entries) {
		err = fmt.Errorf("senses: %d lines for %d entries", n, len(d.entries))
	}
	if err != nil {
		panic("dict: embedded data: " + err.Error())
	}
	off := make([]uint32, n+1)
	for i := range n {
		off[i] = uint32(p.pos)
		if line := p.line(); len(line) < 2 || line[0] != '/' || line[len(line)-1] != '/' {
			panic(fmt.Sprintf("dict: embedded data: senses line %d: %v %.40q", i+1, p.err, line))
		}
	}
	off[n] = uint32(p.pos)
	if err := p.end(); err != nil {
		panic("dict: embedded data: senses: " + err.Error())
	}
	// As with the index text, a view of a buffer never written again, not a copy.
	d.senses, d.sensesOff = unsafe.String(unsafe.SliceData(z.buf), len(z.buf)), off
}

// loadEntries reads the CC-CEDICT lines and indexes their headwords.
func (d *Dict) loadEntries(p *parser) error {
	n, err := p.section("entries")
	if err != nil {
		return err
	}
	d.entries = make([]entryRec, 0, n)
	d.keys = make([]key, 0, 3*n)
	d.table = make([]uint64, nextPow2(6*n))
	d.mask = uint32(len(d.table) - 1)
	tradKey := make([]uint32, n)
	simpKey := make([]uint32, n)
	var prevTrad, prevSimp []byte
	for i := range n {
		off := p.pos
		line := p.line()
		r, ok := parseHead(line)
		if !ok {
			if p.err != nil {
				return p.err
			}
			return fmt.Errorf("entry %d: malformed line %.60q", i+1, line)
		}
		r.off = uint32(off)
		d.entries = append(d.entries, r)
		trad, simp := line[:r.tradEnd], line[r.tradEnd+1:r.simpEnd]
		tradKey[i] = d.insertWord(r.off, len(trad), prevTrad)
		simpKey[i] = tradKey[i]
		if !bytes.Equal(simp, trad) {
			simpKey[i] = d.insertWord(r.off+uint32(r.tradEnd)+1, len(simp), prevSimp)
		}
		prevTrad, prevSimp = trad, simp
	}
	d.index(tradKey, simpKey)
	d.tradKey, d.simpKey = tradKey, simpKey
	return nil
}

// loadFreqs reads the word counts, one line per entry, and turns them into
// segmentation costs.
func (d *Dict) loadFreqs(p *parser) error {
	n, err := p.section("freq")
	if err != nil {
		return err
	}
	if n != len(d.entries) {
		return fmt.Errorf("freq: %d lines for %d entries", n, len(d.entries))
	}
	var total float64
	for i := range n {
		line := p.line()
		simp, trad, hasTrad := bytes.Cut(line, []byte{' '})
		for _, f := range []struct {
			k    uint32
			text []byte
			ok   bool
		}{{d.simpKey[i], simp, true}, {d.tradKey[i], trad, hasTrad}} {
			if !f.ok {
				continue
			}
			count, ok := atou32(f.text)
			if !ok {
				return p.failedAt("freq", line)
			}
			if kk := &d.keys[f.k]; count > 0 && !kk.own {
				kk.count, kk.own = count, true
				total += float64(count)
			}
		}
	}
	// A headword the list lacks (mostly a traditional form) takes the highest count
	// among the simplified forms of its entries.
	for i := range d.tradKey {
		t, s := &d.keys[d.tradKey[i]], d.keys[d.simpKey[i]]
		if !t.own && s.count > t.count {
			t.count = s.count
		}
	}
	d.tradKey, d.simpKey = nil, nil
	for k := range d.keys {
		if kk := &d.keys[k]; kk.nent > 0 && kk.count == 0 {
			total += defaultCount
		}
	}
	logTotal := math.Log(total)
	d.unknownCost = float32(logTotal)
	for k := range d.keys {
		if kk := &d.keys[k]; kk.nent > 0 {
			kk.cost = float32(logTotal - math.Log(float64(max(kk.count, defaultCount))))
		}
	}
	return nil
}

// loadT2S reads the traditional-to-simplified character table.
func (d *Dict) loadT2S(p *parser) error {
	n, err := p.section("t2s")
	if err != nil {
		return err
	}
	d.t2s = make(map[rune]rune, n)
	d.t2sBMP = make([]rune, t2sBMPHi-t2sBMPLo+1)
	for range n {
		line := p.line()
		t, size := utf8.DecodeRune(line)
		s, size2 := utf8.DecodeRune(line[size:])
		if size == 0 || size2 == 0 || size+size2 != len(line) {
			if p.err != nil {
				return p.err
			}
			return fmt.Errorf("t2s: bad line %q", line)
		}
		d.t2s[t] = s
		if t >= t2sBMPLo && t <= t2sBMPHi {
			d.t2sBMP[t-t2sBMPLo] = s
		}
	}
	return nil
}

// loadReadings parses the reading section noted by load.
func (d *Dict) loadReadings() {
	text := d.text[d.readingsText[0]:d.readingsText[1]]
	d.readings = make(map[rune]string, len(text)/6)
	for len(text) > 0 {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		c, size := utf8.DecodeRuneInString(line)
		if size < len(line) && line[size] == '\t' {
			d.readings[c] = line[size+1:]
		}
	}
}

// index fills refs: the entries of each headword key, in dictionary order.
func (d *Dict) index(tradKey, simpKey []uint32) {
	for i := range tradKey {
		d.keys[tradKey[i]].nent++
		if simpKey[i] != tradKey[i] {
			d.keys[simpKey[i]].nent++
		}
	}
	var next uint32
	for k := range d.keys {
		d.keys[k].first = next
		next += uint32(d.keys[k].nent)
	}
	d.refs = make([]uint32, next)
	fill := make([]uint16, len(d.keys))
	add := func(k uint32, e int) {
		d.refs[d.keys[k].first+uint32(fill[k])] = uint32(e)
		fill[k]++
	}
	for i := range tradKey {
		add(tradKey[i], i)
		if simpKey[i] != tradKey[i] {
			add(simpKey[i], i)
		}
	}
}

// insertWord adds a headword and all its proper prefixes (at rune boundaries), and
// returns the headword's key. prev is the previous headword of the same kind: its
// prefixes are in the table already, and CC-CEDICT's order makes neighbours share
// many, so checking against it saves most of the work.
func (d *Dict) insertWord(off uint32, n int, prev []byte) uint32 {
	w := d.buf[off : off+uint32(n)]
	for i := 1; i < n; i++ {
		if utf8.RuneStart(w[i]) && !(i <= len(prev) && bytes.Equal(w[:i], prev[:i])) {
			d.insert(off, i)
		}
	}
	return d.insert(off, n)
}

// insert returns the index of key buf[off:off+n], adding it if new.
func (d *Dict) insert(off uint32, n int) uint32 {
	s := d.buf[off : off+uint32(n)]
	h := maphash.Bytes(d.seed, s)
	i, k, found := d.probe(h, s)
	if found {
		return k
	}
	if 2*(len(d.keys)+1) > len(d.table) {
		d.grow()
		return d.insert(off, n)
	}
	d.keys = append(d.keys, key{off: off, n: uint16(n)})
	d.table[i] = h>>32<<32 | uint64(len(d.keys))
	return uint32(len(d.keys) - 1)
}

// probe looks s up during loading: it returns the key if found, else the free slot
// where s belongs.
func (d *Dict) probe(h uint64, s []byte) (slot, k uint32, found bool) {
	tag := h >> 32
	i := uint32(h) & d.mask
	for ; d.table[i] != 0; i = (i + 1) & d.mask {
		v := d.table[i]
		if v>>32 != tag {
			continue
		}
		k := uint32(v) - 1
		if kk := &d.keys[k]; int(kk.n) == len(s) && bytes.Equal(d.buf[kk.off:kk.off+uint32(kk.n)], s) {
			return i, k, true
		}
	}
	return i, 0, false
}

// grow doubles the hash table.
func (d *Dict) grow() {
	size := 2 * len(d.table)
	d.table = make([]uint64, size)
	d.mask = uint32(size - 1)
	for k := range d.keys {
		kk := &d.keys[k]
		h := maphash.Bytes(d.seed, d.buf[kk.off:kk.off+uint32(kk.n)])
		i := uint32(h) & d.mask
		for d.table[i] != 0 {
			i = (i + 1) & d.mask
		}
		d.table[i] = h>>32<<32 | uint64(k+1)
	}
}

// parseHead locates the fields of "TRAD SIMP [PINYIN]".
func parseHead(line []byte) (entryRec, bool) {
	if len(line) > math.MaxUint16 || len(line) == 0 || line[len(line)-1] != ']' {
		return entryRec{}, false
	}
	t := bytes.IndexByte(line, ' ')
	if t <= 0 {
		return entryRec{}, false
	}
	s := bytes.IndexByte(line[t+1:], ' ')
	if s <= 0 {
		return entryRec{}, false
	}
	s += t + 1
	if len(line) < s+3 || line[s+1] != '[' {
		return entryRec{}, false
	}
	return entryRec{tradEnd: uint16(t), simpEnd: uint16(s), n: uint16(len(line))}, true
}

// atou32 parses a decimal count.
func atou32(b []byte) (uint32, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	var n uint32
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint32(c-'0')
	}
	return n, true
}

// parser reads the decompressed text line by line, waiting for each part to be
// decompressed before reading it.
type parser struct {
	z     *gunzipper
	pos   int
	ready int   // bytes before this are decompressed
	err   error // the first decompression error met
}

// line returns the next line without its newline, or nil at the end of the text or
// after a decompression error (then p.err is set).
func (p *parser) line() []byte {
	if p.err != nil || p.pos >= len(p.z.buf) {
		return nil
	}
	if p.pos >= p.ready {
		if err := p.z.wait(p.pos); err != nil {
			p.err = err
			return nil
		}
		p.ready = p.z.partEnd(p.pos)
	}
	rest := p.z.buf[p.pos:p.ready]
	i := bytes.IndexByte(rest, '\n')
	if i < 0 {
		p.pos += len(rest)
		return rest
	}
	p.pos += i + 1
	return rest[:i]
}

// failed is the error for a section that ended early.
func (p *parser) failed(section string) error {
	if p.err != nil {
		return p.err
	}
	return fmt.Errorf("%s: section ends early", section)
}

// failedAt is the error for a malformed line.
func (p *parser) failedAt(section string, line []byte) error {
	if p.err != nil {
		return p.err
	}
	return fmt.Errorf("%s: bad line %.40q", section, line)
}

// end reads the end marker, which must close the text.
func (p *parser) end() error {
	if line := p.line(); string(line) != "#@end" {
		if p.err != nil {
			return p.err
		}
		return fmt.Errorf("missing end marker (%.40q)", line)
	}
	if p.pos != len(p.z.buf) {
		return errors.New("text after the end marker")
	}
	return nil
}

// section skips comment lines up to the marker "#@name N" and returns N.
func (p *parser) section(name string) (int, error) {
	for {
		line := p.line()
		if line == nil {
			return 0, p.failed(name)
		}
		if !bytes.HasPrefix(line, []byte("#@")) {
			if bytes.HasPrefix(line, []byte("#")) {
				continue
			}
			return 0, fmt.Errorf("expected section %s, found %.40q", name, line)
		}
		got, count, _ := bytes.Cut(line[2:], []byte(" "))
		if string(got) != name {
			return 0, fmt.Errorf("expected section %s, found %s", name, got)
		}
		n, err := strconv.Atoi(string(count))
		if err != nil || n < 0 {
			return 0, fmt.Errorf("section %s: bad count %q", name, count)
		}
		return n, nil
	}
}

// part is one gzip member of the data file and where its text goes.
type part struct{ zoff, zlen, off, size int }

// readTable reads the table of members (the first gzip member) and returns the
// members of the index text and of the senses text.
func readTable(data []byte) (index, senses []part, err error) {
	br := bytes.NewReader(data)
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, nil, err
	}
	zr.Multistream(false)
	head, err := io.ReadAll(zr)
	if err != nil {
		return nil, nil, err
	}
	p := &parser{z: &gunzipper{buf: head, ends: []int{len(head)}, done: []chan struct{}{closed}, errs: []error{nil}}}
	if line := p.line(); string(line) != "#@bitext-dict 2" {
		return nil, nil, fmt.Errorf("not a bitext dictionary, version 2 (%.40q)", line)
	}
	zoff := len(data) - br.Len()
	for _, name := range []string{"index", "senses"} {
		n, err := p.section(name)
		if err != nil {
			return nil, nil, err
		}
		parts := make([]part, n)
		off := 0
		for i := range parts {
			zlen, size, ok := bytes.Cut(p.line(), []byte{' '})
			zl, ok1 := atou32(zlen)
			sz, ok2 := atou32(size)
			if !ok || !ok1 || !ok2 || zl == 0 || zoff+int(zl) > len(data) {
				return nil, nil, fmt.Errorf("%s: bad table line %d", name, i+1)
			}
			parts[i] = part{zoff, int(zl), off, int(sz)}
			zoff += int(zl)
			off += int(sz)
		}
		if name == "index" {
			index = parts
		} else {
			senses = parts
		}
	}
	return index, senses, nil
}

// gunzipper decompresses parts into one buffer on background goroutines, in order,
// as many at a time as there are processors.
type gunzipper struct {
	buf  []byte
	ends []int           // end offset of each part in buf
	done []chan struct{} // closed when the part is in buf
	errs []error         // set before done is closed
}

// inflateParts starts decompressing parts and returns at once.
func inflateParts(data []byte, parts []part) *gunzipper {
	n := len(parts)
	size := 0
	if n > 0 {
		size = parts[n-1].off + parts[n-1].size
	}
	z := &gunzipper{
		buf:  make([]byte, size),
		ends: make([]int, n),
		done: make([]chan struct{}, n),
		errs: make([]error, n),
	}
	for i, pt := range parts {
		z.ends[i] = pt.off + pt.size
		z.done[i] = make(chan struct{})
	}
	var next atomic.Int32
	for range min(runtime.GOMAXPROCS(0), n) {
		go func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				pt := parts[i]
				if err := inflate(data[pt.zoff:pt.zoff+pt.zlen], z.buf[pt.off:pt.off+pt.size]); err != nil {
					z.errs[i] = fmt.Errorf("part %d: %w", i+1, err)
				}
				close(z.done[i])
			}
		}()
	}
	return z
}

var closed = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// inflate decompresses one gzip member that must fill dst exactly.
func inflate(member, dst []byte) error {
	zr, err := gzip.NewReader(bytes.NewReader(member))
	if err != nil {
		return err
	}
	if _, err := io.ReadFull(zr, dst); err != nil {
		return err
	}
	// The member must end here, checksum verified.
	var one [1]byte
	switch _, err := zr.Read(one[:]); err {
	case io.EOF:
		return nil
	case nil:
		return errors.New("longer than its table says")
	default:
		return err
	}
}

// part returns the index of the part holding byte pos.
func (z *gunzipper) part(pos int) int {
	for i, end := range z.ends {
		if pos < end {
			return i
		}
	}
	return len(z.ends) - 1
}

// wait blocks until the part holding byte pos is decompressed.
func (z *gunzipper) wait(pos int) error {
	i := z.part(pos)
	<-z.done[i]
	return z.errs[i]
}

// partEnd is the end of the part holding byte pos.
func (z *gunzipper) partEnd(pos int) int { return z.ends[z.part(pos)] }

func nextPow2(n int) int {
	p := 1
	for p < n {
		p <<= 1
	}
	return p
}
