import numpy as np

from medcore.auth import SYSTEM
from medcore.llm.base import Prompt
from medcore.records import inputs, service
from medcore.records.evaluate import rouge_l


class FakeBackend:
    local = True

    def __init__(self, text, name="fake"):
        self.text, self.name, self.label = text, name, f"{name} model"

    def generate(self, prompt, **kw):
        assert isinstance(prompt, Prompt)
        return self.text

    def stream(self, prompt, **kw):
        yield self.generate(prompt)


NOTE = ("HPI: 68-year-old man with heart failure admitted with shortness of breath.\n"
        "Medications: Furosemide 40 mg PO daily (new).\nAllergies: penicillin (hives).\n"
        "Plan: Follow up with cardiology in 1 week.\n")


def run(settings, backend):
    return service.summarize_input(inputs.from_paste(NOTE, settings), settings, user=SYSTEM, backend=backend).narrative


def test_grounded_model_text_is_used(settings, fast_embed):
    n = run(settings, FakeBackend("A 68-year-old man with heart failure was started on furosemide 40 mg daily."))
    assert n.method == "language model" and "furosemide" in n.text


def test_invented_drug_falls_back_to_extractive(settings, fast_embed):
    n = run(settings, FakeBackend("Started on furosemide 40 mg and warfarin 5 mg."))
    assert n.method == "extractive" and "warfarin" not in n.text
    assert "warfarin" in n.note or "5 mg" in n.note


def test_invented_dose_falls_back(settings, fast_embed):
    n = run(settings, FakeBackend("Furosemide 80 mg daily was started."))
    assert n.method == "extractive"


def test_template_backend_gives_extractive_and_says_so(settings, fast_embed):
    from medcore.llm.template import TemplateBackend

    n = run(settings, TemplateBackend())
    assert n.method == "extractive" and "no language model" in n.note and n.sentences


def test_no_embedding_model_falls_back_to_template(settings, monkeypatch):
    import medcore.embeddings
    from medcore.llm.template import TemplateBackend
    from medcore.records import narrative

    def missing(texts, batch_size=64):
        raise FileNotFoundError("all-MiniLM-L6-v2 is not installed")

    monkeypatch.setattr(medcore.embeddings, "embed", missing)
    narrative._cache.clear()
    n = run(settings, TemplateBackend())
    assert n.method == "template" and "furosemide" in n.text


def test_centrality_prefers_the_hub():
    from medcore.records.narrative import centrality

    v = np.array([[1, 0], [0.95, 0.31], [0.95, -0.31], [-0.3, 0.95]], dtype=np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    c = centrality(v)
    assert c.argmax() == 0 and c.argmin() == 3


def test_rouge_l():
    assert rouge_l("the cat sat", "the cat sat") == 1.0
    assert rouge_l("", "x") == 0.0
    assert abs(rouge_l("a b c d", "a c e") - 0.5714) < 1e-3  # LCS 2: P 2/4, R 2/3


def test_long_note_caps_embedding_work(settings, fast_embed, monkeypatch):
    import medcore.embeddings
    from medcore.records import kb as kb_mod
    from medcore.records.narrative import MAX_CANDIDATES, extractive
    from medcore.records.pipeline import analyze

    seen = []

    def counting(texts, batch_size=64):
        seen.append(len(texts))
        return fast_embed(texts)

    monkeypatch.setattr(medcore.embeddings, "embed", counting)
    text = "".join(f"Day {i}: the patient reports cough number {i} and walks today.\n" for i in range(600))
    chosen, _ = extractive(analyze(text, kb_mod.load(settings)))
    assert chosen and sum(seen) <= MAX_CANDIDATES


def test_candidates_skip_sentences_with_identifiers_as_a_scan_would(settings):
    """The binary search over identifier spans keeps exactly the sentences a scan of every span keeps."""
    from medcore.records import kb as kb_mod
    from medcore.records.candidates import _PHI_HEAVY, _LIST_SECTIONS, candidates
    from medcore.records.corpus import annotated_notes
    from medcore.records.pipeline import analyze

    kb = kb_mod.load(settings)
    texts = [n.text for n in annotated_notes(settings, "dev")[:8]]
    texts.append("".join(f"Seen today, call 555-010{i % 10} or write to pt{i}@example.org about the cough and fever.\n"
                         f"The patient walks well and eats normally on day {i} of the admission.\n" for i in range(40)))
    for text in texts:
        a = analyze(text, kb)
        heavy = [(s.start, s.end) for s in a.deid.spans if s.type in _PHI_HEAVY]
        got = candidates(a)
        for s in a.sentences:
            if s.index in got:
                assert not any(x < s.end and s.start < y for x, y in heavy), s.text
            elif s.section not in _LIST_SECTIONS and len(s.text.split()) >= 5 and \
                    not any(x < s.end and s.start < y for x, y in heavy):
                assert s.text.strip().upper() == s.text.strip(), s.text  # left out only as a header line
    assert any(s.index not in candidates(a) for s in a.sentences if "555-" in s.text)
    assert any(s.index in candidates(a) for s in a.sentences if "walks well" in s.text)
