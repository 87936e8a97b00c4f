package google

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

	"golang.org/x/text/language"

	"github.com/bitext/bitext/translate"
)

// Name is the backend's name in the registry and in its errors.
const Name = "google"

// credentialsEnv is where Application Default Credentials are looked up.
const credentialsEnv = "GOOGLE_APPLICATION_CREDENTIALS"

// Factory registers the backend as "google".
var Factory = translate.Factory{
	Name:    Name,
	Summary: "Google Cloud Translation v3 (Advanced) over gRPC; Application Default Credentials",
	Hosts:   []string{"translate.googleapis.com"},
	// ADC on every address but a plaintext one.
	AmbientCredentials: true,
	Settings: []translate.Setting{
		{Name: "project", Env: "GOOGLE_CLOUD_PROJECT",
			Help: "Google Cloud project ID or number; default: the project of the Application Default Credentials"},
		{Name: "location", Default: "global",
			Help: "location of the requests: global, or a region such as us-central1 (glossaries need a region)"},
		{Name: "model", Shapes: true,
			Help: "general/nmt (Google's default), general/translation-llm, or a full projects/…/models/… name"},
		{Name: "glossary", Shapes: true,
			Help: "a Google glossary ID or full name (projects/P/locations/L/glossaries/ID), applied natively"},
		{Name: "credentials", Env: credentialsEnv, Secret: true,
			Help: "path of the Application Default Credentials JSON file (default: gcloud's ADC, or the metadata server)"},
	},
	New: func(cfg translate.Config) (translate.Backend, error) { return New(cfg) },
}

// settings are the resolved, checked settings of a backend. project may be
// empty until the client is created: it then comes from the credentials.
type settings struct {
	project, location string
	model             string // "", general/…, or a full name
	glossary          string // "", an ID, or a full name
	credentials       string // path of a credentials file, or ""
	address           string // host:port, or "" for Google's own
	plaintext         bool   // no TLS and no authentication
}

var (
	idPattern       = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	glossaryPattern = regexp.MustCompile(`^projects/([^/]+)/locations/([^/]+)/glossaries/([^/]+)$`)
	glossaryID      = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
)

// New builds a backend from its settings. It reads no credentials and opens
// no connection: that happens on the first Translate.
func New(cfg translate.Config) (*Backend, error) {
	s := settings{
		project:     strings.TrimSpace(cfg.Get("project")),
		location:    strings.TrimSpace(cfg.Get("location")),
		model:       strings.TrimSpace(cfg.Get("model")),
		glossary:    strings.TrimSpace(cfg.Get("glossary")),
		credentials: cfg.Get("credentials"),
	}
	var err error
	if s.address, s.plaintext, err = parseEndpoint(cfg.Endpoint); err != nil {
		return nil, err
	}
	if err := s.resolveGlossary(); err != nil {
		return nil, err
	}
	if s.location == "" {
		s.location = "global"
	}
	if !idPattern.MatchString(s.location) {
		return nil, fmt.Errorf("%s: location %q is not a Google location such as global or us-central1", Name, s.location)
	}
	if s.project != "" && !idPattern.MatchString(s.project) {
		return nil, fmt.Errorf("%s: project %q is not a Google Cloud project ID or number", Name, s.project)
	}
	if s.project == "" && s.plaintext {
		return nil, fmt.Errorf("%s: no project: set GOOGLE_CLOUD_PROJECT or backends.google.project in bitext.yaml "+
			"(an http:// endpoint has no credentials to take it from)", Name)
	}
	if s.glossary != "" && !strings.Contains(s.glossary, "/") && s.location == "global" {
		return nil, fmt.Errorf("%s: glossary %q needs a regional location (Google keeps glossaries in a region): "+
			"set backends.google.location, e.g. us-central1, or give the glossary's full name", Name, s.glossary)
	}
	return &Backend{settings: s, secrets: secretValues(s.credentials)}, nil
}

// resolveGlossary checks the glossary setting. A full name supplies the
// location when none other than global was asked for (a glossary cannot be
// used from global), and the project when none is set.
func (s *settings) resolveGlossary() error {
	if s.glossary == "" {
		return nil
	}
	if !strings.Contains(s.glossary, "/") {
		if !glossaryID.MatchString(s.glossary) {
			return fmt.Errorf("%s: glossary %q is neither a glossary ID nor projects/P/locations/L/glossaries/ID", Name, s.glossary)
		}
		return nil
	}
	m := glossaryPattern.FindStringSubmatch(s.glossary)
	if m == nil {
		return fmt.Errorf("%s: glossary %q is neither a glossary ID nor projects/P/locations/L/glossaries/ID", Name, s.glossary)
	}
	if s.project == "" {
		s.project = m[1]
	}
	switch s.location {
	case "", "global":
		s.location = m[2]
	case m[2]:
	default:
		return fmt.Errorf("%s: glossary %q is in %s, but location is %s: Google needs both in the same region", Name, s.glossary, m[2], s.location)
	}
	return nil
}

// parseEndpoint reads Config.Endpoint: "" for Google's own address,
// "host:port" (or https://host[:port]) for TLS with credentials,
// "http://host:port" for plaintext without authentication.
func parseEndpoint(endpoint string) (address string, plaintext bool, err error) {
	e := strings.TrimSpace(endpoint)
	if e == "" {
		return "", false, nil
	}
	switch {
	case strings.HasPrefix(e, "http://"):
		plaintext, e = true, strings.TrimPrefix(e, "http://")
	case strings.HasPrefix(e, "https://"):
		e = strings.TrimPrefix(e, "https://")
	case strings.Contains(e, "://"):
		return "", false, fmt.Errorf("%s: endpoint %q: want host:port (TLS) or http://host:port (plaintext, no authentication)", Name, endpoint)
	}
	e = strings.TrimSuffix(e, "/")
	if e == "" || strings.ContainsAny(e, "/?#") {
		return "", false, fmt.Errorf("%s: endpoint %q: want host:port (TLS) or http://host:port (plaintext, no authentication), without a path", Name, endpoint)
	}
	if !hasPort(e) {
		if plaintext {
			return "", false, fmt.Errorf("%s: endpoint %q: a plaintext endpoint needs a port", Name, endpoint)
		}
		e += ":443"
	}
	return e, plaintext, nil
}

// hasPort reports whether a host (name, IPv4, or [IPv6]) ends with :port.
func hasPort(hostport string) bool {
	i := strings.LastIndexByte(hostport, ':')
	return i >= 0 && i > strings.LastIndexByte(hostport, ']') && i < len(hostport)-1
}

// secretValues lists the strings that must never appear in an error: the
// credentials path given in the settings and the one ADC reads itself.
func secretValues(configured string) []string {
	var out []string
	for _, v := range []string{configured, os.Getenv(credentialsEnv)} {
		if strings.TrimSpace(v) != "" {
			out = append(out, v)
		}
	}
	return out
}

// names are the resource names of one backend's requests.
type names struct {
	parent, model, glossary string
}

// resourceNames builds the request's resource names for a project.
func (s settings) resourceNames(project string) names {
	parent := "projects/" + project + "/locations/" + s.location
	n := names{parent: parent, model: s.model, glossary: s.glossary}
	if n.model != "" && !strings.HasPrefix(n.model, "projects/") {
		n.model = parent + "/models/" + strings.TrimPrefix(n.model, "models/")
	}
	if n.glossary != "" && !strings.Contains(n.glossary, "/") {
		n.glossary = parent + "/glossaries/" + n.glossary
	}
	return n
}

// LanguageCode returns the code Google takes for a language tag. Google
// lists simplified Chinese as "zh-CN" (also accepting "zh") and traditional
// Chinese as "zh-TW", and no other Chinese variants, so every Chinese tag
// becomes one of those two by its script: zh, zh-Hans, zh-SG -> zh-CN;
// zh-Hant, zh-TW, zh-HK -> zh-TW. Other tags pass as BCP 47 (en, en-US,
// pt-BR). The undetermined tag gives "", which lets Google detect the
// language.
func LanguageCode(t language.Tag) string {
	if t == language.Und {
		return ""
	}
	if base, _ := t.Base(); base.String() == "zh" {
		if script, _ := t.Script(); script.String() == "Hant" {
			return "zh-TW"
		}
		return "zh-CN"
	}
	return t.String()
}

// errNoProject reports that neither the settings nor the credentials name
// a project.
var errNoProject = errors.New("no project: set GOOGLE_CLOUD_PROJECT or backends.google.project in bitext.yaml " +
	"(the Application Default Credentials name none)")
