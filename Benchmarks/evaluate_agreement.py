#!/usr/bin/env python3
"""Check that `sitrep evaluate` counts what the reference scorer counts, on every development
gold file: predicted, matched (required and optional), required gold, per-kind counts and the
field tallies. Prints one line per gold file and exits non-zero on any difference.

    swift build -c release && python3 Benchmarks/evaluate_agreement.py
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SITREP = ROOT / ".build" / "release" / "sitrep"
SETS = ("seeds", "voa-dev", "synthetic-dev", "wikinews-dev", "voa-dev2", "checklist-dev")


def main() -> int:
    differences = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in SETS:
            gold = SHARED / "corpus" / "gold" / f"{name}.json"
            ref_json, ours_json = Path(tmp) / f"{name}.ref.json", Path(tmp) / f"{name}.ours.json"
            subprocess.run([sys.executable, str(SHARED / "tools" / "score_events.py"), "--sitrep", str(SITREP),
                            "--gold", str(gold), "--corpus", str(SHARED / "corpus"), str(SHARED),
                            "--json", str(ref_json), "--jobs", "4"], check=True, capture_output=True)
            subprocess.run([str(SITREP), "evaluate", "--gold", str(gold), "--json", str(ours_json)],
                           check=True, capture_output=True)
            ref, ours = json.loads(ref_json.read_text()), json.loads(ours_json.read_text())
            s = ref["summary"]
            pairs = {
                "predicted": (s["predicted"], ours["predicted"]),
                "matched": (s["matched"], ours["matched"]),
                "matched_required": (s["matched_required"], ours["matched_required"]),
                "matched_optional": (s["matched_optional"], ours["matched_optional"]),
                "required_gold": (s["required_gold"], ours["required_gold"]),
            }
            for field, value in ref["fields"]["all"].items():
                mine = ours["fields"].get(field, {"right": 0, "scored": 0})
                pairs[f"field {field}"] = ((value["right"], value["n"]), (mine["right"], mine["scored"]))
            for kind, value in ref["per_kind"].items():
                mine = ours["per_kind"].get(kind, {})
                pairs[f"kind {kind}"] = (
                    (value["required_gold"], value["required_matched"], value["predicted"], value["predicted_matched"]),
                    (mine.get("required_gold", 0), mine.get("required_matched", 0), mine.get("predicted", 0),
                     mine.get("predicted_matched", 0)))
            wrong = {k: v for k, v in pairs.items() if v[0] != v[1]}
            differences += len(wrong)
            p, r = s["precision"] or 0, s["recall"] or 0
            print(f"{name:<14} scorer P {p:.3f} R {r:.3f} ({s['matched']}/{s['predicted']}, "
                  f"{s['matched_required']}/{s['required_gold']})  evaluate: "
                  + ("identical" if not wrong else f"{len(wrong)} differences"))
            for k, (a, b) in wrong.items():
                print(f"    {k}: scorer {a}, evaluate {b}")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
