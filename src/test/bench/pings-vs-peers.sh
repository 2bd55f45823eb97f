#!/usr/bin/env bash
# Pairing throughput against its peers on one capture, in one run so all three see the same load:
#   src/test/bench/pings-vs-peers.sh CAPTURE [RUNS]
# Peers: `cat` of the page-cached file (the memory-read limit) and `tshark -q -z icmp,srt` (the
# field's tool). Prints each run's wall and CPU (user+sys) seconds, the medians, the ratios the
# issue sets (tshark / vmflow >= 30, vmflow / cat <= 4), and whether vmflow's request and reply
# totals equal tshark's. Make a capture with io.vmflow.bench.GenerateIcmpCapture.
set -euo pipefail
cap=$1 runs=${2:-3}
here="$(cd "$(dirname "$0")/../../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/vmflow-pings.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$here/vmflow" --version >/dev/null 2>&1 # builds the jar first
cat "$cap" >/dev/null                    # into the page cache
timed() { # name command... -> appends "wall cpu" to $work/name; cat's bytes go to /dev/null
  local name=$1 out
  shift
  out="$work/$name.out"
  [[ $name == cat ]] && out=/dev/null
  /usr/bin/time -f "%e %U %S" -o "$work/t" "$@" >"$out" 2>/dev/null || true
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$work/t" >>"$work/$name"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= runs; i++)); do
  timed cat cat "$cap"
  timed vmflow "$here/vmflow" pings --json "$cap"
  timed tshark tshark -n -q -r "$cap" -z icmp,srt
  echo "run $i: cat $(tail -1 "$work/cat")  vmflow $(tail -1 "$work/vmflow")  tshark $(tail -1 "$work/tshark")  (wall s, cpu s)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
med() { cut -d' ' -f"$2" "$work/$1" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
c=$(med cat 1) v=$(med vmflow 1) t=$(med tshark 1)
printf 'median wall: cat %s s  vmflow %s s  tshark %s s | cpu: cat %s s  vmflow %s s  tshark %s s\n' \
  "$c" "$v" "$t" "$(med cat 2)" "$(med vmflow 2)" "$(med tshark 2)"
awk -v c="$c" -v v="$v" -v t="$t" 'BEGIN {
  printf "tshark / vmflow = %.1fx (goal >= 30)   vmflow / cat = %.1fx (goal <= 4)\n", t / v, v / (c > 0 ? c : 0.01) }'
# totals: vmflow's requests and answered requests against the line under tshark's
# "Requests  Replies  Lost" header (its replies are the ones matched to a request)
vreq=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(sum(x["requests"] for x in r), sum(x["answered"] for x in r))' "$work/vmflow.out")
treq=$(awk '/^Requests +Replies/ {getline; print $1, $2}' "$work/tshark.out")
echo "requests, answered: vmflow $vreq  tshark $treq  $([[ $vreq == "$treq" ]] && echo same || echo DIFFERENT)"
