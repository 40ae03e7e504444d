"""Identifiers of a perpetrator in free text, each spelling to one canonical form."""

from __future__ import annotations

from bot.domain.identifiers import (
    Identifier,
    IdentifierKind,
    identifiers_in,
    normal_phone,
    normal_plate,
)

K = IdentifierKind


def test_the_spellings_of_one_phone_number_are_one() -> None:
    spellings = ["06-12345678", "+31612345678", "0031 6 1234 5678", "06 1234 5678", "(06)12345678"]
    found = {tuple(identifiers_in(f"bel {s} maar")) for s in spellings}
    assert found == {(Identifier(K.PHONE, "+31612345678"),)}
    assert normal_phone("0612345678") == "+31612345678"
    assert normal_phone("12345") is None


def test_handles_and_email_addresses_ignore_case() -> None:
    assert identifiers_in("@Jan_X op X") == identifiers_in("account @jan_x")
    assert identifiers_in("Mail van Jan.X@Example.NL") == [Identifier(K.EMAIL, "jan.x@example.nl")]
    # An address is not also a handle.
    assert all(i.kind is not K.HANDLE for i in identifiers_in("jan@example.nl"))


def test_dutch_licence_plates_with_or_without_dashes() -> None:
    assert (
        normal_plate("ab-12-cd") == normal_plate("AB 12 CD") == normal_plate("AB12CD") == "AB12CD"
    )
    assert normal_plate("12-ABC-3") == "12ABC3"
    assert normal_plate("123456") is None  # no letters: no side code
    assert normal_plate("ABCDEF") is None
    assert identifiers_in("Een auto met kenteken 12-abc-3.") == [Identifier(K.PLATE, "12ABC3")]


def test_names_need_two_capitalised_words_and_fold_accents() -> None:
    assert identifiers_in("Het was Jan de Vries.") == [Identifier(K.NAME, "jan de vries")]
    assert identifiers_in("jan de vries") == []  # no capitals: a description, not a name
    assert identifiers_in("Piet") == []  # a first name alone would link strangers
    assert identifiers_in("Ömer Çelik") == identifiers_in("Omer Celik")


def test_nothing_from_an_empty_or_missing_answer() -> None:
    assert identifiers_in(None, "") == []
    assert identifiers_in("Een man van ongeveer 40 met een pet.") == []
