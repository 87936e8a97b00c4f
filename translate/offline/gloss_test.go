package offline

import (
	"strings"
	"sync"
	"testing"

	"github.com/bitext/bitext/translate"
)

func TestCleanSense(t *testing.T) {
	tests := []struct {
		sense, want string
		verb        bool
	}{
		{"CL:個|个[ge4]", "", false},
		{"variant of 記錄|记录[ji4 lu4]", "", false},
		{"surname Wang", "", false},
		{"abbr. for Lanzhou 蘭州|兰州[Lan2 zhou1], Gansu", "", false},
		{"see 的士[di1 shi4]", "", false},
		{"lit. to hang up a plate", "", false},
		{"(literary) to suffer (a misfortune)", "suffer", true},
		{"to reinforce; to strengthen; to enhance", "reinforce", true},
		{"(PRC) State Council", "State Council", false},
		{"media, esp. news media", "media", false},
		{"to tell sb", "tell", true},
		{"a loan", "loan", false},
		{"(bound form) individual", "individual", false},
		{"(used before a verb to indicate an action in progress)", "", false},
	}
	for _, tt := range tests {
		got, verb, _ := cleanSense(tt.sense)
		if got != tt.want || got != "" && verb != tt.verb {
			t.Errorf("cleanSense(%q) = %q, verb %v; want %q, verb %v", tt.sense, got, verb, tt.want, tt.verb)
		}
	}
}

func TestProperName(t *testing.T) {
	tests := map[string]string{
		"Baidu, Chinese internet company and search engine":                            "Baidu",
		"Robin Li (1968–), founder and CEO of Baidu 百度[Bai3 du4], a PRC company":       "Robin Li",
		"Beijing municipality, capital of the People's Republic of China":              "Beijing",
		"(Dominique) de Villepin (French name)":                                        "de Villepin",
		"the Philippines":                                                              "Philippines",
		"Chen Jingrun (1933-1996) Chinese number theorist":                             "Chen Jingrun",
		"Shanxi Province, capital Taiyuan 太原市[Tai4 yuan2 Shi4] (short name 晉|晋[Jin4])": "Shanxi Province",
	}
	for in, want := range tests {
		if got := properName(in); got != want {
			t.Errorf("properName(%q) = %q, want %q", in, got, want)
		}
	}
}

// A glossary term (translate.Request.Terms) wins over everything the backend
// knows: the dictionary (汪洋 "vast body of water"), the name rule and the
// built-in terms.
func TestGlossaryWins(t *testing.T) {
	req := translate.Request{
		Texts: []string{"汪洋将出席广州《财富》全球论坛", "国务院总理李克强主持会议", "孙建博说"},
		Terms: []translate.Term{
			{Source: "汪洋", Target: "Wang Yang"},
			{Source: "国务院", Target: "the State Council of the PRC"},
			{Source: "孙建博", Target: "SUN Jianbo"},
		},
		Markup: true,
	}
	out, err := New(Options{}).Translate(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"Wang Yang", "the State Council of the PRC", "SUN Jianbo"} {
		if !strings.Contains(out[i], want) {
			t.Errorf("%s\n got %q\nwant %q in it", req.Texts[i], out[i], want)
		}
	}
	if strings.Contains(out[0], "vast") {
		t.Errorf("the dictionary sense leaked past the glossary: %q", out[0])
	}
}

// The backend is used from several goroutines by the batching decorator.
func TestConcurrent(t *testing.T) {
	be := New(Options{})
	texts := []string{"今天天气很好。", "我们明天去北京。", "孙建博说，雷锋精神传承着时代的真善美。", "169个城市"}
	want, err := be.Translate(t.Context(), translate.Request{Texts: texts})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := be.Translate(t.Context(), translate.Request{Texts: texts})
			if err != nil {
				t.Error(err)
				return
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("text %d: %q, want %q", i, got[i], want[i])
				}
			}
		})
	}
	wg.Wait()
}
