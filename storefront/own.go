package storefront

import (
	"context"
	"errors"
)

// The shopper's own IDs. Following go-github's convention for "the
// authenticated user", the operations on a shopper's own records — their
// user (the Auth group's /auth/user/{id}), cart, wishlist, orders, and
// the customer records of the Customers group — take an empty ID on a
// Session to mean the session's own shopper: the user ID or customer ID
// of its access token. An anonymous session is started first when the
// session has none yet. A back end acting on someone else's records passes
// their ID, as before.

// ErrNoCustomerID is returned, before the operation is sent, when an
// operation on the shopper's own customer records is called with an empty
// customer ID and the session's access token carries none: an anonymous
// visitor has a user ID but no customer ID until they log in or register.
// It also matches ErrInvalidParam.
var ErrNoCustomerID = errors.New("storefront: the session's shopper has no customer ID (an anonymous visitor has none until they log in); log in, or pass the customer ID")

// ownKind is which of the shopper's IDs a parameter stands for.
type ownKind uint8

const (
	ownUser     ownKind = iota + 1 // Claims.UserID
	ownCustomer                    // Claims.CustomerID
)

// own returns id, or when id is empty the session's own user or customer
// ID, from the claims of a usable access token (bootstrapping or
// refreshing first, as any call would).
func (s *Session) own(ctx context.Context, kind ownKind, id string) (string, error) {
	if id != "" {
		return id, nil
	}
	c, err := s.EnsureClaims(ctx)
	if err != nil {
		return "", err
	}
	switch kind {
	case ownCustomer:
		if c.CustomerID == "" {
			return "", noCustomerIDError{}
		}
		return c.CustomerID, nil
	default:
		if c.UserID == "" {
			return "", invalid("the session's access token names no user (no ulid claim): pass the user ID")
		}
		return c.UserID, nil
	}
}

// noCustomerIDError matches ErrNoCustomerID and ErrInvalidParam.
type noCustomerIDError struct{}

func (noCustomerIDError) Error() string { return ErrNoCustomerID.Error() }

func (noCustomerIDError) Is(target error) bool {
	return target == ErrNoCustomerID || target == ErrInvalidParam
}
