#!/usr/bin/python3
"""End to end: every broken scenario in tests/data/bad makes `jobsim run` exit 2, print a message
naming the file, line and key on stderr, and create no output file; --set overrides likewise.

Usage: run_bad_inputs.py JOBSIM BAD_DIR

Each bad file's first comment lines say what the message must contain (see test_bad_inputs.cpp):
    # expect-line: N      # expect-key: a.b.c      # expect-text: ...
A 0-byte file expects line 1 and "the scenario is empty".
"""
import pathlib
import subprocess
import sys
import tempfile

VALID_SCENARIO = "weeks: 2\npopulation:\n  persons: 200\n"

# (override text, phrases stderr must contain)
BAD_OVERRIDES = [
    ("population.persons=-5",
     ["--set population.persons=-5", "population.persons", "-5 is negative"]),
    ("population.persns=5",
     ["--set population.persns=5", "population.persns", "did you mean 'persons'?"]),
    ("weeks=abc", ["--set weeks=abc", "weeks", "'abc' is not a number"]),
    ("labour_market.sectors.99.name=x",
     ["--set labour_market.sectors.99.name=x", "item 99 does not exist"]),
    ("weeks", ["--set weeks", "expected key.path=value"]),
]


def expectations(path: pathlib.Path):
    """(line, key, text) from the file's leading comments."""
    line, key, text = 1, "", "the scenario is empty"
    for row in path.read_text(encoding="utf-8").splitlines():
        if not row.startswith("#"):
            break
        tag, _, value = row.partition(":")
        value = value.strip()
        if tag == "# expect-line":
            line, text = int(value), ""
        elif tag == "# expect-key":
            key = value
        elif tag == "# expect-text":
            text = value
    return line, key, text


def run(jobsim: str, scenario: pathlib.Path, out_dir: pathlib.Path, extra=()):
    out = out_dir / "out.h5"
    result = subprocess.run([jobsim, "run", str(scenario), "-o", str(out), *extra],
                            capture_output=True, text=True, timeout=120)
    leftovers = sorted(p.name for p in out_dir.glob("out.h5*"))
    return result, leftovers


def check(name: str, result, leftovers, phrases, failures: list):
    problems = []
    if result.returncode != 2:
        problems.append(f"exit code {result.returncode}, expected 2")
    for phrase in phrases:
        if phrase and phrase not in result.stderr:
            problems.append(f"stderr lacks {phrase!r}")
    if leftovers:
        problems.append(f"output files left behind: {leftovers}")
    if problems:
        failures.append(f"{name}: " + "; ".join(problems) + f"\n    stderr: {result.stderr.strip()}")
    else:
        print(f"ok   {name}: {result.stderr.strip().splitlines()[-1].strip()}")


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    jobsim, bad_dir = sys.argv[1], pathlib.Path(sys.argv[2])
    bad_files = sorted(bad_dir.glob("*.yaml"))
    failures: list = []
    if len(bad_files) < 70:
        failures.append(f"only {len(bad_files)} bad scenarios in {bad_dir}; expected at least 70")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = pathlib.Path(tmp)
        for path in bad_files:
            line, key, text = expectations(path)
            out_dir = tmp_dir / path.stem
            out_dir.mkdir()
            result, leftovers = run(jobsim, path, out_dir)
            phrases = [f"{path}:{line}:", f": {key}: " if key else "", text]
            check(path.name, result, leftovers, phrases, failures)

        valid = tmp_dir / "valid.yaml"
        valid.write_text(VALID_SCENARIO, encoding="utf-8")
        for index, (override, phrases) in enumerate(BAD_OVERRIDES):
            out_dir = tmp_dir / f"override_{index}"
            out_dir.mkdir()
            result, leftovers = run(jobsim, valid, out_dir, ["--set", override])
            check(f"--set {override}", result, leftovers, phrases, failures)

    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
