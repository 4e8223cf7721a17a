// Store: dataset profiles, one JSON document per profiled object (engine/store/profile_rows.h).
#include "engine/store/store.h"

#include "engine/core/clock.h"
#include "engine/store/database.h"

namespace cairn {

Status Store::addDatasetProfile(const std::string& hash, const DatasetProfile& profile)
{
    auto st = m_db->prepare("INSERT OR IGNORE INTO dataset_profiles(hash, format, rows, columns, profile, created_ms) "
                            "VALUES(?, ?, ?, ?, ?, ?)");
    if (!st)
        return st.error();
    st->bind(1, hash).bind(2, profile.format).bind(3, static_cast<std::int64_t>(profile.rows));
    st->bind(4, static_cast<std::int64_t>(profile.columns.size())).bind(5, profileToJson(profile).dump()).bind(6, nowMs());
    return st->run();
}

Result<std::optional<DatasetProfile>> Store::datasetProfile(const std::string& hash)
{
    auto st = m_db->prepare("SELECT profile FROM dataset_profiles WHERE hash = ?");
    if (!st)
        return st.error();
    st->bind(1, hash);
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<DatasetProfile>();
    auto json = nlohmann::json::parse(st->text(0), nullptr, false);
    if (json.is_discarded())
        return makeError("the stored profile of " + hash.substr(0, 12) + " is not JSON");
    auto p = profileFromJson(json);
    if (!p)
        return makeError("the stored profile of " + hash.substr(0, 12) + ": " + p.message());
    return std::optional<DatasetProfile>(std::move(*p));
}

} // namespace cairn
