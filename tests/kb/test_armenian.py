"""Armenian names: spellings generated from Russian names (lang/hy/translit.toml), folding of
aspirated and plain letters, case endings (lang/hy/suffixes.toml), the press's own city names
(lang/hy/kb.toml) and place names at the start of a sentence, which simplemma's Armenian
dictionary lists among its words."""
from __future__ import annotations

import pytest

from dragoman.entities.recognise import Recogniser
from dragoman.kb import load_kb
from dragoman.kb.morph import inflection
from dragoman.kb.normalize import fold
from dragoman.kb.translit import variants


@pytest.fixture(scope="module")
def recognise():
    return Recogniser(load_kb(), use_models=False)


@pytest.mark.parametrize("russian,expected", [
    ("Токаев", "Տոկաև"),
    ("Мирзиёев", "Միրզիյոև"),
    ("Горбачёв", "Գորբաչով"),
    ("Дмитрий Песков", "Դմիտրի Պեսկով"),
    ("Евгений", "Եվգենի"),
    ("Александр", "Ալեքսանդր"),
    ("Олег", "Օլեգ"),
    ("Рубио", "Ռուբիո"),
    ("Ванадзор", "Վանաձոր"),
    ("Джорджа", "Ջորջա"),
    ("Мария", "Մարիա"),
])
def test_transliteration_rules(russian, expected):
    assert variants(russian)["hy"] == expected


@pytest.mark.parametrize("one,other", [
    ("Թրամփ", "Տրամպ"), ("Փեզեշքիան", "Պեզեշկիան"), ("Կահիրէ", "Կահիրե"), ("Ալիեւ", "Ալիև"),
])
def test_spelling_variants_fold_together(one, other):
    assert fold(one) == fold(other)


@pytest.mark.parametrize("written,base", [
    ("Պուտինը", "պուտին"), ("Լուլան", "լուլա"), ("Մոսկվայում", "մոսկվա"),
    ("Զելենսկուն", "զելենսկի"), ("Ալիևի", fold("Ալիև")), ("Բաքվում", fold("Բաքու")),
    ("միության", fold("միություն")), ("կազմակերպությամբ", fold("կազմակերպություն")),
])
def test_case_endings(written, base):
    assert base in inflection("hy").bases(fold(written))


@pytest.mark.parametrize("text,wanted", [
    ("Երեկ Կասիմ-Ժոմարտ Տոկաևը Մոսկվայում հանդիպեց Պուտինի հետ։",
     {"dm:kassym-jomart-tokayev", "dm:geo:524901", "Q7747"}),
    ("Մոսկվան պատասխանեց Վաշինգտոնի հայտարարությանը։", {"dm:geo:524901", "dm:geo:4140963"}),
    ("Եվրոպական միության և ՄԱԿ-ի ներկայացուցիչները ժամանեցին Բաքու։",
     {"Q458", "Q1065", "dm:geo:587084"}),
    ("Ռուսական կողմը չմեկնաբանեց Ադրբեջանի հայտարարությունը։", {"Q159", "dm:country:az"}),
])
def test_recognised(recognise, text, wanted):
    assert wanted <= {e.id for e in recognise(text, "hy")[1]}


@pytest.mark.parametrize("text", [
    "Նա ասաց, որ մայիսի վերջին կկայանա մեծ համերգ, իսկ մարտին՝ ցուցահանդես։",
    "Կառավարության նիստում քննարկվեցին տնտեսական զարգացման հարցերը։",
])
def test_ordinary_words_are_no_names(recognise, text):
    assert recognise(text, "hy")[1] == []


def test_armenian_community_is_not_the_country(recognise):
    assert "dm:country:am" not in {e.id for e in recognise("Հայկական սփյուռքի ներկայացուցիչները հավաքվեցին։", "hy")[1]}
