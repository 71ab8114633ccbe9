"""lit19: CPU s (and wall s) of a warm read of the 12-page PDF of 720 distinct sentences without headings, as
test_s17_speed measures it (one torch thread, process_time), in the checkout given (base or this one).
Run alternating: for i in 1 2 3; do for r in /tmp/lit19-base .; do nice -n 10 .venv/bin/python
docs/evals/literature-s19/warm_read.py $r; done; done"""
import sys, time, os, json
repo = sys.argv[1]; sys.path.insert(0, repo); os.chdir(repo)
mode = sys.argv[2] if len(sys.argv) > 2 else "time"
from pathlib import Path
from medcore.config import Settings
from medcore.knowledge.terminology import load_terminology
from medcore.literature import roles
from medcore.literature.service import read_paper
from bench.literature_read import twelve_page_pdf
import torch, tempfile
s = Settings(data_dir=tempfile.mkdtemp(), knowledge_cache_dir=str(Path(repo)/".data"/"test-knowledge-cache"), llm_backend="template")
term = load_terminology(s)
clf = roles.load_classifier(s)
pdf = twelve_page_pdf(headings=False, distinct=True)
torch.set_num_threads(int(os.environ.get("NT", "1")))
read_paper(s, pdf, "paper.pdf", classifier=clf, term=term)
if mode == "prof":
    import cProfile, pstats
    pr = cProfile.Profile(); pr.enable()
    read_paper(s, pdf, "paper.pdf", classifier=clf, term=term)
    pr.disable(); pstats.Stats(pr).sort_stats("cumtime").print_stats(35)
else:
    out = []
    for _ in range(int(os.environ.get("N", "1"))):
        c0 = time.process_time(); w0 = time.perf_counter()
        read_paper(s, pdf, "paper.pdf", classifier=clf, term=term)
        out.append((round(time.process_time() - c0, 3), round(time.perf_counter() - w0, 3)))
    print(repo, "threads", torch.get_num_threads(), out)
