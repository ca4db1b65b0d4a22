#!/bin/bash
# The recorded chat-bench runs of docs/performance.md, in order, against a chat-server that the bench
# starts itself (chat-server/target/chat-server.jar) for every run. Each run waits (bounded) for an idle
# machine, is bounded by --max-seconds and appends its RESULT JSON line to $OUT.
#   chat-bench/run-recorded.sh                 # everything (~10 min)
#   chat-bench/run-recorded.sh fanout-n1000-r20 parked-n10000   # only the named runs
# env: JAVA_HOME (a JDK 21+, default temurin 25), OUT (default chat-bench/target/results.jsonl),
#      BENCH_JAR (default chat-bench/target/chat-bench.jar), SERVER_JAR (default chat-server/target/chat-server.jar; copy it elsewhere to pin one build),
#      EXTRA (more options for every run, e.g. "--quiet-max-s 300")
set -uo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAR="${BENCH_JAR:-chat-bench/target/chat-bench.jar}"
OUT="${OUT:-chat-bench/target/results.jsonl}"
LOGS=chat-bench/target/runs
ONLY=" $* "
mkdir -p "$LOGS"
[ -f "$JAR" ] || { echo "build first: JAVA_HOME=$JAVA_HOME mvn -q -pl chat-bench package -DskipTests"; exit 2; }
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo none)
COMMON=()
[ -n "${SERVER_JAR:-}" ] && COMMON+=(--server-jar "$SERVER_JAR")
# shellcheck disable=SC2206
[ -n "${EXTRA:-}" ] && COMMON+=($EXTRA)

run() {
  local name=$1; shift
  if [ "$ONLY" != "  " ] && [[ "$ONLY" != *" $name "* ]]; then return; fi
  echo "== $name: $* (commit $COMMIT)"
  timeout 900 "$JAVA_HOME/bin/java" -jar "$JAR" "$@" "${COMMON[@]}" --tag "$name" --out "$OUT" > "$LOGS/$name.log" 2>&1 || echo "   (exit $?)"
  grep -v '^RESULT' "$LOGS/$name.log" | grep -v '^starting\|^chat-server ready\|^waiting' | tail -8
}

# fan-out at the ejabberd anchor sizes (shared/bench/RESULTS-ejabberd.md), then the default target
run fanout-n100-r10    fanout --users 100  --messages 200 --rate 10
run fanout-n500-r10    fanout --users 500  --messages 200 --rate 10
run fanout-n1000-r10   fanout --users 1000 --messages 200 --rate 10
run fanout-n1000-r20   fanout --users 1000 --messages 300 --rate 20
run fanout-n1000-sat   fanout --users 1000 --saturate true
run fanout-n100-sat    fanout --users 100  --saturate true
# live push beside long-poll, and the floor under it (an Undertow server that only writes)
run fanout-live-r20    fanout --users 1000 --messages 300 --rate 20 --transport sync,sse,ws
run pushfloor-r20      pushfloor --users 1000 --messages 300 --rate 20
run send-c64           send --connections 64 --duration 15
run parked-n10000      parked --users 10000
run history-r200       history --rate 200 --duration 15
run unread-r1000       unread --rate 1000 --duration 15
run unread-r1000-nopriv unread --rate 1000 --duration 15 --private-rooms 0   # while POST /chat/admin/rooms/new is missing
