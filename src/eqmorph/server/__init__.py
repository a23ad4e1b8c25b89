"""The local web app (``eqmorph serve``): a JSON API over one model and a page to morph between words.

The path of a request: a request reaching the server on a loopback address whose ``Host`` is not
localhost is refused (:mod:`.hosts`, against DNS rebinding), and a ``HEAD`` becomes a ``GET`` whose body
is dropped; then :class:`~.fastpath.ShortPath` answers a well-formed slider request
(``GET /api/morph`` or ``/api/generate`` with no body, known words and in-range numbers, bounds from
:mod:`.bounds`) by awaiting the service directly, before any middleware; anything else goes to
:class:`~.limits.BodySizeLimit`, which refuses bodies over the limit with 413, then to FastAPI, whose routes
(:mod:`.routes`) validate the query against the same bounds and call the same
:class:`~.service.Service`. The service checks words with the model, computes the EQ and renders
the JSON bytes (:mod:`.payload`); morphs go through :class:`~.batching.Batcher`, which answers from an
LRU cache or computes the misses that arrived in one event-loop turn in one numpy pass. Every
error raised on the way, and every refusal of Starlette's own (no such path, wrong method), becomes a JSON
answer of one shape naming the parameter (:mod:`.errors`).
:func:`~.app.create_app` only wires these together.
"""

from eqmorph.server.app import create_app

__all__ = ["create_app"]
