"""Speed of the literature reader: one structured abstract (budget 300 ms) and a 12-page PDF with a text layer
(budget 5 s), each through `read_paper` (input, sentences, roles, design, PICO, numbers, card), with the
terminology already loaded (it is shared by every tool and loaded once per process).

Prints ratios against a baseline measured in the same process: a plain pass over the same text (lower-casing,
splitting into words, one regex for numbers), so the numbers travel between machines; and ratios against the
budgets. The PDF is made in code (fpdf2), so no paper is shipped.
`--hostile`: adversarial text shapes (digit runs, estimate floods, brackets, initials) at two sizes; time grows
linearly when the ratio 60k/15k stays near 4 (a quadratic regular expression would show 16).
`--no-headings`: the same PDF without its section headings (every role from the classifier; use with --classifier).
`--distinct`: every sentence of the PDF distinct (720 for the encoder, where the plain PDF repeats 42).
Run: python bench/literature_read.py [--repeats N] [--classifier] [--no-headings] [--distinct] [--hostile]"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from medcore.benchtime import time_calls  # noqa: E402

BUDGETS = {"abstract_s": 0.3, "pdf_12_pages_s": 5.0}

ABSTRACT = """Apixaban versus warfarin after ischaemic stroke: a randomised trial
BACKGROUND: Atrial fibrillation causes one in five ischaemic strokes, and the best anticoagulant after a stroke is
debated. OBJECTIVE: To compare apixaban with warfarin in adults with atrial fibrillation after ischaemic stroke.
METHODS: In this multicentre, double-blind trial in 48 hospitals, 2,412 adults (mean age 71.4 years; 44% women) were
randomly assigned to apixaban 5 mg twice daily or warfarin (target INR 2-3). The primary outcome was recurrent
stroke; secondary outcomes included major bleeding and death. RESULTS: Recurrent stroke occurred in 48/1,206 (4.0%)
vs 71/1,206 (5.9%) patients (HR 0.67, 95% CI 0.47-0.96; P = .03). Major bleeding was less frequent with apixaban
(RR 0.62, 95% CI 0.44 to 0.87; P = .006). Mortality did not differ (HR 0.91 [0.70; 1.18], NS). Adverse events were
similar. CONCLUSIONS: Apixaban reduced recurrent stroke and bleeding compared with warfarin. The trial was limited by
its open follow-up of adherence. Funded by the National Stroke Fund. Registered with ClinicalTrials.gov, NCT01234567."""

SECTION_TEXT = {
    "1. Introduction": "Atrial fibrillation is a common arrhythmia in older adults and a leading cause of stroke. "
                       "Anticoagulation reduces the risk of stroke, but bleeding limits its use. ",
    "2. Methods": "Adults with atrial fibrillation were randomly assigned to apixaban or warfarin. Outcomes were "
                  "adjudicated by a blinded committee. We used Cox regression to estimate hazard ratios. ",
    "3. Results": "Recurrent stroke occurred in 48/1206 vs 71/1206 patients (HR 0.67, 95% CI 0.47-0.96; P = .03). "
                  "Major bleeding was less frequent (RR 0.62, 95% CI 0.44 to 0.87). ",
    "4. Discussion": "Apixaban reduced stroke and bleeding. Our study was limited by its open design. Further "
                     "studies are needed in older patients. ",
}


def twelve_page_pdf(headings: bool = True, distinct: bool = False) -> bytes:
    """12 pages; `headings=False` leaves out the section headings, so every role comes from the classifier
    (720 sentences). The pages repeat their section's text: 42 distinct sentences, each 12-24 times, unless
    `distinct`, where each sentence carries its own number (720 distinct: nothing for the encoder to reuse)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=9)
    pdf.set_auto_page_break(False)
    pdf.set_title("Apixaban versus warfarin after stroke")
    for page in range(12):
        pdf.add_page()
        heading, text = list(SECTION_TEXT.items())[min(3, page // 3)]
        if headings and page % 3 == 0:
            pdf.multi_cell(0, 5, heading, new_x="LMARGIN", new_y="NEXT")
        body = text * 24
        if distinct:
            body = "".join(text.replace(". ", f" in cohort {page * 24 + k}. ") for k in range(24))
        pdf.multi_cell(0, 4, body, new_x="LMARGIN", new_y="NEXT")  # a full page: about 5,000 characters
    return bytes(pdf.output())


def _baseline(text: str) -> None:
    words = text.lower().split()
    re.findall(r"\d+(?:\.\d+)?", text)
    return len(words)


def run(repeats: int = 10, use_classifier: bool = False, headings: bool = True, distinct: bool = False) -> dict:
    from medcore.config import Settings
    from medcore.knowledge import service as knowledge
    from medcore.literature.service import read_paper

    settings = Settings.load()
    term = knowledge.terminology(settings)
    classifier = None if use_classifier else False
    pdf = twelve_page_pdf(headings, distinct)
    read_paper(settings, ABSTRACT, classifier=classifier, term=term)  # warm caches (KB files, patterns)
    abstract = time_calls(lambda: read_paper(settings, ABSTRACT, classifier=classifier, term=term), repeats)
    pdf_t = time_calls(lambda: read_paper(settings, pdf, "paper.pdf", classifier=classifier, term=term),
                       max(2, repeats // 5))
    # CPU time as well: on a shared, oversubscribed machine wall time measures the queue, not the work
    pdf_cpu = time_calls(lambda: read_paper(settings, pdf, "paper.pdf", classifier=classifier, term=term),
                         max(2, repeats // 5), clock=time.process_time)
    pdf_text = read_paper(settings, pdf, "paper.pdf", classifier=classifier, term=term)[0].paper.text
    base_abs = time_calls(lambda: _baseline(ABSTRACT), repeats * 10).median
    base_pdf = time_calls(lambda: _baseline(pdf_text), repeats * 10).median
    measured = {"abstract_s": abstract.median, "pdf_12_pages_s": pdf_t.median}
    return {
        "roles": "classifier" if use_classifier else "rules",
        "pdf_pages": 12,
        "pdf_headings": headings,
        "pdf_distinct_sentences": distinct,
        "pdf_chars": len(pdf_text),
        "seconds": {k: round(v, 4) for k, v in measured.items()},
        "pdf_12_pages_cpu_s": round(pdf_cpu.median, 4),
        "load_average": round(os.getloadavg()[0], 1),
        "baseline_s": {"abstract": base_abs, "pdf_text": base_pdf},
        "ratio_vs_baseline": {"abstract_s": round(measured["abstract_s"] / base_abs, 1),
                              "pdf_12_pages_s": round(measured["pdf_12_pages_s"] / base_pdf, 1)},
        "ratio_vs_budget": {k: round(v / BUDGETS[k], 3) for k, v in measured.items()},
        "within_budget": all(v <= BUDGETS[k] for k, v in measured.items()),
    }


HOSTILE = ["1 ", "1.", "OR 1.2 (95% CI 0.8-1.7) ", "(", "-", "a", "Ab' ", "A. ", "Methods. ", "12/100 ",
           "12% vs 20% ", "ninety-nine and ", "RESULTS: ", "patients were randomized "]


def hostile(sizes=(15_000, 60_000)) -> dict:
    import time

    from medcore.config import Settings
    from medcore.knowledge import service as knowledge
    from medcore.literature.service import read_paper

    settings = Settings.load()
    term = knowledge.terminology(settings)
    read_paper(settings, ABSTRACT, classifier=False, term=term)
    out = {}
    for shape in HOSTILE:
        times = []
        for n in sizes:
            text = (shape * (n // len(shape) + 1))[:n]
            t0 = time.perf_counter()
            read_paper(settings, text, classifier=False, term=term)
            times.append(time.perf_counter() - t0)
        out[shape] = {"seconds": [round(t, 2) for t in times], "ratio": round(times[1] / max(times[0], 1e-6), 1)}
    return {"sizes": list(sizes), "shapes": out,
            "worst_ratio": max(v["ratio"] for v in out.values()), "linear_ratio": sizes[1] / sizes[0]}


if __name__ == "__main__":
    if "--hostile" in sys.argv:
        print(json.dumps(hostile(), indent=2))
        sys.exit(0)
    n = int(sys.argv[sys.argv.index("--repeats") + 1]) if "--repeats" in sys.argv else 10
    print(json.dumps(run(n, "--classifier" in sys.argv, "--no-headings" not in sys.argv, "--distinct" in sys.argv),
                     indent=2))
