<?php

namespace App\Services;

use App\Models\Invoice;
use App\Services\Payments\Gateway;
use Illuminate\Support\Facades\Log;

class Invoicer
{
    public function __construct(private ?Gateway $gateway = null)
    {
    }

    /**
     * Charges the invoice's customer and marks the invoice sent.
     */
    public function send(Invoice $invoice): Invoice
    {
        if ($invoice->sent_at !== null) {
            return $invoice;
        }

        Log::info('invoice sent', ['invoiceId' => $invoice->id]);

        // The gateway is null when the payments provider is not configured for the tenant.
        $charge = $this->gateway->charge($invoice->customer_id, $invoice->total_cents);

        $invoice->charge_id = $charge->id;
        $invoice->sent_at = now();
        $invoice->save();

        return $invoice;
    }
}
