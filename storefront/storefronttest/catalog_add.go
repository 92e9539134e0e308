package storefronttest

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
)

// CategoryInput describes a category for AddCategory.
type CategoryInput struct {
	ID          string // default: a new ULID
	Name        string // required
	Slug        string // default: from Name; unique
	Description string
	Parent      string // the parent's ID or slug; empty for a top-level category
}

// AddCategory adds a category and returns its ID.
func (s *Server) AddCategory(in CategoryInput) (string, error) {
	if strings.TrimSpace(in.Name) == "" {
		return "", errors.New("storefronttest: AddCategory: the name is required")
	}
	now := s.Now()
	sh := s.shop()
	sh.mu.Lock()
	defer sh.mu.Unlock()
	c := &category{id: in.ID, name: in.Name, slug: strings.ToLower(in.Slug), description: in.Description, createdAt: timestamp(now)}
	if c.id == "" {
		c.id = sh.newIDLocked(now)
	}
	if c.slug == "" {
		c.slug = slugify(in.Name)
	}
	if in.Parent != "" {
		if c.parent = sh.categoryByRef(in.Parent); c.parent == nil {
			return "", fmt.Errorf("storefronttest: AddCategory: no parent category %q", in.Parent)
		}
	}
	if err := sh.addCategoryLocked(c); err != nil {
		return "", fmt.Errorf("storefronttest: AddCategory: %w", err)
	}
	return c.id, nil
}

func (sh *shop) categoryByRef(ref string) *category {
	if c := sh.categories[ref]; c != nil {
		return c
	}
	return sh.categorySlugs[strings.ToLower(ref)]
}

func (sh *shop) addCategoryLocked(c *category) error {
	if sh.categories[c.id] != nil {
		return fmt.Errorf("category %q exists", c.id)
	}
	if sh.categorySlugs[c.slug] != nil {
		return fmt.Errorf("the slug %q is taken", c.slug)
	}
	sh.categories[c.id] = c
	sh.categorySlugs[c.slug] = c
	sh.categoryList = append(sh.categoryList, c)
	if c.parent != nil {
		c.parent.children = append(c.parent.children, c)
	}
	return nil
}

// AttributeInput is a product attribute. Value decides its type: a string
// is text, a []string multi-select, an int or a decimal.Decimal a number,
// a bool a boolean and a time.Time a date.
type AttributeInput struct {
	Key   string // required
	Name  string // default: Key
	Value any
}

// VariantInput describes a variant of a product for AddProduct.
type VariantInput struct {
	ID           string            // default: a new ULID
	Name         string            // default: the option values, such as "M / Black"
	Slug         string            // default: from the product's slug and Name
	SKU          string            // default: from the product's SKU and the option values
	Options      map[string]string // option key → value, such as {"size": "M"}; every variant names the same keys
	Price        decimal.Decimal   // the default customer group's price; default: the product's Price
	ListingPrice decimal.Decimal   // default: the product's ListingPrice
	Stock        int
	Backorder    bool
}

// BundleItemInput is a SKU a bundle holds.
type BundleItemInput struct {
	ProductID string // ID or slug
	VariantID string // required when the product has variants
	Quantity  int    // default 1
}

// ProductInput describes a product for AddProduct. Prices include tax.
type ProductInput struct {
	ID               string // default: a new ULID
	Name             string // required
	Slug             string // default: from Name; unique
	SKU              string // default: from the slug, upper-cased; unique
	Type             string // TypePhysical (default), TypeDigital or TypeBundle
	ShortDescription string
	Description      string
	Categories       []string // IDs or slugs
	Tags             []string
	Attributes       []AttributeInput
	Price            decimal.Decimal // the default customer group's selling price; required unless every variant has one
	ListingPrice     decimal.Decimal // the list price (MRP); default Price
	TaxRate          decimal.Decimal // GST percent; default 18
	Stock            int             // units on hand (products without variants)
	Backorder        bool            // orders are taken out of stock
	SellerID         string          // a marketplace product of this seller (AddSeller); empty for the store's own
	Variants         []VariantInput
	BundleItems      []BundleItemInput // the SKUs a bundle holds
	CrossSell        []string          // IDs or slugs of products to suggest alongside
	UpSell           []string          // IDs or slugs of better products to suggest instead
	Images           int               // how many images to give it (default 1)

	// Order quantities of every SKU of the product: the least a cart may
	// hold (default 1), the greatest (default: no limit) and the step
	// between them (default 1: any quantity).
	MinOrderQuantity, MaxOrderQuantity, IncrementalQuantity int
}

// ProductInfo identifies what AddProduct added.
type ProductInfo struct {
	ID         string
	VariantIDs []string // in the order of ProductInput.Variants
}

// AddProduct adds a product to the store's catalog, or to the
// marketplace's when it has a SellerID. It fails when the input is
// invalid or names something unknown.
func (s *Server) AddProduct(in ProductInput) (ProductInfo, error) {
	now := timestamp(s.Now())
	sh := s.shop()
	sh.mu.Lock()
	defer sh.mu.Unlock()
	p, err := sh.productFromInput(in, now)
	if err != nil {
		return ProductInfo{}, fmt.Errorf("storefronttest: AddProduct: %w", err)
	}
	if err := sh.addProductLocked(p); err != nil {
		return ProductInfo{}, fmt.Errorf("storefronttest: AddProduct: %w", err)
	}
	info := ProductInfo{ID: p.id}
	for _, v := range p.variants {
		info.VariantIDs = append(info.VariantIDs, v.id)
	}
	return info, nil
}

func (sh *shop) productFromInput(in ProductInput, now time.Time) (*product, error) {
	if strings.TrimSpace(in.Name) == "" {
		return nil, errors.New("the name is required")
	}
	p := &product{id: in.ID, name: in.Name, slug: strings.ToLower(in.Slug), kind: in.Type, shortDesc: in.ShortDescription,
		description: in.Description, tags: slices.Clone(in.Tags), sellerID: in.SellerID, taxRate: in.TaxRate,
		createdAt: now, modifiedAt: now}
	if p.id == "" {
		p.id = sh.newIDLocked(now)
	}
	if p.slug == "" {
		p.slug = slugify(in.Name)
	}
	if p.kind == "" {
		p.kind = TypePhysical
	}
	if p.kind != TypePhysical && p.kind != TypeDigital && p.kind != TypeBundle {
		return nil, fmt.Errorf("type %q is not physical, digital or bundle", in.Type)
	}
	if p.taxRate.IsZero() {
		p.taxRate = decimal.NewFromInt(18)
	}
	if p.sellerID != "" && sh.sellers[p.sellerID] == nil {
		return nil, fmt.Errorf("no seller %q", p.sellerID)
	}
	for _, ref := range in.Categories {
		c := sh.categoryByRef(ref)
		if c == nil {
			return nil, fmt.Errorf("no category %q", ref)
		}
		p.categories = append(p.categories, c)
	}
	for i, a := range in.Attributes {
		attr, err := attributeFromInput(a)
		if err != nil {
			return nil, err
		}
		attr.id = fmt.Sprintf("%s-attr-%d", p.id, i+1)
		p.attributes = append(p.attributes, attr)
	}
	for i := range max(in.Images, 1) {
		p.images = append(p.images, image{id: fmt.Sprintf("%s-img-%d", p.id, i+1), title: p.name, alt: p.name,
			url: fmt.Sprintf("%s%s/%d.jpg", catalogImageBase, p.slug, i+1), sortOrder: i + 1})
	}
	baseSKU := in.SKU
	if baseSKU == "" {
		baseSKU = strings.ToUpper(p.slug)
	}
	price := in.Price
	listing := in.ListingPrice
	if listing.IsZero() {
		listing = price
	}
	if len(in.Variants) == 0 {
		if price.Sign() <= 0 {
			return nil, errors.New("the price must be positive")
		}
		p.offer = newOffer(baseSKU, listing, price, sh.defaultGroup, in.Stock, in.Backorder)
	}
	if err := sh.variantsFromInput(p, in.Variants, baseSKU, price, listing); err != nil {
		return nil, err
	}
	if in.MinOrderQuantity < 0 || in.MaxOrderQuantity < 0 || in.IncrementalQuantity < 0 ||
		(in.MaxOrderQuantity > 0 && in.MaxOrderQuantity < max(in.MinOrderQuantity, 1)) {
		return nil, errors.New("the order quantities must not be negative, and the greatest not below the least")
	}
	for _, k := range skusOf(p) {
		o := k.offer()
		o.minQty, o.maxQty, o.stepQty = in.MinOrderQuantity, in.MaxOrderQuantity, in.IncrementalQuantity
	}
	for _, b := range in.BundleItems {
		bp := sh.products[b.ProductID]
		if bp == nil {
			bp = sh.productSlugs[strings.ToLower(b.ProductID)]
		}
		if bp == nil {
			return nil, fmt.Errorf("bundle item: no product %q", b.ProductID)
		}
		if len(bp.variants) > 0 {
			if _, e := variantByRef(bp, b.VariantID); e != nil {
				return nil, fmt.Errorf("bundle item: product %q has no variant %q", b.ProductID, b.VariantID)
			}
		}
		p.bundle = append(p.bundle, bundleItem{productID: bp.id, variantID: b.VariantID, quantity: max(b.Quantity, 1)})
	}
	if p.kind == TypeBundle && len(p.bundle) == 0 {
		return nil, errors.New("a bundle needs bundle items")
	}
	for _, rel := range [][2]any{{in.CrossSell, &p.crosssell}, {in.UpSell, &p.upsell}} {
		for _, ref := range rel[0].([]string) {
			rp := sh.products[ref]
			if rp == nil {
				rp = sh.productSlugs[strings.ToLower(ref)]
			}
			if rp == nil {
				return nil, fmt.Errorf("no product %q to suggest", ref)
			}
			dst := rel[1].(*[]string)
			*dst = append(*dst, rp.id)
		}
	}
	return p, nil
}

// catalogImageBase is where the fake says catalog images are; nothing
// serves them.
const catalogImageBase = "https://cdn.storefronttest.invalid/catalog/"

func newOffer(code string, listing, price decimal.Decimal, group string, stock int, backorder bool) offer {
	o := offer{sku: code, listing: decimal.Max(listing, price), prices: map[string]decimal.Decimal{group: price}, backorder: backorder}
	if stock > 0 {
		o.lots = []lot{{batch: "LOT-" + code, quantity: stock}}
	}
	return o
}

func (sh *shop) variantsFromInput(p *product, in []VariantInput, baseSKU string, price, listing decimal.Decimal) error {
	if len(in) == 0 {
		return nil
	}
	var keys []string
	for k := range in[0].Options {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) == 0 {
		return errors.New("a variant needs options")
	}
	for _, k := range keys {
		p.options = append(p.options, variantOption{key: k, name: strings.ToUpper(k[:1]) + k[1:], kind: attrSingleSelect})
	}
	for i, vi := range in {
		if len(vi.Options) != len(keys) {
			return fmt.Errorf("variant %d: every variant names the options %v", i+1, keys)
		}
		v := &variant{id: vi.ID, product: p, isDefault: i == 0}
		if v.id == "" {
			v.id = sh.newIDLocked(p.createdAt)
		}
		var vals []string
		for j, k := range keys {
			val, ok := vi.Options[k]
			if !ok {
				return fmt.Errorf("variant %d: no value for option %q", i+1, k)
			}
			v.options = append(v.options, optionValue{value: val})
			if !slices.ContainsFunc(p.options[j].values, func(o optionValue) bool { return o.value == val }) {
				p.options[j].values = append(p.options[j].values, optionValue{value: val})
			}
			vals = append(vals, val)
		}
		v.name = vi.Name
		if v.name == "" {
			v.name = strings.Join(vals, " / ")
		}
		v.slug = strings.ToLower(vi.Slug)
		if v.slug == "" {
			v.slug = p.slug + "-" + slugify(strings.Join(vals, " "))
		}
		code := vi.SKU
		if code == "" {
			code = baseSKU + "-" + strings.ToUpper(slugify(strings.Join(vals, " ")))
		}
		vp, vl := vi.Price, vi.ListingPrice
		if vp.IsZero() {
			vp = price
		}
		if vl.IsZero() {
			vl = listing
		}
		if vp.Sign() <= 0 {
			return fmt.Errorf("variant %d: the price must be positive", i+1)
		}
		v.offer = newOffer(code, vl, vp, sh.defaultGroup, vi.Stock, vi.Backorder)
		p.variants = append(p.variants, v)
	}
	return nil
}

func attributeFromInput(a AttributeInput) (attribute, error) {
	if a.Key == "" {
		return attribute{}, errors.New("an attribute needs a key")
	}
	attr := attribute{key: a.Key, name: a.Name}
	if attr.name == "" {
		attr.name = a.Key
	}
	switch v := a.Value.(type) {
	case string:
		attr.kind, attr.value = attrText, v
	case []string:
		attr.kind, attr.value = attrMultiSelect, slices.Clone(v)
	case int:
		attr.kind, attr.value = attrNumber, decimal.NewFromInt(int64(v))
	case decimal.Decimal:
		attr.kind, attr.value = attrNumber, v
	case bool:
		attr.kind, attr.value = attrBoolean, v
	case time.Time:
		attr.kind, attr.value = attrDate, v.UTC()
	default:
		return attribute{}, fmt.Errorf("attribute %q: a %T value is not supported", a.Key, a.Value)
	}
	return attr, nil
}

// addProductLocked indexes a new product, refusing a taken ID, slug or SKU.
func (sh *shop) addProductLocked(p *product) error {
	if sh.products[p.id] != nil {
		return fmt.Errorf("product %q exists", p.id)
	}
	if sh.productSlugs[p.slug] != nil {
		return fmt.Errorf("the slug %q is taken", p.slug)
	}
	for _, k := range skusOf(p) {
		if code := strings.ToLower(k.offer().sku); sh.skuCodes[code] {
			return fmt.Errorf("the SKU %q is taken", k.offer().sku)
		}
	}
	for _, v := range p.variants {
		if sh.variants[v.id] != nil {
			return fmt.Errorf("variant %q exists", v.id)
		}
	}
	sh.products[p.id] = p
	sh.productSlugs[p.slug] = p
	sh.productList = append(sh.productList, p)
	for _, k := range skusOf(p) {
		sh.skuCodes[strings.ToLower(k.offer().sku)] = true
	}
	for _, v := range p.variants {
		sh.variants[v.id] = v
	}
	return nil
}

// offerByRef finds the offer of a product without variants, or every
// variant's of one with variants, or one variant's, by ID.
func (sh *shop) offersByRef(id string) []*offer {
	if v := sh.variants[id]; v != nil {
		return []*offer{&v.offer}
	}
	p := sh.products[id]
	if p == nil {
		p = sh.productSlugs[strings.ToLower(id)]
	}
	if p == nil {
		return nil
	}
	if len(p.variants) == 0 {
		return []*offer{&p.offer}
	}
	out := make([]*offer, 0, len(p.variants))
	for _, v := range p.variants {
		out = append(out, &v.offer)
	}
	return out
}

// SetPrice sets the selling price (tax included) of a product — every
// variant of a product with variants — or of one variant, for one customer
// group. With the x-customer-group-id header, a group sees its own price,
// else the default group's, else the highest price the SKU has.
func (s *Server) SetPrice(productOrVariantID, customerGroupID string, price decimal.Decimal) error {
	if price.Sign() <= 0 {
		return errors.New("storefronttest: SetPrice: the price must be positive")
	}
	s.shop().mu.Lock()
	defer s.shop().mu.Unlock()
	if !slices.ContainsFunc(s.shop().groups, func(g *customerGroup) bool { return g.id == customerGroupID }) {
		return fmt.Errorf("storefronttest: SetPrice: no customer group %q", customerGroupID)
	}
	offers := s.shop().offersByRef(productOrVariantID)
	if offers == nil {
		return fmt.Errorf("storefronttest: SetPrice: no product or variant %q", productOrVariantID)
	}
	for _, o := range offers {
		o.prices[customerGroupID] = price
	}
	return nil
}

// SetStock sets the units on hand of a product without variants, of every
// variant of a product with variants, or of one variant.
func (s *Server) SetStock(productOrVariantID string, quantity int) error {
	if quantity < 0 {
		return errors.New("storefronttest: SetStock: the quantity is negative")
	}
	s.shop().mu.Lock()
	defer s.shop().mu.Unlock()
	offers := s.shop().offersByRef(productOrVariantID)
	if offers == nil {
		return fmt.Errorf("storefronttest: SetStock: no product or variant %q", productOrVariantID)
	}
	for _, o := range offers {
		o.lots = nil
		if quantity > 0 {
			o.lots = []lot{{batch: "LOT-" + o.sku, quantity: quantity}}
		}
	}
	return nil
}
