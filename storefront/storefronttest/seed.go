package storefronttest

import (
	"fmt"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
)

// The seeded shop: Nilgiri Goods, a small Indian store of teas, coffees,
// audio gear, apparel, e-books and gift sets, with a marketplace of three
// sellers. Every server starts with it; tests add their own data on top.
// Its IDs are fixed (fixedULID), so they are the same on every server.

// The seeded customer groups, whose IDs the x-customer-group-id header
// takes.
const (
	SeededGroupRetail    = "01HQWKVSM0J455WGDB11T3JR8Y" // the default group
	SeededGroupWholesale = "01HQWKVSM0JXC68T2C9W7XF15M"
	SeededGroupStaff     = "01HQWKVSM03M5VSKFXKJBA324Q"
)

// The seeded marketplace sellers.
const (
	SeededSellerSpices  = "01HQWKVSM0A3TS3ZX9DZ2CCB6E" // Kerala Spice Traders
	SeededSellerPrints  = "01HQWKVSM0JGZZET2DXXE5M15B" // Jaipur Block Prints
	SeededSellerGadgets = "01HQWKVSM0RK581BP5C1TH5YJM" // Pixel Gadgets
)

// seedEpoch is when the seeded store opened: its records are created from
// then on, an hour (categories) or a day (products) apart.
var seedEpoch = time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)

// seeder builds the seeded shop.
type seeder struct {
	sh       *shop
	n        uint64 // the next fixedULID sequence number
	products int
	cats     int
	rel      map[*product][2][]string // up-sell and cross-sell slugs, resolved at the end
}

func (b *seeder) id(t time.Time) string {
	b.n++
	return fixedULID(t, b.n)
}

func inr(rupees int64) decimal.Decimal { return decimal.NewFromInt(rupees) }

func seedShop(sh *shop) {
	b := &seeder{sh: sh, n: 100, rel: map[*product][2][]string{}}
	seedStore(sh)
	seedCountries(sh)
	b.seedCategories()
	b.seedProducts()
	b.seedMarketplace()
	b.resolveRelations()
}

func (b *seeder) cat(slug, name, parent, desc string) {
	b.cats++
	t := seedEpoch.Add(time.Duration(b.cats) * time.Hour)
	c := &category{id: b.id(t), name: name, slug: slug, description: desc, createdAt: t}
	if parent != "" {
		c.parent = b.sh.categorySlugs[parent]
	}
	if err := b.sh.addCategoryLocked(c); err != nil {
		panic("storefronttest: seed: " + err.Error())
	}
}

func (b *seeder) seedCategories() {
	b.cat("tea-coffee", "Tea & Coffee", "", "Single-estate teas and coffees from the hills of India.")
	b.cat("green-tea", "Green Tea", "tea-coffee", "Unoxidised leaf, light and grassy.")
	b.cat("black-tea", "Black Tea", "tea-coffee", "Fully oxidised leaf for a strong cup.")
	b.cat("coffee", "Coffee", "tea-coffee", "Arabica and robusta from Coorg and Chikmagalur.")
	b.cat("electronics", "Electronics", "", "Audio gear and the accessories to go with it.")
	b.cat("audio", "Audio", "electronics", "")
	b.cat("headphones", "Headphones", "audio", "Over-ear, on-ear and in-ear.")
	b.cat("speakers", "Speakers", "audio", "Portable and home speakers.")
	b.cat("accessories", "Accessories", "electronics", "Cables, chargers and cases.")
	b.cat("apparel", "Apparel", "", "Organic cotton, printed by hand.")
	b.cat("t-shirts", "T-Shirts", "apparel", "")
	b.cat("hoodies", "Hoodies", "apparel", "")
	b.cat("ethnic-wear", "Ethnic Wear", "apparel", "Kurtas and scarves from Rajasthan.")
	b.cat("digital", "Digital", "", "Delivered by email, instantly.")
	b.cat("e-books", "E-books", "digital", "")
	b.cat("gift-cards", "Gift Cards", "digital", "")
	b.cat("gift-sets", "Gift Sets", "", "Hampers put together by our team.")
	b.cat("home-kitchen", "Home & Kitchen", "", "")
	b.cat("mugs-cups", "Mugs & Cups", "home-kitchen", "")
	b.cat("spices", "Spices", "home-kitchen", "Whole spices from the Western Ghats.")
}

// prod starts a product sold under its own SKU, created a day after the
// previous one, with a default-group price, a list price (0: the price),
// two images and 50 units in stock.
func (b *seeder) prod(slug, name, kind string, price, listing int64, taxRate int64, hsn string, cats ...string) *product {
	b.products++
	t := seedEpoch.Add(time.Duration(b.products) * 24 * time.Hour)
	p := &product{id: b.id(t), slug: slug, name: name, kind: kind, taxRate: inr(taxRate), hsn: hsn,
		createdAt: t, modifiedAt: t, seoTitle: name + " | Nilgiri Goods"}
	for _, c := range cats {
		cat := b.sh.categorySlugs[c]
		if cat == nil {
			panic("storefronttest: seed: no category " + c)
		}
		p.categories = append(p.categories, cat)
	}
	if listing == 0 {
		listing = price
	}
	code := strings.ToUpper(slug)
	p.offer = newOffer(code, inr(listing), inr(price), SeededGroupRetail, 50, false)
	if kind == TypeDigital {
		p.offer.lots = nil
	}
	for i := 1; i <= 2; i++ {
		p.images = append(p.images, image{id: b.id(t), title: name, alt: fmt.Sprintf("%s, view %d", name, i),
			url: fmt.Sprintf("%s%s/%d.jpg", catalogImageBase, slug, i), sortOrder: i})
	}
	return p
}

// describe sets a product's texts and tags; the SEO description and
// keywords follow them.
func describe(p *product, short, long string, tags ...string) {
	p.shortDesc, p.description, p.tags = short, long, tags
	p.seoDescription, p.seoKeywords = short, tags
}

// attr adds an attribute to a product.
func (b *seeder) attr(p *product, key, name, kind string, value any) {
	p.attributes = append(p.attributes, attribute{id: b.id(p.createdAt), key: key, name: name, kind: kind, value: value})
}

// vseed is a seeded variant: its option values (in the product's option
// order; a colour as "Name#hex"), price, list price and stock.
type vseed struct {
	values         []string
	price, listing int64
	stock          int
}

// variants gives a product options and variants; the first variant is the
// default.
func (b *seeder) variants(p *product, opts []variantOption, vs ...vseed) {
	p.options = opts
	for i, s := range vs {
		v := &variant{id: b.id(p.createdAt), product: p, isDefault: i == 0}
		var names, slugs []string
		for j, raw := range s.values {
			val, hex, _ := strings.Cut(raw, "#")
			ov := optionValue{value: val}
			if hex != "" {
				ov.hex = "#" + hex
			}
			v.options = append(v.options, ov)
			if !containsValue(p.options[j].values, val) {
				p.options[j].values = append(p.options[j].values, ov)
			}
			names = append(names, val)
			slugs = append(slugs, slugify(val))
		}
		v.name = strings.Join(names, " / ")
		v.slug = p.slug + "-" + strings.Join(slugs, "-")
		listing := s.listing
		if listing == 0 {
			listing = s.price
		}
		v.offer = newOffer(strings.ToUpper(v.slug), inr(listing), inr(s.price), SeededGroupRetail, s.stock, false)
		p.variants = append(p.variants, v)
	}
	p.offer = offer{}
}

func containsValue(vals []optionValue, v string) bool {
	for _, o := range vals {
		if o.value == v {
			return true
		}
	}
	return false
}

func opt(key, name string, colour bool) variantOption {
	kind := attrSingleSelect
	if colour {
		kind = attrColor
	}
	return variantOption{key: key, name: name, kind: kind}
}

// groupPrice sets a customer group's price on every SKU of a product.
func groupPrice(p *product, group string, rupees int64) {
	for _, k := range skusOf(p) {
		k.offer().prices[group] = inr(rupees)
	}
}

// onlyGroupPrices replaces a product's prices: it has none for the default
// group, so a shopper of that group sees the highest.
func onlyGroupPrices(p *product, prices map[string]int64) {
	p.offer.prices = map[string]decimal.Decimal{}
	for g, v := range prices {
		p.offer.prices[g] = inr(v)
	}
}

// review adds a published review, days after the product was created.
func (b *seeder) review(p *product, days int, rating int64, name, email, text string, featured bool, tags ...string) {
	t := p.createdAt.Add(time.Duration(days) * 24 * time.Hour)
	p.reviews = append(p.reviews, &review{id: b.id(t), name: name, email: email, text: text, rating: inr(rating),
		tags: tags, featured: featured, approved: true, createdAt: t, modifiedAt: t})
}

func (b *seeder) add(p *product, upsell, crosssell []string) {
	if err := b.sh.addProductLocked(p); err != nil {
		panic("storefronttest: seed: " + err.Error())
	}
	if upsell != nil || crosssell != nil {
		b.rel[p] = [2][]string{upsell, crosssell}
	}
}

func (b *seeder) resolveRelations() {
	for p, rel := range b.rel {
		for _, slug := range rel[0] {
			p.upsell = append(p.upsell, b.sh.productSlugs[slug].id)
		}
		for _, slug := range rel[1] {
			p.crosssell = append(p.crosssell, b.sh.productSlugs[slug].id)
		}
	}
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// openEnded is when the seeded promotions that run "until further notice"
// end: far enough for any test clock.
var openEnded = date(2099, 12, 31)

func (b *seeder) seedProducts() {
	// Tea & coffee: GST 5%.
	p := b.prod("darjeeling-first-flush", "Darjeeling First Flush Green Tea", TypePhysical, 0, 0, 5, "0902", "green-tea")
	describe(p, "Spring-picked green tea from the Castleton estate, floral and bright.",
		"The first flush of the Darjeeling spring, hand-rolled and pan-fired the same day. Brew at 80 °C for three minutes.",
		"organic", "darjeeling", "first-flush")
	b.attr(p, "origin", "Origin", attrText, "Darjeeling, West Bengal")
	b.attr(p, "organic", "Certified organic", attrBoolean, true)
	b.variants(p, []variantOption{opt("weight", "Weight", false)},
		vseed{[]string{"100 g"}, 450, 500, 60}, vseed{[]string{"250 g"}, 1050, 1200, 25})
	p.variants[0].offer.prices[SeededGroupWholesale] = inr(399)
	p.variants[1].offer.prices[SeededGroupWholesale] = inr(920)
	for _, v := range p.variants {
		v.offer.lots = []lot{{batch: "DJ-FF-2402", mfg: date(2024, 3, 20), exp: date(2026, 3, 19), manufacturer: "Castleton Tea Estate", quantity: v.offer.stock()}}
	}
	p.promotion = &promotion{id: b.id(p.createdAt), kind: promoDiscount, percent: inr(10), starts: date(2024, 1, 1), expires: openEnded}
	p.subscriptions = []subscription{{id: b.id(p.createdAt), plan: "Monthly tin", price: inr(405), billingEvery: 1, billingLimit: 12,
		billingFrequency: "monthly", orderEvery: 1, orderLimit: 12, orderFrequency: "monthly", minimumQuantity: 1, trialDays: 0}}
	p.metadata = map[string]string{"estate": "Castleton", "flush": "first"}
	b.review(p, 10, 5, "Meera Iyer", "meera.iyer@example.com", "Floral and bright, exactly like the tea I had in Darjeeling.", true, "aroma", "freshness")
	b.review(p, 25, 4, "Arjun Menon", "arjun.menon@example.com", "Lovely cup, a little pricey.", false, "aroma", "value")
	b.review(p, 40, 5, "Fatima Sheikh", "fatima.sheikh@example.com", "My third tin. Packed well and fresh.", false, "freshness", "packaging")
	b.add(p, []string{"nilgiri-frost-green-tea"}, []string{"classic-ceramic-mug", "cast-iron-teapot"})

	p = b.prod("nilgiri-frost-green-tea", "Nilgiri Frost Green Tea", TypePhysical, 380, 420, 5, "0902", "green-tea")
	describe(p, "Winter-frost green tea from the Nilgiris, smooth and sweet.", "Picked in the frost season when the leaf grows slowly.", "nilgiri", "organic")
	b.attr(p, "origin", "Origin", attrText, "Nilgiris, Tamil Nadu")
	b.add(p, nil, []string{"classic-ceramic-mug"})

	p = b.prod("assam-breakfast", "Assam Breakfast Black Tea", TypePhysical, 0, 0, 5, "0902", "black-tea")
	describe(p, "Malty, strong Assam for milk tea.", "A second-flush Assam with tippy leaf; stands up to milk and sugar.", "assam", "strong", "breakfast")
	b.variants(p, []variantOption{opt("weight", "Weight", false)},
		vseed{[]string{"250 g"}, 320, 360, 80}, vseed{[]string{"500 g"}, 590, 680, 40})
	p.variants[0].offer.prices[SeededGroupWholesale] = inr(275)
	p.variants[1].offer.prices[SeededGroupWholesale] = inr(510)
	p.subscriptions = []subscription{{id: b.id(p.createdAt), plan: "Monthly pack", price: inr(300), billingEvery: 1, billingLimit: 12,
		billingFrequency: "monthly", orderEvery: 1, orderLimit: 12, orderFrequency: "monthly", minimumQuantity: 1, trialDays: 7}}
	b.review(p, 12, 4, "Rohan Das", "rohan.das@example.com", "Strong and malty, great with milk.", false, "strength")
	b.add(p, []string{"bulk-assam-ctc-5kg"}, []string{"masala-chai-blend"})

	p = b.prod("masala-chai-blend", "Masala Chai Blend", TypePhysical, 299, 349, 5, "0902", "black-tea")
	describe(p, "Assam CTC with cardamom, ginger, cinnamon and clove.", "Our house chai: boil with milk for five minutes.", "spiced", "chai")
	b.attr(p, "spices", "Spices", attrMultiSelect, []string{"Cardamom", "Ginger", "Cinnamon", "Clove"})
	p.promotion = &promotion{id: b.id(p.createdAt), kind: promoFreeGoods, buy: 2, get: 1, starts: date(2024, 1, 1), expires: openEnded}
	b.review(p, 5, 5, "Kavya Reddy", "kavya.reddy@example.com", "Just like the chai stalls at home.", true, "taste")
	b.review(p, 30, 3, "Daniel Thomas", "daniel.thomas@example.com", "Too much clove for me.", false, "taste")
	b.add(p, nil, []string{"classic-ceramic-mug", "assam-breakfast"})

	p = b.prod("bulk-assam-ctc-5kg", "Bulk Assam CTC 5 kg", TypePhysical, 0, 2199, 5, "0902", "black-tea")
	describe(p, "Five kilograms of Assam CTC for cafés and offices.", "Sold to our wholesale and staff customers.", "bulk", "assam")
	onlyGroupPrices(p, map[string]int64{SeededGroupWholesale: 1999, SeededGroupStaff: 1799})
	b.add(p, nil, nil)

	p = b.prod("coorg-arabica-beans", "Coorg Arabica Coffee Beans", TypePhysical, 0, 0, 5, "0901", "coffee")
	describe(p, "Medium-roast arabica from a Coorg estate, notes of cocoa and orange.", "Shade-grown under silver oak, washed and sun-dried.", "arabica", "coorg")
	b.attr(p, "roast", "Roast", attrSingleSelect, "Medium")
	b.attr(p, "roasted_on", "Roasted on", attrDate, date(2024, 4, 2))
	b.variants(p, []variantOption{opt("grind", "Grind", false)},
		vseed{[]string{"Whole bean"}, 549, 599, 30}, vseed{[]string{"Filter grind"}, 549, 599, 20})
	for _, v := range p.variants {
		v.offer.lots = []lot{{batch: "CG-2404", mfg: date(2024, 4, 2), exp: date(2025, 4, 1), manufacturer: "Nilgiri Goods Roastery", quantity: v.offer.stock()}}
	}
	p.subscriptions = []subscription{
		{id: b.id(p.createdAt), plan: "Fortnightly bag", price: inr(499), billingEvery: 2, billingLimit: 26,
			billingFrequency: "weekly", orderEvery: 2, orderLimit: 26, orderFrequency: "weekly", minimumQuantity: 1, fulfillSeparately: true},
		{id: b.id(p.createdAt), plan: "Monthly bag", price: inr(519), billingEvery: 1, billingLimit: 12,
			billingFrequency: "monthly", orderEvery: 1, orderLimit: 12, orderFrequency: "monthly", minimumQuantity: 1},
	}
	b.add(p, nil, []string{"double-wall-glass-cups"})

	p = b.prod("chikmagalur-filter-coffee", "Chikmagalur Filter Coffee", TypePhysical, 399, 0, 5, "0901", "coffee")
	describe(p, "Coffee and chicory, 80:20, for a South Indian filter.", "Ground fine for a traditional steel filter.", "filter-coffee", "chicory")
	p.offer.lots = nil // sold out
	b.add(p, nil, nil)

	p = b.prod("cold-brew-coffee-bags", "Cold Brew Coffee Bags", TypePhysical, 449, 499, 5, "0901", "coffee")
	describe(p, "Steep overnight in cold water: ten bags a pack.", "", "cold-brew")
	p.offer.lots, p.offer.backorder = nil, true // out of stock, taking orders
	b.add(p, nil, nil)

	// Electronics: GST 18%.
	p = b.prod("aurora-wireless-headphones", "Aurora Wireless Headphones", TypePhysical, 0, 0, 18, "8518", "headphones")
	describe(p, "Over-ear Bluetooth headphones with active noise cancelling and 40 hours of battery.",
		"Memory-foam ear cushions, multipoint pairing and a USB-C fast charge: ten minutes for five hours of music.",
		"wireless", "bluetooth", "noise-cancelling")
	b.attr(p, "battery_life", "Battery life (hours)", attrNumber, inr(40))
	b.attr(p, "noise_cancelling", "Noise cancelling", attrBoolean, true)
	b.attr(p, "connectivity", "Connectivity", attrMultiSelect, []string{"Bluetooth 5.3", "USB-C"})
	b.attr(p, "colours", "Colours", attrColor, []colorValue{{"Midnight Black", "#1a1a1a"}, {"Pearl White", "#f5f5f0"}, {"Ocean Blue", "#1e4d8c"}})
	b.variants(p, []variantOption{opt("colour", "Colour", true)},
		vseed{[]string{"Midnight Black#1a1a1a"}, 4999, 6999, 35}, vseed{[]string{"Pearl White#f5f5f0"}, 4999, 6999, 12},
		vseed{[]string{"Ocean Blue#1e4d8c"}, 5299, 6999, 0})
	groupPrice(p, SeededGroupWholesale, 4299)
	groupPrice(p, SeededGroupStaff, 3999)
	p.videos = []video{{title: "Aurora in 60 seconds", alt: "Product tour", url: "https://cdn.storefronttest.invalid/video/aurora-tour", sortOrder: 1, seconds: 60}}
	p.promotion = &promotion{id: b.id(p.createdAt), kind: promoVolume, starts: date(2024, 1, 1), expires: openEnded,
		slabs: []slab{{quantity: 2, percent: inr(5)}, {quantity: 5, percent: inr(10)}}}
	p.shipping = &shipping{handlingIncl: inr(99), handlingExcl: decimal.MustParse("83.90"), taxRate: inr(18)}
	p.metadata = map[string]string{"warranty": "1 year"}
	b.review(p, 3, 5, "Nikhil Sharma", "nikhil.sharma@example.com", "Noise cancelling on the metro is superb.", true, "noise-cancelling", "comfort")
	b.review(p, 8, 4, "Ananya Gupta", "ananya.gupta@example.com", "Great sound, the case feels cheap.", false, "sound")
	b.review(p, 15, 5, "Vikram Singh", "vikram.singh@example.com", "Battery lasts all week.", false, "battery")
	b.review(p, 21, 3, "Priya Nair", "priya.nair@example.com", "Clamps a bit tight after two hours.", false, "comfort")
	b.add(p, []string{"aurora-pro-headphones"}, []string{"headphone-carry-case", "braided-usb-c-cable"})

	p = b.prod("aurora-pro-headphones", "Aurora Pro Headphones", TypePhysical, 8999, 10999, 18, "8518", "headphones")
	describe(p, "Aurora with lossless audio, spatial sound and 60 hours of battery.", "", "wireless", "premium", "noise-cancelling")
	b.attr(p, "battery_life", "Battery life (hours)", attrNumber, inr(60))
	b.attr(p, "noise_cancelling", "Noise cancelling", attrBoolean, true)
	groupPrice(p, SeededGroupWholesale, 7999)
	b.review(p, 6, 5, "Sara Khan", "sara.khan@example.com", "Worth the upgrade.", false, "sound")
	b.add(p, nil, []string{"headphone-carry-case"})

	p = b.prod("studio-wired-earphones", "Studio Wired Earphones", TypePhysical, 799, 999, 18, "8518", "headphones")
	describe(p, "In-ear monitors with a detachable 1.2 m cable.", "", "wired", "in-ear")
	b.attr(p, "noise_cancelling", "Noise cancelling", attrBoolean, false)
	b.add(p, []string{"aurora-wireless-headphones"}, []string{"braided-usb-c-cable"})

	p = b.prod("pebble-bluetooth-speaker", "Pebble Bluetooth Speaker", TypePhysical, 0, 0, 18, "8518", "speakers")
	describe(p, "A waterproof speaker the size of a pebble, 12 hours of play.", "", "bluetooth", "portable", "waterproof")
	b.attr(p, "water_resistance", "Water resistance", attrText, "IPX7")
	b.attr(p, "battery_life", "Battery life (hours)", attrNumber, inr(12))
	b.variants(p, []variantOption{opt("colour", "Colour", true)},
		vseed{[]string{"Sand#d8c8a8"}, 2499, 2999, 18}, vseed{[]string{"Slate#4a5560"}, 2499, 2999, 9})
	b.review(p, 9, 4, "Isha Patel", "isha.patel@example.com", "Loud for its size and survived the beach.", false, "sound", "durability")
	b.add(p, []string{"tower-home-speaker"}, nil)

	p = b.prod("tower-home-speaker", "Tower Home Speaker", TypePhysical, 12999, 14999, 18, "8518", "speakers")
	describe(p, "A floor-standing speaker with Wi-Fi and Bluetooth.", "", "home-audio", "wifi")
	p.offer.lots = []lot{{batch: "LOT-TOWER", quantity: 3}}
	p.promotion = &promotion{id: b.id(p.createdAt), kind: promoFixedPrice, offerPrice: inr(11499), starts: date(2024, 1, 1), expires: openEnded}
	p.shipping = &shipping{handlingIncl: inr(499), handlingExcl: decimal.MustParse("422.88"), taxRate: inr(18)}
	p.offer.maxQty = 2
	b.add(p, nil, nil)

	p = b.prod("headphone-carry-case", "Headphone Carry Case", TypePhysical, 699, 0, 18, "4202", "accessories")
	describe(p, "A hard-shell case for over-ear headphones.", "", "case")
	b.add(p, nil, nil)

	p = b.prod("braided-usb-c-cable", "Braided USB-C Cable (1 m)", TypePhysical, 349, 399, 18, "8544", "accessories")
	describe(p, "A 60 W braided USB-C to USB-C cable.", "", "usb-c", "cable")
	groupPrice(p, SeededGroupWholesale, 279)
	b.add(p, nil, []string{"fast-charger-20w"})

	p = b.prod("fast-charger-20w", "20 W Fast Charger", TypePhysical, 999, 1299, 18, "8504", "accessories")
	describe(p, "A compact USB-C PD charger.", "", "usb-c", "charger")
	b.add(p, nil, []string{"braided-usb-c-cable"})

	// Apparel: GST 12%.
	p = b.prod("nilgiri-hills-organic-tee", "Nilgiri Hills Organic T-Shirt", TypePhysical, 0, 0, 12, "6109", "t-shirts")
	describe(p, "A soft organic-cotton tee with a hand-printed Nilgiri hills motif.", "", "organic", "cotton")
	b.attr(p, "material", "Material", attrText, "100% organic cotton")
	b.attr(p, "fit", "Fit", attrSingleSelect, "Regular")
	var tees []vseed
	for _, colour := range []string{"Forest Green#2e5e3a", "Charcoal#36454f"} {
		for i, size := range []string{"S", "M", "L", "XL"} {
			stock := 10 + 5*i
			if size == "XL" && strings.HasPrefix(colour, "Charcoal") {
				stock = 0
			}
			tees = append(tees, vseed{[]string{size, colour}, 799, 999, stock})
		}
	}
	b.variants(p, []variantOption{opt("size", "Size", false), opt("colour", "Colour", true)}, tees...)
	groupPrice(p, SeededGroupStaff, 599)
	b.review(p, 14, 5, "Neha Joshi", "neha.joshi@example.com", "Soft and true to size.", false, "fit", "fabric")
	b.review(p, 33, 4, "Karan Malhotra", "karan.malhotra@example.com", "Colour faded a little after many washes.", false, "fabric")
	b.add(p, nil, []string{"monsoon-zip-hoodie"})

	p = b.prod("tea-lover-graphic-tee", "Tea Lover Graphic Tee", TypePhysical, 0, 0, 12, "6109", "t-shirts")
	describe(p, "\"But first, chai\" printed on a white tee.", "", "cotton", "graphic")
	b.variants(p, []variantOption{opt("size", "Size", false)},
		vseed{[]string{"S"}, 699, 0, 12}, vseed{[]string{"M"}, 699, 0, 20}, vseed{[]string{"L"}, 699, 0, 14})
	b.add(p, nil, nil)

	p = b.prod("monsoon-zip-hoodie", "Monsoon Zip Hoodie", TypePhysical, 0, 0, 12, "6110", "hoodies")
	describe(p, "A brushed-fleece hoodie for rainy evenings.", "", "fleece", "winter")
	b.variants(p, []variantOption{opt("size", "Size", false)},
		vseed{[]string{"M"}, 1999, 2499, 8}, vseed{[]string{"L"}, 1999, 2499, 6}, vseed{[]string{"XL"}, 1999, 2499, 4})
	groupPrice(p, SeededGroupWholesale, 1699)
	b.add(p, nil, nil)

	// Digital goods: GST 18%, no stock.
	p = b.prod("tea-sommelier-handbook", "The Tea Sommelier's Handbook", TypeDigital, 499, 699, 18, "4901", "e-books")
	describe(p, "Tasting, pairing and brewing tea, in 212 illustrated pages.", "An e-book by our head of tea.", "e-book", "tea", "guide")
	b.attr(p, "pages", "Pages", attrNumber, inr(212))
	b.attr(p, "formats", "Formats", attrMultiSelect, []string{"EPUB", "PDF"})
	b.attr(p, "published", "Published", attrDate, date(2023, 11, 15))
	b.review(p, 20, 5, "Ritu Bose", "ritu.bose@example.com", "Learnt more about tea in a week than in years.", true, "content")
	b.add(p, nil, []string{"brewing-at-home"})

	p = b.prod("brewing-at-home", "Brewing at Home", TypeDigital, 299, 0, 18, "4901", "e-books")
	describe(p, "Pour-over, French press and cold brew, step by step.", "", "e-book", "coffee", "guide")
	b.attr(p, "pages", "Pages", attrNumber, inr(96))
	b.add(p, []string{"tea-sommelier-handbook"}, nil)

	p = b.prod("gift-card-500", "Gift Card ₹500", TypeDigital, 500, 0, 18, "", "gift-cards")
	describe(p, "Sent by email, valid for a year.", "", "gift")
	b.add(p, []string{"gift-card-2000"}, nil)

	p = b.prod("gift-card-2000", "Gift Card ₹2,000", TypeDigital, 2000, 0, 18, "", "gift-cards")
	describe(p, "Sent by email, valid for a year.", "", "gift")
	b.add(p, nil, nil)

	// Home & kitchen.
	p = b.prod("classic-ceramic-mug", "Classic Ceramic Mug", TypePhysical, 0, 0, 12, "6912", "mugs-cups")
	describe(p, "A 300 ml stoneware mug, dishwasher safe.", "", "ceramic", "mug")
	b.variants(p, []variantOption{opt("colour", "Colour", true)},
		vseed{[]string{"Terracotta#c9653b"}, 349, 399, 60}, vseed{[]string{"Ivory#f3efe2"}, 349, 399, 45})
	b.add(p, nil, []string{"masala-chai-blend"})

	p = b.prod("double-wall-glass-cups", "Double-Wall Glass Cups (set of 2)", TypePhysical, 599, 699, 12, "7013", "mugs-cups")
	describe(p, "Borosilicate cups that keep the heat in and your fingers cool.", "", "glass", "cup")
	// A promotion that has ended: not shown.
	p.promotion = &promotion{id: b.id(p.createdAt), kind: promoDiscount, amount: inr(100), starts: date(2024, 6, 1), expires: date(2024, 12, 31)}
	b.add(p, nil, nil)

	p = b.prod("cast-iron-teapot", "Cast Iron Teapot", TypePhysical, 1899, 2299, 12, "7323", "home-kitchen")
	describe(p, "A 900 ml tetsubin with a steel infuser.", "", "teapot", "cast-iron")
	p.offer.lots = []lot{{batch: "LOT-TEAPOT", quantity: 5}}
	b.add(p, nil, []string{"darjeeling-first-flush"})

	// Gift sets: bundles of the store's SKUs.
	p = b.prod("morning-ritual-gift-set", "Morning Ritual Gift Set", TypeBundle, 1299, 1497, 5, "0902", "gift-sets")
	describe(p, "Darjeeling first flush, masala chai and a terracotta mug, boxed.", "", "gift", "tea")
	p.offer.lots = nil
	dj := b.sh.productSlugs["darjeeling-first-flush"]
	mug := b.sh.productSlugs["classic-ceramic-mug"]
	p.bundle = []bundleItem{
		{productID: dj.id, variantID: dj.variants[0].id, quantity: 1},
		{productID: b.sh.productSlugs["masala-chai-blend"].id, quantity: 1},
		{productID: mug.id, variantID: mug.variants[0].id, quantity: 2},
	}
	b.add(p, nil, nil)

	p = b.prod("audio-starter-kit", "Audio Starter Kit", TypeBundle, 1599, 1847, 18, "8518", "gift-sets", "audio")
	describe(p, "Studio earphones, a braided cable and a carry case.", "", "gift", "audio")
	p.offer.lots = nil
	p.bundle = []bundleItem{
		{productID: b.sh.productSlugs["studio-wired-earphones"].id, quantity: 1},
		{productID: b.sh.productSlugs["braided-usb-c-cable"].id, quantity: 1},
		{productID: b.sh.productSlugs["headphone-carry-case"].id, quantity: 1},
	}
	b.add(p, []string{"aurora-wireless-headphones"}, nil)
}

func (b *seeder) seller(id, trade, legal, kind, gstin, desc string) *seller {
	s := &seller{id: id, tradeName: trade, legalName: legal, businessType: kind, taxID: gstin, description: desc}
	b.sh.sellers[id] = s
	b.sh.sellerList = append(b.sh.sellerList, s)
	return s
}

func (s *seller) review(days int, rating int64, name, email, text string, featured bool) {
	s.reviews = append(s.reviews, sellerReview{name: name, email: email, text: text, rating: inr(rating), featured: featured,
		createdAt: seedEpoch.Add(time.Duration(40+days) * 24 * time.Hour)})
}

func (b *seeder) seedMarketplace() {
	spices := b.seller(SeededSellerSpices, "Kerala Spice Traders", "Kerala Spice Traders Private Limited", "private_limited",
		"32AABCK1234F1Z5", "Whole spices from smallholder farms in Idukki and Wayanad since 1987.")
	spices.review(2, 5, "Lakshmi Pillai", "lakshmi.pillai@example.com", "The cardamom smells wonderful.", true)
	spices.review(9, 4, "George Mathew", "george.mathew@example.com", "Good pepper, slow dispatch.", false)
	prints := b.seller(SeededSellerPrints, "Jaipur Block Prints", "Jaipur Block Prints LLP", "partnership",
		"08AAFFJ5678K1Z2", "Hand-block printing with natural dyes in Sanganer.")
	prints.review(4, 5, "Aditi Rao", "aditi.rao@example.com", "Beautiful prints, fast delivery.", false)
	gadgets := b.seller(SeededSellerGadgets, "Pixel Gadgets", "Pixel Gadgets Private Limited", "private_limited",
		"29AAGCP9012L1Z8", "Audio and charging gear, with a one-year warranty.")
	gadgets.review(6, 3, "Manoj Kumar", "manoj.kumar@example.com", "Fine, but the box was damaged.", false)

	p := b.prod("idukki-green-cardamom", "Idukki Green Cardamom (100 g)", TypePhysical, 399, 449, 5, "0908", "spices")
	p.sellerID = SeededSellerSpices
	describe(p, "Bold 8 mm green cardamom pods.", "", "cardamom", "whole-spice")
	b.attr(p, "origin", "Origin", attrText, "Idukki, Kerala")
	b.review(p, 7, 5, "Sunita Verma", "sunita.verma@example.com", "Intensely aromatic.", true, "aroma")
	b.review(p, 18, 4, "Imran Qureshi", "imran.qureshi@example.com", "Good quality, small pack.", false, "value")
	b.add(p, nil, []string{"malabar-black-pepper"})

	p = b.prod("malabar-black-pepper", "Malabar Black Pepper (200 g)", TypePhysical, 249, 299, 5, "0904", "spices")
	p.sellerID = SeededSellerSpices
	describe(p, "Tellicherry-grade whole black pepper.", "", "pepper", "whole-spice")
	groupPrice(p, SeededGroupWholesale, 219)
	b.add(p, nil, []string{"idukki-green-cardamom"})

	p = b.prod("kerala-spice-box", "Kerala Spice Box", TypeBundle, 599, 648, 5, "0908", "spices", "gift-sets")
	p.sellerID = SeededSellerSpices
	describe(p, "Cardamom and pepper in a wooden box.", "", "gift", "whole-spice")
	p.offer.lots = nil
	p.bundle = []bundleItem{
		{productID: b.sh.productSlugs["idukki-green-cardamom"].id, quantity: 1},
		{productID: b.sh.productSlugs["malabar-black-pepper"].id, quantity: 1},
	}
	b.add(p, nil, nil)

	p = b.prod("block-print-cotton-scarf", "Block Print Cotton Scarf", TypePhysical, 0, 0, 12, "6214", "ethnic-wear")
	p.sellerID = SeededSellerPrints
	describe(p, "A mulmul scarf printed with indigo and madder.", "", "block-print", "cotton")
	b.variants(p, []variantOption{opt("colour", "Colour", true)},
		vseed{[]string{"Indigo#2b3f8c"}, 899, 1099, 14}, vseed{[]string{"Madder Red#a8322d"}, 899, 1099, 7})
	b.add(p, nil, []string{"hand-block-printed-kurta"})

	p = b.prod("hand-block-printed-kurta", "Hand-Block Printed Kurta", TypePhysical, 0, 0, 12, "6211", "ethnic-wear")
	p.sellerID = SeededSellerPrints
	describe(p, "A straight-cut cotton kurta in dabu print.", "", "block-print", "cotton", "kurta")
	b.variants(p, []variantOption{opt("size", "Size", false)},
		vseed{[]string{"S"}, 1499, 1899, 5}, vseed{[]string{"M"}, 1499, 1899, 9}, vseed{[]string{"L"}, 1499, 1899, 0})
	b.add(p, nil, nil)

	p = b.prod("pixel-wireless-earbuds", "Pixel Wireless Earbuds", TypePhysical, 1999, 2999, 18, "8518", "headphones")
	p.sellerID = SeededSellerGadgets
	describe(p, "True wireless earbuds with 30 hours of battery in the case.", "", "wireless", "bluetooth", "in-ear")
	b.attr(p, "battery_life", "Battery life (hours)", attrNumber, inr(30))
	b.review(p, 11, 4, "Tanvi Kulkarni", "tanvi.kulkarni@example.com", "Great value.", false, "value", "sound")
	b.add(p, []string{"pixel-power-bank-10000"}, []string{"pixel-power-bank-10000"})

	p = b.prod("pixel-power-bank-10000", "Pixel Power Bank 10000 mAh", TypePhysical, 1299, 1599, 18, "8507", "accessories")
	p.sellerID = SeededSellerGadgets
	describe(p, "A slim 10000 mAh power bank with 20 W USB-C.", "", "power-bank", "usb-c")
	b.add(p, nil, nil)
}
