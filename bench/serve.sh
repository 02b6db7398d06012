#!/usr/bin/env bash
# Load on `amends serve` with wrk: a 2 KB draft against /v1/check and
# /v2/check at 1, 16 and 256 connections (p50, p99, requests/s), a paced
# run near 500 requests/s, and RSS sampled over a soak.
#   AMENDS   the binary (default build/amends)
#   DURATION seconds per run (default 10)
#   SOAK     seconds of the soak (default 300; the issue's five minutes)
#   OUT      scratch folder (default /tmp/amends-bench/serve)
# Needs wrk (apt-get install wrk). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${AMENDS:-build/amends}
duration=${DURATION:-10}
soak=${SOAK:-300}
out=${OUT:-/tmp/amends-bench/serve}
mkdir -p "$out"
command -v wrk >/dev/null || { echo "serve.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }

# The 2 KB draft: the bundled example drafts, repeated up to 2,048 bytes.
# Each file's byte-order mark is dropped: it marks a file, not text an
# agent types, and one in mid-text sends the whole draft to ICU's break
# iterators instead of the ASCII path (about a third more work).
python3 - "$out" <<'PY'
import glob, json, sys, urllib.parse
out = sys.argv[1]
text = ""
files = sorted(glob.glob("corpora/drafts/*.txt"))
while len(text.encode()) < 2048:
    for f in files:
        text += open(f, encoding="utf-8-sig").read() + "\n"
text = text.encode()[:2048].decode("utf-8", "ignore")
open(out + "/v1.body", "w").write(json.dumps({"text": text, "customer_name": "Mary"}))
open(out + "/v2.body", "w").write("language=en-US&text=" + urllib.parse.quote(text, safe=""))
PY
for api in v1 v2; do
  ctype=application/json
  [[ $api == v2 ]] && ctype=application/x-www-form-urlencoded
  cat >"$out/$api.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "$ctype"
local f = io.open("$out/$api.body", "rb"); wrk.body = f:read("*a"); f:close()
pace = tonumber(os.getenv("PACE_MS") or "0")
function delay() return pace end
LUA
done

# 256 may be checked at once, so the 256-connection runs meet no 503; the
# soak comes after them, when every connection thread has warmed up.
"$bin" --no-config serve --listen 127.0.0.1:0 --quiet --max-concurrent 256 >"$out/serve.out" 2>"$out/serve.err" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q listening "$out/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/.*listening on \(http[^ ]*\)/\1/p' "$out/serve.out")
url=${url%/}
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }

# wrk --latency: "50.00%  1.23ms" … and "Requests/sec: 1234.5"
summary() {
  awk '/^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Requests\/sec/ {rps=$2} /Non-2xx/ {bad=$5}
       END {printf "%s | %s | %s | %s", p50, p99, rps, bad ? bad : 0}' "$1"
}
echo "| endpoint | connections | p50 | p99 | requests/s | non-2xx |"
echo "|---|---|---|---|---|---|"
for api in v1 v2; do
  for c in 1 16 256; do
    threads=$((c < 2 ? 1 : 2))
    wrk -t$threads -c$c -d"${duration}s" --latency -s "$out/$api.lua" "$url/$api/check" >"$out/$api-$c.txt"
    echo "| /$api/check | $c | $(summary "$out/$api-$c.txt") |"
  done
done
# Paced: 8 connections, each waiting 14 ms between requests (about 500/s
# when a request takes a few ms; wrk is closed-loop, so this is a sketch of
# an open-loop rate, not one).
for api in v1 v2; do
  PACE_MS=14 wrk -t2 -c8 -d"${duration}s" --latency -s "$out/$api.lua" "$url/$api/check" >"$out/$api-paced.txt"
  echo "| /$api/check paced | 8 | $(summary "$out/$api-paced.txt") |"
done

echo
echo "soak: ${soak}s of /v1/check at 16 connections; RSS in KiB every 10 s"
wrk -t2 -c16 -d"${soak}s" -s "$out/v1.lua" "$url/v1/check" >"$out/soak.txt" &
load=$!
samples="$(rss)"
while kill -0 $load 2>/dev/null; do sleep 10; samples+=" $(rss)"; done
echo "RSS: $samples"
grep Requests/sec "$out/soak.txt"
