#!/usr/bin/env bash
# probe.sh: checks with go1.19 that accepted.go builds and that each type in REFUSED below is
# refused, printing Go's first message for it. GoTypeParseTest and GoTypeRoundTripTest follow
# what it shows (see README.md).
#
#   PATH=/usr/lib/go-1.19/bin:$PATH ./probe.sh
set -euo pipefail

go version | grep -q 'go1\.19' || { echo "probe.sh: needs go1.19 on PATH, found: $(go version)" >&2; exit 2; }
cd "$(dirname "$0")"
go vet . && echo "accepted.go: built"

# Each a type, printf-escaped: control characters other than tab, newline and carriage return,
# also where Java's Character.isWhitespace sees whitespace, a Unicode space, a pointer to error,
# result lists that are only a comma or end in two, and characters Go's scanner refuses outside a
# literal or comment inside a func's parameters or an interface's methods (U+2003, @, an Arabic-Indic
# digit starting a name, $, a byte order mark).
refused=('func(\x1b[2J])' 'func(a int\x0c)' 'interface{ M()\x07 }' 'func() (int\x7f)'
  'struct{\x1fa int}' 'int\xe2\x80\x83' 'struct{ *error }' 'func() (,)' 'func() (int,,)'
  'func(a\xe2\x80\x83int)' 'interface{ M()@ }' 'func(a \xd9\xa3int)' 'func(a$ int)'
  'func(\xef\xbb\xbfa int)')
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf 'module refused\n\ngo 1.19\n' > "$dir/go.mod"
for t in "${refused[@]}"; do
  printf "package refused\n\ntype T $t\n" > "$dir/t.go"
  if out=$(cd "$dir" && go vet . 2>&1); then
    echo "$t: ACCEPTED, expected a refusal" >&2
    exit 1
  fi
  echo "$t: $(echo "$out" | grep -v '^#' | head -1)"
done
