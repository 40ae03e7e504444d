from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.app import Weerbaar
from bot.cases.audit import record
from bot.domain.audit import AuditAction
from bot.domain.evaluation import EvaluationInput, Level
from bot.domain.identifiers import identifiers_in
from bot.domain.records import PendingCommand
from bot.settings import Settings
from dialogs.messages import Attachment, ConversationKey
from storage.crypto import new_key
from storage.rekey import rotate
from tests.conftest import FakeClock


async def test_rotation_rewrites_every_value_and_old_key_can_go(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    old, new = f"old:{new_key()}", f"new:{new_key()}"

    def settings(keys: str) -> Settings:
        options: dict[str, Any] = {
            "database_url": database_url,
            "encryption_keys": keys,
            "home": tmp_path,
            "_env_file": None,
        }
        return Settings(**options)

    app = await Weerbaar.create(settings(old), clock=clock)
    async with app.store.transaction() as tx:
        pid = await tx.people.add_person("Rita", clock())
        case_id = await tx.cases.create_draft(pid, "local", clock())
        await tx.dialogs.set_answer(case_id, "what", "Hij dreigde", clock())
        await tx.cases.add_evidence(
            case_id, Attachment("a.jpg", "image/jpeg", b"\xff\xd8"), clock()
        )
        await tx.outbox.enqueue("local", "local", "x", {"text": "hoi"}, clock())
        await record(tx, case_id, pid, AuditAction.DEADLINE_LATER, "local", clock(), {"r": "x"})
        await tx.casework.add_note(case_id, "note", "Belde de wijkagent", pid, clock())
        await tx.casework.add_response(
            case_id, "herstelgesprek", None, None, False, "Brief gestuurd", pid, clock()
        )
        await tx.evaluations.save(
            case_id,
            EvaluationInput(Level.HIGH, Level.LOW, "Geen balie", "", "Een knop", True),
            pid,
            clock(),
        )
        await tx.dialogs.set_answer(case_id, "perp_who", "Belde van 06-12345678", clock())
        await tx.dossier.set_marks(case_id, identifiers_in("Belde van 06-12345678"))
        other = await tx.cases.create_draft(pid, "local", clock())
        await tx.dossier.set_marks(other, identifiers_in("+31612345678"))
        await tx.dialogs.save_pending(
            ConversationKey("local", "local", "x"),
            pid,
            PendingCommand("response", case_id, "confirm", {"note": "Brief gestuurd"}),
            clock(),
        )
    await app.close()

    app = await Weerbaar.create(settings(f"{new},{old}"), clock=clock)
    counts = await rotate(app.db, batch=1)
    assert counts == {
        "people.name_enc": 1,
        "answers.value_enc": 2,
        "evidence.filename_enc": 1,
        "evidence.data_enc": 1,
        "outbox.payload_enc": 1,
        # The audit trail is append-only, but its detail may be re-encrypted.
        "audit_trail.detail_enc": 1,
        "case_responses.note_enc": 1,
        "case_notes.text_enc": 1,
        "case_evaluations.cause_enc": 1,
        "case_evaluations.similar_enc": 0,  # left empty: nothing stored
        "case_evaluations.recommendations_enc": 1,
        # Both cases' marks under the new key's dossier key (from the answers; the second
        # case has no answer, so no mark is left: nothing to match it by any more).
        "perpetrator_marks.digest": 2,
        "pending_commands.data_enc": 1,
    }
    async with app.store.transaction() as tx:
        evaluation = await tx.evaluations.evaluation(case_id)
        assert evaluation is not None and evaluation.cause == "Geen balie"
        assert await tx.dossier.stale_mark_cases() == []
        # Still found under the new key.
        assert await tx.dossier.set_marks(other, identifiers_in("0612345678")) == [
            (case_id, "phone")
        ]
    assert set((await rotate(app.db)).values()) == {0}  # nothing left under old keys
    await app.close()

    app = await Weerbaar.create(settings(new), clock=clock)  # the old key is gone
    async with app.store.transaction() as tx:
        assert (await tx.people.person(pid)).name == "Rita"  # type: ignore[union-attr]
        assert await tx.dialogs.answers(case_id) == {
            "what": "Hij dreigde",
            "perp_who": "Belde van 06-12345678",
        }
        [file] = await tx.cases.evidence(case_id)
        assert await tx.cases.evidence_data(file.id) == b"\xff\xd8"
        [entry] = await tx.audit.for_case(case_id)
        assert entry.detail == {"r": "x"}
        [note] = await tx.casework.notes(case_id)
        [response] = await tx.casework.responses(case_id)
        assert (note.text, response.note) == ("Belde de wijkagent", "Brief gestuurd")
    await app.close()
