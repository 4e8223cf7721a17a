# engine/artifacts: the content-addressed store, artifact versions in the store, and
# `cairn artifact` (docs/artifacts.md).
cairn_add_test(tst_artifacts SOURCES tst_artifacts.cpp LIBS cairn_core LABELS unit)
cairn_add_test(tst_cli_artifacts SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/../integration/tst_cli_artifacts.cpp
               ${CMAKE_CURRENT_SOURCE_DIR}/../integration/cli_harness.cpp LIBS cairn_core LABELS integration)
target_compile_definitions(tst_cli_artifacts PRIVATE CAIRN_BIN="$<TARGET_FILE:cairn>")
target_include_directories(tst_cli_artifacts PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/../integration)
add_dependencies(tst_cli_artifacts cairn)
