/* place: where an event happened.  Place expressions ("in Ain Zara,
 * south of Tripoli", "the town of X", "Idlib province", "the Ain al-Asad
 * air base", "the Strait of Hormuz", "in the Russian capital") are looked
 * up in the gazetteer and chosen by the article's countries; a name the
 * gazetteer lacks keeps its words and is placed at the nearest known
 * reference.  The article remembers the places it named, so that "the
 * region" or "southeast of the city" is one of them; the dateline gives the
 * place of events whose sentence names none (record.c). */
#include "internal.h"
#include "../lex/places.h"

#include <assert.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>

static bool place_word(const sentence_state *s, size_t i)
{
    if (!(i < s->n && word_is_capitalized(s, i) && !s->dateline[i] && s->tag[i] != TAG_REPORT &&
          s->tag[i] != TAG_PRONOUN && !(s->tokens[i].flags & TEXT_NUMBER)))
        return false;
    /* "in February", "on Monday"; asked once a word, as a sentence's words ask it again and again */
    if (s->date_head[i] < 0) {
        date_expression d[1];
        ((sentence_state *)s)->date_head[i] = date_find(s->words, s->n, i, 1, s->publication, d, 1) != 0;
    }
    return !s->date_head[i];
}

/* Which of the gazetteer's candidates for a name is meant.  A division
 * ("Idlib" the governorate) only when the text says so (want_region:
 * "Idlib province"); else a city, town or country in a country the sentence
 * or article is about, then a division there if no country has that name
 * ("Tigray"), then the most populous, a city before a division of its
 * country ("Idlib" the city).  A small town of the preferred country does
 * not beat a place a hundred times larger ("Berlin" in an article about
 * Russia is not a village of Chelyabinsk). */
static size_t choose_place(const place_info *found, size_t n, const char *const *countries, size_t nc, bool want_region)
{
    if (want_region) {
        for (size_t c = 0; c < nc; c++)
            for (size_t k = 0; k < n; k++)
                if (found[k].kind == 'r' && str_same_n(found[k].country, countries[c], 3)) return k;
        for (size_t k = 0; k < n; k++) if (found[k].kind == 'r') return k;
    }
    bool has_country = false;
    for (size_t k = 0; k < n; k++) has_country |= found[k].kind == 'n';
    for (size_t c = 0; c < nc; c++)
        for (size_t k = 0; k < n; k++) {
            if (found[k].kind == 'r' || !str_same_n(found[k].country, countries[c], 3)) continue;
            if (found[k].kind == 't' && found[0].population / 100 > found[k].population) break;
            return k;
        }
    if (!has_country)
        for (size_t c = 0; c < nc; c++)
            for (size_t k = 0; k < n; k++)
                if (found[k].kind == 'r' && str_same_n(found[k].country, countries[c], 3)) return k;
    if (found[0].kind == 'r')
        for (size_t k = 1; k < n; k++)
            if (found[k].kind != 'r' && strcmp(found[k].country, found[0].country) == 0) return k;
    return 0;
}

/* The same name in the spelling GeoNames more often uses: "ou" as "u",
 * "ee" as "i", "oo" as "u", a final "ah" as "a" ("Tarhouna" Tarhuna,
 * "Sheeba" Shiba, "Ramadiah" Ramadia).  False when nothing changes. */
static bool romanization_variant(const char *key, char *out, size_t cap)
{
    size_t o = 0;
    bool changed = false;
    for (size_t i = 0; key[i]; i++) {
        if (o + 2 >= cap) return false;
        if ((key[i] == 'o' && key[i + 1] == 'u') || (key[i] == 'o' && key[i + 1] == 'o')) { out[o++] = 'u'; i++; changed = true; continue; }
        if (key[i] == 'e' && key[i + 1] == 'e') { out[o++] = 'i'; i++; changed = true; continue; }
        if (key[i] == 'a' && key[i + 1] == 'h' && (key[i + 2] == 0 || key[i + 2] == ' ') && i > 2) { out[o++] = 'a'; i++; changed = true; continue; }
        out[o++] = key[i];
    }
    out[o] = 0;
    return changed;
}

/* The key with doubled consonants made single ("Mekelle" is the gazetteer's
 * "Mekele"); false when it has none. */
static bool single_consonants(const char *key, char *out, size_t cap)
{
    size_t o = 0;
    bool changed = false;
    for (size_t i = 0; key[i]; i++) {
        if (o + 2 >= cap) return false;
        bool consonant = key[i] >= 'a' && key[i] <= 'z' && !strchr("aeiouy", key[i]);
        if (consonant && key[i + 1] == key[i]) { changed = true; continue; }
        out[o++] = key[i];
    }
    out[o] = 0;
    return changed;
}

/* A lookup bisects a quarter of a million names and parses each row it
 * finds, a thousand instructions or so; an article asks for its few places
 * many times, so the last answers are kept in its memory.  An answer of
 * fewer rows than asked for is the whole answer; else it serves lookups of
 * no more rows. */
size_t code_places_lookup(const sentence_state *s, const char *key, place_info *out, size_t max)
{
    const places *g = lex_places(s->dict);
    if (!g) return 0;
    memory *mem = s->memory;
    size_t length = strlen(key), slots = sizeof mem->lookups / sizeof mem->lookups[0];
    if (length >= sizeof mem->lookups[0].key || max > sizeof mem->lookups[0].found / sizeof mem->lookups[0].found[0])
        return places_lookup(g, key, out, max);
    for (size_t i = 0; i < mem->lookup_count; i++) {
        const char *known = mem->lookups[i].key;
        if (!str_same(known, key) || (mem->lookups[i].count == mem->lookups[i].max && mem->lookups[i].max < max)) continue;
        size_t n = mem->lookups[i].count < max ? mem->lookups[i].count : max;
        memcpy(out, mem->lookups[i].found, n * sizeof *out);
        return n;
    }
    size_t n = places_lookup(g, key, out, max);
    size_t slot = mem->lookup_next;
    mem->lookup_next = (slot + 1) % slots;
    if (mem->lookup_count < slots) mem->lookup_count++;
    memcpy(mem->lookups[slot].key, key, length + 1);
    mem->lookups[slot].max = max;
    mem->lookups[slot].count = n;
    memcpy(mem->lookups[slot].found, out, n * sizeof *out);
    return n;
}

/* Resolves the words [first, last] against the gazetteer (see choose_place).
 * Part of a longer name (prefix_only: "Ain" of "Ain Zara") may only be a
 * town or division of a country the article is about: "Ain" is also a
 * French department.  Nor is the name of a person, group or organisation
 * a town ("in Taliban-held areas": there is a Taliban in Turkey). */
static bool gazetteer_place(sentence_state *s, size_t first, size_t last, const char *const *countries, size_t nc,
                            bool want_region, bool prefix_only, code_place *out)
{
    const places *g = lex_places(s->dict);
    if (!g) return false;
    char key[256];
    if (!code_join_words(s, first, last, key, sizeof key)) return false;
    place_info found[16];
    size_t n = code_places_lookup(s, key, found, 16);
    bool variant = false;
    if (!n && !prefix_only) {
        /* another romanization of the name: "Tarhouna" is "Tarhuna" */
        char other[256];
        if (romanization_variant(key, other, sizeof other)) {
            n = code_places_lookup(s, other, found, 16);
            variant = n > 0;
        }
        if (!n && single_consonants(key, other, sizeof other)) {
            n = code_places_lookup(s, other, found, 16);
            variant = n > 0;
        }
    }
    if (!n) return false;
    size_t best = choose_place(found, n, countries, nc, want_region);
    if (variant) {
        /* only a place in a country the story is about */
        bool preferred = false;
        for (size_t c = 0; c < nc && !preferred; c++) preferred = str_same_n(found[best].country, countries[c], 3);
        if (!preferred) return false;
    }
    const lex_entry *actor = s->tag[first] == TAG_ACTOR ? s->tag_entry[first] : NULL;
    if (actor && actor->kind != LEX_COUNTRY && actor->kind != LEX_CAPITAL && (found[best].kind == 't' || found[best].kind == 'r'))
        return false;
    /* (a city too: "Adan Yabaal" in a story of Somalia is not Yemen's Aden) */
    if (prefix_only && found[best].kind != 'n') {
        bool preferred = false;
        for (size_t c = 0; c < nc && !preferred; c++) preferred = str_same_n(found[best].country, countries[c], 3);
        if (!preferred) return false;
    }
    out->country[0] = 0;
    memcpy(out->country, found[best].country, 4);
    out->lat = found[best].lat;
    out->lon = found[best].lon;
    out->precision = found[best].kind == 'n' ? "country" : found[best].kind == 'r' ? "region" : "city";
    return true;
}

/* "the province of Idlib": the division words that come before "of" and
 * a name ("the State of Libya", "the Department of State" are no places). */
static bool division_of(const sentence_state *s, size_t i)
{
    return is(s, i, "province") || is(s, i, "region") || is(s, i, "governorate") || is(s, i, "oblast") ||
           (is(s, i, "state") && !word_is_capitalized(s, i));   /* "the state of Zulia", not "the State of Libya" */
}

/* Facilities named after a place ("the Ain al-Asad air base", "the
 * Zaporizhzhia nuclear power plant", "Baghdad airport") are placed at it;
 * natural features ("Scarborough Shoal", "the Strait of Hormuz", "the Line
 * of Control") are not in the place they may share a name with. */
static const char *const facility_words[] = {
    "air base", "airbase", "military base", "naval base", "army base", "base", "airport", "international airport",
    "airfield", "nuclear power plant", "nuclear power station", "power plant", "nuclear plant", "power station",
    "refinery", "dam", "border crossing", "crossing", "checkpoint", "prison", "refugee camp", "camp", "hospital",
    "hotel", "mosque", "square", "intersection", "junction", "stadium", "bridge", "port", "seaport", "harbour", "harbor", "oil field",
    "gas field", "oilfield", "barracks", "palace", "railway station", "train station", "embassy", "consulate", NULL,
};
static const char *const natural_words[] = {
    "shoal", "reef", "atoll", "strait", "straits", "sea", "gulf", "bay", "island", "islands", "isle", "heights",
    "river", "lake", "canal", "peninsula", "valley", "desert", "mountains", "line", "corridor", "channel", NULL,
};

/* The nouns that can stand for a place named before ("the region", "the
 * shoal"), and the noun a place was called by. */
static const char *const anaphor_nouns[] = {
    "region", "province", "state", "governorate", "oblast", "district", "city", "town", "village", "shoal", "reef",
    "island", "base", "plant", "crossing", "airport", "port", "camp", "strait", "border town", "enclave", "area", "country", NULL,
};

/* The str_start_bit and the first three letters of the first words of each
 * list of phrases phrase_at reads (worked out once per process): most
 * tokens start none. */
static struct { uint64_t facility, natural, anaphor; } phrase_starts;
static prefix_set phrase_prefixes[3];   /* facility, natural, anaphor */
static pthread_once_t phrase_starts_once = PTHREAD_ONCE_INIT;

static uint64_t starts_of(const char *const *list)
{
    uint64_t bits = 0;
    for (; *list; list++) bits |= str_start_bit(*list);
    return bits;
}

static void build_phrase_starts(void)
{
    phrase_starts.facility = starts_of(facility_words);
    phrase_starts.natural = starts_of(natural_words);
    phrase_starts.anaphor = starts_of(anaphor_nouns);
    prefix_set_add(&phrase_prefixes[0], facility_words);
    prefix_set_add(&phrase_prefixes[1], natural_words);
    prefix_set_add(&phrase_prefixes[2], anaphor_nouns);
}

/* The longest phrase of the list (one of the three above) at token i (its
 * length in tokens, 0 if none). */
static size_t phrase_at(const sentence_state *s, size_t i, const char *const *list)
{
    size_t best = 0;
    if (i >= s->n || (s->tokens[i].flags & TEXT_PUNCT)) return 0;
    pthread_once(&phrase_starts_once, build_phrase_starts);
    int which = list == facility_words ? 0 : list == natural_words ? 1 : 2;
    uint64_t starts = which == 0 ? phrase_starts.facility : which == 1 ? phrase_starts.natural : phrase_starts.anaphor;
    assert(list == facility_words || list == natural_words || list == anaphor_nouns);
    int prefix = prefix_index(s->words[i]);   /* (a shorter token is left to the bits) */
    if (prefix >= 0 && !prefix_set_has(&phrase_prefixes[which], prefix)) return 0;
    if (!(str_start_bit(s->words[i]) & starts)) return 0;
    for (size_t p = 0; list[p]; p++) {
        const char *w = list[p];
        if (w[0] != s->words[i][0]) continue;
        size_t k = i;
        while (k < s->n) {
            /* the token is the phrase's next word, up to its space or end */
            const char *token = s->words[k];
            size_t wl = 0;
            while (token[wl] && token[wl] == w[wl] && w[wl] != ' ') wl++;
            if (token[wl] || (w[wl] != ' ' && w[wl])) break;
            k++;
            w += wl;
            if (!*w) { if (k - i > best) best = k - i; break; }
            w++;
        }
    }
    return best;
}

/* "Indian-administered Kashmir", "Houthi-controlled Hodeidah": a name
 * joined by a hyphen to a lowercase word is an adjective */
static bool hyphen_adjective(const sentence_state *s, size_t i)
{
    return i + 2 < s->n && word_is_capitalized(s, i) && (s->tokens[i].flags & TEXT_HYPHEN_NEXT) &&
           !word_is_capitalized(s, i + 1) && !(s->tokens[i + 1].flags & TEXT_PUNCT) && !(s->tokens[i + 1].flags & TEXT_NUMBER) &&
           !(s->tokens[i + 1].flags & TEXT_HYPHEN_NEXT);   /* not "Port-au-Prince" */
}

/* "al-Asad", "ad-Dawr": a particle joined by a hyphen to the name after it */
static bool name_particle(const sentence_state *s, size_t i)
{
    static const char *const particles[] = { "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ibn", "bin", "abu",
                                             "umm", "um", "de", "del", "di", "da", NULL };
    return i + 1 < s->n && (s->tokens[i].flags & TEXT_HYPHEN_NEXT) && is_any(s, i, particles) && place_word(s, i + 1);
}

static bool same_noun(const char *a, const char *b)
{
    const char *const towns[] = { "city", "town", "village", "border town", NULL };
    const char *const regions[] = { "region", "province", "state", "governorate", "oblast", "enclave", NULL };
    if (strcmp(a, b) == 0) return true;
    bool ta = false, tb = false, ra = false, rb = false;
    for (size_t k = 0; towns[k]; k++) { ta |= strcmp(a, towns[k]) == 0; tb |= strcmp(b, towns[k]) == 0; }
    for (size_t k = 0; regions[k]; k++) { ra |= strcmp(a, regions[k]) == 0; rb |= strcmp(b, regions[k]) == 0; }
    return (ta && tb) || (ra && rb);
}

static void remember_place(sentence_state *s, const code_place *p, const char *noun)
{
    memory *m = s->memory;
    if (!p->name) return;
    if (m->place_count == sizeof m->places / sizeof *m->places) {
        memmove(&m->places[0], &m->places[1], (m->place_count - 1) * sizeof m->places[0]);
        m->place_count--;
    }
    m->places[m->place_count].place = *p;
    code_copy_text(m->places[m->place_count].noun, sizeof m->places[0].noun, noun ? noun : "");
    m->place_count++;
}

/* "the region", "the shoal" at token k (after "the"): the last place the
 * article called so, and the noun's last token; NULL when it is none, or
 * not used as a name ("the region of X", "the town's", "the city, X") */
static const code_place *place_called(const sentence_state *s, size_t k, size_t *last)
{
    size_t len = phrase_at(s, k, anaphor_nouns);
    size_t after = k + len;
    if (!len || (after < s->n && (is(s, after, "of") || is(s, after, "'s") || word_is_capitalized(s, after) ||
                                  (is(s, after, ",") && place_word(s, after + 1)))))
        return NULL;
    char noun[32];
    if (!code_join_words(s, k, after - 1, noun, sizeof noun)) return NULL;
    const memory *m = s->memory;
    for (size_t q = m->place_count; q > 0; q--)
        if (strcmp(noun, "area") == 0 || same_noun(m->places[q - 1].noun, noun)) {
            *last = after - 1;
            return &m->places[q - 1].place;
        }
    return NULL;
}

/* The noun a place is called by: the feature its name ends with ("Second
 * Thomas Shoal"), the word before "of" ("the village of X"), else its kind. */
static const char *place_noun(const sentence_state *s, size_t first, size_t last, const code_place *p)
{
    for (size_t k = 0; anaphor_nouns[k]; k++) if (is_string(s, last, anaphor_nouns[k])) return anaphor_nouns[k];
    if (first > 1 && is(s, first - 1, "of"))
        for (size_t k = 0; anaphor_nouns[k]; k++) if (is_string(s, first - 2, anaphor_nouns[k])) return anaphor_nouns[k];
    if (last + 1 < s->n && places_is_division_word(s->words[last + 1])) return "region";
    if (!p->precision) return "";
    return strcmp(p->precision, "region") == 0 ? "region" : strcmp(p->precision, "city") == 0 ? "city"
         : strcmp(p->precision, "country") == 0 ? "country" : "";
}

/* A seat of government named for its capital ("at the White House", "the
 * Kremlin"): the capital city of its country, the most populous place that
 * the dictionary calls the country's capital. */
/* The capital (kind 'c': GeoNames' capital or seat of government) or the
 * centroid (kind 'n') of a state, from the gazetteer. */
static bool state_place(const sentence_state *s, const char *code, char kind, code_place *out)
{
    const places *g = lex_places(s->dict);
    if (!g || strlen(code) != 3 || !code_is_state(code)) return false;
    place_info row;
    if (!(kind == 'c' ? places_capital(g, code, &row) : places_country(g, code, &row))) return false;
    memcpy(out->country, row.country, 4);
    out->lat = row.lat;
    out->lon = row.lon;
    out->precision = kind == 'c' ? "city" : "country";
    out->near = NULL;
    char *name = arena_alloc(s->a, row.name_len + 1);
    memcpy(name, row.name, row.name_len);
    name[row.name_len] = 0;
    out->name = name;
    return true;
}

static bool capital_of(const sentence_state *s, const char *code, code_place *out)
{
    return state_place(s, code, 'c', out);
}

/* A capital's name that is no large city ("White House", "Kremlin"; not
 * "Moscow", "Kyiv") stands for the seat of government in the capital. */
static bool seat_of_government(const sentence_state *s, const lex_entry *e, code_place *out)
{
    if (!e || e->kind != LEX_CAPITAL || !e->code_count) return false;
    place_info f[8];
    size_t nf = code_places_lookup(s, e->folded, f, 8);
    for (size_t k = 0; k < nf; k++)
        if (f[k].population >= 100000 && f[k].kind != 'r' && str_same_n(f[k].country, e->codes[0].code, 3)) return false;
    return capital_of(s, e->codes[0].code, out);
}

/* The known place named at token k (the longest prefix of the name the
 * gazetteer knows, a division when the text names one: "Idlib province",
 * "the province of Idlib"; "Syria's northwestern Idlib province" is
 * Idlib province).  *last is the name's last token. */
static bool known_place_at(sentence_state *s, size_t k, size_t end, const char *const *countries, size_t nc, code_place *out,
                           size_t *first_out, size_t *last_out)
{
    bool division_before = k > 1 && is(s, k - 1, "of") && division_of(s, k - 2);
    size_t last = end;
    bool known = false, division_after = false;
    for (;;) {
        division_after = last + 1 < s->n && places_is_division_word(s->words[last + 1]);
        bool want_region = division_before || division_after;
        if (gazetteer_place(s, k, last, countries, nc, want_region, last < end && !division_after, out)) {
            known = true;
            break;
        }
        if (last == k) break;
        last--;
    }
    if (!known) return false;
    if (division_after && !strcmp(out->precision, "region")) last++;   /* the name is "Idlib province" */
    if (is(s, last + 1, "'s")) {
        /* "in Syria's northwestern Idlib province": the most specific */
        size_t q = last + 2;
        while (q < s->n && q < last + 5 && !word_is_capitalized(s, q) && s->tag[q] == TAG_NONE && !(s->tokens[q].flags & TEXT_PUNCT)) q++;
        size_t qe = q;
        while (qe + 1 < s->n && place_word(s, qe + 1) && qe - q < 3) qe++;
        if (place_word(s, q)) {
            for (size_t e2 = qe;; e2--) {
                code_place inner;
                memset(&inner, 0, sizeof inner);
                inner.lat = inner.lon = NAN;
                bool region = e2 + 1 < s->n && places_is_division_word(s->words[e2 + 1]);
                if (gazetteer_place(s, q, e2, countries, nc, region, false, &inner)) {
                    *out = inner;
                    k = q;
                    last = region && !strcmp(inner.precision, "region") ? e2 + 1 : e2;
                    break;
                }
                if (e2 == q) break;
            }
        }
    }
    *first_out = k;
    *last_out = last;
    out->name = code_slice(s, k, last, NULL, NULL);
    return true;
}

/* A place the gazetteer lacks is placed at the nearest known reference:
 * one the sentence names after it ("in Ain Zara, south of Tripoli", "near
 * the Line of Control in Kashmir"), else the last place the article named
 * in the article's country, for a village or a facility but not for a
 * natural feature. */
static void place_near(sentence_state *s, size_t last, const char *const *countries, size_t nc, bool natural, code_place *p)
{
    p->precision = NULL;
    for (size_t q = last + 1; q < s->n && q < last + 6; q++) {
        bool locative = s->tag[q] == TAG_LOCATIVE || is(s, q, "along");
        if (!locative) continue;
        /* "southeast of the city": the city named before */
        size_t noun_last;
        const code_place *called = is(s, q + 1, "the") ? place_called(s, q + 2, &noun_last) : NULL;
        if (called && called->precision && !isnan(called->lat)) {
            memcpy(p->country, called->country, 4);
            p->lat = called->lat;
            p->lon = called->lon;
            p->precision = "near";
            p->near = called->name;
            return;
        }
        /* "in northern Burkina Faso", "in the Sahel" */
        size_t rs = q + 1;
        while (rs < s->n && rs < q + 4 && (is_any(s, rs, determiners) || (!word_is_capitalized(s, rs) && s->tag[rs] == TAG_NONE &&
                                                                          !(s->tokens[rs].flags & TEXT_PUNCT)) ||
                                           hyphen_adjective(s, rs)))
            rs += hyphen_adjective(s, rs) ? 2 : 1;
        if (!place_word(s, rs)) continue;
        size_t re = rs;
        while (re + 1 < s->n && place_word(s, re + 1) && re - rs < 4) re++;
        code_place ref;
        memset(&ref, 0, sizeof ref);
        size_t rf, rl;
        if (known_place_at(s, rs, re, countries, nc, &ref, &rf, &rl)) {
            memcpy(p->country, ref.country, 4);
            p->lat = ref.lat;
            p->lon = ref.lon;
            p->precision = "near";
            p->near = ref.name;
            return;
        }
        break;
    }
    /* else the last region the article named in its country, else the
     * country (a sea or a shoal is not near the story's places) */
    const memory *m = s->memory;
    if (natural || !m->country[0]) return;
    /* (only when the sentence names no other state: "told reporters in
     * Palawan province" in a story about China is not in China) */
    for (size_t c = 0; c < nc; c++) if (!str_same_n(countries[c], m->country, 3)) return;
    const code_place *r = NULL;
    for (size_t k = m->place_count; k > 0 && !r; k--) {
        const code_place *q = &m->places[k - 1].place;
        if (q->precision && strcmp(q->precision, "region") == 0 && !isnan(q->lat) && str_same_n(q->country, m->country, 3)) r = q;
    }
    code_place country;
    memset(&country, 0, sizeof country);
    if (!r && state_place(s, m->country, 'n', &country)) r = &country;
    if (!r) return;
    memcpy(p->country, r->country, 4);
    p->lat = r->lat;
    p->lon = r->lon;
    p->precision = "near";
    p->near = r->name;
}

/* What words are about, whose place is not where they are spoken (a word
 * class: words.c). */
const char *const topic_nouns[] = { "ceasefire", "truce", "war", "conflict", "peace", "crisis", "violence", "death",
                                    "deaths", "killing", "killings", "situation", "hostilities", "fighting",
                                    "offensive", "attack", "attacks", "bombing", "bombings", "operations", "presence",
                                    "escalation", "clashes", "massacre", "atrocities", NULL };

/* "agreed on a cease-fire in Idlib", "condolences for the deaths of
 * soldiers in Idlib": the place of what is spoken of, not of the speaking */
static bool about_a_topic(const sentence_state *s, size_t first)   /* first: the token after "in" */
{
    if (first < 2 || !is(s, first - 1, "in")) return false;
    for (size_t k = first - 1; k > 0 && k + 6 > first; k--) {
        size_t w = k - 1;
        if ((s->tokens[w].flags & TEXT_PUNCT) || s->tag[w] == TAG_REPORT) return false;
        /* "discussed the clashes with both leaders in Samarkand": where they met */
        if (is(s, w, "with")) {
            size_t q = w + 1;
            while (q < first && (is_any(s, q, determiners) || is(s, q, "both") || is(s, q, "two"))) q++;
            if (q < first && s->mention_at[q] >= 0) return false;
        }
        if (is_any(s, w, topic_nouns) || (is(s, w, "fire") && w > 0 && is(s, w - 1, "cease"))) return true;
    }
    return false;
}

/* The words after which code_find_places looks for a place, besides a
 * locative and a deed's words (a word class: words.c). */
const char *const place_cues[] = { "along", "on", "over", "off", "hit", "pounded", "targeted", "of", NULL };

size_t code_find_places(sentence_state *s, place_candidate *out, size_t max)
{
    /* the countries that settle an ambiguous name: the article's, then the
     * states the sentence names, then those it names by an adjective
     * ("Russian forces captured a village west of Donetsk" is in Ukraine's
     * Donetsk in a story about Ukraine) */
    const char *countries[24];
    size_t nc = 0;
    if (s->memory->country[0]) countries[nc++] = s->memory->country;
    for (int adjective = 0; adjective < 2; adjective++)
        for (size_t m = 0; m < s->mention_count && nc < 24; m++)
            if (s->mentions[m].code[0] && code_is_state(s->mentions[m].code) && s->mentions[m].adjectival == (adjective == 1))
                countries[nc++] = s->mentions[m].code;
    size_t count = 0;
    for (size_t i = 0; i < s->n && count < max; i++) {
        /* "Nagorno-Karabakh is recognized as part of Azerbaijan. Azerbaijan
         * recaptured large parts of the region": a region of conflict named
         * anywhere is a place the article has named (no place of this
         * sentence unless a locative says so, below) */
        if (s->region[i] && (i == 0 || s->region[i - 1] != s->region[i]) && !(i > 0 && s->tag[i - 1] == TAG_LOCATIVE) &&
            word_is_capitalized(s, i)) {
            size_t end = i;
            while (end + 1 < s->n && s->region[end + 1] == s->region[i]) end++;
            code_place named;
            if (!gazetteer_place(s, i, end, countries, nc, true, false, &named) || !named.precision ||
                strcmp(named.precision, "region") != 0) {
                /* (one the gazetteer lacks keeps its name and the nearest reference) */
                memset(&named, 0, sizeof named);
                named.lat = named.lon = NAN;
                place_near(s, end, countries, nc, false, &named);
            }
            named.name = code_slice(s, i, end, NULL, NULL);
            remember_place(s, &named, "region");
        }
        /* (each test below asks of the word before: most words follow none) */
        if (i == 0 || !(s->tag[i - 1] == TAG_LOCATIVE || s->consumed[i - 1] || is_any(s, i - 1, place_cues))) continue;
        /* a place follows a locative ("in", "near", "south of", "along the
         * border"), perhaps with a determiner and adjectives ("in the West
         * Bank city of Jenin"), or "city of"/"town of" */
        bool after_locative = i > 0 && (s->tag[i - 1] == TAG_LOCATIVE || (is(s, i - 1, "along") && !is(s, i, "with")));
        /* "in an air strike on Beirut", "a missile attack on Kyiv": where the
         * deed hit, and so a place of deeds only, as a topic is */
        static const char *const attack_nouns[] = { "strike", "strikes", "airstrike", "airstrikes", "attack", "attacks", "raid",
                                                    "raids", "assault", "offensive", "bombardment", "bombing", "bombings",
                                                    "shelling", NULL };
        bool attack_on = i > 1 && is(s, i - 1, "on") && is_any(s, i - 2, attack_nouns);
        bool over = i > 0 && is(s, i - 1, "over") && !after_locative;
        if (attack_on || over) after_locative = true;
        /* "a tanker off Gibraltar" (not "cut off Qatar": a verb's particle) */
        if (i > 1 && is(s, i - 1, "off") && !s->is_head[i - 2] && s->tag[i - 2] == TAG_NONE && place_word(s, i)) after_locative = true;
        /* or the object of a deed: "seized the Chernobyl nuclear power plant" */
        /* ("air strikes hit Gaza City": the verb after a deed named by a noun) */
        bool after_deed = i > 0 && (s->consumed[i - 1] || is(s, i - 1, "hit") || is(s, i - 1, "pounded") || is(s, i - 1, "targeted")) &&
                          !s->consumed[i] &&
                          (s->mention_at[i] < 0 || (s->mentions[s->mention_at[i]].kind == MENTION_COUNTRY &&
                                                    !s->mentions[s->mention_at[i]].adjectival && s->tag[i] == TAG_ACTOR &&
                                                    s->tag_entry[i] && (s->tag_entry[i]->kind == LEX_CAPITAL ||
                                                                        s->tag_entry[i]->kind == LEX_COUNTRY)));
        /* "the Old City of Mosul", "the town of Yevlakh" */
        bool after_city_of = i > 1 && is(s, i - 1, "of") &&
                             (is(s, i - 2, "city") || is(s, i - 2, "town") || is(s, i - 2, "village") || is(s, i - 2, "port") ||
                              /* "the towns of Shire, Axum and Adwa": the first */
                              is(s, i - 2, "cities") || is(s, i - 2, "towns") || is(s, i - 2, "villages") ||
                              division_of(s, i - 2) || is(s, i - 2, "district") ||
                              is(s, i - 2, "areas") || is(s, i - 2, "parts") || is(s, i - 2, "outskirts") ||
                              is(s, i - 2, "suburbs") || is(s, i - 2, "centre") || is(s, i - 2, "center") ||
                              is(s, i - 2, "north") || is(s, i - 2, "south") || is(s, i - 2, "east") || is(s, i - 2, "west"));
        if (after_city_of) after_locative = true;
        size_t k = i;
        if (!after_locative && !after_deed) continue;
        bool from_agent = i >= 2 && is(s, i - 1, "from") && s->tag[i - 2] == TAG_AGENT;
        /* "forces from the northern region of Tigray agreed": where the
         * forces come from, not where they agreed (a place of deeds only,
         * as a topic is, and remembered for those told later) */
        bool origin = false;
        {
            size_t b = i;
            while (b > 0 && i - b < 6 && !is(s, b - 1, "from") &&
                   (is_any(s, b - 1, determiners) || is(s, b - 1, "of") || division_of(s, b - 1) || is(s, b - 1, "city") ||
                    is(s, b - 1, "town") || is(s, b - 1, "village") ||
                    (s->tag[b - 1] == TAG_NONE && !s->is_head[b - 1] && !(s->tokens[b - 1].flags & (TEXT_PUNCT | TEXT_CAPITALIZED)))))
                b--;
            origin = b >= 2 && is(s, b - 1, "from") && s->tag[b - 2] == TAG_AGENT;
        }
        /* "the capital, Sanaa", "the Kenyan capital, Nairobi": the name after the comma */
        if (is(s, k, "the") && k + 3 < s->n) {
            size_t noun = k + 1;
            if (!(is(s, noun, "capital") || is(s, noun, "city") || is(s, noun, "town") || is(s, noun, "port"))) noun++;
            if ((is(s, noun, "capital") || is(s, noun, "city") || is(s, noun, "town") || is(s, noun, "port")) &&
                is(s, noun + 1, ",") && place_word(s, noun + 2))
                k = noun + 2;
            /* "in the Ethiopian capital Addis Ababa", "the port city Hodeidah" */
            else if ((is(s, noun, "capital") || is(s, noun, "city") || is(s, noun, "town")) && place_word(s, noun + 1))
                k = noun + 1;
            else if (is(s, noun, "capital") && !place_word(s, noun + 1) && !is(s, noun + 1, "of") && !is(s, noun + 1, "'s")) {
                /* "in the Russian capital", "in the capital": the capital of
                 * the country named, else of the article's country */
                const char *code = s->memory->country;
                if (noun == k + 2) {
                    int m = s->mention_at[k + 1];
                    code = m >= 0 && s->mentions[m].code[0] && code_is_state(s->mentions[m].code) ? s->mentions[m].code : "";
                }
                place_candidate c;
                memset(&c, 0, sizeof c);
                if (code[0] && capital_of(s, code, &c.place)) {
                    c.first = (uint32_t)k;
                    c.last = (uint32_t)noun;
                    out[count++] = c;
                    remember_place(s, &c.place, "city");
                    i = noun;
                    continue;
                }
            }
        }
        if (k == i && after_locative && (is(s, k, "the") || is(s, k, "this"))) {
            /* "near the shoal", "parts of the region": the last place the
             * article called so */
            size_t noun_last;
            const code_place *called = place_called(s, k + 1, &noun_last);
            if (called && from_agent && is(s, k + 1, "country")) { i = noun_last; continue; }   /* "troops from the country" */
            if (called) {
                place_candidate c;
                memset(&c, 0, sizeof c);
                c.first = (uint32_t)k;
                c.last = (uint32_t)noun_last;
                c.place = *called;
                out[count++] = c;
                i = noun_last;
                continue;
            }
        }
        while (k < s->n && k < i + 4 && (is_any(s, k, determiners) || (!word_is_capitalized(s, k) && s->tag[k] == TAG_NONE &&
                                                                    !(s->tokens[k].flags & TEXT_PUNCT) && !s->is_head[k]) ||
                                         hyphen_adjective(s, k)))
            k += hyphen_adjective(s, k) ? 2 : 1;
        /* "backed by soldiers from neighboring Eritrea": the country they come
         * from, not where anything happens (but "withdraw its troops from the
         * Zaporizhzhia plant" is where they are) */
        if (from_agent && k < s->n && s->tag[k] == TAG_ACTOR && s->tag_entry[k] && s->tag_entry[k]->kind == LEX_COUNTRY) continue;
        /* ("talks over Kashmir": "over" after a deed's words too) */
        for (size_t q = i; q < k && !over; q++) over = is(s, q, "over");
        /* "the West Bank city of Jenin": the most specific name wins */
        size_t scan = k;
        while (scan < s->n && place_word(s, scan)) scan++;
        if (scan + 1 < s->n && (is(s, scan, "city") || is(s, scan, "town") || is(s, scan, "village") || is(s, scan, "port") ||
                                is(s, scan, "province") || is(s, scan, "region") || is(s, scan, "district") ||
                                is(s, scan, "suburb") || is(s, scan, "neighbourhood") || is(s, scan, "neighborhood")) &&
            is(s, scan + 1, "of") && place_word(s, scan + 2))
            k = scan + 2;
        if (!place_word(s, k)) continue;
        bool actor_object = false;
        const lex_entry *seat = NULL;
        if (s->mention_at[k] >= 0) {
            /* "between Sri Lankan police and ...": an actor's words, not a place */
            const mention *x = &s->mentions[s->mention_at[k]];
            if (x->adjectival || x->kind == MENTION_AGENT || x->kind == MENTION_PERSON || x->kind == MENTION_GROUP) continue;
            /* "fired rubber bullets at Palestinians": a people is no place */
            if (s->tag[k] == TAG_ACTOR && s->tag_entry[k] && s->tag_entry[k]->kind == LEX_DEMONYM) continue;
            if (!after_locative) {
                /* "struck what New Delhi called a camp": the subject of a verb is an actor */
                size_t after = x->last + 1;
                if (after < s->n && (s->tag[after] == TAG_REPORT || s->is_head[after] || s->tag[after] == TAG_MODAL)) continue;
                /* "talks hosted by Russia": the agent of a passive */
                if (k > 0 && is(s, k - 1, "by")) continue;
                /* "broke off relations with the United States", "sanctions on Caracas":
                 * a state as a deed's object is where force hits, not where words are said */
                actor_object = true;
            }
            if (s->tag[k] == TAG_ACTOR && s->tag_entry[k] && s->tag_entry[k]->kind == LEX_CAPITAL) seat = s->tag_entry[k];
        }
        /* the name: capitalized words, "al-Asad", "the Strait of Hormuz" */
        size_t end = k;
        for (;;) {
            if (end + 1 < s->n && place_word(s, end + 1) && end - k < 4) { end++; continue; }
            if (end + 2 < s->n && name_particle(s, end + 1) && end - k < 4) { end += 2; continue; }
            /* "Dar es Salaam", "Rio de Janeiro", "Mocimboa da Praia": a lowercase
             * particle between two capitalized words of one name */
            static const char *const inner[] = { "es", "de", "da", "do", "dos", "das", "del", "di", "du", "el", "la", NULL };
            if (end + 2 < s->n && is_any(s, end + 1, inner) && !word_is_capitalized(s, end + 1) && place_word(s, end + 2) &&
                end - k < 4) {
                end += 2;
                continue;
            }
            /* "Port-au-Prince": words joined by hyphens are one name */
            if (end + 1 < s->n && (s->tokens[end].flags & TEXT_HYPHEN_NEXT) && !(s->tokens[end + 1].flags & TEXT_PUNCT) &&
                end - k < 4 && (word_is_capitalized(s, end + 1) || (s->tokens[end + 1].flags & TEXT_HYPHEN_NEXT))) {
                end++;
                continue;
            }
            if (end + 2 < s->n && is(s, end + 1, "of") && place_word(s, end + 2) && end - k < 3 &&
                (phrase_at(s, end, natural_words) || phrase_at(s, end, facility_words))) {
                end += 2;
                continue;
            }
            break;
        }
        /* "at 9 a.m. Moscow time": a clock's zone, no place */
        if (end + 1 < s->n && is(s, end + 1, "time")) continue;
        /* a feature that ends the name or follows it: "Scarborough Shoal",
         * "the Kerem Shalom crossing", "Baghdad airport" */
        size_t feature = SIZE_MAX, full = end;
        bool natural = false;
        for (size_t p = k; p <= end + 1 && p < s->n; p++) {
            size_t nat = phrase_at(s, p, natural_words), fac = phrase_at(s, p, facility_words);
            size_t len = nat > fac ? nat : fac;
            if (!len || p + len - 1 < end) continue;
            if (p == end + 1 && word_is_capitalized(s, p)) continue;
            if (p == k && !(p + len <= end)) continue;   /* the feature word alone is no name */
            feature = p;
            natural = nat >= fac;
            full = p + len - 1;
            break;
        }
        place_candidate c;
        memset(&c, 0, sizeof c);
        c.place.lat = c.place.lon = NAN;
        c.actor_object = actor_object;
        c.object_of = (uint32_t)i;
        size_t first = k, last = end;
        bool known;
        if (feature == SIZE_MAX) {
            known = known_place_at(s, k, end, countries, nc, &c.place, &first, &last);
            /* "attacked the town of Palma" in a story of Mozambique: a place
             * described as a town or village is a small one of the story's
             * countries, not a city of the name elsewhere (Palma, Spain) */
            if (known && nc > 0 && !seat && k >= 2 && is(s, k - 1, "of") &&
                (is(s, k - 2, "town") || is(s, k - 2, "village") || is(s, k - 2, "towns") || is(s, k - 2, "villages"))) {
                bool preferred = false;
                for (size_t q = 0; q < nc && !preferred; q++) preferred = str_same_n(c.place.country, countries[q], 3);
                if (!preferred) known = false;
            }
            code_place capital;
            memset(&capital, 0, sizeof capital);
            if (seat && (!known || (first == k && last == s->mentions[s->mention_at[k]].last)) &&
                seat_of_government(s, seat, &capital) &&
                (!known || fabs(capital.lat - c.place.lat) + fabs(capital.lon - c.place.lon) > 0.5)) {
                /* "at the White House" is in Washington (not in White House, Tennessee) */
                c.place = capital;
                known = true;
                first = k;
                last = s->mentions[s->mention_at[k]].last;
            }
        } else {
            /* the whole name first ("Golan Heights"); a facility is at the
             * place it is named after */
            known = gazetteer_place(s, k, full, countries, nc, false, false, &c.place);
            if (known && natural) {
                /* "the Red Sea" is not Sudan's Red Sea state, unless the story is about Sudan */
                bool preferred = false;
                for (size_t q = 0; q < nc && !preferred; q++) preferred = str_same_n(c.place.country, countries[q], 3);
                known = preferred && strcmp(c.place.precision, "region") != 0;
            }
            if (known) {
                c.place.name = code_slice(s, k, full, NULL, NULL);
                last = full;
            } else if (!natural && feature > k) {
                size_t rf, rl;
                if (known_place_at(s, k, feature - 1, countries, nc, &c.place, &rf, &rl) && rf == k && rl == feature - 1) {
                    c.place.precision = "near";
                    c.place.near = c.place.name;
                    c.place.name = code_slice(s, k, full, NULL, NULL);
                    known = true;
                    last = full;
                }
            }
            if (!known) end = full;
        }
        /* an unknown name after a deed is a place only when it names a
         * feature: "seized the Chernobyl nuclear power plant" */
        if (!known && (!after_locative || attack_on) && feature == SIZE_MAX) continue;   /* (nor after "an attack on") */
        /* "away from Islam", "calls to Hamas": after "from", "to", "into",
         * "towards" an unknown name is seldom a place */
        if (!known && feature == SIZE_MAX && !after_city_of && i > 0 &&
            (is(s, i - 1, "from") || is(s, i - 1, "to") || is(s, i - 1, "into") || is(s, i - 1, "toward") ||
             is(s, i - 1, "towards") || is(s, i - 1, "via") || is(s, i - 1, "through") || is(s, i - 1, "beyond")))
            continue;
        const mention *named = feature == SIZE_MAX && s->mention_at[k] >= 0 ? &s->mentions[s->mention_at[k]] : NULL;
        if (!known && named && named->kind == MENTION_COUNTRY && code_is_state(named->code) &&
            state_place(s, named->code, 'n', &c.place)) {
            /* "in eastern Congo": a state the gazetteer knows by another of its names */
            known = true;
            first = k;
            last = named->last;
            c.place.name = code_slice(s, k, last, NULL, NULL);
        }
        if (!known) {
            /* a place the gazetteer lacks keeps its name and the nearest
             * known reference: "in Ain Zara, south of Tripoli"; not a name
             * that is an actor's ("the Middle East") */
            first = k;
            last = end;
            memset(&c.place, 0, sizeof c.place);
            c.place.lat = c.place.lon = NAN;
            c.place.name = code_slice(s, k, last, NULL, NULL);
            if (!named) place_near(s, last, countries, nc, feature != SIZE_MAX && natural, &c.place);
        }
        /* "talks in Oman" in a story from MUSCAT: the dateline's city */
        if (c.place.precision && strcmp(c.place.precision, "country") == 0 && s->memory->has_dateline &&
            strcmp(s->memory->dateline.country, c.place.country) == 0)
            c.place = s->memory->dateline;
        c.topic = about_a_topic(s, i) || attack_on || origin;   /* i: where the phrase starts ("in Syria's northwestern Idlib") */
        c.over = over;
        c.first = (uint32_t)first;
        c.last = (uint32_t)last;
        out[count++] = c;
        if (!actor_object) remember_place(s, &c.place, place_noun(s, first, last, &c.place));
        i = last;
    }
    return count;
}

/* The dateline's city ("PRETORIA, South Africa -", "BAGHDAD (AP) -"), in
 * capitals at the start of one of the first sentences. */
void code_find_dateline(sentence_state *s)
{
    if (s->memory->has_dateline || s->n == 0 || !(s->tokens[0].flags & TEXT_ALLCAPS)) return;
    size_t last = 0;
    while (last + 1 < s->n && (s->tokens[last + 1].flags & TEXT_ALLCAPS) && !(s->tokens[last + 1].flags & TEXT_PUNCT)) last++;
    /* "GAZA/JERUSALEM -": the first of the two cities */
    if (!is(s, last + 1, ",") && !is(s, last + 1, "(") && !is(s, last + 1, "-") && !is(s, last + 1, ":") && !is(s, last + 1, "/"))
        return;
    /* "KINGSTOWN, St Vincent -": the country the dateline names; else the
     * article's, then the one whose capital the city is */
    /* (the dateline's words carry no tags: the dictionary is asked here) */
    const char *countries[2];
    size_t nc = 0;
    lex_match m;
    const lex_entry *named = NULL, *capital = NULL;
    if (is(s, last + 1, ",") && last + 2 < s->n && lex_match_ids(s->dict, s->word_id, s->caps, s->n, last + 2, &m))
        named = lex_match_kind(&m, LEX_COUNTRY);
    if (lex_match_ids(s->dict, s->word_id, s->caps, s->n, 0, &m) && m.token_count == last + 1)
        capital = lex_match_kind(&m, LEX_CAPITAL);
    if (named) countries[nc++] = named->value;
    else {
        if (s->memory->country[0]) countries[nc++] = s->memory->country;
        if (capital) countries[nc++] = capital->value;
    }
    if (named) code_copy_text(s->memory->dateline_country, sizeof s->memory->dateline_country, named->value);
    code_place p;
    memset(&p, 0, sizeof p);
    if (!gazetteer_place(s, 0, last, countries, nc, false, false, &p)) return;
    p.name = code_slice(s, 0, last, NULL, NULL);
    s->memory->dateline = p;
    s->memory->has_dateline = true;
    code_copy_text(s->memory->dateline_country, sizeof s->memory->dateline_country, p.country);
}

