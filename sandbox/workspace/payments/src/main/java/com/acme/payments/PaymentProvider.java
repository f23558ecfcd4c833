package com.acme.payments;

import java.math.BigDecimal;

/** The card processor's API. */
public interface PaymentProvider {
    record Result(boolean approved, String chargeId, String reason) {}

    Result charge(String customerId, BigDecimal amount);
}
