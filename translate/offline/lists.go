package offline

// Lists. Chinese separates the items of a list with 、 and writes no "and"
// before the last: 北京、上海、广州 is "Beijing, Shanghai and Guangzhou".

// listRule writes the last 、 of each list of a clause as "and", unless
// 和, 及 or 与 already joins the last item, or 等 and a noun end the list
// ("and other cities").
func listRule(toks []tok) {
	last := -1
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) && toks[i].kind == kPunct && toks[i].src == "、" {
			last = i
			continue
		}
		if i < len(toks) && toks[i].kind != kPunct && toks[i].kind != kTag {
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
		if last >= 0 {
			toks[last].en, toks[last].attach, toks[last].kind = "and", attachNone, kWord
		}
		last = -1
	}
}
