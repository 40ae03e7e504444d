"""Corpus chats known to fail, with the reason: the one list, read by the tests.

The report flow is being reworked for issue 9 (branches intake, story, dates). A chat
listed here runs as a strict xfail: when it starts to pass, its test fails until the entry
is removed, so the list cannot go stale. It must be empty when issue 9 is done.
"""

from __future__ import annotations

CLOSE = "the close says 'afhandelaar', 'pleger' (dates: truthful close)"
PROMISE = "'binnen 72 uur' for an incident a week ago (dates)"

KNOWN_FAILING: dict[str, str] = {
    "burgemeester_iemand_bij_huis": "'gisteravond rond 21u' not understood (dates)",
    "raadslid_nee_voor_de_deur": (
        "'roept dat hij me te pakken krijgt' is not read as a threat: no advice (story)"
    ),
    "wethouder_NEE_slaat": CLOSE,
    "ab_lid_ik_ben_bang": "'maandag rond 20u' read as Friday 20 November (dates); " + CLOSE,
    "raadslid_story_first_twitter": CLOSE,
    "wethouder_story_in_three": CLOSE,
    "gedeputeerde_long_story": "the review says WhatsApp for 'groepsapp' (story); " + CLOSE,
    "dijkgraaf_story_then_more": CLOSE,
    "raadslid_ja_bril_kapot": "'vanochtend 8u' loses the hour (dates); " + CLOSE,
    "db_lid_nee_met_uitleg": "'eergisteravond' not understood (dates)",
    "wethouder_late_answer": "'gisteravond laat' not understood (dates)",
    "burgemeester_stop_and_back": "'gisteren rond 2 uur' read as 02:00 (dates); " + CLOSE,
    "raadslid_restart_midway": "'afgelopen weekend' not understood (dates)",
    "statenlid_nee_to_resume": CLOSE,
    "raadslid_is_dit_anoniem": CLOSE + "; " + PROMISE,
    "wethouder_later_aanvullen": CLOSE,
    "ab_lid_1_at_review": CLOSE + "; " + PROMISE,
    "cdk_edit_then_send": "'vandaag 11u' read as 11 hours ago (dates); " + CLOSE,
    "raadslid_wrong_file": "a series ('sinds vorige maand elke week') cannot be entered (dates)",
    "burgemeester_nee_after_files": CLOSE,
    "gedeputeerde_nvt": "'kwart over 8' not understood (dates)",
    "raadslid_jep_thumbs": "'afgelopen weekend' not understood (dates)",
    "wethouder_button_texts": "'woensdag kwart voor 10' not understood (dates)",
    "dijkgraaf_weet_ik_niet": CLOSE,
    "raadslid_story_hospital": CLOSE,
    "wethouder_story_facebook_link": "'om 7u' loses the hour (dates); " + CLOSE,
    "statenlid_story_mail": "'psychisch, slaap slecht' at the injury question is refused (intake)",
    "raadslid_kerstavond": "'kerstavond' not understood (dates)",
    "wethouder_vanavond_after_midnight": "'vanavond om 23u' loses the hour (dates); " + CLOSE,
    "ab_lid_32_november": "'32 november' accepted as November 1932 (dates)",
    "db_lid_series": "a series cannot be entered (dates)",
    "burgemeester_hulplijn": (
        "'hulplijn' is stored as the story, no helplines (intake, dates); a series (dates)"
    ),
    "raadslid_two_roles": "'waterschap' does not pick the water-board role (intake)",
}
