package google

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/bitext/bitext/internal/msg"
	"github.com/bitext/bitext/translate"

	translateapi "cloud.google.com/go/translate/apiv3"
	"google.golang.org/api/option"
	"google.golang.org/api/transport"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// connect returns the gRPC client and the resource names, creating them on
// first use. A failure is returned to every caller until a call succeeds:
// nothing is cached but success, so a passing problem (a metadata server
// not yet up) does not stick.
func (b *Backend) connect(ctx context.Context) (*translateapi.TranslationClient, names, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.client != nil {
		return b.client, b.names, nil
	}
	// The client outlives this call: its credentials must not be tied to
	// the first request's cancellation.
	ctx = context.WithoutCancel(ctx)
	var opts []option.ClientOption
	switch {
	case b.plaintext:
		opts = append(opts,
			option.WithEndpoint(b.address),
			option.WithoutAuthentication(),
			option.WithGRPCDialOption(grpc.WithTransportCredentials(insecure.NewCredentials())))
	default:
		if b.address != "" {
			opts = append(opts, option.WithEndpoint(b.address))
		}
		if b.credentials != "" {
			// The user's own ADC file, named in their environment, which
			// ADC would read by itself; its type (service account, user,
			// external account) is whatever the user's gcloud set up, so
			// the type-checked WithAuthCredentialsFile does not fit.
			//lint:ignore SA1019 the file is the user's own credential, not external input
			opts = append(opts, option.WithCredentialsFile(b.credentials))
		}
	}
	project := b.project
	if project == "" {
		creds, err := transport.Creds(ctx, append(opts, option.WithScopes(translateapi.DefaultAuthScopes()...))...)
		if err != nil && b.credentialsFile() != "" {
			return nil, names{}, b.badCredentials()
		}
		if err != nil {
			return nil, names{}, fmt.Errorf("%s: no project set, and the Application Default Credentials that would name it cannot be read: %s",
				Name, b.redact(err.Error()))
		}
		if creds.ProjectID == "" {
			return nil, names{}, fmt.Errorf("%s: %w", Name, errNoProject)
		}
		project = creds.ProjectID
	}
	client, err := translateapi.NewTranslationClient(ctx, opts...)
	if err != nil && !b.plaintext && b.credentialsFile() != "" {
		return nil, names{}, b.badCredentials()
	}
	if err != nil {
		return nil, names{}, fmt.Errorf("%s: connecting: %s", Name, b.redact(err.Error()))
	}
	b.client, b.names = client, b.resourceNames(project)
	return b.client, b.names, nil
}

// Close releases the gRPC connection, if one was made. The backend may be
// used again afterwards: it then connects anew.
func (b *Backend) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.client == nil {
		return nil
	}
	err := b.client.Close()
	b.client = nil
	return err
}

// credentialsFile is the Application Default Credentials file the client
// reads: the credentials setting, or what ADC finds in the environment.
func (b *Backend) credentialsFile() string {
	if strings.TrimSpace(b.credentials) != "" {
		return b.credentials
	}
	return os.Getenv(credentialsEnv)
}

// knownTypes are the credentials file types ADC reads.
var knownTypes = map[string]bool{"service_account": true, "authorized_user": true, "external_account": true,
	"impersonated_service_account": true, "external_account_authorized_user": true, "gdch_service_account": true}

// badCredentials says, once for the run (it is fatal), that the
// credentials file cannot be used, with its path and why in bitext's own
// words: Google's library quotes the file's content ("unknown credential
// type: ..."), which must not be printed.
func (b *Backend) badCredentials() error {
	path := b.credentialsFile()
	why := "Google's client library cannot use it"
	data, err := os.ReadFile(path)
	var pe *fs.PathError
	switch {
	case errors.As(err, &pe):
		why = pe.Err.Error()
	case err != nil:
		why = "it cannot be read"
	default:
		var f struct {
			Type string `json:"type"`
		}
		if json.Unmarshal(data, &f) != nil {
			why = "it is not JSON"
		} else if f.Type == "" {
			why = "it has no type"
		} else if knownTypes[f.Type] {
			why = "Google's client library cannot use it: is it complete?"
		} else {
			why = "its type is not one Google's client library takes (service_account, authorized_user, external_account, impersonated_service_account)"
		}
	}
	return translate.Fatal(fmt.Errorf("%s: %s (%s) is not a usable credentials file: %s", Name, msg.Quote(path), credentialsEnv, why))
}
