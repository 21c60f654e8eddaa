"""Answers an intake by reading each question's id from the screen, as a person would."""
import re

import pexpect

# Readline switches bracketed paste on before each prompt on a terminal.
PROMPT = r"(?:\x1b\[\?2004h)?› "
# The hint line under every question names its id: "  (language.in_course · ja/nein)".
ASKED = r"\(([a-z_]+\.[a-z_]+)[^\n]*\)\r?\n" + PROMPT
HEADER = re.compile(r"\[(?:[^\]\n]* \d+/\d+|Herkunft|Origin)( · [^\]\n]+)?\]")


def answer_questions(child, answers, seen=None):
    """Answers until the summary appears (or the program stops). `answers` maps a
    question id, or (question id, given name), to what to type; anything else gets the
    first choice or "nein". Returns the (question, given name) pairs asked, in order."""
    seen = [] if seen is None else seen
    while True:
        index = child.expect([ASKED, "Zusammenfassung", pexpect.EOF])
        if index != 0:
            return seen
        question = child.match.group(1)
        headers = HEADER.findall(child.before)
        person = headers[-1][3:].split()[0] if headers and headers[-1] else None
        seen.append((question, person))
        reply = answers.get((question, person), answers.get(question))
        if question == "core.country" and reply is None:
            reply = "SY"
        if reply is None:
            hint = child.match.group(0)
            if re.search(r"\n\s+1 \S", child.before):
                reply = "1"
            elif number := re.search(r"· (\d+)–\d+", hint):
                reply = number.group(1)
            elif "A1–C2" in hint:
                reply = "A2"
            else:
                reply = "nein"
        child.sendline(reply)
