"""The generated brand/synonym table (assets/kb/knowledge/drugs/external_names.tsv, scripts/build_drug_names.py)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from medcore.knowledge import drug_lexicon, drugs
from medcore.knowledge.names import normalise

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "assets" / "kb" / "knowledge" / "drugs" / "external_names.tsv"


def _script():
    spec = importlib.util.spec_from_file_location("build_drug_names", ROOT / "scripts" / "build_drug_names.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _rows() -> list[tuple[str, ...]]:
    return [tuple(line.split("\t")) for line in TABLE.read_text().splitlines() if line and not line.startswith("#")]


def test_table_is_in_the_builders_format_sorted_and_unique():
    rows = _rows()
    assert len(rows) > 1000
    assert _script().render(rows) == TABLE.read_text()
    assert rows == sorted(rows) and len({r[0] for r in rows}) == len(rows)


def test_every_row_reaches_a_known_target_and_never_overrides_the_lexicon():
    lex = drug_lexicon.load()
    own = {k for k in lex.index if k not in lex.external}
    for name, target, kind, source in _rows():
        assert target in lex.ingredients or target in lex.products, name
        assert source.startswith("drug-named-entity-recognition 2.0.9")
        if normalise(name) in lex.external:
            assert lex.index[normalise(name)][1] == target
        else:  # the lexicon's own entry claimed the name after the table was built, or a brand family of two
            # medicines (name_rules.yaml: 'Cartia', asked about) refuses it: the lexicon wins either way
            assert normalise(name) in own or normalise(name) in lex.refused


def test_brand_from_the_table_resolves_exactly():
    # Aldizem (diltiazem, a European brand) and Covera (verapamil, US) are in no hand-written lexicon entry
    for text, want in (("Aldizem", "diltiazem"), ("Covera 240 mg daily", "verapamil")):
        r = drugs.resolve(text)
        assert r.ingredients == (want,) and r.how != "fuzzy", text


def test_table_names_are_neither_fuzzy_targets_nor_free_text_forms():
    lex = drug_lexicon.load()
    key = normalise("Aldizem")
    assert key in lex.external and key not in lex.fuzzy.keys
    assert "aldizem" not in drugs.text_forms()


def test_a_row_with_an_unknown_target_is_refused(tmp_path):
    path = tmp_path / "external_names.tsv"
    path.write_text("zzbrand\tno-such-drug\tbrand\tdrug-named-entity-recognition 2.0.9: test\n")
    with pytest.raises(drug_lexicon.DrugKBError):
        drug_lexicon._add_external({}, path, {}, {})


WHEELS = Path(os.environ.get("MEDCORE_DRUG_NAME_WHEELS", "/tmp/wheels"))


@pytest.mark.skipif(not (WHEELS / _script().DNER).exists(), reason="build-time wheels not downloaded (see the script)")
def test_table_is_rebuilt_identically():
    mod = _script()
    assert mod.render(mod.build(WHEELS)) == TABLE.read_text()
