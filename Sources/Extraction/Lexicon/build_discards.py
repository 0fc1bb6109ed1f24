#!/usr/bin/env python3
"""Builds Resources/discards.json: phrases that mark a sentence or a story as no armed conflict
(sport, entertainment, business, science, disasters), for EventReader's moods.

Sources:
- PETRARCH2's Phoenix.discards.txt (MIT, Open Event Data Alliance; lexicon-sources/petrarch2):
  entries with '+' discard a whole story, the others a sentence; years and dates are dropped.
- discard-extra.txt beside this script: Sitrep's own domain words, one per line, '+' for story level.

Usage: python3 build_discards.py [PETRARCH_DIR] [OUTPUT]
(defaults: ../../../../shared/lexicon-sources/petrarch2 and ../Resources/discards.json)
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../../shared/lexicon-sources/petrarch2")
OUTPUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "../Resources/discards.json")


def entries(path):
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        story = line.startswith("+")
        phrase = line.lstrip("+").strip().replace("_", " ").strip()
        phrase = re.sub(r"\s+", " ", phrase).lower()
        # Years and bare numbers are dates, not topics.
        if not phrase or re.fullmatch(r"[\d\s]+", phrase) or len(phrase) < 4:
            continue
        yield story, phrase


story, sentence = set(), set()
for level, phrase in entries(os.path.join(SOURCE, "Phoenix.discards.txt")):
    (story if level else sentence).add(phrase)
for level, phrase in entries(os.path.join(HERE, "discard-extra.txt")):
    (story if level else sentence).add(phrase)
sentence -= story
document = {
    "_comment": "Phrases that mark a sentence ('sentence') or a whole story ('story') as about something "
    "other than armed conflict: sport, entertainment, business, science, accidents. Built by "
    "Lexicon/build_discards.py from PETRARCH2's Phoenix.discards.txt (MIT, Open Event Data Alliance) "
    "and Lexicon/discard-extra.txt; do not edit by hand.",
    "story": sorted(story),
    "sentence": sorted(sentence),
}
with open(OUTPUT, "w", encoding="utf-8") as out:
    json.dump(document, out, indent=1, ensure_ascii=False)
    out.write("\n")
print(f"{len(story)} story and {len(sentence)} sentence phrases -> {OUTPUT}")
