"""Corpus chats known to fail, with the reason: the one list, read by the tests.

The report flow is being reworked for issue 9 (branches intake, story, dates). A chat
listed here runs as a strict xfail: when it starts to pass, its test fails until the entry
is removed, so the list cannot go stale. It must be empty when issue 9 is done.
"""

from __future__ import annotations

KNOWN_FAILING: dict[str, str] = {
    "burgemeester_iemand_bij_huis": "danger in the first message gets the intro, no 112",
    "raadslid_nee_voor_de_deur": "'nee, ...' at the safety question is refused",
    "wethouder_NEE_slaat": "'NEE hij slaat...' at the safety question is refused",
    "statenlid_112": "'112' at the safety question is refused",
    "ab_lid_ik_ben_bang": "'ik ben bang' at the safety question is refused",
    "raadslid_story_first_twitter": "a story as the first message is dropped",
    "wethouder_story_in_three": "a story in three messages keeps none of it",
    "gedeputeerde_long_story": "a story as the first message is dropped",
    "dijkgraaf_story_then_more": "a story as the first message is dropped",
    "raadslid_ja_bril_kapot": "'jawel' is refused",
    "db_lid_nee_met_uitleg": "thumbs-up is refused",
    "wethouder_late_answer": "an answer after three hours is dropped by 'verder of opnieuw?'",
    "burgemeester_stop_and_back": "the answer typed on coming back is dropped",
    "raadslid_restart_midway": "'afgelopen weekend' is not understood",
    "statenlid_nee_to_resume": "'nee' to 'verder of opnieuw?' repeats it for ever",
    "raadslid_is_dit_anoniem": "questions back are stored as answers, no FAQ",
    "wethouder_later_aanvullen": "questions back are stored as answers, no FAQ",
    "ab_lid_1_at_review": "'1' at the review sends the report",
    "raadslid_wrong_file": "a series ('sinds vorige maand elke week') cannot be entered",
    "burgemeester_nee_after_files": "'ja, ruit kapot' is refused",
    "gedeputeerde_nvt": "'kwart over 8' is not understood",
    "raadslid_jep_thumbs": "'jep' is refused",
    "wethouder_button_texts": "button texts without comma are refused",
    "dijkgraaf_weet_ik_niet": "'weet ik niet' is refused as a date",
    "raadslid_story_hospital": "a story as the first message is dropped",
    "wethouder_story_facebook_link": "a story as the first message is dropped",
    "statenlid_story_mail": "a story as the first message is dropped",
    "raadslid_kerstavond": "'kerstavond' is not understood",
    "ab_lid_32_november": "'32 november' is accepted",
    "db_lid_series": "a series cannot be entered",
    "burgemeester_hulplijn": "'hulplijn' is not understood; a series cannot be entered",
    "cdk_edit_then_send": "'vandaag 11u' is read as 11 hours ago (02:00)",
    "wethouder_vanavond_after_midnight": "'vanavond om 23u' just after midnight: the hour is lost",
    "raadslid_two_roles": "'waterschap' does not pick the role",
}
