"""Drive whole conversations through the local adapter, as a person would type them."""

from __future__ import annotations

import io
from pathlib import Path

from adapters.local import LocalChat, render
from bot.app import Weerbaar
from dialogs.messages import Outbound


class Chatter:
    def __init__(self, app: Weerbaar, handle: str) -> None:
        self.out = io.StringIO()
        self.chat = LocalChat(app, handle, out=self.out)
        self.last: list[Outbound] = []

    async def say(self, *lines: str) -> str:
        """Send each line; returns the text of the replies to the last one."""
        for line in lines:
            self.last = await self.chat.send(line)
        return self.text

    async def file(self, path: Path) -> str:
        self.last = await self.chat.send(f"/bestand {path}")
        return self.text

    @property
    def text(self) -> str:
        return "\n".join(render(m) for m in self.last)


# A whole report in the fewest plain answers, from the first message to the review.
def report_lines(when: str = "gisteren om 14:30", what: str = "Hij schold me uit.") -> list[str]:
    return [
        "hallo",  # first message: intro + safety question
        "ja",  # safe
        what,  # what
        "nee",  # "Ik lees: ... Klopt dat?" / "nog iets toevoegen?": no, ask it all
        "2",  # kinds: verbale agressie
        "Gemeentehuis",  # where
        when,  # when (read back in the next question)
        "3",  # perpetrator unknown
        "overslaan",  # witnesses
        "overslaan",  # evidence
        "nee",  # injury, damage, time off: none of them (one question)
        "nee",  # criminal
    ]
