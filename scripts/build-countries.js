#!/usr/bin/env node
// build-countries.js: writes dict/generated/countries.txt, the country,
// demonym and capital dictionary, from packaged data at build time.
//
//   node scripts/build-countries.js OUTPUT_PATH
//
// Sources: the npm package world-countries (node_modules/world-countries/
// countries.json; required) and Debian's iso-codes (/usr/share/iso-codes/
// json/iso_3166-1.json; optional, adds its English names when installed).
// The output is a pure function of those files and dict/countries-extra.txt:
// entries are sorted, nothing depends on time or locale, so two runs give the
// same bytes.
//
// The one idea: a phrase is worth listing only if it names one actor. So
//   * a phrase that folds (case, diacritics, apostrophes, hyphens) to the same
//     form as a phrase in dict/countries-extra.txt is left out: the hand-made
//     file wins (it says "Congo" is DR Congo, "Saudi" is a demonym, ...);
//   * a phrase shared by several entries (the demonym "Dominican", the capital
//     "Kingston") goes to the one independent state among them, else it is
//     left out (the "Channel Islander" of both Jersey and Guernsey);
//   * phrases that are not names (two-letter codes, non-Latin scripts, IPA,
//     inverted forms such as "Korea, Republic of") and names that are common
//     words or mostly mean something else ("Island", "Reunion", "Victoria",
//     "Male", "The Bottom") are left out: see NOT_NAMES below;
//   * a capital or demonym spelled like a name of its own country ("Djibouti",
//     "Singapore") is left out: the country entry already covers it.
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const WORLD_COUNTRIES = path.join(ROOT, 'node_modules', 'world-countries');
const ISO_CODES_JSON = '/usr/share/iso-codes/json/iso_3166-1.json';
const EXTRA_DICT = path.join(ROOT, 'dict', 'countries-extra.txt');

// Codes where world-countries differs from what parley uses. Kosovo has no
// ISO 3166-1 code; world-countries says UNK, we use the user-assigned XKX
// (used by the EU, the IMF and the World Bank).
const CODE_RENAMES = { UNK: 'XKX' };

// Folded forms of phrases that are not names of the entry they come with, or
// that mostly mean something else in news text. Kept in one place so that a
// reviewer can argue with each.
const NOT_NAMES = new Set([
  // country names and alternative spellings
  'island',        // Iceland's native name; an English word
  'mann',          // Isle of Man; a German word and a surname
  'timor',         // the island shared by Timor-Leste and Indonesia
  'prathet',       // Thai for "country"
  'thai', 'togolese', 'saudi', 'lao',  // demonyms, listed as demonyms
  'holland',       // a region of the Netherlands and a surname
  'guiana',        // French Guiana, Guyana or the whole region
  'mexicanos', 'portuguesa', 'dominique', 'viti',
  'jersey',        // would match inside "New Jersey"
  'virgin islands', // British or United States Virgin Islands
  'reunion',       // an English word; "Reunion Island" stays
  'bes islands',
  'kuki airani',
  // capitals
  'victoria', 'city of victoria', 'hamilton', 'douglas', 'stanley',
  'plymouth', 'jamestown', 'george town', 'saint john s', 'st john s',
  'male',          // Maldives; an English word
  'the valley', 'the bottom', 'west island', 'diego garcia',
  'saint denis',   // Reunion; also the town north of Paris
  'saint pierre', 'cayenne',
  'san jose',      // Costa Rica; also the Californian city
  'san juan',      // Puerto Rico; also cities in Argentina and the Philippines
  'sucre',         // Bolivia's constitutional capital; a surname, a Venezuelan state
  'oranjestad',    // Aruba and Sint Eustatius
  'georgetown',    // Guyana; also Georgetown University in Washington
]);

// Phrases shared by several independent states: who gets them. Everything
// else shared goes to the single independent state, or to nobody.
const SHARED_OWNER = {
  'congolese': 'COD',   // news uses it mostly for DR Congo
  'dominican': 'DOM',   // the Dominican Republic, not Dominica
};

// Demonyms whose plural is not the singular plus -s.
const NO_PLURAL = new Set(['i kiribati', 'ni vanuatu', 'burkinabe', 'motswana',
  'mosotho', 'malagasy', 'kirghiz', 'turkmen', 'greenlandic', 'alandish',
  'antarctican', 'vatican', 'djibouti', 'gibraltar']);

function fold(phrase) {
  return phrase
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bb\u02bc\u02bf\u02be`]/g, "'")
    .replace(/[-']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// True if every letter is one an English text could carry: Latin with the
// usual diacritics (Latin-1 and Latin Extended-A), no IPA or modifier letters.
function isPlainLatin(phrase) {
  for (const ch of phrase) {
    const c = ch.codePointAt(0);
    if (c < 0x80) continue;
    if (c >= 0xc0 && c <= 0x17f && c !== 0xd7 && c !== 0xf7) continue;
    if (c === 0x2019) continue;
    return false;
  }
  return true;
}

function isName(phrase, alpha2) {
  if (!phrase) return false;
  if (phrase === alpha2 || /^[A-Z]{2}$/.test(phrase)) return false;
  if (/[,;=#()\/\d]/.test(phrase)) return false;
  if (!isPlainLatin(phrase)) return false;
  if (/ or /.test(phrase)) return false;
  return !NOT_NAMES.has(fold(phrase));
}

function demonymPlural(word) {
  const key = fold(word);
  if (NO_PLURAL.has(key)) return null;
  if (/(an|in|i|er|ot|ene|ine|ino|eek|ak|ik|que|ar)$/.test(word)) return word + 's';
  return null;
}

function readExtraPhrases() {
  const folded = new Set();
  if (!fs.existsSync(EXTRA_DICT)) return folded;
  for (const raw of fs.readFileSync(EXTRA_DICT, 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line || line.startsWith('@')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    for (const p of line.slice(0, eq).split(';')) folded.add(fold(p.trim()));
  }
  return folded;
}

function readIsoCodes() {
  const names = new Map();
  if (!fs.existsSync(ISO_CODES_JSON)) return names;
  const list = JSON.parse(fs.readFileSync(ISO_CODES_JSON, 'utf8'))['3166-1'];
  for (const c of list) {
    const all = [c.name, c.official_name, c.common_name]
      .filter(Boolean).map((n) => n.replace(/^the /, ''));
    names.set(c.alpha_3, all);
  }
  return names;
}

// kind -> folded phrase -> { text, codes: Set, order }
function makeTable() { return { country: new Map(), demonym: new Map(), capital: new Map() }; }

function add(table, kind, text, code) {
  text = text.trim().replace(/\s+/g, ' ');
  const key = fold(text);
  if (!key) return;
  let slot = table[kind].get(key);
  if (!slot) {
    slot = { text, codes: new Set() };
    table[kind].set(key, slot);
  }
  slot.codes.add(code);
}

function main() {
  const output = process.argv[2];
  if (!output) {
    process.stderr.write('usage: node scripts/build-countries.js OUTPUT_PATH\n');
    process.exit(2);
  }
  const countriesPath = path.join(WORLD_COUNTRIES, 'countries.json');
  if (!fs.existsSync(countriesPath)) {
    process.stderr.write(`build-countries: ${countriesPath} not found; run "npm install" (or "npm ci") at the repository root\n`);
    process.exit(1);
  }
  const countries = JSON.parse(fs.readFileSync(countriesPath, 'utf8'));
  const version = JSON.parse(fs.readFileSync(path.join(WORLD_COUNTRIES, 'package.json'), 'utf8')).version;
  const iso = readIsoCodes();
  const extra = readExtraPhrases();

  const independent = new Map();
  const table = makeTable();
  for (const c of countries) {
    const code = CODE_RENAMES[c.cca3] || c.cca3;
    independent.set(code, c.independent === true);
    const names = [c.name.common, c.name.official, ...(c.altSpellings || []), ...(iso.get(c.cca3) || [])];
    for (const n of names) if (isName(n, c.cca2)) add(table, 'country', n, code);
    const eng = c.demonyms && c.demonyms.eng;
    if (eng) {
      for (const form of new Set([eng.m, eng.f])) {
        for (const d of (form || '').split(/, | or /)) {
          if (!isName(d, c.cca2)) continue;
          add(table, 'demonym', d, code);
          const plural = demonymPlural(d);
          if (plural) add(table, 'demonym', plural, code);
        }
      }
    }
    for (const cap of c.capital || []) if (isName(cap, c.cca2)) add(table, 'capital', cap, code);
  }

  // Who owns each phrase; drop what the hand-made file defines, what is
  // shared without a single independent owner, and capitals or demonyms that
  // repeat a country name.
  const countryKeys = new Map();
  for (const [key, slot] of table.country) countryKeys.set(key, slot.codes);
  const lines = { country: new Map(), demonym: new Map(), capital: new Map() };
  const dropped = [];
  for (const kind of ['country', 'demonym', 'capital']) {
    for (const [key, slot] of table[kind]) {
      if (extra.has(key)) continue;
      let owner = null;
      const codes = [...slot.codes].sort();
      if (SHARED_OWNER[key]) owner = SHARED_OWNER[key];
      else if (codes.length === 1) owner = codes[0];
      else {
        const states = codes.filter((c) => independent.get(c));
        if (states.length === 1) owner = states[0];
      }
      if (!owner) { dropped.push(`${kind} "${slot.text}" (${codes.join(' ')})`); continue; }
      if (kind !== 'country' && countryKeys.has(key)) continue;
      if (!lines[kind].has(owner)) lines[kind].set(owner, []);
      lines[kind].get(owner).push(slot.text);
    }
  }

  const out = [];
  out.push('# GENERATED by scripts/build-countries.js: do not edit; put fixes in');
  out.push('# dict/countries-extra.txt (its phrases override these) or in the script.');
  out.push(`# Sources: npm world-countries ${version}` + (iso.size ? '; Debian iso-codes iso_3166-1.json' : '') + '.');
  out.push('# Phrases shared by several entries were given to the one independent');
  out.push(`# state among them or left out (${dropped.length} left out).`);
  for (const kind of ['country', 'demonym', 'capital']) {
    out.push('');
    out.push(`@kind ${kind}`);
    for (const code of [...lines[kind].keys()].sort()) {
      const phrases = lines[kind].get(code);
      out.push(`${phrases.join('; ')} = ${code}`);
    }
  }
  out.push('');
  fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
  const tmp = output + '.tmp';
  fs.writeFileSync(tmp, out.join('\n'));
  fs.renameSync(tmp, output);
}

main();
