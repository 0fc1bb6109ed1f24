#!/usr/bin/env python3
"""Converts Natural Earth country outlines (../shared/maps, public domain) into the compact
outlines the site's maps are drawn from (Sources/Rendering/Resources/world-*.txt).

One line per outline (a country's mainland, each of its islands): the country's ISO_A2 code, the
outline's bounding box, then the outline as SVG path data in hundredths of a degree
(x = longitude, y = -latitude), an absolute "M", relative "l" moves, closed with "z". A map draws
only the outlines its frame touches. Outlines are simplified (Douglas-Peucker) to what the map can show:
0.1 degree at 1:110m (world maps), 0.03 degree at 1:50m (regional maps).

    python3 Scripts/world_map.py [../shared/maps]
"""
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "maps"
TARGET = ROOT / "Sources" / "Rendering" / "Resources"


def simplify(points, tolerance):
    """Douglas-Peucker on a list of (x, y), keeping the first and last point."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = -1.0, None
        for i in range(first + 1, last):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def ring_path(ring, tolerance):
    points = [(round(x * 100), round(-y * 100)) for x, y in ring]
    points = simplify(points, tolerance * 100)
    cleaned = []
    for p in points:
        if not cleaned or cleaned[-1] != p:
            cleaned.append(p)
    if len(cleaned) < 4:
        return None, None
    parts = [f"M{cleaned[0][0]} {cleaned[0][1]}l"]
    moves = []
    for (ax, ay), (bx, by) in zip(cleaned, cleaned[1:]):
        moves.append(f"{bx - ax} {by - ay}")
    return parts[0] + " ".join(moves) + "z", cleaned


def convert(features, tolerance, name):
    lines = []
    for feature in features:
        props = feature["properties"]
        code = props.get("ISO_A2")
        if not code or code == "-99":
            code = props.get("ISO_A2_EH") or props.get("ADM0_A3") or "XX"
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            for ring in polygon[:1]:  # outer rings only: lakes are not drawn
                text, points = ring_path(ring, tolerance)
                if text:
                    xs = [p[0] for p in points]
                    ys = [p[1] for p in points]
                    lines.append(f"{code} {min(xs)} {min(ys)} {max(xs)} {max(ys)} {text}")
    lines.sort()
    header = f"# Natural Earth 1:{name} country outlines (public domain), made by Scripts/world_map.py\n"
    (TARGET / f"world-{name}.txt").write_text(header + "\n".join(lines) + "\n")
    print(f"world-{name}.txt: {len(lines)} outlines, {(TARGET / f'world-{name}.txt').stat().st_size} bytes")


convert(json.load(open(SOURCE / "ne_110m_admin_0_countries.json"))["features"], 0.1, "110m")
convert(json.load(gzip.open(SOURCE / "ne_50m_admin_0_countries.json.gz"))["features"], 0.03, "50m")
