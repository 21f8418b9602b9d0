-- Prosody as an XMPP MUC server over WebSocket for the benchmark (Debian's prosody package, 0.12).
-- The generator fills in BENCH_DIR and BENCH_PORT by environment; everything listens on 127.0.0.1 only.
-- Anonymous login (SASL ANONYMOUS) so that no accounts need to be made; rooms are created on first join,
-- unlocked, with no history sent to joiners and nothing archived: the in-memory MUC as shipped.
local dir = os.getenv("BENCH_DIR")
local port = tonumber(os.getenv("BENCH_PORT"))

run_as_root = true
daemonize = false
pidfile = dir .. "/prosody.pid"
data_path = dir
log = { { levels = { min = "warn" }, to = "console" } }
use_libevent = false
network_backend = "epoll"

interfaces = { "127.0.0.1" }
local_interfaces = { "127.0.0.1" }
http_interfaces = { "127.0.0.1" }
https_interfaces = { }
http_ports = { port }
https_ports = { }
c2s_ports = { port + 1 }
s2s_ports = { }
component_ports = { }

modules_enabled = { "saslauth", "disco", "ping", "websocket" }
modules_disabled = { "s2s", "offline", "tls" }
certificates = dir
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
consider_websocket_secure = true
cross_domain_websocket = true
statistics = nil

VirtualHost "localhost"
  authentication = "anonymous"
  allow_anonymous_s2s = false

Component "conference.localhost" "muc"
  muc_room_locking = false
  muc_room_default_history_length = 0
  max_history_messages = 0
  restrict_room_creation = false
