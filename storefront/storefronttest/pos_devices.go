package storefronttest

import (
	"context"

	"github.com/commercengine-go/sdk/gen"
)

// Devices, locations and staff. A staff session sees the paired devices
// of the location it logged in at; a device of another location is a 404
// like an unknown one. A device is held by one staff member at a time,
// and a staff member holds one device at a time.

// posOp runs f with the caller's staff claims, commerce.mu and pos.mu
// held, once the request is known to be for the server's store.
func (s *Server) posOp(ctx context.Context, f func(caller *TokenClaims, ps *posState) *apiError) *apiError {
	rc, e := callerOf(ctx)
	if e != nil {
		return e
	}
	if e := s.storeScope(rc); e != nil {
		return e
	}
	c := s.commerce()
	c.mu.Lock()
	defer c.mu.Unlock()
	ps := s.pos()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return f(rc.caller, ps)
}

var errDeviceNotFound = notFound("device not found")

// deviceAtLocked finds a paired device of the caller's location. Call it
// with pos.mu held.
func (p *posState) deviceAtLocked(caller *TokenClaims, id string) (*posDevice, *apiError) {
	d := p.devices[id]
	if d == nil || !d.paired || d.location != caller.LocationID {
		return nil, errDeviceNotFound
	}
	return d, nil
}

// releaseLocked frees a device from the staff member who holds it. Call
// it with pos.mu held.
func (p *posState) releaseLocked(d *posDevice) {
	if p.holding[d.claimedBy] == d {
		delete(p.holding, d.claimedBy)
	}
	d.claimedBy = ""
}

// listDevices answers list-pos-devices.
func (s *Server) listDevices(ctx context.Context) (out []gen.PosDevice, e *apiError) {
	e = s.posOp(ctx, func(caller *TokenClaims, ps *posState) *apiError {
		out = []gen.PosDevice{}
		for _, d := range ps.pairedDevicesLocked(caller.LocationID) {
			out = append(out, ps.deviceViewLocked(d))
		}
		return nil
	})
	return out, e
}

// claimDevice answers claim-pos-device: a paired device of the caller's
// location (404 otherwise) becomes theirs, unless another staff member
// holds it (400 device_claimed), they hold another (400 device_claimed:
// release it first) or it is offline (400 device_offline). Claiming the
// device one holds changes nothing.
func (s *Server) claimDevice(ctx context.Context, id string) (out gen.PosUser, e *apiError) {
	e = s.posOp(ctx, func(caller *TokenClaims, ps *posState) *apiError {
		d, e := ps.deviceAtLocked(caller, id)
		if e != nil {
			return e
		}
		switch held := ps.holding[caller.UserID]; {
		case d.claimedBy == caller.UserID:
		case d.claimedBy != "":
			return badRequest(CodeDeviceClaimed, d.name+" is held by another staff member")
		case held != nil:
			return badRequest(CodeDeviceClaimed, "you hold "+held.name+": release it first")
		case d.offline:
			return badRequest(CodeDeviceOffline, d.name+" is offline")
		default:
			d.claimedBy = caller.UserID
			ps.holding[caller.UserID] = d
		}
		out = ps.userViewLocked(ps.staff[caller.UserID], caller.LocationID)
		return nil
	})
	return out, e
}

// unclaimDevice answers unclaim-pos-device: the caller releases a device
// they hold (400 device_not_held otherwise; 404 for a device of another
// location or none), unless it is taking a payment (400 device_busy).
func (s *Server) unclaimDevice(ctx context.Context, id string) (out gen.PosUser, e *apiError) {
	e = s.posOp(ctx, func(caller *TokenClaims, ps *posState) *apiError {
		d, e := ps.deviceAtLocked(caller, id)
		if e != nil {
			return e
		}
		switch {
		case d.claimedBy != caller.UserID:
			return badRequest(CodeDeviceNotHeld, "you do not hold "+d.name)
		case d.busyLocked():
			return badRequest(CodeDeviceBusy, d.name+" is taking a payment: wait for it to end")
		}
		ps.releaseLocked(d)
		out = ps.userViewLocked(ps.staff[caller.UserID], caller.LocationID)
		return nil
	})
	return out, e
}

// listLocations answers list-pos-locations: every location of the store.
func (s *Server) listLocations(ctx context.Context) (out []gen.PosLocation, e *apiError) {
	e = s.posOp(ctx, func(_ *TokenClaims, ps *posState) *apiError {
		out = make([]gen.PosLocation, 0, len(ps.locations))
		for _, l := range ps.locations {
			out = append(out, l.view())
		}
		return nil
	})
	return out, e
}

// posUser answers get-pos-user: any staff member of the store (404 for an
// unknown ID), at the caller's location.
func (s *Server) posUser(ctx context.Context, id string) (out gen.PosUser, e *apiError) {
	e = s.posOp(ctx, func(caller *TokenClaims, ps *posState) *apiError {
		m := ps.staff[id]
		if m == nil {
			return notFound("staff member " + id + " not found")
		}
		out = ps.userViewLocked(m, caller.LocationID)
		return nil
	})
	return out, e
}
