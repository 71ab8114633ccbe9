"""One timing loop for the speed benchmarks in `bench/`.

Why it exists: every bench prints ratios against a baseline measured in the same process (a
plain pass over the same input), so its numbers travel between machines. That only holds if the
code under test and the baseline are timed the same way; with one loop here, they are.
No streamlit, no heavy imports: `bench/*.py` and tests import it freely."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from typing import Callable


def percentile(xs, q: float) -> float:
    """Nearest-rank percentile: the value at index round(q * (n - 1)) of the sorted values."""
    xs = sorted(xs)
    if not xs:
        raise ValueError("percentile of no values")
    k = max(0, min(len(xs) - 1, int(round(q * (len(xs) - 1)))))
    return xs[k]


@dataclass(frozen=True)
class Timings:
    """Wall times of repeated calls, in seconds, in the order they ran."""

    times: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def min(self) -> float:
        return min(self.times)

    @property
    def max(self) -> float:
        return max(self.times)

    def percentile(self, q: float) -> float:
        return percentile(self.times, q)

    def __len__(self) -> int:
        return len(self.times)


def time_calls(fn: Callable[[], object], repeats: int,
               clock: Callable[[], float] = time.perf_counter) -> Timings:
    """Call `fn()` `repeats` times and time each call alone (its return value is dropped)."""
    if repeats < 1:
        raise ValueError("repeats must be at least 1")
    out = []
    for _ in range(repeats):
        t0 = clock()
        fn()
        out.append(clock() - t0)
    return Timings(tuple(out))
