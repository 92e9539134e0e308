package storefronttest

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// Limits of a review's uploads.
const (
	MaxReviewImages     = 5
	MaxReviewVideos     = 2
	MaxReviewVideoBytes = 10 << 20
)

var reviewSortFields = []string{"rating", "review_date", "created_at"}

// reviewQuery is what a review list asks for.
type reviewQuery struct {
	page, limit    *int
	sortBy, search *string
	tag            *string
}

// reviewList lists a product's published reviews, newest first unless
// sort_by says otherwise, optionally only those with a tag or whose text
// or author contains a keyword; tags lists the tags of all its published
// reviews, most used first.
func (v *view) reviewList(p *product, q reviewQuery) (page []gen.ProductReview, tags []string, pg gen.Pagination, e *apiError) {
	pr, e := pageOf(q.page, q.limit)
	if e != nil {
		return nil, nil, pg, e
	}
	keys, e := parseSortBy(q.sortBy, reviewSortFields)
	if e != nil {
		return nil, nil, pg, e
	}
	all := p.approved()
	tagCount := map[string]int{}
	var list []*review
	for _, r := range all {
		for _, t := range r.tags {
			tagCount[t]++
		}
		if q.tag != nil && *q.tag != "" && !slices.ContainsFunc(r.tags, func(t string) bool { return strings.EqualFold(t, *q.tag) }) {
			continue
		}
		if q.search != nil && *q.search != "" && !containsFold(r.text, *q.search) && !containsFold(r.name, *q.search) {
			continue
		}
		list = append(list, r)
	}
	sortItems(list, keys, func(a, b *review, field string) int {
		if field == "rating" {
			return a.rating.Cmp(b.rating)
		}
		return a.createdAt.Compare(b.createdAt)
	}, func(a, b *review) int {
		if c := b.createdAt.Compare(a.createdAt); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
	tags = make([]string, 0, len(tagCount))
	for t := range tagCount {
		tags = append(tags, t)
	}
	slices.SortFunc(tags, func(a, b string) int {
		if c := cmp.Compare(tagCount[b], tagCount[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	list, pg = paginate(list, pr)
	page = make([]gen.ProductReview, 0, len(list))
	for _, r := range list {
		page = append(page, r.view())
	}
	return page, tags, pg, nil
}

func (r *review) view() gen.ProductReview {
	approved := gen.ProductReviewStatus("approved")
	rating := r.rating
	created, modified := r.createdAt, r.modifiedAt
	out := gen.ProductReview{
		Rating: &rating, Name: optional(r.name), Status: &approved, IsFeatured: r.featured,
		ReviewDate: &created, CreatedAt: &created, ModifiedAt: &modified,
	}
	if r.text != "" {
		text := r.text
		out.ReviewText = &text
	}
	if r.email != "" {
		masked := maskEmail(r.email)
		out.Email = &masked
	}
	tags := slices.Clone(r.tags)
	if tags == nil {
		tags = []string{}
	}
	out.Tags = &tags
	imgs := imagesView(r.images)
	out.Images = &imgs
	vids := videosView(r.videos)
	out.Videos = &vids
	return out
}

// maskEmail hides a reviewer's address but its first letter and domain:
// reviews are public.
func maskEmail(email string) string {
	local, domain, ok := strings.Cut(email, "@")
	if !ok || local == "" {
		return "***@invalid"
	}
	return local[:1] + "***@" + domain
}

// newReview is a review as a shopper submits it.
type newReview struct {
	userID, orderNumber, text string
	rating                    decimal.Decimal
	images, videos            int
	imageExts                 []string
	videoExts                 []string
}

// readReviewForm reads the multipart form of create-product-review: the
// fields user_id, order_number, rating and review_text, and the files
// images (images, at most MaxReviewImages of MaxImageBytes each) and
// videos (videos, at most MaxReviewVideos of MaxReviewVideoBytes each).
func readReviewForm(body *multipart.Reader) (*newReview, *apiError) {
	if body == nil {
		return nil, badRequest(CodeBadRequest, "the review form is missing")
	}
	var nr newReview
	var rating string
	unreadable := badRequest(CodeBadRequest, "the multipart body cannot be read")
	for {
		part, err := body.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, unreadable
		}
		switch name := part.FormName(); name {
		case "user_id", "order_number", "rating", "review_text":
			data, err := io.ReadAll(io.LimitReader(part, 64<<10))
			if err != nil {
				return nil, unreadable
			}
			switch name {
			case "user_id":
				nr.userID = strings.TrimSpace(string(data))
			case "order_number":
				nr.orderNumber = strings.TrimSpace(string(data))
			case "rating":
				rating = strings.TrimSpace(string(data))
			case "review_text":
				nr.text = strings.TrimSpace(string(data))
			}
		case "images", "videos":
			limit, prefix, count := MaxImageBytes, "image/", &nr.images
			exts, max := &nr.imageExts, MaxReviewImages
			if name == "videos" {
				limit, prefix, count, exts, max = MaxReviewVideoBytes, "video/", &nr.videos, &nr.videoExts, MaxReviewVideos
			}
			data, err := io.ReadAll(io.LimitReader(part, int64(limit)+1))
			switch {
			case err != nil:
				return nil, unreadable
			case len(data) == 0:
				return nil, fieldError(CodeBadRequest, name, "a file is empty")
			case len(data) > limit:
				return nil, fieldError(CodeBadRequest, name, fmt.Sprintf("a file is larger than %d bytes", limit))
			}
			ct := http.DetectContentType(data)
			if !strings.HasPrefix(ct, prefix) {
				return nil, fieldError(CodeBadRequest, name, "a file is not "+strings.TrimSuffix(prefix, "/")+" ("+ct+")")
			}
			*count++
			if *count > max {
				return nil, fieldError(CodeBadRequest, name, fmt.Sprintf("at most %d files", max))
			}
			*exts = append(*exts, strings.TrimPrefix(strings.SplitN(ct, ";", 2)[0], prefix))
		}
	}
	switch {
	case nr.userID == "":
		return nil, fieldError(CodeBadRequest, "user_id", "is required")
	case nr.orderNumber == "":
		return nil, fieldError(CodeBadRequest, "order_number", "is required")
	case rating == "":
		return nil, fieldError(CodeBadRequest, "rating", "is required")
	}
	r, err := decimal.Parse(rating)
	if err != nil || r.LessThan(one) || r.GreaterThan(decimal.NewFromInt(5)) {
		return nil, fieldError(CodeBadRequest, "rating", "must be a number from 1 to 5")
	}
	nr.rating = r
	return &nr, nil
}

// reviewImageBase is where the fake says review uploads are; nothing
// serves them.
const reviewImageBase = "https://cdn.storefronttest.invalid/reviews/"

// createReview records a logged-in shopper's review of a product (ID or
// slug) of the store or of the marketplace. It checks, in order: a
// logged-in caller (401 login_required), the product (404), the form
// (400), that user_id is the caller (400), that the shopper's order
// order_number holds the product (400 not_purchased; orders come from
// AddOrder) and that they did not review it from that order already (400
// already_exists). The review waits for ApproveReviews before it is
// published.
func (s *Server) createReview(c *TokenClaims, productRef string, marketplace bool, body *multipart.Reader) *apiError {
	if !c.IsLoggedIn {
		return errLoginRequired
	}
	s.shop().mu.RLock()
	_, e := s.shop().productByRef(productRef, marketplace)
	s.shop().mu.RUnlock()
	if e != nil {
		return e
	}
	nr, e := readReviewForm(body)
	if e != nil {
		return e
	}
	if nr.userID != c.UserID {
		return fieldError(CodeBadRequest, "user_id", "is not the logged-in user")
	}
	s.mu.RLock()
	u := s.users[c.UserID]
	var name, email string
	if u != nil {
		name = strings.TrimSpace(deref(u.firstName) + " " + deref(u.lastName))
		email = deref(u.email)
	}
	s.mu.RUnlock()
	if name == "" {
		name = "A shopper"
	}

	s.shop().mu.RLock()
	p, e := s.shop().productByRef(productRef, marketplace)
	s.shop().mu.RUnlock()
	if e != nil {
		return e
	}
	if !s.orderHolds(c.UserID, nr.orderNumber, p.id) {
		return fieldError(CodeNotPurchased, "order_number", "no order of yours with this number holds this product")
	}
	now := timestamp(s.Now())
	sh := s.shop()
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if slices.ContainsFunc(p.reviews, func(r *review) bool { return r.userID == c.UserID && r.orderNumber == nr.orderNumber }) {
		return fieldError(CodeAlreadyExists, "order_number", "you have reviewed this product from this order already")
	}
	r := &review{id: sh.newIDLocked(now), userID: c.UserID, orderNumber: nr.orderNumber, name: name, email: email,
		text: nr.text, rating: nr.rating, tags: []string{}, createdAt: now, modifiedAt: now}
	for i, ext := range nr.imageExts {
		r.images = append(r.images, image{id: sh.newIDLocked(now), url: fmt.Sprintf("%s%s/image-%d.%s", reviewImageBase, r.id, i+1, ext), sortOrder: i + 1})
	}
	for i := range nr.videoExts {
		r.videos = append(r.videos, video{url: fmt.Sprintf("%s%s/video-%d", reviewImageBase, r.id, i+1), sortOrder: i + 1})
	}
	p.reviews = append(p.reviews, r)
	p.modifiedAt = now
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// ApproveReviews publishes every review waiting for approval, as the
// store's moderator would, and returns how many it published. Reviews
// created through the API wait for it; AddReview's do not.
func (s *Server) ApproveReviews() int {
	now := timestamp(s.Now())
	s.shop().mu.Lock()
	defer s.shop().mu.Unlock()
	n := 0
	for _, p := range s.shop().productList {
		for _, r := range p.reviews {
			if !r.approved {
				r.approved, r.modifiedAt = true, now
				n++
			}
		}
	}
	return n
}

// PendingReviews returns how many reviews wait for ApproveReviews.
func (s *Server) PendingReviews() int {
	s.shop().mu.RLock()
	defer s.shop().mu.RUnlock()
	n := 0
	for _, p := range s.shop().productList {
		for _, r := range p.reviews {
			if !r.approved {
				n++
			}
		}
	}
	return n
}

// ReviewInput is a published review for AddReview.
type ReviewInput struct {
	Name     string // default "A shopper"
	Email    string
	Rating   int // 1 to 5
	Text     string
	Tags     []string
	Featured bool
	Date     time.Time // default: the server's time
}

// AddReview publishes a review of a product (ID or slug) directly, as if it
// had been submitted and approved.
func (s *Server) AddReview(productID string, in ReviewInput) error {
	if in.Rating < 1 || in.Rating > 5 {
		return fmt.Errorf("storefronttest: AddReview: rating %d is not from 1 to 5", in.Rating)
	}
	when := in.Date
	if when.IsZero() {
		when = s.Now()
	}
	when = timestamp(when)
	s.shop().mu.Lock()
	defer s.shop().mu.Unlock()
	p := s.shop().products[productID]
	if p == nil {
		p = s.shop().productSlugs[strings.ToLower(productID)]
	}
	if p == nil {
		return fmt.Errorf("storefronttest: AddReview: no product %q", productID)
	}
	name := in.Name
	if name == "" {
		name = "A shopper"
	}
	p.reviews = append(p.reviews, &review{id: s.shop().newIDLocked(when), name: name, email: in.Email, text: in.Text,
		rating: decimal.NewFromInt(int64(in.Rating)), tags: slices.Clone(in.Tags), featured: in.Featured, approved: true,
		createdAt: when, modifiedAt: when})
	return nil
}
