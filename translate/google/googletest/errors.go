package googletest

import (
	"context"
	"strings"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/protoadapt"
	"google.golang.org/protobuf/types/known/durationpb"
)

// The error replies below follow what Google's front end sends for the
// Translation API: a status code, a human message, and details (ErrorInfo
// with a machine-readable reason in the googleapis.com domain, RetryInfo
// for quota errors).

const service = "translate.googleapis.com"

// withDetails returns a status error carrying the given details.
func withDetails(c codes.Code, msg string, details ...protoadapt.MessageV1) error {
	st := status.New(c, msg)
	if d, err := st.WithDetails(details...); err == nil {
		st = d
	}
	return st.Err()
}

func errorInfo(reason string, meta map[string]string) *errdetails.ErrorInfo {
	if meta == nil {
		meta = map[string]string{}
	}
	meta["service"] = service
	return &errdetails.ErrorInfo{Reason: reason, Domain: "googleapis.com", Metadata: meta}
}

// invalid is INVALID_ARGUMENT with Google's message.
func invalid(msg string) error { return status.Error(codes.InvalidArgument, msg) }

// quotaExceeded is the RESOURCE_EXHAUSTED reply to a request over the
// per-minute character quota.
func quotaExceeded(wait time.Duration) error {
	return withDetails(codes.ResourceExhausted,
		"Quota exceeded for quota metric 'v2 and v3 general model characters' and limit "+
			"'v2 and v3 general model characters per minute per user' of service "+
			"'translate.googleapis.com' for consumer 'project_number:000000000000'.",
		errorInfo("RATE_LIMIT_EXCEEDED", map[string]string{
			"quota_metric": "translate.googleapis.com/default",
			"quota_limit":  "DefaultPerMinutePerUser",
		}),
		&errdetails.RetryInfo{RetryDelay: durationpb.New(wait)},
	)
}

// unavailable is the reply of an overloaded or restarting backend.
func unavailable() error {
	return status.Error(codes.Unavailable, "The service is currently unavailable.")
}

// userRateLimit is the 403 with reason rateLimitExceeded that the quota
// documentation describes ("User Rate Limit Exceeded").
func userRateLimit() error {
	return withDetails(codes.PermissionDenied, "User Rate Limit Exceeded",
		errorInfo("rateLimitExceeded", nil))
}

// The authentication replies, worded as Google's front end words them.
const authHelp = " Expected OAuth 2 access token, login cookie or other valid authentication credential." +
	" See https://developers.google.com/identity/sign-in/web/devconsole-project."

// authorize checks the request's credential against Options.Key.
func (s *Server) authorize(ctx context.Context) error {
	if s.opt.Key == "" {
		return nil
	}
	md, _ := metadata.FromIncomingContext(ctx)
	if keys := md.Get("x-goog-api-key"); len(keys) > 0 {
		if keys[0] == s.opt.Key {
			return nil
		}
		return withDetails(codes.InvalidArgument, "API key not valid. Please pass a valid API key.",
			errorInfo("API_KEY_INVALID", nil))
	}
	auth := md.Get("authorization")
	if len(auth) == 0 {
		return withDetails(codes.Unauthenticated, "Request is missing required authentication credential."+authHelp,
			errorInfo("CREDENTIALS_MISSING", nil))
	}
	if token, ok := strings.CutPrefix(auth[0], "Bearer "); ok && token == s.opt.Key {
		return nil
	}
	return withDetails(codes.Unauthenticated, "Request had invalid authentication credentials."+authHelp,
		errorInfo("ACCESS_TOKEN_TYPE_UNSUPPORTED", nil))
}

// Refusal is a standing refusal of every request, as Google sends it to a
// project that cannot use the API at all.
type Refusal int

const (
	// Accepted refuses nothing.
	Accepted Refusal = iota
	// APIDisabled is PERMISSION_DENIED with reason SERVICE_DISABLED: the
	// Cloud Translation API is not enabled in the project.
	APIDisabled
	// BillingDisabled is PERMISSION_DENIED with reason BILLING_DISABLED:
	// the project has no open billing account.
	BillingDisabled
	// DailyQuotaExhausted is RESOURCE_EXHAUSTED for the project's daily
	// character quota, which comes back only the next day.
	DailyQuotaExhausted
)

// project is the project number the refusals quote.
const project = "000000000000"

// refusal is the error for r, worded as Google words it.
func refusal(r Refusal) error {
	switch r {
	case APIDisabled:
		return withDetails(codes.PermissionDenied,
			"Cloud Translation API has not been used in project "+project+" before or it is disabled. "+
				"Enable it by visiting https://console.developers.google.com/apis/api/translate.googleapis.com/overview?project="+project+
				" then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.",
			errorInfo("SERVICE_DISABLED", map[string]string{"consumer": "projects/" + project}))
	case BillingDisabled:
		return withDetails(codes.PermissionDenied,
			"This API method requires billing to be enabled. Please enable billing on project #"+project+
				" by visiting https://console.developers.google.com/billing/enable?project="+project+
				" then retry. If you enabled billing for this project recently, wait a few minutes for the action to propagate to our systems and retry.",
			errorInfo("BILLING_DISABLED", map[string]string{"consumer": "projects/" + project}))
	case DailyQuotaExhausted:
		return withDetails(codes.ResourceExhausted,
			"Quota exceeded for quota metric 'v2 and v3 general model characters' and limit "+
				"'v2 and v3 general model characters per day' of service 'translate.googleapis.com' for consumer 'project_number:"+project+"'.",
			errorInfo("RATE_LIMIT_EXCEEDED", map[string]string{
				"quota_metric": "translate.googleapis.com/default",
				"quota_limit":  "DefaultPerDayPerProject",
			}))
	}
	return nil
}
