// libxml2 from Debian's libxml2-dev; its headers live under /usr/include/libxml2,
// which pkg-config (libxml-2.0) adds to the search path.
//
// Debian builds libxml2 with ICU, so encoding.h would pull in the system's ICU
// headers, whose UErrorCode clashes with the copy inside Foundation
// (_FoundationICU) in any module that sees both. Nothing here uses ICU converters,
// and the only struct that changes shape without them (xmlCharEncodingHandler) is
// never allocated or read by our code, only passed around by pointer inside libxml2.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
