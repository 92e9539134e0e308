// Package conformance checks what the live Storefront API answers against
// openapi.yaml: it drives the operations that are safe to run against a
// real store — an anonymous session, a token refresh, and, with a test
// account, a password login, a read of that user and a logout — through the
// SDK's client over api's validating transport in recording mode, and
// reports, for each exchange, the operation, the HTTP status and every
// difference between the exchange and the spec.
//
// Nothing it runs creates, changes or deletes data beyond the sessions of
// the store's own API key and test account.
//
// A run is skipped, not failed, when CE_STORE_ID or CE_API_KEY is not set:
// a CI job without credentials (a fork's pull request, say) passes without
// touching the network. With credentials, an API that cannot be reached is
// a failure, reported as such.
package conformance

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"

	"github.com/commercengine-go/sdk/api"
	"github.com/commercengine-go/sdk/storefront"
)

// The operations a run drives, in order: the session's, then the reads of
// the catalog, the store and the countries, then the test account's.
const (
	OpGetAnonymousToken  = "get-anonymous-token"
	OpRefreshToken       = "refresh-token"
	OpCheckStore         = "check-store"
	OpGetConfig          = "get-config"
	OpListCountries      = "list-countries"
	OpListCountryStates  = "list-country-states"
	OpListCategories     = "list-categories"
	OpListProducts       = "list-products"
	OpListSkus           = "list-skus"
	OpSearchProducts     = "search-products"
	OpGetProductDetail   = "get-product-detail"
	OpListProductVariant = "list-product-variants"
	OpListProductReviews = "list-product-reviews"
	OpLoginWithPassword  = "login-with-password"
	OpGetUserDetail      = "get-user-detail"
	OpLogout             = "logout"
)

// readOnly are the reads a run sends after the session starts: they change
// nothing in the store, so they are safe against a real one.
var readOnly = []string{OpCheckStore, OpGetConfig, OpListCountries, OpListCountryStates, OpListCategories,
	OpListProducts, OpListSkus, OpSearchProducts, OpGetProductDetail, OpListProductVariant, OpListProductReviews}

// Outcome is how one operation of a run went.
type Outcome string

// Outcomes of a Result.
const (
	OK      Outcome = "ok"      // the exchange conforms to openapi.yaml
	Differs Outcome = "differs" // the exchange departs from openapi.yaml: see Violations
	Failed  Outcome = "failed"  // no conforming answer to check: the API is unreachable, or the call failed
	Skipped Outcome = "skipped" // not run: see Reason
)

// Result is one exchange of a run, or one operation that was not run.
type Result struct {
	Operation string // operationId, e.g. "get-user-detail"
	Method    string
	Path      string // the spec's path template, e.g. /auth/user/{id}
	Status    int    // the HTTP status of the answer; 0 when there was none
	Outcome   Outcome
	// Violations are the differences between the exchange and openapi.yaml;
	// their messages never quote a value.
	Violations []api.Violation
	Error      string // why the call failed, without secrets; empty when it did not
	Reason     string // why the operation was skipped
}

// Report is the outcome of a run.
type Report struct {
	Skipped bool   // the whole run was skipped: see Reason
	Reason  string // why it was skipped
	Target  string // the base URL checked; it holds the store ID, no secret
	Spec    string // info.version of openapi.yaml
	SDK     string // storefront.Version
	Results []Result
}

// OK reports whether the run found nothing wrong: it was skipped for lack
// of credentials, or every operation it ran conforms (some may have been
// skipped for lack of a test account).
func (r *Report) OK() bool {
	for _, res := range r.Results {
		if res.Outcome == Differs || res.Outcome == Failed {
			return false
		}
	}
	return true
}

// Count returns how many results have the outcome o.
func (r *Report) Count(o Outcome) int {
	n := 0
	for _, res := range r.Results {
		if res.Outcome == o {
			n++
		}
	}
	return n
}

// Run checks the live API as cfg says and reports what it found. It
// returns an error only when cfg cannot make a client (a store ID that is
// not a single path segment, say); everything about the API itself, an
// unreachable host included, is in the Report. Without CE_STORE_ID or
// CE_API_KEY the Report is Skipped and nothing is sent.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	spec := api.Spec()
	r := &Report{SDK: storefront.Version}
	if spec.Info != nil {
		r.Spec = spec.Info.Version
	}
	if missing := cfg.Missing(); len(missing) > 0 {
		r.Skipped = true
		verb := " are not set"
		if len(missing) == 1 {
			verb = " is not set"
		}
		r.Reason = strings.Join(missing, " and ") + verb
		return r, nil
	}

	base := http.DefaultTransport.(*http.Transport).Clone()
	if cfg.dial != nil {
		base.DialContext = cfg.dial
	}
	defer base.CloseIdleConnections()
	rec := newRecorder(api.NewTransport(base, api.Record))

	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	opts := []storefront.Option{
		storefront.WithAPIKey(cfg.APIKey),
		storefront.WithHTTPClient(&http.Client{Transport: rec}),
		storefront.WithTimeout(timeout),
		// Each request once: the report shows what the API answered, and a
		// retried login could lock the test account.
		storefront.WithRetryPolicy(storefront.NoRetries),
		storefront.WithUserAgent("commercengine-conformance-live"),
	}
	if cfg.Environment != 0 {
		opts = append(opts, storefront.WithEnvironment(cfg.Environment))
	}
	if cfg.BaseURL != "" {
		opts = append(opts, storefront.WithBaseURL(cfg.BaseURL))
	}
	client, err := storefront.New(cfg.StoreID, opts...)
	if err != nil {
		return nil, fmt.Errorf("conformance: %w", err)
	}
	r.Target = client.BaseURL()

	run := &runner{report: r, rec: rec, cfg: cfg}
	sess := client.NewSession(storefront.NewMemoryStore())

	anonymous := run.step(ctx, OpGetAnonymousToken, func(ctx context.Context) error {
		_, err := sess.Auth.Anonymous(ctx)
		return err
	})
	if !anonymous {
		reason := "needs the anonymous session that get-anonymous-token failed to start"
		if run.unreachable {
			reason = "the API is unreachable"
		}
		run.skip(reason, append(append([]string{OpRefreshToken}, readOnly...), OpLoginWithPassword, OpGetUserDetail, OpLogout)...)
		return r, nil
	}
	run.step(ctx, OpRefreshToken, func(ctx context.Context) error {
		_, err := sess.Auth.RefreshToken(ctx)
		return err
	})
	run.reads(ctx, sess)
	if run.unreachable {
		run.skip("the API is unreachable", OpLoginWithPassword, OpGetUserDetail, OpLogout)
		return r, nil
	}

	if gap := cfg.testAccountGap(); gap != "" {
		run.skip(gap, OpLoginWithPassword, OpGetUserDetail, OpLogout)
		return r, nil
	}
	var login *storefront.AuthResult
	loggedIn := run.step(ctx, OpLoginWithPassword, func(ctx context.Context) error {
		p := storefront.LoginWithPasswordParams{Email: cfg.Email, Password: cfg.Password}
		if cfg.Email == "" {
			p = storefront.LoginWithPasswordParams{Phone: cfg.Phone, CountryCode: cfg.CountryCode, Password: cfg.Password}
		}
		var err error
		login, err = sess.Auth.LoginWithPassword(ctx, p)
		return err
	})
	if !loggedIn {
		reason := "needs the login that login-with-password failed"
		if run.unreachable {
			reason = "the API is unreachable"
		}
		run.skip(reason, OpGetUserDetail, OpLogout)
		return r, nil
	}
	run.step(ctx, OpGetUserDetail, func(ctx context.Context) error {
		id := ""
		if login != nil && login.User != nil {
			id = login.User.ID
		}
		if id == "" { // the answer lacked it (a difference already recorded): the token has it
			var err error
			if id, err = sess.UserID(ctx); err != nil {
				return err
			}
		}
		_, err := sess.Auth.GetUser(ctx, id)
		return err
	})
	run.step(ctx, OpLogout, func(ctx context.Context) error {
		_, err := sess.Auth.Logout(ctx)
		return err
	})
	return r, nil
}

// reads sends the read-only operations: the store, its configuration, the
// countries, the catalog's first page, a search and the first product's
// detail, variants and reviews.
func (r *runner) reads(ctx context.Context, sess *storefront.Session) {
	if r.unreachable {
		r.skip("the API is unreachable", readOnly...)
		return
	}
	r.step(ctx, OpCheckStore, func(ctx context.Context) error { return sess.Store.CheckStore(ctx) })
	r.step(ctx, OpGetConfig, func(ctx context.Context) error { _, err := sess.Store.GetConfig(ctx); return err })
	r.step(ctx, OpListCountries, func(ctx context.Context) error { _, err := sess.Common.ListCountries(ctx); return err })
	r.step(ctx, OpListCountryStates, func(ctx context.Context) error { _, err := sess.Common.ListCountryStates(ctx, "IN"); return err })
	r.step(ctx, OpListCategories, func(ctx context.Context) error { _, err := sess.Catalog.ListCategories(ctx, nil); return err })
	var productID string
	r.step(ctx, OpListProducts, func(ctx context.Context) error {
		res, err := sess.Catalog.ListProducts(ctx, &storefront.ListProductsParams{Limit: new(5)})
		if err == nil && len(res.Products) > 0 {
			productID = res.Products[0].ID
		}
		return err
	})
	r.step(ctx, OpListSkus, func(ctx context.Context) error {
		_, err := sess.Catalog.ListSkus(ctx, &storefront.ListSkusParams{Limit: new(5)})
		return err
	})
	r.step(ctx, OpSearchProducts, func(ctx context.Context) error {
		_, err := sess.Catalog.SearchProducts(ctx, nil, storefront.SearchProduct{Query: "a", Page: 1, Limit: 5})
		return err
	})
	if productID == "" {
		r.skip("the catalog has no product to read", OpGetProductDetail, OpListProductVariant, OpListProductReviews)
		return
	}
	r.step(ctx, OpGetProductDetail, func(ctx context.Context) error {
		_, err := sess.Catalog.GetProductDetail(ctx, productID, nil)
		return err
	})
	r.step(ctx, OpListProductVariant, func(ctx context.Context) error {
		_, err := sess.Catalog.ListProductVariants(ctx, productID, nil)
		return err
	})
	r.step(ctx, OpListProductReviews, func(ctx context.Context) error {
		_, err := sess.Catalog.ListProductReviews(ctx, productID, nil)
		return err
	})
}

// runner drives the steps of a run, one at a time.
type runner struct {
	report      *Report
	rec         *recorder
	cfg         Config
	unreachable bool // a request could not reach the API
}

// step runs call, which should send op, and adds a Result for each
// exchange it caused (a session may send others first, e.g. a refresh). It
// reports whether call succeeded.
func (r *runner) step(ctx context.Context, op string, call func(context.Context) error) bool {
	start := r.rec.len()
	err := call(ctx)
	exchanges := r.rec.since(start)

	var results []Result
	opSeen := false
	for _, ex := range exchanges {
		res := Result{
			Operation:  ex.op,
			Method:     ex.method,
			Path:       ex.path,
			Status:     ex.status,
			Violations: ex.violations,
			Outcome:    OK,
		}
		if res.Operation == "" {
			res.Operation = ex.method + " " + ex.path
		}
		if ex.err != nil {
			res.Outcome = Failed
			res.Error = r.describe(ex.err, true)
		}
		if len(ex.violations) > 0 {
			res.Outcome = Differs
		}
		opSeen = opSeen || ex.op == op
		results = append(results, res)
	}
	if err != nil {
		// Put the call's error on the exchange of op (the last one, if the
		// session sent several); without one, the call failed before
		// sending anything.
		i := len(results) - 1
		for i >= 0 && results[i].Operation != op {
			i--
		}
		if i < 0 {
			results = append(results, Result{Operation: op, Outcome: Failed})
			i = len(results) - 1
		}
		if results[i].Error == "" {
			results[i].Error = r.describe(err, false)
		}
		if results[i].Outcome == OK {
			results[i].Outcome = Failed
		}
	} else if !opSeen {
		results = append(results, Result{Operation: op, Outcome: Failed, Error: "the SDK sent no request for this operation"})
		err = errors.New("no request")
	}
	r.report.Results = append(r.report.Results, results...)
	return err == nil
}

// skip adds a skipped Result for each operation.
func (r *runner) skip(reason string, ops ...string) {
	for _, op := range ops {
		r.report.Results = append(r.report.Results, Result{Operation: op, Outcome: Skipped, Reason: reason})
	}
}

// describe turns an error into a report line without secrets. network says
// the error came from the transport: the request got no answer at all. The
// SDK keeps tokens, keys and passwords out of its errors; the known secrets
// are scrubbed again all the same, with the test account's identity.
func (r *runner) describe(err error, network bool) string {
	var msg string
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
		r.unreachable = true
		msg = "no answer in time: " + err.Error()
	case network:
		r.unreachable = true
		msg = "cannot reach the API: " + err.Error()
	default:
		msg = withoutBody(err).Error()
	}
	for _, secret := range []string{r.cfg.APIKey, r.cfg.Password, r.cfg.Email, r.cfg.Phone} {
		if len(secret) >= 3 {
			msg = strings.ReplaceAll(msg, secret, "[redacted]")
		}
	}
	return msg
}

// withoutBody drops the sample of the answer's body an SDK error may quote:
// it may hold the test account's personal data, and the differences are
// reported on their own.
func withoutBody(err error) error {
	var ae *storefront.APIError
	if errors.As(err, &ae) && ae.Body != "" {
		c := *ae
		c.Body = ""
		return &c
	}
	var me *storefront.MalformedResponseError
	if errors.As(err, &me) && me.Body != "" {
		c := *me
		c.Body = ""
		return &c
	}
	return err
}

// exchange is one request the client sent and what came of it.
type exchange struct {
	op, method, path string // path: the spec's template when the request was routed
	status           int
	err              error
	violations       []api.Violation
}

// recorder is an http.RoundTripper over an api.Transport that remembers
// each exchange with the violations the transport found in it. A run sends
// one request at a time, which makes that attribution exact.
type recorder struct {
	next   *api.Transport
	router *api.Validator

	mu        sync.Mutex
	exchanges []exchange
}

func newRecorder(next *api.Transport) *recorder {
	return &recorder{next: next, router: api.NewValidator()}
}

// RoundTrip implements http.RoundTripper.
func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	ex := exchange{method: req.Method, path: req.URL.Path}
	if route, err := r.router.FindRoute(req); err == nil {
		ex.op, ex.path = route.OperationID, route.Path
	}
	before := len(r.next.Violations())
	resp, err := r.next.RoundTrip(req)
	ex.violations = r.next.Violations()[before:]
	ex.err = err
	if resp != nil {
		ex.status = resp.StatusCode
	}
	r.mu.Lock()
	r.exchanges = append(r.exchanges, ex)
	r.mu.Unlock()
	return resp, err
}

// CloseIdleConnections lets the client close the transport's connections.
func (r *recorder) CloseIdleConnections() { r.next.CloseIdleConnections() }

func (r *recorder) len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.exchanges)
}

func (r *recorder) since(i int) []exchange {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]exchange(nil), r.exchanges[i:]...)
}
