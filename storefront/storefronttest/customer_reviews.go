package storefronttest

import (
	"cmp"
	"slices"
	"strings"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// list-customer-reviews comes from the catalog: the reviews the customer
// wrote (create-product-review), published or waiting for approval, newest
// first, and the products of their orders they have not reviewed from
// that order yet, by order then product: its orders that are not
// cancelled, placed at checkout or registered with AddOrder.
//
// get-customer-authorized-sellers lists the marketplace's sellers, by trade
// name: the fake authorises every customer to buy from every seller.

// orderedProducts are the products of one of a customer's orders.
type orderedProducts struct {
	number     string
	productIDs map[string]bool
}

// orderedBy lists the customer's orders that are not cancelled — those
// whose products they may review, as create-product-review checks — with
// their products. It takes the commerce lock, so call it before the shop's.
func (s *Server) orderedBy(userID string) []orderedProducts {
	c := s.commerce()
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []orderedProducts
	for _, o := range c.ordersOf[userID] {
		if o.status == orderCancelled {
			continue
		}
		op := orderedProducts{number: o.number, productIDs: map[string]bool{}}
		for _, l := range o.lines {
			op.productIDs[l.k.p.id] = true
		}
		out = append(out, op)
	}
	return out
}

// customerReviews answers list-customer-reviews.
func (s *Server) customerReviews(userID string) (gen.ListCustomerReviewsContent, *apiError) {
	reviews, ready := []gen.CustomerReview{}, []gen.CustomerReadyForReview{}
	orders := s.orderedBy(userID)
	sh := s.shop()
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	v := &view{sh: sh, now: s.Now()}
	type written struct {
		p *product
		r *review
	}
	var mine []written
	for _, p := range sh.productList {
		for _, r := range p.reviews {
			if r.userID == userID {
				mine = append(mine, written{p, r})
			}
		}
	}
	slices.SortStableFunc(mine, func(a, b written) int { return b.r.createdAt.Compare(a.r.createdAt) })
	for _, w := range mine {
		reviews = append(reviews, v.customerReview(w.p, w.r))
	}
	slices.SortFunc(orders, func(a, b orderedProducts) int { return cmp.Compare(a.number, b.number) })
	for _, o := range orders {
		var products []*product
		for id := range o.productIDs {
			if p := sh.products[id]; p != nil {
				products = append(products, p)
			}
		}
		slices.SortFunc(products, func(a, b *product) int { return cmp.Compare(a.name, b.name) })
		for _, p := range products {
			if slices.ContainsFunc(p.reviews, func(r *review) bool { return r.userID == userID && r.orderNumber == o.number }) {
				continue
			}
			offer := p.mainOffer()
			selling := v.price(offer)
			listing := decimal.Max(offer.listing, selling)
			ready = append(ready, gen.CustomerReadyForReview{ProductID: optional(p.id), ProductName: optional(p.name),
				ProductImageURL: firstProductImage(p), SellingPrice: &selling, ListingPrice: &listing, OrderNumber: optional(o.number)})
		}
	}
	return gen.ListCustomerReviewsContent{Reviews: &reviews, ReadyForReview: &ready}, nil
}

// customerReviewImage is an item of gen.CustomerReview's images.
type customerReviewImage = struct {
	BlurURL      *string `json:"blur_url,omitempty"`
	StandardURL  *string `json:"standard_url,omitempty"`
	ThumbnailURL *string `json:"thumbnail_url,omitempty"`
}

func (v *view) customerReview(p *product, r *review) gen.CustomerReview {
	offer := p.mainOffer()
	selling := v.price(offer)
	listing := decimal.Max(offer.listing, selling)
	status := "pending"
	if r.approved {
		status = "approved"
	}
	created, modified, id := r.createdAt, r.modifiedAt, r.id
	tags := slices.Clone(r.tags)
	if tags == nil {
		tags = []string{}
	}
	images := []customerReviewImage{}
	for _, img := range r.images {
		u := img.url
		images = append(images, customerReviewImage{StandardURL: &u, ThumbnailURL: &u, BlurURL: &u})
	}
	out := gen.CustomerReview{ID: &id, ProductID: p.id, ProductName: optional(p.name), ProductImageURL: firstProductImage(p),
		Status: &status, Rating: r.rating, ReviewText: r.text, ReviewDate: &created, Tags: &tags, Images: &images,
		SellingPrice: &selling, ListingPrice: &listing, OrderNumber: r.orderNumber, CreatedAt: &created, ModifiedAt: &modified}
	if n, sum := p.ratingStats(); n > 0 {
		avg, err := sum.Div(decimal.NewFromInt(int64(n)), 1, decimal.HalfUp)
		if err == nil {
			out.AverageRating = &avg
		}
	}
	return out
}

// firstProductImage is the URL of a product's first image, if it has one.
func firstProductImage(p *product) *string {
	if len(p.images) == 0 {
		return nil
	}
	u := p.images[0].url
	return &u
}

// authorizedSellers lists a page of the marketplace's sellers by trade
// name.
func (s *Server) authorizedSellers(page, limit *int) ([]gen.SellerInfo, gen.Pagination, *apiError) {
	pr, e := pageOf(page, limit)
	if e != nil {
		return nil, gen.Pagination{}, e
	}
	sh := s.shop()
	sh.mu.RLock()
	all := make([]gen.SellerInfo, 0, len(sh.sellerList))
	for _, sl := range sh.sellerList {
		all = append(all, gen.SellerInfo{ID: sl.id, TradeName: sl.tradeName, LegalName: sl.legalName,
			BusinessType: sl.businessType, TaxIdentificationNumber: sl.taxID})
	}
	sh.mu.RUnlock()
	slices.SortStableFunc(all, func(a, b gen.SellerInfo) int { return strings.Compare(a.TradeName, b.TradeName) })
	list, pg := paginate(all, pr)
	return list, pg, nil
}
