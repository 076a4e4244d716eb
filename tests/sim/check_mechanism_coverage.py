"""Every seed ID of the feature table has a row in sim/MECHANISMS.md's coverage table.

Usage: check_mechanism_coverage.py REPO_ROOT  (standard library only)
The IDs are those of ../shared/seed-mechanisms.md, section 1 (A1-L8), copied here so the check
runs in a clone without the shared folder.
"""
import pathlib
import re
import sys

GROUPS = {"A": 10, "B": 17, "C": 15, "D": 8, "E": 19, "F": 10, "G": 15, "H": 7, "I": 6, "J": 8,
          "K": 7, "L": 8}


def main(root):
    text = (pathlib.Path(root) / "sim" / "MECHANISMS.md").read_text(encoding="utf-8")
    section = text.split("## Seed ID coverage", 1)
    if len(section) != 2:
        print("FAIL: sim/MECHANISMS.md has no '## Seed ID coverage' section", file=sys.stderr)
        return 1
    rows = dict(re.findall(r"^\| ([A-L]\d+) \| (.+) \|$", section[1], re.M))
    expected = [f"{group}{k}" for group, count in GROUPS.items() for k in range(1, count + 1)]
    missing = [i for i in expected if not rows.get(i, "").strip()]
    unknown = [i for i in rows if i not in expected]
    if missing or unknown:
        print(f"FAIL: IDs without a row: {missing}; rows for unknown IDs: {unknown}",
              file=sys.stderr)
        return 1
    print(f"ok: {len(expected)} seed IDs covered")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
