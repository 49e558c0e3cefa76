-- Shared by the wrk scripts of scripts/bench: a fresh Idempotency-Key per write, HTTP Basic with a plain-text
-- password, and a count of 201 answers across threads (printed as "CREATED n" for the money checks).
local threads = {}
counter = 0
created = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + (thread:get("created") or 0)
  end
  io.write("CREATED " .. total .. "\n")
end

AUTH = "Basic " .. (os.getenv("BENCH_AUTH") or "bWFuYWdlcjptYW5hZ2Vy") -- manager:manager
RUN = os.getenv("BENCH_RUN") or tostring(os.time())

function next_key()
  counter = counter + 1
  return "bench-" .. RUN .. "-" .. tid .. "-" .. counter
end

function read_lines(path)
  local lines = {}
  for line in io.lines(path) do
    if #line > 0 then table.insert(lines, line) end
  end
  return lines
end

-- A request function: POST body to /api/orders/{id}/payments, round-robin over the orders in BENCH_ORDERS (one id a
-- line), a fresh Idempotency-Key each.
function payments(body)
  local orders
  return function()
    orders = orders or read_lines(os.getenv("BENCH_ORDERS"))
    local order = orders[(counter + tid) % #orders + 1]
    return wrk.format("POST", "/api/orders/" .. order .. "/payments", {["Content-Type"] = "application/json",
      ["Authorization"] = AUTH, ["Idempotency-Key"] = next_key()}, body)
  end
end
