"""AppTest of the Literature reader's headline metrics (session 17 UX pass): they say what the card says."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.literature.test_page import PAGE, _button


def test_a_design_the_reader_cannot_name_is_not_reported_in_the_metric_as_in_the_card(settings):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    at.text_area(key="lit_text").set_value("Results: aspirin reduced stroke (OR 0.6, 95% CI 0.4 to 0.9).")
    _button(at, "Read pasted text").click()
    at.run()
    assert not at.exception and not at.error
    design = next(m for m in at.metric if m.label == "Design")
    assert design.value == "not reported"  # it said "unknown" above a card that says "not reported"
