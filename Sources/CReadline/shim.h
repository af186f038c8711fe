// GNU readline (Debian: libreadline-dev). Only the Lab executable imports this.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
