"""Quizzes: banks of questions defined once, validated on load, graded and rendered everywhere."""

from medialit.quiz.display import Quiz, show_quiz
from medialit.quiz.grade import Mark, ResponseError, Result, Status, grade
from medialit.quiz.load import find_banks, load_bank
from medialit.quiz.model import SCHEMA_VERSION, Question, QuestionType, QuizBank

__all__ = [
    "SCHEMA_VERSION",
    "Mark",
    "Question",
    "QuestionType",
    "Quiz",
    "QuizBank",
    "ResponseError",
    "Result",
    "Status",
    "find_banks",
    "grade",
    "load_bank",
    "show_quiz",
]
