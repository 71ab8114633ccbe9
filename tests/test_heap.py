"""The server freezes its long-lived objects after a big load, and only then."""

import gc

from medcore.heap import HeapFreezer


def test_a_large_load_is_frozen_and_an_ordinary_run_is_not():
    freezer = HeapFreezer(growth_blocks=50_000)
    freezer.after_run()  # whatever the test process holds now
    try:
        assert freezer.after_run() is False  # nothing new: no collection, no freeze
        before = gc.get_freeze_count()
        kept = [[i] for i in range(100_000)]  # a knowledge base's worth of small objects
        assert freezer.after_run() is True
        assert gc.get_freeze_count() >= before + len(kept)
        assert freezer.after_run() is False
    finally:
        gc.unfreeze()


def test_ordinary_runs_adding_up_past_the_step_do_not_freeze():
    """Session data kept over many reruns is no knowledge-base load: no run of it pays a full collection."""
    freezer = HeapFreezer(growth_blocks=50_000)
    freezer.after_run()
    kept = []
    try:
        for _ in range(6):  # 6 x ~20k blocks: more than the step in all, far less in any one run
            kept.append([[i] for i in range(10_000)])
            assert freezer.after_run() is False
    finally:
        gc.unfreeze()
