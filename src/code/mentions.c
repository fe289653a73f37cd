/* mentions: steps 1 and 2 of the coder.  Tokens are tagged with the
 * longest dictionary phrase that starts at them; actor mentions are built
 * from the tags (title + name, demonym + agent, possessives, affiliation,
 * apposition, pronouns, references to a deal or an attack named before,
 * compounds). */
#include "internal.h"
#include "casualty.h"
#include "../lex/places.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- step 1: tags ---- */

/* A dateline opens a story: "BAGHDAD (AP) -", "NAIROBI, Kenya (AP) -",
 * "MOSCOW -".  Its place names are not actors of the first sentence. */
static const mention *resolve_pronoun(sentence_state *s, size_t i);

static void mark_dateline(sentence_state *s)
{
    size_t i = 0;
    /* "PRETORIA, South Africa (AP) -": capitals, a comma, the country's name */
    bool after_comma = false;
    /* ("ISLAMABAD, Jan 15 (Reuters) -": a date after the comma, too) */
    while (i < s->n && ((s->tokens[i].flags & TEXT_ALLCAPS) || is(s, i, ",") ||
                        /* "GAZA/JERUSALEM (Reuters) -": two cities */
                        (is(s, i, "/") && i > 0 && (s->tokens[i - 1].flags & TEXT_ALLCAPS) && i + 1 < s->n &&
                         (s->tokens[i + 1].flags & TEXT_ALLCAPS)) ||
                        (after_comma && (s->tokens[i].flags & (TEXT_CAPITALIZED | TEXT_NUMBER))) ||
                        /* "GOMA, Democratic Republic of Congo (Reuters) -" */
                        (after_comma && i > 0 && (s->tokens[i - 1].flags & TEXT_CAPITALIZED) && i + 1 < s->n &&
                         (s->tokens[i + 1].flags & TEXT_CAPITALIZED) && (is(s, i, "of") || is(s, i, "and") || is(s, i, "the"))) ||
                        (after_comma && is(s, i, ".") && i > 0 && (s->tokens[i - 1].flags & TEXT_CAPITALIZED)))) {
        if (is(s, i, ",")) after_comma = true;
        i++;
    }
    /* "(Reuters) - Israeli troops ...": an agency's credit with no city */
    if (i == 0 && is(s, 0, "(")) {
        size_t k = 1;
        while (k < s->n && k < 6 && !is(s, k, ")")) k++;
        if (k + 1 < s->n && is(s, k, ")") && (is(s, k + 1, "-") || is(s, k + 1, "\u2014") || is(s, k + 1, "\u2013") ||
                                               is(s, k + 1, ":")))
            for (size_t q = 0; q <= k + 1; q++) s->dateline[q] = true;
        return;
    }
    if (i == 0) return;
    /* "MOSCOW" alone on its line (the sentence may end with a dash or a stop) */
    bool alone = i == s->n || (i + 1 == s->n && ((s->cls[i] & WORD_STOP) || is(s, i, "-")));
    if (alone) {
        for (size_t k = 0; k < s->n; k++) s->dateline[k] = true;
        return;
    }
    if (is(s, i, "(")) {
        size_t k = i + 1;
        while (k < s->n && k < i + 8 && !is(s, k, ")")) k++;
        if (k >= s->n || !is(s, k, ")")) return;
        i = k + 1;
    }
    if (!(is(s, i, "-") || is(s, i, ":") || (i > 0 && is(s, i - 1, ")")))) return;
    if (is(s, i, "-") || is(s, i, ":")) i++;
    /* (a dateline standing as a paragraph of its own is all dateline) */
    for (size_t k = 0; k < i && k < s->n; k++) s->dateline[k] = true;
}

/* Whether a word is the head of a verb pattern (is_head is set only once
 * the sentence is tagged). */
static bool heads_a_pattern(const sentence_state *s, size_t k)
{
    size_t hc = 0;
    lex_heads_of(s->dict, s->word_id[k], &hc);
    return hc > 0;
}

static int times_named(const memory *mem, const char *country);

/* The last word of the pronoun phrase that begins at i ("the 15-member
 * bloc": its words share one dictionary entry). */
static size_t pronoun_phrase_end(const sentence_state *s, size_t i)
{
    size_t end = i;
    while (end + 1 < s->n && s->tag[end + 1] == TAG_PRONOUN && s->tag_entry[end + 1] == s->tag_entry[i]) end++;
    return end;
}

void code_tag_sentence(sentence_state *s)
{
    mark_dateline(s);
    for (size_t i = 0; i < s->n;) {
        lex_match m;
        if (lex_match_ids(s->dict, s->word_id, s->caps, s->n, i, &m)) {
            span *sp = &s->spans[s->span_count++];
            sp->first = (uint32_t)i;
            sp->last = (uint32_t)(i + m.token_count - 1);
            sp->match = m;
            uint8_t tag = TAG_NONE;
            const lex_entry *chosen = NULL;
            /* one tag per span: actors, then agents, then grammar words */
            for (size_t k = 0; k < m.count && !chosen; k++)
                if (lex_kind_is_actor(m.entries[k]->kind)) { chosen = m.entries[k]; tag = TAG_ACTOR; }
            static const struct { lex_kind kind; uint8_t tag; } order[] = {
                { LEX_AGENT, TAG_AGENT }, { LEX_PRONOUN, TAG_PRONOUN }, { LEX_REPORT, TAG_REPORT },
                { LEX_NEGATION, TAG_NEGATION }, { LEX_MODAL, TAG_MODAL }, { LEX_LOCATIVE, TAG_LOCATIVE },
            };
            for (size_t o = 0; o < sizeof order / sizeof *order && !chosen; o++) {
                chosen = lex_match_kind(&m, order[o].kind);
                if (chosen) tag = order[o].tag;
            }
            /* A lowercase single word that is an actor only by capitalized use
             * ("turkey", "chad", "georgia" the names; "jordan") stays a word
             * when written in lower case. */
            if (tag == TAG_ACTOR && m.token_count == 1 && !(s->tokens[i].flags & TEXT_CAPITALIZED) &&
                chosen->kind != LEX_DEMONYM) {
                bool lower_in_entry = chosen->phrase[0] >= 'a' && chosen->phrase[0] <= 'z';
                if (!lower_in_entry) { i++; s->span_count--; continue; }
            }
            /* "Burhan Wani" in a story that names nothing of Sudan: a person's
             * one-word name ("Burhan" for Sudan's general) followed by another
             * capitalized word is part of another person's name */
            if (tag == TAG_ACTOR && chosen->kind == LEX_PERSON && m.token_count == 1 && i + 1 < s->n &&
                word_is_capitalized(s, i + 1) && (s->tokens[i + 1].flags & TEXT_WORD) && !s->dateline[i]) {
                char code[16];
                lex_actor_code(chosen, s->publication, code);
                lex_match next;
                bool next_known = lex_match_ids(s->dict, s->word_id, s->caps, s->n, i + 1, &next) && next.count > 0;
                if (!next_known && code_is_state(code) && code_length_at_least(code, 3) && times_named(s->memory, code) == 0) {
                    i++;
                    s->span_count--;
                    continue;
                }
            }
            /* "Mocimboa da Praia", "Ponta do Ouro": a capital's or country's
             * name after a particle of a longer place name is part of it */
            static const char *const particles[] = { "da", "de", "do", "dos", "das", "del", "di", "du", NULL };
            if (tag == TAG_ACTOR && (chosen->kind == LEX_CAPITAL || chosen->kind == LEX_COUNTRY) && i >= 2 &&
                is_any(s, i - 1, particles) && word_is_capitalized(s, i - 2) && s->tag[i - 2] == TAG_NONE) {
                i += m.token_count;
                s->span_count--;
                continue;
            }
            /* "The Group of Seven": a name that starts inside "the group" and
             * runs past it is the name */
            /* ("the West African forces": not "the West" and "African") */
            if ((tag == TAG_PRONOUN || (tag == TAG_ACTOR && is(s, i, "the"))) && m.token_count >= 2 && i + 1 < s->n) {
                lex_match longer;
                if (lex_match_ids(s->dict, s->word_id, s->caps, s->n, i + 1, &longer) &&
                    i + 1 + longer.token_count > i + m.token_count) {
                    bool actor = false;
                    for (size_t q = 0; q < longer.count && !actor; q++) actor = lex_kind_is_actor(longer.entries[q]->kind);
                    if (actor) { s->span_count--; i++; continue; }
                }
            }
            /* "claimed that attack.": "that" points at a noun, no clause follows */
            if (tag == TAG_REPORT && is(s, sp->last, "that") && sp->last + 1 < s->n &&
                (sp->last + 2 >= s->n || (s->tokens[sp->last + 2].flags & TEXT_PUNCT)) &&
                !(s->tokens[sp->last + 1].flags & TEXT_PUNCT)) {
                tag = TAG_NONE;
                chosen = NULL;
            }
            /* (most spans are one word: a loop would be a call to memset) */
            if (sp->first == sp->last) { s->tag[i] = tag; s->tag_entry[i] = chosen; }
            else for (size_t k = sp->first; k <= sp->last; k++) { s->tag[k] = tag; s->tag_entry[k] = chosen; }
            const lex_entry *weapon = lex_match_kind(&m, LEX_WEAPON);
            if (weapon)
                for (size_t k = sp->first; k <= sp->last; k++) s->weapon[k] = weapon->value;
            const lex_entry *facility = tag == TAG_NONE ? lex_match_kind(&m, LEX_FACILITY) : NULL;
            if (facility)
                for (size_t k = sp->first; k <= sp->last; k++) s->facility[k] = facility;
            const lex_entry *region = lex_match_kind(&m, LEX_REGION);
            if (region && !s->dateline[i]) {
                for (size_t k = sp->first; k <= sp->last; k++) s->region[k] = region;
                s->memory->last_region = region;
            }
            i += m.token_count;
        } else {
            i++;
        }
    }
    /* "condemned the Boma attack", "after the Pulwama bombing": a place's
     * name between "the" and a deed's noun leaves the reference "the
     * attack" whole */
    /* (and adjectives: "condemned this unconscionable act", "the brutal attack") */
    for (size_t i = 0; i + 2 < s->n; i++) {
        if (!(is(s, i, "the") || is(s, i, "this")) || s->tag[i] != TAG_NONE || s->dateline[i]) continue;
        size_t k = i + 1;
        while (k < s->n && k < i + 3 && s->tag[k] == TAG_NONE && !s->dateline[k] && (s->tokens[k].flags & TEXT_WORD) &&
               !(s->cls[k] & WORD_STOP) && !is_any(s, k, determiners) && !is_any(s, k, prepositions) &&
               (word_is_capitalized(s, k) || (k + 1 < s->n && !word_is_capitalized(s, k + 1) && !heads_a_pattern(s, k))))
            k++;
        if (k == i + 1 || k >= s->n || s->tag[k] != TAG_NONE || word_is_capitalized(s, k)) continue;
        uint32_t ids[2] = { s->word_id[i], s->word_id[k] };
        bool caps[2] = { s->caps[i], s->caps[k] };
        lex_match m;
        if (!lex_match_ids(s->dict, ids, caps, 2, 0, &m) || m.token_count != 2) continue;
        const lex_entry *e = lex_match_kind(&m, LEX_PRONOUN);
        if (!e || !(str_same(e->value, "deed") || str_same(e->value, "coercion"))) continue;
        for (size_t q = i; q <= k; q++) { s->tag[q] = TAG_PRONOUN; s->tag_entry[q] = e; }
        i = k;
    }
    for (size_t i = 0; i < s->n; i++) {
        if (s->dateline[i]) { s->tag[i] = TAG_NONE; continue; }
        /* (one test of the tag's bit in a mask of them) */
        enum { NOT_HEADS = 1u << TAG_ACTOR | 1u << TAG_AGENT | 1u << TAG_PRONOUN | 1u << TAG_LOCATIVE | 1u << TAG_NEGATION |
                           1u << TAG_MODAL };
        if ((NOT_HEADS >> s->tag[i]) & 1u) continue;
        /* "U.N.-recognized", "Iranian-made": a participle joined to the word before is an adjective */
        if (i > 0 && (s->tokens[i - 1].flags & TEXT_HYPHEN_NEXT)) continue;
        s->is_head[i] = heads_a_pattern(s, i);
    }
}

/* How often the article names a country in actor phrases. */
static int times_named(const memory *mem, const char *country)
{
    for (size_t x = 0; x < mem->country_count; x++)
        if (str_same_n(mem->countries[x].code, country, 3)) return mem->countries[x].count;
    return 0;
}

/* The country of the first place the sentence names after a locative
 * ("In Yerevan, ...", "in southern Turkey"): the home of agents the
 * sentence does not otherwise place. */
void code_sentence_place_country(sentence_state *s)
{
    s->place_country[0] = 0;
    const places *g = lex_places(s->dict);
    for (size_t i = 1; i < s->n; i++) {
        if (s->tag[i - 1] != TAG_LOCATIVE) continue;
        /* "soldiers from neighboring Eritrea": where they come from, not
         * where the sentence happens */
        /* (nor "a request from Washington", "returned from Moscow": where
         * something comes from is seldom where the sentence happens) */
        if (is(s, i - 1, "from")) continue;
        size_t k = i;
        /* "in western Iraq": "western" is a demonym ("the Western allies") only when written so */
        while (k < s->n && k < i + 3 && (is_any(s, k, determiners) ||
                                         ((s->tag[k] == TAG_NONE || (s->tag[k] == TAG_ACTOR && s->tag_entry[k] &&
                                                                     s->tag_entry[k]->kind == LEX_DEMONYM)) &&
                                          !(s->tokens[k].flags & TEXT_CAPITALIZED) && !(s->tokens[k].flags & TEXT_PUNCT))))
            k++;
        if (k >= s->n || !(s->tokens[k].flags & TEXT_CAPITALIZED) || s->dateline[k]) continue;
        /* "in several Indian cities": a demonym before a noun of places */
        static const char *const place_nouns[] = { "city", "cities", "town", "towns", "village", "villages", "province",
                                                    "provinces", "region", "regions", "capital", "streets", NULL };
        bool demonym_place = s->tag[k] == TAG_ACTOR && s->tag_entry[k] && s->tag_entry[k]->kind == LEX_DEMONYM &&
                             k + 1 < s->n && is_any(s, k + 1, place_nouns);
        if (s->tag[k] == TAG_ACTOR && s->tag_entry[k] &&
            (s->tag_entry[k]->kind == LEX_COUNTRY || s->tag_entry[k]->kind == LEX_CAPITAL || demonym_place)) {
            char code[16];
            lex_actor_code(s->tag_entry[k], s->publication, code);
            if (strlen(code) >= 3 && code_is_state(code)) {
                memcpy(s->place_country, code, 3);
                s->place_country[3] = 0;
                s->place_at = k;
                return;
            }
        }
        if (g && s->tag[k] == TAG_NONE) {
            /* the whole name: "in Central Equatoria" is not "Central" */
            char key[128];
            size_t end = k;
            while (end + 1 < s->n && end < k + 3 && s->tag[end + 1] == TAG_NONE && word_is_capitalized(s, end + 1)) end++;
            if (!code_join_words(s, k, end, key, sizeof key)) continue;
            place_info found[8];
            size_t nf = code_places_lookup(s, key, found, 8);
            /* a place of that name in the article's country is the one meant */
            for (size_t f = 0; f < nf; f++)
                if (s->memory->country[0] && strncmp(found[f].country, s->memory->country, 3) == 0) {
                    memcpy(s->place_country, found[f].country, 4);
                    s->place_at = k;
                    return;
                }
            /* (or in another state the article has named: "homes in the Isfara
             * district" in a story of Kyrgyz and Tajik forces) */
            for (size_t f = 0; f < nf; f++)
                for (size_t t = 0; t < s->memory->tally_count; t++)
                    if (strlen(s->memory->tally[t].code) >= 3 && code_is_state(s->memory->tally[t].code) &&
                        strncmp(found[f].country, s->memory->tally[t].code, 3) == 0) {
                        memcpy(s->place_country, found[f].country, 4);
                        s->place_at = k;
                        return;
                    }
            if (nf && found[0].population >= 100000) {
                memcpy(s->place_country, found[0].country, 4);
                s->place_at = k;
                return;
            }
        }
    }
}

/* ---- step 2: mentions ---- */

static bool preceded_by_locative(const sentence_state *s, size_t first)
{
    /* "in Moscow", "in the Russian capital", "south of Tripoli", and
     * "in the Sea of Japan", "in the Gulf of Aden" */
    size_t i = first;
    for (int steps = 0; i > 0 && steps < 6; steps++) {
        if (is_any(s, i - 1, determiners)) { i--; continue; }
        if (is(s, i - 1, "of") && i > 1 && (s->tokens[i - 2].flags & TEXT_CAPITALIZED) && s->tag[i - 2] == TAG_NONE) {
            i -= 2;
            continue;
        }
        if ((s->tokens[i - 1].flags & TEXT_CAPITALIZED) && s->tag[i - 1] == TAG_NONE && i != first) { i--; continue; }
        /* "in central Baghdad", "in southern Turkey" */
        if (steps < 2 && s->tag[i - 1] == TAG_NONE && !s->is_head[i - 1] && (s->tokens[i - 1].flags & TEXT_WORD) &&
            !(s->tokens[i - 1].flags & (TEXT_CAPITALIZED | TEXT_NUMBER)) && !is_any(s, i - 1, prepositions) &&
            !be_word(s, i - 1) && !is(s, i - 1, "and")) {
            i--;
            continue;
        }
        break;
    }
    /* "troops from India and Pakistan": whose troops, not where the deed is */
    if (i > 1 && is(s, i - 1, "from") && s->tag[i - 2] == TAG_AGENT) return false;
    return i > 0 && s->tag[i - 1] == TAG_LOCATIVE;
}

static bool preceded_by_preposition(const sentence_state *s, size_t first)
{
    size_t i = first;
    while (i > 0 && (is_any(s, i - 1, determiners) || (s->tokens[i - 1].flags & TEXT_HYPHEN_NEXT))) i--;
    /* "Dozens of lawmakers criticized": a quantity's "of" heads no phrase */
    static const char *const quantities[] = { "dozens", "hundreds", "thousands", "tens", "scores", "millions", NULL };
    if (i > 1 && is(s, i - 1, "of") && (is_any(s, i - 2, quantities) || (s->cls[i - 2] & WORD_QUANTITY))) return false;
    return i > 0 && (is_any(s, i - 1, prepositions) || s->tag[i - 1] == TAG_LOCATIVE);
}

static mention *add_mention(sentence_state *s, size_t first, size_t last, const char *code, mention_kind kind, const char *how)
{
    if (s->mention_count == MAX_MENTIONS) return NULL;
    mention *m = &s->mentions[s->mention_count++];
    memset(m, 0, sizeof *m);
    m->first = (uint32_t)first;
    m->last = (uint32_t)last;
    code_copy_text(m->code, sizeof m->code, code);
    m->kind = kind;
    m->compound = -1;
    m->text = code_slice(s, first, last, &m->start, &m->end);
    m->how = how;
    /* only a country, capital or institution can be a place: "at protesters" is an object */
    m->place = (kind == MENTION_COUNTRY || kind == MENTION_ORGANIZATION) && preceded_by_locative(s, first);
    /* "sent an aircraft carrier to the eastern Mediterranean": a region
     * after "to", "into", "across" or "toward" is where */
    if (!m->place && kind == MENTION_COUNTRY && code_is_region(code) && first > 0) {
        size_t b = first;
        while (b > 0 && first - b < 3 && (is_any(s, b - 1, determiners) ||
                                          (s->tag[b - 1] == TAG_NONE && !(s->tokens[b - 1].flags & TEXT_PUNCT) &&
                                           !s->is_head[b - 1] && !is_any(s, b - 1, prepositions))))
            b--;
        if (b > 0 && (is(s, b - 1, "to") || is(s, b - 1, "into") || is(s, b - 1, "across") || is(s, b - 1, "toward") ||
                      is(s, b - 1, "towards")))
            m->place = true;
    }
    /* "a summit in Samarkand, Uzbekistan, and": the country of a place named
     * before it is where too */
    if (!m->place && kind == MENTION_COUNTRY && first >= 3 && is(s, first - 1, ",") &&
        (s->tokens[first - 2].flags & TEXT_CAPITALIZED) && !date_is_month_or_weekday(s->words[first - 2]) &&   /* ("In January, Uzbekistan offered") */
        (s->mention_at[first - 2] < 0 || s->mentions[s->mention_at[first - 2]].place) &&
        preceded_by_locative(s, s->mention_at[first - 2] >= 0 ? s->mentions[s->mention_at[first - 2]].first : first - 2))
        m->place = true;
    /* "agreements reached in Luanda and Nairobi": the second of a pair of places */
    if (!m->place && (kind == MENTION_COUNTRY || kind == MENTION_ORGANIZATION) && first >= 2 &&
        (is(s, first - 1, "and") || is(s, first - 1, "or")) && s->mention_at[first - 2] >= 0 &&
        s->mentions[s->mention_at[first - 2]].place && s->mentions[s->mention_at[first - 2]].kind == kind)
        m->place = true;
    m->prepositional = preceded_by_preposition(s, first) ||
                       /* ("Hundreds of Castillo's supporters": the owner is no subject) */
                       (first > 0 && is(s, first - 1, "of") && ends_possessive(s, last));
    if (m->prepositional) {
        /* "after President Erdogan criticized Israel": a subordinator with a
         * clause of its own, not a preposition */
        size_t b = first;
        while (b > 0 && is_any(s, b - 1, determiners)) b--;
        if (b > 0 && is_any(s, b - 1, subordinators))
            for (size_t k = last + 1; k < s->n && k <= last + 10 && !(s->cls[k] & WORD_STOP); k++)
                if (s->is_head[k] || s->tag[k] == TAG_MODAL || s->tag[k] == TAG_NEGATION || be_word(s, k) ||
                    is(s, k, "has") || is(s, k, "have") || is(s, k, "had")) {
                    m->prepositional = false;
                    break;
                }
    }
    /* "Rockets fired by Hezbollah hit a town": who fired the weapons that
     * open the sentence does what they do (not "pagers used by members
     * of Hezbollah": their owners) */
    if (m->prepositional && first >= 3 && is(s, first - 1, "by")) {
        static const char *const firing[] = { "fired", "launched", "dropped", "planted", "detonated", "thrown", "lobbed", NULL };
        size_t w = first - 3;
        if (is_any(s, first - 2, firing) && s->weapon[w]) {
            bool opening = true;   /* nothing but the weapon's words before it */
            for (size_t k = 0; k < w && opening; k++) opening = s->mention_at[k] < 0 && !s->is_head[k] && s->tag[k] != TAG_REPORT;
            if (opening) m->prepositional = false;
        }
    }
    m->modifier = (last < s->n && (s->tokens[last].flags & TEXT_HYPHEN_NEXT) != 0) ||
                  (first > 0 && (s->tokens[first - 1].flags & TEXT_HYPHEN_NEXT) && !is(s, first - 1, "pro"));
    /* "anti-aircraft guns of the Haftar forces", "a faction within the armed forces" */
    m->after_of = m->prepositional && first > 0 &&
                  (is(s, first - 1, "of") || is(s, first - 1, "within") ||
                   (first > 1 && (is(s, first - 2, "of") || is(s, first - 2, "within")) && is_any(s, first - 1, determiners)));
    for (size_t k = first; k <= last && k < s->n; k++) {
        s->mention_at[k] = (int16_t)(s->mention_count - 1);
        if (s->weapon[k]) m->weapon = true;
    }
    return m;
}

static mention_kind kind_of_entry(const lex_entry *e)
{
    switch (e->kind) {
    case LEX_PERSON: return MENTION_PERSON;
    case LEX_COUNTRY: case LEX_CAPITAL: case LEX_DEMONYM: return MENTION_COUNTRY;
    case LEX_ORGANIZATION: return MENTION_ORGANIZATION;
    default: return MENTION_GROUP;
    }
}

static void remember(sentence_state *s, const mention *m)
{
    /* (not a reference to a deed's author: "the Boma attack" names no insurgents anew) */
    if (code_role_is(m->code, "INS") && !m->reference)
        code_copy_text(s->memory->insurgents, sizeof s->memory->insurgents, m->code);
    memory *mem = s->memory;
    if (!m->code[0] || m->place || m->modifier || m->adjectival || m->speaker_ref) return;
    bool singular_agent = m->kind == MENTION_AGENT && !m->plural;
    if (m->kind == MENTION_PERSON || m->kind == MENTION_NAME || singular_agent) { mem->last_person = *m; mem->has_person = true; }
    if (m->plural || m->kind == MENTION_GROUP || m->compound >= 0) {
        /* "Russia and Turkey ... they": remember the pair (the members come one after the other) */
        /* (and the whole list: "France, Germany and Britain ... They") */
        if (m->compound >= 0) {
            const mention *tail = mem->list_count ? &mem->list[mem->list_count - 1] : NULL;
            /* (members of a group a pronoun stands for share its words) */
            bool same_words = tail && m->start == tail->start && m->end == tail->end;
            if (tail && tail->compound == m->compound && (m->start > tail->end || same_words) &&
                (same_words || m->start - tail->end < 40)) {
                if (mem->list_count < sizeof mem->list / sizeof *mem->list) mem->list[mem->list_count++] = *m;
            } else {
                mem->list[0] = *m;
                mem->list_count = 1;
            }
        } else {
            mem->list_count = 0;
        }
        if (m->compound >= 0 && mem->has_plural && mem->last_plural.compound == m->compound &&
            strcmp(mem->last_plural.code, m->code) != 0) {
            mem->pair[0] = mem->last_plural;
            mem->pair[1] = *m;
            mem->plural_is_pair = true;
        } else if (m->compound < 0) {
            mem->plural_is_pair = false;
        }
        mem->last_plural = *m;
        mem->has_plural = true;
    }
    if (m->kind == MENTION_COUNTRY || m->kind == MENTION_ORGANIZATION || m->kind == MENTION_GROUP || singular_agent) {
        mem->last_thing = *m;
        mem->has_thing = true;
    }
    mem->last_actor = *m;
    mem->has_actor = true;
    if (m->kind == MENTION_GROUP || m->kind == MENTION_ORGANIZATION) {
        mem->last_group = *m;
        mem->has_group = true;
        if (mem->group_count == sizeof mem->groups / sizeof mem->groups[0]) {
            memmove(mem->groups, mem->groups + 1, (mem->group_count - 1) * sizeof mem->groups[0]);
            mem->group_count--;
        }
        mem->groups[mem->group_count++] = *m;
    }
}

/* How often each actor is named, for "the two sides" and the parties of a
 * deal named before: once per mention, after the sentence's mentions are
 * settled. */
static void count_mention(sentence_state *s, const mention *m)
{
    memory *mem = s->memory;
    if (!m->code[0] || m->place || m->modifier || m->adjectival || m->speaker_ref || m->reference) return;
    if (m->how && str_same(m->how, "the two sides")) return;
    if (!m->inferred_country && !m->weapon && code_is_state(m->code) && code_length_at_least(m->code, 3)) {
        size_t k = 0;
        while (k < mem->tally_count && !str_same(mem->tally[k].code, m->code)) k++;
        if (k == mem->tally_count && k < sizeof mem->tally / sizeof mem->tally[0]) {
            code_copy_text(mem->tally[k].code, sizeof mem->tally[k].code, m->code);
            mem->tally[k].count = 0;
            mem->tally[k].text = m->text;
            const char *code = mem->tally[k].code;
            mem->tally[k].party = code_is_party(code);
            mem->tally[k].government = strlen(code) == 3 || strcmp(code + 3, "GOV") == 0;
            mem->tally_count++;
        }
        if (k < mem->tally_count) mem->tally[k].count++;
    }
}

/* The code of the actor entry on the event date. */
static void entry_code(const sentence_state *s, const lex_entry *e, char out[16])
{
    lex_actor_code(e, s->publication, out);
}

/* Two actors standing for one phrase ("the two sides", "they", "the deal"):
 * a compound of their own over tokens first..last. */
/* Several actors standing for one phrase: a compound of their own over
 * tokens first..last, each with its own text when it has one (else the
 * phrase's).  Returns how many were added. */
static size_t add_group(sentence_state *s, size_t first, size_t last, const mention *members, size_t n, const char *how,
                        bool reference)
{
    int group = 2000 + (int)first;
    /* "the three governments", "all three juntas": the role the words
     * name, for states, whatever the members were named as */
    const char *role = NULL;
    if (last > first && s->tag[last] == TAG_PRONOUN) {
        if (is(s, last, "governments")) role = "GOV";
        else if (is(s, last, "juntas")) role = "MIL";
    }
    for (size_t k = 0; k < n; k++) {
        char code[16];
        code_copy_text(code, sizeof code, members[k].code);
        if (role && code_length_at_least(code, 3) && code_is_state(code)) {
            char country[4] = { code[0], code[1], code[2], 0 };
            code_set(code, country, role);
        }
        mention *m = add_mention(s, first, last, code, members[k].kind, how);
        if (!m) return k;
        m->compound = group;
        m->plural = true;
        m->reference = reference;
        if (members[k].text) m->text = members[k].text;
    }
    return n;
}

static void add_pair(sentence_state *s, size_t first, size_t last, const mention pair[2], const char *how, bool reference)
{
    add_group(s, first, last, pair, 2, how, reference);
}

/* A group of states named as such ("the Gulf states", "the three Gulf
 * states"; dict/grammar.txt, value "states" and the members' codes): the
 * members the article has named so far, most named first, less any member
 * the sentence names on its own ("gave Qatari citizens 14 days to leave":
 * not Qatar), at most as many as the phrase's number says.  Returns the
 * number of members added. */
static size_t add_bloc(sentence_state *s, size_t first, size_t last, const char *members)
{
    static const char *const numbers[] = { "two", "three", "four", "five", "six", "seven", "eight", "nine", NULL };
    size_t limit = SIZE_MAX;
    for (size_t k = first; k <= last; k++)
        for (size_t q = 0; numbers[q]; q++)
            if (is_string(s, k, numbers[q])) limit = q + 2;
    /* members the sentence names apart from the phrase */
    char apart[16][4];
    size_t apart_count = 0;
    for (size_t k = 0; k < s->n && apart_count < 16; k++) {
        if (k >= first && k <= last) continue;
        if (s->tag[k] != TAG_ACTOR || !s->tag_entry[k]) continue;
        char code[16];
        entry_code(s, s->tag_entry[k], code);
        if (strlen(code) < 3) continue;
        memcpy(apart[apart_count], code, 3);
        apart[apart_count++][3] = 0;
    }
    const memory *mem = s->memory;
    bool taken[32] = { false };
    mention chosen[16];
    size_t n = 0;
    while (n < limit && n < 16) {
        int best = -1;
        for (size_t k = 0; k < mem->tally_count && k < 32; k++) {
            const char *c = mem->tally[k].code;
            if (taken[k] || strlen(c) < 3 || !code_is_state(c) || (strlen(c) > 3 && strcmp(c + 3, "GOV") != 0)) continue;
            char country[4];
            memcpy(country, c, 3);
            country[3] = 0;
            if (!strstr(members, country)) continue;
            bool skip = false;
            for (size_t a = 0; a < apart_count && !skip; a++) skip = strcmp(apart[a], country) == 0;
            for (size_t a = 0; a < n && !skip; a++) skip = strcmp(chosen[a].code, country) == 0;
            if (skip) { taken[k] = true; continue; }
            if (best < 0 || mem->tally[k].count > mem->tally[best].count) best = (int)k;
        }
        if (best < 0) break;
        taken[best] = true;
        memset(&chosen[n], 0, sizeof chosen[n]);
        memcpy(chosen[n].code, mem->tally[best].code, 3);
        chosen[n++].kind = MENTION_COUNTRY;
    }
    if (n < 2) return 0;
    return add_group(s, first, last, chosen, n, "a member of the group of states named before", false);
}

/* A rank or post that says nothing of the body it belongs to: "officers",
 * "officials", "personnel" ("coast guard officers" are coast guard). */
static bool generic_rank(const sentence_state *s, size_t k)
{
    static const char *const ranks[] = { "officer", "officers", "official", "officials", "personnel", "member",
                                         "members", "staff", "youth", "wing", "league", "branch", "cadres", "leaders",
                                         "leader", "leadership", NULL };
    return is_any(s, k, ranks);
}

/* ---- regions with an armed movement of their own (dict/regions.txt) ----
 *
 * Forces and leaders named by a region inside a state ("Tigray's leaders",
 * "Tigrayan forces", "forces from the northern region of Tigray", "ethnic
 * Armenian forces in Nagorno-Karabakh") are that state's rebels while the
 * region's entry holds a role on the date, not the state's army nor the
 * army of the kin state the demonym names.  Outside the dated range, and
 * for people who are not armed or governing ("Tigrayan civilians"), the
 * region gives only its country. */

/* A role that a region's armed movement takes over: its fighters, its
 * leaders and its de facto authorities. */
static bool region_takes_role(const char *role)
{
    static const char *const roles[] = { "MIL", "REB", "UAF", "GOV", "LEG", "COP", "SPY", NULL };
    for (size_t k = 0; roles[k]; k++) if (strncmp(role, roles[k], 3) == 0) return true;
    return false;
}

/* The code of an agent of role `role` from a region. */
static void region_agent_code(const sentence_state *s, const lex_entry *region, const char *role, char out[16])
{
    char code[16];
    lex_actor_code(region, s->publication, code);
    /* jihadist insurgents of a region stay insurgents ("Cabo Delgado insurgents") */
    if (strlen(code) >= 6 && region_takes_role(role) && strncmp(role, "INS", 3) != 0) {
        code_copy_text(out, 16, code);
        return;
    }
    char country[4];
    code_copy_text(country, sizeof country, code);
    code_set(out, country, role);
}

static bool plural_agent_word(const lex_entry *agent, const char *w)
{
    size_t wl = strlen(w);
    return agent->plural_form || (wl > 3 && w[wl - 1] == 's' && w[wl - 2] != 's' && w[wl - 2] != 'u') ||
           (wl > 3 && str_same(w + wl - 3, "men")) || str_same(w, "police") || str_same(w, "people") ||
           str_same(w, "personnel");
}

/* "Tigray's leaders", "Tigrayan forces", "Karabakh's ethnic Armenian
 * leaders", "the region's leaders" (the last region named): the region owns
 * the agent after it.  Returns the token after the mention, or 0 when the
 * words at i are no such phrase. */
static size_t build_region_mention(sentence_state *s, size_t i)
{
    const lex_entry *region = s->region[i];
    size_t end = i;
    if (region) {
        while (end + 1 < s->n && s->region[end + 1] == region) end++;
    } else if (is(s, i, "region") && s->memory->last_region && i + 1 < s->n && (s->tokens[i + 1].flags & TEXT_POSSESSIVE)) {
        region = s->memory->last_region;
    } else {
        return 0;
    }
    size_t j = end + 1;
    if (j < s->n && (s->tokens[j].flags & TEXT_POSSESSIVE)) j++;
    /* "Tigray's embattled leaders", "Karabakh's ethnic Armenian forces" */
    for (int skipped = 0; j < s->n && skipped < 3 && s->tag[j] != TAG_AGENT; skipped++, j++) {
        bool plain = s->tag[j] == TAG_NONE && !s->is_head[j] && (s->tokens[j].flags & TEXT_WORD) &&
                     !(s->tokens[j].flags & (TEXT_CAPITALIZED | TEXT_NUMBER)) && !is_any(s, j, prepositions) &&
                     !is_any(s, j, determiners) && !be_word(s, j) && !is(s, j, "and") && !is(s, j, "or");
        bool demonym = s->tag[j] == TAG_ACTOR && s->tag_entry[j] && s->tag_entry[j]->kind == LEX_DEMONYM;
        if (!plain && !demonym) return 0;
    }
    if (j >= s->n || s->tag[j] != TAG_AGENT) return 0;
    const lex_entry *agent = NULL;
    bool rebel = false;
    size_t agent_last = j;
    while (j < s->n && s->tag[j] == TAG_AGENT) {
        const lex_entry *e = s->tag_entry[j];
        if (!(agent && generic_rank(s, j))) agent = e;
        if (strcmp(e->value, "REB") == 0) rebel = true;   /* "separatist authorities" */
        while (j + 1 < s->n && s->tag[j + 1] == TAG_AGENT && s->tag_entry[j + 1] == e) j++;
        agent_last = j;
        j++;
    }
    /* "representatives of the region's Armenian population": those who
     * speak for the region's people are its leaders */
    size_t first = i, b = i;
    if (b > 0 && is_any(s, b - 1, determiners)) b--;
    static const char *const speakers[] = { "representatives", "representative", "leaders", "leader", "envoys",
                                            "delegates", "delegation", "negotiators", NULL };
    bool speaks_for = b >= 2 && is(s, b - 1, "of") && is_any(s, b - 2, speakers) && s->mention_at[b - 2] < 0;
    if (speaks_for) first = b - 2;
    char code[16];
    region_agent_code(s, region, rebel ? "REB" : speaks_for ? "GOV" : agent->value, code);
    mention *m = add_mention(s, first, agent_last, code, MENTION_AGENT,
                             speaks_for ? "representatives of a region's people (dict/regions.txt)" : "region + agent (dict/regions.txt)");
    if (!m) return agent_last + 1;
    m->plural = plural_agent_word(agent, s->words[agent_last]);
    remember(s, m);
    return agent_last + 1;
}

/* "federal troops advanced deep into Tigray", "Azerbaijan launched an
 * offensive against Nagorno-Karabakh": a region the state's own side moves
 * into, attacks or acts on stands for its armed movement, while the
 * region's code holds.  Only when an actor of the region's country is
 * named before it in the sentence: a foreign army advancing into a region
 * ("Russian forces advanced into Donbas") fights the state, not the
 * movement.  After "in", "at", "near", "from" a region stays a place. */
static size_t build_region_target(sentence_state *s, size_t i)
{
    const lex_entry *region = s->region[i];
    if (!region) return 0;
    char code[16];
    lex_actor_code(region, s->publication, code);
    if (strlen(code) < 6) return 0;
    size_t b = i;
    while (b > 0 && is_any(s, b - 1, determiners)) b--;
    if (b > 0 && (is(s, b - 1, "deep") || is(s, b - 1, "further"))) b--;
    bool object = b > 0 && (is(s, b - 1, "into") || is(s, b - 1, "against") || is(s, b - 1, "on") ||
                            (s->is_head[b - 1] && !(s->cls[b - 1] & WORD_PREPOSITION)));
    if (!object) return 0;
    bool own_side = false;
    for (size_t q = 0; q < s->mention_count && !own_side; q++) {
        const mention *x = &s->mentions[q];
        own_side = x->code[0] && !x->place && !x->modifier && strncmp(x->code, code, 3) == 0 && strlen(x->code) >= 6 &&
                   (strcmp(x->code + 3, "GOV") == 0 || strcmp(x->code + 3, "MIL") == 0);
    }
    if (!own_side) return 0;
    size_t end = i;
    while (end + 1 < s->n && s->region[end + 1] == region) end++;
    mention *m = add_mention(s, i, end, code, MENTION_GROUP, "region acted on by the state (dict/regions.txt)");
    if (m) { m->plural = true; m->place = false; }
    return end + 1;
}

/* "forces from the northern region of Tigray", "fighters of Darfur",
 * "ethnic Armenian forces in Nagorno-Karabakh", "separatists in Casamance":
 * an agent placed in a region after it.  Only an agent with no country of
 * its own in the text, or one of the region's ethnic kin ("ethnic
 * Armenian"), is the region's: "Azerbaijani troops in Karabakh" stay
 * Azerbaijan's; after "in" only rebels or ethnic kin are ("troops in
 * Tigray" may be anyone's). */
static void place_agents_in_regions(sentence_state *s)
{
    for (size_t m = 0; m < s->mention_count; m++) {
        mention *a = &s->mentions[m];
        if (a->kind != MENTION_AGENT || !code_length_at_least(a->code, 6) || !code_is_state(a->code)) continue;
        size_t k = a->last + 1;
        bool from = is(s, k, "from") || is(s, k, "of"), in = is(s, k, "in") || is(s, k, "inside");
        if (!from && !in) continue;
        bool ethnic = a->first > 0 && is(s, a->first - 1, "ethnic");
        char role[4];
        code_copy_text(role, sizeof role, a->code + strlen(a->code) - 3);
        if (!a->inferred_country && !ethnic) continue;
        if (in && !ethnic && strcmp(role, "REB") != 0 && strcmp(role, "INS") != 0) continue;
        size_t q = k + 1;
        /* "the northern region of", "the breakaway enclave of" */
        while (q < s->n && q < k + 6 && !s->region[q] && s->mention_at[q] < 0 &&
               (is_any(s, q, determiners) || is(s, q, "of") ||
                (s->tag[q] == TAG_NONE && !s->is_head[q] && (s->tokens[q].flags & TEXT_WORD) &&
                 !(s->tokens[q].flags & (TEXT_CAPITALIZED | TEXT_NUMBER)) && !is_any(s, q, prepositions))))
            q++;
        if (q >= s->n || !s->region[q]) continue;
        region_agent_code(s, s->region[q], role, a->code);
        a->inferred_country = false;
        a->how = "agent from a region (dict/regions.txt)";
    }
}

static const mention *resolve_pronoun(sentence_state *s, size_t i);

/* Builds the mention that starts at token i, returns the token after it. */
/* Has the article named this country (in any role)? */
static bool article_names(const sentence_state *s, const char *country)
{
    if (strncmp(s->memory->country, country, 3) == 0) return true;
    for (size_t k = 0; k < s->memory->tally_count; k++)
        if (strncmp(s->memory->tally[k].code, country, 3) == 0) return true;
    return false;
}

static bool ends_with(const char *w, const char *tail)
{
    size_t n = strlen(w), k = strlen(tail);
    return n > k && strcmp(w + n - k, tail) == 0;
}

/* "Sudan's ruling military council", "Haftar's advancing forces": a
 * participle right before an agent describes it */
static bool participle_before_agent(const sentence_state *s, size_t k)
{
    if (k + 1 >= s->n || s->tag[k + 1] != TAG_AGENT) return false;
    const char *w = s->words[k];
    size_t n = strlen(w);
    return (n > 5 && strcmp(w + n - 3, "ing") == 0) || (n > 4 && strcmp(w + n - 2, "ed") == 0);
}

static size_t build_mention(sentence_state *s, size_t i)
{
    size_t start = i;
    /* "the North", "the South" in a story about the two Koreas */
    if (i + 1 < s->n && is(s, i, "the") && (is(s, i + 1, "north") || is(s, i + 1, "south")) && word_is_capitalized(s, i + 1) &&
        s->tag[i + 1] == TAG_NONE && !(i + 2 < s->n && word_is_capitalized(s, i + 2)) && article_names(s, "PRK") &&
        article_names(s, "KOR")) {
        const char *country = is(s, i + 1, "north") ? "PRK" : "KOR";
        /* "the North's military": its own agent */
        if (i + 3 < s->n && (s->tokens[i + 2].flags & TEXT_POSSESSIVE) && s->tag[i + 3] == TAG_AGENT && s->tag_entry[i + 3]) {
            size_t end = i + 3;
            while (end + 1 < s->n && s->tag[end + 1] == TAG_AGENT) end++;
            char code[16];
            code_set(code, country, s->tag_entry[end]->value);
            mention *m = add_mention(s, i, end, code, MENTION_AGENT, "the North or the South (Korea) + agent");
            if (m) remember(s, m);
            return end + 1;
        }
        char code[16];
        code_set(code, country, "GOV");
        mention *m = add_mention(s, i, i + 1, code, MENTION_COUNTRY, "the North or the South (Korea)");
        if (m) remember(s, m);
        return i + 2;
    }
    char owner[16] = "";
    const char *how = NULL;
    bool have_owner = false;
    mention_kind owner_kind = MENTION_COUNTRY;
    const lex_entry *owner_entry = NULL;
    size_t j = i;

    /* "pro-Haftar forces" */
    bool pro = is(s, j, "pro") && (s->tokens[j].flags & TEXT_HYPHEN_NEXT) && j + 1 < s->n && s->tag[j + 1] == TAG_ACTOR;
    if (pro) j++;

    if (!pro && s->tag[j] == TAG_ACTOR && s->tag_entry[j]->kind == LEX_DEMONYM) {
        /* "Iranian and Saudi officials", "Russian, Turkish and Iranian
         * diplomats": each demonym takes the shared agent */
        size_t firsts[8], lasts[8], count = 0, k = j;
        while (k < s->n && count < 8 && s->tag[k] == TAG_ACTOR && s->tag_entry[k]->kind == LEX_DEMONYM) {
            const lex_entry *e = s->tag_entry[k];
            size_t end = k;
            while (end + 1 < s->n && s->tag[end + 1] == TAG_ACTOR && s->tag_entry[end + 1] == e) end++;
            firsts[count] = k;
            lasts[count] = end;
            count++;
            k = end + 1;
            if (is(s, k, ",") && is(s, k + 1, "and")) k += 2;
            else if (is(s, k, ",") || is(s, k, "and") || is(s, k, "or")) k++;
            else break;
        }
        if (count > 1 && k < s->n && s->tag[k] == TAG_AGENT && lasts[count - 1] + 1 == k) {
            const lex_entry *agent = s->tag_entry[k];
            size_t agent_last = k;
            while (agent_last + 1 < s->n && s->tag[agent_last + 1] == TAG_AGENT && s->tag_entry[agent_last + 1] == agent) agent_last++;
            int group = 1000 + (int)s->mention_count;
            for (size_t d = 0; d < count; d++) {
                char country[16], code[16];
                entry_code(s, s->tag_entry[firsts[d]], country);
                code_set(code, country, agent->value);
                mention *m = add_mention(s, firsts[d], d + 1 == count ? agent_last : lasts[d], code, MENTION_AGENT,
                                        "demonyms sharing an agent");
                if (m) { m->compound = group; m->plural = true; m->prepositional = preceded_by_preposition(s, firsts[0]); }
            }
            return agent_last + 1;
        }
    }
    if (s->tag[j] == TAG_ACTOR) {
        const lex_entry *e = s->tag_entry[j];
        size_t end = j;
        while (end + 1 < s->n && s->tag[end + 1] == TAG_ACTOR && s->tag_entry[end + 1] == e) end++;
        if (!pro && (s->tokens[end].flags & TEXT_HYPHEN_NEXT)) {
            /* "NATO-backed", "U.N.-recognized": an adjective, kept as a
             * mention that is never a subject, target or speaker */
            char code[16];
            entry_code(s, e, code);
            add_mention(s, start, end, code, kind_of_entry(e), "hyphenated adjective");
            return end + 1;
        }
        owner_entry = e;
        entry_code(s, e, owner);
        owner_kind = kind_of_entry(e);
        have_owner = true;
        how = lex_kind_name(e->kind);
        j = end + 1;
    } else if (s->tag[j] == TAG_PRONOUN && j + 1 < s->n &&
               (is(s, j, "his") || is(s, j, "her") || is(s, j, "their") || is(s, j, "its") || is(s, j, "our"))) {
        /* "his government": the pronoun owns the agent */
        /* ("Britain and the United States urged their citizens": the pair
         * before it in the clause, each its own; coded by the first) */
        const mention *ante = NULL;
        if (is(s, j, "their") && s->mention_count >= 2) {
            const mention *x = &s->mentions[s->mention_count - 1], *y = &s->mentions[s->mention_count - 2];
            size_t a = x->first > 0 && is(s, x->first - 1, "the") ? x->first - 1 : x->first;
            if (a > 0 && is(s, a - 1, "and") && y->last + 2 == a && !x->prepositional && !y->prepositional && !x->place &&
                !y->place && code_is_state(x->code) && code_is_state(y->code) && s->clause[y->first] == s->clause[j])
                ante = y;
        }
        if (!ante) ante = resolve_pronoun(s, j);
        if (ante) { code_copy_text(owner, sizeof owner, ante->code); have_owner = true; how = "possessive pronoun"; }
        if (is(s, j, "our")) { have_owner = true; how = "our"; owner[0] = 0; }
        j++;
    } else if (s->tag[j] == TAG_PRONOUN && s->tag_entry[j] && strcmp(s->tag_entry[j]->value, "group") == 0) {
        /* "the group's armed wing", "the movement's leaders": the group named before */
        const mention *ante = resolve_pronoun(s, j);
        size_t end = pronoun_phrase_end(s, j);
        if (ante && end + 1 < s->n && (s->tokens[end + 1].flags & TEXT_POSSESSIVE)) {
            code_copy_text(owner, sizeof owner, ante->code);
            have_owner = true;
            how = "possessive pronoun";
            j = end + 1;
        }
    }

    /* possessive "'s" */
    bool possessive = false;
    if (have_owner && j < s->n && (s->tokens[j].flags & TEXT_POSSESSIVE)) { possessive = true; j++; }
    if (have_owner && pro) possessive = true;

    /* words between owner and agent: determiners, hyphenated adjectives,
     * another actor used as an adjective ("Libya's U.N.-recognized
     * government"), and after a possessive or demonym up to two plain words
     * ("Haftar's self-styled army", "Russian state news agency") */
    size_t k = j;
    int skipped = 0;
    /* (never an article: "called Burhan a criminal" is no criminal of Burhan's) */
    while (have_owner && k < s->n && skipped < 4 && !(s->tokens[k].flags & TEXT_PUNCT) && !is_any(s, k, prepositions) &&
           !is(s, k, "and") && !is(s, k, "or") && !is(s, k, "a") && !is(s, k, "an") && !is(s, k, "the") && s->tag[k] != TAG_AGENT && s->tag[k] != TAG_REPORT &&
           s->tag[k] != TAG_NEGATION && s->tag[k] != TAG_MODAL && (!s->is_head[k] || (possessive && (k == j || (k == j + 1 && ends_with(s->words[j], "ly"))) &&
                                 participle_before_agent(s, k))) &&
           (s->tag[k] == TAG_NONE || (s->tag[k] == TAG_ACTOR && (s->tokens[k].flags & TEXT_HYPHEN_NEXT)))) {
        k++;
        skipped++;
    }
    /* "the Sudanese Communist Party": a party named with its country, and
     * not in the dictionaries (where ruling parties are), is in opposition */
    for (size_t q = j + 1; have_owner && !possessive && code_length_is(owner, 3) && code_is_state(owner) && q < k; q++) {
        if (!word_is_capitalized(s, q - 1) || s->tag[q - 1] != TAG_NONE) break;
        if (!is(s, q, "party") || !word_is_capitalized(s, q)) continue;
        char code[16];
        code_set(code, owner, "OPP");
        mention *m = add_mention(s, start, q, code, MENTION_GROUP, "a party named with its country (not listed: opposition)");
        if (m) { m->prepositional = preceded_by_preposition(s, start); remember(s, m); }
        return q + 1;
    }
    if (!(k < s->n && s->tag[k] == TAG_AGENT)) k = j;
    size_t agent_first = k;
    const lex_entry *agent = NULL;
    size_t agent_last = k;
    /* one or more agents: "Foreign Minister", "defense chiefs", "government forces" */
    while (k < s->n && s->tag[k] == TAG_AGENT) {
        const lex_entry *e = s->tag_entry[k];
        /* "coast guard officers", "rebel officials": a generic rank or post
         * after a body keeps the body's role */
        bool generic = agent && generic_rank(s, k);
        if (!generic) agent = e;
        while (k + 1 < s->n && s->tag[k + 1] == TAG_AGENT && s->tag_entry[k + 1] == e) k++;
        agent_last = k;
        k++;
    }
    if (!agent) { k = j; agent_first = j; }
    /* "army chief Gen. Abdel Fattah al-Burhan": a rank written short sits
     * between the title and the name */
    if (agent && k + 2 < s->n && is(s, k + 1, ".") && word_is_capitalized(s, k) && s->tag[k] == TAG_NONE &&
        strlen(s->words[k]) <= 5 && (s->tag[k + 2] == TAG_ACTOR || word_is_capitalized(s, k + 2))) {
        static const char *const ranks[] = { "gen", "lt", "col", "maj", "brig", "adm", "sgt", "capt", "cmdr", "cpl",
                                             "dr", "mr", "mrs", "ms", "sen", "rep", "gov", "pres", "amb", NULL };
        if (is_any(s, k, ranks)) k += 2;
    }

    /* "AU Commission chairman Moussa Faki", "UNICEF executive director X":
     * an organisation's title we do not list, between it and a person */
    if (!agent && have_owner && owner[0] && owner_kind == MENTION_ORGANIZATION && !code_is_state(owner) && !possessive) {
        size_t t = j;
        while (t < s->n && t < j + 2 && s->tag[t] == TAG_NONE && !s->is_head[t] && (s->tokens[t].flags & TEXT_WORD) &&
               !(s->tokens[t].flags & (TEXT_CAPITALIZED | TEXT_NUMBER)) && !is_any(s, t, prepositions) &&
               !is_any(s, t, determiners) && !is(s, t, "and") && !is(s, t, "or") && !be_word(s, t))
            t++;
        if (t > j && t < s->n && s->tag[t] == TAG_ACTOR && kind_of_entry(s->tag_entry[t]) == MENTION_PERSON) k = t;
    }
    /* a group after its kind: "the militant group Jaish-e-Mohammad", "the rebel movement M23" */
    static const char *const collectives[] = { "group", "movement", "militia", "organization", "organisation", "faction",
                                               "coalition", "alliance", "outfit", "party", "network", "groups",
                                               "paramilitary", NULL };
    if (agent && k < s->n && s->tag[k] == TAG_ACTOR && is_any(s, agent_last, collectives) &&
        kind_of_entry(s->tag_entry[k]) == MENTION_GROUP) {
        const lex_entry *e = s->tag_entry[k];
        size_t end = k;
        while (end + 1 < s->n && s->tag[end + 1] == TAG_ACTOR && s->tag_entry[end + 1] == e) end++;
        char code[16];
        entry_code(s, e, code);
        mention *m = add_mention(s, start, end, code, MENTION_GROUP, "kind + group");
        if (m) remember(s, m);
        return end + 1;
    }
    /* a person after a title: "Foreign Minister Sergey Lavrov", "GNA head Fayez al-Sarraj" */
    if (k < s->n && s->tag[k] == TAG_ACTOR && (agent || have_owner) && kind_of_entry(s->tag_entry[k]) == MENTION_PERSON) {
        const lex_entry *e = s->tag_entry[k];
        size_t end = k;
        while (end + 1 < s->n && s->tag[end + 1] == TAG_ACTOR && s->tag_entry[end + 1] == e) end++;
        char code[16];
        entry_code(s, e, code);
        /* "army chief Burhan" when Burhan is both head of state and army
         * chief: the role the title names */
        for (size_t c = 0; agent && c < e->code_count; c++) {
            const lex_code_range *r = &e->codes[c];
            if (r->from <= s->publication && s->publication <= r->to && strlen(r->code) >= 6 &&
                strcmp(r->code + 3, agent->value) == 0) {
                code_copy_text(code, sizeof code, r->code);
                break;
            }
        }
        /* "Malian President Ibrahim Boubacar Keita resigned" in the next
         * morning's story: the text gives him the title, so the role he
         * held last under it, unless the text says he no longer holds it
         * ("former President") */
        bool former = false;
        for (size_t f = start; f < agent_first && !former; f++)
            former = is(s, f, "former") || is(s, f, "ex") || is(s, f, "late") || is(s, f, "ousted") ||
                     is(s, f, "deposed") || is(s, f, "toppled");
        for (size_t f = start > 2 ? start - 2 : 0; f < start && !former; f++)   /* "former Syrian President" */
            former = is(s, f, "former") || is(s, f, "ex") || is(s, f, "late") || is(s, f, "ousted") ||
                     is(s, f, "deposed") || is(s, f, "toppled");
        /* "AU Commission chairman Moussa Faki Mahamat": an official titled by
         * an organisation speaks for it, whatever his own country's roles */
        bool organisation = have_owner && owner[0] && !code_is_state(owner) && code_is_state(code) && !former;
        if (organisation) code_copy_text(code, sizeof code, owner);
        const lex_code_range *latest = NULL;
        for (size_t c = 0; agent && !former && !organisation && strlen(code) == 3 && c < e->code_count; c++) {
            const lex_code_range *r = &e->codes[c];
            if (r->to < s->publication && strlen(r->code) >= 6 && strcmp(r->code + 3, agent->value) == 0 &&
                (!latest || r->to > latest->to))
                latest = r;
        }
        if (latest) code_copy_text(code, sizeof code, latest->code);
        /* "AU Commission chairman Moussa Faki", "Russian Foreign Minister X"
         * with no role of ours on the date: the title's owner says whom he
         * serves (an organisation's officer is the organisation) */
        bool owned = false;
        if (!latest && !former && strlen(code) == 3 && have_owner && owner[0] && (agent || !code_is_state(owner))) {
            code_owned(code, owner, agent ? agent->value : "GOV");
            owned = true;
        }
        mention *m = add_mention(s, start, end, code, MENTION_PERSON,
                                 latest ? "title + person (the role the title names)" :
                                 owned || organisation ? "title + person (the title's owner)" : "title + person");
        if (m) remember(s, m);
        if (m && agent && !former) {
            memory *mem = s->memory;
            const char *word = s->words[agent_last];
            size_t t = 0;
            while (t < mem->title_count && strcmp(mem->titles[t].word, word) != 0) t++;
            if (t == mem->title_count && t < sizeof mem->titles / sizeof mem->titles[0]) mem->title_count++;
            if (t < mem->title_count) {
                code_copy_text(mem->titles[t].word, sizeof mem->titles[t].word, word);
                code_copy_text(mem->titles[t].code, sizeof mem->titles[t].code, code);
                mem->titles[t].text = m->text;
            }
        }
        return end + 1;
    }
    /* an unknown name after a title: "Turkish President Recep Tayyip Erdogan" when he is not listed */
    if (agent && k < s->n && word_is_capitalized(s, k) && s->tag[k] == TAG_NONE) {
        size_t end = k;
        while (end + 1 < s->n && word_is_capitalized(s, end + 1) && s->tag[end + 1] == TAG_NONE) end++;
        char code[16];
        code_owned(code, have_owner ? owner : s->memory->country, agent->value);
        bool inferred = !have_owner;
        /* "General Romeo Brawner Jr., chief of the Armed Forces of the
         * Philippines,": the apposition says whom he serves */
        size_t c = end + 1;
        if (c < s->n && is(s, c, ".")) c++;
        if (!have_owner && c + 3 < s->n && is(s, c, ",")) {
            for (size_t q = c + 1; q < s->n && q <= c + 4; q++) {
                if (!is(s, q, "of")) continue;
                size_t r = q + 1;
                if (r < s->n && is(s, r, "the")) r++;
                if (r < s->n && s->tag[r] == TAG_ACTOR && s->tag_entry[r]) {
                    char whose[16];
                    entry_code(s, s->tag_entry[r], whose);
                    if (strlen(whose) >= 3 && code_is_state(whose)) {
                        char country[4];
                        memcpy(country, whose, 3);
                        country[3] = 0;
                        code_owned(code, country, agent->value);
                        inferred = false;
                    }
                }
                break;
            }
        }
        mention *m = add_mention(s, start, end, code, MENTION_PERSON, "title + name");
        if (m) { m->inferred_country = inferred; remember(s, m); }
        return end + 1;
    }

    if (agent) {
        char code[16];
        const char *agent_how = "agent";
        bool inferred = false;
        bool ours = how && strcmp(how, "our") == 0;
        if (ours) {
            code_set(code, "", agent->value);
            agent_how = "our + agent (the speaker's)";
        } else if (have_owner && owner[0]) {
            code_owned(code, owner, agent->value);
            /* "Taliban fighters" once the Taliban govern: a movement coded as
             * a government keeps its code for its fighters, as the GNA's
             * troops are the GNA (LBYGOV) */
            if (owner_kind == MENTION_GROUP && strlen(owner) == 6 && strcmp(owner + 3, "GOV") == 0 &&
                role_is_armed(agent->value))
                code_copy_text(code, sizeof code, owner);
            /* "Chinese coast guard officers", "Hamas officials": a generic
             * rank or post keeps the role of the body it belongs to */
            if (strlen(owner) >= 6 && generic_rank(s, agent_last))
                code_copy_text(code, sizeof code, owner);
            agent_how = possessive ? "possessive + agent" : pro ? "pro- + agent" :
                        (how && strcmp(how, "possessive pronoun") == 0) ? "possessive pronoun" : "country + agent";
        } else {
            /* "forces loyal to Haftar", "defense chiefs of Russia and Turkey",
             * "spokeswoman for the Russian Foreign Ministry": resolved below
             * by the caller (affiliation), else the article's country. */
            code_set(code, s->memory->country, agent->value);
            inferred = true;
            agent_how = "agent + article country";
            /* "the envoy's efforts": the envoy named before with that title */
            const char *w0 = s->words[agent_last];
            size_t l0 = strlen(w0);
            if (start > 0 && is(s, start - 1, "the") && agent_first == start && !agent->plural_form &&
                !(l0 > 3 && w0[l0 - 1] == 's'))
                for (size_t t = s->memory->title_count; t > 0; t--)
                    if (strcmp(s->memory->titles[t - 1].word, w0) == 0) {
                        code_copy_text(code, sizeof code, s->memory->titles[t - 1].code);
                        inferred = false;
                        agent_how = "the title of a person named before";
                        break;
                    }
            /* "Kenya's foreign minister said the government would ...": in
             * what a state's official says, a body with no country named is
             * of the speaker's state */
            if (inferred && start > 0) {
                size_t r = start;
                while (r > 0 && start - r < 6 && s->tag[r - 1] != TAG_REPORT && !(s->cls[r - 1] & WORD_STOP) &&
                       s->mention_at[r - 1] < 0)
                    r--;
                if (r > 1 && s->tag[r - 1] == TAG_REPORT) {
                    size_t v = r - 1;
                    while (v > 0 && s->tag[v - 1] == TAG_REPORT) v--;
                    int sp = v > 0 ? s->mention_at[v - 1] : -1;
                    const mention *x = sp >= 0 ? &s->mentions[sp] : NULL;
                    if (x && !x->prepositional && !x->place && !x->adjectival && !x->inferred_country &&
                        (x->kind == MENTION_PERSON || x->kind == MENTION_AGENT) && strlen(x->code) == 6 &&
                        strcmp(x->code + 3, "GOV") == 0 && code_is_state(x->code) &&
                        strncmp(x->code, s->memory->country, 3) != 0) {
                        char state[4] = { x->code[0], x->code[1], x->code[2], 0 };
                        code_set(code, state, agent->value);
                        agent_how = "agent + the speaker's country";
                    }
                }
            }
            /* "U.S.-led forces": the leader's */
            if (start >= 2 && is(s, start - 1, "led") && (s->tokens[start - 2].flags & TEXT_HYPHEN_NEXT) &&
                s->mention_at[start - 2] >= 0 && code_is_state(s->mentions[s->mention_at[start - 2]].code)) {
                char leader[4];
                snprintf(leader, sizeof leader, "%.3s", s->mentions[s->mention_at[start - 2]].code);
                code_owned(code, leader, agent->value);
                inferred = false;
                agent_how = "X-led + agent";
            }
            /* "Erdogan, whose government has sent": the person's */
            if (start >= 3 && is(s, start - 1, "whose") && is(s, start - 2, ",") && s->mention_at[start - 3] >= 0) {
                const mention *o = &s->mentions[s->mention_at[start - 3]];
                if (o->code[0] && code_is_state(o->code)) {
                    char owner_code[4];
                    snprintf(owner_code, sizeof owner_code, "%.3s", o->code);
                    code_owned(code, owner_code, agent->value);
                    inferred = false;
                    agent_how = "whose + agent";
                }
            }
        }
        /* "foreign forces", "foreign fighters": by the word, not the article's country */
        if (inferred && is(s, agent_first, "foreign") && role_is_armed(agent->value)) {
            code_set(code, "", agent->value);
            agent_how = "foreign + agent (no country)";
            inferred = false;
        }
        mention *m = add_mention(s, start, agent_last, code, MENTION_AGENT, agent_how);
        if (!m) return agent_last + 1;
        m->inferred_country = inferred;
        /* "U.S. warplanes and warships": the second noun shares the first's country */
        /* (not one with a qualifier of its own: "Ethiopia's government and forces from Tigray") */
        if (inferred && start >= 2 && is(s, start - 1, "and") && s->mention_at[start - 2] >= 0 &&
            !(agent_last + 1 < s->n && (is(s, agent_last + 1, "from") || is(s, agent_last + 1, "of") ||
                                        is(s, agent_last + 1, "loyal") || is(s, agent_last + 1, "in") ||
                                        is(s, agent_last + 1, "led") || is(s, agent_last + 1, "backed")))) {
            const mention *first = &s->mentions[s->mention_at[start - 2]];
            if (first->kind == MENTION_AGENT && !first->inferred_country && !first->place && strlen(first->code) >= 3 &&
                code_is_state(first->code)) {
                char country[4] = { first->code[0], first->code[1], first->code[2], 0 };
                code_set(m->code, country, agent->value);
                m->how = "agent sharing the country of the noun before \"and\"";
                inferred = false;
                m->inferred_country = false;
            }
        }
        /* "sanctions on the morality police and seven senior Iranian
         * officials": a body with no country before "and" shares the
         * country the next one names, with a number or "the" before it */
        if (!inferred && code_is_state(m->code) && code_length_at_least(m->code, 3) && start >= 3) {
            size_t and = start;
            while (and > 0 && start - and < 4 && !is(s, and - 1, "and") &&
                   ((s->tokens[and - 1].flags & TEXT_NUMBER) || is_any(s, and - 1, determiners) ||
                    (s->tag[and - 1] == TAG_NONE && !s->is_head[and - 1] && !(s->tokens[and - 1].flags & (TEXT_PUNCT | TEXT_CAPITALIZED)))))
                and--;
            int before = and >= 2 && is(s, and - 1, "and") ? s->mention_at[and - 2] : -1;
            mention *x = before >= 0 ? &s->mentions[before] : NULL;
            if (x && x != m && x->kind == MENTION_AGENT && x->inferred_country && !x->place && strlen(x->code) == 6 &&
                x->compound < 0 && strcmp(x->how, "agent + article country") == 0) {
                char country[4] = { m->code[0], m->code[1], m->code[2], 0 };
                code_set(x->code, country, x->code + 3);
                x->how = "agent sharing the country of the noun after \"and\"";
                x->inferred_country = false;
            }
        }
        /* a place named earlier in the paragraph is home only to those
         * who stay where they are: police and protesters */
        bool local = str_same(agent->value, "COP") || str_same(agent->value, "OPP");
        /* others not when the place is in another clause after them:
         * "the government blamed X, a cleric living in Pennsylvania" */
        bool placed = s->place_carried ? local : true;
        if (!local && !s->place_carried && s->place_at > agent_last)
            for (size_t k = agent_last + 1; k < s->place_at && k < s->n; k++)
                if (is(s, k, ",")) placed = false;
        /* nor when it is in a clause joined before them: "the seizure of its
         * tanker in Gibraltar ..., and a senior Guards commander threatened" */
        if (!local && !s->place_carried && s->place_at < start)
            for (size_t k = s->place_at; k + 1 < start; k++)
                if ((is(s, k, ",") && (is(s, k + 1, "and") || is(s, k + 1, "but") || is(s, k + 1, "while"))) || is(s, k, ";"))
                    placed = false;
        if (inferred && s->place_country[0] && placed) {
            /* "In Yerevan, thousands of protesters": the sentence's place */
            code_set(m->code, s->place_country, agent->value);
            m->how = "agent + the sentence's place";
        } else if (inferred && (local || str_same(agent->value, "SPY")) && !s->place_country[0] &&
                   s->memory->dateline_country[0] && times_named(s->memory, s->memory->dateline_country) > 0) {
            /* "TBILISI (Reuters) - Putin banned flights ... Police fired tear
             * gas at protesters": police, crowds and intelligence services
             * with no place named are those of the dateline's country, when
             * the story names its people or bodies (not in a story told from
             * a host city, "BRUSSELS (Reuters) - Serbia and Kosovo agreed ...") */
            code_set(m->code, s->memory->dateline_country, agent->value);
            m->how = "agent + the dateline's country";
        }
        /* "Israel struck Hezbollah in Beirut. Overnight, warplanes pounded
         * targets": warplanes, drones or warships with no country named are
         * those of the state whose force was told last, not of the place
         * they strike or of the country the story names most */
        {
            static const char *const platforms[] = { "warplanes", "warplane", "jets", "bombers", "drones", "drone",
                                                     "aircraft", "helicopters", "gunships", "warships", "submarines",
                                                     "frigates", "destroyers", "gunboats", NULL };
            const mention *deed = s->memory->has_deed ? &s->memory->deed : NULL;
            if (m->inferred_country && !have_owner && is_any(s, agent_last, platforms) && deed && code_length_at_least(deed->code, 3) &&
                code_is_state(deed->code) && !deed->inferred_country) {
                char country[4] = { deed->code[0], deed->code[1], deed->code[2], 0 };
                code_set(m->code, country, agent->value);
                m->how = "agent: the state whose force was told last";
            }
        }
        /* "a convoy of Indian paramilitary police ..., killing 40 officers":
         * the forces the sentence named are those killed */
        bool armed = str_same(agent->value, "MIL") || str_same(agent->value, "COP");
        bool casualty = false;
        for (size_t k = start; inferred && armed && k > 0 && start - k < 3 && !casualty; k--)
            casualty = is(s, k - 1, "killing") || is(s, k - 1, "killed") || is(s, k - 1, "wounding") ||
                       is(s, k - 1, "wounded") || is(s, k - 1, "injuring") || is(s, k - 1, "injured");
        for (size_t q = s->mention_count - 1; inferred && armed && casualty && q > 0; q--) {
            const mention *o = &s->mentions[q - 1];
            size_t ol = strlen(o->code);
            if (o->kind != MENTION_AGENT || o->inferred_country || ol != 6 || !code_is_state(o->code)) continue;
            if (strcmp(o->code + 3, "MIL") != 0 && strcmp(o->code + 3, "COP") != 0) continue;
            code_copy_text(m->code, sizeof m->code, o->code);
            m->how = "agent: the forces named before in the sentence";
            break;
        }
        /* "Al Shabaab militants killed 12 soldiers" in a story told from
         * Ethiopia: an insurgency fights its own state's forces */
        if (m->inferred_country && armed && str_same(m->how, "agent + article country"))
            for (size_t q = 0; q + 1 < s->mention_count; q++) {
                const mention *o = &s->mentions[q];
                size_t ol = strlen(o->code);
                if (o->prepositional || o->place || o->adjectival || o->inferred_country || ol != 6 || !code_is_state(o->code))
                    continue;
                if (strcmp(o->code + 3, "INS") != 0 && strcmp(o->code + 3, "REB") != 0 && strcmp(o->code + 3, "CRM") != 0) break;
                if (strncmp(o->code, m->code, 3) == 0) break;
                code_set(m->code, (char[4]){ o->code[0], o->code[1], o->code[2], 0 }, agent->value);
                m->how = "agent: the forces of the insurgents' own state";
                break;
            }
        /* "militants", "fighters", "insurgents" in a story of jihadists
         * ("Suspected jihadists killed 51 soldiers ... the army killed 160
         * militants") are those insurgents, not rebels of another kind */
        {
            static const char *const fighters[] = { "militants", "militant", "fighters", "insurgents", "insurgent", NULL };
            size_t ml = strlen(m->code);
            if (ml == 6 && strcmp(m->code + 3, "REB") == 0 && !have_owner && is_any(s, agent_last, fighters)) {
                const memory *mem = s->memory;
                if (strlen(mem->insurgents) == 6 && strncmp(mem->insurgents, m->code, 3) == 0) {
                    code_copy_text(m->code, sizeof m->code, mem->insurgents);
                    m->how = "agent: the insurgents the story has named";
                }
            }
        }
        m->speaker_ref = ours;
        /* protesters named: the story is one of protests */
        if (str_same(agent->value, "OPP") &&
            (strncmp(s->words[agent_last], "protest", 7) == 0 || strncmp(s->words[agent_last], "demonstrat", 10) == 0))
            s->memory->has_protest = true;
        const char *w = s->words[agent_last];
        size_t wl = strlen(w);
        /* "rebels" (made from "rebel"), "troops", "gunmen", "police" */
        m->plural = agent->plural_form || (wl > 3 && w[wl - 1] == 's' && w[wl - 2] != 's' && w[wl - 2] != 'u') ||
                    (wl > 3 && str_same(w + wl - 3, "men")) || str_same(w, "police") || str_same(w, "people") ||
                    str_same(w, "personnel") || str_same(w, "children") || str_same(w, "schoolchildren");
        /* "Islamist militants overran Marawi ... The militants set fire":
         * the same noun with only "the" is the group named before */
        {
            memory *mem = s->memory;
            const char *noun = s->words[agent_last];
            bool bare = agent_first == agent_last && !have_owner &&
                        ((start + 1 == agent_first && is(s, start, "the")) ||
                         (start == agent_first && start > 0 && is(s, start - 1, "the")));
            size_t slot = mem->named_agent_count;
            for (size_t q = 0; q < mem->named_agent_count; q++)
                if (strcmp(mem->named_agents[q].word, noun) == 0) slot = q;
            const char *before = slot < mem->named_agent_count ? mem->named_agents[slot].code : "";
            size_t bl = strlen(before), ml = strlen(m->code);
            bool comparable = (bl == 6 && ml == 6) || (bl == 3 && ml == 3);
            if (bare && inferred && comparable && strcmp(before, m->code) != 0) {
                code_copy_text(m->code, sizeof m->code, mem->named_agents[slot].code);
                m->how = "the same noun named before";
            } else if ((agent_first != agent_last || have_owner) && (m->plural || ml == 6) &&
                       strlen(noun) < sizeof mem->named_agents[0].word && (ml == 6 || ml == 3)) {
                /* (and a body: "Myanmar's military ... the military") */
                if (slot == mem->named_agent_count) {
                    if (slot == sizeof mem->named_agents / sizeof mem->named_agents[0]) {
                        memmove(mem->named_agents, mem->named_agents + 1, (slot - 1) * sizeof mem->named_agents[0]);
                        slot--;
                    } else {
                        mem->named_agent_count++;
                    }
                }
                code_copy_text(mem->named_agents[slot].word, sizeof mem->named_agents[slot].word, noun);
                code_copy_text(mem->named_agents[slot].code, sizeof mem->named_agents[slot].code, m->code);
            }
        }
        /* "Saudi Arabia and Iran agreed ... Their foreign ministers will
         * meet": each side's own (the pronoun stands for the pair) */
        const mention *pair = s->memory->pair;
        if (how && str_same(how, "possessive pronoun") && is(s, start, "their") && s->memory->plural_is_pair &&
            pair[0].code[0] && pair[1].code[0] && code_is_state(pair[0].code) && code_is_state(pair[1].code) &&
            strncmp(pair[0].code, pair[1].code, 3) != 0) {
            /* (the whole list when the pair ends one: "Mali, Burkina Faso
             * and Niger ... their armies") */
            const memory *mem = s->memory;
            bool list = mem->list_count > 2 && mem->list[mem->list_count - 1].start == pair[1].start;
            const mention *members = list ? mem->list : pair;
            size_t count = list ? mem->list_count : 2;
            char code[16];
            code_owned(code, members[0].code, agent->value);
            size_t index = (size_t)(m - s->mentions);
            code_copy_text(m->code, sizeof m->code, code);
            m->compound = 3000 + (int)start;
            m->plural = true;
            m->how = "their + agent: each side's";
            for (size_t q = 1; q < count; q++) {
                if (!members[q].code[0] || !code_is_state(members[q].code)) continue;
                code_owned(code, members[q].code, agent->value);
                mention *other = add_mention(s, start, agent_last, code, MENTION_AGENT, "their + agent: each side's");
                if (!other) break;
                other->compound = s->mentions[index].compound;
                other->plural = true;
            }
            return agent_last + 1;
        }
        if (!ours) remember(s, m);
        (void)agent_first;
        return agent_last + 1;
    }

    if (have_owner && owner_entry) {
        /* "Iran's Revolutionary Guards", "Russia's Wagner group": the named
         * body is the actor, with a code of its own */
        if (possessive && j < s->n && s->tag[j] == TAG_ACTOR && s->tag_entry[j] &&
            (s->tag_entry[j]->kind == LEX_ORGANIZATION || s->tag_entry[j]->kind == LEX_GROUP))
            return j;
        /* an actor alone */
        size_t end = j - 1;
        if (possessive) end = j - 2;   /* "Russia's" alone: the mention is the name */
        if (owner_entry->kind == LEX_DEMONYM) {
            /* "146,000 Libyans": civilians; "Libyan" before another noun: not an actor */
            const char *w = s->words[end];
            size_t wl = strlen(w);
            bool plural = wl > 1 && w[wl - 1] == 's';
            if (!plural) {
                /* "a French demand", "Russian airstrikes": the country, as an
                 * adjective: a target or the owner of a deed, not a subject */
                mention *m = add_mention(s, start, end, owner, MENTION_COUNTRY, "demonym (adjective)");
                if (m) {
                    m->adjectival = true;
                    /* "the Azerbaijani offensive", "Russian airstrikes": a
                     * country's armed action is its military */
                    if (end + 1 < s->n && s->weapon[end + 1]) {
                        code_set(m->code, owner, "MIL");   /* "an Indian jet" */
                        m->how = "demonym + weapon";
                        m->adjectival = false;
                        m->weapon = true;
                        return end + 1;
                    }
                    size_t hc = 0;
                    const lex_head_pattern *heads = end + 1 < s->n ? lex_heads_of(s->dict, s->word_id[end + 1], &hc) : NULL;
                    for (size_t k = 0; k < hc; k++) {
                        const lex_code_info *info = heads[k].pattern->noun_head ? lex_pattern_code(s->dict, heads[k].pattern) : NULL;
                        if (info && info->quad_class == 4 && (strncmp(info->code, "19", 2) == 0 || strncmp(info->code, "18", 2) == 0 ||
                                                              strncmp(info->code, "15", 2) == 0)) {
                            code_set(m->code, owner, "MIL");
                            m->how = "demonym + military action";
                            break;
                        }
                    }
                }
                return end + 1;
            }
            char code[16];
            code_set(code, owner, "CVL");
            mention *m = add_mention(s, start, end, code, MENTION_COUNTRY, "demonym (people)");
            if (m) { m->plural = true; remember(s, m); }
            return end + 1;
        }
        char code[16];
        code_copy_text(code, sizeof code, owner);
        mention *m = add_mention(s, start, end, code, owner_kind, how);
        if (!m) return end + 1;
        if (owner_entry->kind == LEX_CAPITAL && !m->place) code_set(m->code, owner, "GOV");
        if (owner_entry->kind == LEX_GROUP) m->plural = true;
        remember(s, m);
        return j;
    }
    return i + 1;
}

static const mention *resolve_pronoun(sentence_state *s, size_t i)
{
    const char *kind = s->tag_entry[i] ? s->tag_entry[i]->value : "";
    /* "China, North Korea's main ally, said it opposed ...": "it" right
     * after a reporting verb is its speaker, when the speaker fits */
    if ((is(s, i, "it") || is(s, i, "its")) && i >= 2) {
        /* (past "that" and a day: "said on Monday it opposed") */
        static const char *const between[] = { "that", "on", "late", "earlier", "again", "yesterday", "today", NULL };
        size_t r = i - 1;
        while (r > 0 && i - r < 5 && (is_any(s, r, between) || date_is_month_or_weekday(s->words[r]))) r--;
        if (s->tag[r] == TAG_REPORT) {
            /* (past a relative clause: "The coalition, which intervened to
             * restore the government, said it would") */
            size_t limit = r;
            if (r >= 2 && is(s, r - 1, ","))
                for (size_t q = r - 2; q > 0 && r - q < 25; q--)
                    if (is(s, q, ",") && (is(s, q + 1, "which") || is(s, q + 1, "who") || is(s, q + 1, "whose"))) {
                        limit = q;
                        break;
                    }
            for (size_t m = s->mention_count; m > 0; m--) {
                const mention *x = &s->mentions[m - 1];
                if (x->last >= limit) continue;
                if (limit - x->last > 12) break;
                if (x->prepositional || x->place || x->modifier || x->adjectival || !x->code[0] || x->speaker_ref) continue;
                if (ends_possessive(s, x->last)) continue;
                /* "Washington called the step an escalation and said it": the
                 * object of the verb before "and", or a deed's author named by
                 * reference, does not speak */
                if (x->reference) continue;
                if (r >= 1 && is(s, r - 1, "and")) {
                    size_t b = x->first;
                    while (b > 0 && x->first - b < 3 && is_any(s, b - 1, determiners)) b--;
                    if (b > 0 && s->is_head[b - 1] && s->mention_at[b - 1] < 0) continue;
                }
                if (x->kind == MENTION_PERSON || x->plural) break;
                return x;
            }
        }
    }
    /* "Blinken spoke with Aliyev and urged him": an object pronoun is not
     * the subject of its own sentence, so the last other person named in it */
    if (strcmp(kind, "person") == 0 && (is(s, i, "him") || (is(s, i, "her") && !(i + 1 < s->n && (s->tokens[i + 1].flags & TEXT_WORD) &&
                                                                            s->tag[i + 1] != TAG_REPORT && !s->is_head[i + 1] &&
                                                                            !is_any(s, i + 1, prepositions))))) {
        /* the subject of the pronoun's own clause: the last mention before it
         * that no preposition governs ("Morales resigned after the army
         * chief urged him": the chief) */
        int subject = -1;
        /* (a verb joined by "and" shares the sentence's subject: "Macron
         * telephoned Zelenskiy and urged him") */
        size_t v = i;
        while (v > 0 && i - v < 4 && s->mention_at[v - 1] < 0 && !is(s, v - 1, "and") && !is(s, v - 1, ",")) v--;
        bool joined = v > 0 && (is(s, v - 1, "and") || is(s, v - 1, ","));
        for (size_t q = 0; q < s->mention_count; q++) {
            size_t m = joined ? q : s->mention_count - 1 - q;   /* the first such mention, or the last */
            const mention *x = &s->mentions[m];
            if (x->first >= i) continue;
            if (x->prepositional || x->place || x->modifier || x->adjectival || !x->code[0] || x->speaker_ref) continue;
            subject = (int)m;
            break;
        }
        for (size_t m = s->mention_count; m > 0; m--) {
            const mention *x = &s->mentions[m - 1];
            if (x->first >= i || (int)(m - 1) == subject) continue;
            if (x->kind == MENTION_PERSON && !x->plural && x->compound < 0 && x->code[0] && !x->speaker_ref && !x->modifier)
                return x;
        }
    }
    /* "Blinken spoke with Aliyev and urged him to ...": an object pronoun
     * is not the subject of its sentence but the last fitting actor named
     * before it in the sentence */
    /* ... and "them" the last plural actor */
    if (is(s, i, "them")) {
        const mention *subject = NULL;
        for (size_t m = 0; m < s->mention_count && !subject; m++)
            if (!s->mentions[m].prepositional && !s->mentions[m].place && !s->mentions[m].modifier &&
                !s->mentions[m].adjectival && s->mentions[m].code[0])
                subject = &s->mentions[m];
        for (size_t m = s->mention_count; subject && m > 0; m--) {
            const mention *x = &s->mentions[m - 1];
            if (x->first >= i || x == subject || strcmp(x->code, subject->code) == 0) continue;
            if (x->compound >= 0) break;   /* a pair before it: the pair rules below decide */
            if (x->place || x->modifier || x->adjectival || !x->code[0] || x->speaker_ref) continue;
            bool fits = x->plural && x->kind != MENTION_PERSON;
            if (fits) return x;
        }
    }
    /* "Trump praised the deal and said he would meet": the person who is
     * this sentence's subject */
    if (strcmp(kind, "person") == 0)
        for (size_t m = 0; m < s->mention_count && s->mentions[m].first < i; m++) {
            const mention *x = &s->mentions[m];
            if (x->prepositional || x->place || x->modifier || x->adjectival || !x->code[0] || x->speaker_ref) continue;
            if (x->kind == MENTION_PERSON && !x->plural && x->compound < 0 && x->first == 0) return x;
            break;
        }
    /* "Greece struck their positions, and its jets ...": a clause joined by
     * "and" or "but" that opens with the pronoun goes on about the
     * sentence's subject */
    if (strcmp(kind, "thing") == 0 && i >= 2 && (is(s, i - 1, "and") || is(s, i - 1, "but")) && is(s, i - 2, ","))
        for (size_t m = 0; m < s->mention_count && s->mentions[m].first < i; m++) {
            const mention *x = &s->mentions[m];
            if (x->first != 0) break;
            if ((x->kind == MENTION_COUNTRY || x->kind == MENTION_ORGANIZATION || x->kind == MENTION_GROUP) &&
                x->compound < 0 && !x->place && !x->adjectival && !x->modifier && x->code[0])
                return x;
            break;
        }
    /* "Hamas said that it would abide by the truce": the speaker of the
     * reporting verb before the pronoun, when it fits */
    if (strcmp(kind, "thing") == 0 || strcmp(kind, "plural") == 0 || strcmp(kind, "person") == 0) {
        size_t r = i;
        while (r > 0 && s->tag[r - 1] != TAG_REPORT) r--;
        if (r > 1) {
            r--;
            while (r > 0 && s->tag[r - 1] == TAG_REPORT) r--;   /* the first word of the reporting verb */
            size_t q = r;
            /* "The coalition, which intervened to restore the government,
             * said it would": the one before the relative clause speaks */
            if (q > 0 && is(s, q - 1, ",")) {
                size_t c = q - 1;
                while (c > 1 && !(is(s, c - 1, ",") && (is(s, c, "which") || is(s, c, "who")))) c--;
                if (c > 1 && is(s, c - 1, ",") && s->mention_at[c - 2] >= 0) q = c - 1;
            }
            while (q > 0 && r - q < 4 && s->mention_at[q - 1] < 0) q--;   /* "Hamas said shortly afterwards" */
            if (q > 0 && s->mention_at[q - 1] >= 0) {
                const mention *x = &s->mentions[s->mention_at[q - 1]];
                bool fits = strcmp(kind, "thing") == 0
                                ? (x->kind == MENTION_COUNTRY || x->kind == MENTION_ORGANIZATION ||
                                   x->kind == MENTION_GROUP) && x->compound < 0
                            : strcmp(kind, "person") == 0
                                /* "Saudi Arabia's foreign minister said he had spoken" */
                                ? (x->kind == MENTION_PERSON || x->kind == MENTION_AGENT) && !x->plural && x->compound < 0
                                : x->plural || x->compound >= 0;
                if (fits && !x->prepositional && !x->place && !x->modifier && !x->adjectival && x->code[0]) return x;
            }
        }
    }
    /* "he" is most often the subject of a recent sentence, not whoever was named last */
    if (strcmp(kind, "person") == 0 && s->memory->has_subject && s->memory->subject_age <= 1 &&
        !(i > 0 && s->mention_count && s->mentions[s->mention_count - 1].kind == MENTION_PERSON &&
          s->mentions[s->mention_count - 1].code[0] && s->mentions[s->mention_count - 1].first + 8 > i &&
          !s->mentions[s->mention_count - 1].prepositional))
        return &s->memory->last_subject;
    if (strcmp(kind, "person") == 0 && s->memory->has_person) return &s->memory->last_person;
    if (strcmp(kind, "plural") == 0 && s->memory->has_plural) return &s->memory->last_plural;
    if (strcmp(kind, "thing") == 0 && s->memory->has_thing) return &s->memory->last_thing;
    if (strcmp(kind, "speaker") == 0 && s->memory->has_actor) return &s->memory->last_actor;
    /* "the GNA denounced the remarks": the one who made them, a sentence before */
    if (strcmp(kind, "remarks") == 0 && s->memory->has_speaker) return &s->memory->last_speaker;
    if (strcmp(kind, "group") == 0 && s->memory->has_group) {
        /* "the bloc", "the 15-member bloc": the last organization named */
        for (size_t k = i + 1; k < s->n && k < i + 5 && s->tag[k] == TAG_PRONOUN; k++)
            if (is(s, k, "bloc")) {
                for (size_t g = s->memory->group_count; g > 0; g--)
                    if (s->memory->groups[g - 1].kind == MENTION_ORGANIZATION) return &s->memory->groups[g - 1];
                return NULL;
            }
        /* "the coalition": the last group whose name says coalition */
        const char *noun = i + 1 < s->n ? s->words[i + 1] : "";
        for (size_t k = s->memory->group_count; k > 0; k--) {
            const mention *g = &s->memory->groups[k - 1];
            if (g->text && *noun && strcasestr(g->text, noun)) return g;
        }
        /* "the group" is a movement before an organisation ("U.S. Africa
         * Command said ... the group besieged a hotel": al Shabaab) */
        /* ... and the movement the story is about: of the recent ones, the
         * most named ("Israel killed the group's leader" after a sentence
         * on Hamas, in a story on Hezbollah) */
        if (is(s, i, "the") && i + 1 < s->n && is(s, i + 1, "group")) {
            /* (one this sentence has named comes first: "the Houthis' chief
             * negotiator said the group would abide by the truce") */
            const memory *mem = s->memory;
            for (size_t m = s->mention_count; m > 0; m--) {
                if (s->mentions[m - 1].first >= i || !s->mentions[m - 1].code[0]) continue;
                for (size_t k = mem->group_count; k > 0; k--)
                    if (mem->groups[k - 1].kind == MENTION_GROUP && strcmp(mem->groups[k - 1].code, s->mentions[m - 1].code) == 0)
                        return &mem->groups[k - 1];
            }
            const mention *best = NULL;
            int best_count = -1;
            for (size_t k = mem->group_count; k > 0; k--) {
                const mention *g = &mem->groups[k - 1];
                if (g->kind != MENTION_GROUP) continue;
                int count = 0;
                for (size_t t = 0; t < mem->tally_count; t++)
                    if (strcmp(mem->tally[t].code, g->code) == 0) count = mem->tally[t].count;
                if (count > best_count) { best = g; best_count = count; }
            }
            if (best) return best;
        }
        return &s->memory->last_group;
    }
    return NULL;
}

static void remember_name_key(sentence_state *s, const mention *m, size_t k)
{
    memory *mem = s->memory;
    const char *key = s->words[k];
    if (strlen(key) < 2 || strlen(key) >= sizeof mem->people[0].surname || !(s->tokens[k].flags & TEXT_CAPITALIZED)) return;
    size_t slot = mem->people_count;
    for (size_t i = 0; i < mem->people_count; i++)
        if (str_same(mem->people[i].surname, key)) slot = i;
    if (slot == mem->people_count) {
        if (mem->people_count == sizeof mem->people / sizeof mem->people[0]) return;
        mem->people_count++;
    }
    code_copy_text(mem->people[slot].surname, sizeof mem->people[slot].surname, key);
    code_copy_text(mem->people[slot].code, sizeof mem->people[slot].code, m->code);
    mem->people[slot].text = m->text;
}

/* A person named in full can be named again by one part of the name: the
 * last ("Aliyev" after "Ilham Aliyev"), or the first where the family name
 * comes first ("Kim" after "Kim Jong Un", "Moon" after "Moon Jae-in"). */
static void remember_surname(sentence_state *s, const mention *m)
{
    if (m->kind != MENTION_PERSON || !m->code[0] || m->last <= m->first) return;
    /* "Romeo Brawner Jr.": the name before a generational suffix */
    size_t last = m->last;
    if (last > m->first + 1 && (is(s, last, ".") || is(s, last, ",")) ) last--;
    if (last > m->first + 1 && (is(s, last, "jr") || is(s, last, "sr") || is(s, last, "ii") || is(s, last, "iii"))) last--;
    if (strlen(s->words[last]) >= 3) remember_name_key(s, m, last);
    /* the first word of the name itself, after any title */
    size_t k = m->first;
    while (k < m->last && !(s->tag[k] == TAG_ACTOR && s->tag_entry[k] && s->tag_entry[k]->kind == LEX_PERSON)) k++;
    if (k < m->last && s->tag[k] == TAG_ACTOR) remember_name_key(s, m, k);
}

static int known_surname(const sentence_state *s, size_t i)
{
    if (!word_is_capitalized(s, i) || s->tag[i] != TAG_NONE || s->dateline[i]) return -1;
    if (i + 1 < s->n && word_is_capitalized(s, i + 1) && s->tag[i + 1] == TAG_NONE) return -1;  /* part of another name */
    for (size_t k = 0; k < s->memory->people_count; k++)
        if (str_same(s->memory->people[k].surname, s->words[i])) return (int)k;
    return -1;
}

/* "a senior Guards commander" after "Iran's Revolutionary Guards": the
 * last word of a group's name, named before in the article, before an agent
 * noun, stands for that group.  Returns the index in the memory's groups, or -1. */
static int group_by_last_word(const sentence_state *s, size_t i)
{
    if (i == 0 || !word_is_capitalized(s, i) || s->tag[i] != TAG_NONE || s->dateline[i]) return -1;
    if (i + 1 >= s->n || s->tag[i + 1] != TAG_AGENT) return -1;
    for (size_t k = s->memory->group_count; k > 0; k--) {
        const char *text = s->memory->groups[k - 1].text;
        const char *space = text ? strrchr(text, ' ') : NULL;
        if (space && strcasecmp(space + 1, s->words[i]) == 0) return (int)(k - 1);
    }
    return -1;
}

/* Is there a ", and" or ";" between from and to (the pair named in an
 * earlier clause of the sentence, not the subject of this one)? */
static bool joined_clause(const sentence_state *s, size_t from, size_t to)
{
    for (size_t k = from; k + 1 < to; k++)
        if ((is(s, k, ",") && (is(s, k + 1, "and") || is(s, k + 1, "but"))) || is(s, k, ";")) return true;
    return false;
}

/* A deal or deed phrase that names its own actors: "the Russian offensive"
 * is tagged only on "the offensive" when the adjective comes first, so look
 * after it: "the attack by X", "the offensive on Y", "the truce between A and B". */
static bool owned_event_noun(const sentence_state *s, size_t first, size_t last, bool deed)
{
    size_t k = last + 1;
    /* "blamed the attack on X": X is its author */
    if (deed && k + 1 < s->n && is(s, k, "on"))
        for (size_t q = first; q > 0 && q + 4 > first; q--)
            if (is_any(s, q - 1, (const char *const[]){ "blamed", "blames", "blaming", "blame", NULL }))
                for (size_t r = k + 1; r < s->n && r <= k + 3; r++)
                    if (s->tag[r] == TAG_ACTOR || s->tag[r] == TAG_AGENT || word_is_capitalized(s, r)) return true;
    /* "the detention of the president", "the killing of X": after a deed
     * "of" names who suffered it, and the author is still the one before */
    if (k + 1 < s->n && (is(s, k, "by") || is(s, k, "between") || (is(s, k, "of") && !deed)))
        for (size_t q = k + 1; q < s->n && q <= k + 3; q++)
            if (s->tag[q] == TAG_ACTOR || s->tag[q] == TAG_AGENT) return true;
    return false;
}

/* Tokens tagged as a reference that refers to nothing are words again,
 * and may head verb patterns ("the attack on the convoy"). */
static void words_again(sentence_state *s, size_t first, size_t last)
{
    for (size_t k = first; k <= last && k < s->n; k++) {
        s->tag[k] = TAG_NONE;
        s->tag_entry[k] = NULL;
        size_t hc = 0;
        lex_heads_of(s->dict, s->word_id[k], &hc);
        s->is_head[k] = hc > 0 && !(k > 0 && (s->tokens[k - 1].flags & TEXT_HYPHEN_NEXT));
    }
}

/* The two parties the article has named most (a party named at least
 * min_second times for the second), as mentions with no place in a
 * sentence; false when there are not two. */
/* The author of the newest deed or act in list told by a word of the same
 * stem (its first four letters: "the attacks" after "launched drone
 * attacks", "rocket fire" after "fired rockets"), or NULL. */
const mention *code_told_by_stem(const told_by *list, size_t count, const char *word)
{
    if (strlen(word) < 4) return NULL;
    char stem[5];
    memcpy(stem, word, 4);
    stem[4] = 0;
    for (size_t k = count; k > 0; k--)
        if (list[k - 1].pattern && strstr(list[k - 1].pattern, stem)) return &list[k - 1].by;
    return NULL;
}

bool code_most_named(const memory *mem, int min_second, mention out[2])
{
    int first = -1, second = -1;
    for (size_t k = 0; k < mem->tally_count; k++) {
        if (!mem->tally[k].party) continue;
        if (first < 0 || mem->tally[k].count > mem->tally[first].count) first = (int)k;
    }
    for (size_t k = 0; first >= 0 && k < mem->tally_count; k++) {
        if (!mem->tally[k].party || (int)k == first) continue;
        /* "Pakistan" and "Pakistan's government" are one side */
        if (mem->tally[k].government && mem->tally[first].government &&
            strncmp(mem->tally[k].code, mem->tally[first].code, 3) == 0)
            continue;
        if (second < 0 || mem->tally[k].count > mem->tally[second].count) second = (int)k;
    }
    if (first < 0 || second < 0 || mem->tally[second].count < min_second) return false;
    int pick[2] = { first, second };
    for (int k = 0; k < 2; k++) {
        memset(&out[k], 0, sizeof out[k]);
        code_copy_text(out[k].code, sizeof out[k].code, mem->tally[pick[k]].code);
        out[k].text = mem->tally[pick[k]].text;
        out[k].kind = strlen(out[k].code) == 3 ? MENTION_COUNTRY : MENTION_GROUP;
        out[k].compound = -1;
        out[k].how = "a side the article names most";
    }
    return true;
}

/* "the Chernobyl nuclear power plant", "Natanz": a named site the
 * gazetteer lacks (dict/facilities.txt) stands for its country, so that
 * taking or striking it is against that country ("Russian troops seized
 * the Chernobyl nuclear power plant" is RUSMIL 192 UKR); after "in", "at"
 * it is a place, not an actor.  Returns the token after it. */
static size_t build_facility_mention(sentence_state *s, size_t i)
{
    const lex_entry *site = s->facility[i];
    size_t end = i;
    while (end + 1 < s->n && s->facility[end + 1] == site) end++;
    /* the kind of site after the name: "nuclear power plant", "air base" */
    static const char *const site_words[] = { "nuclear", "power", "plant", "station", "reactor", "dam", "airport", "air",
                                              "airbase", "base", "naval", "port", "refinery", "oil", "gas", "field",
                                              "terminal", "crossing", "border", "pipeline", "pipelines", "facility",
                                              "complex", "enrichment", "site", "plants", "bases", NULL };
    while (end + 1 < s->n && end < i + 5 && s->tag[end + 1] == TAG_NONE && is_any(s, end + 1, site_words)) end++;
    char code[16];
    lex_actor_code(site, s->publication, code);
    if (!code[0]) return end + 1;
    size_t first = i;
    if (first > 0 && is(s, first - 1, "the")) first--;
    mention *m = add_mention(s, first, end, code, MENTION_COUNTRY, "named site (dict/facilities.txt)");
    if (m) m->place = m->place || preceded_by_locative(s, first);
    return end + 1;
}

/* A group pronoun's phrase followed by the group's own name ("the
 * regional bloc IGAD", "the group Hamas"): the name alone stands. */
static bool group_apposition(const sentence_state *s, size_t i)
{
    if (!s->tag_entry[i] || strcmp(s->tag_entry[i]->value, "group") != 0) return false;
    size_t end = pronoun_phrase_end(s, i);
    return end + 1 < s->n && s->tag[end + 1] == TAG_ACTOR && s->tag_entry[end + 1] &&
           (s->tag_entry[end + 1]->kind == LEX_ORGANIZATION || s->tag_entry[end + 1]->kind == LEX_GROUP);
}

/* "the group's armed wing": a group pronoun owning the agent after it */
static bool group_possessive(const sentence_state *s, size_t i)
{
    if (s->tag[i] != TAG_PRONOUN || !s->tag_entry[i] || strcmp(s->tag_entry[i]->value, "group") != 0) return false;
    if (i > 0 && s->tag[i - 1] == TAG_PRONOUN && s->tag_entry[i - 1] == s->tag_entry[i]) return false;
    size_t end = pronoun_phrase_end(s, i);
    size_t k = end + 1;
    if (!(k < s->n && (s->tokens[k].flags & TEXT_POSSESSIVE))) return false;
    k++;
    for (int g = 0; g < 2 && k < s->n && s->tag[k] == TAG_NONE && !s->is_head[k] && !(s->tokens[k].flags & TEXT_PUNCT); g++) k++;
    return k < s->n && s->tag[k] == TAG_AGENT;
}

/* Words that end a run of modifiers (a word class: words.c). */
const char *const function_words[] = { "the", "a", "an", "of", "on", "in", "to", "for", "with", "and", "or", "by", "at",
                                       "from", "that", "which", "who", "its", "their", NULL };

/* "accusing the small gas-rich emirate of": a country described by what
 * it is, after the sentence has named it; returns the word after the
 * description and the country named last, or 0. */
static size_t described_country(const sentence_state *s, size_t i, char out[4])
{
    static const char *const nouns[] = { "country", "nation", "emirate", "kingdom", "republic", "monarchy", "state",
                                         "island", NULL };
    if (!is(s, i, "the") || i == 0) return 0;

    size_t k = i + 1;
    int modifiers = 0;
    while (k < s->n && modifiers < 4 && s->tag[k] == TAG_NONE && !is_any(s, k, function_words) && !is_any(s, k, nouns) &&
           !(s->tokens[k].flags & TEXT_PUNCT) && !(s->tokens[k].flags & TEXT_NUMBER))
        k++, modifiers++;
    if (k >= s->n || s->tag[k] != TAG_NONE || !is_any(s, k, nouns)) return 0;
    /* "the state" alone is the authorities in general; "the country's army" is an owner */
    if ((is(s, k, "state") && modifiers == 0) || (s->tokens[k].flags & TEXT_POSSESSIVE)) return 0;
    if (is(s, k, "island") && k + 1 < s->n && is(s, k + 1, "of")) return 0;   /* "the island of Mindanao" names its own */
    if (k + 1 < s->n && s->tag[k + 1] == TAG_AGENT) return 0;
    /* the monarchies of their day (2000-2025): a kingdom or an emirate is one of them */
    static const char *const kingdoms[] = { "SAU", "JOR", "MAR", "BHR", "GBR", "ESP", "THA", "NLD", "BEL", "SWE", "NOR",
                                            "DNK", "BTN", "KHM", "LSO", "SWZ", "TON", "NPL", "OMN", NULL };
    static const char *const emirates[] = { "ARE", "QAT", "KWT", NULL };
    const char *const *only = is(s, k, "kingdom") || is(s, k, "monarchy") ? kingdoms : is(s, k, "emirate") ? emirates : NULL;
    for (size_t m = s->mention_count; m > 0; m--) {
        const mention *x = &s->mentions[m - 1];
        bool fits = !only;
        for (size_t q = 0; only && only[q]; q++) fits = fits || strncmp(only[q], x->code, 3) == 0;
        if (fits && x->kind == MENTION_COUNTRY && strlen(x->code) >= 3 && code_is_state(x->code)) {
            memcpy(out, x->code, 3);
            out[3] = 0;
            return k + 1;
        }
    }
    return 0;
}

/* "demanded his resignation", "called for her release": nouns whose
 * possessor undergoes them, so "his" there is someone acted on */
static bool undergoer_noun(const sentence_state *s, size_t k)
{
    static const char *const nouns[] = { "resignation", "release", "removal", "ouster", "arrest", "detention", "extradition",
                                         "dismissal", "execution", "reinstatement", "freedom", "impeachment", NULL };
    if (k < s->n && is(s, k, "immediate")) k++;
    if (k < s->n && is(s, k, "unconditional")) k++;
    return k < s->n && is_any(s, k, nouns);
}


/* "tens of thousands rallied", "hundreds marched": a crowd named by its
 * size, right before its verb; returns the word after it, or 0 */
static size_t crowd_subject(const sentence_state *s, size_t i)
{
    static const char *const sizes[] = { "thousands", "hundreds", "dozens", "scores", NULL };
    if (i >= s->n || !(s->cls[i] & WORD_CROWD_SIZE)) return 0;   /* "tens" or one of sizes: most words are neither */
    size_t k = i;
    if (is(s, k, "tens") && k + 2 < s->n && is(s, k + 1, "of") && is(s, k + 2, "thousands")) k += 2;
    else if (!is_any(s, k, sizes)) return 0;
    k++;
    /* the verb follows at once: not "thousands of protesters", "hundreds of people" */
    if (k >= s->n || s->tag[k] != TAG_NONE || !s->is_head[k] || word_is_capitalized(s, k)) return 0;
    size_t n = strlen(s->words[k]);
    return n > 3 && strcmp(s->words[k] + n - 2, "ed") == 0 ? k : 0;
}

/* "its 29-year-old ceasefire", "a 30-year-old conflict": an age before a
 * noun that names no one is the thing's, not a person's */
static bool aged_thing(const sentence_state *s, size_t k)
{
    if (k >= s->n || s->tag[k] != TAG_NONE || !(s->tokens[k].flags & TEXT_WORD) || word_is_capitalized(s, k)) return false;
    if (is_any(s, k, prepositions) || is_any(s, k, subordinators) || be_word(s, k) || is(s, k, "who") || is(s, k, "and") ||
        is(s, k, "had") || is(s, k, "has") || is(s, k, "was"))
        return false;
    size_t n = strlen(s->words[k]);
    return !(n > 3 && strcmp(s->words[k] + n - 2, "ed") == 0);
}

void code_build_mentions(sentence_state *s)
{
    size_t region_next = 0, crowd_next = 0;
    char described[4];
    for (size_t i = 0; i < s->n;) {
        uint8_t t = s->tag[i];
        bool pro = is(s, i, "pro") && (s->tokens[i].flags & TEXT_HYPHEN_NEXT) && i + 1 < s->n && s->tag[i + 1] == TAG_ACTOR;
        bool korea = i + 1 < s->n && is(s, i, "the") && (is(s, i + 1, "north") || is(s, i + 1, "south")) &&
                     word_is_capitalized(s, i + 1) && s->tag[i + 1] == TAG_NONE;
        if (t == TAG_ACTOR || t == TAG_AGENT || pro || korea ||
            (t == TAG_PRONOUN && i + 1 < s->n && s->tag[i + 1] == TAG_AGENT) || group_possessive(s, i)) {
            i = build_mention(s, i);
        } else if (t == TAG_NONE && (s->tokens[i].flags & TEXT_NUMBER) && (s->tokens[i].flags & TEXT_HYPHEN_NEXT) &&
                   is(s, i + 1, "year") && is(s, i + 2, "old") && s->tag[i + 3] != TAG_AGENT && !aged_thing(s, i + 3)) {
            /* "shot dead a 17-year-old": a person known by age is a civilian */
            char code[16];
            code_set(code, s->place_country[0] ? s->place_country : s->memory->country, "CVL");
            mention *m = add_mention(s, i, i + 2, code, MENTION_AGENT, "a person known by age");
            if (m) m->inferred_country = true;
            i += 3;
        } else if (t == TAG_NONE && (crowd_next = crowd_subject(s, i)) > 0) {
            /* "as tens of thousands rallied", "hundreds marched": a crowd is people */
            char code[16];
            code_set(code, s->place_country[0] ? s->place_country : s->memory->country, "CVL");
            mention *m = add_mention(s, i, crowd_next - 1, code, MENTION_AGENT, "a crowd (people)");
            if (m) { m->inferred_country = true; m->plural = true; }
            i = crowd_next;
        } else if (t == TAG_NONE && is(s, i, "the") && (region_next = described_country(s, i, described)) > 0) {
            add_mention(s, i, region_next - 1, described, MENTION_COUNTRY, "a country described after its name");
            i = region_next;
        } else if (t == TAG_NONE && s->facility[i]) {
            i = build_facility_mention(s, i);
        } else if (t == TAG_NONE && (s->region[i] || is(s, i, "region")) &&
                   ((region_next = build_region_mention(s, i)) > 0 || (region_next = build_region_target(s, i)) > 0)) {
            i = region_next;
        } else if (t == TAG_NONE && group_by_last_word(s, i) >= 0) {
            const mention *g = &s->memory->groups[group_by_last_word(s, i)];
            size_t end = i + 1;
            while (end + 1 < s->n && s->tag[end + 1] == TAG_AGENT) end++;
            mention *m = add_mention(s, i, end, g->code, g->kind, "a group named before, by the last word of its name");
            if (m) remember(s, m);
            i = end + 1;
        } else if (t == TAG_NONE && known_surname(s, i) >= 0) {
            int k = known_surname(s, i);
            mention *m = add_mention(s, i, i, s->memory->people[k].code, MENTION_PERSON, "surname of a person named before");
            if (m) remember(s, m);
            i++;
        } else if (t == TAG_PRONOUN && group_apposition(s, i)) {
            /* "the regional bloc IGAD", "the group Hamas": the name says who;
             * the words before it are plain words */
            for (const lex_entry *phrase = s->tag_entry[i]; i < s->n && s->tag[i] == TAG_PRONOUN && s->tag_entry[i] == phrase; i++) {
                s->tag[i] = TAG_NONE;
                s->tag_entry[i] = NULL;
            }
        } else if (t == TAG_PRONOUN) {
            const char *value = s->tag_entry[i] ? s->tag_entry[i]->value : "";
            size_t end = pronoun_phrase_end(s, i);
            memory *mem = s->memory;
            bool deal = str_same(value, "deal"), coercion = str_same(value, "coercion");
            bool named_act = str_same(value, "named act");
            bool act = strcmp(value, "act") == 0 || named_act;
            bool deed = strcmp(value, "deed") == 0 || coercion || act;
            /* "the attack" is the last force, "the detentions" the last coercion; each falls back on the other;
             * "the decision", "the move" the last act of any kind */
            const mention *author = NULL;
            if (named_act) {
                /* "condemned the drills": the last act told by a word of its stem */
                author = code_told_by_stem(mem->acts, mem->act_count, s->words[end]);
            } else if (act) {
                author = mem->has_act ? &mem->act : NULL;
                /* "the declaration": the last act told by a word of its stem
                 * ("declared martial law"), or none */
                if (is(s, end, "declaration")) {
                    author = NULL;
                    for (size_t k = mem->act_count; k > 0 && !author; k--)
                        if (mem->acts[k - 1].pattern && strstr(mem->acts[k - 1].pattern, "decla")) author = &mem->acts[k - 1].by;
                    /* (none declared: the agreement the two sides reached, "welcomed
                     * the declaration" after "signed a declaration in Ankara") */
                    if (!author && mem->has_deal && mem->deal_is_accord) {
                        add_pair(s, i, end, mem->deal, "the parties of the agreement named before", true);
                        i = end + 1;
                        continue;
                    }
                }
            } else if (deed) {
                bool want_coercion = coercion ? mem->has_coercion : !mem->has_deed;
                author = want_coercion ? (mem->has_coercion ? &mem->coercion : NULL) : &mem->deed;
                /* "condemned the attacks": the last deed coded by a word of the
                 * same stem ("launched drone attacks"), before a later deed of
                 * another kind ("shot down 20 drones") */
                /* (and "the seizure" the last coercion told by "seize") */
                if ((!want_coercion && strcmp(value, "deed") == 0) || coercion) {
                    const mention *told = code_told_by_stem(mem->deeds, mem->deed_count, s->words[end]);
                    if (told) author = told;
                }
            }
            if (deal && !mem->has_deal) {
                /* no agreement coded with both its parties: the two actors
                 * the article has named most made it */
                if (code_most_named(mem, 2, mem->deal)) mem->has_deal = true;
            }
            if ((deal && !mem->has_deal) || (deed && !author) || ((deal || deed) && owned_event_noun(s, i, end, deed))) {
                /* nothing coded before, or the words name their own actors
                 * ("the Russian offensive", "the attack by X"): plain words */
                words_again(s, i, end);
                i = end + 1;
                continue;
            }
            if (strncmp(value, "states ", 7) == 0) {
                /* "the Gulf states": the members named before */
                if (!add_bloc(s, i, end, value + 7)) words_again(s, i, end);
                i = end + 1;
                continue;
            }
            if (strcmp(value, "both") == 0 && i > 2) {
                /* "Kenya and Somalia fought ..., and the two neighbors agreed":
                 * the pair an earlier clause of this sentence has just named */
                int b = -1;
                for (size_t q = i; q > 0 && b < 0; q--) b = s->mention_at[q - 1];
                if (b >= 1 && s->mentions[b].first >= 2 && is(s, s->mentions[b].first - 1, "and") &&
                    s->mention_at[s->mentions[b].first - 2] == b - 1 && s->mentions[b - 1].code[0] && s->mentions[b].code[0] &&
                    !s->mentions[b].place && !s->mentions[b - 1].place &&
                    strcmp(s->mentions[b - 1].code, s->mentions[b].code) != 0 && joined_clause(s, s->mentions[b].last + 1, i)) {
                    mention pair[2] = { s->mentions[b - 1], s->mentions[b] };
                    add_pair(s, i, end, pair, "the two sides named in this sentence", false);
                    i = end + 1;
                    continue;
                }
            }
            if (deal || (strcmp(value, "both") == 0 && mem->has_deal)) {
                /* "welcomed the deal", "the two sides": the parties of the last agreement */
                add_pair(s, i, end, mem->deal,
                         deal ? "the parties of the agreement named before" : "the two sides: the parties of the last agreement", true);
                i = end + 1;
                continue;
            }
            if (deed) {
                mention *m = add_mention(s, i, end, author->code, author->kind,
                                         act ? "the author of the act named before" : "the author of the deed named before");
                if (m) {
                    m->text = author->text;
                    m->plural = author->plural;
                    m->reference = true;
                    /* ("On the same day as the Boma attack, militants ...": no subject) */
                    m->prepositional = preceded_by_preposition(s, i) || (i > 0 && is(s, i - 1, "as"));
                }
                i = end + 1;
                continue;
            }
            if (strcmp(value, "both") == 0) {
                /* "the two sides": the two actors named most so far */
                mention pair[2];
                if (code_most_named(mem, 1, pair)) add_pair(s, i, end, pair, "the two sides", false);
                i = end + 1;
                continue;
            }
            /* "Russia and Turkey said they would meet", "spoke with Burhan and
             * Dagalo and urged them to": the pair "A and B" just before */
            if ((is(s, i, "they") || is(s, i, "them")) && i > 0) {
                int b = -1;
                for (size_t q = i; q > 0 && i - q < 12 && b < 0; q--) b = s->mention_at[q - 1];
                /* "spoke with both generals and urged them": the two sides just named */
                if (b >= 1 && s->mentions[b].compound >= 2000 && s->mentions[b - 1].compound == s->mentions[b].compound &&
                    s->mentions[b].first + 12 > i) {
                    mention pair[2] = { s->mentions[b - 1], s->mentions[b] };
                    add_pair(s, i, end, pair, "pronoun: the two sides just named", false);
                    i = end + 1;
                    continue;
                }
                /* "The United States, Britain and Canada said they would":
                 * every member of the list just named */
                if (b >= 2 && !s->mentions[b].place && !s->mentions[b].adjectival && s->mentions[b].code[0]) {
                    int firstm = b;
                    bool and_seen = false, after_preposition = s->mentions[b].prepositional;
                    while (firstm >= 1) {
                        const mention *prev = &s->mentions[firstm - 1], *cur = &s->mentions[firstm];
                        bool ok = prev->code[0] && !prev->place && !prev->adjectival && prev->last + 1 < cur->first;
                        for (size_t g = prev->last + 1; ok && g < cur->first; g++) {
                            if (is(s, g, "and")) and_seen = true;
                            else if (!is(s, g, ",") && !is_any(s, g, determiners)) ok = false;
                        }
                        if (!ok) break;
                        after_preposition |= prev->prepositional;
                        firstm--;
                    }
                    /* (a list after a preposition only as the owners of an
                     * agent: "the military rulers of Mali, Burkina Faso and
                     * Niger said they") */
                    size_t lf = s->mentions[firstm].first;
                    if (after_preposition &&
                        !(lf >= 2 && is(s, lf - 1, "of") && s->mention_at[lf - 2] >= 0 &&
                          s->mentions[s->mention_at[lf - 2]].kind == MENTION_AGENT))
                        and_seen = false;
                    if (and_seen && b - firstm >= 2) {
                        mention list[16];
                        size_t n = 0;
                        for (int q = firstm; q <= b && n < 16; q++) list[n++] = s->mentions[q];
                        add_group(s, i, end, list, n, "pronoun: the list just named", false);
                        i = end + 1;
                        continue;
                    }
                }
                if (b >= 1 && s->mentions[b].first >= 2 && is(s, s->mentions[b].first - 1, "and") &&
                    s->mention_at[s->mentions[b].first - 2] == b - 1 && s->mentions[b - 1].code[0] &&
                    s->mentions[b].code[0] && strcmp(s->mentions[b - 1].code, s->mentions[b].code) != 0) {
                    mention pair[2] = { s->mentions[b - 1], s->mentions[b] };
                    add_pair(s, i, end, pair, "pronoun", false);
                    i = end + 1;
                    continue;
                }
            }
            const mention *ante = resolve_pronoun(s, i);
            bool speaker = s->tag_entry[i] && strcmp(s->tag_entry[i]->value, "speaker") == 0;
            if (speaker && !is(s, i, "our") && !is(s, i, "my")) {
                mention *m = add_mention(s, i, i, "", MENTION_PERSON, "first person: the speaker");
                if (m) m->speaker_ref = true;
            } else if (ante && ante == &s->memory->last_plural && s->memory->plural_is_pair &&
                       (is(s, i, "they") || is(s, i, "them") || (end > i && strcmp(value, "plural") == 0))) {
                /* "Russia and Turkey said they would": both; "France, Germany
                 * and Britain criticized Iran. They ...": all three */
                const memory *mem = s->memory;
                if (mem->list_count > 2 && mem->list[mem->list_count - 1].start == mem->pair[1].start)
                    add_group(s, i, end, mem->list, mem->list_count, "pronoun: the list named before", false);
                else
                    add_pair(s, i, end, s->memory->pair, "pronoun", false);
                i = end;
            } else if ((is(s, i, "his") || is(s, i, "her")) && undergoer_noun(s, end + 1)) {
                /* "accusing Pashinyan of X and demanding his resignation": the
                 * person this sentence named; "demanded his release": the one held */
                const mention *near = NULL;
                for (size_t q = s->mention_count; q > 0 && !near; q--)
                    if (s->mentions[q - 1].kind == MENTION_PERSON && !s->mentions[q - 1].speaker_ref && s->mentions[q - 1].code[0] &&
                        !(s->mentions[q - 1].how && strstr(s->mentions[q - 1].how, "pronoun")))
                        near = &s->mentions[q - 1];
                size_t noun = end + 1;
                while (noun < s->n && (is(s, noun, "immediate") || is(s, noun, "unconditional"))) noun++;
                bool freed = noun < s->n && (is(s, noun, "release") || is(s, noun, "freedom"));
                mention *m = NULL;
                if (near) {
                    m = add_mention(s, i, end, near->code, MENTION_PERSON, "possessive pronoun: the person this sentence named");
                    if (m) m->text = near->text;
                } else if (freed && s->memory->held[0]) {
                    m = add_mention(s, i, end, s->memory->held, MENTION_PERSON, "possessive pronoun: the one held");
                } else if (ante) {
                    m = add_mention(s, i, end, ante->code, ante->kind, "pronoun");
                    if (m) m->text = ante->text;
                }
                i = end;
            } else if (ante && (is(s, i, "its") || is(s, i, "their")) && end + 1 < s->n &&
                       (s->cls[end + 1] & WORD_MILITARY_SITE)) {
                /* "the RSF said warplanes had bombed its positions": the owner's forces */
                mention *m = add_mention(s, i, end, ante->code, ante->kind, "possessive pronoun + military site");
                if (m) m->text = ante->text;
                i = end;
            } else if (ante && !is(s, i, "his") && !is(s, i, "her") && !is(s, i, "its") && !is(s, i, "their")) {
                mention *m = add_mention(s, i, end, ante->code, ante->kind, "pronoun");
                i = end;
                if (m) {
                    m->text = ante->text;    /* the antecedent's words: attribution names a person */
                    m->plural = ante->plural;
                }
            }
            i++;
        } else {
            i++;
        }
    }

    /* "Israeli, Palestinian and Egyptian leaders": adjectives in a list
     * share the noun of the last one */
    for (size_t m = s->mention_count; m > 1; m--) {
        const mention *b = &s->mentions[m - 1];
        /* (the adjective before it first: the loop below stops at once without one) */
        if (!s->mentions[m - 2].adjectival || b->adjectival || !code_is_state(b->code) || !code_length_is(b->code, 6) || !b->how ||
            !strstr(b->how, "agent"))
            continue;
        for (size_t q = m - 1; q > 0; q--) {
            mention *a = &s->mentions[q - 1];
            const mention *next = &s->mentions[q];
            if (!a->adjectival || a->kind != MENTION_COUNTRY || strlen(a->code) != 3 || next->first <= a->last + 1) break;
            bool joined = true, and = false;
            for (size_t g = a->last + 1; g < next->first; g++) {
                if (is(s, g, "and") || is(s, g, "or")) and = true;
                else if (is(s, g, ",")) continue;
                /* "Israeli, Palestinian and regional leaders" */
                else if (!(and && q == m - 1 && s->tag[g] == TAG_NONE && !s->is_head[g] && !word_is_capitalized(s, g) &&
                           !(s->tokens[g].flags & TEXT_PUNCT)))
                    joined = false;
            }
            if (!joined) break;
            code_set(a->code, a->code, b->code + 3);
            a->adjectival = false;
            a->kind = b->kind;
            a->how = "demonym + the noun it shares";
        }
    }

    /* "the West African bloc ECOWAS", "the Western military alliance NATO",
     * "Kremlin critic Alexei Navalny": words that describe a name right
     * after them (ending in a noun parley does not know) are no actor of
     * their own; the name is */
    for (size_t m = 0; m + 1 < s->mention_count; m++) {
        mention *a = &s->mentions[m];
        const mention *b = &s->mentions[m + 1];
        size_t gap_first = a->last + 1;
        if (b->first <= gap_first || b->first > gap_first + 2 || !b->code[0]) continue;
        if (b->kind != MENTION_ORGANIZATION && b->kind != MENTION_GROUP && b->kind != MENTION_PERSON) continue;
        if (a->kind == MENTION_PERSON || a->modifier || b->reference || !word_is_capitalized(s, b->first)) continue;
        bool plain = true;
        for (size_t k = gap_first; k < b->first && plain; k++)
            plain = (s->tokens[k].flags & TEXT_WORD) && !(s->tokens[k].flags & (TEXT_CAPITALIZED | TEXT_PUNCT)) &&
                    s->tag[k] == TAG_NONE && !s->is_head[k] && !is_any(s, k, prepositions) && !is_any(s, k, determiners) &&
                    !is_any(s, k, subordinators) && !(s->cls[k] & WORD_STOP) && !is(s, k, "and") && !is(s, k, "or") &&
                    !be_word(s, k);
        if (!plain) continue;
        a->modifier = true;
    }

    /* compounds: "Russia and Turkey", "Sarraj, Haftar and representatives" */
    int next_group = 0;
    for (size_t m = 0; m + 1 < s->mention_count; m++) {
        mention *a = &s->mentions[m], *b = &s->mentions[m + 1];
        /* "the coalition and the Iran-aligned Houthis": the hyphenated
         * adjective belongs to the second member */
        size_t adjective_first = SIZE_MAX;
        if (b->modifier && !a->modifier && m + 2 < s->mention_count && b->last + 1 < s->n &&
            (s->tokens[b->last].flags & TEXT_HYPHEN_NEXT) && s->mentions[m + 2].first == b->last + 2) {
            adjective_first = b->first;
            b = &s->mentions[m + 2];
        }
        size_t gap_first = a->last + 1;
        /* only commas, "and", "or" and determiners between: "Saudi Arabia,
         * Egypt, the United Arab Emirates and Bahrain" */
        bool has_and = false, has_comma = false, other = false;
        size_t owner_words = 0;
        for (size_t g = gap_first; g < b->first && g < adjective_first; g++) {
            /* "and the country's largest rebel group": the article's country
             * owns the second member */
            if (has_and && ((is(s, g, "country") && g + 1 < b->first && is(s, g + 1, "'s")) ||
                            (is(s, g, "'s") && g > gap_first && is(s, g - 1, "country")))) {
                owner_words++;
                continue;
            }
            if (is(s, g, "and") || is(s, g, "or")) has_and = true;
            else if (is(s, g, ",")) has_comma = true;
            else if (s->tokens[g].flags & TEXT_NUMBER) continue;
            else if ((s->cls[g] & WORD_QUANTITY) || (is(s, g, "of") && g > gap_first && (s->cls[g - 1] & WORD_QUANTITY)))
                continue;   /* "13 U.S. troops and scores of Afghans" */
            else if (has_and && s->tag[g] == TAG_NONE &&
                     /* ("ethnic" heads "ethnic cleansing" but is an adjective here; "demanded" is a verb) */
                     (!s->is_head[g] || (g + 1 == b->first && !ends_with(s->words[g], "ed") && !ends_with(s->words[g], "ing") &&
                                         !ends_with(s->words[g], "s"))) &&
                     /* (a capitalized one only right before an agent noun: "and Muslim rebels") */
                     (!word_is_capitalized(s, g) || (g + 1 == b->first && b->kind == MENTION_AGENT)) &&
                     !(s->tokens[g].flags & TEXT_PUNCT) && !is_any(s, g, prepositions) && !is_any(s, g, subordinators) &&
                     !be_word(s, g) && !is(s, g, "that") && !is(s, g, "who") && !is(s, g, "which"))
                continue;   /* "the army and a rival militia": adjectives of the second */
            else if (!is_any(s, g, determiners) || is(s, g, "that")) {
                size_t used;
                if (!other && casualty_number(s->words, s->n, g, &used) <= 0) other = true;
            }
        }
        size_t gap = (adjective_first < b->first ? adjective_first : b->first) - gap_first - owner_words;
        /* "sheltering militants, and Pakistan denied it": a new clause with
         * its own subject, not a list */
        if (has_comma && has_and && b->last + 1 < s->n &&
            (s->is_head[b->last + 1] || s->tag[b->last + 1] == TAG_MODAL || s->tag[b->last + 1] == TAG_REPORT ||
             s->tag[b->last + 1] == TAG_NEGATION || be_word(s, b->last + 1) || is(s, b->last + 1, "has") ||
             is(s, b->last + 1, "had") || is(s, b->last + 1, "have")))
            continue;
        if (other || gap == 0 || gap > 4 || (!has_and && !has_comma) || a->place != b->place ||
            a->modifier || b->modifier || a->speaker_ref || b->speaker_ref || a->adjectival != b->adjectival ||
            a->reference || b->reference)
            continue;
        if (!has_and) {
            /* a comma alone joins only inside a list that ends in "and" */
            bool list = false;
            for (size_t q = m + 2; q < s->mention_count && !list; q++) {
                size_t g = s->mentions[q - 1].last + 1, e = s->mentions[q].first;
                bool and_here = false, ok = e > g && e - g <= 4;
                for (size_t x = g; x < e && ok; x++) {
                    if (is(s, x, "and") || is(s, x, "or")) and_here = true;
                    else if (and_here && s->tag[x] == TAG_NONE && !s->is_head[x] && !word_is_capitalized(s, x) &&
                             !(s->tokens[x].flags & TEXT_PUNCT) && !is_any(s, x, prepositions) && !be_word(s, x))
                        continue;   /* "and the regional bloc IGAD" */
                    else if (!is(s, x, ",") && !is_any(s, x, determiners)) ok = false;
                }
                if (!ok) break;
                if (and_here) list = true;
            }
            if (!list) continue;
        }
        if (a->compound < 0) a->compound = next_group++;
        b->compound = a->compound;
        b->prepositional = a->prepositional;
    }

    place_agents_in_regions(s);

    /* "The army and the Rapid Support Forces blamed each other": forces
     * with no country named beside a state's rebels or insurgents are that
     * state's, not the article's main country's */
    for (size_t m = 0; m < s->mention_count; m++) {
        mention *a = &s->mentions[m];
        size_t al = strlen(a->code);
        if (a->kind != MENTION_AGENT || !a->inferred_country || a->compound < 0 || al != 6 ||
            (strcmp(a->code + 3, "MIL") != 0 && strcmp(a->code + 3, "COP") != 0 && strcmp(a->code + 3, "GOV") != 0))
            continue;
        for (size_t q = 0; q < s->mention_count; q++) {
            const mention *b = &s->mentions[q];
            if (q == m || b->compound != a->compound || strlen(b->code) != 6 || b->inferred_country) continue;
            if (strcmp(b->code + 3, "REB") != 0 && strcmp(b->code + 3, "INS") != 0) continue;
            if (strncmp(a->code, b->code, 3) == 0) break;
            char country[4] = { b->code[0], b->code[1], b->code[2], 0 };
            char role[4];
            code_copy_text(role, sizeof role, a->code + 3);
            code_set(a->code, country, role);
            a->how = "agent: the state of the rebels named with it";
            break;
        }
    }

    /* affiliation and "of"/"for": "forces loyal to Haftar", "chiefs of Russia" */
    for (size_t m = 0; m < s->mention_count; m++) {
        mention *a = &s->mentions[m];
        if (a->kind != MENTION_AGENT || !a->inferred_country) continue;
        size_t k = a->last + 1;
        bool loyal = (is(s, k, "loyal") || is(s, k, "allied") || is(s, k, "close")) && is(s, k + 1, "to");
        /* ("rebels backed by Rwanda" are Congo's rebels whom Rwanda backs:
         * a backer owns no one, a leader or commander does) */
        bool backed = (is(s, k, "led") || is(s, k, "commanded")) && is(s, k + 1, "by");
        /* ("troops on both sides of the border": each side's) */
        bool of = is(s, k, "of") || is(s, k, "for") || is(s, k, "from") ||
                  (is(s, k, "on") && k + 1 < s->n && s->mention_at[k + 1] >= 0 &&
                   s->mentions[s->mention_at[k + 1]].compound >= 2000 && is(s, k + 1, "both"));
        size_t skip = loyal || backed ? 2 : of ? 1 : 0;
        if (!skip) continue;
        k += skip;
        /* "accused the government of intimidating his supporters": an -ing
         * form after "of" begins the charge, no owner */
        size_t kl = k < s->n ? strlen(s->words[k]) : 0;
        if (of && kl > 4 && strcmp(s->words[k] + kl - 3, "ing") == 0 && s->mention_at[k] < 0) continue;
        /* skip "strongman", "the" ... up to two words before the owner */
        for (int g = 0; g < 3 && k < s->n && s->mention_at[k] < 0 && !(s->tokens[k].flags & TEXT_PUNCT); g++) k++;
        if (k >= s->n || s->mention_at[k] < 0) continue;
        mention *owner = &s->mentions[s->mention_at[k]];
        if (owner == a) continue;
        const char *role = a->code + (strlen(a->code) >= 3 ? strlen(a->code) - 3 : 0);
        char role_copy[4];
        code_copy_text(role_copy, sizeof role_copy, role);
        char code[16];
        if (owner->compound >= 0) {
            /* "the defense chiefs of Russia and Turkey", "the top diplomats
             * and defense chiefs of Russia and Turkey": the owners stand for
             * the agents, with the (first) agent's role; the agents drop out */
            for (size_t q = 0; q < s->mention_count; q++) {
                mention *o = &s->mentions[q];
                if (o->compound != owner->compound) continue;
                code_owned(code, o->code, role_copy);
                code_copy_text(o->code, sizeof o->code, code);
                o->prepositional = a->prepositional;
                o->place = false;   /* "troops from both sides": whose, not where from */
                o->how = "agent of each owner";
            }
            int agents = a->compound;
            if (agents < 0) a->code[0] = 0;
            for (size_t q = 0; agents >= 0 && q < s->mention_count; q++)
                if (s->mentions[q].compound == agents) s->mentions[q].code[0] = 0;
            continue;
        }
        if (owner->compound < 0 && a->compound >= 0) {
            /* "the foreign and defense ministers of Russia": each agent its role */
            for (size_t q = 0; q < s->mention_count; q++) {
                mention *o = &s->mentions[q];
                if (o->compound != a->compound || o->kind != MENTION_AGENT || !o->inferred_country) continue;
                const char *r = o->code + (strlen(o->code) >= 3 ? strlen(o->code) - 3 : 0);
                char rc[4];
                code_copy_text(rc, sizeof rc, r);
                code_owned(code, owner->code, rc);
                code_copy_text(o->code, sizeof o->code, code);
                o->inferred_country = false;
                o->how = "agent of owner";
            }
            owner->prepositional = true;
            continue;
        }
        code_owned(code, owner->code, role_copy);
        code_copy_text(a->code, sizeof a->code, code);
        a->inferred_country = false;
        a->how = loyal ? "agent loyal to owner" : backed ? "agent backed by owner" : "agent of owner";
        /* the owner is part of this mention now: not a separate subject */
        owner->prepositional = true;
    }

    /* "Warsaw has asked police to investigate": police with no country and
     * no place in the text are those of the government that is the
     * sentence's subject, not of the article's main country */
    for (size_t m = 0; m < s->mention_count; m++) {
        mention *a = &s->mentions[m];
        if (a->kind != MENTION_AGENT || !a->inferred_country || s->place_country[0] || strlen(a->code) != 6 ||
            strcmp(a->code + 3, "COP") != 0)
            continue;
        for (size_t q = 0; q < m; q++) {
            const mention *b = &s->mentions[q];
            if (b->prepositional || b->place || b->modifier || b->adjectival || b->speaker_ref || !b->code[0] ||
                !code_is_state(b->code) || b->inferred_country)
                continue;
            /* "supporters, many from areas where he remains popular": not a subject */
            static const char *const relatives[] = { "where", "who", "whom", "which", "when", NULL };
            if (b->first > 0 && is_any(s, b->first - 1, relatives)) continue;
            /* (in the subject's own clause: "Obama cancelled the exercises, a
             * day after security forces crushed the camps" names Egypt's) */
            bool apart = s->clause[a->first] != s->clause[b->first];
            for (size_t k = b->last + 1; k < a->first && !apart; k++)
                apart = is_any(s, k, subordinators) || is(s, k, "after") || is(s, k, "before");
            if (apart) break;
            if (strlen(b->code) == 3 || strncmp(b->code + 3, "GOV", 3) == 0) {
                memcpy(a->code, b->code, 3);
                a->inferred_country = false;
                a->how = "police of the government that is the subject";
            }
            break;
        }
    }

    /* "a spokesman for Hezbollah", "a spokeswoman for the German Foreign
     * Ministry said": a spokesperson is the body they speak for (a country
     * spoken for is its government) */
    static const char *const spokes[] = { "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen",
                                          "spokespeople", "spokespersons", NULL };
    for (size_t m = 0, count = s->mention_count; m < count; m++) {
        mention *o = &s->mentions[m];
        if (!o->code[0] || o->place || o->modifier || o->compound >= 0 || o->speaker_ref) continue;
        size_t b = o->first;
        while (b > 0 && is_any(s, b - 1, determiners)) b--;
        if (b < 2 || !(is(s, b - 1, "for") || is(s, b - 1, "of"))) continue;
        size_t w = b - 2;
        if (!is_any(s, w, spokes) || s->mention_at[w] >= 0 || s->tag[w] != TAG_NONE) continue;
        char code[16];
        if (strlen(o->code) == 3 && code_is_state(o->code)) code_set(code, o->code, "GOV");
        else code_copy_text(code, sizeof code, o->code);
        mention *x = add_mention(s, w, w, code, MENTION_AGENT, "spokesperson for the body named");
        if (!x) break;
        x->text = code_slice(s, w, o->last, &x->start, &x->end);
        o->prepositional = true;
        /* "Mohammed Kanunu, a spokesman for the GNA, said": the appositive
         * describes the person before it and is no actor of its own */
        size_t a = w;
        while (a > 0 && is_any(s, a - 1, determiners)) a--;
        while (a > 0 && s->tag[a - 1] == TAG_NONE && !(s->tokens[a - 1].flags & (TEXT_PUNCT | TEXT_CAPITALIZED)) &&
               a + 3 > w)
            a--;   /* "the chief military spokesman" */
        if (a >= 2 && is(s, a - 1, ",") && s->mention_at[a - 2] >= 0 && s->mentions[s->mention_at[a - 2]].kind == MENTION_PERSON)
            x->prepositional = true;
    }

    /* "Mohammed Kanunu, the military spokesman for the GNA, said": the
     * appositive describes the person before it and is no actor of its own */
    for (size_t m = 0; m + 1 < s->mention_count; m++) {
        mention *a = &s->mentions[m], *b = &s->mentions[m + 1];
        if (a->kind != MENTION_PERSON || b->kind != MENTION_AGENT || b->plural) continue;
        size_t k = a->last + 1;
        if (!is(s, k, ",")) continue;
        k++;
        while (k < b->first && is_any(s, k, determiners)) k++;
        if (k != b->first) continue;
        b->prepositional = true;
    }

    /* apposition: "Maria Zakharova, the spokeswoman for the Russian Foreign
     * Ministry," and "Mohammed Kanunu, the military spokesman for the GNA" */
    for (size_t i = 0; i + 2 < s->n; i++) {
        if (!word_is_capitalized(s, i) || s->tag[i] != TAG_NONE || s->mention_at[i] >= 0) continue;
        size_t end = i;
        while (end + 1 < s->n && word_is_capitalized(s, end + 1) && s->tag[end + 1] == TAG_NONE) end++;
        if (end == i && (s->tokens[i].flags & TEXT_SENTENCE_START)) { i = end; continue; }
        /* "near Taiz, the Yemeni army said": a place, not a person */
        if (preceded_by_locative(s, i)) { i = end; continue; }
        size_t k = end + 1;
        if (!is(s, k, ",")) { i = end; continue; }
        k++;
        int g = 0;
        /* (", and police detained": a new clause, no apposition) */
        while (k < s->n && g < 3 && s->mention_at[k] < 0 && !(s->tokens[k].flags & TEXT_PUNCT) && s->tag[k] == TAG_NONE &&
               !is(s, k, "and") && !is(s, k, "or") && !is(s, k, "but") && !is(s, k, "while")) { k++; g++; }
        if (k >= s->n || s->mention_at[k] < 0) { i = end; continue; }
        mention *role = &s->mentions[s->mention_at[k]];
        if (role->kind != MENTION_AGENT || !role->code[0]) { i = end; continue; }
        /* "captured the village of Robotyne, the Russian defense ministry
         * said": the one who reports, not an apposition */
        if (role->last + 1 < s->n && s->tag[role->last + 1] == TAG_REPORT) { i = end; continue; }
        if (i > 0 && is(s, i - 1, "of")) { i = end; continue; }   /* "the village of X, the ..." */
        date_expression is_date[1];   /* tested last: the dearest test, and the others reject most names */
        if (date_find(s->words, s->n, i, end - i + 1, s->publication, is_date, 1)) { i = end; continue; }
        mention *m = add_mention(s, i, end, role->code, MENTION_PERSON, "name, apposition");
        if (m) {
            /* the appositive belongs to the name: it is not a subject of its own */
            role->prepositional = true;
            m->prepositional = preceded_by_preposition(s, i);
        }
        i = end;
    }
    /* mentions were appended out of order by apposition: sort by position */
    for (size_t x = 1; x < s->mention_count; x++) {
        mention tmp = s->mentions[x];
        size_t y = x;
        while (y > 0 && s->mentions[y - 1].first > tmp.first) { s->mentions[y] = s->mentions[y - 1]; y--; }
        s->mentions[y] = tmp;
    }
    for (size_t k = 0; k < s->n; k++) s->mention_at[k] = -1;
    for (size_t m = 0; m < s->mention_count; m++)
        for (size_t k = s->mentions[m].first; k <= s->mentions[m].last && k < s->n; k++) s->mention_at[k] = (int16_t)m;
    for (size_t m = 0; m < s->mention_count; m++) {
        mention *x = &s->mentions[m];
        if (x->kind == MENTION_NAME || x->kind == MENTION_PERSON || x->compound >= 0) remember(s, x);
        count_mention(s, x);
        remember_surname(s, x);
    }
}

