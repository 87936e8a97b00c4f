package googletest

import (
	"context"

	translatepb "cloud.google.com/go/translate/apiv3/translatepb"
	"google.golang.org/protobuf/proto"
)

// GetSupportedLanguages answers with the fake's language list, every
// language usable as source and target, after the same authentication and
// parent check as TranslateText. It is not counted in Stats.
func (s *Server) GetSupportedLanguages(ctx context.Context, req *translatepb.GetSupportedLanguagesRequest) (*translatepb.SupportedLanguages, error) {
	if err := s.authorize(ctx); err != nil {
		return nil, err
	}
	if err := refusal(s.opt.Refuse); err != nil {
		return nil, err
	}
	if !parentName.MatchString(req.GetParent()) {
		return nil, invalid("Invalid resource name " + req.GetParent() + ".")
	}
	out := &translatepb.SupportedLanguages{}
	for _, code := range languages {
		out.Languages = append(out.Languages, &translatepb.SupportedLanguage{
			LanguageCode:  code,
			SupportSource: true,
			SupportTarget: true,
		})
	}
	return proto.Clone(out).(*translatepb.SupportedLanguages), nil
}
