"""Evidence to a handler in the local chat: "bewijs REF NUMMER PAD" writes the file there,
new and readable by its owner only, never over an existing file; audited."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

from adapters.local import LocalChat
from bot.app import Weerbaar
from bot.domain.audit import AuditAction
from bot.text.catalogue import say
from tests.chat import report_lines


async def _report_with_photo(app: Weerbaar, photo: Path) -> str:
    bram = LocalChat(app, "bram", out=io.StringIO())
    lines = report_lines()
    at = lines.index("overslaan", 9)  # the evidence question
    for line in lines[:at]:
        await bram.send(line)
    await bram.send(f"/bestand {photo}")
    for line in ["klaar", *lines[at + 1 :]]:
        await bram.send(line)
    done = "\n".join(r.text for r in await bram.send("verstuur"))
    return done.split("Je kenmerk is ")[1][:9]


async def test_the_file_is_written_new_0600_and_never_over_another(
    app: Weerbaar, tmp_path: Path
) -> None:
    photo = tmp_path / "IMG_7.jpg"
    data = b"\xff\xd8\xff\xe0" + os.urandom(3000)
    photo.write_bytes(data)
    reference = await _report_with_photo(app, photo)
    out = io.StringIO()
    griffier = LocalChat(app, "griffier-zeist", out=out)
    await griffier.open()

    (asked,) = await griffier.send(f"bewijs {reference} 1")
    assert asked.text == say("evidence_local_path", reference=reference, number=1)

    target = tmp_path / "ontvangen"
    target.mkdir()
    assert await griffier.send(f"bewijs {reference} 1 {target}") == []
    await griffier.deliver()
    written = target / "IMG_7.jpg"
    assert written.read_bytes() == data
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert say("evidence_written", number=1, reference=reference, path=written) in out.getvalue()

    # Asked again for the same place: the file there is kept as it is.
    written.write_bytes(b"mine")
    await griffier.send(f"bewijs {reference} 1 {written}")
    await griffier.deliver()
    assert written.read_bytes() == b"mine"
    assert say("evidence_path_taken", path=written) in out.getvalue()

    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        entries = [(e.action, e.channel) for e in await tx.audit.for_case(case.id)]
    assert entries.count((AuditAction.EVIDENCE, "local")) == 1  # only the file written


async def test_bram_may_not_have_the_griffiers_files(app: Weerbaar, tmp_path: Path) -> None:
    photo = tmp_path / "IMG_8.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 photo")
    reference = await _report_with_photo(app, photo)
    # The reporter is no handler: the command is not even one for him (his report flow
    # reads it), and no file is written.
    bram = LocalChat(app, "bram", out=io.StringIO())
    await bram.send(f"bewijs {reference} 1 {tmp_path / 'x.jpg'}")
    await bram.deliver()
    assert not (tmp_path / "x.jpg").exists()
