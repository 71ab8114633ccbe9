"""lit16b: the role classifier's pass before (every sentence encoded) and after (a repeated sentence encoded once),
in the same process, interleaved, one torch thread: roles, scores and CPU/wall time of `read_paper` on the bench's
12-page PDF without and with headings and on a variant whose 720 sentences are all distinct; then the
probabilities of every dev abstract (old vs new). Prints aggregate figures only.
Run: MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s16b/old_vs_new.py"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

import torch  # noqa: E402

import bench.literature_read as B  # noqa: E402
from medcore.config import Settings  # noqa: E402
from medcore.knowledge import service as knowledge  # noqa: E402
from medcore.literature import role_net, roles  # noqa: E402
from medcore.literature.service import read_paper  # noqa: E402

torch.set_num_threads(1)
s = Settings.load()
term = knowledge.terminology(s)
clf = roles.load_classifier(s)
new_probs = clf.probabilities


def old_probs(sentences):  # role_model.RoleClassifier.probabilities at 9cdcaa01
    if not sentences:
        return []
    with clf._lock, torch.inference_mode():
        vecs = []
        for b in range(0, len(sentences), 64):
            enc = role_net.tokenize(clf.tok, sentences[b: b + 64], clf.cfg.max_len)
            vecs.append(role_net.packed_forward(clf.model, enc))
        logits = role_net.head_logits(clf.head, torch.cat(vecs), [len(sentences)])
        return torch.softmax(logits, dim=-1).tolist()


def distinct_pdf():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=9)
    pdf.set_auto_page_break(False)
    for page in range(12):
        pdf.add_page()
        text = list(B.SECTION_TEXT.values())[min(3, page // 3)]
        body = "".join(text.replace(". ", f" in cohort {page * 24 + k}. ") for k in range(24))
        pdf.multi_cell(0, 4, body, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def read(pdf, which):
    clf.probabilities = old_probs if which == "old" else new_probs
    c, w = time.process_time(), time.perf_counter()
    r = read_paper(s, pdf, "paper.pdf", classifier=clf, term=term)[0]
    return r, time.process_time() - c, time.perf_counter() - w


for name, pdf in [("no_headings", B.twelve_page_pdf(False)), ("headings", B.twelve_page_pdf()),
                  ("distinct_no_headings", distinct_pdf())]:
    read(pdf, "old")
    read(pdf, "new")
    outs, times = {}, {"old": [], "new": []}
    for rep in range(2):
        for which in ("old", "new"):
            r, cpu, wall = read(pdf, which)
            times[which].append((round(cpu, 2), round(wall, 2), round(os.getloadavg()[0], 1)))
            outs[which] = [(x.role, x.role_score, x.role_source) for x in r.paper.sentences]
    texts = [x.text for x in r.paper.sentences]
    print(name, "sentences", len(texts), "distinct", len(set(texts)), "(role, score, source) equal",
          outs["old"] == outs["new"])
    print("  old cpu/wall/load", times["old"], "\n  new cpu/wall/load", times["new"], flush=True)

from medcore.literature.headings import heading_map  # noqa: E402
from medcore.literature.lit_eval import _select  # noqa: E402

clf.probabilities = new_probs
abstracts = _select(s, heading_map(s), "dev", 0, None)
same = sum(old_probs(a.sentences) == new_probs(a.sentences) for a in abstracts)
print("dev abstracts", len(abstracts), "probabilities bitwise equal old vs new", same)
