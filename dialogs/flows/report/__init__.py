"""The report flow: safety first, then the story, what it did not say, evidence, review.

Each step is one entry: its prompt, how its answer is read, when it is asked, and how it
shows in the review. Adding a question is adding an entry.

The story does the work: what it already says (dialogs/story.py) is read back in one
message ("Ik lees: ... Klopt dat?") and, once confirmed, answers the questions it covers,
so only what is missing is asked. Nothing typed is lost: text that comes before the
answer asked for (a story at the safety question) is kept with the story, the detail after
a "ja, ..." is kept with the answer.
"""

from dialogs.flows.report.common import STORY_WORDS, YES_NO, reporter_roles, role_label
from dialogs.flows.report.flow import REPORT, recheck_safety, several_roles
from dialogs.flows.report.parsers import (
    BEHAVIOUR_CHOICES,
    CRIMINAL_CHOICES,
    IMPACT_CHOICES,
    IMPACT_INJURIES,
    PERP_CHOICES,
    impact_open,
    parse_behaviour,
    parse_criminal,
    parse_evidence,
    parse_free_text,
    parse_impact,
    parse_injury,
    parse_kinds,
    parse_nothing_or_text,
    parse_perp_known,
    parse_role,
    parse_safe,
    parse_safe_continue,
    parse_what,
    parse_what_ok,
    parse_when_ok,
    parse_when_step,
    parse_where,
    when_to_confirm,
)
from dialogs.flows.report.story import OFFENCES, story_facts

__all__ = [
    "BEHAVIOUR_CHOICES",
    "CRIMINAL_CHOICES",
    "IMPACT_CHOICES",
    "IMPACT_INJURIES",
    "OFFENCES",
    "PERP_CHOICES",
    "REPORT",
    "STORY_WORDS",
    "YES_NO",
    "impact_open",
    "parse_behaviour",
    "parse_criminal",
    "parse_evidence",
    "parse_free_text",
    "parse_impact",
    "parse_injury",
    "parse_kinds",
    "parse_nothing_or_text",
    "parse_perp_known",
    "parse_role",
    "parse_safe",
    "parse_safe_continue",
    "parse_what",
    "parse_what_ok",
    "parse_when_ok",
    "parse_when_step",
    "parse_where",
    "recheck_safety",
    "reporter_roles",
    "role_label",
    "several_roles",
    "story_facts",
    "when_to_confirm",
]
