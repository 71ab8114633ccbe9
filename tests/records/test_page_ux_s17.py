"""AppTest of the record summarizer as a clinician uses it (session 17 UX pass): a summary never passes for the
summary of a note the box no longer holds."""

from streamlit.testing.v1 import AppTest

from tests.records.test_page import PAGE

NOTE = ("ED note. 34-year-old woman with sharp chest pain for 2 hours. ECG normal. Troponin negative.\n"
        "Assessment: costochondritis. Plan: ibuprofen 400 mg three times daily.\n")


def _summarize(at):
    next(b for b in at.button if b.label == "Summarize pasted note").click()
    return at.run()


def _changed(at) -> bool:
    return any("changed since this summary" in w.value for w in at.warning)


def test_editing_the_box_after_a_summary_says_the_summary_is_of_the_earlier_note(settings, fast_embed):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    at.text_area(key="rec_input").set_value(NOTE)
    _summarize(at)
    assert not at.exception and not at.error and not _changed(at)
    at.text_area(key="rec_input").set_value(NOTE.replace("costochondritis", "pulmonary embolism")).run()
    assert _changed(at)  # the summary below still says costochondritis
    _summarize(at)
    assert not _changed(at)


def test_an_emptied_box_is_refused_and_the_old_summary_is_marked(settings, fast_embed):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    at.text_area(key="rec_input").set_value(NOTE)
    _summarize(at)
    at.text_area(key="rec_input").set_value("   ")
    _summarize(at)
    assert any("empty" in e.value for e in at.error) and _changed(at)


def test_a_sample_note_is_not_marked_changed(settings, fast_embed):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    next(b for b in at.button if b.label == "Load and summarize sample").click()
    at.run()
    assert not at.exception and not _changed(at)
    assert at.text_area(key="rec_input").value  # the sample is in the box
