package storefronttest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/commercengine-go/sdk/decimal"
	"github.com/commercengine-go/sdk/gen"
)

// POS orders are orders (orders.go) placed from a POS cart for its linked
// customer: they are the customer's orders too (list-orders shows them),
// made by the same newOrderLocked, taking the same stock, points, credit
// and coupon redemptions. Payment:
//
//   - CASH is paid at the counter at once;
//   - UPI and CARD are taken by a device of the location — the one the
//     body names, else the one the staff member holds — which is busy
//     (is_busy) until the payment ends: CompletePayment settles it, as the
//     terminal would report it, paid or failed.
//
// An order whose goods are taken over the counter (the POS cart chose no
// other fulfillment) is complete once paid; one delivered or collected
// elsewhere goes on as an online order does.

// posPayment is the integration_type the fake records for payments taken
// at a counter.
const posPayment = "pos"

// placePOSOrder answers create-pos-order. The cart must be a POS cart of
// the caller's location (400: the operation declares no 404), with a
// customer (400 customer_required) and ready for payment (400
// cart_not_ready); a UPI or card payment needs a device of the location
// that is online and not taking another payment (400 naming device_id).
func (s *Server) placePOSOrder(ctx context.Context, b gen.CreatePosOrderBody) (o *order, e *apiError) {
	e = s.commerceOp(ctx, func(caller *TokenClaims, now time.Time) *apiError {
		ct, e := s.posCartLocked(caller, b.CartID, now)
		if e != nil {
			return fieldError(CodeBadRequest, "cart_id", "no POS cart of this location with this ID")
		}
		if ct.owner == "" {
			return errNoCustomer
		}
		pr := s.priceCartLocked(ct, now)
		if pr.couponInvalid != "" {
			code := ct.couponCode
			ct.couponCode = ""
			return fieldError(CodeCartNotReady, "cart_id", "the coupon "+code+" no longer applies and was removed: "+pr.couponInvalid)
		}
		if !pr.ready {
			return fieldError(CodeCartNotReady, "cart_id", pr.notReady)
		}
		var dev *posDevice
		if pr.toBePaid.Sign() > 0 && b.PaymentMode != gen.PosPaymentModeCASH {
			if dev, e = s.paymentDeviceLocked(caller, b.DeviceID); e != nil {
				return e
			}
		}
		c := s.commerce()
		number := c.next("NG")
		if err := s.accounts.redeem(ct.owner, now, pr.points, pr.creditUse, number); err != nil {
			return badRequest(CodeInsufficientBalance, "the customer's loyalty points or credit balance no longer cover the cart's redemptions")
		}
		handedOver := ct.pref == nil
		o = s.newOrderLocked(ct, pr, number, ct.owner, now)
		o.pos = &posOrder{location: ct.counter.location, staff: caller.UserID, device: dev, handedOver: handedOver}
		if cp := pr.coupon; cp != nil {
			cp.total++
			cp.uses[ct.owner]++
		}
		c.dropCartLocked(ct)
		if pr.toBePaid.Sign() > 0 {
			s.startPOSPaymentLocked(o, b.PaymentMode, dev, pr.toBePaid, now)
		} else {
			s.orderPaidLocked(o, now)
		}
		return nil
	})
	return o, e
}

// paymentDeviceLocked picks the device that takes a payment: the one
// named, else the one the caller holds. Call it with c.mu held; it takes
// pos.mu.
func (s *Server) paymentDeviceLocked(caller *TokenClaims, named *string) (*posDevice, *apiError) {
	ps := s.pos()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	var d *posDevice
	if named != nil && *named != "" {
		var e *apiError
		if d, e = ps.deviceAtLocked(caller, *named); e != nil {
			return nil, fieldError(CodeBadRequest, "device_id", "no paired device of this location with this ID")
		}
	} else if d = ps.holding[caller.UserID]; d == nil {
		return nil, fieldError(CodeBadRequest, "device_id", "a UPI or card payment needs a device: claim one, or name one in device_id")
	}
	switch {
	case d.offline:
		return nil, fieldError(CodeDeviceOffline, "device_id", d.name+" is offline")
	case d.busyLocked():
		return nil, fieldError(CodeDeviceBusy, "device_id", d.name+" is taking another payment")
	}
	return d, nil
}

// startPOSPaymentLocked records the payment of an order at the counter:
// cash is paid at once; UPI and card wait on the device (see
// CompletePayment). Call it with c.mu held.
func (s *Server) startPOSPaymentLocked(o *order, mode gen.PosPaymentMode, dev *posDevice, amount decimal.Decimal, now time.Time) {
	c := s.commerce()
	t := &paymentTxn{order: o, amount: amount, integration: posPayment, kind: string(mode), method: string(mode),
		status: payPending, created: timestamp(now)}
	t.request = c.next("PAY")
	t.id = fmt.Sprintf("%s-%d", o.number, len(o.payments)+1)
	t.uuid = "txn_" + strings.ToLower(newULID(now))
	c.txns[t.id] = t
	o.payments = append(o.payments, t)
	if mode == gen.PosPaymentModeCASH {
		s.settleLocked(t, paySuccess, now)
		return
	}
	dev.payment = t
}

// posOrderLocked finds an order placed at the caller's location; any
// other is a 404 like an unknown one. Call it with c.mu held.
func (s *Server) posOrderLocked(caller *TokenClaims, number string) (*order, *apiError) {
	o := s.commerce().orders[number]
	if o == nil || o.pos == nil || o.pos.location != caller.LocationID {
		return nil, notFound("order " + number + " not found")
	}
	return o, nil
}

// posPaymentStatus answers pos-get-payment-status.
func (s *Server) posPaymentStatus(ctx context.Context, number string) (out gen.GetPaymentStatusContent, e *apiError) {
	e = s.commerceOp(ctx, func(caller *TokenClaims, _ time.Time) *apiError {
		o, e := s.posOrderLocked(caller, number)
		if e != nil {
			return e
		}
		out = o.paymentStatusView()
		return nil
	})
	return out, e
}
