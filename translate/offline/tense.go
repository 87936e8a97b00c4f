package offline

import "github.com/bitext/bitext/translate/offline/zhnum"

// Tense. Chinese marks no tense on the verb; news English tells most events
// in the past. A sentence with a word that places it in the past (the
// particle 了, 曾 and 已经, 去年 and 昨天, a verb of reporting such as 表示
// or 指出) has its verbs offered in the past tense first; the language model
// still chooses, so "is" may stay where the model wants it.

// pastMarkers are the words that put a sentence in the past.
var pastMarkers = map[string]bool{
	"了": true, "曾": true, "曾经": true, "已": true, "已经": true, "过": true,
	"去年": true, "昨天": true, "昨日": true, "上周": true, "上月": true, "此前": true,
	"日前": true, "近日": true, "当时": true, "前天": true,
	"表示": true, "说": true, "称": true, "指出": true, "强调": true, "宣布": true,
	"透露": true, "报道": true, "介绍": true, "认为": true, "说道": true, "问道": true,
}

// tenseRule marks the tokens of each sentence with a past marker (past).
func tenseRule(toks []tok) {
	start := 0
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) && !toks[i].end {
			continue
		}
		end := min(i+1, len(toks))
		past := false
		for k := start; k < end; k++ {
			if pastMarkers[toks[k].src] || toks[k].kind == kNum && toks[k].num.Kind == zhnum.Date {
				past = true
				break
			}
		}
		if past {
			for k := start; k < end; k++ {
				toks[k].past = true
			}
		}
		start = end
	}
}
