-- wrk reporter: requests/s, p50/p95/p99 latency (ms) and non-2xx count, one line per run.
local non2xx = 0
response = function(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
    non2xx))
end

-- WRK_BUST_CACHE=1: a new query string per request, so every request misses the output cache (the cost of rendering).
if os.getenv("WRK_BUST_CACHE") then
  local n = 0
  request = function()
    n = n + 1
    return wrk.format(nil, wrk.path .. "?meting=" .. n .. "-" .. math.random(1000000000))
  end
end
