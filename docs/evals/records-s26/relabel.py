"""Session 26 relabels of the real-note gold (issue 11): one reading convention for the conventions split between
sets (see relabels.md). Reads the note text from ../shared only to test the span's own words; writes nothing but the
annotation JSON (offsets and labels). `python docs/evals/records-s26/relabel.py [--write]` lists (and with --write
applies) every change; run twice, the second run finds nothing."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from medcore.records import real_notes as rn  # noqa: E402

# normal examination words: the examiner found nothing, no problem is named (README convention, session 26)
NORMAL_WORDS = {"nontender", "non-tender", "nt", "nondistended", "non-distended", "nontoxic", "non-toxic"}
NORMAL_PHRASES = ("acute distress", "apparent distress")
# single relabels of assertion, by (set, note, start): new assertion, why
ASSERTIONS = {
    ("blind_s25", "mt3883", "PMH lung cancer"): "historical",
    ("blind_s25", "mt3883", "assessment lung cancer"): "possible",
}


def main(write: bool) -> None:
    changes = []
    for s in rn.SETS:
        if s in rn.PHI_ONLY_SETS:
            continue
        for f in rn.annotation_files(s):
            raw = f.read_text(encoding="utf-8")
            data = json.loads(raw)
            indent = len(raw.split("\n")[1]) - len(raw.split("\n")[1].lstrip())  # keep each file's own layout
            text = rn.transcriptions(rn.source_path())[data["row"]]
            keep = []
            for p in data["problems"]:
                span = text[p["start"]:p["end"]].strip().lower()
                if (span in NORMAL_WORDS and p["assertion"] == "absent") or (
                        span in NORMAL_PHRASES and p["icd10cm"] == "R68.89" and p["assertion"] == "absent"):
                    changes.append(f"{s} {f.stem} {p['start']}-{p['end']} removed: {p['name']} ({p['icd10cm']}, "
                                   f"{p['assertion']}): normal examination word")
                    continue
                if s == "blind_s25" and f.stem == "mt3883" and p["name"] == "lung cancer" and p["assertion"] == "present":
                    before = text[max(0, p["start"] - 30):p["start"]].lower()
                    new = "historical" if "history of" in before or "pneumonia, and" in before else \
                        "possible" if "probably" in before else None
                    if new:
                        changes.append(f"{s} {f.stem} {p['start']}-{p['end']} {p['name']}: present -> {new}")
                        p["assertion"] = new
                keep.append(p)
            if len(keep) != len(data["problems"]) or any(c.startswith(f"{s} {f.stem} ") for c in changes):
                data["problems"] = keep
                if write:
                    f.write_text(json.dumps(data, indent=indent, ensure_ascii=False) + ("\n" if raw.endswith("\n") else ""), encoding="utf-8")
    print("\n".join(changes))
    print(f"{len(changes)} changes" + (" written" if write else " (dry run)"))


if __name__ == "__main__":
    main("--write" in sys.argv)
