#!/usr/bin/env bash
# Starts three instances of the sample with the 'replicas' profile (PostgreSQL on 127.0.0.1:5432, database test),
# shows which one owns the client 'upstream', kills the owner with kill -9, and shows how long until another
# instance connects it. Build first: mvn -B -ntp -DskipTests package
set -euo pipefail
cd "$(dirname "$0")"
JAR=target/incore-websocket-sample-app.jar
PORTS=(18181 18182 18183)
declare -A PIDS
LOGS=$(mktemp -d)

cleanup() {
	for port in "${PORTS[@]}"; do
		kill "${PIDS[$port]:-}" 2>/dev/null || true
	done
}
trap cleanup EXIT

owner_of() {
	curl -s "localhost:$1/actuator/websockets/upstream" | grep -o '"owner":[a-z]*' | cut -d: -f2
}

state_of() {
	curl -s "localhost:$1/actuator/websockets/upstream" | grep -o '"state":"[A-Za-z]*"' | cut -d'"' -f4
}

for port in "${PORTS[@]}"; do
	java -jar "$JAR" --spring.profiles.active=replicas --server.port="$port" > "$LOGS/$port.log" 2>&1 &
	PIDS[$port]=$!
done
for port in "${PORTS[@]}"; do
	for _ in $(seq 1 60); do
		curl -s "localhost:$port/actuator/health" > /dev/null && break
		sleep 1
	done
done

find_owner() {
	for port in "$@"; do
		if [ "$(owner_of "$port")" = "true" ] && [ "$(state_of "$port")" = "Open" ]; then
			echo "$port"
			return
		fi
	done
}

for _ in $(seq 1 30); do
	OWNER=$(find_owner "${PORTS[@]}")
	[ -n "$OWNER" ] && break
	sleep 1
done
echo "owner: instance on port $OWNER (pid ${PIDS[$OWNER]})"
for port in "${PORTS[@]}"; do
	echo "  port $port: owner=$(owner_of "$port") state=$(state_of "$port")"
done

REST=()
for port in "${PORTS[@]}"; do
	[ "$port" != "$OWNER" ] && REST+=("$port")
done
kill -9 "${PIDS[$OWNER]}"
KILLED=$(date +%s%N)
echo "kill -9 of the owner"
NEW=""
for _ in $(seq 1 300); do
	NEW=$(find_owner "${REST[@]}")
	[ -n "$NEW" ] && break
	sleep 0.1
done
if [ -z "$NEW" ]; then
	echo "no new owner within 30 s" >&2
	exit 1
fi
echo "new owner: port $NEW, connected $(( ($(date +%s%N) - KILLED) / 1000000 )) ms after the kill"
OWNERS=0
for port in "${REST[@]}"; do
	[ "$(owner_of "$port")" = "true" ] && OWNERS=$((OWNERS + 1))
done
echo "owners now: $OWNERS"
[ "$OWNERS" = "1" ]
