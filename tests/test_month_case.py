"""A month's name is matched by the date patterns under IGNORECASE, which takes some letters for an ASCII one
that lower() leaves apart (a dotted capital I, a dotless i, a long s): the month must still be known, where
such a date stopped `check` with an unexpected error (exit 70)."""

import json
import subprocess
import sys
from pathlib import Path

from resdiff import lang
from resdiff.facts import extract

ROOT = Path(__file__).resolve().parent.parent
EVERY = "".join(map(chr, range(0x110000))).replace("\n", "")


def _taken_for(letter: str) -> set[str]:
    """Every character IGNORECASE matches for `letter`."""
    import re

    return {m.group() for m in re.finditer(re.escape(letter), EVERY, re.IGNORECASE)}


def test_every_spelling_ignorecase_takes_for_a_month_names_that_month():
    letters = {ch for names in lang.MONTHS.values() for name in names for ch in name}
    variants = {ch: _taken_for(ch) - {ch} for ch in letters}
    tried = 0
    for names in lang.MONTHS.values():
        for number, name in enumerate(names, 1):
            assert lang.month_number(name) == lang.month_number(name.upper()) == number
            for i, ch in enumerate(name):
                for other in variants[ch]:
                    assert lang.month_number(name[:i] + other + name[i + 1:]) == number, (name, other)
                    tried += 1
    assert {"\u0130", "\u0131"} <= variants["i"] and "\u017f" in variants["s"] and "\u1c80" in variants["\u0432"]
    assert tried > 300


def test_a_date_written_with_a_dotted_capital_i_is_read():
    assert lang.find_date("avr\u0130l 5, 2020") == "2020-04-05"
    assert lang.find_date("5 avr\u0131l 2020") == "2020-04-05"
    assert "2020-04-05" in extract("Le 5 AVR\u0130L 2020, l'Assemblée", "fr").dates


def test_check_reads_such_a_date_without_an_unexpected_error(tmp_path):
    en = tmp_path / "a.en.txt"
    es = tmp_path / "a.es.txt"
    en.write_text("The General Assembly,\n\n1. Decides to meet on avr\u0130l 5, 2020;\n", "utf-8")
    es.write_text("La Asamblea General,\n\n1. Decide reunirse el 5 de abril de 2020;\n", "utf-8")
    r = subprocess.run([sys.executable, "-m", "resdiff", "check", str(en), str(es), "-f", "json"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode in (0, 1), r.stderr
    json.loads(r.stdout)


def test_an_ordinal_in_such_letters_is_read_in_every_language_that_spells_them():
    """The ordinal readers look their words up as month_number does (lang.case_key): a word the ordinal
    patterns matched in a dotted capital I, a long s or a rounded Cyrillic ve is read, where it stopped `check`
    with an unexpected KeyError (French, Spanish, Russian) or read as no ordinal (English)."""
    assert lang.en_ordinal("f\u0130rst") == lang.en_ordinal("\u017feventy-fifth") - 74 == 1
    assert 76 in extract("à sa soixante-se\u0130zième session", "fr").ordinals
    assert 76 in extract("en su septuagés\u0130mo sexto período de sesiones", "es").ordinals
    assert 2 in extract("на \u1c80торую сессию", "ru").ordinals


def test_check_reads_such_ordinals_without_an_unexpected_error(tmp_path):
    en = tmp_path / "a.en.txt"
    en.write_text("The General Assembly,\n\n1. Decides to include it in the seventy-sixth session;\n", "utf-8")
    for lang_code, opening, clause in (
            ("fr", "L'Assemblée générale,", "Décide de l'inscrire à sa soixante-se\u0130zième session ;"),
            ("es", "La Asamblea General,", "Decide incluirlo en su septuagés\u0130mo sexto período de sesiones;"),
            ("ru", "Генеральная Ассамблея,", "постановляет включить его в \u1c80торую сессию;")):
        other = tmp_path / f"a.{lang_code}.txt"
        other.write_text(f"{opening}\n\n1. {clause}\n", "utf-8")
        r = subprocess.run([sys.executable, "-m", "resdiff", "check", str(en), str(other), "-f", "json"],
                           capture_output=True, text=True, cwd=ROOT)
        assert r.returncode in (0, 1), (lang_code, r.stderr)
        json.loads(r.stdout)
