package offline

import "testing"

// TestPastTense: a sentence that tells of the past has its verbs in the
// past tense; without a marker of the past the verb keeps its plain form.
func TestPastTense(t *testing.T) {
	contains(t, "警方去年逮捕嫌疑人。", []string{"arrested"})
	const src = "警方去年逮捕嫌疑人。"
	if got := New(Options{Off: RuleTense}).translator().text(src, nil); got == New(Options{}).translator().text(src, nil) {
		t.Errorf("RuleTense changes nothing: %q", got)
	}
}

// TestReportedSpeech: the comma after a verb of saying is "that"; after 据
// the verb goes.
func TestReportedSpeech(t *testing.T) {
	contains(t, "警方表示，嫌疑人已被捕。", []string{"said that"}, "said,")
	contains(t, "据警方称，嫌疑人已被捕。", []string{"According to"}, "said that", "said,")
	contains(t, "据了解，该项目已经完成。", []string{"It is understood that the project"})
	// A text that ends at the comma says nothing after it.
	contains(t, "他表示，", []string{"said"}, "that")
}
