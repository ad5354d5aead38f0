# Shared by the bench/b*.sh scripts: building, the machine's description, private peers, the hub.
# Source it; it defines functions and these variables:
#   BENCH_DIR  bench/            ROOT  the repository      WORK  where runs keep their files
#   FLEET_JAR  bench/target/hearth-fleet.jar
# Environment: SKIP_BUILD=1 uses what is built; MVN_OFFLINE=1 builds with -o; BENCH_WORK moves WORK.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(dirname "$BENCH_DIR")
WORK=${BENCH_WORK:-$BENCH_DIR/target/runs}
FLEET_JAR=$BENCH_DIR/target/hearth-fleet.jar
STARTED_PIDS=()

log() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; }

# Builds the bench module and everything it uses (the agent's and the hub's runnable jars too).
build() {
  if [ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$FLEET_JAR" ]; then
    log "SKIP_BUILD=1: using $FLEET_JAR as built"
    return
  fi
  log "building (./mvnw package -pl bench -am, tests skipped)"
  (cd "$ROOT" && ./mvnw -B -q ${MVN_OFFLINE:+-o} package -DskipTests -Dspotless.check.skip=true \
    -pl bench -am)
}

# Sessions need a file descriptor each, on both sides.
raise_nofile() {
  local hard
  hard=$(ulimit -Hn)
  if [ "$hard" = unlimited ] || [ "$hard" -gt 65536 ]; then hard=65536; fi
  ulimit -n "$hard"
  log "open files limit: $(ulimit -n)"
}

need() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || {
      log "$tool is missing; install it: apt-get install -y mosquitto mosquitto-clients"
      exit 2
    }
  done
}

# The machine, for RESULTS.md.
machine_info() {
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
  echo "memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
  echo "jdk: $(java -version 2>&1 | head -n 1)"
  echo "mosquitto: $(mosquitto -h 2>/dev/null | head -n 1)"
  echo "load: $(load)"
}

load() { uptime | sed 's/.*load average: //'; }

# Waits up to $2 seconds for file $1 to exist.
await_file() {
  for _ in $(seq 1 $((${2:-60} * 10))); do
    [ -s "$1" ] && return 0
    sleep 0.1
  done
  log "timed out waiting for $1"
  return 1
}

# port_free PORT: fails, saying so, when something already listens on 127.0.0.1:PORT.
port_free() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    log "port $1 is taken; stop what listens there or choose another (MQTT_PORT=...)"
    return 1
  fi
}

# start_mosquitto PORT DIR: a private Mosquitto on 127.0.0.1:PORT, no persistence, no limits.
# Sets MOSQUITTO_PID.
start_mosquitto() {
  local port=$1 dir=$2
  port_free "$port"
  mkdir -p "$dir"
  cat >"$dir/mosquitto.conf" <<CONF
listener $port 127.0.0.1
allow_anonymous true
persistence false
max_connections -1
max_queued_messages 1000000
log_dest stderr
CONF
  # Mosquitto started as root drops to its own user, so it logs to stderr, not into $dir.
  mosquitto -c "$dir/mosquitto.conf" 2>"$dir/mosquitto.log" &
  MOSQUITTO_PID=$!
  STARTED_PIDS+=("$MOSQUITTO_PID")
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  log "Mosquitto did not start on $port (see $dir/mosquitto.log)"
  return 1
}

# start_hub DIR MQTT_PORT [BenchHubMain options...]: the hub in its own JVM (HubApplication.start,
# as hearth-hub runs it) with the fleet's owner. Sets HUB_PID and HUB_HTTP. HUB_JAVA_OPTS adds JVM
# options; HUB_START_TIMEOUT (600 s; --provision enrolls a few hundred devices a second) bounds the wait.
start_hub() {
  local dir=$1 mqtt=$2
  shift 2
  port_free "$mqtt"
  mkdir -p "$dir"
  rm -f "$dir/ready"
  # shellcheck disable=SC2086 # HUB_JAVA_OPTS is a list of options.
  java ${HUB_JAVA_OPTS:-} -cp "$FLEET_JAR" dev.hearth.bench.hub.BenchHubMain \
    --data "$dir/data" --mqtt-port "$mqtt" --owner-password-file "$dir/owner.pw" \
    --ready-file "$dir/ready" "$@" >"$dir/hub.log" 2>&1 &
  HUB_PID=$!
  STARTED_PIDS+=("$HUB_PID")
  await_file "$dir/ready" "${HUB_START_TIMEOUT:-600}" || { tail -n 30 "$dir/hub.log" >&2; return 1; }
  HUB_HTTP=$(sed -n 's/.*http=\([0-9]*\).*/\1/p' "$dir/ready")
  log "hub up (pid $HUB_PID, http $HUB_HTTP, mqtt $mqtt): $*"
}

# stop_pid PID: SIGTERM, then waits for it to end.
stop_pid() {
  local pid=$1
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
}

# Ends every process this script started, by its id.
cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    stop_pid "$pid"
  done
}

# rss_kib PID: resident set size now, KiB.
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# hwm_kib PID: peak resident set size, KiB.
hwm_kib() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }

# field NAME FILE: the value of NAME=... on the RESULT line in FILE.
field() { sed -n "s/^RESULT .*[ ]$1=\([^ ]*\).*/\1/p" "$2" | tail -n 1; }
