"""lit19: CPU seconds of a warm `read_paper` of the 12-page PDF of 720 distinct sentences without headings (the
read test_s17_speed times), with the role encoder in float32 (the code before session 19) and in bfloat16 (the
default on a CPU with AMX / AVX512-BF16), interleaved in one process, 3 reads each, one torch thread; then float32
on two threads (CPU of both threads counted). Also how many of the 720 roles differ between the two dtypes.
Run: MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s19/cpu_seconds.py"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

import torch  # noqa: E402

from bench.literature_read import twelve_page_pdf  # noqa: E402
from medcore.config import Settings  # noqa: E402
from medcore.knowledge import service as knowledge  # noqa: E402
from medcore.literature import role_model, roles  # noqa: E402
from medcore.literature.service import read_paper  # noqa: E402

torch.set_num_threads(1)
s = Settings.load()
term = knowledge.terminology(s)
pdf = twelve_page_pdf(headings=False, distinct=True)
clfs = {d: roles.load_classifier(s.replace(role_encoder_dtype=d)) for d in ("float32", "bfloat16")}
first = {d: read_paper(s, pdf, "paper.pdf", classifier=c, term=term)[0] for d, c in clfs.items()}  # warm


def cpu_read(clf) -> float:
    c0 = time.process_time()
    read_paper(s, pdf, "paper.pdf", classifier=clf, term=term)
    return time.process_time() - c0


times: dict = {"float32": [], "bfloat16": [], "float32_2_threads": []}
for _ in range(3):
    for d, c in clfs.items():
        times[d].append(round(cpu_read(c), 3))
torch.set_num_threads(2)
for _ in range(3):
    times["float32_2_threads"].append(round(cpu_read(clfs["float32"]), 3))
torch.set_num_threads(1)
r32 = [x.role for x in first["float32"].paper.sentences]
r16 = [x.role for x in first["bfloat16"].paper.sentences]
print(json.dumps({"native_bfloat16": role_model.native_bfloat16(), "sentences": len(r32),
                  "roles_differing": sum(a != b for a, b in zip(r32, r16)),
                  "cpu_s": times, "median_cpu_s": {k: statistics.median(v) for k, v in times.items()},
                  "load_average": round(os.getloadavg()[0], 1)}, indent=1))
