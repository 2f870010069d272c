// libxml2 from Debian's libxml2-dev; its headers live under /usr/include/libxml2,
// which pkg-config (libxml-2.0) adds to the search path.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
