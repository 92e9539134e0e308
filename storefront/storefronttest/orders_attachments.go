package storefronttest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"time"
)

// Limits of a return's attachments.
const (
	MaxReturnImages     = 5
	MaxReturnVideos     = 2
	MaxReturnImageBytes = MaxImageBytes
	MaxReturnVideoBytes = MaxReviewVideoBytes
)

// returnAttachmentBase is where the fake says return attachments are;
// nothing serves them.
const returnAttachmentBase = "https://cdn.storefronttest.invalid/returns/"

// attachToReturn answers upload-order-return-attachments: the form's
// images (images, MaxReturnImageBytes each) and videos (videos,
// MaxReturnVideoBytes each) are recorded on a return that has not been
// received or cancelled (400 otherwise), at most MaxReturnImages images
// and MaxReturnVideos videos in all; get-order-return-detail lists their
// URLs. A form without a file, an empty file or one that is not an image
// (a video) is a 400. The return must be the caller's (404).
func (s *Server) attachToReturn(ctx context.Context, number, returnNumber string, body *multipart.Reader) *apiError {
	check := func(caller *TokenClaims) (*orderReturn, *apiError) {
		r, e := s.returnLocked(caller, number, returnNumber)
		if e != nil {
			return nil, e
		}
		if r.status != returnCreated {
			return nil, badRequest(CodeBadRequest, "return "+r.number+" is "+r.status+": it takes no more attachments")
		}
		return r, nil
	}
	if e := s.commerceOp(ctx, func(caller *TokenClaims, _ time.Time) *apiError { _, e := check(caller); return e }); e != nil {
		return e
	}
	images, videos, e := readAttachments(body)
	if e != nil {
		return e
	}
	return s.commerceOp(ctx, func(caller *TokenClaims, _ time.Time) *apiError {
		r, e := check(caller)
		if e != nil {
			return e
		}
		if len(r.images)+len(images) > MaxReturnImages || len(r.videos)+len(videos) > MaxReturnVideos {
			return badRequest(CodeBadRequest, fmt.Sprintf("a return takes at most %d images and %d videos", MaxReturnImages, MaxReturnVideos))
		}
		for _, ext := range images {
			r.images = append(r.images, fmt.Sprintf("%s%s/image-%d.%s", returnAttachmentBase, r.number, len(r.images)+1, ext))
		}
		for _, ext := range videos {
			r.videos = append(r.videos, fmt.Sprintf("%s%s/video-%d.%s", returnAttachmentBase, r.number, len(r.videos)+1, ext))
		}
		return nil
	})
}

// readAttachments reads the files of an attachments form and returns the
// extension of each image and video, from its content.
func readAttachments(body *multipart.Reader) (images, videos []string, _ *apiError) {
	if body == nil {
		return nil, nil, badRequest(CodeBadRequest, "the attachments form is missing")
	}
	unreadable := badRequest(CodeBadRequest, "the multipart body cannot be read")
	for {
		part, err := body.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, unreadable
		}
		name := part.FormName()
		if name != "images" && name != "videos" {
			continue
		}
		limit, prefix, list := MaxReturnImageBytes, "image/", &images
		if name == "videos" {
			limit, prefix, list = MaxReturnVideoBytes, "video/", &videos
		}
		data, err := io.ReadAll(io.LimitReader(part, int64(limit)+1))
		switch {
		case err != nil:
			return nil, nil, unreadable
		case len(data) == 0:
			return nil, nil, fieldError(CodeBadRequest, name, "a file is empty")
		case len(data) > limit:
			return nil, nil, fieldError(CodeBadRequest, name, fmt.Sprintf("a file is larger than %d bytes", limit))
		}
		ct := http.DetectContentType(data)
		if !strings.HasPrefix(ct, prefix) {
			return nil, nil, fieldError(CodeBadRequest, name, "a file is not "+strings.TrimSuffix(prefix, "/")+" ("+ct+")")
		}
		*list = append(*list, strings.TrimPrefix(strings.SplitN(ct, ";", 2)[0], prefix))
	}
	if len(images)+len(videos) == 0 {
		return nil, nil, badRequest(CodeBadRequest, "the form holds no images or videos")
	}
	return images, videos, nil
}
