package openai

import (
	"encoding/json"
	"fmt"
	"strings"
)

// problem is why a reply was rejected.
type problem struct {
	msg string
	// cutOff: the model stopped at its output limit, so the same request
	// would fail the same way and only a smaller one can succeed.
	cutOff bool
}

// check matches a reply against the segments sent, by ID, and returns the
// translations in the order sent, or the first thing wrong with it.
func check(sent []segment, content, refusal, finish string) ([]string, *problem) {
	if finish == "length" {
		return nil, &problem{msg: "model reply cut off at its output limit", cutOff: true}
	}
	if strings.TrimSpace(content) == "" {
		if refusal != "" {
			return nil, &problem{msg: "model refused: " + excerpt(refusal, 200)}
		}
		return nil, &problem{msg: "model reply is empty"}
	}
	var r struct {
		Translations *[]struct {
			ID   *string `json:"id"`
			Text *string `json:"text"`
		} `json:"translations"`
	}
	if err := json.Unmarshal([]byte(unfence(content)), &r); err != nil {
		return nil, &problem{msg: fmt.Sprintf("model reply is not the JSON asked for (%v): %q", err, excerpt(content, 80))}
	}
	if r.Translations == nil {
		return nil, &problem{msg: `model reply has no "translations" list`}
	}
	want := make(map[string]int, len(sent))
	for i, s := range sent {
		want[s.ID] = i
	}
	got := make(map[string]string, len(sent))
	var order []string
	for _, t := range *r.Translations {
		if t.ID == nil || t.Text == nil {
			return nil, &problem{msg: `model reply has a translation without "id" or "text"`}
		}
		id := *t.ID
		if _, ok := want[id]; !ok {
			return nil, &problem{msg: fmt.Sprintf("model added segment %q", excerpt(id, 20))}
		}
		if _, dup := got[id]; dup {
			return nil, &problem{msg: "model repeated segment " + id}
		}
		got[id] = *t.Text
		order = append(order, id)
	}
	for _, s := range sent {
		if _, ok := got[s.ID]; !ok {
			return nil, &problem{msg: "model dropped segment " + s.ID}
		}
	}
	for k, id := range order {
		if id != sent[k].ID {
			return nil, &problem{msg: fmt.Sprintf("model reordered segments: %s came where %s was sent", id, sent[k].ID)}
		}
	}
	out := make([]string, len(sent))
	for i, s := range sent {
		text := got[s.ID]
		if strings.TrimSpace(text) == "" {
			return nil, &problem{msg: "model left segment " + s.ID + " empty"}
		}
		if d := tagDiff(s.Text, text); d != "" {
			return nil, &problem{msg: fmt.Sprintf("model changed tags in %s: %s", s.ID, d)}
		}
		if d := tagOrder(s.Text, text); d != "" {
			return nil, &problem{msg: fmt.Sprintf("model broke tag order in %s: %s", s.ID, d)}
		}
		out[i] = escapeStray(text)
	}
	return out, nil
}

// unfence removes a Markdown code fence around a JSON reply, which servers
// that ignore response_format let some models write.
func unfence(s string) string {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "```") || !strings.HasSuffix(s, "```") || len(s) < 6 {
		return s
	}
	s = strings.TrimSuffix(s[3:], "```")
	if nl := strings.IndexByte(s, '\n'); nl >= 0 && !strings.Contains(s[:nl], "{") {
		s = s[nl+1:] // the info string, e.g. json
	}
	return strings.TrimSpace(s)
}
