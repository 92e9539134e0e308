package storefronttest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// Saved cards and UPI IDs are what the payment gateway (Juspay, in the
// store's configuration) keeps for a customer; the fake has no checkout
// that saves them, so tests add them with AddCard and AddSavedVPA. A
// card's number is kept only masked, as the gateway lists it: the first
// four and last four digits (4111-XXXXXXXX-1111). list-customer-cards
// lists the cards; list-saved-payment-methods lists cards and UPI IDs,
// only the kinds its payment_methods parameter names (card, upi_collect,
// wallet; several separated by commas; another is a 400). The fake keeps
// no wallets.

// savedCard is a card the gateway keeps for a customer.
type savedCard struct {
	masked, isin, brand, kind     string // kind: CREDIT or DEBIT
	issuer, name, nickname        string
	expMonth, expYear             int
	token, reference, fingerprint string
	addedAt                       time.Time
}

// savedVPA is a UPI ID the customer paid with.
type savedVPA struct {
	vpa      string
	count    int
	lastUsed time.Time
}

// CardInput is a card for AddCard.
type CardInput struct {
	CardNumber string // required: 12 to 19 digits (spaces and dashes allowed) passing the Luhn check; kept only masked
	ExpMonth   int    // required: 1 to 12
	ExpYear    int    // required: four digits
	NameOnCard string // required
	Nickname   string
	Type       string // "CREDIT" (default) or "DEBIT"
	Issuer     string // the issuing bank; default "HDFC Bank"
}

// AddCard saves a card for the user userID, as the payment gateway would
// after a payment, and returns its card_reference. The card expires at the
// end of its expiry month, by the server's clock.
func (s *Server) AddCard(userID string, in CardInput) (string, error) {
	if err := s.checkUser(userID); err != nil {
		return "", err
	}
	digits := strings.NewReplacer(" ", "", "-", "").Replace(in.CardNumber)
	switch {
	case len(digits) < 12 || len(digits) > 19 || strings.Trim(digits, "0123456789") != "" || !luhnValid(digits):
		return "", errors.New("storefronttest: AddCard: the number is not a card number")
	case in.ExpMonth < 1 || in.ExpMonth > 12 || in.ExpYear < 1000 || in.ExpYear > 9999:
		return "", errors.New("storefronttest: AddCard: the expiry month or year is invalid")
	case strings.TrimSpace(in.NameOnCard) == "":
		return "", errors.New("storefronttest: AddCard: the name on the card is required")
	}
	kind := strings.ToUpper(in.Type)
	switch kind {
	case "":
		kind = "CREDIT"
	case "CREDIT", "DEBIT":
	default:
		return "", errors.New("storefronttest: AddCard: the type is CREDIT or DEBIT")
	}
	issuer := in.Issuer
	if issuer == "" {
		issuer = "HDFC Bank"
	}
	sum := sha256.Sum256([]byte("card|" + digits))
	c := &savedCard{
		masked: digits[:4] + "-" + strings.Repeat("X", len(digits)-8) + "-" + digits[len(digits)-4:],
		isin:   digits[:6], brand: cardNetwork(digits), kind: kind, issuer: issuer,
		name: strings.TrimSpace(in.NameOnCard), nickname: in.Nickname, expMonth: in.ExpMonth, expYear: in.ExpYear,
		fingerprint: hex.EncodeToString(sum[:12]),
	}
	var ref string
	var err error
	s.accounts.with(userID, s.Now(), func(acc *account) {
		if slices.ContainsFunc(acc.cards, func(o *savedCard) bool { return o.fingerprint == c.fingerprint }) {
			err = errors.New("storefronttest: AddCard: the user has this card already")
			return
		}
		now := timestamp(s.Now())
		c.token, c.reference, c.addedAt = "ctkn_"+randomHex(12), "cref_"+randomHex(12), now
		acc.cards = append(acc.cards, c)
		ref = c.reference
	})
	return ref, err
}

// AddSavedVPA records that the user userID paid with the UPI ID vpa (such
// as "asha@okhdfc"), for list-saved-payment-methods. Each call counts one
// more use.
func (s *Server) AddSavedVPA(userID, vpa string) error {
	if err := s.checkUser(userID); err != nil {
		return err
	}
	if !savedVPAPattern.MatchString(vpa) {
		return errors.New("storefronttest: AddSavedVPA: not a UPI ID")
	}
	now := timestamp(s.Now())
	s.accounts.with(userID, now, func(acc *account) {
		for _, v := range acc.vpas {
			if strings.EqualFold(v.vpa, vpa) {
				v.count++
				v.lastUsed = now
				return
			}
		}
		acc.vpas = append(acc.vpas, &savedVPA{vpa: vpa, count: 1, lastUsed: now})
	})
	return nil
}

var savedVPAPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{2,256}@[A-Za-z]{2,64}$`)

// String describes the card with its number masked: it is personal data.
func (in CardInput) String() string {
	return fmt.Sprintf("CardInput{CardNumber:%s ExpMonth:%d ExpYear:%d NameOnCard:%s Nickname:%s Type:%s Issuer:%s}",
		maskCard(in.CardNumber), in.ExpMonth, in.ExpYear, in.NameOnCard, in.Nickname, in.Type, in.Issuer)
}

// GoString keeps %#v from printing the number.
func (in CardInput) GoString() string { return "storefronttest." + in.String() }

// Format keeps every fmt verb from printing the number.
func (in CardInput) Format(f fmt.State, verb rune) { formatRedacted(f, verb, in) }

// LogValue implements slog.LogValuer with the number masked.
func (in CardInput) LogValue() slog.Value {
	return slog.GroupValue(slog.String("card_number", maskCard(in.CardNumber)), slog.String("name_on_card", in.NameOnCard))
}

// maskCard keeps a card number's last four digits.
func maskCard(number string) string {
	if len(number) < 8 {
		return redacted(number)
	}
	return "XXXX" + number[len(number)-4:]
}

// luhnValid reports whether a string of digits passes the Luhn check.
func luhnValid(digits string) bool {
	sum := 0
	for i := range len(digits) {
		d := int(digits[len(digits)-1-i] - '0')
		if i%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// cardNetwork names a card's network by its first digits.
func cardNetwork(d string) string {
	switch {
	case d[0] == '4':
		return "VISA"
	case d[:2] >= "51" && d[:2] <= "55", d[:4] >= "2221" && d[:4] <= "2720":
		return "MASTERCARD"
	case d[:2] == "34" || d[:2] == "37":
		return "AMEX"
	case d[:2] == "60" || d[:2] == "65" || d[:2] == "81" || d[:2] == "82" || d[:3] == "508":
		return "RUPAY"
	case d[:2] == "36" || d[:2] == "38":
		return "DINERS"
	}
	return "UNKNOWN"
}

// expired reports whether the card has expired at now: after the last day
// of its expiry month.
func (c *savedCard) expired(now time.Time) bool {
	return !now.Before(time.Date(c.expYear, time.Month(c.expMonth)+1, 1, 0, 0, 0, 0, time.UTC))
}

func (c *savedCard) view(customerID string, now time.Time) gen.JuspayCardDetail {
	merchant := "nilgiri-goods"
	return gen.JuspayCardDetail{
		CardNumber: c.masked, CardIsin: c.isin, CardBrand: c.brand, CardType: c.kind, CardSubType: "CARD",
		CardSubTypeCategory: "consumer", ExtendedCardType: c.kind, CardIssuer: c.issuer, CardIssuerCountry: "INDIA",
		CountryCode: "IN", CardExpMonth: fmt.Sprintf("%02d", c.expMonth), CardExpYear: fmt.Sprint(c.expYear),
		NameOnCard: c.name, Nickname: c.nickname, CardToken: c.token, CardReference: c.reference,
		CardFingerprint: c.fingerprint, Expired: c.expired(now), Health: "ACTIVE", JuspayBankCode: "JP_" + strings.ToUpper(strings.Fields(c.issuer)[0]),
		MandateSupport: c.kind == "CREDIT", TokenizeSupport: true, Provider: "juspay", ProviderCategory: "network_token",
		VaultProvider: "JUSPAY",
		Metadata:      gen.JuspayCardMetadata{OriginCustomerID: &customerID, OriginMerchantID: &merchant},
	}
}

// customerCards lists the customer's saved cards, in the order they were
// saved.
func (s *Server) customerCards(userID, customerID string) ([]gen.JuspayCardDetail, *apiError) {
	out := []gen.JuspayCardDetail{}
	e := s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		for _, c := range acc.cards {
			out = append(out, c.view(customerID, now))
		}
		return nil
	})
	return out, e
}

// savedMethodKinds are the kinds list-saved-payment-methods filters by.
var savedMethodKinds = []string{"card", "upi_collect", "wallet"}

// savedPaymentMethods lists the customer's saved cards and UPI IDs, the
// kinds filter names (comma-separated; all when empty).
func (s *Server) savedPaymentMethods(userID string, filter *string) (gen.SavedPaymentMethod, *apiError) {
	want := map[string]bool{}
	if filter != nil && strings.TrimSpace(*filter) != "" {
		for _, k := range strings.Split(*filter, ",") {
			k = strings.ToLower(strings.TrimSpace(k))
			if !slices.Contains(savedMethodKinds, k) {
				return gen.SavedPaymentMethod{}, fieldError(CodeBadRequest, "payment_methods", "takes "+strings.Join(savedMethodKinds, ", ")+", separated by commas")
			}
			want[k] = true
		}
	} else {
		for _, k := range savedMethodKinds {
			want[k] = true
		}
	}
	// The answer's items are anonymous structs in gen: build them as JSON.
	type card struct {
		CardNumber       string          `json:"card_number"`
		CardIsin         string          `json:"card_isin"`
		CardBrand        string          `json:"card_brand"`
		CardType         string          `json:"card_type"`
		CardSubType      string          `json:"card_sub_type"`
		ExtendedCardType string          `json:"extended_card_type"`
		CardIssuer       string          `json:"card_issuer"`
		CountryCode      string          `json:"country_code"`
		CardExpMonth     string          `json:"card_exp_month"`
		CardExpYear      string          `json:"card_exp_year"`
		NameOnCard       string          `json:"name_on_card"`
		Nickname         string          `json:"nickname,omitempty"`
		CardToken        string          `json:"card_token"`
		CardReference    string          `json:"card_reference"`
		CardFingerprint  string          `json:"card_fingerprint"`
		Expired          bool            `json:"expired"`
		TokenizeSupport  bool            `json:"tokenize_support"`
		Provider         string          `json:"provider"`
		ProviderCategory string          `json:"provider_category"`
		VaultProvider    string          `json:"vault_provider"`
		Metadata         json.RawMessage `json:"metadata"`
	}
	type upi struct {
		Count    decimal.Decimal `json:"count"`
		LastUsed string          `json:"last_used"`
		VPA      string          `json:"vpa"`
	}
	var out struct {
		Card       *[]card   `json:"card,omitempty"`
		UpiCollect *[]upi    `json:"upi_collect,omitempty"`
		Wallet     *[]string `json:"wallet,omitempty"`
	}
	e := s.onAccount(userID, func(acc *account, now time.Time) *apiError {
		if want["card"] {
			cards := []card{}
			for _, c := range acc.cards {
				cards = append(cards, card{CardNumber: c.masked, CardIsin: c.isin, CardBrand: c.brand, CardType: c.kind,
					CardSubType: "CARD", ExtendedCardType: c.kind, CardIssuer: c.issuer, CountryCode: "IN",
					CardExpMonth: fmt.Sprintf("%02d", c.expMonth), CardExpYear: fmt.Sprint(c.expYear), NameOnCard: c.name,
					Nickname: c.nickname, CardToken: c.token, CardReference: c.reference, CardFingerprint: c.fingerprint,
					Expired: c.expired(now), TokenizeSupport: true, Provider: "juspay", ProviderCategory: "network_token",
					VaultProvider: "JUSPAY", Metadata: json.RawMessage(`{"origin_merchant_id":"nilgiri-goods"}`)})
			}
			out.Card = &cards
		}
		if want["upi_collect"] {
			vpas := []upi{}
			for _, v := range acc.vpas {
				vpas = append(vpas, upi{Count: decimal.NewFromInt(int64(v.count)), LastUsed: v.lastUsed.Format(time.RFC3339), VPA: v.vpa})
			}
			out.UpiCollect = &vpas
		}
		if want["wallet"] {
			out.Wallet = &[]string{}
		}
		return nil
	})
	if e != nil {
		return gen.SavedPaymentMethod{}, e
	}
	var m gen.SavedPaymentMethod
	data, err := json.Marshal(out)
	if err == nil {
		err = json.Unmarshal(data, &m)
	}
	if err != nil {
		return m, &apiError{status: 500, code: CodeInternal, message: "internal error"}
	}
	return m, nil
}
