/* The disk floor for SyncHealth's write path (issue 13): how many durable
 * commits this disk allows. Each round appends one 4 KiB page to a file
 * and calls fdatasync, as a SQLite WAL commit does at least once; the
 * rate is the ceiling on fsync'd transactions per second, whatever the
 * database above does.
 *
 *   fsync-rate DIRECTORY ROUNDS
 * prints: count=N per_second=.. p50_ns=.. p99_ns=.. max_ns=..
 * Bounded: ROUNDS is capped at 100,000; the file (DIRECTORY/fsync-rate.tmp,
 * at most ROUNDS x 4 KiB) is removed at the end. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int compare(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: fsync-rate DIRECTORY ROUNDS\n");
        return 64;
    }
    long rounds = strtol(argv[2], NULL, 10);
    if (rounds < 1 || rounds > 100000) {
        fprintf(stderr, "fsync-rate: ROUNDS must be 1...100000\n");
        return 64;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/fsync-rate.tmp", argv[1]);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        perror("fsync-rate: open");
        return 1;
    }
    char page[4096];
    memset(page, 0xA5, sizeof page);
    uint64_t *samples = malloc(sizeof(uint64_t) * (size_t)rounds);
    if (!samples) return 1;
    uint64_t started = now_ns();
    for (long i = 0; i < rounds; i++) {
        uint64_t t0 = now_ns();
        if (pwrite(fd, page, sizeof page, (off_t)i * (off_t)sizeof page) != (ssize_t)sizeof page || fdatasync(fd) != 0) {
            perror("fsync-rate: write");
            unlink(path);
            return 1;
        }
        samples[i] = now_ns() - t0;
    }
    double seconds = (double)(now_ns() - started) / 1e9;
    close(fd);
    unlink(path);
    qsort(samples, (size_t)rounds, sizeof(uint64_t), compare);
    printf("count=%ld per_second=%.0f p50_ns=%llu p99_ns=%llu max_ns=%llu\n", rounds, (double)rounds / seconds,
           (unsigned long long)samples[rounds / 2], (unsigned long long)samples[(rounds * 99) / 100],
           (unsigned long long)samples[rounds - 1]);
    free(samples);
    return 0;
}
