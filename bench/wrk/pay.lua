-- POST /api/orders/{id}/payments: 1.00 ₽ in cash, round-robin over the orders in BENCH_ORDERS (one id a line).
package.path = package.path .. ";" .. (os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/?.lua"
require("common")

request = payments('{"amount":{"value":"1.00","currency":"RUB"},"method":"CASH"}')
