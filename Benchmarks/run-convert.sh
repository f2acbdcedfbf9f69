#!/usr/bin/env bash
# Full-convert benchmark: `migrate convert` (release build) on the generated 200-mapping export,
# with --jobs 1 and --jobs 2, 3 runs each, against `migrate-bench read` of the same file in the
# same run. Usage: Benchmarks/run-convert.sh [mappings]          (default: 200)
# Prints per run the wall time and peak RSS (`/usr/bin/time -v`), then best and median wall time
# and the ratios convert/read (wall time, whole processes) and convert peak RSS / read peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."

mappings="${1:-200}"
runs=3

# GNU time gives wall time and peak RSS of a whole process.
[ -x /usr/bin/time ] || apt-get install -y time || { apt-get update && apt-get install -y time; }

swift build -c release --scratch-path .build-bench --product migrate-bench
swift build -c release --scratch-path .build-bench --product migrate
bench=.build-bench/release/migrate-bench
migrate=.build-bench/release/migrate

mkdir -p Benchmarks/.data
data="Benchmarks/.data/export-${mappings}-mappings.xml"
"$bench" generate-export --mappings "$mappings" --seed 42 --out "$data" >/dev/null
size=$(stat -c %s "$data")
out=$(mktemp -d /tmp/migrate-convert-bench.XXXXXX)
trap 'rm -rf -- "$out"' EXIT

echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  cores: $(nproc)  loadavg: $(cat /proc/loadavg)"
echo "input: $data ($size bytes, $mappings mappings)"

# Runs a command under /usr/bin/time -v; prints "seconds kilobytes". The wall time is taken from
# the shell's microsecond clock (time -v rounds it to 10 ms); the peak RSS from time -v.
measure() {
    local report start end
    report=$(mktemp)
    start=$EPOCHREALTIME
    /usr/bin/time -v "$@" >/dev/null 2>"$report" || true
    end=$EPOCHREALTIME
    awk -F': ' -v s="$start" -v e="$end" '/Maximum resident set size/ { k = $2 }
                END { printf "%.3f %d\n", e - s, k }' "$report"
    rm -f -- "$report"
}

# Best (lowest) and median of a list of numbers.
lowest() { printf '%s\n' "$@" | sort -n | head -1; }
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

declare -A wall peak
for label in read jobs1 jobs2; do
    times=()
    rss=()
    for _ in $(seq "$runs"); do
        case "$label" in
            read) result=$(measure "$bench" read "$data") ;;
            jobs1) rm -rf -- "${out:?}"/*; result=$(measure "$migrate" convert "$data" --out "$out" --jobs 1) ;;
            jobs2) rm -rf -- "${out:?}"/*; result=$(measure "$migrate" convert "$data" --out "$out" --jobs 2) ;;
        esac
        read -r seconds kilobytes <<<"$result"
        echo "  $label: ${seconds} s, peak RSS $((kilobytes / 1024)) MiB"
        times+=("$seconds")
        rss+=("$kilobytes")
    done
    wall[$label]="$(lowest "${times[@]}") $(median "${times[@]}")"
    peak[$label]=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
done

read -r read_best read_median <<<"${wall[read]}"
echo "migrate-bench read (process): best ${read_best} s, median ${read_median} s, peak RSS $((peak[read] / 1024)) MiB"
for label in jobs1 jobs2; do
    read -r best median <<<"${wall[$label]}"
    awk -v l="$label" -v b="$best" -v m="$median" -v rb="$read_best" -v rm="$read_median" -v p="${peak[$label]}" \
        -v rp="${peak[read]}" -v bytes="$size" 'BEGIN {
            printf "migrate convert --jobs %s: best %.3f s (%.1fx read), median %.3f s (%.1fx read), %.1f MB/s best; peak RSS %d MiB (%.2fx read, %.2fx input)\n",
                substr(l, 5), b, b / rb, m, m / rm, bytes / 1e6 / b, p / 1024, p / rp, p * 1024 / bytes }'
done
