from medcore.records import render
from medcore.deid import deidentify
from medcore.records.text import Sentence


def test_note_text_is_escaped():
    html = render.highlight("<script>alert(1)</script> chest pain", [(27, 37, "#fff", "x'><b>")])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "x&#x27;&gt;&lt;b&gt;" in html


def test_redaction_views_mark_the_same_count():
    d = deidentify("Patient: Harold Jenkins, MRN 00482913, seen 03/02/2026.", shift_days=-3)
    left, right = render.redaction_views("Patient: Harold Jenkins, MRN 00482913, seen 03/02/2026.", d)
    assert left.count("<mark") == right.count("<mark") == len(d.spans)
    assert "[NAME]" in right and "02/27/2026" in right


def test_source_view_starts_near_the_sentence():
    text = "\n".join(f"line {i}" for i in range(40))
    i = text.index("line 30")
    html = render.source_view(text, Sentence(30, i, i + 7, "line 30"))
    assert "characters above" in html and "line 2\n" not in html and "<mark" in html
