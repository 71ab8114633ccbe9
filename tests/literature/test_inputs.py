"""Inputs: pasted text, MEDLINE, PubMed XML, RIS (good and broken), PDFs (text layer, none, encrypted, corrupt)."""

from __future__ import annotations

import dataclasses
import io

import pytest

from medcore.literature.errors import LiteratureInputError
from medcore.literature.inputs import read_input
from tests.literature.conftest import make_pdf

MEDLINE = """PMID- 11111111
OWN - NLM
TI  - Drug A versus placebo for asthma: a randomized
      controlled trial.
AB  - BACKGROUND: Asthma is common. METHODS: We randomized 120 adults to drug A or
      placebo. RESULTS: Exacerbations fell (RR 0.70, 95% CI 0.55-0.89). CONCLUSIONS: Drug A
      helps.
FAU - Smith, John
AU  - Smith J
AU  - Jones AB
DP  - 2019 Mar 4
TA  - Lancet
PT  - Journal Article
PT  - Randomized Controlled Trial
AID - 10.1000/xyz123 [doi]
AID - S0140-6736(19)00001-1 [pii]

PMID- 22222222
TI  - A cohort without an abstract.
DP  - 2020
"""

RIS = """TY  - JOUR
TI  - First paper on metformin
AU  - Doe, Jane
PY  - 2018///
JO  - BMJ
DO  - 10.1136/bmj.k1
AB  - We enrolled 50 patients. Metformin lowered HbA1c.
ER  - 
TY  - JOUR
T1  - Second paper, record not closed
AU  - Roe, R
PY  - 2021
N2  - A survey of 300 nurses was done.
"""

XML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">
<PubmedArticleSet>
<PubmedArticle><MedlineCitation><PMID Version="1">33333333</PMID><Article>
<Journal><JournalIssue><PubDate><Year>2017</Year></PubDate></JournalIssue><Title>New England Journal</Title>
<ISOAbbreviation>N Engl J Med</ISOAbbreviation></Journal>
<ArticleTitle>Statin for <i>stroke</i> prevention</ArticleTitle>
<ELocationID EIdType="doi">10.1056/x1</ELocationID>
<Abstract>
<AbstractText Label="IMPORTANCE" NlmCategory="BACKGROUND">Stroke is common.</AbstractText>
<AbstractText Label="WHAT WE DID" NlmCategory="METHODS">We randomized 2,000 adults.</AbstractText>
<AbstractText Label="RESULTS" NlmCategory="RESULTS">Stroke fell (HR 0.80; 95% CI, 0.70 to 0.91).</AbstractText>
<AbstractText Label="CONCLUSIONS AND RELEVANCE" NlmCategory="CONCLUSIONS">Statins help.</AbstractText>
</Abstract>
<AuthorList><Author><LastName>Lee</LastName><Initials>K</Initials></Author><Author><CollectiveName>STROKE Group</CollectiveName></Author></AuthorList>
<PublicationTypeList><PublicationType>Randomized Controlled Trial</PublicationType></PublicationTypeList>
</Article></MedlineCitation></PubmedArticle>
<PubmedArticle><MedlineCitation><PMID>44444444</PMID><Article><ArticleTitle>Second</ArticleTitle>
<Abstract><AbstractText>Unlabelled abstract text here.</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>
</PubmedArticleSet>
"""


def test_medline_many_records_continuations_and_missing_abstract(lit_settings):
    papers, warnings = read_input(lit_settings, MEDLINE)
    assert [p.pmid for p in papers] == ["11111111", "22222222"]
    p = papers[0]
    assert p.title == "Drug A versus placebo for asthma: a randomized controlled trial."
    assert p.authors == ["Smith J", "Jones AB"] and p.year == 2019 and p.journal == "Lancet"
    assert p.doi == "10.1000/xyz123" and "Randomized Controlled Trial" in p.publication_types
    assert "drug A or placebo" in p.text and p.source_format == "medline"
    assert papers[1].text == "" and any("22222222" in w and "no abstract" in w for w in warnings)


def test_medline_without_abstract_still_reads_the_title(read):
    results = read(MEDLINE)
    assert results[1].paper.title == "A cohort without an abstract."
    assert any("no abstract" in w for w in results[1].warnings)
    assert not any("22222222" in w for w in results[0].warnings)  # warnings stay with their paper


def test_ris_fields_and_record_without_er(lit_settings):
    papers, warnings = read_input(lit_settings, RIS.encode("utf-8"), "export.ris")
    assert [p.title for p in papers] == ["First paper on metformin", "Second paper, record not closed"]
    assert papers[0].year == 2018 and papers[0].doi == "10.1136/bmj.k1" and papers[0].journal == "BMJ"
    assert papers[1].text.startswith("A survey of 300 nurses")
    assert any("ER" in w for w in warnings)


def test_pubmed_xml_labels_categories_and_metadata(lit_settings, read):
    from medcore.literature.headings import heading_map

    papers, _ = read_input(lit_settings, XML, known_heading=heading_map(lit_settings).known)
    p = papers[0]
    assert p.pmid == "33333333" and p.title == "Statin for stroke prevention" and p.year == 2017
    assert p.authors == ["Lee K", "STROKE Group"] and p.doi == "10.1056/x1" and p.journal == "N Engl J Med"
    # an unknown label ("WHAT WE DID") takes NLM's category; known labels stay as written
    assert [s[0] for s in p.sections] == ["IMPORTANCE", "METHODS", "RESULTS", "CONCLUSIONS AND RELEVANCE"]
    r = read(XML)[0]
    assert [(s.role, s.role_source) for s in r.paper.sentences] == [
        ("background", "heading"), ("methods", "heading"), ("results", "heading"), ("conclusions", "heading")]
    assert r.design.kind == "rct" and r.effects[0].measure == "HR"
    assert read(XML)[1].paper.text == "Unlabelled abstract text here."


@pytest.mark.parametrize("bad, message", [
    (XML[: len(XML) // 2], "not well-formed"),
    ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><PubmedArticleSet>&a;</PubmedArticleSet>', "entities"),
    ('<?xml version="1.0"?><Other/>', "no PubmedArticle"),
])
def test_broken_or_hostile_xml_gets_a_clear_message(lit_settings, bad, message):
    with pytest.raises(LiteratureInputError, match=message):
        read_input(lit_settings, bad, "export.xml")


@pytest.mark.parametrize("data", ["", "   \n ", b"", b"\n\n"])
def test_empty_input(lit_settings, data):
    with pytest.raises(LiteratureInputError, match="Nothing to read"):
        read_input(lit_settings, data)


def test_huge_input_refused(lit_settings):
    small = dataclasses.replace(lit_settings, max_upload_mb=1)
    with pytest.raises(LiteratureInputError, match="limit is 1 MB"):
        read_input(small, b"a" * (1024 * 1024 + 10), "big.txt")
    tiny = dataclasses.replace(lit_settings, max_note_chars=100)
    with pytest.raises(LiteratureInputError, match="characters"):
        read_input(tiny, "word " * 100)


def test_unrecognised_binary_file(lit_settings):
    with pytest.raises(LiteratureInputError, match="not"):
        read_input(lit_settings, bytes(range(256)) * 20, "image.bin")


def test_pasted_text_title_line(lit_settings):
    papers, _ = read_input(lit_settings, "Aspirin after stroke\nWe studied 40 patients. It helped.")
    assert papers[0].title == "Aspirin after stroke" and papers[0].text.startswith("We studied")


FULL_TEXT_PAGES = [
    "Vitamin D and falls in older adults: a randomised trial\n\nAbstract\nWe tested vitamin D.\n\n"
    "1. Introduction\nFalls are a common cause of injury in older adults. Vitamin D may reduce falls.",
    "2. Methods\nA total of 412 adults aged 70 years and older were randomly assigned to vitamin D 800 IU daily "
    "or placebo in this double-blind trial. The primary outcome was the rate of falls.",
    "3. Results\nFalls were fewer with vitamin D (rate ratio 0.78, 95% CI 0.64 to 0.95; P = .01).\n\n"
    "4. Discussion\nVitamin D reduced falls. Our study was limited by a short follow-up.\n\nReferences\n"
    "1. Smith J. Falls. Lancet 2001.",
]


def test_pdf_with_text_layer_reads_sections_and_drops_references(lit_settings, read):
    data = make_pdf(FULL_TEXT_PAGES, title="Vitamin D trial")
    papers, warnings = read_input(lit_settings, data, "paper.pdf")
    p = papers[0]
    assert p.source_format == "pdf" and p.is_full_text and p.title == "Vitamin D trial" and not warnings
    r = read(data, "paper.pdf")[0]
    sections = {s.section for s in r.paper.sentences}
    assert {"Abstract", "1. Introduction", "2. Methods", "3. Results", "4. Discussion"} <= sections
    assert not any("Smith J" in s.text for s in r.paper.sentences)
    assert r.pico.population.n == 412 and r.design.kind == "rct" and r.design.blinding == "double-blind"
    assert [(e.measure, e.value, e.ci_low, e.ci_high) for e in r.effects] == [("IRR", 0.78, 0.64, 0.95)]
    assert r.limitations and "limited" in r.paper.sentences[r.limitations[0]].text


def test_pdf_without_text_layer(lit_settings):
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(3):
        pdf.add_page()
        pdf.rect(20, 20, 100, 150, style="F")  # a scan is pictures, no text
    with pytest.raises(LiteratureInputError, match="no text layer"):
        read_input(lit_settings, bytes(pdf.output()), "scan.pdf")


def test_encrypted_pdf(lit_settings):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf(FULL_TEXT_PAGES))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(LiteratureInputError, match="password-protected"):
        read_input(lit_settings, buf.getvalue(), "locked.pdf")


@pytest.mark.parametrize("data", [b"%PDF-1.4\n%garbage that is not a pdf\n", make_pdf(["x" * 50])[:300]])
def test_corrupt_pdf(lit_settings, data):
    with pytest.raises(LiteratureInputError, match="(damaged|no text layer|no pages)"):
        read_input(lit_settings, data, "broken.pdf")


def test_pdf_page_cap(lit_settings, monkeypatch):
    from medcore.literature import inputs

    monkeypatch.setattr(inputs, "MAX_PDF_PAGES", 2)
    with pytest.raises(LiteratureInputError, match="3 pages"):
        read_input(lit_settings, make_pdf(FULL_TEXT_PAGES), "long.pdf")


def test_pdf_text_cut_at_the_character_cap(lit_settings):
    small = dataclasses.replace(lit_settings, max_note_chars=300)
    papers, warnings = read_input(small, make_pdf(FULL_TEXT_PAGES), "paper.pdf")
    assert len(papers[0].text) <= 300 and any("cut" in w for w in warnings)


def test_pdf_page_with_an_oversized_content_stream_is_skipped(lit_settings, monkeypatch):
    from medcore.literature import inputs

    pages = FULL_TEXT_PAGES[:2] + ["x " * 3000]
    monkeypatch.setattr(inputs, "MAX_PAGE_STREAM_BYTES", 5_000)
    papers, warnings = read_input(lit_settings, make_pdf(pages), "paper.pdf")
    assert any("page 3 was skipped" in w for w in warnings), warnings
    monkeypatch.setattr(inputs, "MAX_PAGE_STREAM_BYTES", 10)
    with pytest.raises(LiteratureInputError, match="far too large"):
        read_input(lit_settings, make_pdf(pages), "paper.pdf")


def test_pdf_without_metadata_title_takes_its_first_line(lit_settings):
    papers, _ = read_input(lit_settings, make_pdf(FULL_TEXT_PAGES), "paper.pdf")
    assert papers[0].title == "Vitamin D and falls in older adults: a randomised trial"
