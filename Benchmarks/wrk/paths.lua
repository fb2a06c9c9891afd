-- wrk script for `make bench`: asks for every path of a file in turn (the pages ShipTrack's benchmark asks for, so
-- the simulator renders the same pages for both), and prints the summary as one record line ShipTrack's report reads.
-- Usage: wrk -t1 -cN -dS -s paths.lua http://127.0.0.1:PORT -- PATHS_FILE
local paths = {}
local next_index = 1

function init(args)
    for line in io.lines(args[1]) do
        if #line > 0 then paths[#paths + 1] = line end
    end
    -- Start part-way through, as ShipTrack's workers do, so the first requests are not all for the same page.
    next_index = math.floor(#paths / 3) + 1
end

function request()
    local path = paths[next_index]
    next_index = next_index % #paths + 1
    return wrk.format("GET", path)
end

function done(summary, latency, requests)
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
        + summary.errors.timeout
    io.write(string.format("requests=%d seconds=%.6f errors=%d bytes=%d\n", summary.requests,
        summary.duration / 1e6, errors, summary.bytes))
end
