"""The stems in Tests/CohesionCoreTests/Fixtures/german-stems.tsv are Snowball's own.

The Swift suite checks Cohesion's German stemmer against the second column of that file; this
test recomputes the column with PyPI's snowballstemmer, so the reference cannot be edited by hand.
Needs no server.
"""
from pathlib import Path

import snowballstemmer

FIXTURE = Path(__file__).resolve().parents[1] / "CohesionCoreTests" / "Fixtures" / "german-stems.tsv"


def test_reference_stems_are_snowballs():
    stemmer = snowballstemmer.stemmer("german")
    pairs = [line.split("\t") for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    assert len(pairs) >= 2000
    wrong = [(word, stem, stemmer.stemWord(word)) for word, stem in pairs if stemmer.stemWord(word) != stem]
    assert wrong == []
