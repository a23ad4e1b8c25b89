"""docs/screenshot.png: the web page on the bundled model, morphing warm -> bright at alpha 0.4.

Run: .venv/bin/python scripts/screenshot.py [--out PNG]  (needs the server and dev extras and /usr/bin/chromium)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "server"))

from server_fixtures import LiveServer  # noqa: E402

from eqmorph.cli.serve import load_for_web  # noqa: E402
from eqmorph.io.fileio import write_bytes_atomic  # noqa: E402
from eqmorph.server import create_app  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png", help="PNG to write")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    # load_for_web: the model as `eqmorph serve` loads it (the open vocabulary when the text extra is installed).
    with LiveServer(create_app(load_for_web(None, None))) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{server.url}/#a=warm&b=bright&alpha=0.4&i=1")
        page.wait_for_selector("#curve[data-alpha='0.4']")
        # "sounds like" comes from its own request after the curve's: wait for it rather than for a fixed time.
        page.wait_for_selector("#sounds-like[data-alpha='0.4']")
        page.wait_for_timeout(300)
        write_bytes_atomic(args.out, page.screenshot(full_page=True))
        browser.close()


if __name__ == "__main__":
    main()
