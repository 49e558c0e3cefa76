-- POST /api/orders: a desk order, priced by the server. Each request books four hours of its own day within the
-- coworking's opening hours (08:00–22:00 in Perm, UTC+5): a day 1–300 days after BENCH_START's, from 08:00 to 18:00,
-- so that the orders spread over the calendar as bookings do (issue 27: every booking takes a place of each of its
-- hours, and reads what those hours hold first — a thousand orders on the same four hours is a load no coworking has).
package.path = package.path .. ";" .. (os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/?.lua"
require("common")

local function epoch(iso) -- "2026-12-07T03:00:00Z" → seconds
  local y, m, d, h = iso:match("^(%d+)-(%d+)-(%d+)T(%d+)")
  return os.time({year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = tonumber(h), min = 0, sec = 0, isdst = false})
    - os.time({year = 1970, month = 1, day = 1, hour = 0, min = 0, sec = 0, isdst = false})
end
local base = epoch(os.getenv("BENCH_START")) -- 08:00 in Perm
local head = '{"serviceId":"coworking-2nd-floor","tariffId":"standard","rentalPeriod":{"start":"'
local tail = '"},"ticketNumber":"301","visitor":{"name":"Светлана Орлова","phone":"+7 912 555-12-34"},'
  .. '"applicant":{"name":"Светлана Орлова","role":"Гость локации","phone":"+7 912 555-12-34"},"paymentPlan":"FULL"}'

function init(args)
  math.randomseed(os.time() + (tid or 0) * 7919)
end

request = function()
  local start = base + math.random(1, 300) * 86400 + math.random(0, 10) * 3600
  local body = head .. os.date("!%Y-%m-%dT%H:%M:%SZ", start) .. '","end":"' .. os.date("!%Y-%m-%dT%H:%M:%SZ", start + 4 * 3600) .. tail
  return wrk.format("POST", "/api/orders", {["Content-Type"] = "application/json", ["Authorization"] = AUTH,
    ["Idempotency-Key"] = next_key()}, body)
end
