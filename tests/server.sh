# Sourced by the shell tests and benchmarks: starts the loopback test
# server (tests/server.py) on a free port.
#   server_start PORTFILE [server.py options...]
# sets $server (its pid, for the caller to kill) and $server_url
# ("http://127.0.0.1:PORT"), or exits 99 when the server does not come up
# within 10 s. Proxies are unset: the server must be reached directly.
server_start() {
	server_portfile=$1
	shift
	"${PYTHON3:-python3}" "${top_srcdir:-.}/tests/server.py" --no-stdin "$@" \
		>"$server_portfile" 2>/dev/null &
	server=$!
	server_tries=0
	while [ ! -s "$server_portfile" ] && [ $server_tries -lt 100 ]; do
		sleep 0.1
		server_tries=$((server_tries + 1))
	done
	server_url="http://127.0.0.1:$(head -n 1 "$server_portfile")"
	[ -s "$server_portfile" ] || { echo "server did not start"; exit 99; }
	unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY
}
