// Linked into the learner's scratch pad: its standard output is written line by line even when
// it goes to a pipe or a file (where the C library would otherwise keep it in a buffer), so what
// the pad printed before a crash is not lost with the buffer.
#include "LineBufferedOutput.h"
#include <stdio.h>

__attribute__((constructor)) static void lineBufferedOutput(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
}

int lineBufferedOutputLinked(void) { return 1; }
