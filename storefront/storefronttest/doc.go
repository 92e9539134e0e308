// Package storefronttest is an in-memory, stateful fake of the Commerce
// Engine Storefront API — the Auth, Catalog, Store, Common, Analytics,
// Campaigns, Fulfillment, Carts, Payments, Wishlist, Orders, Customers and
// Subscriptions groups and point of sale's five (POS Auth, POS Devices,
// POS Catalog, POS Carts, POS Orders): every operation — for testing code
// that calls the API without a network, in the spirit of
// net/http/httptest.
//
//	srv := storefronttest.NewServer()
//	defer srv.Close()
//	// Point the client under test at srv.BaseURL() with srv.APIKey().
//
// The fake implements every operation of openapi.yaml with the generated
// strict server (gen.StrictServerInterface) behind the api package's
// validating middleware, so every request it accepts conforms to the spec
// and every answer is one the spec declares. Error answers are the API's
// envelope {"message", "success": false, "code", "errors"?}; the codes are
// the Code… constants.
//
// # Credentials
//
//   - Tokens are compact HS256 JWTs with the live API's claim names (see
//     TokenClaims) plus token_type, jti, sid and rot. Access tokens are checked on
//     every Bearer operation: signature, type, store, expiry, session and
//     user. A token only works under the store_id it was issued for; users
//     are shared by every store_id.
//   - POST /auth/anonymous needs the server's API key. A previous access
//     token sent as Bearer, even expired, keeps the visitor's id if this
//     server signed it; any other Bearer token is ignored.
//   - The operations the spec lets a back end call with the API key alone
//     (the catalog's eleven reads outside the marketplace, check-store,
//     get-config and the three country operations) take the X-Api-Key
//     alone or a Bearer access token; any credential sent must be valid
//     (401 otherwise). Every other operation needs the Bearer access token.
//
// # Sessions and users
//
//   - A visitor who registers keeps their id: the anonymous id becomes the
//     user's id (unless it is a user's id already, as after a logout). The
//     anonymous_id claim always carries the visitor's id.
//   - Refresh tokens rotate: each one works once. Logout and change-password
//     end the session, refusing its access and refresh tokens.
//   - One-time passwords are six digits, returned in the answer only with
//     x-debug-mode: true; otherwise read them with LastOTP or OTP, as a user
//     reads their messages.
//
// # The seeded shop
//
// Every server starts with the same shop, Nilgiri Goods (seed.go): twenty
// nested categories with slugs; 28 products of the store's own — physical
// goods with variants (sizes, weights, colours), digital goods and bundles —
// with SKUs, images, attributes of every type, stock in lots, promotions of
// the four kinds, subscription plans, cross-sell and up-sell lists and
// reviews with ratings and tags; three marketplace sellers (Seeded…
// constants) with eight products and reviews of their own; three customer
// groups (SeededGroupRetail, the default, SeededGroupWholesale and
// SeededGroupStaff) with their prices; the store's configuration (brand,
// INR, KYC documents, analytics and payment providers, policies); India
// with its states, union territories, GST codes and 350 postal codes of
// twelve cities, the United States, the United Kingdom and the United Arab
// Emirates. Its IDs are fixed, so they are the same on every server.
//
// The catalog, configuration and countries belong to StoreID: under another
// store ID these operations answer 404 (or their 400 where they declare no
// 404), while Auth answers for any store ID.
//
// # Catalog behaviour
//
//   - The store's own catalog is its products without a seller; the
//     marketplace operations serve the sellers' products, each with its
//     seller. A product of the other catalog is a 404. Products and
//     variants are found by ID or slug.
//   - Prices include GST. With x-customer-group-id a shopper sees their
//     group's price, else the default group's, else the highest price the
//     SKU has; the list price is the MRP.
//   - Lists take page (from 1) and limit (1 to MaxPageLimit, default
//     DefaultPageLimit); anything else is a 400. A page beyond the last is
//     empty: total_records and total_pages still count everything,
//     next_page is null and previous_page is the page before the one asked
//     for. Categories, variants and a seller's reviews come in one piece.
//   - sort_by is a JSON object of fields and "asc" or "desc", applied in
//     order; an unknown field or a malformed value is a 400 naming sort_by.
//     Without it lists are newest first, suggestions in the merchant's
//     order, reviews newest first.
//   - category_id and category_slug take in the categories' descendants;
//     several categories are a union; an unknown one is a 404. product_type
//     takes one type or several separated by commas (400 for an unknown
//     one); seller_id names a known seller (404 otherwise); sku picks SKUs
//     by code, without regard to case. inventory=true adds the stock lots.
//   - list-categories lists the top level or a parent's children, down to
//     nested_level levels, flat, each category with its children and the
//     count of products in and below it; with search, every category below
//     the parent whose name or slug contains the keyword.
//     list-marketplace-categories lists the same tree, counting the
//     marketplace's products.
//   - search-products matches the query's first ten words, each the start
//     of a word of a SKU's name, SKU, tags, categories, descriptions or
//     attribute values, ranked by where they match (names first); filter
//     takes the documented expressions (=, !=, >, >=, <, <=, TO, IN, NOT IN,
//     EXISTS, NOT EXISTS, IS [NOT] NULL, IS [NOT] EMPTY, AND, OR, NOT,
//     parentheses; or arrays of them) on the documented attributes plus
//     attributes.<key>; a syntax error or another attribute is a 400 naming
//     filter. facets count values over every match ("*" for all), with the
//     minimum and maximum of numbers.
//   - cross-sell and up-sell follow the merchant's lists of the given
//     products; similar ranks products sharing categories and tags, the
//     closest in price first. Each suggests a product once, as its default
//     SKU, never one of those given; without product_id nothing.
//   - Reviews are published once approved. create-product-review needs a
//     logged-in shopper (401 login_required), the product (404), a rating
//     from 1 to 5, their own user_id, and an order of theirs, not
//     cancelled, that holds the product (400 not_purchased): an order placed
//     with create-order, or one AddOrder registers. One review per product
//     and order (400 already_exists). New reviews wait for ApproveReviews.
//     Reviewers' addresses are masked.
//   - check-fulfillment checks items, or the items of one of the caller's
//     carts (404 for another's; without a delivery_pincode, collection at
//     the cart's shipping address): digital goods always pass; others need
//     stock or backorders and a postal code the store delivers to, or has a
//     store to collect from, per SetServiceable and the seed.
//   - Analytics events must name the caller as userId and are recorded once
//     per messageId (AnalyticsEvents); newsletter subscriptions are
//     recorded once per address (NewsletterSubscribers).
//
// # Customers
//
// The Customers group serves the logged-in customer's account; the
// Subscriptions group their subscriptions. Each file of the group
// documents its decisions; in short:
//
//   - customer_id (id for authorized sellers) must be the customer_id of
//     the caller's access token: another ID is a 404 not_found, whether or
//     not that customer exists (the 400 of the three operations that
//     declare no 404: create-address, create-bank-account,
//     get-customer-authorized-sellers); an anonymous visitor is a 401
//     login_required. Another store ID is a 404, as for the catalog.
//   - Addresses are checked against the Common group's countries, states
//     and pincodes (a known pincode must lie in the address's state); the
//     first address is the default billing and shipping address, and the
//     roles move with is_default_billing and is_default_shipping. Carts
//     name saved addresses by ID.
//   - Bank accounts are outbound (IFSC and number checked by format,
//     unverified until verify-bank-account gives the penny-drop amount,
//     PennyDropAmount, within MaxPennyDropAttempts) or inbound (a payment
//     provider's virtual account, verified).
//   - Cards and UPI IDs are the gateway's, added by tests (AddCard,
//     AddSavedVPA); card numbers are listed masked, 4111-XXXXXXXX-1111.
//   - The credit line is the store's (SetCreditLine); mandates need one.
//     A mandate is created, then active once the customer authorised it at
//     the gateway (AuthorizeMandate) and get-customer-mandate synced it
//     (sync=true); pause only from active, resume only from paused, revoke
//     from either (final); anything else is a 400 invalid_transition. Its
//     debits are monthly, from its activation, on the server's clock.
//   - KYC documents are of the store's document types, with a scan where
//     the type requires one; GSTINs and PANs are checked by format, check
//     character, state code and kind of holder (approved or rejected at
//     once), other types wait for ReviewDocument. An approved document is
//     replaced, not deleted. Numbers never reach the fake's log.
//   - Loyalty reads the accounts' balance and ledger, which carts and
//     orders write and SetLoyaltyPoints sets; tiers follow the points
//     earned (LoyaltyTiers).
//   - The customer's reviews come from the catalog's (create-product-review)
//     and orders (AddOrder, until the orders group keeps orders);
//     authorized sellers are every seller of the marketplace.
//   - Subscriptions follow a product's subscription plan or a custom
//     schedule; billing and delivery dates, pauses (until a date) and the
//     end of the subscription follow the server's clock.
//
// # Carts
//
// A shopper (an anonymous visitor or a user) has one cart; create-cart
// with a cart already there sets the items in it. update-cart sets an
// item's quantity (0 removes it): a whole number up to MaxCartQuantity,
// within the SKU's minimum, step and maximum order quantities, and within
// its stock unless it takes backorders (digital goods have no stock; a
// bundle needs its items) — 400 invalid_quantity or insufficient_stock.
// Carts expire CartLifetime after their last change (server clock).
//
// Every answer prices the cart afresh from the catalog, for the owner's
// customer group (SetCustomerGroup): prices include GST; the products'
// running promotions (percentage, fixed amount, fixed price, volume slabs,
// buy X get Y); one coupon (seeded Coupon… codes or AddCoupon: percentage
// with a cap, fixed amount, free delivery; minimum order total, categories,
// customer group, start and expiry on the server clock, redemption limits
// in all and per customer, counted by placed orders; a coupon that stops
// applying is dropped from the cart); handling charges; delivery; loyalty
// points (LoyaltyPointRupees each) and store credit, redeemed by a
// logged-in shopper within their balances (accounts) and the amount
// payable. Amounts are decimal.Decimal, rounded to paise half up where
// computed, per line then totals: cart_pricing.go gives every rule.
//
// When a visitor logs in to an existing account, their cart becomes the
// account's on the next cart operation (the token's anonymous_id names the
// visitor); if the account had a cart, the two merge into the visitor's:
// its items and choices win, the older cart adds what it lacks and is
// deleted. A visitor who registers keeps their ID, and so their cart.
//
// Fulfillment: one shipment per seller, delivered by ShippingProvider's
// CourierStandard or CourierExpress to the postal codes the store serves
// (free from FreeShippingThreshold or with FREESHIP), or collected at a
// pickup location (Pickup…) near the shipping address, or part of each.
// A cart is ready for payment with items in stock, a billing address and,
// for physical goods, a shipping address and a fulfillment choice.
//
// # Checkout, payments and orders
//
// create-order needs a logged-in shopper and a cart ready for payment; it
// takes the stock, the redeemed points and credit (the loyalty ledger
// records them) and the coupon's redemption, deletes the cart, and starts
// the payment of what is left: the test cards (TestCardSuccess,
// TestCardDeclined, TestCardOTP with TestPaymentOTP), net banking and saved
// cards settle at once; UPI, the payment page, bank transfers and NACH
// stay pending until CompletePayment or cancel-payment-request. A paid
// order is confirmed and earns a loyalty point per full LoyaltyEarnEvery
// rupees; a failed payment can be retried. ShipOrder and DeliverOrder move
// an order on; cancel-order cancels one that has not shipped, returning
// stock, points and credit and refunding what was paid; returns open for
// ReturnWindow after delivery, take attachments until ReceiveReturn
// completes them with a refund (or a replacement order); refunds settle
// after RefundSettleAfter. The payments group's look-ups are small tables:
// card BINs, IFSC codes, UPI handles; generate-hash is an HMAC with
// PaymentHashKey. Wishlists keep each SKU once.
//
// Left out: taxes other than GST inside prices (no inter-state split), gift
// cards as payment, subscriptions' orders, partial shipments and partial
// payments, cancellation charges, coupons of the other kinds
// (free goods, buy X get Y, volume and accelerated rewards), a real payment
// gateway (no redirect is followed), and the store's approval of returns
// (ReceiveReturn approves and completes at once).
//
// # Point of sale
//
// The seed's point of sale (pos.go) is the store's three retail stores —
// the pickup locations PickupMGRoad, PickupIndiranagar and PickupFort —
// and a distribution center, LocationHosurWarehouse, where nobody logs in.
// Its staff: SeededStaffMeera (Meera Iyer, 9000000101,
// meera.iyer@nilgirigoods.example), store manager at MG Road and
// Indiranagar; SeededStaffArjun (Arjun Nair, 9000000102), cashier at MG
// Road; SeededStaffFarah (Farah Khan, 9000000103), cashier at Fort. Its
// terminals: SeededDeviceMGRoad1 and SeededDeviceIndiranagar1, paired;
// SeededDeviceMGRoad2 and SeededDeviceFort1, which the pairing codes
// SeededPairingCodeMGRoad2 and SeededPairingCodeFort1 pair.
//
//   - Staff are not storefront users. pair-pos-device, the three staff
//     logins and verify-pos-login-otp take the X-Api-Key; a login at a
//     location the store does not have, or a distribution center, is a
//     400; a phone number or email address that is not an active staff
//     member's with a role there is a 401, whatever is wrong. The
//     one-time password works as the storefront's (x-debug-mode, LastOTP,
//     OTP, WithOTPTTL, WithOTPMaxAttempts), but only with
//     verify-pos-login-otp, and storefront ones never there.
//   - A staff session is a session like the storefront's: its refresh
//     token works once (refresh-pos-access-token: 400 invalid_token for
//     what is not a JWT, 401 for everything else that is refused);
//     logout-from-pos-device ends it at once and releases the device its
//     staff member holds (unless it is taking a payment). Its tokens carry
//     location_id and a channel of type "pos" (TokenClaims.POS): they work
//     on the /pos operations only, and a shopper's token is refused there
//     (401). Deactivating the staff member (SetPOSStaffActive) refuses their
//     sessions' tokens and refreshes.
//   - A staff session works at its location: the devices, POS carts and
//     POS orders of another location are 404s like unknown ones. A paired
//     device is held by one staff member at a time, and a staff member
//     holds one device at a time (400 device_claimed otherwise); an
//     offline device (SetPOSDeviceOffline) cannot be claimed or take a
//     payment; a device taking a payment is busy and cannot be released.
//     get-pos-user answers for any staff member of the store.
//   - The POS catalog is the storefront's (its filters, sorting and
//     errors), for a staff session.
//   - POS carts are carts priced by the storefront's engine: any number
//     per staff member, none a shopper's. update-pos-cart-customer links
//     a customer — by customer ID, else phone number, else email address,
//     registering a new one with the names given — whose customer group,
//     loyalty points, credit, coupon redemptions and saved addresses the
//     cart then uses, and whose POS cart pos-get-user-cart then finds.
//     Until the cart chooses another fulfillment, its goods are taken over
//     the counter: collected at the counter's store (preference_type
//     auto), no address needed; without a shipping address, fulfillment
//     options and collection are those of the counter's postal code, and
//     delivery needs the address. Points and credit need a linked
//     customer (400 customer_required).
//   - create-pos-order needs a customer and a cart ready for payment, and
//     makes the customer's order (their list-orders shows it), taking the
//     stock, points, credit and coupon as create-order does. CASH is paid
//     at once; UPI and CARD are taken by the device named, else the one the
//     staff member holds, and stay pending until CompletePayment reports
//     the terminal's outcome. An order taken over the counter is complete
//     once paid; one delivered or collected elsewhere goes on as an
//     online order. pos-get-payment-status answers for the orders of the
//     caller's location.
//
// Tests add stores, staff and terminals with AddPOSLocation (a retail
// store is a pickup location too), AddPOSStaff and AddPOSDevice (which
// returns the pairing code of an unpaired device); IssuePOSTokens skips
// the login; POSDeviceHolder reads who holds a device.
//
// Left out of the point of sale: a terminal's own view (nothing shows the
// payment on a device: CompletePayment plays it), retrying a failed POS
// payment (the storefront's retry-order-payment is the customer's), cash
// change and split payments, refunds at the counter, shifts and cash
// drawers, roles' permissions (every role may do everything), and
// pairing codes that expire.
//
// # Test data
//
// Tests add their own data with AddCategory, AddProduct, AddSeller,
// AddSellerReview, AddReview, AddCustomerGroup, SetPrice, SetStock,
// SetKYCEnabled, AddCountry, SetServiceable, AddCoupon, SetCustomerGroup,
// AddOrder, CreateUser, SetLoyaltyPoints, SetCreditBalance, SetCreditLine,
// AddCard and AddSavedVPA, each taking small input types of this package
// and failing on invalid input; move orders on with CompletePayment,
// ShipOrder, DeliverOrder and ReceiveReturn; and act as the gateway or the
// store's staff with PennyDropAmount, AuthorizeMandate and ReviewDocument.
//
// Clock, call counts and fault injection let tests reach the paths that
// are hard to reach against a real server: Advance, Calls, InjectFault
// (keyed by operation ID, the Op… constants).
//
// Each operation's handler or logic documents its decisions where the API's
// documentation is silent.
//
// # Memory
//
// Anonymous visitors are not stored: their identity lives in their tokens.
// A session gets a small record only once it is refreshed or ended, and the
// record is dropped once every token of the session would have expired; OTPs
// are dropped when used or some time after they expire. Both sweeps are lazy
// and follow the server's clock. Stats reports the counts. The seeded shop
// is built once per server; analytics events and reviews grow with what
// tests send.
package storefronttest
