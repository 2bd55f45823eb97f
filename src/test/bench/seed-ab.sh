#!/usr/bin/env bash
# A/B start-up benchmark on the seed sample, interleaved so both sides see the same machine load:
#   src/test/bench/seed-ab.sh BEFORE_LAUNCHER AFTER_LAUNCHER [RUNS] [fresh|reuse]
# Each launcher is a ./vmflow script (for "before", a copy of the launcher beside a built
# target/vmflow.jar of the old commit). fresh: a new output folder per run (a new database);
# reuse: the same output folder every run (the database and its schema are kept, as when a
# responder runs `vmflow analyze` again on the same input). Prints wall and CPU (user+sys)
# medians side by side, and the load average.
set -euo pipefail
a=$1 b=$2 runs=${3:-5} mode=${4:-fresh}
sample="$(cd "$(dirname "$0")/../../.." && pwd)/samples/seed-fusionsphere"
work="$(mktemp -d "${TMPDIR:-/tmp}/vmflow-ab.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$a" --version >/dev/null 2>&1; "$b" --version >/dev/null 2>&1  # builds / trains the archives first
one() {  # launcher side out -> "wall cpu"
  [[ $3 == fresh ]] && rm -rf "$work/$2"
  /usr/bin/time -f "%e %U %S" -o "$work/t" "$1" analyze "$sample" -o "$work/$2" >/dev/null 2>&1 || true
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$work/t"
}
[[ $mode == reuse ]] && { one "$a" A fresh >/dev/null; one "$b" B fresh >/dev/null; }
: >"$work/A.times"; : >"$work/B.times"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= runs; i++)); do
  one "$a" A "$mode" >>"$work/A.times"
  one "$b" B "$mode" >>"$work/B.times"
  echo "run $i: before $(tail -1 "$work/A.times")  after $(tail -1 "$work/B.times")  (wall s, cpu s)"
done
med() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'median %s: before wall %s s cpu %s s | after wall %s s cpu %s s\n' "$mode" \
  "$(cut -d' ' -f1 "$work/A.times" | med)" "$(cut -d' ' -f2 "$work/A.times" | med)" \
  "$(cut -d' ' -f1 "$work/B.times" | med)" "$(cut -d' ' -f2 "$work/B.times" | med)"
