#!/usr/bin/env bash
# B6, safety reaction in process: from a sensor reading that breaks an interlock to the output
# driver writing the actuator's safe state, through the real SafetyKernel of the open microwave
# (dev.hearth.bench.safety.SafetyReactionBenchmark), with JMH in sample-time mode:
#   doorOpensGuard      door_primary opens while cooking -> magnetron-door guard -> magnetron off
#   cavityOverheatTrip  cavity_temp 250 degC -> latching cavity-overheat trip -> magnetron off
# Prints JMH's percentiles and a table of p50/p99/p99.99; JSON in bench/target/runs/b6/jmh.json.
#
#   bench/b6-safety-reaction.sh
# Environment: FORKS (2), WARMUP_ITERATIONS (3), ITERATIONS (5), ITERATION_TIME (2s),
# SKIP_BUILD=1, MVN_OFFLINE=1.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

OUT=$WORK/b6
build
rm -rf "$OUT" && mkdir -p "$OUT"
machine_info | tee "$OUT/machine.txt" >&2
load >"$OUT/load"
java -cp "$FLEET_JAR" org.openjdk.jmh.Main SafetyReactionBenchmark \
  -f "${FORKS:-2}" -wi "${WARMUP_ITERATIONS:-3}" -i "${ITERATIONS:-5}" \
  -w "${ITERATION_TIME:-2s}" -r "${ITERATION_TIME:-2s}" \
  -rf json -rff "$OUT/jmh.json" | tee "$OUT/jmh.txt"

{
  echo
  echo "B6 safety reaction (in process, JMH sample time), microseconds; load before: $(cat "$OUT/load")"
  printf '%-22s %10s %10s %10s %10s %10s %10s\n' benchmark samples p50 p99 p99.9 p99.99 max
  python3 - "$OUT/jmh.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1])):
    m = r["primaryMetric"]
    p = m["scorePercentiles"]
    n = sum(c for fork in m["rawDataHistogram"] for it in fork for _, c in it)
    print("%-22s %10d %10.2f %10.2f %10.2f %10.2f %10.2f" % (r["benchmark"].rsplit(".", 1)[1], n,
          p["50.0"], p["99.0"], p["99.9"], p["99.99"], p["100.0"]))
PY
  echo "Target: p99 <= 1 ms (1000 us)"
} | tee "$OUT/table.txt"
