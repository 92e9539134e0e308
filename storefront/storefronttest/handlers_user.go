package storefronttest

import (
	"context"
	"slices"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// ownUserLocked returns the caller's own user for an operation on the user
// path id. Another user's ID is 404 (whether or not it exists), and an
// anonymous caller 401 login_required. Call it with s.mu held.
func (s *Server) ownUserLocked(c *TokenClaims, id string) (*user, *apiError) {
	if id != c.UserID {
		return nil, errUserNotFound
	}
	if !c.IsLoggedIn {
		return nil, errLoginRequired
	}
	u := s.users[id]
	if u == nil || !u.usable() {
		return nil, errUserNotFound
	}
	return u, nil
}

// GetUserDetail answers the caller's own user: the profile when logged in,
// the anonymous visitor (no personal data) otherwise. Another ID is 404.
func (h *handlers) GetUserDetail(ctx context.Context, req genserver.GetUserDetailRequestObject) (genserver.GetUserDetailResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil {
		return getUserDetailError(e), nil
	}
	var view gen.User
	if req.ID == rc.caller.UserID && !rc.caller.IsLoggedIn {
		view = anonymousView(req.ID, h.s.Now())
	} else {
		h.s.mu.RLock()
		u, e := h.s.ownUserLocked(rc.caller, req.ID)
		if e != nil {
			h.s.mu.RUnlock()
			return getUserDetailError(e), nil
		}
		view = u.view(true)
		h.s.mu.RUnlock()
	}
	return genserver.GetUserDetail200JSONResponse{UserDetailJSONResponse: userDetail(msgUser, view)}, nil
}

func userDetail(message string, u gen.User) genserver.UserDetailJSONResponse {
	return genserver.UserDetailJSONResponse{Message: message, Success: true, Content: gen.UserContent{User: u}}
}

// UpdateUser applies the fields given to the caller's own user; the others
// keep their value. The generated types cannot tell null from absent, so
// null also leaves a field unchanged; an empty last_name clears it. A new
// email address or phone number is unverified, and 400 already_exists when
// another user has it.
func (h *handlers) UpdateUser(ctx context.Context, req genserver.UpdateUserRequestObject) (genserver.UpdateUserResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil || req.Body == nil {
		return updateUserError(orBodyMissing(e)), nil
	}
	b := req.Body
	if b.FirstName != nil && *b.FirstName == "" {
		return updateUserError(fieldError(CodeBadRequest, "first_name", "must not be empty")), nil
	}
	var email *string
	if b.Email != nil {
		addr := normalizeEmail(*b.Email)
		if e := checkEmail("email", addr); e != nil {
			return updateUserError(e), nil
		}
		email = &addr
	}
	if b.Phone != nil {
		if e := checkPhone("phone", *b.Phone); e != nil {
			return updateUserError(e), nil
		}
	}
	now := h.s.Now()
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	u, e := h.s.ownUserLocked(rc.caller, req.ID)
	if e != nil {
		return updateUserError(e), nil
	}
	phone, country := u.phone, u.country
	if b.Phone != nil {
		phone = b.Phone
	}
	if b.CountryCode != nil {
		country = b.CountryCode
	} else if phone != nil && country == nil {
		cc := DefaultCountryCode
		country = &cc
	}
	if e := h.s.checkFreeLocked(phone, country, email, u.id); e != nil {
		return updateUserError(e), nil
	}
	if b.FirstName != nil {
		u.firstName = b.FirstName
	}
	if b.LastName != nil {
		u.lastName = optional(*b.LastName)
	}
	if email != nil && (u.email == nil || *u.email != *email) {
		h.s.setEmailLocked(u, email)
		u.emailVerified = false
	}
	if !samePhone(u.phone, u.country, phone, country) {
		h.s.setPhoneLocked(u, country, phone)
		u.phoneVerified = false
	}
	if b.NotificationPreferences != nil {
		u.prefs = *b.NotificationPreferences
	}
	u.modifiedAt = now
	return genserver.UpdateUser200JSONResponse{UserDetailJSONResponse: userDetail(msgUserUpdated, u.view(true))}, nil
}

func samePhone(p1, c1, p2, c2 *string) bool {
	eq := func(a, b *string) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	return eq(p1, p2) && eq(c1, c2)
}

// DeleteUser deletes the caller's own user: its tokens are refused from
// now on, its phone number and email address are free again, and its ID is
// never reused.
func (h *handlers) DeleteUser(ctx context.Context, req genserver.DeleteUserRequestObject) (genserver.DeleteUserResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil {
		return deleteUserError(e), nil
	}
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	u, e := h.s.ownUserLocked(rc.caller, req.ID)
	if e != nil {
		return deleteUserError(e), nil
	}
	h.s.removeUserLocked(u)
	return genserver.DeleteUser200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgUserDeleted, Success: true}}, nil
}

// DeactivateUser deactivates the caller's own user: its tokens are refused
// from now on and it cannot log in (401 user_inactive); its phone number and
// email address stay taken.
func (h *handlers) DeactivateUser(ctx context.Context, req genserver.DeactivateUserRequestObject) (genserver.DeactivateUserResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil {
		return deactivateUserError(e), nil
	}
	now := h.s.Now()
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	u, e := h.s.ownUserLocked(rc.caller, req.ID)
	if e != nil {
		return deactivateUserError(e), nil
	}
	u.inactive, u.modifiedAt = true, now
	return genserver.DeactivateUser200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgDeactivated, Success: true}}, nil
}

// CheckVerificationStatus answers which of the given phone numbers (national
// numbers, in any country) and email addresses belong to a user who verified
// them, in the order given, without duplicates.
func (h *handlers) CheckVerificationStatus(ctx context.Context, req genserver.CheckVerificationStatusRequestObject) (genserver.CheckVerificationStatusResponseObject, error) {
	_, e := callerOf(ctx)
	if e != nil {
		return checkVerificationStatusError(e), nil
	}
	var phones, emails []string
	if req.Body != nil && req.Body.Phone != nil {
		phones = *req.Body.Phone
	}
	if req.Body != nil && req.Body.Email != nil {
		emails = *req.Body.Email
	}
	verifiedPhones, verifiedEmails := map[string]bool{}, map[string]bool{}
	h.s.mu.RLock()
	if len(phones) > 0 {
		for _, u := range h.s.users {
			if u.phone != nil && u.phoneVerified {
				verifiedPhones[*u.phone] = true
				verifiedPhones[*u.country+*u.phone] = true
			}
		}
	}
	for _, addr := range emails {
		if u := h.s.userByEmailLocked(addr); u != nil && u.emailVerified {
			verifiedEmails[addr] = true
		}
	}
	h.s.mu.RUnlock()
	status := gen.VerificationStatus{VerifiedPhone: []string{}, VerifiedEmail: []string{}}
	for _, p := range phones {
		if verifiedPhones[p] && !slices.Contains(status.VerifiedPhone, p) {
			status.VerifiedPhone = append(status.VerifiedPhone, p)
		}
	}
	for _, addr := range emails {
		if verifiedEmails[addr] && !slices.Contains(status.VerifiedEmail, addr) {
			status.VerifiedEmail = append(status.VerifiedEmail, addr)
		}
	}
	return genserver.CheckVerificationStatus200JSONResponse{Message: msgStatus, Success: true, Content: status}, nil
}
