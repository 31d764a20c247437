// The answers of reading endpoints kept in the AnswerCache (server/answer_cache.h) and sent from
// it: computed once per data version and request, and for clients that accept gzip (a browser
// always does) compressed once per answer rather than once per request.
#pragma once

#include <functional>
#include <string>

#include "base/result.h"
#include "columnar/report_input.h"
#include "server/answer_cache.h"
#include "server/api_context.h"

namespace zhizao::server {

// The answer `compute` gives over `input`: through the answer cache of the database at `db_path`
// (its `shelf`) under `key` (everything the answer depends on besides the data version) when the
// input is a snapshot; computed each time for the loaded records (no data version). Errors:
// `compute`'s.
Result<GivenAnswer> served_answer(const std::string& db_path, const ReportInput& input,
                                  const std::string& key,
                                  const std::function<Result<ComputedAnswer>()>& compute,
                                  AnswerShelf shelf = AnswerShelf::kFigures);

// Sends `given` as a 200 JSON answer, gzip-encoded (Content-Encoding: gzip, Vary:
// Accept-Encoding) from its kept encoding when the request accepts gzip and it is worth it, as
// the transport would encode it (http/exchange.cc); an error as send_status. Precondition:
// `given` is not kInputBehind.
void send_answer(ApiCall& call, const Result<GivenAnswer>& given);

}  // namespace zhizao::server
