"""The client reads what they sign (#29): languages coded on the person, the agreement
printed beside the client's language, right-to-left scripts set and shaped, missing
fonts refused."""
import json
import subprocess

import pexpect
import pytest
from conftest import GERMAN, ROOT
from pexpect.popen_spawn import PopenSpawn

from intake_driver import answer_questions
from test_intake import ANSWERS, agree_all_goals

# The shipped client languages: the agreement's title and a goal's title in the client's
# words (checked in the text output), and a phrase that must come back from the PDF in
# logical order. pdftotext splits Arabic script's lam-alef ligature and drops ZWNJ, so for
# Arabic, Farsi and Dari the phrase is one without them; the shaping itself is checked on
# pango's glyphs (ClientLanguageTests).
TITLES = {
    "ar": ("اتفاقية الاندماج", "التسجيل في دورة لغة", "الشخص المسؤول عن التواصل معك"),
    "fa": ("توافق‌نامهٔ ادغام", "ثبت‌نام در کلاس زبان", "این ترجمه برای کمک به فهم"),
    "fa-AF": ("توافق‌نامهٔ ادغام", "ثبت‌نام در کورس زبان", "این ترجمه برای کمک به فهم"),
    "uk": ("Угода про інтеграцію", "Запис на мовний курс", "Угода про інтеграцію"),
    "ru": ("Соглашение об интеграции", "Запись на языковой курс", "Соглашение об интеграции"),
    "tr": ("Uyum sözleşmesi", "Dil kursuna kayıt", "Uyum sözleşmesi"),
    "en": ("Integration agreement", "Sign up for a language course", "Integration agreement"),
    "fr": ("Accord d’intégration", "Inscription à un cours de langue", "Accord d’intégration"),
}


def pdf_text(path):
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split())


@pytest.fixture
def signed(run, lotse_bin, env, tmp_path):
    """The Haddad family's agreement, made through the intake (two adults, two children)."""
    db = str(tmp_path / "lotse.sqlite")
    say = lambda *args, extra_env=None: run(*args, "--db", db, extra_env={**GERMAN, **(extra_env or {})})
    assert say("municipality", "add", "Stadt Aalen", "--kind", "Stadt", "--fte", "1,5").returncode == 0
    assert say("case", "new", "--municipality", "Aalen", "--open", "--on", "2018-03-01", "--family-name", "Haddad", "--given-names", "Amal",
               "--born", "1985", "--sex", "w", "--arrival", "2015-10-01", "--stay-prospect", "hoch", "--languages", "Arabisch, Englisch").returncode == 0
    for given, born in [("Karim", "1982-02-02"), ("Omar", "2010-05-02"), ("Lina", "2016-01-20")]:
        assert say("person", "add", "1", "--family-name", "Haddad", "--given-names", given, "--born", born, "--from", "2018-03-01").returncode == 0
    assert say("staff", "add", "Petra Maier", "--municipality", "Aalen", "--fte-share", "1").returncode == 0
    assert say("case", "reassign", "1", "--staff", "Petra Maier").returncode == 0
    child = PopenSpawn([lotse_bin, "intake", "1", "--db", db, "--on", "2018-03-05"], env={**env, **GERMAN}, cwd=str(tmp_path), encoding="utf-8", timeout=20)
    answer_questions(child, ANSWERS)
    agree_all_goals(child, interpreter="Samira Khalil")
    child.expect(r"Vereinbarung (\d+) mit")
    agreement = child.match.group(1)
    child.expect(pexpect.EOF)
    return say, agreement, tmp_path


def test_languages_are_coded_from_tags_and_names_with_the_rest_kept_as_a_note(signed):
    say, _, _ = signed
    shown = json.loads(say("case", "show", "1", "--json").stdout)
    amal = next(p for p in shown["members"] if p["identity"]["givenNames"] == "Amal")
    assert amal["person"]["languageCodes"] == "ar,en" and "languages" not in amal["identity"], "both names known: no note"
    assert say("person", "edit", "2", "--languages", "fa_af, Paschtu, etwas Englisch").returncode == 0
    text = say("case", "show", "1").stdout
    assert "Sprachen: Dari, Paschtu; etwas Englisch" in text, text
    karim = next(p for p in json.loads(say("case", "show", "1", "--json").stdout)["members"] if p["identity"]["givenNames"] == "Karim")
    assert karim["person"]["languageCodes"] == "fa-AF,ps" and karim["identity"]["languages"] == "etwas Englisch"
    assert say("person", "edit", "2", "--languages", "Klingonisch").returncode == 0
    karim = next(p for p in json.loads(say("case", "show", "1", "--json").stdout)["members"] if p["identity"]["givenNames"] == "Karim")
    assert "languageCodes" not in karim["person"] and karim["identity"]["languages"] == "Klingonisch", "unknown: kept as a note, language unknown"


def test_a_free_text_language_is_coded_when_the_person_is_edited(signed, tmp_path):
    say, _, _ = signed
    import sqlite3
    with sqlite3.connect(tmp_path / "lotse.sqlite") as db:  # as a person recorded before languages were coded
        db.execute("UPDATE person SET languageCodes = NULL WHERE id = 3")
        db.execute("UPDATE personIdentity SET languages = 'Russisch und Deutsch, Ukrainisch' WHERE personId = 3")
    assert say("person", "edit", "3", "--phone", "0151 1234567").returncode == 0
    omar = next(p for p in json.loads(say("case", "show", "1", "--json").stdout)["members"] if p["identity"]["givenNames"] == "Omar")
    assert omar["person"]["languageCodes"] == "uk" and omar["identity"]["languages"] == "Russisch und Deutsch"


def test_the_agreement_beside_each_shipped_client_language(signed):
    say, agreement, folder = signed
    for tag, (title, goal, phrase) in TITLES.items():
        printed = say("agreement", "print", agreement, "--client-language", tag)
        assert printed.returncode == 0 and title in printed.stdout and goal in printed.stdout, (tag, printed.stderr)
        pdf = folder / f"vereinbarung-{tag}.pdf"
        done = say("agreement", "print", agreement, "--format", "pdf", "-o", str(pdf), "--client-language", tag)
        assert done.returncode == 0, done.stderr
        text = pdf_text(pdf)
        assert "Integrationsvereinbarung" in text and phrase in text, (tag, text[:300])
        assert "Unterschrift Amal Haddad" in text and "Rechtlich gilt der deutsche Text" not in text
        assert "rechtlich gilt der deutsche Text" in text, "the German side says which text counts"
        assert "noch nicht von einer qualifizierten Übersetzerin" in text, "unreviewed translations say so"
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert fonts and all(line.split()[-5] == "yes" for line in fonts), (tag, fonts)
        if tag in ("ar", "fa", "fa-AF"):
            assert any("NotoSansArabic" in line for line in fonts), "Arabic script in Noto Sans Arabic"
    # Without --client-language: the signing adults' first language (Amal reads Arabic).
    default = folder / "vereinbarung.pdf"
    assert say("agreement", "print", agreement, "--format", "pdf", "-o", str(default)).returncode == 0
    assert TITLES["ar"][2] in pdf_text(default)


def test_adults_reading_different_languages_get_one_copy_each(signed):
    say, agreement, folder = signed
    assert say("person", "edit", "2", "--languages", "Türkisch").returncode == 0
    printed = say("agreement", "print", agreement)
    assert printed.returncode == 0, printed.stderr
    text = printed.stdout
    assert text.count("Integrationsvereinbarung") == 2 and "اتفاقية الاندماج" in text and "Uyum sözleşmesi" in text
    assert text.index("Uyum sözleşmesi") < text.index("اتفاقية الاندماج"), "eldest first: Karim (1982), then Amal (1985)"


def test_a_hand_written_goal_prints_in_german_with_a_note(signed, tmp_path):
    say, agreement, folder = signed
    import sqlite3
    with sqlite3.connect(tmp_path / "lotse.sqlite") as db:
        db.execute("UPDATE goal SET title = 'Führerschein machen' WHERE id = (SELECT min(id) FROM goal)")
    text = say("agreement", "print", agreement, "--client-language", "fr").stdout
    assert text.count("Führerschein machen") == 2, "the German title on both sides"
    assert "n’existe qu’en allemand" in text


def test_html_sets_the_client_side_right_to_left(signed):
    say, agreement, folder = signed
    html = say("agreement", "print", agreement, "--format", "html", "--client-language", "fa").stdout
    assert '<div lang="fa" dir="rtl">' in html and "<h1>توافق‌نامهٔ ادغام</h1>" in html
    checked = subprocess.run(["tidy", "-q", "-e", "--show-warnings", "no", "-"], input=html, capture_output=True, text=True)
    assert checked.returncode in (0, 1), checked.stderr


def test_a_language_without_a_translation_or_font_is_refused(signed, tmp_path):
    say, agreement, folder = signed
    refused = say("agreement", "print", agreement, "--client-language", "Somali")
    assert refused.returncode == 1 and "für Somali gibt es noch keine Übersetzung" in refused.stderr and "Arabisch" in refused.stderr
    unknown = say("agreement", "print", agreement, "--client-language", "Elbisch")
    assert unknown.returncode == 1 and "„Elbisch“ ist keine bekannte Sprache" in unknown.stderr
    # A county's own catalog in a script no installed font shows: refused, nothing written.
    county = tmp_path / "client-locales"
    county.mkdir()
    source = json.loads((ROOT / "resources" / "client-locales" / "de.json").read_text())
    chinese = {**source, "language": "zh", "name": "中文", "script": "Hans", "fontPackage": "fonts-noto-cjk",
               "texts": {key: "中文 " + text for key, text in source["texts"].items()}}
    (county / "zh.json").write_text(json.dumps(chinese, ensure_ascii=False))
    pdf = folder / "zh.pdf"
    done = say("agreement", "print", agreement, "--format", "pdf", "-o", str(pdf), "--client-language", "zh",
               extra_env={"LOTSE_CLIENT_LOCALES": str(county)})
    assert done.returncode == 2 and not pdf.exists(), done.stderr
    assert "für Chinesisch kann keine installierte Schrift" in done.stderr and "fonts-noto-cjk" in done.stderr, done.stderr
    assert done.stderr.count("\n") == 1
    # The same catalog broken (a placeholder lost): a configuration error naming the file.
    chinese["texts"]["agreement.review"] = "中文"
    (county / "zh.json").write_text(json.dumps(chinese, ensure_ascii=False))
    broken = say("agreement", "print", agreement, "--client-language", "zh", extra_env={"LOTSE_CLIENT_LOCALES": str(county)})
    assert broken.returncode == 2 and "zh.json" in broken.stderr and "agreement.review" in broken.stderr, broken.stderr


def test_the_interpreter_named_at_the_intake_signs_and_a_correction_is_audited(signed):
    say, agreement, folder = signed
    text = say("agreement", "print", agreement, "--client-language", "ar").stdout
    assert "Unterschrift Dolmetscher/in (Samira Khalil) / توقيع المترجم الشفهي (Samira Khalil)" in text
    corrected = say("agreement", "edit", agreement, "--interpreter", "Samira Nasser")
    assert corrected.returncode == 0 and "gedolmetscht von Samira Nasser" in corrected.stdout, corrected.stderr
    pdf = folder / "signed.pdf"
    assert say("agreement", "print", agreement, "--format", "pdf", "-o", str(pdf)).returncode == 0
    assert "Unterschrift Dolmetscher/in (Samira Nasser)" in pdf_text(pdf)
    events = json.loads(say("audit", "log", "--case", "1", "--json").stdout)
    assert {"action": "update", "entity": "agreement", "entityId": int(agreement), "field": "interpreter"} in \
        [{k: e.get(k) for k in ("action", "entity", "entityId", "field")} for e in events], "the correction is audited"
    assert "Samira" not in json.dumps(events), "the audit log holds no names"
    assert say("agreement", "edit", agreement, "--interpreter", "").returncode == 0
    assert "Dolmetscher/in" not in say("agreement", "print", agreement).stdout
    assert say("audit", "verify").returncode == 0


ORGANISATION = {"county": "Landkreis Ostalbkreis", "controller": "Landratsamt Ostalbkreis, Stuttgarter Straße 41, 73430 Aalen",
                "dataProtectionOfficer": "Datenschutzbeauftragte des Landratsamts, datenschutz@ostalbkreis.de"}


def organised(folder, **changes):
    """The repository's plugins.json with the organisation settings (and changes)."""
    config = json.loads((ROOT / "plugins.json").read_text())
    config["organisation"] = ORGANISATION
    config["deployment"].update(changes)
    path = folder / "plugins-organised.json"
    path.write_text(json.dumps(config))
    return {"LOTSE_CONFIG": str(path)}


def test_the_privacy_notice_names_the_controller_in_each_language(signed):
    say, _, folder = signed
    settings = organised(folder, retentionYears=8)
    titles = {"ar": "معلومات عن حماية البيانات", "fa": "", "fa-AF": "", "uk": "Інформація про захист даних", "ru": "Информация о защите данных",
              "tr": "Veri koruma hakkında bilgi", "en": "Information on data protection", "fr": "Information sur la protection des données"}
    assert sorted(titles) == sorted(TITLES), "every shipped client language"
    for tag, language_title in titles.items():
        pdf = folder / f"notice-{tag}.pdf"
        done = say("person", "notice", "1", "--format", "pdf", "-o", str(pdf), "--client-language", tag, extra_env=settings)
        assert done.returncode == 0, done.stderr
        text = pdf_text(pdf)
        assert "Informationen zum Datenschutz" in text and "Landratsamt Ostalbkreis, Stuttgarter Straße 41" in text
        assert "Bis zu 8 Jahre nach dem Ende der Begleitung" in text and "Lautenschlagerstraße 20, 70173 Stuttgart" in text
        assert "datenschutz@ostalbkreis.de" in text and "Art. 15 DSGVO" in text
        if tag not in ("ar", "fa", "fa-AF"):  # pdftotext splits Arabic script's ligatures; the text output is checked below
            assert language_title in text
    # Amal reads Arabic first: her notice is in Arabic without asking.
    text = say("person", "notice", "1", extra_env=settings).stdout
    assert "معلومات عن حماية البيانات" in text and "8 سنوات على الأكثر" in text
    refused = say("person", "notice", "1")
    assert refused.returncode == 1 and "organisation.controller" in refused.stderr


def test_the_consent_to_sign_and_the_notice_after_the_handover_in_the_clients_language(signed):
    say, _, folder = signed
    assert say("municipality", "add", "Stadt Ulm", "--kind", "Stadt", "--fte", "1").returncode == 0
    form = folder / "einwilligung.pdf"
    printed = say("consent", "print", "1", "--to", "Stadt Ulm", "--scope", "Übergabe", "--exclude", "Arbeit",
                  "--format", "pdf", "-o", str(form), "--on", "2019-06-01")
    assert printed.returncode == 0, printed.stderr
    text = pdf_text(form)
    assert "Einwilligung in die Übergabe der Fallakte" in text and "an Stadt Ulm übergibt" in text
    assert "Nicht übergeben werden die Angaben der Bereiche: Arbeit" in text and "jederzeit für die Zukunft widerrufen" in text
    assert "Unterschrift Amal Haddad" in text and "Unterschrift Karim Haddad" in text and "Unterschrift Omar" not in text
    assert "لا يُسلَّم" in say("consent", "print", "1", "--to", "Stadt Ulm", "--scope", "handover", "--exclude", "work").stdout, "Arabic beside"
    wrong = say("consent", "print", "1", "--to", "Stadt Ulm", "--scope", "Vermittlung")
    assert wrong.returncode == 1 and "Übergabe an eine andere Kommune" in wrong.stderr
    # The signed scan filed, the file handed over: the client's notice beside the bundle.
    assert say("consent", "add", "1", "--scope", "handover", "--to", "Stadt Ulm", "--on", "2019-06-01", "--form", str(form)).returncode == 0
    bundle = folder / "ulm.zip"
    exported = say("handover", "export", "1", "--to", "Stadt Ulm", "--exclude", "work", "-o", str(bundle), "--on", "2019-06-02")
    assert exported.returncode == 0, exported.stderr
    notice = folder / "ulm.notice.pdf"
    assert f"Mitteilung für die Klientin oder den Klienten: {notice}" in exported.stdout
    assert oct(notice.stat().st_mode & 0o777) == "0o600"
    text = pdf_text(notice)
    assert "Am 02.06.2019 hat Stadt Aalen die Fallakte 1 des Integrationsmanagements an Stadt Ulm übergeben" in text
    assert "Nicht übergeben wurden die Angaben der Bereiche: Arbeit" in text
    assert "لدى البلدية الجديدة" in text, "the Arabic title in logical order"
    assert "den Bereichen: Sprache, Schule und Kita, Wohnen" in text, "the modules in their configured order"
    fonts = subprocess.run(["pdffonts", str(notice)], capture_output=True, text=True, check=True).stdout
    assert "NotoSansArabic" in fonts, "beside Amal's Arabic"


def test_a_missing_font_stops_the_handover_before_anything_is_written(signed, tmp_path):
    say, _, folder = signed
    county = tmp_path / "client-locales"
    county.mkdir()
    source = json.loads((ROOT / "resources" / "client-locales" / "de.json").read_text())
    (county / "zh.json").write_text(json.dumps({**source, "language": "zh", "name": "中文", "script": "Hans", "fontPackage": "fonts-noto-cjk",
                                                "texts": {key: "中文 " + text for key, text in source["texts"].items()}}, ensure_ascii=False))
    assert say("person", "edit", "1", "--languages", "Chinesisch").returncode == 0
    assert say("person", "edit", "2", "--languages", "Chinesisch").returncode == 0
    assert say("municipality", "add", "Stadt Ulm", "--kind", "Stadt", "--fte", "1").returncode == 0
    form = folder / "scan.pdf"
    form.write_bytes(b"%PDF-1.4\n")
    assert say("consent", "add", "1", "--scope", "handover", "--to", "Stadt Ulm", "--on", "2019-06-01", "--form", str(form)).returncode == 0
    bundle = folder / "ulm.zip"
    refused = say("handover", "export", "1", "--to", "Stadt Ulm", "-o", str(bundle), "--on", "2019-06-02", extra_env={"LOTSE_CLIENT_LOCALES": str(county)})
    assert refused.returncode == 2 and "fonts-noto-cjk" in refused.stderr, refused.stderr
    assert not bundle.exists() and not (folder / "ulm.notice.pdf").exists()
    assert json.loads(say("case", "show", "1", "--json").stdout)["caseFile"]["status"] == "active", "not handed over"
