"""A file as signal-cli-rest-api's `base64_attachments` item, read back the way the REST
API reads it (src/client/attachment.go; the fake implements that reading)."""

from __future__ import annotations

from adapters.signal.api import data_uri
from dialogs.messages import Attachment
from tests.fakes.signal_rest import read_data_uri


def test_a_file_round_trips_through_the_rest_apis_reading() -> None:
    data = bytes(range(256)) * 3
    item = data_uri(Attachment("IMG_1.jpg", "image/jpeg", data))
    assert item.startswith("data:image/jpeg;filename=IMG_1.jpg;base64,")
    assert read_data_uri(item) == ("image/jpeg", "IMG_1.jpg", data)


def test_a_name_cannot_end_its_field_early() -> None:
    item = data_uri(Attachment("a;b,base64,c/d.jpg", "image/jpeg", b"x"))
    mime, name, data = read_data_uri(item)
    assert (mime, data) == ("image/jpeg", b"x")
    assert ";" not in name and "," not in name and "/" not in name
    # A type that is not a plain media type is sent as octet-stream.
    assert read_data_uri(data_uri(Attachment("x", "image/jpeg;x=1", b"y")))[0] == (
        "application/octet-stream"
    )
