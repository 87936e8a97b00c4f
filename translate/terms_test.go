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
