"""Corpus chats known to fail, with the reason: the one list, read by the tests.

The report flow is being reworked for issue 9 (branches intake, story, dates). A chat
listed here runs as a strict xfail: when it starts to pass, its test fails until the entry
is removed, so the list cannot go stale. It must be empty when issue 9 is done.
"""

from __future__ import annotations

CLOSE = "the close says 'afhandelaar' and 'pleger' (the truthful close is on branch dates)"

CLOSE = "the close says 'afhandelaar' and 'pleger' (the truthful close is on branch dates)"

CLOSE = "the close says 'afhandelaar' and 'pleger' (the truthful close is on branch dates)"
UNSAFE = "; the handler is not told the reporter was unsafe (branch dates)"

KNOWN_FAILING: dict[str, str] = {
    "burgemeester_iemand_bij_huis": CLOSE + UNSAFE,
    "raadslid_nee_voor_de_deur": CLOSE + UNSAFE,
    "wethouder_NEE_slaat": CLOSE + UNSAFE,
    "ab_lid_ik_ben_bang": CLOSE + UNSAFE,
    "raadslid_story_first_twitter": CLOSE,
    "wethouder_story_in_three": CLOSE,
    "gedeputeerde_long_story": "the review says WhatsApp for 'groepsapp' (story); " + CLOSE,
    "dijkgraaf_story_then_more": CLOSE,
    "raadslid_ja_bril_kapot": CLOSE,
    "db_lid_nee_met_uitleg": CLOSE,
    "wethouder_late_answer": CLOSE,
    "burgemeester_stop_and_back": CLOSE,
    "raadslid_restart_midway": CLOSE,
    "statenlid_nee_to_resume": CLOSE,
    "raadslid_is_dit_anoniem": CLOSE,
    "wethouder_later_aanvullen": CLOSE,
    "ab_lid_1_at_review": CLOSE,
    "cdk_edit_then_send": CLOSE,
    "raadslid_wrong_file": CLOSE,
    "burgemeester_nee_after_files": CLOSE,
    "gedeputeerde_nvt": CLOSE,
    "raadslid_jep_thumbs": CLOSE,
    "wethouder_button_texts": CLOSE,
    "dijkgraaf_weet_ik_niet": CLOSE,
    "raadslid_story_hospital": CLOSE,
    "wethouder_story_facebook_link": CLOSE,
    "statenlid_story_mail": CLOSE,
    "raadslid_kerstavond": CLOSE,
    "wethouder_vanavond_after_midnight": CLOSE,
    "ab_lid_32_november": CLOSE,
    "db_lid_series": CLOSE,
    "gedeputeerde_summer_time_night": CLOSE,
    "raadslid_winter_time_evening": CLOSE,
    "wethouder_koningsdag": CLOSE,
    "burgemeester_hulplijn": "'hulplijn' is stored as the story (intake); " + CLOSE,
    "raadslid_two_roles": CLOSE,
}
