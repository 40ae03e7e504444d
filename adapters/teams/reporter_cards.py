"""The reporter's notices about their own case as small Adaptive Cards (schema 1.5): what
happened since they reported (`ReporterProgress`: a response or measures recorded, the
case closed). Drawn from the notice's fields only: the kind of response, the end date of
measures, whether the damage is recovered; never the handler's notes or names (the
notice carries none). B1 Dutch from the catalogue; no buttons.
"""

from __future__ import annotations

from adapters.teams.card_parts import card as _card
from adapters.teams.card_parts import text_block as _text
from bot.cases.notices import Progress, ReporterProgress
from bot.text.catalogue import say


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def reporter_progress_card(notice: ReporterProgress) -> dict[str, object]:
    """ "Nieuws over je melding WB-...": what is done toward the person who did it, or
    that the case is closed."""
    reference = notice.reference
    if notice.event == Progress.CLOSED:
        body = [
            _text(say("card_progress_closed_title", reference=reference), weight="Bolder"),
            _text(say("reporter_progress_closed", reference=reference)),
        ]
        return _card(body)
    body = [_text(say("card_progress_title", reference=reference), weight="Bolder")]
    body += [_text(_sentence(say(f"reporter_response_{kind}"))) for kind in notice.responses]
    if notice.until:
        body.append(_text(say("card_progress_until", until=notice.until)))
    if notice.damages:
        body.append(_text(say("reporter_progress_damages")))
    return _card(body)
