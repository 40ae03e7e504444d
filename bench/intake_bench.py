"""Benchmark: the conversation corpus (tests/conversations/) replayed on the local channel.

Prints, per chat and over the corpus, what issue 9 aims at: messages the person sent until
the report was submitted (median and max, for a typical report and for reports whose story
gives what, where and when), re-asks (the bot asked the same question again without taking
the answer), questions asked again that the story had answered, answers taken from the
story (questions skipped), and how many chats keep every invariant of
tests/conversations/checks.py. Figures, not a test: it asserts nothing.

The aim of issue 9: median at most 10 messages for a typical report, at most 8 when the
story gives what, where and when.

    .venv/bin/python bench/intake_bench.py [--chat NAME] [--transcript]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import Weerbaar
from tests.conftest import FakeClock, make_settings
from tests.conversations.checks import check
from tests.conversations.corpus import CHATS
from tests.conversations.driver import Replay, transcript
from tests.conversations.replay import START, play_local


async def replay_all(names: set[str] | None) -> list[tuple[Replay, list[str]]]:
    done = []
    with tempfile.TemporaryDirectory() as tmp:
        clock = FakeClock(START)
        settings = make_settings(f"sqlite+aiosqlite:///{tmp}/bench.db", Path(tmp))
        app = await Weerbaar.create(settings, clock=clock)
        try:
            for n, chat in enumerate(CHATS):
                if names and chat.name not in names:
                    continue
                replay = await play_local(app, clock, chat, n)
                done.append((replay, check(replay)))
        finally:
            await app.close()
    return done


def _figures(label: str, counts: list[int]) -> str:
    if not counts:
        return f"{label:<44} -"
    return (
        f"{label:<44} median {statistics.median(counts):>4.1f}   max {max(counts):>3}"
        f"   (n={len(counts)})"
    )


def report(results: list[tuple[Replay, list[str]]], cpu: float, show: bool) -> None:
    print(f"{'chat':<36} {'msgs':>4} {'sent':>4} {'reask':>5} {'again':>5} {'from story':<28} ok")
    for replay, problems in results:
        chat = replay.chat
        submitted = "yes" if replay.case is not None else ("-" if not chat.submit else "NO")
        print(
            f"{chat.name:<36} {replay.messages:>4} {submitted:>4} {replay.reasks:>5} "
            f"{replay.asked_from_story:>5} {','.join(replay.extracted) or '-':<28} "
            f"{'ok' if not problems else f'{len(problems)} problem(s)'}"
        )
        if show:
            for problem in problems:
                print(f"      {problem}")
            print(transcript(replay))
    sent = [r for r, _ in results if r.case is not None]
    typical = [r.messages for r in sent if r.chat.typical]
    www = [r.messages for r in sent if r.chat.story_www]
    print()
    print(f"chats                                        {len(results)}")
    print(
        f"submitted when meant                         {len(sent)} of "
        f"{sum(1 for r, _ in results if r.chat.submit)}"
    )
    print(
        f"keep every invariant                         "
        f"{sum(1 for _, p in results if not p)} of {len(results)}"
    )
    print(_figures("messages to submit, typical report", typical))
    print(_figures("messages to submit, story gives what/where/when", www))
    print(_figures("messages to submit, all submitted", [r.messages for r in sent]))
    print(
        f"re-asks                                      {sum(r.reasks for r, _ in results)} "
        f"in {sum(1 for r, _ in results if r.reasks)} chats"
    )
    print(
        f"asked again what the story said              "
        f"{sum(r.asked_from_story for r, _ in results)}"
    )
    print(
        f"answers taken from the story                 "
        f"{sum(len(r.extracted) for r, _ in results)} in "
        f"{sum(1 for r, _ in results if r.extracted)} chats"
    )
    per_step: Counter[str] = Counter(s.step for r in sent if r.chat.typical for s in r.sent)
    print("messages by open question, typical reports (where the messages go):")
    print(
        "   "
        + ", ".join(f"{step} {n / max(len(typical), 1):.1f}" for step, n in per_step.most_common())
    )
    print(f"cpu time                                     {cpu:.2f} s")
    print("aim (issue 9): typical median <= 10, story with what/where/when median <= 8")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--chat", action="append", help="replay only this chat (repeatable)")
    p.add_argument("--transcript", action="store_true", help="print each chat as it went")
    args = p.parse_args()
    cpu0 = time.process_time()
    results = asyncio.run(replay_all(set(args.chat) if args.chat else None))
    report(results, time.process_time() - cpu0, args.transcript)


if __name__ == "__main__":
    main()
