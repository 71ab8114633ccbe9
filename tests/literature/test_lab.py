"""The Model lab's literature section: what it shows, and that "Train" starts the `train literature` job."""

from __future__ import annotations

_LAB = ("from ui.loaders import get_settings, get_store\n"
        "import ui.lab_literature as lab\n"
        "lab.render(get_settings(), get_store())\n")


def test_lab_shows_the_classifier_and_starts_the_job(settings, store, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from medcore import jobs
    from medcore.literature import role_data

    started = []
    monkeypatch.setattr(role_data, "pubmedqa_path", lambda *a, **k: settings.data_dir)
    monkeypatch.setattr(jobs, "start_job", lambda store_, settings_, kind, name, argv, **kw: started.append(
        (kind, argv)) or jobs.create_job(store_, kind, name, argv))
    at = AppTest.from_string(_LAB, default_timeout=60)
    at.run()
    assert not at.exception and not at.error
    assert any("classifier" in c.value for c in at.caption)
    assert at.metric[0].value == "0"
    at.number_input(key="lab_lit_steps").set_value(20)
    next(b for b in at.button if b.label == "Train").click()
    at.run()
    assert not at.exception
    assert started and started[0][0] == "literature" and started[0][1][:4] == ["train", "literature", "--steps", "20"]
