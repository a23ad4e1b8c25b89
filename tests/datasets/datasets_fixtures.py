"""Helpers that write tiny SocialFX parquet and SAFE CSV files in the real layouts."""

from __future__ import annotations

import numpy as np

from eqmorph.datasets.socialfx import PARAM_KEYS

SAFE_GOOD = [
    "1,Warm ,0.0.0.0,2,2,6,120,-3,400,1.5,2,2000,2,-1,7000,0.7099999785423279,-4,9000,,,,,,,h1",
    "2,bright,0.0.0.0,1,1,-2,90,3,3000,1.2,1,300,0.99,5,8000,0.10000000149011612,6,6000,,,,,,,h2",
    "3,BRIGHT,0.0.0.0,1,1,-1,100,2,250,1,1,1500,1,4,9000,0.5,5,7000,rock,guitar,UK,3,30,,h3",
    '4,"toppy, thick",0.0.0.0,1,1,0,200,1,500,1,2,2500,1,3,6000,1,4,5000,,,,,,,h4',
]
SAFE_BAD = {
    "wrong column count": "5,warm,0.0.0.0,1,1,0,200,1,500,1,2,2500",
    "missing value": "6,warm,0.0.0.0,1,1,,200,1,500,1,2,2500,1,3,6000,1,4,5000,,,,,,,h6",
    "non-numeric value": "7,warm,0.0.0.0,1,1,0,abc,1,500,1,2,2500,1,3,6000,1,4,5000,,,,,,,h7",
    "value out of range": "8,warm,0.0.0.0,1,1,0,200,1,500,50,2,2500,1,3,6000,1,4,5000,,,,,,,h8",
    "placeholder descriptor": "9,Test,0.0.0.0,1,1,0,200,1,500,1,2,2500,1,3,6000,1,4,5000,,,,,,,h9",
    "empty descriptor": "10, ,0.0.0.0,1,1,0,200,1,500,1,2,2500,1,3,6000,1,4,5000,,,,,,,h10",
}


def curve(seed: int) -> list[float]:
    """A smooth 40-band curve like SocialFX's (a few cosines over band index)."""
    rng = np.random.default_rng(seed)
    k = np.arange(40)
    return list(np.sum([a * np.cos(np.pi * f * k / 39 + p) for a, f, p in rng.uniform(0, 2, (3, 3))], axis=0))


def sfx_row(row_id: str, text, values=None, keys=None, extra="{'lang': 'English', 'ratings_consistency': 0.8}"):
    return {
        "id": row_id,
        "text": text,
        "param_keys": list(PARAM_KEYS) if keys is None else keys,
        "param_values": curve(len(row_id)) if values is None else values,
        "extra": extra,
    }


def write_parquet(path, rows):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    schema = pa.schema(
        [
            ("id", pa.string()),
            ("text", pa.string()),
            ("param_keys", pa.list_(pa.string())),
            ("param_values", pa.list_(pa.float64())),
            ("extra", pa.string()),
        ]
    )
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return path
