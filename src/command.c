/*
 * One poll() loop over the child's stdin and stdout: writing the input
 * while reading the output, so that a program that answers before it
 * has read everything cannot deadlock against us. SIGPIPE is blocked
 * around the writes (a program may stop reading at any time) and a
 * pending one is taken back, so the caller's disposition stays as it
 * was.
 */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "src/buf.h"
#include "src/clock.h"
#include "src/command.h"
#include "src/fetch.h"

struct run {
	pid_t pid;
	int in_fd;		/* our end of its stdin, or -1 */
	int out_fd;		/* our end of its stdout, or -1 at EOF */
	const char *input;
	size_t input_len, written;
	struct buf out;
	int64_t deadline;	/* monotonic ms */
	const atomic_int *stop;	/* nonzero: end now; NULL = never */
};

/* How often a run looks at its stop flag, in milliseconds. */
#define STOP_EVERY_MS 100


/* In the child: stdin, stdout and stderr in place, then the program. */
static void
child_exec(char *const argv[], int in_fd, int out_fd)
{
	int null_fd = open("/dev/null", O_RDWR);

	setpgid(0, 0);
	signal(SIGPIPE, SIG_DFL);
	if (null_fd < 0 || dup2(in_fd >= 0 ? in_fd : null_fd, 0) < 0 ||
	    dup2(out_fd, 1) < 0 || dup2(null_fd, 2) < 0) {
		_exit(127);
	}
	/* The database, sockets and the terminal stay ours. */
	close_range(3, ~0U, 0);
	execvp(argv[0], argv);
	_exit(127);
}

/* Starts the program; r's descriptors are its pipes' other ends. */
static enum nf_status
run_start(struct run *r, char *const argv[], struct nf_error *err)
{
	int in_pipe[2] = { -1, -1 }, out_pipe[2];

	if (pipe2(out_pipe, O_CLOEXEC) != 0) {
		return nf_error_set(err, NF_ERR_IO, "cannot make a pipe: %s",
		                    strerror(errno));
	}
	if (r->input != NULL && pipe2(in_pipe, O_CLOEXEC) != 0) {
		close(out_pipe[0]);
		close(out_pipe[1]);
		return nf_error_set(err, NF_ERR_IO, "cannot make a pipe: %s",
		                    strerror(errno));
	}
	r->pid = fork();
	if (r->pid == 0) {
		child_exec(argv, in_pipe[0], out_pipe[1]);
	}
	close(out_pipe[1]);
	if (in_pipe[0] >= 0) {
		close(in_pipe[0]);
	}
	r->out_fd = out_pipe[0];
	r->in_fd = in_pipe[1];
	if (r->pid < 0) {
		return nf_error_set(err, NF_ERR_IO, "cannot fork: %s", strerror(errno));
	}
	setpgid(r->pid, r->pid);	/* as the child does: whoever runs first */
	fcntl(r->out_fd, F_SETFL, O_NONBLOCK);
	if (r->in_fd >= 0) {
		fcntl(r->in_fd, F_SETFL, O_NONBLOCK);
	}
	return NF_OK;
}

static void
close_input(struct run *r)
{
	if (r->in_fd >= 0) {
		close(r->in_fd);
		r->in_fd = -1;
	}
}

/* Writes what the pipe takes; a reader gone (EPIPE) ends the input. */
static void
run_write(struct run *r)
{
	ssize_t n = write(r->in_fd, r->input + r->written,
	                  r->input_len - r->written);

	if (n > 0) {
		r->written += (size_t)n;
	}
	if ((n < 0 && errno != EAGAIN && errno != EINTR) ||
	    r->written == r->input_len) {
		close_input(r);
	}
}

/* Reads what there is; NF_ERR_TOO_LARGE past the ceiling. */
static enum nf_status
run_read(struct run *r, struct nf_error *err)
{
	char chunk[65536], limit[32];
	ssize_t n = read(r->out_fd, chunk, sizeof(chunk));
	enum nf_status st = NF_OK;

	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
		close(r->out_fd);
		r->out_fd = -1;
	} else if (n > 0 && (st = buf_add(&r->out, chunk, (size_t)n)) != NF_OK) {
		fetch_size_text(limit, sizeof(limit), r->out.max);
		nf_error_set(err, st, st == NF_ERR_TOO_LARGE ?
		             "output too large (over %s)" : "out of memory", limit);
	}
	return st;
}

/* Feeds and drains the program until its stdout ends or time is up. */
static enum nf_status
run_pump(struct run *r, long timeout_ms, struct nf_error *err)
{
	struct pollfd p[2];
	enum nf_status st = NF_OK;
	int64_t left;
	nfds_t n;

	while (st == NF_OK && r->out_fd >= 0) {
		if ((left = r->deadline - clock_now_ms()) <= 0) {
			return nf_error_set(err, NF_ERR_IO, "timed out after %lds",
			                    (timeout_ms + 999) / 1000);
		}
		if (r->stop != NULL && atomic_load(r->stop)) {
			return nf_error_set(err, NF_ERR_IO, "cancelled");
		}
		if (r->stop != NULL && left > STOP_EVERY_MS) {
			left = STOP_EVERY_MS;
		}
		p[0] = (struct pollfd){ .fd = r->out_fd, .events = POLLIN };
		p[1] = (struct pollfd){ .fd = r->in_fd, .events = POLLOUT };
		n = r->in_fd >= 0 ? 2 : 1;
		if (poll(p, n, (int)(left < 1000 ? left : 1000)) < 0 && errno != EINTR) {
			return nf_error_set(err, NF_ERR_IO, "poll: %s", strerror(errno));
		}
		if (n == 2 && (p[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
			run_write(r);
		}
		if (p[0].revents & (POLLIN | POLLERR | POLLHUP)) {
			st = run_read(r, err);
		}
	}
	return st;
}

/* Waits for the program until the deadline; 0 when it ended, with its
 * status in *status. */
static int
run_wait(struct run *r, int *status)
{
	pid_t got;

	for (;;) {
		got = waitpid(r->pid, status, WNOHANG);
		if (got == r->pid || (got < 0 && errno != EINTR)) {
			return got == r->pid ? 0 : -1;
		}
		if (clock_now_ms() >= r->deadline) {
			return -1;
		}
		poll(NULL, 0, 10);
	}
}

static enum nf_status
run_status(const char *name, int status, struct nf_error *err)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		return nf_error_set(err, NF_ERR_IO, "cannot run %.80s", name);
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
		return nf_error_set(err, NF_ERR_IO, "%.80s exited with status %d",
		                    name, WEXITSTATUS(status));
	}
	if (WIFSIGNALED(status)) {
		return nf_error_set(err, NF_ERR_IO, "%.80s was killed by signal %d",
		                    name, WTERMSIG(status));
	}
	return NF_OK;
}

/* Takes back a SIGPIPE our writes raised while it was blocked. */
static void
sigpipe_drain(void)
{
	const struct timespec zero = { 0, 0 };
	sigset_t pipe_set, pending;

	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	while (sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) &&
	       sigtimedwait(&pipe_set, NULL, &zero) == SIGPIPE) {
		continue;
	}
}

enum nf_status
command_run(char *const argv[], const char *input, size_t input_len,
            long timeout_ms, size_t max_size, char **out, size_t *len,
            struct nf_error *err)
{
	return command_run_until(argv, input, input_len, timeout_ms, max_size,
	                         NULL, out, len, err);
}

enum nf_status
command_run_until(char *const argv[], const char *input, size_t input_len,
                  long timeout_ms, size_t max_size, const atomic_int *stop,
                  char **out, size_t *len, struct nf_error *err)
{
	struct run r = { .pid = -1, .in_fd = -1, .out_fd = -1, .input = input,
	                 .input_len = input_len, .stop = stop };
	sigset_t pipe_set, old;
	enum nf_status st;
	int status = 0;

	*out = NULL;
	*len = 0;
	buf_init(&r.out, max_size);
	r.deadline = clock_now_ms() + timeout_ms;
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
	st = run_start(&r, argv, err);
	if (st == NF_OK) {
		if (r.in_fd >= 0 && input_len == 0) {
			close_input(&r);
		}
		st = run_pump(&r, timeout_ms, err);
	}
	close_input(&r);
	if (r.out_fd >= 0) {
		close(r.out_fd);
	}
	if (r.pid > 0 && (st != NF_OK || run_wait(&r, &status) != 0)) {
		/* killed as a group: a shell script's children go too */
		kill(-r.pid, SIGKILL);
		kill(r.pid, SIGKILL);
		while (waitpid(r.pid, &status, 0) < 0 && errno == EINTR) {
			continue;
		}
		if (st == NF_OK) {
			st = nf_error_set(err, NF_ERR_IO, "timed out after %lds",
			                  (timeout_ms + 999) / 1000);
		}
	} else if (r.pid > 0) {
		st = run_status(argv[0], status, err);
	}
	sigpipe_drain();
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (st != NF_OK) {
		buf_free(&r.out);
		return st;
	}
	*len = r.out.len;
	*out = buf_take(&r.out);
	return NF_OK;
}
