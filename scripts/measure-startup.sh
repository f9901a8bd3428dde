#!/usr/bin/env bash
# Start-up time (process start to the first page served) and idle memory of the packaged application on the embedded
# database: once on a fresh data directory (creates the schema and seeds the demo data), once restarted on it, and
# once more restarted the recommended way for production: the jar extracted, with a class-data sharing archive made
# by a training run (README, "Faster start").
# Usage: ./mvnw -o -q package -DskipTests && JAVA_OPTS="-Xms64m -Xmx256m -XX:+UseSerialGC" scripts/measure-startup.sh [port]
set -euo pipefail
PORT=${1:-8102}
JAR=$(ls target/partnerdesk-*.jar | grep -v '\.original$' | head -1)
WORK=$(mktemp -d)
DATA=$WORK/pgdata

run() {
  local label=$1 jar=$2 start pid
  shift 2
  start=$(date +%s%N)
  SERVER_PORT=$PORT MANAGEMENT_PORT=${MANAGEMENT_PORT:-9102} PARTNERDESK_DATA_DIR=$DATA \
    java ${JAVA_OPTS:-} "$@" -jar "$jar" > "target/startup-$label.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$PORT/sign-in"; do sleep 0.05; done
  echo "$label: first page served $(( ($(date +%s%N) - start) / 1000000 )) ms after the process started," \
    "having used $(( ($(awk '{print $14 + $15}' "/proc/$pid/stat") * 1000) / $(getconf CLK_TCK) )) ms of CPU"
  sleep 30
  jcmd "$pid" GC.run > /dev/null
  sleep 2
  echo "$label: idle JVM resident memory $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
  kill "$pid"
  wait "$pid" || true
}

run fresh "$JAR"
run restart "$JAR"

java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" > /dev/null
EXTRACTED=$WORK/app/$(basename "$JAR")
# The training run starts the context on a database of its own and exits once it is refreshed.
PARTNERDESK_DATA_DIR=$WORK/training SERVER_PORT=0 MANAGEMENT_PORT=0 java ${JAVA_OPTS:-} \
  -XX:ArchiveClassesAtExit="$WORK/app/application.jsa" -Dspring.context.exit=onRefresh -jar "$EXTRACTED" \
  > target/startup-training.log 2>&1
run restart-cds "$EXTRACTED" -XX:SharedArchiveFile="$WORK/app/application.jsa"
rm -rf "$WORK"
