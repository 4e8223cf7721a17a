# `cairn pipeline run|status` through the real binary and engine, included from
# tests/integration/CMakeLists.txt.
cairn_add_test(tst_pipeline_run SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pipeline_run.cpp ${CMAKE_CURRENT_LIST_DIR}/cli_harness.cpp
               LIBS cairn_core LABELS integration)
target_compile_definitions(tst_pipeline_run PRIVATE CAIRN_BIN="$<TARGET_FILE:cairn>")
add_dependencies(tst_pipeline_run cairn)

# The cache key and lock file alone (engine/pipeline/cache_key.h).
cairn_add_test(tst_cache_key SOURCES ${PROJECT_SOURCE_DIR}/tests/unit/tst_cache_key.cpp LIBS cairn_core LABELS unit)
