"""Batch closure over the fixture county: dry runs change nothing, real runs close with reasons."""
import fcntl
import json
import sqlite3

from test_report import FIXTURE, county  # noqa: F401  (the fixture county)


def cases(db):
    return {row[0]: row[1:] for row in sqlite3.connect(db).execute("SELECT id, status, closedOn, closureReason FROM caseFile")}


def test_moved_away_dry_run_then_real_run(run, county):
    assert run("move", "1", "--to", "Stuttgart", "--on", "2019-09-01", "--db", county).returncode == 0
    before = cases(county)
    report_before = run("report", "--as-of", "2019-06-30", "--format", "json", "--db", county).stdout
    dry = run("batch", "close", "--rule", "moved-away", "--dry-run", "--on", "2019-10-01", "--db", county)
    assert dry.returncode == 0, dry.stderr
    assert "would close case 1 (Stadt Aalen, 4 persons) on 2019-09-01: Moved away – moved out of the municipality on 2019-09-01" in dry.stdout
    assert cases(county) == before
    real = run("batch", "close", "--rule", "moved-away", "--on", "2019-10-01", "--db", county)
    assert real.returncode == 0, real.stderr
    assert "closed case 1 (Stadt Aalen, 4 persons) on 2019-09-01" in real.stdout
    assert "1 case closed, 4 places freed" in real.stdout
    assert "Stadt Aalen: 4 places freed; next on the waiting list: nobody" in real.stdout
    assert cases(county)[1] == ("closed", "2019-09-01", "moved_away")
    assert run("report", "--as-of", "2019-06-30", "--format", "json", "--db", county).stdout == report_before
    assert "no_longer_eligible" not in real.stdout
    again = run("batch", "close", "--rule", "moved-away", "--on", "2019-10-01", "--db", county)
    assert "0 cases closed" in again.stdout


def test_completed_inactive_and_max_duration(run, county):
    connection = sqlite3.connect(county)
    assert "would close 0 cases" in run("batch", "close", "--rule", "completed", "--dry-run", "--on", "2019-07-01", "--db", county).stdout
    connection.execute("UPDATE goal SET status = 'dropped', statusOn = '2019-06-01' WHERE sourceRef = 'legacy:801'")
    connection.commit()
    completed = run("batch", "close", "--rule", "completed", "--dry-run", "--on", "2019-07-01", "--db", county).stdout
    assert "would close case 1 " in completed and "1 achieved" in completed
    inactive = run("batch", "close", "--rule", "inactive", "--dry-run", "--on", "2020-02-01", "--db", county).stdout
    assert "would close case 1 " in inactive and "would close case 3 " in inactive and "would close 2 cases" in inactive
    assert "would close 0 cases" in run("batch", "close", "--rule", "inactive", "--dry-run", "--on", "2019-12-31", "--db", county).stdout
    longer = run("batch", "close", "--rule", "max-duration", "--dry-run", "--on", "2021-03-02", "--db", county).stdout
    assert "would close case 1 " in longer
    unjustified = run("case", "edit", "1", "--extension", "--db", county)
    assert unjustified.returncode == 1 and "needs a reason" in unjustified.stderr
    assert run("case", "edit", "1", "--extension", "--reason", "Ausbildung endet 08/2022", "--on", "2021-02-15", "--db", county).returncode == 0
    granted = connection.execute("SELECT justifiedExtension, extendedOn, extensionReason FROM caseFile WHERE id = 1").fetchone()
    assert granted == (1, "2021-02-15", "Ausbildung endet 08/2022")
    audited = {row[0] for row in connection.execute("SELECT field FROM auditEvent WHERE entity = 'caseFile' AND entityId = 1 AND action = 'update'")}
    assert {"justifiedExtension", "extendedOn", "extensionReason"} <= audited
    assert "would close case 1 " not in run("batch", "close", "--rule", "max-duration", "--dry-run", "--on", "2021-03-02", "--db", county).stdout
    assert "would close case 1 " in run("batch", "close", "--rule", "max-duration", "--dry-run", "--on", "2022-03-02", "--db", county).stdout


def test_one_batch_run_at_a_time(run, county):
    with open(county + ".batch-lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = run("batch", "close", "--rule", "inactive", "--db", county)
        assert result.returncode == 1 and "another batch run" in result.stderr
    assert run("batch", "close", "--rule", "inactive", "--dry-run", "--db", county).returncode == 0
