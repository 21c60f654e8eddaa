"""The Debian package on the system, as a county's IT installs it: `make deb`, `dpkg -i`,
then two ordinary users who can work through lotse within their roles but cannot open
the database, cannot smuggle it out, cannot redirect lotse with --db or LOTSE_DB, and
own no file under /var/lib/lotse afterwards. A change made with sqlite3 as root is
found by `audit verify`. lintian finds no errors; the units pass systemd-analyze.

Needs root, a file system that honours setuid, no NoNewPrivs and no lotse installed
before (else skipped). Purges the package at the end only under CI=true."""
import gzip
import io
import json
import os
import pwd
import shutil
import stat
import zipfile
import subprocess
from pathlib import Path

import pexpect
import pytest

from conftest import ROOT

USERS = ("lotsetest1", "lotsetest2")
PASSWORD = "ein langes Passwort 4711"
DATA = Path("/var/lib/lotse")


def skip_reason():
    if os.geteuid() != 0:
        return "installing the package needs root"
    status = Path("/proc/self/status").read_text()
    if any(line.split() == ["NoNewPrivs:", "1"] for line in status.splitlines()):
        return "NoNewPrivs is set: a setuid binary would not change rights here"
    options = subprocess.run(["findmnt", "-no", "OPTIONS", "--target", "/usr/bin"], capture_output=True, text=True).stdout
    if "nosuid" in options.split(","):
        return "/usr/bin is mounted nosuid"
    if subprocess.run(["dpkg", "-s", "lotse"], capture_output=True).returncode == 0 or DATA.exists():
        return "a lotse installation exists on this machine; the package test needs a clean one (CI has one)"
    return None


# One worker runs the whole module: there is one system to install the package on.
pytestmark = [pytest.mark.skipif(skip_reason() is not None, reason=skip_reason() or ""), pytest.mark.xdist_group("package")]


def sh(*args, user=None, cwd="/tmp", env=None, input=None):
    command = list(args)
    if user:
        command = ["runuser", "-u", user, "--"] + command
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, input=input, timeout=300,
                          env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root" if user is None else f"/home/{user}", **(env or {})})


def ok(result):
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    # The debug build (test hooks and the test clock compiled in, but secure mode drops
    # every LOTSE_ variable): minutes quicker than the release build on two cores.
    built = subprocess.run(["make", "deb", "CONFIG=debug"], cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    deb = next((ROOT / "dist").glob("lotse_*.deb"))
    ok(sh("dpkg", "-i", str(deb)))
    for user in USERS:
        if subprocess.run(["id", user], capture_output=True).returncode != 0:
            ok(sh("useradd", "--create-home", "--shell", "/bin/bash", user))
    secret = tmp_path_factory.mktemp("pw") / "password"
    secret.write_text(PASSWORD + "\n")
    secret.parent.chmod(0o755)
    secret.chmod(0o644)
    # Before the admin ran `sudo lotse init`, no user can make themselves the admin.
    early = sh("lotse", "init", "--password-file", str(secret), user=USERS[0])
    assert early.returncode == 1 and "sudo lotse init" in early.stderr, early.stderr
    ok(sh("lotse", "init", "--password-file", str(secret)))
    for user, name, town in zip(USERS, ("Frau Eins", "Herr Zwei"), ("Stadt Aalen", "Gemeinde Essingen")):
        ok(sh("lotse", "municipality", "add", town, "--kind", "city", "--fte", "1.5"))
        ok(sh("lotse", "staff", "add", name, "--municipality", town, "--role", "manager", "--fte-share", "0.5"))
        ok(sh("lotse", "user", "add", user, "--os-user", user, "--role", "manager", "--staff", name, "--password-file", str(secret)))
    yield deb
    for user in USERS:
        subprocess.run(["userdel", "--remove", user], capture_output=True)
    if os.environ.get("CI") == "true":
        ok(sh("dpkg", "--purge", "lotse"))
        assert not DATA.exists() and not Path("/var/backups/lotse").exists(), "purge deletes the data and the backups"


def test_the_package_is_lintian_clean_with_units_man_pages_and_a_setuid_binary(installed):
    # The debug build keeps its symbols and finds the Swift runtime in the toolchain
    # (RUNPATH); the release package (`make deb`) is stripped with the runtime linked in.
    lintian = sh("lintian", "--fail-on", "error", "--suppress-tags", "custom-library-search-path,unstripped-binary-or-object", str(installed))
    assert lintian.returncode == 0, lintian.stdout + lintian.stderr
    # lotse opens libzip and libxlsxwriter when first needed, so they are not among the
    # libraries dpkg-shlibdeps finds; the package names them itself.
    depends = ok(sh("dpkg-query", "-W", "-f", "${Depends}", "lotse"))
    assert "libzip4 (>=" in depends and "libxlsxwriter4 (>=" in depends, depends
    units = sorted(str(p) for p in Path("/lib/systemd/system").glob("lotse-*"))
    assert [Path(u).name for u in units] == ["lotse-backup.service", "lotse-backup.timer", "lotse-batch-close.service", "lotse-batch-close.timer"]
    ok(sh("systemd-analyze", "verify", *units))
    assert ok(sh("man", "-w", "lotse")).strip().endswith("lotse.1.gz")
    # German pages beside the English ones, from the help catalog.
    german = ok(sh("man", "-w", "-L", "de", "lotse-case-new")).strip()
    assert german == "/usr/share/man/de/man1/lotse-case-new.1.gz", german
    page = gzip.decompress(Path(german).read_bytes()).decode()
    assert "Legt einen Fall mit seiner ersten Person an" in page and "Nummer oder Name der Kommune" in page
    assert ok(sh("man", "-w", "lotse-report")).strip().endswith("lotse-report.1.gz")
    binary = os.stat("/usr/bin/lotse")
    assert binary.st_mode & stat.S_ISUID and pwd.getpwuid(binary.st_uid).pw_name == "lotse"
    assert "/usr/bin/lotse-kiosk" in Path("/etc/shells").read_text().split()
    assert Path("/usr/share/bash-completion/completions/lotse").exists()
    assert Path("/etc/lotse/plugins.json").read_text() and "/etc/lotse/plugins.json" in ok(sh("dpkg-query", "-W", "-f", "${Conffiles}", "lotse"))


def test_users_work_through_lotse_but_never_reach_the_data(installed, tmp_path):
    one, two = USERS
    created = ok(sh("lotse", "case", "new", "--municipality", "Stadt Aalen", "--open", "--on", "2026-01-05", "--family-name", "Haddad",
                    "--given-names", "Amal", "--born", "1985", user=one))
    case = created.split()[1]
    assert "Haddad" in ok(sh("lotse", "case", "list", user=one))
    # The raw file is out of reach.
    raw = sh("sqlite3", str(DATA / "lotse.sqlite"), "SELECT roles FROM appUser", user=one)
    assert raw.returncode != 0 and "unable to open" in raw.stderr
    # lotse opens the files a user names with the user's rights.
    refused = sh("lotse", "attach", case, str(DATA / "lotse.sqlite"), user=one)
    assert refused.returncode == 1 and "keine Berechtigung" in refused.stderr
    private = Path(f"/home/{two}/private.txt")
    private.write_text("Herr Zwei's own file\n")
    shutil.chown(private, two, two)
    private.chmod(0o600)
    refused = sh("lotse", "attach", case, str(private), user=one)
    assert refused.returncode == 1 and "keine Berechtigung" in refused.stderr
    mine = Path(f"/home/{one}/form.txt")
    mine.write_text("Einwilligung\n")
    shutil.chown(mine, one, one)
    ok(sh("lotse", "attach", case, str(mine), user=one))
    # An export is the user's file, mode 0600.
    ok(sh("lotse", "person", "export", "1", "-o", f"/home/{one}/auskunft.txt", user=one, cwd=f"/home/{one}"))
    export = os.stat(f"/home/{one}/auskunft.txt")
    assert pwd.getpwuid(export.st_uid).pw_name == one and stat.S_IMODE(export.st_mode) == 0o600
    # --db and LOTSE_DB reach no other file; the notice says so once.
    redirected = sh("lotse", "case", "list", env={"LOTSE_DB": "/tmp/lotse-elsewhere.sqlite"}, user=one)
    assert redirected.returncode == 0 and "Haddad" in redirected.stdout and redirected.stderr.count("LOTSE_") == 1
    assert "Haddad" in ok(sh("lotse", "--db", "/tmp/lotse-other.sqlite", "case", "list", user=one))
    assert not Path("/tmp/lotse-elsewhere.sqlite").exists() and not Path("/tmp/lotse-other.sqlite").exists()
    # Running with the lotse account's rights, lotse still acts as the real user (the
    # real uid), with that user's roles: no audit log for a manager, and the manager of
    # another municipality does not see the case.
    refused = sh("lotse", "audit", "log", user=one)
    assert refused.returncode == 1 and "Prüfung" in refused.stderr
    assert "Haddad" not in ok(sh("lotse", "case", "list", user=two))
    assert f" {one} " in ok(sh("lotse", "audit", "log", "--case", case))
    # Nothing under /var/lib/lotse belongs to a user or is readable by anyone but lotse.
    uids = {pwd.getpwnam(u).pw_uid for u in USERS}
    gids = {pwd.getpwnam(u).pw_gid for u in USERS}
    for path in [DATA, *DATA.rglob("*")]:
        info = path.lstat()
        assert info.st_uid not in uids and info.st_gid not in gids, path
        assert stat.S_IMODE(info.st_mode) & 0o077 == 0, path


def test_the_kiosk_started_in_tmp_lists_cases(installed):
    child = pexpect.spawn("/usr/sbin/runuser", ["-u", USERS[0], "--", "/usr/bin/lotse", "kiosk"], cwd="/tmp", encoding="utf-8", timeout=30,
                          env={"PATH": "/usr/bin:/bin", "HOME": f"/home/{USERS[0]}", "TERM": "xterm", "NO_COLOR": "1"}, dimensions=(40, 160))
    try:
        child.expect_exact("Benutzer: ")
        child.sendline(USERS[0])
        child.expect_exact("Passwort: ")
        child.sendline(PASSWORD)
        child.expect_exact("lotse> ")
        child.sendline("case list")
        child.expect("Seite 1 von 1")
        child.sendline("logout")
    finally:
        child.close(force=True)


def test_a_change_behind_lotses_back_is_found(installed):
    ok(sh("sqlite3", str(DATA / "lotse.sqlite"), f"UPDATE appUser SET roles = 'manager,lead,admin,auditor' WHERE name = '{USERS[1]}'"))
    user = ok(sh("sqlite3", str(DATA / "lotse.sqlite"), f"SELECT id FROM appUser WHERE name = '{USERS[1]}'")).strip()
    verify = sh("lotse", "audit", "verify")
    assert verify.returncode == 2 and f"Benutzer {user} roles: außerhalb von lotse verändert" in verify.stdout
    ok(sh("sqlite3", str(DATA / "lotse.sqlite"), f"UPDATE appUser SET roles = 'manager' WHERE name = '{USERS[1]}'"))
    assert "Prüfprotokoll unversehrt" in ok(sh("lotse", "audit", "verify"))


def test_doctor_names_a_user_in_the_data_files_group(installed):
    assert ok(sh("lotse", "doctor")).count("PROBLEM") == 0
    ok(sh("gpasswd", "--add", USERS[1], "lotse"))
    try:
        doctor = sh("lotse", "doctor")
        assert doctor.returncode == 2 and f"Benutzer in der Gruppe der Datendateien, die sie ohne lotse erreichen könnten: {USERS[1]}" in doctor.stdout
    finally:
        ok(sh("gpasswd", "--delete", USERS[1], "lotse"))


def run_unit(name):
    """Runs a service unit's commands as its user with its environment (systemd is not PID 1 here)."""
    lines = Path(f"/lib/systemd/system/{name}").read_text().splitlines()
    user = next(line.split("=", 1)[1] for line in lines if line.startswith("User="))
    environment = dict(item.split("=", 1) for line in lines if line.startswith("Environment=") for item in line.split("=", 1)[1].split())
    for command in (line.split("=", 1)[1].split() for line in lines if line.startswith("ExecStart=")):
        result = subprocess.run(["runuser", "-u", user, "--", "env", *[f"{k}={v}" for k, v in environment.items()], *command],
                                capture_output=True, text=True, cwd="/", timeout=300, env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin"})  # systemd's clean environment
        assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"
        yield result.stdout


def test_the_timers_services_run_as_the_lotse_account(installed, tmp_path):
    secret = tmp_path / "password"
    secret.write_text(PASSWORD + "\n")
    ok(sh("lotse", "user", "add", "service", "--os-user", "lotse", "--role", "lead,admin", "--county-wide", "--password-file", str(secret)))
    closed = "".join(run_unit("lotse-batch-close.service"))
    assert "Fälle abgeschlossen" in closed or "1 Fall abgeschlossen" in closed
    backed_up = "".join(run_unit("lotse-backup.service"))
    backups = list(Path("/var/backups/lotse").glob("lotse-backup-*.zip"))
    assert len(backups) == 1 and "verschlüsselt" in backed_up, backed_up
    info = backups[0].stat()
    assert pwd.getpwuid(info.st_uid).pw_name == "lotse" and stat.S_IMODE(info.st_mode) == 0o600
    with zipfile.ZipFile(backups[0]) as archive:
        assert all(entry.flag_bits & 0x1 for entry in archive.infolist()), "the nightly backup is encrypted"
    assert "Prüfprotokoll unversehrt" in ok(sh("lotse", "audit", "verify"))


def test_an_upgrade_migrates_after_a_backup_and_users_never_migrate(installed):
    # The database as an older lotse left it: the last migration not yet applied.
    ok(sh("sqlite3", str(DATA / "lotse.sqlite"), "DROP TABLE importedRow; DELETE FROM grdb_migrations WHERE identifier = 'v8-imported-rows'"))
    refused = sh("lotse", "case", "list", user=USERS[0])
    assert refused.returncode == 2 and "sudo lotse migrate" in refused.stderr
    ok(sh("dpkg", "-i", str(installed)))  # the upgrade's postinst migrates
    kept = list(Path("/var/backups/lotse").glob("lotse-before-v8-imported-rows-*.sqlite"))
    assert len(kept) == 1 and pwd.getpwuid(kept[0].stat().st_uid).pw_name == "lotse"
    assert "Haddad" in ok(sh("lotse", "case", "list", user=USERS[0]))
    assert "ist aktuell" in ok(sh("lotse", "migrate"))
    assert "/usr/bin/lotse-kiosk" in Path("/etc/shells").read_text().split(), "an upgrade keeps the kiosk shell"


def test_a_users_file_is_copied_in_only_up_to_the_bundle_limit(installed):
    config = Path("/etc/lotse/plugins.json")
    original = config.read_text()
    settings = json.loads(original)
    settings["deployment"]["bundleMaxTotalMB"] = 1
    config.write_text(json.dumps(settings))
    big = Path(f"/home/{USERS[0]}/big.zip")
    big.write_bytes(os.urandom(2 << 20))
    shutil.chown(big, USERS[0], USERS[0])
    try:
        refused = sh("lotse", "handover", "verify", str(big), user=USERS[0])
        assert refused.returncode == 1 and "ist größer als die 1 MB" in refused.stderr, refused.stderr
        assert list((DATA / "tmp").iterdir()) == [], "the partial copy is removed"
    finally:
        config.write_text(original)


# --- Issue #32: the adversarial test's holes, each tried again on the installed package ---

MARKER = "GEHEIM-MARKER-4711"


@pytest.fixture(scope="module")
def other_users(installed, tmp_path_factory):
    """An OS user lotse does not know, and one mapped to an auditor."""
    unmapped, auditor = "lotsetest3", "lotsetest4"
    for user in (unmapped, auditor):
        if subprocess.run(["id", user], capture_output=True).returncode != 0:
            ok(sh("useradd", "--create-home", "--shell", "/bin/bash", user))
    secret = tmp_path_factory.mktemp("pw4") / "password"
    secret.write_text(PASSWORD + "\n")
    ok(sh("lotse", "user", "add", auditor, "--os-user", auditor, "--role", "auditor", "--county-wide", "--password-file", str(secret)))
    yield unmapped, auditor
    for user in (unmapped, auditor):
        subprocess.run(["userdel", "--remove", user], capture_output=True)


def reachable_text(home):
    """Everything a user could read afterwards: their home and lotse's crash log."""
    texts = [p.read_bytes() for p in Path(home).rglob("*") if p.is_file() and not p.is_symlink()]
    crash = DATA / "crash.log"
    return b"".join(texts) + (crash.read_bytes() if crash.exists() else b"")


def test_readline_reads_no_init_file_with_lotses_rights(installed, other_users):
    marker = DATA / "marker.txt"
    marker.write_text(MARKER + "\n")
    shutil.chown(marker, "lotse", "lotse")
    marker.chmod(0o600)
    unmapped = other_users[0]
    home = Path(f"/home/{unmapped}")
    inputrc = home / ".inputrc"
    inputrc.write_text(f"$include {marker}\n$include {DATA / 'crash.log'}\n\"\\C-xv\": dump-variables\n")
    shutil.chown(inputrc, unmapped, unmapped)
    transcript = io.StringIO()
    child = pexpect.spawn("/usr/sbin/runuser", ["-u", unmapped, "--", "/usr/bin/lotse-kiosk"], cwd="/tmp", encoding="utf-8", timeout=30,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(home), "TERM": "xterm", "NO_COLOR": "1"}, dimensions=(40, 160))
    child.logfile_read = transcript
    try:
        child.expect_exact("Benutzer: ")
        child.send("\x18v")       # the binding the user's file asked for
        child.send("\x18\x12")    # re-read-init-file
        child.sendline("")
        child.expect_exact("Benutzer: ")
    finally:
        child.close(force=True)
        marker.unlink()
    assert MARKER not in transcript.getvalue()
    assert MARKER.encode() not in reachable_text(home)
    crash = DATA / "crash.log"
    assert not crash.exists() or crash.stat().st_size < 1 << 20, "crash.log stays small"


def test_devices_and_fifos_are_refused_and_nothing_is_copied_before_the_role_check(installed, other_users):
    unmapped, auditor = other_users
    files = DATA / "lotse.sqlite.files"
    before = sorted(p.name for p in files.iterdir()) if files.exists() else []
    for user in (unmapped, auditor):
        for args in (["restore", "/dev/zero"], ["handover", "verify", "/dev/zero"], ["attach", "1", "/dev/zero"]):
            refused = sh("lotse", *args, user=user, cwd=f"/home/{user}")
            assert refused.returncode == 1, (user, args, refused.stderr)
            expected = "ist kein lotse-Benutzer" if user == unmapped else "nicht erlaubt"
            assert expected in refused.stderr, (user, args, refused.stderr)
    zero = sh("lotse", "attach", "1", "/dev/zero", user=USERS[0])
    assert zero.returncode == 1 and "keine gewöhnliche Datei" in zero.stderr, zero.stderr
    assert list((DATA / "tmp").iterdir()) == [] and (sorted(p.name for p in files.iterdir()) if files.exists() else []) == before
    fifo = Path("/tmp/lotse-test-fifo")
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)
    try:
        waited = sh("timeout", "20", "lotse", "restore", str(fifo))
        assert waited.returncode == 1 and "keine gewöhnliche Datei" in waited.stderr, waited.stderr
    finally:
        fifo.unlink()


def test_no_one_grants_themselves_a_role_and_backups_stay_encrypted(installed):
    selfish = sh("lotse", "user", "role", "root", "--role", "admin,manager", "--county-wide")
    assert selfish.returncode == 1 and "kann sich selbst keine Rolle" in selfish.stderr, selfish.stderr
    assert "manageUsers" in ok(sh("lotse", "audit", "log", "--limit", "5")), "the attempt is in the log"
    plain = sh("lotse", "backup", "create", "-o", "/root/plain.zip")
    assert plain.returncode == 1 and "nur verschlüsselt" in plain.stderr and not Path("/root/plain.zip").exists()
    made = ok(sh("lotse", "backup", "create"))
    assert "verschlüsselt mit dem Schlüssel der Installation" in made
    backup = max(Path("/var/backups/lotse").glob("lotse-backup-*.zip"), key=lambda p: p.stat().st_mtime)
    with zipfile.ZipFile(backup) as archive:
        assert all(entry.flag_bits & 0x1 for entry in archive.infolist())
    ok(sh("lotse", "restore", str(backup), "--passphrase-file", "/etc/lotse/backup.pass"))
    log = ok(sh("lotse", "audit", "log", "--limit", "10"))
    assert "restoredHead" in log and "replacedHead" in log, log
    assert "Prüfprotokoll unversehrt" in ok(sh("lotse", "audit", "verify"))
    backup.unlink()


def test_tampering_with_case_content_or_the_head_is_found(installed):
    database = str(DATA / "lotse.sqlite")
    case = ok(sh("lotse", "case", "new", "--municipality", "Stadt Aalen", "--open", "--on", "2026-02-01", "--family-name", "Nowak",
                 "--given-names", "Jan", "--born", "1990", user=USERS[0])).split()[1]
    ok(sh("lotse", "note", case, "Gespräch über die Wohnung", user=USERS[0]))
    ok(sh("lotse", "conversation", "add", case, "--kind", "individual", "--topics", "housing", "--on", "2026-02-02", user=USERS[0]))
    assert "Prüfprotokoll unversehrt" in ok(sh("lotse", "audit", "verify"))
    note = ok(sh("sqlite3", database, f"SELECT id FROM caseNote WHERE caseId = {case}")).strip()
    ok(sh("sqlite3", database, f"UPDATE caseNote SET text = 'anders' WHERE id = {note}"))
    verify = sh("lotse", "audit", "verify")
    assert verify.returncode == 2 and f"Notiz {note} text: außerhalb von lotse verändert" in verify.stdout, verify.stdout
    ok(sh("sqlite3", database, f"UPDATE caseNote SET text = 'Gespräch über die Wohnung' WHERE id = {note}"))
    conversation = ok(sh("sqlite3", database, f"SELECT id FROM conversation WHERE caseId = {case}")).strip()
    ok(sh("sqlite3", database, f"DELETE FROM conversation WHERE id = {conversation}"))
    verify = sh("lotse", "audit", "verify")
    assert verify.returncode == 2 and f"Gespräch {conversation}: außerhalb von lotse gelöscht" in verify.stdout, verify.stdout
    # Cutting events off and rewriting the head to match: the head's seal gives it away.
    count = int(ok(sh("sqlite3", database, "SELECT count FROM auditHead")).strip())
    ok(sh("sqlite3", database, f"DELETE FROM auditValue WHERE seq > {count - 3}; DELETE FROM auditEvent WHERE seq > {count - 3}; "
          f"UPDATE auditHead SET count = {count - 3}, lastHash = (SELECT hash FROM auditEvent WHERE seq = {count - 3})"))
    verify = sh("lotse", "audit", "verify")
    assert verify.returncode == 2 and "nicht mit dem Schlüssel der Installation versiegelt" in verify.stdout, verify.stdout
    key = DATA / "audit.key"
    assert pwd.getpwuid(key.stat().st_uid).pw_name == "lotse" and stat.S_IMODE(key.stat().st_mode) == 0o600


def test_a_users_fontconfig_never_reaches_a_document_lotse_sets(installed):
    """fontconfig reads ~/.fonts.conf and ~/.config/fontconfig/; under the setuid binary
    lotse reads only its own /usr/share/lotse/fonts.conf, so a user's file can neither
    swap the fonts of a document to sign nor make lotse open files with its rights."""
    one = USERS[0]
    hostile = """<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
      <match target="pattern"><edit name="family" mode="assign" binding="strong"><string>DejaVu Serif</string></edit></match>
      <include ignore_missing="yes">/var/lib/lotse/lotse.sqlite</include></fontconfig>"""
    for path in (Path(f"/home/{one}/.fonts.conf"), Path(f"/home/{one}/.config/fontconfig/fonts.conf")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(hostile)
        shutil.chown(path, one, one)
    shutil.chown(Path(f"/home/{one}/.config"), one, one)
    shutil.chown(Path(f"/home/{one}/.config/fontconfig"), one, one)
    assert "DejaVu Serif" in ok(sh("fc-match", "Noto Sans", user=one)), "the user's own programs do follow it"
    created = ok(sh("lotse", "case", "new", "--municipality", "Stadt Aalen", "--open", "--on", "2026-02-01", "--family-name", "Osman",
                    "--given-names", "Nour", "--born", "1990", "--languages", "ar", user=one))
    case = created.split()[1]
    pdf = f"/home/{one}/einwilligung.pdf"
    ok(sh("lotse", "consent", "print", case, "--to", "Stadt Ulm", "--scope", "handover", "--format", "pdf", "-o", pdf, user=one, cwd=f"/home/{one}"))
    fonts = ok(sh("pdffonts", pdf))
    assert "NotoSans-Regular" in fonts and "NotoSansArabic" in fonts and "DejaVu" not in fonts, fonts
