"""The plain-language summary: the template is written from the structured reading (session 18); a model's text is shown only when it
passes the grounding check, and any failure falls back to the template."""

from __future__ import annotations

from medcore.literature import narrative

from ._papers import paper


class FakeBackend:
    local = True

    def __init__(self, text, fail=False):
        self.text, self.fail, self.name, self.label = text, fail, "fake", "fake model"

    def generate(self, prompt, **kw):
        if self.fail:
            raise RuntimeError("boom")
        return self.text


def test_template_is_written_from_the_structured_reading():
    text = narrative.template_text(paper())
    assert text.startswith("This randomised controlled trial studied 200 participants with type 2 diabetes. "
                           "It compared metformin with placebo. The primary outcome was HbA1c.")
    assert "For HbA1c, the mean difference was -0.9 (95% CI -1.2 to -0.6), p<0.001: lower, significant" in text
    assert "Limitations" not in text, "no stated limitation adds nothing"
    assert narrative.template_text({}) == "The card holds nothing to summarise."


def test_grounded_model_text_is_shown(settings):
    said = narrative.summarise(settings, paper(), backend=FakeBackend(
        "In adults with type 2 diabetes, metformin lowered HbA1c compared with placebo."))
    assert said.source == "model" and said.text.startswith("In adults")


def test_a_drug_the_card_does_not_hold_falls_back_to_the_template(settings):
    said = narrative.summarise(settings, paper(), backend=FakeBackend("Metformin plus warfarin lowered HbA1c."))
    assert said.source == "template" and "warfarin" in said.note and said.text == narrative.template_text(paper())
    failed = narrative.summarise(settings, paper(), backend=FakeBackend("", fail=True))
    assert failed.source == "template" and "failed" in failed.note
