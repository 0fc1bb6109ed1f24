#!/usr/bin/env bash
# Fuzzes Sitrep's readers and extractor with libFuzzer and the address sanitizer (leak checks off:
# the Swift runtime keeps one-time caches to the end, which LeakSanitizer reports as leaks).
#
# Usage: Benchmarks/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   targets: html text jsonl gzip dates extract (default: all), 600 s each by default.
# Seed corpora come from the development data (../shared/corpus); crashing inputs are written to
# Fuzz/crashes/TARGET/ — commit each one as a regression test once it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(html text jsonl gzip dates extract)

swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address >/dev/null
binary="$(swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address --show-bin-path)/SitrepFuzz"

seeds=Fuzz/seeds
mkdir -p "$seeds"
make_seeds() {
    local target=$1 dir="$seeds/$1"
    [ -d "$dir" ] && return
    mkdir -p "$dir"
    case $target in
        html) for f in ../shared/corpus/html/aeb/*.html.gz; do zcat "$f" | head -c 200000 > "$dir/$(basename "$f" .gz)"; done 2>/dev/null || true ;;
        text|dates|extract) cp ../shared/seeds/* "$dir/" 2>/dev/null || true
            python3 - "$dir" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
for name in ["synthetic-dev.jsonl", "wikinews-dev.jsonl", "voa-dev2.jsonl"]:
    path = pathlib.Path("../shared/corpus") / name
    if path.exists():
        for i, line in enumerate(path.read_text().splitlines()[:40]):
            (out / f"{path.stem}-{i}.txt").write_text(json.loads(line).get("text", ""))
PY
            ;;
        jsonl) head -c 100000 ../shared/corpus/synthetic-dev.jsonl > "$dir/synthetic.jsonl" ;;
        gzip) for f in ../shared/corpus/html/aeb/*.html.gz; do cp "$f" "$dir/"; done 2>/dev/null | head -0 || true ;;
    esac
}

for target in "${targets[@]}"; do
    make_seeds "$target"
    mkdir -p "Fuzz/crashes/$target" "Fuzz/work/$target"
    echo "== $target: ${seconds} s"
    SITREP_FUZZ_TARGET=$target "$binary" "Fuzz/work/$target" "$seeds/$target" \
        -max_total_time="$seconds" -max_len=200000 -timeout=20 -rss_limit_mb=2048 \
        -artifact_prefix="Fuzz/crashes/$target/" -print_final_stats=1 -detect_leaks=0 2>&1 \
        | grep -E "^#[0-9]+.*(DONE|pulse)|stat::|ERROR|SUMMARY|Test unit written" | tail -12 || true
done
