"""`weerbaar`: run the bot, chat locally, enrol people, see cases, migrate."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from bot.app import Weerbaar
from bot.cli import commands as c
from bot.errors import OperatorError

log = logging.getLogger("weerbaar")

Command = Callable[[Weerbaar, argparse.Namespace], Awaitable[int]]


async def _with_app(command: Command, args: argparse.Namespace) -> int:
    app = await Weerbaar.create(c.load_settings())
    try:
        return await command(app, args)
    finally:
        await app.close()


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="weerbaar", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    chat = sub.add_parser("chat", help="chat with the bot in this terminal")
    chat.add_argument("--as", dest="handle", required=True, help="your local handle")
    chat.set_defaults(run=c.chat)

    demo = sub.add_parser("demo", help="load demo people (and open a chat with --chat)")
    demo.add_argument("--chat", metavar="HANDLE", help="open the local chat as HANDLE")
    demo.set_defaults(run=c.demo)

    console = sub.add_parser("console", help="print a single-use sign-in link to the web console")
    console.add_argument("--as", dest="handle", required=True, help="person id or local handle")
    console.set_defaults(run=c.console_link)

    sub.add_parser("migrate", help="bring the database to the newest schema").set_defaults(
        run=c.migrate
    )
    sub.add_parser("serve", help="run the service (Teams, Signal, reminders)").set_defaults(
        run=c.serve
    )

    orgs = sub.add_parser("orgs", help="organisations").add_subparsers(dest="sub", required=True)
    orgs.add_parser("list").set_defaults(run=c.orgs_list)

    people = sub.add_parser("people", help="enrol and list people").add_subparsers(
        dest="sub", required=True
    )
    add = people.add_parser("add", help="enrol a person in a role at an organisation")
    add.add_argument("--name", required=True)
    add.add_argument(
        "--role",
        required=True,
        action="append",
        help="reporter role or handler function (repeat for several)",
    )
    add.add_argument("--org", required=True, help="organisation name or slug")
    add.add_argument("--local", metavar="HANDLE")
    add.add_argument("--signal", metavar="NUMBER")
    add.add_argument("--teams", metavar="AAD_OBJECT_ID")
    add.set_defaults(run=c.people_add)
    people.add_parser("list").set_defaults(run=c.people_list)
    remove = people.add_parser("remove", help="remove a person (their cases stay)")
    remove.add_argument("who", help="person id or local handle")
    remove.set_defaults(run=c.people_remove)

    cases = sub.add_parser("cases", help="see reported cases").add_subparsers(
        dest="sub", required=True
    )
    lst = cases.add_parser("list")
    lst.add_argument("--org", help="only this organisation")
    lst.add_argument("--drafts", action="store_true", help="include unfinished drafts")
    lst.set_defaults(run=c.cases_list)
    show = cases.add_parser("show")
    show.add_argument("reference")
    show.add_argument(
        "--by", required=True, help="for whom you look: person id or local handle (audited)"
    )
    show.set_defaults(run=c.cases_show)
    audit = cases.add_parser("audit", help="who saw or did what with a case, in order")
    audit.add_argument("reference")
    audit.set_defaults(run=c.cases_audit)
    record = cases.add_parser(
        "record",
        help="record on a case: incident-talk | measures-end DATE | "
        "done KIND | later KIND REASON | response KIND | step N [VALUE] | note TEXT",
    )
    record.add_argument("reference")
    record.add_argument(
        "what",
        choices=("incident-talk", "measures-end", "done", "later", "response", "step", "note"),
    )
    record.add_argument(
        "rest",
        nargs="*",
        help="the date, the deadline kind (and reason), the response, the step, the note",
    )
    record.add_argument(
        "--measure",
        choices=("beperkende_maatregelen", "contactafspraken"),
        help="response: restrictive measures or contact agreements (needs --until)",
    )
    record.add_argument("--until", help="response: the measures' end date, YYYY-MM-DD")
    record.add_argument(
        "--damages", action="store_true", help="response: damage recovered (schade verhaald)"
    )
    record.add_argument("--note", default="", help="response: a short note (encrypted)")
    record.add_argument("--by", required=True, help="who records it: person id or local handle")
    record.set_defaults(run=c.cases_record)
    close = cases.add_parser(
        "close",
        help="close a case (needs a recorded response toward "
        "the perpetrator, or --no-response pleger_onbekend)",
    )
    close.add_argument("reference")
    close.add_argument("--by", required=True, help="who closes it: person id or local handle")
    close.add_argument(
        "--no-response",
        choices=("pleger_onbekend",),
        help="why no response toward the perpetrator is possible",
    )
    close.add_argument(
        "--reason",
        default="",
        help="with --no-response, when the reporter named the perpetrator: why none is possible",
    )
    close.add_argument(
        "--override",
        default="",
        help="why the case closes with its Arbeidsinspectie or police step open",
    )
    close.set_defaults(run=c.cases_close)

    teams = sub.add_parser("teams", help="Microsoft Teams").add_subparsers(
        dest="sub", required=True
    )
    pkg = teams.add_parser("package", help="write the Teams app zip to sideload")
    pkg.add_argument("--host", required=True, help="public host name of this service")
    pkg.add_argument("--out", type=Path, default=Path("weerbaar-teams.zip"))
    pkg.add_argument("--version", default="1.0.0")
    pkg.add_argument("--app-id", help="the bot's app id (default: WEERBAAR_TEAMS_APP_ID)")
    pkg.set_defaults(run=c.teams_package, no_app=True)

    keys = sub.add_parser("keys", help="encryption keys").add_subparsers(dest="sub", required=True)
    keys.add_parser("new", help="print a new key for WEERBAAR_ENCRYPTION_KEYS").set_defaults(
        run=c.keys_new, no_app=True
    )
    keys.add_parser("rotate", help="re-encrypt everything under the first key").set_defaults(
        run=c.keys_rotate
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    level = logging.INFO if args.command == "serve" else logging.WARNING
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    # A line per sweep every few seconds says nothing an operator needs.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    try:
        if getattr(args, "no_app", False):
            return int(asyncio.run(args.run(None, args)))
        return asyncio.run(_with_app(args.run, args))
    except OperatorError as exc:
        print(f"weerbaar: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
