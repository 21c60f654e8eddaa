"""The REPL driven through a pseudo-terminal (pexpect), and through a pipe."""
import os
import stat

import pexpect
import pytest
from conftest import GERMAN, database_of

# The prompt is coloured on a terminal: "lotse>" then a reset sequence, then a space.
PROMPT = r"lotse>(\x1b\[0m)? "


@pytest.fixture
def repl(lotse_bin, env, tmp_path, prepare_db):
    prepare_db(database_of([], env))
    child = pexpect.spawn(lotse_bin, env={**env, **GERMAN}, cwd=str(tmp_path), encoding="utf-8", timeout=20, dimensions=(40, 160))
    child.expect("Integrationsmanagement")
    child.expect(PROMPT)
    yield child
    child.close(force=True)


def test_starts_shows_help_and_quits(repl):
    repl.sendline("help")
    repl.expect_exact("Befehle für")
    repl.expect_exact("modules show")
    repl.expect(PROMPT)
    repl.sendline("help case close")
    repl.expect_exact("Schließt einen Fall mit einem Grund")
    repl.expect(PROMPT)
    repl.sendline("quit")
    repl.expect_exact("Auf Wiedersehen.")
    repl.expect(pexpect.EOF)
    repl.close()
    assert repl.exitstatus == 0


def test_ctrl_d_leaves(repl):
    repl.sendcontrol("d")
    repl.expect_exact("Auf Wiedersehen.")
    repl.expect(pexpect.EOF)
    repl.close()
    assert repl.exitstatus == 0


def test_ctrl_c_cancels_the_line_and_prompts_again(repl):
    repl.send("modules show lang")
    repl.sendcontrol("c")
    repl.expect_exact("^C")
    repl.expect(PROMPT)
    repl.sendline("modules")
    repl.expect(r"Sprache\s+1\.0\.0\s+10")
    repl.expect(PROMPT)
    repl.sendline("quit")
    repl.expect(pexpect.EOF)


def test_tab_completes_commands_and_subcommands(repl):
    repl.send("mod\t")
    repl.expect_exact("modules ")
    repl.send("sh\t")
    repl.expect_exact("show ")
    repl.sendline("housing")
    repl.expect_exact("Wohnen, Version 1.0.0")
    repl.expect(PROMPT)
    repl.sendline("quit")
    repl.expect(pexpect.EOF)


def test_unknown_command_and_errors_keep_the_repl_running(repl):
    repl.sendline("fly away")
    repl.expect_exact("Unbekannter Befehl „fly“")
    repl.expect(PROMPT)
    repl.sendline("modules show Mueller")
    repl.expect_exact('„Mueller“ gibt es nicht')
    repl.expect(PROMPT)
    repl.sendline("quit")
    repl.expect(pexpect.EOF)


def test_history_is_private_and_holds_no_personal_words(repl, env):
    repl.sendline("modules show Yilmaz")
    repl.expect(PROMPT)
    repl.sendline("modules --json")
    repl.expect(PROMPT)
    repl.sendline("quit")
    repl.expect(pexpect.EOF)
    history = os.path.join(env["HOME"], ".local/share/lotse/history")
    text = open(history, encoding="utf-8").read()
    assert "Yilmaz" not in text
    assert "modules show …" in text and "modules --json" in text
    assert stat.S_IMODE(os.stat(history).st_mode) == 0o600


def test_no_colour_with_no_color(lotse_bin, env, tmp_path):
    child = pexpect.spawn(lotse_bin, ["modules", "show", "work"], env={**env, **GERMAN, "NO_COLOR": "1"}, cwd=str(tmp_path),
                          encoding="utf-8", timeout=20)
    child.expect(pexpect.EOF)
    assert "Arbeit und Ausbildung" in child.before
    assert "\x1b[" not in child.before


def test_colour_on_a_terminal(lotse_bin, env, tmp_path):
    child = pexpect.spawn(lotse_bin, ["modules", "show", "work"], env=env, cwd=str(tmp_path), encoding="utf-8", timeout=20)
    child.expect(pexpect.EOF)
    assert "\x1b[1m" in child.before


def test_commands_through_a_pipe(run):
    result = run(stdin="help\nmodules\nmodules show social --ids\nquit\n")
    assert result.returncode == 0, result.stderr
    assert "social.adults_in_clubs" in result.stdout
    assert "\x1b[" not in result.stdout
    assert "lotse>" not in result.stdout


def repl_with_a_waiting_case(lotse_bin, env, tmp_path, run):
    """A German REPL on a database holding case 1 (waiting), at its prompt."""
    db = str(tmp_path / "lotse.sqlite")
    assert run("municipality", "add", "Stadt Aalen", "--kind", "city", "--fte", "1.5", "--db", db).returncode == 0
    assert run("case", "new", "--municipality", "Stadt Aalen", "--family-name", "Haddad", "--given-names", "Amal", "--born", "1985",
               "--db", db).returncode == 0
    child = pexpect.spawn(lotse_bin, ["--db", db], env={**env, **GERMAN}, cwd=str(tmp_path), encoding="utf-8", timeout=20, dimensions=(40, 160))
    child.expect(PROMPT)
    return child


def test_tab_completes_open_case_ids(lotse_bin, env, tmp_path, run):
    child = repl_with_a_waiting_case(lotse_bin, env, tmp_path, run)
    child.send("case show \t")
    child.expect_exact("case show 1 ")
    child.sendline("")
    child.expect_exact("Fall 1")
    child.expect(PROMPT)
    child.sendline("quit")
    child.expect(pexpect.EOF)


def test_a_fresh_database_leads_through_creating_the_first_admin(lotse_bin, env, tmp_path):
    """What `make run` shows on a new machine: no users yet, so the REPL creates the admin."""
    child = pexpect.spawn(lotse_bin, env={**env, **GERMAN, "NO_COLOR": "1"}, cwd=str(tmp_path), encoding="utf-8", timeout=20)
    child.expect_exact("Diese Datenbank hat noch keine Benutzer")
    child.expect_exact("Passwort: ")
    child.sendline("first admin password")
    child.expect_exact("Passwort wiederholen: ")
    child.sendline("first admin password")
    child.expect_exact("ist die Administration")
    child.expect_exact("lotse> ")
    child.sendline("user list")
    child.expect_exact("Administration")
    child.sendline("quit")
    child.expect(pexpect.EOF)
    assert "first admin password" not in child.before


def test_tab_completes_an_options_value_in_the_users_words(lotse_bin, env, tmp_path, run):
    """`case list --status w<Tab>` gives `wartend`; the word completed is one the command reads."""
    child = repl_with_a_waiting_case(lotse_bin, env, tmp_path, run)
    child.send("case list --status w\t")
    child.expect_exact("case list --status wartend ")
    child.sendline("")
    child.expect_exact("Haddad")
    child.expect(PROMPT)
    child.send("case new --stay-prospect ho\t")
    child.expect_exact("case new --stay-prospect hoch ")
    child.sendcontrol("c")
    child.expect(PROMPT)
    child.sendline("quit")
    child.expect(pexpect.EOF)


def test_the_repl_keeps_its_database_and_configuration_and_reloads_on_request(lotse_bin, env, run, tmp_path):
    """Lines typed in the REPL work on the database and plugins.json it was started with
    (no environment variable carries them); a changed plugins.json is read again before
    the next line, and `reload` reads it on request."""
    db = tmp_path / "elsewhere" / "county.sqlite"
    assert run("municipality", "add", "Stadt Aalen", "--kind", "city", "--fte", "1.5", "--db", str(db)).returncode == 0
    assert run("case", "new", "--kind", "individual", "--municipality", "Stadt Aalen", "--family-name", "Haddad", "--given-names", "Amal",
               "--born", "1985", "--db", str(db)).returncode == 0
    config = tmp_path / "repl.json"
    config.write_text('{"deployment": {"locale": "en"}}')
    child = pexpect.spawn(lotse_bin, ["--db", str(db), "--config", str(config)], env={**env, "NO_COLOR": "1"}, cwd=str(tmp_path),
                          encoding="utf-8", timeout=20)
    child.expect("lotse> ")
    child.sendline("case list --status waiting")
    child.expect_exact("Haddad")
    child.expect_exact("1 case")
    child.expect("lotse> ")
    config.write_text('{"deployment": {"locale": "de"}}')
    child.sendline("municipality list")
    child.expect_exact("Kommune")
    child.expect("lotse> ")
    child.sendline("reload")
    child.expect_exact("plugins.json neu gelesen")
    child.sendline("quit")
    child.expect(pexpect.EOF)
