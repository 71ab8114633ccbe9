"""lit17: the role encoder's packing before (sentences laid end to end in 512-token sequences, tokenized 64 at a
time) and after (rows of at most 128 tokens, best fit, run as one batch), in the same process, interleaved, one
torch thread: roles, scores and CPU/wall time of `read_paper` on the bench's 12-page PDF without and with
headings and on a variant whose 720 sentences are all distinct; the encoder pass alone; then the probabilities and
roles of every dev abstract (old vs new). Prints aggregate figures only.
Run: MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s17/old_vs_new.py"""

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


def old_packed_forward(model, batch, max_tokens=512):  # role_net.packed_forward at 0093a60e
    bert = role_net.bert_of(model)
    mask = batch["attention_mask"].bool()
    lens = mask.sum(1).tolist()
    ids = batch["input_ids"]
    types = batch.get("token_type_ids")
    vecs = []
    i = 0
    while i < len(lens):
        j, total = i, 0
        while j < len(lens) and (j == i or total + lens[j] <= max_tokens):
            total += lens[j]
            j += 1
        rows = range(i, j)
        tok = torch.cat([ids[r, : lens[r]] for r in rows])[None]
        pos = torch.cat([torch.arange(lens[r]) for r in rows])[None]
        tt = torch.cat([types[r, : lens[r]] for r in rows])[None] if types is not None else torch.zeros_like(tok)
        seg = torch.repeat_interleave(torch.arange(j - i), torch.tensor(lens[i:j]))
        h = bert.embeddings(input_ids=tok, position_ids=pos, token_type_ids=tt)
        ext = (seg[:, None] != seg[None, :]).to(h.dtype)[None, None] * torch.finfo(h.dtype).min
        for layer in bert.encoder.layer:
            out = layer(h, attention_mask=ext)
            h = out[0] if isinstance(out, tuple) else out
        sums = h.new_zeros((j - i, h.shape[-1])).index_add_(0, seg, h[0])
        vecs.append(sums / torch.tensor(lens[i:j], dtype=h.dtype)[:, None].clamp(min=1.0))
        i = j
    return torch.cat(vecs)


def old_encode(unique):
    vecs = []
    for b in range(0, len(unique), 64):
        vecs.append(old_packed_forward(clf.model, role_net.tokenize(clf.tok, unique[b: b + 64], clf.cfg.max_len)))
    return torch.cat(vecs)


def new_encode(unique):
    return role_net.packed_forward(clf.model, role_net.tokenize(clf.tok, unique, clf.cfg.max_len))


def old_probs(sentences):  # role_model.RoleClassifier.probabilities at 0093a60e
    if not sentences:
        return []
    unique = list(dict.fromkeys(sentences))
    where = {text: i for i, text in enumerate(unique)}
    with clf._lock, torch.inference_mode():
        vecs = old_encode(unique)[torch.tensor([where[text] for text in sentences])]
        logits = role_net.head_logits(clf.head, vecs, [len(sentences)])
        return torch.softmax(logits, dim=-1).tolist()


def read(pdf, which):
    clf.probabilities = old_probs if which == "old" else new_probs
    c, w = time.process_time(), time.perf_counter()
    r = read_paper(s, pdf, "paper.pdf", classifier=clf, term=term)[0]
    return r, time.process_time() - c, time.perf_counter() - w


def maxdiff(a, b):
    return max(abs(x - y) for ra, rb in zip(a, b) for x, y in zip(ra, rb))


for name, pdf in [("no_headings", B.twelve_page_pdf(False)), ("headings", B.twelve_page_pdf()),
                  ("distinct_no_headings", B.twelve_page_pdf(False, distinct=True))]:
    read(pdf, "old")
    read(pdf, "new")
    outs, times = {}, {"old": [], "new": []}
    for rep in range(2):
        for which in ("old", "new"):
            r, cpu, wall = read(pdf, which)
            times[which].append((round(cpu, 2), round(wall, 2), round(os.getloadavg()[0], 1)))
            outs[which] = [(x.role, x.role_score, x.role_source) for x in r.paper.sentences]
    texts = [x.text for x in r.paper.sentences]
    same_roles = [a[0] for a in outs["old"]] == [b[0] for b in outs["new"]]
    score_diff = max(abs(a[1] - b[1]) for a, b in zip(outs["old"], outs["new"]))
    print(name, "sentences", len(texts), "distinct", len(set(texts)), "roles equal", same_roles,
          "max role_score diff", f"{score_diff:.1e}")
    print("  old cpu/wall/load", times["old"], "\n  new cpu/wall/load", times["new"], flush=True)
    if name == "distinct_no_headings":
        unique = list(dict.fromkeys(texts))
        with torch.inference_mode():
            enc_t = {"old": [], "new": []}
            for rep in range(3):
                for which, f in (("old", old_encode), ("new", new_encode)):
                    c = time.process_time()
                    f(unique)
                    enc_t[which].append(round(time.process_time() - c, 2))
            diff = float((old_encode(unique) - new_encode(unique)).abs().max())
        ratios = [round(n / o, 3) for o, n in zip(enc_t["old"], enc_t["new"])]
        print("  encoder pass alone cpu old", enc_t["old"], "new", enc_t["new"], "ratio new/old", ratios,
              "max vector diff", f"{diff:.1e}", flush=True)

from medcore.literature.headings import heading_map  # noqa: E402
from medcore.literature.lit_eval import _select  # noqa: E402
from medcore.literature.role_train import decode  # noqa: E402

clf.probabilities = new_probs
abstracts = _select(s, heading_map(s), "dev", 0, None)
worst, same_roles = 0.0, 0
for a in abstracts:
    po, pn = old_probs(a.sentences), new_probs(a.sentences)
    worst = max(worst, maxdiff(po, pn))
    args = (clf.cfg.roles, clf.decode_how, clf.transitions)
    same_roles += [r for r, _ in decode(po, *args)] == [r for r, _ in decode(pn, *args)]
print("dev abstracts", len(abstracts), "roles equal old vs new", same_roles, "max probability diff", f"{worst:.1e}")
