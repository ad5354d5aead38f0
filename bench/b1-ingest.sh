#!/usr/bin/env bash
# B1, telemetry ingest: DEVICES simulated devices send QoS 1 telemetry (one ~115-byte sample per
# batch) to, in turn,
#   1. a private Mosquitto relaying to one mosquitto_sub (no persistence),
#   2. the hub on its embedded H2 file store,
#   3. the hub on PostgreSQL (127.0.0.1:5432, trust auth; database hearth_bench, recreated),
# twice each:
#   paced      the agent's real link per device (HubLink, outbox, Paho), PACED_RATE batches a
#              second per device: PUBACK latency at a steady load;
#   saturated  the wire driver (one thread, the agent's codec and window of 8), SAT_RATE a second
#              per device offered, more than any target takes: the highest acknowledged rate.
# Prints a table; keeps everything under bench/target/runs/b1/.
#
#   bench/b1-ingest.sh                        # 1,000 devices, 20 s per run
#   DEVICES=200 DURATION=10s bench/b1-ingest.sh
# Environment: DEVICES (1000), PACED_RATE (1), SAT_RATE (50, the hub's per-device limit),
# WARMUP (5s), DURATION (20s), SKIP_PG=1, SKIP_BUILD=1, MVN_OFFLINE=1, HUB_JAVA_OPTS.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

DEVICES=${DEVICES:-1000}
PACED_RATE=${PACED_RATE:-1}
SAT_RATE=${SAT_RATE:-50}
WARMUP=${WARMUP:-5s}
DURATION=${DURATION:-20s}
MQTT_PORT=${MQTT_PORT:-18830}
PG_DB=hearth_bench
OUT=$WORK/b1

need mosquitto mosquitto_sub java
build
raise_nofile
trap cleanup EXIT
rm -rf "$OUT" && mkdir -p "$OUT"
machine_info | tee "$OUT/machine.txt" >&2

# fleet NAME ARGS...: one fleet run; its output in $OUT/NAME.log, the load before it in NAME.load.
fleet() {
  local name=$1
  shift
  load >"$OUT/$name.load"
  log "$name: load $(cat "$OUT/$name.load")"
  java -jar "$FLEET_JAR" --devices "$DEVICES" --warmup "$WARMUP" --duration "$DURATION" \
    --label "$name" "$@" >"$OUT/$name.log" 2>"$OUT/$name.progress"
  grep '^RESULT' "$OUT/$name.log" >&2
}

paced() { fleet "$1-paced" --driver link --rate-per-device "$PACED_RATE" "${@:2}"; }
saturated() { fleet "$1-saturated" --driver wire --rate-per-device "$SAT_RATE" "${@:2}"; }

# --- 1. Mosquitto, relaying to one subscriber
start_mosquitto "$MQTT_PORT" "$OUT/mosquitto"
mosquitto_sub -h 127.0.0.1 -p "$MQTT_PORT" -q 1 -t 'hearth/v1/+/telemetry' -F '%U' \
  >"$OUT/mosquitto/received.txt" &
SUB_PID=$!
STARTED_PIDS+=("$SUB_PID")
sleep 0.5
paced mosquitto --broker "tcp://127.0.0.1:$MQTT_PORT"
saturated mosquitto --broker "tcp://127.0.0.1:$MQTT_PORT"
sleep 2
stop_pid "$SUB_PID"
stop_pid "$MOSQUITTO_PID"

# relayed NAME: messages a second the subscriber received within run NAME's measurement window.
relayed() {
  local log=$OUT/$1.log
  awk -v s="$(field window_start "$log")" -v e="$(field window_end "$log")" \
    '{ t = $1 * 1000 } t >= s && t <= e { n++ } END { printf "%.1f", n / ((e - s) / 1000) }' \
    "$OUT/mosquitto/received.txt"
}

# --- 2. The hub on H2, 3. on PostgreSQL
hub_runs() {
  local name=$1
  shift
  # The fleet's devices are enrolled in the hub's JVM (BenchHubMain --provision): over HTTP the
  # hub takes one enrollment a second from 127.0.0.1.
  start_hub "$OUT/$name" "$MQTT_PORT" "$@" --provision "$DEVICES" --fleet-state "$OUT/$name/fleet-state"
  local hub=(--hub "http://127.0.0.1:$HUB_HTTP" --owner-email fleet@bench.local
    --owner-password-file "$OUT/$name/owner.pw" --state "$OUT/$name/fleet-state")
  paced "$name" "${hub[@]}"
  saturated "$name" "${hub[@]}"
  stop_pid "$HUB_PID"
}
hub_runs h2 --store h2
if [ "${SKIP_PG:-0}" != 1 ]; then
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $PG_DB" -c "create database $PG_DB"
  hub_runs pg --store "jdbc:postgresql://127.0.0.1:5432/$PG_DB" --store-user postgres
fi

# --- The table
mosq_relay=$(relayed mosquitto-saturated)
{
  echo
  echo "B1 telemetry ingest, $DEVICES devices, QoS 1, $(field payload "$OUT/mosquitto-paced.log")-byte payloads, $DURATION per run"
  printf '%-22s %10s %10s %9s %9s %9s %8s  %s\n' run offered/s acked/s p50_ms p99_ms max_ms vs_relay load_before
  for run in mosquitto-paced mosquitto-saturated h2-paced h2-saturated pg-paced pg-saturated; do
    [ -f "$OUT/$run.log" ] || continue
    l=$OUT/$run.log
    ratio=$(awk -v a="$(field acked "$l")" -v m="$mosq_relay" 'BEGIN { printf "%.2f", a / m }')
    printf '%-22s %10s %10s %9s %9s %9s %8s  %s\n' "$run" "$(field offered "$l")" \
      "$(field acked "$l")" "$(field p50 "$l")" "$(field p99 "$l")" "$(field max "$l")" \
      "$ratio" "$(cat "$OUT/$run.load")"
  done
  echo "Mosquitto relay to mosquitto_sub in the saturated window: $mosq_relay msg/s (paced: $(relayed mosquitto-paced))"
  echo "Targets: persisted (h2/pg saturated acked/s) >= 0.5 x Mosquitto relay; PUBACK p99 <= 50 ms (paced)"
} | tee "$OUT/table.txt"
