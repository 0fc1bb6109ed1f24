#!/usr/bin/env python3
"""Score the extractor on the two halves of each development gold file, with the reference scorer.

Work on halves (the developers' guide): rules are written reading half A of a development set;
half B is scored without being read. A change that lifts A and not B is tuning, and is reverted.
An article belongs to half A when the first byte of the SHA-256 of its gold `file` reference is
even, so the split is fixed, independent of order, and the same on every machine.

    python3 Benchmarks/halves.py                       # every development set, both halves
    python3 Benchmarks/halves.py --sets wikinews-dev   # one set
    python3 Benchmarks/halves.py --half A --details    # also list half A's worst articles
    python3 Benchmarks/halves.py --write DIR           # only write the half gold files into DIR

Figures come from `../shared/tools/score_events.py`; this script only splits the gold files.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETS = ("seeds", "voa-dev", "synthetic-dev", "wikinews-dev", "voa-dev2", "checklist-dev")


def half_of(reference: str) -> str:
    return "A" if hashlib.sha256(reference.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def split(gold: dict, half: str) -> dict:
    articles = [a for a in gold["articles"] if half_of(a["file"]) == half]
    files = {a["file"] for a in articles}
    events = []
    for event in gold["events"]:
        sources = [s for s in event["sources"] if s in files]
        if sources:
            events.append({**event, "sources": sources})
    return {**gold, "articles": articles, "events": events}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sitrep", default=str(ROOT / ".build/release/sitrep"))
    ap.add_argument("--sets", nargs="+", default=list(SETS))
    ap.add_argument("--half", choices=("A", "B", "both"), default="both")
    ap.add_argument("--details", action="store_true", help="print the scorer's whole report (half A only)")
    ap.add_argument("--write", help="write the half gold files here and stop")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    halves = ("A", "B") if args.half == "both" else (args.half,)

    with tempfile.TemporaryDirectory(prefix="sitrep-halves-") as tmp:
        out_dir = Path(args.write) if args.write else Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        rows = []
        for name in args.sets:
            gold = json.loads((SHARED / "corpus/gold" / f"{name}.json").read_text(encoding="utf-8"))
            for half in halves:
                part = split(gold, half)
                path = out_dir / f"{name}-{half}.json"
                path.write_text(json.dumps(part, ensure_ascii=False, indent=1), encoding="utf-8")
                if args.write or not part["articles"]:
                    continue
                score = out_dir / f"{name}-{half}.score.json"
                run = subprocess.run(
                    [sys.executable, str(SHARED / "tools/score_events.py"), "--sitrep", args.sitrep,
                     "--gold", str(path), "--corpus", str(SHARED / "corpus"), str(SHARED),
                     "--jobs", str(args.jobs), "--json", str(score)],
                    capture_output=True, text=True)
                if run.returncode != 0:
                    print(run.stderr, file=sys.stderr)
                    return 1
                if args.details and half == "A":
                    print(run.stdout)
                s = json.loads(score.read_text(encoding="utf-8"))
                arts = s.get("articles", [])
                predicted = sum(a.get("predicted", 0) for a in arts)
                unmatched = sum(len(a.get("unmatched_predictions", [])) for a in arts)
                rows.append((name, half, len(arts), predicted, unmatched, s.get("required_gold"),
                             s.get("required_matched"), s.get("precision"), s.get("recall")))
        if args.write:
            return 0
    print(f"{'set':<15}{'half':<5}{'arts':>5}{'pred':>6}{'false':>6}{'invented/art':>13}{'req':>5}"
          f"{'found':>6}{'P':>7}{'R':>7}")
    for name, half, n, pred, false, req, found, p, r in rows:
        fmt = lambda x: "  n/a" if x is None else f"{x:.3f}"
        print(f"{name:<15}{half:<5}{n:>5}{pred:>6}{false:>6}{false / max(n, 1):>13.2f}{req or 0:>5}"
              f"{found or 0:>6}{fmt(p):>7}{fmt(r):>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
