-- wrk script of bench/load/run.py: a mix of the dashboard's reads (report, trend, drill-downs,
-- an enterprise's months) as a city user and of submissions as enterprise users, each wrk
-- thread with its own sessions (cookie + X-CSRF-Token). The plan comes from the file named by
-- ZHIZAO_LOAD_PLAN: one line per item, tab-separated:
--   read  PATH
--   submit  COOKIE  CSRF  BODY        (one line per enterprise session)
--   reader  COOKIE  CSRF
-- Every response is counted by status; done() prints one line "LOAD_RESULT {json}".

local threads = {}
local plan_reads, plan_submits, reader = {}, {}, nil

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
    return wrk.format("POST", "/api/submissions", {
      ["Cookie"] = "zhizao_session=" .. mine.cookie,
      ["X-CSRF-Token"] = mine.csrf,
      ["Content-Type"] = "application/json",
    }, mine.body)
  end
  local path = plan_reads[(step % #plan_reads) + 1]
  local headers = {["Cookie"] = "zhizao_session=" .. reader.cookie}
  if accept_encoding ~= "" then headers["Accept-Encoding"] = accept_encoding end
  return wrk.format("GET", path, headers)
end

-- Reads answer 200 and only submissions answer 201 (accepted): connections of a thread
-- interleave, so a response is told apart by its status, not by the order of requests.
function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if status == 201 then accepted = accepted + 1 end
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
    '"non_2xx": %d, "submissions_sent": %d, "submissions_accepted": %d, "statuses": {%s}}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, summary.errors.status, total_submits, total_accepted,
    table.concat(parts, ", ")))
end
