#include "server/served_answer.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>

#include "http/content_coding.h"
#include "server/http_support.h"

namespace zhizao::server {

Result<GivenAnswer> served_answer(const std::string& db_path, const ReportInput& input,
                                  const std::string& key,
                                  const std::function<Result<ComputedAnswer>()>& compute,
                                  AnswerShelf shelf) {
  std::optional<std::int64_t> version = input.data_version();
  if (version) return answer_cache(db_path, shelf).answer(*version, key, compute);
  Result<ComputedAnswer> computed = compute();
  if (!computed) return fail(computed.error());
  if (computed->use == AnswerUse::kComputeAgain) {
    return GivenAnswer{AnswerOutcome::kInputBehind, nullptr};
  }
  return GivenAnswer{AnswerOutcome::kAnswered,
                     std::make_shared<const KeptAnswer>(std::move(computed->text))};
}

void send_answer(ApiCall& call, const Result<GivenAnswer>& given) {
  if (!given) {
    send_status(call.res, given.error());
    return;
  }
  const KeptAnswer& answer = *given->answer;
  // The transport's threshold and coding (http/exchange.cc): smaller answers go as they are.
  if (answer.text().size() >= http::kMinCompressedAnswerBytes &&
      http::choose_coding(call.req.get_header_value("Accept-Encoding"), http::OfferBrotli::kNo) ==
          http::ContentCoding::kGzip) {
    if (const std::string* gzipped = answer.gzipped()) {
      send_json_text(call.res, 200, *gzipped);
      call.res.set_header("Content-Encoding", "gzip");
      call.res.set_header("Vary", "Accept-Encoding");
      return;
    }
  }
  send_json_text(call.res, 200, answer.text());
}

}  // namespace zhizao::server
