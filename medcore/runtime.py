"""Compute device, dtype, seeding and the CPU thread policy.

This is the only module that sets torch's thread count. On the 2-core machines
we run on, the default two intra-op threads made one training iteration swing
between 1 s and 14 s; one thread (and a passive OpenMP wait policy) is steady.
"""

from __future__ import annotations

import logging
import os
import random
from dataclasses import dataclass

_policy_applied = False


def apply_thread_policy(threads: int = 1) -> None:
    """Call before heavy torch work. Idempotent."""
    global _policy_applied
    # Only effective if set before the OpenMP runtime starts; harmless afterwards.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    _limit_blas(threads)
    import torch

    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)
    _policy_applied = True


def apply_blas_policy(threads: int = 1) -> None:
    """Call before heavy NumPy work that does not need torch (the NumPy MiniLM): the same BLAS limit, without
    importing torch (seconds in a fresh process)."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    _limit_blas(threads)


def _limit_blas(threads: int) -> None:
    """numpy's OpenBLAS starts one thread per core; on these shared 2-core machines its small matrix
    products (the symptom chat's similarity search) ran 2x slower than on one thread (batch triage
    7 -> 15 vignettes/s at a load average of 9)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        logging.getLogger(__name__).info("threadpoolctl not installed: BLAS thread count left as is")
        return
    threadpool_limits(limits=threads, user_api="blas")


def _mps_available(torch) -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend and backend.is_available())


def select_device(override: str = "auto"):
    """cuda > mps > cpu, unless overridden. A requested but missing device falls back to CPU."""
    import torch

    if override == "cpu":
        return torch.device("cpu")
    if override in ("auto", "cuda") and torch.cuda.is_available():
        return torch.device("cuda")
    if override in ("auto", "mps") and _mps_available(torch):
        return torch.device("mps")
    return torch.device("cpu")


def default_dtype(device) -> "object":
    """bf16 where the GPU supports it, else float32 (CPU half precision is slow and lossy)."""
    import torch

    if device.type == "cuda" and torch.cuda.is_bf16_supported():
        return torch.bfloat16
    return torch.float32


@dataclass(frozen=True)
class DeviceInfo:
    kind: str  # cpu | cuda | mps
    name: str
    torch_version: str
    threads: int
    memory_gb: float | None = None

    @property
    def label(self) -> str:
        mem = f", {self.memory_gb:.0f} GB" if self.memory_gb else ""
        return f"{self.kind.upper()}: {self.name}{mem}"


def _torch_is_cpu_only() -> bool:
    """True when the installed torch can only ever select the CPU, known without importing it (about 1.2 s of
    CPU in a fresh process): the CPU wheels carry the "+cpu" local version, and on Linux or Windows (no Metal)
    they have neither CUDA nor MPS."""
    import importlib.metadata
    import sys

    try:
        version = importlib.metadata.version("torch")
    except importlib.metadata.PackageNotFoundError:
        return False
    return version.endswith("+cpu") and sys.platform != "darwin"


def device_label(override: str = "auto") -> str:
    """`device_info(override).label`, without importing torch where the answer cannot depend on it (the sidebar
    and Home show it on every page's first render; issue 14, speed)."""
    import sys

    if "torch" not in sys.modules and (override == "cpu" or _torch_is_cpu_only()):
        return DeviceInfo("cpu", _cpu_name(), "", 0).label
    return device_info(override).label


def _cpu_name() -> str:
    import platform

    cpu = platform.processor() or platform.machine() or "CPU"
    return f"{cpu}, {os.cpu_count()} cores"


def device_info(override: str = "auto") -> DeviceInfo:
    import torch

    device = select_device(override)
    if device.type == "cuda":
        props = torch.cuda.get_device_properties(device)
        return DeviceInfo("cuda", props.name, torch.__version__, torch.get_num_threads(), props.total_memory / 2**30)
    if device.type == "mps":
        return DeviceInfo("mps", "Apple GPU (Metal)", torch.__version__, torch.get_num_threads())
    return DeviceInfo("cpu", _cpu_name(), torch.__version__, torch.get_num_threads())


def seed_everything(seed: int) -> None:
    """Python, NumPy and torch RNGs, so a run with the same seed gives the same result."""
    random.seed(seed)
    try:
        import numpy as np

        np.random.seed(seed % 2**32)
    except ImportError:  # pragma: no cover - numpy is a hard dependency in practice
        pass
    import torch

    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)


def torch_generator(seed: int, device=None):
    import torch

    g = torch.Generator(device=device or "cpu")
    g.manual_seed(seed)
    return g
