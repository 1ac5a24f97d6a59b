/* The floor: parse a CSV file with libcsv and nothing else (count records and fields, sum field bytes).
 *     cc -O2 -o csvfloor bench/csvfloor.c -lcsv && ./csvfloor answers.csv
 * Same options and chunk size as Anketa's CSVReader (CSV_REPALL_NL | CSV_APPEND_NULL, 64 KiB reads). */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

static size_t fields, records, bytes, pending;

static void on_field(void *data, size_t length, void *context) { (void)data; (void)context; fields++; pending++; bytes += length; }
/* With CSV_REPALL_NL the LF of a CR LF pair ends an empty record: count records that have fields. */
static void on_record(int terminator, void *context) { (void)terminator; (void)context; if (pending) records++; pending = 0; }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: csvfloor FILE\n"); return 2; }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 1; }
    struct csv_parser parser;
    if (csv_init(&parser, CSV_REPALL_NL | CSV_APPEND_NULL) != 0) return 1;
    static char buffer[64 * 1024];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, file)) > 0) {
        if (csv_parse(&parser, buffer, n, on_field, on_record, NULL) != n) {
            fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&parser)));
            return 1;
        }
    }
    csv_fini(&parser, on_field, on_record, NULL);
    csv_free(&parser);
    fclose(file);
    printf("%zu records, %zu fields, %zu bytes in fields\n", records, fields, bytes);
    return 0;
}
