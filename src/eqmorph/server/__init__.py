"""The local web app (``eqmorph serve``): a JSON API over one model and a page to morph between words."""

from eqmorph.server.app import create_app

__all__ = ["create_app"]
