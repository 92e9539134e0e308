package storefront

// The hand-written part of the test shop's storefront package. opgen reads
// the names it declares and the operations its methods name ("API:"
// lines); it is never compiled.

// Login logs in.
//
// API: login (POST /auth/login).
func (s *ShopService) Login(email, password string) {}
