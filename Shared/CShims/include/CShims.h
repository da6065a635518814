#ifndef CSHIMS_H
#define CSHIMS_H

#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>

/// Readiness flags re-exported as plain constants (the originals are enum members or macros Swift cannot see).
extern const uint32_t cshims_EPOLLIN;
extern const uint32_t cshims_EPOLLOUT;
extern const uint32_t cshims_EPOLLERR;
extern const uint32_t cshims_EPOLLHUP;
extern const uint32_t cshims_EPOLLRDHUP;
extern const uint32_t cshims_EPOLLET;
extern const uint32_t cshims_EPOLLEXCLUSIVE;

/// One readiness event: the registration id given at registration time and the ready flags.
typedef struct {
    uint64_t id;
    uint32_t events;
} cshims_event;

int cshims_epoll_create(void);
int cshims_epoll_add(int epfd, int fd, uint32_t events, uint64_t id);
int cshims_epoll_mod(int epfd, int fd, uint32_t events, uint64_t id);
int cshims_epoll_del(int epfd, int fd);
/// Waits for events; fills at most `max` entries of `out`; returns the count, 0 on timeout, -1 on error.
int cshims_epoll_wait(int epfd, cshims_event *out, int max, int timeout_ms);

int cshims_eventfd(void);
int cshims_eventfd_signal(int fd);
int cshims_eventfd_drain(int fd);

/// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC.
int cshims_accept(int fd);
/// A non-blocking, close-on-exec TCP socket of the given family.
int cshims_tcp_socket(int family);
int cshims_set_nodelay(int fd);
int cshims_set_reuse(int fd, int reuse_port);
/// Sends without raising SIGPIPE.
ssize_t cshims_send(int fd, const void *buf, size_t len);
/// Ignores SIGPIPE process-wide.
void cshims_ignore_sigpipe(void);
/// Pending socket error (SO_ERROR), or -1 when it cannot be read.
int cshims_socket_error(int fd);
/// Raises the soft open-file limit to the hard limit; returns the new soft limit.
long cshims_raise_nofile_limit(void);

#endif
