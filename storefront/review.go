package storefront

import (
	"context"

	"github.com/commercengine-go/sdk/decimal"
)

// Review is a shopper's review of a product from one of their orders, for
// CatalogService.CreateProductReview and CreateMarketplaceProductReview.
// Its photos and videos are streamed from their readers (see Upload).
type Review struct {
	UserID      string          // the reviewer: the session's own user when empty
	OrderNumber string          // required: the order the product came in
	Rating      decimal.Decimal // required: 1 to 5, in steps of 0.5
	Text        string
	Images      []Upload
	Videos      []Upload
}

var (
	minRating = decimal.NewFromInt(1)
	maxRating = decimal.NewFromInt(5)
	half      = decimal.New(5, -1)
)

// form checks the review and lays it out as the API's multipart form.
func (r Review) form() (*multipartForm, error) {
	if err := firstErr(checkRequired("UserID", r.UserID), checkRequired("OrderNumber", r.OrderNumber)); err != nil {
		return nil, err
	}
	steps, err := r.Rating.Div(half, 0, decimal.Down)
	if err != nil || r.Rating.LessThan(minRating) || r.Rating.GreaterThan(maxRating) || !steps.Mul(half).Equal(r.Rating) {
		return nil, invalid("Rating must be 1 to 5 in steps of 0.5")
	}
	f := newMultipartForm()
	f.addField("user_id", r.UserID)
	f.addField("order_number", r.OrderNumber)
	f.addField("rating", r.Rating.String())
	if r.Text != "" {
		f.addField("review_text", r.Text)
	}
	for _, up := range r.Images {
		if err := f.addFile("images", up); err != nil {
			return nil, err
		}
	}
	for _, up := range r.Videos {
		if err := f.addFile("videos", up); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// CreateProductReview submits the shopper's review of a product they
// ordered: a rating, an optional text, photos and videos. The store
// publishes it once approved. An empty review.UserID means the session's
// own user.
//
// API: create-product-review (POST /catalog/products/{product_id}/reviews).
// Not safe to resend: retried only after a 429 or a connection that never
// opened, and then only if every upload can be read again.
func (s *CatalogService) CreateProductReview(ctx context.Context, productID string, review Review, opts ...CallOption) error {
	var err error
	if review.UserID, err = s.s.own(ctx, ownUser, review.UserID); err != nil {
		return err
	}
	return s.s.sendForm(ctx, review.form, opts)(newCreateProductReviewRequest(productID))
}

// CreateMarketplaceProductReview submits the shopper's review of a
// marketplace product they ordered, as CreateProductReview does (an empty
// review.UserID means the session's own user).
//
// API: create-marketplace-product-review (POST /catalog/marketplace/products/{product_id}/reviews).
// Not safe to resend: retried only after a 429 or a connection that never
// opened, and then only if every upload can be read again.
func (s *CatalogService) CreateMarketplaceProductReview(ctx context.Context, productID string, review Review, opts ...CallOption) error {
	var err error
	if review.UserID, err = s.s.own(ctx, ownUser, review.UserID); err != nil {
		return err
	}
	return s.s.sendForm(ctx, review.form, opts)(newCreateMarketplaceProductReviewRequest(productID))
}

// sendForm returns a function that sends a request built for a multipart
// operation with the form that form makes, and decodes an answer without
// content.
func (s *Session) sendForm(ctx context.Context, form func() (*multipartForm, error), opts []CallOption) func(*request, error) error {
	return s.sendFormFor(ctx, form, nil, opts)
}

// sendFormFor is sendForm for an answer whose content goes into out.
func (s *Session) sendFormFor(ctx context.Context, form func() (*multipartForm, error), out any, opts []CallOption) func(*request, error) error {
	return func(r *request, err error) error {
		if err != nil {
			return err
		}
		if r.form, err = form(); err != nil {
			return err
		}
		r.secrets = append(r.secrets, r.form.secrets...)
		return s.do(ctx, r, out, opts...)
	}
}
