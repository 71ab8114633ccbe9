"""The nineteenth blind real-note set, `blind_s28` (issue 11, session 28): a re-split of MTSamples rows no engineer had
read. Its files hold offsets, hashes and labels only, its rows are in no other set and in no other helper's rows-read
list, and it loads against ../shared with every hash matching and every span inside the note (skipped with the reason
when ../shared is absent). Scored by `eval records-real --set blind_s28`; BLIND: scored once
by its writer at base 93885239 (aggregate only), never with --errors."""

from __future__ import annotations

from . import _real_set

SET = "blind_s28"


def test_blind_s28_is_registered_as_a_resplit_of_unread_rows():
    _real_set.check_registered_with_its_own_row_pool(SET)
    assert _real_set.is_resplit(SET)
    _real_set.check_resplit_rows_were_read_by_no_one_else(SET, "records-blind-s28")


def test_blind_s28_files_hold_offsets_hashes_and_labels_only():
    _real_set.check_files_hold_offsets_hashes_and_labels_only(SET, at_least=16)


def test_blind_s28_shares_no_note_with_the_other_sets():
    _real_set.check_shares_no_note_with_the_other_sets(SET)


def test_blind_s28_loads_and_every_hash_matches_the_shared_text():
    _real_set.check_loads_and_every_hash_matches_the_shared_text(SET)


def test_blind_s28_rows_are_what_its_draw_gives():
    _real_set.check_rows_are_what_its_draw_gives(SET)
