"""Issue 15 speed, session 19 (lit19): the role encoder runs in bfloat16 where the CPU multiplies bfloat16 in
hardware (AMX or AVX512-BF16), about twice as fast as float32, with the same roles: the 12-page PDF of 720 distinct
sentences without headings (test_s17_speed) went from about 5.2 to about 3 CPU s, and the dev roles are unchanged
(README, session 19). Elsewhere the encoder stays in float32 (emulated bfloat16 would be slower)."""

from __future__ import annotations

import pytest

from medcore.config import Settings, SettingsError

# Own words: one short abstract without headings, background to conclusions.
ABSTRACT = [
    "Falls are a frequent cause of injury in older adults living at home.",
    "We aimed to test whether a home exercise programme reduces falls over one year.",
    "We randomly assigned 412 adults aged 70 years or older to exercise or usual care.",
    "The primary outcome was the number of falls per person-year.",
    "Falls were fewer with exercise than with usual care (rate ratio 0.71, 95% CI 0.56 to 0.90).",
    "A home exercise programme reduced falls in older adults.",
]


def test_auto_picks_bfloat16_only_where_the_cpu_has_it(monkeypatch):
    pytest.importorskip("torch")
    from medcore.literature import role_model

    monkeypatch.setattr(role_model, "native_bfloat16", lambda: True)
    assert role_model.resolve_dtype("auto") == "bfloat16"
    monkeypatch.setattr(role_model, "native_bfloat16", lambda: False)
    assert role_model.resolve_dtype("auto") == "float32"
    assert role_model.resolve_dtype("float32") == "float32"
    with pytest.raises(SettingsError, match="MEDCORE_ROLE_ENCODER_DTYPE"):
        Settings(role_encoder_dtype="int8")
    assert Settings.load(env={"MEDCORE_ROLE_ENCODER_DTYPE": "float32"}, secrets={}).role_encoder_dtype == "float32"


def test_the_bfloat16_encoder_gives_the_float32_roles(lit_settings):
    torch = pytest.importorskip("torch")
    from medcore.literature import role_model, roles

    if not role_model.native_bfloat16():
        pytest.skip("this CPU has no native bfloat16: the reader keeps the float32 encoder")
    fast = roles.load_classifier(lit_settings)
    if not fast:
        pytest.skip("no role classifier installed")
    assert fast.dtype == "bfloat16"  # the reader's default ("auto") on this CPU
    assert {p.dtype for p in fast.model.parameters()} == {torch.bfloat16}
    exact = roles.load_classifier(lit_settings.replace(role_encoder_dtype="float32"))
    assert exact.dtype == "float32" and exact is not fast
    p_fast, p_exact = torch.tensor(fast.probabilities(ABSTRACT)), torch.tensor(exact.probabilities(ABSTRACT))
    assert (p_fast - p_exact).abs().max() < 0.05, (p_fast - p_exact).abs().max()
    assert [r for r, _ in fast.predict(ABSTRACT)] == [r for r, _ in exact.predict(ABSTRACT)]
