/* read_markup: web pages and PETRARCH XML.
 *
 * Both are parsed into a libxml2 tree and then walked without recursion
 * (child, next, parent pointers), so no document can exhaust the stack.
 * A web page's article is the largest outermost <article> (or
 * itemprop/role "articleBody"/"article") outside navigation and asides,
 * else <body>; its blocks become paragraphs separated by a blank line.
 *
 * Entities: the XML parser runs without XML_PARSE_NOENT, XML_PARSE_DTDLOAD
 * and XML_PARSE_HUGE, so nothing external is fetched, depth and entity
 * amplification stay under libxml2's default limits, and entity references
 * stay unexpanded nodes that the walk below never enters ("billion laughs"
 * costs nothing).  Character references and &amp; &lt; ... are plain text.
 *
 * Threads: each call has its own parser context and tree; see read.c for
 * the one-time xmlInitParser(). */
#include "read_internal.h"

#include <limits.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/* ---- walking a tree ---- */

/* The node after node in document order within root's subtree; enters
 * node's children only when descend is true.  Only elements are entered:
 * an entity reference's children belong to its declaration. */
static xmlNode *walk_next(xmlNode *node, const xmlNode *root, bool descend)
{
    if (descend && node->type == XML_ELEMENT_NODE && node->children)
        return node->children;
    while (node != root) {
        if (node->next)
            return node->next;
        node = node->parent;
    }
    return NULL;
}

static bool named(const xmlNode *node, const char *name)
{
    return node->type == XML_ELEMENT_NODE && node->name &&
           xmlStrcasecmp(node->name, (const xmlChar *)name) == 0;
}

static bool named_any(const xmlNode *node, const char *const *names)
{
    for (; *names; names++)
        if (named(node, *names))
            return true;
    return false;
}

/* An attribute's text (entity references left out), in the scratch arena;
 * NULL when the element does not have it. */
static const char *attribute(reader *r, const xmlNode *node, const char *name)
{
    for (const xmlAttr *a = node->properties; a; a = a->next) {
        if (!a->name || xmlStrcasecmp(a->name, (const xmlChar *)name) != 0)
            continue;
        const xmlNode *only = a->children;
        if (only && !only->next && only->type == XML_TEXT_NODE && only->content)
            return (const char *)only->content;
        buf value;
        buf_init(&value);
        for (const xmlNode *part = a->children; part; part = part->next)
            if (part->type == XML_TEXT_NODE && part->content)
                buf_puts(&value, (const char *)part->content);
        const char *copy = arena_strndup(&r->scratch, value.len ? value.data : "", value.len);
        buf_free(&value);
        return copy;
    }
    return NULL;
}

/* Whether a space-separated attribute value holds word (case-insensitive). */
static bool has_word(const char *value, const char *word)
{
    size_t k = strlen(word);
    for (const char *p = value; p && *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            p++;
        if ((size_t)(p - start) == k && xmlStrncasecmp((const xmlChar *)start,
                                                       (const xmlChar *)word, (int)k) == 0)
            return true;
    }
    return false;
}

/* ---- collecting text ---- */

/* Text with whitespace runs collapsed to one space and breaks between
 * blocks as one blank line; it stops growing just past limit, so a huge
 * page costs at most limit bytes here and still reads as "over the limit". */
typedef struct text_builder {
    buf    text;
    size_t limit;
    bool   pending_space, pending_break;
} text_builder;

static void builder_init(text_builder *b, size_t limit)
{
    buf_init(&b->text);
    b->limit = limit;
    b->pending_space = b->pending_break = false;
}

static void builder_add(text_builder *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p && b->text.len <= b->limit) {
        /* ASCII whitespace and no-break spaces (U+00A0) separate words. */
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v') {
            b->pending_space = true;
            p++;
            continue;
        }
        if (p[0] == 0xC2 && p[1] == 0xA0) {
            b->pending_space = true;
            p += 2;
            continue;
        }
        if (b->text.len > 0) {
            if (b->pending_break)
                buf_append(&b->text, "\n\n", 2);
            else if (b->pending_space)
                buf_putc(&b->text, ' ');
        }
        b->pending_space = b->pending_break = false;
        const unsigned char *start = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f' &&
               *p != '\v' && !(p[0] == 0xC2 && p[1] == 0xA0))
            p++;
        buf_append(&b->text, start, (size_t)(p - start));
    }
}

static const char *const skipped_elements[] = {
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript",
    "figure", "figcaption", "head", "title", "template", "svg", "iframe",
    "object", "select", "button", "textarea", NULL,
};

static const char *const block_elements[] = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "blockquote",
    "section", "article", "main", "ul", "ol", "dl", "dt", "dd", "table", "tr",
    "pre", "hr", "address", "body", NULL,
};

/* Appends the readable text under root: text and CDATA nodes, skipping
 * the elements in `skip` (may be NULL), breaking paragraphs at the
 * elements in `blocks` (may be NULL). */
static void collect_text(text_builder *b, xmlNode *root, const char *const *skip,
                         const char *const *blocks)
{
    xmlNode *node = root;
    for (;;) {
        bool descend = false;
        if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
            node->content) {
            builder_add(b, (const char *)node->content);
        } else if (node->type == XML_ELEMENT_NODE &&
                   (node == root || !skip || !named_any(node, skip))) {
            if (blocks && named_any(node, blocks))
                b->pending_break = true;
            descend = node->children != NULL;
        }
        if (b->text.len > b->limit)
            return;
        if (descend) {
            node = node->children;
            continue;
        }
        /* Leave node and every ancestor that has no next sibling. */
        while (node != root && !node->next) {
            node = node->parent;
            if (blocks && named_any(node, blocks))
                b->pending_break = true;
        }
        if (node == root)
            return;
        node = node->next;
    }
}

static void trim(const char **s, size_t *n)
{
    while (*n > 0 && (**s == ' ' || **s == '\t' || **s == '\n' || **s == '\r')) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' ||
                      (*s)[*n - 1] == '\n' || (*s)[*n - 1] == '\r'))
        (*n)--;
}

/* ---- a guard the parsers need ---- */

/* libxml2 (2.9) checks each attribute of a tag against all earlier ones,
 * so one tag with 100,000 attributes costs it minutes.  Real pages and
 * PETRARCH files have a handful; this linear scan finds the first start
 * tag with more than MAX_ATTRIBUTES and returns its offset (or (size_t)-1)
 * so the input can be refused before parsing.  It skips comments, CDATA
 * and the raw text of <script> and <style>, where "<x" is not a tag. */
enum { MAX_ATTRIBUTES = 256 };

static bool is_blank_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static bool is_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Offset just past the first case-insensitive occurrence of needle at or
 * after from, or n when there is none. */
static size_t skip_past(const char *s, size_t n, size_t from, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = from; i + k <= n; i++)
        if ((s[i] | 0x20) == (needle[0] | 0x20) &&
            xmlStrncasecmp((const xmlChar *)s + i, (const xmlChar *)needle, (int)k) == 0)
            return i + k;
    return n;
}

static size_t crowded_tag(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            i = skip_past(s, n, i + 4, "-->");
            continue;
        }
        if (n - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0) {
            i = skip_past(s, n, i + 9, "]]>");
            continue;
        }
        if (i + 1 >= n || !is_letter(s[i + 1])) {
            i++;
            continue;
        }
        size_t tag = i, name = i + 1, j = i + 1;
        while (j < n && !is_blank_byte(s[j]) && s[j] != '>' && s[j] != '/')
            j++;
        size_t name_len = j - name;
        size_t attributes = 0;
        while (j < n && s[j] != '>') {
            char c = s[j];
            if (is_blank_byte(c) || c == '/') {
                j++;
            } else if (c == '=' || c == '"' || c == '\'') {
                /* A value: quoted, or up to a blank or '>'. */
                if (c == '=') {
                    j++;
                    while (j < n && is_blank_byte(s[j]))
                        j++;
                }
                if (j < n && (s[j] == '"' || s[j] == '\'')) {
                    const char *close = memchr(s + j + 1, s[j], n - j - 1);
                    j = close ? (size_t)(close - s) + 1 : n;
                } else {
                    while (j < n && !is_blank_byte(s[j]) && s[j] != '>')
                        j++;
                }
            } else {
                if (++attributes > MAX_ATTRIBUTES)
                    return tag;
                while (j < n && !is_blank_byte(s[j]) && s[j] != '=' && s[j] != '>')
                    j++;
            }
        }
        i = j;
        if ((name_len == 6 && xmlStrncasecmp((const xmlChar *)s + name, (const xmlChar *)"script", 6) == 0))
            i = skip_past(s, n, i, "</script");
        else if (name_len == 5 && xmlStrncasecmp((const xmlChar *)s + name, (const xmlChar *)"style", 5) == 0)
            i = skip_past(s, n, i, "</style");
    }
    return (size_t)-1;
}

static size_t line_at(const char *s, size_t offset)
{
    size_t line = 1;
    for (const char *p = s; (p = memchr(p, '\n', offset - (size_t)(p - s))) != NULL; p++)
        line++;
    return line;
}

/* Refuses inputs the parsers cannot take: NUL bytes, sizes past int,
 * crowded tags.  Reports and returns false, or returns true. */
static bool markup_acceptable(reader *r, const char *bytes, size_t len, const char *what)
{
    const char *nul = memchr(bytes, '\0', len);
    if (nul) {
        reader_skip(r, "%s: binary data at byte %zu", r->name, (size_t)(nul - bytes) + r->base);
        return false;
    }
    if (len > INT_MAX) {
        reader_skip(r, "%s: %s is over the parser's limit of %d bytes", r->name, what, INT_MAX);
        return false;
    }
    size_t crowded = crowded_tag(bytes, len);
    if (crowded != (size_t)-1) {
        reader_skip(r, "%s:%zu: a tag with more than %d attributes", r->name,
                    line_at(bytes, crowded), MAX_ATTRIBUTES);
        return false;
    }
    return true;
}

/* ---- HTML ---- */

typedef struct page {
    xmlNode    *title, *body;
    const char *og_title, *url, *published, *meta_date, *time_date;
} page;

static bool is_article_container(reader *r, const xmlNode *node)
{
    if (named(node, "article"))
        return true;
    const char *itemprop = attribute(r, node, "itemprop");
    if (itemprop && has_word(itemprop, "articleBody"))
        return true;
    const char *role = attribute(r, node, "role");
    return role && (has_word(role, "article") || has_word(role, "articleBody"));
}

static const char *usable_date(const char *value)
{
    if (!value)
        return NULL;
    while (*value == ' ' || *value == '\t' || *value == '\n' || *value == '\r')
        value++;
    return reader_iso_date_prefix(value, strlen(value)) ? value : NULL;
}

/* One pass over the whole page for its metadata. */
static void scan_page(reader *r, xmlNode *root, page *p)
{
    for (xmlNode *node = root; node; node = walk_next(node, root, true)) {
        if (node->type != XML_ELEMENT_NODE)
            continue;
        if (!p->title && named(node, "title")) {
            p->title = node;
        } else if (!p->body && named(node, "body")) {
            p->body = node;
        } else if (named(node, "meta")) {
            const char *property = attribute(r, node, "property");
            const char *meta_name = attribute(r, node, "name");
            const char *content = attribute(r, node, "content");
            if (!content || !content[0])
                continue;
            if (property && xmlStrcasecmp((const xmlChar *)property, (const xmlChar *)"og:title") == 0) {
                if (!p->og_title)
                    p->og_title = content;
            } else if (property && xmlStrcasecmp((const xmlChar *)property, (const xmlChar *)"og:url") == 0) {
                if (!p->url)
                    p->url = content;
            } else if (property && xmlStrcasecmp((const xmlChar *)property,
                                                 (const xmlChar *)"article:published_time") == 0) {
                if (!p->published)
                    p->published = usable_date(content);
            } else if (meta_name) {
                static const char *const date_names[] = { "date", "pubdate", "publishdate", "dc.date", NULL };
                for (const char *const *d = date_names; *d && !p->meta_date; d++)
                    if (xmlStrcasecmp((const xmlChar *)meta_name, (const xmlChar *)*d) == 0)
                        p->meta_date = usable_date(content);
            }
        } else if (named(node, "link")) {
            const char *rel = attribute(r, node, "rel");
            const char *href = attribute(r, node, "href");
            /* The canonical address beats og:url. */
            if (rel && href && href[0] && has_word(rel, "canonical"))
                p->url = href;
        } else if (!p->time_date && named(node, "time")) {
            p->time_date = usable_date(attribute(r, node, "datetime"));
        }
    }
}

/* The text of the largest outermost article container into best; false
 * when the page has none or they are all empty. */
static bool best_article_text(reader *r, xmlNode *root, text_builder *best)
{
    bool found = false;
    for (xmlNode *node = root; node;) {
        bool descend = true;
        if (node->type == XML_ELEMENT_NODE && node != root) {
            if (named_any(node, skipped_elements)) {
                descend = false;
            } else if (is_article_container(r, node)) {
                /* Outermost only: candidates never overlap, so measuring
                 * them all costs one pass over the page. */
                descend = false;
                text_builder candidate;
                builder_init(&candidate, r->max_bytes);
                collect_text(&candidate, node, skipped_elements, block_elements);
                if (!found || candidate.text.len > best->text.len) {
                    buf_free(&best->text);
                    *best = candidate;
                    found = true;
                } else {
                    buf_free(&candidate.text);
                }
            }
        }
        node = walk_next(node, root, descend);
    }
    return found && best->text.len > 0;
}

void read_html(reader *r, const char *bytes, size_t len)
{
    if (!markup_acceptable(r, bytes, len, "page"))
        return;
    htmlParserCtxtPtr context = htmlNewParserCtxt();
    if (!context) {
        reader_skip(r, "%s: out of memory", r->name);
        return;
    }
    /* Forcing UTF-8: the caller checks encodings; libxml2 falls back to
     * Latin-1 on bytes that are not UTF-8 rather than failing. */
    htmlDocPtr doc = htmlCtxtReadMemory(context, bytes, (int)len, NULL, "UTF-8",
                                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_RECOVER);
    /* Tag soup is fine, but a parser that stopped (elements nested past
     * libxml2's depth limit of 256) would hand over half a page. */
    if (context->disableSAX) {
        const char *message = context->lastError.message ? context->lastError.message : "";
        size_t message_len = strlen(message);
        trim(&message, &message_len);
        if (strstr(message, "Excessive depth"))
            reader_skip(r, "%s:%d: elements nested more than 256 deep", r->name, context->lastError.line);
        else
            reader_skip(r, "%s:%d: cannot read the page: %.*s", r->name, context->lastError.line,
                        (int)message_len, message);
        if (doc)
            xmlFreeDoc(doc);
        htmlFreeParserCtxt(context);
        return;
    }
    htmlFreeParserCtxt(context);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        read_candidate empty = { .text = "", .origin = r->name, .input_offset = READ_NOT_IN_INPUT };
        reader_deliver(r, &empty);    /* "empty article" */
        if (doc)
            xmlFreeDoc(doc);
        return;
    }

    page p = { 0 };
    scan_page(r, root, &p);

    text_builder text;
    builder_init(&text, r->max_bytes);
    if (!best_article_text(r, root, &text)) {
        buf_free(&text.text);
        builder_init(&text, r->max_bytes);
        collect_text(&text, p.body ? p.body : root, skipped_elements, block_elements);
    }

    text_builder title;
    builder_init(&title, 4096);
    if (p.title)
        collect_text(&title, p.title, NULL, NULL);
    if (title.text.len == 0 && p.og_title)
        builder_add(&title, p.og_title);

    const char *date = r->options->default_date;
    if (!date)
        date = p.published ? p.published : p.meta_date ? p.meta_date : p.time_date;
    read_candidate c = {
        .title = title.text.len ? title.text.data : NULL,
        .url = p.url,
        .date = date ? arena_strndup(&r->scratch, date, 10) : NULL,
        .text = text.text.len ? text.text.data : "",
        .text_len = text.text.len,
        .origin = r->name,
        .input_offset = READ_NOT_IN_INPUT,
    };
    reader_deliver(r, &c);
    buf_free(&text.text);
    buf_free(&title.text);
    xmlFreeDoc(doc);
}

/* ---- PETRARCH ---- */

/* "20200113" or "2020-01-13" (a time may follow the latter) as
 * "YYYY-MM-DD" in the scratch arena, or NULL when it is neither shape. */
static const char *petrarch_date(reader *r, const char *value)
{
    size_t n = strlen(value);
    bool eight_digits = n == 8;
    for (size_t i = 0; eight_digits && i < 8; i++)
        eight_digits = value[i] >= '0' && value[i] <= '9';
    if (eight_digits)
        return arena_printf(&r->scratch, "%.4s-%.2s-%.2s", value, value + 4, value + 6);
    if (reader_iso_date_prefix(value, n))
        return arena_strndup(&r->scratch, value, 10);
    return NULL;
}

static void read_sentence(reader *r, xmlNode *sentence, size_t ordinal)
{
    long line = xmlGetLineNo(sentence);
    const char *origin = arena_printf(&r->scratch, "%s:%ld", r->name, line > 0 ? line : 0L);
    const char *id = attribute(r, sentence, "id");
    const char *named_id = id && id[0] ? reader_quote(r, id, strlen(id)) : NULL;
    const char *who = named_id ? arena_printf(&r->scratch, "sentence %s", named_id) : "sentence";
    if (!named_id)
        id = arena_printf(&r->scratch, "%s-%zu", r->stem, ordinal);

    const char *date_value = attribute(r, sentence, "date");
    if (!date_value || !date_value[0]) {
        reader_skip(r, "%s: %s has no date", origin, who);
        return;
    }
    const char *date = petrarch_date(r, date_value);
    int32_t days;
    if (!date || !date_parse_iso(date, 10, &days)) {
        reader_skip(r, "%s: %s: %s is not a date", origin, who,
                    reader_quote(r, date_value, strlen(date_value)));
        return;
    }
    xmlNode *text_element = NULL;
    for (xmlNode *child = sentence->children; child && !text_element; child = child->next)
        if (child->type == XML_ELEMENT_NODE && xmlStrcasecmp(child->name, (const xmlChar *)"Text") == 0)
            text_element = child;
    if (!text_element) {
        reader_skip(r, "%s: %s has no text", origin, who);
        return;
    }
    /* The text as written: every text and CDATA node, whitespace kept. */
    buf text;
    buf_init(&text);
    for (xmlNode *node = text_element; node && text.len <= r->max_bytes;
         node = walk_next(node, text_element, true))
        if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && node->content)
            buf_puts(&text, (const char *)node->content);
    const char *body = text.len ? text.data : "";
    size_t body_len = text.len;
    trim(&body, &body_len);
    if (text.len)
        text.data[(size_t)(body - text.data) + body_len] = '\0';   /* texts end in NUL */
    read_candidate c = {
        .id = id,
        .date = date,
        .text = body,
        .text_len = body_len,
        .origin = origin,
        .input_offset = READ_NOT_IN_INPUT,
    };
    reader_deliver(r, &c);
    buf_free(&text);
}

void read_petrarch(reader *r, const char *bytes, size_t len)
{
    if (!markup_acceptable(r, bytes, len, "document"))
        return;
    xmlParserCtxtPtr context = xmlNewParserCtxt();
    if (!context) {
        reader_skip(r, "%s: out of memory", r->name);
        return;
    }
    xmlDocPtr doc = xmlCtxtReadMemory(context, bytes, (int)len, NULL, "UTF-8",
                                      XML_PARSE_NONET | XML_PARSE_NOERROR |
                                      XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
    if (!doc) {
        const xmlError *parse_error = xmlCtxtGetLastError(context);
        const char *message = parse_error && parse_error->message ? parse_error->message : "not well-formed";
        size_t message_len = strlen(message);
        trim(&message, &message_len);
        reader_skip(r, "%s:%d: malformed XML: %.*s", r->name, parse_error ? parse_error->line : 0,
                    (int)message_len, message);
        xmlFreeParserCtxt(context);
        return;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    size_t sentences = 0;
    for (xmlNode *node = root; node;) {
        bool is_sentence = node->type == XML_ELEMENT_NODE &&
                           xmlStrcmp(node->name, (const xmlChar *)"Sentence") == 0;
        if (is_sentence)
            read_sentence(r, node, ++sentences);
        node = walk_next(node, root, !is_sentence);
    }
    if (sentences == 0)
        reader_skip(r, "%s: no <Sentence> elements", r->name);
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(context);
}
