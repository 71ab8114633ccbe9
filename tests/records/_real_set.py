"""Checks every annotated real-note set shares (blind_s8, blind_s9, dev_phi_s9, blind_s10): registered with its
own row pool, no note annotated twice or shared with another set, and every hash and span right against ../shared
(skipped with the reason when ../shared is absent)."""

from __future__ import annotations

import json

import pytest

from medcore.records import real_notes


def files(set_name: str):
    return real_notes.annotation_files(set_name)


def check_registered_with_its_own_row_pool(set_name: str) -> None:
    assert set_name in real_notes.SETS
    pools = [real_notes.ROW_POOL[s] for s in real_notes.SETS]
    assert len(set(pools)) == len(pools), "two sets draw from the same rows"


def check_shares_no_note_with_the_other_sets(set_name: str) -> None:
    def hashes(name):
        return {json.loads(f.read_text(encoding="utf-8"))["sha256"]: f.stem for f in files(name)}

    mine = hashes(set_name)
    assert len(mine) == len(files(set_name)), f"two {set_name} files annotate the same text"
    for other in real_notes.SETS:
        if other != set_name:
            shared = set(mine) & set(hashes(other))
            assert not shared, f"{other} annotates the same text as {set_name}: {[mine[h] for h in shared]}"


def check_loads_and_every_hash_matches_the_shared_text(set_name: str) -> None:
    try:
        loaded = real_notes.load_set(set_name)
    except real_notes.RealNotesUnavailable as exc:
        pytest.skip(f"{set_name} not checked against the note text: {exc}")
    assert not loaded.skipped, "; ".join(f"{i}: {why}" for i, why in loaded.skipped)
    assert len(loaded.notes) == len(files(set_name))
    for note in loaded.notes:
        assert real_notes.sha256(note.text) == note.sha256
        for item in [*note.problems, *note.medications, *note.allergies, *note.phi, *note.labs]:
            span = note.text[item.start:item.end]
            assert span.strip() == span and span, f"{note.id}: span {item.start}-{item.end} is blank or padded"
