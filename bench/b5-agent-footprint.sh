#!/usr/bin/env bash
# B5, the agent in simulation: resident memory and time to first telemetry, beside a bare Paho
# client process that publishes one message (bench/target/hearth-paho-once.jar: Paho and one
# class). Each runs against a private Mosquitto; a mosquitto_sub started before it timestamps
# what arrives (%U: the Unix time the subscriber received it). Measured per JVM flag set:
#   package    the Debian wrapper's flags (device-agent/src/deb/bin/hearth-agent)
#   plain      java -Xmx32m alone
#   tuned      the package's flags plus the changes proposed in bench/RESULTS.md (an AppCDS
#              archive of the agent's classes, made here by a training run, and a small
#              initial heap)
# plus one profiling run (package flags, NMT and class loading logged; not in the table).
# Columns: first status (online, sent on connect), first telemetry (the first batch; the agent
# sends it when its first 5 s send interval ends), RSS after RSS_AT seconds and its peak.
# The agent runs `hearth-agent run` on the simulated open-washer with CoAP on, with a written
# enrollment.json pointing at the private broker. An NMT summary of the package run is kept.
#
#   bench/b5-agent-footprint.sh
# Environment: RSS_AT (25), REPEAT (1: runs per flag set; the median is shown), SKIP_BUILD=1,
# MVN_OFFLINE=1.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

RSS_AT=${RSS_AT:-25}
REPEAT=${REPEAT:-1}
MQTT_PORT=${MQTT_PORT:-18850}
OUT=$WORK/b5
AGENT_JAR=$ROOT/device-agent/target/hearth-agent.jar
PAHO_JAR=$BENCH_DIR/target/hearth-paho-once.jar
PACKAGE_FLAGS="-Xmx32m -Xms8m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
PLAIN_FLAGS="-Xmx32m"
CDS=$OUT/agent.jsa
TUNED_FLAGS="$PACKAGE_FLAGS -Xms8m -XX:SharedArchiveFile=$CDS -Xshare:auto"
DEVICE=bench-b5-agent

need mosquitto mosquitto_sub java
build
trap cleanup EXIT
rm -rf "$OUT" && mkdir -p "$OUT"
machine_info | tee "$OUT/machine.txt" >&2
start_mosquitto "$MQTT_PORT" "$OUT/mosquitto"

# A board enrolled with a hub that points it at the private broker.
agent_state() {
  local dir=$1
  rm -rf "$dir" && mkdir -p "$dir/state"
  cat >"$dir/agent.yaml" <<YAML
hardware:
  provider: simulation
stateDir: $dir/state
local:
  coap:
    bind: 127.0.0.1
    port: 15683
YAML
  cat >"$dir/state/enrollment.json" <<JSON
{"deviceId":"$DEVICE","hub":"http://127.0.0.1:9","profile":"open-washer@1","hardwareId":"bench-b5-board","enrolledAt":"2026-01-01T00:00:00Z","mqtt":{"uri":"tcp://127.0.0.1:$MQTT_PORT","username":"$DEVICE","password":"not-checked-by-this-broker"}}
JSON
}

# first TOPIC FILE: a subscriber that writes when the first message on TOPIC arrives.
first() {
  mosquitto_sub -h 127.0.0.1 -p "$MQTT_PORT" -C 1 -R -F '%U' -t "$1" >"$2" &
  STARTED_PIDS+=($!)
}

# measure NAME FLAGS CLIENT...: starts CLIENT under FLAGS, records the times of its first status
# and first telemetry after its start, its RSS after RSS_AT s and its peak, then stops it.
measure() {
  local name=$1 flags=$2 kind=$3 dir=$OUT/$1
  mkdir -p "$dir"
  local topic_status="hearth/v1/$DEVICE/status" topic_telemetry="hearth/v1/$DEVICE/telemetry"
  [ "$kind" = paho ] && topic_status="hearth/v1/bare-paho/telemetry" && topic_telemetry=$topic_status
  first "$topic_status" "$dir/status.t"
  first "$topic_telemetry" "$dir/telemetry.t"
  sleep 1
  load >"$dir/load"
  local start pid
  start=$(date +%s.%N)
  if [ "$kind" = paho ]; then
    # shellcheck disable=SC2086
    java $flags -jar "$PAHO_JAR" "tcp://127.0.0.1:$MQTT_PORT" bare-paho "$((RSS_AT + 5))" \
      >"$dir/client.log" 2>&1 &
  else
    agent_state "$dir/agent"
    # shellcheck disable=SC2086
    java $flags -jar "$AGENT_JAR" run --config "$dir/agent/agent.yaml" >"$dir/client.log" 2>&1 &
  fi
  pid=$!
  STARTED_PIDS+=("$pid")
  sleep "$RSS_AT"
  rss_kib "$pid" >"$dir/rss"
  hwm_kib "$pid" >"$dir/hwm"
  if [ "${NMT:-}" = "$name" ]; then
    jcmd "$pid" VM.native_memory summary >"$OUT/$name-nmt.txt" || true
  fi
  stop_pid "$pid"
  local s t
  s=$(cat "$dir/status.t" 2>/dev/null || true)
  t=$(cat "$dir/telemetry.t" 2>/dev/null || true)
  awk -v a="$start" -v s="$s" -v t="$t" 'BEGIN {
    printf "%s %s\n", (s == "" ? "-" : sprintf("%.2f", s - a)), (t == "" ? "-" : sprintf("%.2f", t - a)) }' \
    >"$dir/times"
  log "$name: status/telemetry after $(cat "$dir/times") s, RSS $(cat "$dir/rss") KiB, load $(cat "$dir/load")"
}

# An AppCDS archive of what the agent loads, dumped when a training run exits.
log "training run for the AppCDS archive ($CDS)"
agent_state "$OUT/cds-training"
# shellcheck disable=SC2086
java $PACKAGE_FLAGS -XX:ArchiveClassesAtExit="$CDS" -jar "$AGENT_JAR" run \
  --config "$OUT/cds-training/agent.yaml" >"$OUT/cds-training.log" 2>&1 &
training=$!
STARTED_PIDS+=("$training")
sleep 12
stop_pid "$training"
[ -f "$CDS" ] || log "no archive was written; the tuned runs go without it"

# The profile behind the figures: native memory by category, the heap, classes by package.
NMT=agent-nmt measure agent-nmt "$PACKAGE_FLAGS -XX:NativeMemoryTracking=summary -Xlog:class+load=info:file=$OUT/agent-classes.txt" agent
awk '{ print $2 }' "$OUT/agent-classes.txt" | awk -F. '{ print $1 "." $2 "." $3 }' | sort | uniq -c |
  sort -rn | awk 'NR <= 25' >"$OUT/agent-classes-by-package.txt"

for i in $(seq 1 "$REPEAT"); do
  measure "agent-package-$i" "$PACKAGE_FLAGS" agent
  measure "agent-plain-$i" "$PLAIN_FLAGS" agent
  measure "agent-tuned-$i" "$TUNED_FLAGS" agent
  measure "paho-package-$i" "$PACKAGE_FLAGS" paho
  measure "paho-plain-$i" "$PLAIN_FLAGS" paho
done

# median NAME COLUMN: the median over the repeats of one figure.
median() {
  local name=$1 what=$2
  for i in $(seq 1 "$REPEAT"); do
    case $what in
      status) cut -d' ' -f1 "$OUT/$name-$i/times" ;;
      telemetry) cut -d' ' -f2 "$OUT/$name-$i/times" ;;
      *) awk '{ printf "%.1f\n", $1 / 1024 }' "$OUT/$name-$i/$what" ;;
    esac
  done | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

{
  echo
  echo "B5 agent footprint (simulation, open-washer@1, CoAP on); median of $REPEAT; RSS after ${RSS_AT}s"
  printf '%-14s %14s %17s %10s %10s  %s\n' run first_status_s first_telemetry_s rss_MiB peak_MiB load_before
  for name in agent-package agent-plain agent-tuned paho-package paho-plain; do
    printf '%-14s %14s %17s %10s %10s  %s\n' "$name" "$(median "$name" status)" \
      "$(median "$name" telemetry)" "$(median "$name" rss)" "$(median "$name" hwm)" \
      "$(cat "$OUT/$name-1/load")"
  done
  echo "package: $PACKAGE_FLAGS"
  echo "tuned: $TUNED_FLAGS"
  echo "classes loaded by the agent: $(wc -l <"$OUT/agent-classes.txt"); NMT: $OUT/agent-nmt-nmt.txt"
  echo "Targets: RSS <= 64 MB with -Xmx32m; first telemetry <= 2 s"
} | tee "$OUT/table.txt"
