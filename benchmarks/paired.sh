#!/usr/bin/env bash
# Times two commands as whole processes, in turn (A B A B …) after one untimed run of each, and prints per command
# the median wall time, CPU time and peak resident memory (GNU time's accounting of the finished process), and the
# median of the ratios A ÷ B taken pair by pair: a ratio of neighbouring runs holds when the machine's speed drifts,
# which on a shared 2-core machine it does by ±40 % in an hour.
#
#   benchmarks/paired.sh [-n RUNS] [--vs 'COMMAND B'] -- COMMAND A [ARG ...]
#
# Without --vs, COMMAND A alone is timed.
# COMMAND B is split on spaces (no quoting inside it). What the commands print is thrown away; their exit codes are
# shown per run. Needs /usr/bin/time (Debian: apt install time) and awk.
set -euo pipefail

runs=5
other=""
while [ $# -gt 0 ]; do
    case "$1" in
        -n) runs=$2; shift 2 ;;
        --vs) other=$2; shift 2 ;;
        --) shift; break ;;
        *) break ;;
    esac
done
if [ $# -eq 0 ]; then
    echo "usage: benchmarks/paired.sh [-n RUNS] [--vs 'COMMAND B'] -- COMMAND A [ARG ...]" >&2
    exit 2
fi
first=("$@")
read -ra second <<< "$other"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# One line per run: wall s, user s, system s, peak resident KB, exit code.
measure() {
    local code=0
    /usr/bin/time -f "%e %U %S %M" -o "$scratch/one" "$@" > /dev/null 2>&1 || code=$?
    echo "$(tail -n 1 "$scratch/one") $code"
}

measure "${first[@]}" > /dev/null
[ -z "$other" ] || measure "${second[@]}" > /dev/null
for ((i = 0; i < runs; i++)); do
    echo "A $(measure "${first[@]}")" >> "$scratch/runs"
    [ -z "$other" ] || echo "B $(measure "${second[@]}")" >> "$scratch/runs"
done

awk -v runs="$runs" -v paired="${other:+1}" '
    function median(values, n,    i, j, t) {
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (values[j] < values[i]) { t = values[i]; values[i] = values[j]; values[j] = t }
        return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
    }
    { n[$1]++; k = n[$1]; wall[$1, k] = $2; cpu[$1, k] = $3 + $4; peak[$1, k] = $5 / 1024; codes[$1] = codes[$1] " " $6 }
    END {
        for (s = 1; s <= (paired ? 2 : 1); s++) {
            c = s == 1 ? "A" : "B"
            for (k = 1; k <= runs; k++) { w[k] = wall[c, k]; u[k] = cpu[c, k]; p[k] = peak[c, k] }
            printf "%s  wall %.3f s  cpu %.3f s  peak %.1f MiB  (medians of %d; exit codes:%s)\n", c, median(w, runs), median(u, runs), median(p, runs), runs, codes[c]
        }
        if (!paired) exit
        # A command too short to time (0.00 s) gives no ratio.
        for (k = 1; k <= runs; k++) { w[k] = wall["B", k] > 0 ? wall["A", k] / wall["B", k] : 0; u[k] = cpu["B", k] > 0 ? cpu["A", k] / cpu["B", k] : 0; p[k] = peak["A", k] / peak["B", k] }
        printf "A/B  wall %.3f  cpu %.3f  peak %.3f  (medians of the %d pairs)\n", median(w, runs), median(u, runs), median(p, runs), runs
    }' "$scratch/runs"
