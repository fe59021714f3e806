-- wrk script for benchmarks/load.sh: counts answers outside 2xx and prints one line load.sh reads.
--
-- wrk's own "Non-2xx or 3xx responses" lets redirects pass (an HTTPS redirect would look like success), so
-- every status is checked here. Each wrk thread runs its own copy of this script; done() adds the threads up.
-- With LOAD_PATHS naming a file of paths (one a line), each request asks the next path of the list instead of
-- the URL given, every thread starting at its own place: the mixed scenario.

local threads = {}

function setup(thread)
   thread:set("number", #threads)
   table.insert(threads, thread)
end

function init(args)
   non2xx = 0
   paths = {}
   local file = os.getenv("LOAD_PATHS")
   if file and file ~= "" then
      for line in io.lines(file) do
         if line ~= "" then table.insert(paths, line) end
      end
   end
   position = number * 61
end

function request()
   if #paths == 0 then
      return wrk.format()
   end
   position = position + 1
   return wrk.format(nil, paths[position % #paths + 1])
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
