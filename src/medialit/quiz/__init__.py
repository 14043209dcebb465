"""Quizzes: banks of questions defined once, validated on load, graded and rendered everywhere."""

from medialit.quiz.load import find_banks, load_bank
from medialit.quiz.model import SCHEMA_VERSION, Question, QuestionType, QuizBank

__all__ = ["SCHEMA_VERSION", "Question", "QuestionType", "QuizBank", "find_banks", "load_bank"]
