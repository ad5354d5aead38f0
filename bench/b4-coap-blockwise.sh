#!/usr/bin/env bash
# B4, CoAP block-wise download: one SIZE-byte random artifact downloaded in BLOCK-byte blocks
# (Block2, RFC 7959, one confirmable GET per block), DOWNLOADS times after WARMUP untimed ones,
#   hearth   the hub's CaliforniumArtifactResource (dev.hearth.bench.coap.CoapServeMain, a JVM of
#            its own) and the agent's CaliforniumArtifactFetcher asking for BLOCK-byte blocks
#            (dev.hearth.bench.coap.CoapDownloadBench, another JVM)
#   libcoap  libcoap's coap-server, the artifact PUT to it first (this version serves no
#            directory: its -d is the number of resources a client may create), and one
#            coap-client -b BLOCK process per download
# plus the two crossed pairs (Hearth's fetcher from coap-server, coap-client from Hearth's
# resource), which show which side the time goes to. Both servers are plain CoAP over UDP on
# loopback: the hub itself only offers CoAP over DTLS (CaliforniumCoapServer), libcoap's plain
# server is the peer, so the Hearth resource runs here on a plain endpoint configured as the hub's
# (dev.hearth.hub.gateway.coap.PlainArtifactServer). Every download is checked: the fetcher's by
# SHA-256, coap-client's output by cmp, outside the timed span. A coap-client download is timed
# around the process, its start included (see the startup row); a fetcher download around the
# fetch call, its endpoint's set-up included (as for every artifact on a board).
#
#   bench/b4-coap-blockwise.sh
# Environment: SIZE (1048576), BLOCK (1024), DOWNLOADS (50), WARMUP (20), HEARTH_PORT (18860),
# LIBCOAP_PORT (18861), CLIENT_JAVA_OPTS / SERVER_JAVA_OPTS (added to the Hearth JVMs' options,
# e.g. for JFR), SKIP_BUILD=1, MVN_OFFLINE=1.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

SIZE=${SIZE:-1048576}
BLOCK=${BLOCK:-1024}
DOWNLOADS=${DOWNLOADS:-50}
WARMUP=${WARMUP:-20}
HEARTH_PORT=${HEARTH_PORT:-18860}
LIBCOAP_PORT=${LIBCOAP_PORT:-18861}
OUT=$WORK/b4

# Debian's libcoap3-bin installs coap-server-notls/-gnutls/-openssl; the plain build matches
# plain CoAP. A coap-server on the PATH is used if there is one.
pick() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null && { echo "$tool"; return; }
  done
  log "none of $* is installed: apt-get install -y libcoap3-bin"
  exit 2
}
COAP_SERVER=$(pick coap-server coap-server-notls)
COAP_CLIENT=$(pick coap-client coap-client-notls)

# udp_free PORT: fails, saying so, when something already has 127.0.0.1:PORT/udp.
udp_free() {
  if ss -Hunl "sport = :$1" | grep -q .; then
    log "udp port $1 is taken; choose another (HEARTH_PORT=..., LIBCOAP_PORT=...)"
    return 1
  fi
}

need java ss cmp
build
trap cleanup EXIT
rm -rf "$OUT" && mkdir -p "$OUT"
{
  machine_info
  echo "libcoap: $("$COAP_SERVER" -h 2>&1 | sed -n 2p)"
} | tee "$OUT/machine.txt" >&2
ARTIFACT=$OUT/artifact.bin
head -c "$SIZE" /dev/urandom >"$ARTIFACT"

# The Hearth server, in its own JVM.
udp_free "$HEARTH_PORT"
# shellcheck disable=SC2086 # SERVER_JAVA_OPTS is a list of options.
java ${SERVER_JAVA_OPTS:-} -cp "$FLEET_JAR" dev.hearth.bench.coap.CoapServeMain \
  --file "$ARTIFACT" --port "$HEARTH_PORT" --ready-file "$OUT/hearth-ready" \
  >"$OUT/hearth-server.log" 2>&1 &
STARTED_PIDS+=($!)
await_file "$OUT/hearth-ready" 60
SHA256=$(sed -n 's/.*sha256=\([0-9a-f]*\).*/\1/p' "$OUT/hearth-ready")
HEARTH_URL=coap://127.0.0.1:$HEARTH_PORT/artifacts/$SHA256

# The libcoap server, the artifact PUT to it as a resource it creates (-d 1).
udp_free "$LIBCOAP_PORT"
"$COAP_SERVER" -A 127.0.0.1 -p "$LIBCOAP_PORT" -d 1 >"$OUT/libcoap-server.log" 2>&1 &
STARTED_PIDS+=($!)
sleep 0.5
LIBCOAP_URL=coap://127.0.0.1:$LIBCOAP_PORT/artifact
"$COAP_CLIENT" -m put -b "$BLOCK" -f "$ARTIFACT" "$LIBCOAP_URL"

# fetcher NAME URL: the agent's fetcher, DOWNLOADS timed downloads from URL.
fetcher() {
  local name=$1 url=$2
  load >"$OUT/$name.load"
  # shellcheck disable=SC2086 # CLIENT_JAVA_OPTS is a list of options.
  java ${CLIENT_JAVA_OPTS:-} -cp "$FLEET_JAR" dev.hearth.bench.coap.CoapDownloadBench \
    --url "$url" --sha256 "$SHA256" --size "$SIZE" --block-size "$BLOCK" \
    --warmup "$WARMUP" --downloads "$DOWNLOADS" --work "$OUT/$name-work" \
    >"$OUT/$name.txt" 2>"$OUT/$name.log"
  log "$name: $(head -n 1 "$OUT/$name.txt")"
}

# client NAME URL: coap-client, WARMUP untimed and DOWNLOADS timed downloads from URL, each
# compared with the artifact; milliseconds a download in NAME.ms.
client() {
  local name=$1 url=$2 i t0 t1
  load >"$OUT/$name.load"
  : >"$OUT/$name.ms"
  for i in $(seq 1 $((WARMUP + DOWNLOADS))); do
    rm -f "$OUT/$name.out"
    t0=$EPOCHREALTIME
    "$COAP_CLIENT" -b "$BLOCK" -o "$OUT/$name.out" "$url"
    t1=$EPOCHREALTIME
    cmp -s "$ARTIFACT" "$OUT/$name.out" || { log "$name: download $i differs from the artifact"; exit 1; }
    if [ "$i" -gt "$WARMUP" ]; then
      echo "$t0 $t1" | awk '{ printf "%.3f\n", ($2 - $1) * 1000 }' >>"$OUT/$name.ms"
    fi
  done
  log "$name: median $(stats "$OUT/$name.ms" | cut -d' ' -f1) ms"
}

# stats FILE: median, p90, p99, max (nearest rank) of the numbers in FILE.
stats() {
  sort -n "$1" | awk '{ v[NR] = $1 }
    function at(p) { i = int(p * NR + 0.999999); return v[i < 1 ? 1 : i] }
    END { printf "%.2f %.2f %.2f %.2f\n", at(0.5), at(0.9), at(0.99), v[NR] }'
}

# How long coap-client takes when there is one round trip to make: its start and end.
startup() {
  local i t0 t1
  : >"$OUT/startup.ms"
  for i in $(seq 1 20); do
    t0=$EPOCHREALTIME
    "$COAP_CLIENT" -o /dev/null "coap://127.0.0.1:$LIBCOAP_PORT/none" 2>/dev/null || true
    t1=$EPOCHREALTIME
    echo "$t0 $t1" | awk '{ printf "%.3f\n", ($2 - $1) * 1000 }' >>"$OUT/startup.ms"
  done
}

fetcher hearth "$HEARTH_URL"
client libcoap "$LIBCOAP_URL"
fetcher fetcher-from-libcoap "$LIBCOAP_URL"
client client-from-hearth "$HEARTH_URL"
startup

# row NAME SERVER CLIENT: one line of the table.
row() {
  local name=$1 median p90 p99 max
  if [ -f "$OUT/$name.ms" ]; then
    read -r median p90 p99 max < <(stats "$OUT/$name.ms")
  else
    median=$(field p50_ms "$OUT/$name.txt") p90=$(field p90_ms "$OUT/$name.txt")
    p99=$(field p99_ms "$OUT/$name.txt") max=$(field max_ms "$OUT/$name.txt")
  fi
  printf '%-22s %-18s %-28s %9s %8s %8s %8s %10s  %s\n' "$name" "$2" "$3" "$median" "$p90" "$p99" \
    "$max" "$(awk -v s="$SIZE" -v m="$median" 'BEGIN { printf "%.2f", s / 1048576 / (m / 1000) }')" \
    "$(cat "$OUT/$name.load")"
}

rate() { awk -v s="$SIZE" -v m="$1" 'BEGIN { printf "%.4f", s / 1048576 / (m / 1000) }'; }

{
  echo
  echo "B4 CoAP block-wise download: $SIZE bytes in $BLOCK-byte blocks, plain CoAP on loopback;"
  echo "median of $DOWNLOADS downloads after $WARMUP untimed; milliseconds a download"
  printf '%-22s %-18s %-28s %9s %8s %8s %8s %10s  %s\n' run server client median p90 p99 max \
    MiB/s load_before
  row hearth "Hearth resource" "Hearth fetcher (JVM)"
  row libcoap "$COAP_SERVER" "$COAP_CLIENT (process)"
  row fetcher-from-libcoap "$COAP_SERVER" "Hearth fetcher (JVM)"
  row client-from-hearth "Hearth resource" "$COAP_CLIENT (process)"
  echo "Hearth fetcher's first download (cold JVM): $(field first_ms "$OUT/hearth.txt") ms"
  echo "coap-client start and one round trip (4.04): median $(stats "$OUT/startup.ms" | cut -d' ' -f1) ms"
  hearth_rate=$(rate "$(field p50_ms "$OUT/hearth.txt")")
  libcoap_rate=$(rate "$(stats "$OUT/libcoap.ms" | cut -d' ' -f1)")
  echo "ratio hearth/libcoap (MiB/s at the median download): $(awk -v h="$hearth_rate" \
    -v l="$libcoap_rate" 'BEGIN { printf "%.2f", h / l }')"
  echo "Target: >= 1.0 x libcoap's rate"
} | tee "$OUT/table.txt"
