#!/usr/bin/env bash
# probe.sh: finds, by running make(map[K]V, hint) under go1.19 on each GOARCH gomap4j has a layout
# for, the largest hint Go 1.19's makemap does not treat as 0, and prints JSON lines: for each
# GOARCH and each of five map types (bucket sizes 16, 24, 32, 144 and 936 bytes on 64-bit targets,
# 12, 20, 28, 140 and 932 on 32-bit ones), Go's result at that largest hint, at the next one, and
# at the negative hints -1 and the smallest Go int.
#
#   PATH=/usr/lib/go-1.19/bin:$PATH ./probe.sh > ../../resources/vectors/makemaphint/go1.19.jsonl
#
# makemap sets the hint to 0 when hint * bucketsize overflows a uintptr or passes maxAlloc, and the
# map then gets B=0; below that cut-off Go allocates 2^B buckets, which either works (the line
# gives B) or ends in Go's "fatal error: out of memory" (the line gives that message). Each hint
# runs in a process of its own (main.go): natively on amd64 and 386, under qemu-user
# (qemu-ARCH-static, Debian's qemu-user-static) on the other linux GOARCHes, and under Node.js
# (wasm_node.js) on wasm. The cut-off is found by binary search, so a run takes some minutes.
# Arguments: GOARCHes to probe (default: all fourteen).
set -euo pipefail

goarches=("$@")
if [ ${#goarches[@]} -eq 0 ]; then
  goarches=(386 arm mips mipsle amd64 arm64 loong64 mips64 mips64le ppc64 ppc64le riscv64 s390x
    wasm)
fi
# The bucket sizes pin maxAlloc down as far as bucket sizes can (see the README): 932 = 4 * 233,
# and 233 divides 2^29-1, so map[[115]byte]struct{} tells a maxAlloc of 2^31-1 from 2^31-8.
maps=('map[struct{}]struct{}' 'map[int8]struct{}' 'map[int8]int8' 'map[int64]int64'
  'map[[115]byte]struct{}')

go version | grep -q 'go1\.19' || { echo "probe.sh: needs go1.19 on PATH, found: $(go version)" >&2; exit 2; }

here="$(cd "$(dirname "$0")" && pwd)"
goroot="$(go env GOROOT)"
work="$(mktemp -d "${TMPDIR:-/tmp}/makemaphint.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export GOCACHE="$work/cache" GOFLAGS= GOPROXY=off

# run GOARCH ARGS...: runs the probe built for GOARCH with ARGS; its output is left in $work/out.
# A run may map at most 8 GiB (ulimit -v), so that Go's allocation below the cut-off fails at once
# with its "out of memory" instead of having the host, or qemu, map terabytes: unlimited, qemu
# takes minutes over it and can wake the kernel's OOM killer. Node.js is not limited, as V8
# reserves more address space than that for a wasm memory, which cannot pass 4 GiB anyway.
run() {
  local goarch=$1
  shift
  local cmd limit=8388608
  case "$goarch" in
    amd64 | 386) cmd=("$work/probe-$goarch") ;;
    wasm) cmd=(node "$here/wasm_node.js" "$goroot" "$work/probe-$goarch") limit=unlimited ;;
    arm64) cmd=(qemu-aarch64-static "$work/probe-$goarch") ;;
    loong64) cmd=(qemu-loongarch64-static "$work/probe-$goarch") ;;
    mipsle) cmd=(qemu-mipsel-static "$work/probe-$goarch") ;;
    mips64le) cmd=(qemu-mips64el-static "$work/probe-$goarch") ;;
    *) cmd=("qemu-$goarch-static" "$work/probe-$goarch") ;;
  esac
  (ulimit -v "$limit" && exec timeout 300 "${cmd[@]}" "$@") > "$work/out" 2>&1 || true
}

# outcome GOARCH MAP HINT: Go's result for make(MAP, HINT) on GOARCH, as the end of a JSON object:
# the bucket size Go reports, the hint, and "B":b when the map was made or "go":"..." when Go ran
# out of memory; anything else stops the probe.
outcome() {
  run "$@"
  local size b oom
  size="$(sed -n 's/^bucketsize \([0-9]*\)$/\1/p' "$work/out")"
  b="$(sed -n 's/^B \([0-9]*\)$/\1/p' "$work/out")"
  oom="$(grep -m 1 '^fatal error: .*out of memory' "$work/out" || true)"
  if [ -n "$size" ] && [ -n "$b" ]; then
    echo "\"bucketsize\":$size,\"hint\":$3,\"B\":$b"
  elif [ -n "$size" ] && [ -n "$oom" ]; then
    echo "\"bucketsize\":$size,\"hint\":$3,\"go\":\"$oom\""
  else
    echo "probe.sh: unexpected result of make($2, $3) on $1:" >&2
    head -n 5 "$work/out" >&2
    exit 1
  fi
}

# made GOARCH MAP HINT: whether Go kept the hint, that is allocated buckets or tried to.
made() {
  local o
  o="$(outcome "$@")" || exit 1
  [ "${o%,\"B\":0}" = "$o" ]
}

for goarch in "${goarches[@]}"; do
  goos=linux
  [ "$goarch" = wasm ] && goos=js
  (cd "$here" && GOOS=$goos GOARCH=$goarch go build -o "$work/probe-$goarch" .)
  for map in "${maps[@]}"; do
    run "$goarch" "$map"
    maxint="$(sed -n 's/^bucketsize [0-9]* maxint \([0-9]*\)$/\1/p' "$work/out")"
    if [ -z "$maxint" ]; then
      echo "probe.sh: $goarch: no maxint from the probe:" >&2
      head -n 5 "$work/out" >&2
      exit 1
    fi
    # The largest hint in [9, maxint] that Go keeps; 9 is the smallest hint that needs buckets.
    made "$goarch" "$map" 9 || { echo "probe.sh: $goarch: make($map, 9) gives B=0" >&2; exit 1; }
    lo=9
    hi=$maxint
    while [ "$lo" -lt "$hi" ]; do
      mid=$((lo + (hi - lo) / 2 + (hi - lo) % 2))
      if made "$goarch" "$map" "$mid"; then lo=$mid; else hi=$((mid - 1)); fi
    done
    # Then two negative hints, -1 and the smallest Go int: uintptr(hint) is huge, so makemap's
    # hint * bucketsize overflows or passes maxAlloc and the hint is taken as 0.
    for hint in "$lo" $([ "$lo" -lt "$maxint" ] && echo $((lo + 1))) -1 $((-maxint - 1)); do
      o="$(outcome "$goarch" "$map" "$hint")" || exit 1
      printf '{"goarch":"%s","map":"%s",%s}\n' "$goarch" "$map" "$o"
    done
  done
done
