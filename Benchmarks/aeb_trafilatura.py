#!/usr/bin/env python3
"""Runs trafilatura on the article-extraction-benchmark pages and scores it with the benchmark's
own metric (word 4-gram shingles per page; precision and recall averaged over pages), so its
figures print beside Sitrep's from the same pages on the same machine.

Usage: aeb_trafilatura.py AEB_FOLDER
"""
import gzip
import json
import os
import re
import resource
import sys
import time
from collections import Counter

TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def shingles(text, n=4):
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def precision_recall(truth, predicted):
    expected, found = shingles(truth), shingles(predicted)
    tp = fp = fn = 0
    for key in set(expected) | set(found):
        e, f = expected.get(key, 0), found.get(key, 0)
        tp += min(e, f)
        fp += max(0, f - e)
        fn += max(0, e - f)
    if tp + fp + fn == 0:
        return 1.0, 1.0
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/html/aeb"
    import trafilatura

    truth = json.load(open(os.path.join(folder, "ground-truth.json")))
    pages = {key: gzip.open(os.path.join(folder, key + ".html.gz")).read() for key in sorted(truth)}
    started = time.perf_counter()
    results = {key: trafilatura.extract(html, url=truth[key].get("url")) or "" for key, html in pages.items()}
    seconds = time.perf_counter() - started
    scores = [precision_recall(truth[key]["articleBody"], results[key]) for key in pages]
    precision = sum(p for p, _ in scores) / len(scores)
    recall = sum(r for _, r in scores) / len(scores)
    f1 = 2 * precision * recall / (precision + recall)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"trafilatura {trafilatura.__version__} on {len(pages)} pages of {folder}")
    print(f"  body     F1 {f1:.3f}  (precision {precision:.3f}, recall {recall:.3f})")
    print(f"  speed    {len(pages) / seconds:.0f} pages/s on one core ({seconds:.2f} s)")
    print(f"  memory   {peak:.0f} MB peak resident")


if __name__ == "__main__":
    main()
