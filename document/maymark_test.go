package document

import "testing"

// mayMark never rules out a line that blockMarker would escape, whatever
// follows the part of it mayMark sees.
func TestMayMarkKeepsMarkers(t *testing.T) {
	lines := []string{"", " ", "   ", "    x", "# a", "  ## b", "> q", "```go", "~~~", "- a", "* b", "+ c",
		"***", "* * *", "___", "===", "---", "1. a", "12) b", "1.", "x", "中文", "\t- a", "#a", "  1. x", "\n- a"}
	for _, l := range lines {
		for cut := 0; cut <= len(l); cut++ {
			for _, first := range []bool{true, false} {
				if blockMarker([]byte(l), first) >= 0 && !mayMark([]byte(l[:cut])) {
					t.Errorf("mayMark(%q) = false, but blockMarker(%q, %v) finds a marker", l[:cut], l, first)
				}
			}
		}
	}
}
