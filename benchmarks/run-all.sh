#!/usr/bin/env bash
# benchmarks/run-all.sh: the published map benchmark run. Builds the benchmarks jar, runs the JMH
# map suites, the growth-latency harness and the memory measurement one after the other (never in
# parallel: each needs the machine to itself), writes benchmarks/results/*.json and regenerates the
# tables and charts in benchmarks/README.md. About 35 minutes on 2 cores; run it on a quiet machine.
#
#   benchmarks/run-all.sh [step...]     steps: build longmap stringmap growth memory report
#                                       (default: all of them, in that order)
#
# Settings (JMH): sizes 1,000 and 100,000: -f 1 -wi 1 -w 500ms -i 10 -r 500ms;
#                 size 10,000,000:         -f 1 -wi 1 -w 1s -i 3 -r 1s (a put or iterate
#                 invocation there is a whole fill, so an iteration is at least one fill).
# Heap: -Xms4g -Xmx10g for the JMH forks (HashMap<Long,Long> and String keys at 10,000,000),
#       with a fixed young generation (-Xmn512m) at 1,000 and 100,000 entries: G1 otherwise grows
#       eden during the measured iterations, and the page faults of its new memory swamp a small
#       fill (compare with -jvmArgsAppend "-Xms4g -Xmx10g" on LongMapBenchmark.putGrowing);
#       -Xms8g -Xmx8g -XX:+AlwaysPreTouch for each growth-latency JVM, -Xmx8g for memory.
# Growth: one fill per map, then four more fills each of gomap and the no-map control, taking
#         turns (--repeat 5): one fill's slowest put is a single event that moves by several
#         times between fills on this machine, so the target line compares medians.
# Environment: JAVA_HOME (default: java on PATH), MVN (default: mvn), JMH_EXTRA (more JMH options).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mvn="${MVN:-mvn}"
jar=benchmarks/target/benchmarks.jar
out=benchmarks/results
steps=("$@")
[ ${#steps[@]} -eq 0 ] && steps=(build longmap stringmap growth memory report)

small=(-f 1 -wi 1 -w 500ms -i 10 -r 500ms -jvmArgsAppend "-Xms4g -Xmx10g -Xmn512m")
large=(-f 1 -wi 1 -w 1s -i 3 -r 1s)
start=$(date +%s)
log() { printf '[run-all %4ds] %s\n' "$(( $(date +%s) - start ))" "$*" >&2; }

jmh() { # class, output name, settings...
  local cls="$1" name="$2"
  shift 2
  # shellcheck disable=SC2086
  "$java" -jar "$jar" "$cls" "$@" ${JMH_EXTRA:-} -rf json -rff "$out/$name.json"
}

mkdir -p "$out"
for step in "${steps[@]}"; do
  case "$step" in
    build)
      log "building $jar"
      "$mvn" -B -q -pl benchmarks -am package -DskipTests
      ;;
    longmap)
      log "LongMapBenchmark at 1,000 and 100,000 entries"
      jmh LongMapBenchmark longmap-small -p size=1000,100000 "${small[@]}"
      log "LongMapBenchmark at 10,000,000 entries"
      jmh LongMapBenchmark longmap-10m -p size=10000000 "${large[@]}"
      ;;
    stringmap)
      log "StringMapBenchmark at 1,000 and 100,000 entries"
      jmh StringMapBenchmark stringmap-small -p size=1000,100000 "${small[@]}"
      log "StringMapBenchmark at 10,000,000 entries"
      jmh StringMapBenchmark stringmap-10m -p size=10000000 "${large[@]}"
      ;;
    growth)
      log "growth latency to 10,000,000 entries"
      "$java" -cp "$jar" io.gomap4j.bench.GrowthLatency --size 10000000 --heap 8g \
        --repeat 5 --repeat-impl gomap,control --out "$out/growth.json"
      ;;
    memory)
      log "memory per entry"
      "$java" -cp "$jar" io.gomap4j.bench.MemoryPerEntry --heap 8g --out "$out/memory.json"
      ;;
    report)
      log "rendering benchmarks/README.md and charts"
      "$java" -Djava.awt.headless=true -cp "$jar" io.gomap4j.bench.Report \
        --results "$out" --readme benchmarks/README.md --charts "$out/charts"
      ;;
    *)
      printf 'run-all.sh: unknown step %s (steps: build longmap stringmap growth memory report)\n' \
        "$step" >&2
      exit 2
      ;;
  esac
done
log "done"
