package suggest

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/translate"
)

// An organisation's name is, in news, a place or a proper noun, a few
// common nouns, and a word that says what kind of body it is:
// 阳泉市|人民医院, 山西省|生态环境|厅, 美国|司法部. organisations finds such
// runs of words, as the offline backend's segmenter cuts them.

// orgSuffixes end an organisation's name. A word that ends in one of them
// names a body only if the dictionary says so (组织部 "organization
// department", 公安局 "public security bureau"; not 内部 "interior", 格局
// "structure", 大厅 "hall").
var orgSuffixes = []string{"委员会", "公司", "集团", "医院", "大学", "部", "局", "厅"}

// bodyWords are the English words of CC-CEDICT senses that name a body.
var bodyWords = regexp.MustCompile(`(?i)\b(ministry|department|bureau|office|commission|committee|company|corporation|group|hospital|university|administration|agency)\b`)

// notInside are words that may come between a place and a suffix without
// being part of a name: determiners, quantities, qualities.
var notInside = map[string]bool{"各": true, "各级": true, "各大": true, "一些": true, "这些": true, "那些": true,
	"该": true, "本": true, "其": true, "所有": true, "全部": true, "主要": true, "有关": true, "相关": true,
	"当地": true, "国有": true, "民营": true, "大型": true, "重点": true, "知名": true, "其他": true, "其它": true,
	"多家": true, "一家": true, "两家": true, "这家": true, "那家": true, "多个": true, "部分": true, "上述": true,
	"我国": true, "我市": true, "我省": true, "全国": true, "全省": true, "全市": true, "地方": true}

// maxInside is the most common nouns an organisation's name has between
// its place and its suffix (山西省|住房|城乡|建设|厅).
const maxInside = 4

// organisations finds organisation names in every segment and drafts their
// English with the offline backend.
func (c *collector) organisations() {
	found := map[string]bool{}
	var order []string
	for _, doc := range c.docs {
		for _, s := range doc.Segments {
			for _, r := range runs(s.Text) {
				for _, org := range c.orgsIn(s.Text[r.start:r.end]) {
					if !found[org] {
						found[org] = true
						order = append(order, org)
					}
				}
			}
		}
	}
	if len(order) == 0 {
		return
	}
	english, err := finder().Translate(context.Background(), translate.Request{Texts: order})
	if err != nil {
		return // the offline backend fails only on a cancelled context
	}
	for i, org := range order {
		if _, seen := c.cands[org]; !seen {
			c.add(org, english[i], glossary.Org, true)
		}
	}
}

// orgsIn returns the organisation names in a run of plain text.
func (c *collector) orgsIn(text string) []string {
	words := c.d.Segment(text)
	var out []string
	for k, w := range words {
		if !c.endsName(w) || k+1 < len(words) && strings.HasPrefix(words[k+1], "级") {
			continue // 部级副董事长: a ministerial-level vice chairman
		}
		// Common nouns before the suffix, then at least one proper noun.
		i, inside := k-1, 0
		for i >= 0 && inside < maxInside && c.inside(words[i]) {
			i--
			inside++
		}
		first := -1
		for i >= 0 && c.properOnly(words[i]) {
			first = i
			i--
		}
		switch {
		case first >= 0 && inside == 0 && c.genericAfter(words[first:k], w):
			// 中国公司 "Chinese companies", 百度公司 "the Baidu company"
		case first >= 0:
			out = append(out, strings.Join(words[first:k+1], ""))
		case c.properOnly(w):
			out = append(out, w) // a name the dictionary has: 北京大学
		}
	}
	return out
}

// genericAfter reports a bare suffix right after proper nouns that makes
// no name: a company after a brand (百度公司: the name is 百度), anything
// after a country (中国公司, 美国大学: Chinese companies, American
// universities). A body named in one word stays (美国司法部).
func (c *collector) genericAfter(proper []string, suffix string) bool {
	if !slices.Contains(orgSuffixes, suffix) {
		return false
	}
	return suffix == "公司" || strings.HasSuffix(proper[len(proper)-1], "国")
}

// endsName reports a word that ends an organisation's name: a suffix on
// its own (部, 委员会), or a dictionary word ending in one whose sense
// names a body (组织部, 公安局).
func (c *collector) endsName(w string) bool {
	for _, suf := range orgSuffixes {
		if w == suf {
			return true
		}
		if strings.HasSuffix(w, suf) {
			for _, e := range c.d.Lookup(w) {
				if len(e.Senses) > 0 && bodyWords.MatchString(e.Senses[0]) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// inside reports a word that can be inside an organisation's name: a
// Chinese word of two or more characters, not a proper noun, with a
// reading that is not a verb (CC-CEDICT starts verb senses with "to "),
// and not a determiner or quantity.
func (c *collector) inside(w string) bool {
	if utf8.RuneCountInString(w) < 2 || notInside[w] || !allHan(w) || c.properOnly(w) {
		return false
	}
	for _, e := range c.d.Lookup(w) {
		for _, s := range e.Senses {
			if !strings.HasPrefix(s, "to ") && !strings.HasPrefix(s, "see ") && !strings.HasPrefix(s, "variant of") {
				return true
			}
		}
	}
	return false
}

// allHan reports a string of Chinese characters only.
func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

// lifeYears matches a dictionary sense that is a person's name and years:
// "Robin Li (1968–), founder of Baidu".
var lifeYears = regexp.MustCompile(`^\p{Lu}[\p{L}'.-]*(?: \p{Lu}[\p{L}'.-]*)* \([0-9]{4}`)
