# Every command a newcomer needs. `make help` lists them.
# The virtual environment lives in .venv and is rebuilt when the pinned set changes.

PYTHON ?= $(shell command -v python3.11 || command -v python3.10 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements/lock.txt requirements/rasa.txt | cksum | cut -d' ' -f1)
RASA := $(BIN)/rasa
# Rasa's own flags for this layout: config and domain live in bot/, data in data/.
RASA_PATHS := --config bot/config.yml --domain bot/domain
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help install run test lint train validate eval bench profile soak shell clean lock browser i18n catalogues

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: $(STAMP) ## Create .venv and install the pinned set

$(STAMP): requirements/lock.txt requirements/rasa.txt
	@echo "Installing the pinned set into $(VENV) with $(PYTHON)"
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --no-deps -r requirements/lock.txt
	@# Rasa and its SDK declare Requires-Python <3.11; their dependencies come from lock.txt.
	$(BIN)/pip install --quiet --no-deps --ignore-requires-python -r requirements/rasa.txt
	touch $@

TRAINING_FILES := bot/config.yml $(shell find bot/domain data -name '*.yml')
MODEL_STAMP := models/.trained

train: $(MODEL_STAMP) ## Train the model if its config, domain or data changed

# Rasa's fingerprint cache (.rasa/) retrains only the components whose inputs changed;
# the stamp skips packaging a new model when nothing did. Only the newest model is kept.
$(MODEL_STAMP): $(STAMP) $(TRAINING_FILES)
	$(RASA) train $(RASA_PATHS) --data data --out models $(if $(CI),--quiet)
	ls -t models/*.tar.gz | tail -n +2 | xargs -r rm --
	touch $@

validate: install ## Check the training data and domain for conflicts
	$(RASA) data validate $(RASA_PATHS) --data data

# ---- Translations (common/i18n/, docs/translations.md) ------------------------------
I18N := common/i18n
# One folder per language besides English; common/i18n's SUPPORTED_LOCALES says which
# (tests/test_safety_facts.py holds the two together; CONTRIBUTING.md, a new language).
LOCALES := $(notdir $(patsubst %/,%,$(wildcard $(I18N)/locales/*/)))
PYBABEL := PYTHONPATH=. $(BIN)/pybabel
# Which sources each catalogue (gettext domain) is extracted from.
SOURCES_responses := bot/domain
SOURCES_actions := actions gateway
SOURCES_directory := services_directory
SOURCES_widget := web_widget
DOMAINS := responses actions directory widget
MO_FILES := $(foreach l,$(LOCALES),$(foreach d,$(DOMAINS),$(I18N)/locales/$(l)/LC_MESSAGES/$(d).mo))

i18n: install ## Extract the words people read, update every catalogue, compile them
	$(foreach d,$(DOMAINS),$(PYBABEL) extract --no-wrap --omit-header --sort-by-file \
	  -F $(I18N)/babel.cfg -k N_ -k t -c "i18n:" --add-location=file \
	  -o $(I18N)/locales/$(d).pot $(SOURCES_$(d)) >/dev/null &&) true
	@for d in $(DOMAINS); do for l in $(LOCALES); do \
	  po=$(I18N)/locales/$$l/LC_MESSAGES/$$d.po; \
	  if [ -f $$po ]; then $(PYBABEL) update --no-wrap --no-fuzzy-matching --ignore-obsolete -D $$d -l $$l \
	    -i $(I18N)/locales/$$d.pot -o $$po || exit 1; \
	  else $(PYBABEL) init --no-wrap -D $$d -l $$l -i $(I18N)/locales/$$d.pot -o $$po || exit 1; \
	  fi; done; done
	$(MAKE) --no-print-directory catalogues

catalogues: $(MO_FILES) ## Compile the catalogues (make run and make test do this)

$(I18N)/locales/%.mo: $(I18N)/locales/%.po | $(STAMP)
	$(PYBABEL) compile -i $< -o $@

run: train catalogues ## Start Redis, Rasa, the action server and the gateway
	$(BIN)/python -m tools.launcher

test: train catalogues lint browser ## Install what tests need and run the whole suite
	$(BIN)/python -m pytest

# The widget's tests drive Debian's Chromium (a test tool's own browser download
# cannot work offline). Elsewhere, set CHROMIUM_PATH to a local Chrome or Chromium.
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

browser: $(CHROMIUM_PATH) ## Install Debian's chromium for the browser tests

$(CHROMIUM_PATH):
	@command -v apt-get >/dev/null || { echo "No apt-get: set CHROMIUM_PATH to a Chrome or Chromium"; exit 1; }
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

lint: install tests/widget/eslint/node_modules/.installed ## ruff, the layer contracts (import-linter), the type checker (mypy) and ESLint (the widget)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	tests/widget/eslint/node_modules/.bin/eslint --max-warnings 0 --config tests/widget/eslint/eslint.config.js web_widget

# ESLint for widget.js, pinned in tests/widget/eslint/package-lock.json (npm and its registry).
tests/widget/eslint/node_modules/.installed: tests/widget/eslint/package-lock.json
	npm ci --prefix tests/widget/eslint --no-audit --no-fund
	touch $@

eval: train catalogues ## Measure urgency recall, false alarms and intent F1 on held-out messages
	$(BIN)/python -m tools.evaluation

bench: train catalogues ## Latency, messages/s and Rasa's CPU per turn, before and after
	$(BIN)/python -m tools.benchmark $(ARGS)

profile: train catalogues ## Where Rasa's CPU goes under load (py-spy), by part
	$(BIN)/python -m tools.profiling $(ARGS)

soak: train catalogues ## 200 conversations at human pace for 5 min, killing parts midway
	$(BIN)/python -m tools.soak $(ARGS)

shell: train catalogues ## Talk to the bot in the terminal (starts Redis and the action server too)
	$(BIN)/python -m tools.launcher shell

lock: ## Re-resolve requirements/*.in into lock.txt (needs the registries)
	rm -rf /tmp/lock-venv && $(PYTHON) -m venv /tmp/lock-venv
	/tmp/lock-venv/bin/pip install --quiet -r requirements/rasa-deps.in -r requirements/app.in
	{ sed -n '1,3p' requirements/lock.txt; /tmp/lock-venv/bin/pip freeze --all | grep -vE '^pip=='; } > requirements/lock.new
	mv requirements/lock.new requirements/lock.txt

clean: ## Remove the environment, models and caches
	rm -rf $(VENV) models .pytest_cache .ruff_cache
