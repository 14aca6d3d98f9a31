// Japanese surnames and given names from ENAMDICT (Debian package
// `enamdict`, /usr/share/edict/enamdict, CC BY-SA: read at run time from the
// package, never copied into this repository). A signal for the name
// detector, not its gate: names missing here are still found when the
// context is strong.
//
// Keys are the written form (山田), the reading in katakana (ヤマダ) and the
// romanization in lower case (yamada), each with what it can be a part of.
// Stored compactly: each distinct key once, in the file's EUC-JP (two bytes
// a character), in one blob (length, bytes, flags) with an open-addressing
// table of offsets. Loading streams the file and hashes the name entries'
// keys without converting them; Lookup() converts its UTF-8 key instead.
// With several loading threads each reads a part of the file into a table
// of its own, and a lookup asks each table.
#ifndef MAMORI_DETECTORS_NAME_DICT_H_
#define MAMORI_DETECTORS_NAME_DICT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mamori {

enum NameFlag : uint8_t {
  kSurnameWritten = 1 << 0,  // (s)
  kGivenWritten = 1 << 1,    // (g), (f), (m)
  kSurnameReading = 1 << 2,  // katakana reading of a surname
  kGivenReading = 1 << 3,
  kSurnameRomaji = 1 << 4,  // lower-case romanization
  kGivenRomaji = 1 << 5,
};

class NameDictionary {
 public:
  // The default location of the Debian package's file.
  static constexpr std::string_view kEnamdictPath = "/usr/share/edict/enamdict";

  // The process-wide dictionary, loaded from kEnamdictPath on first use
  // (thread-safe; read-only afterwards) by `load_threads` threads (the
  // first caller's choice). When the file is missing or unreadable it is
  // empty and one warning goes to stderr.
  static const NameDictionary& Shared(unsigned load_threads = 1);

  // Parses ENAMDICT lines already decoded to UTF-8, such as
  //   山田 [やまだ] /(s) Yamada/
  // Entries that are not person names (places, companies, products) are skipped.
  static NameDictionary FromUtf8(std::string_view text);

  // Reads an EUC-JP ENAMDICT file, split into `threads` parts read at once
  // (one table each); empty (and *error set) when it cannot.
  static NameDictionary Load(const std::string& path, std::string* error, unsigned threads = 1);

  // The NameFlag bits of the UTF-8 `key` (0 when absent): the union over
  // the parts. Thread-safe.
  uint8_t Lookup(std::string_view utf8_key) const;

  // Keys stored (a key in several parts counts once per part).
  size_t size() const;

 private:
  // One part's keys: each distinct key once, in the file's EUC-JP, in a
  // blob (length, bytes, flags) with an open-addressing table of offsets.
  class Table {
   public:
    // Adds the keys of EUC-JP entry lines; Flush() after the last.
    void AddEntries(std::string_view lines);
    void AddEntry(std::string_view line);
    void Flush();
    uint8_t Lookup(std::string_view euc_key, uint32_t hash) const;
    size_t size() const { return size_; }
    static uint32_t Hash(std::string_view key);

   private:
    // Queues a key; Flush() inserts the queue.
    void Add(std::string_view key, uint8_t flags);
    void Insert(std::string_view key, uint8_t flags, uint32_t hash);
    // The slot that holds `key` (whose Hash() is `hash`), or the empty slot
    // where it would go.
    size_t Find(std::string_view key, uint32_t hash) const;
    void Grow();

    std::string blob_;  // per key: length byte, the key, flags byte
    // Per slot: the key's hash (high half) and 1 + its offset in blob_ (low
    // half); 0 is empty. The hash spares most probes a look into blob_, and
    // growing a rehash of the keys (loading ENAMDICT is most of a short scan).
    std::vector<uint64_t> slots_;
    // Keys waiting to be inserted while loading (their strings keep their storage).
    struct Pending {
      std::string key;
      uint8_t flags = 0;
      uint32_t hash = 0;
    };
    std::vector<Pending> pending_;
    size_t pending_used_ = 0;
    size_t size_ = 0;
  };

  std::vector<Table> tables_;
};

// ASCII letters to lower case (romanized keys); other bytes unchanged.
std::string ToLowerAscii(std::string_view s);

}  // namespace mamori

#endif  // MAMORI_DETECTORS_NAME_DICT_H_
