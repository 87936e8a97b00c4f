package googlebasictest

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// Path is where the v2 API answers, below the service root.
const Path = "/language/translate/v2"

// Limits of one request, as documented for Cloud Translation - Basic and as
// enforced by Google's front end.
const (
	// MaxSegments is the most q values a request may carry: "You cannot
	// exceed 128 text segments"
	// (https://cloud.google.com/translate/docs/basic/translating-text).
	MaxSegments = 128
	// MaxURL bounds a request URL: "the URL for GET requests, including
	// parameters, must be less than 2K characters".
	MaxURL = 2048
	// MaxBody is the most bytes a POST body may have: "Cloud Translation -
	// Basic has a maximum request size of 100K bytes"
	// (https://cloud.google.com/translate/quotas, "Content limits per
	// request"), read as 100,000.
	MaxBody = 100_000
)

// translateReply is the success body.
type translateReply struct {
	Data struct {
		Translations []translation `json:"translations"`
	} `json:"data"`
}

type translation struct {
	TranslatedText         string `json:"translatedText"`
	DetectedSourceLanguage string `json:"detectedSourceLanguage,omitempty"`
	Model                  string `json:"model,omitempty"`
}

// apiError is one Google API error reply, {"error": {...}}.
type apiError struct {
	Code    int         `json:"code"`
	Message string      `json:"message"`
	Errors  []errorItem `json:"errors"`
	Status  string      `json:"status"`
	// retryAfter, when set, is sent as a Retry-After header in seconds.
	retryAfter int
}

type errorItem struct {
	Message string `json:"message"`
	Domain  string `json:"domain"`
	Reason  string `json:"reason"`
}

// newError builds an error reply whose single item repeats the message, as
// Google's replies do.
func newError(code int, status, domain, reason, message string) apiError {
	return apiError{
		Code:    code,
		Message: message,
		Errors:  []errorItem{{Message: message, Domain: domain, Reason: reason}},
		Status:  status,
	}
}

// The replies the fake can send, with Google's wording.
var (
	errTooManySegments = newError(400, "INVALID_ARGUMENT", "global", "invalid", "Too many text segments")
	errPayloadTooLarge = newError(400, "INVALID_ARGUMENT", "global", "badRequest", "Request payload size exceeds the limit: 100000 bytes.")
	errInvalidValue    = newError(400, "INVALID_ARGUMENT", "global", "invalid", "Invalid Value")
	errMissingQ        = newError(400, "INVALID_ARGUMENT", "global", "required", "Required Text")
	errMissingTarget   = newError(400, "INVALID_ARGUMENT", "global", "required", "Required Target language")
	errKeyInvalid      = newError(400, "INVALID_ARGUMENT", "global", "keyInvalid", "API key not valid. Please pass a valid API key.")
	errUnregistered    = newError(403, "PERMISSION_DENIED", "global", "forbidden",
		"Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.")
	errDailyLimit = newError(403, "PERMISSION_DENIED", "usageLimits", "dailyLimitExceeded", "Daily Limit Exceeded")
	// errAccessNotConfigured is the v2 reply to a project that has not
	// enabled the API.
	errAccessNotConfigured = newError(403, "PERMISSION_DENIED", "usageLimits", "accessNotConfigured",
		"Cloud Translation API has not been used in project 000000000000 before or it is disabled. Enable it by visiting "+
			"https://console.developers.google.com/apis/api/translate.googleapis.com/overview?project=000000000000 then retry. "+
			"If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.")

	// Transient failures, injected by Options.Faults.
	errUserRateLimit = newError(403, "PERMISSION_DENIED", "usageLimits", "userRateLimitExceeded", "User Rate Limit Exceeded")
	errRateLimit     = withRetryAfter(newError(429, "RESOURCE_EXHAUSTED", "global", "rateLimitExceeded",
		"Quota exceeded for quota metric 'v2 and v3 general model characters' and limit 'v2 and v3 general model characters per minute per user' of service 'translate.googleapis.com'."), 1)
	errInternal    = newError(500, "INTERNAL", "global", "backendError", "Internal error encountered.")
	errUnavailable = withRetryAfter(newError(503, "UNAVAILABLE", "global", "backendError", "The service is currently unavailable."), 1)

	transient = []apiError{errUserRateLimit, errRateLimit, errInternal, errUnavailable}
)

func withRetryAfter(e apiError, seconds int) apiError {
	e.retryAfter = seconds
	return e
}

// write sends the error reply.
func (e apiError) write(w http.ResponseWriter) {
	if e.retryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(e.retryAfter))
	}
	writeJSON(w, e.Code, struct {
		Error apiError `json:"error"`
	}{e})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// uriTooLong answers as Google's front end does when a request line is too
// long: 414 with an HTML page, not a JSON error, since the API never saw it.
func uriTooLong(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	w.WriteHeader(http.StatusRequestURITooLong)
	w.Write([]byte(`<!DOCTYPE html>
<html lang=en>
  <meta charset=utf-8>
  <title>Error 414 (Request-URI Too Large)!!1</title>
  <p><b>414.</b> <ins>That’s an error.</ins>
  <p>The requested URL is too large to process.  <ins>That’s all we know.</ins>
`))
}
