"""Answers an intake by reading each question from the screen, as a person would: the
question is recognised by its German wording (from the catalogs), not by an id, which
lotse no longer shows."""
import json
import pathlib
import re

import pexpect

ROOT = pathlib.Path(__file__).resolve().parents[2]
# Readline switches bracketed paste on before each prompt on a terminal.
PROMPT = r"(?:\x1b\[\?2004h)?› "
# A question: its header and wording on one line ("[Sprache 1/9 · Karim Haddad] Hat …?"),
# then choices and a hint line, then the prompt.
ASKED = r"\n(\[[^\]\n]+\] [^\n]+)\r?\n((?:(?!\[)[^\n]*\r?\n){0,30}?)" + PROMPT
INTERPRETER = PROMPT + r"Braucht (\S+) [^\n]*Dolmetsch[^\n]*\(ja/nein\) "
HEADER = re.compile(r"\[(?:[^\]\n]* \d+/\d+|Herkunft|Origin)( · [^\]\n]+)?\] (.+)")


def _questions():
    """(question id, wording as a regex) for every module question, German."""
    found = []
    for path in sorted((ROOT / "resources" / "locales" / "de").glob("*.json")):
        if path.stem in ("core", "help", "crash"):
            continue
        for key, text in json.loads(path.read_text(encoding="utf-8")).items():
            parts = key.split(".")
            if len(parts) == 2 and parts[0] == "question":
                pattern = re.escape(text).replace(re.escape("{person}"), ".+")
                found.append((f"{path.stem}.{parts[1]}", re.compile(pattern + r"\s*$")))
    core = json.loads((ROOT / "resources" / "locales" / "de" / "core.json").read_text(encoding="utf-8"))
    found.append(("core.country", re.compile(re.escape(core["intake.country"]) + r"\s*$")))
    found.append(("core.languages", re.compile(re.escape(core["intake.languages"]).replace(re.escape("{person}"), ".+") + r"\s*$")))
    return found


QUESTIONS = _questions()


def asked(child):
    """The question id and the person's given name of the question just matched (ASKED)."""
    match = HEADER.search(child.match.group(1))
    person = match.group(1)[3:].split()[0] if match.group(1) else None
    wording = match.group(2)
    ids = [qid for qid, pattern in QUESTIONS if pattern.search(wording)]
    assert ids, f"no question reads {wording!r}"
    return ids[0], person


def answer_questions(child, answers, seen=None):
    """Answers until the summary appears (or the program stops). `answers` maps a
    question id, or (question id, given name), to what to type; anything else gets the
    first choice or "nein". Returns the (question, given name) pairs asked, in order."""
    seen = [] if seen is None else seen
    while True:
        index = child.expect([ASKED, "Zusammenfassung", pexpect.EOF, INTERPRETER])
        if index == 3:  # after a person's languages: whether they need an interpreter
            seen.append(("core.interpreterNeeded", child.match.group(1)))
            child.sendline(answers.get(("core.interpreterNeeded", child.match.group(1)), "nein"))
            continue
        if index != 0:
            return seen
        question, person = asked(child)
        seen.append((question, person))
        reply = answers.get((question, person), answers.get(question))
        if question == "core.country" and reply is None:
            reply = "SY"
        if question == "core.languages" and reply is None:
            reply = ""  # not known
        if reply is None:
            shown = child.match.group(2)
            if re.search(r"^\s+1 \S", shown, re.M):
                reply = "1"
            elif number := re.search(r"(\d+)–\d+", shown):
                reply = number.group(1)
            elif "A1–C2" in shown:
                reply = "A2"
            else:
                reply = "nein"
        child.sendline(reply)
