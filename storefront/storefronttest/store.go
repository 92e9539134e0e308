package storefronttest

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// storeConfig is the store's configuration: what get-config answers
// besides the customer groups.
type storeConfig struct {
	brand              gen.Brand
	currency           gen.Currency
	kycEnabled         bool
	kycDocuments       []gen.KycDocumentConfig
	analyticsProviders []gen.AnalyticsProvider
	paymentProviders   []gen.PaymentProvider
	terms, refund      gen.StoreTemplate
}

// configView renders the configuration; copies, so that the caller may
// encode it after the lock is released.
func (sh *shop) configView() gen.StoreConfig {
	c := sh.config
	brand := c.brand
	brand.SocialMediaLinks = maps.Clone(c.brand.SocialMediaLinks)
	groups := make([]*gen.CustomerGroup, 0, len(sh.groups))
	for _, g := range sh.groups {
		groups = append(groups, g.view())
	}
	return gen.StoreConfig{
		IsKycEnabled: c.kycEnabled, IsCustomerGroupEnabled: len(sh.groups) > 1,
		Brand: brand, Currency: c.currency, CustomerGroups: groups,
		KycDocuments:       slices.Clone(c.kycDocuments),
		AnalyticsProviders: slices.Clone(c.analyticsProviders),
		PaymentProviders:   slices.Clone(c.paymentProviders),
		TermsOfService:     c.terms, RefundPolicy: c.refund,
	}
}

func (g *customerGroup) view() *gen.CustomerGroup {
	active, isDefault := true, g.isDefault
	return &gen.CustomerGroup{ID: g.id, Name: g.name, Slug: optional(g.slug), Description: optional(g.description),
		IsDefault: &isDefault, Active: &active}
}

// CustomerGroupInput describes a customer group for AddCustomerGroup.
type CustomerGroupInput struct {
	ID          string // default: a new ULID
	Name        string // required
	Slug        string // default: from Name
	Description string
}

// AddCustomerGroup adds a customer group, whose prices SetPrice sets and
// the x-customer-group-id header selects. It returns the group's ID.
func (s *Server) AddCustomerGroup(in CustomerGroupInput) (string, error) {
	if strings.TrimSpace(in.Name) == "" {
		return "", errors.New("storefronttest: AddCustomerGroup: the name is required")
	}
	now := s.Now()
	sh := s.shop()
	sh.mu.Lock()
	defer sh.mu.Unlock()
	id := in.ID
	if id == "" {
		id = sh.newIDLocked(now)
	}
	if slices.ContainsFunc(sh.groups, func(g *customerGroup) bool { return g.id == id }) {
		return "", fmt.Errorf("storefronttest: AddCustomerGroup: group %q exists", id)
	}
	slug := in.Slug
	if slug == "" {
		slug = slugify(in.Name)
	}
	sh.groups = append(sh.groups, &customerGroup{id: id, name: in.Name, slug: slug, description: in.Description})
	return id, nil
}

// CustomerGroups returns the IDs of the store's customer groups, the
// default group first.
func (s *Server) CustomerGroups() []string {
	s.shop().mu.RLock()
	defer s.shop().mu.RUnlock()
	out := []string{s.shop().defaultGroup}
	for _, g := range s.shop().groups {
		if g.id != s.shop().defaultGroup {
			out = append(out, g.id)
		}
	}
	return out
}

// SetKYCEnabled turns the store's KYC on or off, as get-config and
// list-kyc-document report it.
func (s *Server) SetKYCEnabled(on bool) {
	s.shop().mu.Lock()
	s.shop().config.kycEnabled = on
	s.shop().mu.Unlock()
}

// SellerInput describes a marketplace seller for AddSeller.
type SellerInput struct {
	ID           string // default: a new ULID
	TradeName    string // required
	LegalName    string // default: TradeName
	BusinessType string // default "private_limited"
	TaxID        string // the seller's GSTIN, for example
	Description  string
}

// AddSeller adds a marketplace seller and returns its ID. Products added
// with its ID as SellerID are the marketplace's.
func (s *Server) AddSeller(in SellerInput) (string, error) {
	if strings.TrimSpace(in.TradeName) == "" {
		return "", errors.New("storefronttest: AddSeller: the trade name is required")
	}
	now := s.Now()
	sh := s.shop()
	sh.mu.Lock()
	defer sh.mu.Unlock()
	id := in.ID
	if id == "" {
		id = sh.newIDLocked(now)
	}
	if sh.sellers[id] != nil {
		return "", fmt.Errorf("storefronttest: AddSeller: seller %q exists", id)
	}
	sl := &seller{id: id, tradeName: in.TradeName, legalName: cmp.Or(in.LegalName, in.TradeName),
		businessType: cmp.Or(in.BusinessType, "private_limited"), taxID: in.TaxID, description: in.Description}
	sh.sellers[id] = sl
	sh.sellerList = append(sh.sellerList, sl)
	return id, nil
}

// SellerReviewInput is a review of a seller for AddSellerReview.
type SellerReviewInput struct {
	Name     string // required
	Email    string
	Rating   int // 1 to 5
	Text     string
	Featured bool
	Date     time.Time // default: the server's time
}

// AddSellerReview adds a published review of a seller.
func (s *Server) AddSellerReview(sellerID string, in SellerReviewInput) error {
	if in.Rating < 1 || in.Rating > 5 || in.Name == "" {
		return errors.New("storefronttest: AddSellerReview: a name and a rating from 1 to 5 are required")
	}
	when := in.Date
	if when.IsZero() {
		when = s.Now()
	}
	s.shop().mu.Lock()
	defer s.shop().mu.Unlock()
	sl := s.shop().sellers[sellerID]
	if sl == nil {
		return fmt.Errorf("storefronttest: AddSellerReview: no seller %q", sellerID)
	}
	sl.reviews = append(sl.reviews, sellerReview{name: in.Name, email: in.Email, text: in.Text,
		rating: decimal.NewFromInt(int64(in.Rating)), featured: in.Featured, createdAt: timestamp(when)})
	return nil
}

var errSellerNotFound = notFound("seller not found")

// sellerDetail answers get-seller-detail: the seller and the count and sum
// of its reviews' ratings.
func (sh *shop) sellerDetail(id string) (gen.GetSellerDetailContent, *apiError) {
	sl := sh.sellers[id]
	if sl == nil {
		return gen.GetSellerDetailContent{}, errSellerNotFound
	}
	info := sl.info()
	d := gen.SellerDetail{ID: info.ID, TradeName: info.TradeName, LegalName: info.LegalName, BusinessType: info.BusinessType,
		TaxIdentificationNumber: info.TaxIdentificationNumber, Description: optional(sl.description)}
	stats := sl.stats()
	return gen.GetSellerDetailContent{SellerDetail: &d, ReviewsStats: &stats}, nil
}

func (sl *seller) stats() gen.SellerReviewStats {
	var sum decimal.Decimal
	for _, r := range sl.reviews {
		sum = sum.Add(r.rating)
	}
	count := decimal.NewFromInt(int64(len(sl.reviews)))
	return gen.SellerReviewStats{Count: &count, RatingSum: &sum}
}

// sellerReviews answers list-seller-reviews: every review of the seller,
// newest first, in one page (the operation takes no page parameters).
func (sh *shop) sellerReviews(id string) (gen.ListSellerReviewsContent, *apiError) {
	sl := sh.sellers[id]
	if sl == nil {
		return gen.ListSellerReviewsContent{}, errSellerNotFound
	}
	list := slices.Clone(sl.reviews)
	slices.SortStableFunc(list, func(a, b sellerReview) int { return b.createdAt.Compare(a.createdAt) })
	reviews := make([]gen.SellerReview, 0, len(list))
	for _, r := range list {
		rating, created := r.rating, r.createdAt
		status, featured := "approved", r.featured
		rv := gen.SellerReview{Rating: &rating, Name: optional(r.name), Status: &status, IsFeatured: &featured,
			ReviewDate: &created, CreatedAt: &created, ModifiedAt: &created, ReviewText: optional(r.text)}
		if r.email != "" {
			masked := maskEmail(r.email)
			rv.Email = &masked
		}
		reviews = append(reviews, rv)
	}
	stats := sl.stats()
	pg := wholeList(len(reviews))
	return gen.ListSellerReviewsContent{Reviews: &reviews, ReviewsStats: &stats, Pagination: &pg}, nil
}

// kycView answers list-kyc-document.
func (sh *shop) kycView() gen.ListKycDocumentContent {
	docs := slices.Clone(sh.config.kycDocuments)
	return gen.ListKycDocumentContent{KycDocuments: &docs, IsKycEnabled: sh.config.kycEnabled}
}

// slugify makes a URL slug of a name: lower-case letters and digits joined
// by hyphens.
func slugify(name string) string {
	return strings.Join(words(name), "-")
}
