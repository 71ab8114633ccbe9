"""Literature reader tests: one settings object and one terminology for the session (the terminology builds
its cache once, in the repo's ignored .data/ folder, as the knowledge tests do)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def lit_settings(tmp_path_factory):
    from medcore.config import Settings

    return Settings(data_dir=tmp_path_factory.mktemp("lit-data"),
                    knowledge_cache_dir=str(REPO / ".data" / "test-knowledge-cache"), llm_backend="template")


@pytest.fixture(scope="session")
def term(lit_settings):
    from medcore.knowledge.terminology import load_terminology

    return load_terminology(lit_settings)


@pytest.fixture(scope="session")
def read(lit_settings, term):
    """read(text_or_bytes, filename=None) -> list[ReadResult], with the rules for roles (no checkpoint)."""
    from medcore.literature.service import read_paper

    def _read(data, filename=None):
        return read_paper(lit_settings, data, filename, classifier=False, term=term)

    return _read


def make_pdf(pages: list[str], title: str = "") -> bytes:
    """A PDF with a text layer, one string per page (lines split on newlines)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    if title:
        pdf.set_title(title)
    for text in pages:
        pdf.add_page()
        for line in text.split("\n"):
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
