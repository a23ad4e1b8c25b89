"""A band word ("less sibilant") typed into a word box on the page: morphed, with its definition under the box.

Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

import httpx
from browser_fixtures import pick, shown


def test_a_band_word_in_a_word_box_is_morphed_and_its_definition_shown_under_the_box(page, live_server):
    b = page.get_attribute("#word-b", "data-word")
    pick(page, "a", "less sibilant")
    shown(page, "less sibilant", b, "0.5")
    page.wait_for_selector("#word-a-note:not([hidden])")
    note = page.text_content("#word-a-note")
    assert "band word sibilance" in note and "7 kHz" in note
    api = httpx.get(live_server.url + "/api/morph", params={"a": "less sibilant", "b": b, "alpha": "0"}).json()
    sibilance_band = [band for band in api["bands"] if band["freq_hz"] == 7000.0]
    assert [band["gain_db"] for band in sibilance_band] == [-6.0]  # alpha 0: exactly the defined cut
