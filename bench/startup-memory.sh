#!/usr/bin/env bash
# Start time to ready and idle resident memory of the station jar, side by side with the
# baseline app (../shared/baseline-app), measured the same way: median of N runs each.
#   ready  = wall time from exec until GET /login answers 200
#   memory = VmRSS of the JVM 15 s after ready, with nothing connected
# Usage: bench/startup-memory.sh [runs]   (build both jars first; see README "Figures")
set -euo pipefail
runs=${1:-5}
cd "$(dirname "$0")/.."
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
station_jar=$PWD/target/yizhan.jar
baseline_jar=${BASELINE_JAR:-$PWD/../shared/baseline-app/target/baseline-app.jar}
[ -f "$station_jar" ] || { echo "missing $station_jar: ./mvnw -Pproduction -DskipTests package"; exit 1; }
[ -f "$baseline_jar" ] || { echo "missing $baseline_jar: build ../shared/baseline-app (its README), or set BASELINE_JAR"; exit 1; }

measure() { # name jar port workdir
  local name=$1 jar=$2 port=$3 work=$4
  rm -rf "$work" && mkdir -p "$work"
  [ "$name" = station ] && cp -r kiosk-config "$work/"
  local start end pid rss
  start=$(date +%s%N)
  (cd "$work" && exec "$java" -jar "$jar" --server.port="$port" >"$work/log.txt" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/login"; do
    sleep 0.05
    kill -0 $pid 2>/dev/null || { echo "$name died: $(tail -5 "$work/log.txt")"; exit 1; }
  done
  end=$(date +%s%N)
  sleep 15
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $(( rss / 1024 ))"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for name in baseline station; do
  jar=$baseline_jar; port=18080
  [ "$name" = station ] && { jar=$station_jar; port=18081; }
  : > "/tmp/bench-$name.txt"
  for i in $(seq 1 "$runs"); do
    measure "$name" "$jar" "$port" "/tmp/bench-$name-work" >> "/tmp/bench-$name.txt"
  done
  ready=$(awk '{print $1}' "/tmp/bench-$name.txt" | median)
  rss=$(awk '{print $2}' "/tmp/bench-$name.txt" | median)
  echo "$name: ready ${ready} ms, idle RSS ${rss} MiB (median of $runs; runs: $(tr '\n' ';' < /tmp/bench-$name.txt))"
done
