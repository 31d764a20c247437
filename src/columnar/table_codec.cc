#include "columnar/table_codec.h"

#include <cstdint>
#include <cstring>
#include <optional>
#include <thread>
#include <type_traits>

namespace zhizao::detail {
namespace {

// Appends values: integers and doubles as their native bytes, texts as a u32 length and bytes,
// optionals as a presence byte and the value.
class ByteWriter {
 public:
  template <typename T>
  requires std::is_arithmetic_v<T>
  void put(T value) { out_.append(reinterpret_cast<const char*>(&value), sizeof value); }
  void put(const std::string& text) {
    put(static_cast<std::uint32_t>(text.size()));
    out_ += text;
  }
  void put(bool flag) { put(static_cast<std::uint8_t>(flag ? 1 : 0)); }
  void put(YearMonth month) {
    put(static_cast<std::int32_t>(month.year));
    put(static_cast<std::int32_t>(month.month));
  }
  void put(const std::optional<double>& value) {
    put(value.has_value());
    if (value) put(*value);
  }
  void put(const std::optional<CivilDate>& date) {
    put(date.has_value());
    if (date) {
      put(static_cast<std::int32_t>(date->year));
      put(static_cast<std::int32_t>(date->month));
      put(static_cast<std::int32_t>(date->day));
    }
  }
  void put(const CivilDate& date) { put(std::optional<CivilDate>(date)); }
  void put(const std::optional<long>& value) {
    put(value.has_value());
    if (value) put(static_cast<std::int64_t>(*value));
  }
  void put(const std::optional<int>& value) {
    put(value.has_value());
    if (value) put(static_cast<std::int32_t>(*value));
  }
  void put(TargetIndicator indicator) { put(static_cast<std::uint8_t>(indicator)); }
  void put(const std::vector<std::string>& texts) {
    put(static_cast<std::uint32_t>(texts.size()));
    for (const std::string& text : texts) put(text);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what ByteWriter wrote; after the first overrun every read fails and ok() is false.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

  template <typename T>
  requires std::is_arithmetic_v<T> T get() {
    T value{};
    if (!take(sizeof value)) return value;
    std::memcpy(&value, bytes_.data() + at_ - sizeof value, sizeof value);
    return value;
  }
  void get(std::string& text) {
    auto size = get<std::uint32_t>();
    if (!take(size)) return;
    text.assign(bytes_.data() + at_ - size, size);
  }
  void get(bool& flag) { flag = get<std::uint8_t>() != 0; }
  void get(int& value) { value = get<std::int32_t>(); }
  void get(double& value) { value = get<double>(); }
  void get(YearMonth& month) {
    get(month.year);
    get(month.month);
  }
  void get(std::optional<double>& value) {
    value.reset();
    if (get<std::uint8_t>() != 0) value = get<double>();
  }
  void get(std::optional<CivilDate>& date) {
    date.reset();
    if (get<std::uint8_t>() == 0) return;
    CivilDate read;
    get(read.year);
    get(read.month);
    get(read.day);
    date = read;
  }
  // A date that is always there is written as an optional one: absent is damage.
  void get(CivilDate& date) {
    std::optional<CivilDate> read;
    get(read);
    if (!read) ok_ = false;
    date = read.value_or(CivilDate{});
  }
  void get(std::optional<long>& value) {
    value.reset();
    if (get<std::uint8_t>() != 0) value = static_cast<long>(get<std::int64_t>());
  }
  void get(std::optional<int>& value) {
    value.reset();
    if (get<std::uint8_t>() != 0) value = get<std::int32_t>();
  }
  void get(TargetIndicator& indicator) {
    auto code = get<std::uint8_t>();
    if (code > static_cast<std::uint8_t>(TargetIndicator::kManufacturingEnterprisesOver)) {
      ok_ = false;
      return;
    }
    indicator = static_cast<TargetIndicator>(code);
  }
  void get(std::vector<std::string>& texts) {
    std::uint32_t count = get_count(4);
    texts.resize(count);
    for (std::string& text : texts) get(text);
  }
  // A count of items, each at least `min_item_bytes` long: refused when the rest cannot hold it,
  // so a damaged count never asks for gigabytes.
  std::uint32_t get_count(std::size_t min_item_bytes) {
    auto count = get<std::uint32_t>();
    if (count > (bytes_.size() - at_) / min_item_bytes) {
      ok_ = false;
      return 0;
    }
    return count;
  }
  // Passes over a text without reading it.
  void skip_text() { take(get<std::uint32_t>()); }
  bool ok() const { return ok_; }
  bool at_end() const { return at_ == bytes_.size(); }
  std::size_t position() const { return at_; }
  std::string_view bytes() const { return bytes_; }
  void fail() { ok_ = false; }

 private:
  bool take(std::size_t size) {
    if (!ok_ || size > bytes_.size() - at_) {
      ok_ = false;
      return false;
    }
    at_ += size;
    return true;
  }
  std::string_view bytes_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

// One function per record kind lists its fields once, for writing and reading alike.
template <typename Io, typename E>
void fields(Io& io, E& e) requires std::is_same_v<std::remove_const_t<E>, Enterprise> {
  io(e.uscc, e.name, e.industry, e.division, e.region, e.park, e.chains, e.key);
}
template <typename Io, typename D>
void fields(Io& io, D& d) requires std::is_same_v<std::remove_const_t<D>, Deflator> {
  io(d.division, d.period, d.ppi);
}
template <typename Io, typename R>
void fields(Io& io, R& r) requires std::is_same_v<std::remove_const_t<R>, ValueAddedRatio> {
  io(r.division, r.year, r.ratio);
}
template <typename Io, typename P>
void fields(Io& io, P& p) requires std::is_same_v<std::remove_const_t<P>, Park> {
  io(p.id, p.name, p.region, p.category);
}
template <typename Io, typename C>
void fields(Io& io, C& c) requires std::is_same_v<std::remove_const_t<C>, Chain> {
  io(c.id, c.name);
}
template <typename Io, typename P>
void fields(Io& io, P& p) requires std::is_same_v<std::remove_const_t<P>, Project> {
  io(p.id, p.name, p.region, p.total_investment, p.industry, p.chain, p.park,
     p.year_plan_investment, p.planned_start, p.actual_start, p.planned_completion,
     p.actual_completion, p.campaign);
}
template <typename Io, typename P>
void fields(Io& io, P& p) requires std::is_same_v<std::remove_const_t<P>, ProjectProgress> {
  io(p.project_id, p.period, p.investment);
}
template <typename Io, typename G>
void fields(Io& io, G& g) requires std::is_same_v<std::remove_const_t<G>, RegionGroup> {
  io(g.id, g.name, g.members);
}

template <typename Io, typename P>
void fields(Io& io, P& p) requires std::is_same_v<std::remove_const_t<P>, Product> {
  io(p.code, p.name, p.unit, p.division);
}
template <typename Io, typename O>
void fields(Io& io, O& o) requires std::is_same_v<std::remove_const_t<O>, ProductOutput> {
  io(o.uscc, o.period, o.product, o.quantity, o.quantity_prev);
}
template <typename Io, typename T>
void fields(Io& io, T& t) requires std::is_same_v<std::remove_const_t<T>, Target> {
  io(t.id, t.name, t.indicator, t.scope, t.year, t.value, t.threshold);
}
template <typename Io, typename C>
void fields(Io& io, C& c) requires std::is_same_v<std::remove_const_t<C>, Campaign> {
  io(c.id, c.name, c.from, c.to, c.planned_starts, c.planned_completions, c.planned_investment);
}
template <typename Io, typename A>
void fields(Io& io, A& a) requires std::is_same_v<std::remove_const_t<A>, Assignment> {
  io(a.uscc, a.cadre, a.department);
}
template <typename Io, typename V>
void fields(Io& io, V& v) requires std::is_same_v<std::remove_const_t<V>, Visit> {
  io(v.uscc, v.date, v.cadre, v.findings);
}
template <typename Io, typename C>
void fields(Io& io, C& c) requires std::is_same_v<std::remove_const_t<C>, ServiceCase> {
  io(c.id, c.uscc, c.raised, c.category, c.department, c.deadline, c.resolved, c.rating);
}

struct Put {
  ByteWriter& writer;
  template <typename... T>
  void operator()(const T&... values) {
    (put_one(values), ...);
  }
  void put_one(int value) { writer.put(static_cast<std::int32_t>(value)); }
  template <typename T>
  void put_one(const T& value) {
    writer.put(value);
  }
};

struct Get {
  ByteReader& reader;
  template <typename... T>
  void operator()(T&... values) {
    (reader.get(values), ...);
  }
};

template <typename Row>
void put_rows(ByteWriter& writer, const std::vector<Row>& rows) {
  writer.put(static_cast<std::uint32_t>(rows.size()));
  Put put{writer};
  for (const Row& row : rows) fields(put, row);
}

template <typename Row>
void get_rows(ByteReader& reader, std::vector<Row>& rows) {
  // Every record is at least a few bytes long (a text's length alone takes four).
  std::uint32_t count = reader.get_count(4);
  rows.resize(count);
  Get get{reader};
  for (Row& row : rows) {
    if (!reader.ok()) break;
    fields(get, row);
  }
}

// From this many enterprises the second core decodes half of them (issue 17: decoding 500,000
// enterprises, five texts each, was the largest single-threaded part of opening a snapshot).
constexpr std::uint32_t kParallelEnterprisesFrom = 20'000;

// Passes over one enterprise as fields() writes it: six texts, a list of texts and a flag.
void skip_enterprise(ByteReader& reader) {
  for (int text = 0; text < 6; ++text) reader.skip_text();
  std::uint32_t chains = reader.get_count(4);
  for (std::uint32_t c = 0; c < chains; ++c) reader.skip_text();
  reader.get<std::uint8_t>();
}

// Decodes rows[from, to) from `bytes`, which must hold exactly them; false when they do not.
bool decode_enterprises(std::string_view bytes, std::vector<Enterprise>& rows, std::size_t from,
                        std::size_t to) {
  ByteReader reader(bytes);
  Get get{reader};
  for (std::size_t i = from; i < to && reader.ok(); ++i) fields(get, rows[i]);
  return reader.ok() && reader.at_end();
}

// get_rows for the enterprises, the two halves decoded on two threads at national scale: the
// first pass only finds where the second half starts and where the list ends.
void get_enterprises(ByteReader& reader, std::vector<Enterprise>& rows) {
  const std::uint32_t count = reader.get_count(4);
  if (count < kParallelEnterprisesFrom || std::thread::hardware_concurrency() < 2) {
    rows.resize(count);
    Get get{reader};
    for (Enterprise& row : rows) {
      if (!reader.ok()) break;
      fields(get, row);
    }
    return;
  }
  const std::size_t start = reader.position();
  const std::uint32_t half = count / 2;
  for (std::uint32_t i = 0; i < half && reader.ok(); ++i) skip_enterprise(reader);
  const std::size_t middle = reader.position();
  for (std::uint32_t i = half; i < count && reader.ok(); ++i) skip_enterprise(reader);
  if (!reader.ok()) return;
  const std::string_view bytes = reader.bytes();
  rows.resize(count);
  bool second_ok = false;
  {
    std::jthread second([&] {
      second_ok =
          decode_enterprises(bytes.substr(middle, reader.position() - middle), rows, half, count);
    });
    if (!decode_enterprises(bytes.substr(start, middle - start), rows, 0, half)) reader.fail();
  }
  if (!second_ok) reader.fail();
}

}  // namespace

std::string encode_tables(const Dataset& tables) {
  ByteWriter writer;
  put_rows(writer, tables.enterprises);
  put_rows(writer, tables.deflators);
  put_rows(writer, tables.va_ratios);
  put_rows(writer, tables.parks);
  put_rows(writer, tables.chains);
  put_rows(writer, tables.projects);
  put_rows(writer, tables.project_progress);
  put_rows(writer, tables.region_groups);
  put_rows(writer, tables.products);
  put_rows(writer, tables.product_output);
  put_rows(writer, tables.targets);
  put_rows(writer, tables.campaigns);
  put_rows(writer, tables.assignments);
  put_rows(writer, tables.visits);
  put_rows(writer, tables.cases);
  writer.put(tables.area_code);
  return writer.take();
}

Result<Dataset> decode_tables(std::string_view bytes) {
  ByteReader reader(bytes);
  Dataset tables;
  get_enterprises(reader, tables.enterprises);
  get_rows(reader, tables.deflators);
  get_rows(reader, tables.va_ratios);
  get_rows(reader, tables.parks);
  get_rows(reader, tables.chains);
  get_rows(reader, tables.projects);
  get_rows(reader, tables.project_progress);
  get_rows(reader, tables.region_groups);
  get_rows(reader, tables.products);
  get_rows(reader, tables.product_output);
  get_rows(reader, tables.targets);
  get_rows(reader, tables.campaigns);
  get_rows(reader, tables.assignments);
  get_rows(reader, tables.visits);
  get_rows(reader, tables.cases);
  reader.get(tables.area_code);
  if (!reader.ok() || !reader.at_end()) {
    return fail(Status::corruption("the snapshot's tables are damaged"));
  }
  return tables;
}

}  // namespace zhizao::detail
