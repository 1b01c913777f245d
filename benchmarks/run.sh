#!/usr/bin/env bash
# Specwright's benchmarks, one command: generation against OpenAPI Generator on real specs, and the runtime (JMH)
# against raw HttpClient + Jackson. Writes its sections of BENCHMARKS.md (between its markers; the rest of the file is
# kept). See benchmarks/README.md.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: benchmarks/run.sh [--quick] [--runs N] [--only generation|runtime] [--spec FILE] [--out FILE|-] [--no-build]

  --quick        petstore-sized spec only, 1 run, short JMH settings: checks the script in a few minutes. Writes
                 benchmarks/target/BENCHMARKS-quick.md (a copy of BENCHMARKS.md) unless --out says otherwise.
  --runs N       generation runs per generator and spec, alternating; the median is reported (default 3).
  --only PART    generation or runtime; default both.
  --spec FILE    generate this spec only (both generators), instead of the default set.
  --out FILE     the Markdown file to write the sections into (default BENCHMARKS.md); - prints them instead.
  --no-build     use the toolkit already installed in the local repository and the built benchmarks/target.

Environment: MAVEN_REPO_LOCAL (a private local repository, passed as -Dmaven.repo.local; default ~/.m2/repository),
MAVEN_ARGS (extra Maven arguments, e.g. -o), SPECWRIGHT_CORPUS (the corpus folder; default
~/.cache/specwright/corpus, fetched by ../shared/tools/fetch-corpus.sh when missing), TMPDIR.
EOF
}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
caller=$PWD
absolute() { case $1 in /*|-) echo "$1" ;; *) echo "$caller/$1" ;; esac; } # paths as the caller meant them

invocation="benchmarks/run.sh${*:+ $*}"
quick=false runs="" only="" one_spec="" out="" build=true
while [ $# -gt 0 ]; do
    case $1 in
        --quick) quick=true ;;
        --runs) runs=${2:?--runs needs a number}; shift ;;
        --only) only=${2:?--only needs generation or runtime}; shift ;;
        --spec) one_spec=$(absolute "${2:?--spec needs a file}"); shift ;;
        --out) out=$(absolute "${2:?--out needs a file, or - for standard output}"); shift ;;
        --no-build) build=false ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
if [ -z "$runs" ]; then
    runs=3
    $quick && runs=1
fi
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs must be a positive whole number, was '$runs'" >&2; exit 2; }
case $only in
    ""|generation|runtime) ;;
    *) echo "run.sh: --only takes generation or runtime, was '$only'" >&2; exit 2 ;;
esac
if [ -z "$out" ]; then
    out=BENCHMARKS.md
    $quick && out=benchmarks/target/BENCHMARKS-quick.md
fi
[ -z "$one_spec" ] || [ -f "$one_spec" ] || { echo "run.sh: --spec: no such file: $one_spec" >&2; exit 2; }
cd "$root"
for tool in /usr/bin/time java javac awk git; do
    command -v "$tool" >/dev/null || { echo "run.sh: needs $tool (GNU time: apt-get install time)" >&2; exit 2; }
done

repo_local=${MAVEN_REPO_LOCAL:-}
m2=${repo_local:-$HOME/.m2/repository}
mvn=(./mvnw -B -q -ntp)
[ -n "$repo_local" ] && mvn+=("-Dmaven.repo.local=$repo_local")
corpus=${SPECWRIGHT_CORPUS:-$HOME/.cache/specwright/corpus}
peer_version=7.25.0
peer_jar=$m2/org/openapitools/openapi-generator-cli/$peer_version/openapi-generator-cli-$peer_version.jar
sw_jar=cli/target/specwright-cli.jar

tmp=$(mktemp -d "${TMPDIR:-/tmp}/specwright-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
started=$(date -u +%s)
# each step's message, and a sample of the load average for the report (how idle the machine was)
log() {
    printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2
    cut -d' ' -f1 /proc/loadavg >>"$tmp/load"
}
die() { echo "run.sh: $*" >&2; exit 1; }

# shellcheck source=benchmarks/lib/generation.sh
. benchmarks/lib/generation.sh
# shellcheck source=benchmarks/lib/runtime.sh
. benchmarks/lib/runtime.sh
# shellcheck source=benchmarks/lib/report.sh
. benchmarks/lib/report.sh

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
if $build; then
    log "building the toolkit: ${mvn[*]} install -DskipTests (runtime, generator, plugin, CLI)"
    "${mvn[@]}" install -DskipTests -pl client-runtime,generator-core,maven-plugin,cli -am \
        || die "the toolkit does not build; fix that first"
fi
[ -f "$sw_jar" ] || die "$sw_jar is missing: run without --no-build"

[ "$only" = runtime ] || run_generation
[ "$only" = generation ] || run_runtime
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

write_report
log "done in $(( ($(date -u +%s) - started) / 60 )) min $(( ($(date -u +%s) - started) % 60 )) s"
