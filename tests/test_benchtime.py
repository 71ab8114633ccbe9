"""medcore.benchtime: the one timing loop the benches share. A fake clock, so nothing here is timed."""

import pytest

from medcore.benchtime import Timings, percentile, time_calls


class FakeClock:
    """Advances by the next step each time `fn` runs; reading the clock itself costs nothing."""

    def __init__(self, steps):
        self.now = 0.0
        self.steps = list(steps)

    def __call__(self):
        return self.now

    def work(self):
        self.now += self.steps.pop(0)


def test_time_calls_times_each_call_in_order():
    clock = FakeClock([3.0, 1.0, 2.0, 5.0, 4.0])
    calls = []
    t = time_calls(lambda: (calls.append(1), clock.work()), 5, clock=clock)
    assert isinstance(t, Timings)
    assert len(calls) == 5 and len(t) == 5
    assert t.times == (3.0, 1.0, 2.0, 5.0, 4.0)  # run order, not sorted
    assert (t.min, t.median, t.max) == (1.0, 3.0, 5.0)
    assert t.percentile(0.0) == 1.0 and t.percentile(1.0) == 5.0
    assert t.percentile(0.5) == t.median


def test_time_calls_excludes_work_between_calls():
    clock = FakeClock([2.0, 2.0])
    clock.now = 100.0
    t = time_calls(clock.work, 2, clock=clock)
    assert t.times == (2.0, 2.0)


def test_time_calls_rejects_no_repeats():
    with pytest.raises(ValueError):
        time_calls(lambda: None, 0)


def test_percentile_is_nearest_rank_on_sorted_values():
    xs = [float(i) for i in range(20, 0, -1)]  # 20 .. 1, unsorted input
    assert percentile(xs, 0.95) == 19.0  # index round(0.95 * 19) = 18 of 1..20
    assert percentile(xs, 0.5) == 11.0  # index round(9.5) = 10 (banker's rounding)
    assert percentile([7.0], 0.95) == 7.0
    assert xs[0] == 20.0  # input left alone
    with pytest.raises(ValueError):
        percentile([], 0.5)


def test_real_clock_gives_non_negative_times():
    t = time_calls(lambda: sum(range(10)), 3)
    assert len(t.times) == 3 and all(x >= 0 for x in t.times)
    assert t.min <= t.median <= t.max
