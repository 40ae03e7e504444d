"""adapters/inputs.py: the checks every channel edge makes before the core."""

from __future__ import annotations

import pytest

from adapters.inputs import BadInput, clean_text, is_id, json_depth, load_json, media_type, web_url


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    text = '{"text": "' + "[{" * 500 + '\\"]", "value": [[1]]}'
    assert json_depth(text) == 3
    assert load_json(text.encode(), max_bytes=10_000)["value"] == [[1]]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"[" * 65 + b"]" * 65, "deeper than 64"),
        (b"[" * 100_000, "deeper than 64"),  # would be RecursionError in json.loads
        (b'{"a": "\xff"}', "not UTF-8"),
        (b"{nope", "not JSON"),
        (b" " * 101, "over the limit"),
    ],
)
def test_load_json_refuses_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(BadInput, match=reason):
        load_json(data, max_bytes=100 if reason == "over the limit" else 1_000_000)


def test_ids_and_text() -> None:
    assert is_id("29:1abc-DEF_9@thread.tacv2;messageid=17")
    assert not any(is_id(v) for v in ("", " ", "a\x00b", "a\ud800", "x" * 201, 7, None))
    assert clean_text("a\ud800b\x00c\n") == "a\ufffdbc\n"


def test_media_type() -> None:
    assert media_type("Image/JPEG; q=1") == "image/jpeg"
    assert media_type("image/" + "x" * 200) == "application/octet-stream"
    assert media_type(["image/png"]) == "application/octet-stream"


@pytest.mark.parametrize(
    ("url", "loopback_http", "ok"),
    [
        ("https://smba.trafficmanager.net/emea/", False, True),
        ("https://[2001:db8::1]:8443/x", False, True),
        ("http://smba.trafficmanager.net/emea/", True, False),  # http only on loopback
        ("http://127.0.0.1:3978/", True, True),
        ("http://127.0.0.1:3978/", False, False),
        ("http://localhost/", True, True),
        ("https://user@host.example/", False, False),
        ("https://host.example:0/", False, False),
        ("https://host.example:70000/", False, False),
        ("https://hőst.example/", False, False),
        ("https://host.example/a b", False, False),
        ("https://host_example/", False, False),
        ("https:///path", False, False),
        ("https://host.example/\r\n", False, False),
        ("https://" + "a" * 3000 + ".example/", False, False),
    ],
)
def test_web_url(url: str, loopback_http: bool, ok: bool) -> None:
    assert (web_url(url, loopback_http=loopback_http) == url) is ok
