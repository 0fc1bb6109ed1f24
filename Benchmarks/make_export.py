#!/usr/bin/env python3
"""Writes large JSON Lines exports from the development corpus, for the scale benchmarks.

Each record is a development story re-dated by a whole number of weeks, its towns swapped for
others of the same country and its id and URL made its own, so no two records are one article
and the events spread over years and places as a real archive's do.

Usage:
  make_export.py OUT.jsonl --bytes 1e9            one export of about that many bytes
  make_export.py OUT_FOLDER --files 100 --records 1000   many exports of so many records
  add --gzip to compress them; --append N adds N new records to the end of OUT.jsonl.
"""
import argparse
import datetime
import gzip
import json
import os
import random

CORPUS = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus")
SETS = ["voa-dev.jsonl", "voa-dev2.jsonl", "synthetic-dev.jsonl", "wikinews-dev.jsonl"]
TOWNS = [
    ["Kharkiv", "Sumy", "Odesa", "Dnipro", "Zaporizhzhia", "Kherson", "Mykolaiv", "Poltava", "Chernihiv"],
    ["Kursk", "Belgorod", "Bryansk", "Voronezh", "Oryol", "Rostov"],
    ["Quetta", "Peshawar", "Bannu", "Sibi", "Kohat", "Turbat"],
    ["Kabul", "Kandahar", "Herat", "Jalalabad", "Kunduz", "Ghazni"],
    ["Mogadishu", "Beledweyne", "Baidoa", "Kismayo", "Jowhar", "Galkayo"],
    ["Khartoum", "Omdurman", "Nyala", "El Obeid"],
    ["Gaza", "Khan Younis", "Rafah", "Jabalia"],
    ["Goma", "Bukavu", "Beni", "Butembo", "Bunia", "Uvira"],
]


def stories():
    found = []
    for name in SETS:
        with open(os.path.join(CORPUS, name), encoding="utf-8") as handle:
            found += [json.loads(line) for line in handle if line.strip()]
    return [story for story in found if story.get("published") and story.get("text")]


def variant(story, number, rng, prefix="scale"):
    record = dict(story)
    weeks = rng.randint(-150, 150)
    day = datetime.date.fromisoformat(story["published"][:10]) + datetime.timedelta(weeks=weeks)
    record["published"] = day.isoformat() + story["published"][10:]
    text, title = story["text"], story.get("title", "")
    for group in TOWNS:
        for town in group:
            if town in text:
                other = rng.choice(group)
                text, title = text.replace(town, other), title.replace(town, other)
    record["text"], record["title"] = text, title
    record["id"] = f"{prefix}-{number}"
    record["url"] = f"https://example.org/archive/{number}"
    return json.dumps(record, ensure_ascii=False) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--bytes", type=float)
    parser.add_argument("--files", type=int)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--append", type=int)
    parser.add_argument("--gzip", action="store_true")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = stories()
    opener = (lambda path, mode: gzip.open(path, mode + "t", encoding="utf-8")) if args.gzip else (
        lambda path, mode: open(path, mode, encoding="utf-8"))
    if args.append:
        with open(args.out, encoding="utf-8") as handle:
            start = sum(1 for _ in handle)
        rng = random.Random(args.seed + start)
        with open(args.out, "a", encoding="utf-8") as handle:
            for number in range(start, start + args.append):
                # Named by the file too: another file of the same folder has a record of this number.
                prefix = "scale-" + os.path.basename(args.out).split(".")[0]
                handle.write(variant(rng.choice(pool), number, rng, prefix))
        return
    if args.files:
        os.makedirs(args.out, exist_ok=True)
        number = 0
        for index in range(args.files):
            name = os.path.join(args.out, f"export-{index:04d}.jsonl" + (".gz" if args.gzip else ""))
            with opener(name, "w") as handle:
                for _ in range(args.records):
                    handle.write(variant(rng.choice(pool), number, rng))
                    number += 1
        return
    written, number = 0, 0
    with opener(args.out, "w") as handle:
        while written < args.bytes:
            line = variant(rng.choice(pool), number, rng)
            handle.write(line)
            written += len(line.encode("utf-8"))
            number += 1


if __name__ == "__main__":
    main()
