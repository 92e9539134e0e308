package storefronttest

import (
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/gen"
)

// DefaultCountryCode is the country code of a phone number given without
// one, as in the live API.
const DefaultCountryCode = "+91"

// pbkdf2Iterations keeps password hashing a real, salted key derivation
// (no password is kept in the clear, and none is compared in variable
// time) while cheap enough for test suites that log in thousands of
// times under the race detector: the fake holds test accounts in memory,
// so the work factor a real store needs against offline guessing buys
// nothing here. 4096 iterations were 9% of this package's test CPU.
const pbkdf2Iterations = 128

// user is a registered user. Fields holding pointers are never changed in
// place: an update stores a new pointer, so a snapshot taken under the lock
// stays valid after it is released.
type user struct {
	id, customerID                             string
	firstName, lastName, email, phone, country *string
	emailVerified, phoneVerified               bool
	salt, hash                                 []byte // empty when the user has no password
	imageURL                                   *string
	imageVersion                               int
	prefs                                      gen.NotificationPreferences
	createdAt, modifiedAt                      time.Time
	inactive                                   bool // deactivated: cannot log in, tokens refused
	deleted                                    bool // a tombstone: the ID is never reused
}

func (u *user) usable() bool { return !u.deleted && !u.inactive }

func (u *user) hasPassword() bool { return len(u.hash) > 0 }

// defaultPreferences are the notification preferences of a new user:
// transactional messages on every channel, nothing promotional.
var defaultPreferences = gen.NotificationPreferences{
	Transactional: gen.NotificationChannelPreferences{Email: true, SMS: true, Whatsapp: true},
}

// loginMethods derives the ways u can log in from what it has.
func (u *user) loginMethods() []gen.UserLoginMethods {
	m := make([]gen.UserLoginMethods, 0, 4)
	if u.email != nil {
		m = append(m, gen.UserLoginMethodsEmail)
	}
	if u.phone != nil {
		m = append(m, gen.UserLoginMethodsPhone, gen.UserLoginMethodsWhatsapp)
	}
	if u.hasPassword() {
		m = append(m, gen.UserLoginMethodsPassword)
	}
	return m
}

// view renders u as the API's User, logged in or not. Call it with s.mu
// held.
func (u *user) view(loggedIn bool) gen.User {
	customerID := u.customerID
	return gen.User{
		ID:                      u.id,
		FirstName:               u.firstName,
		LastName:                u.lastName,
		Email:                   u.email,
		IsEmailVerified:         u.emailVerified,
		Phone:                   u.phone,
		CountryCode:             u.country,
		IsPhoneVerified:         u.phoneVerified,
		ProfileImageURL:         u.imageURL,
		IsLoggedIn:              loggedIn,
		LoginMethods:            u.loginMethods(),
		NotificationPreferences: u.prefs,
		CreatedAt:               timestamp(u.createdAt),
		ModifiedAt:              timestamp(u.modifiedAt),
		CustomerID:              &customerID,
	}
}

// anonymousView renders a visitor without an account as the API's User.
func anonymousView(id string, now time.Time) gen.User {
	created := visitorCreated(id, now)
	return gen.User{
		ID:                      id,
		IsAnonymous:             true,
		LoginMethods:            []gen.UserLoginMethods{},
		NotificationPreferences: defaultPreferences,
		CreatedAt:               created,
		ModifiedAt:              created,
	}
}

// visitorCreated is when an anonymous visitor was created: the time in its
// ULID, since visitors are not stored.
func visitorCreated(id string, now time.Time) time.Time {
	if t, ok := ulidTime(id); ok {
		return timestamp(t)
	}
	return timestamp(now)
}

// timestamp is how the server writes times: UTC, whole seconds.
func timestamp(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }

// UserParams describes a user for CreateUser. Phone or Email (or both) is
// required.
type UserParams struct {
	ID            string // default: a new ULID
	FirstName     string
	LastName      string
	Email         string
	Phone         string // the 10-digit national number
	CountryCode   string // default DefaultCountryCode
	Password      string // optional; without one the user logs in by OTP only
	EmailVerified bool
	PhoneVerified bool
}

// UserInfo identifies a user CreateUser made.
type UserInfo struct {
	ID         string
	CustomerID string
}

// CreateUser registers a user directly, as if they had signed up, so that a
// test can log in as them. It fails when the parameters are invalid or the
// ID, phone number or email address is taken.
func (s *Server) CreateUser(p UserParams) (UserInfo, error) {
	if p.Phone == "" && p.Email == "" {
		return UserInfo{}, errors.New("storefronttest: CreateUser: a phone number or an email address is required")
	}
	now := s.Now()
	id := p.ID
	if id == "" {
		id = newULID(now)
	}
	u := &user{id: id, customerID: newULID(now), prefs: defaultPreferences, createdAt: now, modifiedAt: now,
		firstName: optional(p.FirstName), lastName: optional(p.LastName),
		emailVerified: p.EmailVerified && p.Email != "", phoneVerified: p.PhoneVerified && p.Phone != ""}
	if p.Phone != "" {
		cc := p.CountryCode
		if cc == "" {
			cc = DefaultCountryCode
		}
		if e := checkPhone("phone", p.Phone); e != nil {
			return UserInfo{}, fmt.Errorf("storefronttest: CreateUser: %s", e.message)
		}
		if !countryCodePattern.MatchString(cc) {
			return UserInfo{}, errors.New("storefronttest: CreateUser: country_code must be + and 1 to 4 digits")
		}
		u.phone, u.country = &p.Phone, &cc
	}
	if p.Email != "" {
		email := normalizeEmail(p.Email)
		if e := checkEmail("email", email); e != nil {
			return UserInfo{}, fmt.Errorf("storefronttest: CreateUser: %s", e.message)
		}
		u.email = &email
	}
	if p.Password != "" {
		u.salt, u.hash = hashPassword(p.Password)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, taken := s.users[id]; taken {
		return UserInfo{}, errors.New("storefronttest: CreateUser: the ID is taken")
	}
	if e := s.addUserLocked(u); e != nil {
		return UserInfo{}, fmt.Errorf("storefronttest: CreateUser: %s", e.message)
	}
	return UserInfo{ID: u.id, CustomerID: u.customerID}, nil
}

// User returns the registered user with the given ID as the API renders it
// (IsLoggedIn and IsAnonymous false), or false when there is none or it was
// deleted. gen.User is storefront.User (an alias), so a test compares it
// with what the SDK returned directly.
func (s *Server) User(id string) (gen.User, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	u := s.users[id]
	if u == nil || u.deleted {
		return gen.User{}, false
	}
	return u.view(false), true
}

// IssueTokens mints a logged-in access/refresh token pair for a registered
// user, for StoreID, as a successful login would: a test can skip the login
// flow. It fails for an unknown, deleted or deactivated user.
func (s *Server) IssueTokens(userID string) (access, refresh string, err error) {
	s.mu.RLock()
	u := s.users[userID]
	if u == nil || !u.usable() {
		s.mu.RUnlock()
		return "", "", errors.New("storefronttest: IssueTokens: no such active user")
	}
	sub := subjectOf(u, u.id)
	s.mu.RUnlock()
	p := s.issue(s.cfg.storeID, sub, "", 0)
	return p.access, p.refresh, nil
}

// addUserLocked stores a new user, refusing a phone number or email address
// that belongs to another user. Call it with s.mu held for writing.
func (s *Server) addUserLocked(u *user) *apiError {
	if u.phone != nil {
		if _, taken := s.byPhone[phoneKey(*u.country, *u.phone)]; taken {
			return fieldError(CodeAlreadyExists, "phone", "a user with this phone number already exists")
		}
	}
	if u.email != nil {
		if _, taken := s.byEmail[*u.email]; taken {
			return fieldError(CodeAlreadyExists, "email", "a user with this email address already exists")
		}
	}
	s.users[u.id] = u
	if u.phone != nil {
		s.byPhone[phoneKey(*u.country, *u.phone)] = u.id
	}
	if u.email != nil {
		s.byEmail[*u.email] = u.id
	}
	return nil
}

// setPhoneLocked changes u's phone number, keeping the index right.
func (s *Server) setPhoneLocked(u *user, country, phone *string) {
	if u.phone != nil {
		delete(s.byPhone, phoneKey(*u.country, *u.phone))
	}
	u.phone, u.country = phone, country
	if phone != nil {
		s.byPhone[phoneKey(*country, *phone)] = u.id
	}
}

// setEmailLocked changes u's email address, keeping the index right.
func (s *Server) setEmailLocked(u *user, email *string) {
	if u.email != nil {
		delete(s.byEmail, *u.email)
	}
	u.email = email
	if email != nil {
		s.byEmail[*email] = u.id
	}
}

// removeUserLocked turns u into a tombstone: its phone and email are free
// again, its ID is never reused, and its tokens are refused.
func (s *Server) removeUserLocked(u *user) {
	s.setPhoneLocked(u, nil, nil)
	s.setEmailLocked(u, nil)
	*u = user{id: u.id, deleted: true}
}

// userByPhoneLocked returns the user with this phone number, or nil.
func (s *Server) userByPhoneLocked(country, phone string) *user {
	return s.users[s.byPhone[phoneKey(country, phone)]]
}

// userByEmailLocked returns the user with this email address, or nil.
func (s *Server) userByEmailLocked(email string) *user {
	return s.users[s.byEmail[normalizeEmail(email)]]
}

// newUserIDLocked picks the ID of a user registering from the session of
// visitor: the visitor's own ID, so that their identity carries over, unless
// that ID is already a user's (a logged-in or logged-out user registering
// another account), in which case a new one.
func (s *Server) newUserIDLocked(visitor string, now time.Time) string {
	if _, taken := s.users[visitor]; visitor == "" || taken {
		return newULID(now)
	}
	return visitor
}

func phoneKey(country, phone string) string { return country + phone }

func normalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

var (
	phonePattern       = regexp.MustCompile(`^[0-9]{10}$`)
	countryCodePattern = regexp.MustCompile(`^\+[0-9]{1,4}$`)
	// emailPattern is a little stricter than the spec's email format, so that
	// every address the server stores passes response validation.
	emailPattern = regexp.MustCompile(`^[^@\s"<>,]+@[^@<>",\s]+$`)
)

// checkPhone requires the live API's 10-digit national number.
func checkPhone(field, phone string) *apiError {
	if !phonePattern.MatchString(phone) {
		return fieldError(CodeBadRequest, field, "must be a 10-digit phone number without country code")
	}
	return nil
}

func checkEmail(field, email string) *apiError {
	if !emailPattern.MatchString(email) {
		return fieldError(CodeBadRequest, field, "must be an email address")
	}
	return nil
}

// countryOrDefault returns the country code given, or DefaultCountryCode.
func countryOrDefault(cc *string) string {
	if cc == nil || *cc == "" {
		return DefaultCountryCode
	}
	return *cc
}

// hashPassword derives a hash of password with a new salt.
func hashPassword(password string) (salt, hash []byte) {
	salt = make([]byte, 16)
	_, _ = rand.Read(salt)
	return salt, derive(password, salt)
}

// checkPassword compares password with a stored hash in constant time.
func checkPassword(password string, salt, hash []byte) bool {
	return len(hash) > 0 && subtle.ConstantTimeCompare(derive(password, salt), hash) == 1
}

// derive is PBKDF2-SHA256 of password and salt.
func derive(password string, salt []byte) []byte {
	key, err := pbkdf2.Key(sha256.New, password, salt, pbkdf2Iterations, 32)
	if err != nil { // FIPS 140-only mode refuses some inputs: fall back to salted SHA-256
		sum := sha256.Sum256(append(slices.Clone(salt), password...))
		return sum[:]
	}
	return key
}
