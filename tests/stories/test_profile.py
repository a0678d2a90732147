"""Profile helpers: the name normaliser linking shares with the scorer."""
from __future__ import annotations

import pytest

from dragoman.kb.normalize import fold
from dragoman.stories.profile import norm_name

NAMES = ["Kassym-Jomart Tokayev", "Tokaïev", "Тоқаев", "Зеленский", "Łódź", "Straße", "Ağrı",
         "Đoković", "Oʻzbekiston", "  Recep Tayyip  Erdoğan ", "Shavkat_Mirziyoyev", "プーチン",
         "İstanbul", "Ўзбекистон", "Їжакевич", "", None]


@pytest.mark.parametrize("name", NAMES)
def test_norm_name_is_the_scorers_norm(scorer, name):
    assert norm_name(name) == scorer.norm(name)


def test_norm_name_differs_from_fold_where_the_scorer_does():
    # The scorer keeps letters NFKD cannot take apart and takes й apart: fold does the opposite.
    assert (norm_name("Łódź"), fold("Łódź")) == ("łodz", "lodz")
    assert (norm_name("Зеленский"), fold("Зеленский")) == ("зеленскии", "зеленский")
    assert norm_name("Tokaïev, K.-J.") == "tokaiev k j"
