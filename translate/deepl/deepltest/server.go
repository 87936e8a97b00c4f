package deepltest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"sync"

	"github.com/bitext/bitext/translate/translatetest"
)

// The request limits of /v2/translate, from DeepL's API reference.
const (
	MaxTexts     = 50         // text parameters per request
	MaxBodyBytes = 128 * 1024 // bytes of request body
)

// Options configures a fake server.
type Options struct {
	// Faults picks requests to fail with a transient error; nil fails none.
	Faults *translatetest.Faults
	// Key, when set, is the only auth key accepted; other requests get 403.
	Key string
	// QuotaLeft is how many characters the account may still translate:
	// 0 means no limit, a negative number means none left. A request that
	// would go over it is answered 456 and translates nothing.
	QuotaLeft int
	// Glossaries are the account's glossaries by ID (a UUID, as DeepL's
	// are): source term -> target term. They are Chinese-to-English.
	Glossaries map[string]map[string]string
}

// Request is what the fake understood of one accepted /v2/translate
// request, for tests that check what the client sent.
type Request struct {
	Form             bool // form-encoded rather than JSON
	BodyBytes        int
	Texts            []string
	SourceLang       string
	TargetLang       string
	Context          string
	GlossaryID       string
	TagHandling      string
	SplitSentences   string
	IgnoreTags       []string
	NonSplittingTags []string
}

// Server is a running fake. Close it when done.
type Server struct {
	// URL is the base address, exactly what a user passes to --endpoint.
	URL string

	srv   *httptest.Server
	opt   Options
	count translatetest.Counter

	mu       sync.Mutex
	used     int // characters billed
	requests []Request
}

// New starts a fake listening on 127.0.0.1.
func New(opt Options) *Server {
	s := &Server{opt: opt}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v2/translate", s.handleTranslate)
	mux.HandleFunc("GET /v2/usage", s.handleUsage)
	mux.HandleFunc("POST /v2/usage", s.handleUsage)
	mux.HandleFunc("GET /v2/glossaries/{id}", s.handleGlossary)
	mux.HandleFunc("GET /v2/languages", s.handleLanguages)
	s.srv = httptest.NewServer(s.gate(mux))
	s.URL = s.srv.URL
	return s
}

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// Stats returns the counts so far. Requests counts every request, usage
// and glossary look-ups included; Texts and Chars count translated texts,
// Chars as DeepL bills them: code points, outside the markup when
// tag_handling is set, the context not at all.
func (s *Server) Stats() translatetest.Stats { return s.count.Stats() }

// Requests returns the translate requests accepted so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// gate counts every request, checks the auth key and injects faults before
// a request reaches its handler.
func (s *Server) gate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.count.Add(func(st *translatetest.Stats) { st.Requests++ })
		if s.opt.Key != "" && r.Header.Get("Authorization") != "DeepL-Auth-Key "+s.opt.Key {
			writeMessage(w, http.StatusForbidden, "Authorization failed. Please supply a valid auth_key parameter.")
			return
		}
		if r.ContentLength > MaxBodyBytes {
			s.reject(w)
			return
		}
		if fail, n := s.opt.Faults.Fail(); fail {
			s.count.Add(func(st *translatetest.Stats) { st.Injected++ })
			injectFault(w, n)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// injectFault answers with one of the transient failures DeepL sends when
// it is rate-limiting or overloaded.
func injectFault(w http.ResponseWriter, n int) {
	switch n % 4 {
	case 0:
		w.Header().Set("Retry-After", "1")
		writeMessage(w, http.StatusTooManyRequests, "Too many requests")
	case 1:
		writeMessage(w, http.StatusInternalServerError, "Internal server error")
	case 2:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte(nginxPage(http.StatusServiceUnavailable, "Service Temporarily Unavailable")))
	default:
		writeMessage(w, 529, "Too many requests")
	}
}

// reject answers a request over the limits as DeepL's front proxy does.
func (s *Server) reject(w http.ResponseWriter) {
	s.count.Add(func(st *translatetest.Stats) { st.Rejected++ })
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(http.StatusRequestEntityTooLarge)
	w.Write([]byte(nginxPage(http.StatusRequestEntityTooLarge, "Request Entity Too Large")))
}

func nginxPage(status int, text string) string {
	title := strconv.Itoa(status) + " " + text
	return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title +
		"</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
}

// writeMessage writes DeepL's error body, {"message": "..."}.
func writeMessage(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"message": msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// handleUsage answers /v2/usage. An account without a limit reports the
// very large limit DeepL reports for Pro accounts without cost control.
func (s *Server) handleUsage(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	used := s.used
	s.mu.Unlock()
	limit := 1_000_000_000_000
	switch q := s.opt.QuotaLeft; {
	case q > 0:
		limit = q
	case q < 0:
		limit = used
	}
	writeJSON(w, http.StatusOK, map[string]int{"character_count": used, "character_limit": limit})
}

// handleLanguages answers GET /v2/languages?type=source|target (source
// when absent) with DeepL's list shape: [{"language": "DE", "name":
// "German"}], sorted by code; names are the codes, which is all a client
// may rely on.
func (s *Server) handleLanguages(w http.ResponseWriter, r *http.Request) {
	list := sourceLangs
	switch r.URL.Query().Get("type") {
	case "", "source":
	case "target":
		list = targetLangs
	default:
		writeMessage(w, http.StatusBadRequest, "Value for 'type' not supported.")
		return
	}
	codes := make([]string, 0, len(list))
	for c := range list {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	out := make([]map[string]string, len(codes))
	for i, c := range codes {
		out[i] = map[string]string{"language": c, "name": c}
	}
	writeJSON(w, http.StatusOK, out)
}

// handleGlossary answers GET /v2/glossaries/{id} with the glossary's
// metadata, in DeepL's shape.
func (s *Server) handleGlossary(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !isUUID(id) {
		writeMessage(w, http.StatusBadRequest, "Value for 'glossary_id' not supported.")
		return
	}
	g, ok := s.opt.Glossaries[id]
	if !ok {
		writeMessage(w, http.StatusNotFound, "Glossary not found")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"glossary_id":   id,
		"name":          "bitext test glossary",
		"ready":         true,
		"source_lang":   "zh",
		"target_lang":   "en",
		"creation_time": "2026-01-01T00:00:00.000Z",
		"entry_count":   len(g),
	})
}

// isUUID reports whether s has the 8-4-4-4-12 hexadecimal shape of a UUID.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, c := range []byte(s) {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
				return false
			}
		}
	}
	return true
}
