package storefronttest

import (
	"time"

	"github.com/commercengine-go/sdk/decimal"
)

// The catalog's records. Pointers are shared between indices; every field
// is written under shop.mu only.

// customerGroup is a group of customers with their own prices.
type customerGroup struct {
	id, name, slug, description string
	isDefault                   bool
}

type category struct {
	id, name, slug, description string
	parent                      *category
	children                    []*category
	createdAt                   time.Time
}

// depth is 1 for a top-level category.
func (c *category) depth() int {
	d := 1
	for p := c.parent; p != nil; p = p.parent {
		d++
	}
	return d
}

// within reports whether c is anc or one of its descendants.
func (c *category) within(anc *category) bool {
	for p := c; p != nil; p = p.parent {
		if p == anc {
			return true
		}
	}
	return false
}

// Product types.
const (
	TypePhysical = "physical"
	TypeDigital  = "digital"
	TypeBundle   = "bundle"
)

// product is a product of the store (sellerID empty) or of a marketplace
// seller. A product without variants is sold under its own SKU (offer); one
// with variants is sold only as its variants.
type product struct {
	id, slug, name, shortDesc, description string
	kind                                   string // TypePhysical, TypeDigital or TypeBundle
	sellerID                               string
	categories                             []*category
	tags                                   []string
	attributes                             []attribute
	images                                 []image
	videos                                 []video
	taxRate                                decimal.Decimal // percent
	hsn                                    string
	offer                                  offer // when it has no variants
	variants                               []*variant
	options                                []variantOption // what the variants differ by
	promotion                              *promotion
	subscriptions                          []subscription
	bundle                                 []bundleItem
	upsell, crosssell                      []string // product IDs, in the merchant's order
	seoTitle, seoDescription               string
	seoKeywords                            []string
	metadata                               map[string]string
	shipping                               *shipping
	createdAt, modifiedAt                  time.Time
	reviews                                []*review
}

func (p *product) marketplace() bool { return p.sellerID != "" }

// defaultVariant is the variant a product is shown as, or nil without
// variants.
func (p *product) defaultVariant() *variant {
	for _, v := range p.variants {
		if v.isDefault {
			return v
		}
	}
	if len(p.variants) > 0 {
		return p.variants[0]
	}
	return nil
}

// mainOffer is what a product is shown at: its default variant's offer, or
// its own.
func (p *product) mainOffer() *offer {
	if v := p.defaultVariant(); v != nil {
		return &v.offer
	}
	return &p.offer
}

// approved returns the published reviews, oldest first.
func (p *product) approved() []*review {
	out := make([]*review, 0, len(p.reviews))
	for _, r := range p.reviews {
		if r.approved {
			out = append(out, r)
		}
	}
	return out
}

// ratingStats returns the count and the sum of the published ratings.
func (p *product) ratingStats() (count int, sum decimal.Decimal) {
	for _, r := range p.reviews {
		if r.approved {
			count++
			sum = sum.Add(r.rating)
		}
	}
	return count, sum
}

type variant struct {
	id, slug, name string
	product        *product
	options        []optionValue // one per product option, in the product's order
	offer          offer
	images         []image
	isDefault      bool
	attributes     []attribute
}

// offer is what is sold under one SKU: its code, its prices and its stock.
type offer struct {
	sku       string
	listing   decimal.Decimal            // the list price (MRP), tax included
	prices    map[string]decimal.Decimal // customer group ID → selling price, tax included
	lots      []lot
	backorder bool
	maxQty    int // 0: no limit
	minQty    int // 0: 1
	stepQty   int // the quantity must be minQty plus a multiple of it; 0: 1
}

// orderLimits returns the least quantity, the step between quantities and
// the greatest quantity (0: no limit) of one order of the SKU.
func (o *offer) orderLimits() (least, step, most int) {
	return max(o.minQty, 1), max(o.stepQty, 1), o.maxQty
}

// lot is a batch of stock.
type lot struct {
	batch        string
	mfg, exp     time.Time // zero: unknown
	manufacturer string
	quantity     int
}

func (o *offer) stock() int {
	n := 0
	for _, l := range o.lots {
		n += l.quantity
	}
	return n
}

// price is the selling price for a customer group: the group's own price,
// else the default group's, else the highest price the SKU has (the rule
// of the x-customer-group-id header), else the list price.
func (o *offer) price(groupID, defaultGroup string) decimal.Decimal {
	if p, ok := o.prices[groupID]; ok && groupID != "" {
		return p
	}
	if p, ok := o.prices[defaultGroup]; ok {
		return p
	}
	var best decimal.Decimal
	found := false
	for _, p := range o.prices {
		if !found || p.GreaterThan(best) {
			best, found = p, true
		}
	}
	if found {
		return best
	}
	return o.listing
}

// Attribute kinds, as the API's attribute types name them.
const (
	attrText         = "text"
	attrSingleSelect = "single-select"
	attrMultiSelect  = "multi-select"
	attrNumber       = "number"
	attrBoolean      = "boolean"
	attrDate         = "date"
	attrColor        = "color"
)

// attribute is a product's property. value is a string (text,
// single-select), []string (multi-select), decimal.Decimal (number), bool
// (boolean), time.Time (date) or []colorValue (color).
type attribute struct {
	id, key, name, kind string
	value               any
}

type colorValue struct{ name, hex string }

// variantOption is one of the ways a product's variants differ (size,
// colour), with the values they take.
type variantOption struct {
	key, name, kind string // kind: attrSingleSelect or attrColor
	values          []optionValue
}

// optionValue is a value of a variant option; hex is set for colours.
type optionValue struct{ value, hex string }

type image struct {
	id, title, alt, url string
	sortOrder           int
}

type video struct {
	title, alt, url string
	sortOrder       int
	seconds         int
}

// Promotion kinds, as the API's promotion_type names them.
const (
	promoDiscount   = "discount"
	promoFixedPrice = "fixed-price"
	promoVolume     = "volume-based"
	promoFreeGoods  = "free-goods"
)

type promotion struct {
	id              string
	starts, expires time.Time // expires zero: open-ended
	kind            string
	percent, amount decimal.Decimal // discount: a percentage or a fixed amount
	offerPrice      decimal.Decimal // fixed-price
	buy, get        int             // free-goods
	slabs           []slab          // volume-based
}

type slab struct {
	quantity int
	percent  decimal.Decimal
}

// activeAt reports whether the promotion runs at now.
func (p *promotion) activeAt(now time.Time) bool {
	return p != nil && !now.Before(p.starts) && (p.expires.IsZero() || now.Before(p.expires))
}

type subscription struct {
	id, plan                   string
	price                      decimal.Decimal
	billingEvery, billingLimit int
	billingFrequency           string // weekly, monthly, annually
	orderEvery, orderLimit     int
	orderFrequency             string // weekly, monthly, annully (sic, as the API spells it)
	minimumQuantity, trialDays int
	fulfillSeparately          bool
}

type bundleItem struct {
	productID, variantID string
	quantity             int
}

type shipping struct {
	handlingIncl, handlingExcl, taxRate decimal.Decimal
}

// review is a shopper's review of a product, published once approved.
type review struct {
	id, userID, orderNumber string
	name, email, text       string
	rating                  decimal.Decimal
	tags                    []string
	featured, approved      bool
	images                  []image
	videos                  []video
	createdAt, modifiedAt   time.Time
}

type seller struct {
	id, tradeName, legalName, businessType, taxID, description string
	reviews                                                    []sellerReview
}

type sellerReview struct {
	name, email, text string
	rating            decimal.Decimal
	featured          bool
	createdAt         time.Time
}
