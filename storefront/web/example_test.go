package web_test

import (
	"crypto/rand"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/redis/go-redis/v9"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/redisstore"
	"github.com/commercengine-go/sdk/storefront/redisstore/redistest"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
	"github.com/commercengine-go/sdk/storefront/web"
)

// whoami answers with the shopper's user ID; their first visit creates an
// anonymous session, which their cookie keeps.
func whoami(w http.ResponseWriter, r *http.Request) {
	claims, err := web.Session(r.Context()).EnsureClaims(r.Context())
	if err != nil {
		http.Error(w, "session unavailable", http.StatusBadGateway)
		return
	}
	fmt.Fprint(w, claims.UserID)
}

// visit sends GET / to h with cookies, and returns the body and the
// cookies the browser holds afterwards.
func visit(h http.Handler, cookies []*http.Cookie) (string, []*http.Cookie) {
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	for _, c := range cookies {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if got := rec.Result().Cookies(); len(got) > 0 {
		cookies = got
	}
	return rec.Body.String(), cookies
}

// Sessions in an encrypted cookie: the token pair travels with the
// shopper's browser, sealed with AES-GCM, and the server keeps nothing.
func ExampleNewCookieSessions() {
	srv := storefronttest.NewServer()
	defer srv.Close()
	client, err := storefront.New(srv.StoreID(),
		storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()))
	if err != nil {
		log.Fatal(err)
	}

	key := make([]byte, 32) // secret; to rotate, put a new key first
	if _, err := rand.Read(key); err != nil {
		log.Fatal(err)
	}
	sessions, err := web.NewCookieSessions(web.CookieConfig{Keys: [][]byte{key}})
	if err != nil {
		log.Fatal(err)
	}
	// GET / answers with the shopper's user ID; the first visit creates an
	// anonymous session, which the cookie keeps.
	handler := web.NewMiddleware(client, sessions).Handler(http.HandlerFunc(
		func(w http.ResponseWriter, r *http.Request) {
			claims, err := web.Session(r.Context()).EnsureClaims(r.Context())
			if err != nil {
				http.Error(w, "session unavailable", http.StatusBadGateway)
				return
			}
			fmt.Fprint(w, claims.UserID)
		}))

	visit := func(cookies []*http.Cookie) (string, []*http.Cookie) {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		for _, c := range cookies {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		if got := rec.Result().Cookies(); len(got) > 0 {
			cookies = got
		}
		return rec.Body.String(), cookies
	}
	asha1, ashaCookies := visit(nil)
	ravi, _ := visit(nil)
	asha2, _ := visit(ashaCookies)
	fmt.Println("a shopper keeps their identity:", asha1 == asha2)
	fmt.Println("shoppers are kept apart:", asha1 != ravi)
	fmt.Println("anonymous sessions created:", srv.Calls(storefronttest.OpGetAnonymousToken))
	c := ashaCookies[0]
	fmt.Println("cookie:", c.Name, "HttpOnly", c.HttpOnly, "Secure", c.Secure, "Lax", c.SameSite == http.SameSiteLaxMode)
	// Output:
	// a shopper keeps their identity: true
	// shoppers are kept apart: true
	// anonymous sessions created: 2
	// cookie: ce_session HttpOnly true Secure true Lax true
}

// Server-side sessions: the cookie carries an opaque random ID, and the
// pair stays on the server, here in this process's memory.
func ExampleNewServerSessions() {
	srv := storefronttest.NewServer()
	defer srv.Close()
	client, err := storefront.New(srv.StoreID(),
		storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()))
	if err != nil {
		log.Fatal(err)
	}

	tokens := web.NewMemoryTokens(0)
	sessions, err := web.NewServerSessions(web.ServerConfig{Tokens: tokens.Store})
	if err != nil {
		log.Fatal(err)
	}
	handler := web.NewMiddleware(client, sessions).Handler(http.HandlerFunc(whoami))

	asha1, cookies := visit(handler, nil)
	asha2, _ := visit(handler, cookies)
	fmt.Println("a shopper keeps their identity:", asha1 == asha2)
	fmt.Println("the cookie holds an ID of", len(cookies[0].Value), "characters")
	fmt.Println("sessions kept:", tokens.Len())
	// Output:
	// a shopper keeps their identity: true
	// the cookie holds an ID of 43 characters
	// sessions kept: 1
}

// Several replicas: server-side sessions in Redis. The cookie holds an
// opaque ID; the replicas share each shopper's pair and refresh it once
// between them (a Redis lock, and the new pair remembered for a grace
// window under a hash of the spent refresh token). A redis-server started
// for the example stands in for yours.
func ExampleNewServerSessions_redis() {
	dir, _ := os.MkdirTemp("", "example-redis-")
	defer os.RemoveAll(dir)
	redisServer, err := redistest.StartServer(dir) // your Redis instead
	if err != nil {
		log.Fatal(err)
	}
	defer redisServer.Stop()
	srv := storefronttest.NewServer()
	defer srv.Close()

	rdb := redis.NewClient(&redis.Options{Addr: redisServer.Addr()})
	defer rdb.Close()
	backend := redisstore.New(rdb)
	sessions, err := web.NewServerSessions(web.ServerConfig{Tokens: backend.TokenStore})
	if err != nil {
		log.Fatal(err)
	}
	profile := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		claims, err := web.Session(r.Context()).EnsureClaims(r.Context())
		if err != nil {
			http.Error(w, "session unavailable", http.StatusBadGateway)
			return
		}
		fmt.Fprint(w, claims.UserID)
	})
	replica := func() http.Handler { // each replica runs its own client
		client, err := storefront.New(srv.StoreID(),
			storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()))
		if err != nil {
			log.Fatal(err)
		}
		return web.NewMiddleware(client, sessions).Handler(profile)
	}
	a, b := replica(), replica()

	first := httptest.NewRecorder()
	a.ServeHTTP(first, httptest.NewRequest(http.MethodGet, "/", nil))
	cookie := first.Result().Cookies()[0]
	second := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.AddCookie(cookie)
	b.ServeHTTP(second, req)
	fmt.Println("the cookie holds an ID of", len(cookie.Value), "characters")
	fmt.Println("the other replica knows the shopper:", first.Body.String() == second.Body.String())
	// Output:
	// the cookie holds an ID of 43 characters
	// the other replica knows the shopper: true
}

// A login moves a server-side session to a new ID: an ID planted in the
// shopper's browser before they logged in is worth nothing afterwards.
func ExampleServerSessions_login() {
	srv := storefronttest.NewServer()
	defer srv.Close()
	_, _ = srv.CreateUser(storefronttest.UserParams{Email: "asha@example.com", Password: "correct-horse"})
	client, err := storefront.New(srv.StoreID(),
		storefront.WithAPIKey(srv.APIKey()), storefront.WithBaseURL(srv.BaseURL()))
	if err != nil {
		log.Fatal(err)
	}
	tokens := web.NewMemoryTokens(0)
	sessions, err := web.NewServerSessions(web.ServerConfig{Tokens: tokens.Store})
	if err != nil {
		log.Fatal(err)
	}
	login := web.NewMiddleware(client, sessions).Handler(http.HandlerFunc(
		func(w http.ResponseWriter, r *http.Request) {
			_, err := web.Session(r.Context()).Auth.LoginWithPassword(r.Context(),
				storefront.LoginWithPasswordParams{Email: "asha@example.com", Password: "correct-horse"})
			if err != nil {
				http.Error(w, "login failed", http.StatusUnauthorized)
			}
		}))
	home := web.NewMiddleware(client, sessions).Handler(http.HandlerFunc(whoami))

	_, before := visit(home, nil) // an anonymous visit: the browser gets an ID
	_, after := visit(login, before)
	fmt.Println("the login's response carries a new ID:", after[0].Value != before[0].Value)
	asha, _ := visit(home, after)
	other, _ := visit(home, before) // the old ID, from wherever it was copied
	fmt.Println("the old ID does not reach the login:", other != asha)
	fmt.Println("sessions kept:", tokens.Len())
	// Output:
	// the login's response carries a new ID: true
	// the old ID does not reach the login: true
	// sessions kept: 2
}
