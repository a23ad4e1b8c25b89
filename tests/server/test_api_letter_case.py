"""The web API's method= takes any letter case, as source= and language= do (trial 6: method=LATENT was a 422)."""

import pytest


@pytest.mark.parametrize("method", ["LATENT", "Slerp", " params "])
def test_morph_takes_the_method_in_any_case(client, method):
    query = {"a": "muddy", "b": "thin", "alpha": 0.4}
    got = client.get("/api/morph", params={**query, "method": method})
    assert got.status_code == 200, got.json()
    assert got.json()["bands"] == client.get("/api/morph", params={**query, "method": method.strip().lower()}).json()[
        "bands"]


def test_an_unknown_method_is_still_refused_as_given(client):
    body = client.get("/api/morph", params={"a": "muddy", "b": "thin", "alpha": 0.4, "method": "CUBIC"}).json()
    assert (body["parameter"], body["value"]) == ("method", "CUBIC") and "latent" in body["allowed"]
