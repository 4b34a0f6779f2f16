#!/usr/bin/env bash
# Runs the benchmark harness by hand (see BENCHMARKS.md): builds, starts the Netty echo server in its own JVM on
# 127.0.0.1, runs every client x workload in a fresh JVM, prints one RESULT line each and a summary table.
#   RUNS=3 CLIENTS="tyrus core core-uncoalesced core-inline core-nagle spring jdk jetty java-websocket okhttp" WORKLOADS="text binary latency idle" benchmarks/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-1}
CLIENTS=${CLIENTS:-"tyrus core core-uncoalesced core-inline core-nagle spring jdk jetty java-websocket okhttp"}
WORKLOADS=${WORKLOADS:-"text binary latency idle"}
IDLE_CONNECTIONS=${IDLE_CONNECTIONS:-10000}
# Raw Tyrus with defaults starts three threads per connection, Java-WebSocket two; 10,000 of them would exhaust
# the machine.
TYRUS_IDLE_CONNECTIONS=${TYRUS_IDLE_CONNECTIONS:-1000}
PORT=${PORT:-18080}
# SERVER_ARGS=deflate makes the echo server agree to permessage-deflate.
SERVER_ARGS=${SERVER_ARGS:-}
JAVA_OPTS=${JAVA_OPTS:-"-Xms1g -Xmx1g -XX:+UseG1GC"}
# TLS=1 serves wss:// with a self-signed certificate for 127.0.0.1 that the clients trust (core* and jetty only).
TLS=${TLS:-0}
OUT=${OUT:-benchmarks/target/results-$(date -u +%Y%m%dT%H%M%SZ).txt}

mvn -B -ntp -q -DskipTests -pl benchmarks -am install
CP="benchmarks/target/incore-websocket-benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/classpath.txt)"

SCHEME=ws
if [ "$TLS" = 1 ]; then
  KEYSTORE=benchmarks/target/echo-server.p12
  rm -f "$KEYSTORE"
  keytool -genkeypair -alias echo -keyalg EC -groupname secp256r1 -dname CN=127.0.0.1 -ext SAN=ip:127.0.0.1 \
    -validity 2 -storetype PKCS12 -keystore "$KEYSTORE" -storepass changeit -keypass changeit 2>/dev/null
  JAVA_OPTS="$JAVA_OPTS -Dbench.keystore=$KEYSTORE"
  SCHEME=wss
fi

coproc SERVER { exec java -Xms512m -Xmx512m ${KEYSTORE:+-Dbench.keystore=$KEYSTORE} -cp "$CP" \
  io.incore.websocket.benchmarks.EchoServer "$PORT" $SERVER_ARGS; }
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
read -r ready <&"${SERVER[0]}"
echo "echo server: $ready"
URL="$SCHEME://127.0.0.1:$PORT/echo"

echo "# $(date -u) $(nproc) cores, $(java -version 2>&1 | head -1), JAVA_OPTS=$JAVA_OPTS, server: $SERVER_ARGS $URL" \
  | tee "$OUT"
read -r -a CLIENT_LIST <<< "$CLIENTS"

# Skipped pairs: the Spring path has no idle workload; OkHttp keeps one dispatcher call (and its thread) per open
# WebSocket and runs five calls per host at a time by default, so its idle workload waits for ever after five.
skipped() { [ "$1" = idle ] && { [ "$2" = spring ] || [ "$2" = okhttp ]; }; }

run_one() { # client workload -> one RESULT line
  local count=$IDLE_CONNECTIONS
  [ "$1" = tyrus ] || [ "$1" = java-websocket ] && count=$TYRUS_IDLE_CONNECTIONS
  timeout 300 java $JAVA_OPTS -cp "$CP" io.incore.websocket.benchmarks.BenchmarkDriver "$1" "$2" "$URL" "$count" \
    2>/dev/null | grep '^RESULT' || echo "RESULT client=$1 workload=$2 failed=1"
}

# The echo server is a fresh JVM: the first client of each workload would also pay for compiling the server's
# accept, handshake and echo paths. One unmeasured pass of Jetty over every workload warms them up first.
for workload in $WORKLOADS; do
  echo "warm-up $(run_one jetty "$workload")" | tee -a "$OUT"
done

for run in $(seq 1 "$RUNS"); do
  # Each run starts with another client, so that no client always runs first (or second) after a workload change.
  shift_by=$(( (run - 1) % ${#CLIENT_LIST[@]} ))
  ORDER=("${CLIENT_LIST[@]:shift_by}" "${CLIENT_LIST[@]:0:shift_by}")
  for workload in $WORKLOADS; do
    for client in "${ORDER[@]}"; do
      skipped "$workload" "$client" && continue
      echo "run=$run $(run_one "$client" "$workload")" | tee -a "$OUT"
    done
  done
done

echo
echo "Medians over $RUNS run(s):"
python3 - "$OUT" <<'PY'
import re, sys, statistics, collections
values = collections.defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r"run=\d+ RESULT client=(\S+) workload=(\S+) (.*)", line)
    if not m:
        continue
    for key, value in re.findall(r"(\w+)=([\d.]+)", m.group(3)):
        values[(m.group(2), m.group(1), key)].append(float(value))
rows = sorted(values)
for (workload, client, key) in rows:
    v = values[(workload, client, key)]
    print(f"{workload:8} {client:7} {key:22} {statistics.median(v):12.2f}   raw={v}")
PY
