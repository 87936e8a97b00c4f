package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/bitext/bitext/translate"
	yaml "go.yaml.in/yaml/v3"
)

// configFile is the name of the optional settings file in the working folder.
const configFile = "bitext.yaml"

// fileConfig is bitext.yaml. Flags override it; the environment fills what
// it leaves out. Credentials are never read from it.
type fileConfig struct {
	From     string   `yaml:"from"`
	To       string   `yaml:"to"`
	Backend  string   `yaml:"backend"`
	Layout   string   `yaml:"layout"`
	Out      string   `yaml:"out"`
	Endpoint string   `yaml:"endpoint"`
	Glossary []string `yaml:"glossary"`
	// BuiltinGlossary: false turns the built-in gazetteer off.
	BuiltinGlossary *bool `yaml:"builtin_glossary"`
	// Strict makes glossary misses fail the run.
	Strict bool `yaml:"strict"`
	// Jobs, CharsPerMinute and RequestsPerSecond are --jobs,
	// --chars-per-minute and --requests-per-second.
	Jobs              int     `yaml:"jobs"`
	CharsPerMinute    float64 `yaml:"chars_per_minute"`
	RequestsPerSecond float64 `yaml:"requests_per_second"`
	// FrontKeys are the front-matter keys to translate (default: title,
	// subtitle, description, excerpt, summary).
	FrontKeys []string `yaml:"front_keys"`
	// Site and Publish are --site and --publish.
	Site    string `yaml:"site"`
	Publish string `yaml:"publish"`
	// Memory is the translation memory file (--memory).
	Memory string `yaml:"memory"`
	// MaxCost is --max-cost.
	MaxCost  float64                      `yaml:"max_cost"`
	Backends map[string]map[string]string `yaml:"backends"` // per-backend settings
}

// typeSuffix is the Go type name yaml appends to unknown-field errors.
var typeSuffix = regexp.MustCompile(` in type [\w.]+`)

func loadConfig(path string) (fileConfig, error) {
	var c fileConfig
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, err
	}
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && err != io.EOF {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		var te *yaml.TypeError
		if errors.As(err, &te) {
			msg = strings.Join(te.Errors, "; ")
			msg = typeSuffix.ReplaceAllString(msg, "")
		}
		return c, fmt.Errorf("%s: %s", path, msg)
	}
	return c, nil
}

// backendConfig resolves a backend's settings: bitext.yaml, then the
// environment, then the default. Secrets come only from the environment.
func backendConfig(f translate.Factory, fc fileConfig, endpoint string, getenv func(string) string) (translate.Config, error) {
	cfg := translate.Config{Endpoint: endpoint, Values: map[string]string{}}
	fromFile := fc.Backends[f.Name]
	known := map[string]bool{}
	for _, s := range f.Settings {
		known[s.Name] = true
		v, inFile := fromFile[s.Name]
		switch {
		case s.Secret && inFile:
			return cfg, fmt.Errorf("%s: backends.%s.%s is a secret: set it in the environment (%s), not in a file", configFile, f.Name, s.Name, s.Env)
		case inFile:
		case s.Env != "" && getenv(s.Env) != "":
			v = getenv(s.Env)
		default:
			v = s.Default
		}
		cfg.Values[s.Name] = v
	}
	var unknown []string
	for k := range fromFile {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return cfg, fmt.Errorf("%s: backend %s has no setting %s", configFile, f.Name, strings.Join(unknown, ", "))
	}
	return cfg, nil
}
