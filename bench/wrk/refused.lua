-- POST /api/orders/{id}/payments with a malformed amount: answered 400 before any command is sent, after the same
-- way in as a payment (HTTP Basic, the Idempotency-Key's record, a problem+json answer). What a write costs each
-- service apart from its command; pay minus this is the command's own cost.
package.path = package.path .. ";" .. (os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/?.lua"
require("common")

request = payments('{"amount":{"value":"1.0.0","currency":"RUB"},"method":"CASH"}')
