#!/usr/bin/env bash
# Side-by-side benchmark: Specwright vs OpenAPI Generator 7.25.0 (-g java --library native) generating the same real
# spec, alternating runs on the same machine; prints a Markdown table of wall time and peak memory with the ratios.
# Usage: scripts/bench-generate.sh [SPEC] [RUNS]   (default: GitHub's api.github.com.json from the corpus, 3 runs)
# Needs: ./mvnw -B install -DskipTests first (for cli/target/specwright-cli.jar), GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${SPECWRIGHT_CORPUS:-$HOME/.cache/specwright/corpus}
spec=${1:-$corpus/api/github.com/api.github.com.json}
runs=${2:-3}
[ -f "$spec" ] || bash ../shared/tools/fetch-corpus.sh "$corpus" >/dev/null
work=target/bench
mkdir -p "$work"
peer=$work/openapi-generator-cli-7.25.0.jar
[ -f "$peer" ] || ./mvnw -B -q -ntp dependency:copy -Dartifact=org.openapitools:openapi-generator-cli:7.25.0 -DoutputDirectory="$work"

measure() { # name, command...: prints "seconds kbytes"
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" >/dev/null 2>&1
  cat "$work/$name.time"
}

sw_t=(); sw_m=(); peer_t=(); peer_m=()
for i in $(seq "$runs"); do
  rm -rf "$work/sw" "$work/peer-out"
  read -r t m < <(measure sw java -jar cli/target/specwright-cli.jar generate --spec "$spec" --out "$work/sw")
  sw_t+=("$t"); sw_m+=("$m")
  read -r t m < <(measure peer java -jar "$peer" generate -g java --library native -i "$spec" -o "$work/peer-out" \
      --skip-validate-spec)
  peer_t+=("$t"); peer_m+=("$m")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
st=$(median "${sw_t[@]}"); sm=$(median "${sw_m[@]}"); pt=$(median "${peer_t[@]}"); pm=$(median "${peer_m[@]}")
sl=$(find "$work/sw" -name '*.java' -exec cat {} + | wc -l)
pl=$(find "$work/peer-out/src/main" -name '*.java' -exec cat {} + | wc -l)
echo "| $(basename "$spec"), median of $runs | Specwright | OpenAPI Generator 7.25.0 | ratio |"
echo "|---|---:|---:|---:|"
echo "| wall time (s) | $st | $pt | $(awk "BEGIN {printf \"%.2f\", $st/$pt}") |"
echo "| peak RSS (MB) | $((sm / 1024)) | $((pm / 1024)) | $(awk "BEGIN {printf \"%.2f\", $sm/$pm}") |"
echo "| main-code lines | $sl | $pl | $(awk "BEGIN {printf \"%.2f\", $sl/$pl}") |"
