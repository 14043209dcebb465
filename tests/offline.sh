#!/bin/sh
# Run a command with no network except loopback (a new network namespace), so a test that
# reaches outside fails for real. Loopback stays up: Jupyter kernels talk to it.
# Where namespaces are not permitted, run the command as it is, unless MEDIALIT_REQUIRE_OFFLINE=1.
set -eu
if [ "$(id -u)" = 0 ]; then flags="-n"; else flags="-rn"; fi
if unshare $flags ip link set lo up 2>/dev/null; then
    exec unshare $flags sh -c 'ip link set lo up && exec "$@"' offline "$@"
fi
if [ "${MEDIALIT_REQUIRE_OFFLINE:-0}" = 1 ]; then
    echo "offline.sh: cannot create a network namespace (unshare, ip), and MEDIALIT_REQUIRE_OFFLINE=1" >&2
    exit 1
fi
echo "offline.sh: network namespaces not permitted here; running with the network as it is" >&2
exec "$@"
