"""``eqmorph serve`` takes what it loaded out of the garbage collector's sight before serving."""

import gc

import uvicorn

from eqmorph import cli


def test_the_server_freezes_what_it_loaded_before_serving(tiny_model_dir, monkeypatch):
    seen = []

    def run(self, sockets=None):
        seen.append(gc.get_freeze_count())

    monkeypatch.setattr(uvicorn.Server, "run", run)
    before = gc.get_freeze_count()
    try:
        assert cli.main(["serve", "--model", str(tiny_model_dir), "--port", "0"]) == 0
    finally:
        gc.unfreeze()
    assert seen and seen[0] > before  # the model and the app are frozen, so a full collection skips them
