// Package openaitest is a fake OpenAI-compatible chat completions server for
// tests: it speaks the real wire protocol (POST /v1/chat/completions, the
// chat.completion reply, OpenAI's error bodies and status codes, a context
// window), so the openai backend runs unchanged against it, pointed at URL.
//
// The fake plays an obedient model: it reads the segments in the last user
// message (the JSON the backend sends), "translates" each with pseudo.Text,
// which keeps tags, entities and glossary pins, and answers the JSON the
// backend asks for. Options.Misbehave makes it a bad model instead, so that
// tests can prove every bad reply is caught.
package openaitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/bitext/bitext/translate/translatetest"
)

// DefaultContextTokens is the fake model's context window when
// Options.ContextTokens is 0: 8K tokens, like many small local models.
const DefaultContextTokens = 8192

// Options configures a Server.
type Options struct {
	// Faults picks requests to answer with a transient failure, as OpenAI
	// sends when rate-limited or overloaded: 429 rate_limit_exceeded with
	// Retry-After: 1, 500, 503, and a proxy's 502 HTML page.
	Faults *translatetest.Faults
	// Key, when set, is the only API key accepted (Authorization: Bearer);
	// any other request gets OpenAI's 401.
	Key string
	// Models, when set, are the only models served; others get OpenAI's 404
	// model_not_found.
	Models []string
	// ContextTokens is the model's context window, in tokens as the fake
	// estimates them (a CJK character is one, other text four bytes to a
	// token). A prompt over it gets 400 context_length_exceeded (counted in
	// Stats.Rejected); a reply that would not fit is cut off with
	// finish_reason "length", as local servers do.
	ContextTokens int
	// QuotaChars, when set, is the account's budget: once the fake has
	// translated that many characters, every request gets OpenAI's 429
	// insufficient_quota, which waiting does not cure.
	QuotaChars int
	// Misbehave, when set, picks a bad reply for some requests; see
	// Sequence and Whenever.
	Misbehave Misbehave
}

// Message is one chat message as the fake received it.
type Message struct {
	Role    string
	Content string
}

// Request is a chat completion request as the fake received it.
type Request struct {
	Model          string
	Temperature    *float64 // nil when not sent
	ResponseFormat string   // response_format.type, e.g. "json_object"
	Messages       []Message
}

// Server is a running fake. Close it when done.
type Server struct {
	// URL is the base URL to give the backend (--endpoint), ending in /v1.
	URL string

	opt   Options
	srv   *httptest.Server
	count translatetest.Counter

	mu      sync.Mutex
	last    Request
	answers int // requests that reached the model
	ids     int
}

// New starts a fake listening on 127.0.0.1.
func New(opt Options) *Server {
	if opt.ContextTokens <= 0 {
		opt.ContextTokens = DefaultContextTokens
	}
	s := &Server{opt: opt}
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/chat/completions", s.chat)
	// Servers mounted at the root, for base URLs without /v1.
	mux.HandleFunc("/chat/completions", s.chat)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.count.Add(func(st *translatetest.Stats) { st.Requests++ })
		writeError(w, http.StatusNotFound, "invalid_request_error", "",
			fmt.Sprintf("Invalid URL (%s %s)", r.Method, r.URL.Path))
	})
	s.srv = httptest.NewServer(mux)
	s.URL = s.srv.URL + "/v1"
	return s
}

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// Stats returns what the fake counted. Texts and Chars count the segments
// of every reply the model wrote, bad ones included: a real service bills
// those too.
func (s *Server) Stats() translatetest.Stats { return s.count.Stats() }

// LastRequest returns the last chat completion request that reached the
// model, so tests can check the prompt.
func (s *Server) LastRequest() Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.last
	r.Messages = append([]Message(nil), r.Messages...)
	return r
}

// wireRequest is the part of the chat completion request the fake reads.
type wireRequest struct {
	Model    *string `json:"model"`
	Messages []struct {
		Role    string          `json:"role"`
		Content json.RawMessage `json:"content"`
	} `json:"messages"`
	Temperature    *float64 `json:"temperature"`
	ResponseFormat *struct {
		Type string `json:"type"`
	} `json:"response_format"`
}

func (s *Server) chat(w http.ResponseWriter, r *http.Request) {
	s.count.Add(func(st *translatetest.Stats) { st.Requests++ })
	if r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, "invalid_request_error", "",
			fmt.Sprintf("Invalid method for URL (%s %s)", r.Method, r.URL.Path))
		return
	}
	if !s.authorized(w, r) {
		return
	}
	if q := s.opt.QuotaChars; q > 0 && s.count.Stats().Chars >= q {
		writeError(w, http.StatusTooManyRequests, "insufficient_quota", "insufficient_quota",
			"You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.")
		return
	}
	if fail, n := s.opt.Faults.Fail(); fail {
		s.count.Add(func(st *translatetest.Stats) { st.Injected++ })
		transient(w, n)
		return
	}
	var req wireRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "invalid_request_error", "",
			"We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)")
		return
	}
	got, ok := s.valid(w, req)
	if !ok {
		return
	}
	prompt := 0
	for _, m := range got.Messages {
		prompt += Tokens(m.Content) + 4
	}
	if prompt > s.opt.ContextTokens {
		s.count.Add(func(st *translatetest.Stats) { st.Rejected++ })
		writeErrorParam(w, http.StatusBadRequest, "invalid_request_error", "context_length_exceeded", "messages",
			fmt.Sprintf("This model's maximum context length is %d tokens. However, your messages resulted in %d tokens. Please reduce the length of the messages.", s.opt.ContextTokens, prompt))
		return
	}
	s.mu.Lock()
	s.last = got
	s.answers++
	n := s.answers
	s.ids++
	id := s.ids
	s.mu.Unlock()

	segs, content, cutOff := s.model(n, got.Messages)
	finish := "stop"
	if cutOff {
		finish = "length"
	}
	if room := s.opt.ContextTokens - prompt; Tokens(content) > room {
		content, finish = cut(content, room), "length"
	}
	chars := 0
	for _, sg := range segs {
		chars += len([]rune(sg.Text))
	}
	s.count.Add(func(st *translatetest.Stats) {
		st.Texts += len(segs)
		st.Chars += chars
	})
	completion := Tokens(content)
	writeJSON(w, http.StatusOK, map[string]any{
		"id":      fmt.Sprintf("chatcmpl-fake%06d", id),
		"object":  "chat.completion",
		"created": time.Now().Unix(),
		"model":   got.Model,
		"choices": []map[string]any{{
			"index":         0,
			"message":       map[string]any{"role": "assistant", "content": content, "refusal": nil},
			"logprobs":      nil,
			"finish_reason": finish,
		}},
		"usage": map[string]any{
			"prompt_tokens":     prompt,
			"completion_tokens": completion,
			"total_tokens":      prompt + completion,
		},
		"system_fingerprint": "fp_openaitest",
	})
}

// authorized checks the bearer key as OpenAI does, answering 401 when it
// is missing or wrong.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if s.opt.Key == "" {
		return true
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	switch {
	case !ok || got == "":
		writeError(w, http.StatusUnauthorized, "invalid_request_error", "",
			"You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username. You can obtain an API key from https://platform.openai.com/account/api-keys.")
		return false
	case got != s.opt.Key:
		writeError(w, http.StatusUnauthorized, "invalid_request_error", "invalid_api_key",
			"Incorrect API key provided: "+mask(got)+". You can find your API key at https://platform.openai.com/account/api-keys.")
		return false
	}
	return true
}

// mask shows a key as OpenAI's 401 message does: its first and last four
// characters.
func mask(key string) string {
	if len(key) <= 8 {
		return key
	}
	return key[:4] + strings.Repeat("*", len(key)-8) + key[len(key)-4:]
}

// valid checks the request as OpenAI does, answering its 400 or 404 when
// it is wrong, and returns what the fake records.
func (s *Server) valid(w http.ResponseWriter, req wireRequest) (Request, bool) {
	bad := func(param, msg string) (Request, bool) {
		writeErrorParam(w, http.StatusBadRequest, "invalid_request_error", "", param, msg)
		return Request{}, false
	}
	if req.Model == nil || *req.Model == "" {
		return bad("model", "you must provide a model parameter")
	}
	if len(s.opt.Models) > 0 && !contains(s.opt.Models, *req.Model) {
		writeErrorParam(w, http.StatusNotFound, "invalid_request_error", "model_not_found", "model",
			fmt.Sprintf("The model `%s` does not exist or you do not have access to it.", *req.Model))
		return Request{}, false
	}
	if len(req.Messages) == 0 {
		return bad("messages", "[] is too short - 'messages'")
	}
	got := Request{Model: *req.Model, Temperature: req.Temperature}
	mentionsJSON := false
	for _, m := range req.Messages {
		var text string
		if err := json.Unmarshal(m.Content, &text); err != nil {
			return bad("messages", "the fake reads only string message contents")
		}
		got.Messages = append(got.Messages, Message{Role: m.Role, Content: text})
		mentionsJSON = mentionsJSON || strings.Contains(strings.ToLower(text), "json")
	}
	if t := req.Temperature; t != nil && (*t < 0 || *t > 2) {
		return bad("temperature", fmt.Sprintf("%g is greater than the maximum of 2 - 'temperature'", *t))
	}
	if f := req.ResponseFormat; f != nil {
		got.ResponseFormat = f.Type
		switch f.Type {
		case "text", "json_schema":
		case "json_object":
			if !mentionsJSON {
				return bad("messages", "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.")
			}
		default:
			return bad("response_format.type", fmt.Sprintf("Invalid value: '%s'. Supported values are: 'json_object', 'json_schema', and 'text'.", f.Type))
		}
	}
	return got, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
