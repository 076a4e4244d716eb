#!/usr/bin/python3
"""End to end: every broken scenario in tests/data/bad makes `jobsim run` exit 2, print a message
naming the file, line and key on stderr, and create no output file; --set overrides likewise, and
so do inputs generated here rather than committed: huge files (50 MB, a million keys, /dev/zero),
which must be refused within a few seconds, and scenarios that need more memory than the machine
has (or than JOBSIM_MEMORY_BYTES allows).

Usage: run_bad_inputs.py JOBSIM BAD_DIR

Each bad file's first comment lines say what the message must contain (see test_bad_inputs.cpp):
    # expect-line: N      # expect-key: a.b.c      # expect-text: ...
A 0-byte file expects line 1 and "the scenario is empty".
"""
import os
import pathlib
import subprocess
import sys
import tempfile
import time

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
    # There is no sweep block yet: a sweep over a path that does not exist is this, a --set of it.
    ("sweep.values=[1,2]", ["--set sweep.values=[1,2]", ": sweep: ", "unknown key 'sweep'"]),
    ("regime.mentoring.enabeld=true",
     ["regime.mentoring.enabeld", "did you mean 'enabled'?"]),
    ("population.persons.per_area=5",
     ["population.persons", "found a block of keys; expected a whole number"]),
    ("arms.treatment.mentoring.enabled=true",
     [": arms.treatment: ", "the scenario has no arm 'treatment'", "does not add them"]),
    ("trial.horizons.7=3", ["trial.horizons.7", "item 7 does not exist"]),
    ("population.persons=[1", ["population.persons", "a '[' opened here is not closed"]),
    ("service.coaches_per_area=99999",
     ["--set service.coaches_per_area=99999: service.coaches_per_area: ",
      "expected no more coaches than persons"]),
]

# Generated inputs: (name, how to write the file, extra environment, phrases, seconds allowed).
HUGE_SECONDS = 10


def write_50mb(path: pathlib.Path):
    """50 MB of valid-looking YAML: refused by size before it is read."""
    with path.open("w", encoding="utf-8") as out:
        out.write(VALID_SCENARIO)
        line = "# " + "x" * 98 + "\n"
        out.write(line * (50 * 1024 * 1024 // len(line)))


def write_million_keys(path: pathlib.Path):
    """A mapping of 10^6 keys (about 12 MB)."""
    with path.open("w", encoding="utf-8") as out:
        out.write(VALID_SCENARIO)
        out.writelines(f"key_{i}: {i}\n" for i in range(1_000_000))


def write_many_keys_under_cap(path: pathlib.Path):
    """Just under the 1 MiB cap, about 90000 keys: refused at the block's 10000th key."""
    with path.open("w", encoding="utf-8") as out:
        out.write(VALID_SCENARIO)
        size, i = len(VALID_SCENARIO), 0
        while size < 1024 * 1024 - 32:
            row = f"k{i}: 1\n"
            out.write(row)
            size, i = size + len(row), i + 1


def write_beyond_machine(path: pathlib.Path):
    """The largest population with the most employers: about 160 GiB, more than most machines."""
    path.write_text("weeks: 2\npopulation:\n  persons: 50000000\n  areas: 65000\n"
                    "labour_market:\n  employers_per_area: 66000\n", encoding="utf-8")


def write_million_persons(path: pathlib.Path):
    path.write_text("weeks: 2\npopulation:\n  persons: 1000000\n", encoding="utf-8")


def machine_memory_bytes() -> int:
    for row in pathlib.Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
        if row.startswith("MemTotal:"):
            return int(row.split()[1]) * 1024
    return 0


GENERATED = [
    ("huge_50mb.yaml", write_50mb, {},
     [":1:1: ", "bytes; expected a scenario file of at most 1048576 bytes"]),
    ("million_keys.yaml", write_million_keys, {},
     [":1:1: ", "bytes; expected a scenario file of at most 1048576 bytes"]),
    ("many_keys_under_cap.yaml", write_many_keys_under_cap, {},
     [":10002:1: ", "the block holds more than 10000 keys"]),
    # One million persons need about 270 MB: more than a limit of 64 MiB, named at the key.
    ("memory_beyond_limit.yaml", write_million_persons, {"JOBSIM_MEMORY_BYTES": "64M"},
     [":3:3: population.persons: the run needs about ", "JOBSIM_MEMORY_BYTES allows 64 MiB"]),
]
# Physical memory is checked when the machine has less than the scenario's 160 GiB.
if machine_memory_bytes() < 150 * 1024 ** 3:
    GENERATED.append(
        ("memory_beyond_machine.yaml", write_beyond_machine, {"JOBSIM_MEMORY_BYTES": ""},
         [":6:3: labour_market.employers_per_area: the run needs about ", "this machine has"]))


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


def run(jobsim: str, scenario: pathlib.Path, out_dir: pathlib.Path, extra=(), env=None):
    out = out_dir / "out.h5"
    environment = dict(os.environ, **(env or {}))
    result = subprocess.run([jobsim, "run", str(scenario), "-o", str(out), *extra],
                            capture_output=True, text=True, timeout=120, env=environment)
    leftovers = sorted(p.name for p in out_dir.glob("out.h5*"))
    return result, leftovers


def check(name: str, result, leftovers, phrases, failures: list):
    problems = []
    if result.returncode != 2:
        problems.append(f"exit code {result.returncode}, expected 2")
    if result.stderr.count("jobsim: error: ") != 1 or "invalid scenario (1 problem)" not in result.stderr:
        problems.append("expected one message, 'invalid scenario (1 problem)'")
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

        for name, write, env, phrases in GENERATED:
            out_dir = tmp_dir / pathlib.Path(name).stem
            out_dir.mkdir()
            path = out_dir / name
            write(path)
            start = time.monotonic()
            result, leftovers = run(jobsim, path, out_dir, env=env)
            seconds = time.monotonic() - start
            if seconds > HUGE_SECONDS:
                failures.append(f"{name}: took {seconds:.1f} s; expected under {HUGE_SECONDS} s")
            check(f"{name} ({seconds:.1f} s)", result, leftovers, [str(path)] + phrases, failures)
            path.unlink()

        # A device that never ends: read no further than the size cap.
        out_dir = tmp_dir / "dev_zero"
        out_dir.mkdir()
        result, leftovers = run(jobsim, pathlib.Path("/dev/zero"), out_dir)
        check("/dev/zero", result, leftovers,
              ["/dev/zero:1:1: ", "more than 1048576 bytes"], failures)

    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
