"""Batch archive and purge over the fixture county, including a kill -9 in the middle."""
import json
import os
import pathlib
import re
import sqlite3
import subprocess
import zipfile

from conftest import GERMAN
from test_report import FIXTURE, county  # noqa: F401

DATES = ["2018-12-31", "2019-01-15", "2019-06-30", "2019-08-15"]


def reports(run, db):
    return [run("report", "--as-of", d, "--format", "json", "--db", db).stdout for d in DATES]


def archive(run, db, folder, passphrase, extra_env=None):
    return run("batch", "archive", "--closed-before", "2020-01-01", "--out", str(folder), "--passphrase-file", str(passphrase),
               "--on", "2020-02-01", "--db", db, extra_env=extra_env)


def raw(db):
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return pathlib.Path(db).read_bytes() + (pathlib.Path(db + "-wal").read_bytes() if os.path.exists(db + "-wal") else b"")


def test_archive_keeps_past_figures_and_removes_personal_data(run, county, tmp_path):
    passphrase = tmp_path / "archive-pass.txt"
    passphrase.write_text("archive passphrase for the county\n")
    before = reports(run, county)
    dry = run("batch", "archive", "--closed-before", "2020-01-01", "--out", str(tmp_path / "none"), "--dry-run", "--db", county)
    assert "would archive case 4 (closed 2019-01-31)" in dry.stdout and "would archive case 2" in dry.stdout
    assert not (tmp_path / "none").exists()
    folder = tmp_path / "archive"
    result = archive(run, county, folder, passphrase)
    assert result.returncode == 0, result.stderr
    assert "2 cases archived" in result.stdout
    assert reports(run, county) == before, "reports for past dates do not change"
    assert run("audit", "verify", "--db", county).returncode == 0
    data = raw(county)
    for name in (b"Tesfaye", b"Kidane", b"Dawit", b"Yonas"):
        assert name not in data, name
    assert b"Haddad" in data, "active cases keep their data"
    index = (folder / "index.csv").read_text().splitlines()
    assert index[0] == "case,closed on,archived on,bundle" and len(index) == 3
    with zipfile.ZipFile(folder / "lotse-archive-case-2.zip") as bundle:
        assert all(info.flag_bits & 0x1 for info in bundle.infolist())
    verified = run("handover", "verify", str(folder / "lotse-archive-case-2.zip"), "--passphrase-file", str(passphrase))
    assert verified.returncode == 0 and "archive bundle from Stadt Aalen (case 2)" in verified.stdout
    statuses = dict(sqlite3.connect(county).execute("SELECT id, status FROM caseFile").fetchall())
    assert statuses == {1: "active", 2: "archived", 3: "active", 4: "archived"}
    again = archive(run, county, folder, passphrase)
    assert "0 cases archived" in again.stdout and len((folder / "index.csv").read_text().splitlines()) == 3
    # A German county's spreadsheet reads it: German headers, semicolons, German dates.
    assert archive(run, county, folder, passphrase, extra_env=GERMAN).returncode == 0
    german = (folder / "index.csv").read_text().splitlines()
    assert german[0] == "Fall;abgeschlossen am;archiviert am;Bündel"
    assert all(re.fullmatch(r"\d+;\d{2}\.\d{2}\.\d{4};\d{2}\.\d{2}\.\d{4};lotse-archive-case-\d+\.zip", row) for row in german[1:]), german


def test_a_killed_archive_run_finishes_on_rerun(run, county, tmp_path):
    passphrase = tmp_path / "archive-pass.txt"
    passphrase.write_text("archive passphrase for the county\n")
    before = reports(run, county)
    folder = tmp_path / "archive"
    killed = archive(run, county, folder, passphrase, extra_env={"LOTSE_TEST_KILL_AFTER_BUNDLE": "1"})
    assert killed.returncode == -9
    # Killed right after a bundle was written and verified, before its database step
    # (the second worker may have got further or not).
    assert len(list(folder.glob("*.zip"))) >= 1
    assert sqlite3.connect(county).execute("SELECT count(*) FROM caseFile WHERE status = 'archived'").fetchone()[0] < 2
    assert run("audit", "verify", "--db", county).returncode == 0
    rerun = archive(run, county, folder, passphrase)
    assert rerun.returncode == 0 and "2 cases archived" in rerun.stdout
    assert sorted(p.name for p in folder.glob("*.zip")) == ["lotse-archive-case-2.zip", "lotse-archive-case-4.zip"]
    assert len((folder / "index.csv").read_text().splitlines()) == 3
    assert reports(run, county) == before
    assert not list(folder.glob(".*partial*"))


def test_purge_after_the_retention_period(run, county, tmp_path):
    passphrase = tmp_path / "archive-pass.txt"
    passphrase.write_text("archive passphrase for the county\n")
    folder = tmp_path / "archive"
    assert archive(run, county, folder, passphrase).returncode == 0
    held = run("batch", "purge", "--dry-run", "--archive", str(folder), "--on", "2029-03-01", "--db", county)
    assert "case 4 (closed 2019-01-31) stays: not yet offered to the archive" in held.stdout and "would purge 0 cases" in held.stdout, \
        "with archiveOffer on (the default) nothing goes unoffered"
    # A county whose archive waived its right in writing turns the offer off.
    waiver = tmp_path / "waiver.json"
    waiver.write_text('{"deployment": {"locale": "en", "archiveOffer": false}}')
    early = run("batch", "purge", "--dry-run", "--archive", str(folder), "--on", "2025-01-01", "--db", county, "--config", str(waiver))
    assert "would purge 0 cases" in early.stdout
    dry = run("batch", "purge", "--dry-run", "--archive", str(folder), "--on", "2029-03-01", "--db", county, "--config", str(waiver))
    assert "would purge case 4" in dry.stdout and "offering to the archive is turned off" in dry.stdout and "case 2" not in dry.stdout, \
        "case 2 closed in June 2019: not yet"
    assert (folder / "lotse-archive-case-4.zip").exists()
    # A purge takes effect today at the latest: the test clock of a debug build says 2029.
    done = run("batch", "purge", "--confirm", "--archive", str(folder), "--on", "2029-03-01", "--db", county, "--config", str(waiver),
               extra_env={"LOTSE_TEST_TODAY": "2029-03-01"})
    assert done.returncode == 0 and "1 case purged" in done.stdout
    assert not (folder / "lotse-archive-case-4.zip").exists() and (folder / "lotse-archive-case-2.zip").exists()
    connection = sqlite3.connect(county)
    assert connection.execute("SELECT count(*) FROM caseFile WHERE id = 4").fetchone()[0] == 0
    assert connection.execute("SELECT caseRef, closedOn FROM purgeLog").fetchall() == [("case 4", "2019-01-31")]
    assert run("audit", "verify", "--db", county).returncode == 0
    assert run("batch", "purge", "--db", county).returncode != 0, "neither --dry-run nor --confirm"
