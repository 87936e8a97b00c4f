package google

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"google.golang.org/genproto/googleapis/rpc/code"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/bitext/bitext/translate"
)

// temporaryCodes are the gRPC codes worth retrying: quota and overload
// (RESOURCE_EXHAUSTED, UNAVAILABLE), timeouts, aborted transactions and
// Google's internal errors, which its guidance says to retry.
var temporaryCodes = map[codes.Code]bool{
	codes.ResourceExhausted: true,
	codes.Unavailable:       true,
	codes.DeadlineExceeded:  true,
	codes.Aborted:           true,
	codes.Internal:          true,
}

// rateLimited reports an ErrorInfo reason that means "too fast, try again":
// Google's v2-style rateLimitExceeded and userRateLimitExceeded (sent with
// 403 PERMISSION_DENIED) and the newer RATE_LIMIT_EXCEEDED.
func rateLimited(reason string) bool {
	switch strings.ToLower(strings.ReplaceAll(reason, "_", "")) {
	case "ratelimitexceeded", "userratelimitexceeded":
		return true
	}
	return false
}

// fatalCodes are the gRPC codes that every later request would get too:
// missing or rejected credentials (UNAUTHENTICATED), a project that may not
// use the API (PERMISSION_DENIED: the API disabled, billing disabled or
// closed, no IAM permission; Google's troubleshooting page lists billing
// problems and exhausted daily limits under "HTTP 403",
// https://cloud.google.com/translate/troubleshooting), and a model or
// glossary named in the settings that does not exist (NOT_FOUND).
// PERMISSION_DENIED with a rate-limit reason is the exception: see
// rateLimited.
var fatalCodes = map[codes.Code]bool{
	codes.Unauthenticated:  true,
	codes.PermissionDenied: true,
	codes.NotFound:         true,
}

// fatalArgument reports an INVALID_ARGUMENT that no request of the run can
// avoid: a rejected API key, or a language the service does not take, or
// a pair of the same language, in Google's words. Other invalid arguments
// (a text too long) concern one request.
func fatalArgument(reason, msg string) bool {
	switch {
	case reason == "API_KEY_INVALID",
		strings.HasPrefix(msg, "Target language is invalid"),
		strings.HasPrefix(msg, "Source language is invalid"),
		strings.Contains(msg, "can't be equal to source language"):
		return true
	}
	return false
}

// dailyQuota reports a RESOURCE_EXHAUSTED for a per-day quota: waiting
// seconds does not bring it back, so it is fatal for the run. Google names
// the limit in the ErrorInfo's quota_limit ("...PerDay...") and in the
// message ("characters per day").
func dailyQuota(info *errdetails.ErrorInfo, msg string) bool {
	limit := strings.ToLower(info.GetMetadata()["quota_limit"])
	return strings.Contains(limit, "perday") || strings.Contains(strings.ToLower(msg), " per day")
}

// apiError turns a failed call into the error bitext reports: the caller's
// cancellation or deadline as such, a gRPC status as a classified
// *translate.APIError, anything else as it is, credentials removed.
func (b *Backend) apiError(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("%s: %w", Name, ctxErr)
	}
	st, ok := status.FromError(err)
	if !ok {
		return fmt.Errorf("%s: %s", Name, b.redact(err.Error()))
	}
	e := &translate.APIError{
		Backend:   Name,
		Status:    int(st.Code()),
		Reason:    code.Code(st.Code()).String(),
		Message:   b.redact(st.Message()),
		Temporary: temporaryCodes[st.Code()],
		Fatal:     fatalCodes[st.Code()],
	}
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.ErrorInfo:
			e.Reason = d.GetReason()
			if rateLimited(d.GetReason()) {
				e.Temporary, e.Fatal = true, false
			}
			if st.Code() == codes.ResourceExhausted && dailyQuota(d, st.Message()) {
				e.Temporary, e.Fatal = false, true
			}
		case *errdetails.RetryInfo:
			if d.GetRetryDelay() != nil {
				e.RetryAfter = d.GetRetryDelay().AsDuration()
			}
		}
	}
	if st.Code() == codes.InvalidArgument && fatalArgument(e.Reason, st.Message()) {
		e.Fatal = true
	}
	return e
}

// redact removes every secret value (the credentials path) from a message.
func (b *Backend) redact(msg string) string {
	for _, s := range b.secrets {
		msg = translate.Redact(msg, s, "$"+credentialsEnv)
	}
	return msg
}

// errTooLong reports a single text over Google's per-request size, which
// no batching can send.
var errTooLong = errors.New("text too long for one request")
