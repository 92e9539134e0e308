package storefronttest_test

// cartConformanceCases are the conformance cases of the Carts, Payments,
// Wishlist and Orders groups.
var cartConformanceCases = []conformanceCase{}

// cartUnreachableFailures are the failure statuses of those groups that no
// request the typed client can send provokes, with the reason.
var cartUnreachableFailures = map[string]map[int]string{}
