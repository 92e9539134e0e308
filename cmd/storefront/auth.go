package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/internal/atomicfile"
	"github.com/commercengine-go/sdk/storefront"
)

const authUsage = `Usage: storefront auth <operation> [flags]

Operations (each takes --help):
  anonymous        start an anonymous session               (get-anonymous-token)
  register-phone   register with a phone number             (register-with-phone)
  login-password   log in with a phone or email and password (login-with-password)
  login-otp        send a login code by SMS, WhatsApp or email (login-with-phone/-whatsapp/-email)
  verify-otp       complete the login with the code          (verify-otp)
  refresh          refresh the access token                  (refresh-token)
  logout           log out                                   (logout)
  whoami           show the stored session, without a network call

The session is kept between runs in a file, by default
$XDG_CONFIG_HOME/commercengine/session.json (mode 0600); --session FILE picks another.
A session file holds one store's session: an operation for another store is
refused, and the file kept.
`

// authCmd is one "auth" operation: its flags and what it does.
type authCmd struct {
	synopsis string
	flags    func(fs *flag.FlagSet) func(ctx context.Context, a *authRun) error
}

// authRun is the state of one auth invocation.
type authRun struct {
	c       *cli
	o       common
	sess    *storefront.Session
	client  *storefront.Client
	session string // the session file
	out     printer
}

var authCmds = map[string]authCmd{
	"anonymous": {"auth anonymous [flags]", func(fs *flag.FlagSet) func(context.Context, *authRun) error {
		return func(ctx context.Context, a *authRun) error {
			_, err := a.sess.Auth.Anonymous(ctx)
			return a.report(ctx, "get-anonymous-token", err)
		}
	}},
	"register-phone": {"auth register-phone --phone N --first-name NAME [flags]", func(fs *flag.FlagSet) func(context.Context, *authRun) error {
		var p storefront.RegisterWithPhoneParams
		fs.StringVar(&p.Phone, "phone", "", "phone number without the country code (required)")
		fs.StringVar(&p.CountryCode, "country-code", "", `country code, e.g. "+91" (the API's default)`)
		fs.StringVar(&p.FirstName, "first-name", "", "first name (required)")
		fs.StringVar(&p.LastName, "last-name", "", "last name")
		fs.StringVar(&p.Email, "email", "", "email address")
		fs.BoolVar(&p.DebugMode, "debug", false, "send x-debug-mode: true")
		return func(ctx context.Context, a *authRun) error {
			_, err := a.sess.Auth.RegisterWithPhone(ctx, p)
			return a.report(ctx, "register-with-phone", err)
		}
	}},
	"login-password": {"auth login-password (--phone N | --email E) [--password P | --password-stdin]", func(fs *flag.FlagSet) func(context.Context, *authRun) error {
		var p storefront.LoginWithPasswordParams
		fs.StringVar(&p.Phone, "phone", "", "phone number without the country code")
		fs.StringVar(&p.CountryCode, "country-code", "", "country code, with --phone")
		fs.StringVar(&p.Email, "email", "", "email address")
		fs.StringVar(&p.Password, "password", "", "the password (visible to other users of this machine: prefer --password-stdin or CE_PASSWORD)")
		fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of stdin")
		return func(ctx context.Context, a *authRun) error {
			if *fromStdin {
				line, err := bufio.NewReader(a.c.stdin).ReadString('\n')
				if err != nil && line == "" {
					return usagef("--password-stdin: no password on stdin")
				}
				p.Password = strings.TrimRight(line, "\r\n")
			}
			if p.Password == "" {
				p.Password = a.c.getenv("CE_PASSWORD")
			}
			if p.Password == "" {
				return usagef("a password is required: --password-stdin, CE_PASSWORD or --password")
			}
			_, err := a.sess.Auth.LoginWithPassword(ctx, p)
			return a.report(ctx, "login-with-password", err)
		}
	}},
	"login-otp": {"auth login-otp (--phone N [--whatsapp] | --email E) [--register] [--debug]", func(fs *flag.FlagSet) func(context.Context, *authRun) error {
		phone := fs.String("phone", "", "phone number without the country code")
		cc := fs.String("country-code", "", "country code, with --phone")
		email := fs.String("email", "", "email address")
		whatsapp := fs.Bool("whatsapp", false, "send the code over WhatsApp instead of SMS")
		register := fs.Bool("register", false, "register the user if they do not exist")
		debug := fs.Bool("debug", false, "debug mode: the API returns the code, which verify-otp then uses by itself")
		return func(ctx context.Context, a *authRun) error {
			var ch *storefront.OTPChallenge
			var err error
			var op, to string
			switch {
			case *phone != "" && *email != "":
				return usagef("give --phone or --email, not both")
			case *email != "":
				op, to = "login-with-email", "email"
				ch, err = a.sess.Auth.LoginWithEmail(ctx, storefront.LoginWithEmailParams{Email: *email, RegisterIfNotExists: *register, DebugMode: *debug})
			case *phone != "":
				p := storefront.LoginWithPhoneParams{Phone: *phone, CountryCode: *cc, RegisterIfNotExists: *register, DebugMode: *debug}
				if *whatsapp {
					op, to = "login-with-whatsapp", "WhatsApp"
					ch, err = a.sess.Auth.LoginWithWhatsApp(ctx, p)
				} else {
					op, to = "login-with-phone", "SMS"
					ch, err = a.sess.Auth.LoginWithPhone(ctx, p)
				}
			default:
				return usagef("--phone or --email is required")
			}
			if err != nil {
				return a.fail(op, err)
			}
			if err := writeChallenge(a.challengeFile(), *ch); err != nil {
				return err
			}
			next := "run: storefront auth verify-otp --otp CODE"
			if ch.OTP != "" {
				next = "debug mode: run storefront auth verify-otp (the code was kept)"
			}
			a.out.emit(fmt.Sprintf("%s: ok  code sent by %s; %s", op, to, next),
				map[string]any{"operation": op, "ok": true, "otp_action": ch.Action, "sent_by": to, "debug_code_kept": ch.OTP != ""})
			return nil
		}
	}},
	"verify-otp": {"auth verify-otp [--otp CODE]", func(fs *flag.FlagSet) func(context.Context, *authRun) error {
		code := fs.String("otp", "", "the code the user received (default: the code kept by login-otp --debug)")
		return func(ctx context.Context, a *authRun) error {
			ch, err := readChallenge(a.challengeFile(), "storefront auth login-otp")
			if err != nil {
				return err
			}
			if *code == "" {
				*code = ch.OTP
			}
			if *code == "" {
				return usagef("--otp is required")
			}
			_, err = a.sess.Auth.VerifyOTP(ctx, ch, *code)
			if err == nil {
				_ = os.Remove(a.challengeFile())
			}
			return a.report(ctx, "verify-otp", err)
		}
	}},
	"refresh": {"auth refresh", func(fs *flag.FlagSet) func(context.Context, *authRun) error {
		return func(ctx context.Context, a *authRun) error {
			_, err := a.sess.Auth.RefreshToken(ctx)
			return a.report(ctx, "refresh-token", err)
		}
	}},
	"logout": {"auth logout", func(fs *flag.FlagSet) func(context.Context, *authRun) error {
		return func(ctx context.Context, a *authRun) error {
			_, err := a.sess.Auth.Logout(ctx)
			return a.report(ctx, "logout", err)
		}
	}},
}

func (c *cli) auth(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(c.stderr, authUsage)
		return usagef("an operation is required")
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" || args[0] == "help" {
		fmt.Fprint(c.stdout, authUsage)
		return flag.ErrHelp
	}
	name, rest := args[0], args[1:]
	if name == "whoami" {
		return inCommand("auth whoami", c.whoami(ctx, rest))
	}
	cmd, ok := authCmds[name]
	if !ok {
		return usagef("unknown operation %q", name)
	}
	return c.sessionCommand(ctx, "auth "+name, cmd, rest)
}

// sessionCommand runs a command on the session file (an auth, cart or
// orders operation; name is "auth refresh", "cart show" …) with its
// arguments.
func (c *cli) sessionCommand(ctx context.Context, name string, cmd authCmd, args []string) error {
	err := c.sessionOperation(ctx, name, cmd, args)
	if errors.Is(err, storefront.ErrNoAPIKey) {
		err = errNoAPIKey
	}
	return inCommand(name, err)
}

func (c *cli) sessionOperation(ctx context.Context, name string, cmd authCmd, args []string) error {
	var do func(context.Context, *authRun) error
	sc, err := c.openSession(ctx, name, cmd.synopsis, args, func(fs *flag.FlagSet) { do = cmd.flags(fs) })
	if err != nil {
		return err
	}
	defer sc.client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(ctx, sc.timeout)
	defer cancel()
	a := &authRun{c: c, o: sc.o, sess: sc.client.Session(), client: sc.client, session: sc.file, out: printer{c.stdout, sc.o.json}}
	return do(ctx, a)
}

// sessionFile is a client on the session file of a command that acts for
// that file's shopper.
type sessionFile struct {
	client  *storefront.Client
	o       common
	file    string        // the session file's path
	timeout time.Duration // for the whole command
}

// openSession parses the arguments of the command name (the common flags,
// the store flags, --session, and those flags adds) and returns a client
// whose token store is the session file, once the file is known to belong
// to the store given.
func (c *cli) openSession(ctx context.Context, name, synopsis string, args []string, flags func(*flag.FlagSet)) (*sessionFile, error) {
	fs := c.flagSet(name, synopsis+" [--session FILE] [store flags]")
	var o common
	o.register(fs.FlagSet)
	var sf storeFlags
	sf.register(fs.FlagSet, 30*time.Second)
	session := fs.String("session", defaultSessionFile(c.getenv), "the session file")
	flags(fs.FlagSet)
	if err := fs.parse(args); err != nil {
		return nil, err
	}
	if err := sf.fromEnv(c.getenv); err != nil {
		return nil, err
	}
	if sf.storeID == "" {
		return nil, usagef("--store-id (or CE_STORE_ID) is required")
	}
	store := storefront.NewFileStore(*session)
	if err := sameStore(ctx, store, sf.storeID); err != nil {
		return nil, err
	}
	opts, err := sf.options()
	if err != nil {
		return nil, err
	}
	opts = append(opts, storefront.WithTokenStore(store), storefront.WithLogger(c.logger(o)))
	client, err := storefront.New(sf.storeID, opts...)
	if err != nil {
		return nil, err
	}
	return &sessionFile{client: client, o: o, file: *session, timeout: sf.timeout}, nil
}

// sameStore refuses a session file that holds a session of another store:
// the operation would send that store's tokens to storeID, and a refresh
// the API refused would delete the session.
func sameStore(ctx context.Context, store *storefront.FileStore, storeID string) error {
	t, err := store.Load(ctx)
	if err != nil || t.IsZero() {
		return nil // the operation reports a file it cannot read
	}
	for _, tok := range []string{t.AccessToken, t.RefreshToken} {
		c, err := storefront.ParseClaims(tok)
		if err != nil || c.StoreID == "" {
			continue
		}
		if c.StoreID != storeID {
			return fmt.Errorf("the session in %s is for store %s, not %s: nothing was sent and the session is kept; "+
				"use --session with another file to keep a session per store, or remove %s to drop the session of %s",
				store.Path(), c.StoreID, storeID, store.Path(), c.StoreID)
		}
		return nil
	}
	return nil
}

// report prints the outcome of an operation that changed the session.
func (a *authRun) report(ctx context.Context, op string, err error) error {
	if err != nil {
		return a.fail(op, err)
	}
	info := a.c.peek(ctx, a.sess, a.client)
	a.out.emit(fmt.Sprintf("%s: ok  %s", op, info.text()), struct {
		Operation string `json:"operation"`
		OK        bool   `json:"ok"`
		sessionInfo
	}{op, true, info})
	return nil
}

// fail prints a failed operation (as JSON with --json) and returns err for
// the one line on stderr.
func (a *authRun) fail(op string, err error) error {
	if a.o.json {
		a.out.emit("", errorJSONOf(op, err))
		return &shownAsJSON{err}
	}
	return err
}

func (a *authRun) challengeFile() string {
	return strings.TrimSuffix(a.session, ".json") + ".otp.json"
}

// whoami decodes the stored access token; it never calls the API.
func (c *cli) whoami(ctx context.Context, args []string) error {
	fs := c.flagSet("auth whoami", "auth whoami [--session FILE]")
	var o common
	o.register(fs.FlagSet)
	session := fs.String("session", defaultSessionFile(c.getenv), "the session file")
	if err := fs.parse(args); err != nil {
		return err
	}
	store := storefront.NewFileStore(*session)
	t, err := store.Load(ctx)
	if err != nil {
		return err
	}
	if t.AccessToken == "" {
		return fmt.Errorf("no session in %s: run storefront auth anonymous or a login first", *session)
	}
	claims, err := storefront.ParseClaims(t.AccessToken)
	if err != nil {
		return fmt.Errorf("the session in %s: %w", *session, err)
	}
	info := infoOf(*claims, t, time.Now())
	text := "whoami: " + info.text()
	if claims.StoreID != "" {
		text += " store=" + claims.StoreID
	}
	printer{c.stdout, o.json}.emit(text, struct {
		sessionInfo
		StoreID string `json:"store_id,omitempty"`
		Email   string `json:"email,omitempty"`
		Phone   string `json:"phone,omitempty"`
		Session string `json:"session_file"`
	}{info, claims.StoreID, claims.Email, claims.Phone, *session})
	return nil
}

// challengeFileContent is a pending OTP challenge between login-otp and
// verify-otp. It holds the code only in debug mode; the file is 0600 and is
// replaced through a temporary file of an unpredictable name, never
// written through a link.
type challengeFileContent struct {
	Token  string `json:"otp_token"`
	Action string `json:"otp_action"`
	OTP    string `json:"otp,omitempty"`
}

func writeChallenge(path string, ch storefront.OTPChallenge) error {
	b, err := json.Marshal(challengeFileContent{Token: ch.Token, Action: string(ch.Action), OTP: ch.OTP})
	if err != nil {
		return err
	}
	if err := atomicfile.Write(path, b, 0o600); err != nil {
		return fmt.Errorf("keep the OTP challenge: %w", err)
	}
	return nil
}

// readChallenge reads the challenge a login kept in path; login is the
// command that starts one ("storefront auth login-otp").
func readChallenge(path, login string) (storefront.OTPChallenge, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return storefront.OTPChallenge{}, fmt.Errorf("no pending OTP login: run %s first", login)
	}
	if err != nil {
		return storefront.OTPChallenge{}, err
	}
	var c challengeFileContent
	if err := json.Unmarshal(b, &c); err != nil || c.Token == "" {
		return storefront.OTPChallenge{}, fmt.Errorf("%s is not a pending OTP login; run %s again", path, login)
	}
	return storefront.OTPChallenge{Token: c.Token, Action: storefront.OTPAction(c.Action), OTP: c.OTP}, nil
}
