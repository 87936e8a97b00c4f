package memory

import (
	"context"
	"testing"
	"time"
)

// TestSync: what one memory lacks is copied, the newer of two entries of
// one key wins, a reviewed entry beats an imported one whatever their
// times, two reviews of one text are a conflict the newer wins, and a
// sync back copies nothing.
func TestSync(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	at := func(e Entry, h int) Entry { e.Created, e.Updated = t0, t0.Add(time.Duration(h)*time.Hour); return e }
	rev := func(src, tgt string) Entry {
		return Entry{From: "zh", To: "en", Source: src, Target: tgt, Status: Reviewed}
	}
	imp := func(src, tgt string) Entry {
		return Entry{From: "zh", To: "en", Source: src, Target: tgt, Status: Imported}
	}
	mac := func(src, tgt string) Entry {
		return Entry{From: "zh", To: "en", Source: src, Target: tgt, Status: Machine, Profile: "deepl"}
	}
	local, shared := NewMap(), NewMap()
	local.Put(ctx, []Entry{
		at(rev("只在本地", "local only"), 1),
		at(rev("都审过", "local review, newer"), 5),
		at(rev("都审过旧", "local review, older"), 1),
		at(imp("本地导入", "local import, newer"), 9),
		at(mac("机器", "local machine, newer"), 3),
		at(mac("机器旧", "local machine, older"), 1),
		at(rev("一样", "same"), 1),
	})
	shared.Put(ctx, []Entry{
		at(mac("只在共享", "shared only"), 1),
		at(rev("都审过", "shared review, older"), 2),
		at(rev("都审过旧", "shared review, newer"), 4),
		at(rev("本地导入", "shared review, older"), 1),
		at(mac("机器", "shared machine, older"), 1),
		at(mac("机器旧", "shared machine, newer"), 2),
		at(rev("一样", "same"), 3),
	})
	rep, err := Sync(ctx, local, shared)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Copied != 3 || rep.Same != 1 || rep.Kept != 3 || len(rep.Conflicts) != 2 {
		t.Errorf("push: %+v", rep)
	}
	for _, c := range rep.Conflicts {
		want := map[string]string{"都审过": "from", "都审过旧": "to"}[c.Source]
		if c.Won != want {
			t.Errorf("conflict over %s: %s won, want %s", c.Source, c.Won, want)
		}
	}
	want := map[string]string{
		"只在本地": "local only", "只在共享": "shared only", "都审过": "local review, newer", "都审过旧": "shared review, newer",
		"本地导入": "shared review, older", "机器": "local machine, newer", "机器旧": "shared machine, newer", "一样": "same",
	}
	for src, tgt := range want {
		got, _ := shared.Lookup(ctx, Pair{"zh", "en"}, "deepl", []Query{{Source: src}})
		if got[0] == nil || got[0].Target != tgt {
			t.Errorf("shared %s: %+v, want %q", src, got[0], tgt)
		}
	}
	// Pull: the local memory gets what the shared one won; a second
	// sync either way copies nothing.
	rep, err = Sync(ctx, shared, local)
	if err != nil || rep.Copied != 4 {
		t.Errorf("pull: %+v, %v", rep, err)
	}
	for _, pair := range [][2]Store{{local, shared}, {shared, local}} {
		rep, err = Sync(ctx, pair[0], pair[1])
		if err != nil || rep.Copied != 0 || len(rep.Conflicts) != 0 {
			t.Errorf("again: %+v, %v", rep, err)
		}
	}
}
