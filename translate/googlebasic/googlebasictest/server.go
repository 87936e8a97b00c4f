package googlebasictest

import (
	"net/http"
	"net/http/httptest"
	"sync"

	"github.com/bitext/bitext/translate/translatetest"
)

// Options configures a fake service.
type Options struct {
	// Faults picks requests to fail with the service's transient errors:
	// 403 userRateLimitExceeded, 429 rateLimitExceeded (Retry-After: 1),
	// 500 backendError and 503 backendError (Retry-After: 1). Nil: none.
	Faults *translatetest.Faults
	// Key, when not empty, is the only API key accepted, from the key query
	// parameter or the X-Goog-Api-Key header. A request with another key gets
	// 400 keyInvalid; one with none gets 403, as an unregistered caller.
	Key string
	// DailyChars, when positive, is the project's daily character quota:
	// a request that would take the characters translated past it gets
	// 403 dailyLimitExceeded, a failure not worth retrying today.
	DailyChars int
	// Disabled answers every request with a valid key 403
	// accessNotConfigured, as for a project that has not enabled the API.
	Disabled bool
}

// Server is a running fake service on 127.0.0.1.
type Server struct {
	// URL is the service root, what a user passes to
	// bitext translate --backend googlebasic --endpoint URL.
	URL string

	opt    Options
	srv    *httptest.Server
	counts translatetest.Counter

	mu          sync.Mutex
	longestURL  int
	longestBody int
	methods     map[string]int
}

// New starts a fake service. Close it when done.
func New(opt Options) *Server {
	s := &Server{opt: opt, methods: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	return s
}

// Close shuts the service down.
func (s *Server) Close() { s.srv.Close() }

// Stats returns what the service counted so far. Chars counts the code
// points of the q values as sent, HTML markup included.
func (s *Server) Stats() translatetest.Stats { return s.counts.Stats() }

// LongestURL is the length of the longest request URL received, scheme and
// host included, rejected requests too.
func (s *Server) LongestURL() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.longestURL
}

// LongestBody is the size in bytes of the longest POST body received,
// rejected requests too (one over MaxBody stands for any larger one: the
// fake reads no further).
func (s *Server) LongestBody() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.longestBody
}

// Methods counts the requests received by HTTP method.
func (s *Server) Methods() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.methods))
	for m, n := range s.methods {
		out[m] = n
	}
	return out
}
