/*
 * The dotfile reader: the input is written to a file and read with
 * config_read_file(), so line splitting, overlong lines and NUL bytes are
 * read the way a real dotfile is. The first line of the input is also
 * tried as a browser command. Any error must be "FILE:LINE: message".
 */
#include "autoconfig.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config.h"
#include "config/words.h"
#include "tests/fuzz/fuzz_check.h"

static char path[64];

static void
remove_file(void)
{
	unlink(path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int fd;

	(void)argc;
	(void)argv;
	snprintf(path, sizeof(path), "/tmp/fuzz-config-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0) {
		perror("mkstemp");
		exit(1);
	}
	close(fd);
	atexit(remove_file);
	return 0;
}

static void
try_browser(const uint8_t *data, size_t size)
{
	char *cmd, **argv = NULL;
	const uint8_t *nl = memchr(data, '\n', size);
	size_t len = nl ? (size_t)(nl - data) : size;
	struct nf_error err;

	cmd = malloc(len + 1);
	if (cmd == NULL) {
		return;
	}
	memcpy(cmd, data, len);
	cmd[len] = '\0';
	if (config_browser_argv(cmd, "https://news.example.org/a?b=%u", &argv,
	                        &err) == NF_OK) {
		config_argv_free(argv);
	}
	free(cmd);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg;
	struct nf_error err;
	FILE *f = fopen(path, "wb");

	if (f == NULL) {
		return 0;
	}
	fwrite(data, 1, size, f);
	fclose(f);
	if (config_init(&cfg, &err) != NF_OK) {
		config_free(&cfg);
		return 0;
	}
	if (config_read_file(path, (data[0] & 1) ? "/tmp" : NULL, &cfg,
	                     &err) != NF_OK) {
		if (strncmp(err.msg, path, strlen(path)) != 0) {
			fuzz_fail("error without FILE:", err.msg, 0);
		}
		fuzz_check_line(err.msg);
	}
	config_free(&cfg);
	try_browser(data, size);
	return 0;
}
