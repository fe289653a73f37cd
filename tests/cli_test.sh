#!/usr/bin/env bash
# End-to-end tests of the parley command line: formats, errors, exit
# status, thread order.  Usage: tests/cli_test.sh [PARLEY]   (default ./parley)
set -u
PARLEY=${1:-./parley}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

check() {  # check NAME CONDITION-COMMAND...
    local name=$1; shift
    if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $name"; fi
}

# --- JSON Lines input: one bad line is reported with its line number and skipped
cat > "$tmp/articles.jsonl" <<'JSONL'
{"id":"a1","date":"2020-01-13","text":"Russian Foreign Minister Sergey Lavrov visited Ankara on Tuesday."}
{"id":"a2","text":"Turkey accused Russia."}
not json at all
{"id":"a4","date":"2020-01-13","text":"Turkish President Recep Tayyip Erdogan visited Moscow on Monday."}
JSONL
"$PARLEY" code -j 1 "$tmp/articles.jsonl" > "$tmp/out.jsonl" 2> "$tmp/err.txt"
status=$?
check "bad lines make the exit status 1" test "$status" -eq 1
check "missing field names file and line" grep -q "articles.jsonl:2: missing field \"date\"" "$tmp/err.txt"
check "invalid JSON names the line" grep -q "articles.jsonl:3: invalid JSON" "$tmp/err.txt"
check "good articles are still coded" test "$(grep -c '"doc":"a1"' "$tmp/out.jsonl")" -ge 1
check "the article after the bad lines is coded" test "$(grep -c '"doc":"a4"' "$tmp/out.jsonl")" -ge 1

# --- every output line is one JSON object with the contract's fields
check "json fields" python3 -c '
import json, sys
need = ["doc","sentence_index","sentence","start","end","date","date_precision","date_text","source","target","code","root","name","quad_class","goldstein","plover","place","attribution","negated","casualties","rule"]
for line in open(sys.argv[1]):
    o = json.loads(line)
    assert all(k in o for k in need), line
' "$tmp/out.jsonl"

# --- the sentence is a byte-exact slice of the text
check "sentence slice" python3 -c '
import json, sys
texts = {}
for line in open(sys.argv[1]):
    try:
        o = json.loads(line)
    except Exception:
        continue
    if "text" in o: texts[o["id"]] = o["text"].encode()
for line in open(sys.argv[2]):
    o = json.loads(line)
    assert texts[o["doc"]][o["start"]:o["end"]].decode() == o["sentence"], line
' "$tmp/articles.jsonl" "$tmp/out.jsonl"

# --- plain text needs a date
printf 'Russia accused Turkey of lying.\n' > "$tmp/plain.txt"
"$PARLEY" code "$tmp/plain.txt" > /dev/null 2> "$tmp/err2.txt"
check "plain text without --date is skipped with exit 1" test $? -eq 1
check "plain text without date says so" grep -q "plain.txt" "$tmp/err2.txt"
"$PARLEY" code --date 2020-01-13 "$tmp/plain.txt" > "$tmp/plain.out" 2>/dev/null
check "plain text with --date" test $? -eq 0

# --- invalid UTF-8: error with the byte offset; --lenient codes it
printf ' date 2020-01-13 Bad bytes\n\nRussia accused \xff Turkey of lying.\n' > "$tmp/bad.txt"
"$PARLEY" code "$tmp/bad.txt" > /dev/null 2> "$tmp/err3.txt"
check "invalid UTF-8 exit 1" test $? -eq 1
check "invalid UTF-8 names the byte" grep -q "bad.txt: invalid UTF-8 at byte 15 of the article text" "$tmp/err3.txt"
"$PARLEY" code --lenient "$tmp/bad.txt" > /dev/null 2> "$tmp/err4.txt"
check "lenient exit 0" test $? -eq 0
check "lenient warns" grep -q "replaced 1 invalid" "$tmp/err4.txt"

# --- binary input and a missing file do not stop the rest
head -c 3000 /dev/urandom > "$tmp/binary.bin"
"$PARLEY" code "$tmp/binary.bin" "$tmp/missing.txt" "$tmp/articles.jsonl" > "$tmp/out5" 2> "$tmp/err5"
check "binary and missing files: exit 1" test $? -eq 1
check "missing file named" grep -q "missing.txt" "$tmp/err5"
check "others still coded" grep -q '"doc":"a4"' "$tmp/out5"

# --- an empty folder among the inputs is no error and stops nothing
mkdir -p "$tmp/emptydir"
"$PARLEY" code "$tmp/emptydir" "$tmp/articles.jsonl" > "$tmp/out_empty" 2> "$tmp/err_empty"
check "empty folder: the other articles are coded" grep -q '"doc":"a4"' "$tmp/out_empty"

# --- output order is the input order whatever -j is
mkdir -p "$tmp/many"
for i in $(seq 1 40); do
    printf ' date 2020-01-%02d Story %d\n\nRussia accused Turkey of backing rebels. Turkish troops attacked Syrian forces.\n' $(( (i % 28) + 1 )) "$i" > "$tmp/many/story-$(printf %03d "$i").txt"
done
"$PARLEY" code -j 1 "$tmp/many" > "$tmp/j1"
"$PARLEY" code -j 4 "$tmp/many" > "$tmp/j4"
check "same output with -j 1 and -j 4" cmp -s "$tmp/j1" "$tmp/j4"
check "folders are read" test "$(grep -c . "$tmp/j1")" -ge 40

# --- many small articles through the thread ring (a slot reused while the
# writer freed it once lost an article and hung the run)
python3 -c '
import json
for i in range(3000):
    print(json.dumps({"id": "n%d" % i, "date": "2020-01-13", "text": "Russia accused Turkey of lying. Turkish troops attacked Syrian forces."}))
' > "$tmp/many.jsonl"
timeout 60 "$PARLEY" code -j 1 "$tmp/many.jsonl" > "$tmp/many1.out"
check "3000 articles on one thread finish" test $? -eq 0
timeout 60 "$PARLEY" code -j 2 "$tmp/many.jsonl" > "$tmp/many2.out"
check "3000 articles on two threads finish" test $? -eq 0
check "every article is coded once, in order" cmp -s "$tmp/many1.out" "$tmp/many2.out"
check "all 3000 articles present" test "$(grep -o '"doc":"n[0-9]*"' "$tmp/many1.out" | sort -u | wc -l)" -eq 3000

# --- formats
"$PARLEY" code --format tsv "$tmp/many/story-001.txt" > "$tmp/tsv"
check "tsv header and 13 columns" test "$(awk -F'\t' 'NF != 13' "$tmp/tsv" | wc -l)" -eq 0
"$PARLEY" code --format table --explain "$tmp/many/story-001.txt" > "$tmp/table"
check "table explain shows rules" grep -q "rule:" "$tmp/table"
"$PARLEY" code --format xml "$tmp/many/story-001.txt" > /dev/null 2>&1
check "unknown format is a usage error" test $? -eq 2

# --- stdin
"$PARLEY" code --input-format seed - < "$tmp/many/story-002.txt" > "$tmp/stdin.out"
check "stdin" test -s "$tmp/stdin.out"

# --- dictionary tools
"$PARLEY" dict lookup --date 2020-01-13 --json "Fayez al-Sarraj" > "$tmp/lookup"
check "dict lookup --json" grep -q '"code":"LBYGOV"' "$tmp/lookup"
"$PARLEY" dict lookup --date 2022-01-13 --json "Fayez al-Sarraj" > "$tmp/lookup2"
check "dict lookup after office" grep -q '"code":"LBY"' "$tmp/lookup2"
"$PARLEY" dict lookup --date 2020-01-13 --json "Iraqi police" > "$tmp/lookup3"
check "dict lookup country + agent, first" sh -c 'head -1 "$1" | grep -q "\"kind\":\"actor\",\"code\":\"IRQCOP\""' sh "$tmp/lookup3"
"$PARLEY" dict lookup --date 2020-01-13 "Ukraine's parliament" > "$tmp/lookup4"
check "dict lookup possessive country + agent" grep -q "^actor  *UKRLEG  *Ukraine's parliament" "$tmp/lookup4"
"$PARLEY" dict lookup --date 2020-01-13 "police in Iraq" > "$tmp/lookup5"
check "dict lookup: no compound across words" sh -c '! grep -q "^actor" "$1"' sh "$tmp/lookup5"

# --- dict stats --verbose names the countries without a government person
mkdir -p "$tmp/freedonia"
printf '@kind country\nFreedonia = FRD\n' > "$tmp/freedonia/country.txt"
"$PARLEY" dict stats --verbose --dict "$tmp/freedonia" > "$tmp/stats"
check "stats --verbose lists a country without government" grep -q "FRD territory Freedonia" "$tmp/stats"
check "stats counts sovereign states apart" grep -Eq "without a dated government person: [0-9]+ \([0-9]+ sovereign states" "$tmp/stats"
printf '@kind person\nRufus T. Firefly = FRDGOV 1933-11-17..\n' > "$tmp/freedonia/people.txt"
"$PARLEY" dict stats --verbose --dict "$tmp/freedonia" > "$tmp/stats2"
check "a government person takes the country off the list" sh -c "! grep -q 'FRD territory' '$tmp/stats2'"
check "stats counts thinly covered sovereign states" grep -Eq "^sovereign states with fewer than 8 government people: [0-9]+$" "$tmp/stats2"
"$PARLEY" dict stats --verbose > "$tmp/stats3"
listed=$(grep -Ec "^  [A-Z]{3} [0-7] government people  " "$tmp/stats3")
check "stats --verbose lists as many thinly covered states as it counts" grep -q "^sovereign states with fewer than 8 government people: $listed$" "$tmp/stats3"

# --- config file: dict = DIR lines layered like --dict; bad lines named by file and line
export XDG_CONFIG_HOME="$tmp/xdg"   # no user config leaks into the tests
unset PARLEY_CONFIG
mkdir -p "$tmp/conf/override" "$tmp/xdg/parley"
printf '@kind person\nFayez al-Sarraj = LBYMIL\n' > "$tmp/conf/override/sarraj.txt"
printf '# my dictionaries\n\ndict = override   # relative to this file\n' > "$tmp/conf/config"
"$PARLEY" dict lookup --config "$tmp/conf/config" --date 2020-01-13 --json "Fayez al-Sarraj" > "$tmp/conf.out"
check "dict = DIR in --config overrides ours" grep -q '"code":"LBYMIL"' "$tmp/conf.out"
"$PARLEY" --config "$tmp/conf/config" dict lookup --date 2020-01-13 --json "Fayez al-Sarraj" > "$tmp/conf.out"
check "global --config" grep -q '"code":"LBYMIL"' "$tmp/conf.out"
PARLEY_CONFIG="$tmp/conf/config" "$PARLEY" dict lookup --date 2020-01-13 --json "Fayez al-Sarraj" > "$tmp/conf.out"
check "PARLEY_CONFIG" grep -q '"code":"LBYMIL"' "$tmp/conf.out"
printf 'dict = %s\n' "$tmp/conf/override" > "$tmp/xdg/parley/config"
"$PARLEY" dict lookup --date 2020-01-13 --json "Fayez al-Sarraj" > "$tmp/conf.out"
check "XDG_CONFIG_HOME/parley/config read when present" grep -q '"code":"LBYMIL"' "$tmp/conf.out"
mkdir -p "$tmp/conf/later"
printf '@kind person\nFayez al-Sarraj = LBYOPP\n' > "$tmp/conf/later/sarraj.txt"
"$PARLEY" dict lookup --dict "$tmp/conf/later" --date 2020-01-13 --json "Fayez al-Sarraj" > "$tmp/conf.out"
check "--dict layers after the config file" grep -q '"code":"LBYOPP"' "$tmp/conf.out"
printf 'dict = %s\ndict = %s\n' "$tmp/conf/override" "$tmp/conf/later" > "$tmp/conf/two"
"$PARLEY" dict lookup --config "$tmp/conf/two" --date 2020-01-13 --json "Fayez al-Sarraj" > "$tmp/conf.out"
check "several dict lines layer in order" grep -q '"code":"LBYOPP"' "$tmp/conf.out"
rm "$tmp/xdg/parley/config"
printf '# ok\ndict = override\ndictionary = elsewhere\n' > "$tmp/conf/bad1"
"$PARLEY" code --config "$tmp/conf/bad1" "$tmp/many/story-001.txt" > /dev/null 2> "$tmp/conf.err"
check "unknown setting: exit 2" test $? -eq 2
check "unknown setting names file and line" grep -q "conf/bad1:3: unknown setting \"dictionary\"" "$tmp/conf.err"
printf 'dict override\n' > "$tmp/conf/bad2"
"$PARLEY" dict stats --config "$tmp/conf/bad2" > /dev/null 2> "$tmp/conf.err"
check "line without = names file and line" grep -q "conf/bad2:1: expected \"dict = DIR\"" "$tmp/conf.err"
printf '\ndict = no-such-folder\n' > "$tmp/conf/bad3"
"$PARLEY" eval --config "$tmp/conf/bad3" "$tmp/many" "$tmp/many" > /dev/null 2> "$tmp/conf.err"
check "missing folder names file and line" grep -q "conf/bad3:2: dict folder .*no-such-folder" "$tmp/conf.err"
"$PARLEY" --config "$tmp/conf/absent" dict stats > /dev/null 2> "$tmp/conf.err"
check "a config asked for must exist" test $? -eq 2
check "a missing config is named" grep -q "conf/absent" "$tmp/conf.err"

# --- importing a TABARI actor dictionary: good entries converted, bad lines named and skipped
printf 'FAYEZ_AL-SARRAJ_ [LBYGOV 160330-210315]\n+SARRAJ_\nBROKEN_ENTRY_ [LBYGOV\n' > "$tmp/actors.txt"
"$PARLEY" dict import --from tabari -o "$tmp/imported.txt" "$tmp/actors.txt" 2> "$tmp/import.err"
check "import exits 1 when a line is skipped" test $? -eq 1
check "import names the bad line" grep -q "actors.txt:3:" "$tmp/import.err"
check "import writes our format" grep -q "Sarraj = LBYGOV 2016-03-30..2021-03-15" "$tmp/imported.txt"

# --- an event whose target the text does not give is left out unless asked for
printf ' date 2021-03-10 T\n\nThe Kenyan government condemned the violence on Monday.\n' > "$tmp/untargeted.txt"
check "no target: left out by default" test "$("$PARLEY" code "$tmp/untargeted.txt" | grep -c '"code":"111"')" -eq 0
check "no target: --keep-untargeted emits it with a null target" \
    test "$("$PARLEY" code --keep-untargeted "$tmp/untargeted.txt" | grep -c '"code":"111".*' | head -1)" -ge 1

# --- eval --casualties: a wrong count, a missed one and one gold lacks are listed
mkdir -p "$tmp/counts/articles" "$tmp/counts/gold"
printf ' date 2021-03-10 T\n\nRebels attacked an army post in Gao on Monday, killing 12 soldiers.\n\nPolice arrested 30 protesters in Bamako on Tuesday.\n' \
    > "$tmp/counts/articles/c.txt"
printf 'Rebels attacked an army post\tMLIREB\t190\tMLIMIL\t2021-03-08\tGao\tkilled=11\nthe embassy was never mentioned\tMLIREB\t190\tMLICVL\t2021-03\t-\tkilled=2\n' \
    > "$tmp/counts/gold/c.tsv"
"$PARLEY" eval --casualties "$tmp/counts/articles" "$tmp/counts/gold" > "$tmp/counts.out"
check "--casualties lists a wrong count" grep -q "wrong  MLIREB 190 MLIMIL: gold killed=11 got killed=12" "$tmp/counts.out"
check "--casualties lists a missed count" grep -q "missed MLIREB 190 MLICVL: gold killed=2" "$tmp/counts.out"
check "--casualties lists a count gold lacks" grep -q "extra  MLICOP 173 MLIOPP: got arrested=30 (no gold event)" "$tmp/counts.out"

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
