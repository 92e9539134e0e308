package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/commercengine-go/sdk/storefront"
)

// common are the flags every command shares.
type common struct {
	json    bool
	verbose bool
}

func (o *common) register(fs *flag.FlagSet) {
	fs.BoolVar(&o.json, "json", false, "print machine-readable JSON")
	fs.BoolVar(&o.verbose, "verbose", false, "print the SDK's debug log on stderr (secrets redacted)")
}

// storeFlags say which store to talk to.
type storeFlags struct {
	storeID string
	apiKey  string
	env     string
	baseURL string
	timeout time.Duration
}

// register adds the store flags to fs. Their values from the environment
// are applied by fromEnv after parsing, not given as the flags' defaults:
// a default is printed by --help and with every flag error, and
// CE_API_KEY is a secret.
func (s *storeFlags) register(fs *flag.FlagSet, timeout time.Duration) {
	fs.StringVar(&s.storeID, "store-id", "", "store ID (env CE_STORE_ID)")
	fs.StringVar(&s.apiKey, "api-key", "", "the store's API key (env CE_API_KEY)")
	fs.StringVar(&s.env, "env", "", `environment: staging or production (env CE_ENV; default "staging")`)
	fs.StringVar(&s.baseURL, "base-url", "", "base URL, overriding --env, e.g. http://127.0.0.1:8080 (env CE_BASE_URL)")
	durationVar(fs, &s.timeout, "timeout", timeout, "give up after this long, e.g. 30s or 2m")
}

// durationValue is a flag.Value for a time.Duration whose error says what
// a duration looks like ("5" is not one: "5m" is).
type durationValue time.Duration

func durationVar(fs *flag.FlagSet, p *time.Duration, name string, def time.Duration, usage string) {
	*p = def
	fs.Var((*durationValue)(p), name, usage)
}

func (d *durationValue) Set(s string) error {
	v, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return fmt.Errorf("%q is not a duration: give a number with a unit, such as 5m, 90s or 1h30m", s)
	}
	*d = durationValue(v)
	return nil
}

func (d *durationValue) String() string { return time.Duration(*d).String() }

// fromEnv fills the store flags the command line left empty from the
// CE_… variables, then checks them all before anything is sent: an
// environment that is neither staging nor production, a base URL that is
// not an absolute http:// or https:// URL, or a timeout that is not
// positive is a usage error naming what is accepted.
func (s *storeFlags) fromEnv(getenv env) error {
	s.storeID = envOr(s.storeID, getenv("CE_STORE_ID"))
	s.apiKey = envOr(s.apiKey, getenv("CE_API_KEY"))
	s.env = envOr(envOr(s.env, getenv("CE_ENV")), "staging")
	s.baseURL = envOr(s.baseURL, getenv("CE_BASE_URL"))
	if _, err := parseEnv(s.env); err != nil {
		return err
	}
	if s.baseURL != "" {
		if err := checkBaseURL(s.baseURL); err != nil {
			return err
		}
	}
	if s.timeout <= 0 {
		return usagef("--timeout must be positive, such as 30s or 2m")
	}
	return nil
}

// parseEnv reads --env (or CE_ENV): staging or production, nothing else.
func parseEnv(v string) (storefront.Environment, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "staging":
		return storefront.Staging, nil
	case "production":
		return storefront.Production, nil
	}
	return 0, usagef("--env (or CE_ENV) must be staging or production, not %q", v)
}

// checkBaseURL accepts an absolute http:// or https:// URL with a host and
// no user info, query or fragment, and says so otherwise. The value is
// quoted only when it holds no user info (which could be a password).
func checkBaseURL(raw string) error {
	shown := fmt.Sprintf(" (got %q)", raw)
	if strings.Contains(raw, "@") {
		shown = ""
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return usagef("--base-url (or CE_BASE_URL) must start with http:// or https://, such as http://127.0.0.1:8080%s", shown)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return usagef("--base-url (or CE_BASE_URL) must have no user info, query or fragment: a base URL such as https://shop.example.com")
	}
	return nil
}

func envOr(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// configured reports whether a real store was given.
func (s *storeFlags) configured() bool { return s.storeID != "" || s.apiKey != "" || s.baseURL != "" }

// options turns the flags into client options.
func (s *storeFlags) options() ([]storefront.Option, error) {
	var opts []storefront.Option
	if s.apiKey != "" {
		opts = append(opts, storefront.WithAPIKey(s.apiKey))
	}
	if s.baseURL != "" {
		if err := checkBaseURL(s.baseURL); err != nil {
			return nil, err
		}
		opts = append(opts, storefront.WithBaseURL(strings.TrimSpace(s.baseURL)))
	} else {
		e, err := parseEnv(s.env)
		if err != nil {
			return nil, err
		}
		opts = append(opts, storefront.WithEnvironment(e))
	}
	return opts, nil
}

// logger is the SDK's debug log on stderr with --verbose, nothing otherwise.
func (c *cli) logger(o common) *slog.Logger {
	if !o.verbose {
		return slog.New(slog.DiscardHandler)
	}
	return slog.New(slog.NewTextHandler(c.stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// cmdFlags is a command's flag set and its synopsis.
type cmdFlags struct {
	*flag.FlagSet
	synopsis string
	c        *cli
}

// flagSet makes the flag set of the command name ("demo", "auth refresh").
// The flag package prints nothing itself: --help prints the usage on
// stdout, and a bad command line becomes one line on stderr (see parse).
func (c *cli) flagSet(name, synopsis string) *cmdFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &cmdFlags{FlagSet: fs, synopsis: synopsis, c: c}
}

// positionals names, per command, the flags its positional arguments set,
// in order: "cart add tea --quantity 2" is "cart add --product tea
// --quantity 2". The thing a command acts on is its first argument, and
// flags may come before or after it; the flag forms are kept for scripts.
var positionals = map[string][]string{
	"catalog show":     {"product"},
	"catalog search":   {"query"},
	"cart add":         {"product"},
	"cart remove":      {"product"},
	"cart coupon":      {"code"},
	"orders show":      {"order"},
	"orders cancel":    {"order"},
	"addresses edit":   {"id"},
	"addresses delete": {"id"},
}

// secretArguments are the commands whose positional arguments are secrets
// (a pairing code): their usage errors never quote them.
var secretArguments = map[string]bool{"pos pair": true}

// parse parses args: flags anywhere, and the command's positional
// arguments (see positionals) wherever they stand; everything after "--"
// is positional. --help prints the usage and returns flag.ErrHelp; a flag
// error, a stray argument or a positional argument that contradicts its
// flag is a usage error of the command.
func (fs *cmdFlags) parse(args []string) error {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.printUsage(fs.c.stdout)
				return err
			}
			return &usageError{cmd: fs.Name(), msg: err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
	names := positionals[fs.Name()]
	secret := secretArguments[fs.Name()]
	for i, v := range pos {
		if i >= len(names) {
			if secret {
				return &usageError{cmd: fs.Name(), msg: fmt.Sprintf("unexpected argument %d (not shown: this command takes a secret)", i+1)}
			}
			return &usageError{cmd: fs.Name(), msg: fmt.Sprintf("unexpected argument %q", v)}
		}
		f := fs.Lookup(names[i])
		set := false
		fs.Visit(func(fl *flag.Flag) { set = set || fl.Name == names[i] })
		if set && f.Value.String() != v {
			if secret {
				return &usageError{cmd: fs.Name(), msg: fmt.Sprintf("argument %d and --%s name different things: give one", i+1, names[i])}
			}
			return &usageError{cmd: fs.Name(), msg: fmt.Sprintf("%q and --%s %q name different things: give one", v, names[i], f.Value.String())}
		}
		if err := fs.Set(names[i], v); err != nil {
			return &usageError{cmd: fs.Name(), msg: err.Error()}
		}
	}
	return nil
}

// printUsage writes the synopsis and the flags, with their defaults.
func (fs *cmdFlags) printUsage(w io.Writer) {
	fmt.Fprintf(w, "Usage: storefront %s\n\n", fs.synopsis)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// defaultSessionFile is $XDG_CONFIG_HOME/commercengine/session.json
// (os.UserConfigDir's answer on each platform).
func defaultSessionFile(getenv env) string {
	if dir := getenv("XDG_CONFIG_HOME"); dir != "" {
		return filepath.Join(dir, "commercengine", "session.json")
	}
	if dir, err := os.UserConfigDir(); err == nil {
		return filepath.Join(dir, "commercengine", "session.json")
	}
	return "session.json"
}

// describe renders an error as one line: the API's code and message for an
// API error, the reason for the others. Errors from the SDK never hold
// secrets; this adds none.
func describe(err error) string {
	return oneLine(describeError(err))
}

// oneLine collapses every run of white space and control characters (a
// message from the server may hold newlines) into one space.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
}

func describeError(err error) string {
	var inCart *cartError
	if errors.As(err, &inCart) {
		return "cart " + inCart.cartID + ": " + describeError(inCart.err)
	}
	var apiErr *storefront.APIError
	switch {
	case errors.As(err, &apiErr):
		msg := fmt.Sprintf("%s: HTTP %d", apiErr.Operation, apiErr.StatusCode)
		if apiErr.Code != "" {
			msg += " " + apiErr.Code
		}
		if apiErr.Message != "" {
			msg += ": " + apiErr.Message
		}
		for _, field := range slices.Sorted(maps.Keys(apiErr.Fields)) {
			v := apiErr.Fields[field]
			if v != "" && strings.Contains(apiErr.Message, field) && strings.Contains(apiErr.Message, v) {
				continue // the message says it already
			}
			msg += fmt.Sprintf(" [%s: %s]", field, v)
		}
		if apiErr.Code == "" && apiErr.Body != "" {
			msg += " (not the API's JSON: " + apiErr.Body + ")"
		}
		if errors.Is(err, storefront.ErrSessionExpired) {
			msg = "session expired, log in again: " + msg
		}
		return msg
	case errors.Is(err, storefront.ErrNoAPIKey):
		return errNoAPIKey.msg
	case errors.Is(err, context.DeadlineExceeded):
		return "timed out: " + withoutPrefix(err.Error())
	}
	return withoutPrefix(err.Error())
}

// errNoAPIKey says how to give the key an operation needs.
var errNoAPIKey = &usageError{msg: "no API key: pass --api-key or set CE_API_KEY"}

// withoutPrefix drops the SDK's "storefront: " from a message, at its
// start and where the command wrapped an SDK error: the command prints its
// own.
func withoutPrefix(msg string) string {
	return strings.ReplaceAll(strings.TrimPrefix(msg, "storefront: "), ": storefront: ", ": ")
}

// printer writes one result per line: text for people, JSON with --json.
type printer struct {
	w    io.Writer
	json bool
}

// emit prints v as a JSON line with --json, or text otherwise.
func (p printer) emit(text string, v any) {
	if p.json {
		b, err := json.Marshal(v)
		if err != nil {
			b = []byte(fmt.Sprintf(`{"error":%q}`, err.Error()))
		}
		fmt.Fprintf(p.w, "%s\n", b)
		return
	}
	fmt.Fprintln(p.w, text)
}

// errorJSON is how a failure is reported with --json (on stdout, alongside
// the one line on stderr).
type errorJSON struct {
	OK        bool              `json:"ok"`
	Command   string            `json:"command,omitempty"` // for a usage error
	Usage     bool              `json:"usage_error,omitempty"`
	Step      string            `json:"step,omitempty"`
	Error     string            `json:"error"`
	Status    int               `json:"status,omitempty"`
	Code      string            `json:"code,omitempty"`
	Fields    map[string]string `json:"fields,omitempty"`
	RequestID string            `json:"request_id,omitempty"`
}

func errorJSONOf(step string, err error) errorJSON {
	e := errorJSON{Step: step, Error: describe(err)}
	var apiErr *storefront.APIError
	if errors.As(err, &apiErr) {
		e.Status, e.Code, e.Fields, e.RequestID = apiErr.StatusCode, apiErr.Code, apiErr.Fields, apiErr.RequestID
	}
	return e
}

// sessionInfo is what the commands say about a session: never a token.
type sessionInfo struct {
	UserID      string    `json:"user_id"`
	LoggedIn    bool      `json:"logged_in"`
	Anonymous   bool      `json:"anonymous"`
	CustomerID  string    `json:"customer_id,omitempty"`
	ExpiresAt   time.Time `json:"access_token_expires_at,omitzero"`
	ExpiresIn   string    `json:"access_token_expires_in,omitempty"`
	HasRefresh  bool      `json:"has_refresh_token"`
	Description string    `json:"-"`
}

func infoOf(c storefront.Claims, t storefront.Tokens, now time.Time) sessionInfo {
	info := sessionInfo{
		UserID: c.UserID, LoggedIn: c.IsLoggedIn, Anonymous: c.IsAnonymous, CustomerID: c.CustomerID,
		ExpiresAt: c.ExpiresAt, HasRefresh: t.RefreshToken != "",
	}
	if !c.ExpiresAt.IsZero() {
		if d := c.ExpiresAt.Sub(now); d > 0 {
			info.ExpiresIn = roundDuration(d).String()
		} else {
			info.ExpiresIn = "expired"
		}
	}
	return info
}

// text renders info for people.
func (i sessionInfo) text() string {
	exp := "no expiry"
	if !i.ExpiresAt.IsZero() {
		exp = "expires " + i.ExpiresAt.Local().Format("15:04:05") + " (" + i.ExpiresIn + ")"
	}
	return fmt.Sprintf("user=%s logged_in=%-5t %s", orDash(i.UserID), i.LoggedIn, exp)
}

// roundDuration keeps a duration readable: seconds under a minute, minutes
// above.
func roundDuration(d time.Duration) time.Duration {
	if d < time.Minute {
		return d.Round(time.Second)
	}
	return d.Round(time.Minute)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func (c *cli) version(args []string) error {
	fs := c.flagSet("version", "version")
	var o common
	o.register(fs.FlagSet)
	if err := fs.parse(args); err != nil {
		return err
	}
	printer{c.stdout, o.json}.emit("storefront "+storefront.Version, map[string]string{"version": storefront.Version})
	return nil
}
