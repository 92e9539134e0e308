package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/storefront"
)

const catalogUsage = `Usage: storefront catalog <list|search|show> [flags]

Browse the store's catalog with the API key alone (no session):

  list               the products, a page at a time (--category, --type, --sort, --page, --limit, --all)
  search QUERY       search the products (--filter, --page, --limit)
  show PRODUCT       one product, by ID or slug, with its variants

Prices are those of the customer group --group names (the store's default
group otherwise). Every command takes --json (one JSON object per line),
--verbose and the store flags (--store-id, --api-key, --env, --base-url or
CE_STORE_ID, CE_API_KEY, CE_ENV, CE_BASE_URL).
`

// catalogRun is one catalog command: its flags and the key-only client.
type catalogRun struct {
	o      common
	sf     storeFlags
	group  string
	client *storefront.Client
	out    printer
}

func (c *cli) catalog(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(c.stderr, catalogUsage)
		return usagef("a command is required: list, search or show")
	}
	switch args[0] {
	case "-h", "--help", "-help", "help":
		fmt.Fprint(c.stdout, catalogUsage)
		return flag.ErrHelp
	case "list":
		return inCommand("catalog list", c.catalogList(ctx, args[1:]))
	case "search":
		return inCommand("catalog search", c.catalogSearch(ctx, args[1:]))
	case "show":
		return inCommand("catalog show", c.catalogShow(ctx, args[1:]))
	}
	return usagef("unknown command %q: list, search or show", args[0])
}

// register adds the flags every catalog command has.
func (r *catalogRun) register(fs *cmdFlags) {
	r.o.register(fs.FlagSet)
	r.sf.register(fs.FlagSet, 30*time.Second)
	fs.StringVar(&r.group, "group", "", "customer group ID whose prices to show")
}

// connect builds the client once the flags are parsed.
func (r *catalogRun) connect(c *cli) error {
	if err := r.sf.fromEnv(c.getenv); err != nil {
		return err
	}
	if r.sf.storeID == "" {
		return usagef("--store-id (or CE_STORE_ID) is required")
	}
	if r.sf.apiKey == "" {
		return errNoAPIKey
	}
	opts, err := r.sf.options()
	if err != nil {
		return err
	}
	opts = append(opts, storefront.WithLogger(c.logger(r.o)))
	if r.group != "" {
		opts = append(opts, storefront.WithCustomerGroup(r.group))
	}
	if r.client, err = storefront.New(r.sf.storeID, opts...); err != nil {
		return err
	}
	r.out = printer{c.stdout, r.o.json}
	return nil
}

// productLine is a product as a list prints it.
type productLine struct {
	ID       string          `json:"id"`
	Slug     string          `json:"slug"`
	Name     string          `json:"name"`
	Type     string          `json:"type"`
	Price    decimal.Decimal `json:"price"`
	MRP      decimal.Decimal `json:"mrp"`
	Currency string          `json:"currency"`
	InStock  bool            `json:"in_stock"`
}

func (p productLine) text() string {
	stock := ""
	if !p.InStock {
		stock = "  (out of stock)"
	}
	return fmt.Sprintf("%-32s %-40s %s %s%s", p.Slug, p.Name, p.Currency, p.Price.StringFixed(2), stock)
}

func lineOfProduct(p storefront.Product) productLine {
	return productLine{
		ID: p.ID, Slug: p.Slug, Name: p.Name, Type: string(p.ProductType),
		Price: p.Pricing.SellingPrice, MRP: p.Pricing.ListingPrice, Currency: p.Pricing.Currency, InStock: p.StockAvailable,
	}
}

func lineOfItem(it storefront.Item) productLine {
	name := it.ProductName
	if it.VariantName != nil && *it.VariantName != "" {
		name += " — " + *it.VariantName
	}
	return productLine{
		ID: it.ProductID, Slug: it.ProductSlug, Name: name, Type: string(it.ProductType),
		Price: it.Pricing.SellingPrice, MRP: it.Pricing.ListingPrice, Currency: it.Pricing.Currency, InStock: it.StockAvailable,
	}
}

func (c *cli) catalogList(ctx context.Context, args []string) error {
	fs := c.flagSet("catalog list", "catalog list [--category SLUG] [--type TYPE] [--sort FIELD[:desc]] [--page N] [--limit N] [--all] [flags]")
	var r catalogRun
	r.register(fs)
	category := fs.String("category", "", "only products in this category (slug), and below it")
	productType := fs.String("type", "", "only products of this type: physical, digital or bundle (several separated by commas)")
	sortBy := fs.String("sort", "", `order, e.g. "name" or "pricing.selling_price:desc"`)
	page := fs.Int("page", 1, "the page")
	limit := fs.Int("limit", 25, "products per page")
	all := fs.Bool("all", false, "every page, from --page on")
	if err := fs.parse(args); err != nil {
		return err
	}
	if *page < 1 || *limit < 1 {
		return usagef("--page and --limit must be at least 1")
	}
	if err := r.connect(c); err != nil {
		return err
	}
	defer r.client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(ctx, r.sf.timeout)
	defer cancel()

	params := &storefront.ListProductsParams{Page: page, Limit: limit, SortBy: sortOrder(*sortBy)}
	if *category != "" {
		params.CategorySlug = &[]string{*category}
	}
	if *productType != "" {
		params.ProductType = productType
	}
	if *all {
		n := 0
		for p, err := range r.client.Public.Catalog.ListProductsAll(ctx, params) {
			if err != nil {
				return err
			}
			r.out.emit(lineOfProduct(p).text(), lineOfProduct(p))
			n++
		}
		if !r.o.json {
			fmt.Fprintf(c.stdout, "%d products\n", n)
		}
		return nil
	}
	res, err := r.client.Public.Catalog.ListProducts(ctx, params)
	if err != nil {
		return err
	}
	for _, p := range res.Products {
		r.out.emit(lineOfProduct(p).text(), lineOfProduct(p))
	}
	if !r.o.json {
		pg := res.Pagination
		fmt.Fprintf(c.stdout, "page %d of %d, %d products in all\n", *page, pg.TotalPages, pg.TotalRecords)
	}
	return nil
}

// sortOrder reads --sort: fields separated by commas, each "field" or
// "field:asc" / "field:desc".
func sortOrder(s string) *string {
	if s == "" {
		return nil
	}
	var fields []storefront.SortField
	for _, f := range strings.Split(s, ",") {
		name, dir, _ := strings.Cut(strings.TrimSpace(f), ":")
		if strings.EqualFold(dir, "desc") {
			fields = append(fields, storefront.Desc(name))
		} else {
			fields = append(fields, storefront.Asc(name))
		}
	}
	return storefront.SortOrder(fields...)
}

func (c *cli) catalogSearch(ctx context.Context, args []string) error {
	fs := c.flagSet("catalog search", "catalog search QUERY [--filter EXPR] [--page N] [--limit N] [flags]")
	var r catalogRun
	r.register(fs)
	filter := fs.String("filter", "", `a filter expression, e.g. "pricing.selling_price 100 TO 500"`)
	page := fs.Int("page", 1, "the page")
	limit := fs.Int("limit", 25, "results per page")
	var query string
	fs.StringVar(&query, "query", "", "the search query (or give it as the first argument)")
	if err := fs.parse(args); err != nil {
		return err
	}
	if query == "" {
		return usagef("a search query is required")
	}
	if *page < 1 || *limit < 1 {
		return usagef("--page and --limit must be at least 1")
	}
	if err := r.connect(c); err != nil {
		return err
	}
	defer r.client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(ctx, r.sf.timeout)
	defer cancel()

	body := storefront.SearchProduct{Query: query, Page: *page, Limit: *limit}
	if *filter != "" {
		body.Filter = storefront.Filter(*filter)
	}
	res, err := r.client.Public.Catalog.SearchProducts(ctx, nil, body)
	if err != nil {
		return err
	}
	for _, it := range res.Skus {
		r.out.emit(lineOfItem(it).text(), lineOfItem(it))
	}
	if !r.o.json {
		fmt.Fprintf(c.stdout, "%d results\n", res.Pagination.TotalRecords)
	}
	return nil
}

// productDetail is a product as show prints it.
type productDetail struct {
	productLine
	Description string        `json:"description,omitempty"`
	Categories  []string      `json:"categories,omitempty"`
	Variants    []productLine `json:"variants,omitempty"`
}

func (c *cli) catalogShow(ctx context.Context, args []string) error {
	fs := c.flagSet("catalog show", "catalog show PRODUCT [flags]")
	var r catalogRun
	r.register(fs)
	var id string
	fs.StringVar(&id, "product", "", "the product's ID or slug (or give it as the first argument)")
	if err := fs.parse(args); err != nil {
		return err
	}
	if id == "" {
		return usagef("a product ID or slug is required")
	}
	if err := r.connect(c); err != nil {
		return err
	}
	defer r.client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(ctx, r.sf.timeout)
	defer cancel()

	res, err := r.client.Public.Catalog.GetProductDetail(ctx, id, nil)
	if err != nil {
		return err // an unknown product is the API's 404, which names it
	}
	p := res.Product
	d := productDetail{productLine: productLine{
		ID: p.ID, Slug: p.Slug, Name: p.Name, Type: string(p.ProductType),
		Price: p.Pricing.SellingPrice, MRP: p.Pricing.ListingPrice, Currency: p.Pricing.Currency, InStock: p.StockAvailable,
	}}
	if p.ShortDescription != nil {
		d.Description = *p.ShortDescription
	}
	for _, cat := range p.Categories {
		d.Categories = append(d.Categories, cat.Name)
	}
	for _, v := range p.Variants {
		d.Variants = append(d.Variants, productLine{
			ID: v.ID, Slug: v.Slug, Name: v.Name, Price: v.Pricing.SellingPrice, MRP: v.Pricing.ListingPrice,
			Currency: v.Pricing.Currency, InStock: v.StockAvailable,
		})
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)\n  %s %s (MRP %s)", d.Name, d.Slug, d.Currency, d.Price.StringFixed(2), d.MRP.StringFixed(2))
	if d.Description != "" {
		fmt.Fprintf(&b, "\n  %s", d.Description)
	}
	if len(d.Categories) > 0 {
		fmt.Fprintf(&b, "\n  in: %s", strings.Join(d.Categories, ", "))
	}
	for _, v := range d.Variants {
		fmt.Fprintf(&b, "\n  variant %s", v.text())
	}
	r.out.emit(b.String(), d)
	return nil
}
