// Package web is bitext's local review page: a side-by-side table of a
// post's segments with an editable translation, its status, the glossary
// terms and the QA findings, served on the loopback interface. Saving goes
// through the same steps as bitext apply (internal/run.Review): the memory
// keeps the edit as reviewed and the English edition and bilingual file
// are written again. Everything the page needs is embedded: no network,
// no JavaScript build step.
package web

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/bitext/bitext/internal/run"
)

//go:embed assets
var assets embed.FS

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"mark": mark,
	"json": func(v any) (string, error) {
		b, err := json.Marshal(v)
		return string(b), err
	},
	"sources": func(ts []run.Term) []string {
		var out []string
		for _, t := range ts {
			out = append(out, t.Source)
		}
		return out
	},
	"targets": func(ts []run.Term) []string {
		var out []string
		for _, t := range ts {
			out = append(out, t.Target)
		}
		return out
	},
}).ParseFS(assets, "assets/*.html"))

// Server serves the review page of a Review.
type Server struct {
	rv *run.Review
}

// New returns a server for rv.
func New(rv *run.Review) *Server { return &Server{rv: rv} }

// Handler is the page's HTTP handler. It answers only requests addressed
// to a loopback host (so that a web page elsewhere cannot reach it through
// DNS rebinding), and takes saves only as JSON (which a form on another
// site cannot send without the browser asking first).
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("GET /post/{n}", s.post)
	mux.HandleFunc("POST /post/{n}/save", s.save)
	mux.Handle("GET /assets/", http.FileServerFS(assets))
	return loopbackOnly(mux)
}

func loopbackOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.Host)
		if err != nil {
			host = r.Host
		}
		if ip := net.ParseIP(host); !(host == "localhost" || ip != nil && ip.IsLoopback()) {
			http.Error(w, "bitext review answers on the loopback address only", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Listen listens on addr, which must be a loopback address ("127.0.0.1:0"
// picks a free port).
func Listen(addr string) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("--addr %q: %v", addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("--addr %q: the review page serves on a loopback address only (127.0.0.1, ::1, localhost): it has no accounts", addr)
	}
	return net.Listen("tcp", addr)
}

// Serve serves on l until ctx is done.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	srv := &http.Server{Handler: s.Handler()}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	err := srv.Serve(l)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

type indexPost struct {
	N               int
	Path            string
	Reviewed, Total int
	Err             string
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	var posts []indexPost
	for i, p := range s.rv.Posts() {
		ip := indexPost{N: i, Path: p}
		if post, err := s.rv.Load(r.Context(), i); err != nil {
			ip.Err = err.Error()
		} else {
			ip.Reviewed, ip.Total = post.Reviewed, post.Total
		}
		posts = append(posts, ip)
	}
	var errs []string
	for _, e := range s.rv.Errors {
		errs = append(errs, e.Error())
	}
	render(w, "index.html", map[string]any{"Posts": posts, "Errors": errs})
}

func (s *Server) postNumber(w http.ResponseWriter, r *http.Request) (int, bool) {
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 0 || n >= len(s.rv.Posts()) {
		http.NotFound(w, r)
		return 0, false
	}
	return n, true
}

func (s *Server) post(w http.ResponseWriter, r *http.Request) {
	n, ok := s.postNumber(w, r)
	if !ok {
		return
	}
	p, err := s.rv.Load(r.Context(), n)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	render(w, "post.html", map[string]any{"N": n, "Post": p, "Count": len(s.rv.Posts())})
}

// saveRequest is what the page posts.
type saveRequest struct {
	Edits []run.ReviewEdit `json:"edits"`
}

// saveReply is what a save answers.
type saveReply struct {
	OK       bool   `json:"ok"`
	Error    string `json:"error,omitempty"`
	Edited   int    `json:"edited"`
	Reviewed string `json:"reviewed,omitempty"`
	Outputs  string `json:"outputs,omitempty"`
}

func (s *Server) save(w http.ResponseWriter, r *http.Request) {
	n, ok := s.postNumber(w, r)
	if !ok {
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		http.Error(w, "a save is JSON", http.StatusUnsupportedMediaType)
		return
	}
	var req saveRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, 16<<20)).Decode(&req); err != nil {
		http.Error(w, "bad save request: "+err.Error(), http.StatusBadRequest)
		return
	}
	a, err := s.rv.Save(r.Context(), n, req.Edits)
	reply := saveReply{OK: err == nil}
	status := http.StatusOK
	if err != nil {
		reply.Error = err.Error()
		status = http.StatusUnprocessableEntity
	}
	if a != nil {
		reply.Edited, reply.Reviewed, reply.Outputs = a.Edited+a.Confirmed, a.Reviewed, a.Status
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(reply)
}

func render(w http.ResponseWriter, name string, data any) {
	var b strings.Builder
	if err := pages.ExecuteTemplate(&b, name, data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	io.WriteString(w, b.String())
}

// mark escapes text for HTML with every occurrence of the terms in <mark>.
func mark(text string, terms []string) template.HTML {
	var b strings.Builder
	for len(text) > 0 {
		at, term := -1, ""
		for _, t := range terms {
			if t == "" {
				continue
			}
			if i := strings.Index(text, t); i >= 0 && (at < 0 || i < at || i == at && len(t) > len(term)) {
				at, term = i, t
			}
		}
		if at < 0 {
			b.WriteString(template.HTMLEscapeString(text))
			break
		}
		b.WriteString(template.HTMLEscapeString(text[:at]))
		b.WriteString("<mark>" + template.HTMLEscapeString(term) + "</mark>")
		text = text[at+len(term):]
	}
	return template.HTML(b.String())
}
