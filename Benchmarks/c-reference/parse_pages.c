/*
 * parse_pages: the C reference for ShipTrack's parsing benchmark (`make bench`), for sources whose answers are HTML
 * or XML (the USPS and China Post pages, the EMS EUB interface).
 *
 * It does the part of SourceEngine's work that libxml2 does, the way a careful C program would: the byte tests of
 * the definition's whole-answer rules (`body_contains`, `body_equals`), then parse each answer (the recovering HTML
 * parser or the strict XML parser, with the same options as ShipTrackXML), evaluate the rules' XPath tests and the
 * definition's markers, evaluate the compiled `event_rows` XPath, evaluate each field's XPaths with the row as
 * context node and copy the first non-empty text out as a whitespace-folded string, and, for an answer without
 * events, evaluate the definition's no-event states. It does not parse dates, places or statuses: the Swift engine
 * does that on top, so the ratio shows what the whole Swift engine costs over the raw libxml2 work.
 *
 * Usage: parse_pages SPEC PAGES_DIR MIN_SECONDS
 *   SPEC       one directive per line, written by `shiptrack-bench make-pages` from the source definition:
 *              format html|xml, header_charset NAME (the HTTP header's), fallback_charset NAME (the definition's),
 *              body_contains TEXT, body_equals TEXT, response_when XPATH, marker XPATH, rows XPATH,
 *              field NAME XPATH (repeatable per name, first non-empty wins), state XPATH, message XPATH (for the
 *              state before it).
 *   PAGES_DIR  the answers: every *.html and *.xml file, read into memory, in name order, before timing.
 *   MIN_SECONDS  passes over all answers repeat until this much time has passed (one untimed warm-up pass first).
 *
 * Prints one line: answers=N numbers=N bytes=N seconds=S cpu_seconds=S events=N fields_bytes=N (events and field
 * bytes of one pass, to check that it read what the Swift engine read). Single-threaded on purpose: the ratio is
 * per core.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/* The fields in the order the engine reads them: the first three decide whether a row is an event row. */
enum {
    FIELD_DESCRIPTION, FIELD_TIME, FIELD_TIME_UTC, FIELD_EVENT_CODE, FIELD_LEG, FIELD_LOCATION, FIELD_CITY,
    FIELD_STATE, FIELD_POSTAL_CODE, FIELD_COUNTRY, FIELD_UTC_OFFSET, FIELD_KINDS
};
static const char *const field_names[FIELD_KINDS] = {
    "description", "time", "time_utc", "event_code", "leg", "location", "city", "state", "postal_code", "country",
    "utc_offset"};
enum { MAX_QUERIES = 8, MAX_STATES = 8, MAX_TESTS = 16 };

struct query_list {
    xmlXPathCompExprPtr queries[MAX_QUERIES];
    int count;
};

struct page_state {
    xmlXPathCompExprPtr when;
    xmlXPathCompExprPtr message;
};

struct spec {
    int html;
    char *header_charset;
    char *fallback_charset;
    char *body_contains[MAX_TESTS];
    int body_contains_count;
    char *body_equals[MAX_TESTS];
    int body_equals_count;
    xmlXPathCompExprPtr response_when[MAX_TESTS];
    int response_when_count;
    xmlXPathCompExprPtr markers[MAX_TESTS];
    int marker_count;
    xmlXPathCompExprPtr rows;
    struct query_list fields[FIELD_KINDS];
    struct page_state states[MAX_STATES];
    int state_count;
};

struct page {
    char *bytes;
    size_t length;
};

/* What one pass read: kept and printed so the compiler cannot drop the work, and to compare with Swift. */
struct tally {
    long events;
    long field_bytes;
};

static void die(const char *what, const char *detail) {
    fprintf(stderr, "parse_pages: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(2);
}

static void silent_errors(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static void silent_structured_errors(void *context, xmlErrorPtr error) {
    (void)context;
    (void)error;
}

static xmlXPathCompExprPtr compile_xpath(const char *expression) {
    xmlXPathCompExprPtr compiled = xmlXPathCompile((const xmlChar *)expression);
    if (!compiled) die("XPath does not compile", expression);
    return compiled;
}

static void add_query(struct query_list *list, const char *expression) {
    if (list->count == MAX_QUERIES) die("too many XPaths for one field", expression);
    list->queries[list->count++] = compile_xpath(expression);
}

static void read_spec(const char *path, struct spec *spec) {
    FILE *file = fopen(path, "r");
    if (!file) die("cannot open the spec", path);
    memset(spec, 0, sizeof *spec);
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    while ((length = getline(&line, &capacity, file)) >= 0) {
        while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) line[--length] = 0;
        if (length == 0) continue;
        char *space = strchr(line, ' ');
        if (!space) die("spec line without a value", line);
        *space = 0;
        const char *key = line, *value = space + 1;
        if (!strcmp(key, "format")) spec->html = !strcmp(value, "html");
        else if (!strcmp(key, "header_charset")) spec->header_charset = strdup(value);
        else if (!strcmp(key, "fallback_charset")) spec->fallback_charset = strdup(value);
        else if (!strcmp(key, "rows")) spec->rows = compile_xpath(value);
        else if (!strcmp(key, "body_contains")) {
            if (spec->body_contains_count == MAX_TESTS) die("too many body tests", value);
            spec->body_contains[spec->body_contains_count++] = strdup(value);
        } else if (!strcmp(key, "body_equals")) {
            if (spec->body_equals_count == MAX_TESTS) die("too many body tests", value);
            spec->body_equals[spec->body_equals_count++] = strdup(value);
        } else if (!strcmp(key, "response_when")) {
            if (spec->response_when_count == MAX_TESTS) die("too many response rules", value);
            spec->response_when[spec->response_when_count++] = compile_xpath(value);
        } else if (!strcmp(key, "marker")) {
            if (spec->marker_count == MAX_TESTS) die("too many markers", value);
            spec->markers[spec->marker_count++] = compile_xpath(value);
        } else if (!strcmp(key, "field")) {
            char *name_end = strchr(value, ' ');
            if (!name_end) die("field without an XPath", value);
            *name_end = 0;
            int kind = 0;
            while (kind < FIELD_KINDS && strcmp(field_names[kind], value)) kind++;
            if (kind == FIELD_KINDS) die("unknown field", value);
            add_query(&spec->fields[kind], name_end + 1);
        } else if (!strcmp(key, "state")) {
            if (spec->state_count == MAX_STATES) die("too many page states", value);
            spec->states[spec->state_count++].when = compile_xpath(value);
        } else if (!strcmp(key, "message")) {
            if (spec->state_count == 0) die("message before any state", value);
            spec->states[spec->state_count - 1].message = compile_xpath(value);
        } else die("unknown spec key", key);
    }
    free(line);
    fclose(file);
    if (!spec->rows) die("the spec has no rows XPath", path);
}

/* Whether `needle` (lower case) occurs in `haystack`, ignoring ASCII case. */
static int memmem_case(const char *haystack, size_t length, const char *needle) {
    size_t needle_length = strlen(needle);
    for (size_t start = 0; start + needle_length <= length; start++)
        if ((haystack[start] | 0x20) == needle[0] && !strncasecmp(haystack + start, needle, needle_length)) return 1;
    return 0;
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static struct page *read_pages(const char *directory, int *count) {
    DIR *folder = opendir(directory);
    if (!folder) die("cannot open the pages folder", directory);
    char **names = NULL;
    int found = 0, capacity = 0;
    struct dirent *entry;
    while ((entry = readdir(folder))) {
        const char *dot = strrchr(entry->d_name, '.');
        if (entry->d_name[0] == '.' || !dot || (strcmp(dot, ".html") && strcmp(dot, ".xml"))) continue;
        if (found == capacity) {
            capacity = capacity ? capacity * 2 : 256;
            names = realloc(names, sizeof *names * capacity);
        }
        names[found++] = strdup(entry->d_name);
    }
    closedir(folder);
    qsort(names, found, sizeof *names, compare_names);
    struct page *pages = calloc(found ? found : 1, sizeof *pages);
    for (int index = 0; index < found; index++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", directory, names[index]);
        FILE *file = fopen(path, "rb");
        if (!file) die("cannot open a page", path);
        fseek(file, 0, SEEK_END);
        long size = ftell(file);
        fseek(file, 0, SEEK_SET);
        pages[index].bytes = malloc(size ? size : 1);
        pages[index].length = fread(pages[index].bytes, 1, size, file);
        fclose(file);
        free(names[index]);
    }
    free(names);
    *count = found;
    return pages;
}

/* Growable byte buffer for a node's text. */
struct buffer {
    unsigned char *bytes;
    size_t length, capacity;
};

static void append(struct buffer *buffer, const unsigned char *bytes, size_t length) {
    if (buffer->length + length > buffer->capacity) {
        buffer->capacity = (buffer->length + length) * 2 + 64;
        buffer->bytes = realloc(buffer->bytes, buffer->capacity);
    }
    memcpy(buffer->bytes + buffer->length, bytes, length);
    buffer->length += length;
}

static int is_inline_element(const char *name) {
    static const char *const inline_elements[] = {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "label", "mark",
        "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", NULL};
    for (const char *const *candidate = inline_elements; *candidate; candidate++)
        if (!strcmp(name, *candidate)) return 1;
    return 0;
}

/* A node's text as ShipTrackXML's MarkupNode.text gives it: text in document order; in HTML, script and style
 * skipped and a space after every element that is not inline (as a browser separates blocks). */
static void append_text(xmlNodePtr node, struct buffer *text, int html) {
    switch (node->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
        if (node->content) append(text, node->content, strlen((const char *)node->content));
        return;
    case XML_ELEMENT_NODE:
    case XML_DOCUMENT_NODE:
    case XML_HTML_DOCUMENT_NODE:
    case XML_DOCUMENT_FRAG_NODE: {
        const char *name = node->name ? (const char *)node->name : "";
        if (html && (!strcmp(name, "script") || !strcmp(name, "style"))) return;
        for (xmlNodePtr child = node->children; child; child = child->next) append_text(child, text, html);
        if (html && node->type == XML_ELEMENT_NODE && !is_inline_element(name)) append(text, (const unsigned char *)" ", 1);
        return;
    }
    default:
        return;
    }
}

/* Length of the whitespace character at `bytes` (ASCII space, tab, line breaks, U+0085, U+00A0, U+1680,
 * U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000: what Swift's isWhitespace and the engine's fold treat as
 * space), or 0. */
static size_t whitespace_length(const unsigned char *bytes, size_t available) {
    unsigned char first = bytes[0];
    if (first == ' ' || (first >= 0x09 && first <= 0x0D)) return 1;
    if (first == 0xC2 && available >= 2 && (bytes[1] == 0x85 || bytes[1] == 0xA0)) return 2;
    if (available >= 3) {
        if (first == 0xE1 && bytes[1] == 0x9A && bytes[2] == 0x80) return 3;
        if (first == 0xE2 && bytes[1] == 0x80 && (bytes[2] <= 0x8A || bytes[2] == 0xA8 || bytes[2] == 0xA9 || bytes[2] == 0xAF))
            return 3;
        if (first == 0xE2 && bytes[1] == 0x81 && bytes[2] == 0x9F) return 3;
        if (first == 0xE3 && bytes[1] == 0x80 && bytes[2] == 0x80) return 3;
    }
    return 0;
}

/* Copies `text` out as a new string with every run of whitespace folded to one space and the ends trimmed. */
static char *fold(const unsigned char *text, size_t length, size_t *folded_length) {
    char *folded = malloc(length + 1);
    size_t out = 0;
    int pending_space = 0;
    for (size_t index = 0; index < length;) {
        size_t space = whitespace_length(text + index, length - index);
        if (space) {
            pending_space = out > 0;
            index += space;
        } else {
            if (pending_space) folded[out++] = ' ';
            pending_space = 0;
            folded[out++] = (char)text[index++];
        }
    }
    folded[out] = 0;
    *folded_length = out;
    return folded;
}

/* The query's result as a folded string: the first node's text for a node-set, XPath string() otherwise. */
static char *query_string(xmlXPathContextPtr context, xmlXPathCompExprPtr query, xmlNodePtr at, int html,
                          size_t *length) {
    context->node = at;
    xmlXPathObjectPtr result = xmlXPathCompiledEval(query, context);
    if (!result) die("XPath evaluation failed", NULL);
    char *folded;
    if (result->type == XPATH_NODESET) {
        struct buffer text = {0};
        if (result->nodesetval && result->nodesetval->nodeNr > 0) append_text(result->nodesetval->nodeTab[0], &text, html);
        if (text.length && text.bytes[text.length - 1] == ' ') text.length--;
        folded = fold(text.bytes ? text.bytes : (const unsigned char *)"", text.length, length);
        free(text.bytes);
    } else {
        xmlChar *value = xmlXPathCastToString(result);
        folded = fold(value, strlen((const char *)value), length);
        xmlFree(value);
    }
    xmlXPathFreeObject(result);
    return folded;
}

/* The first non-empty text of `list` at `row`, copied out; NULL when every query gives an empty text. */
static char *first_text(xmlXPathContextPtr context, const struct query_list *list, xmlNodePtr row, int html,
                        size_t *length) {
    for (int index = 0; index < list->count; index++) {
        char *text = query_string(context, list->queries[index], row, html, length);
        if (*length) return text;
        free(text);
    }
    *length = 0;
    return NULL;
}

/* Whether the first 4 KB name their own encoding (`charset`, `encoding=`), compared case-insensitively. */
static int declares_charset(const struct page *page) {
    size_t length = page->length < 4096 ? page->length : 4096;
    return memmem_case(page->bytes, length, "charset") || memmem_case(page->bytes, length, "encoding=");
}

/* Whether the page is valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). */
static int is_valid_utf8(const unsigned char *bytes, size_t length) {
    for (size_t index = 0; index < length;) {
        unsigned char first = bytes[index];
        size_t extra;
        unsigned int scalar;
        if (first < 0x80) { index++; continue; }
        else if (first >= 0xC2 && first <= 0xDF) { extra = 1; scalar = first & 0x1F; }
        else if (first >= 0xE0 && first <= 0xEF) { extra = 2; scalar = first & 0x0F; }
        else if (first >= 0xF0 && first <= 0xF4) { extra = 3; scalar = first & 0x07; }
        else return 0;
        if (index + extra >= length) return 0;
        for (size_t offset = 1; offset <= extra; offset++) {
            if ((bytes[index + offset] & 0xC0) != 0x80) return 0;
            scalar = scalar << 6 | (bytes[index + offset] & 0x3F);
        }
        if (extra == 2 && (scalar < 0x800 || (scalar >= 0xD800 && scalar <= 0xDFFF))) return 0;
        if (extra == 3 && (scalar < 0x10000 || scalar > 0x10FFFF)) return 0;
        index += extra + 1;
    }
    return 1;
}

/* The encoding forced on libxml2, decided as CarrierEngine decides it: the HTTP header's charset; else none when
 * the page declares its own; else UTF-8 when the bytes are valid UTF-8; else the definition's fallback. */
static const char *encoding_for(const struct spec *spec, const struct page *page) {
    if (spec->header_charset) return spec->header_charset;
    if (declares_charset(page)) return NULL;
    if (is_valid_utf8((const unsigned char *)page->bytes, page->length)) return "UTF-8";
    return spec->fallback_charset;
}

/* Whether the answer, without its leading and trailing ASCII whitespace, is exactly `text`. */
static int body_equals(const struct page *page, const char *text) {
    size_t start = 0, end = page->length;
    while (start < end && strchr(" \t\r\n", page->bytes[start])) start++;
    while (end > start && strchr(" \t\r\n", page->bytes[end - 1])) end--;
    return end - start == strlen(text) && !memcmp(page->bytes + start, text, end - start);
}

static int evaluates_true(xmlXPathContextPtr context, xmlXPathCompExprPtr query, xmlNodePtr at) {
    context->node = at;
    xmlXPathObjectPtr result = xmlXPathCompiledEval(query, context);
    int value = result && xmlXPathCastToBoolean(result);
    xmlXPathFreeObject(result);
    return value;
}

static void parse_page(const struct spec *spec, const struct page *page, struct tally *tally) {
    /* The whole-answer rules' byte tests, as the engine runs them before parsing (none holds for these answers). */
    for (int index = 0; index < spec->body_contains_count; index++)
        if (memmem(page->bytes, page->length, spec->body_contains[index], strlen(spec->body_contains[index])))
            die("an answer matches a whole-answer rule", spec->body_contains[index]);
    for (int index = 0; index < spec->body_equals_count; index++)
        if (body_equals(page, spec->body_equals[index])) die("an answer matches a whole-answer rule", spec->body_equals[index]);

    const int common = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT;
    const char *encoding = encoding_for(spec, page);
    xmlDocPtr document = spec->html
        ? htmlReadMemory(page->bytes, (int)page->length, "page", encoding, common | HTML_PARSE_RECOVER)
        : xmlReadMemory(page->bytes, (int)page->length, "page", encoding, common | XML_PARSE_NOCDATA);
    if (!document) die("a page does not parse", NULL);
    xmlXPathContextPtr context = xmlXPathNewContext(document);
    context->error = silent_structured_errors;
    xmlNodePtr root = (xmlNodePtr)document;

    for (int index = 0; index < spec->response_when_count; index++)
        if (evaluates_true(context, spec->response_when[index], root)) die("an answer matches a whole-answer rule", NULL);
    int marked = spec->marker_count == 0;
    for (int index = 0; index < spec->marker_count && !marked; index++) marked = evaluates_true(context, spec->markers[index], root);
    if (!marked) die("an answer has none of the markers", NULL);

    context->node = root;
    xmlXPathObjectPtr rows = xmlXPathCompiledEval(spec->rows, context);
    if (!rows) die("the rows XPath failed", NULL);
    int row_count = rows->type == XPATH_NODESET && rows->nodesetval ? rows->nodesetval->nodeNr : 0;
    long events = 0;
    for (int row_index = 0; row_index < row_count; row_index++) {
        xmlNodePtr row = rows->nodesetval->nodeTab[row_index];
        char *fields[FIELD_KINDS] = {0};
        size_t lengths[FIELD_KINDS] = {0};
        /* Description and times always: a row with none of them is a filler, not an event row (as the engine
         * decides); the other fields only for event rows. */
        int kind = 0;
        for (; kind <= FIELD_TIME_UTC; kind++)
            fields[kind] = first_text(context, &spec->fields[kind], row, spec->html, &lengths[kind]);
        if (lengths[FIELD_DESCRIPTION] || lengths[FIELD_TIME] || lengths[FIELD_TIME_UTC]) {
            for (; kind < FIELD_KINDS; kind++)
                fields[kind] = first_text(context, &spec->fields[kind], row, spec->html, &lengths[kind]);
            events++;
        }
        for (kind = 0; kind < FIELD_KINDS; kind++) {
            tally->field_bytes += (long)lengths[kind];
            free(fields[kind]);
        }
    }
    xmlXPathFreeObject(rows);
    tally->events += events;

    if (events == 0) {
        /* An answer without events: which state it is in, as the engine decides it. */
        for (int index = 0; index < spec->state_count; index++) {
            if (!evaluates_true(context, spec->states[index].when, root)) continue;
            if (spec->states[index].message) {
                size_t length;
                free(query_string(context, spec->states[index].message, root, spec->html, &length));
                tally->field_bytes += (long)length;
            }
            break;
        }
    }
    xmlXPathFreeContext(context);
    xmlFreeDoc(document);
}

static double seconds_of(clockid_t clock) {
    struct timespec now;
    clock_gettime(clock, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: parse_pages SPEC PAGES_DIR MIN_SECONDS\n");
        return 64;
    }
    double minimum = atof(argv[3]);
    xmlInitParser();
    xmlSetGenericErrorFunc(NULL, silent_errors);
    struct spec spec;
    read_spec(argv[1], &spec);
    int count;
    struct page *pages = read_pages(argv[2], &count);
    if (count == 0) die("no pages in", argv[2]);
    long page_bytes = 0;
    for (int index = 0; index < count; index++) page_bytes += (long)pages[index].length;

    struct tally first = {0};
    for (int index = 0; index < count; index++) parse_page(&spec, &pages[index], &first);

    long passes = 0;
    struct tally tally = {0};
    double wall_start = seconds_of(CLOCK_MONOTONIC), cpu_start = seconds_of(CLOCK_PROCESS_CPUTIME_ID);
    double elapsed;
    do {
        for (int index = 0; index < count; index++) parse_page(&spec, &pages[index], &tally);
        passes++;
        elapsed = seconds_of(CLOCK_MONOTONIC) - wall_start;
    } while (elapsed < minimum);
    double cpu = seconds_of(CLOCK_PROCESS_CPUTIME_ID) - cpu_start;

    printf("answers=%ld numbers=%ld bytes=%ld seconds=%.6f cpu_seconds=%.6f events=%ld fields_bytes=%ld\n",
           passes * count, passes * count, passes * page_bytes, elapsed, cpu, first.events, first.field_bytes);
    return tally.events == first.events * passes ? 0 : 1;
}
