package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"time"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/storefronttest"
)

// demoStep is one line of the demo.
type demoStep struct {
	name string // what a person reads
	op   string // the API operations it calls
	run  func(ctx context.Context) (note string, err error)
}

// stepJSON is one step with --json.
type stepJSON struct {
	Step       int    `json:"step"`
	Name       string `json:"name"`
	Operation  string `json:"operation"`
	OK         bool   `json:"ok"`
	DurationMS int64  `json:"duration_ms"`
	Note       string `json:"note,omitempty"`
	sessionInfo
}

type summaryJSON struct {
	Summary struct {
		Target     string `json:"target"`
		Steps      int    `json:"steps"`
		Succeeded  int    `json:"succeeded"`
		DurationMS int64  `json:"duration_ms"`
	} `json:"summary"`
}

func (c *cli) demo(ctx context.Context, args []string) error {
	fs := c.flagSet("demo", "demo [flags]")
	var o common
	o.register(fs.FlagSet)
	fs.Lookup("json").Usage = "print one JSON object per line: one per step, then one with the summary"
	var sf storeFlags
	sf.register(fs.FlagSet, time.Minute)
	phone := fs.String("phone", "", "phone number to register (default: 9876543210 on the embedded server, a random number on a real store)")
	if err := fs.parse(args); err != nil {
		return err
	}
	if err := sf.fromEnv(c.getenv); err != nil {
		return err
	}

	storeID, target, embedded := sf.storeID, "", false
	opts := []storefront.Option{storefront.WithLogger(c.logger(o))}
	envGiven := false
	fs.Visit(func(f *flag.Flag) { envGiven = envGiven || f.Name == "env" })
	if !sf.configured() && envGiven {
		return usagef("--env picks the environment of a real store: give --store-id and --api-key too (without a store, the demo runs on an embedded fake server)")
	}
	if !sf.configured() {
		srv := storefronttest.NewServer()
		defer srv.Close()
		storeID = srv.StoreID()
		target, embedded = "embedded fake server at "+srv.URL(), true
		opts = append(opts, storefront.WithBaseURL(srv.BaseURL()), storefront.WithAPIKey(srv.APIKey()))
		if *phone == "" {
			*phone = "9876543210"
		}
	} else {
		if sf.storeID == "" || sf.apiKey == "" {
			return usagef("a real store needs both --store-id and --api-key (or CE_STORE_ID and CE_API_KEY)")
		}
		more, err := sf.options()
		if err != nil {
			return err
		}
		opts = append(opts, more...)
		if *phone == "" {
			*phone = randomPhone()
		}
	}
	client, err := storefront.New(storeID, opts...)
	if err != nil {
		return err
	}
	if target == "" {
		target = client.BaseURL()
	}
	defer client.CloseIdleConnections()

	ctx, cancel := context.WithTimeout(ctx, sf.timeout)
	defer cancel()
	sess := client.NewSession(storefront.NewMemoryStore())
	steps := demoStory(sess, *phone, embedded)

	out := printer{c.stdout, o.json}
	if !o.json {
		fmt.Fprintf(c.stdout, "storefront demo: %s (store %s)\n", target, storeID)
	}
	start := time.Now()
	succeeded := 0
	var failure error
	for i, st := range steps {
		t0 := time.Now()
		note, err := st.run(ctx)
		elapsed := time.Since(t0)
		if err != nil {
			failure = fmt.Errorf("step %d, %s: %w", i+1, st.name, err)
			out.emit(fmt.Sprintf("%2d. %-26s FAIL  %s", i+1, st.name, describe(err)), errorJSONOf(st.name, err))
			break
		}
		succeeded++
		info := c.peek(ctx, sess, client)
		line := fmt.Sprintf("%2d. %-26s ok    %s", i+1, st.name, info.text())
		if note != "" {
			line += "  " + note
		}
		out.emit(line, stepJSON{Step: i + 1, Name: st.name, Operation: st.op, OK: true, DurationMS: elapsed.Milliseconds(), Note: note, sessionInfo: info})
	}
	var sum summaryJSON
	sum.Summary.Target, sum.Summary.Steps, sum.Summary.Succeeded = target, len(steps), succeeded
	sum.Summary.DurationMS = time.Since(start).Milliseconds()
	out.emit(fmt.Sprintf("demo: %d/%d steps succeeded in %s", succeeded, len(steps), time.Since(start).Round(time.Millisecond)), sum)
	if failure != nil && o.json {
		return &shownAsJSON{failure} // its step's line said it
	}
	return failure
}

// peek describes the session from its access token, without a request.
func (c *cli) peek(ctx context.Context, sess *storefront.Session, client *storefront.Client) sessionInfo {
	claims, err := sess.Peek(ctx)
	if err != nil {
		return sessionInfo{}
	}
	t, _ := sess.Tokens(ctx)
	return infoOf(claims, t, time.Now())
}

// demoStory is a shopper's whole story: a visitor arrives, browses and
// searches the catalog and opens a product, registers, logs in by OTP, sets
// a password through forgot/reset, logs out, logs in with the password,
// refreshes, reads their profile and logs out. On the embedded
// fake server (shop true) the visitor also fills a cart and checks out:
// see shopSteps. A real store gets the auth story only: the demo never
// places an order there.
func demoStory(sess *storefront.Session, phone string, shop bool) []demoStep {
	steps := authStory(sess, phone)
	// After the visitor arrives: the catalog (reads, safe anywhere).
	out := append([]demoStep{steps[0]}, catalogSteps(sess)...)
	if !shop {
		return append(out, steps[1:]...)
	}
	s := shopSteps(sess)
	// Then the cart and its coupon; after the login with the password: the
	// cart, kept; after the profile: checkout.
	out = append(out, s.fill...)
	out = append(out, steps[1:7]...)
	out = append(out, s.kept)
	out = append(out, steps[7:9]...)
	out = append(out, s.checkout...)
	return append(out, steps[9:]...)
}

// catalogSteps browse the catalog as the visitor: its categories and a
// category's products with the iterator, a search, a product's detail.
func catalogSteps(sess *storefront.Session) []demoStep {
	var productID string
	return []demoStep{
		{"browse the catalog", "list-categories, list-products", func(ctx context.Context) (string, error) {
			cats, err := sess.Catalog.ListCategories(ctx, nil)
			if err != nil {
				return "", err
			}
			params := &storefront.ListProductsParams{Limit: new(10)}
			where := "the store"
			if len(cats.Categories) > 0 {
				params.CategoryID = &[]string{cats.Categories[0].ID}
				where = cats.Categories[0].Name
			}
			n := 0
			for p, err := range sess.Catalog.ListProductsAll(ctx, params) {
				if err != nil {
					return "", err
				}
				if productID == "" {
					productID = p.ID
				}
				n++
			}
			return fmt.Sprintf("%d categories; %d products in %s", len(cats.Categories), n, where), nil
		}},
		{"search the catalog", "search-products", func(ctx context.Context) (string, error) {
			res, err := sess.Catalog.SearchProducts(ctx, nil, storefront.SearchProduct{Query: "shirt", Page: 1, Limit: 10})
			if err != nil {
				return "", err
			}
			if productID == "" && len(res.Skus) > 0 {
				productID = res.Skus[0].ProductID
			}
			return fmt.Sprintf("%d results for %q", res.Pagination.TotalRecords, "shirt"), nil
		}},
		{"product detail", "get-product-detail", func(ctx context.Context) (string, error) {
			if productID == "" {
				return "the catalog is empty", nil
			}
			res, err := sess.Catalog.GetProductDetail(ctx, productID, nil)
			if err != nil {
				return "", err
			}
			p := res.Product
			return fmt.Sprintf("%s, %s %s, %d variants", p.Name, p.Pricing.Currency, p.Pricing.SellingPrice.StringFixed(2), len(p.Variants)), nil
		}},
	}
}

func authStory(sess *storefront.Session, phone string) []demoStep {
	auth := sess.Auth
	password := "demo-" + randomHex(8)
	var userID string
	var resetChallenge storefront.OTPChallenge // from forgot-password to reset-password
	return []demoStep{
		{"anonymous visitor", "get-anonymous-token", func(ctx context.Context) (string, error) {
			_, err := auth.Anonymous(ctx)
			return "", err
		}},
		{"register with phone", "register-with-phone", func(ctx context.Context) (string, error) {
			res, err := auth.RegisterWithPhone(ctx, storefront.RegisterWithPhoneParams{Phone: phone, FirstName: "Asha", LastName: "Rao"})
			if err != nil {
				return "", err
			}
			userID = res.User.ID
			return "phone " + phone, nil
		}},
		{"OTP login (debug mode)", "login-with-phone, verify-otp", func(ctx context.Context) (string, error) {
			ch, err := auth.LoginWithPhone(ctx, storefront.LoginWithPhoneParams{Phone: phone, DebugMode: true})
			if err != nil {
				return "", err
			}
			if ch.OTP == "" {
				return "", errNoDebugOTP
			}
			_, err = auth.VerifyOTP(ctx, *ch, ch.OTP)
			return "", err
		}},
		{"forgot password", "forgot-password", func(ctx context.Context) (string, error) {
			ch, err := auth.ForgotPassword(ctx, storefront.ForgotPasswordParams{Phone: phone, DebugMode: true})
			if err != nil {
				return "", err
			}
			if ch.OTP == "" {
				return "", errNoDebugOTP
			}
			resetChallenge = *ch
			return "code sent", nil
		}},
		{"reset password", "reset-password", func(ctx context.Context) (string, error) {
			_, err := auth.ResetPassword(ctx, storefront.ResetPasswordParams{
				Challenge: resetChallenge, OTP: resetChallenge.OTP, NewPassword: password, ConfirmPassword: password})
			return "", err
		}},
		{"logout", "logout", func(ctx context.Context) (string, error) {
			_, err := auth.Logout(ctx)
			return "", err
		}},
		{"login with password", "login-with-password", func(ctx context.Context) (string, error) {
			_, err := auth.LoginWithPassword(ctx, storefront.LoginWithPasswordParams{Phone: phone, Password: password})
			return "", err
		}},
		{"refresh", "refresh-token", func(ctx context.Context) (string, error) {
			_, err := auth.RefreshToken(ctx)
			return "", err
		}},
		{"profile read", "get-user-detail", func(ctx context.Context) (string, error) {
			u, err := auth.GetUser(ctx, userID)
			if err != nil {
				return "", err
			}
			return fmt.Sprintf("%s %s, %s %s, phone verified %t", deref(u.FirstName), deref(u.LastName), deref(u.CountryCode), deref(u.Phone), u.IsPhoneVerified), nil
		}},
		{"logout", "logout", func(ctx context.Context) (string, error) {
			_, err := auth.Logout(ctx)
			return "", err
		}},
	}
}

var errNoDebugOTP = errors.New("the API did not return the one-time password in debug mode (is debug mode enabled for this store?)")

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// randomPhone is a 10-digit number starting with 9, for a real store.
func randomPhone() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(1_000_000_000))
	return fmt.Sprintf("9%09d", n.Int64())
}

// deref reads an optional field of the API's answers, "" when absent.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
