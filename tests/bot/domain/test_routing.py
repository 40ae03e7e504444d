from __future__ import annotations

import pytest

from bot.domain.routing import (
    Organisation,
    OrgKind,
    ReporterRole,
    RoutingError,
    role_fits,
    route_case,
)
from bot.reference.loader import (
    find_organisation,
    helplines_for,
    load_helplines,
    load_organisations,
)

ORGS = load_organisations()


def test_the_shipped_organisations_are_the_province_26_municipalities_and_4_boards() -> None:
    kinds = [o.kind for o in ORGS]
    assert kinds.count(OrgKind.PROVINCE) == 1
    assert kinds.count(OrgKind.MUNICIPALITY) == 26
    assert kinds.count(OrgKind.WATER_BOARD) == 4
    assert len({o.slug for o in ORGS}) == len(ORGS)


@pytest.mark.parametrize("typed", ["Zeist", "zeist", "Gemeente Zeist", "  gemeente   ZEIST "])
def test_find_organisation_ignores_case_and_the_gemeente_prefix(typed: str) -> None:
    found = find_organisation(ORGS, typed)
    assert found is not None and found.slug == "zeist"


def test_find_organisation_multiword_and_unknown() -> None:
    assert find_organisation(ORGS, "utrechtse heuvelrug").slug == "utrechtse-heuvelrug"  # type: ignore[union-attr]
    assert find_organisation(ORGS, "Provincie Utrecht").slug == "provincie-utrecht"  # type: ignore[union-attr]
    assert find_organisation(ORGS, "Utrecht").slug == "utrecht"  # type: ignore[union-attr]
    assert find_organisation(ORGS, "Amsterdam") is None


def test_a_role_in_the_wrong_kind_of_organisation_is_refused() -> None:
    zeist = Organisation("zeist", "Gemeente Zeist", OrgKind.MUNICIPALITY)
    with pytest.raises(RoutingError):
        route_case(ReporterRole.DIJKGRAAF, zeist)
    assert role_fits("griffier", OrgKind.MUNICIPALITY)
    assert not role_fits("griffier", OrgKind.WATER_BOARD)
    assert role_fits("secretaris", OrgKind.WATER_BOARD)
    assert role_fits("coordinator_vpt", OrgKind.PROVINCE)
    assert not role_fits("nonsense", OrgKind.PROVINCE)


def test_helplines_fit_the_role_and_seriousness() -> None:
    lines = load_helplines()
    keys = {h.key for h in helplines_for(lines, "burgemeester", serious=False)}
    assert keys == {"vertrouwenslijn", "ngb_crisislijn"}
    keys = {h.key for h in helplines_for(lines, "gemeenteraadslid", serious=True)}
    assert keys == {"vertrouwenslijn", "slachtofferloket"}
