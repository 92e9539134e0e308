package storefronttest

import (
	"fmt"
	"slices"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// view renders the catalog's records as the API's models, for one request:
// the customer group whose prices to show, whether to include inventory,
// and the time that decides which promotions run. Call its methods with
// shop.mu held.
type view struct {
	sh          *shop
	group       string
	inventory   bool
	now         time.Time
	marketplace bool                      // the scope of product counts
	counts      map[*category]int         // lazily: products per category, descendants included
	sellers     map[string]gen.SellerInfo // lazily
}

func (s *Server) newView(group *string, inventory *bool, marketplace bool) *view {
	v := &view{sh: s.shop(), now: s.Now(), marketplace: marketplace, inventory: isTrue(inventory)}
	if group != nil {
		v.group = *group
	}
	return v
}

// Currency and tax of every price the store shows.
const (
	storeCurrency = "INR"
	taxTypeGST    = "GST"
)

var (
	one     = decimal.NewFromInt(1)
	hundred = decimal.NewFromInt(100)
)

func (v *view) price(o *offer) decimal.Decimal { return o.price(v.group, v.sh.defaultGroup) }

func (v *view) pricing(o *offer, taxRate decimal.Decimal) gen.ProductPricing {
	selling := v.price(o)
	listing := decimal.Max(o.listing, selling)
	excl, err := selling.Mul(hundred).Div(hundred.Add(taxRate), 2, decimal.HalfUp)
	if err != nil { // the divisor is at least 1
		excl = selling
	}
	least, step, most := o.orderLimits()
	var maxQty *decimal.Decimal
	if most > 0 {
		m := decimal.NewFromInt(int64(most))
		maxQty = &m
	}
	return gen.ProductPricing{
		Currency:                 storeCurrency,
		TaxType:                  gen.ProductPricingTaxType(taxTypeGST),
		TaxRate:                  taxRate,
		PriceIncludingTax:        true,
		ListingPrice:             listing,
		SellingPrice:             selling,
		SellingPriceExcludingTax: excl,
		MinOrderQuantity:         decimal.NewFromInt(int64(least)),
		MaxOrderQuantity:         maxQty,
		IncrementalQuantity:      decimal.NewFromInt(int64(step)),
	}
}

// inStock reports whether a SKU can be ordered: digital goods always, stock
// on hand, or backorders allowed.
func inStock(p *product, o *offer) bool {
	return p.kind == TypeDigital || o.backorder || o.stock() > 0
}

// productInStock: any of its SKUs; a bundle needs every item in stock.
func (v *view) productInStock(p *product) bool {
	if p.kind == TypeBundle {
		for _, b := range p.bundle {
			bp, bv := v.sh.products[b.productID], v.sh.variants[b.variantID]
			if bp == nil {
				return false
			}
			o := &bp.offer
			if bv != nil {
				o = &bv.offer
			}
			if !inStock(bp, o) || (!o.backorder && bp.kind != TypeDigital && o.stock() < b.quantity) {
				return false
			}
		}
		return len(p.bundle) > 0
	}
	if len(p.variants) == 0 {
		return inStock(p, &p.offer)
	}
	for _, vr := range p.variants {
		if inStock(p, &vr.offer) {
			return true
		}
	}
	return false
}

func (v *view) lots(o *offer) *[]gen.LotBatchDetail {
	if !v.inventory {
		return nil
	}
	out := make([]gen.LotBatchDetail, 0, len(o.lots))
	for _, l := range o.lots {
		d := gen.LotBatchDetail{LotBatch: l.batch, StockQuantity: decimal.NewFromInt(int64(l.quantity)), Manufacturer: optional(l.manufacturer)}
		if !l.mfg.IsZero() {
			d.MfgDate = &gen.CalendarDate{Time: l.mfg}
		}
		if !l.exp.IsZero() {
			d.ExpDate = &gen.CalendarDate{Time: l.exp}
		}
		out = append(out, d)
	}
	return &out
}

func attributesView(attrs []attribute) []gen.ProductAttribute {
	out := make([]gen.ProductAttribute, 0, len(attrs))
	for _, a := range attrs {
		var pa gen.ProductAttribute
		var err error
		switch a.kind {
		case attrText:
			err = pa.FromTextAttribute(gen.TextAttribute{ID: a.id, Key: a.key, Name: a.name, Value: a.value.(string)})
		case attrSingleSelect:
			err = pa.FromSingleSelectAttribute(gen.SingleSelectAttribute{ID: a.id, Key: a.key, Name: a.name, Value: a.value.(string)})
		case attrMultiSelect:
			err = pa.FromMultiSelectAttribute(gen.MultiSelectAttribute{ID: a.id, Key: a.key, Name: a.name, Value: slices.Clone(a.value.([]string))})
		case attrNumber:
			err = pa.FromNumberAttribute(gen.NumberAttribute{ID: a.id, Key: a.key, Name: a.name, Value: a.value.(decimal.Decimal)})
		case attrBoolean:
			err = pa.FromBooleanAttribute(gen.BooleanAttribute{ID: a.id, Key: a.key, Name: a.name, Value: a.value.(bool)})
		case attrDate:
			err = pa.FromDateAttribute(gen.DateAttribute{ID: a.id, Key: a.key, Name: a.name, Value: a.value.(time.Time)})
		case attrColor:
			ca := gen.ColorAttribute{ID: a.id, Key: a.key, Name: a.name}
			for _, c := range a.value.([]colorValue) {
				ca.Value = append(ca.Value, struct {
					Hexcode string `json:"hexcode"`
					Name    string `json:"name"`
				}{Hexcode: c.hex, Name: c.name})
			}
			err = pa.FromColorAttribute(ca)
		default:
			err = fmt.Errorf("unknown attribute kind %q", a.kind)
		}
		if err != nil {
			panic(fmt.Sprintf("storefronttest: attribute %s: %v", a.key, err)) // the catalog's own data: a bug
		}
		out = append(out, pa)
	}
	return out
}

// Image sizes, as the URLs of an image name them.
const (
	sizeTiny      = 64
	sizeThumbnail = 240
	sizeStandard  = 800
	sizeZoom      = 1600
)

func imagesView(imgs []image) []gen.ProductImage {
	out := make([]gen.ProductImage, 0, len(imgs))
	for _, im := range imgs {
		out = append(out, gen.ProductImage{
			ID: im.id, Title: optional(im.title), AlternateText: optional(im.alt),
			SortOrder:    decimal.NewFromInt(int64(im.sortOrder)),
			URLTiny:      fmt.Sprintf("%s?w=%d", im.url, sizeTiny),
			URLThumbnail: fmt.Sprintf("%s?w=%d", im.url, sizeThumbnail),
			URLStandard:  fmt.Sprintf("%s?w=%d", im.url, sizeStandard),
			URLZoom:      fmt.Sprintf("%s?w=%d", im.url, sizeZoom),
		})
	}
	return out
}

func videosView(vids []video) []gen.ProductVideo {
	out := make([]gen.ProductVideo, 0, len(vids))
	for _, vd := range vids {
		out = append(out, gen.ProductVideo{
			Title: optional(vd.title), AlternateText: optional(vd.alt), SortOrder: decimal.NewFromInt(int64(vd.sortOrder)),
			VideoPreviewURL: vd.url + "/preview.mp4", VideoStreamHlsURL: vd.url + "/stream.m3u8",
			VideoStreamDashURL: vd.url + "/stream.mpd", ImageThumbnailURL: vd.url + "/thumbnail.jpg",
			VideoDuration: decimal.NewFromInt(int64(vd.seconds)),
		})
	}
	return out
}

// promotionView is the product's promotion while it runs, else nil.
func (v *view) promotionView(p *product) *gen.ProductPromotion {
	pr := p.promotion
	if !pr.activeAt(v.now) {
		return nil
	}
	out := &gen.ProductPromotion{ID: pr.id, StartsAt: pr.starts}
	if !pr.expires.IsZero() {
		exp := pr.expires
		out.ExpiresAt = &exp
	}
	var err error
	switch pr.kind {
	case promoDiscount:
		d := gen.DiscountBasedPromotion{DiscountType: "percentage"}
		if pr.percent.IsZero() {
			d.DiscountType = "fixed-amount"
			amount := pr.amount
			d.DiscountFixedAmount = &amount
		} else {
			percent := pr.percent
			d.DiscountPercent = &percent
		}
		err = out.Details.FromDiscountBasedPromotion(d)
	case promoFixedPrice:
		err = out.Details.FromFixedPricePromotion(gen.FixedPricePromotion{OfferPrice: pr.offerPrice})
	case promoFreeGoods:
		err = out.Details.FromFreeGoodsPromotion(gen.FreeGoodsPromotion{
			BuyQuantity: decimal.NewFromInt(int64(pr.buy)), GetQuantity: decimal.NewFromInt(int64(pr.get))})
	case promoVolume:
		vb := gen.VolumeBasedPromotion{}
		for _, s := range pr.slabs {
			vb.Slabs = append(vb.Slabs, struct {
				DiscountPercent decimal.Decimal `json:"discount_percent"`
				QuantityLimit   decimal.Decimal `json:"quantity_limit"`
			}{DiscountPercent: s.percent, QuantityLimit: decimal.NewFromInt(int64(s.quantity))})
		}
		err = out.Details.FromVolumeBasedPromotion(vb)
	default:
		err = fmt.Errorf("unknown promotion kind %q", pr.kind)
	}
	if err != nil {
		panic(fmt.Sprintf("storefronttest: promotion %s: %v", pr.id, err))
	}
	return out
}

func subscriptionsView(subs []subscription) []gen.ProductSubscription {
	out := make([]gen.ProductSubscription, 0, len(subs))
	for _, s := range subs {
		out = append(out, gen.ProductSubscription{
			ID: s.id, SubscriptionPlan: s.plan, SubscriptionPrice: s.price,
			BillingInterval: decimal.NewFromInt(int64(s.billingEvery)), BillingLimit: decimal.NewFromInt(int64(s.billingLimit)),
			BillingFrequency: gen.ProductSubscriptionBillingFrequency(s.billingFrequency),
			OrderInterval:    decimal.NewFromInt(int64(s.orderEvery)), OrderLimit: decimal.NewFromInt(int64(s.orderLimit)),
			OrderFrequency:    gen.ProductSubscriptionOrderFrequency(s.orderFrequency),
			MinimumQuantity:   decimal.NewFromInt(int64(s.minimumQuantity)),
			BillingTrialDays:  decimal.NewFromInt(int64(s.trialDays)),
			FulfillSeparately: s.fulfillSeparately,
		})
	}
	return out
}

// productCount is how many products of the view's scope (the store's own,
// or the marketplace's) are in c or below it.
func (v *view) productCount(c *category) int {
	if v.counts == nil {
		v.counts = map[*category]int{}
		for _, p := range v.sh.productList {
			if p.marketplace() != v.marketplace {
				continue
			}
			seen := map[*category]bool{}
			for _, pc := range p.categories {
				for a := pc; a != nil; a = a.parent {
					if !seen[a] {
						seen[a] = true
						v.counts[a]++
					}
				}
			}
		}
	}
	return v.counts[c]
}

func (v *view) categoryView(c *category) gen.Category {
	out := gen.Category{ID: c.id, Name: c.name, Slug: c.slug, Description: optional(c.description), Active: true,
		ProductCount: decimal.NewFromInt(int64(v.productCount(c)))}
	if c.parent != nil {
		id := c.parent.id
		out.ParentCategoryID = &id
	}
	return out
}

func (v *view) productCategoryView(c *category) gen.ProductCategory {
	cv := v.categoryView(c)
	children := make([]gen.Category, 0, len(c.children))
	for _, ch := range c.children {
		children = append(children, v.categoryView(ch))
	}
	return gen.ProductCategory{ID: cv.ID, Name: cv.Name, Slug: cv.Slug, Description: cv.Description,
		ParentCategoryID: cv.ParentCategoryID, ProductCount: cv.ProductCount, Active: cv.Active, ChildCategories: &children}
}

func (v *view) categoriesOf(p *product) ([]string, []gen.Category) {
	ids := make([]string, 0, len(p.categories))
	cats := make([]gen.Category, 0, len(p.categories))
	for _, c := range p.categories {
		ids = append(ids, c.id)
		cats = append(cats, v.categoryView(c))
	}
	return ids, cats
}

func variantOptionsView(opts []variantOption) []gen.VariantOption {
	out := make([]gen.VariantOption, 0, len(opts))
	for _, o := range opts {
		vo := gen.VariantOption{Key: o.key, Name: o.name, Type: gen.VariantOptionType(o.kind), Value: []gen.VariantOptionValue{}}
		for _, val := range o.values {
			var item gen.VariantOptionValue
			var err error
			if o.kind == attrColor {
				err = item.FromVariantOptionValue1(map[string]any{"name": val.value, "hexcode": val.hex})
			} else {
				err = item.FromVariantOptionValue0(val.value)
			}
			if err != nil {
				panic(fmt.Sprintf("storefronttest: variant option %s: %v", o.key, err))
			}
			vo.Value = append(vo.Value, item)
		}
		out = append(out, vo)
	}
	return out
}

// associatedOptions maps each option key to the variant's value.
func associatedOptions(p *product, vr *variant) gen.AssociatedOption {
	out := gen.AssociatedOption{}
	for i, o := range p.options {
		if i >= len(vr.options) {
			break
		}
		val := vr.options[i]
		var item gen.AssociatedOptionValue
		var err error
		if o.kind == attrColor {
			c := gen.ColorOption{Name: o.name, Type: attrColor}
			c.Value.Name, c.Value.Hexcode = val.value, val.hex
			err = item.FromColorOption(c)
		} else {
			err = item.FromSingleSelectOption(gen.SingleSelectOption{Name: o.name, Type: attrSingleSelect, Value: val.value})
		}
		if err != nil {
			panic(fmt.Sprintf("storefronttest: option %s: %v", o.key, err))
		}
		out[o.key] = item
	}
	return out
}

func (v *view) variantView(vr *variant) gen.Variant {
	p := vr.product
	imgs := vr.images
	if len(imgs) == 0 {
		imgs = p.images
	}
	promo := v.promotionView(p)
	subs := subscriptionsView(p.subscriptions)
	return gen.Variant{
		ID: vr.id, ProductID: p.id, Sku: optional(vr.offer.sku), Slug: vr.slug, Name: vr.name, ProductName: p.name,
		ShortDescription: optional(p.shortDesc), Active: true, StockAvailable: inStock(p, &vr.offer),
		Backorder: &vr.offer.backorder, OnPromotion: promo != nil, OnSubscription: len(subs) > 0, IsDefault: vr == p.defaultVariant(),
		AssociatedOptions: associatedOptions(p, vr), Images: imagesView(imgs), Videos: videosView(p.videos),
		Pricing: v.pricing(&vr.offer, p.taxRate), Subscription: subs, Promotion: promo, Inventory: v.lots(&vr.offer),
	}
}

func (v *view) variantDetailView(vr *variant) gen.VariantDetail {
	p := vr.product
	b := v.variantView(vr)
	ids, _ := v.categoriesOf(p)
	count, sum := p.ratingStats()
	return gen.VariantDetail{
		ID: b.ID, ProductID: b.ProductID, Sku: b.Sku, Slug: b.Slug, Name: b.Name, ProductName: b.ProductName,
		ShortDescription: b.ShortDescription, Active: b.Active, StockAvailable: b.StockAvailable, Backorder: b.Backorder,
		OnPromotion: b.OnPromotion, OnSubscription: b.OnSubscription, IsDefault: b.IsDefault,
		AssociatedOptions: b.AssociatedOptions, Images: b.Images, Videos: b.Videos, Pricing: b.Pricing,
		Subscription: b.Subscription, Promotion: b.Promotion, Inventory: b.Inventory,
		ProductType: gen.VariantDetailProductType(p.kind), Description: optional(p.description), CategoryIds: ids,
		Tags: tagsView(p.tags), ReviewsCount: decimal.NewFromInt(int64(count)), ReviewsRatingSum: &sum,
		HsnCode: optional(p.hsn), VariantOptions: variantOptionsView(p.options),
		ProductAttributes: attributesView(p.attributes), VariantAttributes: attributesView(vr.attributes),
		Shipping: shippingView(p.shipping), Seo: seoView(p), Metadata: metadataView(p.metadata),
	}
}

func tagsView(tags []string) *[]string {
	out := slices.Clone(tags)
	if out == nil {
		out = []string{}
	}
	return &out
}

func shippingView(s *shipping) *gen.ProductShipping {
	if s == nil {
		return nil
	}
	return &gen.ProductShipping{HandlingChargesIncludingTax: s.handlingIncl, HandlingChargesExcludingTax: s.handlingExcl,
		TaxType: taxTypeGST, TaxRate: s.taxRate}
}

func seoView(p *product) gen.Seo {
	s := gen.Seo{Title: optional(p.seoTitle), Description: optional(p.seoDescription)}
	if p.seoKeywords != nil {
		k := slices.Clone(p.seoKeywords)
		s.Keywords = &k
	}
	return s
}

func metadataView(m map[string]string) *map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return &out
}

func (v *view) productView(p *product) gen.Product {
	ids, cats := v.categoriesOf(p)
	count, sum := p.ratingStats()
	promo := v.promotionView(p)
	subs := subscriptionsView(p.subscriptions)
	variants := make([]gen.Variant, 0, len(p.variants))
	for _, vr := range p.variants {
		variants = append(variants, v.variantView(vr))
	}
	var opts *[]gen.VariantOption
	if len(p.options) > 0 {
		o := variantOptionsView(p.options)
		opts = &o
	}
	o := p.mainOffer()
	out := gen.Product{
		ID: p.id, Name: p.name, Slug: p.slug, ShortDescription: optional(p.shortDesc),
		ProductType: gen.ProductProductType(p.kind), Active: true, StockAvailable: v.productInStock(p),
		OnSubscription: len(subs) > 0, OnPromotion: promo != nil, HasVariant: len(p.variants) > 0,
		Tags: tagsView(p.tags), CategoryIds: ids, Categories: cats,
		ReviewsRatingSum: sum, ReviewsCount: decimal.NewFromInt(int64(count)),
		Attributes: attributesView(p.attributes), Pricing: v.pricing(o, p.taxRate), VariantOptions: opts,
		Promotion: promo, Images: imagesView(p.images), Subscription: subs, Variants: variants,
		BundleItems: v.bundleView(p),
	}
	if len(p.variants) == 0 {
		out.Sku = optional(p.offer.sku)
		out.Backorder = &p.offer.backorder
		out.Inventory = v.lots(&p.offer)
	}
	return out
}

func (v *view) productDetailView(p *product) gen.ProductDetail {
	b := v.productView(p)
	upsell := make([]*string, 0, len(p.upsell))
	for _, id := range p.upsell {
		upsell = append(upsell, &id)
	}
	return gen.ProductDetail{
		ID: b.ID, Sku: b.Sku, Name: b.Name, Slug: b.Slug, ShortDescription: b.ShortDescription, ProductType: gen.ProductDetailProductType(b.ProductType),
		Active: b.Active, StockAvailable: b.StockAvailable, Backorder: b.Backorder, OnSubscription: b.OnSubscription,
		OnPromotion: b.OnPromotion, HasVariant: b.HasVariant, Tags: b.Tags, CategoryIds: b.CategoryIds, Categories: b.Categories,
		ReviewsRatingSum: b.ReviewsRatingSum, ReviewsCount: b.ReviewsCount, Attributes: b.Attributes, Pricing: b.Pricing,
		VariantOptions: b.VariantOptions, Promotion: b.Promotion, Images: b.Images, Subscription: b.Subscription,
		Variants: b.Variants, BundleItems: b.BundleItems, Inventory: b.Inventory,
		Description: optional(p.description), HsnCode: optional(p.hsn), Videos: videosView(p.videos),
		Shipping: shippingView(p.shipping), UpsellingProductIds: upsell, CrosssellingProductIds: append([]string{}, p.crosssell...),
		Seo: seoView(p), Metadata: metadataView(p.metadata),
	}
}

func (v *view) marketplaceProductView(p *product) gen.MarketplaceProduct {
	b := v.productView(p)
	return gen.MarketplaceProduct{
		ID: b.ID, Sku: b.Sku, Name: b.Name, Slug: b.Slug, ShortDescription: b.ShortDescription, ProductType: gen.MarketplaceProductProductType(b.ProductType),
		Active: b.Active, StockAvailable: b.StockAvailable, Backorder: b.Backorder, OnSubscription: b.OnSubscription,
		OnPromotion: b.OnPromotion, HasVariant: b.HasVariant, Tags: b.Tags, CategoryIds: b.CategoryIds, Categories: b.Categories,
		ReviewsRatingSum: b.ReviewsRatingSum, ReviewsCount: b.ReviewsCount, Attributes: b.Attributes, Pricing: b.Pricing,
		VariantOptions: b.VariantOptions, Promotion: b.Promotion, Images: b.Images, Subscription: b.Subscription,
		Variants: b.Variants, BundleItems: b.BundleItems, Inventory: b.Inventory,
		SellerID: p.sellerID, SellerDetail: v.sellerInfo(p.sellerID),
	}
}

func (v *view) marketplaceProductDetailView(p *product) gen.MarketplaceProductDetail {
	b := v.productDetailView(p)
	return gen.MarketplaceProductDetail{
		ID: b.ID, Sku: b.Sku, Name: b.Name, Slug: b.Slug, ShortDescription: b.ShortDescription, ProductType: gen.MarketplaceProductDetailProductType(b.ProductType),
		Active: b.Active, StockAvailable: b.StockAvailable, Backorder: b.Backorder, OnSubscription: b.OnSubscription,
		OnPromotion: b.OnPromotion, HasVariant: b.HasVariant, Tags: b.Tags, CategoryIds: b.CategoryIds, Categories: b.Categories,
		ReviewsRatingSum: b.ReviewsRatingSum, ReviewsCount: b.ReviewsCount, Attributes: b.Attributes, Pricing: b.Pricing,
		VariantOptions: b.VariantOptions, Promotion: b.Promotion, Images: b.Images, Subscription: b.Subscription,
		Variants: b.Variants, BundleItems: b.BundleItems, Inventory: b.Inventory,
		Description: b.Description, HsnCode: b.HsnCode, Videos: b.Videos, Shipping: b.Shipping,
		UpsellingProductIds: b.UpsellingProductIds, CrosssellingProductIds: b.CrosssellingProductIds, Seo: b.Seo, Metadata: b.Metadata,
	}
}

func (v *view) sellerInfo(id string) gen.SellerInfo {
	if info, ok := v.sellers[id]; ok {
		return info
	}
	info := gen.SellerInfo{ID: id}
	if s := v.sh.sellers[id]; s != nil {
		info = s.info()
	}
	if v.sellers == nil {
		v.sellers = map[string]gen.SellerInfo{}
	}
	v.sellers[id] = info
	return info
}

func (s *seller) info() gen.SellerInfo {
	return gen.SellerInfo{ID: s.id, TradeName: s.tradeName, LegalName: s.legalName, BusinessType: s.businessType,
		TaxIdentificationNumber: s.taxID}
}

// sku is one thing sold: a product without variants, or one variant.
type sku struct {
	p *product
	v *variant // nil for a product without variants
}

func (k sku) offer() *offer {
	if k.v != nil {
		return &k.v.offer
	}
	return &k.p.offer
}

// skusOf lists what a product sells: each variant, or the product itself.
func skusOf(p *product) []sku {
	if len(p.variants) == 0 {
		return []sku{{p: p}}
	}
	out := make([]sku, 0, len(p.variants))
	for _, vr := range p.variants {
		out = append(out, sku{p: p, v: vr})
	}
	return out
}

// defaultSKU is the SKU a product is suggested as.
func defaultSKU(p *product) sku { return sku{p: p, v: p.defaultVariant()} }

func (v *view) itemView(k sku) gen.Item {
	p, o := k.p, k.offer()
	ids, cats := v.categoriesOf(p)
	count, sum := p.ratingStats()
	promo := v.promotionView(p)
	subs := subscriptionsView(p.subscriptions)
	attrs := p.attributes
	imgs := p.images
	it := gen.Item{
		ProductID: p.id, Sku: o.sku, ProductSlug: p.slug, VariantSlug: p.slug, ProductName: p.name,
		ProductType: gen.ItemProductType(p.kind), ShortDescription: optional(p.shortDesc), Active: true,
		StockAvailable: inStock(p, o), Backorder: &o.backorder, OnSubscription: len(subs) > 0, OnPromotion: promo != nil,
		CategoryIds: ids, Categories: &cats, Tags: tagsView(p.tags),
		ReviewsCount: decimal.NewFromInt(int64(count)), ReviewsRatingSum: &sum,
		Pricing: v.pricing(o, p.taxRate), Promotion: promo, Subscription: subs,
		Shipping: shippingView(p.shipping), Inventory: v.lots(o),
	}
	if p.kind == TypeBundle {
		it.StockAvailable = v.productInStock(p)
	}
	if k.v != nil {
		id, name := k.v.id, k.v.name
		it.VariantID, it.VariantName, it.VariantSlug = &id, &name, k.v.slug
		ao := associatedOptions(p, k.v)
		it.AssociatedOptions = &ao
		attrs = append(slices.Clone(attrs), k.v.attributes...)
		if len(k.v.images) > 0 {
			imgs = k.v.images
		}
	}
	it.Attributes = attributesView(attrs)
	it.Images = imagesView(imgs)
	return it
}

func (v *view) marketplaceItemView(k sku) gen.MarketplaceItem {
	b := v.itemView(k)
	return gen.MarketplaceItem{
		ProductID: b.ProductID, VariantID: b.VariantID, Sku: b.Sku, ProductSlug: b.ProductSlug, VariantSlug: b.VariantSlug,
		ProductName: b.ProductName, VariantName: b.VariantName, ProductType: gen.MarketplaceItemProductType(b.ProductType),
		ShortDescription: b.ShortDescription, Active: b.Active, StockAvailable: b.StockAvailable, Backorder: b.Backorder,
		OnSubscription: b.OnSubscription, OnPromotion: b.OnPromotion, CategoryIds: b.CategoryIds, Categories: b.Categories,
		Tags: b.Tags, ReviewsCount: b.ReviewsCount, ReviewsRatingSum: b.ReviewsRatingSum, Attributes: b.Attributes,
		Images: b.Images, Pricing: b.Pricing, Promotion: b.Promotion, Subscription: b.Subscription,
		AssociatedOptions: b.AssociatedOptions, Shipping: b.Shipping, Inventory: b.Inventory,
		SellerID: k.p.sellerID, SellerDetail: v.sellerInfo(k.p.sellerID),
	}
}

// bundleView lists a bundle's items with their quantities; empty for other
// products.
func (v *view) bundleView(p *product) gen.ProductBundleItem {
	out := gen.ProductBundleItem{}
	for _, b := range p.bundle {
		bp := v.sh.products[b.productID]
		if bp == nil {
			continue
		}
		k := sku{p: bp, v: v.sh.variants[b.variantID]}
		it := v.itemView(k)
		entry := struct {
			Active            bool                             `json:"active"`
			AssociatedOptions *gen.AssociatedOption            `json:"associated_options"`
			Attributes        []gen.ProductAttribute           `json:"attributes"`
			Backorder         *bool                            `json:"backorder,omitempty"`
			Categories        *[]gen.Category                  `json:"categories,omitempty"`
			CategoryIds       []string                         `json:"category_ids"`
			Images            []gen.ProductImage               `json:"images"`
			Inventory         *[]gen.LotBatchDetail            `json:"inventory,omitempty"`
			OnPromotion       bool                             `json:"on_promotion"`
			OnSubscription    bool                             `json:"on_subscription"`
			Pricing           gen.ProductPricing               `json:"pricing"`
			ProductID         string                           `json:"product_id"`
			ProductName       string                           `json:"product_name"`
			ProductSlug       string                           `json:"product_slug"`
			ProductType       gen.ProductBundleItemProductType `json:"product_type"`
			Promotion         *gen.ProductPromotion            `json:"promotion"`
			Quantity          int32                            `json:"quantity"`
			ReviewsCount      decimal.Decimal                  `json:"reviews_count"`
			ReviewsRatingSum  *decimal.Decimal                 `json:"reviews_rating_sum"`
			SellerDetail      *gen.SellerInfo                  `json:"seller_detail,omitempty"`
			SellerID          *string                          `json:"seller_id,omitempty"`
			Shipping          *gen.ProductShipping             `json:"shipping,omitempty"`
			ShortDescription  *string                          `json:"short_description"`
			Sku               string                           `json:"sku"`
			StockAvailable    bool                             `json:"stock_available"`
			Subscription      []gen.ProductSubscription        `json:"subscription"`
			Tags              *[]string                        `json:"tags"`
			VariantID         *string                          `json:"variant_id"`
			VariantName       *string                          `json:"variant_name"`
			VariantSlug       string                           `json:"variant_slug"`
		}{
			Active: it.Active, AssociatedOptions: it.AssociatedOptions, Attributes: it.Attributes, Backorder: it.Backorder,
			Categories: it.Categories, CategoryIds: it.CategoryIds, Images: it.Images, Inventory: it.Inventory,
			OnPromotion: it.OnPromotion, OnSubscription: it.OnSubscription, Pricing: it.Pricing, ProductID: it.ProductID,
			ProductName: it.ProductName, ProductSlug: it.ProductSlug, ProductType: gen.ProductBundleItemProductType(it.ProductType),
			Promotion: it.Promotion, Quantity: int32(b.quantity), ReviewsCount: it.ReviewsCount, ReviewsRatingSum: it.ReviewsRatingSum,
			Shipping: it.Shipping, ShortDescription: it.ShortDescription, Sku: it.Sku, StockAvailable: it.StockAvailable,
			Subscription: it.Subscription, Tags: it.Tags, VariantID: it.VariantID, VariantName: it.VariantName, VariantSlug: it.VariantSlug,
		}
		if bp.sellerID != "" {
			id, info := bp.sellerID, v.sellerInfo(bp.sellerID)
			entry.SellerID, entry.SellerDetail = &id, &info
		}
		out = append(out, entry)
	}
	return out
}
