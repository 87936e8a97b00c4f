package offline

// Lists. Chinese separates the items of a list with 、 and writes no "and"
// before the last: 北京、上海、广州 is "Beijing, Shanghai and Guangzhou".

// listRule writes the last 、 of each list of a clause as "and", unless
// 和, 及 or 与 already joins the last item, or 等 and a noun end the list
// ("and other cities").
func listRule(toks []tok) {
	// last is the clause's last 、 so far, and after whether a word came
	// after it: a 、 is "and" only between two items (a stray one at the
	// start of a clause or before its end stays a comma).
	last, after := -1, false
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) && toks[i].kind == kPunct && toks[i].src == "、" {
			if i > 0 && toks[i-1].kind != kPunct && toks[i-1].kind != kTag {
				last, after = i, false
			} else {
				last = -1
			}
			continue
		}
		if i < len(toks) && toks[i].kind != kPunct && toks[i].kind != kTag {
			after = true
			if last >= 0 && (toks[i].en == "and" || toks[i].en == "or") {
				last = -1 // 北京、上海和广州: the list has its "and"
			}
			if last >= 0 && toks[i].src == "等" && i+1 < len(toks) && toks[i+1].kind == kWord && toks[i+1].cls == clsNoun && toks[i+1].en != "" {
				// 北京、上海、广州等城市: "Beijing, Shanghai, Guangzhou and
				// other cities".
				toks[i].en, toks[i].cands, toks[i].base = "and other", nil, ""
				n := &toks[i+1]
				if p := plural(n.en); p != n.en && !n.plural {
					n.en, n.plural = p, true
				}
				last = -1
			}
			continue
		}
		if last >= 0 && after {
			toks[last].en, toks[last].attach, toks[last].kind = "and", attachNone, kWord
		}
		last = -1
	}
}

// Paired connectives. Chinese marks both halves of 虽然…但是 ("although …
// but") and 因为…所以 ("because … so"); English marks one.

// pairOpeners are the first halves, and pairClosers the second halves each
// of them makes redundant.
var (
	pairOpeners = map[string]string{"虽然": "but", "尽管": "but", "虽": "but", "虽说": "but",
		"因为": "so", "由于": "so", "不仅": "but also", "不仅仅": "but also", "不但": "but also", "不只": "but also"}
	pairClosers = map[string]string{"但": "but", "但是": "but", "可是": "but", "却": "but", "然而": "but",
		"所以": "so", "因此": "so", "因而": "so"}
)

// alsoClosers are the second halves of 不仅…: "but also".
var alsoClosers = map[string]bool{"而且": true, "还": true, "也": true, "更": true, "并且": true, "同时": true, "而": true}

// connectiveRule drops the second half of a paired connective in the sentence
// of its first half (虽然他来了，但是… "although he came, ...").
func connectiveRule(toks []tok) {
	open := ""
	for i := range toks {
		tk := &toks[i]
		if tk.end || tk.kind == kTag {
			open = ""
			continue
		}
		if tk.kind != kWord || tk.fixed {
			continue
		}
		if k, ok := pairOpeners[tk.src]; ok && tk.en != "" {
			open = k
			continue
		}
		if open == "but also" && alsoClosers[tk.src] {
			// 不仅…，而且/还/也… "not only ..., but also ..."
			if p := i - 1; p >= 0 && toks[p].kind == kPunct && toks[p].en == "," {
				blank(tk)
				tk.en = "but also"
				if j := i + 1; j < len(toks) && toks[j].kind == kWord && alsoClosers[toks[j].src] && !toks[j].fixed {
					blank(&toks[j]) // 而且还 "but also"
				}
			}
			open = ""
			continue
		}
		if k, ok := pairClosers[tk.src]; ok && k == open {
			if p := i - 1; p >= 0 && toks[p].kind == kPunct {
				blank(tk)
			}
			open = ""
		}
	}
}
