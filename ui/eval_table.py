"""The table the Model-lab evaluation sections share: nested eval JSON ({split: {type: metrics}},
or {mode: {split: metrics}}) flattened to one row per pair, the two keys first, then the metrics.
Used by ui/lab_records.py and ui/lab_triage.py."""

from __future__ import annotations

from typing import Callable

import pandas as pd


def nested_table(nested: dict, names: tuple[str, str], row: Callable[[dict], dict | None],
                 key: Callable[[str], str] = str) -> pd.DataFrame:
    """One row per (outer, inner) pair of `nested`: `names[0]` and `names[1]` hold `key(outer)` and
    `key(inner)`, then the columns of `row(metrics)`. A pair whose `row` is None is left out."""
    rows = []
    for outer, inner in nested.items():
        for k, metrics in inner.items():
            r = row(metrics)
            if r is not None:
                rows.append({names[0]: key(outer), names[1]: key(k), **r})
    return pd.DataFrame(rows)
