#!/usr/bin/env bash
# record.sh: records short growth traces of map[int64]int64 with go1.19 for make hints that Go's
# makemap takes as 0: negative hints (uintptr(hint) is huge, so hint * bucketsize overflows) and
# hints whose buckets would pass maxAlloc. It runs the TCK's trace generator
# (tck/src/main/resources/io/gomap4j/tck/vectors/go1.19/gen/trace) natively on amd64 and 386 and
# writes one trace per GOARCH and hint:
#
#   PATH=/usr/lib/go-1.19/bin:$PATH ./record.sh ../../resources/vectors/tracehint
#
# Each file is named GOARCH_HINT.txt (a negative hint with "m" for the minus sign) and holds 300
# operations with Go's fallback hash (-aes=false) from the generator's random source 1.
set -euo pipefail

out="${1:?usage: record.sh OUTPUT_DIR}"
go version | grep -q 'go1\.19' || { echo "record.sh: needs go1.19 on PATH, found: $(go version)" >&2; exit 2; }

gen="$(dirname "$0")/../../../../../tck/src/main/resources/io/gomap4j/tck/vectors/go1.19/gen/trace"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

# On amd64, maxAlloc is 2^48 and a map[int64]int64 bucket 144 bytes: 1954687338269 is the smallest
# hint past maxAlloc / 144; on 386, maxAlloc is 2^32-1 and a bucket 140 bytes: 30678338.
declare -A hints=(
  [amd64]="-1 -9223372036854775808 1954687338269 9223372036854775807"
  [386]="-1 -2147483648 30678338 2147483647"
)
for goarch in amd64 386; do
  for hint in ${hints[$goarch]}; do
    (cd "$gen" && GOOS=linux GOARCH=$goarch go run . -aes=false -rng 1 -n 300 -hint "$hint") \
      > "$out/${goarch}_${hint/-/m}.txt"
  done
done
