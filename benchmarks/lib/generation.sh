# Generation: Specwright vs OpenAPI Generator on the same specs, alternating, median of $runs; then, once per output,
# files, main-code lines and javac time. Sourced by benchmarks/run.sh (its variables and helpers are in scope).
# Results go to $tmp/gen-runs.tsv (spec gen run seconds kb), $tmp/gen-out.tsv (spec gen mainFiles allFiles lines) and
# $tmp/gen-javac.tsv (spec gen status seconds kb errors).

# The specs to measure, one a line: id|corpus path or absolute path|what it is
gen_specs() {
    if [ -n "$one_spec" ]; then
        # one of the known specs keeps its name (and so its budgets); any other is "custom"
        local wanted id path what
        wanted=$(cd "$(dirname "$one_spec")" && pwd)/$(basename "$one_spec")
        while IFS='|' read -r id path what; do
            [ "$(spec_file "$path")" -ef "$wanted" ] && { echo "$id|$wanted|$what"; return; }
        done < <(known_specs)
        echo "custom|$wanted|$(basename "$one_spec")"
        return
    fi
    if $quick; then
        known_specs | grep '^petstore|'
    else
        known_specs
    fi
}

known_specs() {
    echo "petstore|api/rbaskets.in.json|Request Baskets (rbaskets.in.json), petstore-sized: 20 operations, 10 schemas, 27 KB"
    echo "stripe|api/stripe.com.json|Stripe (stripe.com.json), 2.5 MB"
    echo "github|api/github.com/api.github.com.json|GitHub (api.github.com.json), 5.7 MB"
    echo "kubernetes|api/kubernetes.io.json|Kubernetes (kubernetes.io.json), 4.4 MB"
}

spec_file() { # path as gen_specs gives it → the file
    case $1 in /*) echo "$1" ;; *) echo "$corpus/$1" ;; esac
}

# The longest one generation or one javac may take before the run is given up (a hang must not eat the session).
gen_timeout=1800

# tag, command...: runs it under GNU time, its output in $tmp/logs/tag.log; prints "seconds kbytes". Dies on failure.
measure() {
    local tag=$1; shift
    local times=$tmp/logs/$tag.time
    if ! timeout "$gen_timeout" /usr/bin/time -f '%e %M' -o "$times" "$@" </dev/null >"$tmp/logs/$tag.log" 2>&1; then
        tail -n 20 "$tmp/logs/$tag.log" >&2
        die "$tag failed or took over ${gen_timeout}s: $* (its last lines above)"
    fi
    tail -n 1 "$times"
}

# The two generators' commands, into the array cmd (programs, so that timeout and GNU time can run them).
command_ours() { # spec out [more options]
    cmd=(java -jar "$sw_jar" generate --spec "$1" --out "$2" "${@:3}")
}

command_peer() { # spec out
    cmd=(java -jar "$peer_jar" generate -g java --library native --skip-validate-spec -i "$1" -o "$2")
}

# Every .java file under a folder: count and lines.
java_files() { find "$1" -name '*.java' | wc -l; }
java_lines() { find "$1" -name '*.java' -print0 | xargs -0 -r cat | wc -l; }

# A Maven project's compile classpath (its pom's dependencies, resolved into the local repository).
classpath_of() { # pom.xml → prints the classpath
    local file=$tmp/cp.$RANDOM
    "${mvn[@]}" -f "$1" dependency:build-classpath -Dmdep.outputFile="$file" -Dmdep.includeScope=compile >&2 \
        || die "cannot resolve the dependencies of $1"
    cat "$file"
}

# tag, sources folder, classpath: compiles every .java file once with this JDK's javac, the same options for both
# generators (no annotation processing, warnings off: only the compile itself is timed). Appends to gen-javac.tsv.
compile_once() {
    local spec=$1 gen=$2 src=$3 cp=$4 tag="javac-$1-$2"
    local classes=$tmp/$tag.classes times=$tmp/logs/$tag.time status=ok errors=0
    mkdir -p "$classes"
    find "$src" -name '*.java' >"$tmp/$tag.sources"
    if ! timeout "$gen_timeout" /usr/bin/time -f '%e %M' -o "$times" javac -d "$classes" -cp "$cp" --release 17 \
            -encoding UTF-8 -proc:none -nowarn -implicit:none -Xmaxerrs 100000 "@$tmp/$tag.sources" \
            </dev/null >"$tmp/logs/$tag.log" 2>&1; then
        status=fail
        errors=$( (grep -Eo '^[0-9]+ errors?$' "$tmp/logs/$tag.log" || true) | tail -n 1 | cut -d' ' -f1)
        errors=${errors:-0}
    fi
    read -r seconds kb <<<"$( (tail -n 1 "$times" 2>/dev/null || true) )"
    if ! [[ ${seconds:-} =~ ^[0-9.]+$ && ${kb:-} =~ ^[0-9]+$ ]]; then
        status=timeout seconds=$gen_timeout kb=0 # killed by timeout: GNU time wrote nothing
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$spec" "$gen" "$status" "$seconds" "$kb" "$errors" >>"$tmp/gen-javac.tsv"
    rm -rf "$classes"
    log "  javac $gen: $status in ${seconds}s$([ "$status" = ok ] || echo ", $errors errors")"
}

ensure_generation_inputs() {
    local id path what missing=false
    while IFS='|' read -r id path what; do
        [ -f "$(spec_file "$path")" ] || missing=true
    done < <(gen_specs)
    if $missing && [ -z "$one_spec" ]; then
        log "fetching the corpus into $corpus (../shared/tools/fetch-corpus.sh)"
        [ -f ../shared/tools/fetch-corpus.sh ] || die "the corpus is not in $corpus and ../shared/tools/fetch-corpus.sh is missing"
        bash ../shared/tools/fetch-corpus.sh "$corpus" >&2 || die "fetching the corpus failed"
    fi
    while IFS='|' read -r id path what; do
        [ -f "$(spec_file "$path")" ] || die "spec not found: $(spec_file "$path")"
    done < <(gen_specs)
    if [ ! -f "$peer_jar" ]; then
        log "fetching OpenAPI Generator $peer_version into $m2"
        "${mvn[@]}" dependency:get -Dartifact="org.openapitools:openapi-generator-cli:$peer_version" -Dtransitive=false \
            >&2 || die "cannot fetch org.openapitools:openapi-generator-cli:$peer_version"
    fi
}

run_generation() {
    mkdir -p "$tmp/logs"
    : >"$tmp/gen-runs.tsv"; : >"$tmp/gen-out.tsv"; : >"$tmp/gen-javac.tsv"
    ensure_generation_inputs
    log "the classpath of our generated code: a generated project's pom (specwright-runtime and what it brings)"
    command_ours "$root/specs/features/swagger2-petstore.yaml" "$tmp/cp-project" --layout project
    "${cmd[@]}" </dev/null >"$tmp/logs/cp.log" 2>&1 \
        || { cat "$tmp/logs/cp.log" >&2; die "cannot generate a project to read our classpath from"; }
    sw_classpath=$(classpath_of "$tmp/cp-project/pom.xml")
    local id path what spec i order gen seconds kb result peer_classpath
    # the list on descriptor 3: the commands in the loop must not read it as their standard input
    while IFS='|' read -r -u 3 id path what; do
        spec=$(spec_file "$path")
        log "$what: $runs run(s) each, alternating"
        for i in $(seq "$runs"); do
            # the one going first alternates too, so neither always meets a cold page cache or a warm one
            order="ours peer"; [ $((i % 2)) -eq 0 ] && order="peer ours"
            for gen in $order; do
                rm -rf "$tmp/$id-$gen"
                # an assignment, not a process substitution: a failing measure must stop the script
                "command_$gen" "$spec" "$tmp/$id-$gen"
                result=$(measure "$id-$gen-$i" "${cmd[@]}")
                read -r seconds kb <<<"$result"
                printf '%s\t%s\t%s\t%s\t%s\n' "$id" "$gen" "$i" "$seconds" "$kb" >>"$tmp/gen-runs.tsv"
                log "  run $i $gen: ${seconds}s, $((kb / 1024)) MB"
            done
        done
        # the last run's outputs: what each wrote, then one compile of each
        printf '%s\tours\t%s\t%s\t%s\n' "$id" "$(java_files "$tmp/$id-ours/src/main/java")" \
            "$(find "$tmp/$id-ours" -type f | wc -l)" "$(java_lines "$tmp/$id-ours/src/main/java")" >>"$tmp/gen-out.tsv"
        printf '%s\tpeer\t%s\t%s\t%s\n' "$id" "$(java_files "$tmp/$id-peer/src/main/java")" \
            "$(find "$tmp/$id-peer" -type f | wc -l)" "$(java_lines "$tmp/$id-peer/src/main/java")" >>"$tmp/gen-out.tsv"
        compile_once "$id" ours "$tmp/$id-ours/src/main/java" "$sw_classpath"
        peer_classpath=$(classpath_of "$tmp/$id-peer/pom.xml")
        compile_once "$id" peer "$tmp/$id-peer/src/main/java" "$peer_classpath"
        rm -rf "$tmp/$id-ours" "$tmp/$id-peer"
    done 3< <(gen_specs)
}
