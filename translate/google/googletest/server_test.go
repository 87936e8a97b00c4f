package googletest_test

import (
	"context"
	"strings"
	"testing"
	"time"

	translatepb "cloud.google.com/go/translate/apiv3/translatepb"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	_ "github.com/bitext/bitext/internal/golden"
	"github.com/bitext/bitext/translate/google/googletest"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/bitext/bitext/translate/translatetest"
)

// dial returns a raw gRPC client of the fake, so that these tests can send
// requests the production backend never would.
func dial(t *testing.T, s *googletest.Server) translatepb.TranslationServiceClient {
	t.Helper()
	conn, err := grpc.NewClient(s.Addr(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return translatepb.NewTranslationServiceClient(conn)
}

func start(t *testing.T, opt googletest.Options) (*googletest.Server, translatepb.TranslationServiceClient) {
	t.Helper()
	s := googletest.New(opt)
	t.Cleanup(s.Close)
	return s, dial(t, s)
}

func request(contents ...string) *translatepb.TranslateTextRequest {
	return &translatepb.TranslateTextRequest{
		Parent:             "projects/bitext-test/locations/global",
		Contents:           contents,
		MimeType:           "text/html",
		SourceLanguageCode: "zh-CN",
		TargetLanguageCode: "en",
	}
}

// wantStatus checks a reply's gRPC code and message.
func wantStatus(t *testing.T, err error, code codes.Code, msg string) *status.Status {
	t.Helper()
	st, _ := status.FromError(err)
	if st.Code() != code || !strings.Contains(st.Message(), msg) {
		t.Fatalf("got %v %q, want %v %q", st.Code(), st.Message(), code, msg)
	}
	return st
}

func TestTranslatesHTMLKeepingTagsAndPins(t *testing.T) {
	s, c := start(t, googletest.Options{})
	in := `请访问<span id="a1">百度</span><img id="x2">，<span translate="no" class="notranslate" id="k3">Liu Yuqiang</span>说 a &amp; b`
	resp, err := c.TranslateText(context.Background(), request(in, "第二"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(resp.GetTranslations()); n != 2 {
		t.Fatalf("%d translations for 2 contents", n)
	}
	out := resp.GetTranslations()[0].GetTranslatedText()
	for _, keep := range []string{`<span id="a1">`, `<img id="x2">`, `id="k3">Liu Yuqiang</span>`, "&amp;"} {
		if !strings.Contains(out, keep) {
			t.Errorf("reply %q lost %q", out, keep)
		}
	}
	if got := s.Stats(); got.Requests != 1 || got.Texts != 2 || got.Chars != len([]rune(in))+2 {
		t.Errorf("stats %+v", got)
	}
	plain := request("a <b> & c")
	plain.MimeType = "text/plain"
	resp, err = c.TranslateText(context.Background(), plain)
	if err != nil {
		t.Fatal(err)
	}
	if back, err := pseudo.Inverse(resp.GetTranslations()[0].GetTranslatedText()); err != nil || back != "a <b> & c" {
		t.Errorf("text/plain round trip gives %q, %v", back, err)
	}
}

func TestRejectsRequestsOverTheLimits(t *testing.T) {
	s, c := start(t, googletest.Options{})
	ctx := context.Background()

	many := make([]string, googletest.MaxContents+1)
	for i := range many {
		many[i] = "字"
	}
	_, err := c.TranslateText(ctx, request(many...))
	wantStatus(t, err, codes.InvalidArgument, "exceeds the limit of 1024")
	if _, err := c.TranslateText(ctx, request(many[1:]...)); err != nil {
		t.Errorf("1,024 contents refused: %v", err)
	}

	// 30,000 code points in all is the most one request may carry.
	full := []string{strings.Repeat("字", 20000), strings.Repeat("a", 10000)}
	if _, err := c.TranslateText(ctx, request(full...)); err != nil {
		t.Errorf("30,000 code points refused: %v", err)
	}
	_, err = c.TranslateText(ctx, request(full[0], full[1]+"b"))
	wantStatus(t, err, codes.InvalidArgument, "Text is too long.")

	if got := s.Stats(); got.Rejected != 2 || got.Requests != 4 || got.Texts != 1026 {
		t.Errorf("stats %+v, want 2 of 4 requests rejected and 1,026 texts translated", got)
	}
}

func TestValidatesLikeGoogle(t *testing.T) {
	_, c := start(t, googletest.Options{Glossaries: map[string]map[string]string{
		"projects/p1/locations/us-central1/glossaries/names": {"刘玉强": "Liu Yuqiang"},
	}})
	glossary := func(name, parent string) *translatepb.TranslateTextRequest {
		r := request("刘玉强说")
		r.Parent = parent
		r.GlossaryConfig = &translatepb.TranslateTextGlossaryConfig{Glossary: name}
		return r
	}
	tests := []struct {
		name string
		req  func(*translatepb.TranslateTextRequest)
		code codes.Code
		msg  string
	}{
		{"bad parent", func(r *translatepb.TranslateTextRequest) { r.Parent = "bitext-test" }, codes.InvalidArgument, "Invalid resource name"},
		{"no target", func(r *translatepb.TranslateTextRequest) { r.TargetLanguageCode = "" }, codes.InvalidArgument, "Target language is invalid."},
		{"unknown target", func(r *translatepb.TranslateTextRequest) { r.TargetLanguageCode = "tlh" }, codes.InvalidArgument, "Target language is invalid."},
		{"unknown source", func(r *translatepb.TranslateTextRequest) { r.SourceLanguageCode = "zh-Hans" }, codes.InvalidArgument, "Source language is invalid."},
		{"same language", func(r *translatepb.TranslateTextRequest) { r.TargetLanguageCode = "zh" }, codes.InvalidArgument, "can't be equal"},
		{"mime type", func(r *translatepb.TranslateTextRequest) { r.MimeType = "text/markdown" }, codes.InvalidArgument, "Unsupported mime type"},
		{"no contents", func(r *translatepb.TranslateTextRequest) { r.Contents = nil }, codes.InvalidArgument, "Empty contents"},
		{"model elsewhere", func(r *translatepb.TranslateTextRequest) {
			r.Model = "projects/p1/locations/us-central1/models/general/nmt"
		}, codes.InvalidArgument, "same region"},
		{"unknown model", func(r *translatepb.TranslateTextRequest) {
			r.Model = "projects/p1/locations/global/models/NM123"
		}, codes.NotFound, "Model not found."},
		{"glossary from global", func(r *translatepb.TranslateTextRequest) {
			*r = *glossary("projects/p1/locations/us-central1/glossaries/names", "projects/p1/locations/global")
		}, codes.InvalidArgument, "global location"},
		{"glossary elsewhere", func(r *translatepb.TranslateTextRequest) {
			*r = *glossary("projects/p1/locations/us-central1/glossaries/names", "projects/p1/locations/europe-west1")
		}, codes.InvalidArgument, "same region"},
		{"no such glossary", func(r *translatepb.TranslateTextRequest) {
			*r = *glossary("projects/p1/locations/us-central1/glossaries/places", "projects/p1/locations/us-central1")
		}, codes.NotFound, "Glossary not found."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := request("你好")
			tt.req(r)
			_, err := c.TranslateText(context.Background(), r)
			wantStatus(t, err, tt.code, tt.msg)
		})
	}

	resp, err := c.TranslateText(context.Background(), glossary("projects/p1/locations/us-central1/glossaries/names", "projects/p1/locations/us-central1"))
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.GetGlossaryTranslations()[0].GetTranslatedText(); !strings.Contains(got, "Liu Yuqiang") || strings.Contains(got, "刘玉强") {
		t.Errorf("glossary translation %q does not apply the glossary", got)
	}
	if got := resp.GetTranslations()[0].GetTranslatedText(); !strings.Contains(got, "刘玉强") {
		t.Errorf("translation without glossary %q applies it", got)
	}
}

func TestKey(t *testing.T) {
	_, c := start(t, googletest.Options{Key: "sekrit-token"})
	with := func(k, v string) context.Context {
		return metadata.AppendToOutgoingContext(context.Background(), k, v)
	}
	_, err := c.TranslateText(context.Background(), request("你好"))
	wantStatus(t, err, codes.Unauthenticated, "missing required authentication credential")
	_, err = c.TranslateText(with("authorization", "Bearer wrong"), request("你好"))
	wantStatus(t, err, codes.Unauthenticated, "invalid authentication credentials")
	_, err = c.TranslateText(with("x-goog-api-key", "wrong"), request("你好"))
	wantStatus(t, err, codes.InvalidArgument, "API key not valid")
	if _, err := c.TranslateText(with("authorization", "Bearer sekrit-token"), request("你好")); err != nil {
		t.Errorf("right token refused: %v", err)
	}
	if _, err := c.TranslateText(with("x-goog-api-key", "sekrit-token"), request("你好")); err != nil {
		t.Errorf("right API key refused: %v", err)
	}
}

func TestFaultsAreGooglesTransientErrors(t *testing.T) {
	s, c := start(t, googletest.Options{Faults: translatetest.NewFaults(1, 7), RetryDelay: 300 * time.Millisecond})
	seen := map[codes.Code]bool{}
	for i := 0; i < 40 && len(seen) < 3; i++ {
		_, err := c.TranslateText(context.Background(), request("你好"))
		st := status.Convert(err)
		seen[st.Code()] = true
		switch st.Code() {
		case codes.ResourceExhausted:
			var retry *errdetails.RetryInfo
			for _, d := range st.Details() {
				if r, ok := d.(*errdetails.RetryInfo); ok {
					retry = r
				}
			}
			if retry == nil || retry.GetRetryDelay().AsDuration().Milliseconds() != 300 {
				t.Errorf("RESOURCE_EXHAUSTED without the 300ms RetryInfo: %v", st.Details())
			}
		case codes.PermissionDenied:
			info, _ := st.Details()[0].(*errdetails.ErrorInfo)
			if info.GetReason() != "rateLimitExceeded" {
				t.Errorf("PERMISSION_DENIED without reason rateLimitExceeded: %v", st.Details())
			}
		case codes.Unavailable:
		default:
			t.Fatalf("injected %v %q", st.Code(), st.Message())
		}
	}
	if len(seen) != 3 {
		t.Errorf("only %v injected", seen)
	}
	if got := s.Stats(); got.Injected != got.Requests || got.Texts != 0 {
		t.Errorf("stats %+v", got)
	}
}
