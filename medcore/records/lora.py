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


def describe(path: str | Path) -> dict:
    state = json.loads((Path(path) / "state.json").read_text())
    return {k: state[k] for k in ("base_model", "rank", "steps", "pairs", "metrics") if k in state}
