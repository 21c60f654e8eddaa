"""Data protection and operations: subject access, erasure, correction, backup, restore, doctor, kill -9."""
import json
import os
import pathlib
import sqlite3
import subprocess
import time
import zipfile

from conftest import GERMAN
from test_report import FIXTURE, county  # noqa: F401


def raw(db):
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    wal = pathlib.Path(db + "-wal")
    return pathlib.Path(db).read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_subject_access_report(run, county, tmp_path):
    assert run("outcome", "add", "1", "--person", "1", "--module", "work", "--kind", "qualification", "--on", "2019-05-01", "--db", county).returncode == 0
    assert run("outcome", "add", "1", "--person", "1", "--module", "school", "--kind", "parent_teacher_talk", "--on", "2019-05-02", "--db", county).returncode == 0
    assert run("consent", "add", "1", "--scope", "referral", "--to", "Jobcenter", "--on", "2018-03-01", "--db", county).returncode == 0
    out = tmp_path / "auskunft.json"
    assert run("person", "export", "1", "-o", str(out), "--format", "json", "--db", county).returncode == 0
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    data = json.loads(out.read_text())
    assert data["identity"]["familyName"] == "Haddad" and data["cases"][0]["municipality"] == "Stadt Aalen"
    assert {o["module"] for o in data["outcomes"]} == {"language", "social", "housing", "work", "school"}
    assert any(t["kind"] == "referral" and t["to"] == "jobcenter" and "consent" in t["basis"] for t in data["transfers"])
    assert any(a["action"] == "create" and a["record"].startswith("outcome") for a in data["accesses"])
    text = tmp_path / "auskunft.txt"
    assert run("person", "export", "1", "-o", str(text), "--db", county, extra_env=GERMAN).returncode == 0
    content = text.read_text()
    assert content.startswith("Auskunft nach Art. 15 DSGVO") and "Wer Ihre Daten gelesen oder geändert hat" in content and "Jobcenter" in content
    html = tmp_path / "auskunft.html"
    assert run("person", "export", "1", "-o", str(html), "--format", "html", "--db", county).returncode == 0
    assert html.read_text().startswith("<!DOCTYPE html>")


def test_erasure_respects_retention_and_leaves_no_trace(run, county, tmp_path):
    active = run("person", "erase", "1", "--reason", "Antrag vom 01.10.2019", "--db", county)
    assert active.returncode == 1 and "ongoing counselling" in active.stderr
    within = run("person", "erase", "7", "--reason", "Antrag", "--on", "2020-01-01", "--db", county)
    assert within.returncode == 1 and "retention duty" in within.stderr and "until 2029-01-31" in within.stderr
    before = [run("report", "--as-of", d, "--format", "json", "--db", county).stdout for d in ("2018-12-31", "2019-01-15")]
    short = tmp_path / "short.json"
    short.write_text('{"deployment": {"retentionYears": 1}}')
    erased = run("person", "erase", "7", "--reason", "Antrag vom 01.10.2020", "--on", "2020-10-01", "--config", str(short), "--db", county)
    assert erased.returncode == 0, erased.stderr
    assert [run("report", "--as-of", d, "--format", "json", "--db", county).stdout for d in ("2018-12-31", "2019-01-15")] == before
    data = raw(county)
    assert b"Kidane" not in data and b"Dawit" not in data
    assert run("audit", "verify", "--db", county).returncode == 0


def test_corrections_keep_the_earlier_value(run, county):
    assert run("person", "edit", "1", "--phone", "07361 12345", "--db", county).returncode == 0
    assert run("person", "edit", "1", "--phone", "07361 99999", "--db", county).returncode == 0
    values = [row[0] for row in sqlite3.connect(county).execute(
        "SELECT v.value FROM auditEvent e JOIN auditValue v ON v.seq = e.seq WHERE e.entity = 'personIdentity' AND e.field = 'phone' ORDER BY e.seq")]
    assert values == ["07361 12345", "07361 99999"]


def test_backup_while_a_writer_runs_then_restore(run, lotse_bin, env, county, tmp_path):
    script = f'for i in $(seq 1 60); do "{lotse_bin}" conversation add 1 --kind family --topics language --db "{county}" || exit 1; done'
    writer = subprocess.Popen(["bash", "-c", script], env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 30
    while time.time() < deadline:  # the writer is under way: its first conversations are in
        if sqlite3.connect(county).execute("SELECT count(*) FROM conversation WHERE caseId = 1").fetchone()[0] > 4:
            break
        time.sleep(0.05)
    backup = tmp_path / "backup.zip"
    made = run("backup", "-o", str(backup), "--db", county)
    writer.wait(timeout=120)
    assert made.returncode == 0, made.stderr
    assert writer.returncode == 0, writer.stderr.read()
    assert oct(backup.stat().st_mode & 0o777) == "0o600"
    with zipfile.ZipFile(backup) as archive:
        names = archive.namelist()
    assert "lotse-backup/database.sqlite" in names and "lotse-backup/manifest-sha256.txt" in names
    restored = str(tmp_path / "restored" / "lotse.sqlite")
    os.makedirs(os.path.dirname(restored))
    result = run("restore", str(backup), "--db", restored)
    assert result.returncode == 0, result.stderr
    assert run("audit", "verify", "--db", restored).returncode == 0
    assert run("doctor", "--db", restored).returncode == 0
    written = sqlite3.connect(restored).execute("SELECT count(*) FROM conversation WHERE caseId = 1").fetchone()[0]
    total = sqlite3.connect(county).execute("SELECT count(*) FROM conversation WHERE caseId = 1").fetchone()[0]
    assert 3 < written <= total == 63, "a consistent snapshot taken while the writer went on"
    again = run("restore", str(backup), "--db", restored)
    assert again.returncode == 0 and "kept as lotse.sqlite.before-restore-" in again.stdout


def test_damaged_backups_are_refused_and_change_nothing(run, county, tmp_path):
    backup = tmp_path / "backup.zip"
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("backup passphrase 2019\n")
    assert run("backup", "-o", str(backup), "--encrypt", "--passphrase-file", str(passphrase), "--db", county).returncode == 0
    target = str(tmp_path / "target.sqlite")
    assert run("municipality", "add", "Stadt Ulm", "--kind", "city", "--fte", "1", "--db", target).returncode == 0
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(backup.read_bytes()[:-200])
    result = run("restore", str(truncated), "--passphrase-file", str(passphrase), "--db", target)
    assert result.returncode == 2 and "truncated or damaged" in result.stderr
    plain = tmp_path / "plain.zip"
    assert run("backup", "-o", str(plain), "--db", county).returncode == 0
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(tampered, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("database.sqlite"):
                data = data.replace(b"Haddad", b"Hadad!")
            copy.writestr(info, data)
    result = run("restore", str(tampered), "--db", target)
    assert result.returncode == 2 and "tampered or damaged" in result.stderr
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it at all\n")
    assert run("restore", str(backup), "--passphrase-file", str(wrong), "--db", target).returncode == 2
    assert sqlite3.connect(target).execute("SELECT name FROM municipality").fetchall() == [("Stadt Ulm",)]


def test_doctor_finds_problems(run, county):
    healthy = run("doctor", "--db", county)
    assert healthy.returncode == 0 and "ok      audit log" in healthy.stdout
    os.chmod(county, 0o644)
    loose = run("doctor", "--db", county)
    assert loose.returncode == 2 and "PROBLEM file modes" in loose.stdout and "chmod 600" in loose.stdout
    os.chmod(county, 0o600)
    connection = sqlite3.connect(county)
    connection.execute("UPDATE auditEvent SET actor = 'x' WHERE seq = 1")
    connection.commit()
    assert "PROBLEM audit log: event 1 was changed" in run("doctor", "--db", county).stdout


def test_kill_9_in_the_middle_of_writes_loses_no_committed_fact(run, county, tmp_path):
    killed = run("case", "new", "--municipality", "Stadt Aalen", "--family-name", "Okafor", "--given-names", "Emeka", "--born", "1988",
                 "--db", county, extra_env={"LOTSE_TEST_KILL_AFTER_AUDIT_EVENTS": "4"})
    assert killed.returncode == -9
    assert run("doctor", "--db", county).returncode == 0
    assert sqlite3.connect(county).execute("SELECT count(*) FROM caseFile").fetchone()[0] == 4, "the half-made case is gone whole"
    empty = str(tmp_path / "empty.sqlite")
    import_killed = run("demo", "--households", "200", "--db", empty, extra_env={"LOTSE_TEST_KILL_AFTER_AUDIT_EVENTS": "1"})
    assert import_killed.returncode == -9
    assert sqlite3.connect(empty).execute("SELECT count(*) FROM person").fetchone()[0] == 0, "nothing of the killed import"
    assert run("doctor", "--db", empty).returncode == 0
    assert "imported" in run("demo", "--households", "200", "--db", empty).stdout, "the rerun imports everything"
    assert run("move", "1", "--to", "Stuttgart", "--on", "2019-09-01", "--db", county).returncode == 0
    assert run("move", "3", "--to", "Ulm", "--on", "2019-09-01", "--db", county).returncode == 0
    closing = run("batch", "close", "--rule", "moved-away", "--on", "2019-10-01", "--db", county,
                  extra_env={"LOTSE_TEST_KILL_AFTER_AUDIT_EVENTS": "6"})
    assert closing.returncode == -9
    assert run("doctor", "--db", county).returncode == 0
    rerun = run("batch", "close", "--rule", "moved-away", "--on", "2019-10-01", "--db", county)
    statuses = dict(sqlite3.connect(county).execute("SELECT id, status FROM caseFile").fetchall())
    assert statuses[1] == "closed" and statuses[3] == "closed", rerun.stdout
    assert run("audit", "verify", "--db", county).returncode == 0
