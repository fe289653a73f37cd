/* code: the event coder (see code.h for the shape).
 *
 * Per sentence: (1) tag tokens with the longest dictionary phrases;
 * (2) assemble actor mentions from the tags (title + name, demonym + agent,
 * possessives, "forces loyal to X", apposition, pronouns, compounds);
 * (3) cut clauses at reporting verbs, subordinators and semicolons;
 * (4) for each verb-pattern head, find source and target by position
 * (clause subject, pattern slot, "by" agent of a passive), then apply
 * negation, modality and attribution.  Positions, not parse trees: the
 * whole article is a few linear passes. */
#include "code.h"
#include "date.h"
#include "casualty.h"
#include "../lex/places.h"

#include <assert.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

enum {
    MAX_SENTENCE_TOKENS = 400,       /* longer "sentences" are cut: bounded work */
    MAX_MENTIONS = 128,
    MAX_EVENTS_PER_SENTENCE = 64,
    PATTERN_GAP = 3,                 /* other tokens allowed between pattern words */
};

typedef enum mention_kind {
    MENTION_PERSON, MENTION_COUNTRY, MENTION_ORGANIZATION, MENTION_GROUP, MENTION_AGENT, MENTION_NAME,
} mention_kind;

typedef struct mention {
    uint32_t     first, last;        /* token indexes, inclusive, sentence-relative */
    char         code[16];
    mention_kind kind;
    bool         plural;
    bool         place;              /* after a locative ("in Moscow") */
    bool         prepositional;      /* after a preposition: not a subject */
    bool         inferred_country;   /* agent with the article's country */
    bool         modifier;           /* "NATO-backed", "U.N.-recognized": an adjective, not an actor */
    bool         after_of;           /* "guns of the Haftar forces": a subject only when nothing else is */
    bool         adjectival;         /* "a French demand": a country named by its adjective */
    bool         speaker_ref;        /* "we", "our forces": the sentence's speaker, filled in later */
    bool         weapon;             /* "drones", "Israeli warplanes": an attacker, never a target */
    bool         reference;          /* "the deal", "the attack": stands for actors named before */
    int          compound;           /* members of "A and B" share an id; -1 alone */
    const char  *text;               /* words as in the text (arena) */
    uint32_t     start, end;         /* byte offsets */
    const char  *how;                /* how the code was found, for --explain */
} mention;

/* Tags per token. */
enum {
    TAG_NONE = 0, TAG_ACTOR, TAG_AGENT, TAG_PRONOUN, TAG_MODAL, TAG_NEGATION, TAG_REPORT, TAG_LOCATIVE,
};

typedef struct span {
    uint32_t first, last;
    lex_match match;
} span;

/* What the coder remembers across the sentences of one article. */
typedef struct memory {
    mention last_person;   bool has_person;
    mention last_plural;   bool has_plural;
    mention last_thing;    bool has_thing;
    mention last_actor;    bool has_actor;
    mention last_group;    bool has_group;    /* for "the group", "the movement" */
    char    country[4];    /* the article's main country */
    mention last_speaker;  bool has_speaker;   /* for quotes that run over sentences */
    /* people named in full earlier in the article, so that "Aliyev" alone
     * later is "Ilham Aliyev" */
    struct { char surname[32]; char code[16]; const char *text; } people[64];
    size_t  people_count;
    /* how often each actor has been named, for "the two sides" */
    struct { char code[16]; int count; const char *text; } tally[32];
    size_t  tally_count;
    mention deal[2];       bool has_deal;      /* the two parties of the last agreement or talks coded */
    mention deed;          bool has_deed;      /* the author of the last use of force coded */
    mention accuser;       bool has_accuser;   /* the source of the last accusation or criticism */
    size_t  last_event;    bool has_last_event; /* index in the result of the last event coded from a verb */
    code_place dateline;   bool has_dateline;   /* "KHARTOUM, Sudan -": where events with no place of their own happened */
    mention last_subject;  bool has_subject;   /* the person who was the subject of a recent sentence */
    size_t  subject_age;                       /* sentences since */
} memory;

typedef struct sentence_state {
    const lex_dict  *dict;
    const code_options *options;
    arena           *a;
    const text_doc  *doc;
    const char      *text;
    int32_t          publication;
    const char      *words[MAX_SENTENCE_TOKENS];   /* folded tokens */
    bool             caps[MAX_SENTENCE_TOKENS];
    const text_token *tokens;                      /* the sentence's tokens */
    size_t           n;
    uint8_t          tag[MAX_SENTENCE_TOKENS];
    const lex_entry *tag_entry[MAX_SENTENCE_TOKENS];
    int16_t          mention_at[MAX_SENTENCE_TOKENS]; /* mention index covering token, -1 */
    uint16_t         clause[MAX_SENTENCE_TOKENS];
    bool             clause_conditional[MAX_SENTENCE_TOKENS]; /* by clause: "if ..." */
    bool             clause_denied[MAX_SENTENCE_TOKENS];      /* by clause: "denied that ..." */
    int16_t          subject_from[MAX_SENTENCE_TOKENS];       /* by clause: take the subject of this clause, -1 */
    uint16_t         clause_count;
    bool             consumed[MAX_SENTENCE_TOKENS]; /* used by a matched pattern */
    bool             is_head[MAX_SENTENCE_TOKENS];  /* a verb-pattern head word, not inside an actor phrase */
    bool             dateline[MAX_SENTENCE_TOKENS]; /* "BAGHDAD (AP) -": not part of any clause */
    const char      *weapon[MAX_SENTENCE_TOKENS];   /* the CAMEO code of a weapon word ("drones": 195), or NULL */
    uint16_t         cls[MAX_SENTENCE_TOKENS];      /* WORD_* bits */
    uint32_t         hash[MAX_SENTENCE_TOKENS];     /* lex_word_hash of each folded word */
    uint64_t         after_bits[MAX_SENTENCE_TOKENS + 1]; /* stem bits of the words from i on (lex_pattern.stem_bits) */
    span             spans[MAX_SENTENCE_TOKENS];
    size_t           span_count;
    mention          mentions[MAX_MENTIONS];
    size_t           mention_count;
    memory          *memory;
    bool             quoted;
    char             place_country[4];  /* the country of a place named in the sentence ("in Yerevan"), or "" */
} sentence_state;

/* ---- small helpers ---- */

static bool is(const sentence_state *s, size_t i, const char *w)
{
    /* the first byte settles almost every comparison */
    return i < s->n && s->words[i][0] == w[0] && strcmp(s->words[i], w) == 0;
}

static bool is_any(const sentence_state *s, size_t i, const char *const *list);
static bool be_word(const sentence_state *s, size_t i);

static const char *const determiners[] = { "the", "a", "an", "its", "their", "his", "her", "this", "these",
                                           "those", "our", "some", "any", "no", "every", "each", NULL };
static const char *const prepositions[] = { "of", "in", "at", "to", "from", "with", "by", "for", "on", "against",
                                            "between", "among", "into", "near", "over", "under", "toward", "towards",
                                            "about", "across", "through", "after", "before", "during", "outside",
                                            "inside", "around", "without", "within", "behind", "beyond", "like",
                                            "including", "besides", "than", "via", "amid", NULL };
static const char *const light[] = { "launch", "launched", "launches", "launching", "carry", "carried", "carries",
                                         "carrying", "conduct", "conducted", "conducts", "conducting", "stage", "staged",
                                         "stages", "staging", "mount", "mounted", "mounts", "mounting", "began", "begin",
                                         "begins", "started", "start", "starts", "stepped", "step", "intensified",
                                         "escalated", "resumed", "resume", "held", "hold", "holds", "holding", "signed",
                                         "sign", "signs", "reached", "reach", "struck", "made", "make", "makes", "paid",
                                         "pay", "pays", "opened", "open", "announced", "announce", "declared", "declare",
                                         "agreed", "offered", "accepted", "accept", "accepts", NULL };
static const char *const subordinators[] = { "after", "before", "while", "when", "whereas", "although", "though",
                                             "because", "as", "since", "if", "unless", "until", "once", NULL };

/* Word classes, looked up once per token so that the many "is this a
 * determiner / preposition / subordinator" checks cost a bit test. */
enum { WORD_DETERMINER = 1, WORD_PREPOSITION = 2, WORD_SUBORDINATOR = 4, WORD_STOP = 8, WORD_BE = 16, WORD_LIGHT = 32,
       WORD_CASUALTY = 64, WORD_NUMBER = 128, WORD_QUANTITY = 256 };

typedef struct word_class { const char *word; uint16_t bits; uint32_t hash; } word_class;
static word_class word_classes[256];
static size_t word_class_count;
/* word_classes by lex_word_hash (open addressing, index + 1, 0 empty): the
 * lookup runs for every token, and the token's hash is computed anyway */
enum { WORD_CLASS_SLOTS = 512 };
static uint16_t word_class_slots[WORD_CLASS_SLOTS];
static pthread_once_t word_classes_once = PTHREAD_ONCE_INIT;

static void add_class(const char *const *list, uint16_t bit)
{
    for (size_t k = 0; list[k]; k++) {
        size_t i = 0;
        while (i < word_class_count && strcmp(word_classes[i].word, list[k]) != 0) i++;
        if (i == word_class_count) {
            assert(word_class_count < sizeof word_classes / sizeof *word_classes);
            word_classes[word_class_count].word = list[k];
            word_classes[word_class_count].bits = 0;
            word_class_count++;
        }
        word_classes[i].bits |= bit;
    }
}

static void build_word_classes(void)
{
    add_class(determiners, WORD_DETERMINER);
    add_class(prepositions, WORD_PREPOSITION);
    add_class(subordinators, WORD_SUBORDINATOR);
    static const char *const stops[] = { ",", ".", NULL };
    add_class(stops, WORD_STOP);
    static const char *const be[] = { "be", "is", "are", "was", "were", "been", "being", "get", "gets",
                                      "got", "gotten", "getting", "'s", "'re", NULL };
    add_class(be, WORD_BE);
    add_class(light, WORD_LIGHT);
    /* words that can start a count: casualty_find runs only on sentences that have one */
    static const char *const numbers[] = { "one", "a", "an", "two", "three", "four", "five", "six", "seven", "eight",
                                           "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                                           "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
                                           "fifty", "sixty", "seventy", "eighty", "ninety", "dozen", "dozens", "scores",
                                           "hundreds", "thousands", "tens", NULL };
    add_class(numbers, WORD_NUMBER);
    add_class(casualty_words(), WORD_CASUALTY);
    /* words of a count that do not widen the distance between pattern words */
    static const char *const quantity[] = { "more", "than", "least", "nearly", "about", "some", "several", "up", NULL };
    add_class(quantity, WORD_QUANTITY);
    add_class(numbers, WORD_QUANTITY);
    for (size_t k = 0; k < word_class_count; k++) {
        word_classes[k].hash = lex_word_hash(word_classes[k].word);
        size_t i = word_classes[k].hash % WORD_CLASS_SLOTS;
        while (word_class_slots[i]) i = (i + 1) % WORD_CLASS_SLOTS;
        word_class_slots[i] = (uint16_t)(k + 1);
    }
}

static uint16_t word_class_of(const char *w, uint32_t hash)
{
    for (size_t i = hash % WORD_CLASS_SLOTS; word_class_slots[i]; i = (i + 1) % WORD_CLASS_SLOTS) {
        const word_class *c = &word_classes[word_class_slots[i] - 1];
        if (c->hash == hash && strcmp(c->word, w) == 0) return c->bits;
    }
    return 0;
}

static bool is_any(const sentence_state *s, size_t i, const char *const *list)
{
    if (i >= s->n) return false;
    if (list == determiners) return s->cls[i] & WORD_DETERMINER;
    if (list == prepositions) return s->cls[i] & WORD_PREPOSITION;
    if (list == subordinators) return s->cls[i] & WORD_SUBORDINATOR;
    for (size_t k = 0; list[k]; k++) if (strcmp(s->words[i], list[k]) == 0) return true;
    return false;
}

static bool be_word(const sentence_state *s, size_t i) { return i < s->n && (s->cls[i] & WORD_BE); }

static bool word_is_capitalized(const sentence_state *s, size_t i)
{
    return i < s->n && (s->tokens[i].flags & TEXT_CAPITALIZED) && (s->tokens[i].flags & TEXT_WORD) &&
           !(s->tokens[i].flags & TEXT_NUMBER);
}

static const char *slice(sentence_state *s, size_t first, size_t last, uint32_t *start, uint32_t *end)
{
    uint32_t b = s->tokens[first].start, e = s->tokens[last].end;
    if (start) *start = b;
    if (end) *end = e;
    return arena_strndup(s->a, s->text + b, e - b);
}

/* strlcpy: a copy cut to fit (codes and names are short; snprintf's
 * formatting cost more than the coding around it) */
static void copy_text(char *out, size_t cap, const char *in)
{
    size_t n = strlen(in);
    if (n >= cap) n = cap - 1;
    memcpy(out, in, n);
    out[n] = 0;
}

static void set_code(char out[16], const char *country, const char *role)
{
    size_t c = strnlen(country, 3), r = strnlen(role, 12);
    memcpy(out, country, c);
    memcpy(out + c, role, r);
    out[c + r] = 0;
}

static bool code_has_role(const char *code) { return strlen(code) >= 6; }

static bool role_is_armed(const char *role)
{
    return strncmp(role, "MIL", 3) == 0 || strncmp(role, "REB", 3) == 0 || strncmp(role, "INS", 3) == 0 ||
           strncmp(role, "UAF", 3) == 0;
}

static bool code_is_state(const char *code)
{
    /* IGO/NGO/IMG codes have no country prefix */
    return !(strncmp(code, "IGO", 3) == 0 || strncmp(code, "NGO", 3) == 0 || strncmp(code, "IMG", 3) == 0);
}

/* The code of an agent owned by `owner`: "Haftar's forces" take Haftar's own
 * armed role; "Iraq's police" are IRQ + COP; an official "of" an
 * organisation with a role belongs to it. */
/* A code that can be a party to a conflict or an agreement: a state, its
 * government, forces or opposition, a movement, an international body. */
static bool party_code(const char *code)
{
    if (!code_is_state(code)) return strncmp(code, "IGO", 3) == 0;
    if (strlen(code) == 3) return true;
    static const char *const parties[] = { "GOV", "MIL", "REB", "INS", "OPP", "UAF", "COP", "SPY", "LEG", NULL };
    for (size_t i = 0; parties[i]; i++) if (strncmp(code + 3, parties[i], 3) == 0) return true;
    return false;
}

static void owned_code(char out[16], const char *owner, const char *role)
{
    if (!owner[0]) { set_code(out, "", role); return; }
    if (!code_is_state(owner)) {
        /* IGO/NGO staff stay the organisation */
        copy_text(out, 16, owner);
        return;
    }
    if (code_has_role(owner) && role_is_armed(role) && role_is_armed(owner + 3)) { copy_text(out, 16, owner); return; }
    if (code_has_role(owner) && strcmp(role, "GOV") == 0) { copy_text(out, 16, owner); return; }
    set_code(out, owner, role);
}

/* ---- step 1: tags ---- */

/* A dateline opens a story: "BAGHDAD (AP) -", "NAIROBI, Kenya (AP) -",
 * "MOSCOW -".  Its place names are not actors of the first sentence. */
static void mark_dateline(sentence_state *s)
{
    size_t i = 0;
    while (i < s->n && ((s->tokens[i].flags & TEXT_ALLCAPS) || is(s, i, ",") ||
                        (i > 0 && is(s, i - 1, ",") && (s->tokens[i].flags & TEXT_CAPITALIZED))))
        i++;
    if (i == 0) return;
    if (is(s, i, "(")) {
        size_t k = i + 1;
        while (k < s->n && k < i + 8 && !is(s, k, ")")) k++;
        if (k >= s->n || !is(s, k, ")")) return;
        i = k + 1;
    }
    if (!(is(s, i, "-") || is(s, i, ":") || (i > 0 && is(s, i - 1, ")")))) return;
    if (is(s, i, "-") || is(s, i, ":")) i++;
    if (i >= s->n) return;
    for (size_t k = 0; k < i; k++) s->dateline[k] = true;
}

static void tag_sentence(sentence_state *s)
{
    mark_dateline(s);
    for (size_t i = 0; i < s->n;) {
        lex_match m;
        if (lex_match_phrase(s->dict, s->words, s->caps, s->n, i, &m)) {
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
            for (size_t k = sp->first; k <= sp->last; k++) { s->tag[k] = tag; s->tag_entry[k] = chosen; }
            const lex_entry *weapon = lex_match_kind(&m, LEX_WEAPON);
            if (weapon)
                for (size_t k = sp->first; k <= sp->last; k++) s->weapon[k] = weapon->value;
            i += m.token_count;
        } else {
            i++;
        }
    }
    for (size_t i = 0; i < s->n; i++) {
        if (s->dateline[i]) { s->tag[i] = TAG_NONE; continue; }
        uint8_t t = s->tag[i];
        size_t hc = 0;
        if (t == TAG_ACTOR || t == TAG_AGENT || t == TAG_PRONOUN || t == TAG_LOCATIVE || t == TAG_NEGATION || t == TAG_MODAL)
            continue;
        /* "U.N.-recognized", "Iranian-made": a participle joined to the word before is an adjective */
        if (i > 0 && (s->tokens[i - 1].flags & TEXT_HYPHEN_NEXT)) continue;
        lex_heads(s->dict, s->words[i], &hc);
        s->is_head[i] = hc > 0;
    }
}

/* The country of the first place the sentence names after a locative
 * ("In Yerevan, ...", "in southern Turkey"): the home of agents the
 * sentence does not otherwise place. */
static void sentence_place_country(sentence_state *s)
{
    s->place_country[0] = 0;
    const places *g = lex_places(s->dict);
    for (size_t i = 1; i < s->n; i++) {
        if (s->tag[i - 1] != TAG_LOCATIVE) continue;
        size_t k = i;
        while (k < s->n && k < i + 3 && (is_any(s, k, determiners) || (s->tag[k] == TAG_NONE && !(s->tokens[k].flags & TEXT_CAPITALIZED) &&
                                                                     !(s->tokens[k].flags & TEXT_PUNCT))))
            k++;
        if (k >= s->n || !(s->tokens[k].flags & TEXT_CAPITALIZED) || s->dateline[k]) continue;
        if (s->tag[k] == TAG_ACTOR && s->tag_entry[k] && (s->tag_entry[k]->kind == LEX_COUNTRY || s->tag_entry[k]->kind == LEX_CAPITAL)) {
            char code[16];
            lex_actor_code(s->tag_entry[k], s->publication, code);
            if (strlen(code) >= 3 && code_is_state(code)) { memcpy(s->place_country, code, 3); s->place_country[3] = 0; return; }
        }
        if (g && s->tag[k] == TAG_NONE) {
            /* the whole name: "in Central Equatoria" is not "Central" */
            char key[128];
            size_t len = 0, end = k;
            while (end + 1 < s->n && end < k + 3 && s->tag[end + 1] == TAG_NONE && word_is_capitalized(s, end + 1)) end++;
            for (size_t q = k; q <= end; q++) {
                size_t wl = strlen(s->words[q]);
                if (len + wl + 2 > sizeof key) break;
                if (q > k) key[len++] = ' ';
                memcpy(key + len, s->words[q], wl);
                len += wl;
            }
            key[len] = 0;
            place_info found[8];
            size_t nf = places_lookup(g, key, found, 8);
            /* a place of that name in the article's country is the one meant */
            for (size_t f = 0; f < nf; f++)
                if (s->memory->country[0] && strncmp(found[f].country, s->memory->country, 3) == 0) {
                    memcpy(s->place_country, found[f].country, 4);
                    return;
                }
            if (nf && found[0].population >= 100000) {
                memcpy(s->place_country, found[0].country, 4);
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
    return i > 0 && s->tag[i - 1] == TAG_LOCATIVE;
}

static bool preceded_by_preposition(const sentence_state *s, size_t first)
{
    size_t i = first;
    while (i > 0 && (is_any(s, i - 1, determiners) || (s->tokens[i - 1].flags & TEXT_HYPHEN_NEXT))) i--;
    return i > 0 && (is_any(s, i - 1, prepositions) || s->tag[i - 1] == TAG_LOCATIVE);
}

static mention *add_mention(sentence_state *s, size_t first, size_t last, const char *code, mention_kind kind, const char *how)
{
    if (s->mention_count == MAX_MENTIONS) return NULL;
    mention *m = &s->mentions[s->mention_count++];
    memset(m, 0, sizeof *m);
    m->first = (uint32_t)first;
    m->last = (uint32_t)last;
    copy_text(m->code, sizeof m->code, code);
    m->kind = kind;
    m->compound = -1;
    m->text = slice(s, first, last, &m->start, &m->end);
    m->how = how;
    /* only a country, capital or institution can be a place: "at protesters" is an object */
    m->place = (kind == MENTION_COUNTRY || kind == MENTION_ORGANIZATION) && preceded_by_locative(s, first);
    m->prepositional = preceded_by_preposition(s, first);
    if (m->prepositional) {
        /* "after President Erdogan criticized Israel": a subordinator with a
         * clause of its own, not a preposition */
        size_t b = first;
        while (b > 0 && is_any(s, b - 1, determiners)) b--;
        if (b > 0 && is_any(s, b - 1, subordinators))
            for (size_t k = last + 1; k < s->n && k <= last + 4; k++)
                if (s->is_head[k] || s->tag[k] == TAG_MODAL || s->tag[k] == TAG_NEGATION || be_word(s, k) ||
                    is(s, k, "has") || is(s, k, "have") || is(s, k, "had")) {
                    m->prepositional = false;
                    break;
                }
    }
    m->modifier = (last < s->n && (s->tokens[last].flags & TEXT_HYPHEN_NEXT) != 0) ||
                  (first > 0 && (s->tokens[first - 1].flags & TEXT_HYPHEN_NEXT) && !is(s, first - 1, "pro"));
    m->after_of = m->prepositional && first > 0 && (is(s, first - 1, "of") || (first > 1 && is(s, first - 2, "of") && is_any(s, first - 1, determiners)));
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
    memory *mem = s->memory;
    if (!m->code[0] || m->place || m->modifier || m->adjectival || m->speaker_ref) return;
    bool singular_agent = m->kind == MENTION_AGENT && !m->plural;
    if (m->kind == MENTION_PERSON || m->kind == MENTION_NAME || singular_agent) { mem->last_person = *m; mem->has_person = true; }
    if (m->plural || m->kind == MENTION_GROUP || m->compound >= 0) { mem->last_plural = *m; mem->has_plural = true; }
    if (m->kind == MENTION_COUNTRY || m->kind == MENTION_ORGANIZATION || m->kind == MENTION_GROUP || singular_agent) {
        mem->last_thing = *m;
        mem->has_thing = true;
    }
    mem->last_actor = *m;
    mem->has_actor = true;
    if (m->kind == MENTION_GROUP || m->kind == MENTION_ORGANIZATION) { mem->last_group = *m; mem->has_group = true; }
    if (!m->inferred_country && !m->weapon && code_is_state(m->code) && strlen(m->code) >= 3) {
        size_t k = 0;
        while (k < mem->tally_count && strcmp(mem->tally[k].code, m->code) != 0) k++;
        if (k == mem->tally_count && k < sizeof mem->tally / sizeof mem->tally[0]) {
            copy_text(mem->tally[k].code, sizeof mem->tally[k].code, m->code);
            mem->tally[k].count = 0;
            mem->tally[k].text = m->text;
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

/* Builds the mention that starts at token i, returns the token after it. */
static size_t build_mention(sentence_state *s, size_t i)
{
    size_t start = i;
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
                set_code(code, country, agent->value);
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
        const mention *ante = NULL;
        if ((is(s, j, "his") || is(s, j, "her")) && s->memory->has_person) ante = &s->memory->last_person;
        else if (is(s, j, "their") && s->memory->has_plural) ante = &s->memory->last_plural;
        else if (is(s, j, "its") && s->memory->has_thing) ante = &s->memory->last_thing;
        if (ante) { copy_text(owner, sizeof owner, ante->code); have_owner = true; how = "possessive pronoun"; }
        if (is(s, j, "our")) { have_owner = true; how = "our"; owner[0] = 0; }
        j++;
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
    while (have_owner && k < s->n && skipped < 4 && !(s->tokens[k].flags & TEXT_PUNCT) && !is_any(s, k, prepositions) &&
           !is(s, k, "and") && !is(s, k, "or") && s->tag[k] != TAG_AGENT && s->tag[k] != TAG_REPORT &&
           s->tag[k] != TAG_NEGATION && s->tag[k] != TAG_MODAL && !s->is_head[k] &&
           (s->tag[k] == TAG_NONE || (s->tag[k] == TAG_ACTOR && (s->tokens[k].flags & TEXT_HYPHEN_NEXT)))) {
        k++;
        skipped++;
    }
    if (!(k < s->n && s->tag[k] == TAG_AGENT)) k = j;
    size_t agent_first = k;
    const lex_entry *agent = NULL;
    size_t agent_last = k;
    /* one or more agents: "Foreign Minister", "defense chiefs", "government forces" */
    while (k < s->n && s->tag[k] == TAG_AGENT) {
        const lex_entry *e = s->tag_entry[k];
        agent = e;
        while (k + 1 < s->n && s->tag[k + 1] == TAG_AGENT && s->tag_entry[k + 1] == e) k++;
        agent_last = k;
        k++;
    }
    if (!agent) { k = j; agent_first = j; }

    /* a person after a title: "Foreign Minister Sergey Lavrov", "GNA head Fayez al-Sarraj" */
    if (k < s->n && s->tag[k] == TAG_ACTOR && (agent || have_owner) && kind_of_entry(s->tag_entry[k]) == MENTION_PERSON) {
        const lex_entry *e = s->tag_entry[k];
        size_t end = k;
        while (end + 1 < s->n && s->tag[end + 1] == TAG_ACTOR && s->tag_entry[end + 1] == e) end++;
        char code[16];
        entry_code(s, e, code);
        mention *m = add_mention(s, start, end, code, MENTION_PERSON, "title + person");
        if (m) remember(s, m);
        return end + 1;
    }
    /* an unknown name after a title: "Turkish President Recep Tayyip Erdogan" when he is not listed */
    if (agent && k < s->n && word_is_capitalized(s, k) && s->tag[k] == TAG_NONE) {
        size_t end = k;
        while (end + 1 < s->n && word_is_capitalized(s, end + 1) && s->tag[end + 1] == TAG_NONE) end++;
        char code[16];
        owned_code(code, have_owner ? owner : s->memory->country, agent->value);
        mention *m = add_mention(s, start, end, code, MENTION_PERSON, "title + name");
        if (m) { m->inferred_country = !have_owner; remember(s, m); }
        return end + 1;
    }

    if (agent) {
        char code[16];
        const char *agent_how = "agent";
        bool inferred = false;
        bool ours = how && strcmp(how, "our") == 0;
        if (ours) {
            set_code(code, "", agent->value);
            agent_how = "our + agent (the speaker's)";
        } else if (have_owner && owner[0]) {
            if (possessive || owner_kind != MENTION_PERSON) owned_code(code, owner, agent->value);
            else owned_code(code, owner, agent->value);
            agent_how = possessive ? "possessive + agent" : pro ? "pro- + agent" :
                        (how && strcmp(how, "possessive pronoun") == 0) ? "possessive pronoun" : "country + agent";
        } else {
            /* "forces loyal to Haftar", "defense chiefs of Russia and Turkey",
             * "spokeswoman for the Russian Foreign Ministry": resolved below
             * by the caller (affiliation), else the article's country. */
            set_code(code, s->memory->country, agent->value);
            inferred = true;
            agent_how = "agent + article country";
            /* "Erdogan, whose government has sent": the person's */
            if (start >= 3 && is(s, start - 1, "whose") && is(s, start - 2, ",") && s->mention_at[start - 3] >= 0) {
                const mention *o = &s->mentions[s->mention_at[start - 3]];
                if (o->code[0] && code_is_state(o->code)) {
                    char owner_code[4];
                    snprintf(owner_code, sizeof owner_code, "%.3s", o->code);
                    owned_code(code, owner_code, agent->value);
                    inferred = false;
                    agent_how = "whose + agent";
                }
            }
        }
        mention *m = add_mention(s, start, agent_last, code, MENTION_AGENT, agent_how);
        if (!m) return agent_last + 1;
        m->inferred_country = inferred;
        if (inferred && s->place_country[0]) {
            /* "In Yerevan, thousands of protesters": the sentence's place */
            set_code(m->code, s->place_country, agent->value);
            m->how = "agent + the sentence's place";
        }
        m->speaker_ref = ours;
        const char *w = s->words[agent_last];
        size_t wl = strlen(w);
        /* "rebels" (made from "rebel"), "troops", "gunmen", "police" */
        m->plural = agent->plural_form || (wl > 3 && w[wl - 1] == 's' && w[wl - 2] != 's' && w[wl - 2] != 'u') ||
                    (wl > 3 && strcmp(w + wl - 3, "men") == 0) || strcmp(w, "police") == 0 || strcmp(w, "people") == 0 ||
                    strcmp(w, "personnel") == 0;
        if (!ours) remember(s, m);
        (void)agent_first;
        return agent_last + 1;
    }

    if (have_owner && owner_entry) {
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
                        set_code(m->code, owner, "MIL");   /* "an Indian jet" */
                        m->how = "demonym + weapon";
                        m->adjectival = false;
                        m->weapon = true;
                        return end + 1;
                    }
                    size_t hc = 0;
                    const lex_head_pattern *heads = end + 1 < s->n ? lex_heads(s->dict, s->words[end + 1], &hc) : NULL;
                    for (size_t k = 0; k < hc; k++) {
                        const lex_code_info *info = heads[k].pattern->noun_head ? lex_code(s->dict, heads[k].pattern->code) : NULL;
                        if (info && info->quad_class == 4 && (strncmp(info->code, "19", 2) == 0 || strncmp(info->code, "18", 2) == 0 ||
                                                              strncmp(info->code, "15", 2) == 0)) {
                            set_code(m->code, owner, "MIL");
                            m->how = "demonym + military action";
                            break;
                        }
                    }
                }
                return end + 1;
            }
            char code[16];
            set_code(code, owner, "CVL");
            mention *m = add_mention(s, start, end, code, MENTION_COUNTRY, "demonym (people)");
            if (m) { m->plural = true; remember(s, m); }
            return end + 1;
        }
        char code[16];
        copy_text(code, sizeof code, owner);
        mention *m = add_mention(s, start, end, code, owner_kind, how);
        if (!m) return end + 1;
        if (owner_entry->kind == LEX_CAPITAL && !m->place) set_code(m->code, owner, "GOV");
        if (owner_entry->kind == LEX_GROUP) m->plural = true;
        remember(s, m);
        return j;
    }
    return i + 1;
}

static const mention *resolve_pronoun(sentence_state *s, size_t i)
{
    const char *kind = s->tag_entry[i] ? s->tag_entry[i]->value : "";
    /* "Trump praised the deal and said he would meet": the person who is
     * this sentence's subject */
    if (strcmp(kind, "person") == 0)
        for (size_t m = 0; m < s->mention_count && s->mentions[m].first < i; m++) {
            const mention *x = &s->mentions[m];
            if (x->prepositional || x->place || x->modifier || x->adjectival || !x->code[0] || x->speaker_ref) continue;
            if (x->kind == MENTION_PERSON && !x->plural && x->compound < 0 && x->first == 0) return x;
            break;
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
    if (strcmp(kind, "group") == 0 && s->memory->has_group) return &s->memory->last_group;
    return NULL;
}

static void remember_surname(sentence_state *s, const mention *m)
{
    memory *mem = s->memory;
    if (m->kind != MENTION_PERSON || !m->code[0] || m->last <= m->first) return;
    const char *surname = s->words[m->last];
    if (strlen(surname) < 3 || strlen(surname) >= sizeof mem->people[0].surname || !(s->tokens[m->last].flags & TEXT_CAPITALIZED))
        return;
    size_t slot = mem->people_count;
    for (size_t i = 0; i < mem->people_count; i++)
        if (strcmp(mem->people[i].surname, surname) == 0) slot = i;
    if (slot == mem->people_count) {
        if (mem->people_count == sizeof mem->people / sizeof mem->people[0]) return;
        mem->people_count++;
    }
    copy_text(mem->people[slot].surname, sizeof mem->people[slot].surname, surname);
    copy_text(mem->people[slot].code, sizeof mem->people[slot].code, m->code);
    mem->people[slot].text = m->text;
}

static int known_surname(const sentence_state *s, size_t i)
{
    if (!word_is_capitalized(s, i) || s->tag[i] != TAG_NONE || s->dateline[i]) return -1;
    if (i + 1 < s->n && word_is_capitalized(s, i + 1) && s->tag[i + 1] == TAG_NONE) return -1;  /* part of another name */
    for (size_t k = 0; k < s->memory->people_count; k++)
        if (strcmp(s->memory->people[k].surname, s->words[i]) == 0) return (int)k;
    return -1;
}

/* A deal or deed phrase that names its own actors: "the Russian offensive"
 * is tagged only on "the offensive" when the adjective comes first, so look
 * after it: "the attack by X", "the offensive on Y", "the truce between A and B". */
static bool owned_event_noun(const sentence_state *s, size_t first, size_t last)
{
    (void)first;
    size_t k = last + 1;
    if (k + 1 < s->n && (is(s, k, "by") || is(s, k, "between") || is(s, k, "of")))
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
        lex_heads(s->dict, s->words[k], &hc);
        s->is_head[k] = hc > 0 && !(k > 0 && (s->tokens[k - 1].flags & TEXT_HYPHEN_NEXT));
    }
}

static void build_mentions(sentence_state *s)
{
    for (size_t i = 0; i < s->n;) {
        uint8_t t = s->tag[i];
        bool pro = is(s, i, "pro") && (s->tokens[i].flags & TEXT_HYPHEN_NEXT) && i + 1 < s->n && s->tag[i + 1] == TAG_ACTOR;
        if (t == TAG_ACTOR || t == TAG_AGENT || pro ||
            (t == TAG_PRONOUN && i + 1 < s->n && s->tag[i + 1] == TAG_AGENT)) {
            i = build_mention(s, i);
        } else if (t == TAG_NONE && known_surname(s, i) >= 0) {
            int k = known_surname(s, i);
            mention *m = add_mention(s, i, i, s->memory->people[k].code, MENTION_PERSON, "surname of a person named before");
            if (m) remember(s, m);
            i++;
        } else if (t == TAG_PRONOUN) {
            const char *value = s->tag_entry[i] ? s->tag_entry[i]->value : "";
            size_t end = i;
            while (end + 1 < s->n && s->tag[end + 1] == TAG_PRONOUN && s->tag_entry[end + 1] == s->tag_entry[i]) end++;
            memory *mem = s->memory;
            bool deal = strcmp(value, "deal") == 0, deed = strcmp(value, "deed") == 0;
            if (deal && !mem->has_deal) {
                /* no agreement coded with both its parties: the two actors
                 * the article has named most made it */
                int first = -1, second = -1;
                for (size_t k = 0; k < mem->tally_count; k++) {
                    if (!party_code(mem->tally[k].code)) continue;
                    if (first < 0 || mem->tally[k].count > mem->tally[first].count) { second = first; first = (int)k; }
                    else if (second < 0 || mem->tally[k].count > mem->tally[second].count) second = (int)k;
                }
                if (first >= 0 && second >= 0 && mem->tally[second].count >= 2) {
                    mention a, b;
                    memset(&a, 0, sizeof a);
                    memset(&b, 0, sizeof b);
                    copy_text(a.code, sizeof a.code, mem->tally[first].code);
                    copy_text(b.code, sizeof b.code, mem->tally[second].code);
                    a.text = mem->tally[first].text;
                    b.text = mem->tally[second].text;
                    a.kind = strlen(a.code) == 3 ? MENTION_COUNTRY : MENTION_GROUP;
                    b.kind = strlen(b.code) == 3 ? MENTION_COUNTRY : MENTION_GROUP;
                    mem->deal[0] = a;
                    mem->deal[1] = b;
                    mem->has_deal = true;
                }
            }
            if ((deal && !mem->has_deal) || (deed && !mem->has_deed) || ((deal || deed) && owned_event_noun(s, i, end))) {
                /* nothing coded before, or the words name their own actors
                 * ("the Russian offensive", "the attack by X"): plain words */
                words_again(s, i, end);
                i = end + 1;
                continue;
            }
            if (deal || (strcmp(value, "both") == 0 && mem->has_deal)) {
                /* "welcomed the deal", "the two sides": the parties of the last agreement */
                int group = 2000 + (int)i;
                for (int k = 0; k < 2; k++) {
                    mention *m = add_mention(s, i, end, mem->deal[k].code, mem->deal[k].kind,
                                             deal ? "the parties of the agreement named before" : "the two sides: the parties of the last agreement");
                    if (!m) break;
                    m->compound = group;
                    m->plural = true;
                    m->reference = true;
                    m->text = mem->deal[k].text;
                }
                i = end + 1;
                continue;
            }
            if (deed) {
                mention *m = add_mention(s, i, end, mem->deed.code, mem->deed.kind, "the author of the attack named before");
                if (m) { m->text = mem->deed.text; m->plural = mem->deed.plural; m->reference = true; }
                i = end + 1;
                continue;
            }
            if (strcmp(value, "both") == 0) {
                /* "the two sides": the two actors named most so far */
                int first = -1, second = -1;
                for (size_t k = 0; k < mem->tally_count; k++) {
                    if (first < 0 || mem->tally[k].count > mem->tally[first].count) { second = first; first = (int)k; }
                    else if (second < 0 || mem->tally[k].count > mem->tally[second].count) second = (int)k;
                }
                if (first >= 0 && second >= 0) {
                    int group = 2000 + (int)i;
                    mention *a = add_mention(s, i, end, mem->tally[first].code,
                                             strlen(mem->tally[first].code) == 3 ? MENTION_COUNTRY : MENTION_GROUP, "the two sides");
                    mention *b = add_mention(s, i, end, mem->tally[second].code,
                                             strlen(mem->tally[second].code) == 3 ? MENTION_COUNTRY : MENTION_GROUP, "the two sides");
                    if (a && b) {
                        a->compound = b->compound = group;
                        a->text = mem->tally[first].text;
                        b->text = mem->tally[second].text;
                    }
                }
                i = end + 1;
                continue;
            }
            const mention *ante = resolve_pronoun(s, i);
            bool speaker = s->tag_entry[i] && strcmp(s->tag_entry[i]->value, "speaker") == 0;
            if (speaker && !is(s, i, "our") && !is(s, i, "my")) {
                mention *m = add_mention(s, i, i, "", MENTION_PERSON, "first person: the speaker");
                if (m) m->speaker_ref = true;
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

    /* compounds: "Russia and Turkey", "Sarraj, Haftar and representatives" */
    int next_group = 0;
    for (size_t m = 0; m + 1 < s->mention_count; m++) {
        mention *a = &s->mentions[m], *b = &s->mentions[m + 1];
        size_t gap_first = a->last + 1;
        /* only commas, "and", "or" and determiners between: "Saudi Arabia,
         * Egypt, the United Arab Emirates and Bahrain" */
        bool has_and = false, has_comma = false, other = false;
        for (size_t g = gap_first; g < b->first; g++) {
            if (is(s, g, "and") || is(s, g, "or")) has_and = true;
            else if (is(s, g, ",")) has_comma = true;
            else if (s->tokens[g].flags & TEXT_NUMBER) continue;
            else if (has_and && s->tag[g] == TAG_NONE && !s->is_head[g] && !word_is_capitalized(s, g) &&
                     !(s->tokens[g].flags & TEXT_PUNCT) && !is_any(s, g, prepositions) && !is_any(s, g, subordinators) &&
                     !be_word(s, g) && !is(s, g, "that") && !is(s, g, "who") && !is(s, g, "which"))
                continue;   /* "the army and a rival militia": adjectives of the second */
            else if (!is_any(s, g, determiners) || is(s, g, "that")) {
                size_t used;
                if (casualty_number(s->words, s->n, g, &used) <= 0) other = true;
            }
        }
        size_t gap = b->first - gap_first;
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

    /* affiliation and "of"/"for": "forces loyal to Haftar", "chiefs of Russia" */
    for (size_t m = 0; m < s->mention_count; m++) {
        mention *a = &s->mentions[m];
        if (a->kind != MENTION_AGENT || !a->inferred_country) continue;
        size_t k = a->last + 1;
        bool loyal = (is(s, k, "loyal") || is(s, k, "allied") || is(s, k, "close")) && is(s, k + 1, "to");
        bool backed = (is(s, k, "backed") || is(s, k, "led") || is(s, k, "commanded") || is(s, k, "supported")) && is(s, k + 1, "by");
        bool of = is(s, k, "of") || is(s, k, "for") || is(s, k, "from");
        size_t skip = loyal || backed ? 2 : of ? 1 : 0;
        if (!skip) continue;
        k += skip;
        /* skip "strongman", "the" ... up to two words before the owner */
        for (int g = 0; g < 3 && k < s->n && s->mention_at[k] < 0 && !(s->tokens[k].flags & TEXT_PUNCT); g++) k++;
        if (k >= s->n || s->mention_at[k] < 0) continue;
        mention *owner = &s->mentions[s->mention_at[k]];
        if (owner == a) continue;
        const char *role = a->code + (strlen(a->code) >= 3 ? strlen(a->code) - 3 : 0);
        char role_copy[4];
        copy_text(role_copy, sizeof role_copy, role);
        char code[16];
        if (owner->compound >= 0) {
            /* "the defense chiefs of Russia and Turkey", "the top diplomats
             * and defense chiefs of Russia and Turkey": the owners stand for
             * the agents, with the (first) agent's role; the agents drop out */
            for (size_t q = 0; q < s->mention_count; q++) {
                mention *o = &s->mentions[q];
                if (o->compound != owner->compound) continue;
                owned_code(code, o->code, role_copy);
                copy_text(o->code, sizeof o->code, code);
                o->prepositional = a->prepositional;
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
                copy_text(rc, sizeof rc, r);
                owned_code(code, owner->code, rc);
                copy_text(o->code, sizeof o->code, code);
                o->inferred_country = false;
                o->how = "agent of owner";
            }
            owner->prepositional = true;
            continue;
        }
        owned_code(code, owner->code, role_copy);
        copy_text(a->code, sizeof a->code, code);
        a->inferred_country = false;
        a->how = loyal ? "agent loyal to owner" : backed ? "agent backed by owner" : "agent of owner";
        /* the owner is part of this mention now: not a separate subject */
        owner->prepositional = true;
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
        date_expression is_date[1];
        if (date_find(s->words, s->n, i, end - i + 1, s->publication, is_date, 1)) { i = end; continue; }
        /* "near Taiz, the Yemeni army said": a place, not a person */
        if (preceded_by_locative(s, i)) { i = end; continue; }
        size_t k = end + 1;
        if (!is(s, k, ",")) { i = end; continue; }
        k++;
        int g = 0;
        while (k < s->n && g < 3 && s->mention_at[k] < 0 && !(s->tokens[k].flags & TEXT_PUNCT) && s->tag[k] == TAG_NONE) { k++; g++; }
        if (k >= s->n || s->mention_at[k] < 0) { i = end; continue; }
        mention *role = &s->mentions[s->mention_at[k]];
        if (role->kind != MENTION_AGENT || !role->code[0]) { i = end; continue; }
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
        remember_surname(s, x);
    }
}

/* ---- step 3: clauses ---- */

/* Is every pattern of this head an appeal or a demand (02x, 10x)? */
static bool appeal_head(const sentence_state *s, size_t i)
{
    size_t hc = 0;
    const lex_head_pattern *heads = lex_heads(s->dict, s->words[i], &hc);
    if (!hc) return false;
    for (size_t k = 0; k < hc; k++)
        if (strncmp(heads[k].pattern->code, "02", 2) != 0 && strncmp(heads[k].pattern->code, "10", 2) != 0) return false;
    return true;
}

/* A short quoted phrase inside a clause ("to wage \"total war\" on") is
 * no clause of its own: two quote marks with one to five words between,
 * no comma or stop inside, and the clause going on on both sides. */
static bool quote_pair(const sentence_state *s, size_t open, size_t close)
{
    if (close < open + 2 || close > open + 6 || open == 0 || close + 1 >= s->n) return false;
    if ((s->cls[open - 1] & WORD_STOP) || (s->cls[close + 1] & WORD_STOP)) return false;
    for (size_t k = open + 1; k < close; k++)
        if ((s->cls[k] & WORD_STOP) || is(s, k, ";") || is(s, k, ":") || (s->tokens[k].flags & TEXT_QUOTE)) return false;
    return true;
}

static bool scare_quote(const sentence_state *s, size_t i)
{
    for (size_t k = i + 1; k < s->n && k <= i + 6; k++)
        if (s->tokens[k].flags & TEXT_QUOTE) { if (quote_pair(s, i, k)) return true; break; }
    for (size_t k = i; k > 0 && i - k < 6; k--)
        if (s->tokens[k - 1].flags & TEXT_QUOTE) return quote_pair(s, k - 1, i);
    return false;
}

static void cut_clauses(sentence_state *s)
{
    uint16_t c = 0;
    bool subordinate_open = false;
    int relative_parent = -1;
    for (size_t i = 0; i < s->n; i++) {
        bool boundary = false, conditional = false;
        if (is(s, i, ";")) boundary = true;
        if (s->tag[i] == TAG_REPORT && (i == 0 || s->tag[i - 1] != TAG_REPORT)) boundary = true;
        if (i > 0 && s->tag[i - 1] == TAG_REPORT && s->tag[i] != TAG_REPORT) boundary = true;
        if (is(s, i, "that") && i + 1 < s->n &&
            (s->tag[i + 1] == TAG_MODAL || s->tag[i + 1] == TAG_NEGATION || be_word(s, i + 1) ||
             is(s, i + 1, "has") || is(s, i + 1, "have") || is(s, i + 1, "had")))
            boundary = true;   /* "a resolution that would have condemned" */
        if (is(s, i, "that") && !(i + 1 < s->n && s->tag[i + 1] == TAG_AGENT)) {
            /* "said that", "told Anadolu Agency that", "denied that" */
            for (size_t k = i; k > 0 && i - k < 7; k--) {
                if (s->tag[k - 1] == TAG_REPORT) { boundary = true; break; }
                if (s->is_head[k - 1]) {
                    /* "demanded that Russia release": the demand's own pattern spans it */
                    if (!appeal_head(s, k - 1)) boundary = true;
                    break;
                }
            }
        }
        if (s->tag[i] == TAG_REPORT && (i == 0 || s->tag[i - 1] != TAG_REPORT) && is(s, i, "according"))
            subordinate_open = true;   /* "According to X, ..." ends at the comma */
        if (s->tag[i] == TAG_MODAL && s->tag_entry[i] && strcmp(s->tag_entry[i]->value, "conditional") == 0 &&
            (is(s, i, "if") || is(s, i, "unless") || is(s, i, "in") || is(s, i, "provided") || is(s, i, "on") ||
             is(s, i, "as") || is(s, i, "whether"))) {
            /* "if the United States attacks": a hypothetical clause of its own */
            boundary = true;
            conditional = true;
            subordinate_open = i == 0 || is(s, i - 1, ",");
        } else if (is_any(s, i, subordinators)) {
            /* "after a powerful earthquake killed": a clause with its own
             * subject; "since last April", "as part of": not a clause */
            bool clause_like = true;
            if (is(s, i, "as") || is(s, i, "since") || is(s, i, "before") || is(s, i, "after") || is(s, i, "until")) {
                clause_like = false;
                for (size_t k = i + 1; k < s->n && k < i + 8 && !is(s, k, ","); k++)
                    if (s->is_head[k] || be_word(s, k)) { clause_like = true; break; }
                if (is(s, i, "as") && !(i == 0 || is(s, i - 1, ","))) clause_like = false;
                /* "have since captured": an adverb after an auxiliary */
                if (i > 0 && (is(s, i - 1, "has") || is(s, i - 1, "have") || is(s, i - 1, "had") || be_word(s, i - 1)))
                    clause_like = false;
            }
            if (clause_like) {
                boundary = true;
                subordinate_open = i == 0 || is(s, i - 1, ",") || (s->tokens[i].flags & TEXT_SENTENCE_START);
                /* "Hours after it began, ...", "Two days before the vote, ..." */
                if (i <= 3) {
                    bool opening = true;
                    for (size_t k = 0; k < i; k++)
                        if (s->mention_at[k] >= 0 || s->is_head[k] || s->tag[k] != TAG_NONE) opening = false;
                    if (opening) subordinate_open = true;
                }
            }
        }
        if (is(s, i, ",") && subordinate_open) { boundary = true; subordinate_open = false; }
        if (is(s, i, ",") && (is(s, i + 1, "and") || is(s, i + 1, "but") || is(s, i + 1, "while"))) boundary = true;
        if (is(s, i, "and") && i + 1 < s->n && s->mention_at[i + 1] >= 0 && i > 0 && s->mention_at[i - 1] < 0) {
            /* "... captured Sirte and the army said": "and" + new subject + verb */
            size_t m = (size_t)s->mention_at[i + 1];
            size_t after = s->mentions[m].last + 1;
            if (after < s->n && (s->is_head[after] || s->tag[after] == TAG_MODAL || s->tag[after] == TAG_REPORT ||
                                 s->tag[after] == TAG_NEGATION || be_word(s, after) ||
                                 is(s, after, "has") || is(s, after, "have") || is(s, after, "had")))
                boundary = true;
        }
        if ((s->tokens[i].flags & TEXT_QUOTE) && !scare_quote(s, i)) boundary = true;
        /* ", who ...", ", whom ...", ", which ...": a relative clause; the
         * comma that closes it goes back to the clause it interrupted
         * ("Wennesland, who mediated, urged calm") */
        bool back_to_parent = false;
        if (is(s, i, ",") && relative_parent >= 0 && !is(s, i + 1, "and") && !is(s, i + 1, "but") &&
            !is(s, i + 1, "who") && !is(s, i + 1, "which")) {
            boundary = true;
            back_to_parent = true;
        }
        if ((is(s, i, "who") || is(s, i, "whom") || is(s, i, "which") || is(s, i, "whose")) && i > 0 && is(s, i - 1, ",")) {
            boundary = true;
            relative_parent = c;
        }
        /* "demonstrators who blocked roads": a restrictive relative clause
         * with its antecedent as subject */
        if (is(s, i, "who") && i > 0 && s->mention_at[i - 1] >= 0) boundary = true;
        if (boundary && i > 0) c++;
        if (back_to_parent) {
            s->subject_from[c] = (int16_t)relative_parent;
            relative_parent = -1;
        }
        s->clause[i] = c;
        s->clause_count = (uint16_t)(c + 1);
        if (boundary || i == 0) s->clause_conditional[c] = conditional;
    }
}

/* ---- step 4: events ---- */

typedef struct match_result {
    const lex_pattern *pattern;
    size_t last;            /* last token matched */
    size_t slot_first;      /* where the slot region starts (token after the word before `_`) */
    bool   has_slot_region;
    size_t slot_end;        /* token of the word after `_` (exclusive bound), or n */
    size_t first_literal;   /* token of the first pattern word after the head, or 0 when none */
} match_result;

/* "exercises" for "exercise", "militias" for "militia", "parties" for "party" */
static bool is_plural_of(const char *word, const char *singular)
{
    if (word[0] != singular[0]) return false;
    size_t n = strlen(singular), w = strlen(word);
    if (w == n + 1 && word[n] == 's' && strncmp(word, singular, n) == 0) return true;
    if (w == n + 2 && strncmp(word, singular, n) == 0 && strcmp(word + n, "es") == 0) return true;
    if (n > 1 && singular[n - 1] == 'y' && w == n + 2 && strncmp(word, singular, n - 1) == 0 && strcmp(word + n - 1, "ies") == 0)
        return true;
    return false;
}

/* A pattern word matches its other number: "hold elections" matches "hold a
 * new election", "release prisoner" matches "released prisoners".  Words of
 * one or two letters never vary ("as" is not the plural of "a"). */
static bool same_word_other_number(const char *word, const char *pattern_word)
{
    if (word[0] != pattern_word[0] || !word[1] || !word[2] || !pattern_word[1] || !pattern_word[2]) return false;
    return is_plural_of(word, pattern_word) || is_plural_of(pattern_word, word);
}

static bool match_pattern(sentence_state *s, size_t head, const lex_pattern *p, match_result *r)
{
    size_t pos = head;
    uint16_t clause = s->clause[head];
    r->pattern = p;
    r->has_slot_region = false;
    r->slot_end = s->n;
    r->first_literal = 0;
    for (size_t w = 0; w < p->word_count; w++) {
        if ((int)w == p->slot_index) {
            r->has_slot_region = true;
            r->slot_first = pos + 1;
            /* the slot holds a mention: the next word may be further away */
            continue;
        }
        bool after_slot = w > 0 && (int)w - 1 == p->slot_index;
        size_t gap = after_slot ? 12 : PATTERN_GAP;
        uint32_t want = p->word_hashes[w];
        size_t found = 0;
        bool ok = false;
        for (size_t k = pos + 1; k < s->n && k <= pos + 1 + gap; k++) {
            if (s->clause[k] != clause && !(s->tokens[k].flags & TEXT_QUOTE)) break;
            /* a count does not widen the distance: "fired more than a dozen
             * ballistic missiles", "freed at least 300 prisoners" */
            if (gap < 10 && ((s->cls[k] & WORD_QUANTITY) || (s->tokens[k].flags & TEXT_NUMBER))) gap++;
            /* words compare by hash first: most candidates differ there */
            if ((s->hash[k] == want && strcmp(s->words[k], p->words[w]) == 0) ||
                (s->words[k][0] == p->words[w][0] && ((p->noun_head && is_plural_of(s->words[k], p->words[w])) ||
                                                      same_word_other_number(s->words[k], p->words[w])))) {
                found = k;
                ok = true;
                break;
            }
            /* a comma or a full stop ends the phrase */
            if (s->cls[k] & WORD_STOP) break;
        }
        if (!ok) return false;
        if (after_slot) r->slot_end = found;
        if (!r->first_literal) r->first_literal = found;
        pos = found;
    }
    r->last = pos;
    return true;
}

/* Is the verb form at head used as a noun?  "the attack", "its fighting",
 * "a French demand", "during raids", "Russian airstrikes". */
static bool noun_usage(const sentence_state *s, size_t head, uint8_t forms)
{
    if (head == 0) return false;
    size_t b = head - 1;
    if (is_any(s, b, determiners) || (s->tokens[b].flags & TEXT_POSSESSIVE)) return true;
    if (s->mention_at[b] >= 0 && s->mentions[s->mention_at[b]].adjectival) return true;
    if (s->mention_at[b] >= 0 && s->mentions[s->mention_at[b]].modifier) return true;
    if (is_any(s, b, prepositions) && !is(s, b, "to") && !(forms & LEX_FORM_GERUND)) return true;
    if (b > 0 && is_any(s, b - 1, determiners) && s->tag[b] == TAG_NONE && !s->is_head[b] && !(s->tokens[b].flags & TEXT_PUNCT) &&
        !be_word(s, b) && !(forms & (LEX_FORM_PAST | LEX_FORM_THIRD)))
        return true;   /* "a major offensive", "the fierce fighting" */
    return false;
}

static bool is_passive(const sentence_state *s, size_t head, uint8_t forms)
{
    if (!(forms & (LEX_FORM_PARTICIPLE | LEX_FORM_PAST))) return false;
    for (size_t k = head, steps = 0; k > 0 && steps < 4; k--, steps++) {
        const char *w = s->words[k - 1];
        if (be_word(s, k - 1)) return true;
        if (s->tag[k - 1] == TAG_NEGATION || strcmp(w, "reportedly") == 0 || strcmp(w, "also") == 0 ||
            strcmp(w, "allegedly") == 0 || strcmp(w, "repeatedly") == 0 || strcmp(w, "being") == 0 ||
            strcmp(w, "been") == 0 || strcmp(w, "later") == 0 || strcmp(w, "reported") == 0)
            continue;
        break;
    }
    return false;
}

static int clause_subject(const sentence_state *s, size_t head);

/* The subject of the clause before the head: the first mention of the
 * clause that is not after a preposition and not a place. */
static int clause_subject(const sentence_state *s, size_t head)
{
    uint16_t c = s->clause[head];
    int best = -1;
    for (size_t m = 0; m < s->mention_count; m++) {
        const mention *x = &s->mentions[m];
        if (x->last >= head) break;
        if (s->clause[x->first] != c) continue;
        if (x->prepositional || x->place || x->modifier || !x->code[0]) continue;
        /* a relative clause's own subject: "X, which Y backs, attacked": keep the first */
        if (best < 0) best = (int)m;
    }
    if (best >= 0) return best;
    /* ", who launched an offensive": the relative pronoun stands for the
     * mention before the comma */
    {
        size_t k = 0;
        while (k < head && s->clause[k] != c) k++;
        int near = -1;   /* the last mention before the comma, a few words back at most */
        for (size_t q = k >= 2 ? k - 2 : 0; k >= 2 && q + 6 > k && near < 0; q--) {
            if (s->mention_at[q] >= 0) near = s->mention_at[q];
            if (q == 0) break;
        }
        if (k < head && is(s, k, "who") && k >= 1 && s->mention_at[k - 1] >= 0 && s->mentions[s->mention_at[k - 1]].code[0])
            return s->mention_at[k - 1];
        if (k < head && is(s, k, "who") && k >= 2 && is(s, k - 1, ",") && near >= 0) {
            int m = near;
            /* "Williams, the U.N. envoy for Libya, who mediated": not the
             * owner inside an apposition but the person it describes */
            while (m > 0 && (s->mentions[m].prepositional || s->mentions[m].place) && s->mentions[m].first > 0 &&
                   !is(s, s->mentions[m].first - 1, "who"))
                m--;
            if (s->mentions[m].prepositional || s->mentions[m].place) m = near;
            if (s->mentions[m].code[0]) return m;
        }
    }
    /* "Russia denied that ... and blamed Ukraine": the subject of the clause
     * this one continues */
    if (s->subject_from[c] >= 0) {
        size_t k = 0;
        while (k < s->n && s->clause[k] != (uint16_t)s->subject_from[c]) k++;
        size_t end = k;
        while (end < s->n && s->clause[end] == (uint16_t)s->subject_from[c]) end++;
        if (end > k) {
            int m = clause_subject(s, end - 1 > k ? end - 1 : k);
            if (m >= 0) return m;
        }
    }
    /* "anti-aircraft guns of the Haftar forces violated": the owner of an
     * unlisted noun is the actor */
    for (size_t m = 0; m < s->mention_count; m++) {
        const mention *x = &s->mentions[m];
        if (x->last >= head) break;
        if (s->clause[x->first] == c && x->after_of && !x->place && !x->modifier && x->code[0]) return (int)m;
    }
    /* a clause opened by a subordinator or "and" with no subject of its own
     * shares the previous clause's subject: "X captured Y and killed Z" */
    return -1;
}

/* A noun that names an event: "attack", "offensive", "strikes". */
static bool event_noun(const sentence_state *s, size_t k)
{
    if (!s->is_head[k]) return false;
    size_t hc = 0;
    const lex_head_pattern *heads = lex_heads(s->dict, s->words[k], &hc);
    for (size_t q = 0; q < hc; q++)
        if (heads[q].forms & (LEX_FORM_NOUN | LEX_FORM_PLURAL)) return true;
    return false;
}

static int mention_after(const sentence_state *s, size_t from, size_t limit, bool allow_place_at, size_t place_ok_at,
                         int exclude_group, int exclude)
{
    if (from >= s->n) return -1;
    /* the object stands near its verb: not past a comma, a relative
     * pronoun or another verb, and not far away */
    for (size_t k = from; k < limit && k < s->n; k++) {
        /* "struck what New Delhi called a camp": the object goes on past "called" */
        if (s->is_head[k] && k >= 2 && s->mention_at[k - 1] >= 0 && s->mentions[s->mention_at[k - 1]].first > 0 &&
            is(s, s->mentions[s->mention_at[k - 1]].first - 1, "what"))
            continue;
        if (k >= from + 12 || is(s, k, ",") || is(s, k, ";") || is(s, k, "which") || is(s, k, "who") ||
            (is(s, k, "that") && k > from) ||
            (s->is_head[k] && !s->consumed[k] && s->mention_at[k] < 0 && k > from + 1 && !is_any(s, k - 1, determiners) &&
             !is_any(s, k - 1, prepositions) && !(s->tokens[k - 1].flags & TEXT_POSSESSIVE))) {
            limit = k;
            break;
        }
    }
    uint16_t c = s->clause[from > 0 ? from - 1 : 0];
    for (size_t m = 0; m < s->mention_count; m++) {
        const mention *x = &s->mentions[m];
        if (x->first < from) continue;
        if (x->first >= limit) break;
        if (s->clause[x->first] != c && !(s->tokens[from > 0 ? from - 1 : 0].flags & TEXT_QUOTE)) break;
        if ((int)m == exclude || (exclude_group >= 0 && x->compound == exclude_group)) continue;
        /* a weapon is no target unless someone's: "shot down an Indian jet" is India's military */
        if (!x->code[0] || x->modifier || (x->weapon && x->inferred_country)) continue;
        /* "struck what New Delhi called a training camp": the speaker of
         * "what X called" is not the object */
        if (x->first > from && is(s, x->first - 1, "what") && x->last + 1 < s->n &&
            (is(s, x->last + 1, "called") || is(s, x->last + 1, "described") || is(s, x->last + 1, "said") ||
             is(s, x->last + 1, "termed") || is(s, x->last + 1, "calls") || is(s, x->last + 1, "describes")))
            continue;
        /* "recalled its ambassador to Turkey": the source's own people are not the target */
        if (exclude >= 0 && x->how && strcmp(x->how, "possessive pronoun") == 0 &&
            strncmp(x->code, s->mentions[exclude].code, 3) == 0)
            continue;
        /* "an effort by Moscow": an agent, not the object; but "condemned
         * the attack by X": the author of the deed is what is condemned */
        size_t by = x->first > from && is(s, x->first - 1, "by") ? x->first - 1
                  : x->first > from + 1 && is(s, x->first - 2, "by") && is_any(s, x->first - 1, determiners) ? x->first - 2 : 0;
        if (by && !(by > from && event_noun(s, by - 1))) continue;
        if (x->place && !(allow_place_at && (x->first == place_ok_at || x->first == place_ok_at + 1))) continue;
        return (int)m;
    }
    return -1;
}

static int by_agent(const sentence_state *s, size_t from, bool allow_from)
{
    uint16_t c = s->clause[from > 0 ? from - 1 : 0];
    for (size_t k = from; k < s->n && k < from + 14; k++) {
        if (s->clause[k] != c) break;
        if (is(s, k, "by") || (allow_from && is(s, k, "from"))) {
            /* "by a panel of the African Union" */
            for (size_t q = k + 1; q < s->n && q < k + 7 && !(s->cls[q] & WORD_STOP); q++)
                if (s->mention_at[q] >= 0) return s->mention_at[q];
            return -1;
        }
    }
    return -1;
}

/* The other side of a passive deed named by the fighting it happened in:
 * "were killed in clashes with the rebels", "died in fighting with X". */
static int fight_agent(const sentence_state *s, size_t from)
{
    for (size_t k = from; k + 2 < s->n && k < from + 3; k++) {
        if (!is(s, k, "in") && !is(s, k, "during")) continue;
        size_t q = k + 1;
        while (q < s->n && q < k + 4 && !event_noun(s, q)) q++;
        if (q >= s->n || !event_noun(s, q)) return -1;
        if (!is(s, q + 1, "with") && !is(s, q + 1, "against")) return -1;
        for (size_t r = q + 2; r < s->n && r < q + 5 && !(s->cls[r] & WORD_STOP); r++)
            if (s->mention_at[r] >= 0) return s->mention_at[r];
        return -1;
    }
    return -1;
}

static bool light_verb_before(const sentence_state *s, size_t head)
{

    for (size_t k = head, steps = 0; k > 0 && steps < 5; k--, steps++) {
        if (s->cls[k - 1] & WORD_LIGHT) return true;
        if (s->mention_at[k - 1] >= 0 || is(s, k - 1, ",")) return false;
    }
    return false;
}

typedef struct pending_event {
    const lex_pattern *pattern;
    size_t head, last;
    int source, target;     /* mention indexes or -1 */
    bool passive, negated, intent;
    bool dropped;           /* folded into another event ("threatened to impose sanctions") */
    int  merged_into;       /* the event that took this one's place (and its date), -1 */
    const char *modal;
    const char *code;       /* the code after modality and complements; NULL = the pattern's */
} pending_event;

static bool negated_before(const sentence_state *s, size_t head, size_t from)
{
    for (size_t k = head; k > from && head - k < 5; k--)
        if (s->tag[k - 1] == TAG_NEGATION) return true;
    return false;
}

static const char *modal_before(const sentence_state *s, size_t head, size_t from)
{
    for (size_t k = head; k > from && head - k < 7; k--) {
        if (s->tag[k - 1] == TAG_MODAL) {
            const lex_entry *e = s->tag_entry[k - 1];
            return e ? e->phrase : "modal";
        }
        if (is(s, k - 1, ",") || is(s, k - 1, ";")) break;
    }
    /* a conditional clause: "if", "unless", "in case of" */
    uint16_t c = s->clause[head];
    for (size_t k = 0; k < head; k++)
        if (s->clause[k] == c && s->tag[k] == TAG_MODAL && s->tag_entry[k] && strcmp(s->tag_entry[k]->value, "conditional") == 0)
            return s->tag_entry[k]->phrase;
    return NULL;
}

static bool has_verb_reading(const lex_head_pattern *heads, size_t hc)
{
    for (size_t k = 0; k < hc; k++)
        if (!heads[k].pattern->noun_head && (heads[k].forms & ~(LEX_FORM_NOUN | LEX_FORM_PLURAL))) return true;
    return false;
}

/* The first usable mention in [first, limit): the implicit object of
 * "asked Russia for military assistance". */
static int mention_in(const sentence_state *s, size_t first, size_t limit)
{
    for (size_t k = first; k < limit && k < s->n; k++) {
        int m = s->mention_at[k];
        if (m >= 0 && s->mentions[m].code[0] && !s->mentions[m].modifier && !s->mentions[m].place &&
            !(s->mentions[m].weapon && s->mentions[m].inferred_country))
            return m;
    }
    return -1;
}

static void find_events(sentence_state *s, pending_event *out, size_t *count)
{
    *count = 0;
    for (size_t h = 0; h < s->n && *count < MAX_EVENTS_PER_SENTENCE; h++) {
        if (s->consumed[h] || !s->is_head[h]) continue;
        uint8_t t = s->tag[h];
        size_t hc = 0;
        const lex_head_pattern *heads = lex_heads(s->dict, s->words[h], &hc);
        match_result best = { 0 };
        uint8_t forms = 0;
        bool found = false;
        bool verb_reading = has_verb_reading(heads, hc);
        /* the words that may follow the head: a pattern whose first word is
         * not among them cannot match, and is skipped without touching it */
        uint32_t window[16], stems[16];
        size_t wn = 0;
        bool stemmed = false;
        uint64_t window_bits = 0;   /* a one-word Bloom filter of the window: most patterns fail it */
        for (size_t k = h + 1; k < s->n && wn < 16; k++) {
            window[wn++] = s->hash[k];
            window_bits |= 1ull << (s->hash[k] & 63);
        }
        uint64_t stem_bits = 0;
        for (size_t k = 0; k < hc && !found; k++) {
            /* every word of the pattern must be somewhere after the head */
            if (heads[k].pattern->stem_bits & ~s->after_bits[h + 1]) continue;
            if (heads[k].first_hash) {
                if (!(window_bits & (1ull << (heads[k].first_hash & 63)))) {
                    /* not the word itself: perhaps its other number ("election" for "elections") */
                    if (!stemmed) {
                        for (size_t q = 0; q < wn; q++) {
                            stems[q] = lex_stem_hash(s->words[h + 1 + q]);
                            stem_bits |= 1ull << (stems[q] & 63);
                        }
                        stemmed = true;
                    }
                    if (!(stem_bits & (1ull << (heads[k].first_stem & 63)))) continue;
                }
                bool present = false;
                for (size_t q = 0; q < wn && !present; q++) present = window[q] == heads[k].first_hash;
                /* "hold elections" may meet "election": its other number shares the stem */
                if (!present && !stemmed) {
                    for (size_t q = 0; q < wn; q++) {
                        stems[q] = lex_stem_hash(s->words[h + 1 + q]);
                        stem_bits |= 1ull << (stems[q] & 63);
                    }
                    stemmed = true;
                }
                for (size_t q = 0; q < wn && !present; q++) present = stems[q] == heads[k].first_stem;
                if (!present) continue;
            }
            const lex_pattern *p = heads[k].pattern;
            bool noun_form = heads[k].forms & (LEX_FORM_NOUN | LEX_FORM_PLURAL);
            if (p->noun_head != noun_form) continue;
            bool as_noun = noun_usage(s, h, heads[k].forms);
            if (!p->noun_head && as_noun) continue;
            if (p->noun_head && verb_reading && !as_noun && !(h > 0 && s->mention_at[h - 1] >= 0)) continue;
            /* a bare form in a list of nouns is a noun: "restore electricity,
             * telephone and banking services" */
            if (!p->noun_head && !(heads[k].forms & (LEX_FORM_THIRD | LEX_FORM_PAST | LEX_FORM_PARTICIPLE | LEX_FORM_GERUND)) &&
                h > 1 && (is(s, h - 1, ",") || ((is(s, h - 1, "and") || is(s, h - 1, "or")) && !s->is_head[h - 2] &&
                                                 s->tag[h - 2] == TAG_NONE && !word_is_capitalized(s, h - 2))))
                continue;
            /* a reporting verb is an event only with its pattern's words: "announce a ceasefire" */
            if (t == TAG_REPORT && p->word_count == 0) continue;
            match_result r;
            if (match_pattern(s, h, p, &r)) { best = r; forms = heads[k].forms; found = true; }
        }
        if (!found) continue;
        const lex_pattern *p = best.pattern;
        pending_event ev = { p, h, best.last, -1, -1, false, false, false, false, -1, NULL, NULL };
        /* the clause's subject, used by several of the choices below; it
         * depends only on the mentions and clauses, not on this event */
        int subject_guess = clause_subject(s, h);
        ev.passive = !p->noun_head && is_passive(s, h, forms);
        /* a reduced passive: "the truce, brokered by the United States",
         * "rebels backed by Rwanda", "talks mediated by the African Union" */
        bool reduced = false;
        if (!ev.passive && !p->noun_head && p->word_count == 0 && is(s, h + 1, "by") &&
            (forms & (LEX_FORM_PARTICIPLE | LEX_FORM_PAST)) && h > 0 &&
            (is(s, h - 1, ",") || (s->tag[h - 1] == TAG_NONE && !(s->tokens[h - 1].flags & TEXT_PUNCT) && !is_any(s, h - 1, determiners)) ||
             s->mention_at[h - 1] >= 0) &&
            (is(s, best.last + 1, "by") || (is(s, best.last + 2, "by") && !is(s, best.last + 1, ",")))) {
            size_t by = is(s, best.last + 1, "by") ? best.last + 1 : best.last + 2;
            for (size_t q = by + 1; q < s->n && q < by + 5; q++)
                if (s->mention_at[q] >= 0) { reduced = true; break; }
            /* "Haftar's forces attacked by land" has no agent after "by"; an
             * active past with its subject right before is not reduced */
            if (reduced && s->mention_at[h - 1] >= 0 && !is(s, h - 1, ",") && subject_guess == s->mention_at[h - 1] &&
                s->mentions[s->mention_at[h - 1]].first == 0)
                reduced = false;
        }
        if (reduced) ev.passive = true;
        if (p->passive_only && !ev.passive) continue;
        bool under = p->noun_head && h > 0 && (is(s, h - 1, "under") || (h > 1 && is(s, h - 2, "under")));

        /* target: the pattern's slot, else a mention between the head and
         * its first word ("asked Russia for military assistance") */
        if (p->has_slot && best.has_slot_region) {
            ev.target = mention_in(s, best.slot_first, best.slot_end);
            /* "release jailed activists": the pattern's own noun is the target,
             * unless both sides trade it ("Russia and Ukraine exchanged prisoners") */
            if (ev.target < 0 && best.slot_end < s->n && s->mention_at[best.slot_end] >= 0) {
                if (subject_guess < 0 || s->mentions[subject_guess].compound < 0) ev.target = s->mention_at[best.slot_end];
            }
        }
        else if (!p->has_slot && best.first_literal > h + 1)
            ev.target = mention_in(s, h + 1, best.first_literal);
        /* "fired at demonstrators", "freed hostages": the pattern's own last
         * word names the target */
        if (ev.target < 0 && best.first_literal && best.last > h && s->mention_at[best.last] >= 0 &&
            s->mentions[s->mention_at[best.last]].kind == MENTION_AGENT && s->mentions[s->mention_at[best.last]].plural &&
            (subject_guess < 0 || s->mentions[subject_guess].compound < 0))
            ev.target = s->mention_at[best.last];
        /* source */
        if (ev.target >= 0 && subject_guess >= 0 && s->mentions[ev.target].how &&
            strcmp(s->mentions[ev.target].how, "possessive pronoun") == 0 &&
            strncmp(s->mentions[ev.target].code, s->mentions[subject_guess].code, 3) == 0)
            ev.target = -1;   /* "recalled its ambassador": the source's own */
        if (ev.passive || under) {
            int by = by_agent(s, best.last + 1, under);
            if (by < 0 && !under) by = fight_agent(s, best.last + 1);
            /* "killed in an attack by X": the noun is part of this event */
            if (by >= 0) for (size_t k = best.last + 1; k < s->mentions[by].first; k++) s->consumed[k] = true;
            int subject = subject_guess;
            if (reduced) {
                /* the noun it describes: "rebels, backed by Rwanda" */
                size_t b = is(s, h - 1, ",") ? h - 1 : h;
                subject = b > 0 && s->mention_at[b - 1] >= 0 ? s->mention_at[b - 1] : -1;
            }
            ev.source = by;
            if (!p->has_slot) ev.target = subject;
            else if (ev.target < 0) ev.target = subject;
        } else if (p->noun_head) {
            /* "against any attack", "any new offensive": a hypothetical deed */
            if ((h > 0 && is(s, h - 1, "any")) || (h > 1 && is(s, h - 2, "any"))) ev.dropped = true;
            /* "Russian airstrikes", "Haftar's offensive", "an attack by X" */
            if (h > 0 && s->mention_at[h - 1] >= 0 && !s->mentions[s->mention_at[h - 1]].place) ev.source = s->mention_at[h - 1];
            else if (h > 1 && s->mention_at[h - 2] >= 0 && (s->tokens[h - 1].flags & TEXT_POSSESSIVE)) ev.source = s->mention_at[h - 2];
                /* "an attack by X", not "talks mediated by X" (the mediator) */
            if (ev.source < 0 && (is(s, best.last + 1, "by") || (is(s, best.last + 2, "by") && !s->is_head[best.last + 1])))
                ev.source = by_agent(s, best.last + 1, false);
            /* "X launched an attack": the subject of a light verb */
            if (ev.source < 0 && light_verb_before(s, h)) ev.source = subject_guess;
        } else if ((forms & LEX_FORM_GERUND) && h > 0 && (is(s, h - 1, "for") || is(s, h - 1, "of")) && *count > 0 &&
                   out[*count - 1].target >= 0 && h - out[*count - 1].last < 10) {
            /* "criticized NATO for holding exercises", "accused Russia of
             * shelling": the one criticized did it */
            ev.source = out[*count - 1].target;
        } else {
            ev.source = subject_guess;
        }
        const lex_code_info *pinfo = lex_code(s->dict, p->code);
        if (ev.target < 0 && !(ev.passive || under) && pinfo && pinfo->quad_class <= 2) {
            /* cooperation has a partner: "shared intelligence about X with the United States" */
            for (size_t k = best.last + 1; k + 1 < s->n && k < best.last + 16 && s->clause[k] == s->clause[h]; k++)
                if (is(s, k, "with")) {
                    int m = mention_in(s, k + 1, k + 4 < s->n ? k + 4 : s->n);
                    if (m >= 0 && m != ev.source) ev.target = m;
                    break;
                }
        }
        if (ev.target < 0 && !(ev.passive || under)) {
            int group = ev.source >= 0 ? s->mentions[ev.source].compound : -1;
            ev.target = mention_after(s, best.last + 1, s->n, true, best.last, group, ev.source);
        }
        if (ev.target < 0 && !ev.passive) {
            /* ", whom Russian officials meet with": the object is the antecedent */
            size_t k = 0;
            while (k < h && s->clause[k] != s->clause[h]) k++;
            if (k < h && (is(s, k, "whom") || is(s, k, "which")) && k >= 2 && is(s, k - 1, ",") && s->mention_at[k - 2] >= 0 &&
                s->mention_at[k - 2] != ev.source)
                ev.target = s->mention_at[k - 2];
        }
        /* "talks between the Taliban and Afghan leaders", "mediating
         * between the two sides": the pair after "between" */
        bool pair_event = p->noun_head || strncmp(p->code, "04", 2) == 0 ||
                          ev.source < 0;   /* "killed in clashes between", "Clashes between A and B" */
        for (size_t k = best.last + 1; pair_event && k + 1 < s->n &&
                                       k <= best.last + 4 && s->clause[k] == s->clause[h];
             k++) {
            if (!is(s, k, "between")) continue;
            int m = mention_in(s, k + 1, k + 4 < s->n ? k + 4 : s->n);
            if (m < 0 || s->mentions[m].compound < 0) break;
            if (ev.source < 0) {
                ev.source = m;                         /* the two sides act on each other */
                if (ev.target >= 0 && s->mentions[ev.target].compound == s->mentions[m].compound) ev.target = -1;
            }
            else if (ev.target < 0 && s->mentions[m].compound != s->mentions[ev.source].compound)
                ev.target = m;                         /* a third party acts on both */
            break;
        }
        for (size_t k = h; k <= best.last; k++) s->consumed[k] = true;
        if (ev.source >= 0 && ev.target >= 0 && ev.target == ev.source) ev.target = -1;
        size_t from = ev.source >= 0 && s->mentions[ev.source].last < h ? s->mentions[ev.source].last : 0;
        ev.negated = negated_before(s, h, from) || s->clause_denied[s->clause[h]];
        ev.modal = modal_before(s, h, from);
        ev.intent = ev.modal != NULL;
        /* "would have condemned": it did not happen */
        for (size_t k = h; k > from && h - k < 5; k--)
            if (s->tag[k - 1] == TAG_MODAL && s->tag_entry[k - 1] && strcmp(s->tag_entry[k - 1]->value, "counterfactual") == 0)
                ev.dropped = true;
        /* a hypothetical clause ("if the United States attacks") is no event */
        if (s->clause_conditional[s->clause[h]]) ev.dropped = true;
        /* "denied that its troops shelled": the next clause is not asserted */
        if (strcmp(p->code, "016") == 0)
            for (size_t k = best.last + 1; k < s->n && k < best.last + 8; k++)
                if (is(s, k, "that") && k + 1 < s->n) {
                    uint16_t denied = s->clause[k + 1];
                    s->clause_denied[denied] = true;
                    /* "... and blamed Ukrainian forces": back to the denier */
                    for (size_t q = k + 2; q + 1 < s->n && s->clause[q] == denied; q++)
                        if (is(s, q, "and") && s->is_head[q + 1] && s->mention_at[q + 1] < 0 &&
                            s->clause_count < MAX_SENTENCE_TOKENS) {
                            uint16_t fresh = s->clause_count++;
                            s->clause_denied[fresh] = false;
                            s->clause_conditional[fresh] = false;
                            for (size_t r = q; r < s->n && s->clause[r] == denied; r++) s->clause[r] = fresh;
                            s->subject_from[fresh] = (int16_t)s->clause[h];
                            break;
                        }
                    break;
                }
        /* keep even events without a source: they anchor dates and complements */
        out[(*count)++] = ev;
    }

    /* complements: "threatened to impose sanctions" (one threat, 1312),
     * "called on X to declare a truce" (the appeal only), "refused to
     * withdraw" (the refusal only) */
    for (size_t y = 0; y < *count; y++) {
        pending_event *Y = &out[y];
        size_t h = Y->head;
        size_t to = h;
        while (to > 0 && h - to < 3 && !is(s, to - 1, "to")) to--;
        if (to == 0 || !is(s, to - 1, "to")) continue;
        for (size_t x = y; x > 0; x--) {
            pending_event *X = &out[x - 1];
            if (X->dropped || s->clause[X->head] != s->clause[h] || h - X->last > 12) continue;
            const char *xc = X->pattern->code;
            if (strncmp(xc, "13", 2) == 0 || strncmp(xc, "03", 2) == 0) {
                /* the complement says what is threatened or intended */
                Y->intent = true;
                Y->modal = X->pattern->text;
                if (Y->source < 0 || s->mentions[Y->source].first > X->head) Y->source = X->source;
                if (Y->target < 0) Y->target = X->target;
                X->dropped = true;
                X->merged_into = (int)y;
            } else if (strncmp(xc, "02", 2) == 0 || strncmp(xc, "10", 2) == 0 || strncmp(xc, "12", 2) == 0) {
                Y->dropped = true;
            }
            break;
        }
    }

    /* "Iran will close the strait if the United States attacks": the threat
     * is aimed at the conditional clause's subject */
    for (size_t e = 0; e < *count; e++) {
        pending_event *ev = &out[e];
        if (ev->dropped || !ev->intent || ev->target >= 0 || s->clause_conditional[s->clause[ev->head]]) continue;
        for (size_t m = 0; m < s->mention_count; m++) {
            const mention *x = &s->mentions[m];
            if (s->clause_conditional[s->clause[x->first]] && !x->prepositional && !x->place && x->code[0] &&
                (ev->source < 0 || strcmp(x->code, s->mentions[ev->source].code) != 0)) {
                ev->target = (int)m;
                break;
            }
        }
    }
}

/* ---- attribution ---- */

typedef struct report {
    size_t verb;            /* first token of the reporting span */
    int    speaker;         /* mention index or -1 */
    uint16_t clause;
    bool   sourcing;        /* "according to", "reported", "quoted": attribution, never an accusation */
} report;

static size_t find_reports(sentence_state *s, report *out, size_t max)
{
    size_t count = 0;
    for (size_t i = 0; i < s->n && count < max; i++) {
        if (s->tag[i] != TAG_REPORT || (i > 0 && s->tag[i - 1] == TAG_REPORT && s->tag_entry[i - 1] == s->tag_entry[i])) continue;
        report r = { i, -1, s->clause[i], s->tag_entry[i] && strcmp(s->tag_entry[i]->value, "source") == 0 };
        /* "X said", "X told Y": the subject before; ", said Dengov": after; "according to X" */
        bool according = is(s, i, "according");
        if (!according) {
            int best = -1;
            for (size_t m = 0; m < s->mention_count; m++) {
                const mention *x = &s->mentions[m];
                if (x->last >= i) break;
                if (i - x->last > 12) continue;
                if (x->prepositional || x->place || x->modifier) continue;
                /* the nearest non-prepositional mention before the verb, in the
                 * stretch after the previous clause boundary of the report */
                best = (int)m;
            }
            /* only when it stands in the report's own clause or right before it */
            if (best >= 0) {
                const mention *x = &s->mentions[best];
                bool own = s->clause[x->last] + 1 >= s->clause[i] && s->clause[x->last] <= s->clause[i];
                bool quote_between = false;
                for (size_t k = x->last + 1; k < i; k++) if (s->tokens[k].flags & TEXT_QUOTE) quote_between = true;
                if (!own || quote_between) best = -1;
                /* "X said that Y attacked": fine.  "Y attacked, X said": X is right before. */
            }
            if (best < 0 || (i > 0 && (is(s, i - 1, ",") || (s->tokens[i - 1].flags & TEXT_QUOTE)))) {
                /* ", said Dengov" / "\" Kanunu added" is handled above; ", said X" here */
                size_t k = i;
                while (k < s->n && s->tag[k] == TAG_REPORT) k++;
                if (k < s->n && s->mention_at[k] >= 0 && best < 0) best = s->mention_at[k];
            }
            r.speaker = best;
        } else {
            size_t k = i;
            while (k < s->n && s->tag[k] == TAG_REPORT) k++;
            for (size_t q = k; q < s->n && q < k + 4; q++) if (s->mention_at[q] >= 0) { r.speaker = s->mention_at[q]; break; }
        }
        out[count++] = r;
        while (i + 1 < s->n && s->tag[i + 1] == TAG_REPORT) i++;
    }
    return count;
}

/* ---- places ---- */

typedef struct place_candidate {
    uint32_t   first, last;     /* tokens of the place name */
    code_place place;
} place_candidate;

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
    size_t len = 0;
    for (size_t k = first; k <= last; k++) {
        size_t wl = strlen(s->words[k]);
        if (len + wl + 2 > sizeof key) return false;
        if (k > first) key[len++] = ' ';
        memcpy(key + len, s->words[k], wl);
        len += wl;
    }
    key[len] = 0;
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

static size_t find_places(sentence_state *s, place_candidate *out, size_t max)
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
                                is(s, scan, "province") || is(s, scan, "region") || is(s, scan, "district")) &&
            is(s, scan + 1, "of") && place_word(s, scan + 2))
            k = scan + 2;
        if (!place_word(s, k)) continue;
        if (s->mention_at[k] >= 0) {
            /* "between Sri Lankan police and ...": an actor's words, not a place */
            const mention *x = &s->mentions[s->mention_at[k]];
            if (x->adjectival || x->kind == MENTION_AGENT || x->kind == MENTION_PERSON || x->kind == MENTION_GROUP) continue;
        }
        size_t end = k;
        while (end + 1 < s->n && place_word(s, end + 1) && end - k < 4) end++;
        place_candidate c;
        memset(&c, 0, sizeof c);
        c.place.lat = c.place.lon = NAN;
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
        c.place.name = slice(s, k, last, NULL, NULL);
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
                        c.place.near = slice(s, q + 1, re, NULL, NULL);
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

/* A speaker whose report of another's violence is an accusation: a named
 * party (a government, an armed force, a movement, a country), not an
 * unnamed official, a hospital, the media or a monitor. */
static bool speaker_is_party(const mention *m)
{
    if (m->inferred_country || !m->code[0]) return false;
    /* "Gaza's health ministry said": a source of figures, not a party's charge */
    static const char *const neutral[] = { "health", "hospital", "medical", "rescue", "civil defense", "civil defence",
                                           "red cross", "red crescent", "monitor", "observatory", NULL };
    for (size_t i = 0; m->text && neutral[i]; i++)
        if (strcasestr(m->text, neutral[i])) return false;
    return code_is_state(m->code) && party_code(m->code);
}

/* "we", "our forces": the speaker of this sentence, or of the quote that
 * runs on from the sentence before. */
static void fill_speaker_refs(sentence_state *s, const report *reports, size_t report_count)
{
    const mention *speaker = NULL;
    for (size_t r = 0; r < report_count && !speaker; r++)
        if (reports[r].speaker >= 0) speaker = &s->mentions[reports[r].speaker];
    mention copy;
    if (speaker) {
        copy = *speaker;
        if (!copy.speaker_ref) { s->memory->last_speaker = copy; s->memory->has_speaker = true; }
    } else if (s->quoted && s->memory->has_speaker) {
        copy = s->memory->last_speaker;
        speaker = &copy;
    }
    if (!speaker || speaker->speaker_ref || !speaker->code[0]) return;
    for (size_t m = 0; m < s->mention_count; m++) {
        mention *x = &s->mentions[m];
        if (!x->speaker_ref) continue;
        if (x->kind == MENTION_AGENT) {
            char role[4];
            copy_text(role, sizeof role, x->code);
            owned_code(x->code, speaker->code, role);
        } else {
            copy_text(x->code, sizeof x->code, speaker->code);
            x->text = speaker->text;
        }
    }
}

/* ---- emitting ---- */


/* What later references stand for: "the deal" for the parties of the last
 * agreement or talks, "the attack" for the author of the last use of force. */
static void remember_event(sentence_state *s, const lex_code_info *info, const pending_event *ev, const mention *src,
                           const mention *const *targets, size_t nt)
{
    memory *mem = s->memory;
    if (ev->negated || ev->intent || !src->code[0]) return;
    const char *c = info->code;
    if (strncmp(c, "11", 2) == 0 || strncmp(c, "12", 2) == 0) {
        mem->accuser = *src;
        mem->has_accuser = true;
    }
    if (info->quad_class == 4) {
        /* "the attack" is force, coercion or assault, not a protest or a sanction */
        if (strncmp(c, "17", 2) == 0 || strncmp(c, "18", 2) == 0 || strncmp(c, "19", 2) == 0 || strncmp(c, "20", 2) == 0) {
            mem->deed = *src;
            mem->has_deed = true;
        }
        return;
    }
    bool agreement = strcmp(c, "057") == 0 || strncmp(c, "087", 3) == 0 || strcmp(c, "046") == 0;
    const mention *a = NULL, *b = NULL;
    if (agreement && nt >= 1) { a = src; b = targets[0]; }
    else if (strcmp(c, "045") == 0 && nt >= 2) { a = targets[0]; b = targets[1]; }   /* the mediated */
    if (!a || !b || !a->code[0] || !b->code[0] || strcmp(a->code, b->code) == 0) return;
    /* the parties to an agreement are governments, forces and movements, not
     * the prisoners or civilians it concerns */
    if (!party_code(a->code) || !party_code(b->code)) return;
    mem->deal[0] = *a;
    mem->deal[1] = *b;
    mem->has_deal = true;
}

static void push_event(code_result *out, arena *a, const code_event *e)
{
    /* the same event twice in one sentence ("raided homes and looted them"
     * gives one accusation) is one event */
    for (size_t i = out->count; i > 0; i--) {
        const code_event *o = &out->events[i - 1];
        if (o->sentence_index != e->sentence_index) break;
        if (o->cameo == e->cameo && strcmp(o->source.code, e->source.code) == 0 && o->has_target == e->has_target &&
            (!e->has_target || strcmp(o->target.code, e->target.code) == 0) && o->negated == e->negated)
            return;
    }
    if (out->count == out->capacity) {
        size_t cap = out->capacity ? out->capacity * 2 : 32;
        code_event *events = arena_alloc_raw(a, cap * sizeof *events);   /* written before read */
        if (out->count) memcpy(events, out->events, out->count * sizeof *events);
        out->events = events;
        out->capacity = cap;
    }
    out->events[out->count++] = *e;
}

/* A country named as the actor of a state act is its government, or its
 * military when the act is force ("Azerbaijan recaptured the region"). */
static bool force_code(const char *code)
{
    return strncmp(code, "15", 2) == 0 || strncmp(code, "18", 2) == 0 || strncmp(code, "19", 2) == 0 ||
           strncmp(code, "20", 2) == 0;
}

static void state_role(code_actor *a, const mention *m, const lex_code_info *info, bool is_source)
{
    if (strlen(a->code) != 3 || m->kind != MENTION_COUNTRY || m->adjectival || m->place || !code_is_state(a->code)) return;
    bool force = force_code(info->code);
    /* force against a country named as such is against its territory and
     * people: "attacked Israel" is ... 190 ISR (as "captured Sirte" is LBY) */
    if (!is_source && force) return;
    copy_text(a->code + 3, sizeof a->code - 3, is_source && force ? "MIL" : "GOV");
}

/* Fighting is mutual: "clashed with", "fought", "battled", "clashes with". */
static bool mutual_with(const sentence_state *s, const pending_event *ev, const mention *tg)
{
    const char *t = ev->pattern->text;
    if (t[0] == '~') t++;
    if (strncmp(t, "clash", 5) != 0 && strncmp(t, "fight", 5) != 0 && strncmp(t, "battle", 6) != 0 &&
        strncmp(t, "skirmish", 8) != 0 && strncmp(t, "exchange fire", 13) != 0 && strncmp(t, "trade fire", 10) != 0)
        return false;
    size_t k = tg->first;
    while (k > 0 && is_any(s, k - 1, determiners)) k--;
    return k > 0 && (is(s, k - 1, "with") || is(s, k - 1, "against"));
}

/* Force between the police and a crowd is repression and riot, not war:
 * "police clashed with protesters" is COP 175 OPP and OPP 145 COP. */
static const lex_code_info *crowd_force(const sentence_state *s, const lex_code_info *info, const code_event *e)
{
    if (!e->has_target || strlen(e->source.code) < 6 || strlen(e->target.code) < 6) return info;
    if (strcmp(info->code, "190") != 0 && strcmp(info->code, "193") != 0) return info;
    const char *a = e->source.code + 3, *b = e->target.code + 3;
    bool crowd_b = strncmp(b, "OPP", 3) == 0 || strncmp(b, "CVL", 3) == 0 || strncmp(b, "EDU", 3) == 0 ||
                   strncmp(b, "LAB", 3) == 0;
    bool crowd_a = strncmp(a, "OPP", 3) == 0 || strncmp(a, "CVL", 3) == 0 || strncmp(a, "EDU", 3) == 0 ||
                   strncmp(a, "LAB", 3) == 0;
    const char *code = NULL;
    if (strncmp(a, "COP", 3) == 0 && crowd_b) code = "175";
    else if (crowd_a && strncmp(b, "COP", 3) == 0) code = "145";
    const lex_code_info *c = code ? lex_code(s->dict, code) : NULL;
    return c ? c : info;
}

static void actor_of(const mention *m, code_actor *out)
{
    memset(out, 0, sizeof *out);
    copy_text(out->code, sizeof out->code, m->code);
    out->text = m->text;
    out->start = m->start;
    out->end = m->end;
}

static void emit_sentence(sentence_state *s, size_t sentence_index, const text_sentence *ts,
                          pending_event *events, size_t event_count, const report *reports, size_t report_count,
                          const date_expression *dates, size_t date_count, code_result *out)
{
    /* casualty counts go to the event that caused them: the one whose verb
     * they hang on ("were killed"), and ", killing 50" belongs to the deed
     * before it rather than being a deed of its own */
    casualty cas[16];
    size_t cas_count = 0;
    for (size_t i = 0; i < s->n; i++)
        if (s->cls[i] & WORD_CASUALTY) {
            for (size_t k = 0; k < s->n; k++)
                if ((s->cls[k] & WORD_NUMBER) || (s->tokens[k].flags & TEXT_NUMBER)) { cas_count = casualty_find(s->words, s->n, cas, 16); break; }
            break;
        }
    int cas_event[16];
    for (size_t c = 0; c < cas_count; c++) {
        cas_event[c] = -1;
        for (size_t e = 0; e < event_count; e++)
            if (events[e].head <= cas[c].anchor && cas[c].anchor <= events[e].last) cas_event[c] = (int)e;
        if (cas_event[c] >= 0) {
            pending_event *g = &events[cas_event[c]];
            const char *w = s->words[g->head];
            size_t wl = strlen(w);
            bool gerund = wl > 4 && strcmp(w + wl - 3, "ing") == 0;
            if (gerund && g->head > 0 && is(s, g->head - 1, ",")) {
                for (size_t e = (size_t)cas_event[c]; e > 0; e--)
                    if (!events[e - 1].dropped && events[e - 1].source >= 0) {
                        g->dropped = true;
                        g->merged_into = (int)(e - 1);
                        cas_event[c] = (int)(e - 1);
                        break;
                    }
            }
            continue;
        }
        size_t best = SIZE_MAX;
        for (int pass = 0; pass < 2 && cas_event[c] < 0; pass++)
            for (size_t e = 0; e < event_count; e++) {
                if (events[e].dropped || events[e].source < 0) continue;
                if (pass == 0 && s->clause[events[e].head] != s->clause[cas[c].anchor]) continue;
                size_t h = events[e].head, a = cas[c].anchor;
                size_t dist = h < a ? a - h : h - a;
                if (dist < best) { best = dist; cas_event[c] = (int)e; }
            }
    }
    /* each date expression belongs to the nearest event head or reporting
     * verb of its clause ("captured Sirte on Jan. 6"; "reported on Jan. 12") */
    int anchor_of[16];
    for (size_t d = 0; d < date_count; d++) {
        anchor_of[d] = -1;   /* -1 none; event index; or -2 - report index */
        size_t best_distance = SIZE_MAX;
        for (int pass = 0; pass < 2 && anchor_of[d] == -1; pass++) {
            for (size_t e = 0; e < event_count; e++) {
                size_t h = events[e].head;
                if (pass == 0 && s->clause[h] != s->clause[dates[d].first]) continue;
                size_t dist = h < dates[d].first ? dates[d].first - h : h - dates[d].last;
                if (dist < best_distance) {
                    best_distance = dist;
                    anchor_of[d] = events[e].merged_into >= 0 ? events[e].merged_into : (int)e;
                }
            }
            for (size_t r = 0; r < report_count; r++) {
                size_t h = reports[r].verb;
                if (pass == 0 && s->clause[h] != s->clause[dates[d].first]) continue;
                size_t dist = h < dates[d].first ? dates[d].first - h : h - dates[d].last;
                if (dist < best_distance) { best_distance = dist; anchor_of[d] = -2 - (int)r; }
            }
        }
    }
    place_candidate places_found[8];
    size_t place_count = find_places(s, places_found, 8);

    for (size_t e = 0; e < event_count; e++) {
        pending_event *ev = &events[e];
        /* "after ten days of talks": talks with no one named are between
         * the parties of the agreement the article is about */
        /* "after ten days of talks", "talks began": not "the talks", which
         * refers back to talks already coded */
        bool implicit_pair = ev->source < 0 && !ev->dropped && ev->pattern->noun_head &&
                             strcmp(ev->pattern->code, "046") == 0 && s->memory->has_deal &&
                             !(ev->head > 0 && (is(s, ev->head - 1, "the") || is(s, ev->head - 1, "these") ||
                                                is(s, ev->head - 1, "those")));
        if (ev->dropped || (ev->source < 0 && !implicit_pair)) continue;
        if (ev->negated && !s->options->keep_negated) continue;
        const lex_code_info *info = lex_code(s->dict, ev->pattern->code);
        if (!info) continue;
        const char *rule_extra = "";
        if (ev->intent && info->intent_code[0]) {
            const lex_code_info *intent = lex_code(s->dict, info->intent_code);
            if (intent) { info = intent; rule_extra = arena_printf(s->a, "; modal \"%s\" -> %s", ev->modal, intent->code); }
        }
        /* force used with a weapon is coded by the weapon: "warplanes
         * struck" 195, "shelled" stays 194, "fired a ballistic missile" 195 */
        if (strcmp(info->code, "190") == 0 || strcmp(info->code, "193") == 0) {
            size_t from = ev->source >= 0 && s->mentions[ev->source].first < ev->head ? s->mentions[ev->source].first : ev->head;
            size_t to = ev->last + 6 < s->n ? ev->last + 6 : s->n - 1;
            if (ev->source >= 0 && s->mentions[ev->source].last > to) to = s->mentions[ev->source].last;
            for (size_t k = from; k <= to; k++) {
                if (s->clause[k] != s->clause[ev->head] && !(ev->source >= 0 && k >= s->mentions[ev->source].first &&
                                                             k <= s->mentions[ev->source].last))
                    continue;
                if (s->weapon[k] && strcmp(s->weapon[k], info->code) != 0) {
                    const lex_code_info *w = lex_code(s->dict, s->weapon[k]);
                    if (w && (strcmp(info->code, "190") == 0 || strcmp(w->code, "193") != 0)) {
                        rule_extra = arena_printf(s->a, "%s; weapon \"%s\" -> %s", rule_extra, s->words[k], w->code);
                        info = w;
                    }
                    break;
                }
            }
        }
        /* the date: its own expression; else one of another event of its
         * clause that was not folded away; else the date of the report;
         * else the publication date */
        int32_t date = s->publication;
        int precision = CODE_DATE_DAY;
        const char *date_words = NULL;
        int chosen = -1;
        for (size_t d = 0; d < date_count && chosen < 0; d++) if (anchor_of[d] == (int)e) chosen = (int)d;
        for (size_t d = 0; d < date_count && chosen < 0; d++)
            if (anchor_of[d] >= 0 && !events[anchor_of[d]].dropped && s->clause[events[anchor_of[d]].head] == s->clause[ev->head])
                chosen = (int)d;
        for (size_t d = 0; d < date_count && chosen < 0; d++) if (anchor_of[d] <= -2) chosen = (int)d;
        if (chosen >= 0) {
            date = dates[chosen].days;
            precision = dates[chosen].precision;
            date_words = slice(s, dates[chosen].first, dates[chosen].last, NULL, NULL);
        }
        /* attribution: a report in another clause of the sentence */
        const mention *speaker = NULL;
        bool sourcing = false;
        for (size_t r = 0; r < report_count; r++) {
            if (reports[r].speaker < 0) continue;
            if ((int)reports[r].speaker == ev->source) continue;
            if (reports[r].clause == s->clause[ev->head]) continue;
            speaker = &s->mentions[reports[r].speaker];
            sourcing = reports[r].sourcing;
            break;
        }
        /* the place: the nearest in the event's clause, else in the sentence */
        const place_candidate *where = NULL;
        size_t where_distance = SIZE_MAX;
        for (int pass = 0; pass < 2 && !where; pass++)
            for (size_t p = 0; p < place_count; p++) {
                if (pass == 0 && s->clause[places_found[p].first] != s->clause[ev->head]) continue;
                size_t a = places_found[p].first, h = ev->head;
                size_t dist = a > h ? a - h : h - a;
                if (dist < where_distance && dist < 25) { where_distance = dist; where = &places_found[p]; }
            }
        code_casualties counts = { -1, -1, -1, -1, -1, -1 };
        bool has_counts = false;
        for (size_t c = 0; c < cas_count; c++) {
            if (cas_event[c] != (int)e) continue;
            int32_t *slot[CASUALTY_KINDS] = { &counts.killed, &counts.wounded, &counts.displaced, &counts.arrested,
                                              &counts.abducted, &counts.missing };
            int32_t value = cas[c].count > INT32_MAX ? INT32_MAX : (int32_t)cas[c].count;
            *slot[cas[c].kind] = *slot[cas[c].kind] < 0 ? value : *slot[cas[c].kind] + value;
            has_counts = true;
        }
        if (!has_counts && ev->target >= 0 && !ev->intent && !ev->negated) {
            /* "killed a Palestinian man": one */
            int kind = -1;
            for (size_t k = ev->head; k <= ev->last && kind < 0; k++) kind = casualty_kind(s->words[k]);
            const mention *t = &s->mentions[ev->target];
            bool one = t->first > 0 && (is(s, t->first - 1, "a") || is(s, t->first - 1, "an") || is(s, t->first - 1, "one"));
            if (kind >= 0 && (one || t->kind == MENTION_PERSON) && !t->plural && t->compound < 0) {
                int32_t *slot[CASUALTY_KINDS] = { &counts.killed, &counts.wounded, &counts.displaced, &counts.arrested,
                                                  &counts.abducted, &counts.missing };
                *slot[kind] = 1;
                has_counts = true;
            }
        }
        const mention *src = implicit_pair ? &s->memory->deal[0] : &s->mentions[ev->source];
        /* compounds: one event per member on each side */
        const mention *sources[16], *targets[16];
        size_t ns = 0, nt = 0;
        if (implicit_pair) {
            sources[ns++] = &s->memory->deal[0];
            sources[ns++] = &s->memory->deal[1];
        } else if (src->compound >= 0) {
            for (size_t m = 0; m < s->mention_count && ns < 16; m++)
                if (s->mentions[m].compound == src->compound) sources[ns++] = &s->mentions[m];
        } else {
            sources[ns++] = src;
        }
        if (ev->target >= 0 && !implicit_pair) {
            const mention *tg = &s->mentions[ev->target];
            if (tg->compound >= 0 && tg->compound != src->compound) {
                for (size_t m = 0; m < s->mention_count && nt < 16; m++)
                    if (s->mentions[m].compound == tg->compound) targets[nt++] = &s->mentions[m];
            } else {
                targets[nt++] = tg;
            }
        }
        /* "Russia and Turkey met": each side to the other, for the events
         * that take two sides (consult, cooperate, fight, exchange) */
        const char *base = ev->pattern->code;   /* before modality: "will meet" is as mutual as "met" */
        bool symmetric = strcmp(base, "036") == 0 ||   /* "the two sides agreed to meet again" */
                         (strncmp(base, "04", 2) == 0 && strcmp(base, "042") != 0 &&
                          strcmp(base, "043") != 0 && strcmp(base, "045") != 0) ||
                         strncmp(base, "05", 2) == 0 || strncmp(base, "06", 2) == 0 ||
                         strncmp(base, "19", 2) == 0 || strcmp(base, "0871") == 0 ||
                         strncmp(ev->pattern->text, "exchange", 8) == 0 ||
                         strncmp(ev->pattern->text, "swap", 4) == 0;
        /* mediation with no one named mediates the agreement the article is
         * about: "talks mediated by the African Union" */
        if (nt == 0 && strcmp(ev->pattern->code, "045") == 0 && s->memory->has_deal)
            for (int k = 0; k < 2; k++)
                if (strcmp(s->memory->deal[k].code, src->code) != 0) targets[nt++] = &s->memory->deal[k];
        /* a denial without a target answers the last accusation: "which Asmara denies" */
        if (nt == 0 && strcmp(info->code, "016") == 0 && s->memory->has_accuser &&
            strcmp(s->memory->accuser.code, src->code) != 0)
            targets[nt++] = &s->memory->accuser;
        bool reciprocal = nt == 0 && ns > 1 && symmetric;
        bool remembered = false;
        for (size_t a = 0; a < ns; a++) {
            size_t tcount = reciprocal ? ns : (nt ? nt : 1);
            /* a target that is the source itself is dropped; if it was the
             * only one the event has no target */
            size_t others = 0;
            for (size_t b = 0; b < nt; b++) if (strcmp(targets[b]->code, sources[a]->code) != 0) others++;
            for (size_t b = 0; b < tcount; b++) {
                const mention *tg = reciprocal ? sources[b] : (nt ? targets[b] : NULL);
                if (reciprocal && tg == sources[a]) continue;
                if (tg && strcmp(tg->code, sources[a]->code) == 0) {
                    if (!reciprocal && others) continue;
                    if (reciprocal) continue;
                    tg = NULL;
                }
                code_event out_event;
                memset(&out_event, 0, sizeof out_event);
                out_event.sentence_index = (uint32_t)sentence_index;
                out_event.start = ts->start;
                out_event.end = ts->end;
                out_event.date = date;
                out_event.date_precision = precision;
                out_event.date_evidence = date_words;
                actor_of(sources[a], &out_event.source);
                state_role(&out_event.source, sources[a], info, true);
                if (tg) {
                    actor_of(tg, &out_event.target);
                    state_role(&out_event.target, tg, info, false);
                    out_event.has_target = true;
                    /* the same actor on both sides after the roles are settled: no target */
                    if (strcmp(out_event.target.code, out_event.source.code) == 0) {
                        memset(&out_event.target, 0, sizeof out_event.target);
                        out_event.has_target = false;
                        tg = NULL;
                    }
                }
                if (!where && s->memory->has_dateline) {
                    /* no place in the sentence: the dateline's */
                    out_event.has_place = true;
                    out_event.place = s->memory->dateline;
                }
                if (where) {
                    out_event.has_place = true;
                    out_event.place = where->place;
                    /* fighting with no named target is against the place's
                     * country: "captured Sirte" is LBYMIL 192 LBY */
                    if (!tg && info->quad_class == 4 && where->place.country[0] && strncmp(info->code, "14", 2) != 0) {
                        copy_text(out_event.target.code, sizeof out_event.target.code, where->place.country);
                        out_event.target.text = NULL;
                        out_event.has_target = true;
                    }
                }
                /* civilians who protest are protesters: "hundreds of people
                 * protested" is OPP */
                if (strncmp(info->code, "14", 2) == 0 && strlen(out_event.source.code) == 6 &&
                    strcmp(out_event.source.code + 3, "CVL") == 0)
                    memcpy(out_event.source.code + 3, "OPP", 4);
                /* a protest with no named target is against the protesters'
                 * own government: "demonstrators blocked roads" is OPP 144 GOV */
                if ((!out_event.has_target || strlen(out_event.target.code) == 3) &&
                    (strncmp(info->code, "14", 2) == 0 || strcmp(info->code, "133") == 0) &&
                    strlen(out_event.source.code) >= 6 && code_is_state(out_event.source.code) &&
                    strncmp(out_event.source.code + 3, "GOV", 3) != 0) {
                    const char *home = out_event.has_target ? out_event.target.code : out_event.source.code;
                    char government[16];
                    snprintf(government, sizeof government, "%.3sGOV", home);
                    copy_text(out_event.target.code, sizeof out_event.target.code, government);
                    out_event.target.text = NULL;
                    out_event.has_target = true;
                }
                if (has_counts) { out_event.has_casualties = true; out_event.casualties = counts; }
                out_event.cameo = crowd_force(s, info, &out_event);
                out_event.attribution = speaker ? speaker->text : NULL;
                out_event.negated = ev->negated;
                out_event.verb_start = s->tokens[ev->head].start;
                out_event.verb_end = s->tokens[ev->last].end;
                out_event.rule = arena_printf(s->a, "%s%s = %s (%s)%s%s", ev->pattern->noun_head && ev->pattern->text[0] != '~' ? "~" : "",
                                              ev->pattern->text, ev->pattern->code, ev->pattern->source,
                                              ev->passive ? "; passive" : "", rule_extra);
                if (s->options->explain) {
                    out_event.explanation = arena_printf(
                        s->a, "verb \"%s\" matched \"%s\"; source \"%s\" = %s (%s)%s%s%s%s; date %s%s",
                        slice(s, ev->head, ev->last, NULL, NULL), ev->pattern->text, sources[a]->text, sources[a]->code,
                        sources[a]->how ? sources[a]->how : "",
                        tg ? arena_printf(s->a, "; target \"%s\" = %s (%s)", tg->text, tg->code, tg->how ? tg->how : "") : "; no target",
                        ev->negated ? "; negated" : "", ev->modal ? arena_printf(s->a, "; modal \"%s\"", ev->modal) : "",
                        speaker ? arena_printf(s->a, "; said by \"%s\"", speaker->text) : "",
                        date_words ? arena_printf(s->a, "from \"%s\"", date_words) : "of publication", "");
                }
                size_t before = out->count;
                push_event(out, s->a, &out_event);
                if (out->count > before) { s->memory->last_event = before; s->memory->has_last_event = true; }
                if (tg && !reciprocal && mutual_with(s, ev, tg)) {
                    /* "A clashed with B": B fought A as well */
                    code_event back = out_event;
                    back.source = out_event.target;
                    back.target = out_event.source;
                    back.has_casualties = false;
                    back.cameo = crowd_force(s, info, &back);
                    push_event(out, s->a, &back);
                }
                if (!remembered) {
                    remember_event(s, info, ev, sources[a], reciprocal ? sources + 1 : targets, reciprocal ? ns - 1 : nt);
                    remembered = true;
                }

                /* reported conflict by another actor: the speaker accuses */
                if (speaker && a == 0 && b == 0 && info->quad_class == 4 && !ev->intent && !ev->negated &&
                    strcmp(speaker->code, sources[a]->code) != 0 && speaker_is_party(speaker) && !sourcing) {
                    const lex_code_info *accuse = lex_code(s->dict, "112");
                    if (accuse) {
                        code_event acc = out_event;
                        actor_of(speaker, &acc.source);
                        actor_of(sources[a], &acc.target);
                        acc.has_target = true;
                        acc.cameo = accuse;
                        acc.attribution = speaker->text;
                        acc.date = s->publication;
                        acc.date_precision = CODE_DATE_DAY;
                        acc.date_evidence = NULL;
                        for (size_t d = 0; d < date_count; d++)
                            if (s->clause[dates[d].first] != s->clause[ev->head]) {
                                acc.date = dates[d].days; acc.date_precision = dates[d].precision;
                                acc.date_evidence = slice(s, dates[d].first, dates[d].last, NULL, NULL);
                            }
                        acc.rule = arena_printf(s->a, "reported conflict: speaker accuses the actor (%s)", out_event.rule);
                        s->memory->accuser = *speaker;
                        s->memory->has_accuser = true;
                        if (s->options->explain)
                            acc.explanation = arena_printf(s->a, "\"%s\" reports a conflict event by \"%s\": coded as an accusation",
                                                           speaker->text, sources[a]->text);
                        push_event(out, s->a, &acc);
                    }
                }
            }
        }
    }
}

/* ---- the article ---- */

/* The dateline's city ("PRETORIA, South Africa -", "BAGHDAD (AP) -"), in
 * capitals at the start of one of the first sentences. */
static void find_dateline(sentence_state *s)
{
    if (s->memory->has_dateline || s->n == 0 || !(s->tokens[0].flags & TEXT_ALLCAPS)) return;
    size_t last = 0;
    while (last + 1 < s->n && (s->tokens[last + 1].flags & TEXT_ALLCAPS) && !(s->tokens[last + 1].flags & TEXT_PUNCT)) last++;
    if (!is(s, last + 1, ",") && !is(s, last + 1, "(") && !is(s, last + 1, "-") && !is(s, last + 1, ":")) return;
    const char *countries[1] = { s->memory->country };
    code_place p;
    memset(&p, 0, sizeof p);
    if (!gazetteer_place(s, 0, last, countries, s->memory->country[0] ? 1 : 0, false, false, &p)) return;
    p.name = slice(s, 0, last, NULL, NULL);
    s->memory->dateline = p;
    s->memory->has_dateline = true;
}

/* "Canada, Brazil and Peru quickly followed", "Britain followed suit",
 * "France did the same": the last event again, with these actors. */
static void repeat_for_ellipsis(sentence_state *s, size_t sentence_index, const text_sentence *ts,
                                const date_expression *dates, size_t date_count, code_result *out)
{
    if (!s->memory->has_last_event || s->memory->last_event >= out->count) return;
    size_t head = s->n;
    for (size_t i = 1; i < s->n && head == s->n; i++) {
        bool end = i + 1 >= s->n || (s->cls[i + 1] & WORD_STOP) || is(s, i + 1, "on") || is(s, i + 1, "later") ||
                   is(s, i + 1, "hours") || is(s, i + 1, "days") || is(s, i + 1, "shortly") || is(s, i + 1, "soon");
        if ((is(s, i, "followed") || is(s, i, "follow")) && (is(s, i + 1, "suit") || end)) head = i;
        if ((is(s, i, "did") || is(s, i, "do")) && is(s, i + 1, "the") && is(s, i + 2, "same")) head = i;
        if (is(s, i, "did") && is(s, i + 1, "likewise")) head = i;
    }
    if (head == s->n) return;
    int m = clause_subject(s, head);
    if (m < 0) return;
    code_event model = out->events[s->memory->last_event];
    const mention *members[16];
    size_t count = 0;
    if (s->mentions[m].compound >= 0) {
        for (size_t k = 0; k < s->mention_count && count < 16; k++)
            if (s->mentions[k].compound == s->mentions[m].compound) members[count++] = &s->mentions[k];
    } else {
        members[count++] = &s->mentions[m];
    }
    for (size_t k = 0; k < count; k++) {
        code_event e = model;
        e.sentence_index = (uint32_t)sentence_index;
        e.start = ts->start;
        e.end = ts->end;
        e.has_casualties = false;
        if (date_count) {   /* "followed suit on Monday"; else the model's: "quickly followed" */
            e.date = dates[0].days;
            e.date_precision = dates[0].precision;
            e.date_evidence = slice(s, dates[0].first, dates[0].last, NULL, NULL);
        }
        e.attribution = NULL;
        e.verb_start = s->tokens[head].start;
        e.verb_end = s->tokens[head].end;
        actor_of(members[k], &e.source);
        state_role(&e.source, members[k], e.cameo, true);
        if (e.has_target && strcmp(e.target.code, e.source.code) == 0) continue;
        e.rule = arena_printf(s->a, "ellipsis: \"%s\" repeats the event before (%s)", s->words[head], model.rule);
        if (s->options->explain)
            e.explanation = arena_printf(s->a, "\"%s\" follows the event before: %s does the same", s->words[head], members[k]->text);
        push_event(out, s->a, &e);
    }
}

static void main_country(const lex_dict *dict, const text_doc *doc, char out[4], int32_t publication)
{
    /* the most frequent country among actor phrases of the article */
    typedef struct { char code[4]; int count; } tally;
    tally t[64];
    size_t n = 0;
    const char *words[64];
    bool caps[64];
    out[0] = 0;
    for (size_t i = 0; i < doc->token_count;) {
        if (!(doc->tokens[i].flags & TEXT_CAPITALIZED)) { i++; continue; }
        size_t len = 0;
        for (; len < 16 && i + len < doc->token_count; len++) {
            words[len] = text_token_fold(doc, i + len);
            caps[len] = doc->tokens[i + len].flags & TEXT_ALLCAPS;
        }
        lex_match m;
        if (!lex_match_phrase(dict, words, caps, len, 0, &m)) { i++; continue; }
        for (size_t k = 0; k < m.count; k++) {
            if (!lex_kind_is_actor(m.entries[k]->kind)) continue;
            char code[16];
            lex_actor_code(m.entries[k], publication, code);
            if (!code_is_state(code) || strlen(code) < 3) break;
            size_t x = 0;
            while (x < n && strncmp(t[x].code, code, 3) != 0) x++;
            if (x == n && n < 64) { memcpy(t[n].code, code, 3); t[n].code[3] = 0; t[n].count = 0; n++; }
            if (x < 64) t[x].count++;
            break;
        }
        i += m.token_count;
    }
    int best = 0;
    for (size_t x = 0; x < n; x++) if (t[x].count > best) { best = t[x].count; memcpy(out, t[x].code, 4); }
}

void code_article(arena *a, const lex_dict *dict, const code_options *options,
                  const char *text, size_t text_len, int32_t publication_date, code_result *out)
{
    pthread_once(&word_classes_once, build_word_classes);
    memset(out, 0, sizeof *out);
    text_doc doc;
    text_analyze(a, text, text_len, lex_abbreviations(dict), &doc);
    memory mem;
    memset(&mem, 0, sizeof mem);
    main_country(dict, &doc, mem.country, publication_date);
    /* large scratch, filled per sentence for the tokens it uses: not zeroed */
    sentence_state *s = arena_alloc_raw(a, sizeof *s);
    pending_event *events = arena_alloc_raw(a, MAX_EVENTS_PER_SENTENCE * sizeof *events);   /* written before read */
    out->sentences = doc.sentence_count;
    for (size_t si = 0; si < doc.sentence_count; si++) {
        const text_sentence *ts = &doc.sentences[si];
        /* reset only what this sentence uses: the state is large and most
         * sentences are short */
        s->span_count = 0;
        s->mention_count = 0;
        s->dict = dict;
        s->options = options;
        s->a = a;
        s->doc = &doc;
        s->text = text;
        s->publication = publication_date;
        s->memory = &mem;
        s->quoted = ts->quoted;
        s->tokens = doc.tokens + ts->first_token;
        s->n = ts->token_count < MAX_SENTENCE_TOKENS ? ts->token_count : MAX_SENTENCE_TOKENS;
        for (size_t i = 0; i < s->n; i++) {
            s->words[i] = text_token_fold(&doc, ts->first_token + i);
            s->caps[i] = s->tokens[i].flags & TEXT_ALLCAPS;
            s->mention_at[i] = -1;
            s->tag[i] = TAG_NONE;
            s->tag_entry[i] = NULL;
            s->clause[i] = 0;
            s->consumed[i] = false;
            s->is_head[i] = false;
            s->dateline[i] = false;
            s->weapon[i] = NULL;
            s->hash[i] = lex_word_hash(s->words[i]);
            s->cls[i] = word_class_of(s->words[i], s->hash[i]);
            s->clause_conditional[i] = false;
            s->clause_denied[i] = false;
            s->subject_from[i] = -1;
        }
        s->after_bits[s->n] = 0;
        for (size_t i = s->n; i > 0; i--)
            s->after_bits[i - 1] = s->after_bits[i] | (1ull << (lex_stem_hash(s->words[i - 1]) & 63));
        tag_sentence(s);
        if (si < 3) find_dateline(s);
        sentence_place_country(s);
        build_mentions(s);
        cut_clauses(s);
        report reports[16];
        size_t report_count = find_reports(s, reports, 16);
        fill_speaker_refs(s, reports, report_count);
        size_t event_count = 0;
        find_events(s, events, &event_count);
        /* the sentence's subject, if a person, for "he" and "she" in what follows */
        mem.subject_age++;
        for (size_t m = 0; m < s->mention_count; m++) {
            const mention *x = &s->mentions[m];
            if (x->prepositional || x->place || x->modifier || x->adjectival || !x->code[0] || s->dateline[x->first]) continue;
            if (x->kind == MENTION_PERSON && !x->speaker_ref) { mem.last_subject = *x; mem.has_subject = true; mem.subject_age = 0; }
            break;
        }
        date_expression dates[16];
        size_t date_count = 0, found = date_find(s->words, s->n, 0, s->n, publication_date, dates, 16);
        /* a date after publication is when an announced act is to happen;
         * what is coded (the announcement, the intent) happened by then */
        for (size_t d = 0; d < found; d++)
            if (!dates[d].future) dates[date_count++] = dates[d];
        size_t coded_before = out->count;
        emit_sentence(s, si, ts, events, event_count, reports, report_count, dates, date_count, out);
        if (out->count == coded_before) repeat_for_ellipsis(s, si, ts, dates, date_count, out);
    }
}
