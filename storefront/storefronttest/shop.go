package storefronttest

import (
	"encoding/binary"
	"sync"
	"time"

	"github.com/commercengine-go/sdk/gen"
)

// shop is everything the server holds beyond its users and sessions: the
// store's configuration and customer groups, its catalog (categories,
// products, variants, sellers, reviews), countries with their states and postal codes, serviceability,
// and what shoppers send (analytics events, newsletter subscriptions). It
// has its own lock, never held together with Server.mu.
type shop struct {
	mu sync.RWMutex

	config       storeConfig
	groups       []*customerGroup
	defaultGroup string // the ID of the default customer group

	categories    map[string]*category // by ID
	categorySlugs map[string]*category
	categoryList  []*category // in creation order

	products     map[string]*product // by ID
	productSlugs map[string]*product
	productList  []*product // in creation order
	skuCodes     map[string]bool
	variants     map[string]*variant // by ID

	sellers    map[string]*seller
	sellerList []*seller

	countries   map[string]*country // by ISO code
	countryList []*country
	delivery    map[string]bool // postal codes the store delivers to
	pickup      map[string]bool // postal codes with a store to collect from

	events      []gen.AnalyticsEvent
	eventIDs    map[string]bool // messageId of every recorded event
	subscribers []string
	subscribed  map[string]bool // lower-case email → subscribed

	idSeq uint64 // makes IDs of things added at the same millisecond distinct
}

func newShop() *shop {
	sh := &shop{
		categories:    map[string]*category{},
		categorySlugs: map[string]*category{},
		products:      map[string]*product{},
		productSlugs:  map[string]*product{},
		skuCodes:      map[string]bool{},
		variants:      map[string]*variant{},
		sellers:       map[string]*seller{},
		countries:     map[string]*country{},
		delivery:      map[string]bool{},
		pickup:        map[string]bool{},
		eventIDs:      map[string]bool{},
		subscribed:    map[string]bool{},
	}
	seedShop(sh)
	return sh
}

// newIDLocked returns a new ULID for something added at now. Call it with
// sh.mu held for writing.
func (sh *shop) newIDLocked(now time.Time) string {
	sh.idSeq++
	return fixedULID(now, sh.idSeq)
}

// fixedULID is a ULID whose 80 "random" bits are derived from n: the
// seeded catalog's IDs are the same on every server, so tests and examples
// can name them.
func fixedULID(t time.Time, n uint64) string {
	var b [16]byte
	ms := uint64(max(t.UnixMilli(), 0)) & (1<<48 - 1)
	var ts [8]byte
	binary.BigEndian.PutUint64(ts[:], ms)
	copy(b[:6], ts[2:])
	h := splitmix64(n)
	binary.BigEndian.PutUint16(b[6:8], uint16(h>>48))
	binary.BigEndian.PutUint64(b[8:], splitmix64(h))
	hi, lo := binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])
	var out [26]byte
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = crockford[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out[:])
}

// storeScope checks that a request is for the server's own store: the
// catalog, configuration and countries belong to StoreID, and other store
// IDs have none (404).
func (s *Server) storeScope(rc *requestContext) *apiError {
	if rc.storeID != s.cfg.storeID {
		return errStoreNotFound
	}
	return nil
}

var errStoreNotFound = notFound("store not found")

// splitmix64 scrambles n (the SplitMix64 finaliser): distinct inputs give
// distinct, random-looking outputs.
func splitmix64(n uint64) uint64 {
	z := n + 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}
