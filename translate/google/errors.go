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
	}
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.ErrorInfo:
			e.Reason = d.GetReason()
			if rateLimited(d.GetReason()) {
				e.Temporary = true
			}
		case *errdetails.RetryInfo:
			if d.GetRetryDelay() != nil {
				e.RetryAfter = d.GetRetryDelay().AsDuration()
			}
		}
	}
	return e
}

// redact removes every secret value (the credentials path) from a message.
func (b *Backend) redact(msg string) string {
	for _, s := range b.secrets {
		msg = strings.ReplaceAll(msg, s, "$"+credentialsEnv)
	}
	return msg
}

// errTooLong reports a single text over Google's per-request size, which
// no batching can send.
var errTooLong = errors.New("text too long for one request")
