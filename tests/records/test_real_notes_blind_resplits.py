"""The blind real-note re-splits from session 29 on (issue 11), one parametrised test per check instead of one
near-identical file per set (blind_s15-s28 keep their own files). Each set is a re-split of MTSamples rows no
engineer had read: its files hold offsets, hashes and labels only, its rows are in no other set and in no other
helper's rows-read list, it loads against ../shared with every hash matching and every span inside the note, and its
rows are exactly its seeded draw (skipped with the reason when ../shared is absent). A new set adds one row to
RESPLITS: (set id, its docs/evals folder, at least how many notes). BLIND sets are scored once by their writer
(aggregate only) and never run with --errors."""

from __future__ import annotations

import pytest

from . import _real_set

RESPLITS = [
    ("blind_s29", "records-blind-s29", 14),  # session 29, writer rb29, base e516be7d
    ("blind_s30", "records-blind-s30", 12),  # session 30, writer rb30, base 46dadd39
]
IDS = [s for s, _, _ in RESPLITS]


@pytest.mark.parametrize(("set_name", "own_dir", "at_least"), RESPLITS, ids=IDS)
def test_is_registered_as_a_resplit_of_unread_rows(set_name, own_dir, at_least):
    _real_set.check_registered_with_its_own_row_pool(set_name)
    assert _real_set.is_resplit(set_name)
    _real_set.check_resplit_rows_were_read_by_no_one_else(set_name, own_dir)


@pytest.mark.parametrize(("set_name", "own_dir", "at_least"), RESPLITS, ids=IDS)
def test_files_hold_offsets_hashes_and_labels_only(set_name, own_dir, at_least):
    _real_set.check_files_hold_offsets_hashes_and_labels_only(set_name, at_least=at_least)


@pytest.mark.parametrize(("set_name", "own_dir", "at_least"), RESPLITS, ids=IDS)
def test_shares_no_note_with_the_other_sets(set_name, own_dir, at_least):
    _real_set.check_shares_no_note_with_the_other_sets(set_name)


@pytest.mark.parametrize(("set_name", "own_dir", "at_least"), RESPLITS, ids=IDS)
def test_loads_and_every_hash_matches_the_shared_text(set_name, own_dir, at_least):
    _real_set.check_loads_and_every_hash_matches_the_shared_text(set_name)


@pytest.mark.parametrize(("set_name", "own_dir", "at_least"), RESPLITS, ids=IDS)
def test_rows_are_what_its_draw_gives(set_name, own_dir, at_least):
    _real_set.check_rows_are_what_its_draw_gives(set_name)
