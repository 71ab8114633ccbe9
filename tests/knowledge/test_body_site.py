"""The body-site table of the knowledge layer (assets/kb/knowledge/body_sites.yaml), shared by the record
summarizer and the literature reader."""

from __future__ import annotations

import pytest

from medcore.knowledge import body_site
from medcore.knowledge.drug_lexicon import DEFAULT_KB_DIR


def test_the_shipped_table_codes_a_site():
    sites = body_site.load(DEFAULT_KB_DIR)
    s = "She has a carcinoma of the pancreas."
    i = s.index("carcinoma")
    assert sites.code(s, i, i + len("carcinoma"), "C80.1") == "C25.9"
    assert sites.code(s, i, i + len("carcinoma"), "C25.9") is None  # already site-specific


def test_the_table_needs_a_source(tmp_path):
    (tmp_path / "knowledge").mkdir()
    (tmp_path / "knowledge" / body_site.DATA_FILE).write_text("generic_codes: [T14.8]\nkinds: {}\nsites: []\n")
    with pytest.raises(body_site.InjurySiteError, match="source"):
        body_site.load(tmp_path)
