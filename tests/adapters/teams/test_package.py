"""The Teams sideload zip: required manifest fields, filled-in ids, icon sizes and colours."""

from __future__ import annotations

import json
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from adapters.teams.package import assets_dir, build_package, render_manifest

APP_ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
HOST = "weerbaar.example.nl"

MANIFEST_VERSION = "1.22"
SCHEMA_URL = "https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json"

# The `required` lists of the v1.22 schema (MicrosoftTeams.schema.json), per object.
REQUIRED_TOP = [
    "manifestVersion",
    "version",
    "id",
    "developer",
    "name",
    "description",
    "icons",
    "accentColor",
]
REQUIRED_NESTED = {
    "developer": ["name", "websiteUrl", "privacyUrl", "termsOfUseUrl"],
    "name": ["short"],
    "description": ["short", "full"],
    "icons": ["outline", "color"],
}
REQUIRED_BOT = ["botId", "scopes"]
# Length limits from the same schema, for the strings we write ourselves.
MAX_LENGTHS = {
    ("developer", "name"): 32,
    ("name", "short"): 30,
    ("name", "full"): 100,
    ("description", "short"): 80,
    ("description", "full"): 4000,
}


@pytest.fixture
def package(tmp_path: Path) -> Path:
    return build_package(APP_ID, HOST, tmp_path / "weerbaar.zip", version="1.2.3")


def read_manifest(zip_path: Path) -> dict[str, object]:
    with zipfile.ZipFile(zip_path) as archive:
        data: dict[str, object] = json.loads(archive.read("manifest.json").decode("utf-8"))
    return data


# --- a small PNG decoder (8-bit, non-interlaced), enough to check the icons ------------


def decode_png(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """(width, height, colour type, unfiltered scanlines) of an 8-bit PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG signature"
    pos = 8
    ihdr = b""
    idat = bytearray()
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc, f"bad CRC in {kind!r}"
        if kind == b"IHDR":
            ihdr = body
        elif kind == b"IDAT":
            idat.extend(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", ihdr)
    assert depth == 8 and interlace == 0, "decoder handles 8-bit non-interlaced PNGs only"
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour_type]
    raw = zlib.decompress(bytes(idat))
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    at = 0
    for _ in range(height):
        filter_type = raw[at]
        line = bytearray(raw[at + 1 : at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if filter_type == 1:
                line[i] = (line[i] + left) & 0xFF
            elif filter_type == 2:
                line[i] = (line[i] + up) & 0xFF
            elif filter_type == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif filter_type == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                line[i] = (line[i] + pred) & 0xFF
            else:
                assert filter_type == 0, f"unknown PNG filter {filter_type}"
        rows.append(bytes(line))
        previous = line
    return width, height, colour_type, rows


def icon(zip_path: Path, name: str) -> tuple[int, int, int, list[bytes]]:
    with zipfile.ZipFile(zip_path) as archive:
        return decode_png(archive.read(name))


# --- the package ---------------------------------------------------------------------


def test_zip_holds_manifest_and_icons_at_root(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        assert archive.testzip() is None


def test_manifest_has_every_required_field(package: Path) -> None:
    manifest = read_manifest(package)
    assert manifest["$schema"] == SCHEMA_URL
    assert manifest["manifestVersion"] == MANIFEST_VERSION
    for field in REQUIRED_TOP:
        assert manifest.get(field), f"required field {field!r} missing or empty"
    for parent, fields in REQUIRED_NESTED.items():
        section = manifest[parent]
        assert isinstance(section, dict)
        for field in fields:
            assert section.get(field), f"required field {parent}.{field} missing or empty"
    bots = manifest["bots"]
    assert isinstance(bots, list) and len(bots) == 1
    for field in REQUIRED_BOT:
        assert bots[0].get(field), f"required field bots[0].{field} missing or empty"
    for (parent, field), limit in MAX_LENGTHS.items():
        section = manifest[parent]
        assert isinstance(section, dict)
        assert len(section[field]) <= limit, f"{parent}.{field} is over {limit} characters"
    assert isinstance(manifest["accentColor"], str)
    assert len(manifest["accentColor"]) == 7 and manifest["accentColor"].startswith("#")


def test_ids_version_and_host_are_filled_in(package: Path) -> None:
    manifest = read_manifest(package)
    assert manifest["id"] == APP_ID
    assert manifest["version"] == "1.2.3"
    bots = manifest["bots"]
    assert isinstance(bots, list)
    bot = bots[0]
    assert bot["botId"] == APP_ID
    assert sorted(bot["scopes"]) == ["personal", "team"]
    assert bot["supportsFiles"] is True
    assert bot["isNotificationOnly"] is False
    assert manifest["validDomains"] == [HOST]
    developer = manifest["developer"]
    assert isinstance(developer, dict)
    for field in ("websiteUrl", "privacyUrl", "termsOfUseUrl"):
        assert developer[field].startswith(f"https://{HOST}/")
    assert "{{" not in json.dumps(manifest)


def test_app_id_is_normalised_to_lower_case(tmp_path: Path) -> None:
    path = build_package(APP_ID.upper(), HOST, tmp_path / "p.zip")
    manifest = read_manifest(path)
    assert manifest["id"] == APP_ID
    assert manifest["version"] == "1.0.0"


def test_descriptions_are_dutch(package: Path) -> None:
    description = read_manifest(package)["description"]
    assert isinstance(description, dict)
    assert "melden" in description["full"].lower() or "meld" in description["full"].lower()
    assert "112" in description["full"]


def test_color_icon_is_192_square_and_coloured(package: Path) -> None:
    width, height, colour_type, rows = icon(package, "color.png")
    assert (width, height) == (192, 192)
    assert colour_type in (2, 6)
    channels = 3 if colour_type == 2 else 4
    colours = {row[i : i + 3] for row in rows for i in range(0, len(row), channels)}
    assert len(colours) > 2, "the colour icon should not be a flat square"


def test_outline_icon_is_32_square_white_on_transparent(package: Path) -> None:
    width, height, colour_type, rows = icon(package, "outline.png")
    assert (width, height) == (32, 32)
    assert colour_type == 6, "outline icon must be RGBA"
    opaque = 0
    for y, row in enumerate(rows):
        for x in range(width):
            r, g, b, a = row[4 * x : 4 * x + 4]
            assert a == 0 or (r, g, b) == (255, 255, 255), f"pixel ({x},{y}) is not white"
            opaque += a > 0
    assert 0 < opaque < width * height, "outline icon must have both ink and transparency"


def test_committed_icons_match_the_generator() -> None:
    """color.png and outline.png are exactly what make_icons.py draws."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_icons", assets_dir() / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (assets_dir() / "color.png").read_bytes() == module.png_rgba(module.color_icon())
    assert (assets_dir() / "outline.png").read_bytes() == module.png_rgba(module.outline_icon())


def test_same_inputs_give_same_bytes(tmp_path: Path) -> None:
    first = build_package(APP_ID, HOST, tmp_path / "a.zip").read_bytes()
    second = build_package(APP_ID, HOST, tmp_path / "b.zip").read_bytes()
    assert first == second


def test_out_directory_gets_a_named_zip(tmp_path: Path) -> None:
    path = build_package(APP_ID, HOST, tmp_path, version="2.0.1")
    assert path == tmp_path / "weerbaar-teams-2.0.1.zip"
    assert path.is_file()
    assert [p.name for p in tmp_path.iterdir()] == [path.name], "no temporary file left"


# --- rejected input ------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad_id",
    [
        "",
        "not-a-guid",
        "0f1e2d3c4b5a697887 96a5b4c3d2e1f0",
        "0f1e2d3c4b5a69788796a5b4c3d2e1f0",  # no dashes
        "{0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0}",  # braces
        "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f",  # one digit short
        "zf1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
        APP_ID + "\n",
    ],
)
def test_bad_app_id_is_rejected(tmp_path: Path, bad_id: str) -> None:
    with pytest.raises(ValueError, match="app id must be a GUID"):
        build_package(bad_id, HOST, tmp_path / "p.zip")
    assert not (tmp_path / "p.zip").exists()


@pytest.mark.parametrize(
    "bad_host",
    [
        "",
        "https://weerbaar.example.nl",
        "weerbaar.example.nl/api/messages",
        "weerbaar.example.nl:443",
        "*.example.nl",
        "localhost",
        "127.0.0.1",
        "weerbaar_bot.example.nl",
        "-weerbaar.example.nl",
        "weerbaar..example.nl",
        "weerbaar.example.nl.",
        "wëerbaar.example.nl",
        "a" * 64 + ".example.nl",
        "weer baar.example.nl",
    ],
)
def test_bad_host_is_rejected(tmp_path: Path, bad_host: str) -> None:
    with pytest.raises(ValueError, match="bare public hostname"):
        build_package(APP_ID, bad_host, tmp_path / "p.zip")
    assert not (tmp_path / "p.zip").exists()


def test_host_is_lower_cased(tmp_path: Path) -> None:
    manifest = read_manifest(build_package(APP_ID, "Weerbaar.Example.NL", tmp_path / "p.zip"))
    assert manifest["validDomains"] == [HOST]


@pytest.mark.parametrize("bad_version", ["", "1", "1.0", "v1.0.0", "01.0.0", "1.0.0-beta"])
def test_bad_version_is_rejected(bad_version: str) -> None:
    with pytest.raises(ValueError, match="app version must be three numbers"):
        render_manifest(APP_ID, HOST, bad_version)


def test_error_message_is_one_sentence() -> None:
    with pytest.raises(ValueError) as caught:
        render_manifest("nope", HOST)
    message = str(caught.value)
    assert message.endswith(".") and message.count(". ") == 0 and "\n" not in message


def test_missing_icon_is_reported(tmp_path: Path) -> None:
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "manifest.template.json").write_bytes(
        (assets_dir() / "manifest.template.json").read_bytes()
    )
    (assets / "color.png").write_bytes((assets_dir() / "color.png").read_bytes())
    with pytest.raises(FileNotFoundError, match=r"outline\.png"):
        build_package(APP_ID, HOST, tmp_path / "p.zip", assets=assets)


def test_missing_template_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"manifest\.template\.json is missing"):
        build_package(APP_ID, HOST, tmp_path / "p.zip", assets=tmp_path)
