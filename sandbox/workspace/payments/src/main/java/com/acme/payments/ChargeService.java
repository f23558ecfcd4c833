package com.acme.payments;

import java.math.BigDecimal;
import java.util.Objects;

/** Charges a customer's card through the payment provider. */
public class ChargeService {

    /** Thrown when the provider declines a charge; the message is the provider's reason. */
    public static class ChargeDeclinedException extends RuntimeException {
        public ChargeDeclinedException(String reason) {
            super(reason);
        }
    }

    private final PaymentProvider provider;

    public ChargeService(PaymentProvider provider) {
        this.provider = Objects.requireNonNull(provider);
    }

    public String charge(String customerId, BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        PaymentProvider.Result result = provider.charge(customerId, amount);
        if (!result.approved()) {
            throw new ChargeDeclinedException(result.reason());
        }
        return result.chargeId();
    }
}
