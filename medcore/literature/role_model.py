"""The trained sentence-role classifier, as the reader uses it.

`load_role_classifier(settings)` returns the active registered model of kind 'literature' (a `train literature`
run), else the shipped checkpoint (assets/checkpoints/literature-roles), else None. The object's `.predict`
takes a whole abstract's sentences in order and returns (role, probability) per sentence. Loaded once per
process per checkpoint; prediction runs behind a lock (the model is shared between Streamlit sessions)."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

from medcore.literature.role_train import MODEL_KIND, decode

log = logging.getLogger(__name__)

SHIPPED = "literature-roles"
WEIGHTS = "model.safetensors"


def native_bfloat16() -> bool:
    """Whether this CPU multiplies bfloat16 matrices in hardware (AMX tiles or AVX512-BF16). Without it oneDNN
    emulates bfloat16 and the encoder would be slower than in float32. torch names these checks privately, so a
    torch without them counts as no."""
    import torch

    checks = [getattr(torch.cpu, name, None) for name in ("_is_amx_tile_supported", "_is_avx512_bf16_supported")]
    return any(check() for check in checks if check is not None)


def resolve_dtype(requested: str = "auto") -> str:
    """'float32' or 'bfloat16' for the encoder (Settings.role_encoder_dtype)."""
    if requested == "auto":
        return "bfloat16" if native_bfloat16() else "float32"
    return requested


class RoleClassifier:
    def __init__(self, folder: str | Path, dtype: str = "float32"):
        from safetensors.torch import load_file

        from medcore.literature import role_net, role_sequence

        self.folder = Path(folder)
        state = json.loads((self.folder / "state.json").read_text())
        self.cfg = role_net.NetConfig.from_dict(state.get("net") or {})
        self.decode_how = state.get("decode", "argmax")
        self.transitions = role_sequence.Transitions.from_dict(state.get("transitions"))
        if self.decode_how == "viterbi" and self.transitions is None:
            log.warning("%s: decode 'viterbi' without a transition table; argmax", self.folder)
        self.tok, self.model = role_net.load_encoder(self.cfg)
        self.head = role_net.make_head(role_net.bert_of(self.model).config.hidden_size, self.cfg)
        role_net.unpack(load_file(str(self.folder / WEIGHTS)), self.model, self.head)
        if hasattr(self.model, "merge_and_unload"):
            # inference only: fold the LoRA weights into the encoder (same probabilities to ~1e-7, ~10% faster)
            self.model = self.model.merge_and_unload()
        self.model.eval()
        self.head.eval()
        # The encoder's matrix products are three quarters of a long paper's read (session 19). In bfloat16 they
        # run on the CPU's AMX / AVX512-BF16 units in about half the time; the head stays in float32
        # (packed_forward pools in float32), and dev roles are unchanged (README, session 19).
        self.dtype = dtype
        if dtype == "bfloat16":
            import torch

            self.model.to(torch.bfloat16)
        self.steps = state.get("step")
        self._lock = threading.Lock()

    @property
    def label(self) -> str:
        return f"sentence-role classifier ({self.folder.name}, {self.steps} steps, {self.dtype})"

    def probabilities(self, sentences: list[str]) -> list[list[float]]:
        import torch

        from medcore.literature import role_net

        if not sentences:
            return []
        # A sentence's vector depends on its own tokens only (each attends to itself alone), so a repeated
        # sentence (a PDF's running header or footer, a copyright line, a caption) is encoded once; the
        # context head still reads every sentence in its place.
        unique = list(dict.fromkeys(sentences))
        where = {text: i for i, text in enumerate(unique)}
        with self._lock, torch.inference_mode():
            # all at once: packed_forward fills its rows from every sentence (no compute spent on padding)
            enc = role_net.tokenize(self.tok, unique, self.cfg.max_len)
            vecs = role_net.packed_forward(self.model, enc)[torch.tensor([where[text] for text in sentences])]
            logits = role_net.head_logits(self.head, vecs, [len(sentences)])
            return torch.softmax(logits, dim=-1).tolist()

    def predict(self, sentences: list[str]) -> list[tuple[str, float]]:
        """(role, probability) for each sentence of one abstract, given in order."""
        return decode(self.probabilities(sentences), self.cfg.roles, self.decode_how, self.transitions)


_cache: dict[str, RoleClassifier] = {}
_cache_lock = threading.Lock()


def load_from(folder: str | Path, dtype: str = "auto") -> RoleClassifier:
    """Loaded once per process per (checkpoint, encoder dtype)."""
    path, want = str(Path(folder).resolve()), resolve_dtype(dtype)
    key = f"{path}|{want}"
    with _cache_lock:
        if key not in _cache:
            from medcore.runtime import apply_thread_policy

            apply_thread_policy()
            _cache[key] = RoleClassifier(path, want)
        return _cache[key]


def shipped_dir(settings) -> Path:
    return Path(settings.assets_dir) / "checkpoints" / SHIPPED


def _usable(folder: Path | None) -> bool:
    return folder is not None and (folder / WEIGHTS).is_file() and (folder / "state.json").is_file()


def active_dir(settings, store=None) -> Path | None:
    """The folder of the active registered 'literature' model, or None."""
    try:
        if store is None:
            from medcore.store import Store

            store = Store.open(settings)
        rec = store.active_model(MODEL_KIND)
    except Exception as exc:  # noqa: BLE001 - without a store the shipped checkpoint still serves
        log.info("no model registry for the role classifier: %s", exc)
        return None
    return Path(rec.path) if rec is not None and _usable(Path(rec.path)) else None


def classifier_dir(settings, store=None) -> Path | None:
    folder = active_dir(settings, store)
    if folder is None and _usable(shipped_dir(settings)):
        folder = shipped_dir(settings)
    return folder


def load_role_classifier(settings, store=None) -> RoleClassifier | None:
    """The active trained classifier, else the shipped one, else None."""
    folder = classifier_dir(settings, store)
    return load_from(folder, settings.role_encoder_dtype) if folder is not None else None
