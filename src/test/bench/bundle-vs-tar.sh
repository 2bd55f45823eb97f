#!/usr/bin/env bash
# One large bundle through `vmflow analyze` against `tar -xzf` of the same file, interleaved so
# every side sees the same load:
#   src/test/bench/bundle-vs-tar.sh BUNDLE.tgz [RUNS] [LAUNCHER...]
# LAUNCHERs default to this tree's ./vmflow (as a user runs it: extracted jar, class-data archive);
# give an older checkout's ./vmflow beside it for an A/B. Each analyze runs with -Xmx256m (the
# memory cap the issue sets). Prints wall and CPU (user+sys) per run, the
# medians and each jar's ratio to tar. Make a bundle with io.vmflow.bench.GenerateIcmpCapture (two
# 500 MB captures) and the seed sample, packed with tar czf.
set -euo pipefail
bundle=$1 runs=${2:-3}
shift $(($# < 2 ? $# : 2))
here="$(cd "$(dirname "$0")/../../.." && pwd)"
jars=("$@")
((${#jars[@]})) || jars=("$here/vmflow")
export VMFLOW_JAVA_OPTS=-Xmx256m
for j in "${jars[@]}"; do "$j" --version >/dev/null 2>&1; done # builds and trains first
work="$(mktemp -d "${TMPDIR:-/tmp}/vmflow-bundle.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cat "$bundle" >/dev/null
timed() { # name command... -> appends "wall cpu" to $work/name.times
  local name=$1
  shift
  /usr/bin/time -f "%e %U %S" -o "$work/t" "$@" >/dev/null 2>&1 || true
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$work/t" >>"$work/$name.times"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= runs; i++)); do
  mkdir -p "$work/x"
  timed tar tar -xzf "$bundle" -C "$work/x"
  rm -rf "$work/x"
  line="run $i: tar $(tail -1 "$work/tar.times")"
  for k in "${!jars[@]}"; do
    timed "jar$k" "${jars[$k]}" analyze "$bundle" -o "$work/out$k"
    rm -rf "$work/out$k"
    line+="  jar$k $(tail -1 "$work/jar$k.times")"
  done
  echo "$line  (wall s, cpu s)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
med() { cut -d' ' -f"$2" "$work/$1.times" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
t=$(med tar 1)
echo "median tar: wall $t s cpu $(med tar 2) s"
for k in "${!jars[@]}"; do
  w=$(med "jar$k" 1)
  awk -v w="$w" -v t="$t" -v c="$(med "jar$k" 2)" -v j="${jars[$k]}" \
    'BEGIN { printf "median jar%d (%s): wall %s s cpu %s s = %.2fx tar (goal <= 1.5)\n", '"$k"', j, w, c, w / t }'
done
