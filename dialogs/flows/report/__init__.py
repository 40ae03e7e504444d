"""The report flow: safety first, then the story, what it did not say, evidence, review.

Each step is one entry: its prompt, how its answer is read, when it is asked, and how it
shows in the review. Adding a question is adding an entry.

The story does the work: what it already says (dialogs/story.py) is read back in one
message ("Ik lees: ... Klopt dat?") and, once confirmed, answers the questions it covers,
so only what is missing is asked. Nothing typed is lost: text that comes before the
answer asked for (a story at the safety question) is kept with the story, the detail after
a "ja, ..." is kept with the answer.
"""

from dialogs.flows.report.flow import REPORT

__all__ = ["REPORT"]
