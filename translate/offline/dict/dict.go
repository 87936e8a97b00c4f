package dict

import (
	_ "embed"
	"hash/maphash"
	"math"
	"strings"
	"sync"
)

//go:generate go run ./internal/gen -src=$DICT_SRC -out=dict.dat.gz -pos=pos.dat.gz

//go:embed dict.dat.gz
var embedded []byte

// Entry is one CC-CEDICT entry. Its strings are exactly as the dictionary has them;
// choosing and cleaning senses is the translator's job.
type Entry struct {
	Simplified  string
	Traditional string
	// Pinyin as in CC-CEDICT: syllables with tone numbers separated by spaces, capital
	// for proper nouns, "u:" for ü, e.g. "Li3 Yan4 hong2".
	Pinyin string
	// Senses in dictionary order, e.g. ["bank", "CL:家[jia1],個|个[ge4]"].
	Senses []string
}

// Dict is a loaded dictionary. It is read-only after loading (the senses and
// readings it parses on first use are guarded by sync.Once) and safe for concurrent
// use.
type Dict struct {
	text    string     // the index text; headwords, pinyin and keys point into it
	buf     []byte     // the same while loading, before text exists
	entries []entryRec // in dictionary order
	keys    []key      // headwords and their prefixes
	refs    []uint32   // entry indexes of each headword key, grouped by key
	table   []uint64   // open-addressing hash of keys (see find)
	mask    uint32
	seed    maphash.Seed

	unknownCost float32 // segmentation cost of a unit that is no dictionary word

	t2s    map[rune]rune // traditional -> simplified, characters that change only
	t2sBMP []rune        // t2s for U+3400..U+9FFF, 0 when unchanged (fast path)

	// The senses are decompressed on the first lookup: Segment, Has, Freq and Pinyin
	// do without them.
	data        []byte   // the data file, for the senses
	sensesParts []part   // where the senses are in data
	senses      string   // "/sense/.../\n" per entry
	sensesOff   []uint32 // entry i's line is senses[sensesOff[i]:sensesOff[i+1]]
	sensesOnce  sync.Once

	readings     map[rune]string // most customary toneless reading of each Han character
	readingsText [2]int          // where the readings are in text, parsed on first use
	readingsOnce sync.Once

	tradKey, simpKey []uint32 // while loading: the keys of each entry's headwords

	// words, in a Dict that only segments (see Segmenter), stands for keys.
	words *wordList
}

// entryRec locates the head of one entry in Dict.text: text[off:off+n] is
// "TRAD SIMP [PINYIN]", with the two spaces at off+tradEnd and off+simpEnd.
type entryRec struct {
	off              uint32
	tradEnd, simpEnd uint16
	n                uint16
}

// key is a string the segmenter can meet: a headword, or a proper prefix of one
// (nent == 0), which lets a dictionary walk stop as soon as no word can follow.
type key struct {
	off   uint32 // text[off:off+n]
	n     uint16
	nent  uint16  // entries with this headword (simplified or traditional)
	first uint32  // refs[first:first+nent]
	count uint32  // word frequency; for traditional headwords that of the simplified form
	cost  float32 // -log P(word), for segmentation
	own   bool    // count came from the frequency list itself
}

const (
	t2sBMPLo = 0x3400
	t2sBMPHi = 0x9FFF

	// defaultCount is the frequency given, for segmentation only, to dictionary words
	// the frequency list lacks: as rare as a word can be, but still a word.
	defaultCount = 1
)

var (
	defaultOnce sync.Once
	defaultDict *Dict
)

// Default returns the embedded dictionary, decompressing and indexing it on the first
// call (65-105 ms of one core, 24 MiB of heap; later calls return at once). The
// first Lookup then decompresses the senses (about 40 ms, 6 MiB more). Default panics
// if the embedded data is corrupt, which the package's tests rule out.
func Default() *Dict {
	defaultOnce.Do(func() {
		d, err := load(embedded)
		if err != nil {
			panic("dict: embedded data: " + err.Error())
		}
		defaultDict = d
	})
	return defaultDict
}

// Lookup returns the entries whose simplified or traditional headword is word, in
// dictionary order, or nil if there are none. The slice is the caller's to keep.
func (d *Dict) Lookup(word string) []Entry {
	k, ok := d.find(word)
	if !ok || d.keys[k].nent == 0 {
		return nil
	}
	kk := d.keys[k]
	out := make([]Entry, 0, kk.nent)
	for _, e := range d.refs[kk.first : kk.first+uint32(kk.nent)] {
		out = append(out, d.entry(e))
	}
	return out
}

// Has reports whether word is a headword, simplified or traditional.
func (d *Dict) Has(word string) bool {
	k, ok := d.find(word)
	return ok && d.keys[k].nent > 0
}

// Freq returns how often word occurs in the frequency list's corpus (jieba's counts;
// a traditional headword gets the count of its simplified form), or 0 if the list does
// not have it. Only dictionary headwords have counts.
func (d *Dict) Freq(word string) int {
	k, ok := d.find(word)
	if !ok {
		return 0
	}
	return int(d.keys[k].count)
}

// entry builds the Entry of record i.
func (d *Dict) entry(i uint32) Entry {
	d.sensesOnce.Do(d.loadSenses)
	r := d.entries[i]
	head := d.text[r.off : r.off+uint32(r.n)]
	senses := d.senses[d.sensesOff[i]+1 : d.sensesOff[i+1]-2] // inside "/.../\n"
	return Entry{
		Traditional: head[:r.tradEnd],
		Simplified:  head[r.tradEnd+1 : r.simpEnd],
		Pinyin:      head[r.simpEnd+2 : len(head)-1],
		Senses:      strings.Split(senses, "/"),
	}
}

// Hash table slots hold the key index + 1 in the low 32 bits (0: empty) and the high
// 32 bits of the key's hash in the high ones, so a probe rarely has to read the key.

// find returns the index of key s.
func (d *Dict) find(s string) (uint32, bool) {
	if len(s) == 0 || len(s) > math.MaxUint16 {
		return 0, false
	}
	h := maphash.String(d.seed, s)
	tag := h >> 32
	for i := uint32(h) & d.mask; ; i = (i + 1) & d.mask {
		v := d.table[i]
		if v == 0 {
			return 0, false
		}
		if v>>32 != tag {
			continue
		}
		k := uint32(v) - 1
		kk := &d.keys[k]
		if int(kk.n) == len(s) && d.text[kk.off:kk.off+uint32(kk.n)] == s {
			return k, true
		}
	}
}
