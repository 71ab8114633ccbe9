"""The record summarizer's three speed budgets from issue 11, each printed as seconds, as a ratio to its
budget and as a ratio to a baseline measured in the same process (so the numbers travel between machines):

1. structured summary (de-identify, sections, extraction, structured summary) of a 1,000-word note: <= 1 s;
   baseline: lower-casing and splitting the same text into words.
2. `python -m medcore summarize FILE --json` on that note from a cold process: <= 5 s wall;
   baseline: a cold `python -c "import json"` (the interpreter's own start-up).
3. a 2,000,000-character note (ordinary text, and text built to blow up regular expressions: "1-", "Dr. ",
   URL-like runs) through the engines in <= 30 s, with time growing linearly (a 200k note timed too:
   'growth' is time(2M) / (10 x time(200k)), about 1 when linear); baseline: a plain pass over the same text.
   The CLI and the page refuse a note over MEDCORE_MAX_NOTE_CHARS (200,000) before any engine runs, with a
   message saying so; the bench times that refusal too.

Wall time on this shared 2-core machine swings with the other users' load; each figure also gives the CPU seconds
the work used (one thread: BLAS is limited to one), which is what an idle machine's wall time would be.

Run: python bench/bench_records_budgets.py [--quick] [--backend template|settings]
  --quick: sizes 20k/200k instead of 200k/2M (a minute less), and one cold run instead of three.
  --backend settings: the cold CLI run uses the configured language-model backend (the default, `embedded`,
  runs SmolLM on the CPU for minutes); otherwise MEDCORE_LLM_BACKEND=template, as the evals use."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from medcore.auth import SYSTEM

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

SHAPES = {"1-": "1-", "Dr. ": "Dr. ", "url-like": "http://ex.example/a-b/c.d?e=1&f=2/"}


def _time(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def structured(settings) -> dict:
    from bench_records import run

    r = run(settings, repeats=10)
    return {"seconds_median": r["structured_summary_s_median"], "budget_s": 1.0,
            "ratio_vs_budget": r["ratio_vs_budget"], "ratio_vs_baseline": r["ratio_vs_baseline"],
            "first_call_s_including_kb_load": r["first_call_s_including_kb_load"], "steps_ms": r["steps_ms"]}


def cold_cli(settings, runs: int, backend: str) -> dict:
    from bench_records import thousand_word_note

    env = dict(os.environ)
    if backend == "template":
        env["MEDCORE_LLM_BACKEND"] = "template"
    with tempfile.TemporaryDirectory() as tmp:
        note = Path(tmp) / "note.txt"
        note.write_text(thousand_word_note(settings), encoding="utf-8")
        cmd = [sys.executable, "-m", "medcore", "summarize", str(note), "--json"]

        def once(argv):
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            proc = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
            dt = time.perf_counter() - t0
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            if proc.returncode != 0:
                raise RuntimeError(f"{' '.join(argv)} failed: {proc.stderr[-500:]}")
            cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
            return dt, proc.stdout, cpu

        base = sorted(once([sys.executable, "-c", "import json"])[0] for _ in range(5))[2]  # median of 5
        walls, cpus, out = [], [], ""
        for _ in range(runs):
            dt, out, cpu = once(cmd)
            walls.append(dt)
            cpus.append(cpu)
    walls.sort()
    cpus.sort()
    med = walls[len(walls) // 2]
    summary = json.loads(out)["summary"]
    return {"wall_s_median": round(med, 2), "wall_s_all": [round(w, 2) for w in walls],
            "cpu_s_median": round(cpus[len(cpus) // 2], 2), "budget_s": 5.0,
            "ratio_vs_budget": round(med / 5.0, 3), "baseline_python_start_s": round(base, 3),
            "ratio_vs_baseline": round(med / base, 1), "backend": env.get("MEDCORE_LLM_BACKEND", "settings"),
            "narrative_method": summary.get("narrative_method", ""), "note_words": 1000}


def big_notes(settings, sizes: tuple[int, int]) -> dict:
    from medcore.records import inputs, kb as kb_mod, service
    from medcore.records.corpus import annotated_notes
    from medcore.records.pipeline import analyze

    kb = kb_mod.load(settings)
    analyze("HPI: cough. BP 120/80.", kb)  # vocabularies compiled before timing
    ordinary = "\n".join(n.text for n in annotated_notes(settings, "dev"))
    out: dict = {}
    for name, unit in {"ordinary (dev notes repeated)": ordinary, **SHAPES}.items():
        row: dict = {}
        for size in sizes:
            text = (unit * (size // len(unit) + 1))[:size]
            base = _time(lambda: text.lower().split())
            t0, c0 = time.perf_counter(), time.process_time()
            a = analyze(text, kb)
            dt, cpu = time.perf_counter() - t0, time.process_time() - c0
            row[str(size)] = {"s": round(dt, 2), "cpu_s": round(cpu, 2), "s_per_million_chars": round(dt / size * 1e6, 2),
                              "ratio_vs_baseline": round(dt / base, 1),
                              "steps_ms": {k: round(v) for k, v in a.timings_ms.items()}}
        small, large = sizes
        row["growth"] = round(row[str(large)]["s"] / (row[str(small)]["s"] * large / small), 2)
        out[name] = row
    out["budget_s_for_2M"] = 30.0
    # what the CLI and the page do with such a note under the default limit
    note = inputs.NoteInput((ordinary * (2_000_000 // len(ordinary) + 1))[:2_000_000], "paste")
    if sizes[1] >= 2_000_000:
        # the whole service (engines, extractive narrative, JSON export) with the limit raised to let it in
        import dataclasses

        from medcore.records import export

        raised = dataclasses.replace(settings, max_note_chars=2_000_000, llm_backend="template")
        t0, c0 = time.perf_counter(), time.process_time()
        result = service.summarize_input(note, raised, user=SYSTEM)
        json.dumps(export.to_json(result.analysis, result.narrative))
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        out["2M_ordinary_end_to_end"] = {"s": round(dt, 2), "cpu_s": round(cpu, 2), "budget_s": 30.0,
                                         "ratio_vs_budget": round(dt / 30, 3),
                                         "narrative_method": result.narrative.method,
                                         "what": "summarize_input (template backend) + to_json, in-process, "
                                                 "MEDCORE_MAX_NOTE_CHARS raised to 2,000,000"}
    t0 = time.perf_counter()
    try:
        service.summarize_input(note, settings, user=SYSTEM, with_narrative=False)
        msg = "accepted (MEDCORE_MAX_NOTE_CHARS is raised)"
    except inputs.InputError as exc:
        msg = str(exc)
    out["2M_note_at_the_configured_limit"] = {"s": round(time.perf_counter() - t0, 4), "message": msg,
                                               "max_note_chars": settings.max_note_chars}
    return out


def main(argv: list[str]) -> dict:
    from medcore.config import Settings

    quick = "--quick" in argv
    backend = "settings" if "--backend" in argv and argv[argv.index("--backend") + 1] == "settings" else "template"
    settings = Settings.load()
    return {"structured_1000_words": structured(settings),
            "cold_cli_summarize_json": cold_cli(settings, 1 if quick else 3, backend),
            "big_notes": big_notes(settings, (20_000, 200_000) if quick else (200_000, 2_000_000))}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:]), indent=1))
