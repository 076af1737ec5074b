-- wrk script for scripts/loadtest.py: each request is a page drawn at random
-- from a list (one path a line, the file named after wrk's "--"), and every
-- error response is kept with the moment it came, so that the load test can
-- tell the errors while the database was down from those after it came back.
-- At the end it prints one line, "RESULT <json>", with the totals and latency
-- percentiles.

local ffi = require("ffi")
ffi.cdef([[
  typedef struct { long tv_sec; long tv_usec; } timeval;
  int gettimeofday(timeval *tv, void *tz);
]])
local now_tv = ffi.new("timeval")

-- Seconds since the epoch, to the microsecond: the clock Python's time.time() reads.
local function now()
  ffi.C.gettimeofday(now_tv, nil)
  return tonumber(now_tv.tv_sec) + tonumber(now_tv.tv_usec) / 1e6
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(paths, line)
    end
  end
  errors = {}
  -- Each thread its own sequence of pages.
  math.randomseed(os.time() * 100 + id)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  if status >= 400 then
    -- As JSON text already: wrk copies a thread's table of plain values
    -- back to done(), but crashes on a table of tables.
    table.insert(errors, string.format("[%.6f,%d]", now(), status))
  end
end

function done(summary, latency, requests)
  local timed = {}
  for _, thread in ipairs(threads) do
    for _, error in ipairs(thread:get("errors")) do
      table.insert(timed, error)
    end
  end
  local socket = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,'
      .. '"socket_errors":%d,"timeouts":%d,"status_errors":%d,"errors":[%s]}\n',
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    socket.connect + socket.read + socket.write + socket.timeout, socket.timeout, socket.status,
    table.concat(timed, ",")
  ))
end
