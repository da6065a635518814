#define _GNU_SOURCE
#include "CShims.h"
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>

const uint32_t cshims_EPOLLIN = EPOLLIN;
const uint32_t cshims_EPOLLOUT = EPOLLOUT;
const uint32_t cshims_EPOLLERR = EPOLLERR;
const uint32_t cshims_EPOLLHUP = EPOLLHUP;
const uint32_t cshims_EPOLLRDHUP = EPOLLRDHUP;
const uint32_t cshims_EPOLLET = EPOLLET;
const uint32_t cshims_EPOLLEXCLUSIVE = EPOLLEXCLUSIVE;

int cshims_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

static int ctl(int epfd, int op, int fd, uint32_t events, uint64_t id) {
    struct epoll_event ev;
    memset(&ev, 0, sizeof(ev));
    ev.events = events;
    ev.data.u64 = id;
    return epoll_ctl(epfd, op, fd, &ev);
}

int cshims_epoll_add(int epfd, int fd, uint32_t events, uint64_t id) { return ctl(epfd, EPOLL_CTL_ADD, fd, events, id); }
int cshims_epoll_mod(int epfd, int fd, uint32_t events, uint64_t id) { return ctl(epfd, EPOLL_CTL_MOD, fd, events, id); }
int cshims_epoll_del(int epfd, int fd) { return ctl(epfd, EPOLL_CTL_DEL, fd, 0, 0); }

int cshims_epoll_wait(int epfd, cshims_event *out, int max, int timeout_ms) {
    struct epoll_event evs[256];
    if (max > 256) max = 256;
    int n;
    do { n = epoll_wait(epfd, evs, max, timeout_ms); } while (n < 0 && errno == EINTR);
    for (int i = 0; i < n; i++) {
        out[i].id = evs[i].data.u64;
        out[i].events = evs[i].events;
    }
    return n;
}

int cshims_eventfd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

int cshims_eventfd_signal(int fd) {
    uint64_t one = 1;
    ssize_t r;
    do { r = write(fd, &one, sizeof(one)); } while (r < 0 && errno == EINTR);
    return r == sizeof(one) || (r < 0 && errno == EAGAIN) ? 0 : -1;
}

int cshims_eventfd_drain(int fd) {
    uint64_t value;
    ssize_t r;
    do { r = read(fd, &value, sizeof(value)); } while (r < 0 && errno == EINTR);
    return r == sizeof(value) || (r < 0 && errno == EAGAIN) ? 0 : -1;
}

int cshims_accept(int fd) {
    int r;
    do { r = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC); } while (r < 0 && errno == EINTR);
    return r;
}

int cshims_tcp_socket(int family) { return socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0); }

int cshims_set_nodelay(int fd) {
    int one = 1;
    return setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

int cshims_set_reuse(int fd, int reuse_port) {
    int one = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0) return -1;
    if (reuse_port && setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one)) != 0) return -1;
    return 0;
}

ssize_t cshims_send(int fd, const void *buf, size_t len) {
    ssize_t r;
    do { r = send(fd, buf, len, MSG_NOSIGNAL); } while (r < 0 && errno == EINTR);
    return r;
}

void cshims_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

int cshims_socket_error(int fd) {
    int err = 0;
    socklen_t len = sizeof(err);
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) return -1;
    return err;
}

long cshims_raise_nofile_limit(void) {
    struct rlimit lim;
    if (getrlimit(RLIMIT_NOFILE, &lim) != 0) return -1;
    lim.rlim_cur = lim.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &lim) != 0) return -1;
    return (long)lim.rlim_cur;
}
