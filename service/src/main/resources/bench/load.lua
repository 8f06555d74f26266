-- wrk script for `preflight bench`: replays the request bodies of a JSONL file (one per line) in turn,
-- or GET requests when the first argument is GET, and prints one machine-readable summary line.
local requests = {}
local next_index = 0

init = function(args)
  if args[1] == "GET" then
    requests[1] = wrk.format("GET", args[2])
  else
    for line in io.lines(args[1]) do
      requests[#requests + 1] = wrk.format("POST", args[2], {["Content-Type"] = "application/json"}, line)
    end
  end
end

request = function()
  next_index = next_index % #requests + 1
  return requests[next_index]
end

done = function(summary, latency, requests_)
  local e = summary.errors
  io.write(string.format("PREFLIGHT %d %d %d %d %d %d %d %d\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout + e.status, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency:percentile(99.9), latency.max))
end
