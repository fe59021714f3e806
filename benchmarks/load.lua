-- wrk script for benchmarks/load.sh: counts answers outside 2xx and prints one line load.sh reads.
--
-- wrk's own "Non-2xx or 3xx responses" lets redirects pass (an HTTPS redirect would look like success), so
-- every status is checked here. Each wrk thread runs its own copy of this script; done() adds the threads up.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   non2xx = 0
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
   end
end

function done(summary, latency, requests)
   local outside = 0
   for _, thread in ipairs(threads) do
      outside = outside + thread:get("non2xx")
   end
   local errors = summary.errors
   io.write(string.format(
      "RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f socket_errors=%d non2xx=%d\n",
      summary.requests, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      errors.connect + errors.read + errors.write + errors.timeout, outside))
end
