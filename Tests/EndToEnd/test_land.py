"""The funder's sheet (report --profile land-bw), its workbook and the Sachbericht, over a
fixture county built for them (fixtures/land): persons of every age band and several
countries, goals decided before, inside and after the period, an extension and a case
closed at its limit. The period is 2025; the reference date 31.12.2025."""
import re
import json
import pathlib
import subprocess

import openpyxl
import pytest
from conftest import GERMAN

LAND = pathlib.Path(__file__).parent / "fixtures" / "land"
PERIOD = ("--from", "2025-01-01", "--as-of", "2025-12-31")

# Every figure of the sheet for Aalen and Essingen together (Blaustein has nothing).
EXPECTED = {
    "persons.total": 5,                      # Amal, Omar, Noor, Olena (case 500), Karim (501); Selam's case closed, Ahmad waits
    "persons.sex.f": 1, "persons.sex.m": 2, "persons.sex.d": 1, "persons.sex.u": 1,
    "persons.age.0-5": 1,                    # Omar, 3
    "persons.age.6-17": 1,                   # Noor turns 13 on the reference date itself
    "persons.age.18-26": 1,                  # Olena, 25
    "persons.age.27-64": 1,                  # Amal, born 1985 (a year alone: 1 January)
    "persons.age.65+": 1,                    # Karim, 70
    "persons.country.AF": 1, "persons.country.SY": 2, "persons.country.UA": 1, "persons.country.ZZ": 1,
    "persons.status.residence_permit": 1, "persons.status.settlement_permit": 0, "persons.status.permission_to_reside": 0,
    "persons.status.toleration": 1, "persons.status.temporary_protection": 1, "persons.status.other": 0, "persons.status.unknown": 2,
    "cases.individual": 1, "cases.family": 1,
    "plans.new": 1,                          # 2025-02-01; 701 was signed in 2024
    "plans.active": 2,
    "conversations.individual": 2, "conversations.family": 1,   # 903 was in 2024
    "conversations.topic.housing": 1, "conversations.topic.children": 1, "conversations.topic.labour": 1,
    "conversations.topic.language": 1, "conversations.topic.health": 1, "conversations.topic.residence_law": 0,
    "conversations.topic.everyday_life": 0,
    "contacts.network": 1,
    "goals.agreed": 2,                       # 800 and 801 (agreement of 2025)
    "goals.achieved": 1,                     # 800; 802 was achieved in 2024
    "goals.dropped": 0,                      # 801 only in 2026
    "goals.overdue": 1,                      # 801: open on the date, due 2025-09-01
    "goals.attainment_percent": 50.0,
}
SERVICES = {"jobcenter": 1, "bamf": 1}       # 952 was in 2024


@pytest.fixture
def land(run, tmp_path):
    db = str(tmp_path / "land.sqlite")
    result = run("import", "legacy", str(LAND), "--db", db)
    assert result.returncode == 0, result.stderr
    for name, grantee in (("Stadt Aalen", "Ostalbkreis"), ("Gemeinde Essingen", "Ostalbkreis"), ("Gemeinde Blaustein", "Alb-Donau-Kreis")):
        assert run("municipality", "edit", name, "--grantee", grantee, "--db", db).returncode == 0
    assert run("case", "edit", "2", "--extension", "--reason", "Ausbildung bis 08/2025", "--on", "2025-01-15", "--db", db).returncode == 0
    return db


def sheet(run, db, *args):
    result = run("report", "--profile", "land-bw", *PERIOD, "--format", "json", "--db", db, *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_figure_of_the_sheet(run, land):
    data = sheet(run, land, "--grantee", "ostalbkreis")
    figures = data["figures"]
    services = {k.removeprefix("referrals.service."): v for k, v in figures.items() if k.startswith("referrals.service.")}
    assert {k: v for k, v in services.items() if v} == SERVICES and set(services) >= {"jobcenter", "bamf", "nifo"}
    assert {k: v for k, v in figures.items() if not k.startswith("referrals.service.")} == EXPECTED
    assert data["grantee"] == "Ostalbkreis" and sorted(data["byMunicipality"]) == ["Gemeinde Essingen", "Stadt Aalen"]
    essingen = data["byMunicipality"]["Gemeinde Essingen"]
    assert essingen["persons.total"] == 1 and essingen["persons.age.65+"] == 1 and essingen["cases.individual"] == 1
    assert essingen["goals.overdue"] == 0 and essingen["plans.active"] == 1 and "goals.attainment_percent" not in essingen
    aalen = data["byMunicipality"]["Stadt Aalen"]
    assert aalen["persons.total"] == 4 and aalen["goals.attainment_percent"] == 50.0 and aalen["contacts.network"] == 1
    assert data["order"][:2] == ["persons.total", "persons.sex.f"] and len(data["order"]) == len(set(data["order"]))
    whole = sheet(run, land)
    assert whole["grantee"] is None and "Gemeinde Blaustein" in whole["byMunicipality"] and whole["figures"] == data["figures"]
    unknown = run("report", "--profile", "land-bw", *PERIOD, "--grantee", "Ulm", "--db", land)
    assert unknown.returncode == 1 and "Alb-Donau-Kreis, Ostalbkreis" in unknown.stderr
    small = sheet(run, land, "--suppress-below", "2")["figures"]
    assert small["persons.country.SY"] == 2 and small["persons.country.AF"] is None and small["persons.sex.d"] is None
    assert small["persons.sex.u"] is None and small["goals.attainment_percent"] == 50.0 and small["persons.sex.m"] == 2


def test_the_report_counts_goals_and_the_clock_the_same_way(run, land):
    result = run("report", *PERIOD, "--format", "json", "--db", land)
    metrics = json.loads(result.stdout)["metrics"]
    assert (metrics["core.goals_agreed"], metrics["core.goals_achieved"], metrics["core.goals_overdue"]) == (2, 1, 1)
    assert metrics["core.goal_attainment_percent"] == EXPECTED["goals.attainment_percent"]
    # 501 (opened 2021-09-01) is extended to 2025-09-01 and past it; 502 was closed after its limit (2024-02-01).
    assert (metrics["core.cases_near_care_limit"], metrics["core.cases_extended"], metrics["core.cases_closed_at_limit"]) == (1, 1, 1)
    assert metrics["core.cases_waiting"] == 1


def test_the_workbook_holds_the_figures(run, land, tmp_path):
    path = tmp_path / "auswertung.xlsx"
    result = run("report", "--profile", "land-bw", *PERIOD, "--grantee", "Ostalbkreis", "--format", "xlsx", "-o", str(path), "--db", land,
                 extra_env=GERMAN)
    assert result.returncode == 0, result.stderr
    assert path.stat().st_mode & 0o777 == 0o600
    assert subprocess.run(["unzip", "-t", str(path)], capture_output=True).returncode == 0
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Auswertung Zeitraum", "Gemeinde Essingen", "Stadt Aalen"]
    data = sheet(run, land, "--grantee", "Ostalbkreis")
    for name, figures in [("Auswertung Zeitraum", data["figures"])] + list(data["byMunicipality"].items()):
        rows = list(book[name].iter_rows(values_only=True))
        assert "01.01.2025" in rows[1][0] and "31.12.2025" in rows[1][0], "the period in the header"
        header = rows.index(("Kennzahl", "Kennung", "Wert"))
        cells = {row[1]: row[2] for row in rows[header + 1:]}
        assert set(cells) == set(data["order"])
        for figure, value in cells.items():
            expected = figures.get(figure)
            if expected is None:
                assert value == "–", figure
            else:
                assert isinstance(value, (int, float)) and value == expected, (name, figure, value)
        labels = {row[1]: row[0] for row in rows[header + 1:]}
        assert labels["persons.country.SY"] == "Betreute Personen nach Herkunftsland: Syrien (SY)"
    refused = run("report", "--profile", "land-bw", *PERIOD, "--format", "xlsx", "--db", land)
    assert refused.returncode == 1 and "-o" in refused.stderr


def sachbericht_holds_the_figures(pdf):
    """The Sachbericht's PDF: A4, at most three pages, every figure in its sentence; its text."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 1 <= pages <= 3 and "A4" in info
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "Berichtszeitraum 01.01.2025 bis 31.12.2025" in text and "Zuwendungsempfänger: Ostalbkreis" in text
    assert "Zum Stichtag begleitete das Integrationsmanagement 5 Personen in 1 Einzelfall und 1 Familienfall" in text
    assert "Im Zeitraum vereinbarte Ziele: 2; davon erreicht 1, aufgegeben 0, zum Stichtag überfällig 1" in text
    assert "Die Zielerreichung beträgt 50,0 %" in text
    assert re.search(r"Am häufigsten erreichte Ziele(:| Anzahl) Anmeldung zum Sprachkurs 1", text), "a table in HTML, a line in text"
    assert "über die Förderhöchstdauer hinaus begleitet: 1 Fall;" in text
    assert "im Zeitraum mit Erreichen der Förderhöchstdauer abgeschlossen: 1 Fall." in text
    assert "Die Warteliste umfasste zum Stichtag 1 Fall." in text
    assert not re.search(r"\b1 (Fälle|Personen|Ziele|Einzelfällen|Familienfällen)\b", text)
    for gap in ("[zu ergänzen: Herausforderungen", "[zu ergänzen: Zusammenarbeit", "[zu ergänzen: Ausblick"):
        assert gap in text
    return text


def test_the_sachbericht_fits_three_pages_and_holds_the_figures(run, land, tmp_path):
    html = tmp_path / "sachbericht.html"
    result = run("report", "--profile", "land-bw", *PERIOD, "--grantee", "Ostalbkreis", "--sachbericht", "--format", "html", "-o", str(html),
                 "--db", land)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "sachbericht.pdf"
    printed = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                              f"--print-to-pdf={pdf}", html.as_uri()], capture_output=True, text=True, timeout=120)
    assert printed.returncode == 0 and pdf.exists(), printed.stderr
    sachbericht_holds_the_figures(pdf)
    # lotse's own PDF (pango and cairo, no browser) says the same, fonts embedded.
    own = tmp_path / "sachbericht-lotse.pdf"
    result = run("report", "--profile", "land-bw", *PERIOD, "--grantee", "Ostalbkreis", "--sachbericht", "--format", "pdf", "-o", str(own),
                 "--db", land)
    assert result.returncode == 0, result.stderr
    text = sachbericht_holds_the_figures(own)
    assert "Seite 1 von" in text
    fonts = subprocess.run(["pdffonts", str(own)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    refused = run("report", "--profile", "land-bw", *PERIOD, "--format", "pdf", "-o", str(tmp_path / "sheet.pdf"), "--db", land)
    assert refused.returncode == 1 and "--sachbericht" in refused.stderr and not (tmp_path / "sheet.pdf").exists()
    plain = run("report", "--profile", "land-bw", *PERIOD, "--grantee", "Ostalbkreis", "--sachbericht", "--db", land)
    assert plain.returncode == 0 and "Die Zielerreichung beträgt 50,0 %" in plain.stdout and "\x1b" not in plain.stdout
    assert "Syrien (SY) 2" in plain.stdout and "Gesundheit 1" in plain.stdout


def test_libzip_and_libxlsxwriter_are_opened_only_by_the_commands_that_need_them(run, land, tmp_path):
    """Loading both libraries (with OpenSSL's libcrypto) cost every command about 4 ms,
    though only zips and workbooks need them: they are opened on first use. The dynamic
    loader's own log (LD_DEBUG) names every library a process opened."""
    def opened(*args):
        log = tmp_path / f"loader-{len(list(tmp_path.glob('loader-*')))}"
        result = run(*args, "--db", land, extra_env={"LD_DEBUG": "files", "LD_DEBUG_OUTPUT": str(log)})
        assert result.returncode == 0, result.stderr
        text = "".join(path.read_text() for path in tmp_path.glob(log.name + ".*"))
        assert "file=libsqlite3.so" in text, "the log names the libraries linked at start"
        return {library for library in ("libzip.so", "libxlsxwriter.so") if f"file={library}" in text}

    assert opened("case", "show", "1", "--json") == set()
    assert opened("report", "--profile", "land-bw", *PERIOD, "--format", "xlsx", "-o", str(tmp_path / "sheet.xlsx")) == {"libxlsxwriter.so"}
    assert opened("backup", "-o", str(tmp_path / "backup.zip")) == {"libzip.so"}
