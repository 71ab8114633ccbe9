"""The PHI-only development sample `dev_phi_s9` (issue 11, session 9, helper phi11b): 15 MTSamples notes from the
row pool index % 10 == 5, chosen because they name people, dates, places or facilities, annotated for PHI only
(problems, medications, allergies and labs left empty) before the de-identifier was run on them. Its files hold
offsets, hashes and labels only, share no note with the other sets, and load against ../shared with every hash
matching (skipped with the reason when ../shared is absent). Scored by `eval records-real --set dev_phi_s9`."""

from __future__ import annotations

import json
import re

import pytest

from medcore.records import real_notes

SET = "dev_phi_s9"
HEX64 = re.compile(r"[0-9a-f]{64}")


def _files(set_name: str):
    return real_notes.annotation_files(set_name)


def test_dev_phi_s9_is_registered_with_its_own_row_pool():
    assert SET in real_notes.SETS and SET in real_notes.PHI_ONLY_SETS
    pools = [real_notes.ROW_POOL[s] for s in real_notes.SETS]
    assert len(set(pools)) == len(pools), "two sets draw from the same rows"


def test_dev_phi_s9_files_hold_offsets_hashes_and_phi_labels_only():
    files = _files(SET)
    assert len(files) == 15
    kinds = set()
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        note = real_notes.parse(data, where=f.name)  # schema, enums and spans (no text needed)
        assert f.stem == note.id and note.row % 10 == real_notes.ROW_POOL[SET]
        assert HEX64.fullmatch(note.sha256)
        assert set(data) <= {"row", "sha256", "specialty", "note_type", "annotated", "problems", "medications",
                             "allergies", "phi", "labs"}
        assert note.phi, f"{f.name}: chosen for its identifiers, yet none annotated"
        assert not (note.problems or note.medications or note.allergies or note.labs), f"{f.name}: PHI only"
        kinds |= {p.kind for p in note.phi}
    assert {"NAME", "DATE", "PLACE", "FACILITY"} <= kinds


def test_dev_phi_s9_shares_no_note_with_the_other_sets():
    def hashes(set_name):
        return {json.loads(f.read_text(encoding="utf-8"))["sha256"]: f.stem for f in _files(set_name)}

    mine = hashes(SET)
    assert len(mine) == len(_files(SET)), "two dev_phi_s9 files annotate the same text"
    for other in real_notes.SETS:
        if other != SET:
            shared = set(mine) & set(hashes(other))
            assert not shared, f"{other} annotates the same text as {SET}: {[mine[h] for h in shared]}"


def test_dev_phi_s9_loads_and_every_hash_matches_the_shared_text():
    try:
        loaded = real_notes.load_set(SET)
    except real_notes.RealNotesUnavailable as exc:
        pytest.skip(f"{SET} not checked against the note text: {exc}")
    assert not loaded.skipped, "; ".join(f"{i}: {why}" for i, why in loaded.skipped)
    assert len(loaded.notes) == len(_files(SET))
    for note in loaded.notes:
        assert real_notes.sha256(note.text) == note.sha256
        for item in note.phi:
            span = note.text[item.start:item.end]
            assert span.strip() == span and span, f"{note.id}: span {item.start}-{item.end} is blank or padded"
