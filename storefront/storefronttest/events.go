package storefronttest

import (
	"maps"
	"slices"
	"strings"

	"github.com/commercengine-go/sdk/gen"
)

// trackEvent records an analytics event of the caller. The event name must
// not be empty and userId must be the caller's user ID or anonymous ID
// (400 naming the field). An event whose messageId was recorded already is
// accepted and not recorded again: senders retry.
func (s *Server) trackEvent(c *TokenClaims, ev gen.AnalyticsEvent) *apiError {
	switch {
	case strings.TrimSpace(ev.Event) == "":
		return fieldError(CodeBadRequest, "event", "is required")
	case ev.UserID != c.UserID && ev.UserID != c.AnonymousID:
		return fieldError(CodeBadRequest, "userId", "is not the user of the access token")
	case strings.TrimSpace(ev.MessageID) == "":
		return fieldError(CodeBadRequest, "messageId", "is required")
	}
	ev.Properties = maps.Clone(ev.Properties)
	s.shop().mu.Lock()
	defer s.shop().mu.Unlock()
	if s.shop().eventIDs[ev.MessageID] {
		return nil
	}
	s.shop().eventIDs[ev.MessageID] = true
	s.shop().events = append(s.shop().events, ev)
	return nil
}

// AnalyticsEvents returns the analytics events recorded so far, in the
// order they arrived, each once per messageId.
func (s *Server) AnalyticsEvents() []gen.AnalyticsEvent {
	s.shop().mu.RLock()
	defer s.shop().mu.RUnlock()
	out := slices.Clone(s.shop().events)
	for i := range out {
		out[i].Properties = maps.Clone(out[i].Properties)
	}
	return out
}

// subscribe adds an email address to the newsletter; subscribing it again
// changes nothing. An address that is not one is a 400.
func (s *Server) subscribe(email string) *apiError {
	email = normalizeEmail(email)
	if e := checkEmail("email", email); e != nil {
		return e
	}
	s.shop().mu.Lock()
	defer s.shop().mu.Unlock()
	if !s.shop().subscribed[email] {
		s.shop().subscribed[email] = true
		s.shop().subscribers = append(s.shop().subscribers, email)
	}
	return nil
}

// NewsletterSubscribers returns the subscribed email addresses (lower
// case), in the order they subscribed, each once.
func (s *Server) NewsletterSubscribers() []string {
	s.shop().mu.RLock()
	defer s.shop().mu.RUnlock()
	return slices.Clone(s.shop().subscribers)
}
