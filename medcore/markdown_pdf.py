"""A printable PDF of our own simple Markdown (headings, paragraphs, bullets) with the PDF core fonts.

One writer for the planner's plan and the health-education handouts, which had two copies of this loop.
Core fonts are Latin-1, so typographic characters are transliterated first."""

from __future__ import annotations

from dataclasses import dataclass

_LATIN1 = str.maketrans({"≥": ">=", "≤": "<=", "→": "->", "×": "x", "µ": "u", "²": "2", "√": "sqrt", "−": "-",
                         "–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "…": "...", "•": "-",
                         "α": "alpha", "κ": "kappa", "✓": "ok"})


def latin1(text: str) -> str:
    return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")


@dataclass(frozen=True)
class PdfStyle:
    title_size: float = 15
    body_size: float = 9.5
    body_line: float = 5
    italic_notes: bool = False  # lines starting "_" or "> " in italics (else their markers are only removed)


def markdown_pdf(markdown: str, style: PdfStyle = PdfStyle(), *, title: str = "", creator: str = "") -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    if title:
        pdf.set_title(latin1(title))
    if creator:
        pdf.set_creator(creator)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for raw in markdown.splitlines():
        line = latin1(raw)
        pdf.set_x(pdf.l_margin)
        if line.startswith("# "):
            pdf.set_font("Helvetica", "B", style.title_size)
            pdf.multi_cell(width, 8, line[2:])
        elif line.startswith("## "):
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(width, 7, line[3:])
        elif not line.strip():
            pdf.ln(2)
        elif style.italic_notes:
            italic = line.startswith(("_", "> "))
            pdf.set_font("Helvetica", "I" if italic else "", style.body_size)
            pdf.multi_cell(width, style.body_line, line.strip("_").removeprefix("> "))
        else:
            pdf.set_font("Helvetica", "", style.body_size)
            pdf.multi_cell(width, style.body_line, line.replace("**", "").replace("> ", "").replace("_", ""))
    return bytes(pdf.output())
