#!/usr/bin/env python3
"""Reads an SVG drawn by mlm-plot (cairo's SVG surface) and prints what it holds,
one "name count" line each, so that tests check structure, not pixels:

  size WxH     the document's width and height
  axes N       paths stroked black (the two axis lines)
  marks N      filled circles in a series colour (one per point)
  density N    filled shapes in a series colour below 0.85 opacity (density cells)
  bars N       filled non-circles in a series colour at 0.85 opacity
  lines N      paths stroked in a series colour (lines, descent paths)
  arrowheads N filled triangles in a series colour, at full opacity, before the legend
  levels N     paths stroked in a colour that is no series colour (contour levels)
  legend N     series-colour swatches after the legend's frame (grey stroke)

The series colours are Tableau 10, as in lib/plot/figure.cpp. The file must
parse as XML (xml.etree raises otherwise and the test fails).
"""
import re
import sys
import xml.etree.ElementTree as ET

PALETTE = {(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
           (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207)}
SVG = "{http://www.w3.org/2000/svg}"


def style(el):
    s = dict(el.attrib)
    for item in el.get("style", "").split(";"):
        if ":" in item:
            k, v = item.split(":", 1)
            s[k.strip()] = v.strip()
    return s


def rgb(text):
    m = re.match(r"rgb\(([\d.]+)%,\s*([\d.]+)%,\s*([\d.]+)%\)", text or "")
    return tuple(int(float(v) * 2.55 + 0.5) for v in m.groups()) if m else None


def main(path):
    root = ET.parse(path).getroot()
    counts = dict.fromkeys(["axes", "marks", "density", "bars", "lines", "arrowheads", "levels", "legend"], 0)
    in_legend = False
    glyphs = {id(p) for defs in root.iter(f"{SVG}defs") for p in defs.iter(f"{SVG}path")}
    for el in root.iter(f"{SVG}path"):
        if id(el) in glyphs:  # the outlines of the font's glyphs
            continue
        s = style(el)
        fill, stroke = rgb(s.get("fill")), rgb(s.get("stroke"))
        opacity = float(s.get("fill-opacity", "1"))
        d = el.get("d", "")
        if stroke == (153, 153, 153):  # the legend's frame, 60% grey
            in_legend = True
        if stroke == (0, 0, 0):
            counts["axes"] += 1
        elif stroke in PALETTE:
            counts["lines"] += 1
        elif stroke and len(set(stroke)) > 1:  # not a grey (grid, ticks, frames)
            counts["levels"] += 1
        if fill in PALETTE:
            if in_legend:
                counts["legend"] += 1
            elif " C " in d:
                counts["marks"] += 1
            elif opacity < 0.84:
                counts["density"] += 1
            elif opacity < 0.99:
                counts["bars"] += 1
            else:
                counts["arrowheads"] += 1
    print(f"size {root.get('width').removesuffix('px')}x{root.get('height').removesuffix('px')}")
    for name, n in counts.items():
        print(f"{name} {n}")


if __name__ == "__main__":
    main(sys.argv[1])
