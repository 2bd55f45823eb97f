#!/usr/bin/env bash
# A/B of `vmflow pings` between two launchers on one capture, interleaved with `cat` of the
# page-cached file so that all three see the same machine load:
#   src/test/bench/pings-ab.sh BEFORE_LAUNCHER AFTER_LAUNCHER CAPTURE [RUNS]
# Each launcher is a ./vmflow script (for "before", the launcher of a clone of the old commit).
# Prints each run's wall and CPU (user+sys) seconds, the medians, and whether both sides printed
# the same JSON.
set -euo pipefail
a=$1 b=$2 cap=$3 runs=${4:-5}
work="$(mktemp -d "${TMPDIR:-/tmp}/vmflow-pings-ab.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$a" --version >/dev/null 2>&1; "$b" --version >/dev/null 2>&1 # builds the jars first
"$a" pings "$cap" >/dev/null 2>&1; "$b" pings "$cap" >/dev/null 2>&1 # trains their archives
cat "$cap" >/dev/null
timed() { # name out command... -> appends "wall cpu" to $work/name
  local name=$1 out=$2
  shift 2
  /usr/bin/time -f "%e %U %S" -o "$work/t" "$@" >"$out" 2>/dev/null || true
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$work/t" >>"$work/$name"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= runs; i++)); do
  timed cat /dev/null cat "$cap"
  timed A "$work/A.json" "$a" pings --json "$cap"
  timed B "$work/B.json" "$b" pings --json "$cap"
  echo "run $i: cat $(tail -1 "$work/cat")  before $(tail -1 "$work/A")  after $(tail -1 "$work/B")  (wall s, cpu s)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
med() { cut -d' ' -f"$2" "$work/$1" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
printf 'median wall: cat %s s  before %s s  after %s s | cpu: cat %s s  before %s s  after %s s\n' \
  "$(med cat 1)" "$(med A 1)" "$(med B 1)" "$(med cat 2)" "$(med A 2)" "$(med B 2)"
echo "output: $(cmp -s "$work/A.json" "$work/B.json" && echo same || echo DIFFERENT)"
