package main

import (
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/bitext/bitext/internal/msg"
	"github.com/bitext/bitext/translate"
)

// Where credentials may go. A bitext.yaml is part of the repository it is
// in: a pull request can change it, and CI then runs with the secrets of
// the repository's owner. So an address that only bitext.yaml names gets
// credentials only if it is a loopback address (a local server) or the
// service's own https host (translate.Factory.Hosts); to send them
// elsewhere, the user names the address with --endpoint or an environment
// variable. Plain http with credentials to a host that is not loopback is
// refused wherever the address comes from.

// checkCredentials refuses a backend's settings that would send the
// user's credentials where they must not go. endpointFromFile says that
// cfg.Endpoint came from bitext.yaml's endpoint key, not --endpoint.
func checkCredentials(f translate.Factory, cfg translate.Config, endpointFromFile bool, fc fileConfig, getenv func(string) string) error {
	addr, where, fromFile := addressOf(f, cfg, endpointFromFile, fc, getenv)
	if addr == "" {
		return nil
	}
	u, err := parseAddress(addr)
	if err != nil {
		return nil // the backend refuses it, with its own message
	}
	plain := u.Scheme == "http"
	creds := credentialsOf(f, cfg, plain)
	if len(creds) == 0 {
		return nil
	}
	host := u.Hostname()
	if isLoopback(host) {
		return nil
	}
	shown := msg.Quote(redactAddress(u))
	if plain {
		return fmt.Errorf("%s: %s %s is plain http to a host that is not loopback, and %s would be sent over it: use https",
			f.Name, where, shown, strings.Join(creds, " and "))
	}
	if fromFile && !ownHost(f, u) {
		how := "--endpoint"
		for _, s := range f.Settings {
			if s.Address && s.Env != "" {
				how += " or " + s.Env
			}
		}
		own := "none"
		if len(f.Hosts) > 0 {
			own = strings.Join(f.Hosts, ", ")
		}
		return fmt.Errorf("%s: %s %s comes only from %s, so %s will not be sent there: a repository's file sends credentials only to a loopback address or the service's own host (%s); if you trust it, pass the address with %s",
			f.Name, where, shown, configFile, strings.Join(creds, " and "), own, how)
	}
	return nil
}

// addressOf returns the address a backend will send to, how to name it in
// a message, and whether only bitext.yaml names it. "" means the
// backend's built-in address.
func addressOf(f translate.Factory, cfg translate.Config, endpointFromFile bool, fc fileConfig, getenv func(string) string) (addr, where string, fromFile bool) {
	if cfg.Endpoint != "" {
		if endpointFromFile {
			return cfg.Endpoint, "endpoint", true
		}
		return cfg.Endpoint, "--endpoint", false
	}
	for _, s := range f.Settings {
		if !s.Address {
			continue
		}
		v := cfg.Values[s.Name]
		if _, inFile := fc.Backends[f.Name][s.Name]; inFile {
			return v, fmt.Sprintf("backends.%s.%s", f.Name, s.Name), true
		}
		if s.Env != "" && getenv(s.Env) != "" {
			return v, s.Env, false
		}
		return v, s.Name, false // the default
	}
	return "", "", false
}

// credentialsOf names the credentials a backend would send: its secret
// settings that are set, and Application Default Credentials for a
// backend that uses them (on any address but plain http).
func credentialsOf(f translate.Factory, cfg translate.Config, plain bool) []string {
	var creds []string
	hasKey := false
	for _, s := range f.Settings {
		if !s.Secret || strings.TrimSpace(cfg.Values[s.Name]) == "" || s.Name == "credentials" {
			continue
		}
		hasKey = true
		name := s.Env
		if name == "" {
			name = "the " + s.Name + " setting"
		}
		creds = append(creds, name)
	}
	if f.AmbientCredentials && !hasKey && !plain {
		creds = append(creds, "Application Default Credentials")
	}
	return creds
}

// parseAddress reads an address as the backends do; a bare host:port (the
// google backend's form) is TLS.
func parseAddress(addr string) (*url.URL, error) {
	a := strings.TrimSpace(addr)
	if !strings.Contains(a, "://") {
		a = "https://" + a
	}
	u, err := url.Parse(a)
	if err != nil {
		return nil, err
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("not an http or https address")
	}
	return u, nil
}

// isLoopback reports whether host is localhost or a loopback IP address.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ownHost reports whether u is https to one of the service's own hosts,
// on the https port.
func ownHost(f translate.Factory, u *url.URL) bool {
	if u.Scheme != "https" || u.Port() != "" && u.Port() != "443" {
		return false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	for _, h := range f.Hosts {
		if host == h {
			return true
		}
	}
	return false
}

// redactAddress is an address without its user information and query,
// where a key may have been put.
func redactAddress(u *url.URL) string {
	v := *u
	v.User = nil
	if v.RawQuery != "" {
		v.RawQuery = "…"
	}
	v.Fragment = ""
	return v.String()
}
