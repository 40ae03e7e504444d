"""When a step is asked, as small objects a flow can be checked and drawn with.

Most conditions look at one earlier answer (`AnswerIs`, `AnswerIn`); the few that need
code wrap a named function whose docstring says what it checks (`Check`). Each has a
`description` (the diagram's label) and names the steps it `reads` (the flow checks them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dialogs.flow import Context, FlowError


@dataclass(frozen=True)
class AnswerIs:
    """The answer to `step` is `value` (of the same type: False is not 0)."""

    step: str
    value: object

    @property
    def description(self) -> str:
        return f"{self.step} is {self.value!r}"

    @property
    def reads(self) -> tuple[str, ...]:
        return (self.step,)

    def __call__(self, ctx: Context) -> bool:
        answer = ctx.answers.get(self.step)
        return type(answer) is type(self.value) and answer == self.value


@dataclass(frozen=True)
class AnswerIn:
    """The answer to `step` is one of `values`."""

    step: str
    values: tuple[object, ...]

    @property
    def description(self) -> str:
        return f"{self.step} is {' or '.join(repr(v) for v in self.values)}"

    @property
    def reads(self) -> tuple[str, ...]:
        return (self.step,)

    def __call__(self, ctx: Context) -> bool:
        return ctx.answers.get(self.step) in self.values


@dataclass(frozen=True)
class Check:
    """A condition that needs code: `test`, a named function whose docstring's first line
    says what it checks. `reads` names the steps whose answers it looks at, if any."""

    test: Callable[[Context], bool]
    reads: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        name = getattr(self.test, "__name__", "<unnamed>")
        if name == "<lambda>" or not (self.test.__doc__ or "").strip():
            raise FlowError(
                f"Check({name}): a condition needs a named function with a docstring "
                "that says what it checks."
            )

    @property
    def description(self) -> str:
        return (self.test.__doc__ or "").strip().splitlines()[0].rstrip(".")

    def __call__(self, ctx: Context) -> bool:
        return self.test(ctx)
