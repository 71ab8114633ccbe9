"""The fourth blind real-note set, `blind_s10` (issue 11, session 10): its files hold offsets, hashes and labels
only, share no note with the other sets, and load against ../shared with every hash matching (skipped with the
reason when ../shared is absent). It is scored by `eval records-real --set blind_s10`; do not study its errors."""

from __future__ import annotations

import json
import re

from medcore.records import real_notes

from . import _real_set

SET = "blind_s10"
HEX64 = re.compile(r"[0-9a-f]{64}")
_files = _real_set.files


def test_blind_s10_is_registered_with_its_own_row_pool():
    _real_set.check_registered_with_its_own_row_pool(SET)


def test_blind_s10_files_hold_offsets_hashes_and_labels_only():
    files = _files(SET)
    assert len(files) >= 20, "issue 11 asks for a blind set of at least 20 notes"
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        note = real_notes.parse(data, where=f.name)  # schema, enums and spans (no text needed)
        assert f.stem == note.id and note.row % 10 == real_notes.ROW_POOL[SET]
        assert HEX64.fullmatch(note.sha256)
        assert set(data) <= {"row", "sha256", "specialty", "note_type", "annotated", "problems", "medications",
                             "allergies", "phi", "labs"}
        # labels are short normalised words, never copied sentences
        labels = [p.name for p in note.problems] + [m.drug for m in note.medications]
        labels += [a.substance for a in note.allergies]
        assert all(len(x) <= 60 for x in labels), f.name
        assert note.problems or note.medications, f"{f.name}: nothing annotated"


def test_blind_s10_shares_no_note_with_the_other_sets():
    _real_set.check_shares_no_note_with_the_other_sets(SET)


def test_blind_s10_loads_and_every_hash_matches_the_shared_text():
    _real_set.check_loads_and_every_hash_matches_the_shared_text(SET)