package offline

import "testing"

// The tests below use sentences of their own, not lines of the
// development set, so that they check the rules rather than the tuning.

// TestAdjectiveSenses: a noun that modifies a noun is offered as its
// adjective (经济增长 "economic growth").
func TestAdjectiveSenses(t *testing.T) {
	contains(t, "今年经济增长很快。", []string{"economic growth"}, "economy growth")
}

// TestSelf: 自己 takes the person of the pronoun before it.
func TestSelf(t *testing.T) {
	contains(t, "他称自己没有看到那辆车。", []string{"He said he did not see"}, "their own")
}

// TestClassifierDropped: a classifier between a demonstrative and its
// noun is not translated.
func TestClassifierDropped(t *testing.T) {
	contains(t, "这名女性来自上海。", []string{"This woman", "from Shanghai"}, "name")
}

// TestOrdinals: an ordinal that starts a noun phrase takes "the", or the
// genitive after a place.
func TestOrdinals(t *testing.T) {
	contains(t, "这是中国第一个数据中心。", []string{"China's first data center"})
}

// TestControlVerbs: the verb after 继续, 希望 and the like is an
// infinitive.
func TestControlVerbs(t *testing.T) {
	contains(t, "我们将继续发挥作用。", []string{"will continue to"}, "continued")
}

// TestOneOf: X之一 is "one of the Xs".
func TestOneOf(t *testing.T) {
	contains(t, "美国是中国最大的出口市场之一。", []string{"is one of", "export markets"}, "market one of")
}

// TestNegation: 没有 before a verb is "did not" with the verb's plain form.
func TestNegation(t *testing.T) {
	contains(t, "警方没有发现任何线索。", []string{"did not find"}, "not found")
}

// TestCopula: an adjective that ends its clause after 很, 非常 takes "is";
// 是 after a modal is "be".
func TestCopula(t *testing.T) {
	contains(t, "这一点非常重要。", []string{"is very important"})
	contains(t, "他应该是一名老师。", []string{"should be"}, "should is")
}

// TestFutureEvent: an event after 将 "will be held", not "will held".
func TestFutureEvent(t *testing.T) {
	contains(t, "会议将于明天举行。", []string{"will be held"}, "will held")
}

// TestProgressive: 正在 V is "is V-ing".
func TestProgressive(t *testing.T) {
	contains(t, "警方正在寻找目击者。", []string{"are seeking"})
}

// TestPairedConnectives: 虽然…，但是… is "although ..., ...", without "but".
func TestPairedConnectives(t *testing.T) {
	contains(t, "虽然天气很冷，但是他们还是来了。", []string{"Although"}, "but")
}

// TestPeopleWords: 人员 after a word that already names the people goes.
func TestPeopleWords(t *testing.T) {
	contains(t, "研究人员从北京到上海。", []string{"Researchers from Beijing"}, "people")
}

// TestParticiple: a one-word participle before 的 stays before its noun.
func TestParticiple(t *testing.T) {
	contains(t, "受惊的孩子哭了。", []string{"Startled children"}, "of the startled")
}

// TestAffectedBy: 受X影响 is "affected by X".
func TestAffectedBy(t *testing.T) {
	contains(t, "受大风天气影响，航班全部取消。", []string{"ffected by gale"}, "impact", "receive")
}

// TestAccordingToReports: 据X报道 is "according to X reports", without an
// article before the source.
func TestAccordingToReports(t *testing.T) {
	contains(t, "据外媒报道，该公司已经破产。", []string{"According to foreign media reports"}, "reported")
}

// TestBetween: X与Y之间的Z is "Z between X and Y".
func TestBetween(t *testing.T) {
	contains(t, "中国和美国之间的关系很好。", []string{"between China and"}, "US between")
}

// TestCircumfixKept: the preposition of 在X中 is kept when it closes over
// an amount (在三年的时间里 "in ...", not dropped).
func TestCircumfixKept(t *testing.T) {
	contains(t, "他在十年的职业生涯中赢得了五个冠军。", []string{"in 10 years"})
}

// TestModalWill: 会 after a modal is not "will" again.
func TestModalWill(t *testing.T) {
	contains(t, "这种情况可能会发生。", []string{"may happen"}, "may will")
}

// TestWeiAmount: 为 between a noun and an amount is a form of "be".
func TestWeiAmount(t *testing.T) {
	contains(t, "今年的失业率为5%。", []string{"is 5%"}, "for 5%")
}

// TestInTheWorld: 世界上 and 历史上 take "in", not "on"; X上的Y is "Y on
// X", at X for a meeting.
func TestInTheWorld(t *testing.T) {
	contains(t, "他是世界上最好的球员。", []string{"in the world"}, "world on")
	contains(t, "开幕式上的讲话很短。", []string{"speech at the opening ceremony"})
}

// TestSomeOf: 部分 before a noun is "some".
func TestSomeOf(t *testing.T) {
	contains(t, "部分学生没有参加考试。", []string{"Some student"})
}

// TestModifierBeforeDe: a word jieba tags as an adjective or a verb stays
// before its noun even when its gloss reads as a noun.
func TestModifierBeforeDe(t *testing.T) {
	contains(t, "他们完成了繁重的训练。", []string{"heavy training"}, "of the heavy")
}

// TestLike: 像X一样 is "like X", 一样 dropped.
func TestLike(t *testing.T) {
	contains(t, "他跑得像风一样快。", []string{"like"}, "the same")
	contains(t, "她和普通学生一样参加考试。", []string{"She like general student"}, "the same")
}

// TestImpactOn: 对X产生影响 is "have an impact on X".
func TestImpactOn(t *testing.T) {
	contains(t, "这项政策将对农民产生重大影响。", []string{"major impact on"}, "to farmers")
}

// TestWithVerb: the verb of 与X会见 goes before its phrase.
func TestWithVerb(t *testing.T) {
	contains(t, "他与对手握手。", []string{"shake hands with"}, "and the opponent")
	contains(t, "总统昨天与日本首相会见。", []string{"met with Japanese"}, "with with")
}

// TestMoreAndMore: 越来越 before a short adjective is its comparative
// twice.
func TestMoreAndMore(t *testing.T) {
	contains(t, "我们的生活越来越好。", []string{"better and better"}, "more and more good")
}

// TestNotOnlyButAlso: 不仅…，而且… is "not only ..., but also ...".
func TestNotOnlyButAlso(t *testing.T) {
	contains(t, "这个办法不仅省钱，而且还省时间。", []string{"not only", "but also"}, "also also")
}

// TestShortTermsAtWordBreaks: a built-in term of two characters matches
// only where the dictionary's words break at both its ends: 中超 in 其中超过
// (其中 超过) and 万达 in 1万达到 (万 达到) are not the league or the company.
func TestShortTermsAtWordBreaks(t *testing.T) {
	contains(t, "他在中超踢球。", []string{"Chinese Super League"})
	contains(t, "其中超过一半是学生。", nil, "Super League")
	contains(t, "万达的董事长来了。", []string{"Wanda"})
	contains(t, "人数1万达到了。", nil, "Wanda")
}
