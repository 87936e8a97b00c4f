package run

import "slices"

// textSet is the set of texts a run has sent, by their 8-byte keys
// (unitKey.short). A site of thousands of posts has hundreds of thousands
// of texts, and a map takes about 17 bytes for each: the set keeps them
// sorted, 8 bytes each, in 256 parts by their first byte, so that sorting
// in a window's keys copies one part at a time, never the whole set.
//
// add may be called from several goroutines under one lock; has, which
// first sorts in what was added, only while nothing is added (a window is
// planned after the one before it is sent).
type textSet struct {
	parts [256][]uint64 // each sorted, without duplicates
	added []uint64      // added since has last sorted them in
}

func (s *textSet) add(k uint64) { s.added = append(s.added, k) }

func (s *textSet) has(k uint64) bool {
	if len(s.added) > 0 {
		s.merge()
	}
	_, ok := slices.BinarySearch(s.parts[k>>56], k)
	return ok
}

// merge sorts what was added into the parts.
func (s *textSet) merge() {
	slices.Sort(s.added)
	added := slices.Compact(s.added)
	for len(added) > 0 {
		b := added[0] >> 56
		n := 1
		for n < len(added) && added[n]>>56 == b {
			n++
		}
		s.parts[b] = union(s.parts[b], added[:n])
		added = added[n:]
	}
	s.added = s.added[:0]
}

// reset empties the set.
func (s *textSet) reset() { *s = textSet{} }

// union merges two sorted slices of keys into a new one, without
// duplicates, of just the size it needs.
func union(a, b []uint64) []uint64 {
	out := make([]uint64, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}
