#!/usr/bin/env bash
# B2, idle sessions: SESSIONS device sessions that do what an idle agent does on the wire (connect
# with its will, subscribe to commands and updates, publish the retained online status, ping every
# 30 s), held open against
#   1. a private Mosquitto (no persistence),
#   2. the hub (HubApplication in its own JVM, H2 store),
# and the memory each target holds per session: resident set (VmRSS) after minus before, divided
# by the sessions; for the hub also the Java heap in use after a full GC, and the JVM's native
# memory (NMT) committed. The sessions come from the wire driver (one selector thread), since one
# Paho client per session would be 40,000 threads in the driver; the hub sees the same packets.
# Devices are enrolled in the hub's JVM first (BenchHubMain --provision), kept for re-runs.
#
#   bench/b2-idle-sessions.sh                   # 10,000 sessions
#   SESSIONS=2000 bench/b2-idle-sessions.sh
# Environment: SESSIONS (10000), SETTLE (10, seconds between ready and measuring), SKIP_BUILD=1,
# MVN_OFFLINE=1, HUB_JAVA_OPTS (added to the hub's JVM options), KEEP_ENROLLMENTS=1 (reuse the
# hub's data and the fleet's enrollments from the previous run).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

SESSIONS=${SESSIONS:-10000}
SETTLE=${SETTLE:-10}
MQTT_PORT=${MQTT_PORT:-18840}
OUT=$WORK/b2

need mosquitto java jcmd
build
raise_nofile
trap cleanup EXIT
if [ "${KEEP_ENROLLMENTS:-0}" = 1 ] && [ -d "$OUT/hub" ]; then
  find "$OUT" -maxdepth 1 -type f -delete
else
  rm -rf "$OUT"
fi
mkdir -p "$OUT"
machine_info | tee "$OUT/machine.txt" >&2

# heap_kib PID: Java heap in use after a full GC, KiB.
heap_kib() {
  jcmd "$1" GC.run >/dev/null
  sleep 1
  jcmd "$1" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K", "", v); print v; exit } }'
}

# nmt_kib PID: native memory the JVM has committed (NMT total), KiB.
nmt_kib() {
  jcmd "$1" VM.native_memory summary | sed -n 's/^Total: reserved=[0-9]*KB, committed=\([0-9]*\)KB.*/\1/p'
}

# hold NAME ARGS...: the sessions against a target, held until measured. Sets READY.
hold() {
  local name=$1
  shift
  rm -f "$OUT/$name.ready"
  load >"$OUT/$name.load"
  java -jar "$FLEET_JAR" --mode idle --devices "$SESSIONS" --hold "$((SETTLE + 30))s" \
    --ready-file "$OUT/$name.ready" --label "$name" "$@" >"$OUT/$name.log" 2>"$OUT/$name.progress" &
  FLEET_PID=$!
  STARTED_PIDS+=("$FLEET_PID")
  await_file "$OUT/$name.ready" 900 || { tail -n 20 "$OUT/$name.progress" >&2; return 1; }
  READY=$(cat "$OUT/$name.ready")
  log "$name: $READY sessions ready; settling ${SETTLE}s"
  sleep "$SETTLE"
}

# --- 1. Mosquitto
start_mosquitto "$MQTT_PORT" "$OUT/mosquitto"
sleep 1
mosq_before=$(rss_kib "$MOSQUITTO_PID")
hold mosquitto --broker "tcp://127.0.0.1:$MQTT_PORT"
mosq_after=$(rss_kib "$MOSQUITTO_PID")
mosq_ready=$READY
wait "$FLEET_PID" || true
grep '^RESULT' "$OUT/mosquitto.log" >&2 || true
stop_pid "$MOSQUITTO_PID"

# --- 2. The hub
HUB_JAVA_OPTS="-XX:NativeMemoryTracking=summary ${HUB_JAVA_OPTS:-}" \
  start_hub "$OUT/hub" "$MQTT_PORT" --store h2 --provision "$SESSIONS" --fleet-state "$OUT/hub/fleet-state"
hub=(--hub "http://127.0.0.1:$HUB_HTTP" --owner-email fleet@bench.local
  --owner-password-file "$OUT/hub/owner.pw" --state "$OUT/hub/fleet-state")
# The devices were enrolled in the hub's JVM (BenchHubMain --provision; over HTTP the hub takes
# one enrollment a second from 127.0.0.1). Say hello once, so what is measured next is sessions.
log "hub: $SESSIONS devices enrolled (kept in $OUT/hub/fleet-state); connecting them once"
java -jar "$FLEET_JAR" --mode idle --devices "$SESSIONS" --hold 0s "${hub[@]}" \
  >"$OUT/enroll.log" 2>"$OUT/enroll.progress"
sleep 5
hub_heap_before=$(heap_kib "$HUB_PID")
hub_before=$(rss_kib "$HUB_PID")
hub_nmt_before=$(nmt_kib "$HUB_PID")
jcmd "$HUB_PID" VM.native_memory summary >"$OUT/hub-nmt-before.txt"
hold hub "${hub[@]}"
hub_heap_after=$(heap_kib "$HUB_PID")
hub_after=$(rss_kib "$HUB_PID")
hub_nmt_after=$(nmt_kib "$HUB_PID")
hub_ready=$READY
jcmd "$HUB_PID" VM.native_memory summary >"$OUT/hub-nmt-after.txt"
jcmd "$HUB_PID" Thread.print >"$OUT/hub-threads.txt"
wait "$FLEET_PID" || true
grep '^RESULT' "$OUT/hub.log" >&2 || true
stop_pid "$HUB_PID"

per() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.1f", (b - a) / n }'; }
{
  echo
  echo "B2 idle sessions: $SESSIONS asked; KiB per ready session (after - before) / sessions"
  printf '%-10s %7s %12s %12s %10s %12s %10s  %s\n' target ready rss_before rss_after rss/sess heap/sess nmt/sess load_before
  printf '%-10s %7s %12s %12s %10s %12s %10s  %s\n' mosquitto "$mosq_ready" "$mosq_before" "$mosq_after" \
    "$(per "$mosq_before" "$mosq_after" "$mosq_ready")" - - "$(cat "$OUT/mosquitto.load")"
  printf '%-10s %7s %12s %12s %10s %12s %10s  %s\n' hub "$hub_ready" "$hub_before" "$hub_after" \
    "$(per "$hub_before" "$hub_after" "$hub_ready")" \
    "$(per "$hub_heap_before" "$hub_heap_after" "$hub_ready")" \
    "$(per "$hub_nmt_before" "$hub_nmt_after" "$hub_ready")" "$(cat "$OUT/hub.load")"
  echo "hub heap after GC: $hub_heap_before -> $hub_heap_after KiB; NMT committed: $hub_nmt_before -> $hub_nmt_after KiB"
  echo "Target: hub memory per idle session <= 20 KB"
} | tee "$OUT/table.txt"
