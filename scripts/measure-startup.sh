#!/usr/bin/env bash
# Start-up time (process start to the first page served) and idle memory of the packaged application on the embedded
# database: once on a fresh data directory (creates the schema and seeds the demo data), once restarted on it.
# Usage: ./mvnw -o -q package -DskipTests && scripts/measure-startup.sh [port]
set -euo pipefail
PORT=${1:-8102}
JAR=$(ls target/partnerdesk-*.jar | grep -v '\.original$' | head -1)
DATA=$(mktemp -d)/pgdata

run() {
  local label=$1 start pid
  start=$(date +%s%N)
  SERVER_PORT=$PORT MANAGEMENT_PORT=${MANAGEMENT_PORT:-9102} PARTNERDESK_DATA_DIR=$DATA java ${JAVA_OPTS:-} -jar "$JAR" > "target/startup-$label.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$PORT/sign-in"; do sleep 0.05; done
  echo "$label: first page served $(( ($(date +%s%N) - start) / 1000000 )) ms after the process started," \
    "having used $(( ($(awk '{print $14 + $15}' "/proc/$pid/stat") * 1000) / $(getconf CLK_TCK) )) ms of CPU"
  sleep 30
  jcmd "$pid" GC.run > /dev/null
  sleep 2
  echo "$label: idle JVM resident memory $(( $(ps -o rss= -p "$pid") / 1024 )) MB;" \
    "heap used after GC: $(jcmd "$pid" GC.heap_info | awk '/garbage-first heap|total/ {for (i = 1; i <= NF; i++) if ($i == "used") print $(i + 1); exit}')"
  kill "$pid"
  wait "$pid" || true
}

run fresh
run restart
rm -rf "$(dirname "$DATA")"
