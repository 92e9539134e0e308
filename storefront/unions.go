package storefront

import "time"

// The API's union bodies (oneOf and anyOf in openapi.yaml) are gen's union
// types: a value holds the JSON of one branch. The constructors in this
// file, payment_methods.go and fulfillment.go build each branch from typed
// Go values and set the fields that select it, so a body is never a JSON
// literal in a caller's code and never a branch other than the one named.
//
// A branch is encoded when it is built. Only a time outside the years
// 0–9999 cannot be encoded: the constructor then returns the zero union,
// which encodes as null, and the call fails before sending with
// ErrInvalidParam.

// oneOf builds a union U from its branch b with from, a generated From…
// method.
func oneOf[U, B any](from func(*U, B) error, b B) U {
	var u U
	if err := from(&u, b); err != nil {
		var zero U
		return zero
	}
	return u
}

// Search filters (search-products, search-marketplace-products).

// Filter keeps the products that match a filter expression, such as
// "pricing.selling_price < 700 AND tags = tea" (attribute = value, !=,
// <, <=, >, >=, a TO b, IN [a, b], EXISTS, IS NULL, IS EMPTY, NOT, AND,
// OR and parentheses).
func Filter(expression string) *SearchFilter {
	f := oneOf((*SearchFilter).FromSearchFilterExpression, expression)
	return &f
}

// FilterAll keeps the products that match every group of expressions; a
// group matches when one of its expressions does:
//
//	storefront.FilterAll([]string{"tags = tea"}, []string{"rating >= 4", "on_promotion = true"})
func FilterAll(groups ...[]string) *SearchFilter {
	conds := make(SearchFilterConditions, 0, len(groups))
	for _, g := range groups {
		var c SearchFilterCondition
		if len(g) == 1 {
			c = oneOf((*SearchFilterCondition).FromSearchFilterExpression, g[0])
		} else {
			alts := append(SearchFilterAlternatives{}, g...)
			c = oneOf((*SearchFilterCondition).FromSearchFilterAlternatives, alts)
		}
		conds = append(conds, c)
	}
	f := oneOf((*SearchFilter).FromSearchFilterConditions, conds)
	return &f
}

// Bank accounts of a customer (create-bank-account, update-bank-account).

// OutboundBankAccount is a bank account refunds are paid into: the
// holder's AccountName, AccountNumber, IfscCode and BankName. It sets
// AccountType.
func OutboundBankAccount(a CreateOutboundBankAccount) CreateBankAccount {
	a.AccountType = "outbound"
	return oneOf((*CreateBankAccount).FromCreateOutboundBankAccount, a)
}

// InboundBankAccount is a virtual account the customer pays into,
// opened with the payment provider ServiceProviderSlug names. It sets
// AccountType.
func InboundBankAccount(a CreateInboundBankAccount) CreateBankAccount {
	a.AccountType = "inbound"
	return oneOf((*CreateBankAccount).FromCreateInboundBankAccount, a)
}

// OutboundBankAccountChange changes an outbound account: the fields given
// (nil leaves a field as it is). It sets AccountType.
func OutboundBankAccountChange(a UpdateOutboundBankAccount) UpdateBankAccount {
	a.AccountType = "outbound"
	return oneOf((*UpdateBankAccount).FromUpdateOutboundBankAccount, a)
}

// InboundBankAccountChange changes an inbound account (whether it is the
// default). It sets AccountType.
func InboundBankAccountChange(a UpdateInboundBankAccount) UpdateBankAccount {
	a.AccountType = "inbound"
	return oneOf((*UpdateBankAccount).FromUpdateInboundBankAccount, a)
}

// Subscriptions (create-subscription, update-subscription).

// StandardSubscription subscribes to one of a product's plans
// (plan.PlanID: the ID of a ProductSubscription of the catalog) for the
// items given. It sets PlanType; set the behaviour (IsPrepaid …) on the
// result.
func StandardSubscription(plan CreateStandardSubscription, items ...SubscriptionItemInput) CreateSubscription {
	plan.PlanType = "standard"
	s := oneOf((*CreateSubscription).FromCreateStandardSubscription, plan)
	s.InvoiceItems = append([]SubscriptionItemInput{}, items...)
	return s
}

// CustomSubscription subscribes on a schedule of the shopper's own
// (billing and shipping frequency, interval and limit) for the items
// given. It sets PlanType; set the behaviour (IsPrepaid …) on the result.
func CustomSubscription(plan CreateCustomSubscription, items ...SubscriptionItemInput) CreateSubscription {
	plan.PlanType = "custom"
	s := oneOf((*CreateSubscription).FromCreateCustomSubscription, plan)
	s.InvoiceItems = append([]SubscriptionItemInput{}, items...)
	return s
}

// ChangeSubscription changes the schedule, behaviour or items of a
// subscription to a physical product (its shipping schedule too). It sets
// Command.
func ChangeSubscription(u UpdatePhysicalProductSubscription) UpdateSubscriptionBody {
	u.Command = "update"
	return oneOf((*UpdateSubscriptionBody).FromUpdatePhysicalProductSubscription, u)
}

// ChangeDigitalSubscription changes the schedule, behaviour or items of a
// subscription to a digital product. It sets Command.
func ChangeDigitalSubscription(u UpdateDigitalProductSubscription) UpdateSubscriptionBody {
	u.Command = "update"
	return oneOf((*UpdateSubscriptionBody).FromUpdateDigitalProductSubscription, u)
}

// PauseSubscriptionUntil pauses a subscription from now until end.
func PauseSubscriptionUntil(end time.Time) UpdateSubscriptionBody {
	return oneOf((*UpdateSubscriptionBody).FromPauseSubscription, PauseSubscription{Command: "pause", PauseEndDate: &end})
}

// PauseSubscriptionFrom pauses a subscription from start until end.
func PauseSubscriptionFrom(start, end time.Time) UpdateSubscriptionBody {
	return oneOf((*UpdateSubscriptionBody).FromPauseSubscription, PauseSubscription{Command: "pause",
		PauseStartDate: &start, PauseEndDate: &end})
}

// EndSubscription ends a subscription for good (the API's revoke command),
// saying why.
func EndSubscription(reason string) UpdateSubscriptionBody {
	return oneOf((*UpdateSubscriptionBody).FromRevokeSubscription, RevokeSubscription{Command: "revoke", Reason: reason})
}
