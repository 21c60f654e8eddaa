"""Issue #32 outside the shared installation (the package test covers secure mode): bounded
fields without line breaks in the CLI, the legacy import and bundles; CSV cells that
cannot turn into formulas; no destructive --on after today; a receipt that cannot be
written leaves nothing imported; an export a default receiver would refuse is refused
before the case is marked handed over; only regular files are copied."""
import csv
import io
import os
import random
import shutil
import sqlite3
import string
import time

from test_handover import RECEIVER, export, receiver, sender  # noqa: F401  (fixtures)
from test_hardening import count, family, one_line, rebag, refused_by_both
from test_report import FIXTURE


def test_single_line_fields_refuse_line_breaks_and_every_field_is_bounded(run, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    assert run("municipality", "add", "Stadt Aalen", "--kind", "city", "--fte", "1.5", "--db", db).returncode == 0
    new = ["case", "new", "--municipality", "Stadt Aalen", "--open", "--on", "2019-01-02", "--given-names", "Amal", "--born", "1985", "--db", db]
    forged = run(*new, "--family-name", "Haddad\n1  Haddad, Amal   aktiv")
    assert forged.returncode == 1 and one_line(forged) == "lotse: personIdentity.familyName holds a line break (a name, title or place is one line); nothing was saved"
    long = run(*new, "--family-name", "H" * 501)
    assert long.returncode == 1 and "longer than the 500 characters" in one_line(long)
    assert count(db, "caseFile") == 0 and count(db, "person") == 0
    assert run(*new, "--family-name", "Haddad").returncode == 0
    # A note keeps its lines; 2 MB typed into one is refused before anything is stored.
    assert run("note", "1", "--db", db, stdin="erste Zeile\nzweite Zeile\n").returncode == 0
    huge = run("note", "1", "--db", db, stdin="x" * (2 << 20))
    assert huge.returncode == 1 and "the input is longer than" in one_line(huge)
    assert count(db, "caseNote") == 1


def test_the_legacy_import_applies_the_same_limits_per_file_and_line(run, tmp_path):
    folder = tmp_path / "legacy"
    shutil.copytree(FIXTURE, folder)
    persons = list(csv.reader(io.StringIO((folder / "persons.csv").read_text())))
    persons[1][2] = "Haddad\nFall 2"
    persons[2][3] = "A" * 600
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(persons)
    (folder / "persons.csv").write_text(out.getvalue())
    db = str(tmp_path / "lotse.sqlite")
    result = run("import", "legacy", str(folder), "--db", db)
    assert result.returncode == 2, result.stderr
    assert "persons.csv:2: family_name: holds a line break" in result.stderr
    assert "persons.csv:4: given_names: is longer than the 500 characters" in result.stderr
    assert count(db, "person") == 0


def test_a_bundle_with_a_2_mb_name_or_a_line_feed_in_one_is_refused(run, sender, receiver, tmp_path):
    bundle = export(run, sender, tmp_path)
    letters = "".join(random.Random(32).choices(string.ascii_letters, k=2 << 20))  # incompressible, not a zip bomb
    refused_by_both(run, receiver, rebag(bundle, tmp_path, family(letters), "long.zip"),
                    "data/case.json: persons[0].familyName is longer than the 500 characters")
    refused_by_both(run, receiver, rebag(bundle, tmp_path, family("Haddad\nFall 9"), "lf.zip"),
                    "data/case.json: persons[0].familyName holds a line break")


def test_csv_cells_that_read_as_formulas_are_escaped_and_numbers_stay(run, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    assert run("import", "legacy", str(FIXTURE), "--db", db).returncode == 0
    assert run("municipality", "add", "=cmd|' /C calc'!A0", "--kind", "city", "--fte", "1", "--db", db).returncode == 0
    out = tmp_path / "report.csv"
    assert run("report", "--as-of", "2019-06-30", "--format", "csv", "-o", str(out), "--db", db).returncode == 0
    text = out.read_text(encoding="utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells and not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert not any(cell.startswith("-") and not cell.lstrip("-").replace(".", "").replace(",", "").isdigit() for cell in cells)
    sheet = tmp_path / "land.csv"
    assert run("report", "--profile", "land-bw", "--format", "csv", "-o", str(sheet), "--as-of", "2019-06-30", "--db", db).returncode == 0
    land = [cell for row in csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"), newline=""), delimiter=";") for cell in row]
    land += [cell for row in csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"), newline="")) for cell in row]
    assert any(cell.startswith("'=cmd") for cell in land) and not any(cell.startswith("=") for cell in land)


def test_destructive_dates_cannot_lie_after_today(run, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    assert run("import", "legacy", str(FIXTURE), "--db", db).returncode == 0
    erase = run("person", "erase", "7", "--reason", "Antrag", "--on", "2045-01-01", "--db", db)
    assert erase.returncode == 1 and "--on 2045-01-01 lies after today" in one_line(erase)
    purge = run("batch", "purge", "--confirm", "--on", "2099-01-01", "--db", db)
    assert purge.returncode == 1 and "--on 2099-01-01 lies after today" in one_line(purge)
    assert run("batch", "purge", "--dry-run", "--on", "2099-01-01", "--db", db).returncode == 0, "a dry run may look ahead"


def test_a_receipt_that_cannot_be_written_leaves_nothing_imported(run, sender, receiver, tmp_path):
    bundle = export(run, sender, tmp_path)
    failed = run("handover", "import", str(bundle), "--receipt", str(tmp_path / "no-such-folder" / "r.json"), "--db", receiver)
    assert failed.returncode != 0 and "r.json" in one_line(failed)
    assert count(receiver, "caseFile") == 0 and count(receiver, "handover") == 0
    assert os.listdir(tmp_path / "receiver.sqlite.files") == [] if (tmp_path / "receiver.sqlite.files").exists() else True
    again = run("handover", "import", str(bundle), "--receipt", str(tmp_path / "r.json"), "--db", receiver)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "r.json").exists() and count(receiver, "caseFile") == 1
    assert run("audit", "verify", "--db", receiver).returncode == 0


def test_an_export_a_default_receiver_would_refuse_is_refused_before_the_case_is_handed_over(run, sender, tmp_path):
    for index in range(30):
        added = run("person", "add", "1", "--family-name", "Haddad", "--given-names", f"Kind {index}", "--born", "2015",
                    "--from", "2019-01-01", "--db", sender)
        assert added.returncode == 0, added.stderr
    result = run("handover", "export", "1", "--to", RECEIVER, "-o", str(tmp_path / "crowd.zip"), "--on", "2019-09-01", "--db", sender)
    assert result.returncode == 2 and "a case holds at most 30" in one_line(result), result.stderr
    assert not (tmp_path / "crowd.zip").exists()
    status = sqlite3.connect(sender).execute("SELECT status FROM caseFile WHERE id = 1").fetchone()[0]
    assert status == "active"


def test_only_regular_files_are_copied_and_a_fifo_holds_no_lock(run, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    assert run("import", "legacy", str(FIXTURE), "--db", db).returncode == 0
    zero = run("attach", "1", "/dev/zero", "--db", db)
    assert zero.returncode == 1 and "is not a regular file" in one_line(zero)
    fifo = tmp_path / "backup.zip"
    os.mkfifo(fifo)
    started = time.monotonic()
    restore = run("restore", str(fifo), "--db", db)
    assert restore.returncode == 1 and "is not a regular file" in one_line(restore) and time.monotonic() - started < 10
    assert run("batch", "close", "--rule", "inactive", "--dry-run", "--db", db).returncode == 0, "no lock left behind"
    assert count(db, "attachment") == 0


def test_scratch_files_of_a_killed_process_go_and_doctor_names_orphaned_attachments(run, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    assert run("import", "legacy", str(FIXTURE), "--db", db).returncode == 0
    form = tmp_path / "form.txt"
    form.write_text("Einwilligung\n")
    assert run("attach", "1", str(form), "--db", db).returncode == 0
    dead = 2 ** 22 + 12345  # above pid_max's default: no such process
    work = tmp_path / f".lotse-work.partial-{dead}-1"
    work.mkdir()
    (work / "big").write_bytes(b"x" * 1000)
    files = tmp_path / "lotse.sqlite.files"
    (files / f"abc.partial-{dead}-2").write_bytes(b"half a copy")
    (files / "0f1e2d3c-orphan").write_bytes(b"y" * (3 << 20))
    assert run("case", "list", "--db", db).returncode == 0
    assert not work.exists(), "the next command removes a dead process's scratch folder"
    doctor = run("doctor", "--db", db)
    assert doctor.returncode == 2, doctor.stdout
    assert "half-written files of ended processes removed from " in doctor.stdout and ": 1\n" in doctor.stdout
    assert "that belong to no attachment: 1 (3 MB)" in doctor.stdout
    assert not (files / f"abc.partial-{dead}-2").exists() and (files / "0f1e2d3c-orphan").exists()
