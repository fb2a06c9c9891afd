/*
 * parse_json: the C reference for ShipTrack's parsing benchmark (`make bench`), for the sources that answer JSON
 * (the USPS Tracking API and 17TRACK), with cJSON (Debian's libcjson-dev).
 *
 * What a careful C program would write for each interface: parse the answer with cJSON, walk to each item (one per
 * number asked), look at its error fields, walk its events and copy out, as whitespace-folded strings, the same
 * fields the source definition's XPaths read (TrackingSources/usps-api.json and 17track.json), the first non-empty
 * of each list; for an item without events, read the status fields the definition's no-event states test. It does
 * not parse dates, places or statuses: the Swift engine does that on top (and reads the JSON as an XML tree with
 * XPath, docs/json-as-xpath.md), so the ratio shows what the whole Swift engine costs over the raw parsing work.
 *
 * Usage: parse_json usps-api|17track ANSWERS_DIR MIN_SECONDS
 *   ANSWERS_DIR  every *.json file, read into memory, in name order, before timing.
 *   MIN_SECONDS  passes over all answers repeat until this much time has passed (one untimed warm-up pass first).
 *
 * Prints one line: answers=N numbers=N bytes=N seconds=S cpu_seconds=S events=N fields_bytes=N (numbers, events
 * and field bytes of one pass for the last three). Single-threaded on purpose: the ratio is per core.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

struct answer {
    char *bytes;
    size_t length;
};

/* What one pass read: kept and printed so the compiler cannot drop the work, and to compare with Swift. */
struct tally {
    long numbers;
    long events;
    long field_bytes;
};

static void die(const char *what, const char *detail) {
    fprintf(stderr, "parse_json: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(2);
}

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static struct answer *read_answers(const char *directory, int *count) {
    DIR *folder = opendir(directory);
    if (!folder) die("cannot open the answers folder", directory);
    char **names = NULL;
    int found = 0, capacity = 0;
    struct dirent *entry;
    while ((entry = readdir(folder))) {
        const char *dot = strrchr(entry->d_name, '.');
        if (entry->d_name[0] == '.' || !dot || strcmp(dot, ".json")) continue;
        if (found == capacity) {
            capacity = capacity ? capacity * 2 : 256;
            names = realloc(names, sizeof *names * capacity);
        }
        names[found++] = strdup(entry->d_name);
    }
    closedir(folder);
    qsort(names, found, sizeof *names, compare_names);
    struct answer *answers = calloc(found ? found : 1, sizeof *answers);
    for (int index = 0; index < found; index++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", directory, names[index]);
        FILE *file = fopen(path, "rb");
        if (!file) die("cannot open an answer", path);
        fseek(file, 0, SEEK_END);
        long size = ftell(file);
        fseek(file, 0, SEEK_SET);
        answers[index].bytes = malloc(size ? size : 1);
        answers[index].length = fread(answers[index].bytes, 1, size, file);
        fclose(file);
        free(names[index]);
    }
    free(names);
    *count = found;
    return answers;
}

/* Length of the whitespace character at `bytes` (ASCII space, tab, line breaks, U+0085, U+00A0, U+1680,
 * U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000: what the engine's fold treats as space), or 0. */
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

/* A copy of `text` with every run of whitespace folded to one space and the ends trimmed; its length in `*length`. */
static char *fold(const char *text, size_t *length) {
    size_t available = strlen(text);
    char *folded = malloc(available + 1);
    size_t out = 0;
    int pending_space = 0;
    for (size_t index = 0; index < available;) {
        size_t space = whitespace_length((const unsigned char *)text + index, available - index);
        if (space) {
            pending_space = out > 0;
            index += space;
        } else {
            if (pending_space) folded[out++] = ' ';
            pending_space = 0;
            folded[out++] = text[index++];
        }
    }
    folded[out] = 0;
    *length = out;
    return folded;
}

/* A member's text as XPath's string() gives it on the engine's tree: a string as is, a number as its digits, true or
 * false; "" for null, a container or a missing member. */
static const char *text_of(const cJSON *value, char scratch[64]) {
    if (!value) return "";
    if (cJSON_IsString(value)) return value->valuestring;
    if (cJSON_IsNumber(value)) {
        double number = value->valuedouble;
        if (number == (double)(long long)number) snprintf(scratch, 64, "%lld", (long long)number);
        else snprintf(scratch, 64, "%.17g", number);
        return scratch;
    }
    if (cJSON_IsTrue(value)) return "true";
    if (cJSON_IsFalse(value)) return "false";
    return "";
}

static const cJSON *member(const cJSON *object, const char *name) { return cJSON_GetObjectItemCaseSensitive(object, name); }

/* Copies the folded text of the first of `values` that is not empty; adds its length to the tally. */
static size_t copy_first(struct tally *tally, int count, const cJSON *const values[]) {
    for (int index = 0; index < count; index++) {
        char scratch[64];
        size_t length;
        char *text = fold(text_of(values[index], scratch), &length);
        free(text);
        if (length) {
            tally->field_bytes += (long)length;
            return length;
        }
    }
    return 0;
}

#define COPY(tally, ...) copy_first(tally, (int)(sizeof((const cJSON *const[]){__VA_ARGS__}) / sizeof(const cJSON *)), \
                                    (const cJSON *const[]){__VA_ARGS__})

/* One USPS API item (a v3r2 TrackingDetail): the number, the error fields, every event's fields. */
static void read_usps_item(const cJSON *item, struct tally *tally) {
    COPY(tally, member(item, "trackingNumber"));
    tally->numbers++;
    const cJSON *error = member(item, "error");
    COPY(tally, member(item, "statusCode"));
    if (error) COPY(tally, member(error, "code"));
    long events = 0;
    const cJSON *event;
    cJSON_ArrayForEach(event, member(item, "trackingEvents")) {
        size_t description = COPY(tally, member(event, "eventType"));
        size_t time = COPY(tally, member(event, "eventTimestamp"));
        size_t utc = COPY(tally, member(event, "GMTTimestamp"));
        if (!description && !time && !utc) continue;
        COPY(tally, member(event, "eventCode"));
        /* concat(eventCity, ' ', eventState, ' ', eventZIP, eventZIPCode), as the definition joins the place. */
        char scratch[4][64], place[1024];
        snprintf(place, sizeof place, "%s %s %s%s", text_of(member(event, "eventCity"), scratch[0]),
                 text_of(member(event, "eventState"), scratch[1]), text_of(member(event, "eventZIP"), scratch[2]),
                 text_of(member(event, "eventZIPCode"), scratch[3]));
        size_t length;
        free(fold(place, &length));
        tally->field_bytes += (long)length;
        COPY(tally, member(event, "eventCountry"));
        COPY(tally, member(event, "GMTOffset"));
        events++;
    }
    if (!events) {
        COPY(tally, member(item, "statusCategory"));
        COPY(tally, member(item, "status"));
    }
    tally->events += events;
}

static void read_usps(const cJSON *root, struct tally *tally) {
    if (cJSON_IsArray(root)) {
        const cJSON *item;
        cJSON_ArrayForEach(item, root) read_usps_item(item, tally);
    } else if (member(root, "trackingNumber")) {
        read_usps_item(root, tally);
    }
}

/* One 17TRACK item (data.accepted[] or data.rejected[]): the number, its carrier, the error, every provider's
 * events with their provider's key. */
static void read_17track_item(const cJSON *item, struct tally *tally) {
    COPY(tally, member(item, "number"));
    COPY(tally, member(item, "carrier"));
    tally->numbers++;
    const cJSON *error = member(item, "error");
    if (error) {
        COPY(tally, member(error, "code"));
        COPY(tally, member(error, "message"));
        return;
    }
    const cJSON *track = member(item, "track_info");
    const cJSON *latest = member(track, "latest_status");
    COPY(tally, member(latest, "sub_status"));
    long events = 0;
    const cJSON *provider;
    cJSON_ArrayForEach(provider, member(member(track, "tracking"), "providers")) {
        const cJSON *key = member(member(provider, "provider"), "key");
        const cJSON *event;
        cJSON_ArrayForEach(event, member(provider, "events")) {
            const cJSON *raw = member(event, "time_raw");
            size_t description = COPY(tally, member(event, "description"), member(member(event, "description_translation"), "description"));
            size_t time = COPY(tally, member(event, "time_iso"));
            if (!time) {
                char scratch[2][64], joined[256];
                snprintf(joined, sizeof joined, "%s %s", text_of(member(raw, "date"), scratch[0]), text_of(member(raw, "time"), scratch[1]));
                size_t length;
                free(fold(joined, &length));
                tally->field_bytes += (long)length;
                time = length;
            }
            size_t utc = COPY(tally, member(event, "time_utc"));
            if (!description && !time && !utc) continue;
            const cJSON *address = member(event, "address");
            COPY(tally, member(event, "sub_status"));
            COPY(tally, key);
            COPY(tally, member(event, "location"));
            COPY(tally, member(address, "city"));
            COPY(tally, member(address, "state"));
            COPY(tally, member(address, "postal_code"));
            COPY(tally, member(address, "country"));
            COPY(tally, member(raw, "timezone"));
            events++;
        }
    }
    if (!events) COPY(tally, member(latest, "status"));
    tally->events += events;
}

static void read_17track(const cJSON *root, struct tally *tally) {
    COPY(tally, member(root, "code"));
    const cJSON *data = member(root, "data");
    const cJSON *item;
    cJSON_ArrayForEach(item, member(data, "accepted")) read_17track_item(item, tally);
    cJSON_ArrayForEach(item, member(data, "rejected")) read_17track_item(item, tally);
}

static double seconds_of(clockid_t clock) {
    struct timespec now;
    clock_gettime(clock, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static void read_all(void (*reader)(const cJSON *, struct tally *), const struct answer *answers, int count,
                     struct tally *tally) {
    for (int index = 0; index < count; index++) {
        cJSON *root = cJSON_ParseWithLength(answers[index].bytes, answers[index].length);
        if (!root) die("an answer is not JSON", NULL);
        reader(root, tally);
        cJSON_Delete(root);
    }
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: parse_json usps-api|17track ANSWERS_DIR MIN_SECONDS\n");
        return 64;
    }
    void (*reader)(const cJSON *, struct tally *) =
        !strcmp(argv[1], "usps-api") ? read_usps : !strcmp(argv[1], "17track") ? read_17track : NULL;
    if (!reader) die("unknown source", argv[1]);
    double minimum = atof(argv[3]);
    int count;
    struct answer *answers = read_answers(argv[2], &count);
    if (count == 0) die("no answers in", argv[2]);
    long bytes = 0;
    for (int index = 0; index < count; index++) bytes += (long)answers[index].length;

    struct tally first = {0};
    read_all(reader, answers, count, &first);

    long passes = 0;
    struct tally tally = {0};
    double wall_start = seconds_of(CLOCK_MONOTONIC), cpu_start = seconds_of(CLOCK_PROCESS_CPUTIME_ID);
    double elapsed;
    do {
        read_all(reader, answers, count, &tally);
        passes++;
        elapsed = seconds_of(CLOCK_MONOTONIC) - wall_start;
    } while (elapsed < minimum);
    double cpu = seconds_of(CLOCK_PROCESS_CPUTIME_ID) - cpu_start;

    printf("answers=%ld numbers=%ld bytes=%ld seconds=%.6f cpu_seconds=%.6f events=%ld fields_bytes=%ld\n",
           passes * count, passes * first.numbers, passes * bytes, elapsed, cpu, first.events, first.field_bytes);
    return tally.events == first.events * passes ? 0 : 1;
}
