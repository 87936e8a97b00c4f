// Package googletest is an in-process fake of Google Cloud Translation v3
// ("Advanced"): a gRPC server implementing
// google.cloud.translation.v3.TranslationService/TranslateText with the
// service's validation, request limits, error codes and error details, so
// that the production client (cloud.google.com/go/translate/apiv3) runs
// unchanged against it.
//
// The fake "translates" by reading each content back into bitext's tagged
// text (markup.FromHTML for text/html) and applying pseudo.Text, which keeps
// tags and glossary pins; pseudo.Inverse undoes it, so tests can check
// order, tags and pins exactly.
package googletest

import (
	"net"
	"strings"
	"sync"
	"time"

	translatepb "cloud.google.com/go/translate/apiv3/translatepb"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	"github.com/bitext/bitext/translate/translatetest"
)

// Limits of one TranslateText request, as documented by Google
// (https://cloud.google.com/translate/quotas, "Content limits per request",
// and the TranslateTextRequest.contents field comment).
const (
	MaxContents   = 1024
	MaxCodePoints = 30000
)

// Options configures the fake.
type Options struct {
	// Faults picks requests to fail with the service's transient errors:
	// RESOURCE_EXHAUSTED with RetryInfo, UNAVAILABLE, and PERMISSION_DENIED
	// with the ErrorInfo reason rateLimitExceeded (Google's 403 rate limit).
	Faults *translatetest.Faults
	// Key, when non-empty, is the only credential accepted: a request must
	// carry the metadata "authorization: Bearer KEY" or "x-goog-api-key:
	// KEY", or it gets Google's UNAUTHENTICATED (or, for a wrong API key,
	// INVALID_ARGUMENT API_KEY_INVALID) reply. The google backend sends no
	// credentials to an http:// endpoint, so with Key set every request it
	// makes gets the permanent UNAUTHENTICATED error, as with a missing or
	// revoked credential.
	Key string
	// Glossaries are the glossaries that exist, by full resource name
	// (projects/P/locations/L/glossaries/ID), each a map from source term
	// to target term.
	Glossaries map[string]map[string]string
	// Refuse, when set, answers every authenticated request with that
	// standing refusal (a disabled API or billing account, an exhausted
	// daily quota) instead of translating it.
	Refuse Refusal
	// RetryDelay is the RetryInfo delay sent with an injected
	// RESOURCE_EXHAUSTED. Zero means 1s; more than 1s is cut to 1s, so that
	// tests never wait long.
	RetryDelay time.Duration
}

// Server is a running fake. Its methods are safe for concurrent use.
type Server struct {
	// URL is what a user passes to --endpoint: "http://127.0.0.1:PORT",
	// a plaintext gRPC address without authentication.
	URL string

	opt   Options
	grpc  *grpc.Server
	count translatetest.Counter

	mu   sync.Mutex
	last *translatepb.TranslateTextRequest

	translatepb.UnimplementedTranslationServiceServer
}

// New starts a fake listening on 127.0.0.1. It panics if it cannot listen:
// tests have no way to go on without it.
func New(opt Options) *Server {
	if opt.RetryDelay <= 0 || opt.RetryDelay > time.Second {
		opt.RetryDelay = time.Second
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic("googletest: " + err.Error())
	}
	s := &Server{URL: "http://" + lis.Addr().String(), opt: opt, grpc: grpc.NewServer()}
	translatepb.RegisterTranslationServiceServer(s.grpc, s)
	go s.grpc.Serve(lis)
	return s
}

// Addr is the server's host:port, without the scheme.
func (s *Server) Addr() string { return strings.TrimPrefix(s.URL, "http://") }

// Close stops the server and drops open connections.
func (s *Server) Close() { s.grpc.Stop() }

// Stats returns what the server has counted so far. Chars counts the code
// points of the contents as sent (HTML markup included), as Google bills.
func (s *Server) Stats() translatetest.Stats { return s.count.Stats() }

// Last returns a copy of the last TranslateText request received, or nil.
func (s *Server) Last() *translatepb.TranslateTextRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.last == nil {
		return nil
	}
	return proto.Clone(s.last).(*translatepb.TranslateTextRequest)
}
