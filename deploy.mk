# Deploy targets: upload the built site in $(OUTPUT)/ with rsync over SSH, to GitHub Pages or to an S3 bucket.
# The Makefile includes this file after defining OUTPUT, BIN and READY; `make publish` ends with `$(MAKE) deploy`.
# Every setting can be given in the Makefile, in the environment or on the command line (make VAR=...).
# The three tools are idempotent: a deploy that failed midway is finished by running the same command again.

ifndef READY
$(error deploy.mk: include it after OUTPUT, BIN and READY are defined)
endif

DEPLOY ?=

SSH_HOST ?=
SSH_PORT ?= 22
SSH_USER ?=
SSH_TARGET_DIR ?=
SSH_OPTS ?=
RSYNC_OPTS ?=

GITHUB_REPO_DIR ?= .
GITHUB_REMOTE ?= origin
GITHUB_PAGES_BRANCH ?= gh-pages
GITHUB_CNAME ?=
GITHUB_COMMIT_MESSAGE ?= Publish Reciprocity Hub

S3_BUCKET ?=
S3_ENDPOINT ?=
S3_REGION ?=
S3_OPTS ?=

.PHONY: deploy rsync_upload github s3_upload

# $(call deploy_quote,TEXT): TEXT as one single-quoted shell word.
deploy_quote = '$(subst ','\'',$(1))'

# $(call deploy_need,VAR): stop with a one-line message when the variable VAR is empty.
deploy_need = $(if $(strip $($(1))),true,{ echo $(call deploy_quote,make $@: $(1) is not set. \
	Set it in the Makefile$(,) in the environment (export $(1)=...) or on the command line (make $@ $(1)=...).) >&2; \
	exit 2; })
, := ,

# Refuse to upload anything but a finished build.
deploy_built = test -f $(call deploy_quote,$(OUTPUT)/index.html) || { \
	echo $(call deploy_quote,make $@: $(OUTPUT)/index.html does not exist: run make publish first.) >&2; exit 2; }

# The mark `make publish` leaves in the site it checked (the name hub/publish_marker.py gives it).
PUBLISH_MARKER := .published.json

# Files the host_headers plugin writes for the hosts, not for visitors (its HOST_HEADERS_FILES): the nginx
# include goes into nginx's configuration, `_headers` is read by Netlify and Cloudflare Pages, the list tells
# s3_upload which files to send with a year-long Cache-Control. `.htaccess` is uploaded: Apache reads it
# there and never serves it.
S3_IMMUTABLE_LIST := s3-immutable-files.txt
HOST_FILES := _headers nginx-headers.conf $(S3_IMMUTABLE_LIST)
S3_CACHE_IMMUTABLE ?= public, max-age=31536000, immutable
S3_CACHE_REVALIDATE ?= no-cache

# Refuse a folder `make publish` did not make, or one written into since: a development build's delivery pages
# use the public development secret. The mark itself holds nothing secret, and is left out where the tool allows.
deploy_published = marker=$(call deploy_quote,$(OUTPUT)/$(PUBLISH_MARKER)); \
	test -f "$$marker" || { echo $(call deploy_quote,make $@: $(OUTPUT)/ was not made by make publish (a development \
	build$(,) with the public development secret): run make publish first.) >&2; exit 2; }; \
	newer="$$(find $(call deploy_quote,$(OUTPUT)) \( -type f -o -type l \) -newer "$$marker" -print -quit)"; \
	test -z "$$newer" || { echo "make $@: $$newer was written after make publish made $(OUTPUT)/ (by a development \
	build?): run make publish again." >&2; exit 2; }

# $(call deploy_failed,TOOL): the line shown when the upload itself fails; exits with the tool's status.
deploy_failed = { status=$$?; echo "make $@: the deploy of $@ failed (exit $$status): the remote may be partly \
	updated; run the same command again to finish it ($(1) is idempotent)." >&2; exit $$status; }

deploy:
	@case $(call deploy_quote,$(strip $(DEPLOY))) in \
	  "") echo $(call deploy_quote,make deploy: no deploy target set (DEPLOY is empty); $(OUTPUT)/ is ready. \
	      Set DEPLOY=rsync$(,) github or s3 to upload it.) ;; \
	  rsync) $(MAKE) --no-print-directory rsync_upload ;; \
	  github) $(MAKE) --no-print-directory github ;; \
	  s3) $(MAKE) --no-print-directory s3_upload ;; \
	  *) echo $(call deploy_quote,make deploy: DEPLOY=$(strip $(DEPLOY)) is not a deploy target; \
	     use rsync$(,) github or s3 (or leave it empty).) >&2; exit 2 ;; \
	esac

# rsync compares checksums, so a re-run sends only what changed and leaves unchanged files (and their dates)
# alone; --delete-delay removes what is gone from $(OUTPUT)/ once everything new is in place. Permissions are
# made world-readable whatever they are locally (a build folder made by mkdtemp is private to its owner).
rsync_upload:
	@$(call deploy_need,SSH_HOST)
	@$(call deploy_need,SSH_PORT)
	@$(call deploy_need,SSH_TARGET_DIR)
	@$(deploy_built)
	@$(deploy_published)
	@command -v rsync >/dev/null || { echo $(call deploy_quote,make $@: rsync is not installed \
		(on Debian or Ubuntu: apt-get install rsync openssh-client).) >&2; exit 2; }
	@echo $(call deploy_quote,Uploading $(OUTPUT)/ to $(if $(SSH_USER),$(SSH_USER)@)$(SSH_HOST):$(SSH_TARGET_DIR) \
		(rsync over SSH$(,) port $(SSH_PORT)))
	@rsync --recursive --links --checksum --compress --itemize-changes --8-bit-output \
		--perms --chmod=D755,F644 --delete-delay --exclude=/$(PUBLISH_MARKER) $(HOST_FILES:%=--exclude=/%) $(RSYNC_OPTS) \
		-e $(call deploy_quote,ssh -p $(SSH_PORT) $(SSH_OPTS)) \
		$(call deploy_quote,$(OUTPUT)/) \
		$(call deploy_quote,$(if $(SSH_USER),$(SSH_USER)@)$(SSH_HOST):$(SSH_TARGET_DIR)) \
		|| $(call deploy_failed,rsync)

# ghp-import commits the whole of $(OUTPUT)/ as the new tip of the branch, on top of the remote's (fetched
# first), and pushes it; it works in the git repository GITHUB_REPO_DIR (the project itself by default).
github: $(READY)
	@$(call deploy_need,GITHUB_REPO_DIR)
	@$(call deploy_need,GITHUB_REMOTE)
	@$(call deploy_need,GITHUB_PAGES_BRANCH)
	@$(deploy_built)
	@$(deploy_published)
	@git -C $(call deploy_quote,$(GITHUB_REPO_DIR)) remote get-url $(call deploy_quote,$(GITHUB_REMOTE)) \
		>/dev/null 2>&1 || { echo $(call deploy_quote,make $@: GITHUB_REMOTE=$(GITHUB_REMOTE) is not a remote \
		of a git repository in GITHUB_REPO_DIR=$(GITHUB_REPO_DIR) (set both in the Makefile$(,) in the \
		environment or on the command line: make $@ GITHUB_REMOTE=... GITHUB_REPO_DIR=...).) >&2; exit 2; }
	@echo $(call deploy_quote,Committing $(OUTPUT)/ to the $(GITHUB_PAGES_BRANCH) branch and pushing it \
		to $(GITHUB_REMOTE))
	@ghp_import="$$(cd $(call deploy_quote,$(BIN)) && pwd)/ghp-import" && \
	output="$$(cd $(call deploy_quote,$(OUTPUT)) && pwd)" && \
	cd $(call deploy_quote,$(GITHUB_REPO_DIR)) && \
	{ git fetch --quiet $(call deploy_quote,$(GITHUB_REMOTE)) $(call deploy_quote,$(GITHUB_PAGES_BRANCH)) \
		2>/dev/null || true; } && \
	"$$ghp_import" -n -p -r $(call deploy_quote,$(GITHUB_REMOTE)) -b $(call deploy_quote,$(GITHUB_PAGES_BRANCH)) \
		-m $(call deploy_quote,$(GITHUB_COMMIT_MESSAGE)) \
		$(if $(strip $(GITHUB_CNAME)),-c $(call deploy_quote,$(strip $(GITHUB_CNAME)))) "$$output" \
		|| $(call deploy_failed,ghp-import)

# s3cmd compares MD5 checksums, so a re-run uploads only what changed; --delete-removed (after the uploads)
# removes from the bucket whatever is no longer in $(OUTPUT)/. Content types come from the file extensions.
# S3 sets one Cache-Control per object, from the metadata sent with it: the files $(S3_IMMUTABLE_LIST) names
# (named by their content) go first, kept a year, so that no page ever links a name the bucket lacks; then
# everything else, revalidated at each visit, and what the build no longer has is removed; last, the old
# files of the list's folders. S3 sends no other header of ours: the content policy is then in each page's
# <meta> (HEADERS_IN_META = True). Without the list (a site built without host_headers), one plain sync.
# Credentials: ~/.s3cfg (or the file named by S3CMD_CONFIG) when there is one, else AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN, if any) from the environment.
s3_upload: $(READY)
	@$(call deploy_need,S3_BUCKET)
	@$(deploy_built)
	@$(deploy_published)
	@config="$${S3CMD_CONFIG:-$$HOME/.s3cfg}"; \
	if [ -f "$$config" ]; then config_opt="--config=$$config"; \
	elif [ -n "$$AWS_ACCESS_KEY_ID" ] && [ -n "$$AWS_SECRET_ACCESS_KEY" ]; then config_opt=--config=/dev/null; \
	else echo $(call deploy_quote,make $@: no S3 credentials: export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY \
		in the environment$(,) or write ~/.s3cfg with s3cmd --configure.) >&2; exit 2; fi; \
	endpoint=$(call deploy_quote,$(strip $(S3_ENDPOINT))); endpoint_opts=; \
	if [ -n "$$endpoint" ]; then \
	  case "$$endpoint" in http://*) endpoint_opts=--no-ssl;; esac; \
	  host="$${endpoint#*://}"; host="$${host%%/*}"; \
	  endpoint_opts="$$endpoint_opts --host=$$host --host-bucket=$$host"; \
	fi; \
	echo $(call deploy_quote,Uploading $(OUTPUT)/ to s3://$(S3_BUCKET)/$(if $(strip $(S3_ENDPOINT)), \
		at $(strip $(S3_ENDPOINT)))); \
	s3sync() { $(BIN)/s3cmd "$$config_opt" $$endpoint_opts \
		$(if $(strip $(S3_REGION)),--region=$(call deploy_quote,$(strip $(S3_REGION)))) \
		--no-mime-magic --guess-mime-type --no-preserve --exclude=$(PUBLISH_MARKER) $(HOST_FILES:%=--exclude=%) \
		"$$@" $(S3_OPTS) sync $(call deploy_quote,$(OUTPUT)/) $(call deploy_quote,s3://$(S3_BUCKET)/); }; \
	list=$(call deploy_quote,$(OUTPUT)/$(S3_IMMUTABLE_LIST)); \
	if [ -f "$$list" ]; then \
	  s3sync --exclude='*' --include-from="$$list" \
	    --add-header=$(call deploy_quote,Cache-Control:$(S3_CACHE_IMMUTABLE)) && \
	  s3sync --exclude-from="$$list" --add-header=$(call deploy_quote,Cache-Control:$(S3_CACHE_REVALIDATE)) \
	    --delete-removed --delete-after && \
	  s3sync --exclude='*' --include-from="$$list" --delete-removed --delete-after; \
	else s3sync --delete-removed --delete-after; fi \
		|| $(call deploy_failed,s3cmd)
