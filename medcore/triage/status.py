"""Tool status for Home: the KB, the vignettes, MiniLM, the optional MLP."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from medcore.status import Component


def check(settings) -> list[Component]:
    from medcore.triage.kb import KBError, kb_stats, load_kb

    out = []
    try:
        kb = load_kb(settings.kb_dir)
        st = kb_stats(kb)
        out.append(Component("triage knowledge base", "knowledge base", True,
                             f"{st['conditions']} conditions, {st['findings']} findings, "
                             f"{st['likelihood_pairs']} likelihoods, {st['red_flag_rules']} red-flag rules"))
    except (KBError, OSError) as exc:
        return [Component("triage knowledge base", "knowledge base", False, str(exc))]
    try:
        from medcore.triage.evaluate import vignette_files

        files = vignette_files(_triage_dir(settings.kb_dir))
        n, held_out = _vignette_counts(settings.kb_dir, tuple((str(p), *_stamp(p)) for p in files))
        out.append(Component("triage vignettes", "dataset", True, f"{n} vignettes, {held_out} held out"))
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


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


@lru_cache(maxsize=4)
def _vignette_counts(kb_dir: str, _files: tuple) -> tuple[int, int]:
    """(vignettes, held out), validated as the evaluation loads them. Parsing every vignette file takes about
    2 s and Home shows this on every visit, so it is kept until a file changes (`_files`: paths, mtimes, sizes)."""
    from medcore.triage.evaluate import load_vignettes
    from medcore.triage.kb import load_kb

    vs = load_vignettes(kb_dir, load_kb(kb_dir))
    return len(vs), sum(1 for v in vs if v.get("held_out"))


def engine_ready(settings) -> bool:
    from medcore.triage.kb import KBError, load_kb

    try:
        load_kb(settings.kb_dir)
        return True
    except (KBError, OSError):
        return False


def demo_payload(settings) -> dict:
    return {"text": "I'm a 58 year old man. I've had a heavy pressure in my chest for an hour, it spreads to my "
                    "left arm and I'm sweating.",
            "mode": "clinician"}
