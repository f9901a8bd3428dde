#!/usr/bin/env bash
# Makes the JVM's ahead-of-time cache for an extracted application (README, "Running the packaged application"):
# a training run starts the application on a scratch embedded database (which seeds the demo data), signs in, opens a
# few pages and stops it; the JVM then writes what it loaded, linked and profiled next to the jar. Java 24+ writes an
# AOT cache (app.aot, JEP 483/514/515); older JVMs a class-data sharing archive (app.jsa), which saves less.
# Run it again whenever the jar or the JVM changes: a cache made for another jar or JVM is ignored at start-up.
#
# Usage: scripts/aot-cache.sh <extracted application directory> [port]
#   JAVA      the JVM that will run the application (default: java on the PATH)
#   JAVA_OPTS its options, the same as for the real runs (default: -Xms64m -Xmx256m -XX:+UseSerialGC)
set -euo pipefail
APP=$(cd "${1:?usage: scripts/aot-cache.sh <extracted application directory> [port]}" && pwd)
PORT=${2:-8097}
JAVA=${JAVA:-java}
read -ra OPTS <<< "${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}"
JAR=$(ls "$APP"/partnerdesk-*.jar | head -1)
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

if "$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
  CACHE=$APP/app.aot
  RECORD=(-XX:AOTCacheOutput="$CACHE")
  USE="-XX:AOTCache=$CACHE"
else
  CACHE=$APP/app.jsa
  RECORD=(-XX:ArchiveClassesAtExit="$CACHE")
  USE="-XX:SharedArchiveFile=$CACHE"
fi
rm -f "$CACHE"

if { : 3<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null; then
  echo "Port $PORT is in use; pass a free one: scripts/aot-cache.sh $1 <port>" >&2; exit 1
fi
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
SERVER_PORT=$PORT MANAGEMENT_PORT=0 PARTNERDESK_DATA_DIR=$SCRATCH/pgdata PARTNERDESK_ADMIN_PASSWORD=$PASSWORD \
  "$JAVA" "${OPTS[@]}" "${RECORD[@]}" -Dspring.aot.enabled=true -jar "$JAR" > "$SCRATCH/training.log" 2>&1 &
pid=$!
page() { curl -sf -o "$SCRATCH/page.html" -b "$SCRATCH/cookies" -c "$SCRATCH/cookies" "$@"; }
until page "http://localhost:$PORT/sign-in"; do
  if ! kill -0 "$pid" 2>/dev/null; then cat "$SCRATCH/training.log" >&2; exit 1; fi
  sleep 0.5
done
# The demo data is seeded once the application has started; sign in when it is there.
until grep -q "Sign in with one of the demo staff accounts" "$SCRATCH/training.log"; do
  if ! kill -0 "$pid" 2>/dev/null; then cat "$SCRATCH/training.log" >&2; exit 1; fi
  sleep 0.5
done

csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$SCRATCH/page.html" | head -1 | sed 's/.*value="//; s/"$//')
page --data-urlencode "username=admin" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" \
  "http://localhost:$PORT/sign-in"
page "http://localhost:$PORT/"
page "http://localhost:$PORT/customers"
if ! grep -q '/customers/[0-9a-f-]\{36\}' "$SCRATCH/page.html"; then
  kill "$pid"; echo "The training run could not sign in; see $SCRATCH/training.log" >&2; trap - EXIT; exit 1
fi
for path in $(grep -o '/customers/[0-9a-f-]\{36\}' "$SCRATCH/page.html" | sort -u | head -2); do
  page "http://localhost:$PORT$path/users"
  page "http://localhost:$PORT$path/subscriptions"
done

kill -TERM "$pid"
wait "$pid" || true
if [ ! -s "$CACHE" ]; then cat "$SCRATCH/training.log" >&2; echo "No cache was written" >&2; exit 1; fi
echo "Wrote $CACHE ($(du -m "$CACHE" | cut -f1) MB). Start the application with:"
echo "  $JAVA ${OPTS[*]} $USE -Dspring.aot.enabled=true -jar $JAR"
