#!/usr/bin/env bash
# Chaos run: two instances of the packaged application on one PostgreSQL, bounded random traffic from simulated staff
# members and customer users (scripts/chaos/ChaosTraffic.java), one instance killed with SIGKILL half-way through while
# it is creating an import and started again, then every integrity invariant checked in SQL. Exits non-zero when an
# invariant is violated or a request answered 5xx. What it does and its figures: docs/reliability.md.
#
# Usage: scripts/chaos-run.sh                      (builds target/partnerdesk-*.jar first if there is none)
#   CHAOS_DURATION              seconds of traffic (default 120); the kill comes half-way
#   CHAOS_CLIENTS               concurrent clients (default 50; one in eight is a customer user)
#   CHAOS_IMPORT_RETRY_SECONDS  how long after the traffic the interrupted import may take to become retryable (120)
#   CHAOS_BIG_IMPORT_ROWS       rows of the import being created when the instance is killed (default 3000)
#   CHAOS_DATABASE_URL          an empty database to use instead of a private one, as a libpq URI
#                               (postgresql://user:password@host:port/database)
#   CHAOS_PG_BIN                PostgreSQL server binaries for the private database (default: Debian's 15)
#   CHAOS_KEEP                  set to 1 to keep the work directory (logs of both instances) afterwards
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DURATION=${CHAOS_DURATION:-120}
CLIENTS=${CHAOS_CLIENTS:-50}
IMPORT_RETRY_SECONDS=${CHAOS_IMPORT_RETRY_SECONDS:-120}
BIG_IMPORT_ROWS=${CHAOS_BIG_IMPORT_ROWS:-3000}
PG_BIN=${CHAOS_PG_BIN:-/usr/lib/postgresql/15/bin}
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
ADMIN_PASSWORD=chaos-admin-$RANDOM$RANDOM
RUN=$(date +%H%M%S)$RANDOM

WORK=$(mktemp -d -t partnerdesk-chaos.XXXXXX)
chmod 755 "$WORK"
PG_DATA=
APP_PIDS=("" "")
DRIVER_PID=

log() { printf '[chaos %s] %s\n' "$(date +%T)" "$*"; }

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    [ -n "$DRIVER_PID" ] && kill "$DRIVER_PID" 2>/dev/null || true
    # A graceful stop first; an instance still starting finishes its start before it stops, so wait at most 30 s.
    for pid in "${APP_PIDS[@]}"; do
        [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    done
    for _ in $(seq 60); do
        local alive=
        for pid in "${APP_PIDS[@]}"; do
            [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && alive=1
        done
        [ -z "$alive" ] && break
        sleep 0.5
    done
    for pid in "${APP_PIDS[@]}"; do
        [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
    done
    if [ -n "$PG_DATA" ]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop > /dev/null 2>&1 || true
    fi
    if [ "${CHAOS_KEEP:-}" = 1 ]; then
        log "work directory kept: $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

free_port() {
    local port
    while :; do
        port=$(( 20000 + RANDOM % 30000 ))
        if ! { : 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
            echo "$port"
            return
        fi
    done
}

# ---- 1. the jar and the database --------------------------------------------------------------------------------
JAR=$(ls target/partnerdesk-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
if [ -z "$JAR" ]; then
    log "building the jar"
    ./mvnw -q -B -ntp package -DskipTests
    JAR=$(ls target/partnerdesk-*.jar | grep -v '\.original$' | head -1)
fi

if [ -n "${CHAOS_DATABASE_URL:-}" ]; then
    if ! [[ $CHAOS_DATABASE_URL =~ ^postgres(ql)?://([^:@/]+)(:([^@/]*))?@([^:/]+)(:([0-9]+))?/([^?]+) ]]; then
        echo "CHAOS_DATABASE_URL must look like postgresql://user:password@host:port/database" >&2
        exit 2
    fi
    DB_USER=${BASH_REMATCH[2]}
    DB_PASSWORD=${BASH_REMATCH[4]}
    DB_HOST=${BASH_REMATCH[5]}
    DB_PORT=${BASH_REMATCH[7]:-5432}
    DB_NAME=${BASH_REMATCH[8]}
    PSQL_URL=$CHAOS_DATABASE_URL
    log "using the database at $DB_HOST:$DB_PORT/$DB_NAME"
else
    PG_PORT=$(free_port)
    PG_DATA=$WORK/pgdata
    mkdir -p "$PG_DATA"
    [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA" "$WORK"
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 > "$WORK/initdb.log"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/postgresql.log" -w \
        -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200" start > /dev/null
    psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 \
        -c "create user chaos password 'chaos'" -c "create database chaos owner chaos"
    DB_USER=chaos DB_PASSWORD=chaos DB_HOST=127.0.0.1 DB_PORT=$PG_PORT DB_NAME=chaos
    PSQL_URL=postgresql://chaos:chaos@127.0.0.1:$PG_PORT/chaos
    log "private PostgreSQL on port $PG_PORT"
fi
sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$PSQL_URL" -c "$1"; }

# ---- 2. two instances ---------------------------------------------------------------------------------------------
PORTS=("$(free_port)" "$(free_port)")
MANAGEMENT_PORTS=("$(free_port)" "$(free_port)")

start_instance() {
    local i=$1 demo=$2
    SERVER_PORT=${PORTS[$i]} MANAGEMENT_PORT=${MANAGEMENT_PORTS[$i]} \
    SPRING_DATASOURCE_URL=jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME \
    SPRING_DATASOURCE_USERNAME=$DB_USER SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD \
    PARTNERDESK_DEMO_ENABLED=$demo PARTNERDESK_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    PARTNERDESK_SIGN_IN_MAX_FAILURES_PER_ADDRESS=1000000 \
        "$JAVA" -Xmx256m -jar "$JAR" >> "$WORK/instance-$((i + 1)).log" 2>&1 &
    APP_PIDS[$i]=$!
}

# Sets READY_AFTER to the seconds the instance took to report readiness.
wait_ready() {
    local i=$1 started=$SECONDS
    until curl -sf -o /dev/null "http://127.0.0.1:${MANAGEMENT_PORTS[$i]}/actuator/health/readiness"; do
        if ! kill -0 "${APP_PIDS[$i]}" 2>/dev/null || (( SECONDS - started > 240 )); then
            log "instance $((i + 1)) did not become ready; its log ends with:"
            tail -40 "$WORK/instance-$((i + 1)).log"
            exit 1
        fi
        sleep 0.5
    done
    READY_AFTER=$(( SECONDS - started ))
}

# The first instance migrates the schema and seeds the demo customers and staff; the second joins it afterwards.
start_instance 0 true
wait_ready 0
log "instance 1 (port ${PORTS[0]}, pid ${APP_PIDS[0]}) ready after $READY_AFTER s"
start_instance 1 false
wait_ready 1
log "instance 2 (port ${PORTS[1]}, pid ${APP_PIDS[1]}) ready after $READY_AFTER s"

customer() {
    sql "select c.id || '|' || c.company_name || '|' || d.domain from customer c
         join customer_domain d on d.customer_id = c.id and d.position = 0 where c.company_name = '$1'"
}
# Staff traffic in Contoso and Northwind, customer users in Adventure Works and Tailspin, the interrupted import in
# Wide World Importers (so that its stuck import slot, if any, does not stop the small imports).
CUSTOMERS="$(customer Contoso);$(customer 'Northwind Traders');$(customer 'Adventure Works Cycles')"
CUSTOMERS+=";$(customer 'Tailspin Toys');$(customer 'Wide World Importers')"

# ---- 3 and 4. traffic, and the kill half-way --------------------------------------------------------------------
log "traffic for $DURATION s from $CLIENTS clients"
"$JAVA" -Xmx512m "$ROOT/scripts/chaos/ChaosTraffic.java" \
    "base1=http://127.0.0.1:${PORTS[0]}" "base2=http://127.0.0.1:${PORTS[1]}" "duration=$DURATION" \
    "clients=$CLIENTS" "adminPassword=$ADMIN_PASSWORD" "run=$RUN" "work=$WORK" "customers=$CUSTOMERS" \
    "bigImportRows=$BIG_IMPORT_ROWS" "importRetrySeconds=$IMPORT_RETRY_SECONDS" &
DRIVER_PID=$!
KILLED=
while kill -0 "$DRIVER_PID" 2>/dev/null; do
    if [ -z "$KILLED" ] && [ -f "$WORK/kill-now" ]; then
        KILLED=1
        kill -9 "${APP_PIDS[1]}"
        wait "${APP_PIDS[1]}" 2>/dev/null || true
        BATCH=$(grep -oE '[0-9a-f]{8}-[0-9a-f-]{27}$' "$WORK/kill-now" || true)
        AT_KILL=$([ -n "$BATCH" ] && sql "select status || ', ' || rows_created || ' of ' || valid_count || ' users created'
                                          from import_batch where id = '$BATCH'" || echo "no import")
        log "instance 2 killed with SIGKILL (pid ${APP_PIDS[1]}); its import: $AT_KILL"
        echo "--- killed with SIGKILL, started again ---" >> "$WORK/instance-2.log"
        sleep 5
        start_instance 1 false
        wait_ready 1
        log "instance 2 started again (pid ${APP_PIDS[1]}), ready after $READY_AFTER s"
        echo "instance 2 killed with SIGKILL once, its import then $AT_KILL; started again 5 s later," \
            "ready after ${READY_AFTER} s" > "$WORK/restarted"
    fi
    sleep 0.5
done
DRIVER_STATUS=0
wait "$DRIVER_PID" || DRIVER_STATUS=$?
DRIVER_PID=
if [ "$DRIVER_STATUS" != 0 ] || [ ! -f "$WORK/traffic-results.txt" ]; then
    log "the traffic driver failed (exit $DRIVER_STATUS)"
    exit 1
fi

# ---- 5. invariants ------------------------------------------------------------------------------------------------
declare -A CHECKS
check() {
    local name=$1 query=$2 detail=${3:-}
    local n
    n=$(sql "$query")
    CHECKS[$name]=$n
    printf '| %s | %s |\n' "$name" "$n" >> "$WORK/invariants.md"
    if [ "$n" != 0 ] && [ -n "$detail" ]; then
        sql "$detail" | head -10 | sed 's/^/    /' >> "$WORK/invariant-details.txt"
    fi
}
printf '| invariant | violations |\n|---|---:|\n' > "$WORK/invariants.md"
: > "$WORK/invariant-details.txt"

check "seat counter equals the assignments (subscriptions off)" \
    "select count(*) from subscription s where s.seats_assigned <> (select count(*) from license_assignment a
       where a.customer_id = s.customer_id and a.subscription_id = s.id)" \
    "select product_sku || ': counter ' || s.seats_assigned || ', assignments ' || (select count(*)
       from license_assignment a where a.customer_id = s.customer_id and a.subscription_id = s.id)
     from subscription s where s.seats_assigned <> (select count(*) from license_assignment a
       where a.customer_id = s.customer_id and a.subscription_id = s.id)"
check "no subscription oversold" "select count(*) from subscription where seats_assigned > seats_total"
check "no deleted user holds a license (assignments)" \
    "select count(*) from license_assignment a join customer_user u on u.customer_id = a.customer_id
       and u.id = a.user_id where u.deleted_at is not null"
check "user counters equal the users (customers off)" \
    "select count(*) from customer c left join customer_user_count n on n.customer_id = c.id
     where coalesce(n.active_users, 0) <> (select count(*) from customer_user u
       where u.customer_id = c.id and u.deleted_at is null)"
check "one active user per username across customers (usernames twice)" \
    "select count(*) from (select lower(username) from customer_user where deleted_at is null
       group by 1 having count(*) > 1) twins"
# Username claims, where the schema has them: every active user holds the claim of its username, and every claim
# belongs to a user that exists.
CLAIM_COLUMNS=$(sql "select string_agg(column_name, ',') from information_schema.columns
                     where table_schema = current_schema() and table_name = 'username_claim'")
if [ -n "$CLAIM_COLUMNS" ]; then
    if [[ ,$CLAIM_COLUMNS, == *,user_id,* ]]; then
        CLAIM_JOIN="c.user_id = u.id"
    else
        CLAIM_JOIN="c.customer_id = u.customer_id"
    fi
    check "every active user holds its username claim (users without)" \
        "select count(*) from customer_user u where u.deleted_at is null and not exists (select 1 from username_claim c
           where $CLAIM_JOIN and lower(c.username) = lower(u.username))"
    check "no username claim without its user (claims)" \
        "select count(*) from username_claim c where not exists (select 1 from customer_user u
           where $CLAIM_JOIN and lower(c.username) = lower(u.username))"
else
    echo "(no table username_claim in this schema: claims not checked)" >> "$WORK/invariant-details.txt"
fi
check "no import left running (batches reading or creating)" \
    "select count(*) from import_batch where status in ('READING', 'CREATING')"
# An import creates all its valid rows or none: count, per batch, the users whose username only that batch's valid
# rows named (a username named by two files is left out, since either may have created it).
check "no half import (batches with some but not all users)" \
    "with rows_of as (select r.customer_id, r.batch_id, count(*) as valid_rows, count(u.id) as users
       from import_row r left join customer_user u on u.customer_id = r.customer_id
         and lower(u.username) = lower(r.username)
       where r.valid and not exists (select 1 from import_row other where lower(other.username) = lower(r.username)
         and other.batch_id <> r.batch_id)
       group by r.customer_id, r.batch_id)
     select count(*) from import_batch b join rows_of r on r.customer_id = b.customer_id and r.batch_id = b.id
     where (b.status = 'CREATED' and r.users <> r.valid_rows) or (b.status <> 'CREATED' and r.users > 0)"

# shellcheck disable=SC1091
source "$WORK/traffic-results.txt"
printf '| 5xx answers | %s |\n' "$server_errors" >> "$WORK/invariants.md"
printf '| customer-user sessions reaching another account or a staff page | %s |\n' "$cross_customer" \
    >> "$WORK/invariants.md"
printf '| wrong passwords accepted | %s |\n' "$wrong_password_accepted" >> "$WORK/invariants.md"
printf '| imports cut by the kill still running, or not created by Create again (pages) | %s |\n' \
    "$(( traffic_violations - cross_customer - wrong_password_accepted ))" >> "$WORK/invariants.md"

# ---- 6. summary -----------------------------------------------------------------------------------------------------
VIOLATIONS=$(( server_errors + traffic_violations ))
for name in "${!CHECKS[@]}"; do
    VIOLATIONS=$(( VIOLATIONS + CHECKS[$name] ))
done
echo
echo "## Chaos run $(date -u +%Y-%m-%dT%H:%MZ): $DURATION s, $CLIENTS clients, two instances, $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo
echo "### Operations"
echo
sed -n '1,/^$/p' "$WORK/traffic-report.md"
sed -n '/^Faults injected/,$p' "$WORK/traffic-report.md" | sed -n '1,/^$/p'
echo "### Invariants"
echo
cat "$WORK/invariants.md"
if [ -s "$WORK/invariant-details.txt" ]; then
    echo
    cat "$WORK/invariant-details.txt"
fi
echo
sed -n '/^Outcomes in detail/,/^$/p' "$WORK/traffic-report.md"
sed -n '/^First 5xx/,/^$/p' "$WORK/traffic-report.md"
grep 'VIOLATION' "$WORK/traffic-report.md" || true
echo "ERROR lines in the logs: instance 1: $(grep -c ' ERROR ' "$WORK/instance-1.log" || true)," \
    "instance 2: $(grep -c ' ERROR ' "$WORK/instance-2.log" || true)"
# The first errors with their exception, so that a 5xx can be explained after the work directory is gone.
for i in 1 2; do
    grep -A3 ' ERROR ' "$WORK/instance-$i.log" | grep -E ' ERROR |Exception|^\s+at com\.partnerdesk' | head -12 \
        | cut -c1-400 | sed "s/^/  instance $i: /" || true
done
echo
if [ "$VIOLATIONS" != 0 ]; then
    log "FAILED: $VIOLATIONS invariant violations or 5xx answers"
    exit 1
fi
log "passed: no invariant violated, no 5xx"
