#!/usr/bin/env python3
"""Publication dates against htmldate's evaluation pages, counted as htmldate counts them
(tests/comparison.py: a right date is a true positive, a wrong one a false positive, none a false
negative). Usage: Benchmarks/pubdates.py [FOLDER] [--sitrep PATH] [--misses]"""
import json, os, subprocess, sys

args = sys.argv[1:]
misses = "--misses" in args
sitrep = ".build/release/sitrep"
if "--sitrep" in args:
    sitrep = args[args.index("--sitrep") + 1]
folder = next((a for a in args if not a.startswith("--") and a != sitrep), "../shared/corpus/html/dates")
truth = {row["file"]: row for row in json.load(open(os.path.join(folder, "truth.json")))}
out = subprocess.run([sitrep, "read", folder, "--format", "json"], capture_output=True, text=True)
read = {os.path.basename(a["path"]): a for a in json.loads(out.stdout)}
tp = fp = fn = tn = 0
sources = {}
for name, row in sorted(truth.items()):
    article = read.get(name) or {}
    found = (article.get("published") or "")[:10] or None
    want = row.get("date")
    if not isinstance(want, str) or want == "nan":
        want = None
    source = article.get("published_source")
    if found is None and want is None:
        tn += 1
    elif found is None:
        fn += 1
        verdict = "none"
    elif found == want:
        tp += 1
        verdict = None
    else:
        fp += 1
        verdict = "wrong"
    if found is not None:
        good, total = sources.get(source, (0, 0))
        sources[source] = (good + (found == want), total + 1)
    if misses and found != want:
        print(f"{verdict:5} {name} want {want} got {article.get('published')} ({source}) {row.get('url', '')[:90]}")
precision = tp / (tp + fp) if tp + fp else 0
recall = tp / (tp + fn) if tp + fn else 0
f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
print(f"{len(truth)} pages: {tp} right, {fp} wrong, {fn} without a date")
print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
for source, (good, total) in sorted(sources.items(), key=lambda x: -x[1][1]):
    print(f"  {source or '-':14} {good}/{total} right")
