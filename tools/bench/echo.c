/* The network floor for SyncHealth benchmarks: a request/response echo over
 * one loopback TCP connection, one message in flight, TCP_NODELAY on both
 * sides, the same sizes as the RPC it is compared with. No RPC over this
 * machine's loopback can beat this round trip.
 *
 *   echo REQUEST_BYTES RESPONSE_BYTES ROUND_TRIPS
 * prints: count=N p50_ns=.. p99_ns=.. p999_ns=.. max_ns=..
 * Bounded: ROUND_TRIPS is capped at 10,000,000; exits when done. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static long req_bytes, resp_bytes, trips;

static int io_all(int fd, char *buf, long n, int writing) {
    long done = 0;
    while (done < n) {
        ssize_t r = writing ? send(fd, buf + done, n - done, MSG_NOSIGNAL) : recv(fd, buf + done, n - done, 0);
        if (r <= 0) return -1;
        done += r;
    }
    return 0;
}

static void *serve(void *arg) {
    int fd = *(int *)arg;
    char *in = calloc(1, req_bytes), *out = calloc(1, resp_bytes);
    for (long i = 0; i < trips; i++) {
        if (io_all(fd, in, req_bytes, 0) || io_all(fd, out, resp_bytes, 1)) break;
    }
    free(in); free(out); close(fd);
    return NULL;
}

static int cmp(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + t.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: echo REQUEST_BYTES RESPONSE_BYTES ROUND_TRIPS\n"); return 2; }
    req_bytes = atol(argv[1]); resp_bytes = atol(argv[2]); trips = atol(argv[3]);
    if (req_bytes < 1 || resp_bytes < 1 || trips < 1 || trips > 10000000) { fprintf(stderr, "bad arguments\n"); return 2; }
    int one = 1, lfd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof a;
    if (bind(lfd, (struct sockaddr *)&a, sizeof a) || listen(lfd, 1) || getsockname(lfd, (struct sockaddr *)&a, &len)) { perror("listen"); return 1; }
    int cfd = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(cfd, (struct sockaddr *)&a, sizeof a)) { perror("connect"); return 1; }
    int sfd = accept(lfd, NULL, NULL);
    setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(sfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    pthread_t server;
    pthread_create(&server, NULL, serve, &sfd);
    char *out = calloc(1, req_bytes), *in = calloc(1, resp_bytes);
    uint64_t *lat = calloc(trips, sizeof *lat);
    long n = 0;
    for (; n < trips; n++) {
        uint64_t t0 = now_ns();
        if (io_all(cfd, out, req_bytes, 1) || io_all(cfd, in, resp_bytes, 0)) break;
        lat[n] = now_ns() - t0;
    }
    close(cfd);
    pthread_join(server, NULL);
    if (n == 0) return 1;
    qsort(lat, n, sizeof *lat, cmp);
    printf("count=%ld p50_ns=%llu p99_ns=%llu p999_ns=%llu max_ns=%llu\n", n,
           (unsigned long long)lat[n / 2], (unsigned long long)lat[(long)(n * 0.99)],
           (unsigned long long)lat[(long)(n * 0.999)], (unsigned long long)lat[n - 1]);
    return 0;
}
