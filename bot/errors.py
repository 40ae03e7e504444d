"""The kinds of error the application knows, and what becomes of each.

- `UserError`: the person did something the bot cannot do; its text (Dutch, from the
  catalogue) is the reply, and nothing is logged as a failure.
- `OperatorError`: a mistake by whoever runs the service (a command's argument, a case
  that cannot close yet); printed as one English line, exit code 2, no traceback.
- `StartupError`: an `OperatorError` that stops the service from starting (a setting, a
  Signal REST API in the wrong mode).

Anything else is a fault: logged with its type and traceback, never its message
(bot/logsafe.py), and the person gets a short apology.
"""

from __future__ import annotations


class UserError(Exception):
    """A refusal whose message is the Dutch reply to the person."""

    def __init__(self, reply: str) -> None:
        super().__init__(reply)
        self.reply = reply


class OperatorError(Exception):
    """A mistake by the operator: one line, exit code 2."""


class StartupError(OperatorError):
    """The service cannot start as configured; the message says what to change."""
