"""The hostile-input suite (tests/test_hostile_inputs.py) over the remaining entries (issue 14): the literature
reader's paste and its PubMed export parsers (MEDLINE, RIS, XML), health questions, the case trainer's typed
questions, the planner's patient JSON and the DICOM viewer. Each either answers or refuses with its module's
domain error, never another exception, and within a time budget."""

from __future__ import annotations

import io
from functools import lru_cache

import pytest
from hypothesis import example, given, strategies as st

from tests.test_hostile_inputs import PROPS, TEXT, _budget, _settings

# ---- literature reader ------------------------------------------------------------------------------------

_MEDLINE_TAGS = ["PMID", "TI  ", "AB  ", "FAU ", "AU  ", "DP  ", "TA  ", "JT  ", "PT  ", "LID ", "AID ", "XX  ", ""]
_RIS_TAGS = ["TY", "TI", "T1", "AB", "N2", "AU", "PY", "Y1", "JO", "DO", "AN", "ER", "ZZ", ""]


def _tagged(tags, sep):
    """Lines shaped like an export's tags, with hostile values (and continuation lines, blank lines, no tag)."""
    line = st.tuples(st.sampled_from(tags), st.sampled_from([sep, "-", "", "  "]), TEXT.map(lambda t: t[:200]))
    return st.lists(line.map(lambda t: f"{t[0]}{t[1]}{t[2]}"), max_size=30).map("\n".join)


MEDLINE = st.tuples(st.just("PMID- 12345\n"), _tagged(_MEDLINE_TAGS, "- ")).map("".join)
RIS = st.tuples(st.just("TY  - JOUR\n"), _tagged(_RIS_TAGS, "  - "), st.sampled_from(["", "\nER  - "])).map("".join)
_XML_BITS = ["<PubmedArticleSet>", "</PubmedArticleSet>", "<PubmedArticle>", "</PubmedArticle>",
             "<MedlineCitation>", "</MedlineCitation>", "<PMID>1</PMID>", "<ArticleTitle>", "</ArticleTitle>",
             "<Abstract>", "</Abstract>", '<AbstractText Label="METHODS" NlmCategory="METHODS">', "</AbstractText>",
             "<Author><LastName>", "</LastName></Author>", "<PubDate><Year>", "</Year></PubDate>",
             '<ArticleId IdType="doi">', "</ArticleId>", "<!DOCTYPE PubmedArticleSet>", '<!ENTITY a "aaaa">',
             "<!DOCTYPE x [", "]>", "&a;", "&amp;", "&#0;", "<![CDATA[", "]]>", "<?xml version='1.0'?>", "<", ">"]
XML = st.lists(st.one_of(st.sampled_from(_XML_BITS), TEXT.map(lambda t: t[:80])), max_size=40).map("".join)
BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 or "")) * 10}">' for i in range(1, 10))
                  + ']><PubmedArticleSet><PubmedArticle><MedlineCitation><ArticleTitle>&lol9;</ArticleTitle>'
                    '</MedlineCitation></PubmedArticle></PubmedArticleSet>')


@lru_cache(maxsize=1)
def _literature():
    """The sentence-role classifier, the heading map and the terminology, loaded once outside the budgets."""
    from medcore.literature import roles
    from medcore.literature.headings import heading_map
    from medcore.literature.service import _terminology

    s = _settings()
    return roles.load_classifier(s) or False, _terminology(s), heading_map(s)


def _read_or_refuse(data, filename=None, budget=10.0):
    from medcore.literature.errors import LiteratureInputError
    from medcore.literature.service import read_paper

    classifier, term, _ = _literature()
    with _budget(budget):
        try:
            results = read_paper(_settings(), data, filename, classifier=classifier, term=term)
        except LiteratureInputError as exc:
            assert str(exc)
            return None
    assert results and all(r.paper is not None for r in results)
    return results


@given(TEXT)
@PROPS
def test_literature_reader_reads_any_paste(text):
    _read_or_refuse(text)


@given(st.one_of(MEDLINE, RIS, XML), st.sampled_from([None, "x.nbib", "x.ris", "x.xml", "x.txt", "x.bin"]),
       st.booleans())
@example(BILLION_LAUGHS, "x.xml", False)
@example("PMID- 1\nAB  - " + "a " * 40_000, None, False)
@PROPS
def test_literature_exports_parse_or_refuse(text, filename, as_bytes):
    """What the page's Upload tab gives: the export's text or its bytes, with the file's name."""
    _read_or_refuse(text.encode("utf-8", "surrogatepass") if as_bytes else text, filename)


@pytest.mark.parametrize("parser,strategy", [("parse_medline", MEDLINE), ("parse_ris", RIS),
                                             ("parse_pubmed_xml", XML)])
def test_each_export_parser_parses_or_refuses(parser, strategy):
    """The parsers on their own (the reader picks one by sniffing, so some shapes reach only one of them)."""
    from medcore.literature import exports
    from medcore.literature.errors import LiteratureInputError

    fn = getattr(exports, parser)

    @given(strategy)
    @PROPS
    def check(text):
        with _budget(3.0):
            try:
                papers, warnings = fn(text)
            except LiteratureInputError as exc:
                assert str(exc)
                return
        assert isinstance(papers, list) and all(isinstance(w, str) for w in warnings)

    check()


# ---- health questions, case trainer ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _qa_engine():
    from medcore.qa import service

    return service.engine(_settings())


@given(TEXT, st.one_of(st.none(), st.dictionaries(st.sampled_from(["topic", "page", "kind", "x"]),
                                                  st.one_of(st.none(), st.text(max_size=20), st.integers()),
                                                  max_size=3)))
@example("?" * 20_000, None)
@PROPS
def test_health_questions_answer_or_say_why(text, context):
    """`medcore qa`: any question (and any follow-up context) is answered or refused with a ValueError message."""
    from medcore.qa import service

    eng = _qa_engine()  # pages, index and engines built once, outside the budget
    with _budget(5.0):
        try:
            answer = service.ask(_settings(), text, context, eng=eng)
        except ValueError as exc:
            assert str(exc)
            return
    assert answer is not None


@lru_cache(maxsize=1)
def _trainer():
    from medcore.cases.service import CaseTrainer

    return CaseTrainer.from_settings(_settings())


@given(st.one_of(TEXT, TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")), st.none()), st.integers(0, 50))
@PROPS
def test_case_trainer_answers_any_question(question, seed):
    from medcore.cases import service

    tr = _trainer()
    state = service.new_session(tr, seed)
    with _budget(2.0):
        try:
            out = service.ask(tr, state, question)
        except service.SessionError as exc:
            assert str(exc)
            return
    assert out["transcript"][-1]["role"] == "patient" and isinstance(out["transcript"][-1]["text"], str)


# ---- planner patient JSON -------------------------------------------------------------------------------------

_PATIENT_KEYS = ["age", "sex", "gender", "weight_kg", "weight", "weight_unit", "height_cm", "height", "height_unit",
                 "scr", "scr_mg_dl", "scr_unit", "egfr", "child_pugh", "pregnant", "lactating", "breastfeeding",
                 "allergies", "conditions", "medications", "stopped_medications", "genotypes", "weight_rule", "label",
                 "substance", "reaction", "drug", "dose", "name", "text"]
_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
                    st.sampled_from(["40", "female", "M", "kg", "lb", "mg/dL", "umol/L", "A", "C", "cm", "in", "1e400",
                                     "CYP2C19", "*1/*2", "penicillin", "warfarin 5 mg daily", "stopped 3 days ago"]))
PATIENT_JSON = st.recursive(_SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(_PATIENT_KEYS), inner, max_size=8)), max_leaves=30)
PATIENT = st.one_of(st.dictionaries(st.sampled_from(_PATIENT_KEYS), PATIENT_JSON, max_size=12), PATIENT_JSON)


@given(PATIENT)
@example({"age": 50, "sex": "female", "weight": 1e308, "weight_unit": "lb"})
@example({"age": 50, "sex": "male", "medications": [{"drug": ["x"]}], "allergies": [[]], "genotypes": {"": 1}})
@PROPS
def test_planner_patient_json_parses_or_lists_its_problems(data):
    """A patient JSON file (or a hand-off): a Patient, or ProfileError with what is wrong."""
    from medcore.therapy.profile import Patient, ProfileError, parse_patient

    with _budget(1.0):
        try:
            patient, warnings = parse_patient(data)
        except ProfileError as exc:
            assert exc.problems and all(isinstance(p, str) and p for p in exc.problems)
            return
    assert isinstance(patient, Patient) and all(isinstance(w, str) for w in warnings)


# ---- DICOM viewer ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _dicom_samples() -> tuple[bytes, ...]:
    """Small valid DICOM files made in code: plain, deflated, multi-frame, with window tags."""
    import numpy as np
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import (DeflatedExplicitVRLittleEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian,
                             SecondaryCaptureImageStorage, generate_uid)

    out = []
    for syntax, frames, bits in ((ExplicitVRLittleEndian, 1, 16), (DeflatedExplicitVRLittleEndian, 1, 8),
                                 (ImplicitVRLittleEndian, 3, 8)):
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = SecondaryCaptureImageStorage
        meta.MediaStorageSOPInstanceUID = generate_uid()
        meta.TransferSyntaxUID = syntax
        ds = Dataset()
        ds.file_meta = meta
        ds.SOPClassUID, ds.SOPInstanceUID = SecondaryCaptureImageStorage, meta.MediaStorageSOPInstanceUID
        ds.Rows, ds.Columns, ds.SamplesPerPixel = 8, 8, 1
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = bits, bits, bits - 1, 0
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.WindowCenter, ds.WindowWidth, ds.RescaleSlope, ds.RescaleIntercept = "40", "400", "1", "-1024"
        if frames > 1:
            ds.NumberOfFrames = frames
        px = (np.arange(8 * 8 * frames) % 200).astype(np.uint16 if bits == 16 else np.uint8)
        ds.PixelData = px.tobytes()
        buf = io.BytesIO()
        ds.save_as(buf, enforce_file_format=True)
        out.append(buf.getvalue())
    return tuple(out)


def _mutated():
    """A valid sample with bytes overwritten, cut short or spliced: what a damaged or crafted file looks like."""
    @st.composite
    def build(draw):
        data = bytearray(_dicom_samples()[draw(st.integers(0, 2))])
        for _ in range(draw(st.integers(0, 8))):
            at = draw(st.integers(0, len(data) - 1))
            data[at:at + 4] = draw(st.binary(min_size=1, max_size=4))
        cut = draw(st.one_of(st.none(), st.integers(0, len(data))))
        return bytes(data[:cut] if cut is not None else data)

    return build()


DICOM = st.one_of(st.binary(max_size=1000), st.binary(max_size=600).map(lambda b: b"\0" * 128 + b"DICM" + b),
                  _mutated())


@given(DICOM)
@PROPS
def test_dicom_viewer_shows_or_refuses_any_file(data):
    from medcore.imaging.images import DatasetError
    from medcore.imaging.viewing import read_dicom_view, render_dicom

    s = _settings().replace(max_file_mb=1, max_image_pixels=1_000_000)
    with _budget(3.0):
        try:
            view = read_dicom_view(data, s)
        except DatasetError as exc:
            assert str(exc)
            return
        img = render_dicom(view, view.center, view.width, 2)
    assert img.dtype.name == "uint8" and img.size > 0


def test_the_dicom_samples_are_read_whole():
    """The mutation strategy starts from files the viewer does read (else it would test only refusals)."""
    from medcore.imaging.viewing import read_dicom_view

    for data in _dicom_samples():
        assert read_dicom_view(data, _settings()).pixels.shape == (8, 8)
