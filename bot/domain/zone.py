"""The one time zone the bot works in: Europe/Amsterdam, written here and nowhere else.

Why a constant in the domain and not a setting: the guideline's clocks are Dutch office
clocks (working days with Dutch public holidays, the police appointment by 17:00, the
recovery talk at 09:00, check-ins at 10:00), so the zone belongs to the rules, not to a
deployment. The domain is pure and cannot read settings; `Settings.timezone` takes its
default from `AMSTERDAM.key`, so the name is written once. Instants are stored in UTC and
compared in UTC; this zone is only for the local calendar day and for what people read.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
