from __future__ import annotations

import pytest

from storage.crypto import DecryptError, FieldCipher, KeySettingError, new_key


def test_round_trip_and_binding_to_purpose() -> None:
    cipher = FieldCipher.from_setting(f"a:{new_key()}")
    token = cipher.encrypt_text("Hij dreigde met geweld", "answer:1:what")
    assert b"dreigde" not in token
    assert cipher.decrypt_text(token, "answer:1:what") == "Hij dreigde met geweld"
    with pytest.raises(DecryptError):
        cipher.decrypt_text(token, "answer:2:what")  # moved to another row: refused


def test_tampering_is_detected() -> None:
    cipher = FieldCipher.from_setting(f"a:{new_key()}")
    token = bytearray(cipher.encrypt(b"bewijs", "evidence:1"))
    token[-1] ^= 1
    with pytest.raises(DecryptError):
        cipher.decrypt(bytes(token), "evidence:1")


def test_rotation_old_rows_stay_readable_new_rows_use_the_new_key() -> None:
    old_key, new = new_key(), new_key()
    old = FieldCipher.from_setting(f"old:{old_key}")
    token = old.encrypt(b"x", "p")
    rotated = FieldCipher.from_setting(f"new:{new},old:{old_key}")
    assert rotated.decrypt(token, "p") == b"x"
    assert rotated.key_id_of(rotated.encrypt(b"y", "p")) == "new"
    with pytest.raises(DecryptError):
        FieldCipher.from_setting(f"new:{new}").decrypt(token, "p")


@pytest.mark.parametrize("setting", ["", "nokey", "a:tooshort", "a:!!!!", ","])
def test_bad_key_settings_say_what_is_wrong(setting: str) -> None:
    with pytest.raises(KeySettingError):
        FieldCipher.from_setting(setting)
