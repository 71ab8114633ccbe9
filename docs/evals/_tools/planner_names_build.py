"""Build a planner names eval file (names.yaml) from a breadth list (names.txt, `typed name | ingr; ingr`): one home
for planner-s23b, -s24b, -s25 and -s26b build.py (each is a wrapper passing its session, earlier lists and wording).

A name is left out when it repeats an earlier line of the list (case-insensitive), when it is a name of an earlier
breadth list (docs/evals/<folder>/names.txt for each folder of `earlier`, plus `earlier_files`), or when its text, or
its text before the first number (the brand without its strength), occurs as a whole word in any file under
docs/evals/planner-blind*/. The blind sets of the wrapper's session and of every later one (`planner-blind-sNN`, NN >=
session) are skipped by name and never read: when each session first ran its build there was no later one, so its
output is unchanged. Never runs the planner. Run a wrapper from the repo root, e.g. python docs/evals/planner-s26b/build.py
"""
import re
from pathlib import Path

EVALS = Path(__file__).resolve().parents[1]
_SESSION = re.compile(r"blind-s(\d+)")


def blind_text(session: int) -> str:
    """Every file under the planner-blind* folders older than `session`, lower case."""
    parts = []
    for d in sorted(EVALS.glob("planner-blind*")):
        m = _SESSION.search(d.name)
        if (m and int(m.group(1)) >= session) or not d.is_dir():
            continue
        parts += [f.read_text(errors="ignore").lower() for f in sorted(d.rglob("*")) if f.is_file()]
    return "\n".join(parts)


def keys(name: str) -> set[str]:
    base = re.split(r"\s\d", name, maxsplit=1)[0]
    return {name.lower().strip(), base.lower().strip()}


def rows(path: Path) -> list[tuple[str, list[str]]]:
    out = []
    for line in path.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, ingr = (p.strip() for p in line.split("|"))
        out.append((name, [i.strip() for i in ingr.split(";")]))
    return out


def _yaml(header: str, kept: list[tuple[str, list[str]]]) -> str:
    out = [header, "names:"]
    for name, ings in kept:
        q = ", ".join('"' + i.replace('"', '\\"') + '"' for i in ings)
        out.append(f'  - {{name: "{name}", ingredients: [{q}]}}')
    return "\n".join(out) + "\n"


def build(here: Path, session: int, header: str, summary: str, earlier: tuple[str, ...] = (),
          earlier_files: tuple[Path, ...] = (), src: str = "names.txt", dst: str = "names.yaml",
          list_blind: str = "") -> None:
    """Write here/dst from here/src; print `summary` formatted with seen, kept, blind and earlier (counts), then, when
    `list_blind` is set, one line `list_blind + name` for each name found in a blind dev set."""
    text = blind_text(session)
    old = {n.lower() for s in earlier for n, _ in rows(EVALS / s / "names.txt")}
    old |= {n.lower() for f in earlier_files for n, _ in rows(f)}
    kept, in_blind, in_earlier, seen = [], [], [], set()
    for name, ings in rows(here / src):
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        if name.lower() in old:
            in_earlier.append(name)
        elif any(re.search(r"(?<![\w-])" + re.escape(k) + r"(?![\w-])", text) for k in keys(name)):
            in_blind.append(name)
        else:
            kept.append((name, ings))
    (here / dst).write_text(_yaml(header, kept))
    print(summary.format(seen=len(seen), kept=len(kept), blind=len(in_blind), earlier=len(in_earlier)))
    for name in in_blind if list_blind else ():
        print(list_blind + name)


def write_all(here: Path, header: str, src: str = "names.txt", dst: str = "names_all.yaml") -> None:
    """here/dst: every name of here/src (repeats dropped), for the list's whole coverage."""
    seen, kept = set(), []
    for name, ings in rows(here / src):
        if name.lower() not in seen:
            seen.add(name.lower())
            kept.append((name, ings))
    (here / dst).write_text(_yaml(header, kept))
