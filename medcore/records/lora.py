"""LoRA adapters on the narrative model (the `hf` backend's local model, or the embedded SmolLM2
converted to safetensors), learned from clinicians.

Training examples pair the exact request the narrative makes (records.narrative.narrative_prompt,
built from the note's structured summary) with a summary a person wrote: the shipped dev notes'
reference summaries and every clinician correction stored by the page. Targets are de-identified
with the note's own date shift, as the facts are, so the model never learns to write a name or a
date the facts do not hold. Held-out notes are never trained on; their loss is only measured.

The loop is ours (no HF Trainer): batch 1, loss on the target tokens only, AdamW on the adapter
weights, progress through the jobs reporter, checkpoints as OUT/ckpt-NNNNNNNN folders written by
peft's save_pretrained plus state.json and optim.pt (the same layout as medcore.checkpoints, so
`checkpoints.latest` finds them). The adapter only changes how the model phrases; its output still
goes through the grounding check, which replaces anything that adds a fact."""

from __future__ import annotations

import json
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

MODEL_KIND = "records-lora"


@dataclass
class Example:
    prompt: object  # medcore.llm.base.Prompt
    target: str
    origin: str  # "reference:<note id>" | "correction:<feedback id>"


# ---- which base model ---------------------------------------------------------------------------
def base_model_path(settings) -> Path | None:
    """The local model directory the configured backend runs, or None when it is not a local HF model."""
    if settings.llm_backend == "hf" and settings.llm_model:
        return Path(settings.llm_model).expanduser().resolve()
    if settings.llm_backend == "embedded":
        from medcore.llm.embedded import converted_dir

        return converted_dir(settings.data_dir).resolve()
    return None


def ensure_base(settings, base: str | Path | None = None) -> Path:
    """A base model directory that transformers can load with local files only."""
    if base is not None:
        path = Path(base).expanduser().resolve()
    elif settings.llm_backend == "embedded":
        from medcore.llm.embedded import ensure_converted

        path = Path(ensure_converted(settings.data_dir)).resolve()
    else:
        path = base_model_path(settings)
    if path is None:
        raise ValueError("LoRA needs a local model: set the backend to `hf` (with MEDCORE_LLM_MODEL) or `embedded`, "
                         "or pass --base PATH")
    if path.suffix == ".gguf" or not (path / "config.json").exists():
        raise ValueError(f"{path} is not a Hugging Face model folder (config.json + safetensors); "
                         "convert a GGUF with save_pretrained first")
    return path


# ---- training data ------------------------------------------------------------------------------
def build_examples(settings, store=None, *, split: str = "dev") -> list[Example]:
    """(narrative prompt, human summary) pairs. split="dev" gives the training pairs (references +
    corrections); split="heldout" gives the held-out references, for measuring only."""
    from medcore.records import kb as kb_mod
    from medcore.records.corpus import annotated_notes
    from medcore.deid import deidentify
    from medcore.records.prompt import narrative_prompt
    from medcore.records.pipeline import analyze

    kb = kb_mod.load(settings)
    if split == "dev":
        from medcore.records.scorer import training_pairs

        # engine-built pairs are left out: they would teach the model to copy sentences, not to write
        pairs = [(n, s, o) for n, s, o in training_pairs(settings, store)
                 if o.startswith(("reference:", "correction:"))]
    else:
        pairs = [(n.text, n.reference_summary, f"reference:{n.id}")
                 for n in annotated_notes(settings, split) if n.reference_summary]
    out = []
    for text, summary, origin in pairs:
        a = analyze(text, kb)
        target = deidentify(summary, shift_days=a.deid.shift_days).text.strip()
        if target:
            out.append(Example(narrative_prompt(a), target, origin))
    return out


def encode(tokenizer, prompt, target: str, max_len: int = 1024) -> tuple[list[int], list[int]]:
    """input ids and labels (-100 on the prompt), formatted exactly as HFBackend formats a request."""
    if getattr(tokenizer, "chat_template", None):
        p_ids = tokenizer.apply_chat_template(prompt.messages(), add_generation_prompt=True, tokenize=True,
                                              return_dict=True)["input_ids"]
    else:
        p_ids = tokenizer(f"{prompt.system}\n\n{prompt.user_message()}\n\nAnswer:")["input_ids"]
    t_ids = tokenizer(" " + target if not getattr(tokenizer, "chat_template", None) else target,
                      add_special_tokens=False)["input_ids"]
    if tokenizer.eos_token_id is not None:
        t_ids = t_ids + [tokenizer.eos_token_id]
    p_ids = list(p_ids)
    t_ids = t_ids[: max_len // 2] if len(t_ids) > max_len // 2 else t_ids
    # keep the end of the prompt (the draft and the generation prompt) when it is too long
    p_ids = p_ids[-(max_len - len(t_ids)):]
    return p_ids + t_ids, [-100] * len(p_ids) + t_ids


# ---- model --------------------------------------------------------------------------------------
def load_base(path: str | Path, device="cpu"):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    model = AutoModelForCausalLM.from_pretrained(str(path), local_files_only=True)
    if tok.pad_token_id is None and tok.eos_token_id is not None:
        tok.pad_token = tok.eos_token
    return tok, model.to(device)


def target_modules(model) -> str:
    """Every linear layer but the output head (peft's "all-linear"): with only q/v adapted, a small model
    barely moves in a few dozen steps, and the MLP adapters cost little more."""
    return "all-linear"


def add_lora(model, rank: int = 8, alpha: int | None = None, dropout: float = 0.05):
    from peft import LoraConfig, get_peft_model

    cfg = LoraConfig(r=rank, lora_alpha=alpha or 2 * rank, lora_dropout=dropout, bias="none",
                     target_modules=target_modules(model), task_type="CAUSAL_LM")
    return get_peft_model(model, cfg)


def save_checkpoint(out_dir: Path, step: int, model, state: dict, optimizer=None, keep: int = 3) -> Path:
    from medcore.checkpoints import list_checkpoints, save_optimizer

    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / f"ckpt-{step:08d}"
    tmp = out_dir / f".tmp-ckpt-{step:08d}"
    shutil.rmtree(tmp, ignore_errors=True)
    model.save_pretrained(str(tmp))
    (tmp / "state.json").write_text(json.dumps({**state, "step": step}, indent=2, default=str))
    if optimizer is not None:
        save_optimizer(tmp, optimizer.state_dict())  # safetensors + JSON: resume never unpickles
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)  # atomic: a half-written checkpoint is never picked up
    for old in list_checkpoints(out_dir)[:-keep] if keep > 0 else []:
        shutil.rmtree(old, ignore_errors=True)
    return final


def _mean_loss(model, encoded, device) -> float | None:
    import torch

    if not encoded:
        return None
    model.eval()
    total = 0.0
    with torch.no_grad():
        for ids, labels in encoded:
            out = model(input_ids=torch.tensor([ids], device=device), labels=torch.tensor([labels], device=device))
            total += float(out.loss)
    return round(total / len(encoded), 4)


def train(settings, reporter, *, out_dir: str | Path, base: str | Path | None = None, steps: int = 60,
          rank: int = 8, lr: float = 2e-4, resume: bool = False, store=None, seed: int = 0,
          examples: list[Example] | None = None, heldout: list[Example] | None = None, max_len: int = 1024,
          save_every: int = 20) -> dict:
    import torch

    from medcore import checkpoints
    from medcore.jobs import JobCancelled
    from medcore.runtime import apply_thread_policy, seed_everything, select_device

    apply_thread_policy(settings.torch_threads)
    seed_everything(seed)
    base_path = ensure_base(settings, base)
    if examples is None:
        examples = build_examples(settings, store)
    if heldout is None:
        heldout = build_examples(settings, split="heldout")
    if not examples:
        raise ValueError("no training pairs: the shipped references and the clinician corrections are all empty")
    device = select_device(settings.device)
    tok, model = load_base(base_path, device)
    out_dir = Path(out_dir)
    start = 0
    ck = checkpoints.latest(out_dir) if resume else None
    state: dict = {}
    if ck is not None:
        from peft import PeftModel

        state = json.loads((ck / "state.json").read_text())
        if state.get("base_model") != str(base_path):
            raise ValueError(f"{ck} was trained on {state.get('base_model')}, not {base_path}")
        model = PeftModel.from_pretrained(model, str(ck), is_trainable=True)
        rank = int(state.get("rank", rank))
        start = int(state.get("step", 0))
    else:
        model = add_lora(model, rank)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.0)
    if ck is not None and (optim_state := checkpoints.load_optimizer(ck, map_location=device)) is not None:
        opt.load_state_dict(optim_state)
    enc = [encode(tok, e.prompt, e.target, max_len) for e in examples]
    enc_held = [encode(tok, e.prompt, e.target, max_len) for e in heldout]
    held_before = state.get("heldout_loss_before") if ck is not None else _mean_loss(model, enc_held, device)
    # a fixed order per pass, drawn from the seed, so a resumed run sees the same examples
    gen = torch.Generator().manual_seed(seed)
    order: list[int] = []
    while len(order) < steps:
        order += torch.randperm(len(enc), generator=gen).tolist()
    meta = {"base_model": str(base_path), "rank": rank, "lr": lr, "steps": steps, "seed": seed, "pairs": len(enc),
            "origins": sorted({e.origin.split(":")[0] for e in examples}), "heldout_loss_before": held_before}
    losses: list[float] = list(state.get("losses", []))
    for step in range(start, steps):
        model.train()
        ids, labels = enc[order[step]]
        out = model(input_ids=torch.tensor([ids], device=device), labels=torch.tensor([labels], device=device))
        opt.zero_grad()
        out.loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        losses.append(round(float(out.loss.detach()), 5))
        reporter.progress(step + 1, steps, losses[-1], metrics={"tokens": sum(x != -100 for x in labels)})
        if reporter.should_cancel():
            save_checkpoint(out_dir, step + 1, model, {**meta, "losses": losses}, opt)
            raise JobCancelled()
        if save_every and (step + 1) % save_every == 0 and step + 1 < steps:
            save_checkpoint(out_dir, step + 1, model, {**meta, "losses": losses}, opt)
    held_after = _mean_loss(model, enc_held, device)
    k = max(1, min(len(enc), len(losses) // 2))  # about one pass over the pairs at each end
    metrics = {"train_loss_first": round(sum(losses[:k]) / len(losses[:k]), 4) if losses else None,
               "train_loss_last": round(sum(losses[-k:]) / len(losses[-k:]), 4) if losses else None,
               "heldout_loss_before": held_before, "heldout_loss_after": held_after}
    final = save_checkpoint(out_dir, steps, model, {**meta, "losses": losses, "metrics": metrics}, opt)
    trainable = sum(p.numel() for p in params)
    return {"checkpoint": str(final), "base_model": str(base_path), "pairs": len(enc), "heldout_pairs": len(enc_held),
            "rank": rank, "trainable_params": trainable, "steps": steps, **metrics}


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


class _Fixed:
    """Hands an already generated text to phrasing.phrase, so the grounding rule is applied exactly once, there."""

    name, local = "hf", True

    def __init__(self, text: str, label: str):
        self.text, self.label = text, label

    def generate(self, prompt, **kw):
        return self.text


def describe(path: str | Path) -> dict:
    state = json.loads((Path(path) / "state.json").read_text())
    return {k: state[k] for k in ("base_model", "rank", "steps", "pairs", "metrics") if k in state}


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
            return backend
    rec = active_adapter(store, path)
    if rec is None:
        return backend
    try:
        import peft  # noqa: F401
    except ImportError:
        return backend
    return _adapted_backend_class()(backend, rec.path, rec.id)
