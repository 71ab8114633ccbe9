"""Tool status for Home: the KB, the vignettes, MiniLM, the optional MLP.

What the KB holds and whether it loads is read from `medcore.status_cache` (worked out once per version of the
triage KB files and code, kept on disk): Home and the symptom chat's first render load no KB (issue 14, speed)."""

from __future__ import annotations

from pathlib import Path

from medcore import status_cache
from medcore.status import Component, kb_loads


def _files(kb_dir) -> list[str]:
    return status_cache.files_under(_triage_dir(kb_dir)) + status_cache.code_files("triage")


def kb_counts(settings) -> dict:
    """kb_stats of the triage KB, as it loads now. Raises KBError (or OSError) when it does not load."""

    def count() -> dict:
        from medcore.triage.kb import kb_stats, load_kb

        return kb_stats(load_kb(settings.kb_dir))

    return status_cache.cached("triage-kb", settings.data_dir, _files(settings.kb_dir), count, ship=settings.status_ship)


def check(settings) -> list[Component]:
    from medcore.triage.kb import KBError

    out = []
    try:
        st = kb_counts(settings)
        out.append(Component("triage knowledge base", "knowledge base", True,
                             f"{st['conditions']} conditions, {st['findings']} findings, "
                             f"{st['likelihood_pairs']} likelihoods, {st['red_flag_rules']} red-flag rules"))
    except (KBError, OSError) as exc:
        return [Component("triage knowledge base", "knowledge base", False, str(exc))]
    try:
        got = status_cache.cached("triage-vignettes", settings.data_dir, _files(settings.kb_dir),
                                  lambda: dict(zip(("n", "held_out"), _vignette_counts_now(settings.kb_dir))),
                                  ship=settings.status_ship)
        out.append(Component("triage vignettes", "dataset", True, f"{got['n']} vignettes, {got['held_out']} held out"))
    except Exception as exc:  # noqa: BLE001
        out.append(Component("triage vignettes", "dataset", False, str(exc)))
    from medcore.embeddings import minilm_path

    ok = minilm_path() is not None
    out.append(Component("all-MiniLM-L6-v2", "model", ok,
                         "lay-language matching" if ok else "missing: synonym matching only"))
    try:
        from medcore.store import Store
        from medcore.triage.learn import MODEL_KIND

        store = Store.open(settings)
        rec = store.active_model(MODEL_KIND)
        store.engine.dispose()
        detail = ("not trained (optional; Model lab)" if rec is None else
                  f"{rec.name}: blend weight {rec.metrics.get('chosen_weight', 0)}")
        out.append(Component("triage MLP", "checkpoint", True, detail))
    except Exception as exc:  # noqa: BLE001 - the MLP is optional
        out.append(Component("triage MLP", "checkpoint", True, f"unavailable ({type(exc).__name__})"))
    return out


def _triage_dir(kb_dir) -> Path:
    d = Path(kb_dir)
    return d if d.name == "triage" else d / "triage"


def _vignette_counts_now(kb_dir) -> tuple[int, int]:
    """(vignettes, held out), validated as the evaluation loads them (about 1-2 s: kept by status_cache until a
    file changes)."""
    from medcore.triage.evaluate import load_vignettes
    from medcore.triage.kb import load_kb

    vs = load_vignettes(kb_dir, load_kb(kb_dir))
    return len(vs), sum(1 for v in vs if v.get("held_out"))


def engine_ready(settings) -> bool:
    """Whether the KB loads, read as the counts above: every symptom-chat run asks this."""
    from medcore.triage.kb import KBError

    return kb_loads(kb_counts, settings, (KBError, OSError))


def demo_payload(settings) -> dict:
    return {"text": "I'm a 58 year old man. I've had a heavy pressure in my chest for an hour, it spreads to my "
                    "left arm and I'm sweating.",
            "mode": "clinician"}
