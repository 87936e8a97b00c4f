package offline

// Reported speech. Chinese puts a comma after a verb of saying (他表示，…);
// English writes "that": "he said that ...".

// reportVerbs are the verbs of saying and thinking after which a comma reads
// as "that".
var reportVerbs = map[string]bool{"表示": true, "说": true, "认为": true, "指出": true,
	"强调": true, "称": true, "介绍": true, "透露": true, "宣布": true, "相信": true,
	"坦言": true, "发现": true, "显示": true, "表明": true, "承认": true, "声称": true,
	"认识到": true, "告诉": true, "说明": true, "估计": true, "预计": true, "证实": true,
	"据了解": true, "据悉": true}

// speechRule writes the comma after a verb of saying as "that"; after 据
// ("according to") the verb itself goes: 据警方称， "according to the police,".
func speechRule(toks []tok) {
	for i := 0; i+1 < len(toks); i++ {
		if !reportVerbs[toks[i].src] || toks[i].kind != kWord && toks[i].kind != kTerm || toks[i].en == "" || toks[i].fixed {
			continue
		}
		if toks[i].src == "说" && i > 0 && toks[i-1].src == "来" {
			// 对于他来说 "for him": no saying at all.
			blank(&toks[i-1])
			blank(&toks[i])
			continue
		}
		if afterJu(toks, i) && toks[i].kind == kWord {
			toks[i].en, toks[i].cands = "", nil
			continue
		}
		// The comma is "that" only when what was said follows it.
		if c := &toks[i+1]; c.kind == kPunct && (c.src == "，" || c.src == ",") && i+2 < len(toks) && toks[i+2].kind != kPunct {
			c.en, c.attach, c.kind = "that", attachNone, kWord
		}
	}
}

// afterJu reports whether 据 starts the clause of toks[i].
func afterJu(toks []tok, i int) bool {
	for k := i - 1; k >= 0 && i-k <= 15; k-- {
		switch {
		case toks[k].src == "据":
			return true
		case toks[k].kind == kPunct && !nameDot(&toks[k]) || toks[k].kind == kTag:
			return false
		}
	}
	return false
}
