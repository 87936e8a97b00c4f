package offline

import "testing"

// TestLists: the last 、 of a list is "and"; 等 and a noun after the list are
// "and other" with the noun in the plural.
func TestLists(t *testing.T) {
	contains(t, "我们走访了北京、上海、广州。", []string{"Beijing, Shanghai and Guangzhou"})
	contains(t, "北京、上海、广州等城市发布了通知。", []string{"Beijing, Shanghai, Guangzhou and other cities"})
	contains(t, "北京、上海和广州发布了通知。", []string{"Beijing, Shanghai and Guangzhou"}, "and and")
	// A stray 、 joins nothing.
	contains(t, "、北京发布了通知。", []string{"Beijing"}, "And", "and")
	contains(t, "北京、。", []string{"Beijing"}, "and")
}
