/* The coder's inside, shared by its steps (see code.c for the order):
 * the sentence state each step reads and writes, the article's memory,
 * the word classes, and the functions one step offers another.  Not part of
 * the public API (code.h). */
#ifndef PARLEY_CODE_INTERNAL_H
#define PARLEY_CODE_INTERNAL_H

#include "code.h"
#include "date.h"
#include "../lex/lex.h"
#include "../lex/places.h"
#include "../text/text.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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
/* A deed or act remembered with the pattern that coded it, so that "the
 * attacks", "the seizure", "the declaration" find theirs by stem. */
typedef struct told_by {
    mention     by;
    const char *pattern;
} told_by;

typedef struct memory {
    mention last_person;   bool has_person;
    mention last_plural;   bool has_plural;
    mention pair[2];       bool plural_is_pair; /* the last plural was "A and B": "they" is both */
    mention list[8];       size_t list_count;   /* the members of the last list ("A, B and C"), in order */
    mention last_thing;    bool has_thing;
    mention last_actor;    bool has_actor;
    mention last_group;    bool has_group;    /* for "the group", "the movement" */
    mention groups[8];     size_t group_count; /* recent groups and organisations, newest last:
                                                 * "the coalition" is the last one called a coalition */
    char    country[4];    /* the article's main country */
    /* how often the article names each country's people, places or bodies
     * in actor phrases other than its capital (the first 16 countries named) */
    struct { char code[4]; int count; } countries[16];
    size_t  country_count;
    mention last_speaker;  bool has_speaker;   /* for quotes that run over sentences */
    /* people named in full earlier in the article, so that "Aliyev" alone
     * later is "Ilham Aliyev" */
    struct { char surname[32]; char code[16]; const char *text; } people[64];
    size_t  people_count;
    /* titles of people named before, so that "the envoy" later is the envoy named */
    struct { char word[24]; char code[16]; const char *text; } titles[16];
    size_t  title_count;
    /* how often each actor has been named, for "the two sides"; whether it
     * can be a party (code_is_party) and whether it is a state or its
     * government, worked out once when it is first named: code_most_named
     * asks them of every actor at every event */
    struct { char code[16]; int count; const char *text; bool party, government; } tally[32];
    size_t  tally_count;
    mention deal[2];       bool has_deal;      /* the two parties of the article's agreement (the first coded), else of talks */
    bool    deal_is_accord;                    /* deal[] is from an agreement (057, 087x), not from talks */
    mention deed;          bool has_deed;      /* the author of the last use of force coded (18-20) */
    /* recent uses of force, newest last, with the pattern that coded each:
     * "the attacks" is the last one coded as an attack, not a shoot-down after it */
    told_by deeds[8];
    size_t  deed_count;
    mention victim;        bool has_victim;    /* ... and whom it struck, when the text said */
    /* the last demand or appeal made of a state, whose refusal later answers it ("ECOWAS demanded that
     * Niger free Bazoum ... Tiani has refused") */
    mention demander;      char demanded_of[16];   bool has_demand;
    mention coercion;      bool has_coercion;  /* the author of the last arrest, seizure or abduction (17, 181) */
    /* the code each agent noun had when last named with more than the noun
     * ("Islamist militants" PHLINS): "the militants" later are those */
    struct { char word[24]; char code[16]; } named_agents[16];
    size_t  named_agent_count;
    char    held[16];                          /* whom the last arrest or abduction held, when the text said ... */
    const char *held_text;                     /* ... in the text's words */
    mention holder;                            /* ... and who held them */
    mention act;           bool has_act;       /* the author of the last act, promised or done (03-09, 14-20): "the decision", "the move" */
    /* recent acts with the pattern that coded each, newest last: "the
     * declaration" is the last act told by "declare" */
    told_by acts[16];
    size_t  act_count;
    mention accuser;       bool has_accuser;   /* the source of the last accusation or criticism */
    /* recent accusations, newest last: whom a denial answers ("Qatar rejected
     * the accusations" answers those who accused Qatar, not Qatar's own complaints) */
    struct { mention by; char against[16]; } accusations[6];
    size_t  accusation_count;
    bool    has_protest;                       /* the story has coded a protest (14) */
    char    insurgents[16];                    /* the code of the last insurgents named ("jihadists": BFAINS) */
    /* mediation coded before the story named its two sides ("talks hosted by
     * Russia and Turkey" in the lead), and a side's act towards the other
     * side (other: "agreed to lay down their arms" in the lead): indexes
     * into the result, given the two sides the whole article names most
     * once it has been read */
    struct { size_t at; bool other; } deferred[16];   size_t deferred_count;
    size_t  last_event;    bool has_last_event; /* index in the result of the last event coded from a verb */
    code_place dateline;   bool has_dateline;   /* "KHARTOUM, Sudan -": where events with no place of their own happened */
    char    dateline_country[4];   /* the dateline's country, known even when its town is not ("PSARADES, Greece -") */
    mention last_subject;  bool has_subject;   /* the person who was the subject of a recent sentence */
    char    paragraph_place[4];                /* the country of the last place named in a paragraph ... */
    uint32_t place_paragraph;                  /* ... and that paragraph */
    const lex_entry *last_region;              /* the last region of dict/regions.txt named: "the region's leaders" */
    size_t  subject_age;                       /* sentences since */
    /* the day the story is at: the day a sentence named ("on Wednesday"),
     * which undated events that follow it in its paragraph share; or, when
     * that date is older, a month or a year, the background it frames,
     * which undated past events of its paragraph share at frame_precision */
    int32_t narrative_day;  bool has_narrative_day;
    bool    has_frame;      int frame_precision;   uint32_t frame_paragraph;
    int32_t told_day;       bool has_told_day;     /* the last day the text named ("on Dec. 27") */
    uint32_t narrative_paragraph;
    const char *narrative_words;
    /* places named so far, newest last, with the noun the text called each
     * ("region", "shoal", "city"): "the region" is the last region named */
    struct { code_place place; char noun[16]; } places[8];
    size_t  place_count;
    /* the lead's counts that no deed of their sentence took ("after two days
     * of fighting in which 24 Kyrgyz citizens were killed"), for the first
     * deed told after them that struck those victims */
    /* the place of the last event of a paragraph that took one from its
     * sentence, where the paragraph's later deeds whose sentence names no
     * place happen when they share an actor with it: "In Yerevan,
     * protesters gathered ... Some protesters threw stones at police" */
    code_place paragraph_frame;  uint32_t place_frame_paragraph;  bool has_place_frame;
    char    frame_actors[2][16];               /* ... and that event's source and target: a deed there shares one */
    code_casualties stranded;  char stranded_victims[16];  bool has_stranded;  size_t stranded_sentence;
    size_t  stranded_taken_in;                 /* 1 + the sentence whose deeds took them; 0 while none has */
    /* the gazetteer's answers to the article's last names looked up
     * (code_places_lookup): an article names its few places again and
     * again; max is how many rows the lookup asked for */
    struct { char key[48]; size_t max, count; place_info found[16]; } lookups[16];
    size_t  lookup_count, lookup_next;
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
    const lex_entry *region[MAX_SENTENCE_TOKENS];   /* a region with an armed movement ("Tigray"), or NULL */
    const lex_entry *facility[MAX_SENTENCE_TOKENS]; /* a named site the gazetteer lacks ("Chernobyl"), or NULL */
    uint32_t         cls[MAX_SENTENCE_TOKENS];      /* WORD_* bits */
    bool             date_start[MAX_SENTENCE_TOKENS]; /* a number or a word of date_head_words: a date may start there */
    uint32_t         hash[MAX_SENTENCE_TOKENS];     /* lex_word_hash of each folded word */
    uint64_t         word8[MAX_SENTENCE_TOKENS];    /* the first eight bytes of each folded word, zero after its end
                                                     * (load_upto8): is() compares a word in one step */
    const uint32_t  *stem;                          /* lex_stem_hash of each folded word (the article's, from the
                                                     * sentence's first token on) */
    uint32_t         word_id[MAX_SENTENCE_TOKENS];  /* lex_word_id of each folded word (0: in no phrase) */
    uint64_t         after_bits[MAX_SENTENCE_TOKENS + 1]; /* stem bits of the words from i on (lex_pattern.stem_bits) */
    uint32_t         after_letters[MAX_SENTENCE_TOKENS + 1]; /* first-byte bits of the words from i on
                                                     * (lex_pattern.first_letters) */
    int8_t           date_head[MAX_SENTENCE_TOKENS]; /* whether a date expression is read from word i alone: 1, 0,
                                                     * -1 not yet asked (place.c) */
    span             spans[MAX_SENTENCE_TOKENS];
    size_t           span_count;
    mention          mentions[MAX_MENTIONS];
    size_t           mention_count;
    memory          *memory;
    bool             quoted;
    uint32_t         paragraph;       /* its paragraph in the article (text_sentence.paragraph) */
    bool             story_begun;     /* an earlier sentence coded an event: a simple present is no headline's */
    char             place_country[4];  /* the country of a place named in the sentence ("in Yerevan"), or "" */
    bool             place_carried;     /* place_country comes from a sentence before in the paragraph */
    size_t           place_at;          /* the word where that place is named (when not carried) */
} sentence_state;

enum { WORD_DETERMINER = 1, WORD_PREPOSITION = 2, WORD_SUBORDINATOR = 4, WORD_STOP = 8, WORD_BE = 16, WORD_LIGHT = 32,
       WORD_CASUALTY = 64, WORD_NUMBER = 128, WORD_QUANTITY = 256, WORD_MILITARY_SITE = 512, WORD_CROWD_SIZE = 1024,
       /* the lists below that some rule asks of many words, each a class so that is_any is a bit test */
       WORD_REACTING = 2048, WORD_BEFORE_ADJECTIVE = 4096, WORD_CAUSING = 8192, WORD_FUNCTION = 16384, WORD_TOPIC = 32768,
       WORD_TAKING = 65536, WORD_TOLD = 131072, WORD_PLACE_CUE = 262144, WORD_CLAUSE_CUE = 524288,
       WORD_DATE_HEAD = 1048576 /* date_head_words */ };

extern const char *const determiners[], *const prepositions[], *const light[], *const subordinators[];
extern const char *const reacting_verbs[];          /* code.c */
extern const char *const before_adjective_words[];  /* events.c */
extern const char *const causing_verbs[];           /* events.c */
extern const char *const function_words[];          /* mentions.c */
extern const char *const topic_nouns[];             /* place.c */
extern const char *const taking_verbs[];            /* events.c */
extern const char *const told_participles[];        /* record.c */
extern const char *const place_cues[];              /* place.c */
extern const char *const clause_cues[];             /* clauses.c */

/* ---- words: small tests used by every step ---- */

/* Whether word i is w.  The rules ask this of a literal word at hundreds of
 * places, millions of times an hour's news: a literal's length and first
 * eight bytes are constants the compiler folds, so the test is one compare
 * with the word's word8 (and, for a word of eight bytes or more, a compare
 * of the rest). */
static inline __attribute__((always_inline)) bool is(const sentence_state *s, size_t i, const char *w)
{
    size_t n = strlen(w);
    if (i >= s->n || s->word8[i] != load_upto8(w, n)) return false;
    return n < 8 || str_same(s->words[i] + 8, w + 8);
}

/* is() for a word that is no literal (one from a table): the word's length
 * is not known when compiling, so the strings are compared. */
static inline bool is_string(const sentence_state *s, size_t i, const char *w)
{
    return i < s->n && str_same(s->words[i], w);
}

/* The "and" that joins the verb at word i to the one before ("and urged",
 * "and also said"), or 0 when there is none. */
static inline size_t and_before(const sentence_state *s, size_t i)
{
    if (i >= 1 && is(s, i - 1, "and")) return i - 1;
    if (i >= 2 && is(s, i - 2, "and") && (is(s, i - 1, "also") || is(s, i - 1, "then"))) return i - 2;
    return 0;
}

/* Whether the words ending at token last are an owner's ("Iran's", "Iran 's") */
static inline bool ends_possessive(const sentence_state *s, size_t last)
{
    return (s->tokens[last].flags & TEXT_POSSESSIVE) || (last + 1 < s->n && is(s, last + 1, "'s"));
}

static inline bool is_any(const sentence_state *s, size_t i, const char *const *list)
{
    if (i >= s->n) return false;
    if (list == determiners) return s->cls[i] & WORD_DETERMINER;
    if (list == prepositions) return s->cls[i] & WORD_PREPOSITION;
    if (list == subordinators) return s->cls[i] & WORD_SUBORDINATOR;
    if (list == reacting_verbs) return s->cls[i] & WORD_REACTING;
    if (list == before_adjective_words) return s->cls[i] & WORD_BEFORE_ADJECTIVE;
    if (list == causing_verbs) return s->cls[i] & WORD_CAUSING;
    if (list == function_words) return s->cls[i] & WORD_FUNCTION;
    if (list == topic_nouns) return s->cls[i] & WORD_TOPIC;
    if (list == taking_verbs) return s->cls[i] & WORD_TAKING;
    if (list == told_participles) return s->cls[i] & WORD_TOLD;
    if (list == place_cues) return s->cls[i] & WORD_PLACE_CUE;
    if (list == clause_cues) return s->cls[i] & WORD_CLAUSE_CUE;
    for (size_t k = 0; list[k]; k++) if (str_same(s->words[i], list[k])) return true;
    return false;
}

static inline bool be_word(const sentence_state *s, size_t i) { return i < s->n && (s->cls[i] & WORD_BE); }

static inline bool word_is_capitalized(const sentence_state *s, size_t i)
{
    return i < s->n &&
           (s->tokens[i].flags & (TEXT_CAPITALIZED | TEXT_WORD | TEXT_NUMBER)) == (TEXT_CAPITALIZED | TEXT_WORD);
}

typedef struct pending_event {
    const lex_pattern *pattern;
    size_t head, last;
    int source, target;     /* mention indexes or -1 */
    bool passive, negated, intent;
    bool dropped;           /* folded into another event ("threatened to impose sanctions") */
    bool adjective;         /* "a Russian-brokered truce": said by an adjective, coded only towards known parties */
    bool outcome;           /* "the truce between A and B held": not coded, but A and B are the deal's parties */
    int  merged_into;       /* the event that took this one's place (and its date), -1 */
    const char *modal;
    const char *code;       /* the code after modality and complements; NULL = the pattern's */
    bool refrain;           /* "pledged not to attack": an intent not to use force */
    const struct pending_event *charge;   /* "accuses Iran of arming the group": the accusation whose
                                           * charge this deed is, or NULL */
} pending_event;

typedef struct report {
    size_t verb;            /* first token of the reporting span */
    int    speaker;         /* mention index or -1 */
    uint16_t clause;
    bool   sourcing;        /* "according to", "reported", "quoted": attribution, never an accusation */
    const lex_code_info *code;   /* "denied that" 016, "alleged that" 112: the speaker's own event, or NULL */
    const char *rule;       /* the grammar entry that gave it */
} report;

typedef struct place_candidate {
    uint32_t   first, last;     /* tokens of the place name */
    code_place place;
    bool       actor_object;    /* a state named as a deed's object ("sanctions on Caracas"): a place of force only, */
    uint32_t   object_of;       /* and only of the deed whose words end just before this token */
    bool       topic;           /* what words are about ("a cease-fire in Idlib"): a place of deeds only */
    bool       over;            /* "jets flew over Banjul", "the bridges over the Bosphorus": a place of force only
                                 * (roots 15, 18-20), not of "talks over Kashmir" or "sanctions over Crimea" */
} place_candidate;

/* ---- what one step offers another ---- */

void code_words_init(void);   /* the word classes, once per process */

/* clauses.c */
void code_cut_clauses(sentence_state *s);
int code_clause_subject(const sentence_state *s, size_t head);   /* the subject mention of head's clause, or -1 */

/* code.c */
bool code_is_story_day(const date_expression *d, int32_t publication);   /* the day the story is at */

/* events.c */
void code_find_events(sentence_state *s, pending_event *out, size_t *count);

/* mentions.c */
bool code_most_named(const memory *mem, int min_second, mention out[2]);
const mention *code_told_by_stem(const told_by *list, size_t count, const char *word);
void code_build_mentions(sentence_state *s);
void code_sentence_place_country(sentence_state *s);
void code_tag_sentence(sentence_state *s);

/* place.c */
size_t code_find_places(sentence_state *s, place_candidate *out, size_t max);
/* places_lookup (0 when there is no gazetteer), answered from the article's memory when it asked before */
size_t code_places_lookup(const sentence_state *s, const char *key, place_info *out, size_t max);
void code_find_dateline(sentence_state *s);

/* record.c */
void code_resolve_deferred(memory *mem, code_result *out, arena *a);
/* codes a sentence's events into out; returns the index of the sentence's
 * own first date (the time it tells of), or -1 */
int code_emit_sentence(sentence_state *s, size_t sentence_index, const text_sentence *ts, pending_event *events,
                       size_t event_count, const report *reports, size_t report_count, const date_expression *dates,
                       size_t date_count, code_result *out);
void code_repeat_for_ellipsis(sentence_state *s, size_t sentence_index, const text_sentence *ts,
                              const date_expression *dates, size_t date_count, code_result *out);

/* reports.c */
bool code_speaker_is_party(const mention *m);
size_t code_find_reports(sentence_state *s, report *out, size_t max);
void code_fill_speaker_refs(sentence_state *s, const report *reports, size_t report_count);

/* words.c */
bool code_is_party(const char *code);
bool role_is_armed(const char *role);   /* MIL, REB, INS, UAF */
bool code_role_in(const char *code, const char *const *roles);   /* country + one of roles, 6 letters */
/* Inline: asked of nearly every code the coder builds.  IGO/NGO/IMG codes
 * have no country prefix. */
static inline bool code_is_state(const char *code)
{
    /* (byte by byte, as strncmp(code, "IGO", 3) == 0 ...: a code that ends
     * before its third letter is none of them) */
    if (code[0] == 'I') return !((code[1] == 'G' && code[2] == 'O') || (code[1] == 'M' && code[2] == 'G'));
    if (code[0] == 'N') return !(code[1] == 'G' && code[2] == 'O');
    return true;
}
/* strlen(code) == n, strlen(code) >= n, and a country's code with a role
 * (strlen(code) == 6 && strcmp(code + 3, role) == 0, role of three
 * letters): asked of most codes the coder builds, without a call */
static inline bool code_length_at_least(const char *code, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!code[k]) return false;
    return true;
}
static inline bool code_length_is(const char *code, size_t n) { return code_length_at_least(code, n) && !code[n]; }
static inline bool code_role_is(const char *code, const char *role)
{
    return code_length_is(code, 6) && code[3] == role[0] && code[4] == role[1] && code[5] == role[2];
}
bool code_same_camp(const char *a, const char *b);
bool code_is_region(const char *code);
const char *code_slice(sentence_state *s, size_t first, size_t last, uint32_t *start, uint32_t *end);
uint32_t code_word_class_of(const char *w, uint32_t hash, uint64_t word8);   /* WORD_* bits of a folded word */
void code_copy_text(char *out, size_t cap, const char *in);
/* Whether text holds one of needles (lowercase ASCII) in any case: strcasestr
 * for each of them, in one pass over the text */
bool code_text_has_any(const char *text, const char *const *needles);
bool code_join_words(const sentence_state *s, size_t first, size_t last, char *key, size_t cap);
void code_owned(char out[16], const char *owner, const char *role);
void code_set(char out[16], const char *country, const char *role);

#endif
