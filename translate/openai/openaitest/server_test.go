package openaitest_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	_ "github.com/bitext/bitext/internal/golden"
	"github.com/bitext/bitext/translate/openai/openaitest"
	"github.com/bitext/bitext/translate/pseudo"
)

// post sends a raw chat completion request and decodes the reply.
func post(t *testing.T, url, key, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var v map[string]any
	if err := json.NewDecoder(res.Body).Decode(&v); err != nil {
		t.Fatalf("status %d: body is not JSON: %v", res.StatusCode, err)
	}
	return res.StatusCode, v
}

const user = `{"segments":[{"id":"s1","text":"你好<b1>world</b1>"},{"id":"s2","text":"a &lt; b"}]}`

func chatBody(model, system string) string {
	b, _ := json.Marshal(map[string]any{
		"model":           model,
		"messages":        []map[string]string{{"role": "system", "content": system}, {"role": "user", "content": user}},
		"response_format": map[string]string{"type": "json_object"},
	})
	return string(b)
}

// The reply has OpenAI's shape, and its content is the JSON a translator
// model was asked for.
func TestReplyShape(t *testing.T) {
	srv := openaitest.New(openaitest.Options{})
	defer srv.Close()
	status, v := post(t, srv.URL+"/chat/completions", "", chatBody("m", "Answer in JSON."))
	if status != 200 || v["object"] != "chat.completion" || !strings.HasPrefix(v["id"].(string), "chatcmpl-") {
		t.Fatalf("status %d, reply %v", status, v)
	}
	choice := v["choices"].([]any)[0].(map[string]any)
	if choice["finish_reason"] != "stop" {
		t.Errorf("finish_reason %v", choice["finish_reason"])
	}
	var content struct{ Translations []struct{ ID, Text string } }
	if err := json.Unmarshal([]byte(choice["message"].(map[string]any)["content"].(string)), &content); err != nil {
		t.Fatal(err)
	}
	if len(content.Translations) != 2 || content.Translations[0].Text != pseudo.Text("你好<b1>world</b1>") || content.Translations[1].ID != "s2" {
		t.Errorf("translations %+v", content.Translations)
	}
	if u := v["usage"].(map[string]any); u["prompt_tokens"].(float64) <= 0 || u["completion_tokens"].(float64) <= 0 {
		t.Errorf("usage %v", u)
	}
	if s := srv.Stats(); s.Requests != 1 || s.Texts != 2 || s.Chars != 24 {
		t.Errorf("stats %+v; want 1 request, 2 texts, 24 characters", s)
	}
}

// Requests OpenAI would refuse, the fake refuses the same way.
func TestRefusesWhatOpenAIRefuses(t *testing.T) {
	srv := openaitest.New(openaitest.Options{Key: "sk-test-key-123456", Models: []string{"m"}})
	defer srv.Close()
	url := srv.URL + "/chat/completions"
	cases := []struct {
		name, key, body string
		status          int
		code, message   string
	}{
		{"no key", "", chatBody("m", "JSON"), 401, "", "You didn't provide an API key"},
		{"wrong key", "sk-wrong-key-987654", chatBody("m", "JSON"), 401, "invalid_api_key", "Incorrect API key provided: sk-w***********7654."},
		{"unknown model", "sk-test-key-123456", chatBody("gpt-9", "JSON"), 404, "model_not_found", "The model `gpt-9` does not exist"},
		{"no model", "sk-test-key-123456", chatBody("", "JSON"), 400, "", "you must provide a model parameter"},
		{"json_object without json", "sk-test-key-123456", strings.ReplaceAll(chatBody("m", "Answer."), "JSON", ""), 400, "", "must contain the word 'json'"},
		{"not JSON", "sk-test-key-123456", "{", 400, "", "We could not parse the JSON body"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, v := post(t, url, c.key, c.body)
			e, _ := v["error"].(map[string]any)
			code, _ := e["code"].(string)
			msg, _ := e["message"].(string)
			if status != c.status || code != c.code || !strings.Contains(msg, c.message) {
				t.Errorf("status %d, code %q, message %q; want %d, %q, %q", status, code, msg, c.status, c.code, c.message)
			}
		})
	}
}

func TestSequenceThenHonest(t *testing.T) {
	srv := openaitest.New(openaitest.Options{Misbehave: openaitest.Sequence(openaitest.DropSegment)})
	defer srv.Close()
	for i, want := range []int{1, 2} { // segments: one dropped, then both
		_, v := post(t, srv.URL+"/chat/completions", "", chatBody("m", "JSON"))
		content := v["choices"].([]any)[0].(map[string]any)["message"].(map[string]any)["content"].(string)
		if got := strings.Count(content, `"id"`); got != want {
			t.Errorf("request %d: %d segments in %s", i+1, got, content)
		}
	}
}
