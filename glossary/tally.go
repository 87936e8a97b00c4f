package glossary

// Tally accumulates verification results over segments and files into the
// compliance figures reports print: terms 67/68, occurrences 120/122. A term
// is compliant when every one of its occurrences was found.
type Tally struct {
	expected map[string]int
	missing  map[string]int
}

// Add counts the result of one Check.
func (t *Tally) Add(occurrences, missing []Match) {
	t.init()
	for _, m := range occurrences {
		t.expected[m.Entry.Source]++
	}
	for _, m := range missing {
		t.missing[m.Entry.Source]++
	}
}

// Merge adds another tally's counts.
func (t *Tally) Merge(o Tally) {
	t.init()
	for s, n := range o.expected {
		t.expected[s] += n
	}
	for s, n := range o.missing {
		t.missing[s] += n
	}
}

func (t *Tally) init() {
	if t.expected == nil {
		t.expected, t.missing = map[string]int{}, map[string]int{}
	}
}

// Totals returns the distinct terms seen and how many were fully
// compliant, and the occurrences seen and how many were found.
func (t Tally) Totals() (terms, termsOK, occurrences, found int) {
	for s, n := range t.expected {
		terms++
		occurrences += n
		if t.missing[s] == 0 {
			termsOK++
		}
		found += n - t.missing[s]
	}
	return terms, termsOK, occurrences, found
}

// Complete reports whether every occurrence was found.
func (t Tally) Complete() bool {
	for _, n := range t.missing {
		if n > 0 {
			return false
		}
	}
	return true
}
