#!/usr/bin/env bash
# Gateway benchmark: a simulated engine answered directly, through nginx and through the gateway,
# on loopback in one run. Prints added latency (p50/p99 at 1 caller) and throughput (64 callers,
# in rounds that take every path in turn).
# Usage: gateway/bench/run.sh            (from the repository root)
#        BENCH_SECONDS=20 gateway/bench/run.sh
#        BENCH_GATEWAY_JVM_ARGS="-XX:StartFlightRecording=filename=/tmp/gw.jfr" gateway/bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

# nginx from Debian, unpacked without root into a cache directory.
NGINX_CACHE="${MODELFLEET_NGINX_CACHE:-$HOME/.cache/modelfleet/nginx}"
NGINX_BIN="$NGINX_CACHE/root/usr/sbin/nginx"
if [ ! -x "$NGINX_BIN" ]; then
  mkdir -p "$NGINX_CACHE"
  if (cd "$NGINX_CACHE" && apt-get download nginx >/dev/null 2>&1); then
    dpkg -x "$(ls "$NGINX_CACHE"/nginx_*.deb | head -n 1)" "$NGINX_CACHE/root"
  fi
fi
if [ ! -x "$NGINX_BIN" ]; then
  echo "nginx could not be obtained (apt-get download nginx failed): measuring without it" >&2
  NGINX_BIN=""
fi

./mvnw -B -o -q -pl gateway -am package -DskipTests
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -o -q -pl gateway dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP_FILE"

exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dbench.seconds="${BENCH_SECONDS:-10}" -Dbench.warmup="${BENCH_WARMUP:-5}" \
  -Dbench.rounds="${BENCH_ROUNDS:-5}" -Dbench.roundSeconds="${BENCH_ROUND_SECONDS:-4}" \
  -Dbench.gatewayJvmArgs="${BENCH_GATEWAY_JVM_ARGS:-}" \
  -cp "gateway/target/test-classes:gateway/target/classes:$(cat "$CP_FILE")" \
  dev.modelfleet.gateway.bench.GatewayBench \
  gateway/target/quarkus-app/quarkus-run.jar ${NGINX_BIN:+"$NGINX_BIN"}
