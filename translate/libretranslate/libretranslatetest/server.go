// Package libretranslatetest is a fake LibreTranslate server for tests: an
// httptest server on 127.0.0.1 that speaks the real API (POST /translate
// with JSON or form bodies, GET /languages), enforces API keys and the
// server's --batch-limit and --char-limit with LibreTranslate's own error
// replies, injects the transient failures a busy server gives (429 from its
// rate limiter, 500, 503 from a reverse proxy), and "translates" with
// pseudo.Text, keeping tags and glossary pins.
//
// It copies the real server's quirks that a client must cope with: HTML
// white space is collapsed (translate-html minifies its input), elements
// come back as BeautifulSoup writes them (<img id="x2"/>, <br/>), and every
// reply is HTML-unescaped (Python's html.unescape), text and HTML alike.
package libretranslatetest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/translate/translatetest"
)

// Options configures the fake.
type Options struct {
	// Faults picks requests to /translate to fail with a transient error:
	// 429 {"error": "Slowdown: ..."} with Retry-After: 1, 500, or a
	// proxy's 503 HTML page.
	Faults *translatetest.Faults
	// Key, when set, is the only API key the server accepts: another key
	// gets 403 "Invalid API key", none gets 400 "Please contact the server
	// operator to get an API key" (a server run with --api-keys and
	// --require-api-key-origin).
	Key string
	// BatchLimit is the server's --batch-limit (texts per request) and
	// CharLimit its --char-limit (code points per text); 0 means no limit,
	// the server's -1.
	BatchLimit, CharLimit int
	// LegacyCodes makes the server name Chinese "zh" and "zt", as releases
	// up to 1.6 do, instead of "zh-Hans" and "zh-Hant".
	LegacyCodes bool
}

// Server is a running fake. URL is its address, what a user passes to
// --endpoint.
type Server struct {
	URL   string
	opt   Options
	srv   *httptest.Server
	count translatetest.Counter
	langs []language
}

// New starts a fake server on 127.0.0.1.
func New(opt Options) *Server {
	s := &Server{opt: opt, langs: languages(opt.LegacyCodes)}
	mux := http.NewServeMux()
	mux.HandleFunc("/translate", s.translate)
	mux.HandleFunc("/languages", s.languages)
	s.srv = httptest.NewServer(mux)
	s.URL = s.srv.URL
	return s
}

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// Stats counts the requests to /translate (GET /languages is not counted):
// Rejected are those over the batch or character limit; Texts and Chars
// count the texts of successful requests and their code points as sent
// (HTML included), as the server's limits count them.
func (s *Server) Stats() translatetest.Stats { return s.count.Stats() }

// fail writes LibreTranslate's error reply: {"error": msg}.
func fail(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// injected answers a request picked by Faults with a transient failure.
func (s *Server) injected(w http.ResponseWriter) bool {
	bad, pick := s.opt.Faults.Fail()
	if !bad {
		return false
	}
	s.count.Add(func(st *translatetest.Stats) { st.Injected++ })
	switch pick % 3 {
	case 0:
		// The rate limiter (flask-limiter) with its default limit text.
		w.Header().Set("Retry-After", "1")
		fail(w, http.StatusTooManyRequests, "Slowdown: 10 per 1 minute")
	case 1:
		// An unhandled exception in the translation, through the app's
		// 500 handler.
		fail(w, http.StatusInternalServerError, "The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.")
	default:
		// nginx in front of a server that is restarting or saturated.
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"))
	}
	return true
}

// limitMessage is the server's reply to a request over its limits, for the
// batch and the character limit alike.
func limitMessage(size, limit int) string {
	return "Invalid request: request (" + strconv.Itoa(size) + ") exceeds text limit (" + strconv.Itoa(limit) + ")"
}

// overLimits checks a request against BatchLimit and CharLimit, as the
// server does: the batch size first, then each text.
func (s *Server) overLimits(w http.ResponseWriter, q []string, batch bool) bool {
	msg := ""
	if batch && s.opt.BatchLimit > 0 && len(q) > s.opt.BatchLimit {
		msg = limitMessage(len(q), s.opt.BatchLimit)
	}
	for _, t := range q {
		if n := utf8.RuneCountInString(t); msg == "" && s.opt.CharLimit > 0 && n > s.opt.CharLimit {
			msg = limitMessage(n, s.opt.CharLimit)
		}
	}
	if msg == "" {
		return false
	}
	s.count.Add(func(st *translatetest.Stats) { st.Rejected++ })
	fail(w, http.StatusBadRequest, msg)
	return true
}

// authorized checks the API key as a server run with --api-keys and
// --require-api-key-origin does.
func (s *Server) authorized(w http.ResponseWriter, key string) bool {
	switch {
	case s.opt.Key == "" || key == s.opt.Key:
		return true
	case key != "":
		fail(w, http.StatusForbidden, "Invalid API key")
	default:
		fail(w, http.StatusBadRequest, "Please contact the server operator to get an API key")
	}
	return false
}

// isJSON reports whether a request has a JSON body, as Flask's is_json.
func isJSON(r *http.Request) bool {
	ct := strings.ToLower(strings.TrimSpace(strings.Split(r.Header.Get("Content-Type"), ";")[0]))
	return ct == "application/json" || strings.HasPrefix(ct, "application/") && strings.HasSuffix(ct, "+json")
}
