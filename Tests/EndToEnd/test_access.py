"""Logins, roles and access control from the command line, as different operating-system
accounts (setpriv; needs root, as CI has): each role × each command, allowed or refused."""
import getpass
import json
import os
import pathlib
import pwd
import shutil
import subprocess
import tempfile

import pytest

from conftest import ENGLISH_CONFIG, GERMAN, ROOT, TEST_PASSWORD

# Operating-system accounts every Debian system has, mapped to one lotse role each.
ACCOUNTS = {"keller": ("daemon", "manager"), "braun": ("bin", "lead"), "it": ("nobody", "admin"), "pruefer": ("sys", "auditor")}

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="switching accounts with setpriv needs root")


@pytest.fixture
def shared(lotse_bin, run):
    """A shared installation in a folder every account can use (mode 0666 database, as
    README describes with a group): binary, resources, two municipalities, one case each,
    a user per role."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="lotse-shared-"))
    folder.chmod(0o777)
    shutil.copy(lotse_bin, folder / "lotse")
    shutil.copytree(ROOT / "resources", folder / "resources")
    shutil.copy(ENGLISH_CONFIG, folder / "plugins.json")
    (folder / "home").mkdir(mode=0o777)
    (folder / "home").chmod(0o777)
    db = str(folder / "lotse.sqlite")
    password = folder / "password.txt"
    password.write_text("password for every test user\n")
    steps = [
        ["municipality", "add", "Stadt Aalen", "--kind", "city", "--fte", "1.5"],
        ["municipality", "add", "Stadt Ellwangen", "--kind", "city", "--fte", "1"],
        ["staff", "add", "Frau Keller", "--municipality", "Stadt Aalen", "--fte-share", "1"],
        ["staff", "add", "Herr Braun", "--municipality", "Stadt Aalen", "--role", "lead", "--fte-share", "0.5"],
        ["case", "new", "--municipality", "Stadt Aalen", "--open", "--on", "2018-03-01", "--family-name", "Haddad",
         "--given-names", "Amal", "--born", "1985"],
        ["case", "new", "--municipality", "Stadt Ellwangen", "--open", "--on", "2018-03-01", "--family-name", "Okafor",
         "--given-names", "Emeka", "--born", "1988"],
        ["user", "add", "keller", "--os-user", "daemon", "--role", "manager", "--staff", "Frau Keller", "--password-file", str(password)],
        ["user", "add", "braun", "--os-user", "bin", "--role", "lead", "--staff", "Herr Braun", "--password-file", str(password)],
        ["user", "add", "it", "--os-user", "nobody", "--role", "admin", "--password-file", str(password)],
        ["user", "add", "pruefer", "--os-user", "sys", "--role", "auditor", "--password-file", str(password)],
    ]
    for step in steps:
        done = run(*step, "--db", db)
        assert done.returncode == 0, (step, done.stderr)
    for path in [*folder.glob("lotse.sqlite*"), folder / "audit.key"]:  # the audit log's key is shared like the data
        path.chmod(0o666)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def as_account(folder, account, *args):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(folder / "home"), "LANG": "C.UTF-8", "LOTSE_DB": str(folder / "lotse.sqlite"),
           "LOTSE_RESOURCES": str(folder / "resources"), "LOTSE_CONFIG": str(folder / "plugins.json")}
    return subprocess.run(["setpriv", f"--reuid={account}", f"--regid={pwd.getpwnam(account).pw_gid}", "--clear-groups", str(folder / "lotse"), *args],
                          capture_output=True, text=True, env=env, cwd=folder / "home", timeout=60)


# Each command with the users allowed to run it; everyone else is refused.
MATRIX = [
    (["case", "show", "1"], {"keller", "braun"}),
    (["case", "show", "2"], set()),  # another municipality's case
    (["case", "list"], {"keller", "braun"}),
    (["person", "find", "Haddad"], {"keller", "braun"}),
    (["conversation", "add", "1", "--kind", "individual", "--topics", "work", "--on", "2019-01-10"], {"keller"}),
    (["case", "reassign", "1", "--staff", "Frau Keller"], {"braun"}),
    (["report", "--as-of", "2019-06-30", "--format", "json"], {"braun", "pruefer"}),
    (["batch", "close", "--rule", "inactive", "--dry-run", "--on", "2019-06-30"], {"braun"}),
    (["batch", "archive", "--closed-before", "2000-01-01", "--out", "archive", "--dry-run"], {"it"}),
    (["user", "list"], {"it"}),
    (["municipality", "add", "Gemeinde Hüttlingen", "--kind", "city", "--fte", "0.5"], {"it"}),
    (["audit", "log", "--case", "1"], {"it", "pruefer"}),
    (["audit", "verify"], {"it", "pruefer"}),
    (["municipality", "list"], {"keller", "braun", "it", "pruefer"}),
    # Last: closes Aalen's case 1 (no conversation since 2019-01-10), not Ellwangen's case 2.
    (["batch", "close", "--rule", "inactive", "--on", "2020-06-30"], {"braun"}),
]


@needs_root
def test_each_role_against_each_command(shared):
    refused = 0
    for command, allowed in MATRIX:
        for user, (account, role) in ACCOUNTS.items():
            result = as_account(shared, account, *command)
            if user in allowed:
                assert result.returncode == 0, (role, command, result.stderr)
            else:
                refused += 1
                assert result.returncode == 1 and "not allowed" in result.stderr, (role, command, result.stdout, result.stderr)
                if command != ["case", "show", "2"] or role not in ("manager", "lead"):
                    assert "needs the role" in result.stderr
    statuses = {case: json.loads(as_account(shared, "bin", "case", "list", "--status", status, "--json").stdout)
                for case, status in ((1, "closed"), (2, "active"))}
    assert [c["id"] for c in statuses[1]["cases"]] == [1] and statuses[2]["cases"] == []  # the lead sees Aalen only
    log = json.loads(as_account(shared, "sys", "audit", "log", "--json").stdout)
    assert sum(1 for event in log if event["action"] == "refused") == refused
    # The refusal names the permission and the case, never a value.
    assert {"actor": "pruefer", "caseId": 1, "field": "readCases"}.items() <= next(
        e for e in log if e["action"] == "refused" and e["actor"] == "pruefer").items()


@needs_root
def test_unmapped_and_disabled_accounts_are_refused(shared, run):
    unmapped = as_account(shared, "www-data", "case", "list")
    assert unmapped.returncode == 1 and "www-data is not a lotse user" in unmapped.stderr
    assert as_account(shared, "nobody", "user", "disable", "keller").returncode == 0
    disabled = as_account(shared, "daemon", "case", "list")
    assert disabled.returncode == 1 and "keller is disabled" in disabled.stderr
    assert as_account(shared, "nobody", "user", "enable", "keller").returncode == 0
    assert as_account(shared, "daemon", "case", "list").returncode == 0


def test_init_once_and_nothing_before_it(run, tmp_path):
    db = str(tmp_path / "new.sqlite")
    before = run("case", "list", "--db", db, prepare=False)
    assert before.returncode == 1 and "run 'lotse init'" in before.stderr
    password = tmp_path / "pw.txt"
    password.write_text("short\n")
    weak = run("init", "--db", db, "--password-file", str(password))
    assert weak.returncode == 1 and "at least 10 characters" in weak.stderr
    password.write_text(TEST_PASSWORD + "\n")
    first = run("init", "--db", db, "--password-file", str(password))
    assert first.returncode == 0 and "is the admin" in first.stdout
    again = run("init", "--db", db, "--password-file", str(password))
    assert again.returncode == 1 and "already has users" in again.stderr
    # The admin administers but does not read cases until given a case role.
    assert run("user", "list", "--db", db).returncode == 0
    refused = run("case", "list", "--db", db)
    assert refused.returncode == 1 and "needs the role manager or lead" in refused.stderr
    no_terminal = run("user", "add", "x", "--role", "auditor", "--db", db)
    assert no_terminal.returncode == 1 and "--password-file" in no_terminal.stderr


# A setuid lotse acting for the real user (not the service account) is tested on the
# installed package, where setuid means secure mode: test_package.py.


def test_due_is_each_role_s_work_list(shared, run):
    """A team lead sees their municipality's items, overdue first with the days over and
    the person named; the county-wide admin a summary per municipality, all with --all."""
    db = str(shared / "lotse.sqlite")
    clock = {"LOTSE_TEST_TODAY": "2026-11-01"}
    assert run("case", "edit", "1", "--next-review", "2026-11-20", "--db", db, extra_env=clock).returncode == 0
    assert run("case", "edit", "2", "--next-review", "2026-12-10", "--db", db, extra_env=clock).returncode == 0
    lead = as_account(shared, "bin", "due", "--on", "2026-12-05")
    assert lead.returncode == 0, lead.stderr
    lines = lead.stdout.splitlines()
    # Both cases passed their limit of care long ago (opened 2018): that is overdue too.
    assert lines[0] == "Overdue (2 entries)" and lines[1].split()[:3] == ["due", "on", "days"], lead.stdout
    review = next(line for line in lines if "case review" in line)
    assert review.split()[:4] == ["2026-11-20", "15", "1", "Haddad"], lead.stdout
    assert "Okafor" not in lead.stdout, "another municipality's case"
    admin = run("due", "--on", "2026-12-05", "--db", db)
    assert "per municipality" in admin.stdout and "Haddad" not in admin.stdout
    rows = {line.split("  ")[0]: line.split()[-2:] for line in admin.stdout.splitlines() if line.startswith("Stadt")}
    assert rows == {"Stadt Aalen": ["2", "0"], "Stadt Ellwangen": ["1", "1"]}, admin.stdout
    every = run("due", "--all", "--on", "2026-12-05", "--db", db).stdout
    assert every.index("Overdue (3 entries)") < every.index("Due by 2026-12-19 (1 entry)") < every.rindex("Okafor")


def test_help_and_argument_errors_speak_the_users_own_language(run, tmp_path):
    """Help and a mistyped option come before any session; they still speak the language
    the mapped user chose, and the deployment's for everyone else."""
    db = str(tmp_path / "lotse.sqlite")
    assert run("case", "list", "--db", db, extra_env=GERMAN).returncode == 0
    refused = run("case", "list", "--bogus", "--db", db, extra_env=GERMAN)
    assert refused.returncode == 1 and "unbekannte Option --bogus" in refused.stderr
    assert run("user", "edit", getpass.getuser(), "--locale", "en", "--db", db, extra_env=GERMAN).returncode == 0
    refused = run("case", "list", "--bogus", "--db", db, extra_env=GERMAN)
    assert refused.returncode == 1 and "unknown option --bogus" in refused.stderr and "Aufruf" not in refused.stderr, refused.stderr
    helped = run("case", "list", "--help", "--db", db, extra_env=GERMAN)
    assert helped.returncode == 0 and helped.stdout.startswith("List cases") and "Usage: lotse case list" in helped.stdout
    # Nothing is made of a database that does not exist.
    missing = tmp_path / "none.sqlite"
    assert "unbekannte Option" in run("case", "list", "--bogus", "--db", str(missing), extra_env=GERMAN, prepare=False).stderr
    assert not missing.exists()
