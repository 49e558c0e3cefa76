-- GET /api/orders/{id}: the order form, round-robin over the orders in BENCH_ORDERS.
package.path = package.path .. ";" .. (os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/?.lua"
require("common")
local orders

request = function()
  orders = orders or read_lines(os.getenv("BENCH_ORDERS"))
  counter = counter + 1
  return wrk.format("GET", "/api/orders/" .. orders[(counter + tid) % #orders + 1], {["Authorization"] = AUTH})
end
