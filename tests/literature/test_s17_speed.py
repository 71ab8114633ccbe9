"""Issue 15 speed, session 17 (lit17): a 12-page PDF without headings whose 720 sentences are all distinct (nothing
for the encoder to reuse) is read within the 5 s budget. Before, the encoder laid sentences end to end in
512-token sequences, and attention over those (mostly masked-out) scores took about a quarter of the time: 5.6 CPU
s at session 16. Now short rows (at most PACK_TOKENS) run together in one batch."""

from __future__ import annotations

import pytest

from tests.literature.test_s16_speed import _cpu_seconds_of_a_warm_read


def test_packed_rows_hold_each_sentence_once_and_stay_short():
    from medcore.literature import role_net

    lens = [60, 7, 33, 33, 12, 64, 5, 90, 1, 40, 22, 22, 22]
    rows = role_net._pack_rows(lens, 64)
    assert sorted(i for row in rows for i in row) == list(range(len(lens)))
    assert all(sum(lens[i] for i in row) <= 64 or len(row) == 1 for row in rows)  # 90 alone: it fits no row
    assert len(rows) == 7  # best fit: 411 tokens in 7 rows of 64 (6.4 is the least)
    assert rows == role_net._pack_rows(lens, 64)  # deterministic


def test_the_encoder_attends_over_short_rows_batched_together(lit_settings, monkeypatch):
    """The old packing ran one (1, 512) sequence per call, attention 512 wide; now every layer call sees a batch
    of rows no wider than PACK_TOKENS."""
    torch = pytest.importorskip("torch")
    from medcore.literature import role_net, roles

    clf = roles.load_classifier(lit_settings)
    if not clf:
        pytest.skip("no role classifier installed")
    shapes = []
    layer = role_net.bert_of(clf.model).encoder.layer[0]
    hook = layer.register_forward_pre_hook(lambda mod, args: shapes.append(tuple(args[0].shape[:2])))
    try:
        sents = [f"Patients in cohort {k} were followed for a median of {k + 3} months after surgery."
                 for k in range(120)]
        probs = clf.probabilities(sents)
    finally:
        hook.remove()
    assert len(probs) == 120
    assert all(width <= role_net.PACK_TOKENS for _, width in shapes), shapes
    assert max(rows for rows, _ in shapes) > 1, shapes  # rows batched, not one sequence per call
    clf = roles.load_classifier(lit_settings.replace(role_encoder_dtype="float32"))  # exact in float32 only
    with torch.inference_mode():  # the padded forward, sentence by sentence: same vectors
        few = sents[:5]
        full = role_net.full_forward(clf.model, role_net.tokenize(clf.tok, few, clf.cfg.max_len))
        packed = role_net.packed_forward(clf.model, role_net.tokenize(clf.tok, few, clf.cfg.max_len))
    assert torch.allclose(full, packed, atol=1e-5)


def test_a_twelve_page_pdf_of_distinct_sentences_without_headings_within_five_seconds(lit_settings, term):
    pytest.importorskip("torch")
    pytest.importorskip("fpdf")
    from bench.literature_read import BUDGETS, twelve_page_pdf
    from medcore.literature import roles

    clf = roles.load_classifier(lit_settings)
    if not clf:
        pytest.skip("no role classifier installed")
    first, spent = _cpu_seconds_of_a_warm_read(lit_settings, term, twelve_page_pdf(headings=False, distinct=True), clf)
    texts = [s.text for s in first.paper.sentences]
    assert len(set(texts)) > 600 and first.effects
    assert sum(s.role_source == "classifier" for s in first.paper.sentences) > 600
    assert spent <= BUDGETS["pdf_12_pages_s"], spent
