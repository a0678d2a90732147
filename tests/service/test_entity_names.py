"""``dragoman entity NAME`` finds the canonical entity from any script and any written form:
Simplified and Traditional Chinese, Arabic, Persian (with its zero-width non-joiner),
Ukrainian, Korean, a name with its title written onto it (習近平国家主席) and a Turkish name
with its case suffix after an apostrophe (Erdoğan'ın)."""
from __future__ import annotations

import pytest

from dragoman import service

XI = "dm:xi-jinping"
ERDOGAN = "dm:recep-tayyip-erdogan"


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    with service.open_session(str(tmp_path_factory.mktemp("entity_names") / "empty.db"), create=True) as session:
        yield session


@pytest.mark.parametrize("name,entity_id", [
    ("习近平", XI), ("習近平", XI), ("شي جين بينغ", XI), ("شی جین‌پینگ", XI), ("Сі Цзіньпін", XI),
    ("시진핑", XI), ("習近平国家主席", XI), ("习近平主席", XI), ("시진핑 국가주석", XI),
    ("Эрдоган", ERDOGAN), ("أردوغان", ERDOGAN), ("埃尔多安", ERDOGAN), ("Erdoğan'ın", ERDOGAN),
    ("Erdoğan’ın", ERDOGAN), ("Cumhurbaşkanı Erdoğan", ERDOGAN),
])
def test_entity_resolves_every_script_and_form(session, name, entity_id):
    detail = service.entity_detail(session, name)
    assert detail.id == entity_id and detail.in_knowledge_base


@pytest.mark.parametrize("name", ["Paris Hilton Erdoğan", "Erdoğan Kazakhstan"])
def test_a_name_among_other_words_is_not_reduced(name):
    # Only titles and glued suffixes are set aside: other words make the query another name.
    found = service.find_entity(name)
    assert found is None or found.id != ERDOGAN
