"""The seventh blind real-note set, `blind_s14` (issue 11, session 14): its files hold offsets, hashes and labels
only, share no note with the other sets, and load against ../shared with every hash matching (skipped with the
reason when ../shared is absent). Scored by `eval records-real --set blind_s14`; dev since session 14 (studied by
records14s)."""

from __future__ import annotations

from . import _real_set

SET = "blind_s14"


def test_blind_s14_is_registered_with_its_own_row_pool():
    _real_set.check_registered_with_its_own_row_pool(SET)


def test_blind_s14_files_hold_offsets_hashes_and_labels_only():
    _real_set.check_files_hold_offsets_hashes_and_labels_only(SET, at_least=20)


def test_blind_s14_shares_no_note_with_the_other_sets():
    _real_set.check_shares_no_note_with_the_other_sets(SET)


def test_blind_s14_loads_and_every_hash_matches_the_shared_text():
    _real_set.check_loads_and_every_hash_matches_the_shared_text(SET)