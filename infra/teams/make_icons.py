"""Draw the Teams app icons (a shield with a check mark) as PNG, standard library only.

    python infra/teams/make_icons.py          # writes color.png and outline.png here

Teams wants two icons in the app package:

- color.png: 192x192, full colour. The symbol stays inside the central 120x120 safe area;
  the background may fill the whole square.
- outline.png: 32x32, white on a transparent background: every pixel is white, only the
  alpha channel varies (anti-aliased edges are partial alpha, never grey).

The output is deterministic (same bytes on every run), so the committed PNGs can be
checked against a fresh run.
"""

from __future__ import annotations

import math
import struct
import sys
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

RGB = tuple[int, int, int]
RGBA = tuple[int, int, int, int]

BACKGROUND: RGB = (0x1B, 0x4F, 0x8A)  # deep blue, same as accentColor in the manifest
SHIELD: RGB = (0xFF, 0xFF, 0xFF)
CHECK: RGB = (0x1B, 0x4F, 0x8A)
WHITE: RGB = (0xFF, 0xFF, 0xFF)

SUPERSAMPLE = 4  # 4x4 samples per pixel for smooth edges


# --- geometry -------------------------------------------------------------------------


def in_shield(x: float, y: float) -> bool:
    """Whether (x, y) lies in a shield that fills the unit box [0, 1] x [0, 1].

    The top edge dips slightly towards the middle, the sides run straight down for a
    while and then curve in to a point at the bottom centre.
    """
    if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0):
        return False
    u = 2.0 * x - 1.0  # -1 .. 1 across
    top = 0.06 * (1.0 - u * u)  # the top edge sags by 6% in the middle
    if y < top:
        return False
    straight = 0.42
    if y <= straight:
        half_width = 1.0
    else:
        t = (y - straight) / (1.0 - straight)  # 0 .. 1 over the lower part
        half_width = math.cos(t * math.pi / 2.0) ** 0.75
    return abs(u) <= half_width


def dist_to_segment(px: float, py: float, a: Sequence[float], b: Sequence[float]) -> float:
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    cx, cy = ax + t * dx, ay + t * dy
    return math.hypot(px - cx, py - cy)


# A check mark inside the shield, in the shield's unit box.
CHECK_POINTS = ((0.27, 0.50), (0.44, 0.67), (0.75, 0.33))


def in_check(x: float, y: float, thickness: float) -> bool:
    """Whether (x, y) lies on the check mark drawn with the given stroke thickness."""
    a, b, c = CHECK_POINTS
    half = thickness / 2.0
    return dist_to_segment(x, y, a, b) <= half or dist_to_segment(x, y, b, c) <= half


def coverage(size: int, px: int, py: int, inside: Callable[[float, float], bool]) -> float:
    """Fraction of pixel (px, py) of a size x size image covered by `inside`."""
    hits = 0
    for sy in range(SUPERSAMPLE):
        for sx in range(SUPERSAMPLE):
            x = (px + (sx + 0.5) / SUPERSAMPLE) / size
            y = (py + (sy + 0.5) / SUPERSAMPLE) / size
            if inside(x, y):
                hits += 1
    return hits / (SUPERSAMPLE * SUPERSAMPLE)


def boxed(
    shape: Callable[[float, float], bool], left: float, top: float, width: float, height: float
) -> Callable[[float, float], bool]:
    """`shape` (defined on the unit box) placed in the given box of the image."""

    def inside(x: float, y: float) -> bool:
        return shape((x - left) / width, (y - top) / height)

    return inside


def blend(under: RGB, over: RGB, alpha: float) -> RGB:
    r = round(under[0] + (over[0] - under[0]) * alpha)
    g = round(under[1] + (over[1] - under[1]) * alpha)
    b = round(under[2] + (over[2] - under[2]) * alpha)
    return (r, g, b)


# --- the two icons --------------------------------------------------------------------


def color_icon(size: int = 192) -> list[list[RGBA]]:
    """Full-colour icon: blue square, white shield in the 120x120 safe area, blue check."""
    # Shield box: 104 wide, 120 high, centred (inside the 120x120 safe area).
    sw, sh = 104 / 192, 120 / 192
    shield_box = ((1 - sw) / 2, (1 - sh) / 2, sw, sh)
    shield = boxed(in_shield, *shield_box)
    check = boxed(lambda x, y: in_check(x, y, 0.13), *shield_box)
    rows: list[list[RGBA]] = []
    for py in range(size):
        row: list[RGBA] = []
        for px in range(size):
            colour = blend(BACKGROUND, SHIELD, coverage(size, px, py, shield))
            colour = blend(colour, CHECK, coverage(size, px, py, check))
            row.append((*colour, 255))
        rows.append(row)
    return rows


def outline_icon(size: int = 32) -> list[list[RGBA]]:
    """Outline icon: a white shield outline with a white check mark, transparent elsewhere."""
    margin = 2 / size
    outer_box = (margin + 1 / size, margin, 1 - 2 * margin - 2 / size, 1 - 2 * margin)
    stroke = 2.2 / size
    inner_box = (
        outer_box[0] + stroke,
        outer_box[1] + stroke * 1.1,
        outer_box[2] - 2 * stroke,
        outer_box[3] - 2.6 * stroke,
    )
    outer = boxed(in_shield, *outer_box)
    inner = boxed(in_shield, *inner_box)
    check = boxed(lambda x, y: in_check(x, y, 0.13), *inner_box)

    def ink(x: float, y: float) -> bool:
        return (outer(x, y) and not inner(x, y)) or check(x, y)

    rows: list[list[RGBA]] = []
    for py in range(size):
        row: list[RGBA] = []
        for px in range(size):
            alpha = round(255 * coverage(size, px, py, ink))
            row.append((*WHITE, alpha))
        rows.append(row)
    return rows


# --- PNG writer -----------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_rgba(rows: Sequence[Sequence[RGBA]]) -> bytes:
    """Encode rows of RGBA pixels as an 8-bit RGBA PNG (filter 0 on every scanline)."""
    height = len(rows)
    width = len(rows[0])
    raw = bytearray()
    for row in rows:
        if len(row) != width:
            raise ValueError("All rows must have the same width.")
        raw.append(0)  # filter type 0: None
        for pixel in row:
            raw.extend(pixel)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + _chunk(b"IEND", b"")
    )


def main(argv: Sequence[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    out.mkdir(parents=True, exist_ok=True)
    (out / "color.png").write_bytes(png_rgba(color_icon()))
    (out / "outline.png").write_bytes(png_rgba(outline_icon()))
    print(f"Wrote {out / 'color.png'} and {out / 'outline.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
