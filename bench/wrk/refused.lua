-- POST /api/orders/{id}/payments with a malformed amount: answered 400 before any command is sent, after the same
-- way in as a payment (HTTP Basic, the Idempotency-Key's record claimed and completed, a problem+json answer). What
-- a write costs each service apart from its command; pay minus this is the command's own cost.
package.path = package.path .. ";" .. (os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/?.lua"
require("common")
local orders
local body = '{"amount":{"value":"1.0.0","currency":"RUB"},"method":"CASH"}'

request = function()
  orders = orders or read_lines(os.getenv("BENCH_ORDERS"))
  local order = orders[(counter + tid) % #orders + 1]
  return wrk.format("POST", "/api/orders/" .. order .. "/payments", {["Content-Type"] = "application/json",
    ["Authorization"] = AUTH, ["Idempotency-Key"] = next_key()}, body)
end
