"""lit19, rejected idea: `eval literature --split dev` with the encoder's Linear layers quantised to int8
(torch.ao.quantization.quantize_dynamic, per tensor) after the LoRA merge. Roles 0.8934 -> 0.8905: not shipped.
Run: MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s19/eval_int8.py"""

import runpy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

import torch  # noqa: E402

from medcore.literature import role_model  # noqa: E402

_init = role_model.RoleClassifier.__init__


def _int8_init(self, folder, dtype="float32"):
    _init(self, folder, "float32")
    self.model = torch.ao.quantization.quantize_dynamic(self.model, {torch.nn.Linear}, dtype=torch.qint8)
    self.dtype = "int8-dynamic"


role_model.RoleClassifier.__init__ = _int8_init
sys.argv = ["medcore", "eval", "literature", "--split", "dev", "--json"]
runpy.run_module("medcore", run_name="__main__")
