/* words: word classes, code strings and other small helpers of the coder. */
#include "internal.h"
#include "casualty.h"

#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

const char *const determiners[] = { "the", "a", "an", "its", "their", "his", "her", "this", "these",
                                    "those", "our", "some", "any", "no", "every", "each", NULL };
const char *const prepositions[] = { "of", "in", "at", "to", "from", "with", "by", "for", "on", "against",
                                     "between", "among", "into", "near", "over", "under", "toward", "towards",
                                     "about", "across", "through", "after", "before", "during", "outside",
                                     "inside", "around", "without", "within", "behind", "beyond", "like",
                                     "including", "besides", "than", "via", "amid", NULL };
const char *const light[] = { "launch", "launched", "launches", "launching", "carry", "carried", "carries",
                              "carrying", "conduct", "conducted", "conducts", "conducting", "stage", "staged",
                              "stages", "staging", "mount", "mounted", "mounts", "mounting", "began", "begin",
                              "begins", "started", "start", "starts", "stepped", "step", "intensified",
                              "escalated", "resumed", "resume", "held", "hold", "holds", "holding", "signed",
                              "sign", "signs", "reached", "reach", "struck", "made", "make", "makes", "paid",
                              "pay", "pays", "opened", "open", "announced", "announce", "declared", "declare",
                              "agreed", "offered", "accepted", "accept", "accepts", "responded", "respond",
                              "responds", "retaliated", "retaliate", "retaliates", "ordered", "order", "orders",
                              "imposed", "impose", "imposes", "tightened", "waged", "wage", "wages", NULL };
const char *const subordinators[] = { "after", "before", "while", "when", "whereas", "although", "though",
                                      "because", "as", "since", "if", "unless", "until", "once", NULL };

/* Word classes, looked up once per token so that the many "is this a
 * determiner / preposition / subordinator" checks cost a bit test. */

/* word8: the word's first eight bytes as is() reads them (load_upto8), so
 * that most words are told in one compare */
typedef struct word_class { const char *word; uint32_t bits; uint32_t hash; uint64_t word8; bool long_word; } word_class;
static word_class word_classes[512];
static size_t word_class_count;
/* word_classes by lex_word_hash (open addressing, index + 1, 0 empty): the
 * lookup runs for every token, and the token's hash is computed anyway */
enum { WORD_CLASS_SLOTS = 4096 };   /* an eighth full at most: most words are in no class, and a miss ends at once */
static uint16_t word_class_slots[WORD_CLASS_SLOTS];
static pthread_once_t word_classes_once = PTHREAD_ONCE_INIT;

/* Adds bit to the classes of the list's words (found, or added, by hash:
 * the lists hold hundreds of words between them). */
static void add_class(const char *const *list, uint32_t bit)
{
    for (size_t k = 0; list[k]; k++) {
        uint32_t hash = lex_word_hash(list[k]);
        size_t i = hash % WORD_CLASS_SLOTS;
        while (word_class_slots[i] && strcmp(word_classes[word_class_slots[i] - 1].word, list[k]) != 0)
            i = (i + 1) % WORD_CLASS_SLOTS;
        if (!word_class_slots[i]) {
            assert(word_class_count < sizeof word_classes / sizeof *word_classes);
            size_t length = strlen(list[k]);
            word_classes[word_class_count] =
                (word_class){ list[k], 0, hash, load_upto8(list[k], length < 8 ? length : 8), length >= 8 };
            word_class_slots[i] = (uint16_t)++word_class_count;
        }
        word_classes[word_class_slots[i] - 1].bits |= bit;
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
    /* what an armed force holds: "Syrian government positions" are its forces' */
    static const char *const sites[] = { "position", "positions", "base", "bases", "outpost", "outposts", "convoy",
                                         "convoys", "barracks", "checkpoint", "checkpoints", "trenches", "garrison",
                                         "patrol", "patrols", "troops", "forces", "soldiers", "units", "lines", NULL };
    add_class(sites, WORD_MILITARY_SITE);
    /* the words of a crowd's size ("tens of thousands", "hundreds"): asked of every word a mention may start at */
    static const char *const crowd_sizes[] = { "tens", "thousands", "hundreds", "dozens", "scores", NULL };
    add_class(crowd_sizes, WORD_CROWD_SIZE);
    add_class(reacting_verbs, WORD_REACTING);
    add_class(before_adjective_words, WORD_BEFORE_ADJECTIVE);
    add_class(causing_verbs, WORD_CAUSING);
    add_class(function_words, WORD_FUNCTION);
    add_class(topic_nouns, WORD_TOPIC);
    add_class(taking_verbs, WORD_TAKING);
    add_class(told_participles, WORD_TOLD);
    add_class(place_cues, WORD_PLACE_CUE);
    add_class(clause_cues, WORD_CLAUSE_CUE);
    add_class(date_head_words, WORD_DATE_HEAD);
}

uint32_t code_word_class_of(const char *w, uint32_t hash, uint64_t word8)
{
    for (size_t i = hash % WORD_CLASS_SLOTS; word_class_slots[i]; i = (i + 1) % WORD_CLASS_SLOTS) {
        const word_class *c = &word_classes[word_class_slots[i] - 1];
        if (c->hash == hash && c->word8 == word8 && (!c->long_word || str_same(c->word + 8, w + 8))) return c->bits;
    }
    return 0;
}

const char *code_slice(sentence_state *s, size_t first, size_t last, uint32_t *start, uint32_t *end)
{
    uint32_t b = s->tokens[first].start, e = s->tokens[last].end;
    if (start) *start = b;
    if (end) *end = e;
    return arena_strndup(s->a, s->text + b, e - b);
}

static inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

bool code_text_has_any(const char *text, const char *const *needles)
{
    uint32_t firsts = 0;   /* the needles' first bytes, a bit each: most of the text's bytes start none */
    for (const char *const *n = needles; *n; n++) firsts |= 1u << ((unsigned char)(*n)[0] & 31);
    for (const char *p = text; *p; p++) {
        char c = ascii_lower(*p);
        if (!(firsts & (1u << ((unsigned char)c & 31)))) continue;
        for (const char *const *n = needles; *n; n++) {
            size_t k = 0;
            while ((*n)[k] && ascii_lower(p[k]) == (*n)[k]) k++;
            if (!(*n)[k]) return true;
        }
    }
    return false;
}

/* strlcpy: a copy cut to fit (codes and names are short; snprintf's
 * formatting cost more than the coding around it) */
void code_copy_text(char *out, size_t cap, const char *in)
{
    size_t n = strlen(in);
    if (n >= cap) n = cap - 1;
    memcpy(out, in, n);
    out[n] = 0;
}

void code_set(char out[16], const char *country, const char *role)
{
    size_t c = strnlen(country, 3), r = strnlen(role, 12);
    memcpy(out, country, c);
    memcpy(out + c, role, r);
    out[c + r] = 0;
}

static bool code_has_role(const char *code) { return strlen(code) >= 6; }

bool role_is_armed(const char *role)
{
    return str_same_n(role, "MIL", 3) || str_same_n(role, "REB", 3) || str_same_n(role, "INS", 3) ||
           str_same_n(role, "UAF", 3);
}

/* CAMEO's regions, not states: "West African" is WAF, "Central Asian" CAS.
 * Asked of nearly every code the coder builds, and nearly always of a
 * state: the three letters as one number, searched by bisection among the
 * regions' (in ascending order), settle it in five steps rather than 28. */
static uint32_t three_letters(const char *code)
{
    return (uint32_t)(unsigned char)code[0] << 16 | (uint32_t)(unsigned char)code[1] << 8 | (unsigned char)code[2];
}

bool code_is_region(const char *code)
{
    static const char regions[][4] = { "AFR", "ASA", "BLK", "BLT", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF",
                                       "EEU", "EIN", "EUR", "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF",
                                       "SAM", "SAS", "SCN", "SEA", "SOT", "WAF", "WEU", "WST" };
    size_t n = strnlen(code, 7);
    if (n < 3 || n > 6) return false;
    uint32_t key = three_letters(code);
    size_t lo = 0, hi = sizeof regions / sizeof regions[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t r = three_letters(regions[mid]);
        if (r == key) return true;
        if (r < key) lo = mid + 1;
        else hi = mid;
    }
    return false;
}

/* Two codes on one side of a conflict: the same code, or the state's own
 * institutions in one country (its government, forces, police, courts,
 * parliament: "AZEMIL" is on the side of "AZEGOV", "ETHREB" is not). */
bool code_same_camp(const char *a, const char *b)
{
    if (strcmp(a, b) == 0) return true;
    if (!code_is_state(a) || !code_is_state(b) || !str_same_n(a, b, 3)) return false;
    static const char *const state[] = { "GOV", "MIL", "COP", "SPY", "JUD", "LEG", NULL };
    bool sa = !a[3], sb = !b[3];
    for (size_t i = 0; state[i]; i++) {
        if (str_same_n(a + 3, state[i], 3)) sa = true;
        if (str_same_n(b + 3, state[i], 3)) sb = true;
    }
    return sa && sb;
}

/* The code of an agent owned by `owner`: "Haftar's forces" take Haftar's own
 * armed role; "Iraq's police" are IRQ + COP; an official "of" an
 * organisation with a role belongs to it. */
/* A code that can be a party to a conflict or an agreement: a state, its
 * government, forces or opposition, a movement, an international body. */
bool code_is_party(const char *code)
{
    if (!code_is_state(code)) return str_same_n(code, "IGO", 3);
    if (code[0] && code[1] && code[2] && !code[3]) return true;   /* a state alone (strlen 3, without the call) */
    static const char *const parties[] = { "GOV", "MIL", "REB", "INS", "OPP", "UAF", "COP", "SPY", "LEG", NULL };
    for (size_t i = 0; parties[i]; i++) if (str_same_n(code + 3, parties[i], 3)) return true;
    return false;
}

/* A country code with one role among `roles`: "IRNCOP" is in { "COP", "MIL" }. */
bool code_role_in(const char *code, const char *const *roles)
{
    if (strlen(code) != 6) return false;
    for (size_t i = 0; roles[i]; i++) if (strcmp(code + 3, roles[i]) == 0) return true;
    return false;
}

void code_owned(char out[16], const char *owner, const char *role)
{
    if (!owner[0]) { code_set(out, "", role); return; }
    if (!code_is_state(owner)) {
        /* IGO/NGO staff stay the organisation */
        code_copy_text(out, 16, owner);
        return;
    }
    if (code_has_role(owner) && role_is_armed(role) && role_is_armed(owner + 3)) { code_copy_text(out, 16, owner); return; }
    if (code_has_role(owner) && strcmp(role, "GOV") == 0) { code_copy_text(out, 16, owner); return; }
    /* a region has no government of its own: "Western governments" are the West */
    if (strlen(owner) == 3 && code_is_region(owner) && strcmp(role, "GOV") == 0) { code_copy_text(out, 16, owner); return; }
    code_set(out, owner, role);
}

void code_words_init(void)
{
    pthread_once(&word_classes_once, build_word_classes);
}

/* The folded words first..last joined by spaces, as the gazetteer keys
 * them; false when they do not fit in cap bytes. */
bool code_join_words(const sentence_state *s, size_t first, size_t last, char *key, size_t cap)
{
    size_t len = 0;
    for (size_t k = first; k <= last && k < s->n; k++) {
        size_t wl = strlen(s->words[k]);
        if (len + wl + 2 > cap) return false;
        if (k > first) key[len++] = ' ';
        memcpy(key + len, s->words[k], wl);
        len += wl;
    }
    key[len] = 0;
    return true;
}
