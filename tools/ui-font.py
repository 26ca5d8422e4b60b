#!/usr/bin/python3
"""Builds the site's one UI font: Noto Sans cut down to the text the UI and corpus use, merged with the
arrows and shapes of Noto Sans Symbols and Symbols 2 (Debian's fonts-noto-core), so the page fetches one
small TTF (about 40 KB instead of 500 KB) and Dear ImGui bakes one atlas.

  /usr/bin/python3 tools/ui-font.py OUT.ttf [CORPUS.json ...]

Each CORPUS.json given is checked: a character it uses that the font lacks is an error (exit 1), so
the bundled corpus can never show a missing-glyph box. Needs python3-fonttools (Debian)."""
import json
import os
import sys
import tempfile

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

NOTO = '/usr/share/fonts/truetype/noto'
# (font file, code points). Keep src/platform/fonts.cpp's ImGui glyph ranges covering these.
PARTS = [
    # Of the currency block only the euro (£ and ¥ are Latin-1): the rest cost 3 KB gzipped of every first visit.
    ('NotoSans-Regular.ttf',  # Basic Latin, Latin-1, Latin Extended-A, General Punctuation, €, ™
     [(0x20, 0x7E), (0xA0, 0x17F), (0x2010, 0x205E), (0x20AC, 0x20AC), (0x2122, 0x2122)]),
    ('NotoSansSymbols-Regular.ttf',  # arrows ← ↑ → ↓ ↔ …, ⌕ (search)
     [(0x2190, 0x21FF), (0x2315, 0x2315)]),
    # Of the geometric shapes only the common ones (■ □, the triangles ▲ … ◁, ◆ ◇, ○ ●): the whole block
    # cost 3 KB gzipped more.
    ('NotoSansSymbols2-Regular.ttf',  # ⏴⏵⏸⏹ media keys, ■ ● ▲ ▶ ◀ ▾ shapes, ★ ☆, ☐ ☑, ☰, ✓ ✔ ✕ ✖
     [(0x23F4, 0x23FA), (0x25A0, 0x25A1), (0x25B2, 0x25C1), (0x25C6, 0x25C7), (0x25CB, 0x25CB),
      (0x25CF, 0x25CF), (0x2605, 0x2606), (0x2610, 0x2612), (0x2630, 0x2630), (0x2713, 0x2718)]),
    # The toolbar's icons from Font Awesome 4.7 (Debian's fonts-font-awesome, SIL OFL), at their
    # private-use code points (src/ui/icons.h names them): search, close, zoom in/out, play, pause,
    # question, fit (arrows-alt), filter, the menu (bars), present (television).
    ('/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf',
     [(0xF002, 0xF002), (0xF00D, 0xF00E), (0xF010, 0xF010), (0xF04B, 0xF04C), (0xF059, 0xF059),
      (0xF0B0, 0xF0B0), (0xF0B2, 0xF0B2), (0xF0C9, 0xF0C9), (0xF26C, 0xF26C)]),
]


def subset_options():
    o = subset.Options()
    o.hinting = False          # stb_truetype (ImGui) ignores hinting
    o.layout_features = []     # and OpenType layout: no GSUB/GPOS needed
    o.drop_tables += ['GSUB', 'GPOS', 'GDEF', 'DSIG']
    o.name_IDs = ['*']         # keep the copyright and SIL OFL licence records
    o.notdef_outline = True
    o.recalc_bounds = True
    return o


def build():
    opts = subset_options()
    with tempfile.TemporaryDirectory() as tmp:
        parts = []
        for name, ranges in PARTS:
            font = subset.load_font(os.path.join(NOTO, name), opts)  # an absolute name stays as it is
            s = subset.Subsetter(opts)
            s.populate(unicodes=[c for lo, hi in ranges for c in range(lo, hi + 1)])
            s.subset(font)
            if font['head'].unitsPerEm != 1000:  # the merger needs one em (Font Awesome's is 1792)
                scale_upem(font, 1000)
            path = os.path.join(tmp, os.path.basename(name))
            subset.save_font(font, path, opts)
            parts.append(path)
        merged = Merger().merge(parts)
    # The merger keeps the largest ascent/descent of all parts; ImGui scales by ascent - descent, so
    # that would shrink all text. The text font's vertical metrics are the ones to keep.
    text = TTFont(os.path.join(NOTO, PARTS[0][0]))
    for table, fields in (('hhea', ['ascent', 'descent', 'lineGap']),
                          ('OS/2', ['sTypoAscender', 'sTypoDescender', 'sTypoLineGap', 'usWinAscent', 'usWinDescent'])):
        for f in fields:
            setattr(merged[table], f, getattr(text[table], f))
    return merged


def check_corpus(path, cmap):
    """Messages for the characters of a corpus's strings that the font cannot draw, with JSON paths."""
    with open(path, encoding='utf-8') as f:
        doc = json.load(f)
    seen, problems = set(), []

    def walk(value, where):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f'{where}/{k}')
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f'{where}/{i}')
        elif isinstance(value, str):
            for ch in value:
                cp = ord(ch)
                if cp >= 0x20 and cp not in cmap and cp not in seen:
                    seen.add(cp)
                    problems.append(f'{path}: {where or "/"}: character U+{cp:04X} ({ch}) is not in the UI font '
                                    f'(expected one within the ranges in tools/ui-font.py)')
    walk(doc, '')
    return problems


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    font = build()
    cmap = set(font.getBestCmap())
    problems = [p for corpus in argv[2:] for p in check_corpus(corpus, cmap)]
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1  # and no output, so the build step runs again
    font.save(argv[1])
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
