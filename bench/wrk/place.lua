-- POST /api/orders: a desk order, priced by the server (BENCH_START / BENCH_END: the rental period).
package.path = package.path .. ";" .. (os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/?.lua"
require("common")
local body = '{"serviceId":"coworking-2nd-floor","tariffId":"standard","rentalPeriod":{"start":"' .. os.getenv("BENCH_START")
  .. '","end":"' .. os.getenv("BENCH_END") .. '"},"ticketNumber":"301","visitor":{"name":"Светлана Орлова","phone":"+7 912 555-12-34"},'
  .. '"applicant":{"name":"Светлана Орлова","role":"Гость локации","phone":"+7 912 555-12-34"},"paymentPlan":"FULL"}'

request = function()
  return wrk.format("POST", "/api/orders", {["Content-Type"] = "application/json", ["Authorization"] = AUTH,
    ["Idempotency-Key"] = next_key()}, body)
end
