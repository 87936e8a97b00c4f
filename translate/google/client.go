package google

import (
	"context"
	"fmt"

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
