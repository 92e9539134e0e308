package storefronttest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/commercengine-go/sdk/gen"
)

// Point of sale: the store's locations, the staff who work there, and the
// terminals (devices) at each. A device is paired once with the pairing
// code the store sent for it; a staff member logs in at a location where
// they have a role, with a one-time password; a paired device of that
// location is claimed by one staff member at a time. POS carts and orders
// are the commerce's (pos_carts.go, pos_orders.go): the same carts, priced
// by the same engine, as the storefront's.
//
// posState has its own lock. Lock order: commerce.mu, then pos.mu, then
// (one at a time, never nested) Server.mu, shop.mu or accounts.mu.
type posState struct {
	mu sync.Mutex

	locations []*posLocation          // in the order list-pos-locations answers
	staff     map[string]*staffMember // by user ID
	byPhone   map[string]string       // country code + phone → staff user ID
	byEmail   map[string]string       // lower-case email → staff user ID
	devices   map[string]*posDevice   // by device ID
	order     []string                // device IDs, in the order they were added
	pairing   map[string]*posDevice   // pairing code → the unpaired device it pairs
	holding   map[string]*posDevice   // staff user ID → the device they hold
	channel   gen.PosUserChannel      // the sales channel of every staff member
	roleNames map[string]string       // role ID → name
}

// posLocation is a location of the store: a retail store, whose counters
// sell (and which is a pickup location of the storefront too), or a
// distribution center.
type posLocation struct {
	id, name, line1, landmark, pincode, city, state string
	gstin, email, opening                           string
	phone                                           int64
	warehouse                                       bool // a distribution center: no counter, no login
	isDefault                                       bool
}

// staffMember is a member of the store's staff. They are not storefront
// users: their IDs, phone numbers and email addresses are the POS's own.
type staffMember struct {
	id, firstName, lastName, phone, country, email string
	roles                                          []staffRole
	inactive                                       bool
}

// staffRole is a staff member's role at one location.
type staffRole struct{ location, roleID string }

// posDevice is a terminal. It is listed and claimed once paired.
type posDevice struct {
	id, name, external, vendor, model, mac, location string
	paired                                           bool
	offline                                          bool
	claimedBy                                        string      // staff user ID; empty while nobody holds it
	payment                                          *paymentTxn // the last payment it took (read under commerce.mu)
}

// busyLocked reports whether the device is taking a payment. Call it with
// commerce.mu held.
func (d *posDevice) busyLocked() bool { return d.payment != nil && d.payment.status == payPending }

// posOrder is what an order placed at a counter records beyond an order.
type posOrder struct {
	location, staff string
	device          *posDevice // the device that takes its payment; nil for cash
	handedOver      bool       // the goods were taken over the counter: complete once paid
}

// Error codes of the point of sale.
const (
	CodeDeviceClaimed = "device_claimed"    // claim-pos-device: another staff member holds the device, or the caller holds another
	CodeDeviceNotHeld = "device_not_held"   // unclaim-pos-device: the caller does not hold the device
	CodeDeviceBusy    = "device_busy"       // the device is taking a payment
	CodeDeviceOffline = "device_offline"    // the device cannot be reached
	CodeNoCustomer    = "customer_required" // a POS cart without a linked customer, for an operation that needs one
)

// The seeded point of sale: the three pickup locations are its retail
// stores (PickupMGRoad, PickupIndiranagar, PickupFort), with a
// distribution center beside them.
const (
	LocationHosurWarehouse = "wh-hosur" // a distribution center: no counter, no staff login

	SeededStaffMeera = "01JQ4M2K8T6V9X1Z3B5D7F9H1K" // Meera Iyer, store manager at MG Road and Indiranagar; 9000000101, meera.iyer@nilgirigoods.example
	SeededStaffArjun = "01JQ4M2K8T6V9X1Z3B5D7F9H1M" // Arjun Nair, cashier at MG Road; 9000000102, arjun.nair@nilgirigoods.example
	SeededStaffFarah = "01JQ4M2K8T6V9X1Z3B5D7F9H1N" // Farah Khan, cashier at Fort; 9000000103, farah.khan@nilgirigoods.example

	SeededDeviceMGRoad1      = "01JQ4M5N7Q9S1U3W5Y7A9C1E3F" // MG Road counter 1, paired
	SeededDeviceMGRoad2      = "01JQ4M5N7Q9S1U3W5Y7A9C1E3G" // MG Road counter 2, paired with SeededPairingCodeMGRoad2
	SeededDeviceIndiranagar1 = "01JQ4M5N7Q9S1U3W5Y7A9C1E3H" // Indiranagar counter 1, paired
	SeededDeviceFort1        = "01JQ4M5N7Q9S1U3W5Y7A9C1E3J" // Fort counter 1, paired with SeededPairingCodeFort1

	SeededPairingCodeMGRoad2 = "483920"
	SeededPairingCodeFort1   = "771204"

	// POS role IDs of the seed.
	RoleStoreManager = "store-manager"
	RoleCashier      = "cashier"
)

// pos returns the point of sale's state, seeding it on first use.
func (s *Server) pos() *posState {
	s.posOnce.Do(func() { s.posData = newPOSState() })
	return s.posData
}

func newPOSState() *posState {
	p := &posState{staff: map[string]*staffMember{}, byPhone: map[string]string{}, byEmail: map[string]string{},
		devices: map[string]*posDevice{}, pairing: map[string]*posDevice{}, holding: map[string]*posDevice{},
		channel:   gen.PosUserChannel{ID: "storefronttest-pos", Name: "In-store POS"},
		roleNames: map[string]string{RoleStoreManager: "Store manager", RoleCashier: "Cashier"}}
	contact := map[string]struct {
		phone        int64
		email, gstin string
		opening      string
	}{
		PickupMGRoad:      {8041100001, "mg-road@nilgirigoods.example", "29ABCDE1234F1Z5", "Mon–Sun 10:00–21:00"},
		PickupIndiranagar: {8041100002, "indiranagar@nilgirigoods.example", "29ABCDE1234F1Z5", "Mon–Sun 10:00–22:00"},
		PickupFort:        {2240100003, "fort@nilgirigoods.example", "27ABCDE1234F1Z9", "Mon–Sat 10:30–20:30"},
	}
	for _, pl := range seededPickups() {
		c := contact[pl.id]
		p.locations = append(p.locations, &posLocation{id: pl.id, name: pl.name, line1: pl.line1, landmark: pl.landmark,
			pincode: pl.pincode, city: pl.city, state: pl.state, gstin: c.gstin, email: c.email, opening: c.opening,
			phone: c.phone, isDefault: pl.id == PickupMGRoad})
	}
	p.locations = append(p.locations, &posLocation{id: LocationHosurWarehouse, name: "Nilgiri Goods Hosur warehouse",
		line1: "Plot 14, SIPCOT Industrial Complex", pincode: "635126", city: "Hosur", state: "Tamil Nadu",
		gstin: "33ABCDE1234F1Z1", email: "hosur@nilgirigoods.example", phone: 4344200004, warehouse: true})

	for _, m := range []*staffMember{
		{id: SeededStaffMeera, firstName: "Meera", lastName: "Iyer", phone: "9000000101", email: "meera.iyer@nilgirigoods.example",
			roles: []staffRole{{PickupMGRoad, RoleStoreManager}, {PickupIndiranagar, RoleStoreManager}}},
		{id: SeededStaffArjun, firstName: "Arjun", lastName: "Nair", phone: "9000000102", email: "arjun.nair@nilgirigoods.example",
			roles: []staffRole{{PickupMGRoad, RoleCashier}}},
		{id: SeededStaffFarah, firstName: "Farah", lastName: "Khan", phone: "9000000103", email: "farah.khan@nilgirigoods.example",
			roles: []staffRole{{PickupFort, RoleCashier}}},
	} {
		m.country = DefaultCountryCode
		p.addStaffLocked(m)
	}
	for _, d := range []struct {
		dev  posDevice
		code string
	}{
		{posDevice{id: SeededDeviceMGRoad1, name: "MG Road counter 1", external: "PL-A910-40216", mac: "02:1a:7d:40:21:6e", location: PickupMGRoad, paired: true}, ""},
		{posDevice{id: SeededDeviceMGRoad2, name: "MG Road counter 2", external: "PL-A910-40217", mac: "02:1a:7d:40:21:7f", location: PickupMGRoad}, SeededPairingCodeMGRoad2},
		{posDevice{id: SeededDeviceIndiranagar1, name: "Indiranagar counter 1", external: "PL-A910-40218", mac: "02:1a:7d:40:21:80", location: PickupIndiranagar, paired: true}, ""},
		{posDevice{id: SeededDeviceFort1, name: "Fort counter 1", external: "PL-A910-40219", location: PickupFort}, SeededPairingCodeFort1},
	} {
		dev := d.dev
		dev.vendor, dev.model = "Pine Labs", "A910"
		p.addDeviceLocked(&dev, d.code)
	}
	return p
}

func (p *posState) addStaffLocked(m *staffMember) {
	p.staff[m.id] = m
	p.byPhone[phoneKey(m.country, m.phone)] = m.id
	p.byEmail[normalizeEmail(m.email)] = m.id
}

func (p *posState) addDeviceLocked(d *posDevice, code string) {
	p.devices[d.id] = d
	p.order = append(p.order, d.id)
	if code != "" {
		p.pairing[code] = d
	}
}

func (p *posState) locationLocked(id string) *posLocation {
	for _, l := range p.locations {
		if l.id == id {
			return l
		}
	}
	return nil
}

// roleAt is the staff member's role at a location, or nil.
func (m *staffMember) roleAt(location string) *staffRole {
	for i := range m.roles {
		if m.roles[i].location == location {
			return &m.roles[i]
		}
	}
	return nil
}

// POSLocationParams describes a retail store for AddPOSLocation.
type POSLocationParams struct {
	ID           string // required, unique among locations and pickup locations
	Name         string // required
	AddressLine1 string // required
	Landmark     string
	City, State  string // required
	Pincode      string // required: a six-digit postal code
	ContactPhone int64  // 10 digits
	ContactEmail string
	// Warehouse makes it a distribution center: no counter, no login, not
	// a pickup location.
	Warehouse bool
}

// AddPOSLocation adds a location of the store. A retail store is a pickup
// location of the storefront too, and its postal code one shoppers can
// collect in (SetServiceable). It fails on invalid input or a taken ID.
func (s *Server) AddPOSLocation(p POSLocationParams) error {
	switch {
	case strings.TrimSpace(p.ID) == "" || strings.TrimSpace(p.Name) == "" || strings.TrimSpace(p.AddressLine1) == "",
		strings.TrimSpace(p.City) == "" || strings.TrimSpace(p.State) == "":
		return errors.New("storefronttest: AddPOSLocation: ID, Name, AddressLine1, City and State are required")
	case !postalCodePattern.MatchString(p.Pincode):
		return errors.New("storefronttest: AddPOSLocation: Pincode is not a postal code")
	case p.ContactPhone != 0 && (p.ContactPhone < 1_000_000_000 || p.ContactPhone > 9_999_999_999):
		return errors.New("storefronttest: AddPOSLocation: ContactPhone must have 10 digits")
	}
	c := s.commerce()
	c.mu.Lock()
	defer c.mu.Unlock()
	ps := s.pos()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if ps.locationLocked(p.ID) != nil || pickupByID(c.pickups, p.ID) != nil {
		return fmt.Errorf("storefronttest: AddPOSLocation: the ID %q is taken", p.ID)
	}
	ps.locations = append(ps.locations, &posLocation{id: p.ID, name: p.Name, line1: p.AddressLine1, landmark: p.Landmark,
		pincode: p.Pincode, city: p.City, state: p.State, email: p.ContactEmail, phone: p.ContactPhone, warehouse: p.Warehouse})
	if !p.Warehouse {
		c.pickups = append(c.pickups, pickupLocation{id: p.ID, name: p.Name, line1: p.AddressLine1, landmark: p.Landmark,
			pincode: p.Pincode, city: p.City, state: p.State})
		s.SetServiceable(p.Pincode, s.deliversTo(p.Pincode), true)
	}
	return nil
}

// deliversTo reports whether the store delivers to a postal code.
func (s *Server) deliversTo(pin string) bool {
	sh := s.shop()
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	return sh.delivery[pin]
}

// POSStaffParams describes a staff member for AddPOSStaff.
type POSStaffParams struct {
	ID          string // default: a new ULID
	FirstName   string // required
	LastName    string
	Phone       string // required: the 10-digit national number
	CountryCode string // default DefaultCountryCode
	Email       string // required: staff log in by it too
	// Roles are where they work; at least one, each at a known retail
	// store. RoleID is free text (RoleStoreManager and RoleCashier are
	// named), RoleName defaults to the RoleID's.
	Roles []POSRole
}

// POSRole is a staff member's role at one location.
type POSRole struct {
	LocationID, RoleID, RoleName string
}

// AddPOSStaff adds a member of the store's staff, who can then log in at
// the locations of their roles. It returns their user ID, and fails on
// invalid input or a phone number, email address or ID that is taken.
func (s *Server) AddPOSStaff(p POSStaffParams) (string, error) {
	cc := p.CountryCode
	if cc == "" {
		cc = DefaultCountryCode
	}
	switch {
	case strings.TrimSpace(p.FirstName) == "":
		return "", errors.New("storefronttest: AddPOSStaff: FirstName is required")
	case checkPhone("phone", p.Phone) != nil:
		return "", errors.New("storefronttest: AddPOSStaff: Phone must be a 10-digit number without country code")
	case !countryCodePattern.MatchString(cc):
		return "", errors.New("storefronttest: AddPOSStaff: CountryCode must be + and 1 to 4 digits")
	case checkEmail("email", normalizeEmail(p.Email)) != nil:
		return "", errors.New("storefronttest: AddPOSStaff: Email is required, an email address")
	case len(p.Roles) == 0:
		return "", errors.New("storefronttest: AddPOSStaff: at least one role is required")
	}
	id := p.ID
	if id == "" {
		id = newULID(s.Now())
	}
	ps := s.pos()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	m := &staffMember{id: id, firstName: p.FirstName, lastName: p.LastName, phone: p.Phone, country: cc, email: normalizeEmail(p.Email)}
	for _, r := range p.Roles {
		l := ps.locationLocked(r.LocationID)
		if l == nil || l.warehouse || strings.TrimSpace(r.RoleID) == "" {
			return "", fmt.Errorf("storefronttest: AddPOSStaff: role %q at %q: a role ID at a known retail store is required", r.RoleID, r.LocationID)
		}
		if r.RoleName != "" {
			ps.roleNames[r.RoleID] = r.RoleName
		}
		m.roles = append(m.roles, staffRole{location: r.LocationID, roleID: r.RoleID})
	}
	_, idTaken := ps.staff[id]
	_, phoneTaken := ps.byPhone[phoneKey(cc, p.Phone)]
	_, emailTaken := ps.byEmail[m.email]
	if idTaken || phoneTaken || emailTaken {
		return "", errors.New("storefronttest: AddPOSStaff: the ID, phone number or email address belongs to another staff member")
	}
	ps.addStaffLocked(m)
	return id, nil
}

// SetPOSStaffActive activates or deactivates a staff member: a deactivated
// one cannot log in, and their tokens and refreshes are refused.
func (s *Server) SetPOSStaffActive(staffID string, active bool) error {
	ps := s.pos()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	m := ps.staff[staffID]
	if m == nil {
		return fmt.Errorf("storefronttest: SetPOSStaffActive: no staff member %q", staffID)
	}
	m.inactive = !active
	return nil
}

// POSDeviceParams describes a terminal for AddPOSDevice.
type POSDeviceParams struct {
	ID         string // default: a new ULID
	Name       string // required
	LocationID string // required: a retail store
	Vendor     string // default "Pine Labs"
	Model      string // default "A910"
	ExternalID string // the provider's ID; default derived from ID
	MACAddress string
	// Paired adds the device paired already; otherwise AddPOSDevice
	// returns the pairing code that pairs it.
	Paired bool
}

// AddPOSDevice adds a terminal at a retail store and returns its ID and,
// for an unpaired device, the pairing code that pairs it (six digits,
// once). It fails on invalid input or a taken ID.
func (s *Server) AddPOSDevice(p POSDeviceParams) (id, pairingCode string, err error) {
	if strings.TrimSpace(p.Name) == "" {
		return "", "", errors.New("storefronttest: AddPOSDevice: Name is required")
	}
	now := s.Now()
	d := &posDevice{id: p.ID, name: p.Name, location: p.LocationID, vendor: p.Vendor, model: p.Model, external: p.ExternalID,
		mac: p.MACAddress, paired: p.Paired}
	if d.id == "" {
		d.id = newULID(now)
	}
	if d.vendor == "" {
		d.vendor = "Pine Labs"
	}
	if d.model == "" {
		d.model = "A910"
	}
	if d.external == "" {
		d.external = "EXT-" + d.id[len(d.id)-8:]
	}
	ps := s.pos()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if l := ps.locationLocked(p.LocationID); l == nil || l.warehouse {
		return "", "", fmt.Errorf("storefronttest: AddPOSDevice: %q is not a retail store", p.LocationID)
	}
	if _, taken := ps.devices[d.id]; taken {
		return "", "", fmt.Errorf("storefronttest: AddPOSDevice: the ID %q is taken", d.id)
	}
	if !d.paired {
		for {
			pairingCode = newOTPCode()
			if _, taken := ps.pairing[pairingCode]; !taken {
				break
			}
		}
	}
	ps.addDeviceLocked(d, pairingCode)
	return d.id, pairingCode, nil
}

// SetPOSDeviceOffline marks a device offline (status "offline": it cannot
// be claimed or take a payment) or back online.
func (s *Server) SetPOSDeviceOffline(deviceID string, offline bool) error {
	ps := s.pos()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	d := ps.devices[deviceID]
	if d == nil {
		return fmt.Errorf("storefronttest: SetPOSDeviceOffline: no device %q", deviceID)
	}
	d.offline = offline
	return nil
}

// IssuePOSTokens mints a staff session's access/refresh token pair for a
// staff member at a location where they have a role, for StoreID, as a
// successful login would: a test can skip the pairing and the OTP.
func (s *Server) IssuePOSTokens(staffID, locationID string) (access, refresh string, err error) {
	ps := s.pos()
	ps.mu.Lock()
	m := ps.staff[staffID]
	ok := m != nil && !m.inactive && m.roleAt(locationID) != nil
	var sub posSubject
	if ok {
		sub = m.subject(locationID)
	}
	ps.mu.Unlock()
	if !ok {
		return "", "", errors.New("storefronttest: IssuePOSTokens: no active staff member with a role at that location")
	}
	p := s.issuePOS(s.cfg.storeID, sub, "", 0)
	return p.access, p.refresh, nil
}

// POSDeviceHolder returns the staff member who holds a device, and whether
// anybody does.
func (s *Server) POSDeviceHolder(deviceID string) (staffID string, held bool) {
	ps := s.pos()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if d := ps.devices[deviceID]; d != nil && d.claimedBy != "" {
		return d.claimedBy, true
	}
	return "", false
}

// locationView renders a location as the API's PosLocation.
func (l *posLocation) view() gen.PosLocation {
	kind, canShip := gen.RetailStore, true
	if l.warehouse {
		kind = gen.DistributionCenter
	} else {
		canShip = l.id != PickupFort // the Fort store has no dispatch desk
	}
	out := gen.PosLocation{ID: l.id, Name: l.name, WarehouseType: kind, Active: true, AddressLine1: l.line1, City: l.city,
		Pincode: l.pincode, State: l.state, Country: "India", CountryCode: DefaultCountryCode, ContactPhone: l.phone,
		ContactEmail: l.email, CanReceiveStock: true, CanShipParcel: canShip, CanCollect: !l.warehouse,
		IsCheckoutPoint: !l.warehouse, AcceptsReturns: !l.warehouse, Landmark: optional(l.landmark), Gstin: optional(l.gstin),
		OpeningHours: optional(l.opening)}
	def := l.isDefault
	out.IsDefault = &def
	return out
}

// deviceView renders a device as the API's PosDevice. Call it with
// commerce.mu and pos.mu held.
func (p *posState) deviceViewLocked(d *posDevice) gen.PosDevice {
	out := gen.PosDevice{ID: d.id, Name: d.name, DeviceType: gen.PosTerminal, ExternalDeviceID: d.external, Vendor: d.vendor,
		ModelNumber: d.model, MacAddress: optional(d.mac), LocationID: d.location, Status: gen.PosDeviceAvailable,
		IsBusy: d.busyLocked()}
	if l := p.locationLocked(d.location); l != nil {
		out.LocationName = l.name
	}
	if m := p.staff[d.claimedBy]; m != nil {
		out.Status = gen.PosDeviceClaimed
		out.ClaimedBy = &gen.PosDeviceClaimedUser{ID: m.id, FirstName: m.firstName, LastName: optional(m.lastName), Phone: m.phone, Email: m.email}
	}
	if d.offline {
		out.Status = gen.PosDeviceOffline
	}
	return out
}

// userView renders a staff member as the API's PosUser, at a location
// (the session's), with the device they hold. Call it with pos.mu held.
func (p *posState) userViewLocked(m *staffMember, location string) gen.PosUser {
	out := gen.PosUser{ID: m.id, FirstName: m.firstName, LastName: optional(m.lastName), Phone: m.phone, Email: m.email,
		Channel: p.channel, Roles: make([]gen.PosUserRole, 0, len(m.roles))}
	if l := p.locationLocked(location); l != nil {
		out.Location = gen.PosUserLocation{ID: l.id, Name: l.name}
	}
	if d := p.holding[m.id]; d != nil {
		out.Device = &gen.PosUserDevice{ID: d.id, Name: d.name}
	}
	for _, r := range m.roles {
		role := gen.PosUserRole{LocationID: r.location, RoleID: optional(r.roleID), RoleName: optional(p.roleNames[r.roleID])}
		if l := p.locationLocked(r.location); l != nil {
			role.LocationName = l.name
		}
		out.Roles = append(out.Roles, role)
	}
	return out
}

// sortedDevices lists the paired devices of a location, in the order they
// were added. Call it with pos.mu held.
func (p *posState) pairedDevicesLocked(location string) []*posDevice {
	var out []*posDevice
	for _, id := range p.order {
		if d := p.devices[id]; d.paired && d.location == location {
			out = append(out, d)
		}
	}
	return slices.Clip(out)
}
