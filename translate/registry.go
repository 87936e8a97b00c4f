package translate

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// Setting declares one option a backend reads. Values come from command-line
// flags, then bitext.yaml, then the environment variable Env. A Secret setting
// (an API key) is read only from the environment and is never printed.
type Setting struct {
	Name    string // key in bitext.yaml, e.g. "model"
	Env     string // environment variable, e.g. "OPENAI_API_KEY"; may be empty
	Secret  bool
	Default string
	Help    string
	// Address marks a setting that is the service's address (a base
	// URL), which Config.Endpoint overrides: credentials go there.
	Address bool
	// Shapes marks a setting that changes the translations (a model, a
	// glossary, a temperature), as opposed to one that changes only how
	// they are fetched (an address, a key, a batch size). Such settings
	// are part of the backend's Profile, and so of the memory's key.
	Shapes bool
}

// Config is what a factory receives to build a backend.
type Config struct {
	// Endpoint overrides the service address (self-hosted servers, tests).
	Endpoint string
	// Values holds the resolved settings by Setting.Name.
	Values map[string]string
	// HTTPClient is used by HTTP backends; nil means http.DefaultClient.
	HTTPClient *http.Client
}

// Get returns the resolved value of a setting.
func (c Config) Get(name string) string { return c.Values[name] }

// Factory builds one named backend.
type Factory struct {
	Name    string
	Summary string // one line for `bitext backends`
	Offline bool   // needs no network and no credentials
	// Version names the backend's own rules and data, for backends whose
	// output bitext itself makes (the offline dictionary, the pseudo
	// translation) or shapes (the openai prompt): it changes whenever they
	// change what comes out, so that Profile does. Empty for services
	// whose output only their settings shape.
	Version string
	// Hosts are the service's own hosts, reached over https: the only
	// addresses besides loopback ones to which a run sends credentials
	// when only a repository's bitext.yaml names the address.
	Hosts []string
	// AmbientCredentials says the backend uses Application Default
	// Credentials found on the machine (not in its settings) when no key
	// is set, and on every address but a plain http one.
	AmbientCredentials bool
	Settings           []Setting
	New                func(Config) (Backend, error)
}

// Registry is an explicit list of backend factories, by name.
type Registry struct {
	byName map[string]Factory
}

// NewRegistry returns a registry holding the given factories. It panics on a
// duplicate name: that is a programming error, not an input error.
func NewRegistry(factories ...Factory) *Registry {
	r := &Registry{byName: make(map[string]Factory, len(factories))}
	for _, f := range factories {
		if _, dup := r.byName[f.Name]; dup {
			panic("translate: duplicate backend " + f.Name)
		}
		r.byName[f.Name] = f
	}
	return r
}

// Lookup returns the factory with the given name.
func (r *Registry) Lookup(name string) (Factory, error) {
	f, ok := r.byName[name]
	if !ok {
		return Factory{}, fmt.Errorf("unknown backend %q (known: %s)", name, strings.Join(r.Names(), ", "))
	}
	return f, nil
}

// Names lists the registered backend names in order.
func (r *Registry) Names() []string {
	names := make([]string, 0, len(r.byName))
	for n := range r.byName {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// All returns the factories sorted by name.
func (r *Registry) All() []Factory {
	out := make([]Factory, 0, len(r.byName))
	for _, n := range r.Names() {
		out = append(out, r.byName[n])
	}
	return out
}

// Profile names what shapes a backend's output: the backend, its Version
// and the settings marked Shapes with their values, sorted by name, e.g.
// "openai@p3a1f model=gpt-4o-mini temperature=0" or "offline@3". The
// translation memory keys machine translations by it, so that one
// model's output is never passed off as another's. A setting left empty
// counts as its Default; one still empty is left out. Secret settings and
// the endpoint never appear, whatever a Setting says: a profile is printed
// and stored. The same factory and settings always give the same profile.
func Profile(f Factory, cfg Config) string {
	var parts []string
	for _, s := range f.Settings {
		if !s.Shapes || s.Secret {
			continue
		}
		v := strings.TrimSpace(cfg.Values[s.Name])
		if v == "" {
			v = s.Default
		}
		if v == "" {
			continue
		}
		if strings.ContainsAny(v, " \t\n\"=") || !strconv.CanBackquote(v) {
			v = strconv.Quote(v)
		}
		parts = append(parts, s.Name+"="+v)
	}
	sort.Strings(parts)
	name := f.Name
	if f.Version != "" {
		name += "@" + f.Version
	}
	return strings.Join(append([]string{name}, parts...), " ")
}
