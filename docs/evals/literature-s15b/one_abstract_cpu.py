"""One abstract's CPU and wall time, first call in a process and warm (3 rounds of the two made-up abstracts);
`python one_abstract_cpu.py [x cumulative]` prints a profile of the first call. Run with PYTHONPATH=repo root."""
import cProfile, pstats, time, sys
from medcore.config import Settings
from medcore.literature import service, roles
from medcore.literature.headings import heading_map
from medcore.literature.inputs import read_input
s = Settings.load()
hmap = heading_map(s)
clf = roles.load_classifier(s) or False
term = service._terminology(s)
from pathlib import Path
HERE = Path(__file__).parent
texts = [(HERE / f"made_up_{n}.txt").read_text() for n in ("vitamin_d", "catheter")]
def once():
    for t in texts:
        papers, _ = read_input(s, t, None, known_heading=hmap.known)
        service.read_one(s, papers[0], hmap, clf, term)
pr0 = cProfile.Profile(); pr0.enable()
c0 = time.process_time(); w0 = time.perf_counter()
papers, _ = read_input(s, texts[1], None, known_heading=hmap.known); r = service.read_one(s, papers[0], hmap, clf, term)
pr0.disable()
print('first abstract CPU ms', round((time.process_time() - c0) * 1000, 1), 'wall', round((time.perf_counter() - w0) * 1000, 1), 'timing_ms', r.timing_ms)
if len(sys.argv) > 2:
    pstats.Stats(pr0).sort_stats(sys.argv[2]).print_stats(40); raise SystemExit
    pr = cProfile.Profile(); pr.enable(); papers, _ = read_input(s, texts[0], None, known_heading=hmap.known); service.read_one(s, papers[0], hmap, clf, term); pr.disable(); pstats.Stats(pr).sort_stats('tottime').print_stats(25); raise SystemExit
once()
c0, w0 = time.process_time(), time.perf_counter()
for _ in range(3): once()
print("per abstract CPU ms", round((time.process_time() - c0) / 6 * 1000, 1), "wall ms", round((time.perf_counter() - w0) / 6 * 1000, 1))
if len(sys.argv) > 1:
    pr = cProfile.Profile(); pr.enable(); once(); once(); pr.disable()
    pstats.Stats(pr).sort_stats("cumulative").print_stats(35)
