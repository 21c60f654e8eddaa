"""Reports as of a date over a fixture county full of traps (see fixtures/county)."""
import json
import pathlib
import re
import sqlite3
import subprocess
from html.parser import HTMLParser

import pytest
from conftest import GERMAN

FIXTURE = pathlib.Path(__file__).parent / "fixtures" / "county"


@pytest.fixture
def county(run, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    result = run("import", "legacy", str(FIXTURE), "--db", db)
    assert result.returncode == 0, result.stderr
    return db


def report(run, db, *args):
    result = run("report", "--as-of", "2019-06-30", "--format", "json", "--db", db, *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_figure_as_of_the_date(run, county):
    figures = report(run, county)["metrics"]
    assert figures == {
        # Amal, Omar and Sara; Lina joined after the date; case 501 closed on the date; 502 opened later.
        "core.persons_in_care": 3,
        "core.cases_active": 1,
        "core.cases_waiting": 1,
        "core.agreements_signed": 2,
        "core.conversations_individual": 3,
        "core.conversations_family": 1,
        "core.referrals": 2,
        "core.network_contacts": 1,
        "core.cases_closed": 2,
        "core.cases_near_care_limit": 0,
        "core.cases_extended": 0,
        "core.cases_closed_at_limit": 0,
        "core.persons_per_fte": 1,
        # Goals (all time): 800 and 802 achieved, 803 dropped, 801 open and due since March.
        "core.goals_agreed": 4,
        "core.goals_achieved": 2,
        "core.goals_dropped": 1,
        "core.goals_overdue": 1,
        "core.goal_attainment_percent": 50.0,
        "core.reviews_due": 0,              # the legacy files hold no review dates
        "core.reviews_on_time": 0,
        "language.persons_supported": 2,
        "language.level_b1_or_higher": 1,   # Yonas' B2 came after the date
        "language.courses_completed": 0,
        "work.placed": 1,                   # Fatima's case opened only after the date
        "work.in_qualification": 0,
        "school.children_supported": 2,     # Sara is 17 on the date: still a child
        "school.special_needs_identified": 0,
        "housing.housed": 1,                # Amal's latest is "seeking"; Dawit is no longer in care
        "housing.seeking_better_housing": 1,
        "social.adults_in_clubs": 1,        # Sara's club does not count: she is not 18 yet
        "social.children_in_holiday_programmes": 1,
        "social.volunteers": 0,
    }


def test_figures_per_municipality_and_period(run, county):
    data = report(run, county, "--from", "2018-06-01")
    aalen = data["byMunicipality"]["Stadt Aalen"]
    county_office = data["byMunicipality"]["Landratsamt Ostalbkreis"]
    assert aalen["core.persons_in_care"] == 3 and aalen["core.persons_per_fte"] == 2
    assert aalen["language.persons_supported"] == 2 and county_office["language.persons_supported"] == 0
    assert data["metrics"]["core.conversations_individual"] == 2 and data["metrics"]["core.conversations_family"] == 0
    assert data["metrics"]["core.referrals"] == 1 and data["referralsByService"] == {"jobcenter": 1}
    assert data["from"] == "2018-06-01" and data["asOf"] == "2019-06-30"
    only = report(run, county, "--municipality", "Landratsamt Ostalbkreis")
    assert list(only["byMunicipality"]) == ["Landratsamt Ostalbkreis"]
    assert only["metrics"]["core.cases_waiting"] == 1 and only["metrics"]["core.persons_in_care"] == 0


def test_a_later_date_counts_later_facts(run, county):
    later = run("report", "--as-of", "2019-08-15", "--format", "json", "--db", county)
    figures = json.loads(later.stdout)["metrics"]
    assert figures["core.persons_in_care"] == 6   # Lina joined; Fatima and Ali's case opened
    assert figures["language.level_b1_or_higher"] == 2
    assert figures["work.placed"] == 2
    assert figures["social.adults_in_clubs"] == 2  # Sara turned 18


def test_facts_from_handovers_count_only_when_asked(run, county):
    connection = sqlite3.connect(county)
    connection.execute("UPDATE outcome SET origin = 'Stadt Schwäbisch Gmünd/12' WHERE sourceRef = 'legacy:1010'")
    connection.commit()
    assert report(run, county)["metrics"]["work.placed"] == 0
    assert report(run, county, "--include-origin")["metrics"]["work.placed"] == 1


def test_text_csv_html_and_suppression(run, county, tmp_path):
    text = run("report", "--as-of", "2019-06-30", "--db", county, extra_env=GERMAN).stdout
    assert "Zum Stichtag 30.06.2019 begleitet das Integrationsmanagement 3 Personen in 1 Fall auf" in " ".join(text.split())
    assert "Erwachsene in Vereinen: 1" in text
    csv = run("report", "--as-of", "2019-06-30", "--format", "csv", "--db", county, extra_env=GERMAN).stdout
    assert csv.startswith("\ufeffKennzahl;Bezeichnung;Bereich;Wert\n")
    assert "core.persons_in_care;Personen in Betreuung;Stadt Aalen;3" in csv
    english_csv = run("report", "--as-of", "2019-06-30", "--format", "csv", "--db", county).stdout
    assert english_csv.startswith("\ufeffmetric,label,scope,value\n") and "core.persons_in_care,persons in care,total,3" in english_csv
    html_file = tmp_path / "report.html"
    assert run("report", "--as-of", "2019-06-30", "--format", "html", "-o", str(html_file), "--db", county, extra_env=GERMAN).returncode == 0
    html = html_file.read_text()
    assert html.startswith("<!DOCTYPE html>") and html.count("<svg") == 3 and "http" not in html.replace("http://www.w3.org/2000/svg", "")
    committee_document(html_file, json.loads(run("report", "--as-of", "2019-06-30", "--format", "json", "--db", county).stdout))
    suppressed = json.loads(run("report", "--as-of", "2019-06-30", "--format", "json", "--suppress-below", "3", "--db", county).stdout)
    assert suppressed["metrics"]["core.persons_in_care"] == 3 and suppressed["metrics"]["work.placed"] is None
    assert "<3" in run("report", "--as-of", "2019-06-30", "--suppress-below", "3", "--db", county).stdout
    english = run("report", "--as-of", "2019-06-30", "--db", county, "--config", str(write_config(tmp_path))).stdout
    assert "On 2019-06-30, integration management accompanies 3 persons in 1 case on" in " ".join(english.split())


def committee_document(html_file, figures):
    """The HTML report as a committee reads it: valid HTML (tidy finds no errors), the
    summary as sentences in paragraphs, every figure in a table cell, no text laid out
    with spaces, print CSS for A4."""
    tidy = subprocess.run(["tidy", "-q", "-e", str(html_file)], capture_output=True, text=True)
    assert tidy.returncode in (0, 1), tidy.stderr  # 2: errors (1 would be warnings only)
    assert "Error" not in tidy.stderr, tidy.stderr

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack, self.cells, self.paragraphs, self.tags = [], [], [], []

        def handle_starttag(self, tag, attrs):
            self.stack.append(tag)
            self.tags.append(tag)

        def handle_endtag(self, tag):
            while self.stack and self.stack.pop() != tag:
                pass

        def handle_data(self, data):
            if self.stack and self.stack[-1] == "td":
                self.cells.append(data.strip())
            elif self.stack and self.stack[-1] == "p":
                self.paragraphs.append(data.strip())

    reader = Reader()
    reader.feed(html_file.read_text())
    assert "pre" not in reader.tags and "@page { size: A4" in html_file.read_text()
    for metric, value in figures["metrics"].items():
        if value is not None:  # a percentage in German: one decimal, a decimal comma, a space before %
            shown = f"{value:.1f}".replace(".", ",") + " %" if metric.endswith("_percent") else str(value)
            assert shown in reader.cells, metric
    assert reader.paragraphs[0].startswith("Zeitraum") or any(p.startswith("Zum Stichtag 30.06.2019") for p in reader.paragraphs)
    assert all("  " not in p and "---" not in p and "•" not in p for p in reader.paragraphs), reader.paragraphs


def write_config(tmp_path):
    config = tmp_path / "en.json"
    config.write_text('{"deployment": {"locale": "en"}}')
    return config


def test_a_bad_period_is_refused(run, county):
    result = run("report", "--as-of", "2019-06-30", "--from", "2019-07-01", "--db", county)
    assert result.returncode == 1 and "lies after" in result.stderr


def test_the_support_duration_clock(run, county):
    """Case 1 opened on 2018-03-01: its limit (3 years) is 2021-03-01, 2022-03-01 once extended."""
    def care(as_of, since=None):
        figures = report_on(run, county, as_of, *(["--from", since] if since else []))["metrics"]
        return figures["core.cases_near_care_limit"], figures["core.cases_extended"], figures["core.cases_closed_at_limit"]
    assert care("2020-11-30") == (0, 0, 0)
    assert care("2020-12-15") == (1, 0, 0)   # within careEndWarningMonths (3) of its limit
    assert run("case", "edit", "1", "--extension", "--reason", "Ausbildung bis 2022", "--on", "2020-12-20", "--db", county).returncode == 0
    assert care("2020-12-15") == (1, 0, 0), "as it stood then: not yet extended"
    assert care("2020-12-31") == (0, 1, 0)
    assert care("2021-12-15") == (1, 1, 0)
    assert run("case", "close", "1", "--reason", "no_longer_eligible", "--on", "2022-03-05", "--db", county).returncode == 0
    assert care("2022-12-31", "2022-01-01") == (1, 0, 1)  # case 3 (opened 2019-07-15) is past its limit now
    assert care("2022-12-31", "2022-04-01") == (1, 0, 0), "closed before the period"


def report_on(run, db, as_of, *args):
    result = run("report", "--as-of", as_of, "--format", "json", "--db", db, *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_committee_report_as_pdf(run, county, tmp_path):
    """`report --format pdf -o`: A4 through lotse's own print path, fonts embedded, page
    numbers, the county named, every figure in its table, the months in German, and a
    first page filled beyond its upper half."""
    pdf = tmp_path / "bericht.pdf"
    config = tmp_path / "county.json"
    config.write_text(json.dumps({"deployment": {"locale": "de"}, "organisation": {"county": "Landkreis Ostalb"}}))
    result = run("report", "--as-of", "2019-06-30", "--format", "pdf", "-o", str(pdf), "--db", county, "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert oct(pdf.stat().st_mode & 0o777) == "0o600"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert "A4" in info and 1 <= pages <= 4
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(layout.split())
    assert text.startswith("Integrationsmanagement – Bericht zum Stichtag 30.06.2019 Landkreis Ostalb")
    assert "begleitet das Integrationsmanagement 3 Personen in 1 Fall" in text and f"Seite {pages} von {pages}" in text
    figures = json.loads(run("report", "--as-of", "2019-06-30", "--format", "json", "--db", county).stdout)["metrics"]
    lines = [" ".join(line.split()) for line in layout.splitlines()]
    german = json.loads((pathlib.Path(__file__).parents[2] / "resources/locales/de/core.json").read_text())
    for metric, value in figures.items():
        if value is None or not metric.startswith("core.") or metric == "core.persons_per_fte":
            continue
        shown = f"{value:.1f}".replace(".", ",") + " %" if metric.endswith("_percent") else str(value)
        label = german[f"metric.{metric}"]
        assert f"{label} {shown}" in lines, (metric, label, shown)
    assert re.search(r"\b(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) 20\d\d\b", text)
    assert not re.search(r"\b20\d\d-\d\d\b", text), "months by name, not 2019-03"
    # Page 1 is not half empty: its text reaches the lower half of the page.
    box = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', box).group(1))
    words = [float(y) for y in re.findall(r'<word [^>]*yMax="([\d.]+)"', box)]
    assert max(words[:-4]) > height / 2, "the words before the footer (Seite 1 von N) reach the lower half"
    refused = run("report", "--as-of", "2019-06-30", "--format", "pdf", "--db", county, extra_env=GERMAN)
    assert refused.returncode == 1 and "ein PDF braucht eine Datei" in refused.stderr


def test_municipality_list_counts_persons_in_care_as_the_report_does(run, tmp_path):
    """One definition of persons in care: what `municipality list` compares with the
    places is what the report counts, municipality by municipality, on a demo county."""
    db = str(tmp_path / "demo.sqlite")
    assert run("demo", "--households", "60", "--db", db).returncode == 0
    listed = json.loads(run("municipality", "list", "--json", "--db", db).stdout)
    assert sum(m["inCare"] for m in listed) > 0
    for municipality in listed:
        figures = json.loads(run("report", "--municipality", municipality["municipality"], "--format", "json", "--db", db).stdout)["metrics"]
        assert figures["core.persons_in_care"] == municipality["inCare"], municipality["municipality"]
