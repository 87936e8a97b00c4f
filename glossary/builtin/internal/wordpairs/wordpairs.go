// Package wordpairs is a compact set of the pairs of adjacent characters
// found inside the offline dictionary's words: a Bloom filter, built by the
// built-in glossary's generator and read in place, without decoding, from
// the bytes package builtin embeds.
//
// A pair that is not in the set is inside no dictionary word, so no word
// can span the position between the two characters: the segmenter always
// breaks there. A pair in the set may or may not be inside one (a Bloom
// filter has false positives, about one in a hundred here, and no false
// negatives); the caller then asks the dictionary.
package wordpairs

import (
	"encoding/binary"
	"errors"
)

// magic starts the data: the format's name and version.
const magic = "wpairs01"

// bitsPerPair and hashes size the filter for about 1% false positives.
const (
	bitsPerPair = 10
	hashes      = 7
)

// Set is a filter read in place.
type Set struct {
	bits []byte
	m    uint64 // number of bits
}

// Read checks the data's header and returns the set it holds.
func Read(data []byte) (Set, error) {
	if len(data) < len(magic)+8 || string(data[:len(magic)]) != magic {
		return Set{}, errors.New("wordpairs: not a word-pair filter")
	}
	m := binary.LittleEndian.Uint64(data[len(magic):])
	bits := data[len(magic)+8:]
	if m == 0 || uint64(len(bits))*8 < m {
		return Set{}, errors.New("wordpairs: truncated filter")
	}
	return Set{bits: bits, m: m}, nil
}

// Has reports whether the pair a, b may be in the set.
func (s Set) Has(a, b rune) bool {
	h1, h2 := hash(a, b)
	for i := range uint64(hashes) {
		k := (h1 + i*h2) % s.m
		if s.bits[k>>3]&(1<<(k&7)) == 0 {
			return false
		}
	}
	return true
}

// Build makes the data of a filter holding pairs.
func Build(pairs map[[2]rune]bool) []byte {
	m := uint64(len(pairs))*bitsPerPair + 64
	data := make([]byte, len(magic)+8+int((m+7)/8))
	copy(data, magic)
	binary.LittleEndian.PutUint64(data[len(magic):], m)
	bits := data[len(magic)+8:]
	for p := range pairs {
		h1, h2 := hash(p[0], p[1])
		for i := range uint64(hashes) {
			k := (h1 + i*h2) % m
			bits[k>>3] |= 1 << (k & 7)
		}
	}
	return data
}

// hash derives the filter's two base hashes from a pair (splitmix64 of
// the two code points); the probes are h1 + i*h2.
func hash(a, b rune) (h1, h2 uint64) {
	x := uint64(uint32(a))<<32 | uint64(uint32(b))
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	x ^= x >> 31
	return x, x>>32 | 1
}
