#include "http/http_server.h"

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
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

#include "http/exchange.h"
#include "http/tls.h"

namespace zhizao::http {

struct HttpServer::Impl {
  ServerOptions options;
  ExchangeSetup setup;
  std::unique_ptr<TlsContext> tls;
  int listen_fd = -1;
  int stop_fd = -1;  // an eventfd, readable once stop() was called
  std::atomic<bool> stopping{false};
  std::atomic<bool> running{false};
  std::mutex mutex;
  std::condition_variable ready;
  std::deque<int> pending;  // accepted sockets waiting for a worker

  ~Impl() {
    if (listen_fd >= 0) ::close(listen_fd);
    if (stop_fd >= 0) ::close(stop_fd);
    for (int fd : pending) ::close(fd);
  }

  void serve_socket(int fd) {
    Deadline handshake_deadline = Clock::now() + options.limits.head_timeout;
    std::unique_ptr<Connection> connection;
    if (tls) {
      Result<std::unique_ptr<Connection>> accepted = tls->accept(fd, stop_fd, handshake_deadline);
      if (!accepted) return;  // a failed handshake has nobody to answer
      connection = std::move(*accepted);
    } else {
      connection = make_plain_connection(fd, stop_fd);
    }
    serve_connection(setup, *connection, [this] { return stopping.load(); });
  }

  void work() {
    for (;;) {
      int fd;
      {
        std::unique_lock lock(mutex);
        ready.wait(lock, [this] { return stopping || !pending.empty(); });
        if (stopping) return;
        fd = pending.front();
        pending.pop_front();
      }
      serve_socket(fd);
    }
  }

  // Hands `fd` to a worker, or answers 503 at once when too many wait.
  void enqueue(int fd) {
    {
      std::lock_guard lock(mutex);
      if (pending.size() < static_cast<size_t>(options.limits.max_pending_connections)) {
        pending.push_back(fd);
        ready.notify_one();
        return;
      }
    }
    static constexpr char kBusy[] =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\n"
        "Connection: close\r\n\r\n";
    if (!tls) (void)::send(fd, kBusy, sizeof kBusy - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
    ::close(fd);
  }
};

HttpServer::HttpServer(ServerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->setup.limits = impl_->options.limits;
  impl_->setup.allowed_hosts = impl_->options.allowed_hosts;
  impl_->stop_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
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
  if (impl_->stop_fd < 0) return fail(Status::io_error("eventfd failed"));
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
  while (!d.stopping) {
    pollfd fds[2] = {{d.listen_fd, POLLIN, 0}, {d.stop_fd, POLLIN, 0}};
    int n = ::poll(fds, 2, -1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      outcome = Status::io_error(std::string("poll: ") + std::strerror(errno));
      break;
    }
    if (fds[1].revents != 0) break;
    int client = ::accept4(d.listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;  // the peer gave up, or out of descriptors for a moment
    d.enqueue(client);
  }
  {
    std::lock_guard lock(d.mutex);
    d.stopping = true;
  }
  d.ready.notify_all();
  for (std::thread& worker : workers) worker.join();
  d.running = false;
  return outcome;
}

void HttpServer::stop() {
  impl_->stopping = true;
  uint64_t one = 1;
  if (impl_->stop_fd >= 0) (void)!::write(impl_->stop_fd, &one, sizeof one);
  { std::lock_guard lock(impl_->mutex); }
  impl_->ready.notify_all();
}

bool HttpServer::is_running() const { return impl_->running; }

}  // namespace zhizao::http
