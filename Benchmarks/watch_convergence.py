#!/usr/bin/env python3
"""`sitrep watch` while articles arrive the ways they do in practice, then a check that it
converged: the outputs equal, byte for byte, a fresh build of the same inputs.

Files are copied in a piece at a time (a slow copy: half the bytes, a pause, the rest), written
elsewhere and renamed into place, changed, and deleted while builds run; a JSON Lines export grows
by appends. Meanwhile events.json is read at random moments and must always parse (never half a
file). Then the watcher is given time to settle, stopped, and a fresh build is compared.

Usage: watch_convergence.py [--sitrep PATH] [--rounds N] [--corpus DIR]
"""
import argparse
import filecmp
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def stories(corpus):
    found = []
    for name in ["voa-dev.jsonl", "synthetic-dev.jsonl", "wikinews-dev.jsonl"]:
        with open(os.path.join(corpus, name), encoding="utf-8") as handle:
            found += [json.loads(line) for line in handle if line.strip()]
    return [s for s in found if s.get("published") and s.get("text")]


def as_text(story, number):
    return (f"title: {story.get('title', '')}\npublished: {story['published']}\nurl: "
            f"https://example.org/watch/{number}\n---\n{story['text']}\n").encode("utf-8")


def differences(a, b):
    comparison = filecmp.dircmp(a, b)
    found = []

    def walk(c, prefix):
        found.extend(prefix + n for n in c.left_only + c.right_only + c.diff_files + c.funny_files)
        for name, sub in c.subdirs.items():
            walk(sub, prefix + name + "/")
    walk(comparison, "")
    # dircmp compares shallowly by stat; compare bytes.
    for root, _, files in os.walk(a):
        for name in files:
            left = os.path.join(root, name)
            right = os.path.join(b, os.path.relpath(left, a))
            if os.path.exists(right) and open(left, "rb").read() != open(right, "rb").read():
                found.append(os.path.relpath(left, a))
    return sorted(set(found))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sitrep", default=os.path.join(HERE, "..", ".build", "release", "sitrep"))
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus"))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = stories(args.corpus)
    work = tempfile.mkdtemp(prefix="sitrep-watch-")
    inputs, out, state = (os.path.join(work, n) for n in ("in", "out", "state"))
    os.makedirs(inputs)
    for number in range(20):
        with open(os.path.join(inputs, f"seed-{number}.txt"), "wb") as handle:
            handle.write(as_text(rng.choice(pool), number))
    log = open(os.path.join(work, "watch.log"), "w")
    watch = subprocess.Popen([args.sitrep, "watch", inputs, "--out", out, "--state", state,
                              "--interval", "0.2", "--debounce", "0.3"], stdout=log, stderr=log)
    torn, reads, number = 0, 0, 100
    export = os.path.join(inputs, "export.jsonl")
    try:
        time.sleep(3)
        for round_ in range(args.rounds):
            action = rng.choice(["slow copy", "rename", "change", "delete", "append", "append"])
            number += 1
            story = rng.choice(pool)
            if action == "slow copy":
                data = as_text(story, number)
                path = os.path.join(inputs, f"copy-{number}.txt")
                with open(path, "wb") as handle:
                    handle.write(data[: len(data) // 2])
                    handle.flush()
                    time.sleep(rng.uniform(0.05, 0.6))
                    handle.write(data[len(data) // 2:])
            elif action == "rename":
                temporary = os.path.join(work, f"incoming-{number}.txt")
                with open(temporary, "wb") as handle:
                    handle.write(as_text(story, number))
                os.rename(temporary, os.path.join(inputs, f"moved-{number}.txt"))
            elif action == "change":
                names = [n for n in os.listdir(inputs) if n.endswith(".txt")]
                if names:
                    with open(os.path.join(inputs, rng.choice(names)), "wb") as handle:
                        handle.write(as_text(story, number))
            elif action == "delete":
                names = [n for n in os.listdir(inputs) if n.endswith(".txt")]
                if names:
                    os.remove(os.path.join(inputs, rng.choice(names)))
            else:
                record = dict(story, id=f"watch-{number}", url=f"https://example.org/watch/{number}")
                with open(export, "a", encoding="utf-8") as handle:
                    handle.write(json.dumps(record) + "\n")
            # Readers never see half a file.
            for _ in range(3):
                time.sleep(rng.uniform(0.0, 0.3))
                path = os.path.join(out, "events.json")
                if os.path.exists(path):
                    reads += 1
                    try:
                        json.load(open(path, encoding="utf-8"))
                    except ValueError:
                        torn += 1
        # Let the watcher catch up: no change for a while and a build after the last change.
        time.sleep(6)
    finally:
        watch.terminate()
        watch.wait(timeout=30)
        log.close()
    fresh_out, fresh_state = os.path.join(work, "fresh-out"), os.path.join(work, "fresh-state")
    subprocess.run([args.sitrep, "build", inputs, "--out", fresh_out, "--state", fresh_state],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    different = differences(out, fresh_out)
    builds = sum(1 for line in open(os.path.join(work, "watch.log")) if line.startswith("Built "))
    print(f"{args.rounds} changes, {builds} watch builds, events.json read {reads} times: {torn} torn; "
          f"outputs after settling vs a fresh build: {'identical' if not different else different}")
    if torn or different:
        print(f"kept for inspection: {work}")
        sys.exit(1)
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
