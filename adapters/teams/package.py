"""Build the Teams app package (the sideload zip) from infra/teams/.

The package is a zip with `manifest.json`, `color.png` and `outline.png` at its root. The
manifest comes from `infra/teams/manifest.template.json`, whose placeholders are filled
here: `{{APP_ID}}` (the bot's Entra app id, used as both the app id and the bot id),
`{{VERSION}}` (the app version, semver) and `{{HOST}}` (the service's public hostname).

No botbuilder import here: packaging needs nothing from the SDK.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import zipfile
from pathlib import Path

__all__ = ["TEMPLATE_NAME", "assets_dir", "build_package", "render_manifest"]

TEMPLATE_NAME = "manifest.template.json"
ICONS = ("color.png", "outline.png")

# The manifest schema's `guid` and `semver` patterns; always used with fullmatch, because
# `$` would also match before a trailing newline.
_GUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
_SEMVER = re.compile(r"(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)")
# One DNS label (RFC 1123): letters, digits and inner hyphens, at most 63 characters.
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")

# Fixed timestamp for every zip entry, so the same inputs give the same bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def assets_dir() -> Path:
    """The folder with the manifest template and the icons.

    Looked up from this file: `<repo>/infra/teams`, which is where it is in a source
    checkout and in an editable install (`pip install -e .`). A regular (non-editable)
    install does not ship `infra/`; pass `assets=` to `build_package` there.
    """
    return Path(__file__).resolve().parents[2] / "infra" / "teams"


def _check_app_id(app_id: str) -> str:
    if not isinstance(app_id, str) or not _GUID.fullmatch(app_id):
        raise ValueError(
            f"The Teams app id must be a GUID like 00000000-0000-0000-0000-000000000000 "
            f"(the Entra application (client) id of the bot), not {app_id!r}."
        )
    return app_id.lower()


def _check_host(host: str) -> str:
    candidate = host.lower() if isinstance(host, str) else ""
    labels = candidate.split(".")
    ok = (
        0 < len(candidate) <= 253
        and len(labels) >= 2
        and all(_LABEL.fullmatch(label) for label in labels)
        and not labels[-1].isdigit()  # rules out IPv4 addresses and numeric top-level labels
    )
    if not ok:
        raise ValueError(
            f"The host must be a bare public hostname such as weerbaar.example.nl, without "
            f"scheme, port, path or wildcard, not {host!r}."
        )
    return candidate


def _check_version(version: str) -> str:
    if not isinstance(version, str) or not _SEMVER.fullmatch(version):
        raise ValueError(
            f"The app version must be three numbers like 1.0.0 (major.minor.patch), "
            f"not {version!r}."
        )
    return version


def _require(folder: Path, names: tuple[str, ...]) -> None:
    for name in names:
        if not (folder / name).is_file():
            raise FileNotFoundError(
                f"The Teams app file {folder / name} is missing; run from a source checkout "
                f"or an editable install, or pass assets= with the infra/teams folder."
            )


def _fill(node: object, values: dict[str, str]) -> object:
    """`node` with every placeholder in its strings replaced, recursively."""
    if isinstance(node, str):
        for key, value in values.items():
            node = node.replace("{{" + key + "}}", value)
        return node
    if isinstance(node, list):
        return [_fill(item, values) for item in node]
    if isinstance(node, dict):
        return {key: _fill(value, values) for key, value in node.items()}
    return node


def render_manifest(
    app_id: str, host: str, version: str = "1.0.0", *, assets: Path | None = None
) -> dict[str, object]:
    """The filled-in manifest as a dict, after validating the three values.

    Raises ValueError when `app_id` is not a GUID, `host` not a bare hostname or `version`
    not major.minor.patch, and FileNotFoundError when the template is missing.
    """
    values = {
        "APP_ID": _check_app_id(app_id),
        "HOST": _check_host(host),
        "VERSION": _check_version(version),
    }
    folder = assets if assets is not None else assets_dir()
    _require(folder, (TEMPLATE_NAME,))
    template = json.loads((folder / TEMPLATE_NAME).read_text(encoding="utf-8"))
    manifest = _fill(template, values)
    if not isinstance(manifest, dict):
        raise ValueError(f"The manifest template {folder / TEMPLATE_NAME} is not a JSON object.")
    leftover = re.search(r"\{\{[A-Z_]+\}\}", json.dumps(manifest))
    if leftover:
        raise ValueError(f"The manifest template has an unknown placeholder {leftover.group(0)}.")
    return manifest


def build_package(
    app_id: str,
    host: str,
    out: Path,
    version: str = "1.0.0",
    *,
    assets: Path | None = None,
) -> Path:
    """Write the Teams sideload zip and return its path.

    `out` is the zip file to write; when `out` is an existing directory, the zip is written
    into it as `weerbaar-teams-<version>.zip`. The zip holds `manifest.json`, `color.png`
    and `outline.png` at its root, with fixed timestamps (same inputs, same bytes). It is
    written to a temporary file first and then moved into place.

    `assets` is the folder with the template and icons (default: `assets_dir()`).

    Raises ValueError for a bad app id, host or version, and FileNotFoundError when the
    template or an icon is missing.
    """
    folder = assets if assets is not None else assets_dir()
    manifest = render_manifest(app_id, host, version, assets=folder)
    _require(folder, ICONS)

    target = Path(out)
    if target.is_dir():
        target = target / f"weerbaar-teams-{version}.zip"
    target.parent.mkdir(parents=True, exist_ok=True)

    body = json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
    entries = [("manifest.json", body)] + [(name, (folder / name).read_bytes()) for name in ICONS]

    fd, tmp_name = tempfile.mkstemp(prefix=".weerbaar-teams-", suffix=".zip", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle, zipfile.ZipFile(handle, "w") as archive:
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
        os.chmod(tmp_name, 0o644)  # mkstemp makes it 0600; the package holds no secret
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target
