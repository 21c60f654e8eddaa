#!/usr/bin/env python3
"""Checks that land-bw-baseline.sql prints the figures `lotse report --profile land-bw
--from 2019-01-01 --as-of 2019-06-30 --format json` prints, so the benchmark compares like
with like:

    python3 Benchmarks/sql/check-land-bw.py DB SHEET.json

Exits 1 and names every figure that differs (a missing row counts as 0)."""
import collections
import json
import math
import pathlib
import sqlite3
import subprocess
import sys

database, sheet_file = sys.argv[1], sys.argv[2]
sheet = json.loads(pathlib.Path(sheet_file).read_text())
names = dict(sqlite3.connect(database).execute("SELECT id, name FROM municipality"))
output = subprocess.run(["sqlite3", database], input=(pathlib.Path(__file__).parent / "land-bw-baseline.sql").read_text(),
                        capture_output=True, text=True, check=True).stdout

sql = collections.defaultdict(int)  # (municipality name or None for all, figure) -> value
for line in output.splitlines():
    municipality, figure, value = line.split("|")
    where = names[int(municipality)] if municipality else None
    sql[(where, figure)] += int(value or 0)


def expected(where, figure):
    """The SQL's figure; record counts of all municipalities are their sum, goal attainment derived."""
    def get(f):
        if where is None and not f.startswith("persons."):
            return sum(v for (w, name), v in sql.items() if name == f and w is not None)
        return sql.get((where, f), 0)
    if figure == "goals.attainment_percent":
        achieved, dropped, overdue = get("goals.achieved"), get("goals.dropped"), get("goals.overdue")
        whole = achieved + dropped + overdue
        return math.floor(achieved * 1000 / whole + 0.5) / 10 if whole else None  # half away from zero, as lotse rounds
    return get(figure)


problems = []
for where, figures in [(None, sheet["figures"])] + list(sheet["byMunicipality"].items()):
    for figure, value in figures.items():
        if expected(where, figure) != value:
            problems.append(f"{where or 'all'}: {figure} sheet {value}, SQL {expected(where, figure)}")
    for (w, figure), value in sql.items():
        if w == where and value and figure not in figures:
            problems.append(f"{where or 'all'}: {figure} only in SQL ({value})")
count = sum(len(f) for f in [sheet["figures"]] + list(sheet["byMunicipality"].values()))
print("\n".join(problems[:50]) or f"the baseline prints the sheet's {count} figures")
sys.exit(1 if problems else 0)
