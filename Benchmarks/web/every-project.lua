-- wrk script: each request asks for the next project page of the list in $PROJECT_IDS (one id per line), the two
-- threads starting half the list apart, so no page is asked for twice before all have been: every request misses
-- the page cache and is rendered from the database.
local ids = {}
for line in io.lines(os.getenv("PROJECT_IDS")) do ids[#ids + 1] = line end
local threads = 0

function setup(thread)
    thread:set("offset", threads * math.floor(#ids / 2))
    threads = threads + 1
end

function init(args)
    position = offset or 0
end

function request()
    position = position + 1
    return wrk.format("GET", "/documents/" .. ids[(position % #ids) + 1])
end
