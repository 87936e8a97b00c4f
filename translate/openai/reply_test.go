package openai

import (
	"strings"
	"testing"

	_ "github.com/bitext/bitext/internal/golden"
	"github.com/bitext/bitext/translate"
)

// Replies a model could write for two segments, and what check says of
// them. The fake covers the common failures end to end; these are the
// rarer ones, and the repairs that are safe to make.
func TestCheckReply(t *testing.T) {
	sent := []segment{
		{ID: "s1", Text: "请访问<a1>百度</a1>。"},
		{ID: "s2", Text: "<b1>粗体<i2>斜体</i2></b1>和<x3/>"},
	}
	cases := []struct {
		name, reply string
		want        []string // translations, when the reply is accepted
		problem     string   // else what check says
	}{
		{"good", `{"translations":[{"id":"s1","text":"Visit <a1>Baidu</a1>."},{"id":"s2","text":"<b1>bold <i2>italic</i2></b1> and <x3/>"}]}`,
			[]string{"Visit <a1>Baidu</a1>.", "<b1>bold <i2>italic</i2></b1> and <x3/>"}, ""},
		{"code fence", "```json\n" + `{"translations":[{"id":"s1","text":"Visit <a1>Baidu</a1>."},{"id":"s2","text":"<b1>b <i2>i</i2></b1><x3/>"}]}` + "\n```",
			[]string{"Visit <a1>Baidu</a1>.", "<b1>b <i2>i</i2></b1><x3/>"}, ""},
		{"unescaped entities are escaped again", `{"translations":[{"id":"s1","text":"Visit <a1>AT&T</a1> & a < b > c &amp; &quot;d&quot;"},{"id":"s2","text":"<b1>b <i2>i</i2></b1><x3/>"}]}`,
			[]string{"Visit <a1>AT&amp;T</a1> &amp; a &lt; b &gt; c &amp; &quot;d&quot;", "<b1>b <i2>i</i2></b1><x3/>"}, ""},
		{"tag moved with its words", `{"translations":[{"id":"s1","text":"<a1>Baidu</a1>: visit it."},{"id":"s2","text":"<x3/> and <b1><i2>italic</i2> bold</b1>"}]}`,
			[]string{"<a1>Baidu</a1>: visit it.", "<x3/> and <b1><i2>italic</i2> bold</b1>"}, ""},
		{"translations as a map", `{"translations":{"s1":"Visit","s2":"bold"}}`, nil, "model reply is not the JSON asked for"},
		{"other key", `{"results":[{"id":"s1","text":"x"}]}`, nil, `model reply has no "translations" list`},
		{"no id", `{"translations":[{"text":"Visit <a1>Baidu</a1>."}]}`, nil, `translation without "id" or "text"`},
		{"ids renumbered", `{"translations":[{"id":"1","text":"Visit <a1>Baidu</a1>."},{"id":"2","text":"x"}]}`, nil, `model added segment "1"`},
		{"merged", `{"translations":[{"id":"s1","text":"Visit <a1>Baidu</a1>. <b1>bold <i2>italic</i2></b1> and <x3/>"}]}`, nil, "model dropped segment s2"},
		{"tag renamed", `{"translations":[{"id":"s1","text":"Visit <a1>Baidu</a2>."},{"id":"s2","text":"<b1>b <i2>i</i2></b1><x3/>"}]}`, nil, "model changed tags in s1: lost </a1>, added </a2>"},
		{"tag doubled", `{"translations":[{"id":"s1","text":"Visit <a1>Baidu</a1>."},{"id":"s2","text":"<b1>b <i2>i</i2></b1><x3/><x3/>"}]}`, nil, "model changed tags in s2: added <x3/>"},
		{"pair inverted", `{"translations":[{"id":"s1","text":"Visit </a1>Baidu<a1>."},{"id":"s2","text":"<b1>b <i2>i</i2></b1><x3/>"}]}`, nil, "model broke tag order in s1: </a1> before <a1>"},
		{"pairs crossed", `{"translations":[{"id":"s1","text":"Visit <a1>Baidu</a1>."},{"id":"s2","text":"<b1>b <i2>i</b1></i2><x3/>"}]}`, nil, "model broke tag order in s2: </b1> crosses <i2>"},
		{"blank", `{"translations":[{"id":"s1","text":"Visit <a1>Baidu</a1>."},{"id":"s2","text":"  "}]}`, nil, "model left segment s2 empty"},
		{"trailing prose", `{"translations":[]} I hope this helps!`, nil, "model reply is not the JSON asked for"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, p := check(sent, c.reply, "", "stop")
			switch {
			case c.problem == "" && p != nil:
				t.Fatalf("rejected: %s", p.msg)
			case c.problem != "" && p == nil:
				t.Fatalf("accepted %q; want %q", got, c.problem)
			case c.problem != "" && !strings.Contains(p.msg, c.problem):
				t.Fatalf("problem %q; want %q", p.msg, c.problem)
			}
			for i := range c.want {
				if got[i] != c.want[i] {
					t.Errorf("translation %d: %q, want %q", i, got[i], c.want[i])
				}
			}
		})
	}
}

func TestCheckRefusalAndCutOff(t *testing.T) {
	sent := []segment{{ID: "s1", Text: "你好"}}
	if _, p := check(sent, "", "I can't help with that.", "stop"); p == nil || p.msg != "model refused: I can't help with that." {
		t.Errorf("refusal: %+v", p)
	}
	if _, p := check(sent, `{"translations":[{"id":"s1","te`, "", "length"); p == nil || !p.cutOff {
		t.Errorf("cut off: %+v", p)
	}
}

func TestHintsOnlyForTermsInTheBatch(t *testing.T) {
	terms := []translate.Term{
		{Source: "临汾", Target: "Linfen"},
		{Source: "GDP", Target: "GDP"},
		{Source: "太原", Target: "Taiyuan"},
		{Source: "临汾", Target: "Linfen"}, // twice in the document's list
	}
	got := hintsFor(terms, []string{"临汾的gdp增长了。"})
	if len(got) != 2 || got[0].Target != "Linfen" || got[1].Source != "GDP" {
		t.Errorf("hints %+v; want Linfen and GDP, once each", got)
	}
}
