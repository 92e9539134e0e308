package storefronttest

import (
	"strings"
	"time"

	"github.com/commercengine-go/sdk/gen"
)

// Wishlists: the products (or variants) a shopper keeps for later, by
// user ID, anonymous visitors included; each SKU once, in the order added.

// wishEntry is one SKU on a wishlist.
type wishEntry struct {
	productID, variantID string
	added                time.Time
}

// wishlistLocked answers the wishlist operations for the user userID, who
// must be the caller (another user's wishlist is a 404). add and remove
// name a SKU (a product, ID or slug, 404 when unknown; its variant, ID or
// slug, required for a product with variants, 400 when missing, 404 when
// unknown). Adding a SKU twice keeps it once; removing one that is not
// there changes nothing. seller keeps one seller's products (404 for an
// unknown seller). Call it with c.mu held; it takes shop.mu.
func (s *Server) wishlistLocked(caller *TokenClaims, userID string, product string, variant *string, add, remove bool, seller *string, now time.Time) ([]gen.Item, *apiError) {
	if userID != caller.UserID {
		return nil, notFound("wishlist of " + userID + " not found")
	}
	c := s.commerce()
	sh := s.shop()
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	if add || remove {
		k, e := sh.resolveSKU(itemRequest{product: product, variant: variant})
		if e != nil {
			return nil, e
		}
		vid := ""
		if k.v != nil {
			vid = k.v.id
		}
		list := c.wishlists[userID]
		at := -1
		for i, w := range list {
			if w.productID == k.p.id && w.variantID == vid {
				at = i
			}
		}
		switch {
		case add && at < 0:
			c.wishlists[userID] = append(list, wishEntry{productID: k.p.id, variantID: vid, added: timestamp(now)})
		case remove && at >= 0:
			c.wishlists[userID] = append(list[:at:at], list[at+1:]...)
		}
	}
	if seller != nil && *seller != "" && sh.sellers[*seller] == nil {
		return nil, notFound("seller " + *seller + " not found")
	}
	v := &view{sh: sh, group: s.groupOfLockedNoShop(userID, sh), now: now}
	out := []gen.Item{}
	for _, w := range c.wishlists[userID] {
		p := sh.products[w.productID]
		if seller != nil && *seller != "" && !strings.EqualFold(p.sellerID, *seller) {
			continue
		}
		out = append(out, v.itemView(sku{p: p, v: sh.variants[w.variantID]}))
	}
	return out, nil
}
