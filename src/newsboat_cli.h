#ifndef NF_SRC_NEWSBOAT_CLI_H
#define NF_SRC_NEWSBOAT_CLI_H

/* newsboat --import-newsboat [DIR] (src/cli.h says how modes report). */

#include "src/cli.h"

cli_run_fn newsboat_import_run;

#endif
