package googlebasic

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/googlebasic/googlebasictest"
)

// failThird answers the third request it sees with a 503 of its own, and
// passes every other request to the service.
type failThird struct{ n atomic.Int32 }

func (f *failThird) RoundTrip(r *http.Request) (*http.Response, error) {
	if f.n.Add(1) == 3 {
		return &http.Response{StatusCode: 503, Status: "503 Service Unavailable", Header: http.Header{},
			Body: io.NopCloser(strings.NewReader(`{"error":{"code":503,"message":"Backend Error","errors":[{"reason":"backendError"}]}}`)), Request: r}, nil
	}
	return http.DefaultTransport.RoundTrip(r)
}

// A call that takes several requests and fails part-way is retried by
// sending only the requests that failed: the retry costs one request, not
// the whole call again.
func TestRetriedCallResendsOnlyFailedRequests(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{})
	b, err := New(context.Background(), translate.Config{
		Endpoint:   srv.URL,
		Values:     map[string]string{"key": testKey},
		HTTPClient: &http.Client{Transport: &failThird{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	b.maxBody = 1200
	// One paragraph of 80 sentences: far too long for one 1,200-byte body.
	var sb strings.Builder
	for i := range 80 {
		fmt.Fprintf(&sb, "临汾市的空气质量第%d年有了明显的改善。", i)
	}
	long := sb.String()
	req := zhEn(true, long)
	if _, err := b.Translate(context.Background(), req); !translate.IsTemporary(err) || !translate.MadeProgress(err) {
		t.Fatalf("first call: %v, want the injected temporary failure, marked as having made progress", err)
	}
	first := srv.Stats().Requests
	if first != 2 {
		t.Fatalf("%d requests reached the service before the failure, want 2", first)
	}
	out, err := b.Translate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	total := srv.Stats().Requests
	pieces := strings.Count(out[0], "⟦")
	if pieces < 4 {
		t.Fatalf("the text went as %d pieces; the test needs more than 3", pieces)
	}
	// The first call sent 2 requests before the failure (the third never
	// reached the service); the retry sends the rest, from the third on.
	if total != pieces {
		t.Errorf("%d requests for %d pieces: the retry re-sent requests that had succeeded", total, pieces)
	}
	if len(b.done) != 0 {
		t.Errorf("%d replies still kept after the call succeeded", len(b.done))
	}
}
