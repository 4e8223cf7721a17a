# Tests of engine/remote pieces that need no daemon (config, framing, Slurm states, rsync
# statistics, ssh failures), included from tests/unit/CMakeLists.txt.
cairn_add_test(tst_executors SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_executors.cpp LIBS cairn_core LABELS unit)
