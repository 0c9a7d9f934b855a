#!/usr/bin/env bash
# Start time to ready and idle resident memory of the station jar against the baseline app
# (../shared/baseline-app), started alternately in one run (baseline, station, baseline, …) so both
# see the same machine, each exactly as its README starts it (`java -jar <jar>`, here with a port):
#   ready  = wall time from exec until GET /login answers 200
#   memory = VmRSS of the whole process tree (the launcher and any JVM it starts) 15 s after ready
# Prints the medians, every run, and the ratio station / baseline. JAVA_HOME picks the JVM (the
# newest JDK 21+ under /usr/lib/jvm when unset); build both jars first (see README "Figures").
# Usage: bench/startup-memory.sh [runs]
set -euo pipefail
runs=${1:-5}
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*/ | while read -r d; do v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p'); [ "${v%%.*}" -ge 21 ] 2>/dev/null && echo "${v%%.*} $d"; done | sort -n | tail -1 | cut -d' ' -f2)
fi
java=${JAVA_HOME%/}/bin/java
station_jar=$PWD/target/yizhan.jar
baseline_jar=${BASELINE_JAR:-$PWD/../shared/baseline-app/target/baseline-app.jar}
[ -f "$station_jar" ] || { echo "missing $station_jar: ./mvnw -Pproduction -DskipTests package"; exit 1; }
[ -f "$baseline_jar" ] || { echo "missing $baseline_jar: build ../shared/baseline-app (its README), or set BASELINE_JAR"; exit 1; }
echo "java: $("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.vm\.version = //p') ($java)"

tree_rss_kib() { # pid → summed VmRSS of it and all its descendants
  local total=0 p
  for p in $1 $(pgrep -P "$1" 2>/dev/null) $(for c in $(pgrep -P "$1" 2>/dev/null); do pgrep -P "$c" 2>/dev/null; done); do
    total=$(( total + $(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}

measure() { # name jar port workdir
  local name=$1 jar=$2 port=$3 work=$4
  rm -rf "$work" && mkdir -p "$work"
  [ "$name" = station ] && cp -r kiosk-config "$work/"
  local start end pid rss
  start=$(date +%s%N)
  (cd "$work" && exec "$java" -jar "$jar" --server.port="$port" >"$work/log.txt" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/login"; do
    sleep 0.02
    kill -0 $pid 2>/dev/null || { echo "$name died: $(tail -5 "$work/log.txt")"; exit 1; }
  done
  end=$(date +%s%N)
  sleep 15
  rss=$(tree_rss_kib $pid)
  kill $pid; wait $pid 2>/dev/null || true
  while pgrep -f -- "--server.port=$port" >/dev/null; do sleep 0.1; done
  echo "$(( (end - start) / 1000000 )) $(( rss / 1024 ))"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

: > /tmp/bench-baseline.txt
: > /tmp/bench-station.txt
for i in $(seq 1 "$runs"); do
  measure baseline "$baseline_jar" 18080 /tmp/bench-baseline-work >> /tmp/bench-baseline.txt
  measure station "$station_jar" 18081 /tmp/bench-station-work >> /tmp/bench-station.txt
done
for name in baseline station; do
  ready=$(awk '{print $1}' "/tmp/bench-$name.txt" | median)
  rss=$(awk '{print $2}' "/tmp/bench-$name.txt" | median)
  echo "$name: ready ${ready} ms, idle RSS ${rss} MiB (median of $runs; runs ms/MiB: $(tr '\n' ';' < /tmp/bench-$name.txt))"
  eval "${name}_ready=$ready ${name}_rss=$rss"
done
awk -v s="$station_ready" -v b="$baseline_ready" -v sm="$station_rss" -v bm="$baseline_rss" \
  'BEGIN {printf "station / baseline: start %.2f× (target ≤ 0.8×), memory %.2f× (target ≤ 1.3×)\n", s / b, sm / bm}'
