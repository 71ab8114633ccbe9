"""The PHI-only development sample `dev_phi_s9` (issue 11, session 9, helper phi11b): 15 MTSamples notes from the
row pool index % 10 == 5, chosen because they name people, dates, places or facilities, annotated for PHI only
(problems, medications, allergies and labs left empty) before the de-identifier was run on them. Its files hold
offsets, hashes and labels only, share no note with the other sets, and load against ../shared with every hash
matching (skipped with the reason when ../shared is absent). Scored by `eval records-real --set dev_phi_s9`."""

from __future__ import annotations

from medcore.records import real_notes

from . import _real_set

SET = "dev_phi_s9"


def test_dev_phi_s9_is_registered_with_its_own_row_pool():
    _real_set.check_registered_with_its_own_row_pool(SET)
    assert SET in real_notes.PHI_ONLY_SETS


def test_dev_phi_s9_files_hold_offsets_hashes_and_phi_labels_only():
    parsed = _real_set.parsed_files(SET)
    assert len(parsed) == 15
    kinds = set()
    for name, note in parsed:
        assert note.phi, f"{name}: chosen for its identifiers, yet none annotated"
        assert not (note.problems or note.medications or note.allergies or note.labs), f"{name}: PHI only"
        kinds |= {p.kind for p in note.phi}
    assert {"NAME", "DATE", "PLACE", "FACILITY"} <= kinds


def test_dev_phi_s9_shares_no_note_with_the_other_sets():
    _real_set.check_shares_no_note_with_the_other_sets(SET)


def test_dev_phi_s9_loads_and_every_hash_matches_the_shared_text():
    _real_set.check_loads_and_every_hash_matches_the_shared_text(SET)