-- wrk script of bench/load/run.py: a mix of the dashboard's reads (report, trend, drill-downs,
-- an enterprise's months) as a city user and of submissions as enterprise users, each wrk
-- thread with its own sessions (cookie + X-CSRF-Token). The plan comes from the file named by
-- ZHIZAO_LOAD_PLAN: one line per item, tab-separated:
--   read  PATH
--   submit  COOKIE  CSRF  BODY        (one line per enterprise session)
--   reader  COOKIE  CSRF
-- Every response is counted by status; done() prints one line "LOAD_RESULT {json}".
--
-- With ZHIZAO_LOAD_TIMED=1 (run.py sets it when each wrk thread drives one connection, -t = -c),
-- each request is also timed by kind as the client sees it: a thread's request() and response()
-- then alternate on its one connection (wrk calls request() just before it starts its own clock
-- and response() when the answer is complete), so the two ends pair exactly. The kinds: the
-- report, the drill-downs (explain endpoints: regions, divisions, parks, chains, key
-- enterprises, an enterprise's months), other reads (periods, trend) and submissions.

local threads = {}
local plan_reads, plan_submits, reader = {}, {}, nil

local timed = os.getenv("ZHIZAO_LOAD_TIMED") == "1"
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } zhizao_timespec;
  int clock_gettime(int clock_id, zhizao_timespec* tp);
]]
local kClockMonotonic = 1
local clock_now = ffi.new("zhizao_timespec")

local function now_ms()
  ffi.C.clock_gettime(kClockMonotonic, clock_now)
  return tonumber(clock_now.tv_sec) * 1e3 + tonumber(clock_now.tv_nsec) / 1e6
end

-- The kind of a read for the timings (see the top of the file).
local function kind_of_read(path)
  if string.find(path, "^/api/report") then return "report" end
  if string.find(path, "^/api/periods") or string.find(path, "^/api/trend") then
    return "other_reads"
  end
  return "drilldowns"
end

local function split(line)
  local out = {}
  for field in string.gmatch(line, "[^\t]+") do out[#out + 1] = field end
  return out
end

local function load_plan()
  for line in io.lines(os.getenv("ZHIZAO_LOAD_PLAN")) do
    local f = split(line)
    if f[1] == "read" then plan_reads[#plan_reads + 1] = f[2]
    elseif f[1] == "submit" then plan_submits[#plan_submits + 1] = {cookie = f[2], csrf = f[3], body = f[4]}
    elseif f[1] == "reader" then reader = {cookie = f[2], csrf = f[3]} end
  end
end

function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  load_plan()
  counts = {}
  submits_sent, accepted = 0, 0
  step = 0
  -- Per kind, the client's times in ms of this thread's requests (ZHIZAO_LOAD_TIMED only); one
  -- flat global each, since wrk's thread:get copies flat tables only.
  times_report, times_drilldowns, times_other_reads, times_submissions = {}, {}, {}, {}
  pending_kind, pending_start = nil, nil
  -- One submitting enterprise per thread (round robin), so threads do not share a session.
  mine = plan_submits[(id % #plan_submits) + 1]
end

-- Every SUBMIT_EVERY-th request is a submission (0: none, reads only); the rest cycle through
-- the reads.
local submit_every = tonumber(os.getenv("ZHIZAO_LOAD_SUBMIT_EVERY") or "8")
-- The reads' Accept-Encoding (e.g. "gzip, deflate, br" as a browser sends it); "": none.
local accept_encoding = os.getenv("ZHIZAO_LOAD_ACCEPT_ENCODING") or ""

function request()
  step = step + 1
  if submit_every > 0 and step % submit_every == 0 then
    submits_sent = submits_sent + 1
    if timed then pending_kind, pending_start = "submissions", now_ms() end
    return wrk.format("POST", "/api/submissions", {
      ["Cookie"] = "zhizao_session=" .. mine.cookie,
      ["X-CSRF-Token"] = mine.csrf,
      ["Content-Type"] = "application/json",
    }, mine.body)
  end
  local path = plan_reads[(step % #plan_reads) + 1]
  if timed then pending_kind, pending_start = kind_of_read(path), now_ms() end
  local headers = {["Cookie"] = "zhizao_session=" .. reader.cookie}
  if accept_encoding ~= "" then headers["Accept-Encoding"] = accept_encoding end
  return wrk.format("GET", path, headers)
end

-- Reads answer 200 and only submissions answer 201 (accepted): connections of a thread
-- interleave, so a response is told apart by its status, not by the order of requests.
function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if status == 201 then accepted = accepted + 1 end
  if timed and pending_kind ~= nil then
    local list = _G["times_" .. pending_kind]
    list[#list + 1] = now_ms() - pending_start
    pending_kind = nil
  end
end

-- '"kind": {"count": n, "p50_ms": .., "p90_ms": .., "p99_ms": .., "max_ms": ..}' of `values`
-- (nearest-rank percentiles, as run.py's per_endpoint).
local function timing_json(kind, values)
  table.sort(values)
  local n = #values
  if n == 0 then return string.format('"%s": {"count": 0}', kind) end
  local function at(p) return values[math.max(1, math.ceil(n * p / 100))] end
  return string.format('"%s": {"count": %d, "p50_ms": %.3f, "p90_ms": %.3f, "p99_ms": %.3f, ' ..
                       '"max_ms": %.3f}', kind, n, at(50), at(90), at(99), values[n])
end

-- The client's times of every thread, per kind, with "reads" (the three read kinds together).
local function client_times_json()
  local merged = {report = {}, drilldowns = {}, other_reads = {}, submissions = {}, reads = {}}
  for _, thread in ipairs(threads) do
    for _, kind in ipairs({"report", "drilldowns", "other_reads", "submissions"}) do
      for _, v in ipairs(thread:get("times_" .. kind)) do
        local list = merged[kind]
        list[#list + 1] = v
        if kind ~= "submissions" then merged.reads[#merged.reads + 1] = v end
      end
    end
  end
  local parts = {}
  for _, kind in ipairs({"reads", "report", "drilldowns", "other_reads", "submissions"}) do
    parts[#parts + 1] = timing_json(kind, merged[kind])
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end

function done(summary, latency, requests)
  local statuses, total_accepted, total_submits = {}, 0, 0
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, n in pairs(c) do statuses[status] = (statuses[status] or 0) + n end
    total_accepted = total_accepted + thread:get("accepted")
    total_submits = total_submits + thread:get("submits_sent")
  end
  local parts = {}
  for status, n in pairs(statuses) do parts[#parts + 1] = string.format('"%d": %d', status, n) end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'LOAD_RESULT {"requests": %d, "seconds": %.3f, "requests_per_second": %.1f, ' ..
    '"p50_ms": %.3f, "p90_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, ' ..
    '"socket_errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d}, ' ..
    '"non_2xx": %d, "submissions_sent": %d, "submissions_accepted": %d, "statuses": {%s}, ' ..
    '"client_times": %s}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, summary.errors.status, total_submits, total_accepted,
    table.concat(parts, ", "), timed and client_times_json() or "null"))
end
