"""The language layer loads only when needed, and the PolNeAR scorer counts what its protocol says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from medialit.analysis import analyze
from medialit.article import Article, Paragraph, Provenance
from medialit.language import LanguageModelError, parse_paragraphs

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from polnear import Prediction, read_annotations, score_article  # noqa: E402


def test_help_never_loads_the_language_model() -> None:
    """Does `medialit --help` run without importing spaCy (the pipeline loads only for analysis)?"""
    code = (
        "import sys; from medialit.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('spacy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().endswith("False")


def test_a_missing_model_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Is an uninstalled English model a LanguageModelError saying how to install it, not an ImportError?"""
    import medialit.language as language

    monkeypatch.setattr(language, "MODEL_PACKAGE", "no_such_model_package")
    language.pipeline.cache_clear()
    language.clear_cache()
    try:
        with pytest.raises(LanguageModelError, match=r"requirements-model\.txt"):
            parse_paragraphs(["A text never parsed before, about a missing model."])
    finally:
        language.pipeline.cache_clear()


def test_a_paragraph_too_long_to_parse_is_read_by_the_patterns() -> None:
    """Is a 60,000-character paragraph analysed (by the surface patterns) rather than handed to the parser?"""
    text = "The council met again. " * 2600 + "“We will rebuild,” said Anna Berg."
    article = Article(Path("long.txt"), "H", None, None, Provenance(), (Paragraph(1, text, 1),))
    assert parse_paragraphs([text]) == [None]
    assert any(s.speaker == "Anna Berg" for s in analyze(article).statements)


def _write(tmp_path: Path, text: str, annotations: str) -> tuple[str, Path]:
    (tmp_path / "a.ann").write_text(annotations, encoding="utf-8")
    return text, tmp_path / "a.ann"


def test_the_scorer_matches_by_coverage_and_checks_the_speaker(tmp_path: Path) -> None:
    """Does a prediction covering 50 % of a content match leniently but not strictly, and is its speaker judged?"""
    text = "Title.\n\nThe mayor said the bridge will open in May and the road in June.\n"
    content_start = text.index("the bridge")
    content_end = text.index(".", content_start)
    source_start = text.index("The mayor")
    cue_start = text.index("said")
    text, path = _write(
        tmp_path,
        text,
        f"T1\tContent {content_start} {content_end}\tx\nT2\tCue {cue_start} {cue_start + 4}\tsaid\n"
        f"T3\tSource {source_start} {source_start + 9}\tThe mayor\nE1\tAttribution:T4 Cue:T2 Source:T3 Content:T1\n",
    )
    (gold,) = read_annotations(path, text)
    assert gold.speech and gold.source_text == "The mayor"
    half = content_start + (content_end - content_start) // 2 + 1
    right = Prediction(((content_start, half),), (source_start, source_start + 9), ("the mayor",), "said", "")
    wrong = Prediction(((content_start, content_end),), None, ("Anna Berg",), "said", "")
    partial = score_article("a", [gold], [right])
    assert partial.counts[("speech", "lenient")].matched == 1 and partial.counts[("speech", "strict")].matched == 0
    assert partial.counts[("speech", "lenient")].speakers_right == 1
    whole = score_article("a", [gold], [wrong])
    assert whole.counts[("speech", "strict")].matched == 1 and whole.counts[("speech", "strict")].speakers_right == 0
    assert whole.wrong_speaker


def test_an_unannotated_prediction_costs_precision(tmp_path: Path) -> None:
    """Is a prediction that matches nothing counted as found but not matched (a false positive)?"""
    text, path = _write(tmp_path, "Title.\n\nNothing is attributed here.\n", "")
    score = score_article("a", read_annotations(path, text), [Prediction(((8, 20),), None, ("someone",), "said", "")])
    counts = score.counts[("speech", "lenient")]
    assert (counts.matched, counts.found, counts.expected) == (0, 1, 0) and counts.precision == 0.0
