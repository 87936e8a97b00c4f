package suggest

import (
	"testing"

	"github.com/bitext/bitext/translate/offline"
)

// TestOfflineFind checks what suggestions rely on in the offline backend's
// recognizer: kinds, English, offsets into the tagged text, and the cues.
func TestOfflineFind(t *testing.T) {
	text := "<b1>临汾市</b1>市长刘玉强表示，李彦宏来自阳泉。施耐德曼说。"
	got := finder().Find(text)
	want := []offline.Found{
		{Source: "临汾市", English: "Linfen", Kind: offline.FoundPlace},
		{Source: "刘玉强", English: "Liu Yuqiang", Kind: offline.FoundPerson, TitleBefore: true, CueAfter: true},
		{Source: "李彦宏", English: "Robin Li", Kind: offline.FoundProper},
		{Source: "阳泉", English: "Yangquan", Kind: offline.FoundProper},
		{Source: "施耐德曼", English: "Shinaideman", Kind: offline.FoundForeign},
	}
	if len(got) != len(want) {
		t.Fatalf("Find = %+v", got)
	}
	for i, w := range want {
		g := got[i]
		if g.Source != w.Source || g.English != w.English || g.Kind != w.Kind || g.TitleBefore != w.TitleBefore || g.CueAfter != w.CueAfter {
			t.Errorf("Find[%d] = %+v, want %+v", i, g, w)
		}
		if g.Start < 0 || text[g.Start:g.End] != g.Source {
			t.Errorf("Find[%d]: offsets %d:%d do not hold %s", i, g.Start, g.End, g.Source)
		}
	}
}
