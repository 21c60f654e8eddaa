"""Command-line behaviour of the built binary: version, modules, configuration errors."""
import json

import pytest
from conftest import GERMAN


def test_version(run):
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == "0.1.0"


def test_modules_json_lists_every_module_in_configured_order(run):
    result = run("modules", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == ["language", "work", "school", "housing", "social"]
    assert all(row["questions"] >= 8 and row["goalTemplates"] >= 4 for row in rows)
    assert "housing.housed" in next(r for r in rows if r["id"] == "housing")["metrics"]


def test_modules_show_lists_questions_with_conditions_in_english(run, tmp_path):
    config = tmp_path / "en.json"
    config.write_text('{"deployment": {"locale": "en"}}')
    result = run("modules", "show", "school", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert "asked if the household has at least 1 child" in result.stdout and "asked if the answer to question 1 is " in result.stdout
    assert "School and day care" in result.stdout
    assert "school." not in result.stdout, "words, not ids"
    ids = run("modules", "show", "school", "--ids", "--config", str(config))
    assert "1. school.attends" in ids.stdout and "asked if children ≥ 1" in ids.stdout, "ids where the user asks for them"


def test_modules_list_names_the_modules_in_words_and_their_ids_when_asked(run):
    listed = run("modules", "list", extra_env=GERMAN)
    assert listed.returncode == 0, listed.stderr
    rows = [line.split("  ")[0] for line in listed.stdout.splitlines()[2:]]
    assert rows == ["Sprache", "Arbeit und Ausbildung", "Schule und Kita", "Wohnen", "Soziale Integration"], listed.stdout
    assert "Sprache (language)" in run("modules", "list", "--ids", extra_env=GERMAN).stdout


def config_error(run, tmp_path, text):
    config = tmp_path / "plugins.json"
    config.write_text(text)
    result = run("modules", "--config", str(config))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"lotse: {config}: ")
    return lines[0]


def test_configuration_errors_stop_with_exit_code_2_and_one_line(run, tmp_path):
    # A plugins.json without a locale is a German deployment's: its errors are German.
    assert "modules[1].id: unbekanntes Modul „jobs“" in config_error(run, tmp_path, '{"modules": [{"id": "work"}, {"id": "jobs"}]}')
    assert "steht zweimal in der Liste" in config_error(run, tmp_path, '{"modules": [{"id": "work"}, {"id": "work"}]}')
    assert "settings.targetLevel: ein Sprachniveau" in config_error(
        run, tmp_path, '{"modules": [{"id": "language", "settings": {"targetLevel": 3}}]}')
    assert "Zeile 1, Spalte" in config_error(run, tmp_path, '{"modules": [')
    english = '{"deployment": {"locale": "en"}, "modules": [{"id": "work"}, {"id": "jobs"}]}'
    assert "modules[1].id: unknown module \"jobs\"; expected one of language, work" in config_error(run, tmp_path, english)


def test_modules_can_be_reordered_and_disabled(run, tmp_path):
    config = tmp_path / "plugins.json"
    config.write_text('{"modules": [{"id": "social"}, {"id": "language"}, {"id": "work", "enabled": false}]}')
    result = run("modules", "--json", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in json.loads(result.stdout) if r["enabled"]] == ["social", "language"]


def test_missing_explicit_config_is_a_data_error(run, tmp_path):
    result = run("modules", "--config", str(tmp_path / "nope.json"))
    assert result.returncode == 2
    # The file named is not there, so its language is not known: German, the default.
    assert "--config: diese Datei gibt es nicht; geben Sie den Pfad einer plugins.json an" in result.stderr


def test_unknown_option_is_a_user_error(run):
    result = run("modules", "--colour")
    assert result.returncode == 1
    assert result.stderr.startswith("lotse: unknown option --colour\n")
    assert "'lotse modules --help' explains it." in result.stderr


@pytest.mark.parametrize("locale", ["de", "en"])
def test_typed_values_are_words_of_the_session_language(run, tmp_path, locale):
    """Every enum value is typed as its label (any case, a prefix, ae for ä) or its id; a
    wrong word is refused in the session's language with the labels listed."""
    db = str(tmp_path / "lotse.sqlite")
    words = {} if locale == "en" else GERMAN
    say = lambda *args: run(*args, "--db", db, extra_env=words)
    assert say("municipality", "add", "Stadt Aalen", "--kind", "Stadt" if locale == "de" else "city", "--fte", "1,5" if locale == "de" else "1.5").returncode == 0
    assert json.loads(say("municipality", "list", "--json").stdout)[0]["fte"] == 1.5, "a German decimal comma is read"
    opened = say("case", "new", "--municipality", "Stadt Aalen", "--open", "--kind", "einzel" if locale == "de" else "INDIV",
                 "--family-name", "Haddad", "--given-names", "Amal", "--born", "1985", "--sex", "weibl" if locale == "de" else "fem",
                 "--stay-prospect", "hoch" if locale == "de" else "high", "--on", "2024-03-01")
    assert opened.returncode == 0, opened.stderr
    shown = say("case", "show", "1", "--json")
    case = json.loads(shown.stdout)
    assert case["caseFile"]["kind"] == "individual"
    listed = say("case", "list", "--status", "aktiv" if locale == "de" else "Active")
    assert listed.returncode == 0 and "Haddad" in listed.stdout
    wrong = say("case", "list", "--status", "offen" if locale == "de" else "open")
    assert wrong.returncode == 1
    expected = "„offen“ gibt es nicht; möglich ist wartend, aktiv, abgeschlossen, archiviert oder übergeben" if locale == "de" \
        else 'there is no "open"; use waiting, active, closed, archived or handed over'
    assert expected in wrong.stderr, wrong.stderr
    assert "The value" not in wrong.stderr and "caseStatus." not in wrong.stderr
    ambiguous = say("case", "list", "--status", "a")
    assert ambiguous.returncode == 1 and ("nicht eindeutig" in ambiguous.stderr if locale == "de" else "ambiguous" in ambiguous.stderr)
    closing = say("case", "close", "1", "--reason", "Wegzug" if locale == "de" else "moved away", "--on", "2024-06-01")
    assert closing.returncode == 0, closing.stderr
    assert ("Wegzug" if locale == "de" else "Moved away") in closing.stdout
    talk = say("conversation", "add", "1", "--kind", "einzel" if locale == "de" else "indiv", "--topics",
               "Sprache,gesundheit" if locale == "de" else "language,Health", "--on", "2024-05-01")
    assert talk.returncode == 0, talk.stderr
    text = say("case", "show", "1").stdout
    assert ("Sprache, Gesundheit" if locale == "de" else "Language, health") in text
    report = say("report", "--as-of", "2024-06-01", "--format", "xlsx")
    assert report.returncode == 1 and "report." not in report.stderr and "--profile" in report.stderr


def test_a_municipality_keeps_its_postal_address_and_official_key(run, tmp_path):
    """The organisation settings an agreement's head and an xdomea message name: typed by
    the place's name alone, checked for their form, refused in German with nothing saved."""
    db = str(tmp_path / "lotse.sqlite")
    say = lambda *args: run(*args, "--db", db, extra_env=GERMAN)
    assert say("municipality", "add", "Stadt Aalen", "--kind", "Stadt", "--fte", "1,5").returncode == 0
    changed = say("municipality", "edit", "Aalen", "--address", "Marktplatz 30, 73430 Aalen", "--authority-key", "08 136 088")
    assert changed.returncode == 0, changed.stderr
    assert "Anschrift Marktplatz 30, 73430 Aalen, Gemeindeschlüssel 08136088" in changed.stdout
    for option, value, said in [("--address", "Marktplatz 30 Aalen", "ist keine Anschrift in der Form"),
                                ("--address", "Marktplatz 30, 7343 Aalen", "fünfstellige Postleitzahl"),
                                ("--authority-key", "0813608", "ist kein Gemeindeschlüssel: 8 Ziffern"),
                                ("--authority-key", "08136O88", "ist kein Gemeindeschlüssel")]:
        refused = say("municipality", "edit", "Stadt Aalen", option, value)
        assert refused.returncode == 1 and said in refused.stderr and refused.stderr.count("\n") == 1, refused.stderr
    listed = json.loads(say("municipality", "list", "--json").stdout)[0]
    assert (listed["address"], listed["authorityKey"]) == ("Marktplatz 30, 73430 Aalen", "08136088"), "refusals changed nothing"
    assert say("municipality", "edit", "Aalen", "--address", "", "--authority-key", "").returncode == 0
    listed = json.loads(say("municipality", "list", "--json").stdout)[0]
    assert "address" not in listed and "authorityKey" not in listed


def test_the_help_dump_for_the_german_man_pages(run):
    """packaging/build-deb makes the German man pages from this dump: the same commands,
    every text from the German help catalog; without the variable it is ArgumentParser's own."""
    english = json.loads(run("--experimental-dump-help").stdout)["command"]
    german = json.loads(run("--experimental-dump-help", extra_env={"LOTSE_MANUAL_LOCALE": "de"}).stdout)["command"]
    assert english["abstract"].startswith("Case management") and german["abstract"].startswith("Fallverwaltung")
    def names(command):
        return [command["commandName"]] + [n for sub in command.get("subcommands") or [] for n in names(sub)]
    assert names(german) == names(english)
    case_new = next(s for s in next(s for s in german["subcommands"] if s["commandName"] == "case")["subcommands"] if s["commandName"] == "new")
    assert case_new["abstract"].startswith("Legt einen Fall") and all("the" not in (a.get("abstract") or "").split() for a in case_new["arguments"])
