"""The eighth blind real-note set, `blind_s15` (issue 11, session 15): a re-split of MTSamples rows no engineer had
read (every residue was taken by session 14). Its files hold offsets, hashes and labels only, its rows are in no other
set and in no other helper's rows-read list, and it loads against ../shared with every hash matching (skipped with
the reason when ../shared is absent). Scored by `eval records-real --set blind_s15`; dev since session 15 (scored
twice, then studied by records15s)."""

from __future__ import annotations

from . import _real_set

SET = "blind_s15"


def test_blind_s15_is_registered_as_a_resplit_of_unread_rows():
    _real_set.check_registered_with_its_own_row_pool(SET)
    assert _real_set.is_resplit(SET)
    _real_set.check_resplit_rows_were_read_by_no_one_else(SET, "real-notes-blind-s15")


def test_blind_s15_files_hold_offsets_hashes_and_labels_only():
    _real_set.check_files_hold_offsets_hashes_and_labels_only(SET, at_least=22)


def test_blind_s15_shares_no_note_with_the_other_sets():
    _real_set.check_shares_no_note_with_the_other_sets(SET)


def test_blind_s15_loads_and_every_hash_matches_the_shared_text():
    _real_set.check_loads_and_every_hash_matches_the_shared_text(SET)
