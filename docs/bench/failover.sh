#!/usr/bin/env bash
# Failover with ROWS incidents stored (docs/performance.md, "Failover"): two nodes on a local
# PostgreSQL, the engine's node killed with SIGKILL (its lock is not released), then the time
# until the other node writes the first transition of an incident posted to it right after
# the kill (an ISKP attack in a country with no alert yet: external-operations fires). Needs PostgreSQL's initdb, pg_ctl and psql on the PATH and `./mvnw package` done.
#   docs/bench/failover.sh [ROWS]      (default 1000000)
# Everything listens on 127.0.0.1 and lives in a temporary folder, removed at the end.
set -euo pipefail
ROWS=${1:-1000000}
JAR=$(cd "$(dirname "$0")/../.." && pwd)/target/harbinger.jar
WORK=$(mktemp -d)
PGPORT=55433
URL="jdbc:postgresql://127.0.0.1:$PGPORT/harbinger"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  "${AS_PG[@]}" pg_ctl -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
ms() { echo $(( $(date +%s%N) / 1000000 )); }
# PostgreSQL's tools refuse to run as root: as root, they run as the postgres user.
AS_PG=()
if [ "$(id -u)" -eq 0 ]; then AS_PG=(runuser -u postgres --); chmod 755 "$WORK"; fi

mkdir "$WORK/pg" "$WORK/pgrun"
[ ${#AS_PG[@]} -eq 0 ] || chown postgres "$WORK/pg" "$WORK/pgrun"
"${AS_PG[@]}" initdb -D "$WORK/pg" -U postgres -A trust >/dev/null
"${AS_PG[@]}" pg_ctl -D "$WORK/pg" -o "-p $PGPORT -k $WORK/pgrun -c listen_addresses=127.0.0.1" \
  -l "$WORK/pgrun/pg.log" -w start >/dev/null
psql -h 127.0.0.1 -p $PGPORT -U postgres -qc 'CREATE DATABASE harbinger' >/dev/null
export SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=postgres
export HARBINGER_DEMO_ENABLED=false HARBINGER_CLOCK_FIXED_DATE=2022-05-07 HARBINGER_INBOX_ENABLED=false
export HARBINGER_ADMIN_PASSWORD='failover-measure-1' HARBINGER_SECURITY_USERS_FILE="$WORK/users.yml"
export HARBINGER_MAIL_EML_DIR="$WORK/mail"

java -jar "$JAR" generate --rows "$ROWS" --years 3 --start 2019-05-01 --seed 7 --out "$WORK/acled.csv"
started=$(ms)
java -Xmx3g -jar "$JAR" import "$WORK/acled.csv" > "$WORK/import.log" 2>&1
echo "imported $ROWS rows into PostgreSQL in $(( ($(ms) - started) / 1000 )) s"

node() { # port
  HARBINGER_CLUSTER_ENABLED=true HARBINGER_CLUSTER_NODE_ID="node-$1" SERVER_PORT=$1 \
    java -Xmx3g -jar "$JAR" serve > "$WORK/node-$1.log" 2>&1 &
  PIDS+=($!)
}
await() { # file, text
  until grep -q "$2" "$1"; do sleep 0.2; done
}
node 18081
await "$WORK/node-18081.log" "This node runs the engine"
grep -o "This node runs the engine (started in [0-9]* ms)" "$WORK/node-18081.log" | sed 's/^/first node: /'
node 18082
await "$WORK/node-18082.log" "Started HarbingerApplication"
TOKEN=$(curl -s -u "admin:$HARBINGER_ADMIN_PASSWORD" localhost:18082/api/tokens -H 'Content-Type: application/json' \
  -d '{"name":"failover-feed","roles":["INGEST"]}' | sed 's/.*"token":"\([^"]*\)".*/\1/')

kill -9 "${PIDS[0]}"
killed=$(ms)
status=$(curl -s -o "$WORK/post.out" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  localhost:18082/api/incidents -H 'Content-Type: application/json' -d '{
  "source":"desk","id":"FAILOVER-1","event_date":"2022-05-07","event_type":"Explosions/Remote violence",
  "sub_event_type":"Remote explosive/landmine/IED","actor1":"ISKP","country":"Norway","admin1":"Oslo",
  "fatalities":0,"tags":["claimed"]}')
case "$status" in 2*) ;; *) echo "posting the incident answered $status: $(cat "$WORK/post.out")"; exit 1 ;; esac
until [ "$(psql -h 127.0.0.1 -p $PGPORT -U postgres -d harbinger -tAc \
  "SELECT COUNT(*) FROM alert_transition WHERE evidence LIKE '%FAILOVER-1%'")" -gt 0 ]; do sleep 0.2; done
psql -h 127.0.0.1 -p $PGPORT -U postgres -d harbinger -tAc "SELECT a.indicator || ' ' || a.scope || ' ' || t.kind \
  FROM alert_transition t JOIN alert a ON a.id = t.alert_id WHERE t.evidence LIKE '%FAILOVER-1%'" | sed 's/^/transition: /'
done_at=$(ms)
grep -o "This node runs the engine (started in [0-9]* ms)" "$WORK/node-18082.log" | sed 's/^/second node: /'
echo "failover: $(( done_at - killed )) ms from SIGKILL of the engine's node to the first transition written by the other"
