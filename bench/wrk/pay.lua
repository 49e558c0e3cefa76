-- POST /api/orders/{id}/payments: 1.00 ₽ in cash, round-robin over the orders in BENCH_ORDERS (one id a line).
package.path = package.path .. ";" .. (os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/?.lua"
require("common")
local orders
local body = '{"amount":{"value":"1.00","currency":"RUB"},"method":"CASH"}'

request = function()
  orders = orders or read_lines(os.getenv("BENCH_ORDERS"))
  local order = orders[(counter + tid) % #orders + 1]
  return wrk.format("POST", "/api/orders/" .. order .. "/payments", {["Content-Type"] = "application/json",
    ["Authorization"] = AUTH, ["Idempotency-Key"] = next_key()}, body)
end
