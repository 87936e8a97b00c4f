package offline

import "testing"

// TestSyntax: the verb of 对X进行V, 把X V and 被X V goes where English puts
// it.
func TestSyntax(t *testing.T) {
	contains(t, "警方对此事进行了调查。", []string{"investigat", "this matter"}, "to the this")
	contains(t, "专家组对这一问题进行了调查研究。", []string{"investigat", "research this problem"}, "investigate research")
	contains(t, "他把书放在桌子上。", []string{"put", "book on the table"}, "his book")
	contains(t, "他被警察逮捕了。", []string{"arrested by police"})
	contains(t, "他们对违法企业采取措施。", []string{"take measures against"})
	// 将 before a verb is "will", and nothing moves.
	contains(t, "我们将进一步加强合作。", []string{"will"})
	// 对于他来说 is "for him", not a saying.
	contains(t, "对于他来说，这是一个机会。", []string{"For"}, "said")
}

// TestPlaceAfterVerb: a phrase of 在 before a verb that ends the clause goes
// after it; before a verb with an object it stays.
func TestPlaceAfterVerb(t *testing.T) {
	contains(t, "会议在北京举行。", []string{"held in Beijing"})
}

// TestPredicateKept: a verb the learned senses drop elsewhere (来 in 以来
// and 来自) is kept when it is all the predicate of its clause.
func TestPredicateKept(t *testing.T) {
	contains(t, "他来了。", []string{"He came."})
	contains(t, "普京和默克尔都来了。", []string{"Putin and Merkel c"})
	// Where another verb carries the clause, 来 may still go.
	contains(t, "近年来，经济发展很快。", nil, "come")
}

// TestAboutBeforeAmounts: 约 before an amount is "about" where the
// segmenter joined it to the word before (和约, "peace treaty") or left 有
// between them.
func TestAboutBeforeAmounts(t *testing.T) {
	contains(t, "为约 130 万名美国人和约30万英国人带来影响。", []string{"and about 300,000"}, "treat")
	contains(t, "整个建筑面积约有10万平方米。", []string{"about 100,000 square meters"}, "appointment")
	// 和约 without an amount after it is still the treaty.
	contains(t, "两国签订和约。", []string{"signed a peace treaty"})
}
