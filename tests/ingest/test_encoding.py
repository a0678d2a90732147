"""Decoding: BOMs, UTF-8, legacy code pages of short news paragraphs, binary data."""
from __future__ import annotations

import codecs

import pytest

from dragoman.ingest.encoding import NotText, decode, plausibility

LEGACY = [("tr", "cp1254"), ("tr", "iso8859-9"), ("hu", "iso8859-2"), ("hu", "cp1250"),
          ("ru", "koi8-r"), ("ru", "cp1251")]


@pytest.mark.parametrize("lang,encoding", LEGACY)
def test_short_paragraph_in_legacy_code_page(builder, lang, encoding):
    text = builder.PARAGRAPHS[lang]
    decoded, used = decode(text.encode(encoding))
    assert decoded == text
    # Code pages that agree on every byte of this text are equally right.
    assert text.encode(used) == text.encode(encoding)


@pytest.mark.parametrize("lang,encoding", LEGACY)
def test_single_sentence_in_legacy_code_page(builder, lang, encoding):
    text = builder.SENTENCES[lang]
    assert decode(text.encode(encoding))[0] == text


@pytest.mark.parametrize("lang", ["tr", "hu", "ru", "kk"])
@pytest.mark.parametrize("encoding,bom", [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                                          ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-32-le", codecs.BOM_UTF32_LE)])
def test_byte_order_marks(builder, lang, encoding, bom):
    text = builder.PARAGRAPHS[lang]
    decoded, used = decode(bom + text.encode(encoding))
    assert decoded == text and used == encoding


@pytest.mark.parametrize("lang", ["tr", "hu", "ru", "kk"])
def test_utf8_without_bom_and_utf16_without_bom(builder, lang):
    text = builder.PARAGRAPHS[lang]
    assert decode(text.encode("utf-8")) == (text, "utf-8")
    if lang != "ru" and lang != "kk":  # Cyrillic UTF-16 has no NUL bytes to recognise it by
        assert decode(text.encode("utf-16-le"))[0] == text


@pytest.mark.parametrize("text,encoding", [
    # Rare code pages turn typographic dashes and quotes into letters; the common one must win.
    ("The talks \u2013 the first since 2019 \u2013 were \u201cconstructive\u201d, officials said.", "cp1252"),
    # mac-cyrillic reads cp1251 capitals as dashes and quotes.
    ("\u2014 Я сразу сказал: «Затем посмотрим».", "cp1251"),
    ("Ол үшін құжаттар дайын, деді министр.", "kz1048"),
    ("Ο υπουργός Εξωτερικών συναντήθηκε με τον ομόλογό του.", "cp1253"),
])
def test_other_code_pages(text, encoding):
    assert decode(text.encode(encoding))[0] == text


def test_declared_charset_is_used_when_plausible(builder):
    text = builder.PARAGRAPHS["tr"]
    assert decode(text.encode("cp1254"), declared="windows-1254") == (text, "cp1254")
    # iso-8859-1 is read as the wider cp1252, as browsers do.
    assert decode("Résumé du café".encode("cp1252"), declared="ISO-8859-1")[1] == "cp1252"


def test_wrong_declaration_loses_to_a_plausible_reading(builder):
    text = builder.PARAGRAPHS["ru"]
    assert decode(text.encode("cp1251"), declared="iso-8859-1")[0] == text


def test_mostly_utf8_with_one_stray_byte(builder):
    text = " ".join(builder.PARAGRAPHS[lang] for lang in ("hu", "tr", "ru"))
    decoded, used = decode(text.encode("utf-8") + b" \x93quoted")
    assert used == "utf-8" and decoded.startswith(text)


def test_newlines_are_normalised():
    assert decode("one\r\ntwo\rthree".encode("utf-8"))[0] == "one\ntwo\nthree"


@pytest.mark.parametrize("data,what", [
    (b"%PDF-1.7\n" + bytes(range(256)), "PDF document"),
    (b"\x89PNG\r\n\x1a\n" + bytes(40), "PNG image"),
    (bytes(range(256)) * 8, "NUL"),
    (b"text\x01\x02\x03\x04\x05\x06\x07\x08 with controls" * 3, "control characters"),
])
def test_binary_data_is_not_text(data, what):
    with pytest.raises(NotText, match="binary file") as error:
        decode(data)
    assert what in str(error.value)


def test_plausibility_prefers_real_letters(builder):
    text = builder.PARAGRAPHS["tr"]
    wrong = text.encode("cp1254").decode("cp1252")  # Dýþiþleri
    assert plausibility(text) > plausibility(wrong)
    russian = builder.PARAGRAPHS["ru"]
    flipped = russian.encode("koi8-r").decode("cp1251")  # case flipped in every word
    assert plausibility(russian) > plausibility(flipped)


def test_markup_and_code_in_text_are_just_characters():
    data = "<script>alert('x')</script>; DROP TABLE t; -- ${jndi:ldap://x}".encode("utf-8")
    assert decode(data)[0] == data.decode("utf-8")


# Real seed articles, cut into sentences and re-encoded in the code pages of their language.
SEED_ENCODINGS = {"tr": ("cp1254", "iso8859-9"), "hu": ("iso8859-2", "cp1250"), "en": ("cp1252",)}
# Share of single sentences that must come back exactly (measured: all of them).
MIN_SENTENCE_ACCURACY = 0.98


def _seed_sentences(seeds_dir, lang: str) -> list[str]:
    import re

    marker = {"tr": "Cumhurbaşkanı", "hu": "elnök", "en": "President"}[lang]
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    texts = [t for t in texts if marker in t and (lang != "en" or "Cumhurbaşkanı" not in t)]
    return [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s) > 30 and not s.isascii()]


@pytest.mark.parametrize("lang", sorted(SEED_ENCODINGS))
def test_seed_sentences_in_legacy_code_pages(seeds_dir, lang):
    sentences = _seed_sentences(seeds_dir, lang)
    assert sentences
    for encoding in SEED_ENCODINGS[lang]:
        encodable = [s for s in sentences if _encodable(s, encoding)]
        assert encodable, encoding
        right = sum(decode(s.encode(encoding))[0] == s for s in encodable)
        assert right >= MIN_SENTENCE_ACCURACY * len(encodable), (encoding, right, len(encodable))


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_russian_utf16_without_a_bom_is_read(tmp_path, encoding):
    """Issue 11: mostly non-ASCII UTF-16 without a BOM was rejected as binary."""
    from dragoman.doc import Rejection
    from dragoman.ingest import iter_inputs

    text = ("Президент России Владимир Путин встретился с Реджепом Эрдоганом в Сочи 5 марта. "
            "Стороны обсудили торговлю, газ и войну на Украине.\n") * 3
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode(encoding))
    [item] = list(iter_inputs([str(path)]))
    assert not isinstance(item, Rejection), item
    assert "Владимир Путин" in item.text
