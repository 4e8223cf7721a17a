// Reading rows of the runs table into Run values. Private to engine/store.
#pragma once

#include "engine/store/database.h"
#include "engine/store/types.h"

namespace cairn {

// A macro so that queries are joined at compile time (GCC 12 warns falsely on run-time
// concatenation of long literals, PR 105329). Column 0 is the run's seq.
#define CAIRN_RUN_COLUMNS                                                                              \
    "r.seq, r.id, r.name, e.name, r.status, r.start_ms, r.end_ms, r.exit_code, r.command, r.workdir, " \
    "r.host, r.user, r.pid"
#define CAIRN_RUNS_FROM " FROM runs r JOIN experiments e ON e.id = r.experiment_id"
#define CAIRN_SELECT_RUNS "SELECT " CAIRN_RUN_COLUMNS CAIRN_RUNS_FROM

// The run of a row selected with CAIRN_SELECT_RUNS (params and tags not included).
inline Run readRun(const Statement& st)
{
    Run r;
    r.id = st.text(1);
    r.name = st.text(2);
    r.experiment = st.text(3);
    r.status = runStatusFromString(st.text(4)).value_or(RunStatus::Failed);
    r.startMs = st.int64(5);
    r.endMs = st.int64(6);
    if (!st.isNull(7))
        r.exitCode = static_cast<int>(st.int64(7));
    r.command = st.text(8);
    r.workdir = st.text(9);
    r.host = st.text(10);
    r.user = st.text(11);
    r.pid = st.int64(12);
    return r;
}

} // namespace cairn
