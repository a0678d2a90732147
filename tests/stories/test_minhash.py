from __future__ import annotations

from dragoman.stories import minhash

TEXT = ("The foreign ministers of Kazakhstan and Hungary met in Budapest on Tuesday to discuss energy "
        "transit, a direct flight between the capitals and cooperation in higher education. They agreed "
        "to hold the next session of the intergovernmental commission in Astana in the spring.")


def test_reprint_is_a_near_copy_and_other_text_is_not():
    a = minhash.signature(TEXT)
    b = minhash.signature("Budapest (KazTAG) - " + TEXT + " Photo: ministry press service.")
    c = minhash.signature("Hungary and Kazakhstan will open a direct flight next year, the airline said "
                          "on Monday, adding that tickets go on sale in March and that two weekly "
                          "rotations are planned between the capitals from the start of the summer season.")
    assert minhash.jaccard(a, b) >= minhash.NEAR_COPY_JACCARD
    assert minhash.jaccard(a, c) < 0.2
    assert set(minhash.band_keys(a, "en")) & set(minhash.band_keys(b, "en"))
    assert not set(minhash.band_keys(a, "en")) & set(minhash.band_keys(a, "hu"))


def test_signature_round_trip_and_short_texts():
    sig = minhash.signature(TEXT)
    assert (minhash.from_bytes(minhash.to_bytes(sig)) == sig).all()
    assert minhash.signature("too short to judge") is None
