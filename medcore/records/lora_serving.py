"""Using a trained LoRA adapter: the active one for a base model, loaded once per process behind a lock, as a
text backend the narrative can use; and the generation eval (grounding pass rate and ROUGE-L of adapted text)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from medcore.records.lora import MODEL_KIND, load_base

log = logging.getLogger(__name__)


class _Fixed:
    """Hands an already generated text to phrasing.phrase, so the grounding rule is applied exactly once, there."""

    name, local = "hf", True

    def __init__(self, text: str, label: str):
        self.text, self.label = text, label

    def generate(self, prompt, **kw):
        return self.text


def generation_eval(settings, base: str | Path, adapter: str | Path | None = None, *, split: str = "heldout",
                    max_new_tokens: int = 160, limit: int | None = None, progress=None) -> dict:
    """Generate the narrative for each annotated note of `split` that has a reference, with the base
    model or base + adapter, and measure what the product cares about: how often the text passes
    the grounding check, and ROUGE-L against the reference of the model's text and of the text shown
    (the model's when grounded, else the template)."""
    from medcore.llm.hf_backend import HFBackend
    from medcore.llm.phrasing import phrase
    from medcore.records import kb as kb_mod
    from medcore.records.corpus import annotated_notes
    from medcore.records.textmetrics import rouge_l
    from medcore.records.prompt import allowed_terms, narrative_prompt, vocabulary
    from medcore.records.pipeline import analyze

    kb = kb_mod.load(settings)
    vocab = vocabulary(kb)
    backend = HFBackend(Path(base).resolve(), max_new_tokens=max_new_tokens)
    if adapter is not None:
        backend = _adapted_backend_class()(backend, str(adapter), 0)
    notes = [n for n in annotated_notes(settings, split) if n.reference_summary][:limit]
    rows = []
    for i, note in enumerate(notes):
        a = analyze(note.text, kb)
        prompt = narrative_prompt(a)
        text = backend.generate(prompt).strip()
        shown = phrase(_Fixed(text, backend.label), prompt, allowed_terms=allowed_terms(a), vocabulary=vocab)
        rows.append({"note": note.id, "grounded": shown.source == "model", "unsupported": shown.unsupported[:5],
                     "rouge_l_model": round(rouge_l(text, note.reference_summary), 4),
                     "rouge_l_shown": round(rouge_l(shown.text, note.reference_summary), 4), "text": text})
        if progress:
            progress(i + 1, len(notes))
    n = max(1, len(rows))
    return {"notes": len(rows), "grounded_rate": round(sum(r["grounded"] for r in rows) / n, 4),
            "rouge_l_model": round(sum(r["rouge_l_model"] for r in rows) / n, 4),
            "rouge_l_shown": round(sum(r["rouge_l_shown"] for r in rows) / n, 4), "per_note": rows}


# ---- using an adapter ---------------------------------------------------------------------------
def active_adapter(store, base_path: str | Path):
    """The active records-lora model when it was trained on this base model and its folder exists."""
    if store is None:
        return None
    rec = store.active_model(MODEL_KIND)
    if rec is None or not Path(rec.path).is_dir():
        return None
    if rec.config.get("base_model") != str(Path(base_path).expanduser().resolve()):
        return None
    return rec


def apply_adapter(model, adapter_path: str | Path):
    """Wrap a loaded base model with a saved adapter (the base model's modules are modified in place)."""
    from peft import PeftModel

    return PeftModel.from_pretrained(model, str(adapter_path)).eval()


# One adapted model per process: loading the base and the adapter again for every note would cost
# seconds each time. Keyed by (base, adapter), so activating another adapter reloads.
_loaded: dict[tuple[str, str], tuple[object, object, threading.Lock]] = {}
_loaded_lock = threading.Lock()


def _adapted(base_path: Path, adapter_path: str, device):
    key = (str(base_path), str(adapter_path))
    with _loaded_lock:
        if key not in _loaded:
            from medcore.runtime import apply_thread_policy

            apply_thread_policy()
            from medcore.llm.hf_backend import LOAD_LOCK

            with LOAD_LOCK:  # never two model loads at once in a process (transformers' meta-device init)
                tok, model = load_base(base_path, device)
            _loaded.clear()
            _loaded[key] = (tok, apply_adapter(model, adapter_path), threading.Lock())
        return _loaded[key]


def _adapted_backend_class():
    from medcore.llm.base import LLMError
    from medcore.llm.hf_backend import HFBackend

    class AdaptedBackend(HFBackend):
        """The base backend's model with a LoRA adapter; it generates exactly as HFBackend does."""

        def __init__(self, base, adapter_path: str, model_id: int):
            super().__init__(base.model_path, max_new_tokens=base.max_new_tokens,
                             label=f"{base.label} + LoRA adapter {model_id}", device=base.device)
            self.name = base.name
            self.base = base
            self.adapter_path = adapter_path
            self.model_id = model_id

        def _load(self):
            if self._model is not None:
                return
            try:
                tok, model, lock = _adapted(Path(self.model_path).resolve(), self.adapter_path, self.device)
            except (OSError, ValueError, ImportError) as exc:
                raise LLMError(f"could not load LoRA adapter {self.model_id}: {exc}") from exc
            self._tokenizer, self._model = tok, model
            self._lock = lock  # shared: one generation at a time on the shared model

        def generate(self, prompt, *, max_new_tokens=None, temperature=0.0):
            self._load()  # outside the lock below: _load swaps in the shared lock
            return super().generate(prompt, max_new_tokens=max_new_tokens, temperature=temperature)

        def stream(self, prompt, *, max_new_tokens=None, temperature=0.0):
            self._load()
            return super().stream(prompt, max_new_tokens=max_new_tokens, temperature=temperature)

    return AdaptedBackend


_stores: dict[str, object] = {}


def _store_for(settings):
    """One Store per database for callers that pass none (the eval loop asks once per note)."""
    from medcore.store import Store

    url = settings.resolved_database_url
    with _loaded_lock:
        if url not in _stores:
            _stores[url] = Store.open(settings)
        return _stores[url]


def with_active_adapter(backend, settings, store=None):
    """The backend with the active LoRA adapter applied, or the backend unchanged (not a local HF
    model, no adapter active, an adapter trained on another base, or peft missing)."""
    if backend.name not in ("hf", "embedded") or getattr(backend, "adapter_path", None):
        return backend
    path = getattr(backend, "model_path", None)
    if path is None or Path(path).suffix == ".gguf":
        return backend
    if store is None:
        try:
            store = _store_for(settings)
        except Exception:  # noqa: BLE001 - without a store there is no adapter; the base model still works
            log.debug("no store, so no LoRA adapter: the base model serves", exc_info=True)
            return backend
    rec = active_adapter(store, path)
    if rec is None:
        return backend
    try:
        import peft  # noqa: F401
    except ImportError:
        return backend
    return _adapted_backend_class()(backend, rec.path, rec.id)
