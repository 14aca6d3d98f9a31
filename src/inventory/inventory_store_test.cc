#include "inventory/inventory_store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/temp_dir_test_util.h"
#include "inventory/schema.h"
#include "inventory/sqlite_backend.h"

namespace mamori::inventory {
namespace {

constexpr const char* kHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
constexpr const char* kCard = "4901234567890121";

StoreKey Key(const char* hex = kHex) { return *StoreKey::FromHex(hex); }

class InventoryStoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<InventoryStore> Open() {
    auto store = InventoryStore::Open(path_, Key());
    EXPECT_TRUE(store.ok()) << store.status().message();
    return store.ok() ? std::move(*store) : nullptr;
  }

  // One run over /data: a.csv with a card number in a table cell.
  static void RecordFirstRun(InventoryStore& store) {
    auto last = store.BeginRun({"host1", {"/data"}, "[]"});
    ASSERT_TRUE(last.ok()) << last.status().message();
    EXPECT_EQ(last->id, 0);
    Finding f;
    f.type = DataType::kCardNumber;
    f.value = kCard;
    f.line = 2;
    f.where.row = 1;
    f.where.column = "カード番号";
    store.AddFindings("/data/a.csv", {f});
    ObjectReport o;
    o.path = "/data/a.csv";
    o.bytes = 40;
    o.records = 1;
    o.findings = 1;
    o.risk = Risk::kHigh;
    o.counts[static_cast<size_t>(DataType::kCardNumber)] = 1;
    o.file = FileIdentity{o.path, 40, 123, 0xabcdef};
    store.AddObject(o, "appeared");
    ScanSummary summary;
    summary.findings = 1;
    summary.max_risk = Risk::kHigh;
    ASSERT_TRUE(store.FinishRun(summary, {}).ok());
  }

  std::string FileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  TempDir dir_;
  const std::string path_ = dir_ / "inv.sqlite";
};

TEST_F(InventoryStoreTest, RoundTripWithoutTheRawValue) {
  {
    auto store = Open();
    RecordFirstRun(*store);
    auto objects = store->CurrentObjects();
    ASSERT_TRUE(objects.ok());
    ASSERT_EQ(objects->size(), 1u);
    const StoredObject& o = objects->front();
    EXPECT_EQ(o.host, "host1");
    EXPECT_EQ(o.path, "/data/a.csv");
    EXPECT_EQ(o.risk, Risk::kHigh);
    EXPECT_EQ(o.counts[static_cast<size_t>(DataType::kCardNumber)], 1u);
    EXPECT_EQ(o.mtime_ns, 123);
    EXPECT_EQ(o.content_hash, "0000000000abcdef");
    EXPECT_TRUE(o.top_level());

    auto found = store->FindValue(DataType::kCardNumber, kCard);
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ(found->front().masked, "490123******0121");
    EXPECT_EQ(found->front().where.column, "カード番号");
    EXPECT_EQ(*found->front().where.row, 1u);
    EXPECT_TRUE(store->FindValue(DataType::kCardNumber, "4111111111111111")->empty());
    EXPECT_TRUE(store->FindValue(DataType::kPhone, kCard)->empty());  // typed hash
  }
  struct stat st;
  ASSERT_EQ(::stat(path_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  for (const char* suffix : {"", "-wal"}) {
    EXPECT_EQ(FileBytes(path_ + suffix).find(kCard), std::string::npos) << suffix;
  }
}

TEST_F(InventoryStoreTest, RescanCarriesAnUnchangedObjectForward) {
  auto store = Open();
  RecordFirstRun(*store);
  auto last = store->BeginRun({"host1", {"/data"}, "[]"});
  ASSERT_TRUE(last.ok());
  ASSERT_NE(last->id, 0);
  ASSERT_EQ(last->objects.count("/data/a.csv"), 1u);
  const KnownObject& known = last->objects.at("/data/a.csv");
  ASSERT_TRUE(known.file.has_value());
  EXPECT_EQ(known.file->content_hash, 0xabcdefu);
  EXPECT_EQ(known.file->mtime_ns, 123);
  EXPECT_EQ(known.risk, Risk::kHigh);
  store->CarryForward(last->id, "/data/a.csv");
  RunChanges changes;
  changes.unchanged = 1;
  changes.disappeared = {"/data/gone.txt"};
  ASSERT_TRUE(store->FinishRun({}, changes).ok());

  auto objects = store->CurrentObjects();
  ASSERT_EQ(objects->size(), 1u);
  EXPECT_EQ(objects->front().run_id, store->run_id());
  EXPECT_EQ(objects->front().change, "unchanged");
  // The findings stay where the first run wrote them, and are found.
  EXPECT_EQ(store->FindValue(DataType::kCardNumber, kCard)->size(), 1u);
  auto runs = store->Runs();
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ(runs->back().unchanged, 1u);
  EXPECT_EQ(runs->back().disappeared, 1u);
  EXPECT_EQ(runs->back().objects, 1u);
  auto listed = store->Changes(store->run_id());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front(),
            std::make_pair(std::string("/data/gone.txt"), std::string("disappeared")));
}

TEST_F(InventoryStoreTest, AnotherScopeIsNotItsBaselineAndBothAreCurrent) {
  auto store = Open();
  RecordFirstRun(*store);
  auto other = store->BeginRun({"host1", {"/other"}, "[]"});
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->id, 0);
  ObjectReport o;
  o.path = "/other/b.txt";
  store->AddObject(o, "appeared");
  ASSERT_TRUE(store->FinishRun({}, {}).ok());
  EXPECT_EQ(store->CurrentObjects()->size(), 2u);
}

TEST_F(InventoryStoreTest, OtherSettingsAreAnotherScope) {
  auto store = Open();
  RecordFirstRun(*store);
  auto other = store->BeginRun({"host1", {"/data"}, "[]", "types=only-email"});
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->id, 0);  // nothing found with other types is carried
}

TEST_F(InventoryStoreTest, UnfinishedRunIsNotCurrent) {
  auto store = Open();
  RecordFirstRun(*store);
  ASSERT_TRUE(store->BeginRun({"host1", {"/data"}, "[]"}).ok());
  ObjectReport o;
  o.path = "/data/new.txt";
  store->AddObject(o, "appeared");
  ASSERT_TRUE(store->Flush().ok());
  auto objects = store->CurrentObjects();
  ASSERT_EQ(objects->size(), 1u);
  EXPECT_EQ(objects->front().path, "/data/a.csv");
}

TEST_F(InventoryStoreTest, AnotherKeyIsRefused) {
  ASSERT_NE(Open(), nullptr);
  auto wrong = InventoryStore::Open(
      path_, Key("ffffffffffffffffffffffffffffffff00112233445566778899aabbccddeeff"));
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find("another key"), std::string::npos);
}

TEST_F(InventoryStoreTest, VersionOneStoreUpgrades) {
  {
    auto db = OpenSqliteBackend(path_);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Migrate(**db, 1).ok());
    EXPECT_EQ(*SchemaVersion(**db), 1);
    // Rows as a version-1 mamori wrote them.
    ASSERT_TRUE((*db)
                    ->Script("INSERT INTO runs (host, started_at, finished_at, inputs, options) "
                             "VALUES ('old', '2025-01-01T00:00:00Z', '2025-01-01T00:01:00Z', "
                             "'[\"/old\"]', '[]');"
                             "INSERT INTO objects (run_id, seq, host, path, size, status, risk, "
                             "counts, findings) VALUES (1, 1, 'old', '/old/list.txt', 10, 'ok', "
                             "'high', "
                             "'{\"card_number\":1}', 1);")
                    .ok());
    ASSERT_TRUE(
        (*db)
            ->Run("INSERT INTO findings (run_id, object_seq, type, confidence, line, masked, "
                  "value_hmac) VALUES (1, 1, 'card_number', 'high', 1, "
                  "'490123******0121', ?)",
                  {Key().Hmac(DataType::kCardNumber, kCard)})
            .ok());
  }
  auto store = Open();
  ASSERT_NE(store, nullptr);
  {
    auto db = OpenSqliteBackend(path_);
    EXPECT_EQ(*SchemaVersion(**db), kSchemaVersion);
  }
  auto objects = store->CurrentObjects();
  ASSERT_EQ(objects->size(), 1u);
  EXPECT_EQ(objects->front().path, "/old/list.txt");
  EXPECT_TRUE(objects->front().top_level());
  EXPECT_EQ(objects->front().counts[static_cast<size_t>(DataType::kCardNumber)], 1u);
  EXPECT_EQ(store->FindValue(DataType::kCardNumber, kCard)->size(), 1u);
  // And it takes new runs.
  RecordFirstRun(*store);
  EXPECT_EQ(store->CurrentObjects()->size(), 2u);
}

TEST_F(InventoryStoreTest, NewerSchemaIsRefused) {
  {
    auto db = OpenSqliteBackend(path_);
    ASSERT_TRUE(Migrate(**db).ok());
    ASSERT_TRUE((*db)->Script("UPDATE schema_version SET version = 99").ok());
  }
  auto store = InventoryStore::Open(path_, Key());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer"), std::string::npos);
}

TEST(TopOf, ContainerMembersBelongToTheirFile) {
  EXPECT_EQ(TopOf("/a/b.zip!/c/d.csv"), "/a/b.zip");
  EXPECT_EQ(TopOf("/a/b.zip!/c.zip!/d.csv"), "/a/b.zip");
  EXPECT_EQ(TopOf("/a/b.txt"), "/a/b.txt");
}

}  // namespace
}  // namespace mamori::inventory
