#!/usr/bin/env bash
# probe.sh: finds, by compiling tiny packages with go1.19, the largest types Go 1.19's compiler
# accepts on each GOARCH gomap4j has a layout for, and prints them as JSON lines: for each GOARCH
# and each of six type shapes, the largest accepted type and the next larger one, which Go refuses,
# with Go's first error message.
#
#   PATH=/usr/lib/go-1.19/bin:$PATH ./probe.sh > ../../resources/vectors/typelimits/go1.19.jsonl
#
# Each probe is `GOARCH=... go build` of a package that uses the type as a map elem and as a map
# key (see probe_src). The largest accepted length of each shape is found by binary search, so a
# run takes some minutes. Arguments: GOARCHes to probe (default: all fourteen).
set -euo pipefail

goarches=("$@")
if [ ${#goarches[@]} -eq 0 ]; then
  goarches=(386 arm mips mipsle amd64 arm64 loong64 mips64 mips64le ppc64 ppc64le riscv64 s390x
    wasm)
fi

go version | grep -q 'go1\.19' || { echo "probe.sh: needs go1.19 on PATH, found: $(go version)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/typelimits.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export GO111MODULE=off GOCACHE="$work/cache" GOFLAGS=
mkdir -p "$work/p"

# probe_src TYPE: a package that needs the type descriptors of a map with TYPE as elem and of a map
# with TYPE as key, for which the compiler lays out TYPE and the maps' buckets. (Copying a value of
# TYPE would also test code generation: riscv64's assembler cannot copy a field at offset 2^31.)
probe_src() {
  cat <<GO
package p

func Elem() interface{} { return map[int64]$1(nil) }

func Key() interface{} { return map[$1]int(nil) }
GO
}

# accepts GOARCH TYPE: whether go build accepts the probe; Go's output is left in $work/out.
accepts() {
  local goos=linux
  [ "$1" = wasm ] && goos=js
  probe_src "$2" > "$work/p/p.go"
  (cd "$work/p" && GOOS=$goos GOARCH=$1 go build . > "$work/out" 2>&1)
}

# largest GOARCH TEMPLATE: the largest N in [0, 2^63-1] for which TEMPLATE with N put for @ is
# accepted.
largest() {
  local lo=0 hi=9223372036854775807 mid
  accepts "$1" "${2//@/0}" || { echo "probe.sh: $1 refuses ${2//@/0}" >&2; exit 1; }
  while [ "$lo" -lt "$hi" ]; do
    mid=$((lo + (hi - lo) / 2 + (hi - lo) % 2))
    if accepts "$1" "${2//@/$mid}"; then lo=$mid; else hi=$((mid - 1)); fi
  done
  echo "$lo"
}

# line GOARCH TYPE: one JSON line with Go's verdict on TYPE.
line() {
  if accepts "$1" "$2"; then
    printf '{"goarch":"%s","type":"%s","accepted":true}\n' "$1" "$2"
  else
    local msg
    msg="$(grep -v '^#' "$work/out" | head -n 1 | sed -e 's/^[^ ]*:[0-9]*:[0-9]*: //' \
      -e 's/[\\"]/\\&/g' -e 's/\t/ /g')"
    printf '{"goarch":"%s","type":"%s","accepted":false,"go":"%s"}\n' "$1" "$2" "$msg"
  fi
}

shapes=(
  '[@]byte'                      # an array: at most MAXWIDTH-1 bytes
  '[@]int64'                     # an array of 8-byte elements
  '[@]struct{}'                  # zero-size elements: only the length is limited
  'struct{a [@]byte; b byte}'    # a struct: every field must end below the struct limit
  'struct{a [@]byte; b [0]byte}' # the padding byte after a trailing zero-size field
  'struct{a int32; b [@]byte}'   # the round-up of the size to the alignment
)

for goarch in "${goarches[@]}"; do
  for shape in "${shapes[@]}"; do
    n="$(largest "$goarch" "$shape")"
    line "$goarch" "${shape//@/$n}"
    if [ "$n" -lt 9223372036854775807 ]; then # 2^63 cannot be written as a Go int constant
      line "$goarch" "${shape//@/$((n + 1))}"
    fi
  done
done
