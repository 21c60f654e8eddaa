"""The kiosk through a pseudo-terminal, started as a login shell starts it (the link
`lotse-kiosk`, named "-lotse-kiosk"): hidden password, lockout, escape attempts, idle logout, crash recovery — and no
password left in any file afterwards."""
import io
import json
import os
import re
import signal
import subprocess

import pexpect
import pytest

from conftest import ROOT

PASSWORD = "kiosk password of Herr Braun"
WRONG = "not the password 4711"
PROMPT = "lotse> "


@pytest.fixture
def kiosk(lotse_bin, run, env, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    password = tmp_path / "braun.txt"
    password.write_text(PASSWORD + "\n")
    for step in (["municipality", "add", "Stadt Aalen", "--kind", "city", "--fte", "1.5"],
                 ["staff", "add", "Herr Braun", "--municipality", "Stadt Aalen", "--role", "lead", "--fte-share", "0.5"],
                 ["case", "new", "--municipality", "Stadt Aalen", "--open", "--on", "2018-03-01", "--family-name", "Haddad",
                  "--given-names", "Amal", "--born", "1985"],
                 ["user", "add", "braun", "--role", "lead,manager", "--staff", "Herr Braun", "--password-file", str(password)]):
        done = run(*step, "--db", db)
        assert done.returncode == 0, done.stderr
    password.unlink()
    config = json.loads((ROOT / "plugins.json").read_text())
    config["deployment"].update({"idleLogoutMinutes": 0.05, "kioskExportDir": str(tmp_path / "export")})
    (tmp_path / "kiosk.json").write_text(json.dumps(config))
    link = tmp_path / "lotse-kiosk"
    link.symlink_to(lotse_bin)
    transcript = io.StringIO()
    # As login(1) starts a login shell: argv[0] is "-lotse-kiosk".
    child = pexpect.spawn("bash", ["-c", f"exec -a -lotse-kiosk {link}"], env={**env, "LOTSE_DB": db, "LOTSE_CONFIG": str(tmp_path / "kiosk.json"), "NO_COLOR": "1"},
                          cwd=str(tmp_path), encoding="utf-8", timeout=20, dimensions=(40, 160))
    child.logfile_read = transcript
    yield child, db, transcript
    child.close(force=True)


def login(child, name, password):
    child.expect_exact("Benutzer: ")
    child.sendline(name)
    child.expect_exact("Passwort: ")
    child.sendline(password)


def test_lockout_escapes_idle_logout_and_crash(kiosk, run, tmp_path):
    child, db, transcript = kiosk
    # Five failures of a name at this terminal make it wait; the answers are the same
    # for a name that exists and one that does not, and name nothing.
    answers = {}
    for name in ("braun", "niemand"):
        answers[name] = []
        for attempt in range(1, 6):
            login(child, name, WRONG)
            child.expect(r"lotse: ([^\r\n]*)\r?\n")
            answers[name].append(re.sub(r"\d\d:\d\d:\d\d", "HH:MM:SS", child.match.group(1)))
        login(child, name, PASSWORD)
        child.expect(r"lotse: ([^\r\n]*)\r?\n")
        answers[name].append(re.sub(r"\d\d:\d\d:\d\d", "HH:MM:SS", child.match.group(1)))
    assert answers["braun"] == answers["niemand"], answers
    assert answers["braun"][0] == "Name oder Passwort falsch" and "zu viele Fehlversuche an diesem Terminal" in answers["braun"][4]
    assert answers["braun"][5] == answers["braun"][4], "the right password waits too"
    assert run("user", "enable", "braun", "--db", db).returncode == 0  # an admin unlocks

    login(child, "braun", PASSWORD)
    child.expect_exact("Angemeldet als braun")
    child.expect_exact(PROMPT)
    child.sendline("!sh")
    child.expect_exact("Unbekannter Befehl „!sh“")
    child.sendcontrol("z")
    child.sendcontrol("\\")
    child.sendline("municipality list")
    child.expect_exact("Stadt Aalen")
    for escape, refusal in (("report --as-of 2019-06-30 --format html -o ../escape.html", "Dateien können nur in"),
                            ("report --as-of 2019-06-30 --format html -o /tmp/escape.html", "Dateien können nur in"),
                            ("report --as-of 2019-06-30 --format html -o export/../../escape.html", "Dateien können nur in"),
                            ("case list --db /tmp/other.sqlite", "--db steht am Kiosk nicht zur Verfügung"),
                            ("restore backup.zip", "steht am Kiosk nicht zur Verfügung")):
        child.expect_exact(PROMPT)
        child.sendline(escape)
        child.expect_exact(refusal)
    child.expect_exact(PROMPT)
    child.sendline("report --as-of 2019-06-30 --format html -o bericht.html")
    child.expect_exact(PROMPT)
    # Each login works in its own folder inside the export folder.
    written = list((tmp_path / "export").glob("*/bericht.html"))
    assert len(written) == 1 and not (tmp_path / "escape.html").exists()

    # Nothing typed for 3 seconds (idleLogoutMinutes 0.05): the screen clears, login again;
    # the session's folder is gone with it.
    child.expect_exact("Abgemeldet nach 0,05 Minuten ohne Eingabe.", timeout=15)
    assert not written[0].exists() and not written[0].parent.exists()
    login(child, "braun", PASSWORD)
    child.expect_exact(PROMPT)
    child.sendline("handover verify bericht.html")  # the last session's export is not there for the next
    child.expect_exact("bericht.html kann nicht gelesen werden")
    # A command that reads the terminal (a note typed to its end) honours the idle time too.
    child.expect_exact(PROMPT)
    child.sendline("note 1")
    child.expect_exact("die Eingabe blieb zu lange aus", timeout=15)
    child.expect_exact("Abgemeldet nach 0,05 Minuten ohne Eingabe.", timeout=15)
    login(child, "braun", PASSWORD)
    child.expect_exact(PROMPT)
    child.sendcontrol("d")  # Ctrl-D logs out
    login(child, "braun", PASSWORD)
    child.expect_exact(PROMPT)
    session = int(subprocess.run(["pgrep", "-P", str(child.pid)], capture_output=True, text=True).stdout.split()[0])
    os.kill(session, signal.SIGSEGV)  # a crash ends the session, not the kiosk
    child.expect_exact("nach einem Fehler beendet")
    child.expect_exact("Benutzer: ")
    assert child.isalive()

    # The passwords were never echoed and are in no file: database, WAL, history, exports.
    assert PASSWORD not in transcript.getvalue() and WRONG not in transcript.getvalue()
    for path in tmp_path.rglob("*"):
        if path.is_file() and not path.is_symlink():
            content = path.read_bytes()
            assert PASSWORD.encode() not in content and WRONG.encode() not in content, path
