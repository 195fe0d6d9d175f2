#ifndef NF_TESTS_TESTSERVER_H
#define NF_TESTS_TESTSERVER_H

/*
 * The loopback HTTP server (tests/server.py) for the unit tests:
 * testserver_start() runs it on 127.0.0.1, serving ts->root (NULL: its
 * own fixtures), with its request log at ts->log_path and returns 0 once ts->port is known, -1 on failure;
 * testserver_stop() ends it (it also exits when its stdin closes) and
 * removes the log. Proxies the environment names are unset, so the
 * loopback is reached directly.
 */

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

struct testserver {
	const char *root;	/* set by the caller: the folder to serve, or NULL */
	pid_t pid;
	int stdin_fd;		/* closing it ends the server */
	int port;
	char log_path[64];
};

static inline int
testserver_read_port(int fd)
{
	char line[32];
	size_t n = 0;

	while (n + 1 < sizeof(line) && read(fd, line + n, 1) == 1 &&
	       line[n] != '\n') {
		n++;
	}
	line[n] = '\0';
	return (int)strtol(line, NULL, 10);
}

static inline void
testserver_child(const struct testserver *ts, int in[2], int out[2])
{
	const char *python = getenv("PYTHON3");
	char *argv[7];

	if (python == NULL || python[0] == '\0') {
		python = "python3";
	}
	dup2(in[0], 0);
	dup2(out[1], 1);
	close(in[0]);
	close(in[1]);
	close(out[0]);
	close(out[1]);
	argv[0] = (char *)python;
	argv[1] = (char *)SRCDIR "/tests/server.py";
	argv[2] = (char *)"--log";
	argv[3] = (char *)ts->log_path;
	argv[4] = ts->root != NULL ? (char *)"--root" : NULL;
	argv[5] = (char *)ts->root;
	argv[6] = NULL;
	execvp(python, argv);
	_exit(127);
}

static inline int
testserver_start(struct testserver *ts)
{
	static const char *const proxies[] = {
		"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY",
		"all_proxy", "ALL_PROXY",
	};
	int in[2], out[2], fd;
	size_t i;

	ts->pid = -1;
	ts->stdin_fd = -1;
	for (i = 0; i < sizeof(proxies) / sizeof(proxies[0]); i++) {
		unsetenv(proxies[i]);
	}
	snprintf(ts->log_path, sizeof(ts->log_path), "/tmp/nf-server-log-XXXXXX");
	if ((fd = mkstemp(ts->log_path)) < 0) {
		return -1;
	}
	close(fd);
	if (pipe(in) != 0 || pipe(out) != 0 || (ts->pid = fork()) < 0) {
		return -1;
	}
	if (ts->pid == 0) {
		testserver_child(ts, in, out);
	}
	close(in[0]);
	close(out[1]);
	ts->stdin_fd = in[1];
	ts->port = testserver_read_port(out[0]);
	close(out[0]);
	return ts->port > 0 ? 0 : -1;
}

static inline void
testserver_stop(struct testserver *ts)
{
	int status;

	if (ts->stdin_fd >= 0) {
		close(ts->stdin_fd);
	}
	if (ts->pid > 0) {
		kill(ts->pid, SIGTERM);
		waitpid(ts->pid, &status, 0);
	}
	unlink(ts->log_path);
	ts->pid = -1;
	ts->stdin_fd = -1;
}

/* The loopback URL of the path printf makes of fmt: a static buffer,
 * good until the next call. */
static inline char *
testserver_url(const struct testserver *ts, const char *fmt, ...)
{
	static char url[512];
	char path[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	snprintf(url, sizeof(url), "http://127.0.0.1:%d%s", ts->port, path);
	return url;
}

#endif
