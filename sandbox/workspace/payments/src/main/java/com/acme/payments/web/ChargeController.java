package com.acme.payments.web;

import com.acme.payments.ChargeService;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ChargeController {
    private final ChargeService charges;

    public ChargeController(ChargeService charges) {
        this.charges = charges;
    }

    public record ChargeRequest(String customerId, BigDecimal amount) {}

    @PostMapping("/charges")
    public ResponseEntity<Map<String, String>> create(@RequestBody ChargeRequest request) {
        String chargeId = charges.charge(request.customerId(), request.amount());
        return ResponseEntity.ok(Map.of("chargeId", chargeId));
    }
}
