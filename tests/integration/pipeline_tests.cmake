# `cairn pipeline` through the real binary, included from tests/integration/CMakeLists.txt.
find_package(nlohmann_json 3 REQUIRED)
cairn_add_test(tst_pipeline_cli SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pipeline_cli.cpp ${CMAKE_CURRENT_LIST_DIR}/cli_harness.cpp
               LIBS cairn_core nlohmann_json::nlohmann_json LABELS integration)
target_compile_definitions(tst_pipeline_cli PRIVATE CAIRN_BIN="$<TARGET_FILE:cairn>" CAIRN_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data")
add_dependencies(tst_pipeline_cli cairn)
