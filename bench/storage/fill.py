#!/usr/bin/env python3
"""Fills a running service with N desk orders of the seed's shape (4 hours, FULL) and two cash payments each
(100 ₽ and 150 ₽), every request with its own Idempotency-Key, over one keep-alive connection. Prints progress.

usage: fill.py BASE_URL N START END     (START/END: the rental period, ISO instants)"""
import base64, http.client, json, sys, time, urllib.parse

base, n, start, end = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
url = urllib.parse.urlsplit(base)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
auth = "Basic " + base64.b64encode(b"manager:manager").decode()
order_body = json.dumps({"serviceId": "coworking-2nd-floor", "tariffId": "standard",
                         "rentalPeriod": {"start": start, "end": end}, "ticketNumber": "301",
                         "visitor": {"name": "Светлана Орлова", "phone": "+7 912 555-12-34"},
                         "applicant": {"name": "Светлана Орлова", "role": "Гость локации", "phone": "+7 912 555-12-34"},
                         "paymentPlan": "FULL"}, ensure_ascii=False).encode()


def post(path, body, key):
    conn.request("POST", path, body, {"Content-Type": "application/json", "Authorization": auth, "Idempotency-Key": key})
    response = conn.getresponse()
    data = response.read()
    if response.status != 201:
        sys.exit(f"POST {path}: {response.status} {data[:300]!r}")
    return json.loads(data)


began = time.monotonic()
for i in range(n):
    order = post("/api/orders", order_body, f"storage-{i}")["orderId"]
    for amount in ("100.00", "150.00"):
        post(f"/api/orders/{order}/payments",
             json.dumps({"amount": {"value": amount, "currency": "RUB"}, "method": "CASH"}).encode(), f"storage-{i}-{amount}")
    if (i + 1) % max(1, n // 10) == 0 or i + 1 == n:
        print(f"[storage] {i + 1}/{n} orders with two payments, {time.monotonic() - began:.0f} s", file=sys.stderr, flush=True)
