package main

import (
	"context"

	"github.com/acme/orders/internal/checkout"
	"github.com/acme/orders/internal/payments"
	"github.com/aws/aws-lambda-go/lambda"
)

func main() {
	h := &checkout.Handler{Payments: payments.New()}
	lambda.Start(func(ctx context.Context, cart checkout.Cart) (map[string]string, error) {
		if len(cart.Items) == 0 {
			return map[string]string{"status": "empty"}, nil
		}
		orderID, err := h.Checkout(ctx, cart)
		if err != nil {
			return nil, err
		}
		return map[string]string{"status": "paid", "order_id": orderID}, nil
	})
}
