"""Multi-process image training under `accelerate launch` (several GPUs, or CPU processes over gloo).

`accelerate launch --multi_gpu --num_processes N -m medcore train image ...` starts N copies of the command with
WORLD_SIZE=N (on CPUs, with ACCELERATE_USE_CPU=true: gloo; accelerate's own `--cpu` flag starts one process
unless MPI is set up). Each copy builds the same networks; the handler's `prepare` hook hands its trained networks and
optimisers to `Accelerator.prepare` (DistributedDataParallel: gradients are averaged across processes), each
process draws its own batches, and only the main process reports, previews and saves checkpoints. Decisions
that must be the same on every process (save now, stop now) are taken by the main process and broadcast,
so no process waits alone at a collective.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)


def world_size() -> int:
    try:
        return int(os.environ.get("WORLD_SIZE", "1"))
    except ValueError:
        return 1


def is_main() -> bool:
    """True on the main process (RANK 0), and whenever training runs on one process."""
    return os.environ.get("RANK", "0") == "0"


def accelerator():
    """An Accelerator when launched on more than one process, else None (the single-process loop as before)."""
    if world_size() <= 1:
        return None
    from accelerate import Accelerator

    acc = Accelerator()
    log.info("process %d of %d on %s", acc.process_index, acc.num_processes, acc.device)
    return acc


def agree(acc, flag: bool) -> bool:
    """The main process's `flag`, on every process (a no-op on one process)."""
    if acc is None:
        return bool(flag)
    import torch
    from accelerate.utils import broadcast

    t = torch.tensor([1 if flag else 0], device=acc.device)
    return bool(broadcast(t, from_process=0).item())
