#!/usr/bin/env bash
# B3, rollout: one release (an agent build of ARTIFACT_MIB MiB of random bytes) rolled out in one
# group to DEVICES simulated devices, through the hub (HubApplication in its own JVM, H2 store),
# from the creation of the rollout until the hub reports it completed, side by side with what the
# machine's loopback carries (iperf3, one TCP stream, 5 s).
#
# The release goes the whole HTTP way: a release team's keys make the root the hub trusts; the
# contributor (the fleet's owner) registers their key, uploads the artifact and pushes the signed
# manifest; two maintainers (the profile's quorum) register theirs and sign approvals; one
# releases it to stable; the owner opts every device in (PATCH /api/v1/devices/ID); the
# maintainer creates the rollout {"groups":[{"percent":100}]} and the run polls it until it is
# completed. The devices are wire-driver sessions (one selector thread, enrolled in the hub's JVM
# first): on each offer a device reports what the agent's update engine reports (offered,
# downloading at every 10 %, verifying, installing, rebooting, its new status, health-check,
# committed), downloads the artifact over HTTP from the offer's first URL, and checks its size and
# SHA-256 against the manifest (bench/README.md, "B3").
#
# Ratio: (DEVICES x artifact bytes / seconds to completed) / iperf3's loopback bytes a second.
# Target: all committed within 60 s.
# Prints a table; keeps everything under bench/target/runs/b3/.
#
#   bench/b3-rollout.sh                        # 10,000 devices, 1 MiB
#   DEVICES=1000 ARTIFACT_MIB=4 bench/b3-rollout.sh
# Environment: DEVICES (10000), ARTIFACT_MIB (1), DOWNLOADERS (32, downloads at once in the
# driver), SKIP_BUILD=1, MVN_OFFLINE=1, HUB_JAVA_OPTS, FLEET_JAVA_OPTS, KEEP_ENROLLMENTS=1 (reuse
# the hub's data, the team and the enrollments of the previous run with the same DEVICES),
# PROFILE=1 (a JFR recording of the hub from the driver's start to its end, default settings, about
# 1 % overhead: runs/b3/hub.jfr), OFFER_RATE (400: the hub's --rollout-offers-per-second; the
# target needs at least 10,000 / 60 ≈ 170; hearth-hub's default is 40, to pace a real uplink).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

DEVICES=${DEVICES:-10000}
ARTIFACT_MIB=${ARTIFACT_MIB:-1}
DOWNLOADERS=${DOWNLOADERS:-32}
MQTT_PORT=${MQTT_PORT:-18870}
IPERF_PORT=${IPERF_PORT:-18871}
OUT=$WORK/b3

need java jcmd iperf3 jq
build
raise_nofile
trap cleanup EXIT
if [ "${KEEP_ENROLLMENTS:-0}" = 1 ] && [ -d "$OUT/hub" ]; then
  find "$OUT" -maxdepth 1 -type f -delete
  find "$OUT/hub" -maxdepth 1 -type f ! -name owner.pw -delete
else
  rm -rf "$OUT"
fi
mkdir -p "$OUT"
machine_info | tee "$OUT/machine.txt" >&2

# cpu_s PID: CPU seconds (user + system) the process used so far.
cpu_s() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"
}

# --- 1. The peer: loopback TCP throughput, one iperf3 stream for 5 s
port_free "$IPERF_PORT"
iperf3 -s -B 127.0.0.1 -p "$IPERF_PORT" -1 >"$OUT/iperf3-server.log" 2>&1 &
IPERF_PID=$!
STARTED_PIDS+=("$IPERF_PID")
sleep 1
load >"$OUT/iperf3.load"
iperf3 -c 127.0.0.1 -p "$IPERF_PORT" -t 5 -J >"$OUT/iperf3.json"
stop_pid "$IPERF_PID"
iperf_bps=$(jq '.end.sum_received.bits_per_second / 8' "$OUT/iperf3.json")
log "iperf3 loopback: $(awk -v b="$iperf_bps" 'BEGIN { printf "%.0f MiB/s", b / 1048576 }')"

# --- 2. The release team's root, and the hub trusting it, with the fleet enrolled
java -cp "$FLEET_JAR" dev.hearth.bench.rollout.RolloutMain team --dir "$OUT/team" >/dev/null
start_hub "$OUT/hub" "$MQTT_PORT" --store h2 --root "$OUT/team/root.json" \
  --maintainer maintainer-1@bench.local --maintainer maintainer-2@bench.local \
  --rollout-offers-per-second "${OFFER_RATE:-400}" \
  --provision "$DEVICES" --fleet-state "$OUT/hub/fleet-state"

# --- 3. The rollout
load >"$OUT/rollout.load"
hub_cpu_before=$(cpu_s "$HUB_PID")
if [ "${PROFILE:-0}" = 1 ]; then
  jcmd "$HUB_PID" JFR.start name=b3 settings=default >/dev/null
fi
log "rolling out to $DEVICES devices (load $(cat "$OUT/rollout.load")); progress in $OUT/rollout.progress"
status=0
# shellcheck disable=SC2086 # FLEET_JAVA_OPTS is a list of options.
/usr/bin/time -f '%U %S %M' -o "$OUT/driver.time" \
  java ${FLEET_JAVA_OPTS:-} -cp "$FLEET_JAR" dev.hearth.bench.rollout.RolloutMain run \
  --hub "http://127.0.0.1:$HUB_HTTP" --password-file "$OUT/hub/owner.pw" --team "$OUT/team" \
  --state "$OUT/hub/fleet-state" --devices "$DEVICES" --artifact-kib $((ARTIFACT_MIB * 1024)) \
  --downloaders "$DOWNLOADERS" >"$OUT/rollout.log" 2>"$OUT/rollout.progress" || status=$?
hub_cpu_after=$(cpu_s "$HUB_PID")
hub_hwm=$(hwm_kib "$HUB_PID")
if [ "${PROFILE:-0}" = 1 ]; then
  jcmd "$HUB_PID" JFR.stop name=b3 filename="$OUT/hub.jfr" >/dev/null || true
fi
jcmd "$HUB_PID" Thread.print >"$OUT/hub-threads.txt" 2>/dev/null || true
stop_pid "$HUB_PID"
if ! grep -q '^RESULT' "$OUT/rollout.log"; then
  log "the rollout run failed (exit $status):"
  tail -n 30 "$OUT/rollout.progress" >&2
  exit 1
fi

# --- The table
l=$OUT/rollout.log
read -r drv_user drv_sys drv_rss <"$OUT/driver.time"
{
  echo
  cat "$l"
  echo
  echo "B3 rollout: $DEVICES devices, $ARTIFACT_MIB MiB artifact ($(field artifact_bytes "$l") bytes), one group; times from the rollout's creation"
  printf '%-34s %s\n' "rollout status" "$(field status "$l") ($(field hub_committed "$l") of $(field members "$l") members committed, $(field failed "$l") failed)"
  printf '%-34s %s s\n' "to completed (hub)" "$(field completed_s "$l")"
  printf '%-34s %s / %s / %s s\n' "device committed p50 / p99 / max" \
    "$(field commit_p50_s "$l")" "$(field commit_p99_s "$l")" "$(field commit_max_s "$l")"
  printf '%-34s %s / %s s\n' "offer received p50 / max" "$(field offer_p50_s "$l")" "$(field offer_max_s "$l")"
  printf '%-34s %s / %s / %s ms\n' "offer -> committed p50 / p99 / max" \
    "$(field o2c_p50_ms "$l")" "$(field o2c_p99_ms "$l")" "$(field o2c_max_ms "$l")"
  printf '%-34s %s bytes\n' "artifact bytes downloaded" "$(field bytes "$l")"
  awk -v d="$(field download_bps "$l")" -v r="$(field rollout_bps "$l")" -v p="$iperf_bps" 'BEGIN {
    printf "%-34s %.1f MiB/s (%.3f x iperf3)\n", "download rate while downloading", d / 1048576, d / p
    printf "%-34s %.1f MiB/s\n", "N x size / time to completed", r / 1048576
    printf "%-34s %.0f MiB/s\n", "iperf3 loopback (1 stream, 5 s)", p / 1048576
    printf "%-34s %.4f\n", "ratio (N x size / t) / iperf3", r / p
  }'
  printf '%-34s %s s CPU, peak RSS %s KiB\n' "hub while the driver ran" \
    "$(awk -v a="$hub_cpu_before" -v b="$hub_cpu_after" 'BEGIN { printf "%.1f", b - a }')" "$hub_hwm"
  printf '%-34s %s s CPU (incl. connecting), peak RSS %s KiB\n' "device driver" \
    "$(awk -v u="$drv_user" -v s="$drv_sys" 'BEGIN { printf "%.1f", u + s }')" "$drv_rss"
  printf '%-34s %s\n' "load before iperf3 / rollout" "$(cat "$OUT/iperf3.load") / $(cat "$OUT/rollout.load")"
  c=$(field completed_s "$l")
  within=$(awk -v c="$c" -v all="$(field all_committed "$l")" \
    'BEGIN { print (all == "yes" && c != "NaN" && c + 0 <= 60) ? "yes" : "no" }')
  echo "Target: all committed within 60 s: $within"
} | tee "$OUT/table.txt"
