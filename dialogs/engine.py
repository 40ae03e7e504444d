"""The small engine that runs declared flows (dialogs/flow.py).

The engine knows no channel and does no I/O: it takes the dialog state, one inbound
message and a context, changes the state, and returns what to say and what to store. The
caller stores it all in one transaction.

The next question is always the first step, in flow order, that applies and has no answer
yet; when none is left, the review. That one rule makes "terug", "wijzig N" and answers
that make other questions (un)necessary work without special cases.

Every message with choices carries the question it asks (`Outbound.question`: the step and
the dialog's revision, which counts answer changes). A press that names another question
(a button on an old card) is refused and changes nothing; a typed answer always answers
the open question.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from bot.domain.records import DialogState
from bot.text import lexicon, vocabulary
from bot.text.catalogue import say
from dialogs import understanding
from dialogs.flow import (
    CONTINUES,
    RESUME,
    REVIEW,
    Accept,
    Collect,
    Context,
    Flow,
    FlowError,
    Handover,
    Keep,
    Parsed,
    Pause,
    Reask,
    Redo,
    Step,
)
from dialogs.messages import (
    Attachment,
    Choice,
    Inbound,
    Outbound,
    Question,
    Summary,
    SummaryRow,
)


@dataclass
class TurnResult:
    replies: list[Outbound] = field(default_factory=list)
    set_answers: dict[str, Any] = field(default_factory=dict)
    cleared: list[str] = field(default_factory=list)
    files: list[Attachment] = field(default_factory=list)
    # Files kept earlier that the person took back ("verwijder 2"): indexes in the order
    # the draft's files were kept.
    removed_files: list[int] = field(default_factory=list)
    submit: bool = False
    discard: bool = False
    answered: str | None = None  # the step this message answered (for later edits)


def normalise(text: str) -> str:
    return " ".join(text.strip().lower().split()).rstrip(".!")


_EDIT = re.compile(rf"^(?:{'|'.join(map(re.escape, vocabulary.EDIT_WORDS))})\s*(\d{{1,2}})$")


class Engine:
    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        self._step_ids = frozenset(s.id for s in flow.steps)

    # --- navigation ----------------------------------------------------------------------

    def next_step(self, ctx: Context) -> str:
        for step in self.flow.steps:
            if step.id not in ctx.answers and step.applies(ctx):
                return step.id
        return REVIEW

    def prompt(self, step_id: str, ctx: Context, before: str | None = None) -> Outbound:
        out = self.review(ctx) if step_id == REVIEW else self.flow.step(step_id).prompt(ctx)
        if before:
            return Outbound(
                text=f"{before}\n\n{out.text}",
                choices=out.choices,
                multi=out.multi,
                summary=out.summary,
            )
        return out

    def reviewed_steps(self, ctx: Context) -> list[Step]:
        return [
            s
            for s in self.flow.steps
            if s.label is not None and s.id in ctx.answers and s.applies(ctx)
        ]

    def review(self, ctx: Context) -> Outbound:
        rows = []
        for n, step in enumerate(self.reviewed_steps(ctx), start=1):
            value = ctx.answers[step.id]
            shown = (
                say("skipped")
                if value is None
                else (step.show(value, ctx) if step.show else str(value))
            )
            rows.append(SummaryRow(n, say(step.label or ""), shown))
        return Outbound(
            text=say("review_intro"),
            summary=Summary(title=say("review_title"), rows=tuple(rows)),
            choices=(Choice("verstuur", say("choice_send")),),
        )

    # --- a turn --------------------------------------------------------------------------

    def start(
        self,
        state: DialogState,
        ctx: Context,
        result: TurnResult,
        inbound: Inbound | None = None,
    ) -> None:
        """A new draft. When the message that opens it already answers the first step (the
        flow's `opening` says so: a story, a cry for help), it is read as that answer."""
        state.revision += 1  # a new draft: no card of an earlier one answers it
        state.flow = self.flow.name
        state.history = []
        state.paused = False
        state.answers = dict(self.flow.prefill(ctx))
        result.set_answers.update(state.answers)
        ctx = _with(ctx, state.answers)
        state.step = self.next_step(ctx)
        if inbound is not None and self.flow.opening(inbound, ctx):
            self._answer(inbound, normalise(inbound.text), state, ctx, result)
            return
        result.replies.append(self.prompt(state.step, ctx, before=self.flow.intro(ctx)))

    def turn(
        self, state: DialogState, inbound: Inbound, ctx: Context, returning: bool = False
    ) -> TurnResult:
        """Advance `state` by one message. `ctx.answers` must be `state.answers`.
        `returning`: the person comes back after a long while."""
        result = self._turn(state, inbound, ctx, returning)
        # Every reply of a turn with choices asks the question the dialog is at now.
        asked = asking(state)
        result.replies = [
            replace(r, question=asked) if r.choices and r.question is None else r
            for r in result.replies
        ]
        return result

    def _turn(
        self, state: DialogState, inbound: Inbound, ctx: Context, returning: bool
    ) -> TurnResult:
        result = TurnResult()
        text = normalise(inbound.text)
        if state.flow is None:
            self.start(state, ctx, result, inbound)
            return result
        step_id = state.step or self.next_step(ctx)
        state.step = step_id

        if (
            inbound.choice is not None
            and inbound.question != asking(state)
            # While paused, the open question's own card gets "verder of opnieuw?" below.
            and not (state.paused and inbound.question == Question(step_id, state.revision))
        ):
            if not self._review_row(inbound, state, ctx, result):
                self._stale(state, ctx, result)
            return result
        # A late answer on a draft of someone who was not safe: filed, then safety first.
        recheck = () if state.paused or not returning else self.flow.on_resume(ctx)
        if state.paused or returning:
            if self._resume(state, inbound, ctx, result):
                return result
            ctx = _with(ctx, state.answers)
        self._answer(inbound, text, state, ctx, result)
        if recheck and result.answered is not None and result.answered not in recheck:
            self._recheck(state, ctx, result)
            ctx = _with(ctx, state.answers)
            state.step = self.next_step(ctx)
            result.replies[-1:] = [self.prompt(state.step, ctx, before=say("late_kept_recheck"))]
        return result

    def _answer(
        self,
        inbound: Inbound,
        text: str,
        state: DialogState,
        ctx: Context,
        result: TurnResult,
    ) -> None:
        """The message as an answer to the open question (or a command, or a question)."""
        step_id = state.step or REVIEW
        cut = len(inbound.text) > ctx.max_text
        if cut:
            # Keep what fits; the rest comes in the next message and is added to it.
            inbound = replace(inbound, text=inbound.text[: ctx.max_text])
            text = normalise(inbound.text)
        if not inbound.attachments and inbound.choice is None and not cut:
            if self._command(text, state, ctx, result):
                return
            key = _question_back(inbound.text)
            if key is not None:
                result.replies.append(self.prompt(step_id, ctx, before=say(key)))
                return
            if self._continue(inbound, state, ctx, result):
                return
        if step_id == REVIEW:
            self._review_turn(text, inbound, state, ctx, result)
            return
        step = self.flow.step(step_id)
        files_step = self.flow.files_step
        if inbound.attachments and files_step and step.id != files_step:
            # Never drop a file: keep it as evidence, then ask the open question again.
            kept = self.flow.step(files_step).parse(inbound, ctx)
            if isinstance(kept, Collect):
                self._apply(
                    Collect(kept.into, kept.value, kept.files, say("files_kept_elsewhere")),
                    step,
                    state,
                    ctx,
                    result,
                )
                result.replies.append(self.prompt(step.id, ctx))
                return
        if step.skippable and text in vocabulary.SKIP_WORDS and not inbound.attachments:
            parsed: Parsed = Accept(None)
        else:
            parsed = step.parse(inbound, ctx)
        if isinstance(parsed, Handover):
            otherwise = self._handover(parsed, inbound, step, state, ctx, result)
            if otherwise is None:
                return
            parsed = otherwise
        self._apply(parsed, step, state, ctx, result)
        if cut:
            if isinstance(parsed, Accept) and isinstance(parsed.value, str):
                self._store(CONTINUES, step.id, state, result)
            result.replies.insert(0, Outbound(say("message_cut", limit=ctx.max_text)))

    def _handover(
        self,
        parsed: Handover,
        inbound: Inbound,
        step: Step,
        state: DialogState,
        ctx: Context,
        result: TurnResult,
    ) -> Accept | None:
        """The message answers the question shown after the files (the step that comes
        next): this step is done, and the message is that step's answer. Else `otherwise`
        (None: handled)."""
        done = _with(ctx, {**state.answers, step.id: parsed.value})
        following = self.next_step(done)
        if following == REVIEW:
            return parsed.otherwise
        nxt = self.flow.step(following)
        answer = nxt.parse(inbound, done)
        if not isinstance(answer, Accept):
            return parsed.otherwise
        self.accept(step.id, parsed.value, state, result)
        state.history.append(step.id)
        state.step = following
        self._apply(answer, nxt, state, _with(ctx, state.answers), result)
        return None

    def _continue(
        self, inbound: Inbound, state: DialogState, ctx: Context, result: TurnResult
    ) -> bool:
        """The rest of a message that was cut at the limit: added to the answer it
        continues, which is read again as a whole."""
        step_id = state.answers.get(CONTINUES)
        if not isinstance(step_id, str):
            return False
        self._forget(CONTINUES, state, result)
        before = state.answers.get(step_id)
        if not isinstance(before, str) or not inbound.text.strip():
            return False
        step = self.flow.step(step_id)
        whole = f"{before}\n{inbound.text.strip()}"
        parsed = step.parse(replace(inbound, text=whole), ctx)
        value = parsed.value if isinstance(parsed, Accept) else whole
        self.accept(step_id, value, state, result)
        if isinstance(parsed, Accept):
            self._store_more(parsed.more, step, state, result)
        ctx = _with(ctx, state.answers)
        if state.step != REVIEW and state.step in state.answers:
            state.step = self.next_step(ctx)
        result.replies.append(
            self.prompt(state.step or REVIEW, ctx, before=say("message_continued"))
        )
        return True

    def _command(self, text: str, state: DialogState, ctx: Context, result: TurnResult) -> bool:
        step_id = state.step or REVIEW
        if text in vocabulary.STOP_WORDS:
            state.paused = True
            result.replies.append(Outbound(say("paused")))
        elif is_help(text):
            result.replies.append(self.prompt(step_id, ctx, before=help_reply(ctx)))
        elif text in vocabulary.WHY_WORDS:
            step_why = None if step_id == REVIEW else self.flow.step(step_id).why
            reason = say(step_why) if step_why else say("why_review")
            result.replies.append(self.prompt(step_id, ctx, before=reason))
        elif text in vocabulary.RESTART_WORDS:
            result.discard = True
            state.case_id = None
            self.start(state, _with(ctx, {}), result)
        elif text in vocabulary.BACK_WORDS:
            if state.history:
                state.step = state.history.pop()
                result.replies.append(self.prompt(state.step, ctx))
            else:
                result.replies.append(self.prompt(step_id, ctx, before=say("no_back")))
        else:
            return False
        return True

    def _stale(self, state: DialogState, ctx: Context, result: TurnResult) -> None:
        """A press on a card of an earlier question: say so, ask the open one again."""
        if state.paused:
            result.replies.append(self.resume_question(state, ctx, before=say("stale_press")))
        else:
            result.replies.append(self.prompt(state.step or REVIEW, ctx, before=say("stale_press")))

    def _review_row(
        self, inbound: Inbound, state: DialogState, ctx: Context, result: TurnResult
    ) -> bool:
        """A press on a row of the review card ("wijzig 2") still works after the person
        moved on from it, as long as no answer changed: the rows it shows still hold."""
        question = inbound.question
        match = _EDIT.match(inbound.choice or "")
        if (
            question is None
            or question.step != REVIEW
            or question.revision != state.revision
            or state.paused
            or match is None
        ):
            return False
        steps = self.reviewed_steps(ctx)
        n = int(match.group(1))
        if not 1 <= n <= len(steps):
            return False
        state.history.append(REVIEW)
        state.step = steps[n - 1].id
        result.replies.append(self.prompt(state.step, ctx))
        return True

    def resume_question(
        self, state: DialogState, ctx: Context, before: str | None = None
    ) -> Outbound:
        """ "Je was bezig met een melding", with the open question, and go on or restart."""
        step_id = state.step or self.next_step(ctx)
        text = say("resume_question", question=self.prompt(step_id, ctx).text)
        return Outbound(
            f"{before}\n\n{text}" if before else text,
            choices=(
                Choice("verder", say("choice_resume")),
                Choice("opnieuw", say("choice_restart")),
            ),
            question=Question(RESUME, state.revision),
        )

    def draft_open(self, state: DialogState, ctx: Context) -> Outbound:
        """What a chat that opens on a draft under way says: the open question, to type
        the answer to (no buttons: a typed "1" answers the open question)."""
        if state.paused:
            return self.resume_question(state, ctx)
        step_id = state.step or self.next_step(ctx)
        return Outbound(say("draft_open", question=self.prompt(step_id, ctx).text))

    def _resume(
        self, state: DialogState, inbound: Inbound, ctx: Context, result: TurnResult
    ) -> bool:
        """A message to a paused draft, or after a long while. Going on, starting again or
        stopping are understood; a greeting gets "je was bezig met..."; anything else is
        the late answer to the open question (False: the caller reads it as that)."""
        text = normalise(inbound.text)
        pressed = inbound.question is not None and inbound.question.step == RESUME
        pick = (inbound.choice if pressed else None) or text
        paused = state.paused
        said = understanding.yes_no(pick) if paused and not inbound.attachments else None
        if pick in vocabulary.RESTART_WORDS or (paused and pick == "2"):
            result.discard = True
            state.case_id = None
            self.start(state, _with(ctx, {}), result)
            return True
        if paused and is_help(pick):
            result.replies.append(self.resume_question(state, ctx, before=help_reply(ctx)))
            return True
        if paused and (pick in vocabulary.STOP_WORDS or (said is not None and not said.answer)):
            result.replies.append(Outbound(say("still_paused")))
            return True
        recheck = paused and bool(self.flow.on_resume(ctx))
        going_on = paused and (
            pick in vocabulary.RESUME_WORDS or pick == "1" or (said is not None and said.answer)
        )
        greeting = not inbound.attachments and (not text or text in vocabulary.GREETING_WORDS)
        if greeting and not recheck and not going_on:
            state.paused = True
            result.replies.append(self.resume_question(state, ctx))
            return True
        if paused:
            self._recheck(state, ctx, result)
            state.paused = False
            if state.step != REVIEW or recheck:
                state.step = self.next_step(_with(ctx, state.answers))
        if recheck and said is not None and said.answer:
            # The paused draft asked "Ben je nu veilig?": this yes answers it (with any
            # detail after it), so the question is not asked a second time.
            self._answer(inbound, text, state, _with(ctx, state.answers), result)
            return True
        if going_on or greeting:
            ctx = _with(ctx, state.answers)
            result.replies.append(self.prompt(state.step or REVIEW, ctx, before=say("resumed")))
            return True
        return False  # the late answer to the open question

    def _recheck(self, state: DialogState, ctx: Context, result: TurnResult) -> None:
        for step_id in self.flow.on_resume(ctx):
            self._clear(step_id, state, result)

    def _review_turn(
        self,
        text: str,
        inbound: Inbound,
        state: DialogState,
        ctx: Context,
        result: TurnResult,
    ) -> None:
        pick = inbound.choice or text
        # Only a word or the button sends: a number is a row, never "send".
        if pick in vocabulary.SEND_WORDS or pick in vocabulary.REVIEW_YES_WORDS:
            result.submit = True
            return
        steps = self.reviewed_steps(ctx)
        match = _EDIT.match(pick)
        if match:
            n = int(match.group(1))
            if 1 <= n <= len(steps):
                state.history.append(REVIEW)
                state.step = steps[n - 1].id
                result.replies.append(self.prompt(state.step, ctx))
                return
        if pick.isdigit() and 1 <= int(pick) <= len(steps):
            # A bare number is that row: changing it is safe, sending is not.
            state.history.append(REVIEW)
            state.step = steps[int(pick) - 1].id
            result.replies.append(self.prompt(state.step, ctx))
            return
        result.replies.append(self.prompt(REVIEW, ctx, before=say("review_reask")))

    def _apply(
        self,
        parsed: Parsed,
        step: Step,
        state: DialogState,
        ctx: Context,
        result: TurnResult,
    ) -> None:
        if isinstance(parsed, Reask):
            result.replies.append(self.prompt(step.id, ctx, before=parsed.reason))
        elif isinstance(parsed, Pause):
            state.paused = True
            result.replies.append(Outbound(parsed.reply or say("paused")))
        elif isinstance(parsed, Keep):
            self._store_more(parsed.more, step, state, result)
            ctx = _with(ctx, state.answers)
            result.replies.append(self.prompt(step.id, ctx, before=parsed.reply))
        elif isinstance(parsed, Collect):
            state.answers[parsed.into] = parsed.value
            result.set_answers[parsed.into] = parsed.value
            result.files.extend(parsed.files)
            result.removed_files.extend(parsed.removed)
            result.replies.append(self._files_reply(parsed, step, state, ctx))
        elif isinstance(parsed, Handover):
            # Without the message to hand over (it is resolved in `_answer`): its fallback.
            self._apply(parsed.otherwise, step, state, ctx, result)
        elif isinstance(parsed, Redo):
            if parsed.step not in step.redo:
                raise FlowError(
                    f"Flow {self.flow.name!r}, step {step.id!r}: its parser asked to redo "
                    f"{parsed.step!r}, which the step does not declare in redo."
                )
            self._clear(parsed.step, state, result)
            state.step = parsed.step
            result.replies.append(
                self.prompt(parsed.step, _with(ctx, state.answers), before=parsed.reply)
            )
        else:
            self.accept(step.id, parsed.value, state, result)
            self._store_more(parsed.more, step, state, result)
            result.answered = step.id
            state.history.append(step.id)
            ctx = _with(ctx, state.answers)
            state.step = self.next_step(ctx)
            result.replies.append(self.prompt(state.step, ctx, before=parsed.reply))

    def _files_reply(
        self, parsed: Collect, step: Step, state: DialogState, ctx: Context
    ) -> Outbound:
        """What was kept; with `go_on` also the question that comes next, so the person
        can go on without a separate "klaar" (the step stays open for more)."""
        if not parsed.go_on:
            return Outbound(parsed.reply)
        done = _with(ctx, {**state.answers, step.id: None})
        following = self.next_step(done)
        if following == REVIEW:
            return Outbound(parsed.reply)
        return self.prompt(following, done, before=f"{parsed.reply}\n{say('evidence_or_go_on')}")

    def _store_more(
        self, more: Mapping[str, Any], step: Step, state: DialogState, result: TurnResult
    ) -> None:
        """What the message answered besides its own step (declared in `fills`)."""
        for name, value in more.items():
            if name not in step.fills:
                raise FlowError(
                    f"Flow {self.flow.name!r}, step {step.id!r}: its parser answered "
                    f"{name!r}, which the step does not declare in fills."
                )
            if any(s.id == name for s in self.flow.steps):
                self.accept(name, value, state, result)
            else:
                self._store(name, value, state, result)

    def _store(self, name: str, value: Any, state: DialogState, result: TurnResult) -> None:
        state.answers[name] = value
        result.set_answers[name] = value

    def _forget(self, name: str, state: DialogState, result: TurnResult) -> None:
        if name in state.answers:
            del state.answers[name]
            result.cleared.append(name)
            result.set_answers.pop(name, None)

    def accept(self, step_id: str, value: Any, state: DialogState, result: TurnResult) -> None:
        """Store an answer and clear the answers that depended on the old one."""
        old = state.answers.get(step_id, _MISSING)
        if old != value:
            state.revision += 1
            for dep in self.flow.step(step_id).clears:
                self._clear(dep, state, result)
        state.answers[step_id] = value
        result.set_answers[step_id] = value

    def _clear(self, step_id: str, state: DialogState, result: TurnResult) -> None:
        if step_id in state.answers:
            state.revision += 1
            del state.answers[step_id]
            result.cleared.append(step_id)
            result.set_answers.pop(step_id, None)
            if step_id in self._step_ids:
                for dep in self.flow.step(step_id).clears:
                    self._clear(dep, state, result)

    def replace_answer(
        self, step_id: str, inbound: Inbound, state: DialogState, ctx: Context
    ) -> TurnResult:
        """An edited message: parse it again for the step it answered, if still open."""
        result = TurnResult()
        step = self.flow.step(step_id)
        parsed = step.parse(inbound, ctx)
        if isinstance(parsed, Accept):
            self.accept(step_id, parsed.value, state, result)
            self._store_more(parsed.more, step, state, result)
            ctx = _with(ctx, state.answers)
            result.replies.append(
                Outbound(
                    say("edit_applied", label=say(step.label or "") if step.label else step_id)
                )
            )
            if state.step == REVIEW or state.step not in state.answers:
                state.step = self.next_step(ctx)
        return result


_MISSING = object()


def _question_back(text: str) -> str | None:
    """The catalogue key answering `text` when it is a question back, else None. A "?"
    alone does not make a question of an answer ("kenteken VZ-?"): one the FAQ does not
    know must also open like a question."""
    key = understanding.faq(text)
    if key is None or key != understanding.FAQ_UNKNOWN:
        return key
    words = understanding.clean(text).split()
    opens = bool(words) and (
        words[0] in lexicon.QUESTION_WORDS or words[0] in lexicon.QUESTION_VERBS
    )
    return key if opens else None


def asking(state: DialogState) -> Question:
    """The question the dialog in `state` is at: a press answers it only if its card asked
    this one."""
    return Question(RESUME if state.paused else state.step or REVIEW, state.revision)


def _with(ctx: Context, answers: Mapping[str, Any]) -> Context:
    return replace(ctx, answers=answers)


def is_help(text: str) -> bool:
    """ "help", "hulplijn", "wie kan ik bellen?" (normalised text)."""
    return text in vocabulary.HELP_WORDS or text in vocabulary.HELPLINE_WORDS


def help_reply(ctx: Context) -> str:
    """The person's own help text (route and contacts) and how to move through the flow."""
    if ctx.help_text is None:
        return say("help")
    return f"{ctx.help_text}\n{say('help_commands')}"
