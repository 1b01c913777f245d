#!/usr/bin/env bash
# The generation part of benchmarks/run.sh on one spec, printed as Markdown instead of written into BENCHMARKS.md:
# Specwright vs OpenAPI Generator 7.25.0 (-g java --library native), alternating, median of RUNS, with files, lines
# and javac time. Kept for its earlier callers; benchmarks/run.sh is the command (see benchmarks/README.md).
# Usage: scripts/bench-generate.sh [SPEC] [RUNS] [more benchmarks/run.sh options, e.g. --no-build]
#   (default: GitHub's api.github.com.json from the corpus, 3 runs)
set -euo pipefail
corpus=${SPECWRIGHT_CORPUS:-$HOME/.cache/specwright/corpus}
spec=${1:-$corpus/api/github.com/api.github.com.json}
runs=${2:-3}
exec "$(dirname "$0")/../benchmarks/run.sh" --only generation --out - --spec "$spec" --runs "$runs" "${@:3}"
