#include "http/http_server.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "http/exchange.h"
#include "http/tls.h"

namespace zhizao::http {

namespace {

// One accepted client while it is not being served: parked in the listener's poll set, or ready
// in the queue for a worker.
struct Client {
  Client() = default;
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;
  int fd() const { return session ? session->connection->socket_fd() : handshake->socket_fd(); }
  // What the listener polls for: a handshake may wait to write; a session waits for bytes.
  short events() const {
    return !session && handshake_waits == TlsHandshake::Next::kWrite ? POLLOUT : POLLIN;
  }
  // A head begun and not finished: when parked time runs out, a worker answers 408.
  bool head_begun() const { return session && session->reader->head_deadline().has_value(); }

  std::unique_ptr<TlsHandshake> handshake;  // TLS until its handshake is done
  TlsHandshake::Next handshake_waits = TlsHandshake::Next::kRead;
  std::unique_ptr<Session> session;  // plain: from the accept; TLS: from the handshake
  Deadline until{};                  // parked: closed, or answered 408 (head_begun), then
  std::string address;               // the peer's address, for the per-address count
};

// The peer's address without its port (IPv4 or IPv6 text), or "" when unknown.
std::string address_text(const sockaddr_storage& peer) {
  char text[INET6_ADDRSTRLEN] = "";
  if (peer.ss_family == AF_INET) {
    ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(&peer)->sin_addr, text, sizeof text);
  } else if (peer.ss_family == AF_INET6) {
    ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(&peer)->sin6_addr, text,
                sizeof text);
  }
  return text;
}

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  ExchangeSetup setup;
  std::unique_ptr<TlsContext> tls;
  int listen_fd = -1;
  int stop_fd = -1;  // an eventfd, readable once stop() was called
  int wake_fd = -1;  // an eventfd, readable when a worker parked a client
  std::atomic<bool> stopping{false};
  std::atomic<bool> running{false};
  std::atomic<int> open_clients{0};  // accepted and not yet closed: parked, ready or served
  std::mutex address_mutex;
  std::unordered_map<std::string, int> open_by_address;  // of open_clients, per peer address
  std::mutex mutex;
  std::condition_variable ready_cv;
  std::deque<std::unique_ptr<Client>> ready;      // readable, waiting for a worker
  std::vector<std::unique_ptr<Client>> returned;  // parked by workers, for the listener
  std::vector<std::unique_ptr<Client>> parked;    // the listener's own

  ~Impl() {
    if (listen_fd >= 0) ::close(listen_fd);
    if (stop_fd >= 0) ::close(stop_fd);
    if (wake_fd >= 0) ::close(wake_fd);
  }

  void close_client(std::unique_ptr<Client> client) {
    std::string address = std::move(client->address);
    client.reset();
    --open_clients;
    std::lock_guard lock(address_mutex);
    auto found = open_by_address.find(address);
    if (found != open_by_address.end() && --found->second == 0) open_by_address.erase(found);
  }

  // Counts a new connection from `address`; false (not counted) when that address holds
  // max_connections_per_address already.
  bool admit_address(const std::string& address) {
    std::lock_guard lock(address_mutex);
    int& open = open_by_address[address];
    const int cap = options.limits.max_connections_per_address;
    // A refused address has open >= cap > 0, so its entry existed before this lookup.
    if (cap > 0 && open >= cap) return false;
    ++open;
    return true;
  }

  // Serves what has arrived on `client`; parks it again when its next head has not. A TLS
  // client first takes one step of its handshake and is parked again while the handshake waits
  // for the peer, with the deadline set at its accept.
  void serve(std::unique_ptr<Client> client) {
    if (!client->session) {
      Result<TlsHandshake::Next> next = client->handshake->step();
      if (!next) return close_client(std::move(client));  // nobody to answer
      if (*next != TlsHandshake::Next::kDone) {
        client->handshake_waits = *next;
        return park(std::move(client));
      }
      client->session = std::make_unique<Session>(client->handshake->connection(), options.limits);
      client->handshake.reset();
    }
    if (serve_session(setup, *client->session, [this] { return stopping.load(); }) ==
        SessionEnd::kClosed) {
      return close_client(std::move(client));
    }
    client->until = client->session->reader->head_deadline().value_or(Clock::now() +
                                                                      options.limits.idle_timeout);
    park(std::move(client));
  }

  // Returns a client from a worker to the listener's poll set.
  void park(std::unique_ptr<Client> client) {
    {
      std::lock_guard lock(mutex);
      returned.push_back(std::move(client));
    }
    std::uint64_t one = 1;
    (void)!::write(wake_fd, &one, sizeof one);
  }

  void work() {
    for (;;) {
      std::unique_ptr<Client> client;
      {
        std::unique_lock lock(mutex);
        ready_cv.wait(lock, [this] { return stopping || !ready.empty(); });
        if (stopping) return;
        client = std::move(ready.front());
        ready.pop_front();
      }
      serve(std::move(client));
    }
  }

  // Hands `client` to a worker. A new client finds the queue full: 503 at once, and closed.
  void make_ready(std::unique_ptr<Client> client) {
    const bool fresh = !client->session || client->session->served == 0;
    {
      std::lock_guard lock(mutex);
      if (!fresh || ready.size() < static_cast<size_t>(options.limits.max_pending_connections)) {
        ready.push_back(std::move(client));
        ready_cv.notify_one();
        return;
      }
    }
    refuse_busy(client->fd());
    close_client(std::move(client));
  }

  void refuse_busy(int fd) const {
    // What the client has sent is read first (up to 64 KiB, without waiting): a socket closed
    // with unread bytes sends a reset, which may destroy the answer before the client reads it.
    char discard[16 * 1024];
    for (int i = 0; i < 4 && ::recv(fd, discard, sizeof discard, MSG_DONTWAIT) > 0; ++i) {
    }
    static constexpr char kBusy[] =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\n"
        "Connection: close\r\n\r\n";
    if (!tls) (void)::send(fd, kBusy, sizeof kBusy - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
  }

  // Parks a newly accepted socket until its first bytes arrive, or refuses it (503) when the
  // server holds max_open_connections already, or its address max_connections_per_address.
  void accept_client(int fd, std::string address) {
    if (open_clients.load() >= options.limits.max_open_connections || !admit_address(address)) {
      refuse_busy(fd);
      ::close(fd);
      return;
    }
    ++open_clients;
    auto client = std::make_unique<Client>();
    client->address = std::move(address);
    client->until = Clock::now() + options.limits.idle_timeout;
    if (tls) {
      Result<std::unique_ptr<TlsHandshake>> handshake = tls->begin(fd, stop_fd);
      if (!handshake) return close_client(std::move(client));
      client->handshake = std::move(*handshake);
      // The handshake is the first part of the first head: it must end within head_timeout.
      client->until = Clock::now() + options.limits.head_timeout;
    } else {
      client->session =
          std::make_unique<Session>(make_plain_connection(fd, stop_fd), options.limits);
    }
    parked.push_back(std::move(client));
  }

  // The poll timeout until the earliest parked client's time runs out (-1: none parked).
  int poll_timeout() const {
    if (parked.empty()) return -1;
    Deadline earliest = parked.front()->until;
    for (const auto& client : parked) earliest = std::min(earliest, client->until);
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(earliest - Clock::now());
    return static_cast<int>(std::clamp<long>(left.count() + 1, 0, 60'000));
  }

  // After a poll: readable clients and those whose head ran out of time go to the workers; idle
  // ones whose time ran out are closed.
  void sweep_parked(const std::vector<pollfd>& fds, size_t first) {
    Deadline now = Clock::now();
    std::vector<std::unique_ptr<Client>> kept;
    kept.reserve(parked.size());
    for (size_t i = 0; i < parked.size(); ++i) {
      std::unique_ptr<Client>& client = parked[i];
      const bool readable = i + first < fds.size() && fds[i + first].revents != 0;
      if (readable || (now >= client->until && client->head_begun())) {
        make_ready(std::move(client));
      } else if (now >= client->until) {
        close_client(std::move(client));
      } else {
        kept.push_back(std::move(client));
      }
    }
    parked = std::move(kept);
  }
};

HttpServer::HttpServer(ServerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->setup.limits = impl_->options.limits;
  impl_->setup.allowed_hosts = impl_->options.allowed_hosts;
  impl_->stop_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  impl_->wake_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

HttpServer::~HttpServer() = default;

Router& HttpServer::routes() { return impl_->setup.router; }

void HttpServer::set_static_files(std::unique_ptr<StaticFiles> files, std::string app_index) {
  impl_->setup.static_files = std::move(files);
  impl_->setup.app_index = std::move(app_index);
}

void HttpServer::set_default_headers(Headers headers) {
  impl_->setup.default_headers = std::move(headers);
}

void HttpServer::set_head_check(std::function<bool(const Request&, Response&)> check) {
  impl_->setup.head_check = std::move(check);
}

void HttpServer::set_error_body(
    std::function<void(const Request&, Response&, std::string_view)> fill) {
  impl_->setup.error_body = std::move(fill);
}

void HttpServer::set_exchange_log(std::function<void(const ExchangeRecord&)> log) {
  impl_->setup.exchange_log = std::move(log);
}

void HttpServer::set_after_routing(std::function<void(const Request&, Response&)> after) {
  impl_->setup.after_routing = std::move(after);
}

void HttpServer::set_exception_handler(
    std::function<void(const Request&, Response&, std::exception_ptr)> handler) {
  impl_->setup.exception_handler = std::move(handler);
}

Result<int> HttpServer::bind() {
  const ServerOptions& options = impl_->options;
  if (options.tls_cert_path.empty() != options.tls_key_path.empty()) {
    return fail(Status::usage("TLS needs both a certificate and a private key file"));
  }
  if (!options.tls_cert_path.empty()) {
    Result<std::unique_ptr<TlsContext>> tls =
        TlsContext::load(options.tls_cert_path, options.tls_key_path);
    if (!tls) return fail(tls.error());
    impl_->tls = std::move(*tls);
  }
  if (impl_->stop_fd < 0 || impl_->wake_fd < 0) return fail(Status::io_error("eventfd failed"));
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  std::string port_text = std::to_string(options.port);
  std::string where = options.bind + ":" + port_text;
  if (::getaddrinfo(options.bind.c_str(), port_text.c_str(), &hints, &found) != 0 || !found) {
    return fail(Status::io_error("cannot listen on " + where + ": unknown address"));
  }
  int fd = ::socket(found->ai_family, found->ai_socktype | SOCK_CLOEXEC, found->ai_protocol);
  int yes = 1;
  bool bound = fd >= 0 && ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes) == 0 &&
               ::bind(fd, found->ai_addr, found->ai_addrlen) == 0 && ::listen(fd, 128) == 0;
  std::string reason = std::strerror(errno);
  ::freeaddrinfo(found);
  if (!bound) {
    if (fd >= 0) ::close(fd);
    return fail(Status::io_error("cannot listen on " + where + ": " + reason));
  }
  sockaddr_storage local{};
  socklen_t length = sizeof local;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &length);
  int port = local.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&local)->sin6_port)
                                         : ntohs(reinterpret_cast<sockaddr_in*>(&local)->sin_port);
  impl_->listen_fd = fd;
  return port;
}

Status HttpServer::listen() {
  Impl& d = *impl_;
  if (d.listen_fd < 0) return Status::usage("listen() before bind()");
  std::vector<std::thread> workers;
  for (int i = 0; i < std::max(1, d.options.limits.workers); ++i) {
    workers.emplace_back([&d] { d.work(); });
  }
  d.running = !d.stopping;
  Status outcome = Status::ok();
  std::vector<pollfd> fds;
  // Clients wait here, in one poll set, between requests and while their heads arrive, and take
  // a worker only when they have sent something: an idle keep-alive connection or a head sent a
  // byte at a time holds no worker (docs/security.md, "Bounds").
  constexpr size_t kFirstParked = 3;
  while (!d.stopping) {
    {
      std::lock_guard lock(d.mutex);
      for (auto& client : d.returned) d.parked.push_back(std::move(client));
      d.returned.clear();
    }
    fds.assign({{d.listen_fd, POLLIN, 0}, {d.stop_fd, POLLIN, 0}, {d.wake_fd, POLLIN, 0}});
    for (const auto& client : d.parked) fds.push_back({client->fd(), client->events(), 0});
    int n = ::poll(fds.data(), fds.size(), d.poll_timeout());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      outcome = Status::io_error(std::string("poll: ") + std::strerror(errno));
      break;
    }
    if (fds[1].revents != 0) break;
    if (fds[2].revents != 0) {
      std::uint64_t count = 0;
      (void)!::read(d.wake_fd, &count, sizeof count);
    }
    d.sweep_parked(fds, kFirstParked);
    if (fds[0].revents != 0) {
      sockaddr_storage peer{};
      socklen_t peer_length = sizeof peer;
      int client =
          ::accept4(d.listen_fd, reinterpret_cast<sockaddr*>(&peer), &peer_length, SOCK_CLOEXEC);
      // A failed accept: the peer gave up, or the process is out of descriptors.
      if (client >= 0) d.accept_client(client, address_text(peer));
    }
  }
  {
    std::lock_guard lock(d.mutex);
    d.stopping = true;
  }
  d.ready_cv.notify_all();
  for (std::thread& worker : workers) worker.join();
  d.parked.clear();  // closes them: the server has stopped
  d.returned.clear();
  d.ready.clear();
  d.running = false;
  return outcome;
}

void HttpServer::stop() {
  impl_->stopping = true;
  uint64_t one = 1;
  if (impl_->stop_fd >= 0) (void)!::write(impl_->stop_fd, &one, sizeof one);
  { std::lock_guard lock(impl_->mutex); }
  impl_->ready_cv.notify_all();
}

bool HttpServer::is_running() const { return impl_->running; }

}  // namespace zhizao::http
