// Debian's libzmq3-dev installs zmq.h into /usr/include, so no pkg-config flags are
// needed; naming pkgConfig would leak a harmless but noisy krb5 -isystem warning.
#include <zmq.h>
