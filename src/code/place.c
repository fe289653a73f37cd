/* place: where an event happened.  Place expressions ("in Ain Zara,
 * south of Tripoli", "the town of X", "Idlib province") are looked up in
 * the gazetteer and chosen by the article's countries; the dateline gives
 * the place of events whose sentence names none. */
#include "internal.h"
#include "../lex/places.h"

#include <math.h>
#include <stdio.h>

static bool place_word(const sentence_state *s, size_t i)
{
    if (!(i < s->n && word_is_capitalized(s, i) && !s->dateline[i] && s->tag[i] != TAG_REPORT &&
          s->tag[i] != TAG_PRONOUN && !(s->tokens[i].flags & TEXT_NUMBER)))
        return false;
    date_expression d[1];
    return date_find(s->words, s->n, i, 1, s->publication, d, 1) == 0;   /* "in February", "on Monday" */
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
                if (found[k].kind == 'r' && strncmp(found[k].country, countries[c], 3) == 0) return k;
        for (size_t k = 0; k < n; k++) if (found[k].kind == 'r') return k;
    }
    bool has_country = false;
    for (size_t k = 0; k < n; k++) has_country |= found[k].kind == 'n';
    for (size_t c = 0; c < nc; c++)
        for (size_t k = 0; k < n; k++) {
            if (found[k].kind == 'r' || strncmp(found[k].country, countries[c], 3) != 0) continue;
            if (found[k].kind == 't' && found[0].population / 100 > found[k].population) break;
            return k;
        }
    if (!has_country)
        for (size_t c = 0; c < nc; c++)
            for (size_t k = 0; k < n; k++)
                if (found[k].kind == 'r' && strncmp(found[k].country, countries[c], 3) == 0) return k;
    if (found[0].kind == 'r')
        for (size_t k = 1; k < n; k++)
            if (found[k].kind != 'r' && strcmp(found[k].country, found[0].country) == 0) return k;
    return 0;
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
    size_t n = places_lookup(g, key, found, 16);
    if (!n) return false;
    size_t best = choose_place(found, n, countries, nc, want_region);
    const lex_entry *actor = s->tag[first] == TAG_ACTOR ? s->tag_entry[first] : NULL;
    if (actor && actor->kind != LEX_COUNTRY && actor->kind != LEX_CAPITAL && (found[best].kind == 't' || found[best].kind == 'r'))
        return false;
    if (prefix_only && (found[best].kind == 't' || found[best].kind == 'r')) {
        bool preferred = false;
        for (size_t c = 0; c < nc && !preferred; c++) preferred = strncmp(found[best].country, countries[c], 3) == 0;
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
    return is(s, i, "province") || is(s, i, "region") || is(s, i, "governorate") || is(s, i, "oblast");
}

size_t code_find_places(sentence_state *s, place_candidate *out, size_t max)
{
    const char *countries[24];
    size_t nc = 0;
    for (size_t m = 0; m < s->mention_count && nc < 23; m++)
        if (s->mentions[m].code[0] && code_is_state(s->mentions[m].code)) countries[nc++] = s->mentions[m].code;
    if (s->memory->country[0]) countries[nc++] = s->memory->country;
    size_t count = 0;
    for (size_t i = 0; i < s->n && count < max; i++) {
        /* a place follows a locative ("in", "near", "south of"), perhaps
         * with a determiner and adjectives ("in the West Bank city of
         * Jenin"), or "city of"/"town of" */
        bool after_locative = i > 0 && s->tag[i - 1] == TAG_LOCATIVE;
        /* or the object of a deed: "seized the Chernobyl nuclear power plant" */
        bool after_deed = i > 0 && s->consumed[i - 1] && !s->consumed[i] && s->mention_at[i] < 0;
        /* "the Old City of Mosul", "the town of Yevlakh" */
        bool after_city_of = i > 1 && is(s, i - 1, "of") &&
                             (is(s, i - 2, "city") || is(s, i - 2, "town") || is(s, i - 2, "village") || is(s, i - 2, "port") ||
                              division_of(s, i - 2) || is(s, i - 2, "district") ||
                              is(s, i - 2, "areas") || is(s, i - 2, "parts") || is(s, i - 2, "outskirts") ||
                              is(s, i - 2, "suburbs") || is(s, i - 2, "centre") || is(s, i - 2, "center") ||
                              is(s, i - 2, "north") || is(s, i - 2, "south") || is(s, i - 2, "east") || is(s, i - 2, "west"));
        if (after_city_of) after_locative = true;
        size_t k = i;
        if (!after_locative && !after_deed) continue;
        while (k < s->n && k < i + 4 && (is_any(s, k, determiners) || (!word_is_capitalized(s, k) && s->tag[k] == TAG_NONE &&
                                                                    !(s->tokens[k].flags & TEXT_PUNCT) && !s->is_head[k])))
            k++;
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
        if (s->mention_at[k] >= 0) {
            /* "between Sri Lankan police and ...": an actor's words, not a place */
            const mention *x = &s->mentions[s->mention_at[k]];
            if (x->adjectival || x->kind == MENTION_AGENT || x->kind == MENTION_PERSON || x->kind == MENTION_GROUP) continue;
            if (!after_locative) {
                /* "struck what New Delhi called a camp": the subject of a verb is an actor */
                size_t after = x->last + 1;
                if (after < s->n && (s->tag[after] == TAG_REPORT || s->is_head[after] || s->tag[after] == TAG_MODAL)) continue;
                /* "broke off relations with the United States", "sanctions on Caracas":
                 * a state as a deed's object is where force hits, not where words are said */
                actor_object = true;
            }
        }
        size_t end = k;
        while (end + 1 < s->n && place_word(s, end + 1) && end - k < 4) end++;
        place_candidate c;
        memset(&c, 0, sizeof c);
        c.place.lat = c.place.lon = NAN;
        c.actor_object = actor_object;
        /* the longest prefix of the name the gazetteer knows; a division
         * when the text names one: "Idlib province", "the province of Idlib" */
        bool division_before = k > 1 && is(s, k - 1, "of") && division_of(s, k - 2);
        size_t last = end;
        bool known = false, division_after = false;
        for (;;) {
            division_after = last + 1 < s->n && places_is_division_word(s->words[last + 1]);
            bool want_region = division_before || division_after;
            if (gazetteer_place(s, k, last, countries, nc, want_region, last < end && !division_after, &c.place)) {
                known = true;
                break;
            }
            if (last == k) break;
            last--;
        }
        if (known && division_after && !strcmp(c.place.precision, "region")) last++;   /* the name is "Idlib province" */
        if (!known && !after_locative) continue;
        if (!known) last = end;
        if (known && is(s, last + 1, "'s")) {
            /* "in Syria's northwestern Idlib province": the most specific */
            size_t q = last + 2;
            while (q < s->n && q < last + 5 && !word_is_capitalized(s, q) && s->tag[q] == TAG_NONE && !(s->tokens[q].flags & TEXT_PUNCT)) q++;
            size_t qe = q;
            while (qe + 1 < s->n && place_word(s, qe + 1) && qe - q < 3) qe++;
            code_place inner;
            memset(&inner, 0, sizeof inner);
            inner.lat = inner.lon = NAN;
            if (place_word(s, q)) {
                for (size_t e2 = qe;; e2--) {
                    if (gazetteer_place(s, q, e2, countries, nc, false, false, &inner)) { c.place = inner; k = q; last = e2; break; }
                    if (e2 == q) break;
                }
            }
        }
        c.first = (uint32_t)k;
        c.last = (uint32_t)last;
        c.place.name = code_slice(s, k, last, NULL, NULL);
        if (!known) {
            /* a place the gazetteer lacks keeps its name and the nearest
             * known reference: "in Ain Zara, south of Tripoli" */
            c.place.precision = NULL;
            for (size_t q = last + 1; q < s->n && q < last + 6; q++) {
                if (s->tag[q] == TAG_LOCATIVE && place_word(s, q + 1)) {
                    size_t re = q + 1;
                    while (re + 1 < s->n && place_word(s, re + 1) && re - q < 4) re++;
                    code_place ref;
                    memset(&ref, 0, sizeof ref);
                    if (gazetteer_place(s, q + 1, re, countries, nc, false, false, &ref)) {
                        memcpy(c.place.country, ref.country, 4);
                        c.place.lat = ref.lat;
                        c.place.lon = ref.lon;
                        c.place.precision = "near";
                        c.place.near = code_slice(s, q + 1, re, NULL, NULL);
                    }
                    break;
                }
            }
        }
        out[count++] = c;
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
    const char *countries[1] = { s->memory->country };
    code_place p;
    memset(&p, 0, sizeof p);
    if (!gazetteer_place(s, 0, last, countries, s->memory->country[0] ? 1 : 0, false, false, &p)) return;
    p.name = code_slice(s, 0, last, NULL, NULL);
    s->memory->dateline = p;
    s->memory->has_dateline = true;
}

