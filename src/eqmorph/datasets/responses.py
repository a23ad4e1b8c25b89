"""What each crowd's example sounds like: the reference magnitude response of every row of a dataset.

The evaluation compares generated EQs with the crowd's own sounds, not with eqmorph's reading of
them. A SocialFX row's reference is its 40-band Audealize curve rendered exactly as the reference
equaliser renders it (48 kHz, :mod:`eqmorph.datasets.audealize`), not the 5-band fit the model trains
on; a SAFE-DB row's reference is the response of its 5-band EQ at 44.1 kHz (FlowEQ's and SAFE's rate).
"""

from __future__ import annotations

import os

import numpy as np

from eqmorph.core import dsp
from eqmorph.core.conventions import SAFE_SAMPLE_RATE
from eqmorph.datasets.audealize import AUDEALIZE_SAMPLE_RATE, render_audealize_db
from eqmorph.datasets.dataset import EQDataset
from eqmorph.datasets.socialfx import read_socialfx
from eqmorph.errors import DataFormatError

SAMPLE_RATES = {"socialfx": AUDEALIZE_SAMPLE_RATE, "safe": SAFE_SAMPLE_RATE}  # crowd -> rate its sounds were made at


def reference_responses_db(ds: EQDataset, freqs_hz: np.ndarray,
                           socialfx_path: str | os.PathLike[str] | None = None) -> np.ndarray:
    """``(n, F)`` dB: each row's reference response on ``freqs_hz (F,)``.

    SocialFX rows need their curves: ``socialfx_path`` is the file (or folder) ``ds`` was loaded from;
    rows are matched by id. Without it (or for another source) the row's 5-band EQ is rendered.
    """
    out = np.empty((len(ds), len(freqs_hz)))
    params = ds.params_array()
    src = np.asarray(ds.source)
    for source in sorted(set(ds.source)):
        rows = np.flatnonzero(src == source)
        rate = SAMPLE_RATES.get(source, SAFE_SAMPLE_RATE)
        if source == "socialfx" and socialfx_path is not None:
            raw = read_socialfx(socialfx_path)
            index = {row_id: i for i, row_id in enumerate(raw.ids)}
            missing = [ds.ids[i] for i in rows if ds.ids[i] not in index]
            if missing:
                raise DataFormatError(f"{len(missing)} SocialFX rows (e.g. {missing[0]!r}) are not in "
                                      f"{str(socialfx_path)!r}: pass the file the dataset was loaded from")
            curves = raw.curves[[index[ds.ids[i]] for i in rows]]
            out[rows] = render_audealize_db(curves, freqs_hz, sample_rate=rate)
        else:
            out[rows] = dsp.response_db_np(params[rows], freqs_hz, rate)
    return out





def load_with_references(dataset: str, data: str | os.PathLike[str] | None,
                         freqs_hz: np.ndarray) -> tuple[EQDataset, np.ndarray]:
    """Dataset ``dataset`` (``socialfx``, ``safe``, ``all``) and its reference responses ``(n, F)`` on ``freqs_hz``."""
    from eqmorph.datasets.experiment import data_files, load_dataset

    files = data_files(dataset, data)
    ds = load_dataset(dataset, data)
    return ds, reference_responses_db(ds, freqs_hz, files.get("socialfx"))

__all__ = ["SAFE_SAMPLE_RATE", "SAMPLE_RATES", "load_with_references", "reference_responses_db"]
