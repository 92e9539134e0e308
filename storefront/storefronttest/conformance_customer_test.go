package storefronttest_test

// customerConformanceCases are the conformance cases of the Customers and
// Subscriptions groups.
var customerConformanceCases = []conformanceCase{}

// customerUnreachableFailures are the failure statuses of those groups
// that no request the typed client can send provokes, with the reason.
var customerUnreachableFailures = map[string]map[int]string{}
