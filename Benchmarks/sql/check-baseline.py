#!/usr/bin/env python3
"""Checks that report-baseline.sql prints the figures `lotse report --as-of 2019-06-30
--format json` prints, so the benchmark compares like with like:

    python3 Benchmarks/sql/check-baseline.py DB REPORT.json

Exits 1 and names every figure that differs (a missing row counts as 0)."""
import json
import math
import pathlib
import sqlite3
import subprocess
import sys

database, report_file = sys.argv[1], sys.argv[2]
report = json.loads(pathlib.Path(report_file).read_text())
names = dict(sqlite3.connect(database).execute("SELECT id, name FROM municipality"))
output = subprocess.run(["sqlite3", database], input=(pathlib.Path(__file__).parent / "report-baseline.sql").read_text(),
                        capture_output=True, text=True, check=True).stdout

figures = {}  # (municipality name or None for the county, figure) -> value
services, columns = {}, []
for line in output.splitlines():
    fields = line.split("|")
    if fields[0] == "block":
        columns = fields
        continue
    row = dict(zip(columns, fields))
    if row["block"] == "services":
        services[row["service"]] = int(row["referrals"])
    elif row["block"] != "months":
        where = names[int(row["municipality"])] if row["municipality"] else None
        for figure, value in row.items():
            if "." in figure:
                figures[(where, figure)] = int(value or 0)

def attainment(where):
    """The goal attainment the report derives from the goal counts (None: no divisor)."""
    if where is None:
        achieved, dropped, overdue = (sum(v for (w, f), v in figures.items() if f == name) for name in
                                      ("core.goals_achieved", "core.goals_dropped", "core.goals_overdue"))
    else:
        achieved, dropped, overdue = (figures.get((where, f), 0) for f in ("core.goals_achieved", "core.goals_dropped", "core.goals_overdue"))
    whole = achieved + dropped + overdue
    return math.floor(achieved * 1000 / whole + 0.5) / 10 if whole else None  # half away from zero, as lotse rounds


problems = []
for name, metrics in report["byMunicipality"].items():
    for figure, value in metrics.items():
        expected = attainment(name) if figure == "core.goal_attainment_percent" else figures.get((name, figure), 0)
        if figure != "core.persons_per_fte" and expected != value:
            problems.append(f"{name}: {figure} report {value}, SQL {expected}")
for figure, value in report["metrics"].items():
    if figure == "core.persons_per_fte":
        continue
    # Counts of records are the sums over municipalities; persons are counted once.
    expected = figures.get((None, figure), sum(v for (where, f), v in figures.items() if f == figure and where is not None))
    if figure == "core.goal_attainment_percent":
        expected = attainment(None)
    if expected != value:
        problems.append(f"county: {figure} report {value}, SQL {expected}")
if services != report["referralsByService"]:
    problems.append(f"referrals by service differ: report {report['referralsByService']}, SQL {services}")
print("\n".join(problems) or f"the baseline prints the report's {len(figures)} figures and {len(services)} services")
sys.exit(1 if problems else 0)
