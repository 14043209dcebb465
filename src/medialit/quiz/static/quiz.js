/* medialit quizzes in the browser: the grader, the quiz behaviour and the progress page.

   The grader is a line-by-line port of medialit/quiz/grade.py (the scoring rules are stated there);
   a parity test grades every possible response with both and requires identical results.
   Everything stays in this browser: answers are kept in localStorage under a versioned key, and
   nothing is sent anywhere. Bank text is only ever set with textContent, never parsed as HTML. */
(function () {
  "use strict";
  if (window.MedialitQuiz) {
    window.MedialitQuiz.enhanceAll();
    return;
  }

  var STORE_VERSION = 1;
  var RESULTS_VERSION = 2; /* the results file: first try, final answer and tries (medialit/quiz/mark.py reads it) */
  var KEY_PREFIX = "medialit:v";

  /* ---------------------------------------------------------------- the grader */

  function ResponseError(message) {
    this.name = "ResponseError";
    this.message = message;
  }
  ResponseError.prototype = Object.create(Error.prototype);

  function fail(question, message) {
    throw new ResponseError("question '" + question.id + "': " + message);
  }

  function isInt(value) {
    return typeof value === "number" && Number.isInteger(value);
  }

  function statusOf(points, maxPoints) {
    if (points === maxPoints) return "correct";
    return points > 0 ? "partial" : "incorrect";
  }

  function result(status, points, maxPoints, marks, feedback) {
    return { status: status, points: points, max_points: maxPoints, marks: marks || {}, feedback: feedback || [] };
  }

  function unanswered(maxPoints) {
    return result("unanswered", 0, maxPoints);
  }

  function checkIndex(question, value, size, what) {
    if (!isInt(value) || value < 0 || value >= size) {
      fail(question, what + " must be a whole number from 0 to " + (size - 1) + ", not " + JSON.stringify(value));
    }
    return value;
  }

  function intList(question, response, what) {
    if (!Array.isArray(response) || !response.every(isInt)) {
      fail(question, "the response must be a list of " + what + ", not " + JSON.stringify(response));
    }
    var repeated = response.filter(function (v, i) { return response.indexOf(v) !== i; }).sort(byNumber);
    if (repeated.length) fail(question, "the response lists " + repeated[0] + " twice");
    return response.slice();
  }

  function byNumber(a, b) {
    return Number(a) - Number(b);
  }

  /* Right-minus-wrong scoring shared by multiple select and find-in-text (parts keyed by text). */
  function selectMany(chosen, correct, feedback) {
    var marks = {};
    var right = correct.filter(function (key) { return chosen.has(key); });
    var wrong = Array.from(chosen).filter(function (key) { return correct.indexOf(key) < 0; });
    right.forEach(function (key) { marks[key] = "right"; });
    wrong.forEach(function (key) { marks[key] = "wrong"; });
    correct.forEach(function (key) { if (!chosen.has(key)) marks[key] = "missed"; });
    var points = Math.max(0, right.length - wrong.length);
    var ordered = Object.keys(marks).sort(function (a, b) {
      var missed = (marks[a] === "missed") - (marks[b] === "missed");
      return missed !== 0 ? missed : byNumber(a, b);
    });
    var texts = ordered.filter(function (key) { return Object.prototype.hasOwnProperty.call(feedback, key); })
      .map(function (key) { return feedback[key]; });
    return result(statusOf(points, correct.length), points, correct.length, marks, texts);
  }

  function gradeSingle(q, response) {
    if (response === null || response === undefined) return unanswered(1);
    var chosen = checkIndex(q, response, q.options.length, "the chosen option");
    var option = q.options[chosen];
    var marks = {};
    marks[String(chosen)] = option.correct ? "right" : "wrong";
    if (!option.correct) {
      var key = q.options.findIndex(function (o) { return o.correct; });
      marks[String(key)] = "missed";
    }
    var points = option.correct ? 1 : 0;
    return result(statusOf(points, 1), points, 1, marks, [option.feedback]);
  }

  function gradeMultiple(q, response) {
    var correct = [];
    q.options.forEach(function (o, i) { if (o.correct) correct.push(String(i)); });
    if (response === null || response === undefined || (Array.isArray(response) && response.length === 0)) {
      return unanswered(correct.length);
    }
    var chosen = intList(q, response, "option indices");
    chosen.forEach(function (value) { checkIndex(q, value, q.options.length, "each chosen option"); });
    var feedback = {};
    q.options.forEach(function (o, i) { feedback[String(i)] = o.feedback; });
    var outcome = selectMany(new Set(chosen.map(String)), correct, feedback);
    var ordered = Object.keys(outcome.marks).sort(function (a, b) {
      var missed = (outcome.marks[a] === "missed") - (outcome.marks[b] === "missed");
      return missed !== 0 ? missed : byNumber(a, b);
    });
    outcome.feedback = ordered.map(function (key) {
      return tickedLine(outcome.marks[key], q.options[Number(key)].text, feedback[key]);
    });
    return outcome;
  }

  /* A verdict the bank's feedback may open with ("Right. P3 gives…"); the line says the verdict itself. */
  var VERDICT_WORD = /^(?:Right|Yes|Correct|No|Wrong|Incorrect|Not quite)[.:,!](?:\s+|$)/;
  var TICKED = {
    right: ["You ticked \u201c", "\u201d, and it is right"],
    wrong: ["You ticked \u201c", "\u201d, but it is not right"],
    missed: ["You did not tick \u201c", "\u201d, but it is right"]
  };

  /* One feedback line of a multiple-select question: the option, the verdict, then the bank's reason. */
  function tickedLine(mark, optionText, feedback) {
    var reason = feedback.replace(VERDICT_WORD, "").trim();
    return TICKED[mark][0] + optionText + TICKED[mark][1] + (reason ? ": " + reason : ".");
  }

  /* One feedback line of an ordering question: where the item is, where it belongs, and why. */
  function placedLine(text, placed, belongs, feedback) {
    var line = "\u201c" + text + "\u201d is in place " + (placed + 1) + "; it belongs in place " + (belongs + 1) + ".";
    return feedback ? line + " " + feedback : line;
  }

  function gradeTrueFalse(q, response) {
    if (response === null || response === undefined) return unanswered(1);
    if (typeof response !== "boolean") fail(q, "the response must be true or false, not " + JSON.stringify(response));
    var right = response === q.answer;
    var text = response ? q.feedback.when_true : q.feedback.when_false;
    return result(statusOf(right ? 1 : 0, 1), right ? 1 : 0, 1, { answer: right ? "right" : "wrong" }, [text]);
  }

  function rightItems(q) {
    return q.pairs.map(function (p) { return p.right; }).concat(q.distractors || []);
  }

  function gradeMatching(q, response) {
    var size = q.pairs.length;
    if (response === null || response === undefined ||
        (Array.isArray(response) && response.every(function (v) { return v === null; }))) {
      return unanswered(size);
    }
    if (!Array.isArray(response) || response.length !== size) {
      fail(q, "the response must be a list of " + size + " choices (or nulls), not " + JSON.stringify(response));
    }
    var choices = rightItems(q).length;
    var marks = {};
    var feedback = [];
    q.pairs.forEach(function (pair, i) {
      var choice = response[i];
      if (choice !== null) checkIndex(q, choice, choices, "the choice for pair " + i);
      var right = choice === i;
      marks[String(i)] = right ? "right" : (choice !== null ? "wrong" : "missed");
      if (!right) feedback.push(pair.feedback);
    });
    var points = Object.keys(marks).filter(function (k) { return marks[k] === "right"; }).length;
    return result(statusOf(points, size), points, size, marks, feedback);
  }

  function gradeOrdering(q, response) {
    var size = q.items.length;
    if (response === null || response === undefined) return unanswered(size);
    var placed = intList(q, response, "item indices");
    var sorted = placed.slice().sort(byNumber);
    if (sorted.length !== size || !sorted.every(function (v, i) { return v === i; })) {
      fail(q, "the response must list each of the " + size + " items once, not " + JSON.stringify(response));
    }
    var marks = {};
    placed.forEach(function (item, position) { marks[String(item)] = item === position ? "right" : "wrong"; });
    var feedback = [];
    q.items.forEach(function (item, i) {
      if (marks[String(i)] === "wrong") feedback.push(placedLine(item.text, placed.indexOf(i), i, item.feedback));
    });
    var points = placed.filter(function (item, position) { return item === position; }).length;
    return result(statusOf(points, size), points, size, marks, feedback);
  }

  function gradeFindInText(q, response) {
    if (response === null || response === undefined || (Array.isArray(response) && response.length === 0)) {
      return unanswered(q.answer.length);
    }
    var chosen = intList(q, response, "paragraph numbers");
    if (chosen.some(function (n) { return n < 1; })) {
      fail(q, "paragraph numbers start at 1, not " + Math.min.apply(null, chosen));
    }
    var candidates = q.candidates || [];
    if (candidates.length) {
      var outside = chosen.filter(function (n) { return candidates.indexOf(n) < 0; }).sort(byNumber);
      if (outside.length) fail(q, "P" + outside[0] + " is not among the paragraphs offered");
    }
    var correct = q.answer.slice().sort(byNumber).map(String);
    return selectMany(new Set(chosen.map(String)), correct, q.feedback || {});
  }

  function gradeShortAnswer(q, response) {
    var size = q.rubric.length;
    if (response === null || response === undefined) return unanswered(size);
    var keys = response && typeof response === "object" && !Array.isArray(response) ? Object.keys(response).sort() : [];
    if (keys.length !== 2 || keys[0] !== "text" || keys[1] !== "ticked" || typeof response.text !== "string") {
      fail(q, "the response must be {\"text\": ..., \"ticked\": [...]}, not " + JSON.stringify(response));
    }
    var ticked = intList(q, response.ticked, "rubric indices");
    ticked.forEach(function (value) { checkIndex(q, value, size, "each ticked rubric item"); });
    if (!response.text.trim()) return unanswered(size);
    var marks = {};
    ticked.forEach(function (i) { marks[String(i)] = "right"; });
    return result("self-assessed", ticked.length, size, marks, []);
  }

  var GRADERS = {
    "single": gradeSingle,
    "multiple": gradeMultiple,
    "true-false": gradeTrueFalse,
    "matching": gradeMatching,
    "ordering": gradeOrdering,
    "find-in-text": gradeFindInText,
    "short-answer": gradeShortAnswer
  };

  /* Grade one response (JSON, shaped as grade.py's docstring says) to one question (the bank's JSON). */
  function grade(question, response) {
    var grader = GRADERS[question.type];
    if (!grader) throw new TypeError("not a question type: " + question.type);
    return grader(question, response);
  }

  /* ---------------------------------------------------------------- storage */

  function courseId() {
    var meta = document.querySelector('meta[name="medialit-course"]');
    return (meta && meta.getAttribute("content")) || "notebook";
  }

  function storeKey(course) {
    return KEY_PREFIX + STORE_VERSION + ":" + course;
  }

  function emptyStore(course) {
    return { version: STORE_VERSION, course: course, banks: {} };
  }

  function storage() {
    try {
      var probe = "medialit:probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* Read the saved answers. Storage that is damaged, or from another version of the course's
     format, is never thrown away and never breaks the page: it is kept aside and a notice says so. */
  function loadStore(course) {
    var local = storage();
    if (!local) {
      return { store: emptyStore(course), saving: false,
        notice: "This browser is not keeping answers (its storage is switched off), so they will be lost when you leave the page." };
    }
    var key = storeKey(course);
    var raw = local.getItem(key);
    if (raw === null) {
      for (var i = 0; i < local.length; i += 1) {
        var other = local.key(i);
        if (other && other.indexOf(KEY_PREFIX) === 0 && other !== key && other.slice(-(course.length + 1)) === ":" + course) {
          return { store: emptyStore(course), saving: true,
            notice: "Answers saved by another version of this course cannot be read here, so the quizzes start empty. The old answers are still kept in this browser." };
        }
      }
      return { store: emptyStore(course), saving: true, notice: null };
    }
    var data = null;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      data = null;
    }
    if (isPlainObject(data) && data.version === STORE_VERSION && data.course === course && isPlainObject(data.banks)) {
      return { store: data, saving: true, notice: null };
    }
    local.setItem("medialit:backup:" + course, raw);
    var why = isPlainObject(data) && isInt(data.version) && data.version !== STORE_VERSION
      ? "they were saved by another version of this course"
      : "the saved data is damaged";
    local.removeItem(key);
    return { store: emptyStore(course), saving: true,
      notice: "Your saved answers could not be read (" + why + "), so the quizzes start empty. A copy was kept in this browser." };
  }

  var state = null;

  function currentState() {
    if (!state) {
      var course = courseId();
      state = loadStore(course);
      state.course = course;
    }
    return state;
  }

  function saveStore() {
    var s = currentState();
    if (!s.saving) return;
    try {
      window.localStorage.setItem(storeKey(s.course), JSON.stringify(s.store));
    } catch (error) {
      s.saving = false;
      s.notice = "Your answers could not be saved (the browser's storage is full or switched off).";
      showNotices();
    }
  }

  /* A graded bank carries no key, so the page cannot grade it: its JSON gives each question's points. */
  function maxPoints(bank, q) {
    return bank.graded ? q.max_points : grade(q, null).max_points;
  }

  /* A written answer: its rubric points are the student's own, totalled apart from auto-marked points. */
  function isWritten(q) {
    return q.type === "short-answer";
  }

  /* The points that count for a saved answer: its first checked try's. Answers saved before first
     tries were kept (no "tries" field) count their last check, as they did then. */
  function firstPoints(saved) {
    if (!isPlainObject(saved)) return null;
    if (isPlainObject(saved.first) && isPlainObject(saved.first.result) && isInt(saved.first.result.points)) {
      return saved.first.result.points;
    }
    if (!isInt(saved.tries) && isPlainObject(saved.result) && isInt(saved.result.points)) return saved.result.points;
    return null;
  }

  function brief(outcome) {
    return { status: outcome.status, points: outcome.points, max_points: outcome.max_points };
  }

  function bankRecord(bank) {
    var banks = currentState().store.banks;
    var record = banks[bank.id];
    if (!isPlainObject(record) || !isPlainObject(record.questions)) {
      record = { title: bank.title, chapter: bank.chapter, questions: {} };
      banks[bank.id] = record;
    }
    record.title = bank.title;
    record.chapter = bank.chapter;
    record.max_points = bank.questions.reduce(function (sum, q) { return isWritten(q) ? sum : sum + maxPoints(bank, q); }, 0);
    record.self_max = bank.graded ? 0 : bank.questions.reduce(function (sum, q) { return isWritten(q) ? sum + maxPoints(bank, q) : sum; }, 0);
    record.graded = bank.graded === true;
    record.question_count = bank.questions.length;
    return record;
  }

  function showNotices() {
    var notice = currentState().notice;
    document.querySelectorAll(".mlq-notice").forEach(function (element) {
      element.textContent = notice || "";
      element.hidden = !notice;
    });
  }

  /* ---------------------------------------------------------------- one question on the page */

  function inputs(element, selector) {
    return Array.prototype.slice.call(element.querySelectorAll(selector));
  }

  function readResponse(element, q) {
    var checked = inputs(element, "fieldset > .mlq-options input:checked");
    switch (q.type) {
      case "single":
        return checked.length ? Number(checked[0].value) : null;
      case "true-false":
        return checked.length ? checked[0].value === "true" : null;
      case "multiple":
      case "find-in-text":
        return checked.map(function (input) { return Number(input.value); }).sort(byNumber);
      case "matching":
        return inputs(element, ".mlq-pair select").map(function (select) {
          return select.value === "" ? null : Number(select.value);
        });
      case "ordering":
        return inputs(element, ".mlq-item").map(function (item) { return Number(item.getAttribute("data-mlq-part")); });
      case "short-answer":
        return {
          text: element.querySelector("textarea").value,
          ticked: inputs(element, ".mlq-rubric input:checked").map(function (input) { return Number(input.value); })
        };
    }
    return null;
  }

  function writeResponse(element, q, response) {
    if (response === null || response === undefined) return;
    switch (q.type) {
      case "single":
      case "true-false":
        inputs(element, "fieldset > .mlq-options input").forEach(function (input) {
          input.checked = input.value === String(response);
        });
        break;
      case "multiple":
      case "find-in-text":
        inputs(element, "fieldset > .mlq-options input").forEach(function (input) {
          input.checked = response.indexOf(Number(input.value)) >= 0;
        });
        break;
      case "matching":
        inputs(element, ".mlq-pair select").forEach(function (select, i) {
          select.value = response[i] === null ? "" : String(response[i]);
        });
        break;
      case "ordering": {
        var list = element.querySelector(".mlq-order");
        response.forEach(function (index) {
          var item = list.querySelector('.mlq-item[data-mlq-part="' + index + '"]');
          if (item) list.appendChild(item);
        });
        break;
      }
      case "short-answer":
        element.querySelector("textarea").value = response.text;
        inputs(element, ".mlq-rubric input").forEach(function (input) {
          input.checked = response.ticked.indexOf(Number(input.value)) >= 0;
        });
        break;
    }
  }

  var MARK_TEXT = {
    right: "✓ right",
    wrong: "✗ not right",
    missed: "← the right answer"
  };
  var MARK_TEXT_BY_TYPE = {
    "matching": { missed: "not matched" },
    "ordering": { wrong: "✗ wrong place", right: "✓ right place" }
  };

  var STATUS_TEXT = {
    "correct": "Correct.",
    "partial": "Partly right.",
    "incorrect": "Not right yet.",
    "unanswered": "Not answered yet.",
    "self-assessed": "Self-assessed."
  };

  function pointsText(points, maxPoints) {
    return points + " of " + maxPoints + (maxPoints === 1 ? " point" : " points");
  }

  function rubricText(points, maxPoints) {
    return points + " of " + maxPoints + (maxPoints === 1 ? " rubric point" : " rubric points");
  }

  function clearMarks(element) {
    inputs(element, "[data-mlq-part]").forEach(function (part) {
      part.classList.remove("mlq-right", "mlq-wrong", "mlq-missed");
      var mark = part.querySelector(".mlq-mark");
      if (mark) mark.textContent = "";
    });
  }

  /* A part's mark ("✓ right"…), made the first time it is needed: after the part's text, before an
     ordering item's Move buttons (a page without scripts has no marks to show, so none are written). */
  function markSlot(part) {
    var slot = part.querySelector(".mlq-mark");
    if (!slot) {
      var moves = part.querySelector(".mlq-moves");
      slot = document.createElement("span");
      slot.className = "mlq-mark";
      part.insertBefore(document.createTextNode(" "), moves);
      part.insertBefore(slot, moves);
    }
    return slot;
  }

  function afterRevealText(first) {
    return "This try came after the answer was shown, so it does not change your score: your first try stands at " +
      pointsText(first.points, first.max_points) + ".";
  }

  /* Show a verdict. ``first`` is the first try's result when this is a later try: its points stand. */
  function showResult(element, q, outcome, first) {
    clearMarks(element);
    if (q.type !== "short-answer") {
      Object.keys(outcome.marks).forEach(function (key) {
        var partKey = key;
        if (q.type === "true-false") {
          var chosen = element.querySelector("fieldset > .mlq-options input:checked");
          partKey = "answer-" + (chosen ? chosen.value : "");
        }
        var part = element.querySelector('[data-mlq-part="' + partKey + '"]');
        if (!part) return;
        var mark = outcome.marks[key];
        part.classList.add("mlq-" + mark);
        var label = (MARK_TEXT_BY_TYPE[q.type] || {})[mark] || MARK_TEXT[mark];
        markSlot(part).textContent = label;
      });
    }
    var region = element.querySelector(".mlq-feedback");
    region.textContent = "";
    var summary = document.createElement("p");
    var verdict = document.createElement("strong");
    verdict.textContent = STATUS_TEXT[outcome.status];
    summary.appendChild(verdict);
    if (outcome.status === "self-assessed") {
      summary.appendChild(document.createTextNode(Object.keys(outcome.marks).length
        ? " You ticked " + rubricText(outcome.points, outcome.max_points) + "."
        : " Compare your answer with the model answer, then tick each rubric item it meets."));
    } else if (outcome.status !== "unanswered") {
      summary.appendChild(document.createTextNode(" " + pointsText(outcome.points, outcome.max_points) + "."));
    }
    region.appendChild(summary);
    if (first) {
      var later = document.createElement("p");
      later.className = "mlq-after-reveal";
      later.textContent = afterRevealText(first);
      region.appendChild(later);
    }
    if (outcome.feedback.length) {
      var list = document.createElement("ul");
      outcome.feedback.forEach(function (text) {
        var item = document.createElement("li");
        item.textContent = text;
        list.appendChild(item);
      });
      region.appendChild(list);
    }
    region.classList.remove("mlq-status-correct", "mlq-status-partial", "mlq-status-incorrect", "mlq-status-unanswered", "mlq-status-self-assessed");
    region.classList.add("mlq-status-" + outcome.status);
    var explanation = element.querySelector(".mlq-explanation");
    if (outcome.status !== "unanswered") explanation.hidden = false;
    var model = element.querySelector(".mlq-model");
    if (model && outcome.status !== "unanswered") model.hidden = false;
  }

  function announce(section, text) {
    var region = section.querySelector(".mlq-announce");
    if (region) {
      region.textContent = "";
      window.setTimeout(function () { region.textContent = text; }, 50);
    }
  }

  function updateScore(section, bank) {
    var record = bankRecord(bank);
    if (bank.graded) {
      var answered = bank.questions.filter(function (q) { return hasAnswer(record.questions[q.id]); }).length;
      section.querySelector(".mlq-score").textContent = answered + " of " + bank.questions.length +
        " questions answered. Your teacher marks this quiz.";
      return;
    }
    var sums = totals(record, writtenIds(bank));
    var checkable = bank.questions.filter(function (q) { return !isWritten(q); }).length;
    var line = "Your score: " + pointsText(sums.points, record.max_points) + " on first tries (" + sums.checked + " of " +
      checkable + " questions checked).";
    if (record.self_max) {
      line += " Self-assessed written answers: " + rubricText(sums.self, record.self_max) + ".";
    }
    section.querySelector(".mlq-score").textContent = line;
  }

  function writtenIds(bank) {
    return bank.questions.filter(isWritten).map(function (q) { return q.id; });
  }

  /* Whether a saved answer says anything (an empty selection or text is no answer). */
  function hasAnswer(saved) {
    if (!isPlainObject(saved)) return false;
    var response = saved.response;
    if (response === null || response === undefined) return false;
    if (Array.isArray(response)) return response.some(function (v) { return v !== null; });
    if (isPlainObject(response)) return typeof response.text === "string" && response.text.trim() !== "";
    return true;
  }

  /* Keep the current answer (and its verdict, if checked); the first try and the count of tries stay. */
  function save(bank, q, response, outcome) {
    var record = bankRecord(bank);
    var earlier = record.questions[q.id];
    var entry = { response: response, result: outcome ? brief(outcome) : null, saved_at: new Date().toISOString() };
    if (isPlainObject(earlier)) {
      if (isPlainObject(earlier.first)) entry.first = earlier.first;
      if (isInt(earlier.tries)) entry.tries = earlier.tries;
    }
    record.questions[q.id] = entry;
    saveStore();
    return entry;
  }

  function showRetry(element, shown) {
    var retry = element.querySelector(".mlq-retry");
    if (retry) retry.hidden = !shown;
  }

  /* Check the answer. The first check with an answer is the one that counts; later ones still get
     their verdict and feedback, with a line saying the first try's points stand. */
  function check(section, bank, element, q) {
    var response = readResponse(element, q);
    var outcome = grade(q, response);
    var answered = outcome.status !== "unanswered";
    var entry = save(bank, q, response, answered ? outcome : null);
    var first = null;
    if (answered && !isWritten(q)) {
      entry.tries = (isInt(entry.tries) ? entry.tries : 0) + 1;
      if (isPlainObject(entry.first)) first = entry.first.result;
      else entry.first = { response: response, result: brief(outcome) };
      saveStore();
      showRetry(element, true);
    }
    showResult(element, q, outcome, first);
    updateScore(section, bank);
    return outcome;
  }

  /* "Try again": the choice is cleared and nothing is marked; the first try's points stand. */
  function tryAgain(section, bank, element, q) {
    clearInputs(element, q);
    clearMarks(element);
    var region = element.querySelector(".mlq-feedback");
    region.className = "mlq-feedback";
    var entry = save(bank, q, readResponse(element, q), null);
    region.textContent = isPlainObject(entry.first) && isPlainObject(entry.first.result)
      ? "Your choice is cleared. Your first try stands at " + pointsText(entry.first.result.points, entry.first.result.max_points) + "."
      : "Your choice is cleared.";
    showRetry(element, false);
    updateScore(section, bank);
    var control = element.querySelector("fieldset input, fieldset select, fieldset button");
    if (control) control.focus();
  }

  /* Put a question's controls back as they were first shown. */
  function clearInputs(element, q) {
    inputs(element, "fieldset > .mlq-options input").forEach(function (input) { input.checked = false; });
    inputs(element, ".mlq-pair select").forEach(function (select) { select.value = ""; });
    if (q.type === "ordering") {
      var start = (element.getAttribute("data-mlq-start") || "").split(",").filter(Boolean).map(Number);
      writeResponse(element, q, start);
      updateMoves(element);
    }
  }

  /* An answer changed after (or before) a check: keep it as a draft, and take away the verdict
     and marks of the earlier answer, so that what the page shows, what is saved and the score agree. */
  function draft(section, bank, element, q) {
    clearMarks(element);
    var region = element.querySelector(".mlq-feedback");
    region.textContent = "";
    region.className = "mlq-feedback";
    save(bank, q, readResponse(element, q), null);
    updateScore(section, bank);
  }

  /* Move up on the first item and Move down on the last do nothing: they say so (aria-disabled keeps
     them focusable, so a keyboard user's focus stays where it was after a move to an end). */
  function updateMoves(element) {
    var items = inputs(element, ".mlq-item");
    items.forEach(function (item, i) {
      item.querySelector(".mlq-up").setAttribute("aria-disabled", i === 0 ? "true" : "false");
      item.querySelector(".mlq-down").setAttribute("aria-disabled", i === items.length - 1 ? "true" : "false");
    });
  }

  function moveItem(section, element, item, step) {
    var list = item.parentNode;
    var items = inputs(list, ".mlq-item");
    var from = items.indexOf(item);
    var to = from + step;
    var text = item.querySelector(".mlq-text").textContent;
    if (to < 0 || to >= items.length) {
      announce(section, text + " is already " + (to < 0 ? "first." : "last."));
      return false;
    }
    if (step < 0) list.insertBefore(item, items[to]);
    else list.insertBefore(item, items[to].nextSibling);
    updateMoves(element);
    announce(section, text + " moved to position " + (to + 1) + " of " + items.length + ".");
    return true;
  }

  /* The Move up / Move down buttons of an ordering question; ``moved`` runs after each real move. */
  function wireMoves(section, element, moved) {
    updateMoves(element);
    inputs(element, ".mlq-item").forEach(function (item) {
      [[".mlq-up", -1], [".mlq-down", 1]].forEach(function (pair) {
        item.querySelector(pair[0]).addEventListener("click", function (event) {
          var button = event.currentTarget;
          if (moveItem(section, element, item, pair[1])) moved();
          button.focus();
        });
      });
    });
  }

  /* A graded question: answers are saved as they change, and Save answer says so; nothing is marked. */
  function enhanceGradedQuestion(section, bank, element, q) {
    var record = bankRecord(bank);
    var region = element.querySelector(".mlq-feedback");
    function keep() {
      save(bank, q, readResponse(element, q), null);
      updateScore(section, bank);
    }
    element.querySelector(".mlq-save").addEventListener("click", function () {
      keep();
      region.textContent = hasAnswer(record.questions[q.id])
        ? "Your answer is saved in this browser. Your teacher will mark it."
        : "There is no answer to save yet.";
    });
    wireMoves(section, element, keep);
    element.querySelector("fieldset").addEventListener("change", function () { region.textContent = ""; keep(); });
    var textarea = element.querySelector("textarea");
    if (textarea) textarea.addEventListener("input", function () { region.textContent = ""; keep(); });
    var saved = record.questions[q.id];
    if (isPlainObject(saved)) writeResponse(element, q, saved.response);
  }

  function enhanceQuestion(section, bank, element, q) {
    if (bank.graded) {
      enhanceGradedQuestion(section, bank, element, q);
      return;
    }
    var record = bankRecord(bank);
    if (q.type === "ordering") element.setAttribute("data-mlq-start", readResponse(element, q).join(","));
    element.querySelector(".mlq-check").addEventListener("click", function () {
      check(section, bank, element, q);
    });
    var retry = element.querySelector(".mlq-retry");
    if (retry) retry.addEventListener("click", function () { tryAgain(section, bank, element, q); });
    wireMoves(section, element, function () { draft(section, bank, element, q); });
    if (q.type !== "short-answer" && q.type !== "ordering") {
      element.querySelector("fieldset").addEventListener("change", function () { draft(section, bank, element, q); });
    }
    if (q.type === "short-answer") {
      element.querySelector("textarea").addEventListener("input", function () {
        var saved = record.questions[q.id];
        var response = readResponse(element, q);
        var outcome = saved && saved.result ? grade(q, response) : null;
        save(bank, q, response, outcome && outcome.status !== "unanswered" ? outcome : null);
        updateScore(section, bank);
      });
      inputs(element, ".mlq-rubric input").forEach(function (input) {
        input.addEventListener("change", function () { check(section, bank, element, q); });
      });
    }
    var saved = record.questions[q.id];
    if (!isPlainObject(saved)) return;
    try {
      var outcome = grade(q, saved.response);
      writeResponse(element, q, saved.response);
      if (q.type === "ordering") updateMoves(element);
      var later = isInt(saved.tries) && saved.tries > 1 && isPlainObject(saved.first) ? saved.first.result : null;
      if (isPlainObject(saved.result)) showResult(element, q, outcome, later);
      showRetry(element, !isWritten(q) && isPlainObject(saved.result));
    } catch (error) {
      if (!(error instanceof ResponseError)) throw error;
      delete record.questions[q.id]; /* an answer to an older version of this question */
    }
  }

  function made(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  function labelled(label, text) {
    var line = made("p");
    line.appendChild(made("span", "mlq-label", label));
    line.appendChild(document.createTextNode(" " + text));
    return line;
  }

  /* What only a script can use, added after the question's fieldset: the Check answer (or Save
     answer) button, the feedback region, and the explanation with its paragraphs, shown after
     checking. Without a script the page shows neither buttons that do nothing nor the key. */
  function addControls(element, bank, q) {
    var actions = made("div", "mlq-actions");
    var region = made("div", "mlq-feedback");
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    element.appendChild(actions);
    element.appendChild(region);
    if (bank.graded) {
      actions.appendChild(made("button", "mlq-save", "Save answer"));
    } else {
      actions.appendChild(made("button", "mlq-check", isWritten(q) ? "Compare with the model answer" : "Check answer"));
      if (!isWritten(q)) {
        var retry = made("button", "mlq-retry", "Try again");
        retry.hidden = true;
        actions.appendChild(document.createTextNode(" "));
        actions.appendChild(retry);
      }
      var explanation = made("div", "mlq-explanation");
      explanation.hidden = true;
      explanation.appendChild(labelled("Why:", q.explanation));
      /* The paragraphs as the course cites them (article.paragraph_labels): "P2, P13". */
      explanation.appendChild(labelled("In the article:", q.paragraphs.map(function (n) { return "P" + n; }).join(", ")));
      explanation.lastChild.className = "mlq-refs";
      element.appendChild(explanation);
    }
    inputs(actions, "button").forEach(function (button) { button.type = "button"; });
  }

  /* The page's data block leaves out the texts its markup shows (render_html.bank_data); put back
     those the grader reads, so that it grades the same question JSON the Python models dump. */
  function restoreFromPage(element, q) {
    function textOf(selector, index) {
      var text = element && element.querySelector(selector + '[data-mlq-part="' + index + '"] .mlq-text');
      return text ? text.textContent : "";
    }
    (q.options || []).forEach(function (option, i) {
      option.text = textOf(".mlq-option", i);
      option.correct = option.correct === true;
    });
    (q.items || []).forEach(function (item, i) { item.text = textOf(".mlq-item", i); });
    if (isInt(q.rubric_count)) {
      q.rubric = [];
      for (var i = 0; i < q.rubric_count; i += 1) q.rubric.push(textOf(".mlq-rubric .mlq-option", i));
      delete q.rubric_count;
    }
    return q;
  }

  function enhance(section) {
    if (section.getAttribute("data-mlq-ready") === "true") return;
    section.setAttribute("data-mlq-ready", "true");
    var bank = JSON.parse(section.querySelector("script.mlq-data").textContent);
    var announcer = document.createElement("p");
    announcer.className = "mlq-announce mlq-sr";
    announcer.setAttribute("aria-live", "polite");
    section.appendChild(announcer);
    var elements = bank.questions.map(function (q) {
      var element = section.querySelector('.mlq-question[data-mlq-question="' + q.id + '"]');
      if (!bank.graded) restoreFromPage(element, q);
      return element;
    });
    bank.questions.forEach(function (q, i) {
      if (!elements[i]) return;
      addControls(elements[i], bank, q);
      enhanceQuestion(section, bank, elements[i], q);
    });
    updateScore(section, bank);
  }

  /* ---------------------------------------------------------------- the progress page */

  function cell(row, tag, text) {
    var element = document.createElement(tag);
    element.textContent = text;
    row.appendChild(element);
    return element;
  }

  /* A quiz's sums from its saved answers: first-try points of the auto-marked questions, and apart
     from them the rubric points of the written answers (``written``: their question ids). */
  function totals(record, written) {
    var sums = { points: 0, checked: 0, answered: 0, self: 0 };
    Object.keys((record && record.questions) || {}).forEach(function (id) {
      var saved = record.questions[id];
      if (hasAnswer(saved)) sums.answered += 1;
      if (written.indexOf(id) >= 0) {
        if (isPlainObject(saved) && isPlainObject(saved.result) && isInt(saved.result.points)) sums.self += saved.result.points;
        return;
      }
      var points = firstPoints(saved);
      if (points !== null) {
        sums.points += points;
        sums.checked += 1;
      }
    });
    return sums;
  }

  function renderProgress(element, manifest) {
    var store = currentState().store;
    var body = element.querySelector("tbody");
    body.textContent = "";
    var allPoints = 0;
    var allMax = 0;
    var allSelf = 0;
    var allSelfMax = 0;
    manifest.banks.forEach(function (bank) {
      var sums = totals(store.banks[bank.id], bank.written);
      if (!bank.graded) {
        allPoints += sums.points;
        allMax += bank.max_points;
        allSelf += sums.self;
        allSelfMax += bank.self_max;
      }
      var row = document.createElement("tr");
      var head = document.createElement("th");
      head.setAttribute("scope", "row");
      var link = document.createElement("a");
      link.href = bank.url;
      link.textContent = bank.title;
      head.appendChild(link);
      row.appendChild(head);
      cell(row, "td", bank.chapter_title);
      if (bank.graded) {
        cell(row, "td", sums.answered + " of " + bank.questions + " answered");
        cell(row, "td", "marked by your teacher");
        cell(row, "td", "marked by your teacher");
      } else {
        cell(row, "td", sums.checked + " of " + bank.checkable);
        cell(row, "td", pointsText(sums.points, bank.max_points));
        cell(row, "td", bank.self_max ? rubricText(sums.self, bank.self_max) : "none in this quiz");
      }
      body.appendChild(row);
    });
    element.querySelector(".mlq-total").textContent = pointsText(allPoints, allMax);
    element.querySelector(".mlq-self-total").textContent = rubricText(allSelf, allSelfMax);
  }

  /* The student's name as a file-name part: lower-case letters and digits joined by hyphens. */
  function nameSlug(name) {
    return name.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
  }

  function studentName() {
    var name = currentState().store.student;
    return typeof name === "string" ? name : "";
  }

  /* Each saved answer as the results file gives it: the final answer, the first try and the tries. */
  function resultsAnswers(record, written) {
    var answers = {};
    Object.keys(record.questions || {}).forEach(function (id) {
      var saved = record.questions[id];
      if (!isPlainObject(saved)) return;
      var first = null;
      if (written.indexOf(id) < 0) {
        first = isPlainObject(saved.first) ? saved.first : (!isInt(saved.tries) && saved.result ? saved : null);
      }
      answers[id] = {
        response: saved.response === undefined ? null : saved.response,
        result: saved.result || null,
        first_response: first ? first.response : null,
        first_result: first ? first.result : null,
        tries: isInt(saved.tries) ? saved.tries : (first ? 1 : 0),
        saved_at: saved.saved_at || null
      };
    });
    return answers;
  }

  function download(manifest) {
    var s = currentState();
    var student = studentName().trim();
    var results = {
      format: "medialit-results",
      version: RESULTS_VERSION,
      course: s.course,
      student: student,
      exported_at: new Date().toISOString(),
      quizzes: manifest.banks.map(function (bank) {
        var record = s.store.banks[bank.id] || { questions: {} };
        var sums = totals(record, bank.written);
        if (bank.graded) {
          return { id: bank.id, title: bank.title, chapter: bank.chapter_title, graded: true,
            max_points: bank.max_points, questions_answered: sums.answered, questions: bank.questions,
            answers: record.questions || {} };
        }
        return { id: bank.id, title: bank.title, chapter: bank.chapter_title, points: sums.points,
          max_points: bank.max_points, self_assessed_points: sums.self, self_assessed_max: bank.self_max,
          questions_checked: sums.checked, questions: bank.questions, answers: resultsAnswers(record, bank.written) };
      })
    };
    var blob = new Blob([JSON.stringify(results, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    var slug = nameSlug(student);
    link.download = "medialit-results-" + s.course + (slug ? "-" + slug : "") + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function enhanceProgress(element) {
    if (element.getAttribute("data-mlq-ready") === "true") return;
    element.setAttribute("data-mlq-ready", "true");
    var manifest = JSON.parse(element.querySelector("script.mlq-manifest").textContent);
    var status = element.querySelector(".mlq-progress-status");
    var confirmBox = element.querySelector(".mlq-confirm");
    var nameField = element.querySelector(".mlq-student-name");
    renderProgress(element, manifest);
    if (nameField) {
      nameField.value = studentName();
      nameField.addEventListener("input", function () {
        currentState().store.student = nameField.value;
        saveStore();
      });
    }
    element.querySelector(".mlq-download").addEventListener("click", function () {
      download(manifest);
      status.textContent = "Your results file was downloaded.";
    });
    element.querySelector(".mlq-print").addEventListener("click", function () { window.print(); });
    element.querySelector(".mlq-reset").addEventListener("click", function () {
      confirmBox.hidden = false;
      confirmBox.querySelector(".mlq-reset-yes").focus();
    });
    confirmBox.querySelector(".mlq-reset-no").addEventListener("click", function () {
      confirmBox.hidden = true;
      element.querySelector(".mlq-reset").focus();
      status.textContent = "Nothing was erased.";
    });
    confirmBox.querySelector(".mlq-reset-yes").addEventListener("click", function () {
      var s = currentState();
      s.store = emptyStore(s.course);
      saveStore();
      if (nameField) nameField.value = "";
      confirmBox.hidden = true;
      renderProgress(element, manifest);
      element.querySelector(".mlq-reset").focus();
      status.textContent = "All your answers in this course, and your name, were erased from this browser.";
    });
    element.querySelector(".mlq-controls").hidden = false;
  }

  function enhanceAll() {
    inputs(document, "section.mlq-quiz").forEach(enhance);
    inputs(document, ".mlq-progress").forEach(enhanceProgress);
    showNotices();
  }

  window.MedialitQuiz = {
    grade: grade, ResponseError: ResponseError, enhanceAll: enhanceAll, storeKey: storeKey, restoreFromPage: restoreFromPage
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
}());
