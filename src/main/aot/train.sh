#!/bin/sh
# Makes the station's JDK AOT cache (JEP 483/514/515) at build time, beside target/yizhan.jar:
#   target/yizhan-app/yizhan.jar + lib/   the jar extracted (the cache needs plain jars)
#   target/yizhan-app/yizhan.aot          classes loaded and linked, and method profiles, from one
#                                         training start of the station (exits once it is ready)
#   target/yizhan-app/aot.properties      the JVM and the jar it was made for
# `java -jar target/yizhan.jar` then starts the station from the cache when the running JVM is the
# one that made it (io.yizhan.FastStart); any other JVM starts it as before. Never fails the build.
# Usage: train.sh <java> <target dir>
java=$1
target=$2
app="$target/yizhan-app"
rm -rf "$app" "$target/aot-training"
major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
if [ -z "$major" ] || [ "$major" -lt 25 ]; then
  echo "AOT cache: JDK $major has no one-step AOT cache (JDK 25+); the station starts without it"
  exit 0
fi
"$java" -Djarmode=tools -jar "$target/yizhan.jar" extract --destination "$app" >/dev/null || { echo "AOT cache: extract failed"; exit 0; }
mkdir -p "$target/aot-training"
cp -r kiosk-config "$target/aot-training/" 2>/dev/null
if (cd "$target/aot-training" && "$java" -XX:AOTCacheOutput="$app/yizhan.aot" -Dspring.context.exit=onRefresh \
      -Dyizhan.fast-start=training --enable-native-access=ALL-UNNAMED -jar "$app/yizhan.jar" \
      --yizhan.data-dir="$target/aot-training/data" --server.port=0 --yizhan.sync.enabled=false \
      > "$target/aot-training.log" 2>&1) && [ -s "$app/yizhan.aot" ]; then
  {
    "$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.vm\.version = /vm=/p; s/^ *java\.home = /home=/p'
    echo "jar=$(stat -c %s "$target/yizhan.jar")"
  } > "$app/aot.properties"
  echo "AOT cache: $(du -h "$app/yizhan.aot" | cut -f1) for JDK $major"
else
  echo "AOT cache: the training start failed (see $target/aot-training.log); the station starts without it"
  rm -f "$app/yizhan.aot"
fi
exit 0
