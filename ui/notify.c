#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config/words.h"
#include "ui/notify.h"

/* In the first child: a session of its own, then a grandchild that runs
 * the program, so that nobody has to wait for it and it never holds
 * the terminal. */
static void
notify_detach(char **argv)
{
	int fd;

	setsid();
	if (fork() == 0) {
		fd = open("/dev/null", O_RDWR);
		if (fd < 0 || dup2(fd, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0) {
			_exit(127);
		}
		signal(SIGPIPE, SIG_DFL);
		close_range(3, ~0U, 0);	/* the database and sockets stay ours */
		execvp(argv[0], argv);
		_exit(127);
	}
	_exit(0);
}

int
notify_new_items(const struct config *cfg, size_t items, size_t feeds)
{
	char n[32], f[32];
	const struct config_subst subst[] = { { 'n', n }, { 'f', f } };
	char **argv = NULL;
	struct nf_error err;
	pid_t pid;
	int status;

	if (cfg->notify_cmd == NULL) {
		return 0;
	}
	snprintf(n, sizeof(n), "%zu", items);
	snprintf(f, sizeof(f), "%zu", feeds);
	if (config_command_argv(cfg->notify_cmd, subst, 2, &argv, &err) != NF_OK) {
		return -1;
	}
	pid = fork();
	if (pid == 0) {
		notify_detach(argv);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR) {
		continue;
	}
	config_argv_free(argv);
	return pid > 0 ? 0 : -1;
}
