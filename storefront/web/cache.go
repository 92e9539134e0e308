package web

import (
	"net/http"
	"strings"
)

// Caching of the responses that set the session cookie.
//
// A response that sets the cookie carries the shopper's session (in cookie
// mode, their sealed token pair): a shared cache (a CDN, a proxy) that
// stored it would hand it to other shoppers. So whenever the middleware
// writes Set-Cookie, the response is made private: the handler's
// Cache-Control keeps its other directives, loses "public" and
// "s-maxage", and gains "private" (a response without one gets "private,
// no-cache"); the headers only shared caches read (CDN-Cache-Control,
// Surrogate-Control …) are removed. A response that no-store already
// keeps out of every cache is left alone. A browser's own cache may keep a
// private response, but never sets a cookie from it.
//
// Every response of a request that used its session varies on Cookie,
// with or without Set-Cookie: what it shows may depend on the shopper.

// sharedCacheHeaders are read by shared caches only, and would let them
// store a response whatever its Cache-Control says.
var sharedCacheHeaders = []string{"CDN-Cache-Control", "Cloudflare-CDN-Cache-Control", "Surrogate-Control", "Fastly-Surrogate-Control"}

// varyOnCookie adds Cookie to h's Vary, unless it is there or Vary is *.
func varyOnCookie(h http.Header) {
	for _, v := range h.Values("Vary") {
		for _, f := range strings.Split(v, ",") {
			f = strings.TrimSpace(f)
			if f == "*" || strings.EqualFold(f, "Cookie") {
				return
			}
		}
	}
	h.Add("Vary", "Cookie")
}

// keepFromSharedCaches makes h's response private (see above). It returns
// the handler's caching headers as they were and whether it changed them
// from something a shared cache could store.
func keepFromSharedCaches(h http.Header) (was string, changed bool) {
	values := h.Values("Cache-Control")
	was = strings.Join(values, ", ")
	var kept []string
	private, noStore, shared := false, false, false
	for _, d := range cacheDirectives(was) {
		name, _, qualified := strings.Cut(d, "=")
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "public", "s-maxage", "proxy-revalidate":
			shared = true
			continue
		case "private":
			if qualified { // private="Set-Cookie" lets shared caches store the rest
				shared = true
				continue
			}
			private = true
		case "no-store":
			noStore = true
		}
		kept = append(kept, d)
	}
	for _, name := range sharedCacheHeaders {
		if v := h.Values(name); len(v) > 0 {
			was += "; " + name + ": " + strings.Join(v, ", ")
			h.Del(name)
			shared = true
		}
	}
	switch {
	case noStore && !shared:
		return was, false
	case noStore || private:
	case len(kept) == 0:
		kept = []string{"private", "no-cache"}
		shared = shared || len(values) > 0
	default:
		kept = append([]string{"private"}, kept...)
		shared = true // a handler's max-age without private is for shared caches too
	}
	h.Set("Cache-Control", strings.Join(kept, ", "))
	return was, shared
}

// cacheDirectives splits a Cache-Control value at its commas, except
// those inside quoted strings, and trims each directive.
func cacheDirectives(v string) []string {
	var out []string
	quoted, start := false, 0
	for i := 0; i <= len(v); i++ {
		if i < len(v) {
			switch v[i] {
			case '"':
				quoted = !quoted
				continue
			case '\\':
				if quoted {
					i++
				}
				continue
			case ',':
				if quoted {
					continue
				}
			default:
				continue
			}
		}
		if d := strings.TrimSpace(v[start:i]); d != "" {
			out = append(out, d)
		}
		start = i + 1
	}
	return out
}
