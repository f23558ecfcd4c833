<?php

namespace App\Http\Controllers;

use App\Models\Invoice;
use App\Services\Invoicer;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;

class InvoiceController extends Controller
{
    public function __construct(private Invoicer $invoicer)
    {
    }

    public function store(Request $request): JsonResponse
    {
        $invoice = Invoice::create($request->validate([
            'customer_id' => 'required|integer',
            'total_cents' => 'required|integer|min:1',
        ]));

        $invoice = $this->invoicer->send($invoice);

        return response()->json($invoice, 201);
    }
}
