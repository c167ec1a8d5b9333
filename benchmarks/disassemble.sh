#!/usr/bin/env bash
# Decodes the machine code that HotSpot's -XX:CompileCommand=print writes as hex when no hsdis
# library is loaded (Debian's libhsdis0-fcml is too old for JDK 17), using binutils' objdump.
#
#   benchmarks/disassemble.sh LOG [PATTERN]
#
# LOG is the output of a JVM run with
#   -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=print,<class>::<method>
# (for a JMH benchmark pass it with -jvmArgsAppend and print the generated stub, for example
# '*Int64HashBenchmark_int64_jmhTest::int64_avgt_jmhStub', into which the benchmark is inlined).
# The script decodes the last C2 compilation (not an on-stack-replacement one) whose header line
# contains PATTERN (default: any), prints it in Intel syntax, and ends with a summary of its
# longest loop: the span from the target of its longest backward conditional jump to that jump,
# with the number of instructions and the commonest mnemonics. The code is decoded as x86-64:
# a log from another architecture gives nonsense.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 LOG [PATTERN]" >&2
  exit 2
fi
log=$1
pattern=${2:-}
if [[ ! -r $log ]]; then
  echo "$0: cannot read log file '$log'" >&2
  exit 2
fi
for tool in objdump perl; do
  if ! command -v "$tool" >/dev/null; then
    echo "$0: needs '$tool' on the PATH (Debian: binutils, perl-base)" >&2
    exit 2
  fi
done

# Header of a C2 compilation: "Compiled method (c2) <time> <id> <level> <method> (<n> bytes)";
# an on-stack-replacement compilation has a '%' after its id.
start=$(grep -n -F "$pattern" "$log" | grep 'Compiled method (c2)' | grep -v ' % ' \
  | tail -1 | cut -d: -f1 || true)
if [[ -z $start ]]; then
  echo "$0: no C2 compilation in '$log' whose header contains '$pattern'" \
    "(was the JVM run with -XX:CompileCommand=print,...?)" >&2
  exit 1
fi

bin=$(mktemp)
asm=$(mktemp)
trap 'rm -f "$bin" "$asm"' EXIT
# The hex lines between [MachCode] and [/MachCode]: "  0x<address>: <hex> | <hex> ...".
awk -v start="$start" '
  NR < start { next }
  /\[MachCode\]/ { on = 1; next }
  /\[\/MachCode\]/ { exit }
  on && /^[[:space:]]+0x[0-9a-f]+: [0-9a-f]/' "$log" \
  | sed -E 's/^[[:space:]]*0x[0-9a-f]+: //; s/;.*//; s/[ |]//g' \
  | perl -ne 'chomp; print pack("H*", $_)' >"$bin"
if [[ ! -s $bin ]]; then
  echo "$0: the compilation at line $start of '$log' has no hex machine code" \
    "(with an hsdis library loaded, the JVM prints the instructions itself)" >&2
  exit 1
fi

sed -n "${start}p" "$log"
objdump -D -b binary -mi386:x86-64 -Mintel "$bin" \
  | awk -F'\t' 'NF >= 3 { sub(/^ +/, "", $1); print $1 "\t" $3 }' >"$asm"
cat "$asm"
awk -F'\t' '
  # mawk has no strtonum
  function hex(s,    i, n) {
    sub(/^0x/, "", s); n = 0
    for (i = 1; i <= length(s); i++) n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
    return n
  }
  {
    addr[NR] = hex(substr($1, 1, length($1) - 1)); text[NR] = $2
    split($2, w, " ")
    if (w[1] ~ /^j/ && w[1] != "jmp" && w[2] ~ /^0x/) {
      target = hex(w[2])
      if (target < addr[NR] && addr[NR] - target > best) {
        best = addr[NR] - target; from = target; to = addr[NR]
      }
    }
  }
  END {
    if (!best) { print "\nno backward conditional jump: no loop"; exit }
    for (i = 1; i <= NR; i++) {
      if (addr[i] >= from && addr[i] <= to) { n++; split(text[i], w, " "); count[w[1]]++ }
    }
    printf "\nlongest loop: %d instructions (0x%x-0x%x); commonest:", n, from, to
    for (k = 0; k < 8; k++) {
      top = ""
      for (m in count) {
        if (top == "" || count[m] > count[top] || (count[m] == count[top] && m < top)) top = m
      }
      if (top == "") break
      printf " %s %d", top, count[top]; delete count[top]
    }
    print ""
  }' "$asm"
