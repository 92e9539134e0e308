package storefronttest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"

	"github.com/commercengine-go/sdk/gen"
	"github.com/commercengine-go/sdk/storefront/storefronttest/internal/genserver"
)

// MaxImageBytes is the largest profile image the server accepts: the
// maxLength of the image in openapi.yaml, which the SDK's own
// storefront.MaxImageBytes matches (the API documents no limit).
const MaxImageBytes = 10 << 20

// imageBaseURL is where the fake says profile images are; nothing serves
// them.
const imageBaseURL = "https://cdn.storefronttest.invalid/users/"

// GetProfileImage answers the URL of the caller's own profile image; 404
// when there is none.
func (h *handlers) GetProfileImage(ctx context.Context, req genserver.GetProfileImageRequestObject) (genserver.GetProfileImageResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil {
		return getProfileImageError(e), nil
	}
	h.s.mu.RLock()
	defer h.s.mu.RUnlock()
	u, e := h.s.ownUserLocked(rc.caller, req.ID)
	if e != nil {
		return getProfileImageError(e), nil
	}
	if u.imageURL == nil {
		return getProfileImageError(errNoImage), nil
	}
	return genserver.GetProfileImage200JSONResponse{ProfileImageJSONResponse: profileImage(msgImage, u.imageURL)}, nil
}

var errNoImage = notFound("the user has no profile image")

// AddProfileImage stores the caller's profile image, from the multipart
// field "image" (an image of at most MaxImageBytes, else 400 naming image),
// replacing any image the user had.
func (h *handlers) AddProfileImage(ctx context.Context, req genserver.AddProfileImageRequestObject) (genserver.AddProfileImageResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil {
		return addProfileImageError(e), nil
	}
	url, e := h.s.saveImage(rc.caller, req.ID, req.Body, false)
	if e != nil {
		return addProfileImageError(e), nil
	}
	return genserver.AddProfileImage200JSONResponse{ProfileImageJSONResponse: profileImage(msgImageSaved, url)}, nil
}

// UpdateProfileImage replaces the caller's profile image like
// AddProfileImage; 404 when the user has none yet.
func (h *handlers) UpdateProfileImage(ctx context.Context, req genserver.UpdateProfileImageRequestObject) (genserver.UpdateProfileImageResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil {
		return updateProfileImageError(e), nil
	}
	url, e := h.s.saveImage(rc.caller, req.ID, req.Body, true)
	if e != nil {
		return updateProfileImageError(e), nil
	}
	return genserver.UpdateProfileImage200JSONResponse{ProfileImageJSONResponse: profileImage(msgImageSaved, url)}, nil
}

// RemoveProfileImage removes the caller's profile image; 404 when there is
// none.
func (h *handlers) RemoveProfileImage(ctx context.Context, req genserver.RemoveProfileImageRequestObject) (genserver.RemoveProfileImageResponseObject, error) {
	rc, e := callerOf(ctx)
	if e != nil {
		return removeProfileImageError(e), nil
	}
	now := h.s.Now()
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	u, e := h.s.ownUserLocked(rc.caller, req.ID)
	if e != nil {
		return removeProfileImageError(e), nil
	}
	if u.imageURL == nil {
		return removeProfileImageError(errNoImage), nil
	}
	u.imageURL, u.modifiedAt = nil, now
	return genserver.RemoveProfileImage200JSONResponse{DoneJSONResponse: genserver.DoneJSONResponse{Message: msgImageRemoved, Success: true}}, nil
}

func profileImage(message string, url *string) genserver.ProfileImageJSONResponse {
	return genserver.ProfileImageJSONResponse{Message: message, Success: true, Content: gen.ProfileImageContent{ProfileImageURL: url}}
}

// saveImage reads the image of a multipart body and records a new URL for
// it; with mustExist, the user must have an image already.
func (s *Server) saveImage(c *TokenClaims, id string, body *multipart.Reader, mustExist bool) (*string, *apiError) {
	s.mu.RLock()
	_, e := s.ownUserLocked(c, id)
	s.mu.RUnlock()
	if e != nil { // refuse before reading the upload
		return nil, e
	}
	ext, e := readImage(body)
	if e != nil {
		return nil, e
	}
	now := s.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	u, e := s.ownUserLocked(c, id)
	if e != nil {
		return nil, e
	}
	if mustExist && u.imageURL == nil {
		return nil, errNoImage
	}
	u.imageVersion++
	url := fmt.Sprintf("%s%s/profile-%d%s", imageBaseURL, u.id, u.imageVersion, ext)
	u.imageURL, u.modifiedAt = &url, now
	return u.imageURL, nil
}

// readImage finds the "image" part of a multipart body and returns the file
// extension of its content, which must be an image.
func readImage(body *multipart.Reader) (string, *apiError) {
	if body == nil {
		return "", errImageRequired
	}
	for {
		part, err := body.NextPart()
		if errors.Is(err, io.EOF) {
			return "", errImageRequired
		}
		if err != nil {
			return "", badRequest(CodeBadRequest, "the multipart body cannot be read")
		}
		if part.FormName() != "image" {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(part, MaxImageBytes+1))
		switch {
		case err != nil:
			return "", badRequest(CodeBadRequest, "the multipart body cannot be read")
		case len(data) == 0:
			return "", fieldError(CodeBadRequest, "image", "is empty")
		case len(data) > MaxImageBytes:
			return "", fieldError(CodeBadRequest, "image", fmt.Sprintf("is larger than %d bytes", MaxImageBytes))
		}
		ct := http.DetectContentType(data)
		if !strings.HasPrefix(ct, "image/") {
			return "", fieldError(CodeBadRequest, "image", "must be an image (PNG, JPEG, GIF or WebP)")
		}
		ext := "." + strings.TrimPrefix(ct, "image/")
		if ext == ".jpeg" {
			ext = ".jpg"
		}
		return ext, nil
	}
}

var errImageRequired = fieldError(CodeBadRequest, "image", "is required")
