# Reciprocity Hub. Every target sets up what it needs on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
PELICAN := $(BIN)/pelican
PYBABEL := $(BIN)/pybabel
# the checkers of the built site (Nu HTML checker, axe-core, the sitemap schema, Lighthouse), pinned in package-lock.json
NODE_READY := node_modules/.ready

CONTENT := content
OUTPUT := output
CONF := pelicanconf.py
PUBLISHCONF := publishconf.py
HOST ?= 127.0.0.1
PORT ?= 8000

CATALOG_DIR := translations
TEMPLATE_CATALOG := $(CATALOG_DIR)/messages.pot
CATALOGS := $(wildcard $(CATALOG_DIR)/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGS:.po=.mo)

.DEFAULT_GOAL := help
.PHONY: help venv translations translations-update translations-init translations-status translations-mark new-tip check html serve devserver publish freebie-links test audit clean lock

help:
	@echo "make serve                 build the sample site and serve it on http://$(HOST):$(PORT), with the live headers"
	@echo "make test                  run the whole test suite"
	@echo "make bench                 time builds of six corpus shapes against stock Pelican (TIPS=1000, SHAPES=short,long)"
	@echo "make audit                 Lighthouse scores of a tip and a home page of the live build"
	@echo "make check                 check every tip, page and freebie; one line per problem"
	@echo "make translations-status   every tip's languages: current, outdated, untracked or missing"
	@echo "make translations-mark FILES=\"…\"   record that translations are up to date with the source"
	@echo "make new-tip NAME=x        start a tip in every language (as drafts)"
	@echo "make html                  build the site into $(OUTPUT)/"
	@echo "make devserver             rebuild on every save, with live reload in the browser"
	@echo "make publish               build with $(PUBLISHCONF), check, then replace $(OUTPUT)/ (and deploy)"
	@echo "make rsync_upload / github / s3_upload   upload $(OUTPUT)/ (DEPLOY=rsync|github|s3 makes publish do it)"
	@echo "make freebie-links         print the delivery URL of every gated freebie (needs FREEBIE_SECRET)"
	@echo "make translations          compile the UI catalogs"
	@echo "make translations-update   extract UI strings and update every catalog"
	@echo "make translations-init CODE=xx   start the catalog of a new language"
	@echo "make clean                 remove built files"

$(READY): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

venv: $(READY)

# no install scripts: vnu-jar's would fetch a Java runtime, and the system's java is the one to use
$(NODE_READY): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# compiled as the build reads a catalog: a string it cannot use is named and left out, and never stops `make html`
$(CATALOG_DIR)/%/LC_MESSAGES/messages.mo: $(CATALOG_DIR)/%/LC_MESSAGES/messages.po | $(READY)
	PYTHONPATH=.:plugins $(BIN)/python -m ui_translations -s $(CONF) $< $@

translations: $(COMPILED)

# no --previous: Babel writes an entry's old msgid as `#| msgid` when it turns fuzzy, but reads that line back as a
# translator's comment, which then stays on the entry for good, long after it is translated again; the fuzzy flag
# and the new msgid are what a translator needs, and `git diff` of the .pot shows what changed
translations-update: $(READY)
	$(PYBABEL) extract -F babel.cfg --add-comments=Translators: --sort-by-file \
		--project="Reciprocity Hub" --copyright-holder="Reciprocity Hub" -o $(TEMPLATE_CATALOG) .
	$(PYBABEL) update -i $(TEMPLATE_CATALOG) -d $(CATALOG_DIR) --ignore-obsolete

translations-init: $(READY)
	@test -n "$(CODE)" || { echo "usage: make translations-init CODE=xx"; exit 2; }
	$(PYBABEL) init -i $(TEMPLATE_CATALOG) -d $(CATALOG_DIR) -l $(CODE)

check: $(READY)
	PYTHONPATH=.:plugins $(BIN)/python -m content_checks -s $(CONF)

translations-status: $(READY)
	PYTHONPATH=.:plugins $(BIN)/python -m translation_status status -s $(CONF)

translations-mark: $(READY)
	@test -n "$(FILES)" || { echo 'usage: make translations-mark FILES="content/tips/x.fr.md ..."'; exit 2; }
	PYTHONPATH=.:plugins $(BIN)/python -m translation_status mark -s $(CONF) $(FILES)

new-tip: $(READY)
	@test -n "$(NAME)" || { echo "usage: make new-tip NAME=thank-you-cards"; exit 2; }
	PYTHONPATH=.:plugins $(BIN)/python -m translation_status new-tip -s $(CONF) $(NAME)

# under the output folder's lock, without the publish marker: the upload targets refuse a development build
html: $(READY) translations
	$(BIN)/python scripts/dev_build.py $(OUTPUT) -- $(PELICAN) $(CONTENT) -o $(OUTPUT) -s $(CONF)

serve: html
	$(BIN)/python scripts/serve.py $(OUTPUT) --host $(HOST) --port $(PORT)

devserver: $(READY) translations
	$(BIN)/python scripts/devserver.py --host $(HOST) --port $(PORT)

publish: $(READY) translations
	$(BIN)/python scripts/publish.py -s $(PUBLISHCONF) -o $(OUTPUT)
	@$(MAKE) --no-print-directory deploy

freebie-links: $(READY)
	PYTHONPATH=.:plugins $(BIN)/python -m freebies.links $(PUBLISHCONF)

# the Debian packages first (installed as root, else named, and nothing is set up); then the rest, then the tests
test:
	@$(PYTHON) scripts/system_packages.py
	@$(MAKE) --no-print-directory $(READY) translations $(NODE_READY)
	$(BIN)/pytest

audit: $(READY) translations $(NODE_READY)
	$(BIN)/python scripts/audit.py

lock: $(READY)
	$(BIN)/pip install --quiet -r requirements.txt
	{ echo "# Exact versions of everything installed, direct and indirect (\`make lock\` rewrites it)."; \
	  $(BIN)/pip freeze --exclude pip; } > requirements.lock

clean:
	rm -rf $(OUTPUT) .pytest_cache build/screenshots
	find . -name __pycache__ -not -path "./$(VENV)/*" -prune -exec rm -rf {} +
	rm -f $(COMPILED)

include deploy.mk
include bench.mk
