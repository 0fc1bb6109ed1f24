#!/usr/bin/env bash
# Ingest benchmark: body F1, title and date coverage, pages/s and peak memory of Sitrep on the
# article-extraction-benchmark pages, and trafilatura's figures from the same pages beside them
# when it can be installed with pip.
#
# Usage: Benchmarks/ingest.sh [AEB_FOLDER]   (default ../shared/corpus/html/aeb)
set -euo pipefail
cd "$(dirname "$0")/.."
folder="${1:-../shared/corpus/html/aeb}"

swift build -c release --product IngestBenchmark >/dev/null
.build/release/IngestBenchmark "$folder" --repeat 5
echo
if python3 -c "import trafilatura" 2>/dev/null \
    || pip install -q trafilatura lxml_html_clean >/dev/null 2>&1; then
    python3 Benchmarks/aeb_trafilatura.py "$folder"
else
    echo "trafilatura could not be installed with pip; only Sitrep's figures are shown."
fi
