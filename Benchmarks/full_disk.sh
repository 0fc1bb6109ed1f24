#!/usr/bin/env bash
# A build into a filesystem that fills up: it must stop with one clear line, leave the previous
# outputs exactly as they were and the state consistent, and the next build with space must
# complete with the outputs of a fresh build. Needs root (a tmpfs of a few MB).
#
# Usage: sudo Benchmarks/full_disk.sh [SITREP]
set -euo pipefail
cd "$(dirname "$0")/.."
sitrep="${1:-$PWD/.build/release/sitrep}"
work=$(mktemp -d /tmp/sitrep-full-disk.XXXX)
small="$work/small"
mkdir -p "$small" "$work/in"
mount -t tmpfs -o size=3m tmpfs "$small"
trap 'umount "$small" 2>/dev/null || true; rm -rf "$work"' EXIT

cp Examples/articles/* "$work/in/"
"$sitrep" build "$work/in" --out "$small/out" --state "$work/state" >/dev/null 2>&1
before=$(cd "$small/out" && find . -type f ! -name '.*' -exec sha256sum {} + | sort)
echo "first build: $(du -sh "$small/out" | cut -f1) of outputs in a 3 MB filesystem"

# 400 more articles: their pages do not fit.
(find /tmp/sitrep-build-benchmark/articles -name '*.txt' || true) | head -400 | xargs -I{} cp {} "$work/in/"
set +e
message=$("$sitrep" build "$work/in" --out "$small/out" --state "$work/state" 2>&1 >/dev/null)
status=$?
set -e
echo "build into the full filesystem: exit $status; it said:"
echo "$message" | grep -v "no --site-url" | sed 's/^/    /'
after=$(cd "$small/out" && find . -type f ! -name '.*' -exec sha256sum {} + | sort)
leftovers=$(find "$small/out" -name '.*.tmp' | wc -l)
[ "$before" = "$after" ] && echo "previous outputs: unchanged, byte for byte" || echo "previous outputs: CHANGED"
echo "temporary files left: $leftovers"

mount -o remount,size=200m "$small"
"$sitrep" build "$work/in" --out "$small/out" --state "$work/state" >/dev/null 2>&1 && echo "next build with space: completed"
"$sitrep" build "$work/in" --out "$work/fresh" --state "$work/fresh-state" >/dev/null 2>&1
if diff -r -x '.*' "$small/out" "$work/fresh" >/dev/null; then
    echo "its outputs: identical to a fresh build's"
else
    echo "its outputs: DIFFERENT from a fresh build's:"; diff -rq -x ".*" "$small/out" "$work/fresh" | head -5; exit 1
fi
[ "$status" -ne 0 ] && [ "$before" = "$after" ] && [ "$leftovers" -eq 0 ]
