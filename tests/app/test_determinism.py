#!/usr/bin/python3
"""Determinism at the level of the output file (issue 6, Proof in CI): the same seed gives a
byte-identical file at 1, 2 and 4 threads and across two runs, and arms share common random
numbers. Runs the jobsim executable as a user would and reads its files with h5py.

Usage: test_determinism.py JOBSIM REPO_ROOT CASE   (one CTest test per CASE)

Compared: every group, dataset and attribute in the file — the values' raw bytes, and for chunked
datasets also every stored (compressed) chunk's bytes. Excluded, because they describe the run and
not its results (output/SCHEMA.md): the root attributes in PROVENANCE.
"""
import pathlib
import subprocess
import sys
import tempfile

import h5py
import numpy as np

JOBSIM = pathlib.Path(sys.argv[1]).resolve()
ROOT = pathlib.Path(sys.argv[2]).resolve()
# Root attributes that differ from run to run by design: when, where, how and on how many threads.
PROVENANCE = {"command", "threads", "created_utc", "host"}
# Three arms: the baseline regime, an arm that changes nothing the model reads ("same": a parameter
# of a mechanism that is off), and an arm whose change cannot act before week SUPPORT_WEEKS: in-work
# support, which nobody has at the start, ends after SUPPORT_WEEKS instead of 52 weeks in work.
SUPPORT_WEEKS = 6
SCENARIO = f"""extends: {ROOT / "scenarios" / "baseline.yaml"}
name: determinism
regime:
  in_work_support: {{enabled: true}}
arms:
  same: {{work_placement: {{weekly_wage_gbp: 1}}}}
  short_support: {{in_work_support: {{support_weeks: {SUPPORT_WEEKS}}}}}
"""
SMALL = ["--set", "population.persons=4000", "--set", "weeks=16", "--set", "burn_in_weeks=0",
         "--replications", "2", "--seed", "8675309", "--output-level", "full"]
# A trial scenario made small (as in test_cli.py): two replications of a 10-week trial.
TRIAL = ["--set", "population.persons=1500", "--set", "weeks=10", "--set", "burn_in_weeks=2",
         "--set", "trial.horizons=[4,8]", "--set", "trial.enrolment_weeks=2",
         "--replications", "2", "--seed", "31337"]


def expect(condition, what, result=None):
    if not condition:
        detail = ""
        if result is not None:
            detail = (f"\n  command: {' '.join(map(str, result.args))}\n  exit: {result.returncode}"
                      f"\n  stderr: {result.stderr[-2000:]}")
        raise AssertionError(what + detail)


def jobsim(*args, cwd):
    result = subprocess.run([str(JOBSIM), *map(str, args)], cwd=cwd, capture_output=True,
                            text=True, timeout=900, check=False)
    expect(result.returncode == 0, "jobsim exits 0", result)
    return result


def as_bytes(value, f):
    """The bytes of an attribute or dataset value; an object reference as the path it names (its
    address is the file's business), and variable-length values element by element."""
    if isinstance(value, h5py.Reference):
        return b"ref:" + (f[value].name.encode() if value else b"null")
    if isinstance(value, np.ndarray) and value.dtype.hasobject:
        items = value.ravel()
        if value.dtype.names:
            parts = [as_bytes(item[field], f) for item in items for field in value.dtype.names]
        else:
            parts = [as_bytes(item, f) for item in items]
        return repr((value.dtype.str, value.shape)).encode() + b"|".join(parts)
    if isinstance(value, (np.ndarray, np.generic)):
        return repr((value.dtype.str, np.shape(value))).encode() + value.tobytes()
    return repr(value).encode()


def contents(path):
    """Every object's name mapped to the bytes that identify it: attributes, values, chunks."""
    found = {}
    with h5py.File(path, "r") as f:
        def attributes(name, obj, skip=()):
            for key in sorted(obj.attrs):
                if key not in skip:
                    found[f"{name}@{key}"] = as_bytes(obj.attrs[key], f)

        def visit(name, obj):
            attributes(name, obj)
            if isinstance(obj, h5py.Dataset):
                data = obj[()]
                found[name] = as_bytes(data, f)
                if obj.chunks is not None:
                    for k in range(obj.id.get_num_chunks()):
                        info = obj.id.get_chunk_info(k)
                        mask, chunk = obj.id.read_direct_chunk(info.chunk_offset)
                        found[f"{name}#chunk{info.chunk_offset}"] = bytes([mask]) + chunk
            else:
                found[name] = b"group"

        attributes("/", f, skip=PROVENANCE)
        f.visititems(visit)
    return found


def expect_identical(a, b, what):
    first, second = contents(a), contents(b)
    expect(first.keys() == second.keys(),
           f"{what}: the same objects (only in one: {sorted(first.keys() ^ second.keys())[:10]})")
    differing = sorted(name for name in first if first[name] != second[name])
    expect(not differing, f"{what}: identical bytes (differ: {differing[:10]})")
    return first


def case_run_threads():
    """`jobsim run`: one file at 1, 2 and 4 threads and twice at 2 threads, identical bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        (pathlib.Path(tmp) / "s.yaml").write_text(SCENARIO)
        for name, threads in (("t1", 1), ("t2", 2), ("t4", 4), ("t2again", 2)):
            jobsim("run", "s.yaml", *SMALL, "--threads", threads, "-o", f"{name}.h5", cwd=tmp)
        reference = pathlib.Path(tmp) / "t1.h5"
        found = expect_identical(reference, pathlib.Path(tmp) / "t2.h5", "1 and 2 threads")
        expect_identical(reference, pathlib.Path(tmp) / "t4.h5", "1 and 4 threads")
        expect_identical(reference, pathlib.Path(tmp) / "t2again.h5", "two runs at 2 threads")
        # The comparison covered the results, not just the file's skeleton.
        for arm in ("baseline", "same", "short_support"):
            for part in ("events", "persons", "area_series", "trajectories/status"):
                expect(f"arms/{arm}/replications/1/{part}" in found, f"{arm}: {part} compared")
        expect("summary/arms" in found and "summary/runs" in found, "summary compared")


def arm_tables(f, arm, replication):
    group = f[f"arms/{arm}/replications/{replication}"]
    return group["trajectories"], group["events"][:], group["persons"][:]


def case_common_random_numbers():
    """Arms share random numbers: an arm that changes nothing reproduces the baseline exactly, and
    an arm whose change cannot act before week SUPPORT_WEEKS is identical to it until then."""
    with tempfile.TemporaryDirectory() as tmp:
        (pathlib.Path(tmp) / "s.yaml").write_text(SCENARIO)
        jobsim("run", "s.yaml", *SMALL, "--threads", 2, "-o", "run.h5", cwd=tmp)
        with h5py.File(pathlib.Path(tmp) / "run.h5", "r") as f:
            for r in sorted(f["arms/baseline/replications"], key=int):
                base_traj, base_events, base_persons = arm_tables(f, "baseline", r)
                expect(len(base_events) > 100, f"replication {r}: a run with real activity")
                same_traj, same_events, same_persons = arm_tables(f, "same", r)
                for variable in base_traj:
                    expect(base_traj[variable][()].tobytes() == same_traj[variable][()].tobytes(),
                           f"replication {r}: 'same' reproduces the baseline's {variable}")
                expect(base_events.tobytes() == same_events.tobytes(),
                       f"replication {r}: 'same' reproduces the baseline's events")
                for column in base_persons.dtype.names:
                    if column != "arm":  # the arm's own index
                        expect(base_persons[column].tobytes() == same_persons[column].tobytes(),
                               f"replication {r}: 'same' reproduces persons.{column}")

                short_traj, short_events, _ = arm_tables(f, "short_support", r)
                early = SUPPORT_WEEKS
                for variable in base_traj:
                    expect(base_traj[variable][:early].tobytes() ==
                           short_traj[variable][:early].tobytes(),
                           f"replication {r}: {variable} identical before week {early}")
                expect(base_events[base_events["week"] < early].tobytes() ==
                       short_events[short_events["week"] < early].tobytes(),
                       f"replication {r}: events identical before week {early}")
                later = any(base_traj[v][early:].tobytes() != short_traj[v][early:].tobytes()
                            for v in base_traj)
                expect(later, f"replication {r}: shorter support changes something after week "
                              f"{early} (else the check above proves nothing)")


def case_trial_threads():
    """`jobsim trial`: the same file at 1 and 2 threads."""
    scenario = ROOT / "scenarios" / "trial_no_conditionality_areas.yaml"
    with tempfile.TemporaryDirectory() as tmp:
        for threads in (1, 2):
            jobsim("trial", scenario, *TRIAL, "--threads", threads, "-o", f"t{threads}.h5",
                   cwd=tmp)
        found = expect_identical(pathlib.Path(tmp) / "t1.h5", pathlib.Path(tmp) / "t2.h5",
                                 "trial at 1 and 2 threads")
        for table in ("diagnosis", "draws", "power_curve"):
            expect(f"trial/{table}" in found, f"trial/{table} compared")


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
