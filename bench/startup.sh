#!/usr/bin/env bash
# Measures what docs/benchmarks.md reports for start-up: seconds from `quire run --demo` to the
# "Quire is running" banner (the MX listener answers), that the first post is accepted, and the
# resident memory of each process after 30 s idle. Run from the repository root after building;
# uses ./bench-var as its data directory (first run: fresh; run it twice for a warm start).
set -euo pipefail
QUIRE=${QUIRE:-cli/target/quire/bin/quire}
DATA=${DATA:-$PWD/bench-var}
OUT=$(mktemp)
start=$(date +%s.%N)
QUIRE_DATA_DIR=$DATA "$QUIRE" run --demo >"$OUT" 2>&1 &
launcher=$!
trap 'kill $launcher 2>/dev/null; wait $launcher 2>/dev/null; rm -f "$OUT" "$OUT.swaks"' EXIT
until grep -q "Quire is running" "$OUT"; do
  kill -0 $launcher 2>/dev/null || { cat "$OUT"; exit 1; }
  sleep 0.1
done
ready=$(date +%s.%N)
swaks --server 127.0.0.1:2525 --from alice@example.test --to demo@lists.example.test \
  --header 'Subject: bench' >"$OUT.swaks" 2>&1
grep -q '^<-  250 2.0.0 Ok: queued' "$OUT.swaks" || { cat "$OUT.swaks"; exit 1; }
printf 'start to banner: %.1f s (Payara Micro itself: %s)\n' "$(echo "$ready - $start" | bc)" \
  "$(grep -o 'ready in [0-9,]* (ms)' "$DATA/log/payara.log" | tail -1)"
sleep 30
printf '%-28s %8s\n' process "RSS MiB"
rss() { ps -o rss= -p "$1" | awk '{printf "%.0f", $1/1024}'; }
printf '%-28s %8s\n' "launcher (quire run)" "$(rss $launcher)"
for p in $(pgrep -f "$DATA/db" || true); do printf '%-28s %8s\n' "embedded mariadbd" "$(rss $p)"; done
for p in $(pgrep -f "rootdir $DATA/payara" || true); do printf '%-28s %8s\n' "Payara Micro (both wars)" "$(rss $p)"; done
