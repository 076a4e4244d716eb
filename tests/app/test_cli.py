#!/usr/bin/python3
"""Command-line tests of the jobsim executable: exit codes, no overwrite without --force,
thread-count invariance of the output, the committed key reference being up to date, and faults
(SIGINT / SIGTERM / SIGKILL part way, --resume, a file-size limit).

Usage: test_cli.py JOBSIM REPO_ROOT CASE   (one CTest test per CASE; standard library only)
"""
import os
import pathlib
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time

JOBSIM = pathlib.Path(sys.argv[1]).resolve()
ROOT = pathlib.Path(sys.argv[2]).resolve()
BASELINE = ROOT / "scenarios" / "baseline.yaml"
H5DIFF = "/usr/bin/h5diff"
PYTHON = "/usr/bin/python3"
# A run that takes a second: the baseline made tiny.
TINY = ["--set", "population.persons=500", "--set", "weeks=4", "--set", "burn_in_weeks=0"]
SUBCOMMANDS = ["run", "trial", "validate", "resolve", "reference", "bench"]
# A trial scenario made tiny: two replications of a 10-week trial of 1500 people.
TINY_TRIAL = ["--set", "population.persons=1500", "--set", "weeks=10", "--set", "burn_in_weeks=2",
              "--set", "trial.horizons=[4,8]", "--set", "trial.enrolment_weeks=2",
              "--set", "trial.steps=3", "--set", "trial.step_weeks=2",
              "--replications", "2", "--threads", "2"]


def jobsim(*args, cwd=None):
    """Runs jobsim; returns the completed process with text stdout and stderr."""
    return subprocess.run([str(JOBSIM), *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=600, check=False)


def expect(condition, what, result=None):
    if not condition:
        detail = ""
        if result is not None:
            detail = (f"\n  command: {' '.join(map(str, result.args))}\n  exit: {result.returncode}"
                      f"\n  stdout: {result.stdout[-2000:]}\n  stderr: {result.stderr[-2000:]}")
        raise AssertionError(what + detail)


def expect_exit(result, code, what):
    expect(result.returncode == code, f"{what}: expected exit {code}", result)


def case_help():
    """--help exits 0 on the program and every subcommand, and documents the exit codes."""
    for sub in [[]] + [[name] for name in SUBCOMMANDS]:
        result = jobsim(*sub, "--help")
        expect_exit(result, 0, f"jobsim {' '.join(sub)} --help")
        expect("Usage" in result.stdout, "help text printed on stdout", result)
        expect("Exit codes" in result.stdout, "help footer documents exit codes", result)
    result = jobsim("--version")
    expect_exit(result, 0, "jobsim --version")
    expect(result.stdout.startswith("jobsim "), "version names jobsim", result)


def case_validate_baseline():
    """The flagship scenario is valid."""
    result = jobsim("validate", BASELINE)
    expect_exit(result, 0, "validate scenarios/baseline.yaml")
    expect(result.stdout.startswith("ok"), "validate says ok", result)


def case_validate_all_scenarios():
    """Every example in scenarios/ is valid (examples are documentation that must work)."""
    scenarios = sorted((ROOT / "scenarios").glob("*.yaml"))
    expect(scenarios, "scenarios/ holds at least one scenario")
    for scenario in scenarios:
        expect_exit(jobsim("validate", scenario), 0, f"validate {scenario.name}")


def case_run_every_scenario():
    """Every example scenario runs (made tiny) and prints the summary table with one column per arm."""
    tiny = ["--set", "population.persons=1500", "--set", "weeks=6", "--set", "burn_in_weeks=2",
            "--set", "trial.design=none", "--replications", "1"]  # `trial` is tested below
    for scenario in sorted((ROOT / "scenarios").glob("*.yaml")):
        with tempfile.TemporaryDirectory() as tmp:
            result = jobsim("run", str(scenario), *tiny, "-o", "out.h5", cwd=tmp)
            expect_exit(result, 0, f"run {scenario.name}")
            header = next((line for line in result.stdout.splitlines()
                           if line.startswith("outcome ")), "")
            expect("baseline" in header, f"{scenario.name}: the summary table has a baseline column",
                   result)
            expect("employed_26w" in result.stdout and "cost_per_sustained_job" in result.stdout,
                   f"{scenario.name}: the summary table lists the outcomes", result)


def case_trial_every_trial_scenario():
    """Every trial scenario runs its trial (made tiny), writes /trial and prints the diagnosis."""
    scenarios = sorted((ROOT / "scenarios").glob("trial_*.yaml"))
    expect(len(scenarios) >= 4, "scenarios/ holds the four trial scenarios")
    for scenario in scenarios:
        with tempfile.TemporaryDirectory() as tmp:
            result = jobsim("trial", str(scenario), *TINY_TRIAL, "-o", "trial.h5", cwd=tmp)
            expect_exit(result, 0, f"trial {scenario.name}")
            expect((pathlib.Path(tmp) / "trial.h5").is_file(), f"{scenario.name}: file written")
            header = next((line for line in result.stdout.splitlines()
                           if line.startswith("outcome ")), "")
            for column in ("estimand", "estimator", "truth", "bias", "power", "coverage", "mde"):
                expect(column in header, f"{scenario.name}: the table has a {column} column",
                       result)


def case_trial_refuses_bad_requests():
    """No trial declared, an unknown --outcome, or an existing file: exit 2, nothing written."""
    with tempfile.TemporaryDirectory() as tmp:
        result = jobsim("trial", BASELINE, *TINY, "-o", "t.h5", cwd=tmp)
        expect_exit(result, 2, "trial on a scenario without a trial")
        expect("trial.design" in result.stderr, "the message names trial.design", result)
        expect(not any(pathlib.Path(tmp).iterdir()), "no file written", result)
        scenario = ROOT / "scenarios" / "trial_personal_budgets.yaml"
        result = jobsim("trial", scenario, *TINY_TRIAL, "--outcome", "happiness", "-o", "t.h5",
                        cwd=tmp)
        expect_exit(result, 2, "trial with an unknown outcome")
        expect("employed" in result.stderr, "the message lists the outcomes", result)
        (pathlib.Path(tmp) / "t.h5").write_text("mine")
        result = jobsim("trial", scenario, *TINY_TRIAL, "-o", "t.h5", cwd=tmp)
        expect_exit(result, 2, "trial onto an existing file without --force")
        expect((pathlib.Path(tmp) / "t.h5").read_text() == "mine", "the file is untouched")
        result = jobsim("trial", scenario, *TINY_TRIAL, "--set", "weeks=5", "-o", "u.h5", cwd=tmp)
        expect_exit(result, 2, "trial whose horizons do not fit in weeks")
        expect("trial.horizons" in result.stderr, "the message names trial.horizons", result)


def case_calibration_report():
    """calibration-report prints every target beside a simulated value, and writes no file."""
    with tempfile.TemporaryDirectory() as tmp:
        result = jobsim("calibration-report", str(BASELINE), "--set", "population.persons=3000",
                        "--weeks", "20", cwd=tmp)
        expect_exit(result, 0, "calibration-report")
        for target in ("C1 ", "C2 ", "C5 ", "C10 ", "C12 ", "R5 "):
            expect(target in result.stdout, f"the table has a {target.strip()} row", result)
        expect(not any(pathlib.Path(tmp).iterdir()), "no file written", result)


def case_resolve_round_trip():
    """The resolved scenario is itself a valid scenario that resolves to the same text."""
    with tempfile.TemporaryDirectory() as tmp:
        first = jobsim("resolve", BASELINE, *TINY)
        expect_exit(first, 0, "resolve baseline")
        resolved = pathlib.Path(tmp) / "resolved.yaml"
        resolved.write_text(first.stdout)
        second = jobsim("resolve", resolved)
        expect_exit(second, 0, "resolve the resolved scenario")
        expect(first.stdout == second.stdout, "resolving twice gives the same text", second)


def case_run_creates_file():
    """A tiny run writes its file and reports what it wrote."""
    with tempfile.TemporaryDirectory() as tmp:
        result = jobsim("run", BASELINE, *TINY, "-o", "out.h5", cwd=tmp)
        expect_exit(result, 0, "run tiny baseline")
        out = pathlib.Path(tmp) / "out.h5"
        expect(out.is_file() and out.stat().st_size > 0, "out.h5 written", result)
        expect("out.h5" in result.stdout, "summary names the file", result)
        leftovers = sorted(p.name for p in pathlib.Path(tmp).iterdir() if p.name != "out.h5")
        expect(not leftovers, f"no temporary files left behind: {leftovers}", result)


def case_no_overwrite_without_force():
    """An existing file is kept byte for byte without --force (exit 2) and replaced with it."""
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "out.h5"
        expect_exit(jobsim("run", BASELINE, *TINY, "-o", out), 0, "first run")
        before = out.read_bytes()
        again = jobsim("run", BASELINE, *TINY, "--seed", "7", "-o", out)
        expect_exit(again, 2, "second run without --force")
        expect(again.stderr.startswith("jobsim: error: "), "message on stderr", again)
        expect(out.read_bytes() == before, "existing file unchanged", again)
        forced = jobsim("run", BASELINE, *TINY, "--seed", "7", "-o", out, "--force")
        expect_exit(forced, 0, "run with --force")
        expect(out.is_file(), "file still there after --force", forced)


def tree_of(folder: pathlib.Path):
    """Every path under a folder with its bytes (None for a folder): to see nothing changed."""
    return {str(p.relative_to(folder)): (None if p.is_dir() else p.read_bytes())
            for p in sorted(folder.rglob("*"))}


def case_output_exists_without_force():
    """A file the user made (not an HDF5 file) is left byte for byte, with its time, when run or
    trial names it without --force: exit 2 before any work, a message naming it, no .partial."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        notes = folder / "notes.txt"
        notes.write_text("my notes: not to be lost\n", encoding="utf-8")
        before = (notes.read_bytes(), notes.stat().st_mtime_ns)
        trial = ROOT / "scenarios" / "trial_personal_budgets.yaml"
        for command in (["run", BASELINE, *TINY], ["trial", trial, *TINY_TRIAL]):
            result = jobsim(*command, "-o", notes)
            expect_exit(result, 2, f"{command[0]} onto an existing file without --force")
            expect(f"output file '{notes}' exists; pass --force" in result.stderr,
                   "the message names the file and --force", result)
            expect(result.stderr.count("jobsim: error: ") == 1, "one message", result)
            expect((notes.read_bytes(), notes.stat().st_mtime_ns) == before,
                   "the user's file is untouched (bytes and modification time)", result)
            expect(sorted(p.name for p in folder.iterdir()) == ["notes.txt"],
                   "nothing else created (no .partial)", result)


def case_output_is_directory():
    """An output naming a folder (with or without a trailing '/', even with --force) is bad input:
    exit 2, a message naming it, and the folder and its contents untouched."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        results = folder / "results"
        results.mkdir()
        (results / "keep.txt").write_text("keep me\n", encoding="utf-8")
        before = tree_of(folder)
        for output, extra, phrase in ((results, [], "is a folder, not a file"),
                                      (results, ["--force"], "is a folder, not a file"),
                                      (f"{results}/", [], "is not a file name")):
            result = jobsim("run", BASELINE, *TINY, "-o", output, *extra)
            expect_exit(result, 2, f"run -o {output} {' '.join(extra)}")
            expect(f"'{output}' {phrase}" in result.stderr, "the message names the folder", result)
            expect(tree_of(folder) == before, "the folder and its contents untouched", result)


def case_output_unwritable():
    """An output that cannot be created is refused before the run, with a message naming it and
    nothing left behind: a folder that does not exist or is a file (exit 2), a folder without
    write permission (exit 2; skipped as root, who may write anyway) and /proc, where not even
    root can create a file (exit 1: the failure comes from creating the file)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        (folder / "a_file").write_text("x\n", encoding="utf-8")
        cases = [(folder / "missing" / "out.h5", 2, "does not exist"),
                 (folder / "a_file" / "out.h5", 2, "a_file")]
        locked = folder / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        if os.geteuid() != 0:
            cases.append((locked / "out.h5", 2, "is not writable"))
        for output, code, phrase in cases:
            before = tree_of(folder)
            result = jobsim("run", BASELINE, *TINY, "-o", output)
            expect_exit(result, code, f"run -o {output}")
            expect(str(output) in result.stderr and phrase in result.stderr,
                   f"the message names the output and says {phrase!r}", result)
            expect(tree_of(folder) == before, "nothing created", result)
        locked.chmod(0o755)
    result = jobsim("run", BASELINE, *TINY, "-o", "/proc/jobsim-cli-test.h5")
    expect_exit(result, 1, "run -o /proc/...")
    expect("/proc/jobsim-cli-test.h5" in result.stderr, "the message names the output", result)
    expect(result.stderr.count("jobsim: error: ") == 1, "one message", result)
    expect("wrote" not in result.stdout, "no run reported", result)


def case_missing_scenario():
    """A scenario file that does not exist is bad input (exit 2) and creates no output."""
    with tempfile.TemporaryDirectory() as tmp:
        result = jobsim("run", pathlib.Path(tmp) / "no-such.yaml", "-o", "out.h5", cwd=tmp)
        expect_exit(result, 2, "run a missing scenario")
        expect("jobsim: error: " in result.stderr, "message on stderr", result)
        expect(not list(pathlib.Path(tmp).iterdir()), "no output created", result)
        expect_exit(jobsim("validate", pathlib.Path(tmp) / "no-such.yaml"), 2,
                    "validate a missing scenario")


def case_unknown_option():
    """An unknown option or subcommand is bad input (exit 2)."""
    with tempfile.TemporaryDirectory() as tmp:
        result = jobsim("run", BASELINE, "-o", "out.h5", "--no-such-option", cwd=tmp)
        expect_exit(result, 2, "unknown option")
        expect(not list(pathlib.Path(tmp).iterdir()), "no output created", result)
    expect_exit(jobsim("no-such-command"), 2, "unknown subcommand")
    expect_exit(jobsim(), 2, "no subcommand")
    expect_exit(jobsim("run", BASELINE, "-o", "x.h5", "--threads", "0"), 2, "--threads 0")


def case_bad_override():
    """A --set value out of range is bad input (exit 2) that names the key; no output."""
    with tempfile.TemporaryDirectory() as tmp:
        result = jobsim("run", BASELINE, "--set", "population.persons=-5", "-o", "out.h5",
                        cwd=tmp)
        expect_exit(result, 2, "run with a negative population")
        expect("population.persons" in result.stderr, "message names the key", result)
        expect(not list(pathlib.Path(tmp).iterdir()), "no output created", result)
        expect_exit(jobsim("validate", BASELINE, "--set", "no_equals_sign"), 2,
                    "--set without '='")


def case_thread_invariance():
    """The same seed at 1 and 2 threads, replications one after another or side by side, gives
    identical /arms and /summary (h5diff finds nothing)."""
    args = [BASELINE, "--set", "population.persons=10000", "--set", "weeks=12",
            "--set", "burn_in_weeks=4", "--replications", "3", "--seed", "20240607"]
    runs = {"a.h5": ["--threads", "1"],
            "b.h5": ["--threads", "2", "--side-by-side", "off"],
            "c.h5": ["--threads", "2"]}  # auto: side by side at this size
    with tempfile.TemporaryDirectory() as tmp:
        for name, options in runs.items():
            expect_exit(jobsim("run", *args, *options, "-o", name, cwd=tmp), 0, " ".join(options))
        for name in ("b.h5", "c.h5"):
            for group in ("/arms", "/summary"):
                diff = subprocess.run([H5DIFF, "a.h5", name, group, group], cwd=tmp,
                                      capture_output=True, text=True, timeout=600, check=False)
                expect(diff.returncode == 0 and diff.stdout.strip() == "",
                       f"h5diff reports no difference in {group} between 1 thread and "
                       f"{' '.join(runs[name])}", diff)


def case_bench_smoke():
    """`jobsim bench --quick` runs a tiny named case and prints its table; unknown cases exit 2.
    The benchmark itself is never run here: two weeks of 10,000 persons take well under a second."""
    result = jobsim("bench", "--quick", "--cases", "baseline-1e5", "--weeks", "2")
    expect_exit(result, 0, "jobsim bench --quick --cases baseline-1e5 --weeks 2")
    expect("machine:" in result.stdout, "the machine is stated", result)
    for column in ("pw/s/core @2", "speed-up", "output %", "bytes/person", "budget %"):
        expect(column in result.stdout, f"the table has the column '{column}'", result)
    expect("baseline-1e5" in result.stdout and "10,000" in result.stdout,
           "the case's row shows a tenth of its persons", result)
    expect("output level standard" in result.stdout, "the default level is stated", result)
    # The state columns: 4-byte ties stored at both ends cost at least 8 bytes a tie, and the
    # persons' columns are some 100 bytes (the issue's budget is 128).
    header = next(line for line in result.stdout.splitlines() if line.startswith("case "))
    row = next(line for line in result.stdout.splitlines() if line.startswith("baseline-1e5"))
    columns = [c.strip() for c in re.split(r"\s{2,}", header.strip())]
    values = re.split(r"\s{2,}", row.strip())
    expect(len(values) == len(columns), "the row has a value for every column", result)
    state = float(values[columns.index("state B/person")])
    per_tie = float(values[columns.index("network B/tie")])
    expect(50 <= state <= 128, f"state B/person {state} is within the budget", result)
    expect(8 <= per_tie <= 16, f"network B/tie {per_tie} is at least two 4-byte slots", result)
    expect("the median of 1 run of each" in result.stdout, "one run by default", result)
    result = jobsim("bench", "--quick", "--cases", "baseline-1e5", "--weeks", "2", "--repeat", "2")
    expect_exit(result, 0, "jobsim bench --quick ... --repeat 2")
    expect("the median of 2 runs of each" in result.stdout, "the repeats are stated", result)
    expect_exit(jobsim("bench", "--repeat", "0"), 2, "--repeat 0")
    result = jobsim("bench", "--quick", "--cases", "baseline-1e5", "--weeks", "2",
                    "--output-level", "full")
    expect_exit(result, 0, "jobsim bench --quick ... --output-level full")
    expect("output level full" in result.stdout, "the level asked for is stated", result)
    expect_exit(jobsim("bench", "--output-level", "everything"), 2, "an unknown output level")
    result = jobsim("bench", "--cases", "no_such_case")
    expect_exit(result, 2, "jobsim bench --cases no_such_case")
    expect("baseline-1e5" in result.stderr, "the message lists the known cases", result)


# Run inside PYTHON (h5py) by case_output_levels: the standard file's trajectories are the full
# file's columns of the panel, and the summary file has no per-person data.
CHECK_LEVELS = """
import sys, h5py, numpy as np
full, standard, summary, panel = h5py.File(sys.argv[1]), h5py.File(sys.argv[2]), h5py.File(sys.argv[3]), int(sys.argv[4])
persons = int(full.attrs["persons"])
ids = np.array([k * persons // panel for k in range(panel)])
assert full.attrs["output_level"] == "full" and standard.attrs["output_level"] == "standard"
assert int(standard.attrs["trajectory_persons"]) == panel
checked = 0
for arm in full["arms"]:
    for r in full["arms"][arm]["replications"]:
        f, s = full["arms"][arm]["replications"][r], standard["arms"][arm]["replications"][r]
        assert (s["person"][:] == ids).all(), "the person scale holds the panel's ids"
        for name in f["trajectories"]:
            a, b = f["trajectories"][name][:], s["trajectories"][name][:]
            assert b.shape == (a.shape[0], panel), name
            assert np.array_equal(a[:, ids], b, equal_nan=True), name
            checked += 1
        t = summary["arms"][arm]["replications"][r]
        assert not list(t), f"summary level: {r} holds {list(t)}"
assert checked >= 14, checked
assert summary.attrs["output_level"] == "summary" and "summary" in summary
"""


def case_output_levels():
    """--output-level: standard (the default) writes a panel's trajectories equal to the full
    file's columns and otherwise the same tables; summary writes none; bad values exit 2."""
    args = [BASELINE, "--set", "population.persons=3000", "--set", "weeks=6",
            "--set", "burn_in_weeks=2", "--replications", "2", "--threads", "2"]
    with tempfile.TemporaryDirectory() as tmp:
        for name, level in (("full.h5", ["--output-level", "full"]),
                            ("standard.h5", ["--trajectory-panel", "7"]),
                            ("summary.h5", ["--output-level", "summary"])):
            result = jobsim("run", *args, *level, "-o", name, cwd=tmp)
            expect_exit(result, 0, f"run {' '.join(level)}")
            expect("output level" in result.stdout, "the run says its output level", result)
        for tables in ("/summary", "/arms/baseline/replications/1/persons",
                       "/arms/baseline/replications/1/events",
                       "/arms/baseline/replications/0/area_series"):
            diff = subprocess.run([H5DIFF, "full.h5", "standard.h5", tables, tables], cwd=tmp,
                                  capture_output=True, text=True, timeout=600, check=False)
            expect(diff.returncode == 0, f"{tables} is the same at standard and full", diff)
        check = subprocess.run([PYTHON, "-c", CHECK_LEVELS, "full.h5", "standard.h5",
                                "summary.h5", "7"], cwd=tmp, capture_output=True, text=True,
                               timeout=600, check=False)
        expect(check.returncode == 0, "the levels' files hold what they should", check)
        sizes = [(pathlib.Path(tmp) / n).stat().st_size for n in ("summary.h5", "standard.h5",
                                                                 "full.h5")]
        expect(sizes == sorted(sizes), f"summary < standard < full in size: {sizes}")

        bad = jobsim("run", *args, "--output-level", "everything", "-o", "bad.h5", cwd=tmp)
        expect_exit(bad, 2, "an unknown output level")
        expect("--output-level" in bad.stderr and "standard" in bad.stderr,
               "the message names the option and the levels", bad)
        bad = jobsim("run", *args, "--output-level", "full", "--trajectory-panel", "5",
                     "-o", "bad.h5", cwd=tmp)
        expect_exit(bad, 2, "--trajectory-panel with the full level")
        expect("--trajectory-panel" in bad.stderr, "the message names the option", bad)
        expect(not (pathlib.Path(tmp) / "bad.h5").exists(), "no file for bad input")


def case_reference_up_to_date():
    """`jobsim reference` equals the committed sim/scenario/reference.md."""
    committed = ROOT / "sim" / "scenario" / "reference.md"
    result = jobsim("reference")
    expect_exit(result, 0, "jobsim reference")
    expect(committed.is_file(), f"{committed} exists")
    expect(result.stdout == committed.read_text(),
           "sim/scenario/reference.md is out of date: regenerate it with "
           "`build/jobsim reference > sim/scenario/reference.md`")


def case_consumer():
    """A real run's file, at the standard level with a panel, is read without jobsim by
    tests/output/test_read_output.py (h5py)."""
    reader = ROOT / "tests" / "output" / "test_read_output.py"
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "consumer.h5"
        expect_exit(jobsim("run", BASELINE, *TINY, "--replications", "2",
                           "--trajectory-panel", "50", "-o", out), 0,
                    "run for the consumer test (a panel of 50 of the 500 persons)")
        read = subprocess.run([PYTHON, str(reader), str(out)], capture_output=True, text=True,
                              timeout=600, check=False)
        expect(read.returncode == 0, "test_read_output.py reads the file", read)


# A run of several replications that each take a moment, for the fault tests.
FAULT_RUN = ["--set", "population.persons=3000", "--set", "weeks=20", "--set", "burn_in_weeks=2",
             "--replications", "4", "--threads", "2"]

# Reads a partial-output folder with h5py (in a child: this script is standard library only) and
# prints one line per finished replication file; exits 1 if one is not readable and complete.
CHECK_PARTIAL = r"""
import pathlib, sys, h5py
folder = pathlib.Path(sys.argv[1])
for path in sorted(folder.glob("replication-*.h5")):
    with h5py.File(path, "r") as f:
        assert f.attrs["complete"] == 1, path
        r = int(f.attrs["replication"])
        assert len(f["outcomes"]) == len(f["arms"]), path
        for arm in f["arms"]:
            group = f["arms"][arm]["replications"][str(r)]
            assert group.attrs["complete"] == 1, (path, arm)
            assert group.attrs["weeks_recorded"] == group.attrs["weeks"], (path, arm)
            if "persons" in group:
                assert len(group["persons"]) == group.attrs["persons"], (path, arm)
                group["events"][:]
                for name in group["trajectories"]:
                    group["trajectories"][name][:]
    print(path.name)
"""


def start_run(out, *extra):
    """Starts `jobsim run` of the fault scenario in the background."""
    return subprocess.Popen([str(JOBSIM), "run", str(BASELINE), *FAULT_RUN, *extra, "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(process, path, what, size=0):
    """Polls until `path` exists (and holds more than `size` bytes); fails if the run ends
    first."""
    def there():
        try:
            return pathlib.Path(path).stat().st_size >= size
        except FileNotFoundError:
            return False
    while not there():
        if process.poll() is not None:
            out, err = process.communicate()
            raise AssertionError(f"the run ended (exit {process.returncode}) before {what}"
                                 f"\n  stdout: {out[-2000:]}\n  stderr: {err[-2000:]}")
        time.sleep(0.002)


def finished_replications(folder):
    """The finished replication files of a partial output, each checked with h5py."""
    read = subprocess.run([PYTHON, "-c", CHECK_PARTIAL, str(folder)], capture_output=True,
                          text=True, timeout=600, check=False)
    expect(read.returncode == 0, "every finished replication is readable and complete", read)
    return read.stdout.split()


def expect_same_results(reference, out, what):
    for group in ["/arms", "/summary"]:
        diff = subprocess.run([H5DIFF, str(reference), str(out), group, group],
                              capture_output=True, text=True, check=False)
        expect(diff.returncode == 0 and diff.stdout == "",
               f"{what}: {group} equals the uninterrupted run's", diff)


def resume_and_compare(tmp, out, reference, what):
    resumed = jobsim("run", BASELINE, *FAULT_RUN, "-o", out, "--resume", cwd=tmp)
    expect_exit(resumed, 0, f"{what}: --resume")
    expect_same_results(reference, out, what)
    expect(not pathlib.Path(f"{out}.partial.d").exists(), f"{what}: partial output removed")
    expect(not pathlib.Path(f"{out}.partial").exists(), f"{what}: no temporary file left")
    pathlib.Path(out).unlink()


def case_kill_and_resume():
    """SIGKILL at several points (mid-replication before any finished, just after the first
    finished, as a later one begins and part way through writing it, during assembly), with
    replications one after another and side by side: the finished replications are readable and
    complete, and --resume (whichever way it runs them) gives the uninterrupted run's /arms and
    /summary."""
    with tempfile.TemporaryDirectory() as tmp:
        reference = pathlib.Path(tmp) / "reference.h5"
        expect_exit(jobsim("run", BASELINE, *FAULT_RUN, "-o", reference), 0, "uninterrupted run")
        out = pathlib.Path(tmp) / "out.h5"
        folder = pathlib.Path(f"{out}.partial.d")
        # Side by side the first two replications begin together: the third is the first to
        # begin after one finished.
        modes = [("one after another", ["--side-by-side", "off"], 1),
                 ("side by side", ["--side-by-side", "on"], 2)]
        for mode, flags, later in modes:
            points = [("during the first replication", folder / "replication-0.h5.tmp", 0, 0),
                      ("after the first replication", folder / "replication-0.h5", 0, 1),
                      ("as a later one begins", folder / f"replication-{later}.h5.tmp", 0, 1),
                      ("while writing a later one", folder / f"replication-{later}.h5.tmp",
                       200_000, 1)]
            for what, marker, size, at_least in points:
                what = f"{mode}: killed {what}"
                run = start_run(out, "--force", *flags)
                wait_for(run, marker, what, size)
                run.kill()
                run.communicate()
                expect(run.returncode == -signal.SIGKILL, what)
                expect(not out.exists(), f"{what}: no output file")
                done = finished_replications(folder)
                expect(len(done) >= at_least, f"{what}: {at_least}+ replications kept ({done})")
                resume_and_compare(tmp, out, reference, what)
            # Killed again while resuming: resuming twice still gives the same result.
            run = start_run(out, "--force", *flags)
            wait_for(run, folder / "replication-0.h5", "the first replication")
            run.kill()
            run.communicate()
            run = start_run(out, "--resume", *flags)
            wait_for(run, folder / f"replication-{later + 1}.h5.tmp",
                     "the resumed run's replication after the first it ran")
            run.kill()
            run.communicate()
            expect(len(finished_replications(folder)) >= 2, f"{mode}: kept across two kills")
            resume_and_compare(tmp, out, reference, f"{mode}: killed twice")
        # Killed while assembling the output: every replication is kept.
        run = start_run(out, "--force")
        wait_for(run, pathlib.Path(f"{out}.partial"), "assembly")
        run.kill()
        run.communicate()
        if run.returncode == -signal.SIGKILL:
            expect(not out.exists(), "killed while assembling: no output file")
            expect(len(finished_replications(folder)) == 4, "killed while assembling: all kept")
        resume_and_compare(tmp, out, reference, "killed while assembling")


def case_interrupt_and_resume():
    """SIGINT / SIGTERM stop the run at a week boundary: exit 130 / 143, a message saying how
    many replications finished and how to resume, no output file (the partial output is marked
    incomplete by being one), and --resume finishes it with the uninterrupted run's results."""
    with tempfile.TemporaryDirectory() as tmp:
        reference = pathlib.Path(tmp) / "reference.h5"
        expect_exit(jobsim("run", BASELINE, *FAULT_RUN, "-o", reference), 0, "uninterrupted run")
        out = pathlib.Path(tmp) / "out.h5"
        folder = pathlib.Path(f"{out}.partial.d")
        for sig, code, name in [(signal.SIGINT, 130, "SIGINT"), (signal.SIGTERM, 143, "SIGTERM")]:
            run = start_run(out, "--force")
            wait_for(run, folder / "replication-0.h5", "the first replication")
            run.send_signal(sig)
            stdout, stderr = run.communicate(timeout=600)
            result = subprocess.CompletedProcess(run.args, run.returncode, stdout, stderr)
            expect_exit(result, code, f"stopped by {name}")
            expect(f"stopped by {name}" in stderr and "--resume" in stderr,
                   "the message names the signal and --resume", result)
            done = finished_replications(folder)
            expect(f"{len(done)} of 4 replications finished" in stderr,
                   "the message counts the finished replications", result)
            expect(not out.exists() and not pathlib.Path(f"{out}.partial").exists(),
                   "no output file, not even a temporary one", result)
            expect(not list(folder.glob("*.tmp")), "the unfinished replication is removed", result)
            again = jobsim("run", BASELINE, *FAULT_RUN, "-o", out, cwd=tmp)
            expect_exit(again, 2, "a run over a partial output without --resume or --force")
            expect("--resume" in again.stderr, "the message suggests --resume", again)
            resume_and_compare(tmp, out, reference, f"stopped by {name}")


def case_resume_refuses_other_runs():
    """--resume checks the partial output belongs to the same run, and refuses a missing,
    foreign or truncated one (exit 2, a clear message, nothing removed)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "out.h5"
        folder = pathlib.Path(f"{out}.partial.d")
        nothing = jobsim("run", BASELINE, *FAULT_RUN, "-o", out, "--resume")
        expect_exit(nothing, 2, "--resume without a partial output")
        expect("no partial output" in nothing.stderr, "the message says so", nothing)
        run = start_run(out)
        wait_for(run, folder / "replication-0.h5", "the first replication")
        run.kill()
        run.communicate()
        for extra, differs in [(["--seed", "99"], "seed"),
                               (["--set", "population.persons=3001"], "scenario"),
                               (["--output-level", "summary"], "--output-level"),
                               (["--trajectory-panel", "10"], "--trajectory-panel")]:
            other = jobsim("run", BASELINE, *FAULT_RUN, *extra, "-o", out, "--resume")
            expect_exit(other, 2, f"--resume with {' '.join(extra)}")
            expect(differs in other.stderr, f"the message names the {differs}", other)
        other = jobsim("run", BASELINE, *FAULT_RUN[:-4], "--replications", "5", "--threads", "2",
                       "-o", out, "--resume")
        expect_exit(other, 2, "--resume with other --replications")
        expect("replications was 4, now 5" in other.stderr, "the message names both", other)
        first = folder / "replication-0.h5"
        first.write_bytes(first.read_bytes()[:4096])
        truncated = jobsim("run", BASELINE, *FAULT_RUN, "-o", out, "--resume")
        expect_exit(truncated, 2, "--resume with a truncated replication file")
        expect("replication-0.h5" in truncated.stderr and "truncated" in truncated.stderr,
               "the message names the file", truncated)
        (folder / "manifest.h5").write_text("not HDF5\n")
        foreign = jobsim("run", BASELINE, *FAULT_RUN, "-o", out, "--resume")
        expect_exit(foreign, 2, "--resume with a foreign manifest")
        expect("not a jobsim partial output" in foreign.stderr, "the message says so", foreign)
        expect(first.exists() and not out.exists(), "nothing removed or written", foreign)
        forced = jobsim("run", BASELINE, *TINY, "-o", out, "--force")
        expect_exit(forced, 0, "--force starts again")
        expect(not folder.exists(), "--force discarded the partial output", forced)


def limit_file_size(blocks_of_1k):
    """A preexec_fn: RLIMIT_FSIZE, with SIGXFSZ ignored so write() fails with EFBIG."""
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        limit = blocks_of_1k * 1024
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def case_file_size_limit():
    """Past a file-size limit (as on a full disk) the run fails with exit 1 and a message saying
    what could not be written and why, and leaves no output file and no temporary file; the
    replications finished before the output was assembled are kept for --resume."""
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "out.h5"
        command = [str(JOBSIM), "run", str(BASELINE), *FAULT_RUN, "-o", str(out)]
        # 200 KB: the first replication's file cannot be written.
        small = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False,
                               preexec_fn=limit_file_size(200))
        expect_exit(small, 1, "a run past a 200 KB file-size limit")
        expect("could not write" in small.stderr and "File too large" in small.stderr,
               "the message says what could not be written and why", small)
        expect(not list(pathlib.Path(tmp).iterdir()), "nothing left behind", small)
        # Room for each replication's file but not the output assembled from them.
        reference = pathlib.Path(tmp) / "reference.h5"
        expect_exit(jobsim("run", BASELINE, *FAULT_RUN, "-o", reference), 0, "uninterrupted run")
        limit = reference.stat().st_size // 1024 // 2
        large = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False,
                               preexec_fn=limit_file_size(limit))
        expect_exit(large, 1, "a run past a file-size limit of half the output")
        expect("cannot write" in large.stderr and "file-size limit" in large.stderr,
               "the message says what could not be written and why", large)
        expect(not out.exists() and not pathlib.Path(f"{out}.partial").exists(),
               "no output file, no temporary file", large)
        expect("--resume" in large.stderr, "the message says the replications are kept", large)
        resume_and_compare(tmp, out, reference, "after the file-size limit")


def wait_for_handler(process, sig):
    """Polls /proc until the process catches `sig` (its handler is installed)."""
    bit = 1 << (sig - 1)
    while True:
        if process.poll() is not None:
            raise AssertionError(f"the process ended (exit {process.returncode}) first")
        try:
            status = pathlib.Path(f"/proc/{process.pid}/status").read_text()
        except FileNotFoundError:
            continue
        caught = next(line for line in status.splitlines() if line.startswith("SigCgt:"))
        if int(caught.split()[1], 16) & bit:
            return
        time.sleep(0.002)


def case_trial_interrupt():
    """SIGINT stops `jobsim trial` (exit 130, a message) and leaves no file, not even a temporary
    one: a trial is written only at the end."""
    trial = ROOT / "scenarios" / "trial_no_conditionality_areas.yaml"
    with tempfile.TemporaryDirectory() as tmp:
        big = [arg if arg != "population.persons=1500" else "population.persons=20000"
               for arg in TINY_TRIAL]
        run = subprocess.Popen([str(JOBSIM), "trial", str(trial), *big, "-o", "t.h5"],
                               cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wait_for_handler(run, signal.SIGINT)
        run.send_signal(signal.SIGINT)
        stdout, stderr = run.communicate(timeout=600)
        result = subprocess.CompletedProcess(run.args, run.returncode, stdout, stderr)
        expect_exit(result, 130, "trial stopped by SIGINT")
        expect("stopped by SIGINT" in stderr and "nothing was written" in stderr,
               "the message says so", result)
        expect(not list(pathlib.Path(tmp).iterdir()), "no file left", result)


CASES = {name[len("case_"):]: fn for name, fn in globals().items() if name.startswith("case_")}

if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[3] not in CASES:
        sys.exit(f"usage: {sys.argv[0]} JOBSIM REPO_ROOT CASE  (CASE: {', '.join(CASES)})")
    try:
        CASES[sys.argv[3]]()
    except AssertionError as error:
        print(f"FAILED {sys.argv[3]}: {error}", file=sys.stderr)
        sys.exit(1)
    print(f"passed {sys.argv[3]}")
