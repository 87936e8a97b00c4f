package google

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/protoadapt"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/google/googletest"
	"github.com/bitext/bitext/translate/translatetest"
)

func TestClassifiesGoogleStatuses(t *testing.T) {
	info := func(reason string) protoadapt.MessageV1 {
		return &errdetails.ErrorInfo{Reason: reason, Domain: "googleapis.com"}
	}
	tests := []struct {
		code      codes.Code
		details   []protoadapt.MessageV1
		temporary bool
		reason    string
		wait      time.Duration
	}{
		{codes.ResourceExhausted, []protoadapt.MessageV1{info("RATE_LIMIT_EXCEEDED"),
			&errdetails.RetryInfo{RetryDelay: durationpb.New(1500 * time.Millisecond)}}, true, "RATE_LIMIT_EXCEEDED", 1500 * time.Millisecond},
		{codes.ResourceExhausted, nil, true, "RESOURCE_EXHAUSTED", 0},
		{codes.Unavailable, nil, true, "UNAVAILABLE", 0},
		{codes.DeadlineExceeded, nil, true, "DEADLINE_EXCEEDED", 0},
		{codes.Aborted, nil, true, "ABORTED", 0},
		{codes.Internal, nil, true, "INTERNAL", 0},
		{codes.PermissionDenied, []protoadapt.MessageV1{info("rateLimitExceeded")}, true, "rateLimitExceeded", 0},
		{codes.PermissionDenied, []protoadapt.MessageV1{info("userRateLimitExceeded")}, true, "userRateLimitExceeded", 0},
		{codes.PermissionDenied, []protoadapt.MessageV1{info("IAM_PERMISSION_DENIED")}, false, "IAM_PERMISSION_DENIED", 0},
		{codes.PermissionDenied, []protoadapt.MessageV1{info("dailyLimitExceeded")}, false, "dailyLimitExceeded", 0},
		{codes.InvalidArgument, nil, false, "INVALID_ARGUMENT", 0},
		{codes.Unauthenticated, nil, false, "UNAUTHENTICATED", 0},
		{codes.NotFound, nil, false, "NOT_FOUND", 0},
	}
	b := &Backend{}
	for _, tt := range tests {
		st, err := status.New(tt.code, "the service's words").WithDetails(tt.details...)
		if err != nil {
			t.Fatal(err)
		}
		ae := translatetest.AsAPIError(t, b.apiError(context.Background(), st.Err()))
		if ae.Temporary != tt.temporary || ae.Status != int(tt.code) || ae.Reason != tt.reason ||
			ae.RetryAfter != tt.wait || ae.Message != "the service's words" || ae.Backend != "google" {
			t.Errorf("%v %v: got %+v", tt.code, tt.details, ae)
		}
		if translate.IsTemporary(ae) != tt.temporary {
			t.Errorf("%v: IsTemporary disagrees with Temporary", tt.code)
		}
	}
}

// TestFatalErrorsStopTheRun checks that the refusals every later request
// would get too are fatal, as the fake sends them with Google's bodies,
// and that rate limits and one text's problems are not.
func TestFatalErrorsStopTheRun(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		opt    googletest.Options
		req    translate.Request
		reason string
		fatal  bool
	}{
		{"API disabled", googletest.Options{Refuse: googletest.APIDisabled}, zhToEn(true, "你好"), "SERVICE_DISABLED", true},
		{"billing disabled", googletest.Options{Refuse: googletest.BillingDisabled}, zhToEn(true, "你好"), "BILLING_DISABLED", true},
		{"daily quota", googletest.Options{Refuse: googletest.DailyQuotaExhausted}, zhToEn(true, "你好"), "RATE_LIMIT_EXCEEDED", true},
		{"no credentials", googletest.Options{Key: "the-only-token"}, zhToEn(true, "你好"), "CREDENTIALS_MISSING", true},
		{"unsupported language", googletest.Options{}, translate.Request{From: mustTag("zh"), To: mustTag("tlh"), Texts: []string{"你好"}}, "INVALID_ARGUMENT", true},
		{"same language", googletest.Options{}, translate.Request{From: mustTag("en"), To: mustTag("en-US"), Texts: []string{"hello"}}, "INVALID_ARGUMENT", true},
		{"rate limit or overload", googletest.Options{Faults: translatetest.NewFaults(1, 5)}, zhToEn(true, "你好"), "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startFake(t, tc.opt)
			_, err := newBackend(t, srv, nil).Translate(ctx, tc.req)
			ae := translatetest.AsAPIError(t, err)
			if translate.IsFatal(err) != tc.fatal {
				t.Errorf("IsFatal = %v, want %v: %v", !tc.fatal, tc.fatal, err)
			}
			if tc.fatal && (ae.Temporary || translate.IsTemporary(err)) {
				t.Errorf("a fatal error is retried: %v", err)
			}
			if tc.reason != "" && ae.Reason != tc.reason {
				t.Errorf("reason %q, want %q", ae.Reason, tc.reason)
			}
		})
	}
	// A text over Google's size limit fails its own request only.
	srv := startFake(t, googletest.Options{})
	_, err := newBackend(t, srv, nil).Translate(ctx, zhToEn(false, strings.Repeat("字", maxCodePoints+1)))
	if err == nil || translate.IsFatal(err) {
		t.Errorf("a text too long: %v, fatal %v", err, translate.IsFatal(err))
	}
}

func TestInjectedFaultsAreTemporary(t *testing.T) {
	srv := startFake(t, googletest.Options{Faults: translatetest.NewFaults(1, 3), RetryDelay: 200 * time.Millisecond})
	b := newBackend(t, srv, nil)
	seen := map[int]bool{}
	for i := 0; i < 40 && len(seen) < 3; i++ {
		_, err := b.Translate(context.Background(), zhToEn(true, "你好"))
		ae := translatetest.AsAPIError(t, err)
		seen[ae.Status] = true
		if !translate.IsTemporary(err) {
			t.Errorf("injected %v is not temporary", ae)
		}
		if ae.Status == int(codes.ResourceExhausted) && translate.RetryAfter(err) != 200*time.Millisecond {
			t.Errorf("RetryInfo not read: %v", translate.RetryAfter(err))
		}
	}
	for _, c := range []codes.Code{codes.ResourceExhausted, codes.Unavailable, codes.PermissionDenied} {
		if !seen[int(c)] {
			t.Errorf("never saw %v among %v", c, seen)
		}
	}
}

func TestPermanentErrors(t *testing.T) {
	srv := startFake(t, googletest.Options{})
	b := newBackend(t, srv, nil)
	ctx := context.Background()

	_, err := b.Translate(ctx, translate.Request{From: mustTag("zh"), To: mustTag("tlh"), Texts: []string{"你好"}, Markup: true})
	ae := translatetest.AsAPIError(t, err)
	if ae.Temporary || ae.Status != int(codes.InvalidArgument) || ae.Message != "Target language is invalid." {
		t.Errorf("unsupported language: %+v", ae)
	}

	_, err = b.Translate(ctx, translate.Request{From: mustTag("en"), To: mustTag("en-US"), Texts: []string{"hello"}})
	if ae := translatetest.AsAPIError(t, err); ae.Temporary {
		t.Errorf("same language: %+v", ae)
	}

	locked := startFake(t, googletest.Options{Key: "the-only-token"})
	_, err = newBackend(t, locked, nil).Translate(ctx, zhToEn(true, "你好"))
	ae = translatetest.AsAPIError(t, err)
	if ae.Temporary || ae.Status != int(codes.Unauthenticated) || !strings.Contains(ae.Message, "missing required authentication credential") {
		t.Errorf("no credentials: %+v", ae)
	}
}

func TestUnreachableServiceIsTemporary(t *testing.T) {
	srv := startFake(t, googletest.Options{})
	b := newBackend(t, srv, nil)
	srv.Close()
	_, err := b.Translate(context.Background(), zhToEn(true, "你好"))
	if ae := translatetest.AsAPIError(t, err); ae.Status != int(codes.Unavailable) || !ae.Temporary {
		t.Errorf("closed server: %+v", ae)
	}
}

func TestCancelledInFlight(t *testing.T) {
	// A server that accepts connections and never answers: the call is
	// still waiting when the caller cancels it.
	silent := translatetest.SilentServer(t)
	b, err := New(translate.Config{Endpoint: "http://" + silent, Values: map[string]string{"project": "p1"}})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err = b.Translate(ctx, zhToEn(true, "你好"))
	if !errors.Is(err, context.Canceled) || translate.IsTemporary(err) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

// serviceAccount writes a service-account key file as Google issues them,
// with a fresh RSA key and a token address that goes nowhere.
func serviceAccount(t *testing.T, path string) (keyID string) {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	keyID = "0123456789abcdef0123456789abcdef01234567"
	b, _ := json.Marshal(map[string]string{
		"type":           "service_account",
		"project_id":     "adc-project",
		"private_key_id": keyID,
		"private_key":    string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})),
		"client_email":   "bitext@adc-project.iam.gserviceaccount.com",
		"client_id":      "123456789012345678901",
		"token_uri":      "http://127.0.0.1:1/token",
	})
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return keyID
}

// TestCredentialsNeverInErrors: what the credentials file holds must not
// appear in any error, whichever step fails; a file that cannot be used is
// named by its path, in an error that stops the run.
func TestCredentialsNeverInErrors(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "secret-dir-5f3a")
	missing := filepath.Join(dir, "missing-key.json")
	present := filepath.Join(dir, "key.json")
	keyID := serviceAccount(t, present)
	t.Setenv(credentialsEnv, missing) // what ADC would read by itself
	weird := filepath.Join(dir, "weird.json")
	os.WriteFile(weird, []byte(`{"type": "TOP-SECRET-CONTENT", "private_key": "PRIVATE KEY"}`), 0o600)
	notJSON := filepath.Join(dir, "notjson.json")
	os.WriteFile(notJSON, []byte("TOP-SECRET-CONTENT PRIVATE KEY"), 0o600)

	srv := startFake(t, googletest.Options{})
	tlsToPlaintext := srv.Addr() // TLS handshake with a plaintext server fails

	tests := []struct {
		name   string
		values map[string]string
		check  func(*testing.T, *Backend, error)
	}{
		{"missing file, project from ADC", map[string]string{"credentials": missing}, unusable(missing, "no such file")},
		{"missing file, project set", map[string]string{"credentials": missing, "project": "p1"}, unusable(missing, "no such file")},
		{"missing file from the environment only", map[string]string{"project": "p1"}, unusable(missing, "no such file")},
		{"unknown type", map[string]string{"credentials": weird, "project": "p1"}, unusable(weird, "its type is not one")},
		{"unknown type, project from ADC", map[string]string{"credentials": weird}, unusable(weird, "its type is not one")},
		{"not JSON", map[string]string{"credentials": notJSON, "project": "p1"}, unusable(notJSON, "it is not JSON")},
		{"good file, unreachable service", map[string]string{"credentials": present}, func(t *testing.T, b *Backend, err error) {
			if ae := translatetest.AsAPIError(t, err); !ae.Temporary || ae.Status != int(codes.Unavailable) {
				t.Errorf("TLS to a plaintext port: %+v", ae)
			}
			if b.names.parent != "projects/adc-project/locations/global" {
				t.Errorf("project not taken from the credentials: parent %q", b.names.parent)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := New(translate.Config{Endpoint: tlsToPlaintext, Values: tt.values})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			_, err = b.Translate(context.Background(), zhToEn(true, "你好"))
			if err == nil {
				t.Fatal("no error")
			}
			for _, secret := range []string{keyID, "PRIVATE KEY", "TOP-SECRET"} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("error shows %q: %v", secret, err)
				}
			}
			if tt.check != nil {
				tt.check(t, b, err)
			}
		})
	}
}

// unusable checks the error for a credentials file that cannot be used:
// fatal, naming the file and why.
func unusable(path, why string) func(*testing.T, *Backend, error) {
	return func(t *testing.T, _ *Backend, err error) {
		t.Helper()
		want := path + " (GOOGLE_APPLICATION_CREDENTIALS) is not a usable credentials file: "
		if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), why) {
			t.Errorf("error %q, want %q and %q", err, want, why)
		}
		if !translate.IsFatal(err) {
			t.Errorf("not fatal: every request would fail the same: %v", err)
		}
	}
}
