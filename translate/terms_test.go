package translate

import "testing"

func TestUnpin(t *testing.T) {
	for in, want := range map[string]string{
		"":                                      "",
		"no pins":                               "no pins",
		"<k1>Liu Yuqiang</k1> said <b2>so</b2>": "Liu Yuqiang said <b2>so</b2>",
		"<k12>Linfen</k12> and <k3>Yangquan</k3>": "Linfen and Yangquan",
		"a <kx>b</kx> <k>c</k> <x4/>":             "a <kx>b</kx> <k>c</k> <x4/>",
		"lost closing <k1>Linfen":                 "lost closing Linfen",
		"<k1>Yangquan</k1><k2>mayor</k2>雷建坤":      "Yangquan mayor雷建坤",
		"离<k1>Shijiazhuang</k1>100公里":             "离Shijiazhuang 100公里",
		"the <b1><k1>Linfen</k1></b1>mayor":       "the <b1>Linfen</b1> mayor",
		"the<k1>Linfen</k1>":                      "the Linfen",
		"<k1>Linfen</k1>, <k2>Yangquan</k2>.":     "Linfen, Yangquan.",
		"<k1>临汾</k1>市":                            "临汾市",
	} {
		if got := Unpin(in); got != want {
			t.Errorf("Unpin(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsPinTag(t *testing.T) {
	for name, want := range map[string]bool{"k1": true, "k42": true, "k": false, "b1": false, "k1a": false, "x2/": false} {
		if IsPinTag(name) != want {
			t.Errorf("IsPinTag(%q) = %v", name, !want)
		}
	}
}

// A text pinned with its source gets each term's target in the place of
// its pin, by the pin's number, spaced apart from the words it touches; a
// pin the service changed keeps what the service wrote, for the glossary
// check to report.
func TestUnpinTerms(t *testing.T) {
	terms := []PinnedTerm{{Sent: "刘玉强", Target: "Liu Yuqiang"}, {Sent: "工信部", Target: "MIIT &amp; Co"}}
	for in, want := range map[string]string{
		"":                              "",
		"no pins":                       "no pins",
		"<k1>刘玉强</k1> said <b3>so</b3>": "Liu Yuqiang said <b3>so</b3>",
		"<k2>工信部</k2> met <k1>刘玉强</k1>":     "MIIT &amp; Co met Liu Yuqiang",
		"the<k1>刘玉强</k1>said":               "the Liu Yuqiang said",
		"<b3><k1> 刘玉强 </k1></b3>said":       "<b3> Liu Yuqiang </b3>said",
		"<k1>刘<b3>玉强</b3></k1> said":        "刘<b3>玉强</b3> said",
		"<k1>刘玉</k1> said":                  "刘玉 said",
		"<k1>Liu Yuqiang</k1> said":         "Liu Yuqiang said",
		"<k1></k1> said":                    " said",
		"<k3>刘玉强</k3> and <k1>刘玉强":          "刘玉强 and 刘玉强",
		"<k1>刘玉强</k1><k2>工信部</k2>":          "Liu Yuqiang MIIT &amp; Co",
		"a &lt; <k1>刘玉强</k1> &amp; b <x4/>": "a &lt; Liu Yuqiang &amp; b <x4/>",
	} {
		if got := UnpinTerms(in, terms); got != want {
			t.Errorf("UnpinTerms(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTermModePinned(t *testing.T) {
	for m, want := range map[TermMode]bool{TermsHinted: false, TermsPinned: true, TermsPinnedSource: true} {
		if m.Pinned() != want {
			t.Errorf("TermMode(%d).Pinned() = %v", m, !want)
		}
	}
}
