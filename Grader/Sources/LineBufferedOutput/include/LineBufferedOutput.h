#ifndef LINE_BUFFERED_OUTPUT_H
#define LINE_BUFFERED_OUTPUT_H

// Always 1: a symbol to refer to, so a linker never drops the file with the constructor.
int lineBufferedOutputLinked(void);

#endif
