#!/usr/bin/env bash
# Start-up time (process start to the first page served) and idle memory of the packaged application on the embedded
# database: once with `java -jar` on a fresh data directory (creates the schema and seeds the demo data), once
# restarted on it, and once more restarted the recommended way (README, "Running the packaged application"): the jar
# extracted, processed ahead of time (-Dspring.aot.enabled=true), with the JVM's cache from scripts/aot-cache.sh.
#
# Usage: ./mvnw -o -q package -DskipTests && scripts/measure-startup.sh [port] [management port]
#   JAVA      the JVM to measure (default: $JAVA_HOME/bin/java, else java on the PATH); Java 24+ for the AOT cache
#   JAVA_OPTS its options (default: -Xms64m -Xmx256m -XX:+UseSerialGC)
set -euo pipefail
PORT=${1:-8102}
MANAGEMENT_PORT=${2:-9102}
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
export JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}
read -ra OPTS <<< "$JAVA_OPTS"
JCMD=$(dirname "$(command -v "$JAVA")")/jcmd
JAR=$(ls target/partnerdesk-*.jar | grep -v '\.original$' | head -1)
WORK=$(mktemp -d)
DATA=$WORK/pgdata
"$JAVA" -version 2>&1 | head -1

# Waits for the first page without starting a process per attempt (a curl every 50 ms costs the application under
# measurement a noticeable share of a 2-core machine): bash's /dev/tcp until the port accepts, then one request.
first_page() {
  local pid=$1 tick
  tick=$(mktemp -u); mkfifo "$tick"; exec {tickfd}<>"$tick"; rm -f "$tick"
  until { : 3<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || return 1
    read -rt 0.02 -u "$tickfd" || true
  done
  exec {tickfd}>&-
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/sign-in"; do kill -0 "$pid" 2>/dev/null || return 1; done
}

run() {
  local label=$1 jar=$2 start pid
  shift 2
  start=$(date +%s%N)
  SERVER_PORT=$PORT MANAGEMENT_PORT=$MANAGEMENT_PORT PARTNERDESK_DATA_DIR=$DATA \
    "$JAVA" "${OPTS[@]}" "$@" -jar "$jar" > "target/startup-$label.log" 2>&1 &
  pid=$!
  first_page "$pid" || { echo "$label: did not start, see target/startup-$label.log"; exit 1; }
  echo "$label: first page served $(( ($(date +%s%N) - start) / 1000000 )) ms after the process started," \
    "having used $(( ($(awk '{print $14 + $15}' "/proc/$pid/stat") * 1000) / $(getconf CLK_TCK) )) ms of CPU"
  sleep 30
  "$JCMD" "$pid" GC.run > /dev/null
  sleep 2
  echo "$label: idle JVM resident memory $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
  kill "$pid"
  wait "$pid" || true
}

run fresh "$JAR"
run restart "$JAR"

"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" > /dev/null
EXTRACTED=$WORK/app/$(basename "$JAR")
JAVA=$JAVA scripts/aot-cache.sh "$WORK/app" "$PORT" > target/startup-training.log
if [ -f "$WORK/app/app.aot" ]; then
  run restart-aot "$EXTRACTED" -XX:AOTCache="$WORK/app/app.aot" -Dspring.aot.enabled=true
else
  run restart-cds "$EXTRACTED" -XX:SharedArchiveFile="$WORK/app/app.jsa" -Dspring.aot.enabled=true
fi
rm -rf "$WORK"
