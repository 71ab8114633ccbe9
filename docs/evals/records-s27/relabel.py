"""Session 27 relabels of blind_s26 (issue 11; dev since session 27): the session-26 convention applied to the set
written after it, plus one code convention. Writes nothing but the annotation JSON (offsets and labels).
`python docs/evals/records-s27/relabel.py [--write]` lists (and with --write applies) every change; run twice, the
second run finds nothing. The normal-examination-word rule is session 26's (`records-s26/relabel.py`, one home)."""
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
from medcore.records import real_notes as rn  # noqa: E402

_spec = importlib.util.spec_from_file_location("relabel_s26", ROOT / "docs/evals/records-s26/relabel.py")
s26 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(s26)

# dev README: "the code names the condition itself, never a Z 'personal history of' code: the assertion carries the
# history". A past colonic adenoma is D12.6 Benign neoplasm of colon, unspecified (ICD-10-CM April 2026), historical.
Z_TO_CONDITION = {"Z86.0101": ("D12.6", "colon adenoma")}


def main(write: bool) -> None:
    changes = []
    for f in rn.annotation_files("blind_s26"):
        raw = f.read_text(encoding="utf-8")
        data = json.loads(raw)
        indent = len(raw.split("\n")[1]) - len(raw.split("\n")[1].lstrip())
        text = rn.transcriptions(rn.source_path())[data["row"]]
        keep, changed = [], False
        for p in data["problems"]:
            span = text[p["start"]:p["end"]].strip().lower()
            if span in s26.NORMAL_WORDS and p["assertion"] == "absent":
                changes.append(f"blind_s26 {f.stem} {p['start']}-{p['end']} removed: {p['name']} ({p['icd10cm']}, "
                               f"{p['assertion']}): normal examination word")
                changed = True
                continue
            if p["icd10cm"] in Z_TO_CONDITION:
                code, name = Z_TO_CONDITION[p["icd10cm"]]
                changes.append(f"blind_s26 {f.stem} {p['start']}-{p['end']} {p['name']}: {p['icd10cm']} -> {code} "
                               f"({name}, {p['assertion']}): a history code, the condition's own code")
                p.update(icd10cm=code, concept=f"icd10cm:{code}", name=name)
                changed = True
            keep.append(p)
        if changed:
            data["problems"] = keep
            if write:
                f.write_text(json.dumps(data, indent=indent, ensure_ascii=False) + ("\n" if raw.endswith("\n") else ""),
                             encoding="utf-8")
    print("\n".join(changes))
    print(f"{len(changes)} changes" + (" written" if write else " (dry run)"))


if __name__ == "__main__":
    main("--write" in sys.argv)
