"""The same structure rules in French, Spanish, Russian and Arabic: short fixtures of our own in the
layout a PDF extractor gives (illustrative texts, not official ones)."""

from __future__ import annotations

import pytest
from layout import FN, Para, Spec, render

from resdiff import compare, parse_text
from resdiff.check import check_pair
from resdiff.routine import is_routine

NOTICE = "ILLUSTRATIVE TEST TEXT - NOT AN OFFICIAL UNITED NATIONS DOCUMENT"

SPECS = {
    "fr": Spec(
        [NOTICE, " Nations Unies   A/RES/75/62", "Assemblée générale", "Distr. générale", "15 décembre 2020",
         "20-16878 (F)    181220    211220", "Soixante-quinzième session", "Point 103 ll) de l’ordre du jour",
         "  Résolution adoptée par l’Assemblée générale le 7 décembre 2020",
         "  [sur la base du rapport de la Première Commission (A/75/399, par. 96)]",
         " 75/62. Application de la Convention sur les armes à sous-munitions", " L’Assemblée générale,"],
        [Para("PP", "Rappelant ses résolutions 63/71 du 2 décembre 2008 et 74/62 du 12 décembre 2019,"),
         Para("PP", f"Notant que 123 États ont adhéré à la Convention sur les armes à sous-munitions{FN}, dont "
                    "110 en tant qu’États parties,", ["Nations Unies, Recueil des Traités, vol. 2688, no 47713."]),
         Para("OP", "Exhorte tous les États qui ne l’ont pas encore fait à adhérer à la Convention ;"),
         Para("OP", "Décide d’inscrire à l’ordre du jour provisoire de sa soixante-seizième session la question "
                    "intitulée « Application de la Convention sur les armes à sous-munitions »."),],
        ["37e séance plénière", "7 décembre 2020"], "fr"),
    "es": Spec(
        [NOTICE, " Naciones Unidas   A/RES/75/62", "Asamblea General", "Distr. general", "15 de diciembre de 2020",
         "20-16878 (S)    181220    211220", "Septuagésimo quinto período de sesiones", "Tema 103 ll) del programa",
         "  Resolución aprobada por la Asamblea General el 7 de diciembre de 2020",
         "  [sobre la base del informe de la Primera Comisión (A/75/399, párr. 96)]",
         " 75/62. Aplicación de la Convención sobre Municiones en Racimo", " La Asamblea General,"],
        [Para("PP", "Recordando sus resoluciones 63/71, de 2 de diciembre de 2008, y 74/62, de 12 de diciembre de 2019,"),
         Para("PP", f"Observando que 123 Estados se han adherido a la Convención sobre Municiones en Racimo{FN}, de "
                    "los cuales 110 como Estados partes,", ["Naciones Unidas, Treaty Series, vol. 2688, núm. 47713."]),
         Para("OP", "Insta a todos los Estados que aún no lo hayan hecho a que se adhieran a la Convención;"),
         Para("OP", "Decide incluir en el programa provisional de su septuagésimo sexto período de sesiones el "
                    "subtema titulado “Aplicación de la Convención sobre Municiones en Racimo”.")],
        ["37ª sesión plenaria", "7 de diciembre de 2020"], "es"),
    "ru": Spec(
        [NOTICE, " Организация Объединенных Наций   A/RES/75/62", "Генеральная Ассамблея", "Distr.: General",
         "15 December 2020", "20-16878 (R)    181220    211220", "Семьдесят пятая сессия",
         "Пункт 103 ll) повестки дня", "  Резолюция, принятая Генеральной Ассамблеей 7 декабря 2020 года",
         "  [по докладу Первого комитета (A/75/399, пункт 96)]",
         " 75/62. Осуществление Конвенции по кассетным боеприпасам", " Генеральная Ассамблея,"],
        [Para("PP", "ссылаясь на свои резолюции 63/71 от 2 декабря 2008 года и 74/62 от 12 декабря 2019 года,"),
         Para("PP", f"отмечая, что к Конвенции по кассетным боеприпасам{FN} присоединились 123 государства, из "
                    "них 110 в качестве государств-участников,", ["United Nations, Treaty Series, vol. 2688, No. 47713."]),
         Para("OP", "настоятельно призывает все государства, которые еще не сделали этого, присоединиться к Конвенции;"),
         Para("OP", "постановляет включить в предварительную повестку дня своей семьдесят шестой сессии подпункт "
                    "«Осуществление Конвенции по кассетным боеприпасам».")],
        ["37-е пленарное заседание", "7 декабря 2020 года"], "ru"),
    "ar": Spec(
        [NOTICE, " الأمم المتحدة   A/RES/75/62", "الجمعية العامة", "Distr.: General", "15 December 2020",
         "20-16878 (A)    181220    211220", "الدورة الخامسة والسبعون", "البند 103 (ll) من جدول الأعمال",
         "  قرار اتخذته الجمعية العامة في 7 كانون الأول/ديسمبر 2020",
         "  [بناء على تقرير اللجنة الأولى (A/75/399، الفقرة 96)]",
         " 75/62 - تنفيذ اتفاقية الذخائر العنقودية", " إن الجمعية العامة،"],
        [Para("PP", "إذ تشير إلى قراريها 63/71 المؤرخ 2 كانون الأول/ديسمبر 2008 و 74/62 المؤرخ 12 كانون الأول/ديسمبر 2019،"),
         Para("PP", f"وإذ تلاحظ أن 123 دولة انضمت إلى اتفاقية الذخائر العنقودية{FN}، منها 110 دولة طرفا،",
              ["الأمم المتحدة، مجموعة المعاهدات، المجلد 2688، الرقم 47713."]),
         Para("OP", "تحث جميع الدول التي لم تنضم بعد إلى الاتفاقية على أن تفعل ذلك؛"),
         Para("OP", "تقرر أن تدرج في جدول الأعمال المؤقت لدورتها السادسة والسبعين البند الفرعي المعنون ”تنفيذ "
                    "اتفاقية الذخائر العنقودية“.")],
        ["الجلسة العامة 37", "7 كانون الأول/ديسمبر 2020"], "ar"),
}


@pytest.mark.parametrize("lang", sorted(SPECS))
@pytest.mark.parametrize("width", [50, 90])
def test_structure_in_each_language(lang, width):
    doc = parse_text(render(SPECS[lang], width=width))
    m = doc.metadata
    assert (m.symbol, m.language, m.session, m.adopted, m.report, m.meeting) == (
        "A/RES/75/62", lang, 75, "2020-12-07", "A/75/399", 37)
    assert [p.id for p in doc.paragraphs] == ["PP1", "PP2", "OP1", "OP2"]
    assert doc.paragraph("PP2").footnotes == ("1",) and len(doc.footnotes) == 1
    assert "123" in doc.paragraph("PP2").text and "2688" in doc.footnotes[0].text
    assert not any(ch.isdigit() and ch == "1" for ch in doc.paragraph("PP2").text.split("123")[0][-3:])
    assert m.title and "75/62" not in m.title


@pytest.mark.parametrize("lang", sorted(SPECS))
def test_routine_update_in_each_language(lang):
    old = SPECS[lang]
    new = Spec(old.header, [Para(p.kind, p.text.replace("123", "124").replace("110", "111"), list(p.notes))
                            for p in old.paras], old.closing, lang)
    result = compare(parse_text(render(old)), parse_text(render(new, width=60)))
    (c,) = [c for c in result.changes if c.kind == "modified"]
    assert c.old == ("PP2",) and c.routine and is_routine(c.ops, lang)


@pytest.mark.parametrize("lang", ["fr", "es", "ru", "ar"])
def test_check_against_the_english_counterpart_facts(lang):
    """Numbers, dates, symbols and footnotes agree between each fixture and a modified copy of itself
    only where they should: a changed date is found in every language."""
    spec = SPECS[lang]
    good = parse_text(render(spec))
    bad_spec = Spec(spec.header, [Para(p.kind, p.text.replace("2008", "2009"), list(p.notes)) for p in spec.paras],
                    spec.closing, lang)
    findings = check_pair(good, parse_text(render(bad_spec))).findings
    assert [(f.rule, f.source) for f in findings] == [("date-mismatch", "PP1")]
    assert "2008-12-02" in findings[0].message and "2009-12-02" in findings[0].message


EN = Spec(
    [NOTICE, " United Nations   A/RES/75/62", "General Assembly", "Distr.: General", "15 December 2020",
     "20-16877 (E)    181220    211220", "Seventy-fifth session", "Agenda item 103 (ll)",
     "  Resolution adopted by the General Assembly on 7 December 2020",
     "  [on the report of the First Committee (A/75/399, para. 96)]",
     " 75/62. Implementation of the Convention on Cluster Munitions", " The General Assembly,"],
    [Para("PP", "Recalling its resolutions 63/71 of 2 December 2008 and 74/62 of 12 December 2019,"),
     Para("PP", f"Noting that 123 States have joined the Convention on Cluster Munitions,{FN} 110 of which as "
                "States parties,", ["United Nations, Treaty Series, vol. 2688, No. 47713."]),
     Para("OP", "Urges all States that have not yet done so to join the Convention;"),
     Para("OP", "Decides to include in the provisional agenda of its seventy-sixth session the sub-item entitled "
                "“Implementation of the Convention on Cluster Munitions”.")],
    ["37th plenary meeting", "7 December 2020"], "en")


@pytest.mark.parametrize("lang", sorted(SPECS))
def test_each_language_against_english_passes(lang):
    assert check_pair(parse_text(render(EN)), parse_text(render(SPECS[lang]))).findings == ()


@pytest.mark.parametrize("lang, old, new", [("fr", "soixante-seizième", "soixante-dix-septième"),
                                            ("es", "septuagésimo sexto", "septuagésimo séptimo"),
                                            ("ru", "семьдесят шестой", "семьдесят седьмой"),
                                            ("ar", "السادسة والسبعين", "السابعة والسبعين")])
def test_session_ordinals_are_checked_in_every_language(lang, old, new):
    spec = SPECS[lang]
    bad = Spec(spec.header, [Para(p.kind, p.text.replace(old, new), list(p.notes)) for p in spec.paras],
               spec.closing, lang)
    (f,) = check_pair(parse_text(render(EN)), parse_text(render(bad))).findings
    assert (f.rule, f.source, f.target) == ("ordinal-mismatch", "OP2", "OP2")
    assert "76 in source, 77 in target" in f.message
