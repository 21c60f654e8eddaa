"""The guided intake through a pseudo-terminal and through a pipe."""
import io
import json
import subprocess
import re
import sqlite3

import pexpect
import pytest
from conftest import GERMAN
from pexpect.popen_spawn import PopenSpawn

from intake_driver import ASKED, PROMPT, answer_questions, asked

ANSWERS = {
    ("language.has_certificate", "Karim"): "ja",
    ("language.certified_level", "Karim"): "B1",
    ("language.has_certificate", "Amal"): "nein",
    ("language.estimated_level", "Amal"): "a2",
    ("language.literate_latin", "Amal"): "ja",
    ("language.in_course", "Amal"): "nein",
    ("language.course_entitlement", "Amal"): "entitled",
    ("language.barriers", "Amal"): "childcare, distance",
    ("language.commute_minutes", "Amal"): "70",
    "work.status": "unemployed",
    "work.aim": "employment",
    "school.attends": "primary",
    ("school.attends", "Lina"): "daycare",
    "school.tutoring_needed": "ja",
    "housing.current": "police_law",
    "housing.rooms": "2",
    "housing.wants_to_move": "ja",
    "housing.move_reasons": "1,3",
    "housing.tenant_skills": "none",
}


@pytest.fixture
def family(run, tmp_path):
    """Two adults and two children (Lina is two years old at the intake)."""
    db = str(tmp_path / "lotse.sqlite")
    assert run("municipality", "add", "Stadt Aalen", "--kind", "city", "--fte", "1.5", "--db", db).returncode == 0
    assert run("case", "new", "--db", db, "--municipality", "Stadt Aalen", "--open", "--on", "2018-03-01", "--family-name", "Haddad",
               "--given-names", "Amal", "--born", "1985", "--sex", "f", "--arrival", "2015-10-01", "--stay-prospect", "high").returncode == 0
    for given, born in [("Karim", "1982-02-02"), ("Omar", "2010-05-02"), ("Lina", "2016-01-20")]:
        assert run("person", "add", "1", "--db", db, "--family-name", "Haddad", "--given-names", given, "--born", born,
                   "--from", "2018-03-01").returncode == 0
    assert run("staff", "add", "Petra Maier", "--municipality", "Stadt Aalen", "--fte-share", "1", "--db", db).returncode == 0
    assert run("case", "reassign", "1", "--staff", "Petra Maier", "--db", db).returncode == 0
    return db


def spawn(lotse_bin, env, tmp_path, db, *args):
    return pexpect.spawn(lotse_bin, ["intake", "1", "--db", db, "--on", "2018-03-05", *args], env={**env, **GERMAN, "NO_COLOR": "1"},
                         cwd=str(tmp_path), encoding="utf-8", timeout=20, dimensions=(50, 200))


def agree_all_goals(child, interpreter=""):
    """Accepts every suggested goal, adds none, names the interpreter (none: empty), and
    returns the goals' lines."""
    goals = []
    while True:
        index = child.expect([r"\n([^\n]+ – fällig [^\n]+)\r?\n" + PROMPT + r"Übernehmen\? \(j/n/ä/alle\) ", r"Weiteres Ziel"])
        if index == 1:
            child.expect(PROMPT)
            child.sendline("")
            child.expect("Dolmetscher geholfen")
            child.sendline(interpreter)
            return goals
        goals.append(child.match.group(1).strip())
        child.sendline("j")


def test_full_intake_of_a_family_through_a_terminal(lotse_bin, env, tmp_path, family):
    child = spawn(lotse_bin, env, tmp_path, family)
    child.logfile_read = transcript = io.StringIO()
    # Countries by name or code in any case; Lina's stays unknown (an empty line). The
    # adults' languages with the country's usual ones offered; Karim's stay unknown.
    seen = answer_questions(child, {**ANSWERS, ("core.country", "Amal"): "Syrien", ("core.country", "Karim"): "ua", ("core.country", "Lina"): "",
                                    ("core.languages", "Amal"): "Arabisch, Englisch", ("core.interpreterNeeded", "Amal"): "ja"})
    assert "in Syrien üblich: Arabisch, Kurdisch (Kurmandschi)" in transcript.getvalue(), "the country's usual languages offered"
    assert [p for q, p in seen if q == "core.languages"] == ["Karim", "Amal"], "adults only, eldest first"
    assert [p for q, p in seen if q == "core.interpreterNeeded"] == ["Amal"], "asked once a language is known"
    asked = {question for question, _ in seen}
    # Skip logic: Karim holds a certificate, so he is not asked to estimate his level.
    assert ("language.certified_level", "Karim") in seen and ("language.estimated_level", "Karim") not in seen
    assert ("language.commute_minutes", "Amal") in seen, "asked because distance is a barrier"
    # School questions per child; day care for Lina skips the school-only ones.
    assert ("school.attends", "Omar") in seen and ("school.attends", "Lina") in seen
    assert ("school.grade", "Lina") not in seen and ("school.grade", "Omar") in seen
    assert ("social.holiday_programme_wanted", "Lina") not in seen, "only from age 6"
    assert "school.parent_contact" in asked and "housing.rent_arrears" not in asked
    goals = agree_all_goals(child)
    assert any("Anmeldung zum Sprachkurs" in g and "Amal" in g for g in goals)
    assert any("Nachhilfe organisieren" in g and "Omar" in g for g in goals)
    assert any("Bezahlbaren Wohnraum finden" in g for g in goals)
    assert any("Kinderbetreuung" in g for g in goals)
    child.expect(r"Vereinbarung (\d+) mit (\d+) Zielen gespeichert")
    count = int(child.match.group(2))
    child.expect(pexpect.EOF)
    connection = sqlite3.connect(family)
    assert connection.execute("SELECT count(*) FROM goal").fetchone()[0] == count == len(goals)
    origins = [person for question, person in seen if question == "core.country"]
    assert len(origins) == connection.execute("SELECT count(*) FROM person").fetchone()[0], "each person's country is asked once"
    countries = dict(connection.execute("SELECT pi.givenNames, p.country FROM person p JOIN personIdentity pi ON pi.personId = p.id"))
    assert countries["Amal"] == "SY" and countries["Karim"] == "UA" and countries["Lina"] is None and countries["Omar"] == "SY"
    intake = [question for question, _ in seen if not question.startswith("core.")]
    assert connection.execute("SELECT count(DISTINCT questionId || ifnull(personId, '')) FROM answer").fetchone()[0] == len(intake)
    spoken = {name: (codes, needed) for name, codes, needed in connection.execute(
        "SELECT pi.givenNames, p.languageCodes, pi.interpreterNeeded FROM person p JOIN personIdentity pi ON pi.personId = p.id")}
    assert spoken["Amal"] == ("ar,en", 1) and spoken["Karim"] == (None, 0)
    assert connection.execute("SELECT nextReviewOn FROM caseFile WHERE id = 1").fetchone()[0] == "2018-04-05"


def test_validation_back_ctrl_c_and_help(lotse_bin, env, tmp_path, family):
    child = spawn(lotse_bin, env, tmp_path, family)
    child.expect(ASKED)
    assert asked(child) == ("language.has_certificate", "Karim")
    child.sendline("vielleicht")
    child.expect_exact("Bitte „ja“ oder „nein“ eingeben.")
    child.sendline("?")
    child.expect_exact("Nur schriftlich nachgewiesene Prüfungen zählen")
    child.send("ja")
    child.sendcontrol("c")
    child.expect_exact("^C")
    child.sendline("ja")  # Karim has a certificate
    child.expect(ASKED)
    assert asked(child)[0] == "language.has_certificate"  # the next adult's turn
    child.sendline("zurück")
    child.expect(r"\[Sprache 1/\d+ · Karim Haddad\]")
    child.expect(r"bisher: ja")
    child.sendline("nein")  # changed: now Karim is asked to estimate instead
    child.expect(ASKED)
    assert asked(child)[0] == "language.has_certificate"
    child.sendline("nein")
    child.expect(ASKED)
    assert asked(child)[0] == "language.estimated_level"
    assert "Karim" in child.before + child.match.group(0)
    child.sendline("pause")
    child.expect_exact("Unterbrochen")
    child.expect(pexpect.EOF)


def test_pause_and_resume_in_a_second_process(lotse_bin, env, tmp_path, family):
    first = spawn(lotse_bin, env, tmp_path, family)
    for expected, reply in [("language.has_certificate", "nein"), ("language.has_certificate", "nein"), ("language.estimated_level", "1")]:
        first.expect(ASKED)
        assert asked(first)[0] == expected
        first.sendline(reply)
    first.expect(ASKED)
    paused_at = asked(first)
    assert paused_at[0] == "language.estimated_level" and "Amal Haddad" in first.match.group(1)
    first.sendcontrol("d")
    first.expect_exact("Unterbrochen")
    first.expect(pexpect.EOF)
    second = spawn(lotse_bin, env, tmp_path, family)
    second.expect_exact("Fortsetzung des Erstgesprächs")
    second.expect(ASKED)
    assert asked(second) == paused_at
    second.sendline("back")
    second.expect(ASKED)
    assert asked(second)[0] == "language.estimated_level" and "Karim Haddad" in second.match.group(1)
    assert "bisher: keine Kenntnisse" in second.match.group(0)
    second.sendline("pause")
    second.expect(pexpect.EOF)


def spawn_piped(lotse_bin, env, tmp_path, db, *args):
    """stdin and stdout are pipes: lotse reads one answer per line, prompts without escape codes."""
    return PopenSpawn([lotse_bin, "intake", "1", "--db", db, "--on", "2018-03-05", *args], env={**env, **GERMAN}, cwd=str(tmp_path),
                      encoding="utf-8", timeout=20)


def test_the_same_intake_through_a_pipe(lotse_bin, env, tmp_path, family):
    child = spawn_piped(lotse_bin, env, tmp_path, family)
    child.logfile_read = transcript = io.StringIO()  # everything lotse wrote, not just the tail after the last match
    seen = answer_questions(child, ANSWERS)
    assert ("language.certified_level", "Karim") in seen and ("school.grade", "Lina") not in seen
    goals = agree_all_goals(child)
    child.expect(r"Vereinbarung (\d+) mit (\d+) Zielen gespeichert")
    child.expect(pexpect.EOF)
    written = transcript.getvalue()
    prompts = [line for line in written.splitlines() if line.startswith("› ")]
    assert len(prompts) >= len(seen) + len(goals), "every question and goal was prompted for"
    assert not re.search(r"\b(language|work|school|housing|social|core)\.[a-z_]+", written), "no question id or catalog key on the screen"
    assert "[" not in "".join(line for line in written.splitlines() if line.startswith("  1 ")), "choices without their keys"
    assert "\x1b" not in written, "a pipe gets no escape codes: no colours, no bracketed paste"
    assert sqlite3.connect(family).execute("SELECT count(*) FROM goal").fetchone()[0] == len(goals) > 3


def test_prefilled_answers_and_the_printed_agreement(run, lotse_bin, env, tmp_path, family):
    prefilled = tmp_path / "answers.json"
    prefilled.write_text(json.dumps({"household": {"housing.current": "own_flat", "housing.rent_arrears": "ja"},
                                     "persons": {"1": {"language.has_certificate": "nein", "language.in_course": "nein"}}}))
    child = spawn_piped(lotse_bin, env, tmp_path, family, "--answers", str(prefilled))
    seen = answer_questions(child, ANSWERS)
    assert ("language.has_certificate", "Amal") not in seen and ("language.in_course", "Amal") not in seen
    assert ("housing.current", None) not in seen and ("housing.rent_arrears", None) not in seen
    assert ("housing.tenancy_at_risk", None) in seen, "asked because the prefilled answer says own flat"
    goals = agree_all_goals(child)
    assert any("Mietschulden klären" in g for g in goals)
    child.expect(r"Vereinbarung (\d+) mit")
    agreement = child.match.group(1)
    child.expect(pexpect.EOF)
    assert run("municipality", "edit", "Aalen", "--address", "Marktplatz 30,73430  Aalen", "--db", family).returncode == 0
    printed = run("agreement", "print", agreement, "--db", family, extra_env=GERMAN)
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.startswith("Integrationsvereinbarung\n\nStadt Aalen – Integrationsmanagement (Pakt für Integration)\n"
                                     "Marktplatz 30, 73430 Aalen\n"), "the office's address under its name"
    assert "Fall 1 · vereinbart am 05.03.2018 · Integrationsmanager/in: Petra Maier" in printed.stdout
    assert "Amal Haddad ist bis 05.06.2018 bei einem Sprachkursträger" in printed.stdout
    assert "Integrationsmanager/in" in printed.stdout and "Nächste gemeinsame Überprüfung: 05.04.2018" in printed.stdout
    english = run("agreement", "print", agreement, "--db", family, "--locale", "en")
    assert english.stdout.startswith("Integration agreement") and "By 2018-06-05, Amal Haddad is enrolled" in english.stdout
    # Fit to sign: a PDF on A4 with every font embedded, a line for each adult and the manager.
    pdf = tmp_path / "vereinbarung.pdf"
    assert run("agreement", "print", agreement, "--format", "pdf", "-o", str(pdf), "--db", family, extra_env=GERMAN).returncode == 0
    assert oct(pdf.stat().st_mode & 0o777) == "0o600"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert "A4" in info and 1 <= pages <= 3
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "vereinbart am 05.03.2018" in text and "Petra Maier" in text and f"Seite {pages} von {pages}" in text
    assert text.count("Unterschrift Amal Haddad") == 1 and text.count("Unterschrift Karim Haddad") == 1
    assert "Unterschrift Omar Haddad" not in text and "Unterschrift Lina Haddad" not in text, "children do not sign"
    assert "Ziele für Amal Haddad" in text
    refused = run("agreement", "print", agreement, "--format", "pdf", "--db", family, extra_env=GERMAN)
    assert refused.returncode == 1 and "ein PDF braucht eine Datei" in refused.stderr


def test_bad_prefilled_answers_are_refused_before_anything_is_asked(run, tmp_path, family):
    prefilled = tmp_path / "answers.json"
    prefilled.write_text(json.dumps({"household": {"housing.rooms": "many"}}))
    result = run("intake", "1", "--db", family, "--answers", str(prefilled), stdin="")
    assert result.returncode == 1
    assert "housing.rooms" in result.stderr and "many" in result.stderr


def test_review_records_decisions_outcomes_and_next_review(run, lotse_bin, env, tmp_path, family):
    child = spawn_piped(lotse_bin, env, tmp_path, family)
    answer_questions(child, ANSWERS)
    agree_all_goals(child)
    child.expect(pexpect.EOF)
    due = json.loads(run("due", "--all", "--db", family, "--on", "2018-03-05", "--days", "31", "--json").stdout)
    assert {"caseId": 1, "kind": "review", "date": "2018-04-05"} in [{k: d[k] for k in ("caseId", "kind", "date")} for d in due]
    connection = sqlite3.connect(family)
    first, second, third = connection.execute(
        "SELECT id, template, personId FROM goal WHERE status = 'open' ORDER BY dueOn, id LIMIT 3").fetchall()
    replies = ["e", "B1" if first[1] == "language.reach_target_level" else None, "a", "Kurs fällt aus", "w", "01.09.2018"]
    script = "\n".join(r for r in replies if r is not None) + "\n" + "\n" * 20
    result = run("review", "1", "--db", family, "--on", "2018-04-05", stdin=script, extra_env=GERMAN)
    assert result.returncode == 0, result.stderr
    assert "Überprüfung gespeichert: 3 Ziele" in result.stdout
    statuses = dict(connection.execute("SELECT id, status FROM goal").fetchall())
    assert statuses[first[0]] == "achieved" and statuses[second[0]] == "dropped" and statuses[third[0]] == "open"
    assert connection.execute("SELECT dueOn FROM goal WHERE id = ?", (third[0],)).fetchone()[0] == "2018-09-01"
    assert connection.execute("SELECT note FROM goal WHERE id = ?", (second[0],)).fetchone()[0] == "Kurs fällt aus"
    outcome_kinds = {"language.organise_childcare": None, "housing.find_flat": "own_housing", "language.enrol_course": "course_enrolled",
                     "school.tutoring": "tutoring", "work.find_employment": "employment", "language.reach_target_level": "level_reached",
                     "school.daycare_place": None, "housing.practise_tenancy": None}
    expected = outcome_kinds.get(first[1], "unknown")
    kinds = [row[0] for row in connection.execute("SELECT kind FROM outcome WHERE date = '2018-04-05'")]
    if expected is None:
        assert kinds == []
    else:
        assert expected in kinds
    assert connection.execute("SELECT count(*) FROM conversation WHERE date = '2018-04-05'").fetchone()[0] == 1
    assert connection.execute("SELECT nextReviewOn FROM caseFile WHERE id = 1").fetchone()[0] > "2018-04-05"
    assert run("audit", "verify", "--db", family).returncode == 0


def test_goal_decisions_survive_ctrl_c_and_resume_at_the_next_goal(lotse_bin, env, tmp_path, family):
    first = spawn(lotse_bin, env, tmp_path, family)
    answer_questions(first, {**ANSWERS, "core.languages": "Arabisch"})  # known now: not asked again
    decision = r"\n([^\n]+ – fällig [^\n]+)\r?\n" + PROMPT + r"Übernehmen\? \(j/n/ä/alle\) "
    first.expect(decision)
    first.sendline("ä")  # edit the first goal: its new title must survive the interruption
    first.expect_exact("Titel")
    first.sendline("Sprachkurs mit Kinderbetreuung finden")
    first.expect_exact("Fällig")
    first.sendline("")
    first.expect_exact("Verantwortlich")
    first.sendline("")
    first.expect(decision)
    second_goal = first.match.group(1).strip()
    first.sendline("nein")
    first.expect(decision)
    first.sendcontrol("c")  # Ctrl-C at the third goal: the intake pauses there
    first.expect_exact("jede Entscheidung ist gespeichert")
    first.expect(pexpect.EOF)
    again = spawn(lotse_bin, env, tmp_path, family)
    again.expect_exact("Schon entschieden: 2 Ziele")
    index = again.expect([ASKED, decision])
    assert index == 1, "no question is asked again"
    assert again.match.group(1).strip() != second_goal
    again.sendline("alle")  # this one and every one after it
    again.expect("Weiteres Ziel")
    again.expect(PROMPT)
    again.sendline("")
    again.expect("Dolmetscher geholfen")
    again.sendline("")
    again.expect(r"Vereinbarung (\d+) mit (\d+) Zielen gespeichert")
    again.expect(pexpect.EOF)
    titles = [row[0] for row in sqlite3.connect(family).execute("SELECT title FROM goal ORDER BY id")]
    assert titles[0] == "Sprachkurs mit Kinderbetreuung finden" and len(titles) >= 3
    assert second_goal.split(" – ")[0].split(" (")[0] not in titles[1:2]


def test_an_intake_on_a_waiting_case_admits_it_with_a_responsible_manager(run, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    assert run("municipality", "add", "Stadt Aalen", "--kind", "city", "--fte", "0.1", "--db", db).returncode == 0
    assert run("case", "new", "--db", db, "--municipality", "Stadt Aalen", "--on", "2018-03-01", "--family-name", "Haddad",
               "--given-names", "Amal", "--born", "1985", "--sex", "f").returncode == 0
    intake = ("intake", "1", "--db", db, "--on", "2018-03-05")
    refused = run(*intake, stdin="ja\n", extra_env=GERMAN)
    assert refused.returncode == 1 and "case reassign 1 --staff NAME" in refused.stderr
    declined = run(*intake, stdin="nein\n", extra_env=GERMAN)
    assert "Nicht aufgenommen; Fall 1 wartet weiter" in declined.stdout
    assert json.loads(run("case", "show", "1", "--json", "--db", db).stdout)["caseFile"]["status"] == "waiting"
    assert run("staff", "add", "Petra Maier", "--municipality", "Stadt Aalen", "--fte-share", "1", "--db", db).returncode == 0
    assert run("case", "reassign", "1", "--staff", "Petra Maier", "--db", db).returncode == 0
    admitted = run(*intake, stdin="ja\npause\n", extra_env=GERMAN)
    assert "Fall 1 ist seit 05.03.2018 in Begleitung; zuständig: Petra Maier." in admitted.stdout
    shown = json.loads(run("case", "show", "1", "--json", "--db", db).stdout)["caseFile"]
    assert shown["status"] == "active" and shown["openedOn"] == "2018-03-05"
