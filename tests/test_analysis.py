"""Norwegian analysis: folding, stemming, compounds, as the index and queries see them."""

from __future__ import annotations

import pytest

from index.search.analysis import Vocabulary, fold, index_analyzer, query_terms, stem


def index_terms(text: str, vocabulary: Vocabulary) -> set[str]:
    return {t.text for t in index_analyzer(vocabulary)(text) if not t.stopped}


@pytest.mark.parametrize(
    ("typed", "written"),
    [("parorende", "pårørende"), ("forebygging pa nett", "forebygging på nett"),
     ("laerings", "lærings"), ("sor", "sør"), ("Rode Kors", "Røde Kors")],
)  # fmt: skip
def test_words_typed_without_norwegian_letters_meet_the_real_spelling(
    typed: str, written: str
) -> None:
    assert query_terms(typed) == query_terms(written)


def test_fold_handles_ae_as_two_letters() -> None:
    assert fold("lærings") == "laerings"
    assert fold("båt") == "bat" and fold("kø") == "ko" and fold("café") == "cafe"


@pytest.mark.parametrize(
    "forms",
    [("selvhjelpsgruppe", "selvhjelpsgrupper", "selvhjelpsgruppene"),
     ("frivilligsentral", "frivilligsentralen", "frivilligsentraler"),
     ("igangsetter", "igangsettere"),
     ("organisasjon", "organisasjonene"),
     ("mestringssenter", "mestringssentre", "mestringssentrene")],
)  # fmt: skip
def test_inflected_forms_share_one_stem(forms: tuple[str, ...]) -> None:
    assert len({stem(fold(f)) for f in forms}) == 1


def test_stop_words_are_dropped_from_queries() -> None:
    assert query_terms("hjelpetelefon for unge") == [stem("hjelpetelefon"), stem("unge")]
    assert query_terms("og i på") == []


def test_compound_parts_are_indexed_with_linking_letters() -> None:
    vocabulary = Vocabulary.from_texts(["selvhjelp gruppe hjelp telefon handling plan"])
    assert vocabulary.split("selvhjelpsgruppe") == ("selvhjelp", "gruppe")
    assert vocabulary.split("hjelpetelefonen") == ("hjelpe", "telefonen") or vocabulary.split(
        "hjelpetelefonen"
    ) == ("hjelp", "telefonen")
    assert vocabulary.split("handlingsplanen") == ("handling", "planen")
    terms = index_terms("Selvhjelpsgruppene møtes", vocabulary)
    assert stem("gruppe") in terms and stem("selvhjelp") in terms
    assert stem("selvhjelpsgruppene") in terms  # the compound itself stays searchable


def test_words_are_not_split_into_unknown_or_tiny_parts() -> None:
    vocabulary = Vocabulary.from_texts(["selv hjelp sos ial kommune"])
    assert vocabulary.split("sosial") == ()  # too short to be a compound
    assert vocabulary.split("kommunene") == ()  # kommune + "ne" is no compound
    # "selv" is a stop word, so it never acts as a compound part.
    assert vocabulary.split("selvhjelp") == ()


def test_compound_parts_keep_the_compounds_position_for_phrases() -> None:
    vocabulary = Vocabulary.from_texts(["selvhjelp gruppe"])
    tokens = [
        (t.text, t.pos) for t in index_analyzer(vocabulary)("ny selvhjelpsgruppe", positions=True)
    ]
    positions = {text: pos for text, pos in tokens}
    assert positions[stem("gruppe")] == positions[stem("selvhjelpsgruppe")] == 1


def test_vocabulary_round_trips_through_its_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    vocabulary = Vocabulary.from_texts(["Pårørende og selvhjelpsgrupper"])
    vocabulary.save(tmp_path / "v.txt")
    assert Vocabulary.load(tmp_path / "v.txt").words == vocabulary.words
    assert "parorende" in vocabulary.words


# --- compounds: parts are real words of a sensible length --------------------------------------


def shipped_vocabulary() -> Vocabulary:
    from index.content.loader import load_content
    from index.resources import content_dir, search_config_dir
    from index.search import fulltext

    return fulltext.vocabulary_for(
        fulltext.documents(load_content(content_dir(), search_config_dir()))
    )


def test_no_part_that_is_no_word_of_its_own() -> None:
    vocabulary = shipped_vocabulary()
    # mest+ring would let "ringe" find learning centres; læring is lær+ing, no compound.
    for word in ("mestring", "laering", "laerings", "fellesskap", "sammenheng", "brukerens"):
        assert vocabulary.split(word) == (), word
    parts = {p for w in vocabulary.words for p in vocabulary.split(w)}
    assert not {"ring", "mest", "skap", "heng", "rens", "enter", "ings"} & parts


def test_first_parts_unknown_alone_are_found_by_their_shape() -> None:
    vocabulary = shipped_vocabulary()
    assert "handling" not in vocabulary.words  # the content never says it alone
    assert vocabulary.split("handlingsplanen") == ("handling", "planen")
    assert vocabulary.split("mestringstjeneste") == ("mestring", "tjeneste")
    # A head that only ends compounds (kompetanse-senter, ressurs-senter) is still a part.
    assert vocabulary.split("kompetansesenter") == ("kompetanse", "senter")
    assert vocabulary.split("mestringssentrene") == ("mestring", "sentrene")


def test_a_typed_compound_the_content_lacks_is_made_of_its_words() -> None:
    vocabulary = shipped_vocabulary()
    assert vocabulary.split("selvmordsgruppe") == ("selvmord", "gruppe")
    known = {"selvmord", "gruppe"}.__contains__
    assert vocabulary.split_query("selvmordsgruppe", known) == ("selvmord", "gruppe")
    assert vocabulary.split_query("xqzvbnmlkjhgfdsa", vocabulary.known) == ()


def test_typed_nonsense_is_cheap_and_does_not_grow_the_vocabulary_for_ever() -> None:
    from index.search.compounds import MAX_REMEMBERED

    vocabulary = shipped_vocabulary()
    for n in range(3000):
        vocabulary.split_query(f"selvhjelp{n:x}gruppe" * 2, vocabulary.known)
    assert len(vocabulary._best) <= MAX_REMEMBERED + 1


def test_snippets_bold_what_the_index_matches_and_escape_the_rest() -> None:
    from index.search.snippets import Snippets

    snippets = Snippets(Vocabulary.from_texts(["selvhjelp gruppe"]))
    text = "Om <script> & «selvhjelpsgrupper»: ei gruppe møtes. " + "fyll " * 60 + "Gruppen igjen."
    made = snippets.make(text, {stem("gruppe")})
    assert "<b>selvhjelpsgrupper</b>" in made and "<b>gruppe</b>" in made
    assert "&lt;script&gt; &amp;" in made and "<script>" not in made
    assert " … " in made and "<b>Gruppen</b>" in made  # a second passage, not repeating
    assert made.count("fyll") < 60
    assert snippets.make(text, {stem("telefon")}) == ""


def test_a_text_met_again_gets_the_snippet_a_fresh_pass_gives(store_dir) -> None:  # type: ignore[no-untyped-def]
    """Typing on shows the same hits with other terms: the kept words of a text must give
    what reading it afresh gives, whatever terms come next."""
    from index.search import fulltext
    from index.search.snippets import KEPT_TEXTS, Snippets

    ix = fulltext.open_index(store_dir)
    try:
        vocabulary = fulltext.vocabulary_of(ix)
        with ix.searcher() as searcher:
            bodies = [f.get("body", "") for f in searcher.all_stored_fields()][:150]
    finally:
        ix.close()
    kept = Snippets(vocabulary)
    asked = ["hjelp", "gruppe", "selvhjelpsgruppe", "telefon", "samarbeid", "frivillig"]
    made = 0
    for round_ in range(3):
        for i, body in enumerate(bodies):
            words = [w for w in body.split() if w.isalpha()][i % 7 :: 11][:3]
            terms = {t for w in (*words, asked[(i + round_) % len(asked)]) for t in query_terms(w)}
            expected = Snippets(vocabulary).make(body, terms)
            assert kept.make(body, terms) == expected, (body[:40], terms)
            made += bool(expected)
    assert made > 100 and len(kept._where) <= KEPT_TEXTS


def test_the_index_keeps_its_compounds_for_the_searcher(store_dir) -> None:  # type: ignore[no-untyped-def]
    from index.search import fulltext

    saved = (store_dir / fulltext.SPLITS_FILE).read_text("utf-8").splitlines()
    assert "handlingsplan\thandling plan" in saved
    vocabulary = Vocabulary.load(store_dir / fulltext.VOCABULARY_FILE)
    vocabulary.load_splits(store_dir / fulltext.SPLITS_FILE)
    assert vocabulary.split("handlingsplan") == ("handling", "plan")
    assert vocabulary.split("mestring") == ()
