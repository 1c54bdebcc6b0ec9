# Front-end libraries for the explorer's pages. The top Makefile includes
# this file; it also runs alone: make -f webui/assets.mk webassets
#
# webassets installs the versions pinned in webui/package-lock.json from the
# npm registry and copies the built files the pages load into
# webui/assets/vendor/, which go:embed then puts into the binary. Neither
# node_modules/ nor assets/vendor/ is committed.
#
# It also copies TimelineJS (a devDependency) into webui/testdata/timelinejs/
# for the browser test that renders the timelinejs export: TimelineJS is
# what Dateline's users load the export into, not part of the explorer, so
# it is never embedded in the binary. That folder is git-ignored too.

NPM          ?= npm
WEBUI_DIR    := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
WEBUI_MODS   := $(WEBUI_DIR)/node_modules
WEBUI_VENDOR := $(WEBUI_DIR)/assets/vendor
WEBUI_TLJS   := $(WEBUI_DIR)/testdata/timelinejs

# Each pair is the file in node_modules and its name under assets/vendor.
# vis-timeline's "peer" build is used rather than its standalone build: the
# standalone one injects its CSS as an inline <style>, which the server's
# Content-Security-Policy (style-src 'self') refuses.
WEBUI_FILES := \
	cytoscape/dist/cytoscape.min.js:cytoscape.min.js \
	moment/min/moment.min.js:moment.min.js \
	vis-data/peer/umd/vis-data.min.js:vis-data.min.js \
	vis-timeline/peer/umd/vis-timeline-graph2d.min.js:vis-timeline-graph2d.min.js \
	vis-timeline/styles/vis-timeline-graph2d.min.css:vis-timeline-graph2d.min.css \
	cytoscape/LICENSE:LICENSE.cytoscape \
	moment/LICENSE:LICENSE.moment \
	vis-timeline/LICENSE.MIT.txt:LICENSE.vis-timeline \
	vis-data/LICENSE-MIT:LICENSE.vis-data

# TimelineJS's build, as TimelineJS expects to find it: the stylesheet
# reaches its icon fonts through ../js/../css/icons/, and script_path (the
# js/ folder) is where it would look for fonts, themes and languages.
TLJS_MOD := $(WEBUI_MODS)/@knight-lab/timelinejs

.PHONY: webassets webassets-clean

webassets:
	cd $(WEBUI_DIR) && if [ -f package-lock.json ]; then $(NPM) ci --include=dev --no-audit --no-fund; else $(NPM) install --include=dev --no-audit --no-fund; fi
	rm -rf $(WEBUI_VENDOR)
	mkdir -p $(WEBUI_VENDOR)
	printf '*\n' > $(WEBUI_VENDOR)/.gitignore
	@set -e; for pair in $(WEBUI_FILES); do \
		src=$${pair%%:*}; dst=$${pair##*:}; \
		cp $(WEBUI_MODS)/$$src $(WEBUI_VENDOR)/$$dst; \
	done
	@echo "webassets: copied $(words $(WEBUI_FILES)) files into $(WEBUI_VENDOR)"
	rm -rf $(WEBUI_TLJS)
	mkdir -p $(WEBUI_TLJS)/js $(WEBUI_TLJS)/css
	cp $(TLJS_MOD)/dist/js/timeline.js $(WEBUI_TLJS)/js/
	cp $(TLJS_MOD)/dist/css/timeline.css $(WEBUI_TLJS)/css/
	cp -R $(TLJS_MOD)/dist/css/icons $(WEBUI_TLJS)/css/
	cp $(TLJS_MOD)/LICENSE $(WEBUI_TLJS)/LICENSE.timelinejs
	@echo "webassets: copied TimelineJS into $(WEBUI_TLJS) (for the browser tests only)"

webassets-clean:
	rm -rf $(WEBUI_MODS) $(WEBUI_VENDOR) $(WEBUI_TLJS)
