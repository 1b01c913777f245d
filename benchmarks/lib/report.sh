# The report: Markdown sections written into $out between this command's markers, one block per part measured, so a
# run of one part leaves the other part's block, and every section of the file that is not ours, as it was. Sourced
# by benchmarks/run.sh.

# --- numbers ---------------------------------------------------------------------------------------------------------

# spec gen column(4 seconds, 5 kbytes) → the median of the runs (the mean of the two middle ones for an even count)
gen_median() {
    awk -F'\t' -v s="$1" -v g="$2" -v c="$3" '$1 == s && $2 == g {print $c}' "$tmp/gen-runs.tsv" | sort -g \
        | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

# spec gen column(4 seconds) → the runs, in order, comma-separated
gen_runs() {
    awk -F'\t' -v s="$1" -v g="$2" -v c="$3" '$1 == s && $2 == g {printf "%s%s", (n++ ? ", " : ""), $c}' \
        "$tmp/gen-runs.tsv"
}

# file spec gen column → one field of a results table
field() {
    awk -F'\t' -v s="$2" -v g="$3" -v c="$4" '$1 == s && $2 == g {print $c; exit}' "$1"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b + 0 == 0) print "—"; else printf "%.2f\n", a / b}'; }
mb() { awk -v k="$1" 'BEGIN {printf "%d\n", k / 1024}'; }
grouped() { # 978380 → 978,380
    awk -v n="$1" 'BEGIN {s = sprintf("%d", n); out = "";
        while (length(s) > 3) {out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3)} print s out}'
}
as_times() { [ "$1" = — ] && echo — || echo "$1×"; } # a ratio as shown: 0.72×, or a dash
# value limit → met / missed (a dash, not measured, says so)
verdict() {
    case $1 in
        —|"") echo "not measured" ;;
        *) awk -v v="$1" -v l="$2" 'BEGIN {print (v + 0 <= l + 0) ? "**met**" : "**missed**"}' ;;
    esac
}

# --- the machine ----------------------------------------------------------------------------------------------------

machine_paragraph() {
    local commit dirty cpu mem java_version
    commit=$(git rev-parse --short HEAD)
    dirty=""
    [ -z "$(git status --porcelain --untracked-files=no)" ] || dirty=" plus uncommitted changes"
    cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
    mem=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
    java_version=$(java -version 2>&1 | sed -n 2p)
    echo "Measured $(date -u '+%Y-%m-%d %H:%M') UTC at \`$commit\`$dirty; $(nproc) cores (${cpu:-unknown CPU}), $mem;"
    local peak
    peak=$(sort -g "$tmp/load" 2>/dev/null | tail -n 1)
    peak=${peak:-${load_end%% *}}
    echo "$java_version; load average (1, 5, 15 min) $load_start at the start, $load_end at the end, 1-minute peak"
    echo "$peak (sampled at each step)."
    # the benchmark alone keeps about one runnable thread per core busy (a JVM's compiler and GC threads add a little)
    if awk -v p="$peak" -v n="$(nproc)" 'BEGIN {exit !(p > 2 * n)}'; then
        echo
        echo "**The load average reached $peak, over twice the $(nproc) cores: other work shared the machine, so these"
        echo "numbers are noisy. Rerun on an idle machine before drawing conclusions.**"
    fi
}

# --- generation -----------------------------------------------------------------------------------------------------

javac_cell() { # spec gen → seconds, or why there are none
    local status
    status=$(field "$tmp/gen-javac.tsv" "$1" "$2" 3)
    case $status in
        ok) field "$tmp/gen-javac.tsv" "$1" "$2" 4 ;;
        fail) echo "does not compile ($(grouped "$(field "$tmp/gen-javac.tsv" "$1" "$2" 6)") errors)" ;;
        timeout) echo "over ${gen_timeout}s, stopped" ;;
    esac
}

javac_ratio() { # spec → ours/peer when both compiled, else a dash
    if [ "$(field "$tmp/gen-javac.tsv" "$1" ours 3)" = ok ] && [ "$(field "$tmp/gen-javac.tsv" "$1" peer 3)" = ok ]; then
        ratio "$(field "$tmp/gen-javac.tsv" "$1" ours 4)" "$(field "$tmp/gen-javac.tsv" "$1" peer 4)"
    else
        echo "—"
    fi
}

spec_table() { # id label
    local id=$1 label=$2 st pt sm pm
    st=$(gen_median "$id" ours 4); pt=$(gen_median "$id" peer 4)
    sm=$(gen_median "$id" ours 5); pm=$(gen_median "$id" peer 5)
    local of ol pf pl oa pa
    of=$(field "$tmp/gen-out.tsv" "$id" ours 3); pf=$(field "$tmp/gen-out.tsv" "$id" peer 3)
    oa=$(field "$tmp/gen-out.tsv" "$id" ours 4); pa=$(field "$tmp/gen-out.tsv" "$id" peer 4)
    ol=$(field "$tmp/gen-out.tsv" "$id" ours 5); pl=$(field "$tmp/gen-out.tsv" "$id" peer 5)
    local ojm pjm
    ojm=$(field "$tmp/gen-javac.tsv" "$id" ours 5); pjm=$(field "$tmp/gen-javac.tsv" "$id" peer 5)
    echo "### $label"
    echo
    echo "| median of $runs | Specwright | OpenAPI Generator $peer_version | ours/peer |"
    echo "|---|---:|---:|---:|"
    echo "| wall time (s) | $st | $pt | $(ratio "$st" "$pt") |"
    echo "| peak RSS (MB) | $(mb "$sm") | $(mb "$pm") | $(ratio "$sm" "$pm") |"
    echo "| main-code files (\`.java\`) | $(grouped "$of") | $(grouped "$pf") | $(ratio "$of" "$pf") |"
    echo "| main-code lines | $(grouped "$ol") | $(grouped "$pl") | $(ratio "$ol" "$pl") |"
    echo "| all files written | $(grouped "$oa") | $(grouped "$pa") | $(ratio "$oa" "$pa") |"
    echo "| javac of the main code, once (s) | $(javac_cell "$id" ours) | $(javac_cell "$id" peer) | $(javac_ratio "$id") |"
    # a compile that stopped on errors used less memory than a whole one would: no ratio then
    local jmr=—
    [ "$(javac_ratio "$id")" = — ] || jmr=$(ratio "${ojm:-0}" "${pjm:-0}")
    echo "| javac peak RSS (MB) | $(mb "${ojm:-0}") | $(mb "${pjm:-0}") | $jmr |"
    echo
    echo "Each run's wall time (s): Specwright $(gen_runs "$id" ours 4); OpenAPI Generator $(gen_runs "$id" peer 4)."
    echo
}

# The spec the javac budget is judged on: Kubernetes' when both outputs compile, else the largest (by the peer's lines)
# where both do. Prints "id ratio", or nothing.
javac_budget_spec() {
    local id r
    while read -r id; do
        r=$(javac_ratio "$id")
        [ "$r" != "—" ] && { echo "$id $r"; return; }
    done < <(awk -F'\t' '$2 == "peer" {print ($1 == "kubernetes" ? 1e12 : $5), $1}' "$tmp/gen-out.tsv" | sort -rg \
        | cut -d' ' -f2)
    return 0
}

has_spec() { grep -q "^$1	" "$tmp/gen-runs.tsv"; }

generation_budgets() {
    local wall rss lines javac_spec javac_r petstore_wall
    wall=—; rss=—; lines=—; petstore_wall=—
    if has_spec github; then
        wall=$(ratio "$(gen_median github ours 4)" "$(gen_median github peer 4)")
        rss=$(ratio "$(gen_median github ours 5)" "$(gen_median github peer 5)")
        lines=$(ratio "$(field "$tmp/gen-out.tsv" github ours 5)" "$(field "$tmp/gen-out.tsv" github peer 5)")
    fi
    has_spec petstore && petstore_wall=$(ratio "$(gen_median petstore ours 4)" "$(gen_median petstore peer 4)")
    read -r javac_spec javac_r <<<"$(javac_budget_spec)" || true
    echo "### Budgets (generation)"
    echo
    echo "| budget | measured | |"
    echo "|---|---:|---|"
    echo "| GitHub's spec: wall time ≤ 0.2× the peer's | $(as_times "$wall") | $(verdict "$wall" 0.2) |"
    echo "| GitHub's spec: peak RSS ≤ 0.5× | $(as_times "$rss") | $(verdict "$rss" 0.5) |"
    echo "| GitHub's spec: main-code lines ≤ 0.3× | $(as_times "$lines") | $(verdict "$lines" 0.3) |"
    if [ -n "${javac_spec:-}" ]; then
        echo "| javac time ≤ 0.5× on a spec both compile (${javac_spec}) | $(as_times "$javac_r") | $(verdict "$javac_r" 0.5) |"
    else
        echo "| javac time ≤ 0.5× on a spec both compile | no spec in this run where both compile | not measured |"
    fi
    echo "| petstore-sized spec: wall time ≤ 0.3× | $(as_times "$petstore_wall") | $(verdict "$petstore_wall" 0.3) |"
    echo
}

generation_block() {
    local id path what
    echo "## Generation: Specwright vs OpenAPI Generator $peer_version"
    echo
    machine_paragraph
    echo
    echo "\`$invocation\`: for each spec, $runs run(s) of each generator into an empty folder, alternating (ours first"
    echo "on odd runs, the peer first on even ones); wall time and peak RSS from GNU time (\`/usr/bin/time -f '%e %M'\`),"
    echo "the median per generator. Specwright: \`java -jar cli/target/specwright-cli.jar generate --spec SPEC --out DIR\`."
    echo "The peer: \`java -jar openapi-generator-cli-$peer_version.jar generate -g java --library native"
    echo "--skip-validate-spec -i SPEC -o DIR\`. Both on this JDK with its default heap. Files and lines: the \`.java\`"
    echo "files under \`src/main/java\` of the last run's output (the peer also writes tests, docs and build files: they"
    echo "count in \"all files\" only). javac: once per output, this JDK's \`javac --release 17 -encoding UTF-8"
    echo "-proc:none -nowarn -implicit:none\` on every main \`.java\` file, on the classpath of each output's pom"
    echo "(\`dependency:build-classpath\`; ours: specwright-runtime and the Jackson it brings; the peer's: the"
    echo "dependencies its generated pom declares)."
    echo
    while IFS='|' read -r -u 3 id path what; do
        has_spec "$id" && spec_table "$id" "$what"
    done 3< <(gen_specs)
    generation_budgets
}

# --- runtime --------------------------------------------------------------------------------------------------------

# class.method → "score error unit" from JMH's CSV (quotes stripped)
jmh() {
    awk -F, -v b="$1" 'NR > 1 {gsub(/"/, ""); n = split($1, p, "."); if (p[n - 1] "." p[n] == b) {print $5, $6, $7; exit}}' \
        "$tmp/jmh.csv"
}

# class.method → bytes allocated per operation (JMH's gc profiler), or nothing
jmh_alloc() {
    awk -F, -v b="$1:gc.alloc.rate.norm" 'NR > 1 {gsub(/"/, ""); n = length($1) - length(b);
        if (n > 0 && substr($1, n) == "." b) {printf "%.0f\n", $5; exit}}' "$tmp/jmh.csv"
}

jmh_cell() { # score error → "12.3 ± 0.4"
    awk -v s="$1" -v e="$2" 'BEGIN {f = (s >= 100) ? "%.0f" : (s >= 10 ? "%.1f" : "%.2f"); out = sprintf(f, s);
        if (e != "NaN" && e != "") out = out " ± " sprintf(f, e); print out}'
}

runtime_row() { # label class ours-method baseline-method baseline-description
    local os oe ou bs be bu
    read -r os oe ou <<<"$(jmh "$2.$3")"
    read -r bs be bu <<<"$(jmh "$2.$4")"
    [ -n "${os:-}" ] && [ -n "${bs:-}" ] || die "JMH's results lack $2.$3 or $2.$4 (see its output)"
    local oa ba
    oa=$(jmh_alloc "$2.$3"); ba=$(jmh_alloc "$2.$4")
    echo "| $1 (${ou/us/µs}) | $(jmh_cell "$os" "$oe") | $(jmh_cell "$bs" "$be") | $(ratio "$os" "$bs") \
| $(grouped "${oa:-0}") / $(grouped "${ba:-0}") B | $5 |"
}

overhead_row() { # label class ours-method baseline-method
    local os bs r oa ba
    read -r os _ <<<"$(jmh "$2.$3")"
    read -r bs _ <<<"$(jmh "$2.$4")"
    r=$(ratio "$os" "$bs")
    oa=$(jmh_alloc "$2.$3"); ba=$(jmh_alloc "$2.$4")
    echo "| $1 | $(awk -v r="$r" 'BEGIN {printf "%+.1f%%", (r - 1) * 100}') (${r}×) | $(verdict "$r" 1.05) \
| $(ratio "${oa:-0}" "${ba:-0}")× |"
}

runtime_block() {
    local fs fe fu
    read -r fs fe fu <<<"$(jmh TokenBucketBenchmark.atomicLong)"
    echo "## Runtime: the generated client vs raw HttpClient + Jackson (JMH)"
    echo
    machine_paragraph
    echo
    echo "\`$invocation\`: JMH 1.37 from the \`benchmarks/\` project, \`$jmh_settings -prof gc\` (forks, warm-up iterations and"
    echo "time, measured iterations and time), average time per operation ± JMH's 99.9% confidence half-width. The"
    echo "client is the one \`specwright-maven-plugin\` generates from \`specs/platform\` while building \`benchmarks/\`,"
    echo "rate limit off, plain HTTP allowed to loopback (\`allowPlainHttpToLoopback(true)\`); the baseline is the same"
    echo "call written with \`java.net.http.HttpClient\` (HTTP/1.1, the same headers and timeouts) and Jackson (the"
    echo "runtime's \`ObjectMapper\` configuration, the same generated records as the target). The server is the JDK's"
    echo "\`com.sun.net.httpserver\` on 127.0.0.1 in the same JVM, answering fixed bytes. The token bucket: the runtime's"
    echo "limiter at 10⁹ tokens/s (it never waits, so only the cost of asking is measured) against Bucket4j alone with"
    echo "the same bandwidth. Allocation per operation comes from JMH's \`-prof gc\` (\`gc.alloc.rate.norm\`): unlike"
    echo "time, it does not depend on what else the machine is doing."
    echo
    echo "| benchmark | Specwright | baseline | ours/baseline | allocated per operation, ours / baseline | the baseline |"
    echo "|---|---:|---:|---:|---:|---|"
    runtime_row "one GET of a product on loopback" SingleGetBenchmark specwright raw "raw HttpClient + Jackson"
    runtime_row "one GET of 10,000 products (about 5 MB) on loopback" LargeListBenchmark specwright raw \
        "raw HttpClient + Jackson"
    runtime_row "taking a rate-limit token, 32 threads" TokenBucketBenchmark specwright bucket4j \
        "Bucket4j \`tryConsume(1)\` alone"
    echo "| for scale: \`AtomicLong.incrementAndGet\`, 32 threads ($fu) | | $(jmh_cell "$fs" "$fe") | | | |"
    echo
    echo "### Budget (runtime): at most 5% overhead over the baseline"
    echo
    echo "| | time overhead | | allocation, ours/baseline |"
    echo "|---|---:|---|---:|"
    overhead_row "one GET" SingleGetBenchmark specwright raw
    overhead_row "10,000 products" LargeListBenchmark specwright raw
    overhead_row "rate-limit token, 32 threads" TokenBucketBenchmark specwright bucket4j
    echo
}

# --- writing ----------------------------------------------------------------------------------------------------------

# name, file with the block's text: replaces the block between its markers in $out, or adds it at the end
write_block() {
    local name=$1 text=$2
    local begin="<!-- benchmarks/run.sh $name: begin. Written by that command: edits between these markers are lost. -->"
    local end="<!-- benchmarks/run.sh $name: end -->"
    if [ "$out" = - ]; then
        cat "$text"
        return
    fi
    [ -f "$out" ] || printf '# Benchmarks\n' >"$out"
    if grep -qF "<!-- benchmarks/run.sh $name: begin" "$out" && grep -qF "$end" "$out"; then
        awk -v begin="$begin" -v prefix="<!-- benchmarks/run.sh $name: begin" -v end="$end" -v text="$text" '
            index($0, prefix) == 1 {print begin; while ((getline line < text) > 0) print line; skipping = 1; next}
            index($0, end) == 1 {skipping = 0}
            !skipping {print}' "$out" >"$tmp/out.md"
    else
        { cat "$out"; printf '\n%s\n' "$begin"; cat "$text"; printf '%s\n' "$end"; } >"$tmp/out.md"
    fi
    cat "$tmp/out.md" >"$out"
}

write_report() {
    if $quick && [ "$out" = benchmarks/target/BENCHMARKS-quick.md ]; then
        mkdir -p benchmarks/target
        cp BENCHMARKS.md "$out"
    fi
    if [ "$only" != runtime ]; then
        generation_block >"$tmp/generation.md"
        write_block generation "$tmp/generation.md"
    fi
    if [ "$only" != generation ]; then
        runtime_block >"$tmp/runtime.md"
        write_block runtime "$tmp/runtime.md"
    fi
    [ "$out" = - ] || log "wrote $out"
}
