#!/usr/bin/python3
"""Consumer test: a jobsim output file is readable without jobsim, with h5py and numpy only.

Usage: test_read_output.py FILE.h5
Checks the layout documented in output/SCHEMA.md: root provenance attributes, the complete flag,
trajectory shapes [weeks, trajectory persons] and their dimension scales (the person scale holding
the ids of the panel, every person at the full level), the person table's columns and row
count, events sorted by week, and status codes in {0, 1, 2}. Exits 0 when all hold, 1 otherwise.
"""

import sys

import h5py
import numpy as np

ROOT_ATTRIBUTES = [
    "format", "format_version", "jobsim_version", "scenario_name", "scenario_yaml", "seed",
    "command", "replications", "replications_completed", "weeks", "persons", "threads",
    "created_utc", "host", "hdf5_version", "complete", "output_level", "trajectory_persons",
]
TRAJECTORIES = [
    "status", "claim", "wage_per_hour", "hours_per_week", "low_paid", "applications",
    "spell_weeks", "search_effort",
]
PERSON_COLUMNS = [
    "person", "area", "age_years", "skill", "barriers", "arm", "status", "claim", "employer",
    "wage_per_hour", "hours_per_week", "low_paid", "tenure_weeks", "spell_weeks", "sanction_count",
    "weeks_employed", "weeks_claiming", "hires", "separations", "sanctions",
]
EVENT_COLUMNS = ["week", "kind", "detail", "person", "other", "value"]


def as_text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def check(condition, what, failures):
    if not condition:
        failures.append(what)


def check_replication(name, group, weeks, panel, failures):
    persons = int(group.attrs["persons"])
    check(int(group.attrs["weeks"]) == weeks, f"{name}: weeks attribute", failures)
    ids = group["person"][:]
    check(len(ids) == panel, f"{name}/person: {len(ids)} ids != trajectory_persons {panel}",
          failures)
    check(bool(np.all(np.diff(ids.astype(np.int64)) > 0)) and (not len(ids) or ids[-1] < persons),
          f"{name}/person: ids not ascending person ids", failures)

    for variable in TRAJECTORIES:
        dataset = group["trajectories"][variable]
        check(dataset.shape == (weeks, panel),
              f"{name}/trajectories/{variable}: shape {dataset.shape} != {(weeks, panel)}",
              failures)
        for attribute in ("units", "long_name"):
            check(attribute in dataset.attrs, f"{name}/trajectories/{variable}: no {attribute}",
                  failures)
        scales = [[dim[i].name.rsplit("/", 1)[-1] for i in range(len(dim))]
                  for dim in dataset.dims]
        check(scales == [["week"], ["person"]],
              f"{name}/trajectories/{variable}: dimension scales {scales}", failures)

    status = group["trajectories"]["status"][:]
    check(set(np.unique(status)).issubset({0, 1, 2}),
          f"{name}: status values {sorted(set(np.unique(status)))} outside {{0,1,2}}", failures)
    check("codes" in group["trajectories"]["status"].attrs, f"{name}: status has no codes",
          failures)

    people = group["persons"][:]
    check(list(people.dtype.names) == PERSON_COLUMNS,
          f"{name}/persons: columns {people.dtype.names}", failures)
    check(people.shape == (persons,), f"{name}/persons: {people.shape[0]} rows != {persons}",
          failures)
    if persons:
        check(np.array_equal(people["person"], np.arange(persons)), f"{name}/persons: ids",
              failures)
        check(np.array_equal(people["status"][ids], status[-1]) if weeks else True,
              f"{name}/persons: final status differs from the last trajectory row", failures)
        check(bool(np.all(people["weeks_employed"] <= weeks)),
              f"{name}/persons: weeks_employed above weeks", failures)

    events = group["events"][:]
    check(list(events.dtype.names) == EVENT_COLUMNS, f"{name}/events: columns {events.dtype.names}",
          failures)
    check(bool(np.all(np.diff(events["week"].astype(np.int64)) >= 0)),
          f"{name}/events: not sorted by week", failures)
    if len(events):
        check(int(events["week"].max()) < weeks, f"{name}/events: week beyond the run", failures)
        check(int(events["person"].max()) < persons, f"{name}/events: unknown person", failures)
    for attribute in ("kind_codes", "detail_codes"):
        check(attribute in group["events"].attrs, f"{name}/events: no {attribute}", failures)

    areas = group["area_series"][:]
    check("week" in areas.dtype.names and "area" in areas.dtype.names,
          f"{name}/area_series: columns {areas.dtype.names}", failures)
    check(bool(np.all(np.diff(areas["week"].astype(np.int64)) >= 0)),
          f"{name}/area_series: not sorted by week", failures)


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    failures = []
    with h5py.File(argv[1], "r") as f:
        missing = [name for name in ROOT_ATTRIBUTES if name not in f.attrs]
        check(not missing, f"root attributes missing: {missing}", failures)
        check(int(f.attrs.get("complete", 0)) == 1, "complete != 1", failures)
        check(as_text(f.attrs.get("format", "")) == "jobsim-output", "format", failures)
        check(as_text(f["provenance/scenario_yaml"].asstr()[()]) ==
              as_text(f.attrs.get("scenario_yaml", "")),
              "/provenance/scenario_yaml differs from the attribute", failures)
        weeks = int(f.attrs["weeks"])
        arms = [name for name in f["arms"]]
        check(len(arms) > 0, "no arms", failures)
        arm = arms[0]
        check(f["summary/arms"].shape[0] == len(arms), "one summary row per arm", failures)
        replications = sorted(f["arms"][arm]["replications"], key=int)
        check(len(replications) == int(f.attrs["replications_completed"]),
              f"{len(replications)} replication groups, "
              f"{int(f.attrs['replications_completed'])} completed", failures)
        check(len(replications) > 0, "no replications", failures)
        for name in replications:
            for arm in arms:
                check_replication(f"/arms/{arm}/replications/{name}",
                                  f["arms"][arm]["replications"][name], weeks,
                                  int(f.attrs["trajectory_persons"]), failures)
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    if not failures:
        print(f"ok: {argv[1]} ({len(replications)} replications, {weeks} weeks)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
